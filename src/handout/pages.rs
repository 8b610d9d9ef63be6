//! The handout's pages: the cover, a page per story step (more when its claims run on), and
//! the appendix; then a footer with the title and page numbers on each.

use super::content::{ClaimEntry, Content, PlaceEntry, StepEntry};
use super::layout::{Block, Flow, ImageSlot, Mark, Page, Rect, Rgb, Row, Style, line_row, text_rows};
use super::text::Fonts;
use crate::briefing::ClaimKind;

/// Paper sizes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    A4,
    /// US Letter, 8.5 × 11 in.
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size(self) -> (f32, f32) {
        match self {
            Self::A4 => (595.276, 841.89),
            Self::Letter => (612.0, 792.0),
        }
    }
}

/// The colours of the pages (the app's palette for the chosen theme).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Look {
    /// The page, when not white paper (a dark handout).
    pub page: Option<Rgb>,
    /// Text.
    pub text: Rgb,
    /// Secondary text: bylines, dates, where a quote stands.
    pub muted: Rgb,
    /// Rules.
    pub rule: Rgb,
    /// Links to other pages.
    pub link: Rgb,
    /// Each claim kind's colour, in [`ClaimKind::ALL`] order.
    pub kinds: [Rgb; 5],
}

impl Look {
    fn kind(&self, kind: ClaimKind) -> Rgb {
        let i = ClaimKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
        self.kinds[i]
    }
}

/// Space around the printed area, in points (15 mm).
const MARGIN: f32 = 42.52;
/// Height kept for the footer below the body, in points.
const FOOTER_SPACE: f32 = 26.0;
/// Width of a claim's colour bar, and the gap after it, in points.
const BAR: (f32, f32) = (2.5, 7.0);
/// Room for an appendix claim's number, in points.
const NUMBER_GUTTER: f32 = 22.0;
/// Space between claims, in points.
const CLAIM_GAP: f32 = 7.0;
/// Space between sections of a page (header, map, caption), in points.
const SECTION_GAP: f32 = 10.0;

/// The laid-out handout.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Its pages.
    pub pages: Vec<Page>,
    /// Page width and height in points.
    pub size: (f32, f32),
    /// Where the body's text and images go on every page.
    pub body: Rect,
    /// The footer's box.
    pub footer: Rect,
    /// Per handout step, its first page (0-based).
    pub step_pages: Vec<usize>,
    /// The first page of the appendix.
    pub appendix_page: usize,
}

/// The type of the handout.
struct Styles {
    title: Style,
    h1: Style,
    h2: Style,
    body: Style,
    quote: Style,
    small: Style,
    meta: Style,
    link: Style,
}

impl Styles {
    fn of(look: &Look) -> Self {
        let s = |size: f32, leading: f32, colour: Rgb, bold: bool| Style { size, leading, colour, bold };
        Self {
            title: s(24.0, 30.0, look.text, true),
            h1: s(16.0, 21.0, look.text, true),
            h2: s(11.5, 16.0, look.text, true),
            body: s(10.0, 13.5, look.text, false),
            quote: s(9.5, 12.5, look.text, false),
            small: s(8.0, 10.5, look.muted, false),
            meta: s(7.5, 10.0, look.muted, false),
            link: s(7.5, 10.0, look.link, false),
        }
    }
}

/// Lays out `content` on `paper`; maps are `map_px` pixels (their shape sets their height).
pub fn lay_out(content: &Content, fonts: &Fonts, paper: Paper, look: &Look, map_px: [u32; 2]) -> Layout {
    let (w, h) = paper.size();
    let body = Rect::new(MARGIN, MARGIN, w - 2.0 * MARGIN, h - 2.0 * MARGIN - FOOTER_SPACE);
    let footer = Rect::new(MARGIN, body.bottom(), body.w, FOOTER_SPACE);
    let map_h = body.w * map_px[1] as f32 / map_px[0].max(1) as f32;
    let pages = Pages { fonts, look, styles: Styles::of(look), body, map_h };
    let mut flow = Flow::new(body, look.page);
    pages.cover(&mut flow, content);
    let mut step_pages = Vec::new();
    for (i, step) in content.steps.iter().enumerate() {
        step_pages.push(flow.pages.len());
        pages.step(&mut flow, content, i, step);
    }
    // Where each claim was printed on a step page, for the appendix's links back.
    let shown = flow.claim_places.clone();
    let appendix_page = flow.pages.len();
    pages.appendix(&mut flow, content, &shown);
    let mut pages_out = flow.pages;
    let total = pages_out.len();
    for (n, page) in pages_out.iter_mut().enumerate() {
        page.marks.extend(pages.footer(footer, &content.title, n + 1, total));
    }
    Layout { pages: pages_out, size: (w, h), body, footer, step_pages, appendix_page }
}

struct Pages<'a> {
    fonts: &'a Fonts,
    look: &'a Look,
    styles: Styles,
    body: Rect,
    map_h: f32,
}

impl Pages<'_> {
    /// Text across the body.
    fn text(&self, text: &str, style: Style) -> Vec<Row> {
        text_rows(self.fonts, text, style, self.body.x, self.body.w)
    }

    fn cover(&self, flow: &mut Flow, c: &Content) {
        let s = &self.styles;
        let mut header = self.text(&c.title, s.title);
        if !c.authors.is_empty() {
            header.extend(self.text(&format!("by {}", c.authors.join(", ")), s.h2));
        }
        header.push(Row::gap(4.0));
        header.extend(self.text(&c.made, s.small));
        header.extend(self.text(&c.counts, s.small));
        header.push(Row::gap(SECTION_GAP));
        flow.section("Cover", Block::of(header), Block::of(self.text(&format!("{} (continued)", c.title), s.h2)));
        let heading = if c.sources.len() == 1 { "Source" } else { "Sources" };
        let mut first = Some(Block::of(self.text(heading, s.h2)));
        for source in &c.sources {
            let mut rows = self.text(&source.title, Style { bold: true, ..s.body });
            rows.extend(self.text(&source.byline, s.small));
            rows.extend(self.text(&source.grade, s.small));
            for note in &source.notes {
                rows.extend(self.text(note, s.meta));
            }
            rows.push(Row::gap(SECTION_GAP));
            let block = Block::of(rows);
            flow.place(match first.take() {
                Some(heading) => heading.then(block),
                None => block,
            });
        }
        let mut map = vec![self.map_row(ImageSlot::Overview), Row::gap(3.0)];
        map.extend(self.text("The whole briefing: every place, every date.", s.meta));
        flow.place(Block::of(map));
    }

    fn map_row(&self, slot: ImageSlot) -> Row {
        let rect = Rect::new(self.body.x, 0.0, self.body.w, self.map_h);
        Row { height: self.map_h, marks: vec![Mark::Image { slot, rect }] }
    }

    fn step(&self, flow: &mut Flow, c: &Content, i: usize, step: &StepEntry) {
        let s = &self.styles;
        let mut header = self.text(&step.heading, s.small);
        header.extend(self.text(&step.title, s.h1));
        header.push(Row::gap(4.0));
        let continued = format!("Step {} (continued) · {}", step.index + 1, step.title);
        let mut continued = self.text(&continued, s.h2);
        continued.push(Row::gap(4.0));
        flow.section(&format!("Step {}: {}", step.index + 1, step.title), Block::of(header), Block::of(continued));
        flow.place(Block::of(vec![self.map_row(ImageSlot::Step(i)), Row::gap(SECTION_GAP)]));
        if !step.caption.trim().is_empty() {
            let mut caption = self.text(&step.caption, s.body);
            caption.push(Row::gap(SECTION_GAP));
            flow.place(Block::of(caption));
        }
        if step.claims.is_empty() {
            flow.place(Block::of(self.text("This step cites no claims.", s.small)));
            return;
        }
        let heading = if step.claims.len() == 1 { "The claim" } else { "The claims" };
        let mut first = Some(Block::of(self.text(heading, s.h2)));
        for &e in &step.claims {
            let mut block = self.claim(&c.claims[e], false);
            block.claim = Some((e, i));
            flow.place(match first.take() {
                Some(heading) => heading.then(block),
                None => block,
            });
        }
    }

    /// A claim: its colour bar, the quote, who says it, its kind and date, where it stands.
    /// The appendix numbers it and gives the reason for an inferred date in full.
    fn claim(&self, e: &ClaimEntry, appendix: bool) -> Block {
        let s = &self.styles;
        let gutter = if appendix { NUMBER_GUTTER } else { 0.0 };
        let x = self.body.x + gutter + BAR.0 + BAR.1;
        let width = self.body.right() - x;
        let mut rows = text_rows(self.fonts, &e.quote, s.quote, x, width);
        if appendix && let Some(first) = rows.first_mut() {
            let number = self.fonts.wrap(&format!("{}.", e.number), f32::INFINITY).remove(0);
            first.marks.extend(line_row(self.fonts, number, s.quote, self.body.x, gutter).marks);
        }
        let speaker = match &e.rating {
            Some(rating) => format!("{} · {rating}", e.speaker),
            None => e.speaker.clone(),
        };
        rows.extend(text_rows(self.fonts, &speaker, s.small, x, width));
        for line in &e.relations {
            rows.extend(text_rows(self.fonts, line, s.small, x, width));
        }
        let meta = match (&e.inferred, appendix) {
            (None, _) => format!("{} · {}", e.kind_label, e.date),
            (Some(why), true) => format!("{} · {} (inferred: {why})", e.kind_label, e.date),
            (Some(_), false) => format!("{} · {} (inferred)", e.kind_label, e.date),
        };
        let meta = if appendix {
            format!("{meta} · {}", e.location)
        } else {
            format!("{meta} · {} · claim {} in the appendix", e.location, e.number)
        };
        rows.extend(text_rows(self.fonts, &meta, s.meta, x, width));
        // The bar runs down the text rows, one piece per row so a split claim keeps its colour.
        let colour = self.look.kind(e.kind);
        for row in &mut rows {
            let rect = Rect::new(self.body.x + gutter, 0.0, BAR.0, row.height);
            row.marks.push(Mark::Fill { rect, colour });
        }
        rows.push(Row::gap(CLAIM_GAP));
        Block::of(rows)
    }

    /// Every claim (with links to the step pages that print it, from `shown`: claim, step,
    /// page, y), then every place and region.
    fn appendix(&self, flow: &mut Flow, c: &Content, shown: &[(usize, usize, usize, f32)]) {
        let s = &self.styles;
        let mut header = self.text("Appendix", s.h1);
        header.push(Row::gap(4.0));
        flow.section("Appendix", Block::of(header), Block::of(self.text("Appendix (continued)", s.h2)));
        let mut first = Some(Block::of(self.text("Every claim, in source order", s.h2)));
        for (e, entry) in c.claims.iter().enumerate() {
            let mut block = self.claim(entry, true);
            let gap = block.rows.pop();
            let links: Vec<(String, usize, f32)> = shown
                .iter()
                .filter(|&&(claim, _, _, _)| claim == e)
                .map(|&(_, step, page, y)| (format!("Step {} (page {})", c.steps[step].index + 1, page + 1), page, y))
                .collect();
            block.rows.extend(self.links(&links));
            block.rows.extend(gap);
            flow.place(match first.take() {
                Some(heading) => heading.then(block),
                None => block,
            });
        }
        self.places(flow, "Places", "Every place, with its coordinates and where they come from", &c.places);
        self.places(flow, "Regions", "Every region, with its boundaries and where they come from", &c.regions);
    }

    /// "Shown in: Step 3 (page 4) · Step 5 (page 6)", each step a link to its page.
    fn links(&self, links: &[(String, usize, f32)]) -> Vec<Row> {
        let s = &self.styles;
        let x0 = self.body.x + NUMBER_GUTTER + BAR.0 + BAR.1;
        let width = self.body.right() - x0;
        if links.is_empty() {
            return text_rows(self.fonts, "Not shown in a story step.", s.meta, x0, width);
        }
        let mut rows: Vec<Row> = Vec::new();
        let mut row = Row { height: s.meta.leading, marks: Vec::new() };
        let mut x = x0;
        let pieces = std::iter::once(("Shown in:".to_owned(), None))
            .chain(links.iter().map(|(t, p, y)| (t.clone(), Some((*p, *y)))));
        for (n, (text, target)) in pieces.enumerate() {
            let sep = if n > 1 { " · " } else { " " };
            let sep_w = if n == 0 { 0.0 } else { self.fonts.measure(sep) * s.meta.size };
            let line = self.fonts.wrap(&text, f32::INFINITY).remove(0);
            let w = line.width_at(s.meta.size);
            if x + sep_w + w > x0 + width && x > x0 {
                rows.push(std::mem::replace(&mut row, Row { height: s.meta.leading, marks: Vec::new() }));
                x = x0;
            } else {
                x += sep_w;
            }
            let style = if target.is_some() { s.link } else { s.meta };
            let mut marks = line_row(self.fonts, line, style, x, w).marks;
            for m in &mut marks {
                if let Mark::Text(t) = m {
                    // The piece's box is the row across the column.
                    t.frame = Rect::new(x0, 0.0, width, s.meta.leading);
                }
            }
            if let Some((page, y)) = target {
                row.marks.push(Mark::Link { rect: Rect::new(x, 0.0, w, s.meta.leading), page, y });
            }
            row.marks.extend(marks);
            x += w;
        }
        rows.push(row);
        rows
    }

    fn places(&self, flow: &mut Flow, heading: &str, intro: &str, entries: &[PlaceEntry]) {
        if entries.is_empty() {
            return;
        }
        let s = &self.styles;
        let mut first = vec![Row::gap(SECTION_GAP)];
        first.extend(self.text(heading, s.h2));
        first.extend(self.text(intro, s.small));
        first.push(Row::gap(4.0));
        let mut first = Some(Block::of(first));
        for p in entries {
            let mut rows = self.text(&p.name, Style { bold: true, ..s.quote });
            rows.extend(self.text(&p.facts, s.small));
            rows.extend(self.text(&p.provenance, s.meta));
            rows.push(Row::gap(5.0));
            let block = Block::of(rows);
            flow.place(match first.take() {
                Some(heading) => heading.then(block),
                None => block,
            });
        }
    }

    /// The footer: a rule, the title on the left, "Page n of N" on the right.
    fn footer(&self, footer: Rect, title: &str, n: usize, total: usize) -> Vec<Mark> {
        let s = self.styles.meta;
        let rule = Rect::new(footer.x, footer.y + 8.0, footer.w, 0.5);
        let y = footer.y + 10.0;
        let number = self.fonts.wrap(&format!("Page {n} of {total}"), f32::INFINITY).remove(0);
        let number_w = number.width_at(s.size);
        let room = footer.w - number_w - 24.0;
        let title = self.fonts.wrap(&fit(self.fonts, title, room / s.size), f32::INFINITY).remove(0);
        let mut marks = vec![Mark::Fill { rect: rule, colour: self.look.rule }];
        for (line, x, w) in [(title, footer.x, room), (number, footer.right() - number_w, number_w)] {
            marks.extend(line_row(self.fonts, line, s, x, w).marks.iter().map(|m| match m {
                Mark::Text(t) => Mark::Text(super::layout::TextMark {
                    baseline: t.baseline + y,
                    frame: Rect { y: t.frame.y + y, ..t.frame },
                    ..t.clone()
                }),
                other => other.clone(),
            }));
        }
        marks
    }
}

/// `text` cut with an ellipsis to fit `width` em on one line.
fn fit(fonts: &Fonts, text: &str, width: f32) -> String {
    if fonts.measure(text) <= width {
        return text.to_owned();
    }
    let mut cut: String = text.to_owned();
    while !cut.is_empty() && fonts.measure(&format!("{cut}…")) > width {
        cut.pop();
    }
    format!("{}…", cut.trim_end())
}
