//! Editing through the session: applying an edit and rebuilding what it touches, and undoing
//! it, for the embedded briefing and a 100k-place, 100k-claim synthetic one. A story edit
//! touches only the story; a place or claim edit rebuilds the lookups, the timeline, the map
//! geometry and the filter index. Run with `cargo bench --bench session`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use briefmap::atlas::Atlas;
use briefmap::briefing::{Briefing, StoryStep, View};
use briefmap::session::{Edit, ListEdit, Session};

fn step(title: &str) -> StoryStep {
    StoryStep {
        title: title.into(),
        caption: String::new(),
        view: View {
            frame: Vec::new(),
            centre: Some(briefmap::briefing::LatLon { lat: 53.9, lon: 27.5 }),
            zoom: Some(6.0),
        },
        time: None,
        claims: Vec::new(),
        places: Vec::new(),
        regions: Vec::new(),
        rings: Vec::new(),
    }
}

/// Applies `edit`, then undoes it: one iteration leaves the session as it was.
fn edit_and_undo(s: &mut Session, edit: &Edit) {
    s.apply(edit.clone()).expect("the edit is valid");
    assert!(s.undo());
}

fn bench_briefing(c: &mut Criterion, name: &str, mut session: Session) {
    if session.briefing().story().is_empty() {
        session.apply(Edit::Story(ListEdit::Insert(0, step("First")))).expect("a step");
    }
    let b = session.briefing();
    let retitle = Edit::Story(ListEdit::Replace(0, StoryStep { title: "Retitled".into(), ..b.story()[0].clone() }));
    let mut place = b.places()[0].clone();
    place.lat += 0.5;
    let move_place = Edit::Places(ListEdit::Replace(0, place));
    let mut claim = b.claims()[0].clone();
    claim.summary = "A new summary".into();
    let summarise = Edit::Claims(ListEdit::Replace(0, claim));

    let mut g = c.benchmark_group(format!("session_{name}"));
    if name == "100k" {
        g.sample_size(10);
    }
    g.bench_function("story edit + undo", |bench| bench.iter(|| edit_and_undo(&mut session, black_box(&retitle))));
    g.bench_function("place edit + undo", |bench| bench.iter(|| edit_and_undo(&mut session, black_box(&move_place))));
    g.bench_function("claim edit + undo", |bench| bench.iter(|| edit_and_undo(&mut session, black_box(&summarise))));
    g.finish();
}

fn session(c: &mut Criterion) {
    let atlas = Atlas::bundled().expect("bundled boundaries");
    let embedded = Briefing::embedded(&atlas).expect("embedded briefing");
    bench_briefing(c, "embedded", Session::checked(embedded, Some(atlas)));
    let big = briefmap::synthetic::briefing(100_000, 100_000, 42).expect("synthetic briefing");
    bench_briefing(c, "100k", Session::checked(big, Some(Atlas::default())));
}

criterion_group!(benches, session);
criterion_main!(benches);
