//! `BasemapTiles`: the one walkers `Tiles` the map view holds. Offline always works; online is
//! opt-in and falls back to offline tile by tile (pending downloads) and entirely (server down).

use egui::Context;
use walkers::sources::Attribution;
use walkers::{TileId, TilePiece, Tiles};

use super::offline_tiles::{OFFLINE_ATTRIBUTION, OFFLINE_ATTRIBUTION_URL, OfflineTiles};
use super::online::{OnlineConfig, OnlineStatus, OnlineTiles};
use crate::mercator::TILE_PX;

/// Which basemap is on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BasemapMode {
    /// Rendered from bundled Natural Earth data; needs no network.
    Offline,
    /// OpenStreetMap tiles (falls back to offline while loading or when unreachable).
    Online,
}

/// The basemap tiles for `walkers::Map`: offline, or online with offline fallback.
pub struct BasemapTiles {
    offline: OfflineTiles,
    online: Option<OnlineTiles>,
}

impl BasemapTiles {
    /// An offline basemap.
    pub fn offline(offline: OfflineTiles) -> BasemapTiles {
        BasemapTiles { offline, online: None }
    }

    /// Switch to online tiles from `config` (starts a reachability check) or back to offline.
    pub fn set_mode(&mut self, mode: BasemapMode, config: OnlineConfig, ctx: &Context) {
        match mode {
            BasemapMode::Offline => self.online = None,
            BasemapMode::Online if self.online.is_none() => {
                self.online = Some(OnlineTiles::new(config, ctx.clone()));
            }
            BasemapMode::Online => {}
        }
    }

    /// The mode the user chose (online stays chosen even while it falls back).
    pub fn mode(&self) -> BasemapMode {
        if self.online.is_some() { BasemapMode::Online } else { BasemapMode::Offline }
    }

    /// Whether the offline tiles are what the map shows: offline was chosen, or the online
    /// source proved unreachable.
    pub fn shows_offline(&self) -> bool {
        !matches!(&self.online, Some(online) if online.usable())
    }

    /// Reachability of the online source, if online was chosen.
    pub fn online_status(&self) -> Option<OnlineStatus> {
        self.online.as_ref().map(OnlineTiles::status)
    }

    /// A message for the user when the online map is unavailable; `Some` only once.
    pub fn take_message(&mut self) -> Option<String> {
        self.online.as_mut().and_then(OnlineTiles::take_message)
    }

    /// Attribution lines for what is on screen. Online tiles cover offline ones as they
    /// arrive, so online mode credits both.
    pub fn attribution_lines(&self) -> Vec<&'static str> {
        match &self.online {
            Some(online) if online.usable() => vec![online.attribution(), OFFLINE_ATTRIBUTION],
            _ => vec![OFFLINE_ATTRIBUTION],
        }
    }

    /// The offline tiles (cache statistics, density).
    pub fn offline_tiles(&self) -> &OfflineTiles {
        &self.offline
    }
}

impl Tiles for BasemapTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        match &mut self.online {
            Some(online) if online.usable() => online.http.at(tile_id).or_else(|| self.offline.at(tile_id)),
            _ => self.offline.at(tile_id),
        }
    }

    fn attribution(&self) -> Attribution {
        match &self.online {
            Some(online) if online.usable() => online.http.attribution(),
            _ => Attribution {
                text: OFFLINE_ATTRIBUTION,
                url: OFFLINE_ATTRIBUTION_URL,
                logo_light: None,
                logo_dark: None,
            },
        }
    }

    fn tile_size(&self) -> u32 {
        TILE_PX
    }

    fn stats(&self) -> walkers::Stats {
        match &self.online {
            Some(online) if online.usable() => online.http.stats(),
            _ => self.offline.stats(),
        }
    }
}
