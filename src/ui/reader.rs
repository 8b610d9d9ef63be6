//! The article reader: the text with every claim's span highlighted by kind; clicking a
//! highlight selects its claim. The scraped teasers at the end are shown apart, greyed.

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Label, Rect, RichText, Role, ScrollArea, Sense, Stroke, Ui, WidgetInfo};

use super::action::{Action, Actions};
use super::theme::{Palette, claim_kind_strong};
use crate::briefing::{Briefing, ClaimKind, Item, TextRef};
use crate::visibility::{Shown, Visibility};

/// The reader's own state: which source it shows, and where to scroll next.
#[derive(Debug, Default)]
pub struct Reader {
    /// The source on show (an index into the briefing's sources).
    source: usize,
    /// A passage to scroll to on the next frame (a byte offset into the source's text).
    scroll_to: Option<usize>,
    /// The source `scroll_to` is in, by id, until the next frame finds its index.
    scroll_source: Option<String>,
}

impl Reader {
    /// Shows the passage `at` on the next frame (switching to its source).
    pub fn scroll_to(&mut self, at: TextRef) {
        self.scroll_to = Some(at.start);
        self.scroll_source = Some(at.source);
    }

    /// Draws the reader.
    pub fn show(
        &mut self,
        ui: &mut Ui,
        b: &Briefing,
        visibility: &Visibility,
        selection: Option<Item>,
        pal: &Palette,
        actions: &mut Actions,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.strong("Article");
            for kind in ClaimKind::ALL {
                ui.label(RichText::new(kind.label()).small().background_color(pal.claim_kind(kind)));
            }
        });
        ui.separator();
        let selected_claim = match selection {
            Some(Item::Claim(c)) => Some(c),
            _ => None,
        };
        if let Some(i) = self.scroll_source.take().and_then(|id| b.source_index(&id)) {
            self.source = i;
        }
        if b.source_text(self.source).is_none() {
            self.source = 0;
        }
        let Some(source_text) = b.source_text(self.source) else { return };
        let source_id = b.sources()[self.source].id.as_str();
        ScrollArea::vertical().auto_shrink([false, false]).id_salt("reader").show(ui, |ui| {
            for (start, text) in source_text.paragraphs() {
                if text.trim().is_empty() {
                    continue;
                }
                let at = Passage { source: source_id, start, text };
                self.paragraph(ui, b, visibility, selected_claim, at, pal, actions);
                ui.add_space(6.0);
            }
            ui.add_space(10.0);
            ui.separator();
            ui.label(RichText::new("Not part of this article").strong().color(pal.muted));
            ui.label(
                RichText::new("Teasers of other articles, scraped with the page. No claim comes from them.")
                    .small()
                    .color(pal.muted),
            );
            for (_, line) in source_text.teasers() {
                if !line.trim().is_empty() {
                    ui.label(RichText::new(line).small().color(pal.muted.gamma_multiply(0.8)));
                }
            }
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn paragraph(
        &mut self,
        ui: &mut Ui,
        b: &Briefing,
        visibility: &Visibility,
        selected: Option<usize>,
        at: Passage<'_>,
        pal: &Palette,
        actions: &mut Actions,
    ) {
        let Passage { source, start, text } = at;
        let end = start + text.len();
        // Claims of this source overlapping this paragraph; a nested quote wins over the one
        // around it. A draft's claim that cuts a character in two is left out, not drawn.
        let spans: Vec<(usize, usize, usize)> = b
            .claims()
            .iter()
            .enumerate()
            .filter(|(c, claim)| {
                let r = claim.range();
                claim.at.source == source
                    && visibility.claims.get(*c).is_some_and(|s| *s != Shown::Hidden)
                    && r.start < end
                    && r.end > start
            })
            .map(|(c, claim)| (claim.offset().max(start) - start, claim.range().end.min(end) - start, c))
            .filter(|&(a, z, _)| a <= z && text.is_char_boundary(a) && text.is_char_boundary(z))
            .collect();
        let is_heading = text.len() < 70 && !text.ends_with('.') && spans.is_empty();
        let base_size = if is_heading { 16.0 } else { 14.5 };
        let text_colour = ui.visuals().text_color();
        let mut cuts: Vec<usize> = vec![0, text.len()];
        cuts.extend(spans.iter().flat_map(|&(a, z, _)| [a, z]));
        cuts.sort_unstable();
        cuts.dedup();
        let mut job = LayoutJob::default();
        job.wrap.max_width = ui.available_width();
        for w in cuts.windows(2) {
            let (a, z) = (w[0], w[1]);
            let covering = spans.iter().filter(|s| s.0 <= a && s.1 >= z).min_by_key(|s| s.1 - s.0);
            let mut format = TextFormat::simple(FontId::proportional(base_size), text_colour);
            if let Some(&(_, _, c)) = covering {
                let claim = &b.claims()[c];
                let faded = visibility.claims[c] != Shown::Full;
                let is_selected = selected.is_some_and(|s| spans.iter().any(|x| x.2 == s && x.0 <= a && x.1 >= z));
                format.background =
                    if is_selected { pal.highlight.gamma_multiply(0.45) } else { pal.claim_kind(claim.kind) };
                if faded && !is_selected {
                    format.background = format.background.gamma_multiply(0.4);
                    format.color = text_colour.gamma_multiply(0.6);
                }
                if is_selected {
                    format.underline = Stroke::new(2.0, pal.highlight);
                }
            }
            if is_heading {
                format.font_id = FontId::proportional(base_size);
                format.color = text_colour;
            }
            job.append(&text[a..z], 0.0, format);
        }
        let (pos, galley, response) = Label::new(job).sense(Sense::click()).layout_in_ui(ui);
        // Scroll to and flash the requested passage.
        if let Some(target) = self.scroll_to
            && (start..end.max(start + 1)).contains(&target)
        {
            let rect = char_rect(&galley, text, target.saturating_sub(start)).translate(pos.to_vec2());
            ui.scroll_to_rect(rect.expand(40.0), Some(Align::Center));
            self.scroll_to = None;
        }
        // Each claim's passage is a node for screen readers and tests ("Passage: ..."), placed
        // over its first line.
        let mut claimed: Vec<usize> = Vec::new();
        for &(a, z, c) in &spans {
            if claimed.contains(&c) || b.claims()[c].offset() < start {
                continue;
            }
            claimed.push(c);
            let first = char_rect(&galley, text, a);
            let last = char_rect(&galley, text, z);
            let rect = if (first.center().y - last.center().y).abs() < 1.0 {
                Rect::from_min_max(first.left_top(), last.right_bottom())
            } else {
                Rect::from_min_max(first.left_top(), egui::pos2(galley.rect.right(), first.bottom()))
            }
            .translate(pos.to_vec2());
            let is_selected = selected == Some(c);
            let node = ui.interact(rect, ui.scope_id().with(("passage", c)), Sense::click());
            let summary = &b.claims()[c].summary;
            node.widget_info(|| WidgetInfo::selected(Role::Button, true, is_selected, format!("Passage: {summary}")));
            if node.clicked() {
                actions.push(Action::Select(Some(Item::Claim(c))));
            }
            if node.hovered() {
                ui.painter().rect_stroke(
                    rect,
                    2.0,
                    Stroke::new(1.0, claim_kind_strong(b.claims()[c].kind)),
                    egui::StrokeKind::Outside,
                );
            }
        }
        ui.painter().galley(pos, galley.clone(), Color32::PLACEHOLDER);
        if response.clicked()
            && let Some(p) = response.interact_pointer_pos()
        {
            let char_index = galley.cursor_from_pos(p - pos).index.0;
            let byte = text.char_indices().nth(char_index).map_or(text.len(), |(i, _)| i);
            let hit = spans.iter().filter(|s| s.0 <= byte && byte < s.1).min_by_key(|s| s.1 - s.0);
            actions.push(Action::Select(hit.map(|s| Item::Claim(s.2))));
        }
    }
}

/// One paragraph of a source's text: the source's id, its byte offset, its words.
#[derive(Clone, Copy)]
struct Passage<'a> {
    source: &'a str,
    start: usize,
    text: &'a str,
}

/// The rectangle of the character at byte `byte` of `text` in its galley.
fn char_rect(galley: &egui::Galley, text: &str, byte: usize) -> Rect {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    let chars = text[..byte].chars().count();
    galley.pos_from_cursor(CCursor::new(chars))
}
