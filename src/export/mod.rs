//! Exports: GeoJSON and KML of the briefing; PNG and GIF of the map, rendered on the CPU.
//!
//! The images run the real egui UI headlessly and rasterise its output in software, so what is
//! exported is exactly what the screen shows, with no window and no GPU.

pub mod animation;
pub mod geojson;
pub mod headless;
pub mod kml;
pub mod png;
pub mod raster;
pub mod texture;
