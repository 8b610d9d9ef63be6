//! Exports: GeoJSON and KML of the briefing.

pub mod geojson;
pub mod kml;
