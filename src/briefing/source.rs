//! Sources: the articles a briefing is built from, and references into their texts.

use serde::{Deserialize, Serialize};

use super::when::When;

/// One article (report, statement, wire story) the briefing quotes: who wrote what, where and
/// when, the file its text is in, and how far the analyst trusts it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier used by text references (`TextRef::source`).
    pub id: String,
    /// The headline, or a descriptive title when the source has none (see `title_note`).
    pub title: String,
    /// Where the title comes from, when it is not the publisher's headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_note: Option<String>,
    /// The author as the source names them (empty when it names none).
    #[serde(default)]
    pub author: String,
    /// The publication, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// Where it was published online, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published, with precision and the reason if inferred; absent when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<When>,
    /// The source's text file, relative to the briefing file.
    pub file: String,
    /// The first line (1-based) of scraped material that is not part of the source, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teasers_from_line: Option<usize>,
    /// The analyst's grade of the source's reliability (Admiralty scale); absent: not graded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reliability: Option<Reliability>,
    /// The analyst's note on the source (why this grade, who is behind it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Source {
    /// "Author · date" (with `sep` between) for headers; an unnamed author is left out.
    pub fn byline(&self, sep: &str) -> String {
        if self.author.trim().is_empty() {
            self.date_label()
        } else {
            format!("{}{sep}{}", self.author, self.date_label())
        }
    }

    /// The name a caption, tab or legend gives it: the publisher, else the author, else the
    /// title (cut at a word past [`SHORT_NAME_MAX`] characters).
    pub fn short_name(&self) -> String {
        [self.publisher.as_deref().unwrap_or(""), self.author.as_str()]
            .into_iter()
            .find(|name| !name.trim().is_empty())
            .map_or_else(|| super::caption::shorten(&self.title, SHORT_NAME_MAX), str::to_owned)
    }

    /// "Kommersant (B — Usually reliable)", the default grade marked as not graded.
    pub fn named_with_grade(&self) -> String {
        format!("{} ({})", self.short_name(), self.reliability_label())
    }

    /// When it was published, in words ("18 May 2016", "date unknown").
    pub fn date_label(&self) -> String {
        self.published.as_ref().map_or_else(|| "date unknown".to_owned(), When::label)
    }
}

/// Longest a source's title runs as its short name, in characters.
pub const SHORT_NAME_MAX: usize = 32;

/// The reliability of a source on the Admiralty (NATO STANAG 2511) scale, A to F.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reliability {
    /// Completely reliable.
    A,
    /// Usually reliable.
    B,
    /// Fairly reliable.
    C,
    /// Not usually reliable.
    D,
    /// Unreliable.
    E,
    /// Reliability cannot be judged.
    F,
}

impl Reliability {
    /// Every grade, best first.
    pub const ALL: [Self; 6] = [Self::A, Self::B, Self::C, Self::D, Self::E, Self::F];

    /// The scale's words for the grade.
    pub fn words(self) -> &'static str {
        match self {
            Self::A => "Completely reliable",
            Self::B => "Usually reliable",
            Self::C => "Fairly reliable",
            Self::D => "Not usually reliable",
            Self::E => "Unreliable",
            Self::F => "Reliability cannot be judged",
        }
    }

    /// The grade's letter.
    pub fn letter(self) -> &'static str {
        match self {
            Self::A => "A",
            Self::B => "B",
            Self::C => "C",
            Self::D => "D",
            Self::E => "E",
            Self::F => "F",
        }
    }
}

/// A span of one source's text: the bytes `start..end` of source `source`'s file.
///
/// Claims cite their quote with one, places their mentions; the reader, search and actions
/// point at text with one. Offsets are bytes of the file as read (teasers included).
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TextRef {
    /// The source's id.
    pub source: String,
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl TextRef {
    /// A reference to `start..end` of `source`.
    pub fn new(source: impl Into<String>, start: usize, end: usize) -> Self {
        Self { source: source.into(), start, end }
    }

    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether the two spans are in the same source and share a byte.
    pub fn overlaps(&self, other: &TextRef) -> bool {
        self.source == other.source && self.start < other.end && other.start < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grades_read_as_the_scale_words_them() {
        assert_eq!(Reliability::ALL.map(Reliability::letter).concat(), "ABCDEF");
        assert_eq!(Reliability::F.words(), "Reliability cannot be judged");
        let parsed: Reliability = serde_json::from_str("\"B\"").unwrap();
        assert_eq!(parsed, Reliability::B);
        assert!(serde_json::from_str::<Reliability>("\"G\"").is_err());
    }

    #[test]
    fn text_refs_overlap_only_within_one_source() {
        let a = TextRef::new("a", 10, 20);
        assert!(a.overlaps(&TextRef::new("a", 19, 25)));
        assert!(!a.overlaps(&TextRef::new("a", 20, 25)), "end is exclusive");
        assert!(!a.overlaps(&TextRef::new("b", 12, 14)));
    }
}
