//! Tests for [`super::RingShape`]: the drawn shape must agree with geodesic containment.

use geo::{Area, Contains, CoordsIter, Point, Winding};

use super::*;

fn ring(lon: f64, lat: f64, km: f64) -> RangeRing {
    RangeRing::new(Point::new(lon, lat), km).unwrap()
}

/// Rings that exercise each case: ordinary, high latitude, pole-enclosing (both poles), centred
/// on a pole, across the antimeridian (low and high latitude), centred on the antimeridian.
fn awkward_rings() -> Vec<RangeRing> {
    vec![
        ring(26.0458, 53.0944, 500.0),
        ring(10.0, 80.0, 500.0),
        ring(10.0, 80.0, 1500.0),
        ring(-120.0, -78.0, 2000.0),
        ring(0.0, 90.0, 700.0),
        ring(179.5, 10.0, 300.0),
        ring(179.5, 70.0, 800.0),
        ring(-180.0, -30.0, 1000.0),
    ]
}

#[test]
fn drawn_area_agrees_with_geodesic_containment() {
    for r in awkward_rings() {
        let shape = r.shape();
        let mut checked = 0;
        for i in 0..360 {
            for j in 0..180 {
                let p = Point::new(-179.5 + i as f64, -89.75 + j as f64);
                let d = r.distance_km(p);
                // Straight lon/lat chords differ from the curve by far less than 1% of r.
                if (d - r.radius_km()).abs() < 0.01 * r.radius_km() {
                    continue;
                }
                let drawn = shape.area.contains(&p);
                assert_eq!(drawn, d <= r.radius_km(), "{r:?} at {p:?}: d = {d} km");
                checked += usize::from(drawn);
            }
        }
        assert!(checked > 0, "{r:?}: no grid point inside; the test checks nothing");
    }
}

#[test]
fn every_area_vertex_is_on_the_ring_or_the_pole_edge() {
    for r in awkward_rings() {
        let shape = r.shape();
        for c in shape.area.coords_iter() {
            assert!((-180.0..=180.0).contains(&c.x), "{r:?}: lon {} out of world", c.x);
            if c.y.abs() == 90.0 {
                assert!(shape.pole.is_some(), "{r:?}: pole vertex without a pole");
                continue;
            }
            let err_m = (r.distance_km(Point::from(c)) - r.radius_km()).abs() * 1000.0;
            assert!(err_m < 1.0, "{r:?}: vertex {c:?} is {err_m} m off the radius");
        }
    }
}

#[test]
fn exteriors_are_counter_clockwise() {
    for r in awkward_rings() {
        for polygon in r.shape().area.iter() {
            assert!(polygon.exterior().is_ccw(), "{r:?}");
            assert!(polygon.interiors().is_empty(), "{r:?}");
        }
    }
}

#[test]
fn ordinary_ring_is_one_polygon_and_one_closed_line() {
    let shape = ring(26.0458, 53.0944, 500.0).shape();
    assert_eq!(shape.area.0.len(), 1);
    assert_eq!(shape.outline.0.len(), 1);
    assert!(shape.outline.0[0].is_closed());
    assert_eq!(shape.pole, None);
}

#[test]
fn antimeridian_ring_is_cut_into_two_pieces_meeting_at_180() {
    let shape = ring(179.5, 10.0, 300.0).shape();
    assert_eq!(shape.area.0.len(), 2, "{:?}", shape.area);
    let boxes = shape.bounding_boxes();
    assert!(boxes.iter().any(|b| b.max().x == 180.0 && b.min().x > 170.0));
    assert!(boxes.iter().any(|b| b.min().x == -180.0 && b.max().x < -170.0));
    assert_eq!(shape.outline.0.len(), 2);
    for line in shape.outline.iter() {
        let ends = [line.0[0], line.0[line.0.len() - 1]];
        assert!(ends.iter().all(|c| c.x.abs() == 180.0), "{ends:?}");
    }
}

#[test]
fn pole_ring_reaches_the_pole_and_its_outline_goes_all_round() {
    let r = ring(10.0, 80.0, 1500.0);
    let shape = r.shape();
    assert_eq!(shape.pole, Some(Pole::North));
    assert!(shape.area.contains(&Point::new(-170.0, 89.0)));
    assert!(shape.area.contains(&Point::new(100.0, 89.0)));
    let span: f64 = shape.outline.iter().map(|l| l.0[l.0.len() - 1].x - l.0[0].x).map(f64::abs).sum();
    assert!((span - 360.0).abs() < 1e-6, "outline spans {span}°");
    // Nothing south of the ring's southern edge (80° - ~13.5° at bearing 180).
    assert!(!shape.area.contains(&Point::new(10.0, 60.0)));
}

#[test]
fn south_pole_ring_is_capped_at_minus_90() {
    let shape = ring(-120.0, -78.0, 2000.0).shape();
    assert_eq!(shape.pole, Some(Pole::South));
    assert!(shape.area.coords_iter().any(|c| c.y == -90.0));
    assert!(!shape.area.coords_iter().any(|c| c.y == 90.0));
}

#[test]
fn web_mercator_copy_stays_inside_the_map_square() {
    let shape = ring(10.0, 80.0, 1500.0).shape().for_web_mercator();
    let max = shape.area.coords_iter().map(|c| c.y).fold(f64::MIN, f64::max);
    assert_eq!(max, MAX_LAT);
    assert!(shape.outline.coords_iter().all(|c| c.y <= MAX_LAT));
}

#[test]
fn vertex_count_is_rounded_up_to_a_multiple_of_four() {
    let shape = RingShape::new(&ring(26.0, 53.0, 100.0), 17);
    // 20 ring vertices plus the closing repeat.
    assert_eq!(shape.outline.0[0].0.len(), 21);
}

#[test]
fn clipping_fallback_agrees_with_the_exact_pieces() {
    for r in awkward_rings() {
        let (boundary, winding) = unwrapped_boundary(&r, 64);
        let pole = r.enclosed_pole();
        let exact = area(&boundary, winding, pole);
        let clipped = cut_into_world(&unwrapped_area(&boundary, winding, pole));
        // Clipping may cut a pole strip where the walk started; the exact path never does.
        if pole.is_none() {
            assert_eq!(clipped.0.len(), exact.0.len(), "{r:?}");
        }
        for c in clipped.coords_iter() {
            assert!(c.x.abs() <= 180.0 && c.y.abs() <= 90.0, "{r:?}: {c:?}");
        }
        let (a, b) = (exact.unsigned_area(), clipped.unsigned_area());
        assert!((a - b).abs() < 1e-6 * a, "{r:?}: areas {a} vs {b}");
    }
}
