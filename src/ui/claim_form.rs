//! The claim form: a small window to make a claim from a selected passage (or change one).
//! The quote and its place in the text are fixed — they are the text's bytes — and the rest
//! comes proposed: the places and dates the passage mentions, who says it, its kind, actors.

use egui::{Button, ComboBox, RichText, Role, ScrollArea, TextEdit, Ui, WidgetInfo, Window};

use super::action::{Action, Actions};
use super::theme::Palette;
use crate::authoring::claim::{self, ClaimDraft, SpeakerGuess};
use crate::briefing::{Briefing, ClaimKind, Item, LinkKind};
use crate::session::Session;

/// The form's own state: the draft as it is being filled in, and which claim it changes.
#[derive(Debug)]
pub struct ClaimForm {
    draft: ClaimDraft,
    /// The claim being changed; `None` for a new one.
    editing: Option<usize>,
    /// A new speaker's name as typed.
    new_speaker: String,
    /// The link being set up: from, to (indices into the claim's places) and its kind.
    link: (usize, usize, LinkKind),
}

impl ClaimForm {
    /// A form for a new claim from `draft`.
    pub fn new(draft: ClaimDraft) -> Self {
        let new_speaker = match &draft.speaker {
            SpeakerGuess::New { name, .. } => name.clone(),
            _ => String::new(),
        };
        Self { draft, editing: None, new_speaker, link: (0, 1, LinkKind::Talks) }
    }

    /// A form to change claim `i`.
    pub fn edit(b: &Briefing, i: usize) -> Option<Self> {
        let draft = claim::of_claim(b, i)?;
        Some(Self { draft, editing: Some(i), new_speaker: String::new(), link: (0, 1, LinkKind::Talks) })
    }

    /// Draws the window; returns false once it is done (made, changed or cancelled).
    pub fn show(&mut self, ctx: &egui::Context, session: &Session, pal: &Palette, actions: &mut Actions) -> bool {
        let b = session.briefing();
        let mut open = true;
        let mut done = false;
        let title = if self.editing.is_some() { "Change claim" } else { "New claim" };
        Window::new(title).open(&mut open).default_width(460.0).collapsible(false).show(ctx, |ui| {
            // Each form its own scroll state, so a new one opens at its quote, not where the last
            // one (or the last run: egui keeps scroll offsets) was left.
            let salt = ("claim-form", &self.draft.at, self.editing);
            ScrollArea::vertical().id_salt(salt).max_height(560.0).auto_shrink([false, true]).show(ui, |ui| {
                self.fields(ui, b, pal);
                ui.separator();
                done = self.buttons(ui, b, actions);
            });
        });
        open && !done
    }

    fn fields(&mut self, ui: &mut Ui, b: &Briefing, pal: &Palette) {
        let d = &mut self.draft;
        ui.label(RichText::new(format!("“{}”", d.quote)).italics());
        let source = b.source_index(&d.at.source).map(|i| b.sources()[i].title.as_str()).unwrap_or_default();
        ui.label(RichText::new(format!("{source}, bytes {}–{}", d.at.start, d.at.end)).small().color(pal.muted));
        ui.add_space(4.0);
        ui.label("Summary, one line in your words");
        let summary = ui.add(TextEdit::singleline(&mut d.summary).desired_width(f32::INFINITY));
        summary.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Claim summary"));
        ui.horizontal(|ui| {
            ComboBox::new("claim-kind", "Kind of claim").selected_text(d.kind.label()).show_ui(ui, |ui| {
                for k in ClaimKind::ALL {
                    ui.selectable_value(&mut d.kind, k, k.label());
                }
            });
        });
        speaker(ui, b, d, &mut self.new_speaker);
        ui.label(RichText::new("Where").strong());
        parts(ui, b, d);
        ui.label(RichText::new("When").strong());
        when(ui, b, d);
        ui.label(RichText::new("Links it supports").strong());
        links(ui, b, d, &mut self.link);
        ui.label(RichText::new("Actors").strong());
        ui.horizontal_wrapped(|ui| {
            for a in b.actors() {
                let mut on = d.actors.contains(&a.id);
                if ui.checkbox(&mut on, &a.name).changed() {
                    if on {
                        d.actors.push(a.id.clone());
                    } else {
                        d.actors.retain(|x| x != &a.id);
                    }
                }
            }
        });
    }

    fn buttons(&mut self, ui: &mut Ui, b: &Briefing, actions: &mut Actions) -> bool {
        if let SpeakerGuess::New { name, .. } = &mut self.draft.speaker {
            name.clone_from(&self.new_speaker);
        }
        let missing = claim::missing(&self.draft);
        let mut done = false;
        ui.horizontal(|ui| {
            let label = if self.editing.is_some() { "Save claim" } else { "Make claim" };
            let make = ui.add_enabled(missing.is_none(), Button::new(label));
            if make.on_disabled_hover_text(missing.unwrap_or_default()).clicked() {
                let edit = match self.editing {
                    Some(i) => claim::update(b, i, &self.draft),
                    None => Some(claim::create(b, &self.draft)),
                };
                if let Some(e) = edit {
                    actions.push(Action::Edit(Box::new(e)));
                }
                done = true;
            }
            if ui.button("Cancel").clicked() {
                done = true;
            }
            if let Some(m) = missing {
                ui.label(RichText::new(m).small());
            }
        });
        done
    }
}

fn speaker(ui: &mut Ui, b: &Briefing, d: &mut ClaimDraft, new_name: &mut String) {
    ui.horizontal(|ui| {
        let current = match &d.speaker {
            SpeakerGuess::Known(id) => b.speaker(id).map_or(id.clone(), |s| s.label()),
            SpeakerGuess::New { .. } => "Someone new…".to_owned(),
            SpeakerGuess::Author => "The author".to_owned(),
        };
        ComboBox::new("claim-speaker", "Who says it").selected_text(current).width(240.0).show_ui(ui, |ui| {
            for s in &b.doc().speakers {
                if ui.selectable_label(d.speaker == SpeakerGuess::Known(s.id.clone()), s.label()).clicked() {
                    d.speaker = SpeakerGuess::Known(s.id.clone());
                }
            }
            if ui.selectable_label(d.speaker == SpeakerGuess::Author, "The author").clicked() {
                d.speaker = SpeakerGuess::Author;
            }
            if ui.selectable_label(matches!(d.speaker, SpeakerGuess::New { .. }), "Someone new…").clicked() {
                d.speaker = SpeakerGuess::New { name: new_name.clone(), role: None };
            }
        });
    });
    if let SpeakerGuess::New { role, .. } = &mut d.speaker {
        ui.horizontal(|ui| {
            let field = ui.add(TextEdit::singleline(new_name).hint_text("Name").desired_width(180.0));
            field.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Speaker name"));
            let mut r = role.clone().unwrap_or_default();
            if ui.add(TextEdit::singleline(&mut r).hint_text("Role").desired_width(180.0)).changed() {
                *role = (!r.trim().is_empty()).then_some(r);
            }
        });
    }
}

/// The places and regions the claim concerns: the proposed ones ticked, any other addable.
fn parts(ui: &mut Ui, b: &Briefing, d: &mut ClaimDraft) {
    let name = |item: Item| match item {
        Item::Place(i) => b.places()[i].name.clone(),
        Item::Region(i) => b.regions()[i].name.clone(),
        Item::Claim(_) => String::new(),
    };
    ui.horizontal_wrapped(|ui| {
        let mut drop = None;
        for (k, &item) in d.parts.iter().enumerate() {
            let mut on = true;
            if ui.checkbox(&mut on, name(item)).changed() && !on {
                drop = Some(k);
            }
        }
        if let Some(k) = drop {
            d.parts.remove(k);
        }
        let mut add = None;
        ComboBox::new("claim-add-place", "More places").selected_text("Add a place").width(140.0).show_ui(ui, |ui| {
            let places = (0..b.places().len()).map(Item::Place);
            let regions = (0..b.regions().len()).map(Item::Region);
            for item in places.chain(regions).filter(|i| !d.parts.contains(i)) {
                if ui.selectable_label(false, name(item)).clicked() {
                    add = Some(item);
                }
            }
        });
        if let Some(item) = add {
            d.parts.push(item);
        }
    });
}

/// Links between two of the claim's places: those to add, and a row to set one up.
fn links(ui: &mut Ui, b: &Briefing, d: &mut ClaimDraft, link: &mut (usize, usize, LinkKind)) {
    let id_of = |item: Item| match item {
        Item::Place(i) => b.places()[i].id.clone(),
        Item::Region(i) => b.regions()[i].id.clone(),
        Item::Claim(_) => String::new(),
    };
    let name_of = |id: &str| b.item(id).map_or(id.to_owned(), |i| crate::ui::state::name_of(b, i).to_owned());
    let mut drop = None;
    for (k, (from, to, kind)) in d.links.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!("{} to {}: {}", name_of(from), name_of(to), kind.label()));
            if ui.small_button("Remove link").clicked() {
                drop = Some(k);
            }
        });
    }
    if let Some(k) = drop {
        d.links.remove(k);
    }
    if d.parts.len() < 2 {
        ui.label(RichText::new("A link needs two of the claim's places.").small());
        return;
    }
    let names: Vec<String> = d.parts.iter().map(|&i| name_of(&id_of(i))).collect();
    link.0 = link.0.min(names.len() - 1);
    link.1 = link.1.min(names.len() - 1);
    // Read as a sentence: "from [Brest] to [Baltic Sea] as [Deployment] [Add link]"; each
    // box keeps its word as its accessible name.
    let named = |response: &egui::Response, label: &str| {
        response.widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, label));
    };
    ui.horizontal_wrapped(|ui| {
        let pick = |ui: &mut Ui, salt: &str, label: &str, at: &mut usize| {
            ui.label(label);
            let r = ComboBox::from_id_salt(salt).selected_text(names[*at].clone()).show_ui(ui, |ui| {
                for (k, n) in names.iter().enumerate() {
                    ui.selectable_value(at, k, n);
                }
            });
            named(&r.response, label);
        };
        pick(ui, "link-from", "from", &mut link.0);
        pick(ui, "link-to", "to", &mut link.1);
        ui.label("as");
        let kind = ComboBox::from_id_salt("link-kind").selected_text(link.2.label()).show_ui(ui, |ui| {
            for k in LinkKind::ALL {
                ui.selectable_value(&mut link.2, k, k.label());
            }
        });
        named(&kind.response, "as");
        let add = ui.add_enabled(link.0 != link.1, Button::new("Add link"));
        if add.clicked() {
            d.links.push((id_of(d.parts[link.0]), id_of(d.parts[link.1]), link.2));
        }
    });
}

/// The claim's date: one of the dates the passage mentions, or none.
fn when(ui: &mut Ui, b: &Briefing, d: &mut ClaimDraft) {
    let dates = &b.doc().dates;
    ui.horizontal_wrapped(|ui| {
        if ui.radio(d.when.is_none(), "Undated").clicked() {
            d.when = None;
        }
        for &k in &d.dates {
            let Some(m) = dates.get(k) else { continue };
            let words = m.when.text.clone().unwrap_or_default();
            let label = format!("{} (“{words}”)", m.when.label());
            if ui.radio(d.when.as_ref() == Some(&m.when), label).clicked() {
                d.when = Some(m.when.clone());
            }
        }
        if let Some(w) = &d.when
            && !d.dates.iter().any(|&k| dates.get(k).is_some_and(|m| &m.when == w))
        {
            let _ = ui.radio(true, w.label());
        }
    });
}
