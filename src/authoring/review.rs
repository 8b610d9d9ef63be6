//! Reviewing what the extractor suggested: accept, reject (everywhere, or one mention),
//! switch to another reading, accept all above a confidence — each as an [`Edit`] for the
//! session, so each is one undo step.

use crate::briefing::{
    Briefing, Candidate, Item, Origin, Place, PlaceKind, Provenance, Region, RegionKind, Review, Suggestion, TextRef,
};
use crate::briefing::{Confidence, suggestion};
use crate::extract::Entry;
use crate::session::{Edit, ListEdit};

/// A record with a suggestion: a place, a region or a date the text mentions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Suggested {
    /// `places[i]`.
    Place(usize),
    /// `regions[i]`.
    Region(usize),
    /// `dates[i]`.
    Date(usize),
}

impl Suggested {
    /// The map item it is, for a place or region.
    pub fn item(self) -> Option<Item> {
        match self {
            Self::Place(i) => Some(Item::Place(i)),
            Self::Region(i) => Some(Item::Region(i)),
            Self::Date(_) => None,
        }
    }
}

/// One row of the review list.
#[derive(Clone, Debug, PartialEq)]
pub struct ReviewRow {
    /// The record.
    pub what: Suggested,
    /// Its name or the date's words.
    pub label: String,
    /// Where the text first mentions it.
    pub first: Option<TextRef>,
    /// How many mentions it has.
    pub mentions: usize,
    /// The suggestion (status, confidence, alternatives).
    pub suggestion: Suggestion,
}

/// Every suggestion still undecided or rejected, in text order (by first mention).
pub fn rows(b: &Briefing) -> Vec<ReviewRow> {
    let mut rows = Vec::new();
    let first = |m: &[TextRef]| m.iter().min_by_key(|r| (b.source_index(&r.source), r.start)).cloned();
    for (i, p) in b.places().iter().enumerate() {
        if let Some(s) = &p.suggestion {
            let label = p.name.clone();
            let row = ReviewRow {
                what: Suggested::Place(i),
                label,
                first: first(&p.mentions),
                mentions: p.mentions.len(),
                suggestion: s.clone(),
            };
            rows.push(row);
        }
    }
    for (i, r) in b.regions().iter().enumerate() {
        if let Some(s) = &r.suggestion {
            let label = r.name.clone();
            let row = ReviewRow {
                what: Suggested::Region(i),
                label,
                first: first(&r.mentions),
                mentions: r.mentions.len(),
                suggestion: s.clone(),
            };
            rows.push(row);
        }
    }
    for (i, d) in b.doc().dates.iter().enumerate() {
        if let Some(s) = &d.suggestion {
            let words = d.when.text.clone().unwrap_or_else(|| d.when.label());
            let label = format!("“{words}”: {}", d.when.label());
            rows.push(ReviewRow {
                what: Suggested::Date(i),
                label,
                first: Some(d.at.clone()),
                mentions: 1,
                suggestion: s.clone(),
            });
        }
    }
    rows.sort_by_key(|r| r.first.as_ref().map(|f| (b.source_index(&f.source), f.start)));
    rows
}

/// How many suggestions are still undecided.
pub fn undecided(b: &Briefing) -> usize {
    b.undecided_suggestions()
}

/// The record's suggestion changed by `f` (accepting drops it: the record is the analyst's).
fn with_suggestion(
    b: &Briefing,
    what: Suggested,
    f: impl Fn(Option<Suggestion>) -> Option<Suggestion>,
) -> Option<Edit> {
    Some(match what {
        Suggested::Place(i) => {
            let mut p = b.places().get(i)?.clone();
            p.suggestion = f(p.suggestion.take());
            Edit::Places(ListEdit::Replace(i, p))
        }
        Suggested::Region(i) => {
            let mut r = b.regions().get(i)?.clone();
            r.suggestion = f(r.suggestion.take());
            Edit::Regions(ListEdit::Replace(i, r))
        }
        Suggested::Date(i) => {
            let mut d = b.doc().dates.get(i)?.clone();
            d.suggestion = f(d.suggestion.take());
            Edit::Dates(ListEdit::Replace(i, d))
        }
    })
}

/// Accepts a suggestion: the record stays, as the analyst's own.
pub fn accept(b: &Briefing, what: Suggested) -> Option<Edit> {
    with_suggestion(b, what, |_| None)
}

/// Rejects a suggestion everywhere: the record stays in the file, not drawn, not proposed again.
pub fn reject(b: &Briefing, what: Suggested) -> Option<Edit> {
    with_suggestion(b, what, |s| {
        let mut s = s.unwrap_or(Suggestion {
            status: Review::Undecided,
            confidence: 1.0,
            gazetteer: None,
            alternatives: Vec::new(),
        });
        s.status = Review::Rejected;
        Some(s)
    })
}

/// Takes a rejected suggestion back to undecided.
pub fn reconsider(b: &Briefing, what: Suggested) -> Option<Edit> {
    with_suggestion(b, what, |s| {
        s.map(|mut s| {
            s.status = Review::Undecided;
            s
        })
    })
}

/// Says that one mention does not mean this place or region (the others still do); when it
/// was the only one, the suggestion is rejected.
pub fn reject_mention(b: &Briefing, what: Suggested, mention: &TextRef) -> Option<Edit> {
    let drop = |mentions: &mut Vec<TextRef>| mentions.retain(|m| m != mention);
    match what {
        Suggested::Place(i) => {
            let mut p = b.places().get(i)?.clone();
            drop(&mut p.mentions);
            if p.mentions.is_empty() {
                return reject(b, what);
            }
            Some(Edit::Places(ListEdit::Replace(i, p)))
        }
        Suggested::Region(i) => {
            let mut r = b.regions().get(i)?.clone();
            drop(&mut r.mentions);
            if r.mentions.is_empty() {
                return reject(b, what);
            }
            Some(Edit::Regions(ListEdit::Replace(i, r)))
        }
        Suggested::Date(_) => reject(b, what),
    }
}

/// Accepts every undecided suggestion whose confidence is at least `threshold`, as one edit.
pub fn accept_all_above(b: &Briefing, threshold: f64) -> Option<Edit> {
    let edits: Vec<Edit> = rows(b)
        .into_iter()
        .filter(|r| r.suggestion.status == Review::Undecided && r.suggestion.confidence >= threshold)
        .filter_map(|r| accept(b, r.what))
        .collect();
    (!edits.is_empty()).then_some(Edit::Batch(edits))
}

/// The place kind a gazetteer reading draws as.
/// The kind of place a candidate reading is.
pub fn place_kind(c: &Candidate) -> PlaceKind {
    match c.kind.as_str() {
        "town" => PlaceKind::Town,
        "sea" => PlaceKind::Sea,
        "site" => PlaceKind::MilitarySite,
        "country" | "region" | "province" => PlaceKind::Area,
        _ => PlaceKind::City,
    }
}

/// The candidate a record's current reading is, to keep among the alternatives after a switch.
fn as_candidate(name: &str, lat: f64, lon: f64, kind: &str, s: &Suggestion, geometry: &[String]) -> Candidate {
    Candidate {
        name: name.to_owned(),
        lat,
        lon,
        kind: kind.to_owned(),
        country: None,
        source: s.gazetteer.clone().unwrap_or_else(|| "the extractor's reading".to_owned()),
        why: "the extractor's first reading".to_owned(),
        geometry: geometry.to_vec(),
    }
}

/// Switches a place (or a region) to its `alt`-th alternative reading: it keeps its id and
/// mentions, takes the alternative's name, position and kind, and keeps the reading it had
/// among the alternatives (so switching back is possible). An alternative with boundaries
/// makes the record a region; one without, a place.
pub fn switch(b: &Briefing, what: Suggested, alt: usize) -> Option<Edit> {
    let s = match what {
        Suggested::Place(i) => b.places().get(i)?.suggestion.clone()?,
        Suggested::Region(i) => b.regions().get(i)?.suggestion.clone()?,
        Suggested::Date(_) => return None,
    };
    switch_in(b, what, s, alt)
}

/// Switches a place (or a region) to a reading the extractor did not keep: one picked from a
/// search of the whole gazetteer ([`candidate`]). As [`switch`] otherwise.
pub fn switch_to(b: &Briefing, what: Suggested, c: Candidate) -> Option<Edit> {
    let mut s = match what {
        Suggested::Place(i) => b.places().get(i)?.suggestion.clone()?,
        Suggested::Region(i) => b.regions().get(i)?.suggestion.clone()?,
        Suggested::Date(_) => return None,
    };
    s.alternatives.push(c);
    let alt = s.alternatives.len() - 1;
    switch_in(b, what, s, alt)
}

/// A gazetteer entry as a reading to switch to or a place to add.
pub fn candidate(e: &Entry<'_>) -> Candidate {
    Candidate {
        name: e.name.to_owned(),
        lat: e.lat,
        lon: e.lon,
        kind: e.kind.as_str().to_owned(),
        country: (!e.country.is_empty()).then(|| e.country.to_owned()),
        source: e.source(),
        why: "picked from the gazetteer".to_owned(),
        geometry: e.geometry.to_vec(),
    }
}

fn switch_in(b: &Briefing, what: Suggested, s: Suggestion, alt: usize) -> Option<Edit> {
    match what {
        Suggested::Place(i) => {
            let p = b.places().get(i)?;
            let c = s.alternatives.get(alt)?.clone();
            let old = as_candidate(&p.name, p.lat, p.lon, p.kind.as_str(), &s, &[]);
            let suggestion = switched(&s, alt, old, &c);
            if !c.geometry.is_empty() {
                let region = region_from(p.id.clone(), &c, p.mentions.clone(), p.actors.clone(), suggestion);
                let at = b.regions().len();
                return Some(Edit::Batch(vec![
                    Edit::Places(ListEdit::Remove(i)),
                    Edit::Regions(ListEdit::Insert(at, region)),
                ]));
            }
            // Another place may be another actor's: the analyst sets its actors again.
            let place = Place {
                name: c.name.clone(),
                lat: c.lat,
                lon: c.lon,
                kind: place_kind(&c),
                provenance: provenance(&c),
                suggestion: Some(suggestion),
                actors: Vec::new(),
                ..p.clone()
            };
            Some(Edit::Places(ListEdit::Replace(i, place)))
        }
        Suggested::Region(i) => {
            let r = b.regions().get(i)?;
            let c = s.alternatives.get(alt)?.clone();
            let label = b.shape(i);
            let centre = geo::InteriorPoint::interior_point(label).map_or((0.0, 0.0), |p| (p.y(), p.x()));
            let old = as_candidate(&r.name, centre.0, centre.1, r.kind.as_str(), &s, &r.geometry);
            let suggestion = switched(&s, alt, old, &c);
            if !c.geometry.is_empty() {
                let region = region_from(r.id.clone(), &c, r.mentions.clone(), r.actors.clone(), suggestion);
                return Some(Edit::Regions(ListEdit::Replace(i, region)));
            }
            let place = Place {
                id: r.id.clone(),
                name: c.name.clone(),
                local_names: Vec::new(),
                aliases: Vec::new(),
                lat: c.lat,
                lon: c.lon,
                kind: place_kind(&c),
                actors: r.actors.clone(),
                provenance: provenance(&c),
                mentions: r.mentions.clone(),
                suggestion: Some(suggestion),
            };
            let at = b.places().len();
            Some(Edit::Batch(vec![Edit::Regions(ListEdit::Remove(i)), Edit::Places(ListEdit::Insert(at, place))]))
        }
        Suggested::Date(_) => None,
    }
}

/// The suggestion after switching to alternative `alt`: that one leaves the list, the old
/// reading joins it; still undecided.
fn switched(s: &Suggestion, alt: usize, old: Candidate, chosen: &Candidate) -> Suggestion {
    let mut alternatives: Vec<Candidate> =
        s.alternatives.iter().enumerate().filter(|(k, _)| *k != alt).map(|(_, c)| c.clone()).collect();
    alternatives.insert(0, old);
    Suggestion {
        status: Review::Undecided,
        confidence: s.confidence,
        gazetteer: Some(chosen.source.clone()),
        alternatives,
    }
}

fn provenance(c: &Candidate) -> Provenance {
    Provenance {
        origin: Origin::Article,
        why: None,
        source: c.source.clone(),
        confidence: Confidence::Good,
        uncertainty_km: None,
    }
}

fn region_from(id: String, c: &Candidate, mentions: Vec<TextRef>, actors: Vec<String>, s: Suggestion) -> Region {
    let kind = match c.kind.as_str() {
        "country" => RegionKind::Country,
        "province" => RegionKind::Province,
        _ => RegionKind::Territory,
    };
    Region {
        id,
        name: c.name.clone(),
        local_names: Vec::new(),
        kind,
        actors,
        geometry: c.geometry.clone(),
        area: Vec::new(),
        status: None,
        provenance: provenance(c),
        mentions,
        suggestion: Some(s),
    }
}

/// Whether a record is shown as a suggestion still to decide (drawn apart on the map).
pub fn is_undecided(b: &Briefing, item: Item) -> bool {
    match item {
        Item::Place(i) => b.places().get(i).is_some_and(|p| suggestion::is_undecided(&p.suggestion)),
        Item::Region(i) => b.regions().get(i).is_some_and(|r| suggestion::is_undecided(&r.suggestion)),
        Item::Claim(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::session::Session;

    /// The fixture with its places turned into suggestions, one with an alternative.
    fn suggested() -> Session {
        let mut doc = crate::test_fixture::doc();
        for (k, p) in doc.places.iter_mut().enumerate() {
            p.suggestion = Some(Suggestion {
                status: Review::Undecided,
                confidence: 0.3 + 0.08 * k as f64,
                gazetteer: Some(format!("geonames:{k}")),
                alternatives: Vec::new(),
            });
            p.mentions = vec![TextRef::new(&doc.sources[0].id, k, k + 1)];
        }
        doc.places[0].suggestion.as_mut().unwrap().alternatives.push(Candidate {
            name: "Other place".into(),
            lat: 10.0,
            lon: 20.0,
            kind: "town".into(),
            country: Some("XX".into()),
            source: "geonames:999".into(),
            why: "smaller".into(),
            geometry: Vec::new(),
        });
        let (b, problems) =
            Briefing::draft("f.json", doc, vec![crate::test_fixture::ARTICLE.to_owned()], &Atlas::bundled().unwrap());
        assert!(problems.is_empty(), "{problems:?}");
        Session::new(b, problems, None)
    }

    #[test]
    fn accept_reject_and_switch_are_undoable_edits() {
        let mut s = suggested();
        let n = s.briefing().undecided_suggestions();
        assert_eq!(n, s.briefing().places().len());
        s.apply(accept(s.briefing(), Suggested::Place(1)).unwrap()).unwrap();
        assert!(s.briefing().places()[1].suggestion.is_none());
        s.apply(reject(s.briefing(), Suggested::Place(2)).unwrap()).unwrap();
        assert_eq!(s.briefing().places()[2].suggestion.as_ref().unwrap().status, Review::Rejected);
        assert_eq!(s.briefing().undecided_suggestions(), n - 2);

        let name = s.briefing().places()[0].name.clone();
        s.apply(switch(s.briefing(), Suggested::Place(0), 0).unwrap()).unwrap();
        let p = &s.briefing().places()[0];
        assert_eq!((p.name.as_str(), p.lat, p.kind), ("Other place", 10.0, PlaceKind::Town));
        assert_eq!(p.suggestion.as_ref().unwrap().alternatives[0].name, name, "the old reading can be switched back");
        for _ in 0..3 {
            assert!(s.undo());
        }
        assert_eq!(s.briefing().undecided_suggestions(), n);
        assert_eq!(s.briefing().places()[0].name, name);
    }

    #[test]
    fn accepting_all_above_a_confidence_is_one_step() {
        let mut s = suggested();
        let before = s.briefing().undecided_suggestions();
        let above: usize =
            s.briefing().places().iter().filter(|p| p.suggestion.as_ref().unwrap().confidence >= 0.7).count();
        s.apply(accept_all_above(s.briefing(), 0.7).unwrap()).unwrap();
        assert_eq!(s.briefing().undecided_suggestions(), before - above);
        assert_eq!(s.history().depth(), 1);
        assert!(accept_all_above(s.briefing(), 2.0).is_none(), "nothing to accept");
    }

    #[test]
    fn rejecting_the_only_mention_rejects_the_place() {
        let s = suggested();
        let b = s.briefing();
        let m = b.places()[3].mentions[0].clone();
        let Some(Edit::Places(ListEdit::Replace(3, p))) = reject_mention(b, Suggested::Place(3), &m) else { panic!() };
        assert_eq!(p.suggestion.unwrap().status, Review::Rejected);
    }

    #[test]
    fn a_place_switches_to_a_gazetteer_search_result() {
        let mut s = suggested();
        let g = crate::extract::Gazetteer::bundled().unwrap();
        let found = g.search("Babruysk", 1);
        let e = g.entry(found[0]).unwrap();
        let name = s.briefing().places()[1].name.clone();
        s.apply(switch_to(s.briefing(), Suggested::Place(1), candidate(&e)).unwrap()).unwrap();
        let p = &s.briefing().places()[1];
        assert_eq!(p.name, e.name);
        assert!((p.lat - 53.14).abs() < 0.1 && (p.lon - 29.22).abs() < 0.1, "{}, {}", p.lat, p.lon);
        assert_eq!(p.provenance.source, e.source());
        let sugg = p.suggestion.as_ref().unwrap();
        assert_eq!(sugg.status, Review::Undecided, "still for the analyst to accept");
        assert_eq!(sugg.alternatives[0].name, name, "the old reading is kept to switch back");
        assert!(s.undo());
        assert_eq!(s.briefing().places()[1].name, name);
    }
}
