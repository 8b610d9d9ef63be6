//! The top bar: the briefing's title and date, search, filters, and view toggles.

use egui::{Area, Frame, Id, Key, Order, RichText, Role, Ui, WidgetInfo};

use super::action::{Action, Actions};
use super::export_view::ExportView;
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
    match hit.target {
        Target::Item(item) => Action::Select(Some(item)),
        Target::Text(offset) => Action::ShowText(offset),
    }
}

/// The top bar: its own widgets' state (search, the PNG export menu).
#[derive(Default)]
pub struct TopBar {
    /// The search box.
    pub search: SearchBox,
    /// "Save PNG".
    pub export: ExportView,
}

impl TopBar {
    /// Draws the bar; `story_edited` marks the Story toggle while the story has unsaved changes.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        b: &Briefing,
        state: &mut AppState,
        actions: &mut Actions,
        measuring: &mut bool,
        story_edited: bool,
    ) {
        let (search, export) = (&mut self.search, &mut self.export);
        // On a narrow window the title gives way (cut short, in full on hover) so that nothing
        // overlaps; what the rest of the bar needs is measured on the previous frame.
        let rest_id = Id::unique("top-bar-rest-width");
        let rest = ui.data(|d| d.get_temp::<f32>(rest_id)).unwrap_or(0.0);
        ui.horizontal(|ui| {
            let a = b.article();
            let title_width = (ui.available_width() - rest).max(120.0);
            ui.scope(|ui| {
                ui.set_max_width(title_width);
                ui.add(egui::Label::new(RichText::new(&a.title).strong().size(17.0)).truncate());
            });
            let middle = ui.cursor().min.x;
            ui.label(RichText::new(format!("{} · {}", a.author, a.published.label())).small());
            ui.separator();
            search.show(ui, b, actions);
            filters_menu(ui, b, state);
            let middle = ui.cursor().min.x - middle;
            let right = ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("?").on_hover_text("Keyboard shortcuts (?)").clicked() {
                    state.panels.help = !state.panels.help;
                }
                let can_present = !b.story().is_empty();
                let present = ui.add_enabled(can_present, egui::Button::new("▶ Present"));
                if present.on_hover_text("Present the story full screen (F5)").clicked() {
                    actions.push(Action::Present(true));
                }
                let theme = state.theme;
                ui.menu_button("Save PNG", |ui| export.menu(ui, theme))
                    .response
                    .on_hover_text("Save the view as an image for slides");
                ui.menu_button("View", |ui| view_menu(ui, state)).response.on_hover_text("Legend, theme, basemap");
                let story = if story_edited { "Story (edited)" } else { "Story" };
                ui.toggle_value(&mut state.panels.story, story)
                    .on_hover_text("Edit the story and save the briefing (S)");
                ui.toggle_value(&mut state.panels.rings, "Rings").on_hover_text("Range rings and what they reach (G)");
                ui.toggle_value(measuring, "Measure")
                    .on_hover_text("Click points or places for geodesic distances (M)");
                ui.toggle_value(&mut state.panels.reader, "Article").on_hover_text("The article reader (R)");
                ui.toggle_value(&mut state.panels.side, "Details").on_hover_text("The selection panel (D)");
                if ui.button("Fit").on_hover_text("Frame every place (0)").clicked() {
                    actions.push(Action::FrameAll);
                }
            });
            let spacing = 2.0 * ui.spacing().item_spacing.x;
            ui.data_mut(|d| d.insert_temp(rest_id, middle + right.response.rect.width() + spacing));
        });
    }
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
    let hidden = state.filters.hidden_actors.len() + state.filters.hidden_kinds.len();
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
        ui.separator();
        ui.checkbox(&mut state.filters.hide_outside_window, "Hide (not fade) what is outside the time window");
        if ui.button("Reset filters").clicked() {
            state.filters = Default::default();
        }
    });
}
