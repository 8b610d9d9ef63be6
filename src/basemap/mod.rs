//! The basemap: bundled Natural Earth vectors rendered into tiles offline, optional
//! OpenStreetMap tiles online, and the overlay (labels, scale bar, attribution, legend).
//!
//! Typical use in the map view (see `examples/basemap_preview.rs` for a running one):
//! ```no_run
//! # use briefmap::basemap::*;
//! # fn demo(ctx: &egui::Context, ui: &mut egui::Ui, memory: &mut walkers::MapMemory) {
//! // Once, at start-up. On Err show the message; the map still opens on plain sea.
//! let data = BasemapData::bundled();
//! let (vectors, labels) = match &data {
//!     Ok(d) => (Some(d.vectors.clone()), Some(d.labels.clone())),
//!     Err(e) => { eprintln!("{e}"); (None, None) }
//! };
//! let mut tiles = BasemapTiles::offline(OfflineTiles::new(vectors, ctx.clone()));
//! // Opt-in online tiles: tiles.set_mode(BasemapMode::Online, OnlineConfig::openstreetmap(), ctx);
//!
//! // Every frame.
//! let style = LabelStyle::default();
//! let overlay = BasemapOverlay { labels: labels.as_deref(), attribution: tiles.attribution_lines(), style: &style };
//! ui.add(walkers::Map::new(Some(&mut tiles), memory, walkers::lon_lat(27.56, 53.9)).with_plugin(overlay));
//! if let Some(message) = tiles.take_message() { /* show once, e.g. in a status bar */ }
//! # }
//! ```

mod data;
mod error;
mod format;
mod labels;
mod legend;
mod offline_tiles;
mod online;
mod overlay;
mod render;
mod scale_bar;
mod style;
mod tile_math;
mod tiles;

pub use data::{BUNDLED_LABELS, BUNDLED_VECTORS, BasemapData, COARSE_MAX_ZOOM, Feature, Layer, VectorData};
pub use error::DataError;
pub use format::{Geometry, LayerKind};
pub use labels::{Label, LabelKind, LabelSet, Placer};
pub use legend::{LegendItem, Swatch, legend_items, paint_swatch};
pub use offline_tiles::{OFFLINE_ATTRIBUTION, OfflineTiles, Resolution, TileOptions};
pub use online::{OnlineConfig, OnlineStatus, OnlineTiles, USER_AGENT, default_cache_dir, probe};
pub use overlay::{BasemapOverlay, draw_attribution, draw_labels, draw_scale_bar, draw_scale_bar_at};
pub use render::{TILE_PX, render_tile, render_tile_padded};
pub use scale_bar::nice_scale;
pub use style::{LabelStyle, Rgba, TileStyle, Width};
pub use tile_math::{TileCoord, WorldRect, lonlat_to_world, metres_per_pixel, world_to_lonlat};
pub use tiles::{BasemapMode, BasemapTiles};
