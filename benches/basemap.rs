//! Basemap benchmarks: one offline tile at zoom 3, 5, 6 and 9 over Belarus; a headless egui frame
//! of the map alone with tiles cached (1600×900); and the basemap's memory, measured with a
//! counting allocator and printed before the timings.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use briefmap::basemap::{BasemapData, LabelStyle, TileCoord, TileStyle, render_tile};
use briefmap::mercator::TILE_PX;
use briefmap::ui::basemap::{BasemapOverlay, BasemapTiles, OfflineTiles, Resolution, TileOptions};
use criterion::Criterion;
use walkers::{Map, MapMemory, lon_lat};

/// Counts live heap bytes so memory can be reported honestly, not estimated.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards to the system allocator unchanged; only adds counting.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

const MINSK: (f64, f64) = (27.56, 53.9);
const SCREEN: (f32, f32) = (1600.0, 900.0);

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

fn bench_tiles(c: &mut Criterion, data: &BasemapData) {
    let style = TileStyle::default();
    let mut group = c.benchmark_group("offline tile over Belarus");
    for (zoom, scale) in [(3, 1), (5, 1), (6, 1), (9, 1), (6, 2), (9, 2)] {
        let tile = TileCoord::containing(MINSK.0, MINSK.1, zoom);
        let px = TILE_PX * scale;
        group.bench_function(format!("zoom {zoom}, {px} px"), |b| {
            b.iter(|| render_tile(Some(black_box(&data.vectors)), black_box(tile), scale, &style))
        });
    }
    group.finish();
}

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(SCREEN.0, SCREEN.1))),
        ..Default::default()
    }
}

struct MapFrame {
    ctx: egui::Context,
    tiles: BasemapTiles,
    memory: MapMemory,
    data: BasemapData,
    label_style: LabelStyle,
}

impl MapFrame {
    fn new(data: BasemapData, zoom: f64) -> MapFrame {
        let ctx = egui::Context::default();
        let options = TileOptions { resolution: Resolution::Fixed(1), ..TileOptions::default() };
        let tiles = BasemapTiles::offline(OfflineTiles::with_options(Some(data.vectors.clone()), ctx.clone(), options));
        let mut memory = MapMemory::default();
        let _ = memory.set_zoom(zoom);
        MapFrame { ctx, tiles, memory, data, label_style: LabelStyle::default() }
    }

    /// One full frame: layout, map, overlay, tessellation. Returns the primitive count.
    fn frame(&mut self) -> usize {
        let (tiles, memory, labels, style) = (&mut self.tiles, &mut self.memory, &self.data.labels, &self.label_style);
        let output = self.ctx.run_ui(raw_input(), |ui| {
            let overlay = BasemapOverlay { labels: Some(labels), attribution: tiles.attribution_lines(), style };
            ui.add(Map::new(Some(&mut *tiles), &mut *memory, lon_lat(MINSK.0, MINSK.1)).with_plugin(overlay));
        });
        let ppp = output.pixels_per_point;
        self.ctx.tessellate(output.shapes, ppp).len()
    }

    /// Run frames until every visible tile is cached.
    fn settle(&mut self) {
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            self.frame();
            if self.tiles.offline_tiles().pending() == 0 && self.tiles.offline_tiles().cached() > 0 {
                // One more frame picks up the last delivered tiles.
                self.frame();
                if self.tiles.offline_tiles().pending() == 0 {
                    return;
                }
            }
            if Instant::now() > deadline {
                eprintln!("warning: tiles did not settle within 60 s");
                return;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

fn bench_frame(c: &mut Criterion, data: &BasemapData) {
    let mut group = c.benchmark_group("map frame 1600x900, tiles cached");
    for zoom in [4.0, 8.0] {
        let mut frame = MapFrame::new(data.clone(), zoom);
        frame.settle();
        group.bench_function(format!("zoom {zoom}"), |b| b.iter(|| black_box(frame.frame())));
    }
    group.finish();
}

/// Heap bytes: loading the data, then filling the tile cache to its bound by panning a
/// 1600×900 view over Europe at several zooms.
fn report_memory() {
    let before = LIVE.load(Ordering::Relaxed);
    let data = BasemapData::bundled().unwrap_or_else(|e| panic!("{e}"));
    let after_load = LIVE.load(Ordering::Relaxed);
    let started = Instant::now();
    let _ = BasemapData::bundled();
    let load_time = started.elapsed();

    let mut frame = MapFrame::new(data.clone(), 4.0);
    for (zoom, lon, lat) in [
        (4.0, 25.0, 52.0),
        (5.0, 30.0, 50.0),
        (6.0, 27.5, 53.9),
        (7.0, 27.5, 53.9),
        (8.0, 27.5, 53.9),
        (9.0, 27.5, 53.9),
        (6.0, 20.0, 55.0),
        (6.0, 35.0, 46.0),
    ] {
        let _ = frame.memory.set_zoom(zoom);
        frame.memory.center_at(lon_lat(lon, lat));
        frame.settle();
    }
    let tiles = frame.tiles.offline_tiles();
    let texture_bytes = tiles.texture_bytes();
    let with_cache = LIVE.load(Ordering::Relaxed);
    println!("basemap memory (counting allocator, heap):");
    println!(
        "  data loaded (vectors + labels + index):  {:6.1} MiB  (own estimate {:.1} MiB), load {:?}",
        mib(after_load - before),
        mib(data.heap_bytes()),
        load_time
    );
    println!(
        "  + map frame state and full tile cache:   {:6.1} MiB  ({} of {} tiles cached)",
        mib(with_cache.saturating_sub(before)),
        tiles.cached(),
        tiles.cache_capacity()
    );
    println!(
        "  texture pixels of the full cache:         {:6.1} MiB  (held by the GPU once uploaded; headless egui keeps none)",
        mib(texture_bytes)
    );
    println!("  peak heap during the run:                 {:6.1} MiB", mib(PEAK.load(Ordering::Relaxed)));
}

fn main() {
    report_memory();
    let data = BasemapData::bundled().unwrap_or_else(|e| panic!("{e}"));
    let mut c = Criterion::default().configure_from_args();
    bench_tiles(&mut c, &data);
    bench_frame(&mut c, &data);
    c.final_summary();
}
