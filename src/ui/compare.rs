//! Two claims of two sources side by side: each source's name and grade, the claim's rating,
//! and the paragraph it comes from with its words highlighted; between them, what the analyst
//! related them as and why.

use egui::text::{LayoutJob, TextFormat};
use egui::{FontId, RichText, Ui};

use super::action::{Action, Actions};
use super::theme::{Palette, source_colour};
use crate::briefing::{Briefing, Item};

/// The comparison on screen: the two claims, by id (an edit may move them in the list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compare {
    a: String,
    b: String,
}

/// Widest the window opens, in points.
const WIDTH: f32 = 760.0;
/// The quoted paragraph's type size.
const TEXT_SIZE: f32 = 14.0;

impl Compare {
    /// Claims `a` and `b` of `briefing`, side by side.
    pub fn new(briefing: &Briefing, a: usize, b: usize) -> Option<Self> {
        let id = |c: usize| briefing.claims().get(c).map(|c| c.id.clone());
        Some(Self { a: id(a)?, b: id(b)? })
    }

    /// Draws the window; false once it is closed (or a claim is gone).
    pub fn show(&self, ctx: &egui::Context, b: &Briefing, pal: &Palette, actions: &mut Actions) -> bool {
        let (Some(Item::Claim(a)), Some(Item::Claim(c))) = (b.item(&self.a), b.item(&self.b)) else { return false };
        let mut open = true;
        egui::Window::new("Compare claims").open(&mut open).default_width(WIDTH).collapsible(false).show(ctx, |ui| {
            relation_line(ui, b, a, c, pal);
            ui.separator();
            ui.columns(2, |cols| {
                // Left-aligned, not justified: columns stretch their text across otherwise.
                let left = egui::Layout::top_down(egui::Align::Min);
                cols[0].with_layout(left, |ui| column(ui, b, a, pal, actions));
                cols[1].with_layout(left, |ui| column(ui, b, c, pal, actions));
            });
        });
        open
    }
}

/// What the analyst related the two as, with their note; or that they are not related.
fn relation_line(ui: &mut Ui, b: &Briefing, a: usize, c: usize, pal: &Palette) {
    let id = |i: usize| b.claims()[i].id.as_str();
    let relation = b.relations().iter().find(|r| r.is_confirmed() && r.other(id(a)) == Some(id(c)));
    match relation {
        Some(r) => {
            ui.label(RichText::new(r.kind.label()).strong().color(pal.relation(r.kind)));
            if let Some(note) = &r.note {
                ui.label(RichText::new(note).small());
            }
        }
        None => {
            ui.label(RichText::new("Not related (yet)").color(pal.muted));
        }
    }
}

/// One side: the source, the claim's rating, its paragraph with the quote lit, a link to it.
fn column(ui: &mut Ui, b: &Briefing, c: usize, pal: &Palette, actions: &mut Actions) {
    let claim = &b.claims()[c];
    let source = b.source_of(claim);
    let colour = b.source_index(&source.id).map_or(pal.muted, source_colour);
    ui.label(RichText::new(source.short_name()).strong().color(colour));
    ui.label(RichText::new(format!("{} · {}", source.title, source.date_label())).small());
    ui.label(RichText::new(format!("Rating {} · {}", claim.rating(source), source.reliability_label())).small());
    ui.add_space(4.0);
    ui.label(RichText::new(&claim.summary).strong());
    if let Some(w) = &claim.when {
        ui.label(RichText::new(w.label()).small());
    }
    ui.add_space(4.0);
    if let Some((text, lit)) = paragraph(b, c) {
        let mut job = LayoutJob::default();
        job.wrap.max_width = ui.available_width();
        let plain = TextFormat::simple(FontId::proportional(TEXT_SIZE), ui.visuals().text_color());
        let highlighted = TextFormat { background: pal.highlight.gamma_multiply(0.45), ..plain.clone() };
        job.append(&text[..lit.start], 0.0, plain.clone());
        job.append(&text[lit.clone()], 0.0, highlighted);
        job.append(&text[lit.end..], 0.0, plain);
        ui.label(job);
    }
    if ui.link("Show in its source").clicked() {
        actions.push(Action::Select(Some(Item::Claim(c))));
    }
}

/// The paragraph claim `c` is quoted from, and where in it the quote is (bytes).
fn paragraph(b: &Briefing, c: usize) -> Option<(&str, std::ops::Range<usize>)> {
    let claim = &b.claims()[c];
    let text = b.text_of(&claim.at.source)?;
    let r = claim.range();
    let (start, words) = text.paragraphs().find(|(start, words)| (*start..start + words.len()).contains(&r.start))?;
    let lit = r.start - start..(r.end - start).min(words.len());
    (words.is_char_boundary(lit.start) && words.is_char_boundary(lit.end)).then_some((words, lit))
}
