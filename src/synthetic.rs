//! Synthetic briefings for benchmarks and stress tests: many places and claims spread over
//! Europe and the years 2010–2020, with an article text their quotes really come from, so
//! they pass the same validation as a real briefing.

use crate::atlas::Atlas;
use crate::briefing::{
    Actor, Briefing, BriefingDoc, Claim, ClaimKind, Confidence, Origin, PartialDate, Place, PlaceKind, Precision,
    Problems, Provenance, Region, RegionKind, Source, Speaker, TextRef, When,
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

/// Where every synthetic record comes from.
fn synthetic_provenance() -> Provenance {
    Provenance {
        origin: Origin::Article,
        why: None,
        source: "synthetic".into(),
        confidence: Confidence::Good,
        uncertainty_km: None,
    }
}

/// Synthetic place `i` at `lat`, `lon`: a military site of no actor, named by its number.
fn place(i: usize, lat: f64, lon: f64, provenance: &Provenance) -> Place {
    Place {
        id: format!("p{i}"),
        name: format!("Place {i}"),
        local_names: Vec::new(),
        aliases: Vec::new(),
        lat,
        lon,
        kind: PlaceKind::MilitarySite,
        actors: Vec::new(),
        provenance: provenance.clone(),
        mentions: Vec::new(),
        suggestion: None,
    }
}

/// A briefing with `places` places and `claims` claims (one place each; one in ten undated).
pub fn briefing(places: usize, claims: usize, seed: u64) -> Result<Briefing, Problems> {
    let mut rng = Rng::new(seed);
    let actors = [("russia", "#c0392b"), ("belarus", "#16a085"), ("nato", "#2457a6"), ("ukraine", "#e0a800")];
    let kinds = [PlaceKind::City, PlaceKind::MilitarySite, PlaceKind::AirBase, PlaceKind::Capital];
    let provenance = synthetic_provenance();
    let places: Vec<Place> = (0..places.max(1))
        .map(|i| Place {
            kind: kinds[i % kinds.len()],
            actors: vec![actors[i % actors.len()].0.into()],
            ..place(i, rng.range(35.0, 65.0), rng.range(-10.0, 45.0), &provenance)
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

/// Weapon systems and units the synthetic reports name, so that claims share real-shaped words.
const SYSTEMS: [&str; 8] = ["Iskander-M", "S-400", "Tor-M2", "Su-30SM", "Kalibr", "Bastion", "Palanez", "Pantsir"];
const UNITS: [&str; 5] = ["divisions", "brigades", "battalions", "missiles", "aircraft"];

/// A briefing of `sources` sources and `claims` claims about events: each event has a place
/// (one of `claims / 20`), often a region (one of five, which hold thousands of claims each), a
/// day, a system, a count and words of its own, and is reported by several sources in their
/// own words (one in eight with a different count). The shape of a big multi-source briefing,
/// for the relation suggester's bench.
pub fn sources(claims: usize, sources: usize, seed: u64) -> Result<Briefing, Problems> {
    let mut rng = Rng::new(seed);
    let provenance = synthetic_provenance();
    let places: Vec<Place> = (0..(claims / 20).max(1))
        .map(|i| place(i, rng.range(45.0, 60.0), rng.range(15.0, 40.0), &provenance))
        .collect();
    let regions: Vec<Region> = (0..5)
        .map(|i| {
            let (x, y) = (15.0 + 5.0 * i as f64, 50.0);
            Region {
                id: format!("r{i}"),
                name: format!("Region {i}"),
                local_names: Vec::new(),
                kind: RegionKind::Territory,
                actors: Vec::new(),
                geometry: Vec::new(),
                area: vec![vec![vec![[x, y], [x + 4.0, y], [x + 4.0, y + 4.0], [x, y + 4.0], [x, y]]]],
                status: None,
                provenance: provenance.clone(),
                mentions: Vec::new(),
                suggestion: None,
            }
        })
        .collect();
    let events = (claims / 4).max(1);
    let mut texts = vec![String::new(); sources.max(1)];
    let mut list = Vec::with_capacity(claims);
    for i in 0..claims {
        let e = rng.below(events);
        // The event's own draw, the same for every report of it.
        let mut er = Rng::new(seed ^ (e as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let place = er.below(places.len());
        let region = (er.below(3) > 0).then(|| er.below(regions.len()));
        let (system, unit, count) = (SYSTEMS[er.below(8)], UNITS[er.below(5)], 2 + er.below(9));
        let day = 1 + er.below(28) as i8;
        let month = 1 + er.below(12) as i8;
        let topic: Vec<String> = (0..3).map(|_| format!("topic{}", er.below(5000))).collect();
        let count = if rng.below(8) == 0 { count + 1 } else { count };
        let noise: Vec<String> = (0..4).map(|_| format!("word{}", rng.below(300))).collect();
        let quote = format!(
            "Reports say {count} {unit} with {system} moved near place {place} on {day} May, {} {} {}, {}.",
            topic[0],
            topic[1],
            topic[2],
            noise.join(" ")
        );
        let source = i % texts.len();
        let text = &mut texts[source];
        let offset = text.len();
        text.push_str(&quote);
        text.push('\n');
        list.push(Claim {
            id: format!("c{i}"),
            at: TextRef::new(format!("s{source}"), offset, offset + quote.len()),
            quote,
            summary: format!("Synthetic report {i}"),
            kind: ClaimKind::PressReport,
            speaker: "author".into(),
            actors: Vec::new(),
            places: vec![places[place].id.clone()],
            regions: region.map(|r| regions[r].id.clone()).into_iter().collect(),
            when: Some(When::on(PartialDate::day(2016, month, day))),
            credibility: None,
            credibility_note: None,
        });
    }
    let source = |i: usize| Source {
        id: format!("s{i}"),
        title: format!("Synthetic source {i}"),
        title_note: None,
        author: String::new(),
        publisher: None,
        url: None,
        published: None,
        file: format!("s{i}.txt"),
        teasers_from_line: None,
        reliability: None,
        note: None,
    };
    let doc = BriefingDoc {
        sources: (0..texts.len()).map(source).collect(),
        speakers: vec![Speaker { id: "author".into(), name: "Synthetic".into(), role: None }],
        places,
        regions,
        claims: list,
        ..BriefingDoc::new(source(0))
    };
    Briefing::new("synthetic", "", doc, texts, &Atlas::default())
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
    fn multi_source_briefings_validate_and_give_suggestions() {
        let b = sources(2000, 20, 5).unwrap();
        assert_eq!((b.sources().len(), b.claims().len()), (20, 2000));
        let found = crate::relations::suggest(&b);
        assert!(found.len() > 100, "reports of one event in several sources are suggested: {}", found.len());
        assert!(found.iter().any(|s| s.kind == crate::briefing::RelationKind::Contradicts));
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
