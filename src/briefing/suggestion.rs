//! Suggestions: places, regions and dates proposed by the extractor, waiting for a person's
//! decision. A record with no suggestion is the analyst's own (or one they accepted).

use serde::{Deserialize, Serialize};

use super::source::TextRef;
use super::when::When;

/// What the extractor proposed about a record, and what the analyst has decided so far.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Suggestion {
    /// Undecided, or rejected (kept so that it is not proposed again).
    pub status: Review,
    /// How sure the extractor was, 0 to 1.
    pub confidence: f64,
    /// The gazetteer entry it came from, e.g. `geonames:625144` or `curated:crimea`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gazetteer: Option<String>,
    /// Other entries the name could mean, with why they lost; the analyst can switch to one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<Candidate>,
}

/// Where a suggestion stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Review {
    /// Nobody has decided yet: drawn apart from accepted records.
    Undecided,
    /// Turned down: not drawn, not exported, not proposed again.
    Rejected,
}

/// Another gazetteer entry a suggested name could mean.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidate {
    /// Its name.
    pub name: String,
    /// WGS84 latitude in degrees.
    pub lat: f64,
    /// WGS84 longitude in degrees.
    pub lon: f64,
    /// The gazetteer's kind: country, region, province, city, town, site or sea.
    pub kind: String,
    /// ISO 3166-1 alpha-2 country code, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// The gazetteer entry, e.g. `geonames:2759794`.
    pub source: String,
    /// Why the extractor ranked it below the suggestion.
    pub why: String,
    /// Bundled boundary codes that draw it, for an area.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub geometry: Vec<String>,
}

/// A date the text mentions, as found (and resolved) by the extractor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateMention {
    /// The words in the text.
    pub at: TextRef,
    /// What they mean, with the reason when inferred.
    pub when: When,
    /// The extractor's proposal, until a person decides; absent once accepted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
}

/// Whether a record is still waiting for a decision.
pub fn is_undecided(s: &Option<Suggestion>) -> bool {
    s.as_ref().is_some_and(|s| s.status == Review::Undecided)
}

/// Whether a record was turned down.
pub fn is_rejected(s: &Option<Suggestion>) -> bool {
    s.as_ref().is_some_and(|s| s.status == Review::Rejected)
}
