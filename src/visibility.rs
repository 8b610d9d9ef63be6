//! What the map and panels show for the current filters and time window: each claim, place,
//! region and link is shown in full, faded (outside the time window) or hidden.
//!
//! The slider re-filters on every frame it moves, so the work runs over compact arrays built
//! once per briefing ([`VisibilityIndex`]): bit masks of actors, claim kinds as bytes, and
//! each place's claims stored flat. 100k claims re-filter in a fraction of a millisecond.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::briefing::{Briefing, ClaimKind, Item};
use crate::timeline::{InTime, TimeFilter, Timeline};

/// The user's filters: actors and claim kinds switched off, and what to do outside the window.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(default)]
pub struct Filters {
    /// Actors whose items are hidden.
    pub hidden_actors: BTreeSet<String>,
    /// Claim kinds that are hidden.
    pub hidden_kinds: BTreeSet<ClaimKind>,
    /// Hide (rather than fade) what falls outside the time window.
    pub hide_outside_window: bool,
}

/// How an item is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Shown {
    /// Not drawn.
    Hidden,
    /// Drawn faded: outside the time window.
    Faded,
    /// Drawn normally.
    Full,
}

/// A set of actors as bits (actor i of the briefing is bit i; actors past 64 share bit 63).
type Mask = u64;

fn bit(i: usize) -> Mask {
    1 << i.min(63)
}

/// The briefing reduced to what filtering needs, in flat arrays.
#[derive(Clone, Debug, Default)]
pub struct VisibilityIndex {
    actor_ids: Vec<String>,
    claim_actors: Vec<Mask>,
    claim_kind: Vec<ClaimKind>,
    place_actors: Vec<Mask>,
    region_actors: Vec<Mask>,
    /// Per place, then per region: the claims, flat, with start offsets.
    place_starts: Vec<u32>,
    region_starts: Vec<u32>,
    owned_claims: Vec<u32>,
    /// Per link: its ends and its claims.
    links: Vec<(Option<Item>, Option<Item>, Vec<u32>)>,
}

impl VisibilityIndex {
    /// Builds the index of a briefing.
    pub fn new(b: &Briefing) -> Self {
        let actor_ids: Vec<String> = b.actors().iter().map(|a| a.id.clone()).collect();
        let mask = |ids: &[String]| -> Mask {
            ids.iter().filter_map(|id| actor_ids.iter().position(|a| a == id)).fold(0, |m, i| m | bit(i))
        };
        let mut owned_claims = Vec::new();
        let place_starts = flatten(&mut owned_claims, (0..b.places().len()).map(|i| b.claims_of_place(i)));
        let region_starts = flatten(&mut owned_claims, (0..b.regions().len()).map(|i| b.claims_of_region(i)));
        let links = b
            .links()
            .iter()
            .map(|l| {
                let claims = l
                    .claims
                    .iter()
                    .filter_map(|id| match b.item(id) {
                        Some(Item::Claim(c)) => Some(c as u32),
                        _ => None,
                    })
                    .collect();
                (b.item(&l.from), b.item(&l.to), claims)
            })
            .collect();
        Self {
            claim_actors: b.claims().iter().map(|c| mask(&c.actors)).collect(),
            claim_kind: b.claims().iter().map(|c| c.kind).collect(),
            place_actors: b.places().iter().map(|p| mask(&p.actors)).collect(),
            region_actors: b.regions().iter().map(|r| mask(&r.actors)).collect(),
            actor_ids,
            place_starts,
            region_starts,
            owned_claims,
            links,
        }
    }

    fn hidden_mask(&self, filters: &Filters) -> Mask {
        self.actor_ids
            .iter()
            .enumerate()
            .filter(|(_, id)| filters.hidden_actors.contains(*id))
            .fold(0, |m, (i, _)| m | bit(i))
    }
}

/// Appends each list to `flat` and returns where each starts (plus the end).
fn flatten<'a>(flat: &mut Vec<u32>, lists: impl ExactSizeIterator<Item = &'a [usize]>) -> Vec<u32> {
    let mut starts = Vec::with_capacity(lists.len() + 1);
    for list in lists {
        starts.push(flat.len() as u32);
        flat.extend(list.iter().map(|&c| c as u32));
    }
    starts.push(flat.len() as u32);
    starts
}

/// The shown state of everything in a briefing.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Visibility {
    /// Per claim.
    pub claims: Vec<Shown>,
    /// Per place.
    pub places: Vec<Shown>,
    /// Per region.
    pub regions: Vec<Shown>,
    /// Per link.
    pub links: Vec<Shown>,
    in_time: Vec<InTime>,
}

/// Whether something with actors `mask` shows when `hidden` actors are off: it has no actors,
/// or one of them is on.
fn actors_on(mask: Mask, hidden: Mask) -> bool {
    mask == 0 || mask & !hidden != 0
}

impl Visibility {
    /// Computes the shown state for `filters` and `time`.
    pub fn compute(index: &VisibilityIndex, timeline: &Timeline, filters: &Filters, time: TimeFilter) -> Self {
        let mut v = Self::default();
        v.update(index, timeline, filters, time);
        v
    }

    /// Recomputes in place, reusing allocations (the slider calls this while scrubbing).
    pub fn update(&mut self, index: &VisibilityIndex, timeline: &Timeline, filters: &Filters, time: TimeFilter) {
        let hidden = index.hidden_mask(filters);
        let kind_hidden = ClaimKind::ALL.map(|k| filters.hidden_kinds.contains(&k));
        let outside = if filters.hide_outside_window { Shown::Hidden } else { Shown::Faded };
        timeline.classify(time, &mut self.in_time);
        self.claims.clear();
        self.claims.extend((0..index.claim_kind.len()).map(|c| {
            if kind_hidden[index.claim_kind[c] as usize] || !actors_on(index.claim_actors[c], hidden) {
                Shown::Hidden
            } else if self.in_time.get(c) == Some(&InTime::Outside) {
                outside
            } else {
                Shown::Full
            }
        }));
        // A place or region is as visible as its most visible claim; one without claims is
        // context and shows whenever its actors do.
        let claims = &self.claims;
        let owned = |starts: &[u32], i: usize| &index.owned_claims[starts[i] as usize..starts[i + 1] as usize];
        let of = |mask: Mask, list: &[u32]| -> Shown {
            if !actors_on(mask, hidden) {
                Shown::Hidden
            } else if list.is_empty() {
                Shown::Full
            } else {
                list.iter().map(|&c| claims[c as usize]).max().unwrap_or(Shown::Hidden)
            }
        };
        self.places.clear();
        self.places
            .extend((0..index.place_actors.len()).map(|i| of(index.place_actors[i], owned(&index.place_starts, i))));
        self.regions.clear();
        self.regions
            .extend((0..index.region_actors.len()).map(|i| of(index.region_actors[i], owned(&index.region_starts, i))));
        let end = |item: Option<Item>| match item {
            Some(Item::Place(i)) => self.places[i],
            Some(Item::Region(i)) => self.regions[i],
            _ => Shown::Hidden,
        };
        let links: Vec<Shown> = index
            .links
            .iter()
            .map(|(from, to, list)| {
                let by_claims = list.iter().map(|&c| self.claims[c as usize]).max().unwrap_or(Shown::Hidden);
                by_claims.min(end(*from)).min(end(*to))
            })
            .collect();
        self.links = links;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::briefing::load;
    use jiff::civil::date;

    const ARTICLE: &str = "Lavrov went to Minsk on 16 May. Russia wants Iskanders there. The author doubts it.\n";

    fn briefing() -> Briefing {
        let json = r##"{
          "format": 1,
          "article": {"title": "T", "author": "A", "published": {"precision": "month", "from": "2016-05"},
                      "file": "a.txt"},
          "actors": [{"id": "russia", "name": "Russia", "colour": "#c0392b"},
                     {"id": "belarus", "name": "Belarus", "colour": "#16a085"}],
          "speakers": [{"id": "author", "name": "A"}],
          "places": [
            {"id": "minsk", "name": "Minsk", "lat": 53.9, "lon": 27.56, "kind": "capital", "actors": ["belarus"],
             "provenance": {"origin": "article", "source": "GeoNames", "confidence": "good"}},
            {"id": "moscow", "name": "Moscow", "lat": 55.75, "lon": 37.62, "kind": "capital", "actors": ["russia"],
             "provenance": {"origin": "article", "source": "GeoNames", "confidence": "good"}}
          ],
          "regions": [],
          "claims": [
            {"id": "visit", "quote": "Lavrov went to Minsk on 16 May.", "offset": 0, "summary": "s",
             "kind": "official_statement", "speaker": "author", "actors": ["russia", "belarus"],
             "places": ["minsk", "moscow"], "when": {"precision": "day", "from": "2016-05-16"}},
            {"id": "wants", "quote": "Russia wants Iskanders there.", "offset": 32, "summary": "s",
             "kind": "press_report", "speaker": "author", "actors": ["russia"], "places": ["moscow"]},
            {"id": "doubt", "quote": "The author doubts it.", "offset": 62, "summary": "s",
             "kind": "analysis", "speaker": "author", "actors": ["belarus"], "places": ["minsk"]}
          ],
          "links": [{"id": "talks", "from": "moscow", "to": "minsk", "kind": "talks", "claims": ["visit"]}]
        }"##;
        load::load_str("t.json", json, ARTICLE, &Atlas::default()).unwrap()
    }

    fn setup() -> (VisibilityIndex, Timeline) {
        let b = briefing();
        (VisibilityIndex::new(&b), Timeline::new((0..b.claims().len()).map(|i| b.span(i))))
    }

    #[test]
    fn time_window_fades_or_hides() {
        let (index, t) = setup();
        let before = TimeFilter::AsOf(date(2016, 1, 1));
        let v = Visibility::compute(&index, &t, &Filters::default(), before);
        assert_eq!(v.claims, vec![Shown::Faded, Shown::Full, Shown::Full]);
        assert_eq!(v.links, vec![Shown::Faded]);
        let hide = Filters { hide_outside_window: true, ..Filters::default() };
        let v = Visibility::compute(&index, &t, &hide, before);
        assert_eq!(v.claims[0], Shown::Hidden);
        // Undated claims keep both places on the map.
        assert_eq!(v.places, vec![Shown::Full, Shown::Full]);
    }

    #[test]
    fn actor_and_kind_filters_hide() {
        let (index, t) = setup();
        let mut f = Filters::default();
        f.hidden_actors.insert("russia".into());
        let v = Visibility::compute(&index, &t, &f, TimeFilter::All);
        assert_eq!(v.claims, vec![Shown::Full, Shown::Hidden, Shown::Full], "a claim shows while any actor does");
        assert_eq!(v.places, vec![Shown::Full, Shown::Hidden]);
        assert_eq!(v.links, vec![Shown::Hidden]);
        let mut f = Filters::default();
        f.hidden_kinds.insert(ClaimKind::Analysis);
        let v = Visibility::compute(&index, &t, &f, TimeFilter::All);
        assert_eq!(v.claims[2], Shown::Hidden);
    }
}
