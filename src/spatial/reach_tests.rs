//! Tests for within-reach tables. Reference distances: Python `geographiclib` 2.1
//! (`Geodesic.WGS84.Inverse`), coordinates from /work/shared/reference/sites.tsv.

use geo::{LineString, MultiPolygon, Point, Polygon, polygon};

use super::*;

const BARANOVICHI: Point<f64> = Point(geo::Coord { x: 26.0458, y: 53.0944 });
const KALININGRAD: Point<f64> = Point(geo::Coord { x: 20.5110, y: 54.7064 });

fn places() -> Vec<(&'static str, Point<f64>)> {
    vec![
        ("Warsaw", Point::new(21.0122, 52.2297)),
        ("Vilnius", Point::new(25.2798, 54.6892)),
        ("Redzikowo", Point::new(17.1075, 54.4789)),
        ("Minsk", Point::new(27.5665, 53.9002)),
        ("Moscow", Point::new(37.6178, 55.7520)),
        ("Kaliningrad", KALININGRAD),
        ("Riga", Point::new(24.1052, 56.9496)),
        ("Deveselu", Point::new(24.4164, 44.0772)),
    ]
}

fn point_targets(places: &[(&'static str, Point<f64>)]) -> Vec<Target<'static>> {
    places
        .iter()
        .map(|&(name, p)| Target { id: name, name, kind: "place", geometry: TargetGeometry::Point(p) })
        .collect()
}

fn iskander(centre: Point<f64>) -> RangeRing {
    crate::spatial::find_system("iskander-m").unwrap().ring(centre).unwrap()
}

fn row<'a>(rows: &'a [ReachRow], name: &str) -> Option<&'a ReachRow> {
    rows.iter().find(|r| r.name == name)
}

fn assert_km(got: f64, want_m: f64) {
    assert!((got - want_m / 1000.0).abs() / (want_m / 1000.0) < 1e-3, "{got} vs {want_m} m");
}

#[test]
fn iskander_at_baranovichi_reaches_warsaw_and_vilnius_but_not_redzikowo() {
    let rows = within_reach(&iskander(BARANOVICHI), &point_targets(&places()));
    let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
    // Nearest first; Redzikowo is 608.5 km away, Moscow 806 km, Deveselu 1 010 km.
    assert_eq!(names, ["Minsk", "Vilnius", "Warsaw", "Kaliningrad", "Riga"]);
    let warsaw = row(&rows, "Warsaw").unwrap();
    assert_km(warsaw.distance_km, 353_821.174);
    assert!((warsaw.bearing_deg.unwrap() - 256.2346).abs() < 1e-3);
    assert_km(row(&rows, "Vilnius").unwrap().distance_km, 184_508.825);
    assert_km(row(&rows, "Riga").unwrap().distance_km, 446_715.386);
    assert!(rows.iter().all(|r| r.coverage == Coverage::Within));
}

#[test]
fn iskander_at_kaliningrad_reaches_redzikowo() {
    let rows = within_reach(&iskander(KALININGRAD), &point_targets(&places()));
    let redzikowo = row(&rows, "Redzikowo").expect("Redzikowo within 500 km of Kaliningrad");
    assert_km(redzikowo.distance_km, 221_435.408);
    assert!(row(&rows, "Moscow").is_none());
    // The ring's own place is listed at 0 km with no bearing when the caller passes it.
    let own = row(&rows, "Kaliningrad").unwrap();
    assert_eq!((own.distance_km, own.bearing_deg), (0.0, None));
}

fn square(lon: f64, lat: f64, half: f64) -> MultiPolygon<f64> {
    MultiPolygon::new(vec![polygon![
        (x: lon - half, y: lat - half),
        (x: lon + half, y: lat - half),
        (x: lon + half, y: lat + half),
        (x: lon - half, y: lat + half),
    ]])
}

#[test]
fn regions_are_covered_fully_partly_or_not() {
    let ring = iskander(BARANOVICHI);
    let small_near = square(24.0, 53.0, 0.5);
    let west_inside = square(21.0, 53.0, 1.0); // farthest corner ~420 km away
    let big_west = square(18.0, 53.0, 2.0); // from ~405 km to ~670 km: across the edge
    let far = square(5.0, 45.0, 1.0);
    let around_centre = square(26.0, 53.0, 6.0);
    let regions = [
        ("near", &small_near),
        ("west-inside", &west_inside),
        ("west-edge", &big_west),
        ("far", &far),
        ("around", &around_centre),
    ];
    let targets: Vec<Target> = regions
        .iter()
        .map(|&(name, area)| Target { id: name, name, kind: "region", geometry: TargetGeometry::Area(area) })
        .collect();
    let rows = within_reach(&ring, &targets);
    let coverage = |name| row(&rows, name).map(|r| r.coverage);
    assert_eq!(coverage("near"), Some(Coverage::Full));
    assert_eq!(coverage("west-inside"), Some(Coverage::Full));
    assert_eq!(coverage("west-edge"), Some(Coverage::Partial));
    assert_eq!(coverage("far"), None);
    assert_eq!(coverage("around"), Some(Coverage::Partial));
    let around = row(&rows, "around").unwrap();
    assert_eq!((around.distance_km, around.bearing_deg), (0.0, None));
    assert_eq!(rows[0].name, "around", "the region containing the centre sorts first");
}

#[test]
fn nearest_distance_to_a_long_edge_is_found_between_far_vertices() {
    // A 30° wide strip whose vertices are all > 1 000 km from Baranovichi, but whose northern
    // (geodesic) edge passes 225 km south of it. Reference: Python geographiclib, minimum over
    // 300 001 points along the geodesic (50.1N 10E)-(50.1N 40E): 224 978.094 m.
    let strip = MultiPolygon::new(vec![polygon![
        (x: 10.0, y: 50.0),
        (x: 40.0, y: 50.0),
        (x: 40.0, y: 50.1),
        (x: 10.0, y: 50.1),
    ]]);
    let ring = RangeRing::new(BARANOVICHI, 300.0).unwrap();
    let reach = region_reach(&ring, &strip).unwrap();
    assert!((reach.nearest_km - 224.978_094).abs() < EDGE_TOLERANCE_KM, "{reach:?}");
    assert!(reach.farthest_km > 1000.0);
    assert_eq!(reach.coverage(300.0), Some(Coverage::Partial));
    assert_eq!(reach.coverage(200.0), None);
}

#[test]
fn a_ring_inside_a_regions_hole_does_not_cover_it() {
    let outer = LineString::from(vec![(16.0, 46.0), (36.0, 46.0), (36.0, 60.0), (16.0, 60.0)]);
    let hole = LineString::from(vec![(24.0, 52.0), (28.0, 52.0), (28.0, 54.0), (24.0, 54.0)]);
    let donut = MultiPolygon::new(vec![Polygon::new(outer, vec![hole])]);
    let inside_hole = RangeRing::new(BARANOVICHI, 50.0).unwrap();
    let reach = region_reach(&inside_hole, &donut).unwrap();
    // Nearest hole edge: latitude 54 is ~100 km north of 53.09.
    assert!(reach.nearest_km > 90.0 && reach.nearest_km < 110.0, "{reach:?}");
    assert_eq!(reach.coverage(50.0), None);
    assert_eq!(reach.coverage(150.0), Some(Coverage::Partial));
}

#[test]
fn empty_region_is_never_reached() {
    let ring = iskander(BARANOVICHI);
    assert_eq!(region_reach(&ring, &MultiPolygon::new(vec![])), None);
}

/// The exact branch and bound without the spherical prefilter: every vertex and every edge
/// measured on the ellipsoid.
fn exhaustive_region_reach(ring: &RangeRing, region: &MultiPolygon<f64>) -> (f64, f64) {
    let centre = ring.centre();
    let km = |a, b| Geodesic.distance(a, b) / 1000.0;
    let mut edges = Vec::new();
    let (mut best, mut farthest) = (f64::MAX, f64::MIN);
    for line in region.iter().flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors())) {
        let dists: Vec<(Point<f64>, f64)> = line.points().map(|p| (p, km(centre, p))).collect();
        for &(_, d) in &dists {
            (best, farthest) = (best.min(d), farthest.max(d));
        }
        edges.extend(dists.windows(2).map(|w| (w[0], w[1])));
    }
    if region.intersects(&centre) {
        return (0.0, farthest);
    }
    while let Some(((a, da), (b, db))) = edges.pop() {
        let len = km(a, b);
        if (da + db - len) / 2.0 >= best || len <= EDGE_TOLERANCE_KM {
            continue;
        }
        let m = Geodesic.point_at_ratio_between(a, b, 0.5);
        let dm = km(centre, m);
        best = best.min(dm);
        edges.push(((a, da), (m, dm)));
        edges.push(((m, dm), (b, db)));
    }
    (best, farthest)
}

#[test]
fn spherical_prefilter_changes_no_answer_on_real_boundaries() {
    let atlas = crate::atlas::Atlas::bundled().unwrap();
    let centres = [BARANOVICHI, KALININGRAD, Point::new(37.6178, 55.7520), Point::new(-6.3316, 36.6208)];
    for code in ["BY", "PL", "UA", "RU-KGD", "EE", "UA-43", "NO"] {
        let region = &atlas.get(code).unwrap().shape;
        for centre in centres {
            let ring = RangeRing::new(centre, 500.0).unwrap();
            let fast = region_reach(&ring, region).unwrap();
            let (nearest, farthest) = exhaustive_region_reach(&ring, region);
            assert_eq!(fast.farthest_km, farthest, "{code} from {centre:?}");
            assert!(
                (fast.nearest_km - nearest).abs() < EDGE_TOLERANCE_KM,
                "{code} from {centre:?}: {fast:?} vs {nearest}"
            );
            assert!((Geodesic.distance(centre, fast.nearest) / 1000.0 - fast.nearest_km).abs() < 1e-9);
        }
    }
}

#[test]
fn sphere_and_ellipsoid_agree_within_the_slack() {
    // Pairs from pole to pole, short and long, along meridians and parallels.
    let mut worst: f64 = 0.0;
    for lat1 in (-89..=89).step_by(8).map(f64::from) {
        for (dlon, dlat) in [(0.0, 0.01), (0.01, 0.0), (0.0, 1.0), (3.0, 0.0), (40.0, 20.0), (120.0, -60.0)] {
            let (a, b) = (Point::new(10.0, lat1), Point::new(10.0 + dlon, (lat1 + dlat).clamp(-90.0, 90.0)));
            let ratio = Geodesic.distance(a, b) / geo::Haversine.distance(a, b);
            worst = worst.max((ratio - 1.0).abs());
        }
    }
    assert!(worst < SPHERE_SLACK, "worst relative difference {worst}");
    assert!(worst > 0.004, "the bound is not vacuous: {worst}");
}
