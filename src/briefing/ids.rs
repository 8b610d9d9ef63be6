//! Making ids for new records: lowercase kebab-case from a name, unique in the briefing.
//!
//! Places, regions and claims share one namespace for lookups (links, story frames and search
//! name them alike), so a new id must differ from all three lists' ids.

use std::collections::{HashMap, HashSet};

use deunicode::deunicode;

use super::Briefing;

/// Longest id made from a name, in bytes; longer names are cut at a word.
pub const MAX_ID_LEN: usize = 48;

/// An id from a name: ASCII letters (transliterated: Мінск → `minsk`) and digits, lowercase,
/// words joined by single dashes, at most [`MAX_ID_LEN`] bytes; `fallback` when no letter or
/// digit is left.
pub fn slug(name: &str, fallback: &str) -> String {
    let folded = deunicode(name).to_lowercase();
    let mut id = String::new();
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        if !id.is_empty() && id.len() + 1 + word.len() > MAX_ID_LEN {
            break;
        }
        if !id.is_empty() {
            id.push('-');
        }
        // A single word longer than the limit is cut (ASCII, so any byte is a boundary).
        id.push_str(&word[..word.len().min(MAX_ID_LEN)]);
    }
    if id.is_empty() { fallback.to_owned() } else { id }
}

/// `base`, or `base-2`, `base-3`… the first that `taken` does not know (for one new id; many
/// at once go through [`Ids`]).
///
/// ```
/// # use briefmap::briefing::ids::unique;
/// let taken = ["minsk", "minsk-2"];
/// assert_eq!(unique("minsk", |id| taken.contains(&id)), "minsk-3");
/// assert_eq!(unique("moscow", |id| taken.contains(&id)), "moscow");
/// ```
pub fn unique(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut id = base.to_owned();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// Like [`slug`], cut to at most `words` words, for ids made from sentences.
///
/// ```
/// # use briefmap::briefing::ids::short_slug;
/// assert_eq!(short_slug("Iskanders moved to Kaliningrad in May", 3, "claim"), "iskanders-moved-to");
/// ```
pub fn short_slug(text: &str, words: usize, fallback: &str) -> String {
    let s = slug(text, fallback);
    s.split('-').take(words).collect::<Vec<_>>().join("-")
}

/// The ids in use, and for each base the next number to try, so that a thousand places of
/// one name get their ids in a thousand steps, not half a million.
#[derive(Clone, Debug, Default)]
pub struct Ids {
    taken: HashSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    /// Ids that are taken already.
    pub fn new(taken: HashSet<String>) -> Self {
        Self { taken, next: HashMap::new() }
    }

    /// The ids a new place or region of `b` must not take: every place's, region's and claim's.
    pub fn of(b: &Briefing) -> Self {
        let places = b.places().iter().map(|p| &p.id);
        let regions = b.regions().iter().map(|r| &r.id);
        Self::new(places.chain(regions).chain(b.claims().iter().map(|c| &c.id)).cloned().collect())
    }

    /// `base`, or `base-2`, `base-3`… — the first one not taken, which is then taken.
    pub fn unique(&mut self, base: &str) -> String {
        let mut id = base.to_owned();
        let next = self.next.entry(base.to_owned()).or_insert(2);
        while self.taken.contains(&id) {
            id = format!("{base}-{next}");
            *next += 1;
        }
        self.taken.insert(id.clone());
        id
    }

    /// A unique id made from a name ([`slug`], `fallback` when it has no letter or digit).
    pub fn for_name(&mut self, name: &str, fallback: &str) -> String {
        self.unique(&slug(name, fallback))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::validate::is_valid_id;

    #[test]
    fn slugs_are_valid_ids() {
        assert_eq!(slug("Minsk", "place"), "minsk");
        assert_eq!(slug("Мінск", "place"), "minsk");
        assert_eq!(slug("  Rostov-on-Don ", "place"), "rostov-on-don");
        assert_eq!(slug("Šiauliai Air Base (Zokniai)", "place"), "siauliai-air-base-zokniai");
        assert_eq!(slug("— (?) —", "place"), "place");
        assert_eq!(slug("", "region"), "region");
        let long = slug(&"Word ".repeat(40), "place");
        assert!(long.len() <= MAX_ID_LEN && long.ends_with("word"), "{long}");
        let one_long_word = slug(&"x".repeat(500), "place");
        assert_eq!(one_long_word.len(), MAX_ID_LEN);
        for name in ["Minsk", "Мінск", "東京", "a--b", "9", "A_B", "ǅ", "ﬁnland", "İstanbul"] {
            let id = slug(name, "place");
            assert!(is_valid_id(&id), "{name:?} → {id:?}");
        }
    }

    #[test]
    fn unique_ids_get_a_number() {
        let mut ids = Ids::new(["minsk".to_owned(), "minsk-2".to_owned()].into());
        assert_eq!(ids.unique("minsk"), "minsk-3");
        assert_eq!(ids.unique("minsk"), "minsk-4");
        assert_eq!(ids.unique("vilnius"), "vilnius");
        assert_eq!(ids.unique("vilnius"), "vilnius-2");
        assert_eq!(ids.for_name("Vilnius 2", "place"), "vilnius-2-2", "the name's own number is kept");
        assert_eq!(ids.for_name("", "place"), "place");
    }

    #[test]
    fn many_of_one_name_are_numbered_in_order() {
        let mut ids = Ids::default();
        let made: Vec<String> = (0..50_000).map(|_| ids.unique("checkpoint")).collect();
        assert_eq!(made[0], "checkpoint");
        assert_eq!(made[49_999], "checkpoint-50000");
    }
}
