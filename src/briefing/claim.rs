//! Claims: what the article says, quoted verbatim and tied to places, regions and times.

use serde::{Deserialize, Serialize};

use super::grade::Credibility;
use super::source::TextRef;
use super::when::When;

/// What sort of statement a claim is; it decides how much weight an analyst gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// An on-the-record statement by an official.
    OfficialStatement,
    /// What a news outlet or agency reported.
    PressReport,
    /// What an unnamed source said.
    AnonymousSource,
    /// A reading of events: the author's own, or a commentator's.
    Analysis,
    /// A fact given as background.
    Background,
}

impl ClaimKind {
    /// Every kind, in legend order.
    pub const ALL: [Self; 5] =
        [Self::OfficialStatement, Self::PressReport, Self::AnonymousSource, Self::Analysis, Self::Background];

    /// The name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::OfficialStatement => "official_statement",
            Self::PressReport => "press_report",
            Self::AnonymousSource => "anonymous_source",
            Self::Analysis => "analysis",
            Self::Background => "background",
        }
    }

    /// A label for legends and the side panel.
    pub fn label(self) -> &'static str {
        match self {
            Self::OfficialStatement => "Official statement",
            Self::PressReport => "Press report",
            Self::AnonymousSource => "Anonymous source",
            Self::Analysis => "Analysis",
            Self::Background => "Background fact",
        }
    }
}

/// One thing the article says, with its exact words and where they stand in the file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Claim {
    /// Identifier used by links and story steps.
    pub id: String,
    /// The source's words, byte for byte.
    pub quote: String,
    /// Where the quote stands: its source and byte range.
    pub at: TextRef,
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
    /// The analyst's grade of the information (Admiralty 1–6); absent: not graded (shown as 6).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<Credibility>,
    /// Why this grade (who else says so, what speaks against it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility_note: Option<String>,
}

impl Claim {
    /// The byte range of the quote in its source's file.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.at.range()
    }

    /// The byte offset of the quote in its source's file.
    pub fn offset(&self) -> usize {
        self.at.start
    }

    /// The quote in quotation marks, for display; a quote that opens with the article's own
    /// mark (a quoted speaker) is shown as the article has it, not wrapped twice (““…”).
    pub fn quoted(&self) -> String {
        if self.quote.starts_with(['“', '"', '„', '«']) {
            self.quote.clone()
        } else {
            format!("“{}”", self.quote)
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::atlas::Atlas;
    use crate::briefing::Briefing;

    #[test]
    fn quotes_are_marked_once() {
        let b = Briefing::embedded(&Atlas::bundled().unwrap()).unwrap();
        let claim = |id: &str| b.claims().iter().find(|c| c.id == id).unwrap();
        let lavrov = claim("lavrov-identical-approach");
        assert!(lavrov.quote.starts_with('“'), "Lavrov's words open with the article's own mark");
        assert_eq!(lavrov.quoted(), lavrov.quote);
        let analysis = claim("minsk-can-wait");
        assert_eq!(analysis.quoted(), format!("“{}”", analysis.quote));
    }
}
