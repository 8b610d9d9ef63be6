//! Geodesic distance and bearing on the WGS84 ellipsoid, for one leg or a path of several legs.

use geo::{Bearing, Distance, Geodesic, Point};
use serde::Serialize;

use super::SpatialError;

/// Below this separation (metres) two points count as the same place and have no bearing.
const SAME_POINT_M: f64 = 1e-3;

/// Checks a lon/lat pair from user input and returns it as a point (longitude wrapped into
/// [-180, 180)).
pub fn validate_lon_lat(lon: f64, lat: f64) -> Result<Point<f64>, SpatialError> {
    if !lon.is_finite() || !lat.is_finite() || !(-90.0..=90.0).contains(&lat) {
        return Err(SpatialError::InvalidCoordinate { lon, lat });
    }
    Ok(Point::new(wrap_lon(lon), lat))
}

/// Wraps a longitude into [-180, 180); values already inside are returned untouched, because the
/// arithmetic would perturb their last bits.
pub(crate) fn wrap_lon(lon: f64) -> f64 {
    if (-180.0..180.0).contains(&lon) { lon } else { (lon + 180.0).rem_euclid(360.0) - 180.0 }
}

/// Geodesic distance in kilometres between two lon/lat points on WGS84.
pub fn distance_km(a: Point<f64>, b: Point<f64>) -> f64 {
    Geodesic.distance(a, b) / 1000.0
}

/// Initial bearing from `a` towards `b` in degrees clockwise from north, in [0, 360); `None` when
/// the points coincide, because then there is no direction to report.
pub fn bearing_deg(a: Point<f64>, b: Point<f64>) -> Option<f64> {
    if Geodesic.distance(a, b) < SAME_POINT_M {
        return None;
    }
    // geo returns (azi + 360) % 360, which is 360.0 for an azimuth of -0.0; fold it back.
    Some(Geodesic.bearing(a, b).rem_euclid(360.0))
}

/// The 16-wind compass name of a bearing in degrees ("N", "NNE", "NE", ... "NNW").
pub fn compass_point(bearing_deg: f64) -> &'static str {
    const WINDS: [&str; 16] =
        ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"];
    // Each wind owns 22.5°, centred on its direction; bearings near 360 belong to N.
    let sector = (bearing_deg.rem_euclid(360.0) / 22.5).round() as usize % 16;
    WINDS[sector]
}

/// One measured leg: where from, where to, how far and in which initial direction.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Leg {
    /// Start of the leg (lon, lat).
    pub from: Point<f64>,
    /// End of the leg (lon, lat).
    pub to: Point<f64>,
    /// Geodesic length, km.
    pub distance_km: f64,
    /// Initial bearing at `from`, degrees from north; `None` if the ends coincide.
    pub bearing_deg: Option<f64>,
}

/// Measures the geodesic leg from `a` to `b`.
pub fn measure(a: Point<f64>, b: Point<f64>) -> Leg {
    Leg { from: a, to: b, distance_km: distance_km(a, b), bearing_deg: bearing_deg(a, b) }
}

/// A path of consecutive legs and its total length.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PathMeasure {
    /// The legs in order; empty for fewer than two points.
    pub legs: Vec<Leg>,
    /// Sum of the legs' lengths, km.
    pub total_km: f64,
}

/// The geodesic through `points`, densified so no two consecutive points are more than
/// `max_km` apart (for drawing: on a Mercator map a long geodesic is a curve).
pub fn geodesic_path(points: &[Point<f64>], max_km: f64) -> Vec<Point<f64>> {
    use geo::InterpolatePoint;
    let mut out: Vec<Point<f64>> = Vec::new();
    for w in points.windows(2) {
        let leg = geo::Geodesic.points_along_line(w[0], w[1], max_km.max(1.0) * 1000.0, true);
        // Each leg starts where the previous one ended.
        out.extend(leg.skip(usize::from(!out.is_empty())));
    }
    if points.len() == 1 {
        out.push(points[0]);
    }
    out
}

/// Measures a path through `points` in order (n points give n-1 legs).
pub fn measure_path(points: &[Point<f64>]) -> PathMeasure {
    let legs: Vec<Leg> = points.windows(2).map(|w| measure(w[0], w[1])).collect();
    let total_km = legs.iter().map(|l| l.distance_km).sum();
    PathMeasure { legs, total_km }
}

#[cfg(test)]
mod path_tests {
    use super::*;

    #[test]
    fn geodesic_paths_are_dense_and_keep_their_ends() {
        let minsk = Point::new(27.5665, 53.9002);
        let moscow = Point::new(37.6178, 55.7520);
        let rota = Point::new(-6.3316, 36.6208);
        let path = geodesic_path(&[minsk, moscow, rota], 50.0);
        assert_eq!(path.first(), Some(&minsk));
        assert_eq!(path.last(), Some(&rota));
        assert!(path.contains(&moscow));
        assert!(path.windows(2).all(|w| distance_km(w[0], w[1]) <= 50.0 + 1e-6));
        assert_eq!(geodesic_path(&[minsk], 50.0), vec![minsk]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Reference values: Python `geographiclib` 2.1 (Karney's reference implementation, installed
    // from PyPI), `Geodesic.WGS84.Inverse(lat1, lon1, lat2, lon2)`; s12 in metres, azi1 in degrees.
    // Coordinates as in /work/shared/reference/sites.tsv (GeoNames city centres).
    const MINSK: (f64, f64) = (27.5665, 53.9002);
    const MOSCOW: (f64, f64) = (37.6178, 55.7520);
    const WARSAW: (f64, f64) = (21.0122, 52.2297);
    const WASHINGTON: (f64, f64) = (-77.0364, 38.8951);

    fn p((lon, lat): (f64, f64)) -> Point<f64> {
        Point::new(lon, lat)
    }

    fn assert_within_permille(got_km: f64, want_m: f64) {
        let want_km = want_m / 1000.0;
        let rel = (got_km - want_km).abs() / want_km;
        assert!(rel < 1e-3, "got {got_km} km, want {want_km} km (rel err {rel})");
    }

    #[test]
    fn minsk_moscow_matches_geographiclib() {
        assert_within_permille(distance_km(p(MINSK), p(MOSCOW)), 677_380.026);
        let b = bearing_deg(p(MINSK), p(MOSCOW)).unwrap();
        assert!((b - 68.233117).abs() < 1e-3, "bearing {b}");
    }

    #[test]
    fn minsk_warsaw_matches_geographiclib() {
        assert_within_permille(distance_km(p(MINSK), p(WARSAW)), 476_856.450);
        let b = bearing_deg(p(MINSK), p(WARSAW)).unwrap();
        assert!((b - 249.710129).abs() < 1e-3, "bearing {b}");
    }

    #[test]
    fn transatlantic_leg_matches_geographiclib() {
        assert_within_permille(distance_km(p(MINSK), p(WASHINGTON)), 7_463_036.385);
        let b = bearing_deg(p(MINSK), p(WASHINGTON)).unwrap();
        assert!((b - 305.098460).abs() < 1e-3, "bearing {b}");
    }

    #[test]
    fn nearly_antipodal_leg_matches_published_example() {
        // Wellington (41.32S 174.81E) to Salamanca (40.96N 5.50W): the worked example in the
        // GeographicLib documentation, s12 = 19959679.267 m (reproduced with Python geographiclib).
        let d = distance_km(Point::new(174.81, -41.32), Point::new(-5.50, 40.96));
        assert_within_permille(d, 19_959_679.267);
        assert!((d - 19_959.679_267).abs() < 1e-3, "{d}");
    }

    #[test]
    fn coincident_points_have_no_bearing() {
        assert_eq!(bearing_deg(p(MINSK), p(MINSK)), None);
        assert_eq!(distance_km(p(MINSK), p(MINSK)), 0.0);
    }

    #[test]
    fn compass_points_cover_the_circle() {
        assert_eq!(compass_point(0.0), "N");
        assert_eq!(compass_point(359.0), "N");
        assert_eq!(compass_point(11.0), "N");
        assert_eq!(compass_point(12.0), "NNE");
        assert_eq!(compass_point(90.0), "E");
        assert_eq!(compass_point(256.2), "WSW");
        assert_eq!(compass_point(-90.0), "W");
    }

    #[test]
    fn path_sums_its_legs() {
        let path = measure_path(&[p(WARSAW), p(MINSK), p(MOSCOW)]);
        assert_eq!(path.legs.len(), 2);
        assert_within_permille(path.total_km, 476_856.450 + 677_380.026);
        assert_eq!(path.legs[1].from, p(MINSK));
        assert!(measure_path(&[p(MINSK)]).legs.is_empty());
        assert_eq!(measure_path(&[]).total_km, 0.0);
    }

    #[test]
    fn bad_coordinates_are_rejected_with_their_values() {
        assert!(validate_lon_lat(27.5, 91.0).is_err());
        assert!(validate_lon_lat(f64::NAN, 10.0).is_err());
        let err = validate_lon_lat(f64::INFINITY, 10.0).unwrap_err();
        assert!(err.to_string().contains("lon inf"), "{err}");
        assert_eq!(validate_lon_lat(190.0, 10.0).unwrap(), Point::new(-170.0, 10.0));
        assert_eq!(validate_lon_lat(180.0, 0.0).unwrap(), Point::new(-180.0, 0.0));
        assert_eq!(validate_lon_lat(20.511, 0.0).unwrap(), Point::new(20.511, 0.0));
    }
}
