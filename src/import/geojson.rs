//! GeoJSON (RFC 7946): a FeatureCollection, one Feature, or a bare geometry.
//!
//! The collection is split into its features without building them (each stays a slice of
//! the text, so its line is known and a broken one is skipped alone), then each feature is
//! read by the `geojson` crate and every position checked here: the crate accepts a position
//! of one number, which `geo` conversions would panic on, so positions never reach them.

use ::geojson::{Feature, Geometry, GeometryValue, Position};
use serde::Deserialize;
use serde_json::value::RawValue;

use super::attributes::{Attributes, Field};
use super::record::{Builder, Polygon, Record, Shapes, lon_lat, ring_problem};
use super::{ImportError, Imported, Lines};

/// The top level of a GeoJSON text: its type, and its features left unparsed.
#[derive(Deserialize)]
struct Top<'a> {
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(borrow)]
    features: Option<Vec<&'a RawValue>>,
    /// Only to tell a briefing file from GeoJSON.
    #[serde(borrow)]
    format: Option<&'a RawValue>,
}

/// The geometry types of RFC 7946 §1.4.
const GEOMETRY_TYPES: [&str; 7] =
    ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"];

/// Reads GeoJSON text; `file` names it in errors and provenance.
pub fn read(file: &str, text: &str) -> Result<Imported, ImportError> {
    let mut lines = Lines::new(text);
    let start = text.len() - text.trim_start().len();
    if let Some(first) = text[start..].chars().next()
        && first != '{'
    {
        let message = format!("GeoJSON is a JSON object that starts with '{{', not {first:?}");
        return Err(ImportError::at(file, lines.at(start), message));
    }
    let top: Top = serde_json::from_str(text).map_err(|e| json_error(file, &e))?;
    let mut builder = Builder::new(file);
    match top.kind.as_deref() {
        Some("FeatureCollection") => {
            let Some(features) = top.features else {
                return Err(ImportError::at(file, lines.at(start), "a FeatureCollection needs \"features\" (a list)"));
            };
            for (i, raw) in features.iter().enumerate() {
                // `raw` is a slice of `text`: where it starts is its offset in the file.
                let offset = (raw.get().as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
                let at = lines.at(offset);
                let record = Record {
                    at: format!("feature {i} (line {})", at.0),
                    source: format!("feature {i}"),
                    unnamed: format!("Unnamed feature {i}"),
                };
                match serde_json::from_str::<Feature>(raw.get()) {
                    Ok(f) => feature(&mut builder, &record, f)?,
                    Err(e) => builder.skip(&record.at, relocated(&e, at)),
                }
            }
        }
        Some("Feature") => {
            let record =
                Record { at: "feature 0".into(), source: "feature 0".into(), unnamed: "Unnamed feature 0".into() };
            let f = serde_json::from_str::<Feature>(text).map_err(|e| json_error(file, &e))?;
            feature(&mut builder, &record, f)?;
        }
        Some(kind) if GEOMETRY_TYPES.contains(&kind) => {
            let g = serde_json::from_str::<Geometry>(text).map_err(|e| json_error(file, &e))?;
            // A bare geometry has no name but the file's.
            let stem = std::path::Path::new(file).file_stem().map(|s| s.to_string_lossy().into_owned());
            let mut attrs = Attributes::default();
            attrs.set(Field::Name, 0, stem.as_deref().unwrap_or("Imported"));
            let record =
                Record { at: "the geometry".into(), source: "geometry".into(), unnamed: "Unnamed geometry".into() };
            geometry(&mut builder, &record, &attrs, &g)?;
        }
        Some(kind) => {
            let message = format!(
                "\"type\": {kind:?} is not a GeoJSON object (FeatureCollection, Feature or a geometry such as Point)"
            );
            return Err(ImportError::at(file, lines.at(start), message));
        }
        None if top.format.is_some() => {
            let message = "this is a briefmap briefing, not GeoJSON: open it (File → Open) instead of importing it";
            return Err(ImportError::whole(file, message));
        }
        None => {
            let message = "not GeoJSON: the object has no \"type\" (FeatureCollection, Feature or a geometry)";
            return Err(ImportError::at(file, lines.at(start), message));
        }
    }
    builder.finish()
}

/// A feature's attributes from its properties (strings, numbers and booleans), then its
/// geometry.
fn feature(builder: &mut Builder, record: &Record, f: Feature) -> Result<(), ImportError> {
    let mut attrs = Attributes::default();
    for (key, value) in f.properties.iter().flatten() {
        match value {
            serde_json::Value::String(s) => attrs.offer(key, s),
            serde_json::Value::Number(n) => attrs.offer(key, &n.to_string()),
            serde_json::Value::Bool(b) => attrs.offer(key, &b.to_string()),
            _ => {}
        }
    }
    match &f.geometry {
        Some(g) => geometry(builder, record, &attrs, g),
        None => {
            builder.skip(&record.at, "no geometry (null): nothing to put on the map");
            Ok(())
        }
    }
}

/// Adds what a geometry holds: its points and polygons, checked; lines are skipped.
fn geometry(builder: &mut Builder, record: &Record, attrs: &Attributes, g: &Geometry) -> Result<(), ImportError> {
    let mut shapes = Shapes::default();
    let mut lines = Vec::new();
    if let Err(reason) = collect(&g.value, &mut shapes, &mut lines) {
        builder.skip(&record.at, reason);
        return Ok(());
    }
    let found = !shapes.points.is_empty() || !shapes.polygons.is_empty();
    if let Some(line) = lines.first() {
        let reason = if found {
            format!("its {line} is not imported (briefmap imports points and polygons); the rest is")
        } else {
            format!("a {line}: briefmap imports points and polygons")
        };
        builder.skip(&record.at, reason);
    } else if !found {
        builder.skip(&record.at, format!("an empty {}", g.value.type_name()));
    }
    if found { builder.add(record, attrs, shapes) } else { Ok(()) }
}

/// Gathers `value`'s points and polygons into `shapes` and the names of its line types into
/// `lines`; the first bad position or ring is the error.
fn collect(value: &GeometryValue, shapes: &mut Shapes, lines: &mut Vec<&'static str>) -> Result<(), String> {
    match value {
        GeometryValue::Point { coordinates } => shapes.points.push(position(coordinates)?),
        GeometryValue::MultiPoint { coordinates } => {
            for p in coordinates {
                shapes.points.push(position(p)?);
            }
        }
        GeometryValue::Polygon { coordinates } => shapes.polygons.push(polygon(coordinates, None)?),
        GeometryValue::MultiPolygon { coordinates } => {
            for (i, p) in coordinates.iter().enumerate() {
                shapes.polygons.push(polygon(p, Some(i))?);
            }
        }
        GeometryValue::LineString { .. } | GeometryValue::MultiLineString { .. } => lines.push(value.type_name()),
        GeometryValue::GeometryCollection { geometries } => {
            for g in geometries {
                collect(&g.value, shapes, lines)?;
            }
        }
    }
    Ok(())
}

/// A position's longitude and latitude (an altitude is dropped), checked.
fn position(p: &Position) -> Result<[f64; 2], String> {
    match p.as_slice() {
        &[lon, lat, ..] => lon_lat(lon, lat),
        short => Err(format!("position {short:?} needs a longitude and a latitude")),
    }
}

/// A polygon's rings, each checked; `index` is its place in a MultiPolygon.
fn polygon(rings: &[Vec<Position>], index: Option<usize>) -> Result<Polygon, String> {
    let of = index.map(|i| format!(" of polygon {i}")).unwrap_or_default();
    if rings.is_empty() {
        return Err(format!("a polygon{of} has no rings"));
    }
    rings
        .iter()
        .enumerate()
        .map(|(r, ring)| {
            let ring = ring.iter().map(position).collect::<Result<Vec<_>, _>>()?;
            match ring_problem(&ring) {
                Some(problem) => Err(format!("ring {r}{of}: {problem}")),
                None => Ok(ring),
            }
        })
        .collect()
}

/// A JSON error in the whole text, at its line:col (serde_json's own "at line" suffix cut).
fn json_error(file: &str, e: &serde_json::Error) -> ImportError {
    let message = without_position(e);
    if e.line() > 0 {
        ImportError::at(file, (e.line(), e.column().max(1)), message)
    } else {
        ImportError::whole(file, message)
    }
}

/// A JSON error in a feature that starts at `start` (line, col), placed in the whole file.
fn relocated(e: &serde_json::Error, start: (usize, usize)) -> String {
    let (line, col) = match e.line() {
        0 => return without_position(e),
        1 => (start.0, start.1 + e.column().max(1) - 1),
        n => (start.0 + n - 1, e.column().max(1)),
    };
    format!("{line}:{col}: {}", without_position(e))
}

fn without_position(e: &serde_json::Error) -> String {
    let message = e.to_string();
    message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{PlaceKind, RegionKind};

    fn read_ok(text: &str) -> Imported {
        read("t.geojson", text).unwrap()
    }

    fn skips(text: &str) -> Vec<String> {
        read_ok(text).skipped.iter().map(|s| s.to_string()).collect()
    }

    const GOOD: &str =
        r#"{"type":"Feature","properties":{"name":"Good"},"geometry":{"type":"Point","coordinates":[1,2]}}"#;

    fn collection(features: &[&str]) -> String {
        format!("{{\"type\": \"FeatureCollection\", \"features\": [\n{}\n]}}", features.join(",\n"))
    }

    #[test]
    fn features_points_and_polygons() {
        let text = collection(&[
            r#"{"type":"Feature","properties":{"title":"Vilnius","kind":"Capital"},"geometry":{"type":"Point","coordinates":[25.28,54.69,112]}}"#,
            r#"{"type":"Feature","properties":{"name":"Exercise area","kind":"zone","uncertainty_km":2},
                "geometry":{"type":"MultiPolygon","coordinates":[[[[23,54],[24,54],[24,55],[23,54]],[[23.2,54.1],[23.5,54.1],[23.5,54.4],[23.2,54.1]]],[[[25,55],[26,55],[26,56],[25,55]]]]}}"#,
            r#"{"type":"Feature","properties":null,"geometry":{"type":"MultiPoint","coordinates":[[21,55],[22,56]]}}"#,
        ]);
        let out = read_ok(&text);
        assert!(out.skipped.is_empty(), "{:?}", out.skipped);
        let p = &out.places[0];
        assert_eq!((p.name.as_str(), p.lon, p.lat, p.kind), ("Vilnius", 25.28, 54.69, PlaceKind::Capital));
        assert_eq!(p.provenance.source, "t.geojson feature 0");
        let r = &out.regions[0];
        assert_eq!(
            (r.name.as_str(), r.kind, r.area.len(), r.area[0].len()),
            ("Exercise area", RegionKind::Territory, 2, 2)
        );
        assert_eq!(r.provenance.uncertainty_km, Some(2.0));
        let names: Vec<&str> = out.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Vilnius", "Unnamed feature 2 (1)", "Unnamed feature 2 (2)"]);
    }

    #[test]
    fn a_bad_feature_is_skipped_with_its_line_and_the_rest_imported() {
        let text = collection(&[
            GOOD,
            r#"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[23]}}"#,
            r#"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[27, 95]}}"#,
            r#"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}}"#,
            r#"{"type":"Feature","properties":{},"geometry":null}"#,
            r#"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":["23", "54"]}}"#,
            r#"{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1]]}}"#,
            r#"{"type":"Feature","properties":{"date":"2016-02-30"},"geometry":{"type":"Point","coordinates":[0,0]}}"#,
            r#"{"type":"Feature","properties":{},"geometry":{"type":"GeometryCollection","geometries":[
                {"type":"Point","coordinates":[5,5]},{"type":"LineString","coordinates":[[0,0],[1,1]]}]}}"#,
        ]);
        assert_eq!(
            skips(&text),
            [
                "feature 1 (line 3): 3:81: A position must contain two or more elements, but got `1`",
                "feature 2 (line 4): latitude 95 is outside -90..90",
                "feature 3 (line 5): ring 0: a ring does not end where it starts (repeat its first position at the end)",
                "feature 4 (line 6): no geometry (null): nothing to put on the map",
                "feature 5 (line 7): 7:80: invalid type: string \"23\", expected a coordinate element (number or array)",
                "feature 6 (line 8): a LineString: briefmap imports points and polygons",
                "feature 7 (line 9): date '2016-02-30' is not a date: 2016-02-30 is not a real date: parameter 'day' \
                 for `2016-02` is invalid, must be in range `1..=29`",
                "feature 8 (line 10): its LineString is not imported (briefmap imports points and polygons); the rest is",
            ]
        );
        assert_eq!(read_ok(&text).places.len(), 2, "the good feature and the collection's point");
    }

    #[test]
    fn whole_file_errors_are_located() {
        let e = |text: &str| read("t.geojson", text).unwrap_err().to_string();
        assert_eq!(e("[1, 2]"), "t.geojson:1:1: GeoJSON is a JSON object that starts with '{', not '['");
        assert_eq!(
            e("{\"type\": \"FeatureCollection\",\n \"features\": ["),
            "t.geojson:2:14: EOF while parsing a list"
        );
        assert_eq!(
            e("{\"type\": \"Topology\"}"),
            "t.geojson:1:1: \"type\": \"Topology\" is not a GeoJSON object (FeatureCollection, Feature or a geometry such as Point)"
        );
        assert!(e(r#"{"format": 2, "sources": []}"#).contains("this is a briefmap briefing"));
        assert!(e(r#"{"features": []}"#).contains("has no \"type\""));
        assert!(e(r#"{"type": "FeatureCollection"}"#).contains("needs \"features\""));
        assert_eq!(e(r#"{"type": "FeatureCollection", "features": []}"#), "t.geojson: no places or areas in the file");
        assert!(
            e(r#"{"type": "FeatureCollection", "features": [{"type":"Feature","geometry":null}]}"#)
                .contains("nothing to import: feature 0 (line 1): no geometry")
        );
    }

    #[test]
    fn a_feature_or_a_bare_geometry_alone() {
        let out = read_ok(GOOD);
        assert_eq!(
            (out.places[0].name.as_str(), out.places[0].provenance.source.as_str()),
            ("Good", "t.geojson feature 0")
        );
        let out =
            read("zones/exercise-area.geojson", r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#)
                .unwrap();
        assert_eq!(out.regions[0].name, "exercise-area");
        assert_eq!(out.regions[0].provenance.source, "exercise-area.geojson geometry");
    }

    #[test]
    fn deep_nesting_is_a_skip_not_a_stack_overflow() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        let text = collection(&[GOOD, &format!(r#"{{"type":"Feature","properties":{{"x":{deep}}},"geometry":null}}"#)]);
        let s = skips(&text);
        assert!(s[0].starts_with("feature 1 (line 3): 3:") && s[0].ends_with("recursion limit exceeded"), "{s:?}");
    }
}
