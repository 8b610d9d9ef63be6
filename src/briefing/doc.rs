//! The briefing file as written on disk: what a person reads and edits.

use serde::{Deserialize, Serialize};

use super::actor::{Actor, Speaker};
use super::article::Article;
use super::claim::Claim;
use super::link::Link;
use super::place::{Place, Region};
use super::story::{RingSpec, StoryStep};

/// The version of the briefing file format this build reads and writes.
pub const FORMAT: u32 = 1;

/// A briefing file: the article, what it names, what it claims, and the story to present.
///
/// References between records are by id; [`super::Briefing`] is the checked, indexed form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefingDoc {
    /// File format version (currently 1).
    pub format: u32,
    /// The article.
    pub article: Article,
    /// States and alliances.
    pub actors: Vec<Actor>,
    /// Who is quoted.
    pub speakers: Vec<Speaker>,
    /// Points on the map.
    pub places: Vec<Place>,
    /// Areas on the map.
    pub regions: Vec<Region>,
    /// What the article says.
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
}
