//! Spatial hot paths: the within-reach query over many points (the R-tree against a plain scan),
//! drawing a ring's shape, and the within-reach table for a briefing-sized list of places and
//! regions. Run with `cargo bench --bench spatial`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use geo::Point;

use briefmap::atlas::Atlas;
use briefmap::spatial::{PointIndex, RangeRing, Target, TargetGeometry, find_system, within_reach};

/// Baranovichi air base (sites.tsv), the article's candidate Iskander site.
const BARANOVICHI: Point<f64> = Point(geo::Coord { x: 26.0458, y: 53.0944 });

/// `n` deterministic pseudo-random points over Europe (lon -10..45, lat 35..70), so a 500 km ring
/// around Baranovichi holds a realistic share of them (~3%).
fn european_points(n: usize) -> Vec<Point<f64>> {
    let mut rng = briefmap::synthetic::Rng::new(0x2016_0516);
    (0..n).map(|_| Point::new(rng.range(-10.0, 45.0), rng.range(35.0, 70.0))).collect()
}

fn iskander_at_baranovichi() -> RangeRing {
    find_system("iskander-m").and_then(|s| s.ring(BARANOVICHI)).expect("a valid preset ring")
}

fn point_index(c: &mut Criterion) {
    let points = european_points(100_000);
    let index = PointIndex::new(&points);
    let ring = iskander_at_baranovichi();
    let mut group = c.benchmark_group("point_index_100k");
    group.bench_function("within_iskander_m", |b| b.iter(|| index.within(black_box(&ring))));
    group.bench_function("scan_iskander_m", |b| {
        b.iter(|| points.iter().filter(|p| black_box(&ring).contains(**p)).count())
    });
    group.sample_size(20);
    group.bench_function("build", |b| b.iter(|| PointIndex::new(black_box(&points))));
    group.finish();
}

fn ring_shape(c: &mut Criterion) {
    let mut group = c.benchmark_group("ring_shape");
    for (name, lon, lat, km) in [
        ("iskander_m_baranovichi", 26.0458, 53.0944, 500.0),
        ("antimeridian", 179.5, 65.0, 500.0),
        ("north_pole", 10.0, 80.0, 1500.0),
    ] {
        let ring = RangeRing::new(Point::new(lon, lat), km).expect("a valid ring");
        group.bench_function(name, |b| b.iter(|| black_box(&ring).shape()));
    }
    group.finish();
}

/// Places of the Bohdan briefing's size and spread (sites.tsv and capitals), lon/lat.
const PLACES: &[(&str, f64, f64)] = &[
    ("minsk", 27.5665, 53.9002),
    ("moscow", 37.6178, 55.7520),
    ("warsaw", 21.0122, 52.2297),
    ("vilnius", 25.2798, 54.6892),
    ("riga", 24.1059, 56.9460),
    ("tallinn", 24.7535, 59.4370),
    ("kyiv", 30.5238, 50.4547),
    ("washington", -77.0364, 38.8951),
    ("brussels", 4.3517, 50.8503),
    ("bucharest", 26.1025, 44.4268),
    ("ankara", 32.8597, 39.9334),
    ("madrid", -3.7038, 40.4168),
    ("berlin", 13.4050, 52.5200),
    ("deveselu", 24.4164, 44.0772),
    ("redzikowo", 17.1075, 54.4789),
    ("kurecik", 37.7936, 38.3494),
    ("rota", -6.3316, 36.6208),
    ("ramstein", 7.6003, 49.4368),
    ("hantsavichy", 26.4800, 52.8500),
    ("vileyka", 26.7781, 54.4633),
    ("babruysk", 29.2047, 53.1047),
    ("lida", 25.3770, 53.8770),
    ("chernyakhovsk", 21.8156, 54.6335),
    ("kaliningrad", 20.5110, 54.7064),
    ("smolensk", 32.0509, 54.7783),
    ("voronezh", 39.1920, 51.6683),
    ("rostov", 39.7077, 47.2200),
    ("sevastopol", 33.5224, 44.6166),
];

/// Regions of the briefing's kind: countries, Russian provinces, Crimea, eastern Ukraine.
const REGIONS: &[&str] = &[
    "BY", "PL", "LT", "LV", "EE", "UA", "RU-SMO", "RU-VOR", "RU-ROS", "RU-KGD", "RU-BRY", "RU-PSK", "UA-43", "UA-14",
    "UA-09", "RO",
];

fn within_reach_table(c: &mut Criterion) {
    let atlas = Atlas::bundled().expect("the bundled boundaries load");
    let shapes: Vec<_> = REGIONS.iter().map(|code| atlas.union_of([&code.to_string()])).collect();
    let targets: Vec<Target> = PLACES
        .iter()
        .map(|(id, lon, lat)| Target {
            id,
            name: id,
            kind: "place",
            geometry: TargetGeometry::Point(Point::new(*lon, *lat)),
        })
        .chain(REGIONS.iter().zip(&shapes).map(|(code, shape)| Target {
            id: code,
            name: code,
            kind: "region",
            geometry: TargetGeometry::Area(shape),
        }))
        .collect();
    let ring = iskander_at_baranovichi();
    c.bench_function("within_reach/briefing_targets_iskander_m", |b| {
        b.iter(|| within_reach(black_box(&ring), black_box(&targets)))
    });
}

criterion_group!(benches, point_index, ring_shape, within_reach_table);
criterion_main!(benches);
