//! Reading an article offline: the places and dates it mentions, each tied to its words.
//!
//! [`extract`] takes the article text (and the byte range of its body, so teaser lines of other
//! articles are left out) and returns every place with its mentions, coordinates, confidence
//! and the readings that lost, and every date resolved against the publication date. Plain
//! Rust, no UI: the CLI (`briefmap extract`) and the app call it.

mod context;
pub mod curated;
pub mod dates;
pub mod draft;

pub mod gazetteer;
pub mod geonames;
pub mod html;
pub mod input;
pub mod places;
pub mod report;
pub mod text;
mod words;

#[cfg(test)]
mod tests;

use std::ops::Range;

use jiff::civil::Date;
use serde::Serialize;

pub use dates::FoundDate;
pub use gazetteer::{Entry, Gazetteer, GazetteerError, PlaceRef};

/// Everything found in one article.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Extraction {
    /// Places, in the order the text first mentions them.
    pub places: Vec<FoundPlace>,
    /// Dates, in text order.
    pub dates: Vec<FoundDate>,
}

/// What kind of place a found place is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKindX {
    /// A sovereign state (or a territory with its own ISO code).
    Country,
    /// A region defined by geography or events: "the Baltic States", "Crimea", "Donbas".
    Region,
    /// A first-level division: oblast, voblast, voivodeship, krai, republic.
    Province,
    /// A city (at least `gazetteer::CITY_POPULATION` people, or a capital).
    City,
    /// A smaller settlement.
    Town,
    /// A military site, base or range.
    Site,
    /// A sea, strait, gulf or ocean.
    Sea,
}

impl PlaceKindX {
    /// The name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Region => "region",
            Self::Province => "province",
            Self::City => "city",
            Self::Town => "town",
            Self::Site => "site",
            Self::Sea => "sea",
        }
    }
}

/// How a mention refers to its place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionAs {
    /// By name: "Minsk", "Minsk's".
    Name,
    /// By adjective or demonym: "Belarusian", "Chinese".
    Adjective,
    /// By a metonym: "the Kremlin" for Russia's leadership in Moscow.
    Metonym,
}

/// One place of mention in the text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// Byte offset in the kept text.
    pub start: usize,
    /// Byte offset after the mention.
    pub end: usize,
    /// The words as written.
    pub text: String,
    /// Name, adjective or metonym.
    #[serde(rename = "as")]
    pub r#as: MentionAs,
}

/// A reading of the words that lost, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alternative {
    /// Its name.
    pub name: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// What it is.
    pub kind: PlaceKindX,
    /// ISO country code.
    pub country: String,
    /// "geonames:ID" or "curated:ID".
    pub source: String,
    /// Why the chosen place won over it.
    pub why: String,
}

/// A place the article mentions.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FoundPlace {
    /// Display name.
    pub name: String,
    /// Latitude, degrees (areas: a point inside them).
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// What it is.
    pub kind: PlaceKindX,
    /// ISO 3166-1 alpha-2 (Crimea is "UA"); empty for areas across several countries.
    pub country: String,
    /// How sure the reading is, 0..1.
    pub confidence: f32,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Readings that lost.
    pub alternatives: Vec<Alternative>,
    /// "geonames:625144" or "curated:crimea".
    pub source: String,
    /// Codes in `geodata/regions.geojson` whose union draws it, for areas with a boundary.
    pub geometry: Vec<String>,
    /// Population, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// A national capital.
    pub capital: bool,
    /// For military sites: air_base, naval_base, military_site, missile_defence_site, range.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// A status worth showing (occupation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Places and dates in the whole of `text`.
pub fn extract(text: &str, published: Option<Date>, gazetteer: &Gazetteer) -> Extraction {
    extract_body(text, 0..text.len(), published, gazetteer)
}

/// Places and dates in `body`, a byte range of `text` (offsets stay relative to all of `text`).
/// A range outside the text, or not on character boundaries, is narrowed to what is valid.
pub fn extract_body(text: &str, body: Range<usize>, published: Option<Date>, gazetteer: &Gazetteer) -> Extraction {
    let body = clamp(text, body);
    let tokens = text::tokenize(text, 0, gazetteer.geonames());
    let matches = places::find(&tokens, body.clone(), gazetteer);
    let places = context::resolve(&tokens, matches, gazetteer);
    let dates = dates::find_dates(text, body, published);
    Extraction { places, dates }
}

fn clamp(text: &str, r: Range<usize>) -> Range<usize> {
    let mut end = r.end.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let mut start = r.start.min(end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    start..end
}

/// The byte range of the body when teasers start at 1-based line `line` (`None`: all of it).
pub fn body_before_line(text: &str, line: Option<usize>) -> Range<usize> {
    let Some(line) = line.filter(|&l| l >= 1) else { return 0..text.len() };
    let mut at = 0;
    for _ in 1..line {
        match text[at..].find('\n') {
            Some(i) => at += i + 1,
            None => return 0..text.len(),
        }
    }
    0..at
}
