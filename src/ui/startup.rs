//! Start-up measured without a window: the app made as at launch, then driven frame by frame
//! through egui headless (run + tessellate, as a window would), timing the first frame and the
//! first complete map. `briefmap --headless` prints it; `benches/startup.rs` runs that process.

use std::time::{Duration, Instant};

use super::app::{BriefmapApp, StartOptions};

/// What a headless start measured, from the `started` instant given to [`run`].
#[derive(Clone, Debug)]
pub struct StartupReport {
    /// Until the first frame was laid out and tessellated.
    pub first_frame: Duration,
    /// Until the basemap was loaded and every tile of the view drawn (`None`: not waited for,
    /// or not within the time limit).
    pub complete_map: Option<Duration>,
    /// The process's peak resident memory, from `/proc/self/status` (Linux only).
    pub peak_rss_bytes: Option<u64>,
}

impl std::fmt::Display for StartupReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        write!(f, "first frame after {:.1} ms", ms(self.first_frame))?;
        if let Some(d) = self.complete_map {
            write!(f, "; complete map after {:.1} ms", ms(d))?;
        }
        if let Some(b) = self.peak_rss_bytes {
            write!(f, "; peak RSS {:.1} MiB", b as f64 / (1024.0 * 1024.0))?;
        }
        Ok(())
    }
}

/// The headless window size: the app's default window.
const SIZE: egui::Vec2 = egui::vec2(1440.0, 900.0);
/// How long to wait for a complete map before giving up on it.
const LIMIT: Duration = Duration::from_secs(10);

/// Starts the app headless (no saved settings), draws the first frame and, unless
/// `first_frame_only`, keeps drawing until the map is complete.
pub fn run(options: StartOptions, started: Instant, first_frame_only: bool) -> StartupReport {
    let mut app = BriefmapApp::start(None, options);
    let ctx = egui::Context::default();
    let frame = |app: &mut BriefmapApp, t: f64| {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
            time: Some(t),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| app.frame(ui));
        // No GPU to upload textures to (fonts, tiles): their cost stays out of the measurement.
        output.textures_delta.clear();
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point).len());
    };
    frame(&mut app, 0.0);
    let first_frame = started.elapsed();
    let mut complete_map = None;
    if !first_frame_only {
        while started.elapsed() < LIMIT {
            // At a display's pace: the basemap loads and draws tiles on worker threads meanwhile.
            std::thread::sleep(Duration::from_millis(4));
            frame(&mut app, started.elapsed().as_secs_f64());
            if app.basemap_complete() {
                complete_map = Some(started.elapsed());
                break;
            }
        }
    }
    StartupReport { first_frame, complete_map, peak_rss_bytes: peak_rss_bytes() }
}

/// `VmHWM` of this process: the most resident memory it has had.
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.trim_start_matches("VmHWM:").trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kib * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_headless_start_draws_a_frame_and_reports_memory() {
        let report = run(StartOptions::default(), Instant::now(), true);
        assert!(report.first_frame > Duration::ZERO);
        assert!(report.complete_map.is_none(), "not waited for");
        if cfg!(target_os = "linux") {
            assert!(report.peak_rss_bytes.is_some_and(|b| b > 1 << 20), "{report}");
        }
        assert!(report.to_string().starts_with("first frame after "), "{report}");
    }
}
