//! Frame time of the whole app, headless (egui run + tessellation, no GPU), and the work behind
//! the time slider and picking at 100k claims.

#[path = "common/window.rs"]
mod window;

use std::hint::black_box;

use briefmap::atlas::Atlas;
use briefmap::briefing::Briefing;
use briefmap::geometry::MapGeometry;
use briefmap::mercator::to_world;
use briefmap::timeline::{TimeFilter, Timeline};
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use briefmap::visibility::{Filters, Visibility, VisibilityIndex};
use criterion::{Criterion, criterion_group, criterion_main};
use jiff::civil::date;
use window::Window;

fn embedded() -> Briefing {
    Briefing::embedded(&Atlas::bundled().expect("bundled atlas")).expect("embedded briefing")
}

fn mid_range(state: &mut AppState) {
    state.time.set_current(date(2015, 6, 30));
}

fn frames(c: &mut Criterion) {
    let mut g = c.benchmark_group("frame");
    let mut empty = Window::new(BriefmapApp::with_briefing(Briefing::empty(), AppState::default()));
    g.bench_function("empty map", |b| b.iter(|| black_box(empty.frame())));
    let mut window = Window::new(BriefmapApp::with_briefing(embedded(), AppState::default()));
    g.bench_function("embedded briefing, default view", |b| b.iter(|| black_box(window.frame())));
    for n in [10_000, 100_000] {
        let mut window = None;
        g.bench_function(format!("{n} places and claims, slider mid-range"), |b| {
            let window = window.get_or_insert_with(|| {
                let briefing = briefmap::synthetic::briefing(n, n, 42).expect("synthetic briefing");
                let mut state = AppState::default();
                mid_range(&mut state);
                Window::new(BriefmapApp::with_briefing(briefing, state))
            });
            b.iter(|| black_box(window.frame()))
        });
    }
    // The same 10k claims from one source and from a hundred (markers count their sources,
    // the legend names them, the cards carry ratings): within 10 % of each other.
    // Made when first measured, so that a filtered run does not build every other window.
    for sources in [1, 100] {
        let mut window = None;
        g.bench_function(format!("10000 claims from {sources} sources"), |b| {
            let window = window.get_or_insert_with(|| {
                let briefing = briefmap::synthetic::sources(10_000, sources, 7).expect("synthetic sources");
                Window::new(BriefmapApp::with_briefing(briefing, AppState::default()))
            });
            b.iter(|| black_box(window.frame()))
        });
    }
    // Presentation: a fly-to between two steps, measured over the flight's frames.
    let mut window = Window::new(BriefmapApp::with_briefing(embedded(), AppState::default()));
    let ctx = window.ctx.clone();
    window.app.start_presenting(&ctx, 0);
    g.bench_function("presentation fly-to", |b| {
        let mut step = 0;
        b.iter(|| {
            if !window.app.animating() {
                step = (step + 1) % 12;
                window.app.show_step(step, true);
            }
            black_box(window.frame())
        })
    });
    g.finish();
}

fn slider_and_picking(c: &mut Criterion) {
    let briefing = briefmap::synthetic::briefing(100_000, 100_000, 42).expect("synthetic briefing");
    let timeline = Timeline::new((0..briefing.claims().len()).map(|i| briefing.span(i)));
    let filters = Filters::default();
    let index = VisibilityIndex::new(&briefing);
    let mut visibility = Visibility::compute(&index, &timeline, &filters, TimeFilter::All);
    let mut day = 0i64;
    c.bench_function("slider scrub: re-filter 100k claims", |b| {
        b.iter(|| {
            day = (day + 37) % 3650;
            let d = date(2010, 1, 1).checked_add(jiff::Span::new().days(day)).unwrap_or(date(2015, 1, 1));
            visibility.update(&index, &timeline, &filters, TimeFilter::AsOf(d));
            black_box(visibility.claims.len())
        })
    });
    // A jump across the decade: most claims change side, so every array is swept again.
    let mut far = false;
    c.bench_function("slider jump: re-filter 100k claims from scratch", |b| {
        b.iter(|| {
            far = !far;
            let d = if far { date(2019, 6, 1) } else { date(2011, 1, 1) };
            visibility.update(&index, &timeline, &filters, TimeFilter::AsOf(d));
            black_box(visibility.claims.len())
        })
    });
    let geometry = MapGeometry::new(&briefing);
    let mut rng = briefmap::synthetic::Rng::new(5);
    c.bench_function("hit-test a click among 100k markers", |b| {
        b.iter(|| {
            let (x, y) = to_world(rng.range(-10.0, 45.0), rng.range(35.0, 65.0));
            black_box(geometry.nearest_place([x, y], 1e-4))
        })
    });
}

fn load_and_export(c: &mut Criterion) {
    let atlas = Atlas::bundled().expect("bundled atlas");
    c.bench_function("embedded briefing: load + validate", |b| {
        b.iter(|| black_box(Briefing::embedded(&atlas).is_ok()))
    });
    let big = briefmap::synthetic::briefing(100_000, 100_000, 42).expect("synthetic briefing");
    let mut g = c.benchmark_group("export 100k");
    g.sample_size(10);
    g.bench_function("GeoJSON", |b| b.iter(|| black_box(briefmap::export::geojson::to_geojson_string(&big).len())));
    g.bench_function("KML", |b| b.iter(|| black_box(briefmap::export::kml::to_kml(&big).len())));
    g.finish();
}

criterion_group!(benches, frames, slider_and_picking, load_and_export);
criterion_main!(benches);
