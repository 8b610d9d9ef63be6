//! What the map and panels show for the current filters and time window: each claim, place,
//! region and link is shown in full, faded (outside the time window) or hidden.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use crate::briefing::{Briefing, ClaimKind};
use crate::timeline::{InTime, TimeFilter, Timeline};

/// The user's filters: actors and claim kinds switched off, and what to do outside the window.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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

impl Visibility {
    /// Computes the shown state for `filters` and `time`.
    pub fn compute(b: &Briefing, timeline: &Timeline, filters: &Filters, time: TimeFilter) -> Self {
        let mut v = Self::default();
        v.update(b, timeline, filters, time);
        v
    }

    /// Recomputes in place, reusing allocations (the slider calls this while scrubbing).
    pub fn update(&mut self, b: &Briefing, timeline: &Timeline, filters: &Filters, time: TimeFilter) {
        let actor_shown =
            |actors: &[String]| actors.is_empty() || actors.iter().any(|a| !filters.hidden_actors.contains(a));
        let outside = if filters.hide_outside_window { Shown::Hidden } else { Shown::Faded };
        timeline.classify(time, &mut self.in_time);
        self.claims.clear();
        self.claims.extend(b.claims().iter().zip(&self.in_time).map(|(c, t)| {
            if filters.hidden_kinds.contains(&c.kind) || !actor_shown(&c.actors) {
                Shown::Hidden
            } else if *t == InTime::Outside {
                outside
            } else {
                Shown::Full
            }
        }));
        // A place or region is as visible as its most visible claim; one without claims is
        // context and shows whenever its actors do.
        let of_claims = |claims: &[usize], actors: &[String]| -> Shown {
            if !actor_shown(actors) {
                Shown::Hidden
            } else if claims.is_empty() {
                Shown::Full
            } else {
                claims.iter().map(|&c| self.claims[c]).max().unwrap_or(Shown::Hidden)
            }
        };
        let places: Vec<Shown> =
            b.places().iter().enumerate().map(|(i, p)| of_claims(b.claims_of_place(i), &p.actors)).collect();
        let regions: Vec<Shown> =
            b.regions().iter().enumerate().map(|(i, r)| of_claims(b.claims_of_region(i), &r.actors)).collect();
        let end_shown = |id: &str| match b.item(id) {
            Some(crate::briefing::Item::Place(i)) => places[i],
            Some(crate::briefing::Item::Region(i)) => regions[i],
            _ => Shown::Hidden,
        };
        let links: Vec<Shown> = b
            .links()
            .iter()
            .map(|l| {
                let by_claims = l
                    .claims
                    .iter()
                    .filter_map(|id| match b.item(id) {
                        Some(crate::briefing::Item::Claim(c)) => Some(self.claims[c]),
                        _ => None,
                    })
                    .max()
                    .unwrap_or(Shown::Hidden);
                by_claims.min(end_shown(&l.from)).min(end_shown(&l.to))
            })
            .collect();
        (self.places, self.regions, self.links) = (places, regions, links);
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

    #[test]
    fn time_window_fades_or_hides() {
        let b = briefing();
        let t = Timeline::new((0..b.claims().len()).map(|i| b.span(i)));
        let before = TimeFilter::AsOf(date(2016, 1, 1));
        let v = Visibility::compute(&b, &t, &Filters::default(), before);
        assert_eq!(v.claims, vec![Shown::Faded, Shown::Full, Shown::Full]);
        assert_eq!(v.links, vec![Shown::Faded]);
        let hide = Filters { hide_outside_window: true, ..Filters::default() };
        let v = Visibility::compute(&b, &t, &hide, before);
        assert_eq!(v.claims[0], Shown::Hidden);
        // Undated claims keep both places on the map.
        assert_eq!(v.places, vec![Shown::Full, Shown::Full]);
    }

    #[test]
    fn actor_and_kind_filters_hide() {
        let b = briefing();
        let t = Timeline::new((0..b.claims().len()).map(|i| b.span(i)));
        let mut f = Filters::default();
        f.hidden_actors.insert("russia".into());
        let v = Visibility::compute(&b, &t, &f, TimeFilter::All);
        assert_eq!(v.claims, vec![Shown::Full, Shown::Hidden, Shown::Full], "a claim shows while any actor does");
        assert_eq!(v.places, vec![Shown::Full, Shown::Hidden]);
        assert_eq!(v.links, vec![Shown::Hidden]);
        let mut f = Filters::default();
        f.hidden_kinds.insert(ClaimKind::Analysis);
        let v = Visibility::compute(&b, &t, &f, TimeFilter::All);
        assert_eq!(v.claims[2], Shown::Hidden);
    }
}
