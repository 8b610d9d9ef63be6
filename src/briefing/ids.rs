//! Making ids for new records: lowercase kebab-case from a name, unique in the briefing.
//!
//! Places, regions and claims share one namespace for lookups (links, story frames and search
//! name them alike), so a new id must differ from all three lists' ids.

use std::collections::HashSet;

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

/// `base`, or `base-2`, `base-3`… — the first one not in `taken`, which then holds it.
pub fn unique(base: &str, taken: &mut HashSet<String>) -> String {
    let mut id = base.to_owned();
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    taken.insert(id.clone());
    id
}

/// The ids a new place or region must not take: every place's, region's and claim's.
pub fn taken(b: &Briefing) -> HashSet<String> {
    let places = b.places().iter().map(|p| &p.id);
    let regions = b.regions().iter().map(|r| &r.id);
    places.chain(regions).chain(b.claims().iter().map(|c| &c.id)).cloned().collect()
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
        let mut taken: HashSet<String> = ["minsk".to_owned(), "minsk-2".to_owned()].into();
        assert_eq!(unique("minsk", &mut taken), "minsk-3");
        assert_eq!(unique("minsk", &mut taken), "minsk-4");
        assert_eq!(unique("vilnius", &mut taken), "vilnius");
        assert_eq!(unique("vilnius", &mut taken), "vilnius-2");
        assert!(taken.contains("minsk-4") && taken.contains("vilnius-2"));
    }
}
