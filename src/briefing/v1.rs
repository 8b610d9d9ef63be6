//! Format 1 briefing files: one article, claims located by a byte offset. They still open;
//! [`migrate`] turns one into format 2 (saving writes format 2), and [`path_in_v1`] says where
//! a problem found in the migrated document stands in the file the user has.

use serde::{Deserialize, Serialize};

use super::actor::{Actor, Speaker};
use super::claim::ClaimKind;
use super::doc::BriefingDoc;
use super::link::Link;
use super::place::{Place, Region};
use super::source::{Source, TextRef};
use super::story::{RingSpec, StoryStep};
use super::when::When;

/// The id a format 1 file's article gets as a source.
pub const SOURCE_ID: &str = "article";

/// A format 1 briefing file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocV1 {
    /// File format version (1).
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
    pub claims: Vec<ClaimV1>,
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

/// The article of a format 1 file: who wrote what, where and when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// The headline, or a descriptive title when the source has none (see `title_note`).
    pub title: String,
    /// Where the title comes from, when it is not the publisher's headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_note: Option<String>,
    /// The author as the article names them.
    pub author: String,
    /// The publication, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// When it was published.
    pub published: When,
    /// The article's text file, relative to the briefing file.
    pub file: String,
    /// The first line (1-based) of scraped material that is not part of the article, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teasers_from_line: Option<usize>,
}

/// A format 1 claim: its quote located by a byte offset into the one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimV1 {
    /// Identifier used by links and story steps.
    pub id: String,
    /// The article's words, byte for byte.
    pub quote: String,
    /// Byte offset of the quote in the article file.
    pub offset: usize,
    /// One line in our words.
    pub summary: String,
    /// What sort of statement it is.
    pub kind: ClaimKind,
    /// Who says it (a speaker id).
    pub speaker: String,
    /// Actors the claim concerns.
    pub actors: Vec<String>,
    /// Places it concerns.
    #[serde(default)]
    pub places: Vec<String>,
    /// Regions it concerns.
    #[serde(default)]
    pub regions: Vec<String>,
    /// When it happens; absent for undated analysis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
}

/// What migrating a format 1 file changed, in words for `briefmap check`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migration {
    /// The format the file was written in.
    pub from: u32,
    /// Each change, one line.
    pub notes: Vec<String>,
}

/// The format 2 document a format 1 file stands for, and what changed.
pub fn migrate(v1: DocV1) -> (BriefingDoc, Migration) {
    let a = v1.article;
    let source = Source {
        id: SOURCE_ID.to_owned(),
        title: a.title,
        title_note: a.title_note,
        author: a.author,
        publisher: a.publisher,
        url: None,
        published: Some(a.published),
        file: a.file,
        teasers_from_line: a.teasers_from_line,
        reliability: None,
        note: None,
    };
    let claims: Vec<_> = v1
        .claims
        .into_iter()
        .map(|c| super::Claim {
            // Saturating: an unchecked file may hold any offset up to u64::MAX.
            at: TextRef::new(SOURCE_ID, c.offset, c.offset.saturating_add(c.quote.len())),
            id: c.id,
            quote: c.quote,
            summary: c.summary,
            kind: c.kind,
            speaker: c.speaker,
            actors: c.actors,
            places: c.places,
            regions: c.regions,
            when: c.when,
            credibility: None,
            credibility_note: None,
        })
        .collect();
    let notes = vec![
        format!("the article became source '{SOURCE_ID}' (its title, author, date and file kept)"),
        format!(
            "{} claim offset{} became text references into source '{SOURCE_ID}'",
            claims.len(),
            if claims.len() == 1 { "" } else { "s" }
        ),
        "saving writes the file in format 2".to_owned(),
    ];
    let doc = BriefingDoc {
        format: super::doc::FORMAT,
        title: None,
        sources: vec![source],
        actors: v1.actors,
        speakers: v1.speakers,
        places: v1.places,
        regions: v1.regions,
        claims,
        links: v1.links,
        rings: v1.rings,
        story: v1.story,
        dates: Vec::new(),
        relations: Vec::new(),
    };
    (doc, Migration { from: v1.format, notes })
}

/// Where the value at `path` of the migrated document is in the format 1 file: the source is
/// the file's `article`, a claim's text reference its `offset`.
pub fn path_in_v1(path: &str) -> String {
    if let Some(rest) = path.strip_prefix("sources[0]") {
        return format!("article{rest}");
    }
    if let Some(rest) = path.strip_prefix("claims[")
        && let Some((index, field)) = rest.split_once(']')
        && (field == ".at" || field.starts_with(".at."))
    {
        return format!("claims[{index}].offset");
    }
    path.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_of_the_migrated_document_point_into_the_old_file() {
        assert_eq!(path_in_v1("sources[0].published"), "article.published");
        assert_eq!(path_in_v1("sources[0]"), "article");
        assert_eq!(path_in_v1("claims[12].at.start"), "claims[12].offset");
        assert_eq!(path_in_v1("claims[12].at"), "claims[12].offset");
        assert_eq!(path_in_v1("claims[12].quote"), "claims[12].quote");
        assert_eq!(path_in_v1("claims[1].attribution"), "claims[1].attribution");
        assert_eq!(path_in_v1("story[3].title"), "story[3].title");
    }
}
