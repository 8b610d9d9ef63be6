//! The basemap behind the map view: offline tiles from the bundled vectors (or OpenStreetMap
//! when asked), restyled with the theme, plus what is drawn over it — place names, the scale
//! bar and the attribution of whichever basemap is on screen.
//!
//! The data, the tile renderer and the colours are core (`crate::basemap`); this module holds
//! what needs egui and walkers: the walkers [`Tiles`](walkers::Tiles) sources, their textures,
//! and the overlay painted each frame.
//!
//! Typical use in a map view (see `examples/basemap_preview.rs` for a running one):
//! ```no_run
//! # use briefmap::basemap::{BasemapData, LabelStyle};
//! # use briefmap::ui::basemap::*;
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

mod legend;
mod offline_tiles;
mod online;
mod overlay;
mod tiles;

use std::sync::Arc;

use egui::Color32;

use super::state::Theme;
use crate::basemap::{
    BasemapData, LabelSet, LabelStyle, LegendItem, Rgba, Swatch, TileStyle, VectorData, legend_items,
};

pub use legend::paint_swatch;
pub use offline_tiles::{OFFLINE_ATTRIBUTION, OfflineTiles, Resolution, TileOptions};
pub use online::{OnlineConfig, OnlineStatus, OnlineTiles, USER_AGENT, default_cache_dir, probe};
pub use overlay::BasemapOverlay;
pub use tiles::{BasemapMode, BasemapTiles};

/// A basemap colour as egui's.
fn c32(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c.0, c.1, c.2, c.3)
}

/// The basemap and its state.
pub struct Basemap {
    vectors: Option<Arc<VectorData>>,
    labels: Option<Arc<LabelSet>>,
    tiles: BasemapTiles,
    theme: Theme,
    label_style: LabelStyle,
    /// The legend entry for the hatching of occupied territory in this theme's colours, and
    /// the land colour its swatch is drawn on.
    occupied: Option<(LegendItem, Rgba)>,
}

fn styles(theme: Theme) -> (TileStyle, LabelStyle) {
    match theme {
        Theme::Light => (TileStyle::default(), LabelStyle::default()),
        Theme::Dark => (TileStyle::dark(), LabelStyle::dark()),
    }
}

fn occupied_entry(style: &TileStyle) -> Option<(LegendItem, Rgba)> {
    let item = legend_items(style).into_iter().find(|i| matches!(i.swatch, Swatch::Hatch { .. }))?;
    Some((item, style.land))
}

impl Basemap {
    /// The legend entry for occupied territory (Crimea), which only the offline basemap hatches,
    /// with the land colour its swatch is drawn on; `None` while another basemap is on screen.
    pub fn occupied_legend(&self) -> Option<&(LegendItem, Rgba)> {
        if self.vectors.is_none() || !self.tiles.shows_offline() {
            return None;
        }
        self.occupied.as_ref()
    }

    /// Reads the basemap data (from `dir`, or the bundled copy): the slow part, run off the UI
    /// thread so the first frame does not wait for it.
    pub fn load(dir: Option<&std::path::Path>) -> Result<BasemapData, crate::basemap::DataError> {
        match dir {
            Some(dir) => BasemapData::from_dir(dir),
            None => BasemapData::bundled(),
        }
    }

    /// The basemap from loaded data; if it could not be read, the map still works on a plain
    /// background and the error comes back to be shown once.
    pub fn new(
        ctx: &egui::Context,
        theme: Theme,
        online: bool,
        data: Result<BasemapData, crate::basemap::DataError>,
    ) -> (Self, Option<String>) {
        let (vectors, labels, error) = match data {
            Ok(d) => (Some(d.vectors.clone()), Some(d.labels.clone()), None),
            Err(e) => (
                None,
                None,
                Some(format!("The offline basemap could not be read ({e}); the map shows a plain background.")),
            ),
        };
        let (tile_style, label_style) = styles(theme);
        let occupied = occupied_entry(&tile_style);
        let offline = OfflineTiles::with_options(
            vectors.clone(),
            ctx.clone(),
            TileOptions { style: tile_style, ..TileOptions::default() },
        );
        let mut map = Self { vectors, labels, tiles: BasemapTiles::offline(offline), theme, label_style, occupied };
        map.set_online(ctx, online);
        (map, error)
    }

    /// Restyles the basemap for a theme (its tiles are rendered again).
    pub fn set_theme(&mut self, ctx: &egui::Context, theme: Theme) {
        if theme == self.theme {
            return;
        }
        let online = self.tiles.mode() == BasemapMode::Online;
        let (tile_style, label_style) = styles(theme);
        self.occupied = occupied_entry(&tile_style);
        let offline = OfflineTiles::with_options(
            self.vectors.clone(),
            ctx.clone(),
            TileOptions { style: tile_style, ..TileOptions::default() },
        );
        self.tiles = BasemapTiles::offline(offline);
        self.label_style = label_style;
        self.theme = theme;
        self.set_online(ctx, online);
    }

    /// Switches OpenStreetMap tiles on or off.
    pub fn set_online(&mut self, ctx: &egui::Context, online: bool) {
        let mode = if online { BasemapMode::Online } else { BasemapMode::Offline };
        if self.tiles.mode() != mode {
            self.tiles.set_mode(mode, OnlineConfig::openstreetmap(), ctx);
        }
    }

    /// The tiles, for walkers.
    pub fn tiles(&mut self) -> &mut BasemapTiles {
        &mut self.tiles
    }

    /// Offline tiles still being rendered (exports wait for none).
    pub fn pending(&self) -> usize {
        self.tiles.offline_tiles().pending()
    }

    /// A message for the user (online map unavailable), once.
    pub fn take_message(&mut self) -> Option<String> {
        self.tiles.take_message()
    }

    /// The tiles (for walkers) and, borrowed separately, what is drawn over them.
    pub fn parts(&mut self) -> (&mut BasemapTiles, BasemapOverlay<'_>) {
        let attribution = self.tiles.attribution_lines();
        let overlay = BasemapOverlay { labels: self.labels.as_deref(), style: &self.label_style, attribution };
        (&mut self.tiles, overlay)
    }
}
