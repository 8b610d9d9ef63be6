//! `OfflineTiles`: walkers tiles rendered from the bundled vectors on background threads.
//!
//! `Tiles::at` runs on the UI thread every frame and never renders: it looks the tile up in a
//! bounded LRU cache of textures; on a miss it records the request (de-duplicated) for the
//! workers and returns the nearest cached ancestor's matching quarter, so the map is never blank
//! while zooming. Workers take the most recently requested tile first and drop requests nobody
//! has asked for lately (the view moved on), then wake the UI with `request_repaint`.

use std::collections::{HashMap, HashSet};
use std::num::NonZeroUsize;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use egui::{ColorImage, Context, TextureHandle, TextureOptions, pos2};
use lru::LruCache;
use walkers::sources::Attribution;
use walkers::{Tile, TileId, TilePiece, Tiles};

use crate::basemap::{TileCoord, TileStyle, VectorData, render_tile_padded};
use crate::mercator::TILE_PX;

/// Attribution text for the offline basemap.
pub const OFFLINE_ATTRIBUTION: &str = "Natural Earth (public domain) · GeoNames (CC BY 4.0)";
/// Where the offline data comes from (shown as the attribution link).
pub const OFFLINE_ATTRIBUTION_URL: &str = "https://www.naturalearthdata.com/";

// A request not repeated for this long belongs to a view the user has left.
const STALE_AFTER: Duration = Duration::from_millis(500);

/// Pixel density of rendered tiles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    /// 2x (512 px) tiles when the screen's pixels_per_point is above 1, else 1x.
    Auto,
    /// Always this many pixels per point (1 or 2).
    Fixed(u32),
}

/// How `OfflineTiles` renders and caches.
#[derive(Debug, Clone)]
pub struct TileOptions {
    /// Pixel density of tiles.
    pub resolution: Resolution,
    /// Upper bound of the texture cache in bytes (RGBA tiles). Default 48 MiB: 189 tiles at 1x,
    /// 47 at 2x; a 1600×900 view needs about 40.
    pub cache_bytes: usize,
    /// Number of render threads.
    pub workers: usize,
    /// Colours and widths.
    pub style: TileStyle,
}

impl Default for TileOptions {
    fn default() -> Self {
        TileOptions {
            resolution: Resolution::Auto,
            cache_bytes: 48 << 20,
            workers: std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 3)),
            style: TileStyle::default(),
        }
    }
}

struct Rendered {
    coord: TileCoord,
    scale: u32,
    texture: TextureHandle,
}

#[derive(Default)]
struct Queue {
    /// Tile -> (when last asked for, pixel scale wanted).
    wanted: HashMap<TileCoord, (Instant, u32)>,
    in_flight: HashSet<TileCoord>,
    shutdown: bool,
}

impl Queue {
    /// Drop requests older than `STALE_AFTER`, then move the most recent one (deepest zoom
    /// first among equals) to in-flight. Returns it and whether anything was dropped.
    fn take_newest(&mut self, now: Instant) -> (Option<(TileCoord, u32)>, bool) {
        let before = self.wanted.len();
        self.wanted.retain(|_, (at, _)| now.saturating_duration_since(*at) < STALE_AFTER);
        let dropped = self.wanted.len() < before;
        let newest = self.wanted.iter().max_by_key(|(c, (at, _))| (*at, c.zoom)).map(|(c, &(_, s))| (*c, s));
        if let Some((coord, _)) = newest {
            self.wanted.remove(&coord);
            self.in_flight.insert(coord);
        }
        (newest, dropped)
    }
}

struct Shared {
    queue: Mutex<Queue>,
    wake: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        // A worker that panicked mid-render leaves a consistent queue; keep using it.
        self.queue.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// Offline basemap tiles for walkers, rendered in the background from [`VectorData`].
pub struct OfflineTiles {
    shared: Arc<Shared>,
    results: Receiver<Rendered>,
    cache: LruCache<TileCoord, TextureHandle>,
    workers: Vec<JoinHandle<()>>,
    resolution: Resolution,
    scale: u32,
    cache_bytes: usize,
    ctx: Context,
}

impl OfflineTiles {
    /// Tiles from `data` with default options. With `None` every tile is plain sea, so the app
    /// still opens (show the load error next to it).
    pub fn new(data: Option<Arc<VectorData>>, ctx: Context) -> OfflineTiles {
        Self::with_options(data, ctx, TileOptions::default())
    }

    /// Tiles from `data` with explicit options.
    pub fn with_options(data: Option<Arc<VectorData>>, ctx: Context, options: TileOptions) -> OfflineTiles {
        let shared = Arc::new(Shared { queue: Mutex::new(Queue::default()), wake: Condvar::new() });
        let (tx, rx) = channel();
        let style = Arc::new(options.style);
        let workers = (0..options.workers.max(1))
            .map(|i| {
                let worker = Worker {
                    shared: shared.clone(),
                    data: data.clone(),
                    style: style.clone(),
                    tx: tx.clone(),
                    ctx: ctx.clone(),
                };
                std::thread::Builder::new().name(format!("basemap-render-{i}")).spawn(move || worker.run())
            })
            .filter_map(Result::ok)
            .collect();
        let scale = scale_for(options.resolution, &ctx);
        OfflineTiles {
            shared,
            results: rx,
            cache: LruCache::new(capacity(options.cache_bytes, scale)),
            workers,
            resolution: options.resolution,
            scale,
            cache_bytes: options.cache_bytes,
            ctx,
        }
    }

    /// Most tiles the cache holds at the current pixel density.
    pub fn cache_capacity(&self) -> usize {
        self.cache.cap().get()
    }

    /// Tiles currently cached.
    pub fn cached(&self) -> usize {
        self.cache.len()
    }

    /// Bytes of texture pixels the cached tiles hold (on the GPU once uploaded).
    pub fn texture_bytes(&self) -> usize {
        let side = (TILE_PX * self.scale + 2 * pad(self.scale)) as usize;
        self.cache.len() * side * side * 4
    }

    /// Tiles asked for and not yet delivered.
    pub fn pending(&self) -> usize {
        let q = self.shared.lock();
        q.wanted.len() + q.in_flight.len()
    }

    /// Pixel density tiles are rendered at now (1 or 2).
    pub fn scale(&self) -> u32 {
        self.scale
    }

    /// The cached tile, or a request for it: never blocks. Plain-Rust twin of `Tiles::at`.
    pub fn texture(&mut self, coord: TileCoord) -> Option<TextureHandle> {
        self.receive();
        if let Some(t) = self.cache.get(&coord) {
            return Some(t.clone());
        }
        self.request(coord);
        None
    }

    fn receive(&mut self) {
        let wanted_scale = scale_for(self.resolution, &self.ctx);
        if wanted_scale != self.scale {
            // The window moved to a screen of another density: start over at the new one.
            self.scale = wanted_scale;
            self.cache = LruCache::new(capacity(self.cache_bytes, wanted_scale));
        }
        while let Ok(r) = self.results.try_recv() {
            if r.scale == self.scale {
                self.cache.put(r.coord, r.texture);
            }
        }
    }

    fn request(&self, coord: TileCoord) {
        let mut q = self.shared.lock();
        if q.in_flight.contains(&coord) {
            return;
        }
        let fresh = q.wanted.insert(coord, (Instant::now(), self.scale)).is_none();
        drop(q);
        if fresh {
            self.shared.wake.notify_one();
        }
    }

    /// The nearest cached ancestor of `coord` and the part of it that covers `coord`.
    fn ancestor_piece(&mut self, coord: TileCoord) -> Option<TilePiece> {
        for levels in 1..=coord.zoom {
            let (parent, (u, v, size)) = coord.ancestor(levels);
            if let Some(t) = self.cache.get(&parent) {
                let uv = inner_uv(self.scale, (u, v, size));
                return Some(TilePiece::new(Tile::Raster(t.clone()), uv));
            }
        }
        None
    }
}

impl Tiles for OfflineTiles {
    fn at(&mut self, tile_id: TileId) -> Option<TilePiece> {
        let coord = TileCoord { zoom: tile_id.zoom, x: tile_id.x, y: tile_id.y };
        if !coord.is_valid() {
            return None;
        }
        match self.texture(coord) {
            Some(t) => Some(TilePiece::new(Tile::Raster(t), inner_uv(self.scale, (0.0, 0.0, 1.0)))),
            None => self.ancestor_piece(coord),
        }
    }

    fn attribution(&self) -> Attribution {
        Attribution { text: OFFLINE_ATTRIBUTION, url: OFFLINE_ATTRIBUTION_URL, logo_light: None, logo_dark: None }
    }

    fn tile_size(&self) -> u32 {
        TILE_PX
    }

    fn stats(&self) -> walkers::Stats {
        walkers::Stats { in_progress: self.pending() }
    }
}

impl Drop for OfflineTiles {
    fn drop(&mut self) {
        self.shared.lock().shutdown = true;
        self.shared.wake.notify_all();
        for w in self.workers.drain(..) {
            // A worker finishes its current tile (milliseconds) and exits.
            let _ = w.join();
        }
    }
}

/// Padding rendered around each tile, in pixels (see `render_tile_padded`).
fn pad(scale: u32) -> u32 {
    scale
}

/// The part of a padded texture that shows (u, v, size) of the tile proper, in 0..1 units.
fn inner_uv(scale: u32, (u, v, size): (f32, f32, f32)) -> egui::Rect {
    let inner = (TILE_PX * scale) as f32;
    let side = inner + 2.0 * pad(scale) as f32;
    let to = |t: f32| (pad(scale) as f32 + t * inner) / side;
    egui::Rect::from_min_max(pos2(to(u), to(v)), pos2(to(u + size), to(v + size)))
}

fn scale_for(resolution: Resolution, ctx: &Context) -> u32 {
    match resolution {
        Resolution::Fixed(s) => s.clamp(1, 2),
        Resolution::Auto => {
            if ctx.pixels_per_point() > 1.0 {
                2
            } else {
                1
            }
        }
    }
}

fn capacity(cache_bytes: usize, scale: u32) -> NonZeroUsize {
    let side = (TILE_PX * scale + 2 * pad(scale)) as usize;
    NonZeroUsize::new((cache_bytes / (side * side * 4)).max(16)).unwrap_or(NonZeroUsize::MIN)
}

struct Worker {
    shared: Arc<Shared>,
    data: Option<Arc<VectorData>>,
    style: Arc<TileStyle>,
    tx: Sender<Rendered>,
    ctx: Context,
}

impl Worker {
    fn run(self) {
        while let Some((coord, scale)) = self.next_job() {
            let pixmap = render_tile_padded(self.data.as_deref(), coord, scale, &self.style, pad(scale));
            let side = pixmap.width() as usize;
            let image = ColorImage::from_rgba_premultiplied([side, side], pixmap.data());
            let options = if scale > 1 {
                // Mipmaps keep 2x tiles smooth when a fractional zoom shrinks them.
                TextureOptions::LINEAR.with_mipmap_mode(Some(egui::TextureFilter::Linear))
            } else {
                TextureOptions::LINEAR
            };
            let name = format!("basemap {}/{}/{}@{scale}x", coord.zoom, coord.x, coord.y);
            let texture = self.ctx.load_texture(name, image, options);
            // Deliver before clearing in_flight, so the UI never sees the tile as neither
            // cached nor in flight and asks for it twice.
            let delivered = self.tx.send(Rendered { coord, scale, texture }).is_ok();
            self.shared.lock().in_flight.remove(&coord);
            if !delivered {
                return;
            }
            self.ctx.request_repaint();
        }
    }

    /// Block until there is a fresh request; take the most recent one.
    fn next_job(&self) -> Option<(TileCoord, u32)> {
        let mut q = self.shared.lock();
        loop {
            if q.shutdown {
                return None;
            }
            let (job, dropped) = q.take_newest(Instant::now());
            if dropped {
                // Let the UI re-ask for whatever is still on screen.
                self.ctx.request_repaint();
            }
            if job.is_some() {
                return job;
            }
            q = self.shared.wake.wait(q).unwrap_or_else(|p| p.into_inner());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tile(zoom: u8, x: u32) -> TileCoord {
        TileCoord { zoom, x, y: 0 }
    }

    #[test]
    fn the_newest_request_goes_first_and_stale_ones_are_dropped() {
        let start = Instant::now();
        let mut q = Queue::default();
        q.wanted.insert(tile(5, 1), (start, 1));
        q.wanted.insert(tile(6, 2), (start + Duration::from_millis(300), 1));
        q.wanted.insert(tile(6, 3), (start + Duration::from_millis(100), 2));

        // At 400 ms nothing is stale yet: the one asked for last goes first.
        let (job, dropped) = q.take_newest(start + Duration::from_millis(400));
        assert_eq!((job, dropped), (Some((tile(6, 2), 1)), false));
        assert!(q.in_flight.contains(&tile(6, 2)));

        // At 550 ms the request from 0 ms is stale (the view moved on) and is dropped.
        let (job, dropped) = q.take_newest(start + Duration::from_millis(550));
        assert_eq!((job, dropped), (Some((tile(6, 3), 2)), true));
        assert!(!q.wanted.contains_key(&tile(5, 1)));
        assert_eq!(q.take_newest(start + Duration::from_millis(560)), (None, false));
    }

    #[test]
    fn the_deeper_zoom_wins_a_tie() {
        let now = Instant::now();
        let mut q = Queue::default();
        q.wanted.insert(tile(4, 1), (now, 1));
        q.wanted.insert(tile(7, 1), (now, 1));
        assert_eq!(q.take_newest(now).0, Some((tile(7, 1), 1)));
    }

    #[test]
    fn cache_capacity_follows_the_byte_budget() {
        // Padded tiles: 258² px at 1x, 514² at 2x, 4 bytes each.
        assert_eq!(capacity(48 << 20, 1).get(), 189);
        assert_eq!(capacity(48 << 20, 2).get(), 47);
        // Never below 16 tiles, however small the budget.
        assert_eq!(capacity(0, 2).get(), 16);
    }
}
