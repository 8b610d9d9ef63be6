//! Basemap behaviour end to end: rendered tiles show land, sea and the occupied-territory hatch
//! where they should; the walkers tile source never blocks and falls back sensibly.

use std::net::TcpListener;
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use briefmap::basemap::{BasemapData, Rgba, TileCoord, TileStyle, render_tile};
use briefmap::mercator::TILE_PX;
use briefmap::ui::basemap::{
    BasemapMode, BasemapTiles, OfflineTiles, OnlineConfig, OnlineStatus, Resolution, TileOptions,
};
use tiny_skia::Pixmap;
use walkers::{TileId, Tiles};

fn data() -> &'static BasemapData {
    static DATA: OnceLock<BasemapData> = OnceLock::new();
    DATA.get_or_init(|| BasemapData::bundled().unwrap())
}

/// The colour at lon/lat inside a rendered tile, as opaque RGB.
fn pixel_at(pixmap: &Pixmap, tile: TileCoord, lon: f64, lat: f64) -> (u8, u8, u8) {
    let (x, y) = briefmap::mercator::to_world(lon, lat);
    let r = tile.world_rect();
    let side = f64::from(pixmap.width());
    let px = ((x - r.min_x) / (r.max_x - r.min_x) * side) as u32;
    let py = ((y - r.min_y) / (r.max_y - r.min_y) * side) as u32;
    let c = pixmap.pixel(px, py).unwrap().demultiply();
    (c.red(), c.green(), c.blue())
}

/// Whether a hatch-coloured pixel lies within one hatch spacing of lon/lat.
fn hatch_near(pixmap: &Pixmap, tile: TileCoord, lon: f64, lat: f64, style: &TileStyle) -> bool {
    let (x, y) = briefmap::mercator::to_world(lon, lat);
    let r = tile.world_rect();
    let side = f64::from(pixmap.width());
    let cx = ((x - r.min_x) / (r.max_x - r.min_x) * side) as i64;
    let cy = ((y - r.min_y) / (r.max_y - r.min_y) * side) as i64;
    let reach = style.hatch_spacing as i64;
    (cx - reach..=cx + reach).any(|px| {
        (cy - reach..=cy + reach).any(|py| {
            let Some(c) = pixmap.pixel(px as u32, py as u32) else {
                return false;
            };
            let c = c.demultiply();
            // Hatch lines are the only strongly red pixels on the map.
            i32::from(c.red()) > i32::from(c.green()) + 40 && i32::from(c.red()) > i32::from(c.blue()) + 40
        })
    })
}

fn rgb(c: Rgba) -> (u8, u8, u8) {
    (c.0, c.1, c.2)
}

fn close(a: (u8, u8, u8), b: (u8, u8, u8), tolerance: i32) -> bool {
    (i32::from(a.0) - i32::from(b.0)).abs() <= tolerance
        && (i32::from(a.1) - i32::from(b.1)).abs() <= tolerance
        && (i32::from(a.2) - i32::from(b.2)).abs() <= tolerance
}

#[test]
fn a_tile_over_belarus_and_the_baltic_has_land_and_sea_where_expected() {
    let style = TileStyle::default();
    // Zoom 5 tile 17/10 spans lon 11.25..22.5, lat ~48.9..55.8: Poland, the Baltic Sea coast,
    // Kaliningrad. Zoom 5 tile 18/10 spans lon 22.5..33.75: Belarus.
    let baltic = TileCoord { zoom: 5, x: 17, y: 10 };
    let pixmap = render_tile(Some(&data().vectors), baltic, 1, &style);
    assert!(
        close(pixel_at(&pixmap, baltic, 18.0, 55.5), rgb(style.sea), 4),
        "Baltic Sea off Gotland's south should be sea"
    );
    assert!(close(pixel_at(&pixmap, baltic, 19.0, 52.0), rgb(style.land), 4), "central Poland should be land");

    let belarus = TileCoord { zoom: 5, x: 18, y: 10 };
    let pixmap = render_tile(Some(&data().vectors), belarus, 1, &style);
    assert!(close(pixel_at(&pixmap, belarus, 27.5, 53.5), rgb(style.land), 4), "central Belarus should be land");
    let distinct: std::collections::HashSet<_> =
        pixmap.pixels().iter().map(|p| (p.red(), p.green(), p.blue())).collect();
    assert!(distinct.len() > 20, "tile has only {} colours: no borders drawn?", distinct.len());
}

#[test]
fn a_zoom_9_tile_at_minsk_is_land_with_detail_and_renders_at_2x() {
    let style = TileStyle::default();
    let tile = TileCoord::containing(27.56, 53.9, 9);
    let pixmap = render_tile(Some(&data().vectors), tile, 2, &style);
    assert_eq!(pixmap.width(), 2 * TILE_PX);
    assert!(close(pixel_at(&pixmap, tile, 27.4, 53.95), rgb(style.land), 4));
}

#[test]
fn crimea_is_hatched_and_drawn_inside_ukraine() {
    let style = TileStyle::default();
    // Sample the interior of the peninsula (lon 33.8..34.9, lat 44.9..45.4) on a grid, each in
    // its zoom-6 tile: no sample is plain untinted land, and within one hatch spacing of each
    // there is a hatch line.
    let plain_land = rgb(style.land);
    let mut tiles = std::collections::HashMap::new();
    for i in 0..12 {
        for j in 0..6 {
            let lon = 33.8 + f64::from(i) * 0.1;
            let lat = 44.9 + f64::from(j) * 0.1;
            let tile = TileCoord::containing(lon, lat, 6);
            let pixmap = tiles.entry(tile).or_insert_with(|| render_tile(Some(&data().vectors), tile, 1, &style));
            let c = pixel_at(pixmap, tile, lon, lat);
            assert_ne!(c, plain_land, "untinted land at {lon},{lat} inside Crimea");
            assert!(hatch_near(pixmap, tile, lon, lat, &style), "no hatch near {lon},{lat}");
        }
    }
    // North of the isthmus, in Kherson Oblast, land is plain.
    let north = TileCoord::containing(34.2, 46.6, 6);
    let pixmap = render_tile(Some(&data().vectors), north, 1, &style);
    assert_eq!(pixel_at(&pixmap, north, 34.2, 46.6), plain_land);

    // The occupied area is inside Ukraine: every vertex of it lies inside the Ukraine polygon of
    // regions.geojson, not Russia's.
    let regions: geojson::FeatureCollection = include_str!("../geodata/regions.geojson").parse().unwrap();
    let find = |code: &str| -> geo::MultiPolygon {
        let f = regions.features.iter().find(|f| f.property("code").and_then(|c| c.as_str()) == Some(code)).unwrap();
        let g: geo::Geometry = f.geometry.clone().unwrap().try_into().unwrap();
        match g {
            geo::Geometry::MultiPolygon(m) => m,
            geo::Geometry::Polygon(p) => geo::MultiPolygon(vec![p]),
            other => panic!("{code}: {other:?}"),
        }
    };
    use geo::Contains;
    let (ua, ru) = (find("UA"), find("RU"));
    for p in [geo::point!(x: 34.1, y: 45.0), geo::point!(x: 33.52, y: 44.6)] {
        assert!(ua.contains(&p) && !ru.contains(&p), "{p:?}");
    }
}

#[test]
fn without_data_a_tile_is_plain_sea() {
    let style = TileStyle::default();
    let pixmap = render_tile(None, TileCoord { zoom: 5, x: 18, y: 10 }, 1, &style);
    assert!(pixmap.pixels().iter().all(|p| (p.red(), p.green(), p.blue()) == rgb(style.sea)));
}

fn wait_for_tile(tiles: &mut impl Tiles, id: TileId) -> bool {
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        if tiles.at(id).is_some() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    false
}

fn offline_tiles(data: Option<Arc<briefmap::basemap::VectorData>>, ctx: &egui::Context) -> OfflineTiles {
    let options = TileOptions { resolution: Resolution::Fixed(1), ..TileOptions::default() };
    OfflineTiles::with_options(data, ctx.clone(), options)
}

#[test]
fn offline_tiles_answer_at_once_then_deliver_and_fall_back_to_the_parent() {
    let ctx = egui::Context::default();
    let mut tiles = offline_tiles(Some(data().vectors.clone()), &ctx);
    let parent = TileId { x: 18, y: 10, zoom: 5 };
    // Had at() rendered on the caller's thread, the first ask would already have the tile.
    assert!(tiles.at(parent).is_none(), "first ask cannot have a tile yet: rendering is on a worker");
    assert!(wait_for_tile(&mut tiles, parent));
    // A child not rendered yet is served from the parent's matching quarter meanwhile.
    let child = TileId { x: 37, y: 21, zoom: 6 };
    let piece = tiles.at(child).expect("parent quarter as fallback");
    // Textures carry a 1 px border of the surrounding map (258 px at 1x); the quarter is
    // measured inside it.
    let (lo, hi) = (129.0 / 258.0, 257.0 / 258.0);
    assert!((piece.uv.min.x - lo).abs() < 1e-6 && (piece.uv.min.y - lo).abs() < 1e-6, "{:?}", piece.uv);
    assert!((piece.uv.max.x - hi).abs() < 1e-6 && (piece.uv.max.y - hi).abs() < 1e-6, "{:?}", piece.uv);
    assert!(tiles.cached() <= tiles.cache_capacity());
}

#[test]
fn repeated_requests_render_a_tile_once_and_the_cache_is_bounded() {
    let ctx = egui::Context::default();
    let options = TileOptions {
        resolution: Resolution::Fixed(1),
        cache_bytes: 16 * 256 * 256 * 4,
        workers: 1,
        ..TileOptions::default()
    };
    let mut tiles = OfflineTiles::with_options(Some(data().vectors.clone()), ctx, options);
    let id = TileId { x: 9, y: 5, zoom: 4 };
    for _ in 0..50 {
        tiles.at(id);
    }
    assert!(tiles.pending() <= 1, "duplicate requests were queued: {}", tiles.pending());
    assert!(wait_for_tile(&mut tiles, id));
    assert_eq!(tiles.cache_capacity(), 16);
    for x in 0..40 {
        let id = TileId { x, y: 20, zoom: 6 };
        wait_for_tile(&mut tiles, id);
    }
    assert_eq!(tiles.cached(), 16);
}

#[test]
fn with_no_data_offline_tiles_still_deliver_plain_tiles() {
    let ctx = egui::Context::default();
    let mut tiles = offline_tiles(None, &ctx);
    assert!(wait_for_tile(&mut tiles, TileId { x: 1, y: 1, zoom: 2 }));
}

#[test]
fn an_unreachable_online_server_falls_back_to_offline_and_says_so_once() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let config = OnlineConfig {
        url_template: format!("http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"),
        probe: ("127.0.0.1".into(), port),
        probe_timeout: Duration::from_millis(300),
        cache_dir: None,
        ..OnlineConfig::openstreetmap()
    };
    let ctx = egui::Context::default();
    let mut tiles = BasemapTiles::offline(offline_tiles(Some(data().vectors.clone()), &ctx));
    tiles.set_mode(BasemapMode::Online, config, &ctx);
    assert_eq!(tiles.mode(), BasemapMode::Online);
    let deadline = Instant::now() + Duration::from_secs(5);
    while tiles.online_status() == Some(OnlineStatus::Checking) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(matches!(tiles.online_status(), Some(OnlineStatus::Unreachable(_))));
    let message = tiles.take_message().expect("a message the first time");
    assert!(message.contains("offline basemap"), "{message}");
    assert_eq!(tiles.take_message(), None, "said only once");
    assert_eq!(tiles.attribution_lines(), vec![briefmap::ui::basemap::OFFLINE_ATTRIBUTION]);
    assert!(tiles.shows_offline(), "the offline map (and its legend) stands in");
    // Tiles keep coming, from the offline renderer.
    assert!(wait_for_tile(&mut tiles, TileId { x: 18, y: 10, zoom: 5 }));
}

#[test]
fn online_mode_credits_openstreetmap_while_the_server_is_not_known_to_be_down() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let config = OnlineConfig {
        url_template: format!("http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"),
        probe: ("127.0.0.1".into(), port),
        cache_dir: None,
        ..OnlineConfig::openstreetmap()
    };
    let ctx = egui::Context::default();
    let mut tiles = BasemapTiles::offline(offline_tiles(Some(data().vectors.clone()), &ctx));
    assert!(tiles.shows_offline());
    tiles.set_mode(BasemapMode::Online, config, &ctx);
    assert!(tiles.attribution_lines()[0].contains("OpenStreetMap contributors"));
    assert!(!tiles.shows_offline(), "OpenStreetMap tiles cover the offline ones");
    tiles.set_mode(BasemapMode::Offline, OnlineConfig::openstreetmap(), &ctx);
    assert_eq!(tiles.mode(), BasemapMode::Offline);
    assert!(tiles.shows_offline());
    assert_eq!(tiles.attribution_lines(), vec![briefmap::ui::basemap::OFFLINE_ATTRIBUTION]);
}

/// A tile server that answers every request with `body` (HTTP 200, image/png) and counts them.
fn garbage_server(body: &'static [u8]) -> (u16, Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{Read, Write};
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let served = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let count = served.clone();
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut request = [0u8; 4096];
            // The reachability probe connects and says nothing; only count real requests.
            stream.set_read_timeout(Some(Duration::from_millis(500))).ok();
            if stream.read(&mut request).is_ok_and(|n| n > 0) {
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                stream.write_all(head.as_bytes()).ok();
                stream.write_all(body).ok();
            }
        }
    });
    (port, served)
}

#[test]
fn a_corrupt_tile_cache_and_undecodable_tiles_fall_back_to_the_offline_basemap() {
    // The disk cache holds junk where its index and content would be; one cache path is a file.
    let cache = tempfile::tempdir().unwrap();
    for dir in ["index-v5/ab/cd", "content-v2/sha256/ab/cd"] {
        std::fs::create_dir_all(cache.path().join(dir)).unwrap();
        std::fs::write(cache.path().join(dir).join("0123456789abcdef"), b"\0\xff not a cache entry {").unwrap();
    }
    let not_a_folder = cache.path().join("file");
    std::fs::write(&not_a_folder, b"junk").unwrap();
    for cache_dir in [cache.path().to_owned(), not_a_folder] {
        let (port, served) = garbage_server(b"\x89PNG\r\n\x1a\n but then nothing a decoder wants");
        let config = OnlineConfig {
            url_template: format!("http://127.0.0.1:{port}/{{z}}/{{x}}/{{y}}.png"),
            probe: ("127.0.0.1".into(), port),
            probe_timeout: Duration::from_millis(500),
            cache_dir: Some(cache_dir.clone()),
            ..OnlineConfig::openstreetmap()
        };
        let ctx = egui::Context::default();
        let mut tiles = BasemapTiles::offline(offline_tiles(Some(data().vectors.clone()), &ctx));
        tiles.set_mode(BasemapMode::Online, config, &ctx);
        let id = TileId { x: 18, y: 10, zoom: 5 };
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut shown = false;
        while Instant::now() < deadline && !(shown && served.load(std::sync::atomic::Ordering::SeqCst) > 0) {
            shown |= tiles.at(id).is_some();
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(served.load(std::sync::atomic::Ordering::SeqCst) > 0, "{cache_dir:?}: the server was asked");
        assert!(shown, "{cache_dir:?}: the offline basemap stood in for the broken tile");
        // And it keeps standing in: the broken download never blanks the map.
        for _ in 0..50 {
            assert!(tiles.at(id).is_some());
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}
