//! The authoring panel: the review list of what the extractor suggested (places, regions and
//! dates in text order, with confidence: accept, reject, switch to another reading, accept
//! all above a confidence) and the briefing's claims (make one from the passage selected in
//! the reader, edit, delete). Everything it does is an edit through the session.

use egui::{Button, ComboBox, RichText, ScrollArea, Slider, TextEdit, Ui, vec2};

use super::action::{Action, Actions};
use super::theme::Palette;
use crate::authoring::places;
use crate::authoring::review::{self, ReviewRow, Suggested};
use crate::briefing::{Briefing, Candidate, Confidence, Item, PlaceKind, Review, TextRef};
use crate::extract::Gazetteer;
use crate::session::{Edit, ListEdit, Session};

/// Confidence offered for "accept all above" when the panel opens.
const DEFAULT_THRESHOLD: f64 = 0.8;

/// Claims kept in view under the review list (more scroll).
const CLAIM_ROWS_KEPT: usize = 6;
/// Room under the review list for the claims' heading and separators, in points.
const BELOW_LIST: f32 = 60.0;
/// Room for the expanded row's mentions and gazetteer search, in points.
const EXPANDED_DETAILS: f32 = 170.0;

/// Space between two review rows, in points.
const ROW_GAP: f32 = 2.0;

/// Gazetteer entries listed for a name typed (another reading, a place to add).
const SEARCH_RESULTS: usize = 6;

/// What the panel shows of the suggestions.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Show {
    /// Those still to decide.
    #[default]
    Undecided,
    /// Those rejected too (to reconsider them).
    All,
}

/// The panel's own state.
#[derive(Debug)]
pub struct AuthorPanel {
    threshold: f64,
    show: Show,
    /// The row whose mentions are listed.
    expanded: Option<Suggested>,
    /// A place being added: it goes where the map is clicked next.
    adding: Option<Adding>,
    /// A new actor's name as typed.
    new_actor: String,
    /// The gazetteer search under the expanded row, as typed.
    search: String,
    /// Only the rows whose label holds this (any case).
    find: String,
    /// The review rows and the session generation they were made at.
    rows: Option<(u64, std::rc::Rc<Vec<ReviewRow>>)>,
}

/// A place being added by hand.
#[derive(Clone, Debug, PartialEq)]
struct Adding {
    name: String,
    kind: PlaceKind,
    /// The words in a source that name it (the reader's selection when "Add place" was pressed).
    mention: Option<TextRef>,
}

impl Default for AuthorPanel {
    fn default() -> Self {
        Self {
            threshold: DEFAULT_THRESHOLD,
            show: Show::default(),
            expanded: None,
            adding: None,
            new_actor: String::new(),
            search: String::new(),
            find: String::new(),
            rows: None,
        }
    }
}

/// What the panel draws from.
#[derive(Clone, Copy)]
pub struct PanelInput<'a> {
    /// The session under review.
    pub session: &'a Session,
    /// The gazetteer to search, once it is read.
    pub gazetteer: Option<&'a Gazetteer>,
    /// The passage selected in the reader, if any.
    pub selected_text: Option<&'a TextRef>,
    /// What is selected on the map or in the panels.
    pub selected: Option<Item>,
}

/// What the panel asks for besides edits: the claim form, for a selection or a claim.
#[derive(Clone, Debug, PartialEq)]
pub enum FormRequest {
    /// A new claim from this passage.
    New(TextRef),
    /// Edit claim `i`.
    Edit(usize),
}

fn edit(actions: &mut Actions, edit: Option<Edit>) {
    if let Some(e) = edit {
        actions.push(Action::Edit(Box::new(e)));
    }
}

impl AuthorPanel {
    /// Whether a place is being added (the map's next click puts it).
    pub fn adding_place(&self) -> bool {
        self.adding.as_ref().is_some_and(|a| !a.name.trim().is_empty())
    }

    /// The edit that puts the place being added at `point` (a click on the map), if one is.
    pub fn place_at(&mut self, b: &Briefing, point: geo::Point<f64>) -> Option<Edit> {
        let a = self.adding.take().filter(|a| !a.name.trim().is_empty())?;
        let source = places::BY_HAND;
        Some(places::add(b, &a.name, a.kind, point.y(), point.x(), a.mention, source, Confidence::Approximate))
    }

    /// "Add a place": its name (from the selected words), kind, then a click on the map.
    fn add_place(
        &mut self,
        ui: &mut Ui,
        b: &Briefing,
        g: Option<&Gazetteer>,
        selected_text: Option<&TextRef>,
        pal: &Palette,
        actions: &mut Actions,
    ) {
        match &mut self.adding {
            None => {
                let add =
                    ui.button("Add a place").on_hover_text("Select its name in the article first, then click the map");
                if add.clicked() {
                    let name = selected_text.and_then(|at| b.quote_at(at)).unwrap_or_default().trim().to_owned();
                    self.adding = Some(Adding { name, kind: PlaceKind::City, mention: selected_text.cloned() });
                }
            }
            Some(a) => {
                let mut cancel = false;
                ui.horizontal(|ui| {
                    let field = ui.add(egui::TextEdit::singleline(&mut a.name).hint_text("Name").desired_width(140.0));
                    field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New place name"));
                    ComboBox::new("new-place-kind", "Kind").selected_text(a.kind.label()).show_ui(ui, |ui| {
                        for k in PlaceKind::ALL {
                            ui.selectable_value(&mut a.kind, k, k.label());
                        }
                    });
                    cancel = ui.button("Cancel").clicked();
                });
                ui.label(RichText::new("Now click the map where it is, or pick it here:").color(pal.highlight));
                let picked = g.and_then(|g| pick_entry(ui, g, &a.name, "Put at", true));
                if let Some(c) = picked {
                    let kind = crate::authoring::review::place_kind(&c);
                    let add =
                        places::add(b, &a.name, kind, c.lat, c.lon, a.mention.clone(), &c.source, Confidence::Good);
                    actions.push(Action::Edit(Box::new(add)));
                    cancel = true;
                }
                if cancel {
                    self.adding = None;
                }
            }
        }
    }

    /// Draws the panel for what `input` gives it.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        input: &PanelInput<'_>,
        pal: &Palette,
        actions: &mut Actions,
    ) -> Option<FormRequest> {
        let PanelInput { session, gazetteer: g, selected_text, selected } = *input;
        let b = session.briefing();
        let mut form = None;
        ui.heading("Review and author");
        let rows = self.rows(session);
        let undecided = rows.iter().filter(|r| r.suggestion.status == Review::Undecided).count();
        ui.label(
            RichText::new(format!(
                "{} to decide, {}",
                counted(undecided, "suggestion", "suggestions"),
                counted(b.claims().len(), "claim", "claims")
            ))
            .color(pal.muted),
        );
        ui.separator();
        ui.horizontal(|ui| {
            let new = ui.add_enabled(selected_text.is_some(), Button::new("New claim from selection"));
            let hint = if selected_text.is_some() {
                "Make the passage selected in the article a claim"
            } else {
                "Select a passage in the article first"
            };
            if new.on_hover_text(hint).clicked() {
                form = selected_text.cloned().map(FormRequest::New);
            }
        });
        self.add_place(ui, b, g, selected_text, pal, actions);
        ui.horizontal(|ui| {
            let field =
                ui.add(egui::TextEdit::singleline(&mut self.new_actor).hint_text("e.g. NATO").desired_width(120.0));
            field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "New actor name"));
            if ui.add_enabled(!self.new_actor.trim().is_empty(), Button::new("Add actor")).clicked() {
                edit(actions, crate::authoring::actors::add(b, &self.new_actor));
                self.new_actor.clear();
            }
        });
        if let Some(Item::Place(i)) = selected {
            describe_place(ui, b, i, actions);
        }
        ui.add_space(4.0);
        self.bulk(ui, b, &rows, undecided, actions);
        let show = self.show;
        // Typed without diacritics, "Siau" finds Šiauliai.
        let fold = |s: &str| deunicode::deunicode(s).to_lowercase();
        let find = fold(self.find.trim());
        let listed: Vec<&ReviewRow> = rows
            .iter()
            .filter(|r| show == Show::All || r.suggestion.status == Review::Undecided)
            .filter(|r| find.is_empty() || fold(&r.label).contains(&find))
            .collect();
        // The list takes what the claims below it and the expanded row's details leave.
        let claim_rows = b.claims().len().clamp(1, CLAIM_ROWS_KEPT) as f32;
        let below = claim_rows * 2.0 * ui.spacing().interact_size.y
            + BELOW_LIST
            + if self.expanded.is_some() { EXPANDED_DETAILS } else { 0.0 };
        let list_height = (ui.available_height() - below).max(120.0);
        // Only the rows in view are laid out: a long article has hundreds of suggestions.
        let row_height = 2.0 * ui.spacing().interact_size.y + ui.spacing().item_spacing.y + ROW_GAP;
        ScrollArea::vertical().id_salt("review-rows").max_height(list_height).auto_shrink([false, true]).show_rows(
            ui,
            row_height,
            listed.len(),
            |ui, range| {
                for row in &listed[range] {
                    ui.allocate_ui(vec2(ui.available_width(), row_height), |ui| {
                        ui.set_min_height(row_height);
                        self.row(ui, b, row, pal, actions);
                    });
                }
            },
        );
        if undecided == 0 {
            ui.label(RichText::new("Every suggestion is decided.").color(pal.muted));
        } else if listed.is_empty() && !find.is_empty() {
            let which = if show == Show::All { "suggestion" } else { "suggestion to decide" };
            ui.label(RichText::new(format!("No {which} matches \"{}\".", self.find.trim())).color(pal.muted));
        }
        // The expanded row's mentions and gazetteer search, under the list.
        if let Some(row) = rows.iter().find(|r| Some(r.what) == self.expanded) {
            ui.group(|ui| {
                ui.label(RichText::new(format!("{}: its mentions", row.label)).strong());
                mentions(ui, b, row, actions);
                let rejected = row.suggestion.status == Review::Rejected;
                if let (Some(g), false) = (g, rejected || matches!(row.what, Suggested::Date(_))) {
                    self.search_other(ui, b, g, row, actions);
                }
            });
        }
        ui.separator();
        form.or_else(|| claims(ui, b, pal, actions))
    }

    /// The review rows of the session's briefing, made again only when the document changed.
    fn rows(&mut self, session: &Session) -> std::rc::Rc<Vec<ReviewRow>> {
        match &self.rows {
            Some((generation, rows)) if *generation == session.generation() => rows.clone(),
            _ => {
                let rows = std::rc::Rc::new(review::rows(session.briefing()));
                self.rows = Some((session.generation(), rows.clone()));
                rows
            }
        }
    }

    /// "Accept all above" and what the list shows.
    fn bulk(&mut self, ui: &mut Ui, b: &Briefing, rows: &[ReviewRow], undecided: usize, actions: &mut Actions) {
        ui.horizontal(|ui| {
            let above = rows
                .iter()
                .filter(|r| r.suggestion.status == Review::Undecided && r.suggestion.confidence >= self.threshold)
                .count();
            let accept =
                ui.add_enabled(above > 0, Button::new(format!("Accept all above {:.2} ({above})", self.threshold)));
            if accept.on_hover_text("One step: undo takes them all back").clicked() {
                edit(actions, review::accept_all_above(b, self.threshold));
            }
            ui.add(Slider::new(&mut self.threshold, 0.0..=1.0).show_value(false)).on_hover_text("Confidence");
        });
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.show, Show::Undecided, format!("To decide ({undecided})"));
            ui.selectable_value(&mut self.show, Show::All, "All, with rejected");
            let field = ui.add(TextEdit::singleline(&mut self.find).hint_text("Find in the list").desired_width(120.0));
            field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Find a suggestion"));
        });
    }

    fn row(&mut self, ui: &mut Ui, b: &Briefing, row: &ReviewRow, pal: &Palette, actions: &mut Actions) {
        let rejected = row.suggestion.status == Review::Rejected;
        ui.horizontal(|ui| {
            let conf = format!("{:.2}", row.suggestion.confidence);
            ui.label(RichText::new(conf).monospace().small().color(pal.muted))
                .on_hover_text("How sure the extractor was (0 to 1)");
            let what = match row.what {
                Suggested::Place(i) => b.places()[i].kind.label(),
                Suggested::Region(i) => b.regions()[i].kind.label(),
                Suggested::Date(_) => "Date",
            };
            let mut label = RichText::new(format!("{} · {what}", row.label));
            if rejected {
                label = label.strikethrough().color(pal.muted);
            }
            let name = ui.add(Button::selectable(self.expanded == Some(row.what), label).truncate());
            if name.on_hover_text("Show it on the map and in the article").clicked() {
                self.expanded = if self.expanded == Some(row.what) { None } else { Some(row.what) };
                if let Some(item) = row.what.item() {
                    actions.push(Action::Select(Some(item)));
                }
                if let Some(at) = &row.first {
                    actions.push(Action::ShowText(at.clone()));
                }
            }
        });
        ui.horizontal(|ui| {
            ui.add_space(34.0);
            // Each row's buttons say whose they are to a screen reader ("Reject Warsaw").
            let label = &row.label;
            if rejected {
                if named(ui.small_button("Reconsider"), format!("Reconsider {label}")).clicked() {
                    edit(actions, review::reconsider(b, row.what));
                }
                return;
            }
            if named(ui.small_button("Accept"), format!("Accept {label}"))
                .on_hover_text(format!("{label} is right"))
                .clicked()
            {
                edit(actions, review::accept(b, row.what));
            }
            let everywhere =
                if row.mentions > 1 { format!("Reject everywhere ({})", row.mentions) } else { "Reject".into() };
            let reject = named(ui.small_button(everywhere), format!("Reject {label}"));
            if reject.on_hover_text(format!("Not {label} in this text")).clicked() {
                edit(actions, review::reject(b, row.what));
            }
            if !row.suggestion.alternatives.is_empty() {
                let mut picked = None;
                let combo = ComboBox::new(("other", row.what), "").selected_text("Other reading").width(120.0);
                let inner = combo.show_ui(ui, |ui| {
                    for (k, c) in row.suggestion.alternatives.iter().enumerate() {
                        let country = c.country.as_deref().map(|c| format!(", {c}")).unwrap_or_default();
                        let text = format!("{} ({}{country})", c.name, c.kind);
                        if ui.selectable_label(false, text).on_hover_text(&c.why).clicked() {
                            picked = Some(k);
                        }
                    }
                });
                named(inner.response, format!("Other reading of {label}"));
                if let Some(k) = picked {
                    edit(actions, review::switch(b, row.what, k));
                }
            }
        });
    }
}

impl AuthorPanel {
    /// Under an expanded row: a search of the whole gazetteer for the reading the extractor
    /// did not keep.
    fn search_other(&mut self, ui: &mut Ui, b: &Briefing, g: &Gazetteer, row: &ReviewRow, actions: &mut Actions) {
        ui.horizontal(|ui| {
            ui.add_space(34.0);
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.search).hint_text("Search the gazetteer").desired_width(180.0),
            );
            let label = format!("Search the gazetteer for {}", row.label);
            field.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &label));
        });
        let query = self.search.clone();
        if let Some(c) = pick_entry(ui, g, &query, "Use", false) {
            edit(actions, review::switch_to(b, row.what, c));
            self.search.clear();
        }
    }
}

/// The gazetteer's entries called `name`, each a button ("Put at Minsk (city, BY)"); the one
/// clicked. `points_only` leaves out areas (countries, provinces, seas).
fn pick_entry(ui: &mut Ui, g: &Gazetteer, name: &str, verb: &str, points_only: bool) -> Option<Candidate> {
    use crate::extract::PlaceKindX as K;
    let mut picked = None;
    for e in g.search(name, SEARCH_RESULTS).into_iter().filter_map(|p| g.entry(p)) {
        if points_only && matches!(e.kind, K::Country | K::Province | K::Region | K::Sea) {
            continue;
        }
        let country = if e.country.is_empty() { String::new() } else { format!(", {}", e.country) };
        let population = e.population.map(|n| format!(", {n} people")).unwrap_or_default();
        let text = format!("{verb} {} ({}{country}{population})", e.name, e.kind.as_str());
        ui.horizontal(|ui| {
            ui.add_space(34.0);
            let at = format!("{:.3}, {:.3}", e.lat, e.lon);
            if ui.small_button(text).on_hover_text(at).clicked() {
                picked = Some(review::candidate(&e));
            }
        });
    }
    picked
}

/// `response` with `name` for screen readers (and tests), whatever its visible text.
fn named(response: egui::Response, name: String) -> egui::Response {
    let enabled = response.enabled();
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, name.clone()));
    response
}

/// The selected place's kind and actors, to set; its marker can be dragged on the map.
fn describe_place(ui: &mut Ui, b: &Briefing, i: usize, actions: &mut Actions) {
    let Some(p) = b.places().get(i) else { return };
    ui.group(|ui| {
        ui.label(RichText::new(format!("{} (drag its marker to move it)", p.name)).strong());
        let mut kind = p.kind;
        ComboBox::new("place-kind", "Kind of place").selected_text(kind.label()).show_ui(ui, |ui| {
            for k in PlaceKind::ALL {
                ui.selectable_value(&mut kind, k, k.label());
            }
        });
        if kind != p.kind {
            edit(actions, places::with_kind(b, i, kind));
        }
        ui.horizontal_wrapped(|ui| {
            for a in b.actors() {
                let mut on = p.actors.contains(&a.id);
                if ui.checkbox(&mut on, &a.name).changed() {
                    edit(actions, places::with_actor(b, i, &a.id, on));
                }
            }
        });
    });
}

/// A row's mentions, each with its words in context and "not this one".
fn mentions(ui: &mut Ui, b: &Briefing, row: &ReviewRow, actions: &mut Actions) {
    let list: Vec<TextRef> = match row.what {
        Suggested::Place(i) => b.places()[i].mentions.clone(),
        Suggested::Region(i) => b.regions()[i].mentions.clone(),
        Suggested::Date(i) => vec![b.doc().dates[i].at.clone()],
    };
    for m in list {
        ui.horizontal(|ui| {
            ui.add_space(34.0);
            let context = in_context(b, &m);
            if ui.link(RichText::new(context).small()).clicked() {
                actions.push(Action::ShowText(m.clone()));
            }
            if list_len(b, row) > 1
                && ui.small_button("Not here").on_hover_text("This mention means something else").clicked()
            {
                edit(actions, review::reject_mention(b, row.what, &m));
            }
        });
    }
}

fn list_len(b: &Briefing, row: &ReviewRow) -> usize {
    match row.what {
        Suggested::Place(i) => b.places()[i].mentions.len(),
        Suggested::Region(i) => b.regions()[i].mentions.len(),
        Suggested::Date(_) => 1,
    }
}

/// Width of the context shown either side of a mention, in characters.
const CONTEXT_CHARS: usize = 28;

/// "…the words before **mention** the words after…".
fn in_context(b: &Briefing, at: &TextRef) -> String {
    let Some(text) = b.text_of(&at.source).map(|t| t.full()) else { return String::new() };
    let (Some(before), Some(words), Some(after)) = (text.get(..at.start), text.get(at.range()), text.get(at.end..))
    else {
        return String::new();
    };
    let before: String = before.chars().rev().take(CONTEXT_CHARS).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = after.chars().take(CONTEXT_CHARS).collect();
    format!("…{}[{words}]{}…", before.replace('\n', " "), after.replace('\n', " "))
}

/// The claims, each with edit and delete; returns a request for the form.
fn claims(ui: &mut Ui, b: &Briefing, pal: &Palette, actions: &mut Actions) -> Option<FormRequest> {
    let mut form = None;
    ui.strong(format!("Claims ({})", b.claims().len()));
    let row_height = 2.0 * ui.spacing().interact_size.y + ui.spacing().item_spacing.y;
    let scroll = ScrollArea::vertical().id_salt("author-claims").auto_shrink([false, false]);
    scroll.show_rows(ui, row_height, b.claims().len(), |ui, range| {
        for i in range {
            let c = &b.claims()[i];
            ui.horizontal(|ui| {
                ui.set_min_size(vec2(ui.available_width(), 0.0));
                if ui.add(Button::selectable(false, &c.summary).truncate()).clicked() {
                    actions.push(Action::Select(Some(Item::Claim(i))));
                }
            });
            ui.horizontal(|ui| {
                ui.add_space(12.0);
                if ui.small_button("Edit claim").clicked() {
                    form = Some(FormRequest::Edit(i));
                }
                let delete =
                    ui.small_button("Delete claim").on_hover_text("Links and story steps that use it stop you");
                if delete.clicked() {
                    actions.push(Action::Edit(Box::new(Edit::Claims(ListEdit::Remove(i)))));
                }
            });
        }
        if b.claims().is_empty() {
            ui.label(RichText::new("No claims yet: select a passage in the article, then New claim.").color(pal.muted));
        }
    });
    form
}

/// "1 claim", "2 claims".
pub(super) fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
