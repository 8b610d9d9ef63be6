//! The sources panel: each source with its grade (Admiralty reliability, with the scale's
//! words) and the analyst's note; the relations the suggester proposes between claims of
//! different sources, each to confirm (as suggested or as another kind) or dismiss; and the
//! relations made, to compare or remove. Nothing becomes a relation without a click.

use std::sync::mpsc::{Receiver, channel};

use egui::{Frame, RichText, ScrollArea, Ui};

use super::action::{Action, Actions};
use super::theme::{Palette, source_colour};
use crate::authoring::{grades, relations as relate};
use crate::briefing::{Briefing, Item, RelationKind, TextRef};
use crate::relations::{self, RelationSuggestion};
use crate::session::Session;

/// The panel's own state: the suggestions, kept while the document does not change.
#[derive(Debug, Default)]
pub struct SourcesPanel {
    suggestions: Suggestions,
}

/// The relation suggestions for one state of the document (its generation): made at once for
/// a briefing of a few thousand claims, on a worker thread for a bigger one (10,000 claims
/// take 0.15 s: typing in the panel must not stall).
#[derive(Debug, Default)]
struct Suggestions {
    made: Option<(u64, Vec<RelationSuggestion>)>,
    pending: Option<(u64, Receiver<Vec<RelationSuggestion>>)>,
}

/// Up to this many claims, suggestions are made on the UI thread (a few milliseconds).
const SUGGEST_AT_ONCE_UP_TO: usize = 2_000;

impl Suggestions {
    /// The suggestions for the session as it is, or `None` while they are being made.
    fn current(&mut self, session: &Session, ctx: &egui::Context) -> Option<&[RelationSuggestion]> {
        let generation = session.generation();
        if self.made.as_ref().is_some_and(|(g, _)| *g == generation) {
            return self.made.as_ref().map(|(_, s)| s.as_slice());
        }
        let b = session.briefing();
        if b.claims().len() <= SUGGEST_AT_ONCE_UP_TO {
            self.made = Some((generation, relations::suggest(b)));
            return self.made.as_ref().map(|(_, s)| s.as_slice());
        }
        if let Some((g, rx)) = &self.pending
            && let Ok(list) = rx.try_recv()
        {
            self.made = Some((*g, list));
            self.pending = None;
            return self.current(session, ctx);
        }
        if self.pending.as_ref().is_none_or(|(g, _)| *g != generation) {
            let (tx, rx) = channel();
            let (b, repaint) = (b.clone(), ctx.clone());
            let spawned = std::thread::Builder::new().name("relation-suggestions".into()).spawn(move || {
                // The receiver may be gone (another edit came first): nothing to tell then.
                let _ = tx.send(relations::suggest(&b));
                repaint.request_repaint();
            });
            match spawned {
                Ok(_) => self.pending = Some((generation, rx)),
                Err(_) => self.made = Some((generation, relations::suggest(session.briefing()))),
            }
        }
        None
    }
}

/// Up to this many sources, their grades show unfolded.
const OPEN_UP_TO: usize = 2;
/// Most suggestions listed at once; deciding them brings up the next.
const MAX_SUGGESTIONS: usize = 40;
/// Most relations listed; past that the count says how many more.
const MAX_RELATIONS: usize = 200;

impl SourcesPanel {
    /// Draws the panel; `selected` puts the suggestions about the selected claim first.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        selected: Option<Item>,
        pal: &Palette,
        actions: &mut Actions,
    ) {
        let b = session.briefing();
        let suggestions = self.suggestions.current(session, ui.ctx());
        ui.horizontal(|ui| {
            ui.heading("Sources");
            if ui.small_button(super::command::Command::AddSource.label()).clicked() {
                actions.push(Action::Command(super::command::Command::AddSource));
            }
        });
        ScrollArea::vertical().auto_shrink([false, false]).id_salt("sources-panel").show(ui, |ui| {
            // Graded once, looked at now and then: a long list of sources folds away so that
            // the suggestions are in view.
            let heading = format!("Grades ({} sources)", b.sources().len());
            egui::CollapsingHeader::new(heading)
                .id_salt("sources-grades")
                .default_open(b.sources().len() <= OPEN_UP_TO)
                .show(ui, |ui| {
                    // Counted in one pass, not one pass over every claim per source.
                    let mut claims = vec![0; b.sources().len()];
                    for c in b.claims() {
                        if let Some(i) = b.source_index(&c.at.source) {
                            claims[i] += 1;
                        }
                    }
                    for (i, &n) in claims.iter().enumerate() {
                        source(ui, b, i, n, pal, actions);
                    }
                });
            ui.separator();
            match suggestions {
                Some(list) => suggested(ui, b, list, selected, pal, actions),
                None => {
                    ui.strong("Suggested relations");
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label(RichText::new("Comparing the claims…").small().color(pal.muted));
                    });
                }
            }
            ui.separator();
            made(ui, b, pal, actions);
        });
    }
}

/// Source `i`: its name, byline, its number of claims; its reliability and note, to change.
fn source(ui: &mut Ui, b: &Briefing, i: usize, claims: usize, pal: &Palette, actions: &mut Actions) {
    let s = &b.sources()[i];
    Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let (chip, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
            ui.painter().rect_filled(chip, 2.0, source_colour(i));
            ui.strong(&s.title);
        });
        let publisher = s.publisher.as_deref().map(|p| format!(" · {p}")).unwrap_or_default();
        ui.label(RichText::new(format!("{}{publisher}", s.byline(" · "))).small().color(pal.muted));
        ui.horizontal(|ui| {
            ui.label(RichText::new(super::author::counted(claims, "claim", "claims")).small());
            if ui.small_button("Read").on_hover_text("Open it in the reader").clicked() {
                actions.push(Action::ShowText(TextRef::new(&s.id, 0, 0)));
            }
        });
        ui.label(RichText::new("Reliability").small());
        if let Some(grade) = super::grading::reliability(
            ui,
            &format!("Reliability of {}", s.short_name()),
            ("source", &s.id),
            s.reliability,
        ) && let Some(edit) = grades::set_reliability(b, i, grade)
        {
            actions.push(Action::Edit(Box::new(edit)));
        }
        if let Some(text) = super::grading::note(
            ui,
            &format!("Note on {}", s.short_name()),
            super::grading::GRADE_HINT,
            ("source", &s.id),
            s.note.as_deref(),
        ) && let Some(edit) = grades::set_source_note(b, i, &text)
        {
            actions.push(Action::Edit(Box::new(edit)));
        }
    });
}

/// The suggestions, those about the selected claim first, each with its buttons.
fn suggested(
    ui: &mut Ui,
    b: &Briefing,
    suggestions: &[RelationSuggestion],
    selected: Option<Item>,
    pal: &Palette,
    actions: &mut Actions,
) {
    ui.strong(format!("Suggested relations ({})", suggestions.len()));
    if suggestions.is_empty() {
        let why = if b.sources().len() < 2 {
            "With a second source (Add source…) and claims made from it, claims about the same place and time are \
             proposed here."
        } else {
            "No claims of two sources share a place, a time and their words."
        };
        ui.label(RichText::new(why).small().color(pal.muted));
        return;
    }
    ui.label(
        RichText::new(
            "Claims of two sources about the same place and time, in similar words. Confirm or dismiss each.",
        )
        .small()
        .color(pal.muted),
    );
    let about = |s: &&RelationSuggestion| matches!(selected, Some(Item::Claim(c)) if c == s.a || c == s.b);
    let (selected, others): (Vec<&RelationSuggestion>, Vec<&RelationSuggestion>) = suggestions.iter().partition(about);
    if !selected.is_empty() {
        ui.label(RichText::new(format!("About the selected claim ({})", selected.len())).small().strong());
        for s in &selected {
            suggestion(ui, b, s, pal, actions);
        }
        ui.label(RichText::new("Others").small().strong());
    }
    let room = MAX_SUGGESTIONS.saturating_sub(selected.len());
    for s in others.iter().take(room) {
        suggestion(ui, b, s, pal, actions);
    }
    if others.len() > room {
        ui.label(RichText::new(format!("and {} more", others.len() - room)).small());
    }
}

/// One suggestion: the two claims (each a link), why, and confirm / other kind / dismiss.
fn suggestion(ui: &mut Ui, b: &Briefing, s: &RelationSuggestion, pal: &Palette, actions: &mut Actions) {
    Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.push_id(("suggestion", s.a, s.b), |ui| {
            claim_line(ui, b, s.a, actions);
            ui.label(RichText::new(s.kind.label().to_lowercase()).small().color(pal.relation(s.kind)));
            claim_line(ui, b, s.b, actions);
            ui.label(RichText::new(&s.why).small().color(pal.muted));
            ui.horizontal_wrapped(|ui| {
                let confirm = format!("Confirm: {}", s.kind.label().to_lowercase());
                if ui.button(confirm).on_hover_text("Make it a relation, its reason as the note").clicked() {
                    actions.push(Action::Edit(Box::new(relate::confirm(b, s))));
                }
                ui.menu_button("Other kind", |ui| {
                    for kind in RelationKind::ALL.into_iter().filter(|&k| k != s.kind) {
                        if ui.button(kind.label()).clicked() {
                            actions.push(Action::Edit(Box::new(relate::confirm_as(b, s, kind))));
                        }
                    }
                });
                if ui.button("Dismiss").on_hover_text("Not related: it is not suggested again").clicked() {
                    actions.push(Action::Edit(Box::new(relate::dismiss(b, s))));
                }
                if ui.small_button("Compare").clicked() {
                    actions.push(Action::Compare(s.a, s.b));
                }
            });
        });
    });
}

/// The relations made (dismissed suggestions aside), each to compare or remove.
fn made(ui: &mut Ui, b: &Briefing, pal: &Palette, actions: &mut Actions) {
    let confirmed: Vec<usize> = (0..b.relations().len()).filter(|&r| b.relations()[r].is_confirmed()).collect();
    let dismissed = b.relations().len() - confirmed.len();
    ui.strong(format!("Relations ({})", confirmed.len()));
    if dismissed > 0 {
        ui.label(RichText::new(format!("{dismissed} dismissed, not suggested again")).small().color(pal.muted));
    }
    for &r in confirmed.iter().take(MAX_RELATIONS) {
        let relation = &b.relations()[r];
        let (Some(Item::Claim(a)), Some(Item::Claim(c))) = (b.item(&relation.a), b.item(&relation.b)) else {
            continue;
        };
        Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.push_id(("relation", r), |ui| relation_card(ui, b, r, (a, c), pal, actions));
        });
    }
    if confirmed.len() > MAX_RELATIONS {
        ui.label(RichText::new(format!("and {} more", confirmed.len() - MAX_RELATIONS)).small());
    }
}

/// A relation made: its two claims, its kind (to change), its note (to write), compare, remove.
fn relation_card(ui: &mut Ui, b: &Briefing, r: usize, (a, c): (usize, usize), pal: &Palette, actions: &mut Actions) {
    let relation = &b.relations()[r];
    claim_line(ui, b, a, actions);
    ui.horizontal(|ui| {
        ui.label(RichText::new(relation.kind.label().to_lowercase()).small().color(pal.relation(relation.kind)));
        ui.menu_button(RichText::new("Change").small(), |ui| {
            for kind in RelationKind::ALL.into_iter().filter(|&k| k != relation.kind) {
                if ui.button(kind.label()).clicked()
                    && let Some(edit) = relate::set_kind(b, r, kind)
                {
                    actions.push(Action::Edit(Box::new(edit)));
                }
            }
        });
    });
    claim_line(ui, b, c, actions);
    let id = ("relation", &relation.a, &relation.b);
    if let Some(text) =
        super::grading::note(ui, "Note on the relation", "What they agree or disagree on", id, relation.note.as_deref())
        && let Some(edit) = relate::set_note(b, r, &text)
    {
        actions.push(Action::Edit(Box::new(edit)));
    }
    ui.horizontal(|ui| {
        if ui.small_button("Compare").clicked() {
            actions.push(Action::Compare(a, c));
        }
        if ui.small_button("Remove").clicked()
            && let Some(edit) = relate::remove(b, r)
        {
            actions.push(Action::Edit(Box::new(edit)));
        }
    });
}

/// A claim as a line: its source's name and the claim's rating, its summary as a link to it.
fn claim_line(ui: &mut Ui, b: &Briefing, c: usize, actions: &mut Actions) {
    let claim = &b.claims()[c];
    let source = b.source_of(claim);
    let colour = b.source_index(&source.id).map_or(ui.visuals().text_color(), source_colour);
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{} {}", source.short_name(), claim.rating(source))).small().strong().color(colour),
        );
        if ui.link(&claim.summary).on_hover_text(claim.quoted()).clicked() {
            actions.push(Action::Select(Some(Item::Claim(c))));
        }
    });
}
