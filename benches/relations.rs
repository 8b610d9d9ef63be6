//! Suggesting relations between claims of different sources: the four-source fixture
//! (`tests/fixtures/sources/`) and a synthetic briefing of 10,000 claims from 100 sources
//! (target ≤ 200 ms). Run with `cargo bench --bench relations`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use briefmap::atlas::Atlas;
use briefmap::briefing::load;
use briefmap::relations::suggest;

fn relations(c: &mut Criterion) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources/briefing.json");
    let fixture = load::load_file(&path, &Atlas::bundled().expect("bundled boundaries")).expect("the fixture");
    let big = briefmap::synthetic::sources(10_000, 100, 42).expect("synthetic briefing");
    eprintln!("10k claims: {} suggestions", suggest(&big).len());
    let mut g = c.benchmark_group("relations");
    g.bench_function("suggest: fixture, 4 sources, 58 claims", |b| b.iter(|| suggest(black_box(&fixture))));
    g.sample_size(20);
    g.bench_function("suggest: 10k claims, 100 sources", |b| b.iter(|| suggest(black_box(&big))));
    g.finish();
}

criterion_group!(benches, relations);
criterion_main!(benches);
