//! Suggesting relations between claims of different sources: pairs about the same place or
//! region, whose dates overlap (or are unknown) and whose words overlap (names, numbers,
//! systems). Each suggestion says why in words and proposes `corroborates`, or `contradicts`
//! when the two give a different number for the same thing or a different day. A suggestion is
//! never a relation by itself: the analyst confirms it (an edit adding the [`Relation`]) or
//! dismisses it (kept in the file, so it is not suggested again); see
//! [`crate::authoring::relations`].
//!
//! It never compares all pairs: claims are indexed by place or region and word, and only
//! claims sharing both become candidates; a word most claims at a place use says nothing and
//! makes no candidates there.

pub mod words;

use std::collections::{HashMap, HashSet};

use crate::briefing::{Briefing, Item, Relation, RelationKind};
use crate::timeline::day_number;
use words::Words;

/// Days two claims' dates may be apart and still be about the same thing (a report a day or
/// two after the event, a date given to the day in one source and the week in another).
pub const DATE_SLACK_DAYS: i32 = 3;
/// Least share of their words (weighted by rarity, see [`score`]) two claims must have in
/// common to be suggested.
pub const MIN_SCORE: f32 = 0.2;
/// Least number of words two claims must share: one shared name is a coincidence.
pub const MIN_SHARED: usize = 2;
/// A word used by more claims than this at one place or region makes no candidates there:
/// it tells them apart no more than the place does (and pairs of them would be quadratic).
pub const MAX_GROUP: usize = 32;
/// How much a word of a name counts (a person's, a place's, an actor's): two claims about
/// Lavrov at Minsk share his name and the city's whatever each says; the place is already
/// what made them candidates, and who speaks is not what is said.
pub const NAME_WEIGHT: f32 = 0.25;
/// Most shared words the `why` names.
const WHY_WORDS: usize = 5;

/// A suggested relation between claims `a` and `b` (indices into the briefing's claims).
#[derive(Clone, Debug, PartialEq)]
pub struct RelationSuggestion {
    /// One claim (the one earlier in the file).
    pub a: usize,
    /// The other claim, of another source.
    pub b: usize,
    /// What the suggester thinks one is to the other.
    pub kind: RelationKind,
    /// How much the two share, 0–1 (see [`score`]).
    pub score: f32,
    /// Why, in words: where, when, the words shared, what they disagree on.
    pub why: String,
}

impl RelationSuggestion {
    /// The relation the analyst confirms, with the reason as its note.
    pub fn to_relation(&self, b: &Briefing) -> Relation {
        let id = |c: usize| b.claims()[c].id.clone();
        Relation { note: Some(self.why.clone()), ..Relation::new(self.kind, id(self.a), id(self.b)) }
    }
}

/// One claim as compared.
struct Prepared {
    source: u32,
    /// Interned terms, sorted, each once.
    terms: Vec<u32>,
    words: Words,
    /// Day numbers, inclusive; `None` when undated (or open at that end).
    days: Option<(Option<i32>, Option<i32>)>,
    /// The quote itself gives the date (its `when.text` is in it).
    states_day: bool,
    /// The weight of all its terms.
    total: f32,
}

/// Every suggestion for `b`, best first; pairs that already have a relation (confirmed or
/// dismissed) are left out.
pub fn suggest(b: &Briefing) -> Vec<RelationSuggestion> {
    let (prepared, vocabulary) = prepare(b);
    let mut weights = weights(&prepared, vocabulary.len());
    let names = name_terms(b);
    for (w, term) in weights.iter_mut().zip(&vocabulary) {
        if names.contains(term.as_str()) {
            *w *= NAME_WEIGHT;
        }
    }
    let mut prepared = prepared;
    for p in &mut prepared {
        p.total = p.terms.iter().map(|&t| weights[t as usize]).sum();
    }
    let related: HashSet<(usize, usize)> = b
        .relations()
        .iter()
        .filter_map(|r| {
            let (x, y) = (claim_index(b, &r.a)?, claim_index(b, &r.b)?);
            Some((x.min(y), x.max(y)))
        })
        .collect();
    let mut out: Vec<RelationSuggestion> = candidates(b, &prepared)
        .into_iter()
        .filter(|pair| !related.contains(pair))
        .filter_map(|(x, y)| judge(b, &prepared, &weights, &vocabulary, x, y))
        .collect();
    out.sort_by(|p, q| q.score.total_cmp(&p.score).then((p.a, p.b).cmp(&(q.a, q.b))));
    out
}

fn claim_index(b: &Briefing, id: &str) -> Option<usize> {
    match b.item(id)? {
        Item::Claim(c) => Some(c),
        _ => None,
    }
}

/// Each claim's words, terms interned; and the vocabulary (term id → term).
fn prepare(b: &Briefing) -> (Vec<Prepared>, Vec<String>) {
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut vocabulary: Vec<String> = Vec::new();
    let prepared = b
        .claims()
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let words = words::words(&format!("{} {}", c.quote, c.summary));
            let mut terms: Vec<u32> = words
                .terms
                .iter()
                .map(|t| match ids.get(t.as_str()) {
                    Some(&id) => id,
                    None => {
                        vocabulary.push(t.clone());
                        ids.insert(t.clone(), vocabulary.len() as u32 - 1);
                        vocabulary.len() as u32 - 1
                    }
                })
                .collect();
            terms.sort_unstable();
            terms.dedup();
            let days = b.span(i).map(|s| (s.start.map(day_number), s.end.map(day_number)));
            let source = b.source_index(&c.at.source).unwrap_or(usize::MAX) as u32;
            let stated = c.when.as_ref().and_then(|w| w.text.as_deref()).filter(|t| !t.trim().is_empty());
            let states_day = stated.is_some_and(|t| c.quote.to_lowercase().contains(&t.to_lowercase()));
            Prepared { source, terms, words, days, states_day, total: 0.0 }
        })
        .collect();
    (prepared, vocabulary)
}

/// Each term's weight: how rare it is among the claims (inverse document frequency), so that
/// "Iskander" or "Babruysk" counts for more than "Belarus" in a briefing about Belarus.
fn weights(prepared: &[Prepared], terms: usize) -> Vec<f32> {
    let mut df = vec![0u32; terms];
    for p in prepared {
        for &t in &p.terms {
            df[t as usize] += 1;
        }
    }
    let n = prepared.len().max(1) as f32;
    df.into_iter().map(|d| (1.0 + n / d.max(1) as f32).ln()).collect()
}

/// The words of the briefing's names: speakers, actors, places and regions (with their local
/// names and aliases), folded as claims' words are.
fn name_terms(b: &Briefing) -> HashSet<String> {
    let d = b.doc();
    let speakers = d.speakers.iter().map(|s| s.name.as_str());
    let actors = d.actors.iter().map(|a| a.name.as_str());
    let places = d.places.iter().flat_map(|p| std::iter::once(&p.name).chain(&p.local_names).chain(&p.aliases));
    let regions = d.regions.iter().flat_map(|r| std::iter::once(&r.name).chain(&r.local_names));
    let all = speakers.chain(actors).chain(places.map(String::as_str)).chain(regions.map(String::as_str));
    all.flat_map(|name| words::words(name).terms).collect()
}

/// The pairs (smaller index first) of claims of different sources that share a place or region
/// and a word used by at most [`MAX_GROUP`] claims there.
fn candidates(b: &Briefing, prepared: &[Prepared]) -> Vec<(usize, usize)> {
    let mut postings: Vec<(u32, u32, u32)> = Vec::new();
    for (c, p) in prepared.iter().enumerate() {
        for part in b.claim_parts(c) {
            let anchor = match *part {
                Item::Place(i) => 2 * i as u32,
                Item::Region(i) => 2 * i as u32 + 1,
                Item::Claim(_) => continue,
            };
            postings.extend(p.terms.iter().map(|&t| (anchor, t, c as u32)));
        }
    }
    postings.sort_unstable();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for group in postings.chunk_by(|x, y| (x.0, x.1) == (y.0, y.1)) {
        if group.len() < 2 || group.len() > MAX_GROUP {
            continue;
        }
        for (i, x) in group.iter().enumerate() {
            for y in &group[i + 1..] {
                let (cx, cy) = (x.2 as usize, y.2 as usize);
                if prepared[cx].source != prepared[cy].source {
                    pairs.push((cx.min(cy), cx.max(cy)));
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// How far apart two claims' dates are, in days: 0 when they overlap or either is undated.
fn days_apart(a: &Prepared, b: &Prepared) -> i32 {
    let (Some((a0, a1)), Some((b0, b1))) = (a.days, b.days) else { return 0 };
    let after = |end: Option<i32>, start: Option<i32>| match (end, start) {
        (Some(e), Some(s)) if s > e => s - e,
        _ => 0,
    };
    after(a1, b0).max(after(b1, a0))
}

/// Whether both claims state a day in their own words ("on 16 May") and the days differ. A
/// date a claim takes from its context (the day of the talks, for what was said at them) is
/// no contradiction of another day.
fn different_days(a: &Prepared, b: &Prepared) -> Option<()> {
    let (Some((Some(a0), Some(a1))), Some((Some(b0), Some(b1)))) = (a.days, b.days) else { return None };
    (a.states_day && b.states_day && a0 == a1 && b0 == b1 && a0 != b0).then_some(())
}

/// The shared terms of two sorted term lists.
fn shared(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// How much two claims share: the weight of their common terms over the geometric mean of
/// each one's total weight (1 for the same words, 0 for none in common).
pub fn score(shared: f32, total_a: f32, total_b: f32) -> f32 {
    if total_a <= 0.0 || total_b <= 0.0 { 0.0 } else { shared / (total_a * total_b).sqrt() }
}

/// The suggestion for claims `x` and `y`, if they are dated close enough and share enough.
fn judge(
    b: &Briefing,
    prepared: &[Prepared],
    weights: &[f32],
    vocabulary: &[String],
    x: usize,
    y: usize,
) -> Option<RelationSuggestion> {
    let (px, py) = (&prepared[x], &prepared[y]);
    if days_apart(px, py) > DATE_SLACK_DAYS {
        return None;
    }
    let common = shared(&px.terms, &py.terms);
    if common.len() < MIN_SHARED {
        return None;
    }
    let weight = common.iter().map(|&t| weights[t as usize]).sum::<f32>();
    let score = score(weight, px.total, py.total);
    if score < MIN_SCORE {
        return None;
    }
    let clash = clash(b, px, py, x, y);
    let (cx, cy) = (&b.claims()[x], &b.claims()[y]);
    let mut rare = common.clone();
    rare.sort_by(|&s, &t| weights[t as usize].total_cmp(&weights[s as usize]).then(s.cmp(&t)));
    let names: Vec<&str> = rare.iter().take(WHY_WORDS).map(|&t| vocabulary[t as usize].as_str()).collect();
    let mut why = format!("both about {}", shared_parts(b, x, y));
    match (&cx.when, &cy.when) {
        (Some(w), Some(_)) if clash.is_none() => why += &format!(", dated {}", w.label()),
        (None, _) | (_, None) => why += ", a date unknown",
        _ => {}
    }
    why += &format!("; shared words: {}", names.join(", "));
    let kind = match clash {
        Some(c) => {
            why += &format!("; {c}");
            RelationKind::Contradicts
        }
        None => RelationKind::Corroborates,
    };
    why += &format!(" (score {score:.2})");
    Some(RelationSuggestion { a: x, b: y, kind, score, why })
}

/// What two claims about the same thing disagree on, in words: a count, a day both state, or
/// the site (both name military sites, air bases, naval or missile-defence sites, and none in
/// common: "the airbase at Babruysk" against "the airbase at Lida").
fn clash(b: &Briefing, px: &Prepared, py: &Prepared, x: usize, y: usize) -> Option<String> {
    if let Some((n, m, what)) = px.words.count_clash(&py.words) {
        return Some(format!("they count {what} {n} vs {m}"));
    }
    let (cx, cy) = (&b.claims()[x], &b.claims()[y]);
    if different_days(px, py).is_some() {
        let label = |c: &crate::briefing::Claim| c.when.as_ref().map(|w| w.label()).unwrap_or_default();
        return Some(format!("they date it {} vs {}", label(cx), label(cy)));
    }
    let sites = |c: usize| -> Vec<usize> {
        let parts = b.claim_parts(c).iter();
        parts.filter_map(|p| if let Item::Place(i) = *p { Some(i) } else { None }).filter(|&i| is_site(b, i)).collect()
    };
    let (sx, sy) = (sites(x), sites(y));
    if sx.is_empty() || sy.is_empty() || sx.iter().any(|s| sy.contains(s)) {
        return None;
    }
    let names = |s: &[usize]| s.iter().map(|&i| b.places()[i].name.as_str()).collect::<Vec<_>>().join(", ");
    Some(format!("they place it at {} vs {}", names(&sx), names(&sy)))
}

/// Whether place `i` is a site (where a thing is based), not a city or an area.
fn is_site(b: &Briefing, i: usize) -> bool {
    use crate::briefing::PlaceKind::{AirBase, MilitarySite, MissileDefenceSite, NavalBase};
    matches!(b.places()[i].kind, MilitarySite | MissileDefenceSite | AirBase | NavalBase)
}

/// The names of the places and regions both claims are about.
fn shared_parts(b: &Briefing, x: usize, y: usize) -> String {
    let other = b.claim_parts(y);
    let names: Vec<&str> = b
        .claim_parts(x)
        .iter()
        .filter(|p| other.contains(p))
        .filter_map(|p| match *p {
            Item::Place(i) => Some(b.places()[i].name.as_str()),
            Item::Region(i) => Some(b.regions()[i].name.as_str()),
            Item::Claim(_) => None,
        })
        .collect();
    names.join(", ")
}

#[cfg(test)]
mod tests;
