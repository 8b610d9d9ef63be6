//! Exports: GeoJSON and KML of the briefing; the PNG and GIF file writers for images of the map.
//!
//! The images themselves are the real UI run headlessly and rasterised in software
//! (`ui::render`), so what is exported is exactly what the screen shows, with no window and
//! no GPU; this module only encodes and writes them.

pub mod animation;
pub mod geojson;
pub mod kml;
pub mod png;
