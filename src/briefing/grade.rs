//! The Admiralty (NATO STANAG 2511) scale: a source's reliability A–F (in [`super::source`])
//! and a piece of information's credibility 1–6, with the scale's words. An ungraded record is
//! shown as the scale's "cannot be judged" grade, said to be ungraded: never a silent grade.

use serde::{Deserialize, Deserializer, Serialize, de};

use super::source::{Reliability, Source};

/// What an ungraded source is shown as: the scale's own "cannot be judged".
pub const RELIABILITY_DEFAULT: Reliability = Reliability::F;
/// What an ungraded claim is shown as: the scale's own "cannot be judged".
pub const CREDIBILITY_DEFAULT: Credibility = Credibility::Six;
/// The words shown after a default grade, so nobody reads it as the analyst's judgement.
pub const NOT_GRADED: &str = "not graded";

/// The credibility of one piece of information on the Admiralty scale, 1 to 6; written in
/// files as the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(into = "u8")]
pub enum Credibility {
    /// 1: confirmed by other sources.
    One,
    /// 2: probably true.
    Two,
    /// 3: possibly true.
    Three,
    /// 4: doubtful.
    Four,
    /// 5: improbable.
    Five,
    /// 6: truth cannot be judged.
    Six,
}

impl Credibility {
    /// Every grade, best first.
    pub const ALL: [Self; 6] = [Self::One, Self::Two, Self::Three, Self::Four, Self::Five, Self::Six];

    /// The grade's number.
    pub fn number(self) -> u8 {
        self as u8 + 1
    }

    /// The scale's words for the grade.
    pub fn words(self) -> &'static str {
        match self {
            Self::One => "Confirmed by other sources",
            Self::Two => "Probably true",
            Self::Three => "Possibly true",
            Self::Four => "Doubtful",
            Self::Five => "Improbable",
            Self::Six => "Truth cannot be judged",
        }
    }

    /// "2 — Probably true".
    pub fn label(self) -> String {
        format!("{} — {}", self.number(), self.words())
    }
}

impl TryFrom<u64> for Credibility {
    type Error = String;

    fn try_from(n: u64) -> Result<Self, String> {
        match n {
            1..=6 => Ok(Self::ALL[n as usize - 1]),
            _ => Err(format!(
                "credibility {n} is not on the Admiralty scale: 1 ({}) to 6 ({})",
                Self::One.words().to_lowercase(),
                Self::Six.words().to_lowercase()
            )),
        }
    }
}

/// Reads the number; the error is raised while the number is read, so the file's line:col
/// points at it (a `try_from` conversion would be reported after the enclosing record).
impl<'de> Deserialize<'de> for Credibility {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Number;
        impl de::Visitor<'_> for Number {
            type Value = Credibility;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a credibility from 1 to 6")
            }
            fn visit_u64<E: de::Error>(self, n: u64) -> Result<Credibility, E> {
                Credibility::try_from(n).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, n: i64) -> Result<Credibility, E> {
                u64::try_from(n)
                    .map_err(|_| E::custom(format!("credibility {n} is not on the Admiralty scale: 1 to 6")))
                    .and_then(|n| self.visit_u64(n))
            }
        }
        d.deserialize_u64(Number)
    }
}

impl From<Credibility> for u8 {
    fn from(c: Credibility) -> u8 {
        c.number()
    }
}

impl Reliability {
    /// "B — Usually reliable".
    pub fn label(self) -> String {
        format!("{} — {}", self.letter(), self.words())
    }
}

/// A grade as shown: the analyst's, or the default marked as such ("F — Reliability cannot be
/// judged (not graded)").
fn shown(label: String, graded: bool) -> String {
    if graded { label } else { format!("{label} ({NOT_GRADED})") }
}

impl Source {
    /// The reliability to reckon with: the analyst's grade, else F.
    pub fn reliability_or_default(&self) -> Reliability {
        self.reliability.unwrap_or(RELIABILITY_DEFAULT)
    }

    /// The reliability in the scale's words, the default marked as not graded.
    pub fn reliability_label(&self) -> String {
        shown(self.reliability_or_default().label(), self.reliability.is_some())
    }
}

impl super::Claim {
    /// The credibility to reckon with: the analyst's grade, else 6.
    pub fn credibility_or_default(&self) -> Credibility {
        self.credibility.unwrap_or(CREDIBILITY_DEFAULT)
    }

    /// The credibility in the scale's words, the default marked as not graded.
    pub fn credibility_label(&self) -> String {
        shown(self.credibility_or_default().label(), self.credibility.is_some())
    }

    /// The Admiralty rating as analysts write it: the source's letter and the claim's number
    /// ("B2"), from the defaults where ungraded.
    pub fn rating(&self, source: &Source) -> String {
        format!("{}{}", source.reliability_or_default().letter(), self.credibility_or_default().number())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credibility_reads_as_the_scale_words_it() {
        assert_eq!(Credibility::ALL.map(Credibility::number), [1, 2, 3, 4, 5, 6]);
        assert_eq!(Credibility::One.label(), "1 — Confirmed by other sources");
        assert_eq!(Credibility::Six.words(), "Truth cannot be judged");
        assert_eq!(serde_json::from_str::<Credibility>("2").unwrap(), Credibility::Two);
        assert_eq!(serde_json::to_string(&Credibility::Four).unwrap(), "4");
        let e = serde_json::from_str::<Credibility>("7").unwrap_err().to_string();
        assert!(e.contains("credibility 7 is not on the Admiralty scale"), "{e}");
        assert!(serde_json::from_str::<Credibility>("0").is_err());
        assert!(serde_json::from_str::<Credibility>("\"2\"").is_err(), "a number, not a string");
    }

    #[test]
    fn an_ungraded_source_or_claim_shows_the_default_as_not_graded() {
        let b = crate::test_fixture::briefing();
        let mut source = b.sources()[0].clone();
        source.reliability = None;
        assert_eq!(source.reliability_label(), "F — Reliability cannot be judged (not graded)");
        source.reliability = Some(Reliability::B);
        assert_eq!(source.reliability_label(), "B — Usually reliable");
        let mut claim = b.claims()[0].clone();
        claim.credibility = None;
        assert_eq!(claim.credibility_label(), "6 — Truth cannot be judged (not graded)");
        assert_eq!(claim.rating(&source), "B6");
        claim.credibility = Some(Credibility::Two);
        assert_eq!(claim.credibility_label(), "2 — Probably true");
        assert_eq!(claim.rating(&source), "B2");
    }
}
