//! The handout: the briefing as a PDF to hand round after it is presented. A cover (title,
//! sources with their dates and grades, the date it was made, a map of the whole briefing), a
//! page per story step (its map as presenting shows it, its title and caption, its claims with
//! who says them, their kind, date and place in the source) and an appendix (every claim in
//! source order, every place with its coordinates and provenance).
//!
//! This is the core's part: what the pages say ([`content`]), the type ([`text`]), the layout
//! ([`layout`], [`pages`]) and the PDF ([`pdf`]). The maps are rendered by `ui::render`, which
//! hands them in as [`MapImage`]s.

pub mod content;
pub mod layout;
pub mod pages;
pub mod pdf;
pub mod text;

use std::collections::BTreeSet;

pub use content::Content;
pub use pages::{Layout, Look, Paper, lay_out};
pub use pdf::MapImage;
pub use text::Fonts;

use crate::briefing::Briefing;

/// The map images' layout size in points: the presentation as a 1152 × 648 screen, whose
/// type (14.5 pt body) prints at about 6.5 pt across a page's width.
pub const MAP_POINTS: [u32; 2] = [1152, 648];
/// Pixels per point of the map images: 1728 × 972 pixels, over 230 dpi across A4 or Letter.
pub const MAP_SCALE: f32 = 1.5;

/// The map images' size in pixels.
pub fn map_px() -> [u32; 2] {
    MAP_POINTS.map(|p| (p as f32 * MAP_SCALE).round() as u32)
}

/// How the handout is made.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// The paper.
    pub paper: Paper,
    /// Its colours.
    pub look: Look,
    /// The day it is made (printed on the cover).
    pub made: jiff::civil::Date,
}

/// A finished handout.
#[derive(Clone, Debug)]
pub struct Handout {
    /// The PDF file.
    pub pdf: Vec<u8>,
    /// How many pages it has.
    pub pages: usize,
    /// Characters no font of the app has (printed as empty boxes), if any.
    pub missing: BTreeSet<char>,
}

/// The handout of `steps` (0-based story indices) of `b`, with the cover map `overview` and
/// one map per step, in the same order.
pub fn make(
    b: &Briefing,
    steps: &[usize],
    overview: &MapImage,
    maps: &[MapImage],
    options: &Options,
) -> Result<Handout, String> {
    if maps.len() != steps.len() {
        return Err(format!("{} maps for {} steps", maps.len(), steps.len()));
    }
    let fonts = Fonts::app()?;
    let content = Content::of(b, steps, options.made);
    let layout = lay_out(&content, &fonts, options.paper, &options.look, overview.size());
    let missing = missing_glyphs(&layout, &fonts);
    let meta = pdf::Meta { title: &content.title, authors: &content.authors, made: options.made };
    let pdf = pdf::write(&layout, &fonts, Some(overview), maps, &meta)?;
    Ok(Handout { pdf, pages: layout.pages.len(), missing })
}

/// Every character printed that no font has.
pub fn missing_glyphs(layout: &Layout, fonts: &Fonts) -> BTreeSet<char> {
    let mut missing = BTreeSet::new();
    for page in &layout.pages {
        for mark in &page.marks {
            if let layout::Mark::Text(t) = mark {
                missing.extend(fonts.missing(&t.line.text));
            }
        }
    }
    missing
}

/// Parses the steps to hand out, "1-5", "3", "1,4,7-9" (numbered from 1), into 0-based story
/// indices in order, each once.
pub fn parse_steps(spec: &str, steps: usize) -> Result<Vec<usize>, String> {
    let number = |t: &str| -> Result<usize, String> {
        let n: usize = t.trim().parse().map_err(|_| format!("'{t}' in '{spec}' is not a step number"))?;
        if n == 0 || n > steps {
            return Err(format!("step {n} does not exist: the story has {steps} steps"));
        }
        Ok(n - 1)
    };
    let mut out: Vec<usize> = Vec::new();
    for part in spec.split(',') {
        let (from, to) = match part.split_once('-') {
            Some((a, z)) => (number(a)?, number(z)?),
            None => (number(part)?, number(part)?),
        };
        if to < from {
            return Err(format!("'{part}' runs backwards: write {}-{}", to + 1, from + 1));
        }
        out.extend((from..=to).filter(|i| !out.contains(i)).collect::<Vec<_>>());
    }
    out.sort_unstable();
    Ok(out)
}

#[cfg(test)]
mod tests;
