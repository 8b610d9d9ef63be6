//! A geodesic range ring: every point within a radius (measured on the WGS84 ellipsoid) of a
//! centre. Membership is decided by geodesic distance, never by the drawn polygon.

use geo::{Destination, Geodesic, Point};
use serde::Serialize;

use super::SpatialError;
use super::measure::{distance_km, validate_lon_lat, wrap_lon};
use super::ring_shape::RingShape;

/// Largest supported radius, km. A ring this size encloses at most one pole (they are ~20 004 km
/// apart) and, staying well under a quarter meridian (~10 002 km), is a convex geodesic disk;
/// the drawn shape and the region-coverage method rely on both.
pub const MAX_RADIUS_KM: f64 = 9_000.0;

/// Vertices used by [`RangeRing::shape`]: chords of a 500 km ring then sag by < 40 m.
pub const DEFAULT_VERTICES: usize = 256;

/// Checks a ring radius from user input: finite, positive and at most [`MAX_RADIUS_KM`]. Briefing
/// validation calls this too, so a file that validates always yields drawable rings.
pub fn check_radius(km: f64) -> Result<f64, SpatialError> {
    if !km.is_finite() || km <= 0.0 {
        return Err(SpatialError::InvalidRadius { km });
    }
    if km > MAX_RADIUS_KM {
        return Err(SpatialError::RadiusTooLarge { km, max: MAX_RADIUS_KM });
    }
    Ok(km)
}

/// A geographic pole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Pole {
    /// The north pole (latitude +90).
    North,
    /// The south pole (latitude -90).
    South,
}

impl Pole {
    /// The pole as a lon/lat point (longitude 0 by convention).
    pub fn point(self) -> Point<f64> {
        match self {
            Pole::North => Point::new(0.0, 90.0),
            Pole::South => Point::new(0.0, -90.0),
        }
    }

    /// Latitude of the pole, degrees.
    pub fn lat(self) -> f64 {
        self.point().y()
    }
}

/// A circle of `radius_km` around `centre` on the ellipsoid (a geodesic disk).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RangeRing {
    centre: Point<f64>,
    radius_km: f64,
}

impl RangeRing {
    /// A ring around `centre` (lon, lat) with a radius in km; rejects non-finite or out-of-range
    /// coordinates and radii that are not in (0, [`MAX_RADIUS_KM`]].
    pub fn new(centre: Point<f64>, radius_km: f64) -> Result<Self, SpatialError> {
        let centre = validate_lon_lat(centre.x(), centre.y())?;
        let radius_km = check_radius(radius_km)?;
        Ok(Self { centre, radius_km })
    }

    /// The ring's centre (lon, lat), longitude wrapped into [-180, 180).
    pub fn centre(&self) -> Point<f64> {
        self.centre
    }

    /// The radius, km.
    pub fn radius_km(&self) -> f64 {
        self.radius_km
    }

    /// Geodesic distance from the centre to `p`, km.
    pub fn distance_km(&self, p: Point<f64>) -> f64 {
        distance_km(self.centre, p)
    }

    /// Whether `p` is within reach: geodesic distance from the centre at most the radius.
    pub fn contains(&self, p: Point<f64>) -> bool {
        self.distance_km(p) <= self.radius_km
    }

    /// The pole inside the ring, if any (at most one, see [`MAX_RADIUS_KM`]).
    pub fn enclosed_pole(&self) -> Option<Pole> {
        [Pole::North, Pole::South].into_iter().find(|pole| self.contains(pole.point()))
    }

    /// The point on the ring at `bearing_deg` from the centre (longitude in [-180, 180)). Bearing
    /// 180 is a good anchor for a label: it is always on the map side away from an enclosed pole.
    pub fn point_at(&self, bearing_deg: f64) -> Point<f64> {
        let p = Geodesic.destination(self.centre, bearing_deg, self.radius_km * 1000.0);
        Point::new(wrap_lon(p.x()), p.y())
    }

    /// `n` points evenly spaced by bearing around the ring, starting due north and going
    /// clockwise; every one is exactly `radius_km` from the centre.
    pub fn boundary_points(&self, n: usize) -> Vec<Point<f64>> {
        (0..n).map(|i| self.point_at(360.0 * i as f64 / n as f64)).collect()
    }

    /// The drawable shape with [`DEFAULT_VERTICES`] vertices (see [`RingShape`]).
    pub fn shape(&self) -> RingShape {
        RingShape::new(self, DEFAULT_VERTICES)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BARANOVICHI: Point<f64> = Point(geo::Coord { x: 26.0458, y: 53.0944 });

    fn ring(lon: f64, lat: f64, km: f64) -> RangeRing {
        RangeRing::new(Point::new(lon, lat), km).unwrap()
    }

    #[test]
    fn every_boundary_point_is_at_the_radius() {
        for r in [
            ring(26.0458, 53.0944, 500.0),
            ring(10.0, 80.0, 500.0),
            ring(10.0, 80.0, 1500.0),
            ring(179.5, 65.0, 300.0),
            ring(-60.0, -85.0, 900.0),
            ring(0.0, 0.0, 8_999.0),
        ] {
            for p in r.boundary_points(360) {
                let err_m = (r.distance_km(p) - r.radius_km()).abs() * 1000.0;
                assert!(err_m < 1.0, "{r:?}: vertex {p:?} is {err_m} m off the radius");
            }
        }
    }

    #[test]
    fn containment_is_decided_at_the_edge_within_100_m() {
        for r in [
            ring(26.0458, 53.0944, 500.0),
            ring(10.0, 80.0, 1500.0),
            ring(179.5, 0.0, 200.0),
            ring(27.5665, 53.9002, 15.0),
        ] {
            for bearing in (0..360).step_by(15).map(f64::from) {
                let inside = Geodesic.destination(r.centre(), bearing, r.radius_km() * 1e3 - 100.0);
                let outside = Geodesic.destination(r.centre(), bearing, r.radius_km() * 1e3 + 100.0);
                assert!(r.contains(inside), "{r:?} bearing {bearing}: r-100 m not inside");
                assert!(!r.contains(outside), "{r:?} bearing {bearing}: r+100 m inside");
            }
        }
    }

    #[test]
    fn ring_at_80_north_encloses_the_pole_only_when_large_enough() {
        // The pole is ~1 117 km from 80°N.
        assert_eq!(ring(10.0, 80.0, 1000.0).enclosed_pole(), None);
        assert_eq!(ring(10.0, 80.0, 1200.0).enclosed_pole(), Some(Pole::North));
        assert_eq!(ring(10.0, -80.0, 1200.0).enclosed_pole(), Some(Pole::South));
        // A point across the pole, on the opposite meridian, is reached through the pole
        // (10° + 3° of latitude, ~1 450 km).
        assert!(ring(10.0, 80.0, 1500.0).contains(Point::new(-170.0, 87.0)));
        assert!(!ring(10.0, 80.0, 1400.0).contains(Point::new(-170.0, 87.0)));
    }

    #[test]
    fn ring_across_the_antimeridian_reaches_both_sides() {
        let r = ring(179.5, 10.0, 200.0);
        assert!(r.contains(Point::new(-179.0, 10.0)));
        assert!(r.contains(Point::new(178.5, 10.5)));
        assert!(!r.contains(Point::new(-177.0, 10.0)));
        let lons: Vec<f64> = r.boundary_points(64).iter().map(|p| p.x()).collect();
        assert!(lons.iter().all(|x| (-180.0..180.0).contains(x)), "{lons:?}");
        assert!(lons.iter().any(|&x| x < 0.0) && lons.iter().any(|&x| x > 0.0));
    }

    #[test]
    fn bad_rings_are_rejected() {
        assert!(matches!(RangeRing::new(BARANOVICHI, 0.0), Err(SpatialError::InvalidRadius { .. })));
        assert!(RangeRing::new(BARANOVICHI, -5.0).is_err());
        assert!(RangeRing::new(BARANOVICHI, f64::NAN).is_err());
        assert!(matches!(RangeRing::new(BARANOVICHI, 9_500.0), Err(SpatialError::RadiusTooLarge { .. })));
        assert!(RangeRing::new(Point::new(0.0, 95.0), 10.0).is_err());
    }

    #[test]
    fn label_anchor_is_south_of_the_centre() {
        let r = ring(26.0458, 53.0944, 500.0);
        let p = r.point_at(180.0);
        assert!((p.x() - 26.0458).abs() < 1e-9 && p.y() < 53.0944 - 4.0, "{p:?}");
    }
}
