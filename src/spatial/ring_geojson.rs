//! A range ring as a GeoJSON Feature (RFC 7946): exteriors counter-clockwise, cut at the
//! antimeridian, coordinates rounded to 6 decimals (~0.1 m, as RFC 7946 §11.2 suggests).

use geo::{Coord, LineString, MapCoords, MultiPolygon, Polygon};
use geojson::{Feature, Geometry, GeometryValue, JsonObject, JsonValue, feature::Id};

use super::ring::{Pole, RangeRing};

/// What to say about a ring besides its geometry.
#[derive(Debug, Clone, Copy)]
pub struct RingFeatureInfo<'a> {
    /// Feature id (e.g. the briefing's ring id).
    pub id: &'a str,
    /// Human label ("Iskander-M from Baranovichi").
    pub label: &'a str,
    /// Catalogue id of the preset system, if any.
    pub system: Option<&'a str>,
}

/// The ring as a Feature: a Polygon, or a MultiPolygon when cut at the antimeridian. Properties:
/// `kind` = "range_ring", `label`, `radius_km`, `centre` ([lon, lat]), `system` (if a preset) and
/// `encloses_pole` ("north"/"south", if any).
pub fn ring_feature(ring: &RangeRing, info: &RingFeatureInfo) -> Feature {
    let shape = ring.shape();
    let area = rounded(&shape.area);
    let value = match area.0.as_slice() {
        [single] => GeometryValue::from(single),
        _ => GeometryValue::from(&area),
    };
    let mut props = JsonObject::new();
    props.insert("kind".into(), JsonValue::from("range_ring"));
    props.insert("label".into(), JsonValue::from(info.label));
    props.insert("radius_km".into(), JsonValue::from(ring.radius_km()));
    props.insert("centre".into(), JsonValue::from(vec![ring.centre().x(), ring.centre().y()]));
    if let Some(system) = info.system {
        props.insert("system".into(), JsonValue::from(system));
    }
    if let Some(pole) = shape.pole {
        let name = match pole {
            Pole::North => "north",
            Pole::South => "south",
        };
        props.insert("encloses_pole".into(), JsonValue::from(name));
    }
    Feature {
        bbox: None,
        geometry: Some(Geometry::new(value)),
        id: Some(Id::String(info.id.to_string())),
        properties: Some(props),
        foreign_members: None,
    }
}

/// Rounds to 1e-6° and drops vertices that rounding made repeat.
fn rounded(area: &MultiPolygon<f64>) -> MultiPolygon<f64> {
    let round = |c: Coord<f64>| Coord { x: (c.x * 1e6).round() / 1e6, y: (c.y * 1e6).round() / 1e6 };
    let ring = |l: &LineString<f64>| {
        let mut coords: Vec<Coord<f64>> = l.map_coords(round).0;
        coords.dedup();
        LineString::new(coords)
    };
    area.iter().map(|p| Polygon::new(ring(p.exterior()), p.interiors().iter().map(ring).collect())).collect()
}

#[cfg(test)]
mod tests {
    use geo::Point;
    use serde_json::Value;

    use super::*;

    fn feature_json(lon: f64, lat: f64, km: f64) -> Value {
        let ring = RangeRing::new(Point::new(lon, lat), km).unwrap();
        let info = RingFeatureInfo { id: "ring-1", label: "test ring", system: Some("iskander-m") };
        serde_json::to_value(ring_feature(&ring, &info)).unwrap()
    }

    /// Shoelace signed area of a GeoJSON linear ring; positive = counter-clockwise.
    fn signed_area(ring: &Value) -> f64 {
        let pts: Vec<(f64, f64)> =
            ring.as_array().unwrap().iter().map(|p| (p[0].as_f64().unwrap(), p[1].as_f64().unwrap())).collect();
        pts.windows(2).map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1).sum::<f64>() / 2.0
    }

    fn polygons(geometry: &Value) -> Vec<Value> {
        match geometry["type"].as_str().unwrap() {
            "Polygon" => vec![geometry["coordinates"].clone()],
            "MultiPolygon" => geometry["coordinates"].as_array().unwrap().clone(),
            other => panic!("unexpected geometry {other}"),
        }
    }

    #[test]
    fn ordinary_ring_is_a_closed_ccw_polygon_with_properties() {
        let f = feature_json(26.0458, 53.0944, 500.0);
        assert_eq!(f["type"], "Feature");
        assert_eq!(f["id"], "ring-1");
        assert_eq!(f["geometry"]["type"], "Polygon");
        assert_eq!(f["properties"]["radius_km"], 500.0);
        assert_eq!(f["properties"]["system"], "iskander-m");
        assert_eq!(f["properties"]["centre"][1], 53.0944);
        assert!(f["properties"].get("encloses_pole").is_none());
        let exterior = &f["geometry"]["coordinates"][0];
        let pts = exterior.as_array().unwrap();
        assert_eq!(pts.first(), pts.last(), "linear ring not closed");
        assert!(signed_area(exterior) > 0.0, "exterior not counter-clockwise");
    }

    #[test]
    fn antimeridian_ring_is_a_multipolygon_within_the_world() {
        let f = feature_json(179.5, 10.0, 300.0);
        assert_eq!(f["geometry"]["type"], "MultiPolygon");
        let polys = polygons(&f["geometry"]);
        assert_eq!(polys.len(), 2);
        for poly in &polys {
            assert!(signed_area(&poly[0]) > 0.0);
            for p in poly[0].as_array().unwrap() {
                assert!(p[0].as_f64().unwrap().abs() <= 180.0, "{p}");
            }
        }
    }

    #[test]
    fn pole_ring_says_so_and_reaches_lat_90() {
        let f = feature_json(10.0, 80.0, 1500.0);
        assert_eq!(f["properties"]["encloses_pole"], "north");
        let reaches_pole = polygons(&f["geometry"])
            .iter()
            .any(|poly| poly[0].as_array().unwrap().iter().any(|p| p[1].as_f64() == Some(90.0)));
        assert!(reaches_pole);
    }

    #[test]
    fn feature_reads_back_as_geojson() {
        let text = feature_json(179.5, 10.0, 300.0).to_string();
        let parsed: geojson::GeoJson = text.parse().unwrap();
        assert!(matches!(parsed, geojson::GeoJson::Feature(_)));
    }
}
