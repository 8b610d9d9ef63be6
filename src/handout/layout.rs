//! Page geometry and the flow that fills pages: rows of measured text and images placed top
//! to bottom, a new page (with a "continued" header) when the next block does not fit.
//!
//! Everything is in PDF points (1/72 in), origin at the page's top left, y down. The result
//! is a list of [`Mark`]s per page with the box each must stay inside, so tests can check
//! that nothing overflows without drawing anything.

use super::text::{Fonts, Line};

/// A rectangle: left, top, width, height.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

/// Slack for rounding when comparing edges, in points.
const EPSILON: f32 = 0.01;

impl Rect {
    /// A rectangle from its left, top, width and height.
    pub fn new(x: f32, y: f32, w: f32, h: f32) -> Self {
        Self { x, y, w, h }
    }

    /// Right edge.
    pub fn right(&self) -> f32 {
        self.x + self.w
    }

    /// Bottom edge.
    pub fn bottom(&self) -> f32 {
        self.y + self.h
    }

    /// Whether `other` lies inside this rectangle.
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x - EPSILON
            && other.y >= self.y - EPSILON
            && other.right() <= self.right() + EPSILON
            && other.bottom() <= self.bottom() + EPSILON
    }

    /// Whether the two share more than an edge.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.right() - EPSILON
            && other.x < self.right() - EPSILON
            && self.y < other.bottom() - EPSILON
            && other.y < self.bottom() - EPSILON
    }
}

/// A colour, RGB.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub [u8; 3]);

/// How a piece of text looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Style {
    /// Font size in points.
    pub size: f32,
    /// Distance from one line's top to the next's, in points.
    pub leading: f32,
    /// Its colour.
    pub colour: Rgb,
    /// Drawn heavier (the app's font has one weight: the PDF strokes the outline too).
    pub bold: bool,
}

/// Which image goes in an image box.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageSlot {
    /// The whole briefing, on the cover.
    Overview,
    /// The map of the handout's step `i` (an index into its steps, not the story).
    Step(usize),
}

/// A line of text placed on a page.
#[derive(Clone, Debug, PartialEq)]
pub struct TextMark {
    /// The shaped line.
    pub line: Line,
    /// Its look.
    pub style: Style,
    /// Where its pen starts.
    pub x: f32,
    /// Its baseline.
    pub baseline: f32,
    /// The box it was laid out in (its column, its row): the text must stay inside.
    pub frame: Rect,
}

impl TextMark {
    /// The space its glyphs take: its advance width, from ascender to descender.
    pub fn bounds(&self, fonts: &Fonts) -> Rect {
        let main = fonts.main();
        let top = self.baseline - main.ascent * self.style.size;
        Rect::new(self.x, top, self.line.width_at(self.style.size), (main.ascent + main.descent) * self.style.size)
    }
}

/// Something drawn on a page.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// The whole page's background (a dark handout).
    Background(Rgb),
    /// A line of text.
    Text(TextMark),
    /// A map.
    Image {
        /// Which.
        slot: ImageSlot,
        /// Where, at what printed size.
        rect: Rect,
    },
    /// A filled rectangle: rules, a claim's colour bar.
    Fill {
        /// Where.
        rect: Rect,
        /// Its colour.
        colour: Rgb,
    },
    /// A link to another page of the handout.
    Link {
        /// The area that is clickable.
        rect: Rect,
        /// The page it goes to (0-based).
        page: usize,
        /// How far down that page, in points.
        y: f32,
    },
}

/// A laid-out page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    /// What is drawn, in order.
    pub marks: Vec<Mark>,
    /// The entry in the PDF's outline (bookmarks) for a section's first page.
    pub bookmark: Option<String>,
}

/// A horizontal slice of a block: its height and what it draws (y relative to its top).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// Its height in points.
    pub height: f32,
    /// What it draws; y is from the row's top, x is on the page.
    pub marks: Vec<Mark>,
}

impl Row {
    /// An empty row of this height (space between blocks).
    pub fn gap(height: f32) -> Self {
        Self { height, marks: Vec::new() }
    }
}

/// Rows that belong together: they go on one page if they can.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Block {
    /// The rows, top to bottom.
    pub rows: Vec<Row>,
    /// The claim entry it prints and the handout step it is printed for, to find the page it
    /// lands on (for links).
    pub claim: Option<(usize, usize)>,
}

impl Block {
    /// A block of these rows.
    pub fn of(rows: Vec<Row>) -> Self {
        Self { rows, claim: None }
    }

    /// Its height.
    pub fn height(&self) -> f32 {
        self.rows.iter().map(|r| r.height).sum()
    }

    /// This block with `next`'s rows after its own (a heading kept with what follows it).
    pub fn then(mut self, next: Block) -> Self {
        self.rows.extend(next.rows);
        self.claim = self.claim.or(next.claim);
        self
    }
}

/// Moves a mark down by `dy` (rows are built at y = 0).
fn shifted(mark: &Mark, dy: f32) -> Mark {
    let down = |r: &Rect| Rect { y: r.y + dy, ..*r };
    match mark {
        Mark::Background(c) => Mark::Background(*c),
        Mark::Text(t) => Mark::Text(TextMark { baseline: t.baseline + dy, frame: down(&t.frame), ..t.clone() }),
        Mark::Image { slot, rect } => Mark::Image { slot: *slot, rect: down(rect) },
        Mark::Fill { rect, colour } => Mark::Fill { rect: down(rect), colour: *colour },
        Mark::Link { rect, page, y } => Mark::Link { rect: down(rect), page: *page, y: *y },
    }
}

/// Lines of text wrapped to `width` at `x`, one row per line.
pub fn text_rows(fonts: &Fonts, text: &str, style: Style, x: f32, width: f32) -> Vec<Row> {
    fonts.wrap(text, width / style.size).into_iter().map(|line| line_row(fonts, line, style, x, width)).collect()
}

/// One row holding `line`, in a column at `x` of `width`.
pub fn line_row(fonts: &Fonts, line: Line, style: Style, x: f32, width: f32) -> Row {
    let main = fonts.main();
    // The glyphs' height, centred in the leading.
    let glyphs = (main.ascent + main.descent) * style.size;
    let baseline = (style.leading - glyphs) / 2.0 + main.ascent * style.size;
    let frame = Rect::new(x, 0.0, width, style.leading);
    Row { height: style.leading, marks: vec![Mark::Text(TextMark { line, style, x, baseline, frame })] }
}

/// The flow: fills pages with blocks, each section starting on a new page.
pub struct Flow {
    /// Pages so far.
    pub pages: Vec<Page>,
    /// Where text and images may go on every page.
    pub body: Rect,
    /// The background of every page, if not white paper.
    background: Option<Rgb>,
    /// The header a section's later pages start with.
    continued: Vec<Row>,
    y: f32,
    /// Nothing but the header on this page yet: a block goes here however tall it is.
    fresh: bool,
    /// Where claims were printed: claim entry, step, page, y.
    pub claim_places: Vec<(usize, usize, usize, f32)>,
}

impl Flow {
    /// A flow filling `body` on each page.
    pub fn new(body: Rect, background: Option<Rgb>) -> Self {
        Self {
            pages: Vec::new(),
            body,
            background,
            continued: Vec::new(),
            y: body.y,
            fresh: true,
            claim_places: Vec::new(),
        }
    }

    /// Starts a section on a new page, with `header` on its first page and `continued` on the
    /// pages it runs on to, and `bookmark` in the outline.
    pub fn section(&mut self, bookmark: &str, header: Block, continued: Block) {
        self.continued = continued.rows;
        self.new_page(Some(bookmark.to_owned()), header.rows);
    }

    fn new_page(&mut self, bookmark: Option<String>, header: Vec<Row>) {
        let mut page = Page { marks: Vec::new(), bookmark };
        page.marks.extend(self.background.map(Mark::Background));
        self.pages.push(page);
        self.y = self.body.y;
        for row in header {
            self.put(row);
        }
        self.fresh = true;
    }

    /// The page being filled (0-based).
    pub fn page(&self) -> usize {
        self.pages.len().saturating_sub(1)
    }

    fn put(&mut self, row: Row) {
        let dy = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.marks.extend(row.marks.iter().map(|m| shifted(m, dy)));
        }
        self.y += row.height;
        self.fresh = false;
    }

    /// Places a block: on this page if it fits, else on a new one; a block taller than a whole
    /// page is split between rows.
    pub fn place(&mut self, block: Block) {
        let fits = |flow: &Self, h: f32| flow.y + h <= flow.body.bottom() + EPSILON;
        if !fits(self, block.height()) && !self.fresh {
            self.continue_on_new_page();
        }
        if let Some((claim, step)) = block.claim {
            let page = self.page();
            self.claim_places.push((claim, step, page, self.y));
        }
        for row in block.rows {
            if !fits(self, row.height) && !self.fresh {
                self.continue_on_new_page();
            }
            self.put(row);
        }
        self.fresh = false;
    }

    fn continue_on_new_page(&mut self) {
        let header = self.continued.clone();
        self.new_page(None, header);
    }

    /// Room left on the page, in points.
    pub fn room(&self) -> f32 {
        self.body.bottom() - self.y
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn style() -> Style {
        Style { size: 10.0, leading: 14.0, colour: Rgb([0, 0, 0]), bold: false }
    }

    #[test]
    fn blocks_that_do_not_fit_start_a_page_with_the_continued_header() {
        let fonts = Fonts::app().unwrap();
        let body = Rect::new(40.0, 40.0, 200.0, 100.0);
        let mut flow = Flow::new(body, None);
        let head = |t: &str| Block::of(text_rows(&fonts, t, style(), body.x, body.w));
        flow.section("One", head("Section"), head("Section (continued)"));
        for i in 0..6 {
            let mut block = Block::of(vec![Row::gap(20.0)]);
            block.claim = Some((i, 0));
            flow.place(block);
        }
        // 14 of header, then 20-high blocks: 4 fit under it on a 100-high body.
        assert_eq!(flow.pages.len(), 2);
        assert_eq!(flow.claim_places.iter().map(|c| c.2).collect::<Vec<_>>(), [0, 0, 0, 0, 1, 1]);
        assert_eq!(flow.pages[0].bookmark.as_deref(), Some("One"));
        let texts: Vec<&str> = flow.pages[1]
            .marks
            .iter()
            .filter_map(|m| if let Mark::Text(t) = m { Some(t.line.text.as_str()) } else { None })
            .collect();
        assert_eq!(texts, ["Section (continued)"]);
        assert_eq!(flow.claim_places[4].3, 54.0, "below the continued header");
    }

    #[test]
    fn a_block_taller_than_a_page_is_split_between_rows() {
        let body = Rect::new(0.0, 0.0, 100.0, 50.0);
        let mut flow = Flow::new(body, Some(Rgb([0, 0, 0])));
        flow.section("S", Block::default(), Block::default());
        flow.place(Block::of((0..7).map(|_| Row::gap(20.0)).collect()));
        assert_eq!(flow.pages.len(), 4, "two rows a page");
        assert!(flow.pages.iter().all(|p| matches!(p.marks.first(), Some(Mark::Background(_)))));
    }
}
