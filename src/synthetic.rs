//! Synthetic briefings for benchmarks and stress tests: many places and claims spread over
//! Europe and the years 2010–2020, with an article text their quotes really come from, so
//! they pass the same validation as a real briefing.

use crate::atlas::Atlas;
use crate::briefing::{
    Actor, Briefing, BriefingDoc, Claim, ClaimKind, Confidence, Origin, PartialDate, Place, PlaceKind, Precision,
    Problems, Provenance, Source, Speaker, TextRef, When,
};

/// The id of a synthetic briefing's one source.
const SOURCE: &str = "synthetic";

/// A seeded generator ([`fastrand`]'s wyrand), so every run on every platform builds the same
/// data.
pub struct Rng(fastrand::Rng);

impl Rng {
    /// A generator from a seed (any value).
    pub fn new(seed: u64) -> Self {
        Self(fastrand::Rng::with_seed(seed))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0.u64(..)
    }

    /// A float in `lo..hi`.
    pub fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.0.f64()
    }

    /// An index below `n` (n > 0). Drawn as a `u64`: fastrand's `usize` depends on the
    /// platform's pointer width, and the data must not.
    pub fn below(&mut self, n: usize) -> usize {
        self.0.u64(..n.max(1) as u64) as usize
    }
}

/// A briefing with `places` places and `claims` claims (one place each; one in ten undated).
pub fn briefing(places: usize, claims: usize, seed: u64) -> Result<Briefing, Problems> {
    let mut rng = Rng::new(seed);
    let actors = [("russia", "#c0392b"), ("belarus", "#16a085"), ("nato", "#2457a6"), ("ukraine", "#e0a800")];
    let kinds = [PlaceKind::City, PlaceKind::MilitarySite, PlaceKind::AirBase, PlaceKind::Capital];
    let provenance = Provenance {
        origin: Origin::Article,
        why: None,
        source: "synthetic".into(),
        confidence: Confidence::Good,
        uncertainty_km: None,
    };
    let places: Vec<Place> = (0..places.max(1))
        .map(|i| Place {
            id: format!("p{i}"),
            name: format!("Place {i}"),
            local_names: Vec::new(),
            aliases: Vec::new(),
            lat: rng.range(35.0, 65.0),
            lon: rng.range(-10.0, 45.0),
            kind: kinds[i % kinds.len()],
            actors: vec![actors[i % actors.len()].0.into()],
            provenance: provenance.clone(),
            mentions: Vec::new(),
            suggestion: None,
        })
        .collect();
    let mut text = String::with_capacity(claims * 32);
    let claim_kinds = ClaimKind::ALL;
    let claims: Vec<Claim> = (0..claims)
        .map(|i| {
            let place = rng.below(places.len());
            let quote = format!("Event {i} happened at place {place}.");
            let offset = text.len();
            text.push_str(&quote);
            text.push(' ');
            let when = (i % 10 != 0).then(|| {
                let year = 2010 + rng.below(11) as i16;
                let month = 1 + rng.below(12) as i8;
                let day = 1 + rng.below(28) as i8;
                When { precision: Precision::Day, ..When::on(PartialDate::day(year, month, day)) }
            });
            Claim {
                id: format!("c{i}"),
                at: TextRef::new(SOURCE, offset, offset + quote.len()),
                quote,
                summary: format!("Synthetic event {i}"),
                kind: claim_kinds[i % claim_kinds.len()],
                speaker: "author".into(),
                actors: places[place].actors.clone(),
                places: vec![places[place].id.clone()],
                regions: Vec::new(),
                when,
                credibility: None,
                credibility_note: None,
            }
        })
        .collect();
    text.push('\n');
    let source = Source {
        id: SOURCE.into(),
        title: format!("Synthetic briefing: {} places, {} claims", places.len(), claims.len()),
        title_note: None,
        author: "briefmap".into(),
        publisher: None,
        url: None,
        published: Some(When { precision: Precision::Year, ..When::on(PartialDate::year(2020)) }),
        file: "synthetic.txt".into(),
        teasers_from_line: None,
        reliability: None,
        note: None,
    };
    let doc = BriefingDoc {
        actors: actors
            .iter()
            .map(|(id, colour)| Actor { id: (*id).into(), name: (*id).into(), colour: (*colour).into() })
            .collect(),
        speakers: vec![Speaker { id: "author".into(), name: "Synthetic".into(), role: None }],
        places,
        regions: Vec::new(),
        claims,
        links: Vec::new(),
        rings: Vec::new(),
        story: Vec::new(),
        ..BriefingDoc::new(source)
    };
    Briefing::new("synthetic", "", doc, vec![text], &Atlas::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_briefings_validate() {
        let b = briefing(50, 200, 7).unwrap();
        assert_eq!(b.places().len(), 50);
        assert_eq!(b.claims().len(), 200);
        assert_eq!((0..200).filter(|&i| b.span(i).is_none()).count(), 20);
    }

    #[test]
    fn the_generator_is_deterministic() {
        let a: Vec<u64> = (0..5)
            .map({
                let mut r = Rng::new(3);
                move |_| r.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..5)
            .map({
                let mut r = Rng::new(3);
                move |_| r.next_u64()
            })
            .collect();
        assert_eq!(a, b);
        let mut r = Rng::new(9);
        assert!((0..1000).all(|_| (2.0..3.0).contains(&r.range(2.0, 3.0))));
    }
}
