//! The PDF handout of the embedded briefing (12 steps, A4): the whole of it (13 maps rendered,
//! one renderer per core, then the PDF), one map render, compressing one map for the PDF, and
//! the layout and PDF alone from maps already made. Run with `cargo bench --bench handout`.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};

use briefmap::atlas::Atlas;
use briefmap::briefing::Briefing;
use briefmap::handout::{self, MapImage, Paper};
use briefmap::ui::render::handout::{HandoutOptions, look, make, map_options};
use briefmap::ui::render::{self, Shot};
use briefmap::ui::state::{AppState, Theme};

fn handout(c: &mut Criterion) {
    let b = Briefing::embedded(&Atlas::bundled().expect("bundled boundaries")).expect("embedded briefing");
    let steps: Vec<usize> = (0..b.story().len()).collect();
    let options = HandoutOptions {
        paper: Paper::A4,
        theme: Theme::Light,
        steps: steps.clone(),
        made: jiff::civil::date(2026, 12, 3),
    };
    let made = make(&b, &options, &|_, _| {}).expect("the handout");
    eprintln!(
        "handout: {} pages, {} bytes, {} render threads",
        made.pages,
        made.pdf.len(),
        render::handout::render_threads()
    );

    let mut g = c.benchmark_group("handout");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(40));
    g.bench_function("12-step handout, A4 (13 maps + PDF)", |bench| {
        bench.iter(|| make(black_box(&b), &options, &|_, _| {}).expect("the handout"))
    });
    g.bench_function("one map render (step 3, fresh renderer)", |bench| {
        bench.iter(|| render::image(b.clone(), AppState::default(), &map_options(Theme::Light), Shot::Step(2)).unwrap())
    });
    let pixmap = render::image(b.clone(), AppState::default(), &map_options(Theme::Light), Shot::Step(2)).unwrap();
    let white = handout::layout::Rgb([255, 255, 255]);
    g.bench_function("compress one map for the PDF", |bench| bench.iter(|| MapImage::new(black_box(&pixmap), white)));
    let shots: Vec<Shot> = std::iter::once(Shot::Overview).chain(steps.iter().map(|&i| Shot::Step(i))).collect();
    let (state, map) = (AppState::default(), map_options(Theme::Light));
    let maps = render::parallel(&b, &state, &map, &shots, 2, &|_, p| MapImage::new(&p, white).unwrap(), &|_| {})
        .expect("the maps");
    let core = handout::Options { paper: Paper::A4, look: look(Theme::Light), made: options.made };
    g.bench_function("layout + PDF from maps already made", |bench| {
        bench.iter(|| handout::make(black_box(&b), &steps, &maps[0], &maps[1..], &core).unwrap())
    });
    g.finish();
}

criterion_group!(benches, handout);
criterion_main!(benches);
