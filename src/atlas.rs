//! Bundled boundaries (countries and provinces) keyed by ISO 3166 code; regions draw from it.

use std::collections::HashMap;

use geo::{BoundingRect, MultiPolygon, Polygon, Rect};

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
#[derive(Debug, thiserror::Error)]
#[error("{file}: {message}")]
pub struct AtlasError {
    /// The file.
    pub file: String,
    /// What is wrong, with the record when it is one feature.
    pub message: String,
}

impl Atlas {
    /// The boundaries built into the binary.
    pub fn bundled() -> Result<Self, AtlasError> {
        Self::from_geojson(BUNDLED_NAME, BUNDLED)
    }

    /// Reads a GeoJSON FeatureCollection whose features carry `code` and `name` properties.
    pub fn from_geojson(file: &str, text: &str) -> Result<Self, AtlasError> {
        let err = |message: String| AtlasError { file: file.to_owned(), message };
        let collection: geojson::FeatureCollection = text
            .parse::<geojson::GeoJson>()
            .map_err(|e| err(e.to_string()))?
            .try_into()
            .map_err(|e: geojson::Error| err(e.to_string()))?;
        let mut areas = HashMap::new();
        for (i, feature) in collection.features.into_iter().enumerate() {
            let prop = |key: &str| feature.property(key).and_then(|v| v.as_str()).map(str::to_owned);
            let code = prop("code").ok_or_else(|| err(format!("feature {i}: no \"code\" property")))?;
            let name = prop("name").unwrap_or_else(|| code.clone());
            let geometry = feature.geometry.ok_or_else(|| err(format!("feature {i} ({code}): no geometry")))?;
            let shape = match geo::Geometry::<f64>::try_from(geometry) {
                Ok(geo::Geometry::Polygon(p)) => MultiPolygon(vec![p]),
                Ok(geo::Geometry::MultiPolygon(m)) => m,
                Ok(_) => return Err(err(format!("feature {i} ({code}): geometry is not a polygon"))),
                Err(e) => return Err(err(format!("feature {i} ({code}): {e}"))),
            };
            if areas.insert(code.clone(), Area { code: code.clone(), name, shape }).is_some() {
                return Err(err(format!("feature {i}: code {code} appears twice")));
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
        assert_eq!(e.to_string(), "t.geojson: feature 0: no \"code\" property");
    }

    #[test]
    fn bundled_has_the_briefing_regions() {
        let atlas = Atlas::bundled().unwrap();
        for code in ["BY", "UA", "RU-SMO", "RU-VOR", "RU-ROS", "UA-43", "UA-40", "EE", "LV", "LT"] {
            assert!(atlas.get(code).is_some(), "{code} missing");
        }
    }
}
