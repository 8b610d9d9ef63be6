//! Search over places, regions, claims and the article text, ranked for a search box.

use deunicode::deunicode;

use crate::briefing::{Briefing, Item, TextRef};

/// What a search result points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A place, region or claim.
    Item(Item),
    /// A passage of a source's text outside any claim.
    Text(crate::briefing::TextRef),
}

/// One search result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// What to select.
    pub target: Target,
    /// What the result list shows.
    pub label: String,
    /// Higher is better.
    pub score: u32,
}

/// Folds text for matching: ASCII transliteration (Мінск → Minsk, Kürecik → Kurecik), lowercase.
pub fn fold(s: &str) -> String {
    deunicode(s).to_lowercase()
}

/// How well `query` (folded) matches `text` (folded): exact, prefix, word prefix, anywhere.
fn score(text: &str, query: &str) -> u32 {
    if text == query {
        100
    } else if text.starts_with(query) {
        80
    } else if text.split(|c: char| !c.is_alphanumeric()).any(|w| w.starts_with(query)) {
        60
    } else if text.contains(query) {
        40
    } else {
        0
    }
}

/// Results for `query`, best first, at most `limit`.
pub fn search(b: &Briefing, query: &str, limit: usize) -> Vec<Hit> {
    let q = fold(query.trim());
    if q.is_empty() {
        return Vec::new();
    }
    let mut hits = Vec::new();
    for (i, p) in b.places().iter().enumerate() {
        let best = std::iter::once(&p.name).chain(&p.local_names).chain(&p.aliases).map(|n| score(&fold(n), &q)).max();
        if let Some(s @ 1..) = best {
            hits.push(Hit { target: Target::Item(Item::Place(i)), label: p.name.clone(), score: s + 5 });
        }
    }
    for (i, r) in b.regions().iter().enumerate() {
        let best = std::iter::once(&r.name).chain(&r.local_names).map(|n| score(&fold(n), &q)).max();
        if let Some(s @ 1..) = best {
            hits.push(Hit { target: Target::Item(Item::Region(i)), label: r.name.clone(), score: s });
        }
    }
    for (i, c) in b.claims().iter().enumerate() {
        let speaker = b.speaker(&c.speaker).map(|s| fold(&s.name)).unwrap_or_default();
        let s = [score(&fold(&c.summary), &q), score(&fold(&c.quote), &q), score(&speaker, &q)]
            .into_iter()
            .max()
            .unwrap_or(0);
        if s > 0 {
            // A claim is a passage, not a name: rank it just below names that match as well.
            hits.push(Hit { target: Target::Item(Item::Claim(i)), label: c.summary.clone(), score: s.min(60) - 10 });
        }
    }
    if hits.is_empty() && q.len() >= 3 {
        // Passages outside every claim: found in the sources' texts themselves.
        let needle = query.trim();
        for (source, text) in b.sources().iter().zip((0..).map_while(|i| b.source_text(i))) {
            let body = text.body();
            for at in find_ignoring_ascii_case(body, needle).take(limit) {
                let excerpt: String = body[at..].chars().take(60).collect();
                let target = Target::Text(TextRef::new(&source.id, at, at + needle.len()));
                hits.push(Hit { target, label: format!("“{excerpt}…”"), score: 10 });
            }
        }
    }
    hits.sort_by(|a, b| b.score.cmp(&a.score).then_with(|| a.label.cmp(&b.label)));
    hits.truncate(limit);
    hits
}

/// Byte offsets of `needle` in `haystack`, ignoring ASCII case.
fn find_ignoring_ascii_case<'a>(haystack: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..(h.len() + 1).saturating_sub(n.len().max(1)))
        .filter(move |&i| haystack.is_char_boundary(i) && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_search_ignores_ascii_case() {
        let found: Vec<usize> = find_ignoring_ascii_case("Iskander and ISKANDER, “iskander”", "iskander").collect();
        assert_eq!(found, vec![0, 13, 26]);
    }

    #[test]
    fn folding_transliterates_and_lowercases() {
        assert_eq!(fold("Мінск"), "minsk");
        assert_eq!(fold("Kürecik"), "kurecik");
    }

    #[test]
    fn scores_rank_exact_over_prefix_over_word_over_anywhere() {
        assert_eq!(score("minsk", "minsk"), 100);
        assert_eq!(score("minsk city", "minsk"), 80);
        assert_eq!(score("greater minsk", "minsk"), 60);
        assert_eq!(score("xminsk", "minsk"), 40);
        assert_eq!(score("moscow", "minsk"), 0);
    }
}
