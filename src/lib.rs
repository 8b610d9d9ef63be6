//! briefmap: turns a geopolitical article into a map for briefings.
//!
//! The core is plain Rust with no UI in it (no egui, no walkers), testable headless:
//! [`briefing`] (model, loading, validation, saving), [`atlas`] and [`lookup`] (the gazetteer),
//! [`timeline`], [`visibility`], [`search`], [`geometry`], [`mercator`] (the projection),
//! [`viewport`] (framing, flights), [`placement`] (label collisions), [`spatial`] (range rings,
//! distances), [`basemap`] (vector data, labels, tile rendering), [`export`] (GeoJSON, KML, the
//! PNG and GIF writers), [`handout`] (the PDF handout's pages and file), [`extract`] (places
//! and dates of any article, offline), [`session`] (editing, undo, recovery), [`authoring`]
//! (review and claims as edits), [`import`] (places from GeoJSON, KML and CSV),
//! [`flat_index`], [`atomic`] and [`synthetic`].
//!
//! The front ends read the core: [`ui`] is the app (eframe, egui, walkers) and [`cli`] the
//! command line. `ui` also holds what draws with egui outside the window: `ui::basemap`
//! (walkers tiles and the map overlay) and `ui::render` (the app run headlessly and rasterised
//! on the CPU, for image exports, which `cli`'s `render` uses).

pub mod atlas;
pub mod atomic;
pub mod authoring;
pub mod basemap;
pub mod briefing;
pub mod cli;
pub mod export;
pub mod extract;
pub mod flat_index;
pub mod geometry;
pub mod handout;
pub mod import;
pub mod lookup;
pub mod mercator;
pub mod placement;
pub mod relations;
pub mod search;
pub mod session;
pub mod spatial;
pub mod synthetic;
#[cfg(test)]
mod test_fixture;
pub mod timeline;
pub mod ui;
pub mod viewport;
pub mod visibility;
