//! The article reader: the text with every claim's span highlighted by kind; clicking a
//! highlight selects its claim. The scraped teasers at the end are shown apart, greyed.

use std::sync::Arc;

use egui::text::{CCursor, LayoutJob, TextFormat};
use egui::{Align, Color32, FontId, Label, Rect, RichText, Role, ScrollArea, Sense, Stroke, TextEdit, Ui, WidgetInfo};

use super::action::{Action, Actions};
use super::theme::{CONTRADICTED, Palette, claim_kind_strong, source_colour};
use crate::briefing::{Briefing, ClaimKind, Item, RelationKind, TextRef};
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
    /// The passage selected (authoring: a claim is made from it), if any.
    selection: Option<TextRef>,
    /// Whether one of its paragraphs had the keyboard last frame (they are read-only: the
    /// app's keys still work then).
    focused: bool,
    /// The width the paragraphs were laid out at, and each one's height then (a long text
    /// skips laying out those out of view).
    heights: (f32, Vec<Option<f32>>),
}

/// How the reader draws the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Reading: claims highlighted, a click on one selects it.
    Read,
    /// Authoring: the text can be selected too, and the places and dates found in it are
    /// underlined (suggestions still to decide in their own colour).
    Author,
}

/// A place's or date's words, underlined in authoring mode.
#[derive(Clone, Copy, Debug)]
struct Mark {
    colour: Color32,
}

/// Thickness of the underline of a mention, in points.
const MENTION_UNDERLINE: f32 = 1.5;
/// Thickness of a contradicted claim's underline, in points.
const CONTRADICTED_UNDERLINE: f32 = 2.0;
/// Space between paragraphs, in points.
const PARAGRAPH_GAP: f32 = 6.0;
/// From this many paragraphs, only those in view are laid out.
const VIRTUAL_FROM: usize = 80;

impl Reader {
    /// The passage selected in authoring mode, if any.
    pub fn selection(&self) -> Option<&TextRef> {
        self.selection.as_ref()
    }

    /// Whether the reader's (read-only) text had the keyboard in the last frame.
    pub fn has_focus(&self) -> bool {
        self.focused
    }

    /// Forgets the selection (once a claim is made from it).
    pub fn clear_selection(&mut self) {
        self.selection = None;
    }

    /// Shows source `i` (its tab picked).
    pub fn show_source(&mut self, i: usize) {
        self.source = i;
        self.scroll_source = None;
    }

    /// The source on show (an index into the briefing's sources).
    pub fn source(&self) -> usize {
        self.source
    }

    /// Shows the passage `at` on the next frame (switching to its source).
    pub fn scroll_to(&mut self, at: TextRef) {
        self.scroll_to = Some(at.start);
        self.scroll_source = Some(at.source);
    }

    /// Draws the reader.
    #[allow(clippy::too_many_arguments)]
    pub fn show(
        &mut self,
        ui: &mut Ui,
        b: &Briefing,
        visibility: &Visibility,
        selection: Option<Item>,
        pal: &Palette,
        actions: &mut Actions,
        mode: Mode,
    ) {
        ui.horizontal_wrapped(|ui| {
            ui.strong(if b.sources().len() > 1 { "Sources" } else { "Article" });
            for kind in ClaimKind::ALL {
                ui.label(RichText::new(kind.label()).small().background_color(pal.claim_kind(kind)));
            }
            let contradicts = |r: &crate::briefing::Relation| r.is_confirmed() && r.kind == RelationKind::Contradicts;
            if b.relations().iter().any(contradicts) {
                let key = TextFormat {
                    underline: Stroke::new(CONTRADICTED_UNDERLINE, CONTRADICTED),
                    ..TextFormat::simple(FontId::proportional(11.5), ui.visuals().text_color())
                };
                let mut job = LayoutJob::default();
                job.append("contradicted", 0.0, key);
                ui.label(job).on_hover_text("Another source contradicts the claim (see Other sources in Details)");
            }
        });
        if let Some(i) = self.scroll_source.take().and_then(|id| b.source_index(&id)) {
            self.source = i;
        }
        self.tabs(ui, b);
        ui.separator();
        let selected_claim = match selection {
            Some(Item::Claim(c)) => Some(c),
            _ => None,
        };
        if b.source_text(self.source).is_none() {
            self.source = 0;
        }
        let Some(source_text) = b.source_text(self.source) else { return };
        self.focused = false;
        let source_id = b.sources()[self.source].id.as_str();
        let marks = if mode == Mode::Author { marks(b, source_id, pal) } else { Vec::new() };
        let paragraphs: Vec<(usize, &str)> =
            source_text.paragraphs().filter(|(_, text)| !text.trim().is_empty()).collect();
        let width = ui.available_width();
        if self.heights.0 != width || self.heights.1.len() != paragraphs.len() {
            self.heights = (width, vec![None; paragraphs.len()]);
        }
        // A long text lays out only the paragraphs in view (their heights kept from when they
        // were); a short one lays out all, so that every paragraph is there for screen readers.
        let virtual_from = paragraphs.len() >= VIRTUAL_FROM;
        ScrollArea::vertical().auto_shrink([false, false]).id_salt("reader").show(ui, |ui| {
            for (k, &(start, text)) in paragraphs.iter().enumerate() {
                let wanted = self.scroll_to.is_some_and(|t| (start..=start + text.len()).contains(&t));
                if let (true, false, Some(h)) = (virtual_from, wanted, self.heights.1[k]) {
                    let rect = Rect::from_min_size(ui.cursor().min, egui::vec2(width, h));
                    if !ui.is_rect_visible(rect) {
                        ui.allocate_space(egui::vec2(width, h));
                        ui.add_space(PARAGRAPH_GAP);
                        continue;
                    }
                }
                let top = ui.cursor().min.y;
                let at = Passage { source: source_id, start, text };
                self.paragraph(ui, b, visibility, selected_claim, at, &marks, pal, actions, mode);
                self.heights.1[k] = Some(ui.cursor().min.y - top - ui.spacing().item_spacing.y);
                ui.add_space(PARAGRAPH_GAP);
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

    /// One tab per source, when there are several: its name and grade in its colour.
    fn tabs(&mut self, ui: &mut Ui, b: &Briefing) {
        if b.sources().len() < 2 {
            return;
        }
        ui.horizontal_wrapped(|ui| {
            for (i, source) in b.sources().iter().enumerate() {
                let label = format!("{} ({})", source.short_name(), source.reliability_or_default().letter());
                let text = RichText::new(label).color(source_colour(i));
                let tab = ui.selectable_label(self.source == i, text).on_hover_ui(|ui| {
                    ui.strong(&source.title);
                    ui.label(source.byline(" · "));
                    ui.label(source.reliability_label());
                });
                if tab.clicked() {
                    self.show_source(i);
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
        marks: &[(usize, usize, Mark)],
        pal: &Palette,
        actions: &mut Actions,
        mode: Mode,
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
        let marks = marks_in(marks, at);
        let mut cuts: Vec<usize> = vec![0, text.len()];
        cuts.extend(spans.iter().flat_map(|&(a, z, _)| [a, z]));
        cuts.extend(marks.iter().flat_map(|&(a, z, _)| [a, z]));
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
                } else if b.is_contradicted(c) {
                    format.underline = Stroke::new(CONTRADICTED_UNDERLINE, CONTRADICTED);
                }
            }
            if is_heading {
                format.font_id = FontId::proportional(base_size);
                format.color = text_colour;
            }
            if let Some((_, _, mark)) = marks.iter().find(|m| m.0 <= a && m.1 >= z) {
                format.underline = Stroke::new(MENTION_UNDERLINE, mark.colour);
            }
            job.append(&text[a..z], 0.0, format);
        }
        let (pos, galley, response) = match mode {
            Mode::Read => Label::new(job).sense(Sense::click()).layout_in_ui(ui),
            Mode::Author => self.selectable(ui, job, at),
        };
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
            let flag = if b.is_contradicted(c) { " (contradicted)" } else { "" };
            node.widget_info(|| {
                WidgetInfo::selected(Role::Button, true, is_selected, format!("Passage: {summary}{flag}"))
            });
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
        if mode == Mode::Author {
            // The text field has drawn the text (and the selection); clicks there move its cursor.
            return;
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

impl Reader {
    /// The paragraph as read-only text that can be selected; a selection becomes the reader's.
    fn selectable(
        &mut self,
        ui: &mut Ui,
        job: LayoutJob,
        at: Passage<'_>,
    ) -> (egui::Pos2, Arc<egui::Galley>, egui::Response) {
        let mut layouter = |ui: &Ui, _: &dyn egui::TextBuffer, wrap: f32| {
            let mut job = job.clone();
            job.wrap.max_width = wrap;
            ui.painter().layout_job(job)
        };
        let mut words: &str = at.text;
        let output = TextEdit::multiline(&mut words)
            .id(egui::Id::unique(("reader-paragraph", at.source, at.start)))
            .frame(egui::Frame::NONE)
            .desired_width(ui.available_width())
            .desired_rows(1)
            .layouter(&mut layouter)
            .show(ui);
        self.focused |= output.response.response.has_focus();
        let label = format!("Paragraph at byte {}", at.start);
        output.response.response.widget_info(|| WidgetInfo::labeled(Role::MultilineTextInput, true, label.clone()));
        if let Some(range) = output.cursor_range {
            let [first, last] = range.sorted_cursors();
            let byte = |c: usize| at.text.char_indices().nth(c).map_or(at.text.len(), |(i, _)| i);
            let (a, z) = (byte(first.index.0), byte(last.index.0));
            let here = self
                .selection
                .as_ref()
                .is_some_and(|s| s.source == at.source && (at.start..=at.start + at.text.len()).contains(&s.start));
            if a < z {
                self.selection = Some(TextRef::new(at.source, at.start + a, at.start + z));
            } else if here && output.response.response.has_focus() {
                self.selection = None;
            }
        }
        (output.galley_pos, output.galley, output.response.response)
    }
}

/// The places' and dates' mentions in source `source`, as marks sorted by where they start:
/// accepted ones in the text's colour, suggestions still to decide in the highlight colour,
/// rejected ones not at all. Made once a frame; each paragraph takes its own by binary search.
fn marks(b: &Briefing, source: &str, pal: &Palette) -> Vec<(usize, usize, Mark)> {
    use crate::briefing::suggestion::{Suggestion, is_rejected, is_undecided};
    let mut out = Vec::new();
    let mut add = |m: &TextRef, s: &Option<Suggestion>, colour: Color32| {
        if m.source == source && m.start < m.end && !is_rejected(s) {
            out.push((m.start, m.end, Mark { colour: if is_undecided(s) { pal.highlight } else { colour } }));
        }
    };
    let place_ink = pal.muted;
    for p in b.places() {
        p.mentions.iter().for_each(|m| add(m, &p.suggestion, place_ink));
    }
    for r in b.regions() {
        r.mentions.iter().for_each(|m| add(m, &r.suggestion, place_ink));
    }
    for d in &b.doc().dates {
        add(&d.at, &d.suggestion, pal.muted);
    }
    out.sort_unstable_by_key(|m| (m.0, m.1));
    out
}

/// The marks that start inside paragraph `at`, relative to it (cut at its end).
fn marks_in(marks: &[(usize, usize, Mark)], at: Passage<'_>) -> Vec<(usize, usize, Mark)> {
    let end = at.start + at.text.len();
    let (first, last) = (marks.partition_point(|m| m.0 < at.start), marks.partition_point(|m| m.0 < end));
    marks[first..last]
        .iter()
        .map(|&(a, z, mark)| (a - at.start, z.min(end) - at.start, mark))
        .filter(|&(a, z, _)| a < z && at.text.is_char_boundary(a) && at.text.is_char_boundary(z))
        .collect()
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
