//! The briefing file as written on disk: what a person reads and edits.
//!
//! This is format 2 (several sources, text references); [`super::v1`] reads format 1 files
//! and turns them into this. The format is documented in `docs/format.md`.

use serde::{Deserialize, Serialize};

use super::actor::{Actor, Speaker};
use super::claim::Claim;
use super::link::Link;
use super::place::{Place, Region};
use super::relation::Relation;
use super::source::Source;
use super::story::{RingSpec, StoryStep};
use super::suggestion::DateMention;

/// The version of the briefing file format this build writes.
pub const FORMAT: u32 = 2;

/// A briefing file: its sources, what they name, what they claim, and the story to present.
///
/// References between records are by id; [`super::Briefing`] is the indexed form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefingDoc {
    /// File format version (2).
    pub format: u32,
    /// The briefing's own title; absent: the first source's title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The articles it is built from, the first one the lead source.
    pub sources: Vec<Source>,
    /// States and alliances.
    pub actors: Vec<Actor>,
    /// Who is quoted.
    pub speakers: Vec<Speaker>,
    /// Points on the map.
    pub places: Vec<Place>,
    /// Areas on the map.
    pub regions: Vec<Region>,
    /// What the sources say.
    pub claims: Vec<Claim>,
    /// Relations between places and regions.
    #[serde(default)]
    pub links: Vec<Link>,
    /// Range rings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rings: Vec<RingSpec>,
    /// The story, step by step.
    #[serde(default)]
    pub story: Vec<StoryStep>,
    /// Dates the texts mention, as found and reviewed (claims carry their own `when`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dates: Vec<DateMention>,
    /// Relations between claims of different sources (and suggestions dismissed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub relations: Vec<Relation>,
}

impl BriefingDoc {
    /// A document with one source and nothing else yet.
    pub fn new(source: Source) -> Self {
        Self {
            format: FORMAT,
            title: None,
            sources: vec![source],
            actors: Vec::new(),
            speakers: Vec::new(),
            places: Vec::new(),
            regions: Vec::new(),
            claims: Vec::new(),
            links: Vec::new(),
            rings: Vec::new(),
            story: Vec::new(),
            dates: Vec::new(),
            relations: Vec::new(),
        }
    }

    /// The title to show: the briefing's own, else its first source's.
    pub fn display_title(&self) -> &str {
        self.title.as_deref().or(self.sources.first().map(|s| s.title.as_str())).unwrap_or("Untitled briefing")
    }
}
