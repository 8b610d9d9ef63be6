//! Bundled boundaries (countries and provinces) keyed by ISO 3166 code; regions draw from it.

use std::collections::HashMap;

use geo::{BoundingRect, MultiPolygon, Polygon, Rect};

use crate::briefing::article::line_col;
use crate::briefing::problem::locate;

/// The boundaries file built into the binary (see `tools/` for how it is made).
pub const BUNDLED_NAME: &str = "geodata/regions.geojson";
const BUNDLED: &str = include_str!("../geodata/regions.geojson");

/// One boundary: a country or province as a multipolygon in lon/lat degrees.
#[derive(Clone, Debug, PartialEq)]
pub struct Area {
    /// ISO 3166-1 alpha-2 or 3166-2 code, e.g. `BY`, `RU-SMO`, `UA-43`.
    pub code: String,
    /// English name.
    pub name: String,
    /// The boundary.
    pub shape: MultiPolygon<f64>,
}

/// A set of boundaries looked up by code.
#[derive(Clone, Debug, Default)]
pub struct Atlas {
    areas: HashMap<String, Area>,
}

/// Why a boundaries file could not be read.
#[derive(Debug)]
pub struct AtlasError {
    /// The file.
    pub file: String,
    /// 1-based line and column of the JSON value at fault, when known.
    pub at: Option<(usize, usize)>,
    /// What is wrong, with the record when it is one feature.
    pub message: String,
}

impl std::fmt::Display for AtlasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for AtlasError {}

impl Atlas {
    /// The boundaries built into the binary.
    pub fn bundled() -> Result<Self, AtlasError> {
        Self::from_geojson(BUNDLED_NAME, BUNDLED)
    }

    /// Reads a GeoJSON FeatureCollection whose features carry `code` and `name` properties.
    ///
    /// Every position is checked before conversion (the `geojson` crate panics on a position
    /// with fewer than two numbers), and must be a finite longitude/latitude.
    pub fn from_geojson(file: &str, text: &str) -> Result<Self, AtlasError> {
        let err = |at: Option<usize>, message: String| AtlasError {
            file: file.to_owned(),
            at: at.map(|offset| line_col(text, offset)),
            message,
        };
        let geojson: geojson::GeoJson = serde_json::from_str(text).map_err(|e| {
            let message = e.to_string();
            let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m).to_owned();
            AtlasError { file: file.to_owned(), at: (e.line() > 0).then(|| (e.line(), e.column())), message }
        })?;
        let start = text.len() - text.trim_start().len();
        let collection = match geojson {
            geojson::GeoJson::FeatureCollection(c) => c,
            geojson::GeoJson::Feature(_) => {
                return Err(err(Some(start), "expected a FeatureCollection, found a Feature".into()));
            }
            geojson::GeoJson::Geometry(g) => {
                let found = g.value.type_name();
                return Err(err(Some(start), format!("expected a FeatureCollection, found a {found}")));
            }
        };
        let mut areas = HashMap::new();
        for (i, feature) in collection.features.into_iter().enumerate() {
            // Only looked for when there is an error to report.
            let at = || locate(text, &format!("features[{i}]"));
            let prop = |key: &str| feature.property(key).and_then(|v| v.as_str()).map(str::to_owned);
            let code =
                prop("code").ok_or_else(|| err(at(), format!("feature {i}: no \"code\" property (a string)")))?;
            let record = format!("feature {i} ({code})");
            let name = prop("name").unwrap_or_else(|| code.clone());
            let geometry = feature.geometry.ok_or_else(|| err(at(), format!("{record}: no geometry")))?;
            let polygons: Vec<&geojson::PolygonType> = match &geometry.value {
                geojson::GeometryValue::Polygon { coordinates } => vec![coordinates],
                geojson::GeometryValue::MultiPolygon { coordinates } => coordinates.iter().collect(),
                other => {
                    let found = other.type_name();
                    return Err(err(at(), format!("{record}: geometry is a {found}, not a Polygon or MultiPolygon")));
                }
            };
            for ring in polygons.iter().flat_map(|p| p.iter()) {
                check_ring(ring).map_err(|m| err(at(), format!("{record}: {m}")))?;
            }
            let shape = match geo::Geometry::<f64>::try_from(geometry) {
                Ok(geo::Geometry::Polygon(p)) => MultiPolygon(vec![p]),
                Ok(geo::Geometry::MultiPolygon(m)) => m,
                Ok(_) => return Err(err(at(), format!("{record}: geometry is not a polygon"))),
                Err(e) => return Err(err(at(), format!("{record}: {e}"))),
            };
            if areas.insert(code.clone(), Area { code: code.clone(), name, shape }).is_some() {
                return Err(err(at(), format!("feature {i}: code {code} appears twice")));
            }
        }
        Ok(Self { areas })
    }

    /// The boundary with this code.
    pub fn get(&self, code: &str) -> Option<&Area> {
        self.areas.get(code)
    }

    /// The union of the boundaries with these codes, as one multipolygon (polygons side by side).
    pub fn union_of<'a>(&self, codes: impl IntoIterator<Item = &'a String>) -> MultiPolygon<f64> {
        let polygons: Vec<Polygon<f64>> =
            codes.into_iter().filter_map(|c| self.get(c)).flat_map(|a| a.shape.0.iter().cloned()).collect();
        MultiPolygon(polygons)
    }

    /// Number of boundaries.
    pub fn len(&self) -> usize {
        self.areas.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.areas.is_empty()
    }
}

/// Why a linear ring is not one (RFC 7946 §3.1.6): too short, open, or off the globe.
fn check_ring(ring: &[geojson::Position]) -> Result<(), String> {
    if ring.len() < 4 {
        return Err(format!("a ring has {} positions; a closed ring needs at least 4", ring.len()));
    }
    for p in ring {
        let &[lon, lat, ..] = p.as_slice() else {
            return Err(format!("position {:?} needs a longitude and a latitude", p.as_slice()));
        };
        if !((-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat)) {
            return Err(format!("position ({lon:?}, {lat:?}) is outside longitude -180..180, latitude -90..90"));
        }
    }
    if ring.first().map(|p| &p.as_slice()[..2]) != ring.last().map(|p| &p.as_slice()[..2]) {
        return Err("a ring does not end where it starts".into());
    }
    Ok(())
}

/// The bounding box of a multipolygon, if it has any points.
pub fn bounds(shape: &MultiPolygon<f64>) -> Option<Rect<f64>> {
    shape.bounding_rect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_codes_and_shapes() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"code":"XX-A","name":"A"},
             "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#;
        let atlas = Atlas::from_geojson("t.geojson", text).unwrap();
        assert_eq!(atlas.len(), 1);
        assert_eq!(atlas.get("XX-A").unwrap().name, "A");
        assert_eq!(atlas.union_of(&["XX-A".to_string(), "nope".to_string()]).0.len(), 1);
    }

    #[test]
    fn missing_code_names_the_feature() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[0,0]}}]}"#;
        let e = Atlas::from_geojson("t.geojson", text).unwrap_err();
        assert_eq!(e.to_string(), "t.geojson:2:13: feature 0: no \"code\" property (a string)");
    }

    #[test]
    fn bundled_has_the_briefing_regions() {
        let atlas = Atlas::bundled().unwrap();
        for code in ["BY", "UA", "RU-SMO", "RU-VOR", "RU-ROS", "UA-43", "UA-40", "EE", "LV", "LT"] {
            assert!(atlas.get(code).is_some(), "{code} missing");
        }
    }
}
