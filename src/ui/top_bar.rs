//! The top bar: the briefing's title and date, search, filters, and view toggles.

use egui::{Area, Frame, Id, Key, Order, RichText, Role, Ui, WidgetInfo};

use super::action::{Action, Actions};
use super::command::{Command, Trigger};
use super::export_view::ExportView;
use super::handout_view::HandoutView;
use super::state::{AppState, Theme};
use super::theme::{actor_colour, claim_kind_strong};
use crate::briefing::{Briefing, ClaimKind};
use crate::search::{Hit, Target, search};

/// Id of the search field, so a shortcut can focus it.
pub fn search_id() -> Id {
    Id::unique("briefmap-search")
}

/// The search box's own state.
#[derive(Debug, Default)]
pub struct SearchBox {
    query: String,
    hits: Vec<Hit>,
    current: usize,
    open: bool,
}

impl SearchBox {
    /// Draws the box and its results; typing selects the best result, Enter the next one.
    pub fn show(&mut self, ui: &mut Ui, b: &Briefing, actions: &mut Actions) {
        let field = ui.add(
            egui::TextEdit::singleline(&mut self.query)
                .id(search_id())
                .hint_text("Search places, claims, text (Ctrl+F)")
                .desired_width(260.0),
        );
        field.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Search"));
        if field.changed() {
            self.hits = search(b, &self.query, 12);
            self.current = 0;
            self.open = !self.hits.is_empty();
            if let Some(hit) = self.hits.first() {
                actions.push(select(hit));
            }
        }
        if field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) && !self.hits.is_empty() {
            self.current = (self.current + 1) % self.hits.len();
            actions.push(select(&self.hits[self.current]));
            field.request_focus();
        }
        if ui.input(|i| i.key_pressed(Key::Escape)) {
            self.open = false;
        }
        if self.open && !self.hits.is_empty() && !self.query.is_empty() {
            let mut picked = None;
            Area::new(Id::unique("search-results")).order(Order::Foreground).fixed_pos(field.rect.left_bottom()).show(
                ui.ctx(),
                |ui| {
                    Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(420.0);
                        for (i, hit) in self.hits.iter().enumerate() {
                            let kind = match hit.target {
                                Target::Item(crate::briefing::Item::Place(_)) => "Place",
                                Target::Item(crate::briefing::Item::Region(_)) => "Region",
                                Target::Item(crate::briefing::Item::Claim(_)) => "Claim",
                                Target::Text(_) => "Text",
                            };
                            let text = format!("{kind}: {}", hit.label);
                            if ui.selectable_label(i == self.current, text).clicked() {
                                picked = Some(i);
                            }
                        }
                    });
                },
            );
            if let Some(i) = picked {
                self.current = i;
                actions.push(select(&self.hits[i]));
                self.open = false;
            }
            if !field.has_focus() && ui.input(|i| i.pointer.any_click()) && picked.is_none() {
                self.open = false;
            }
        }
    }
}

fn select(hit: &Hit) -> Action {
    match &hit.target {
        Target::Item(item) => Action::Select(Some(*item)),
        Target::Text(at) => Action::ShowText(at.clone()),
    }
}

/// The least width the title and byline get, however narrow the window.
const MIN_TITLE_ROOM: f32 = 120.0;
/// The title's share of that width when there is a byline beside it.
const TITLE_SHARE: f32 = 0.65;
/// Below this much room (points) the byline gives way to the title.
const BYLINE_FROM_ROOM: f32 = 240.0;

/// The top bar: its own widgets' state (search, the PNG export menu).
#[derive(Default)]
pub struct TopBar {
    /// The search box.
    pub search: SearchBox,
    /// "Save PNG".
    pub export: ExportView,
    /// File → Export handout….
    pub handout: HandoutView,
}

/// Where the briefing stands, for the bar's menus and marks.
#[derive(Clone, Debug, Default)]
pub struct Status {
    /// It has edits not saved yet.
    pub dirty: bool,
    /// How many problems it has (a draft).
    pub problems: usize,
    /// What Undo would undo, and Redo redo.
    pub undo: Option<String>,
    /// What Redo would redo.
    pub redo: Option<String>,
}

/// A button that gives `command`, labelled and explained from the command table.
fn command_button(ui: &mut Ui, actions: &mut Actions, command: Command) {
    if ui.button(command.label()).on_hover_text(command.hint(ui.ctx())).clicked() {
        actions.push(Action::Command(command));
    }
}

/// A toggle that gives `command`, showing whether its panel is open.
fn command_toggle(ui: &mut Ui, actions: &mut Actions, command: Command, on: bool, label: &str) {
    if ui.selectable_label(on, label).on_hover_text(command.hint(ui.ctx())).clicked() {
        actions.push(Action::Command(command));
    }
}

/// A menu entry that gives `command` (disabled when it cannot be given), with its shortcut.
fn menu_entry(ui: &mut Ui, actions: &mut Actions, command: Command, label: &str, enabled: bool) {
    let shortcut = match command.triggers().first() {
        Some(Trigger::Key(k)) => ui.ctx().format_shortcut(k),
        _ => String::new(),
    };
    let button = egui::Button::new(label).shortcut_text(shortcut);
    if ui.add_enabled(enabled, button).on_hover_text(command.tooltip()).clicked() {
        actions.push(Action::Command(command));
        ui.close();
    }
}

impl TopBar {
    /// Draws the bar; `status` marks unsaved edits and problems and labels Undo and Redo.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        b: &Briefing,
        state: &mut AppState,
        actions: &mut Actions,
        measuring: bool,
        status: &Status,
    ) {
        let (search, export) = (&mut self.search, &mut self.export);
        // On a narrow window the title gives way (cut short, in full on hover) so that nothing
        // overlaps; what the rest of the bar needs is measured on the previous frame.
        let rest_id = Id::unique("top-bar-rest-width");
        let rest = ui.data(|d| d.get_temp::<f32>(rest_id)).unwrap_or(0.0);
        ui.horizontal(|ui| {
            file_menu(ui, state, actions, status, &mut self.handout, b);
            edit_menu(ui, actions, status);
            // The title and its byline share what the rest leaves; the title takes most of it.
            let room = (ui.available_width() - rest).max(MIN_TITLE_ROOM);
            // Too little room for both: the title alone (the overview in Details has the byline).
            let byline = if room < BYLINE_FROM_ROOM { String::new() } else { b.article().byline(" · ") };
            let start = ui.cursor().min.x;
            ui.scope(|ui| {
                ui.set_max_width(if byline.is_empty() { room } else { room * TITLE_SHARE });
                ui.add(egui::Label::new(RichText::new(b.title()).strong().size(17.0)).truncate());
            });
            let used = ui.cursor().min.x - start;
            ui.scope(|ui| {
                ui.set_max_width((room - used).max(0.0));
                ui.add(egui::Label::new(RichText::new(byline).small()).truncate());
            });
            let middle = ui.cursor().min.x;
            ui.separator();
            search.show(ui, b, actions);
            filters_menu(ui, b, state);
            if status.problems > 0 {
                let label = format!("⚠ Problems ({})", status.problems);
                command_toggle(ui, actions, Command::Problems, state.panels.problems, &label);
            }
            let middle = ui.cursor().min.x - middle;
            let right = ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                command_button(ui, actions, Command::Help);
                let can_present = !b.story().is_empty();
                let present = ui.add_enabled(can_present, egui::Button::new(Command::Present.label()));
                if present.on_hover_text(Command::Present.hint(ui.ctx())).clicked() {
                    actions.push(Action::Command(Command::Present));
                }
                let theme = state.theme;
                ui.menu_button("Save PNG", |ui| {
                    if let Some(request) = export.menu(ui, theme) {
                        actions.push(Action::Export(request));
                    }
                })
                .response
                .on_hover_text("Save the view as an image for slides");
                ui.menu_button("View", |ui| view_menu(ui, state)).response.on_hover_text("Legend, theme, basemap");
                let story = if status.dirty { "Story (edited)" } else { Command::Story.label() };
                command_toggle(ui, actions, Command::Story, state.panels.story, story);
                command_toggle(ui, actions, Command::Author, state.panels.author, Command::Author.label());
                command_toggle(ui, actions, Command::Sources, state.panels.sources, Command::Sources.label());
                command_toggle(ui, actions, Command::Rings, state.panels.rings, Command::Rings.label());
                command_toggle(ui, actions, Command::Measure, measuring, Command::Measure.label());
                command_toggle(ui, actions, Command::Reader, state.panels.reader, Command::Reader.label());
                command_toggle(ui, actions, Command::Details, state.panels.side, Command::Details.label());
                command_button(ui, actions, Command::FrameAll);
                // What the buttons take, not the whole width the layout was given.
                ui.min_rect().width()
            });
            let spacing = 2.0 * ui.spacing().item_spacing.x;
            ui.data_mut(|d| d.insert_temp(rest_id, middle + right.inner + spacing));
        });
        if let Some(request) = self.handout.window(ui.ctx(), b) {
            actions.push(Action::Handout(request));
        }
    }
}

/// File: open (and the recent files), save, save as, export the handout.
fn file_menu(
    ui: &mut Ui,
    state: &AppState,
    actions: &mut Actions,
    status: &Status,
    handout: &mut HandoutView,
    b: &Briefing,
) {
    ui.menu_button("File", |ui| {
        menu_entry(ui, actions, Command::NewFromArticle, Command::NewFromArticle.label(), true);
        menu_entry(ui, actions, Command::Open, Command::Open.label(), true);
        menu_entry(ui, actions, Command::AddSource, Command::AddSource.label(), true);
        menu_entry(ui, actions, Command::Import, Command::Import.label(), true);
        ui.add_enabled_ui(!state.recent.is_empty(), |ui| {
            ui.menu_button("Open recent", |ui| {
                for path in &state.recent {
                    if ui.button(path.display().to_string()).clicked() {
                        actions.push(Action::Open(path.clone()));
                        ui.close();
                    }
                }
            });
        });
        ui.separator();
        let save = if status.dirty { "Save ●" } else { Command::Save.label() };
        menu_entry(ui, actions, Command::Save, save, true);
        menu_entry(ui, actions, Command::SaveAs, Command::SaveAs.label(), true);
        ui.separator();
        let label = match handout.progress() {
            Some((done, total)) => format!("Export handout… ({done}/{total})"),
            None => "Export handout…".to_owned(),
        };
        let entry = ui
            .button(label)
            .on_hover_text("The briefing as a PDF to hand out: a page per story step, its quotes and sources");
        if entry.clicked() {
            handout.show_window(b);
            ui.close();
        }
        ui.separator();
        menu_entry(ui, actions, Command::Quit, Command::Quit.label(), true);
    })
    .response
    .on_hover_text("Open and save briefings");
}

/// Edit: undo and redo, saying what they would undo or redo.
fn edit_menu(ui: &mut Ui, actions: &mut Actions, status: &Status) {
    ui.menu_button("Edit", |ui| {
        let undo = status.undo.as_ref().map_or_else(|| "Undo".to_owned(), |what| format!("Undo {what}"));
        menu_entry(ui, actions, Command::Undo, &undo, status.undo.is_some());
        let redo = status.redo.as_ref().map_or_else(|| "Redo".to_owned(), |what| format!("Redo {what}"));
        menu_entry(ui, actions, Command::Redo, &redo, status.redo.is_some());
    })
    .response
    .on_hover_text("Undo and redo changes to the briefing");
}

/// Display settings that are set once rather than toggled while working.
fn view_menu(ui: &mut Ui, state: &mut AppState) {
    ui.checkbox(&mut state.panels.legend, "Legend (L)");
    let mut dark = state.theme == Theme::Dark;
    if ui.checkbox(&mut dark, "Dark theme (T)").changed() {
        state.theme = if dark { Theme::Dark } else { Theme::Light };
    }
    ui.checkbox(&mut state.online, "OpenStreetMap tiles (needs a network)")
        .on_hover_text("Off: the offline basemap, built into briefmap");
    ui.checkbox(&mut state.briefing_rings, "The briefing's range rings");
}

fn filters_menu(ui: &mut Ui, b: &Briefing, state: &mut AppState) {
    let hidden = state.filters.count();
    let title = if hidden > 0 { format!("Filters ({hidden} off)") } else { "Filters".to_owned() };
    ui.menu_button(title, |ui| {
        ui.label(RichText::new("Actors").strong());
        for actor in b.actors() {
            let mut on = !state.filters.hidden_actors.contains(&actor.id);
            let text = RichText::new(&actor.name).color(actor_colour(b, &actor.id));
            if ui.checkbox(&mut on, text).changed() {
                if on {
                    state.filters.hidden_actors.remove(&actor.id);
                } else {
                    state.filters.hidden_actors.insert(actor.id.clone());
                }
            }
        }
        ui.separator();
        ui.label(RichText::new("Claim kinds").strong());
        for kind in ClaimKind::ALL {
            let mut on = !state.filters.hidden_kinds.contains(&kind);
            if ui.checkbox(&mut on, RichText::new(kind.label()).color(claim_kind_strong(kind))).changed() {
                if on {
                    state.filters.hidden_kinds.remove(&kind);
                } else {
                    state.filters.hidden_kinds.insert(kind);
                }
            }
        }
        if b.sources().len() > 1 {
            ui.separator();
            source_filters(ui, b, state);
        }
        ui.separator();
        ui.checkbox(&mut state.filters.hide_outside_window, "Hide (not fade) what is outside the time window");
        if ui.button("Reset filters").clicked() {
            state.filters = Default::default();
        }
    });
}

/// Sources on and off, and the least grade a source needs to show.
fn source_filters(ui: &mut Ui, b: &Briefing, state: &mut AppState) {
    use crate::briefing::Reliability;
    ui.label(RichText::new("Sources").strong());
    for (i, source) in b.sources().iter().enumerate() {
        let mut on = !state.filters.hidden_sources.contains(&source.id);
        let label = format!("{} ({})", source.short_name(), source.reliability_or_default().letter());
        let text = RichText::new(label).color(super::theme::source_colour(i));
        if ui.checkbox(&mut on, text).on_hover_text(source.reliability_label()).changed() {
            if on {
                state.filters.hidden_sources.remove(&source.id);
            } else {
                state.filters.hidden_sources.insert(source.id.clone());
            }
        }
    }
    // Radio buttons, not a combo box: a popup inside the menu's popup would close the menu.
    ui.label(RichText::new("Least reliability").strong());
    ui.radio_value(&mut state.filters.min_reliability, None, "Any grade");
    for grade in &Reliability::ALL[..5] {
        ui.radio_value(&mut state.filters.min_reliability, Some(*grade), format!("{} or better", grade.label()));
    }
}
