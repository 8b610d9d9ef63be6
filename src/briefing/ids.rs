//! Making ids: lowercase ASCII letters and digits with single dashes, unique in a briefing.

use deunicode::deunicode;

/// An id from a name: transliterated, lowercased, words joined by dashes ("Rostov-on-Don" →
/// `rostov-on-don`, "Мінск" → `minsk`); `fallback` when the name has no letters or digits.
///
/// ```
/// # use briefmap::briefing::ids::slug;
/// assert_eq!(slug("Rostov-on-Don", "place"), "rostov-on-don");
/// assert_eq!(slug("Мінск", "place"), "minsk");
/// assert_eq!(slug("«…»", "claim"), "claim");
/// ```
pub fn slug(name: &str, fallback: &str) -> String {
    let folded = deunicode(name).to_lowercase();
    let words: Vec<&str> = folded.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
    if words.is_empty() { fallback.to_owned() } else { words.join("-") }
}

/// `base`, or `base-2`, `base-3`… the first that `taken` does not know.
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
pub fn short_slug(text: &str, words: usize, fallback: &str) -> String {
    let s = slug(text, fallback);
    s.split('-').take(words).collect::<Vec<_>>().join("-")
}
