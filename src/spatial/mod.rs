//! Spatial analysis on the WGS84 ellipsoid: distances and bearings, geodesic range rings, a
//! catalogue of weapon systems with nominal ranges, "within reach" tables and their text/GeoJSON
//! forms.
//!
//! Plain Rust on `geo` (geodesic maths by Karney's algorithms via `geographiclib-rs`); nothing here
//! knows about the briefing model or egui. Callers adapt their places and regions to [`Target`].
//! All points are `geo::Point<f64>` with x = longitude, y = latitude, in degrees.

pub mod format;
pub mod index;
pub mod measure;
pub mod reach;
pub mod ring;
pub mod ring_geojson;
pub mod ring_shape;
pub mod systems;

pub use index::{IndexHit, PointIndex};
pub use measure::{Leg, PathMeasure, bearing_deg, compass_point, distance_km, measure, measure_path, validate_lon_lat};
pub use reach::{Coverage, ReachRow, RegionReach, Target, TargetGeometry, region_reach, within_reach};
pub use ring::{MAX_RADIUS_KM, Pole, RangeRing, check_radius};
pub use ring_shape::RingShape;
pub use systems::{SystemKind, WeaponSystem, catalogue, find_system, resolve_ring};

/// What can go wrong when spatial input (a coordinate, a radius, a system id) is not usable.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum SpatialError {
    /// A coordinate is not finite or its latitude is outside [-90, 90].
    #[error("invalid coordinate lon {lon}, lat {lat}: need finite numbers, latitude within -90..=90")]
    InvalidCoordinate {
        /// The longitude given, degrees.
        lon: f64,
        /// The latitude given, degrees.
        lat: f64,
    },
    /// A ring radius that is zero, negative or not a number.
    #[error("invalid ring radius {km} km: need a positive number of kilometres")]
    InvalidRadius {
        /// The radius given, km.
        km: f64,
    },
    /// A ring radius too large to draw as one cap (it could enclose both poles).
    #[error("ring radius {km} km is too large: at most {max} km is supported")]
    RadiusTooLarge {
        /// The radius given, km.
        km: f64,
        /// The largest supported radius, km.
        max: f64,
    },
    /// A ring asked for with neither a weapon system nor a radius.
    #[error("a ring needs a weapon system or a radius in km")]
    NoRadius,
    /// A weapon-system id not in the catalogue.
    #[error("unknown weapon system `{id}`; known systems: {known}")]
    UnknownSystem {
        /// The id asked for.
        id: String,
        /// The catalogue's ids, comma separated.
        known: String,
    },
}
