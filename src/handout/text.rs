//! The handout's type: the app's own fonts, shaped and measured, and text wrapped into lines.
//!
//! Text is shaped with the shaper egui uses (harfrust) in the fonts egui ships (Ubuntu Light,
//! then its emoji fonts for what Ubuntu lacks), so a line's width here is the width of the
//! glyphs the PDF draws: wrapping cannot overflow a box by guessing. Lines break at spaces
//! only, never inside a word (no hyphens of ours for `pdftotext` to mistake for the source's),
//! unless a single word is wider than the whole box.

use std::collections::BTreeSet;
use std::ops::Range;

use harfrust::{ShapeOptions, ShaperData, UnicodeBuffer};
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

/// One font of the set: its bytes, as the PDF embeds them, and what measuring needs.
pub struct Face {
    /// The font's name in egui's font definitions.
    pub name: &'static str,
    /// The font file.
    pub data: &'static [u8],
    font: FontRef<'static>,
    shaper: ShaperData,
    units_per_em: f32,
    /// Ascender above the baseline, in em.
    pub ascent: f32,
    /// Descender below the baseline (positive), in em.
    pub descent: f32,
}

impl Face {
    fn new(name: &'static str, data: &'static [u8]) -> Result<Self, String> {
        let font = FontRef::new(data).map_err(|e| format!("font {name}: {e}"))?;
        let metrics = font.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em.max(1));
        let shaper = ShaperData::new(&font);
        Ok(Self {
            name,
            data,
            font,
            shaper,
            units_per_em,
            ascent: metrics.ascent / units_per_em,
            descent: -metrics.descent / units_per_em,
        })
    }

    fn covers(&self, c: char) -> bool {
        self.font.charmap().map(c).is_some_and(|g| g.to_u32() != 0)
    }
}

/// The fonts of the handout, in fallback order: egui's proportional family.
pub struct Fonts {
    faces: Vec<Face>,
}

/// A shaped glyph; lengths in em (multiply by the font size).
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    /// The glyph in its face.
    pub id: u32,
    /// How far the pen moves after it.
    pub advance: f32,
    /// Horizontal offset from the pen.
    pub dx: f32,
    /// Vertical offset from the pen (up).
    pub dy: f32,
    /// The bytes of the run's text it stands for (its cluster).
    pub text: Range<usize>,
}

/// Text in one face: what the PDF draws with one call.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    /// Index of the face in [`Fonts`].
    pub face: usize,
    /// The run's text.
    pub text: String,
    /// Where the run starts on its line, in em.
    pub x: f32,
    /// Its glyphs, in order.
    pub glyphs: Vec<Glyph>,
}

/// One line of wrapped text.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    /// The line's text (without the spaces it was broken at).
    pub text: String,
    /// Its runs, left to right.
    pub runs: Vec<Run>,
    /// Its width, in em.
    pub width: f32,
}

impl Line {
    /// The width at `size` points.
    pub fn width_at(&self, size: f32) -> f32 {
        self.width * size
    }
}

/// A glyph placed on a shaped paragraph: its face and pen position.
struct Placed {
    face: usize,
    glyph: Glyph,
    /// Pen position before it, in em from the paragraph's start.
    x: f32,
}

impl Fonts {
    /// egui's default proportional fonts: Ubuntu Light, then Noto Emoji and the emoji icon
    /// font for the characters it lacks.
    pub fn app() -> Result<Self, String> {
        let faces = vec![
            Face::new("Ubuntu-Light", epaint_default_fonts::UBUNTU_LIGHT)?,
            Face::new("NotoEmoji-Regular", epaint_default_fonts::NOTO_EMOJI_REGULAR)?,
            Face::new("emoji-icon-font", epaint_default_fonts::EMOJI_ICON)?,
        ];
        Ok(Self { faces })
    }

    /// The faces, in fallback order.
    pub fn faces(&self) -> &[Face] {
        &self.faces
    }

    /// The main face (its ascent and descent set the line boxes).
    pub fn main(&self) -> &Face {
        &self.faces[0]
    }

    /// The face that draws `c`: the first that has it (whitespace and controls go with the
    /// text around them); `None` when no face has it.
    fn face_for(&self, c: char) -> Option<usize> {
        self.faces.iter().position(|f| f.covers(c))
    }

    /// The characters of `text` that no face can draw (they would print as empty boxes).
    pub fn missing(&self, text: &str) -> BTreeSet<char> {
        text.chars().filter(|&c| !c.is_whitespace() && !c.is_control() && self.face_for(c).is_none()).collect()
    }

    /// The width of `text` on one line, in em.
    pub fn measure(&self, text: &str) -> f32 {
        self.shape(text).iter().map(|p| p.glyph.advance).sum()
    }

    /// Shapes `text` (one line, no breaks), splitting it into runs of one face each.
    fn shape(&self, text: &str) -> Vec<Placed> {
        let mut out = Vec::new();
        let mut x = 0.0;
        for (face, range) in self.segments(text) {
            let f = &self.faces[face];
            let shaper = f.shaper.shaper(&f.font).build();
            let mut buffer = UnicodeBuffer::new();
            buffer.push_str(&text[range.clone()]);
            buffer.guess_segment_properties();
            let shaped = shaper.shape(buffer, ShapeOptions::new());
            let infos = shaped.glyph_infos();
            let positions = shaped.glyph_positions();
            let len = range.len();
            for (i, (info, pos)) in infos.iter().zip(positions).enumerate() {
                let start = info.cluster as usize;
                // A cluster runs to where the next one starts (glyphs of one cluster share it).
                let end = infos[i + 1..].iter().map(|g| g.cluster as usize).find(|&c| c > start).unwrap_or(len);
                let em = f.units_per_em;
                let glyph = Glyph {
                    id: info.glyph_id,
                    advance: pos.x_advance as f32 / em,
                    dx: pos.x_offset as f32 / em,
                    dy: pos.y_offset as f32 / em,
                    text: range.start + start..range.start + end,
                };
                let advance = glyph.advance;
                out.push(Placed { face, glyph, x });
                x += advance;
            }
        }
        out
    }

    /// `text` cut where the face that draws it changes.
    fn segments(&self, text: &str) -> Vec<(usize, Range<usize>)> {
        let mut out: Vec<(usize, Range<usize>)> = Vec::new();
        for (i, c) in text.char_indices() {
            let end = i + c.len_utf8();
            let face = match out.last() {
                Some(&(face, _)) if c.is_whitespace() || c.is_control() => face,
                _ => self.face_for(c).unwrap_or(0),
            };
            match out.last_mut() {
                Some((f, range)) if *f == face => range.end = end,
                _ => out.push((face, i..end)),
            }
        }
        out
    }

    /// Wraps `text` into lines at most `width` em wide: breaks at spaces (and at its own line
    /// breaks), and inside a word only when the word alone is wider than a line.
    pub fn wrap(&self, text: &str, width: f32) -> Vec<Line> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let paragraph = paragraph.trim_end_matches('\r');
            let placed = self.shape(paragraph);
            let mut start = 0;
            for range in break_lines(paragraph, &placed, width) {
                lines.push(line(paragraph, &placed, range.clone()));
                start = range.end;
            }
            if start == 0 && paragraph.trim().is_empty() {
                lines.push(Line { text: String::new(), runs: Vec::new(), width: 0.0 });
            }
        }
        lines
    }
}

/// The pen position at byte `at` of a shaped paragraph (the start of the cluster there).
fn x_at(placed: &[Placed], at: usize) -> f32 {
    placed
        .iter()
        .find(|p| p.glyph.text.start >= at)
        .map_or_else(|| placed.last().map_or(0.0, |p| p.x + p.glyph.advance), |p| p.x)
}

/// Greedy line breaking: the byte ranges of each line's text, without the spaces between.
fn break_lines(text: &str, placed: &[Placed], width: f32) -> Vec<Range<usize>> {
    // Words with the spaces before them: (start of the spaces, start of the word, end).
    let mut words: Vec<(usize, usize, usize)> = Vec::new();
    let mut at = 0;
    while at < text.len() {
        let word_start = at + text[at..].find(|c: char| !c.is_whitespace()).unwrap_or(text.len() - at);
        let word_end = word_start + text[word_start..].find(char::is_whitespace).unwrap_or(text.len() - word_start);
        if word_start < word_end {
            words.push((at, word_start, word_end));
        }
        at = word_end;
    }
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for (_, word_start, word_end) in words {
        if let Some(line) = current.as_mut() {
            if x_at(placed, word_end) - x_at(placed, line.start) <= width {
                line.end = word_end;
                continue;
            }
            lines.push(line.clone());
        }
        // The word starts a line; one wider than a line is cut where it must be.
        let mut start = word_start;
        while x_at(placed, word_end) - x_at(placed, start) > width {
            let cut = cut_point(text, placed, start, word_end, width);
            lines.push(start..cut);
            start = cut;
        }
        current = Some(start..word_end);
    }
    lines.extend(current);
    lines
}

/// Where to cut a word too wide for a line: the last cluster boundary that fits (at least one
/// character, so the loop always moves on).
fn cut_point(text: &str, placed: &[Placed], start: usize, end: usize, width: f32) -> usize {
    let x0 = x_at(placed, start);
    let first = start + text[start..].chars().next().map_or(1, char::len_utf8);
    placed
        .iter()
        .map(|p| p.glyph.text.end)
        .filter(|&b| b > start && b < end && text.is_char_boundary(b))
        .take_while(|&b| x_at(placed, b) - x0 <= width)
        .last()
        .unwrap_or(first)
        .max(first)
}

/// The line made of bytes `range` of a shaped paragraph: its glyphs, regrouped into runs.
fn line(text: &str, placed: &[Placed], range: Range<usize>) -> Line {
    let x0 = x_at(placed, range.start);
    let mut runs: Vec<Run> = Vec::new();
    let mut end_x = x0;
    for p in placed.iter().filter(|p| p.glyph.text.start >= range.start && p.glyph.text.start < range.end) {
        if runs.last().is_none_or(|r| r.face != p.face) {
            runs.push(Run { face: p.face, text: String::new(), x: p.x - x0, glyphs: Vec::new() });
        }
        if let Some(run) = runs.last_mut() {
            run.glyphs.push(p.glyph.clone());
        }
        end_x = p.x + p.glyph.advance;
    }
    // Each run's glyphs point into its own text.
    for run in &mut runs {
        let (Some(first), Some(last)) = (run.glyphs.first(), run.glyphs.last()) else { continue };
        let (from, to) = (first.text.start, last.text.end.min(range.end));
        run.text = text[from..to].to_owned();
        for g in &mut run.glyphs {
            g.text = g.text.start - from..g.text.end.min(to) - from;
        }
    }
    Line { text: text[range].to_owned(), runs, width: end_x - x0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::app().unwrap()
    }

    #[test]
    fn lines_fit_their_width_and_keep_every_word() {
        let f = fonts();
        let text = "Russian foreign minister Sergei Lavrov on 16 May arrived in Minsk to discuss a possible \
                    response to NATO launching its missile-defence system.";
        for width in [8.0, 15.0, 30.0] {
            let lines = f.wrap(text, width);
            assert!(lines.len() > 1, "{width}: wrapped");
            for l in &lines {
                assert!(l.width <= width + 1e-4, "{width}: {:?} is {} em", l.text, l.width);
                assert!(!l.text.starts_with(' ') && !l.text.ends_with(' '), "{:?}", l.text);
            }
            let joined: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(joined.join(" "), text, "only spaces are dropped, at the breaks");
        }
    }

    #[test]
    fn runs_carry_their_text_and_cyrillic_is_ubuntu() {
        let f = fonts();
        let lines = f.wrap("Minsk (Мінск, Минск) “quoted” ⚠", 100.0);
        assert_eq!(lines.len(), 1);
        let l = &lines[0];
        let rebuilt: String = l.runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(rebuilt, l.text);
        assert_eq!(l.runs[0].face, 0, "Latin, Cyrillic and curly quotes are in Ubuntu Light");
        assert!(l.runs[0].text.contains("Минск"));
        assert!(l.runs.iter().any(|r| r.face > 0 && r.text.contains('⚠')), "the warning sign falls back");
        for r in &l.runs {
            for g in &r.glyphs {
                assert!(r.text.get(g.text.clone()).is_some(), "{:?} in {:?}", g.text, r.text);
            }
        }
        assert!(f.missing("Мінск “x” – ü").is_empty());
        assert_eq!(f.missing("\u{10FFFD}"), BTreeSet::from(['\u{10FFFD}']));
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut_not_lost() {
        let f = fonts();
        let url = "https://example.org/a/very/long/address/that/cannot/fit/on/one/line";
        let lines = f.wrap(url, 6.0);
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| l.width <= 6.0 + 1e-4));
        assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<String>(), url);
    }

    #[test]
    fn line_breaks_in_the_text_are_kept() {
        let f = fonts();
        let lines = f.wrap("one\n\ntwo", 50.0);
        assert_eq!(lines.iter().map(|l| l.text.as_str()).collect::<Vec<_>>(), ["one", "", "two"]);
        assert!((f.measure("two") - lines[2].width).abs() < 1e-5);
    }
}
