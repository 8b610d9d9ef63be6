//! The opt-in online basemap: OpenStreetMap raster tiles through walkers' `HttpTiles`, with a
//! disk cache, a User-Agent naming briefmap, and a reachability check that lets the caller fall
//! back to the offline basemap, saying so once, instead of showing grey tiles.

use std::net::{TcpStream, ToSocketAddrs};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::Context;
use walkers::sources::{Attribution, TileSource};
use walkers::{HeaderValue, HttpOptions, HttpTiles, TileId};

/// User-Agent sent to tile servers (OSM's tile policy asks for one that names the app).
pub const USER_AGENT: &str = concat!("briefmap/", env!("CARGO_PKG_VERSION"), " (+https://github.com/briefmap)");

/// Where and how to fetch online tiles.
#[derive(Debug, Clone)]
pub struct OnlineConfig {
    /// Tile URL with `{z}`, `{x}`, `{y}` placeholders.
    pub url_template: String,
    /// Host and port checked for reachability before relying on the server.
    pub probe: (String, u16),
    /// How long the reachability check may take.
    pub probe_timeout: Duration,
    /// Attribution the tile provider requires, drawn on the map.
    pub attribution: &'static str,
    /// Link for the attribution.
    pub attribution_url: &'static str,
    /// HTTP disk cache directory; `None` for no disk cache.
    pub cache_dir: Option<PathBuf>,
}

impl OnlineConfig {
    /// OpenStreetMap's standard tiles, cached under the user's cache directory.
    pub fn openstreetmap() -> OnlineConfig {
        OnlineConfig {
            url_template: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".into(),
            probe: ("tile.openstreetmap.org".into(), 443),
            probe_timeout: Duration::from_secs(4),
            attribution: "© OpenStreetMap contributors",
            attribution_url: "https://www.openstreetmap.org/copyright",
            cache_dir: default_cache_dir(),
        }
    }
}

/// `<user cache dir>/briefmap/osm-tiles` (e.g. `~/.cache/briefmap/osm-tiles` on Linux).
pub fn default_cache_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "briefmap").map(|d| d.cache_dir().join("osm-tiles"))
}

/// Whether the online source can be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnlineStatus {
    /// The reachability check is running.
    Checking,
    /// The server answered.
    Reachable,
    /// The server cannot be reached; the reason is for the user.
    Unreachable(String),
}

struct TemplateSource {
    template: String,
    attribution: &'static str,
    url: &'static str,
}

impl TileSource for TemplateSource {
    fn tile_url(&self, tile_id: TileId) -> String {
        self.template
            .replace("{z}", &tile_id.zoom.to_string())
            .replace("{x}", &tile_id.x.to_string())
            .replace("{y}", &tile_id.y.to_string())
    }

    fn attribution(&self) -> Attribution {
        Attribution { text: self.attribution, url: self.url, logo_light: None, logo_dark: None }
    }
}

/// Online tiles plus the result of their reachability check.
pub struct OnlineTiles {
    /// walkers' downloader; only asked for tiles while the server is not known to be down.
    pub(crate) http: HttpTiles,
    status: Arc<Mutex<OnlineStatus>>,
    config: OnlineConfig,
    told: bool,
}

impl OnlineTiles {
    /// Start the reachability check (background thread) and the downloader.
    pub fn new(config: OnlineConfig, ctx: Context) -> OnlineTiles {
        let status = Arc::new(Mutex::new(OnlineStatus::Checking));
        spawn_probe(config.probe.clone(), config.probe_timeout, status.clone(), ctx.clone());
        let options = HttpOptions {
            cache: config.cache_dir.clone(),
            user_agent: Some(HeaderValue::from_static(USER_AGENT)),
            ..HttpOptions::default()
        };
        let source = TemplateSource {
            template: config.url_template.clone(),
            attribution: config.attribution,
            url: config.attribution_url,
        };
        OnlineTiles { http: HttpTiles::with_options(source, options, ctx), status, config, told: false }
    }

    /// Current reachability.
    pub fn status(&self) -> OnlineStatus {
        self.status.lock().map_or_else(|p| p.into_inner().clone(), |s| s.clone())
    }

    /// Whether tiles should be asked of the server.
    pub fn usable(&self) -> bool {
        !matches!(self.status(), OnlineStatus::Unreachable(_))
    }

    /// The message to show when the server is unreachable: returned once, then `None`.
    pub fn take_message(&mut self) -> Option<String> {
        match self.status() {
            OnlineStatus::Unreachable(why) if !self.told => {
                self.told = true;
                Some(format!("Online map unavailable ({why}); showing the offline basemap."))
            }
            _ => None,
        }
    }

    /// The provider's attribution text.
    pub fn attribution(&self) -> &'static str {
        self.config.attribution
    }
}

fn spawn_probe(target: (String, u16), timeout: Duration, status: Arc<Mutex<OnlineStatus>>, ctx: Context) {
    let shared = status.clone();
    let spawned = std::thread::Builder::new().name("basemap-online-probe".into()).spawn(move || {
        let result = probe(&target.0, target.1, timeout);
        if let Ok(mut s) = shared.lock() {
            *s = result;
        }
        ctx.request_repaint();
    });
    if let Err(e) = spawned {
        // Without a thread we cannot check; treat the server as unreachable rather than wait.
        if let Ok(mut s) = status.lock() {
            *s = OnlineStatus::Unreachable(format!("cannot start the network check: {e}"));
        }
    }
}

/// Try a TCP connection to `host:port` within `timeout` (DNS lookup included in the thread).
pub fn probe(host: &str, port: u16, timeout: Duration) -> OnlineStatus {
    let addrs = match (host, port).to_socket_addrs() {
        Ok(a) => a.collect::<Vec<_>>(),
        Err(e) => return OnlineStatus::Unreachable(format!("cannot resolve {host}: {e}")),
    };
    let mut last = format!("no address for {host}");
    for addr in addrs {
        match TcpStream::connect_timeout(&addr, timeout) {
            Ok(_) => return OnlineStatus::Reachable,
            Err(e) => last = format!("cannot connect to {host}:{port}: {e}"),
        }
    }
    OnlineStatus::Unreachable(last)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    /// A local port with nothing listening (bound, then released): connections are refused.
    fn closed_port() -> u16 {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    }

    #[test]
    fn probe_reports_a_refused_local_port_as_unreachable() {
        let port = closed_port();
        let status = probe("127.0.0.1", port, Duration::from_millis(500));
        assert!(matches!(&status, OnlineStatus::Unreachable(why) if why.contains("127.0.0.1")), "{status:?}");
    }

    #[test]
    fn probe_reports_a_listening_local_port_as_reachable() {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = l.local_addr().unwrap().port();
        assert_eq!(probe("127.0.0.1", port, Duration::from_millis(500)), OnlineStatus::Reachable);
    }

    #[test]
    fn user_agent_names_briefmap() {
        assert!(USER_AGENT.starts_with("briefmap/"));
        assert!(HeaderValue::from_str(USER_AGENT).is_ok());
    }

    #[test]
    fn template_source_fills_placeholders() {
        let s = TemplateSource { template: "http://h/{z}/{x}/{y}.png".into(), attribution: "a", url: "u" };
        assert_eq!(s.tile_url(TileId { x: 3, y: 5, zoom: 7 }), "http://h/7/3/5.png");
    }
}
