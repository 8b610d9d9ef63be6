//! Web Mercator (EPSG:3857), the projection of slippy maps, walkers and the basemap: its
//! latitude limit, tile size and zoom limits, and lon/lat ↔ world coordinates.
//!
//! "World" coordinates are Web Mercator normalised to 0..1 on both axes (x east from 180°W,
//! y south from the northern edge). At zoom `z` the world is [`world_size`]`(z)` points wide:
//! 2^z tiles of [`TILE_PX`] points each. Plain math, no UI.

use std::f64::consts::PI;

/// Latitude limit of Web Mercator in degrees, north and south: the world is square there
/// (`atan(sinh(π))`), and the poles lie at infinity.
pub const MAX_LAT: f64 = 85.051_128_779_806_59;

/// Edge of a slippy-map tile, in pixels at 1x (the standard) and in points on screen: walkers
/// lays the world out in tiles of this many points.
pub const TILE_PX: u32 = 256;

/// [`TILE_PX`] as a float, for projection arithmetic.
pub const TILE_SIZE: f64 = TILE_PX as f64;

/// Farthest-out zoom the app puts a camera at by itself (repaired settings, flights): the
/// world is 512 points wide. A person may zoom out further, until the world fills the view.
pub const MIN_VIEW_ZOOM: f64 = 1.0;

/// Deepest zoom the map view goes to.
pub const MAX_VIEW_ZOOM: f64 = 18.0;

/// Deepest zoom a briefing may ask for (a story step's view); OpenStreetMap's deepest tiles.
/// The map view stops at [`MAX_VIEW_ZOOM`].
pub const MAX_ZOOM: f64 = 19.0;

/// Closest zoom the app frames places at automatically (a city, not a street).
pub const MAX_FRAME_ZOOM: f64 = 10.0;

// The app frames inside what the view allows, and the view inside what a briefing may ask for.
const _: () = assert!(MIN_VIEW_ZOOM < MAX_FRAME_ZOOM && MAX_FRAME_ZOOM < MAX_VIEW_ZOOM && MAX_VIEW_ZOOM <= MAX_ZOOM);

/// Mean Earth circumference at the equator in metres, as used by Web Mercator tile scales.
pub const EARTH_CIRCUMFERENCE_M: f64 = 40_075_016.686;

/// Longitude/latitude in degrees → world coordinates in 0..1 (y down). Latitudes beyond
/// [`MAX_LAT`] are clamped to it instead of running off to infinity.
///
/// ```
/// use briefmap::mercator::{MAX_LAT, to_world};
/// assert_eq!(to_world(0.0, 0.0), (0.5, 0.5));
/// // Minsk, 27.56°E 53.90°N: a little east of the middle, well north of it.
/// let (x, y) = to_world(27.56, 53.9);
/// assert!((x - 0.5766).abs() < 1e-4 && (y - 0.3216).abs() < 1e-4);
/// assert_eq!(to_world(10.0, 90.0), to_world(10.0, MAX_LAT));
/// ```
pub fn to_world(lon: f64, lat: f64) -> (f64, f64) {
    let lat = lat.clamp(-MAX_LAT, MAX_LAT).to_radians();
    let x = (lon + 180.0) / 360.0;
    let y = 0.5 - lat.tan().asinh() / (2.0 * PI);
    (x, y)
}

/// World coordinates (0..1) → longitude/latitude in degrees; the inverse of [`to_world`].
///
/// ```
/// use briefmap::mercator::{MAX_LAT, from_world};
/// assert_eq!(from_world(0.5, 0.5), (0.0, 0.0));
/// // The world's top-left corner is 180°W on the latitude limit.
/// let (lon, lat) = from_world(0.0, 0.0);
/// assert!(lon == -180.0 && (lat - MAX_LAT).abs() < 1e-9);
/// ```
pub fn from_world(x: f64, y: f64) -> (f64, f64) {
    let lon = x * 360.0 - 180.0;
    let lat = (PI * (1.0 - 2.0 * y)).sinh().atan().to_degrees();
    (lon, lat)
}

/// The world's width (and height) at `zoom`, in points: `TILE_SIZE · 2^zoom`.
///
/// ```
/// use briefmap::mercator::world_size;
/// assert_eq!(world_size(0.0), 256.0);
/// assert_eq!(world_size(3.0), 2048.0);
/// ```
pub fn world_size(zoom: f64) -> f64 {
    TILE_SIZE * zoom.exp2()
}

/// Metres on the ground per point of the map at `zoom` and latitude `lat` (degrees).
///
/// ```
/// use briefmap::mercator::metres_per_pixel;
/// // About 156.5 km per point for the whole world in one tile, at the equator.
/// assert!((metres_per_pixel(0.0, 0.0) - 156_543.03).abs() < 0.01);
/// ```
pub fn metres_per_pixel(lat: f64, zoom: f64) -> f64 {
    EARTH_CIRCUMFERENCE_M * lat.to_radians().cos() / world_size(zoom)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINSK: (f64, f64) = (27.5667, 53.9);

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn origin_and_corners_project_to_world_edges() {
        assert_eq!(to_world(0.0, 0.0), (0.5, 0.5));
        let (x, y) = to_world(-180.0, MAX_LAT);
        assert!(x.abs() < 1e-12 && y.abs() < 1e-9, "({x}, {y})");
        let (x, y) = to_world(180.0, -MAX_LAT);
        assert!((x - 1.0).abs() < 1e-12 && (y - 1.0).abs() < 1e-9, "({x}, {y})");
        // Beyond the Mercator limit latitudes clamp instead of running off to infinity.
        assert_eq!(to_world(10.0, 89.9).1, to_world(10.0, 90.0).1);
    }

    #[test]
    fn lonlat_round_trips_through_world() {
        for (lon, lat) in
            [(0.0, 0.0), MINSK, (27.5665, 53.9002), (-6.33, 36.62), (-6.35, 36.62), (33.5, 44.6), (179.9, -60.0)]
        {
            let (x, y) = to_world(lon, lat);
            let (lon2, lat2) = from_world(x, y);
            assert!(close(lon, lon2, 1e-9) && close(lat, lat2, 1e-9), "{lon},{lat}");
        }
    }

    #[test]
    fn ground_resolution_halves_per_zoom_and_shrinks_with_latitude() {
        let z0 = metres_per_pixel(0.0, 0.0);
        assert!((z0 - 156_543.03).abs() < 0.1, "{z0}");
        assert!((metres_per_pixel(0.0, 1.0) * 2.0 - z0).abs() < 1e-6);
        assert!((metres_per_pixel(60.0, 0.0) - z0 / 2.0).abs() < 1e-6);
    }
}
