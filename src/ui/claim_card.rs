//! A claim as a card: the verbatim quote, the summary, who says it, its kind and its date.

use egui::{Color32, CornerRadius, Frame, Margin, RichText, Role, Sense, Stroke, Ui, UiBuilder, WidgetInfo};

use super::theme::{CONTRADICTED, CORROBORATED, Palette, claim_kind_strong};
use crate::briefing::{Briefing, Claim};
use crate::visibility::Shown;

/// Draws claim `i` as a card; returns true when it was clicked.
pub fn show(ui: &mut Ui, b: &Briefing, i: usize, shown: Shown, selected: bool, pal: &Palette, large: bool) -> bool {
    let claim = &b.claims()[i];
    let kind_colour = claim_kind_strong(claim.kind);
    let faded = shown != Shown::Full;
    let fill = if selected { pal.claim_kind(claim.kind) } else { ui.visuals().faint_bg_color };
    let frame = Frame::new()
        .fill(fill)
        .stroke(Stroke::new(
            if selected { 2.0 } else { 1.0 },
            if selected { pal.highlight } else { ui.visuals().widgets.noninteractive.bg_stroke.color },
        ))
        .corner_radius(CornerRadius::same(6))
        .inner_margin(Margin { left: 12, right: 8, top: 6, bottom: 6 });
    let response = ui
        .scope_builder(UiBuilder::new().id_salt(("claim-card", i)).sense(Sense::click()), |ui| {
            if faded {
                ui.multiply_opacity(0.55);
            }
            // Selectable text would swallow the click meant for the card; "Copy quote" copies.
            ui.style_mut().interaction.selectable_labels = false;
            let inner = frame.show(ui, |ui| {
                ui.set_width(ui.available_width());
                body(ui, b, claim, i, pal, large);
            });
            // The kind's colour as a bar down the card's left edge.
            let r = inner.response.rect;
            ui.painter().rect_filled(
                egui::Rect::from_min_max(r.min, egui::pos2(r.min.x + 4.0, r.max.y)),
                CornerRadius { nw: 6, sw: 6, ne: 0, se: 0 },
                kind_colour,
            );
        })
        .response;
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, format!("Claim: {}", claim.summary)));
    let response = response.on_hover_cursor(egui::CursorIcon::PointingHand);
    response.clicked()
}

fn body(ui: &mut Ui, b: &Briefing, claim: &Claim, i: usize, pal: &Palette, large: bool) {
    let quote_size = if large { 17.0 } else { 14.0 };
    ui.label(RichText::new(claim.quoted()).italics().size(quote_size));
    ui.add_space(2.0);
    ui.label(RichText::new(&claim.summary).strong());
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 6.0;
        let speaker = b.speaker(&claim.speaker).map(|s| s.label()).unwrap_or_else(|| claim.speaker.clone());
        ui.label(RichText::new(speaker).small());
        ui.label(RichText::new("·").small());
        ui.label(RichText::new(claim.kind.label()).small().color(claim_kind_strong(claim.kind)));
        ui.label(RichText::new("·").small());
        match (&claim.when, b.span(i)) {
            (Some(w), Some(_)) => {
                ui.label(RichText::new(w.label()).small().strong());
                if let Some(reason) = &w.inferred {
                    let badge = ui.label(
                        RichText::new("inferred")
                            .small()
                            .italics()
                            .color(pal.muted)
                            .background_color(Color32::from_gray(128).gamma_multiply(0.15)),
                    );
                    badge.on_hover_text(format!("Date inferred: {reason}"));
                }
                if let Some(text) = &w.text {
                    ui.label(RichText::new(format!("(“{text}”)")).small().color(pal.muted));
                }
            }
            _ => {
                ui.label(RichText::new("undated").small().color(pal.muted));
            }
        }
        if b.sources().len() > 1 {
            let source = b.source_of(claim);
            ui.label(RichText::new("·").small());
            ui.label(RichText::new(format!("{} {}", source.short_name(), claim.rating(source))).small().strong());
        }
    });
    relations(ui, b, i);
}

/// "Contradicted by Regional review", "Also reported by Wire, Statement": what other sources
/// say of the claim, in one line each, the contradiction first and in red.
fn relations(ui: &mut Ui, b: &Briefing, i: usize) {
    use crate::briefing::RelationKind;
    for (kind, colour) in [(RelationKind::Contradicts, CONTRADICTED), (RelationKind::Corroborates, CORROBORATED)] {
        let mut names: Vec<String> = Vec::new();
        for (_, other) in b.related_claims(i).filter(|(k, _)| *k == kind) {
            let name = b.source_of(&b.claims()[other]).short_name();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        if !names.is_empty() {
            let flag = if kind == RelationKind::Contradicts { "⚠ " } else { "" };
            ui.label(
                RichText::new(format!("{flag}{} {}", kind.heading(), names.join(", "))).small().strong().color(colour),
            );
        }
    }
}
