//! The words two claims are compared by: folded to lower-case ASCII, stop words out, plurals
//! and possessives cut ("Iskanders", "Iskander's" → `iskander`), number words as numbers
//! ("three divisions" = "3 divisions"), and each count with the words it counts, so that two
//! claims giving different numbers for the same thing can be told apart.

use deunicode::deunicode;

/// Words too common to say two claims are about the same thing (sorted by length, then
/// alphabetically: looked up by binary search, most comparisons decided by the length).
#[rustfmt::skip]
const STOP: &[&str] = &[
    "a", "i", "an", "as", "at", "be", "by", "do", "he", "if", "in", "is", "it", "me", "my", "no", "of", "on", "or",
    "so", "to", "up", "we", "all", "and", "any", "are", "but", "can", "day", "did", "for", "had", "has", "her",
    "him", "his", "how", "its", "may", "new", "nor", "not", "now", "off", "our", "out", "own", "per", "say", "she",
    "the", "too", "was", "who", "why", "yet", "you", "also", "been", "both", "does", "each", "even", "from", "have",
    "here", "into", "just", "last", "less", "more", "most", "much", "must", "once", "only", "over", "said", "same",
    "says", "some", "such", "than", "that", "them", "then", "they", "this", "thus", "told", "upon", "very", "week",
    "were", "what", "when", "whom", "will", "with", "year", "about", "after", "again", "being", "could", "month",
    "one's", "other", "since", "their", "there", "these", "those", "today", "under", "until", "where", "which",
    "while", "would", "before", "deputy", "during", "either", "friday", "having", "itself", "monday", "should",
    "sunday", "against", "because", "between", "foreign", "further", "however", "through", "tuesday", "minister",
    "reported", "saturday", "thursday", "according", "allegedly", "president", "spokesman", "wednesday",
    "yesterday", "reportedly", "counterpart", "spokeswoman",
];

// A number before a month's name is a day of the month, not a count.
use crate::extract::dates::MONTHS;

/// Number words read as their numbers.
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("dozen", 12),
    ("twenty", 20),
    ("hundred", 100),
];

/// How many words after a count may be what it counts ("three new motorised rifle divisions").
const COUNTED_WITHIN: usize = 3;

/// A count in a claim and the words after it (what it counts), e.g. 3 and `motorised rifle
/// division`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Count {
    /// The number.
    pub n: u32,
    /// The words after it, folded as [`terms`] folds them.
    pub of: Vec<String>,
}

/// What a text says, as compared: its terms and its counts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Words {
    /// Folded terms without stop words, each once, sorted; numbers as digits; years kept.
    pub terms: Vec<String>,
    /// Counts of things (not years, not days of the month).
    pub counts: Vec<Count>,
}

/// Whether `w` is a stop word.
fn is_stop(w: &str) -> bool {
    STOP.binary_search_by(|s| s.len().cmp(&w.len()).then_with(|| s.cmp(&w))).is_ok()
}

/// A token folded: lower-case ASCII, possessive and plural cut.
fn fold(raw: &str) -> String {
    let mut w = if raw.is_ascii() { raw.to_ascii_lowercase() } else { deunicode(raw).to_lowercase() };
    for suffix in ["'s", "’s", "'"] {
        if w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
        }
    }
    make_singular(&mut w);
    w
}

/// A crude singular: enough for "divisions", "Iskanders", "missiles", "bases"; leaves "was",
/// "Minsk", "Belarus", "news" and short words alone.
fn singular(w: &str) -> String {
    let mut w = w.to_owned();
    make_singular(&mut w);
    w
}

/// [`singular`], in place.
fn make_singular(w: &mut String) {
    let keep = ["belarus", "news", "always", "series", "perhaps", "crisis"];
    if w.len() <= 3 || keep.contains(&w.as_str()) || w.ends_with("ss") || w.ends_with("us") || w.ends_with("is") {
        return;
    }
    if w.ends_with("ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with('s') {
        w.pop();
    }
}

/// The number a token stands for: digits ("400") or a number word.
fn number(token: &str) -> Option<u32> {
    if !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit()) {
        return token.parse().ok();
    }
    NUMBER_WORDS.iter().find(|(w, _)| *w == token).map(|&(_, n)| n)
}

/// Whether `n` reads as a year rather than a count.
fn is_year(n: u32) -> bool {
    (1900..=2100).contains(&n)
}

/// Splits a text into the raw tokens compared: letters, digits, inner dashes and apostrophes
/// ("S-400", "Iskander-M's", "Belarus'"). Digits grouped by commas ("1,000") are rare in
/// claims and read as two numbers.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\'' || c == '’'))
        .map(|t| t.trim_matches(['-', '\'', '’']))
        .filter(|t| !t.is_empty())
}

/// Reads a text into the words it is compared by.
pub fn words(text: &str) -> Words {
    let folded: Vec<String> = tokens(text).map(fold).collect();
    let mut out = Words::default();
    for (i, t) in folded.iter().enumerate() {
        if is_stop(t) || (t.len() < 2 && number(t).is_none()) {
            continue;
        }
        if let Some(n) = number(t) {
            let next = folded.get(i + 1).map(String::as_str);
            let is_day = next.is_some_and(|w| MONTHS.contains(&w)) || i > 0 && MONTHS.contains(&folded[i - 1].as_str());
            if !is_year(n) && !is_day {
                let of: Vec<String> = folded[i + 1..]
                    .iter()
                    .filter(|w| !is_stop(w) && number(w).is_none())
                    .take(COUNTED_WITHIN)
                    .cloned()
                    .collect();
                if !of.is_empty() {
                    out.counts.push(Count { n, of });
                }
            }
            out.terms.push(n.to_string());
            continue;
        }
        // A compound of words ("missile-defence") is its words, as "missile defence" is; a
        // designation ("S-400", "Iskander-M") stays whole, and also counts as its word part:
        // an Iskander-M is an Iskander.
        if t.contains('-') {
            let parts: Vec<&str> = t.split('-').filter(|p| !p.is_empty()).collect();
            let is_word = |p: &str| p.len() > 2 && p.bytes().all(|b| b.is_ascii_lowercase());
            for part in parts.iter().filter(|p| is_word(p) && !is_stop(p)) {
                out.terms.push(singular(part));
            }
            if !parts.iter().all(|p| is_word(p)) {
                out.terms.push(t.clone());
            }
            continue;
        }
        out.terms.push(t.clone());
    }
    out.terms.sort_unstable();
    out.terms.dedup();
    out
}

impl Words {
    /// The count disagreement between two texts: a thing both count with different numbers,
    /// and neither with the other's number (e.g. 3 vs 2 of `rifle division`), with the words
    /// both counts share.
    pub fn count_clash(&self, other: &Words) -> Option<(u32, u32, String)> {
        for a in &self.counts {
            for b in &other.counts {
                let shared: Vec<&str> = a.of.iter().filter(|w| b.of.contains(w)).map(String::as_str).collect();
                let Some(&first) = shared.first() else { continue };
                let agreed =
                    |n: u32, counts: &[Count]| counts.iter().any(|c| c.n == n && c.of.iter().any(|w| w == first));
                if a.n != b.n && !agreed(a.n, &other.counts) && !agreed(b.n, &self.counts) {
                    return Some((a.n, b.n, shared.join(" ")));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stop_words_are_sorted_for_binary_search() {
        assert!(STOP.windows(2).all(|w| (w[0].len(), w[0]) < (w[1].len(), w[1])));
    }

    #[test]
    fn words_fold_case_plurals_possessives_and_number_words() {
        let w = words("The Kremlin wants Iskanders; Belarus wants Iskander-M's and S-400 systems.");
        for term in ["kremlin", "iskander", "iskander-m", "belarus", "s-400", "system", "want"] {
            assert!(w.terms.iter().any(|t| t == term), "{term} in {:?}", w.terms);
        }
        assert!(!w.terms.iter().any(|t| t == "the" || t == "and"), "stop words out: {:?}", w.terms);
        assert_eq!(
            words("missile-defence sites").terms,
            words("missile defence site").terms,
            "a compound is its words"
        );
        let a = words("the formation of three new motorised rifle divisions");
        let b = words("forming 3 motorised rifle divisions");
        assert_eq!(a.counts[0], Count { n: 3, of: vec!["motorised".into(), "rifle".into(), "division".into()] });
        assert_eq!(a.count_clash(&b), None, "three is 3");
    }

    #[test]
    fn counts_clash_only_on_the_same_thing_and_not_on_dates_or_years() {
        let three = words("three new divisions in Voronezh, Rostov and Smolensk by 1 December 2016");
        let two = words("two new divisions, in Voronezh and Rostov, on 12 May");
        assert_eq!(three.count_clash(&two), Some((3, 2, "division voronezh rostov".into())));
        let other = words("two battalions arrived on 3 May 2016");
        assert_eq!(three.count_clash(&other), None, "divisions are not battalions; 3 May is a day");
        assert!(words("in 2014 and 2015").counts.is_empty(), "years are not counts");
    }
}
