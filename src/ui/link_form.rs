//! The link form: what a link drawn on the map from one marker to another stands for (talks,
//! a deployment, a threat...) and the claim that supports it. Adding it is one edit.

use egui::{Button, ComboBox, RichText, Window};

use super::action::{Action, Actions};
use super::theme::Palette;
use crate::authoring::places;
use crate::briefing::{Briefing, LinkKind};

/// A link drawn between two places, waiting for its kind and claim.
#[derive(Clone, Debug, PartialEq)]
pub struct LinkForm {
    /// The places' ids, from and to.
    from: String,
    to: String,
    kind: LinkKind,
    /// The supporting claim's id.
    claim: Option<String>,
}

impl LinkForm {
    /// A form for a link from place `from` to place `to` (indices); the first claim that names
    /// both is proposed.
    pub fn new(b: &Briefing, from: usize, to: usize) -> Option<Self> {
        let (from, to) = (b.places().get(from)?.id.clone(), b.places().get(to)?.id.clone());
        let claim = claims_first_naming(b, &from, &to).first().map(|&i| b.claims()[i].id.clone());
        Some(Self { from, to, kind: LinkKind::Talks, claim })
    }

    /// Draws the window; returns false once it is done (added or cancelled).
    pub fn show(&mut self, ctx: &egui::Context, b: &Briefing, pal: &Palette, actions: &mut Actions) -> bool {
        let name = |id: &str| b.place(id).map_or(id.to_owned(), |i| b.places()[i].name.clone());
        let mut open = true;
        let mut done = false;
        Window::new("New link").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
            ui.label(format!("From {} to {}", name(&self.from), name(&self.to)));
            ComboBox::new("link-form-kind", "Link kind").selected_text(self.kind.label()).show_ui(ui, |ui| {
                for k in LinkKind::ALL {
                    ui.selectable_value(&mut self.kind, k, k.label());
                }
            });
            let order = claims_first_naming(b, &self.from, &self.to);
            let chosen = self.claim.as_deref().and_then(|id| b.claims().iter().find(|c| c.id == id));
            let shown = chosen.map_or_else(|| "Pick the claim it rests on".to_owned(), |c| c.summary.clone());
            ComboBox::new("link-form-claim", "Supporting claim").selected_text(shown).width(300.0).show_ui(ui, |ui| {
                for i in order {
                    let c = &b.claims()[i];
                    ui.selectable_value(&mut self.claim, Some(c.id.clone()), &c.summary);
                }
            });
            if b.claims().is_empty() {
                ui.label(RichText::new("A link rests on a claim: make one from the article first.").color(pal.muted));
            }
            ui.horizontal(|ui| {
                if ui.add_enabled(self.claim.is_some(), Button::new("Add link")).clicked()
                    && let Some(claim) = &self.claim
                {
                    let edit = places::link(b, &self.from, &self.to, self.kind, claim);
                    actions.push(Action::Edit(Box::new(edit)));
                    done = true;
                }
                done |= ui.button("Cancel").clicked();
            });
        });
        open && !done
    }
}

/// The claims, those naming both places first (then those naming one), in file order.
fn claims_first_naming(b: &Briefing, from: &str, to: &str) -> Vec<usize> {
    let mut order: Vec<usize> = (0..b.claims().len()).collect();
    let names = |i: usize, id: &str| b.claims()[i].places.iter().any(|p| p == id);
    order.sort_by_key(|&i| std::cmp::Reverse(u8::from(names(i, from)) + u8::from(names(i, to))));
    order
}
