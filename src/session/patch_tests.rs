//! An edit that replaces one record patches the problems, lookups and derived views instead
//! of rebuilding them: random such edits (and others, and undo and redo) on real briefings,
//! each followed by a comparison with the same document built from scratch.

use super::*;
use crate::briefing::suggestion::{Review, Suggestion};
use crate::briefing::{ClaimKind, Origin, PlaceKind, TextRef};
use crate::synthetic::Rng;
use crate::test_fixture;

/// The session against its document built from nothing: the same problems (in order, once the
/// session holds the whole check's), lookups and derived views.
fn assert_as_built(s: &Session, after: &str) {
    let b = &s.briefing;
    let texts = (0..b.sources().len()).map(|i| b.source_text(i).map_or("", |t| t.full()).to_owned()).collect();
    let atlas = s.atlas.as_ref().expect("the session has read its atlas");
    let (fresh, problems) = Briefing::draft(b.file(), b.doc().clone(), texts, atlas);
    if s.problems_whole {
        assert_eq!(s.problems, problems, "problems after {after}");
    }
    assert_eq!(b.lookups_differing_from(&fresh), Vec::<&str>::new(), "lookups after {after}");
    let derived = Derived::new(&fresh);
    assert!(s.derived.timeline == derived.timeline, "timeline after {after}");
    assert!(s.derived.visibility == derived.visibility, "visibility index after {after}");
    assert_eq!(s.derived.time_range, derived.time_range, "time range after {after}");
    assert!(s.derived.geometry.same_as(&derived.geometry), "geometry after {after}");
}

/// A suggestion in one of its states, or none (decided).
fn suggestion(rng: &mut Rng) -> Option<Suggestion> {
    let status = match rng.below(3) {
        0 => return None,
        1 => Review::Undecided,
        _ => Review::Rejected,
    };
    Some(Suggestion { status, confidence: 0.7, gazetteer: None, alternatives: Vec::new() })
}

/// An actor of `b` now and then, else one nobody declared (a problem).
fn actor(b: &Briefing, rng: &mut Rng) -> String {
    match b.actors().get(rng.below(b.actors().len() + 1)) {
        Some(a) => a.id.clone(),
        None => "nobody".into(),
    }
}

fn place_edit(b: &Briefing, rng: &mut Rng) -> Option<Edit> {
    let i = rng.below(b.places().len());
    let mut p = b.places().get(i)?.clone();
    match rng.below(9) {
        0 | 1 => (p.lat, p.lon) = (p.lat + rng.range(-1.0, 1.0), p.lon + rng.range(-1.0, 1.0)),
        2 => p.lat = 95.0,
        3 => p.suggestion = suggestion(rng),
        4 => p.kind = PlaceKind::ALL[rng.below(PlaceKind::ALL.len())],
        5 if rng.below(2) == 0 => p.actors.clear(),
        5 => p.actors.push(actor(b, rng)),
        6 => {
            // A mention in any source (the sources that speak of the place change), or one fewer.
            let source = b.sources()[rng.below(b.sources().len())].id.clone();
            if p.mentions.pop().is_none() || rng.below(2) == 0 {
                p.mentions.push(TextRef { source, start: 0, end: 0 });
            }
        }
        7 => {
            p.provenance.origin = if p.provenance.origin == Origin::Context { Origin::Article } else { Origin::Context }
        }
        _ => p.id.push_str("-renamed"),
    }
    Some(Edit::Places(ListEdit::Replace(i, p)))
}

fn claim_edit(b: &Briefing, rng: &mut Rng) -> Option<Edit> {
    let i = rng.below(b.claims().len());
    let mut c = b.claims().get(i)?.clone();
    match rng.below(9) {
        0 => c.summary = ["A new summary", "", "Reworded"][rng.below(3)].into(),
        1 | 2 => c.when = b.claims()[rng.below(b.claims().len())].when.clone(),
        3 if rng.below(2) == 0 => c.actors.clear(),
        3 => c.actors.push(actor(b, rng)),
        4 => c.kind = ClaimKind::ALL[rng.below(ClaimKind::ALL.len())],
        5 => c.places.push(b.places()[rng.below(b.places().len())].id.clone()),
        6 => c.quote.push('x'),
        7 => c.speaker = "nobody".into(),
        _ => c.at.source = b.sources()[rng.below(b.sources().len())].id.clone(),
    }
    Some(Edit::Claims(ListEdit::Replace(i, c)))
}

fn region_edit(b: &Briefing, rng: &mut Rng) -> Option<Edit> {
    let i = rng.below(b.regions().len());
    let mut r = b.regions().get(i)?.clone();
    match rng.below(4) {
        0 => r.geometry = b.regions()[rng.below(b.regions().len())].geometry.clone(),
        1 => r.geometry.push(["BY", "XX"][rng.below(2)].into()),
        2 => r.suggestion = suggestion(rng),
        _ => r.actors.push(actor(b, rng)),
    }
    Some(Edit::Regions(ListEdit::Replace(i, r)))
}

fn date_edit(b: &Briefing, rng: &mut Rng) -> Option<Edit> {
    let dates = &b.doc().dates;
    let i = rng.below(dates.len());
    let mut d = dates.get(i)?.clone();
    if rng.below(2) == 0 {
        d.suggestion = suggestion(rng);
    } else {
        d.when = dates[rng.below(dates.len())].when.clone();
    }
    Some(Edit::Dates(ListEdit::Replace(i, d)))
}

/// An edit of one record mostly; now and then a story edit, a move (which rebuilds) or a
/// batch of one.
fn random_edit(b: &Briefing, rng: &mut Rng) -> Option<Edit> {
    match rng.below(12) {
        0..=3 => place_edit(b, rng),
        4..=6 => claim_edit(b, rng),
        7 => region_edit(b, rng),
        8 => date_edit(b, rng),
        9 => {
            let mut step = b.story().first()?.clone();
            step.title = ["Retitled", " "][rng.below(2)].into();
            Some(Edit::Story(ListEdit::Replace(0, step)))
        }
        10 => Some(Edit::Places(ListEdit::Move { from: rng.below(b.places().len()), to: 0 })),
        _ => place_edit(b, rng).map(|e| Edit::Batch(vec![e])),
    }
}

/// Random edits, undos and redos on `s`, each compared with a rebuild; returns how many edits
/// were patched in.
fn exercise(mut s: Session, seed: u64, steps: usize) -> usize {
    let mut rng = Rng::new(seed);
    s.atlas();
    assert_as_built(&s, "opening");
    for step in 0..steps {
        let what = match rng.below(10) {
            0 | 1 => format!("undo {}", s.undo()),
            2 => format!("redo {}", s.redo()),
            _ => match random_edit(&s.briefing, &mut rng) {
                Some(edit) => {
                    let label = format!("{edit:?}");
                    let done = if rng.below(3) == 0 { s.apply_in_gesture(edit, "drag") } else { s.apply(edit) };
                    format!("{label} ({})", if done.is_ok() { "made" } else { "refused" })
                }
                None => continue,
            },
        };
        assert_as_built(&s, &format!("step {step}: {what}"));
    }
    s.patched
}

#[test]
fn patched_edits_leave_what_a_rebuild_would() {
    let atlas = Atlas::bundled().expect("bundled boundaries");
    let embedded = Briefing::embedded(&atlas).expect("embedded briefing");
    let synthetic = crate::synthetic::briefing(300, 400, 5).expect("synthetic briefing");
    // A draft: problems of its own for the patched ones to fit among.
    let mut doc = embedded.doc().clone();
    doc.places[3].lat = 91.0;
    doc.claims[2].summary.clear();
    doc.claims[5].speaker = "nobody".into();
    let texts = vec![embedded.text().full().to_owned()];
    let (draft, problems) = Briefing::draft("draft.json", doc, texts, &atlas);
    assert!(problems.len() >= 3, "{problems:?}");
    let sessions = [
        ("embedded", Session::checked(embedded, Some(atlas.clone()))),
        ("four sources", Session::checked(test_fixture::four_sources(), Some(atlas.clone()))),
        ("synthetic", Session::checked(synthetic, Some(Atlas::default()))),
        ("draft", Session::new(draft, problems, Some(atlas))),
    ];
    for (seed, (name, s)) in sessions.into_iter().enumerate() {
        let patched = exercise(s, seed as u64 + 1, 200);
        assert!(patched >= 40, "{name}: only {patched} edits patched in");
    }
}
