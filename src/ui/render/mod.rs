//! The app rendered to images with no window and no GPU: a PNG of a story step, a date or the
//! current view, one PNG per step for a slide deck, and the time playback as a GIF.
//!
//! It is the real app in its presentation layout (map, overlays, legend, caption card),
//! run headlessly and rasterised on the CPU, so an export looks exactly like the screen.
//! [`headless`] drives any egui UI without a window, [`raster`] turns its triangles into
//! pixels as egui-wgpu would, and [`texture`] keeps the CPU copies of its textures.

pub mod headless;
pub mod raster;
pub mod texture;

use std::path::{Path, PathBuf};

use jiff::civil::Date;
use tiny_skia::Pixmap;

use super::app::BriefmapApp;
use super::state::{AppState, Theme};
use crate::briefing::Briefing;
use crate::export::animation::{GifOptions, GifWriter};
use crate::export::png::{numbered_path, write_png};
use headless::HeadlessUi;

/// Most frames to run while waiting for the map to settle (tiles, layout).
const MAX_SETTLE_FRAMES: usize = 600;

/// Image size and look.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RenderOptions {
    /// Image size in pixels.
    pub size: [u32; 2],
    /// Pixels per point: 2 renders the same layout at double resolution.
    pub scale: f32,
    /// Light or dark.
    pub theme: Theme,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self { size: [1920, 1080], scale: 1.0, theme: Theme::Light }
    }
}

/// What to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shot {
    /// Story step `i` (0-based), with its caption and progress bar.
    Step(usize),
    /// Every place, the story as it stood on this day.
    At(Date),
    /// The view as the state has it (camera, time, selection).
    Current,
}

/// Renders the app headlessly, one image at a time.
pub struct Renderer {
    headless: HeadlessUi,
    app: BriefmapApp,
}

impl Renderer {
    /// A renderer of `briefing` starting from `state` (its camera, time and selection).
    pub fn new(briefing: Briefing, mut state: AppState, options: &RenderOptions) -> Result<Self, String> {
        state.theme = options.theme;
        let headless = HeadlessUi::new(options.size, options.scale).map_err(|e| e.to_string())?;
        let app = BriefmapApp::with_briefing(briefing, state);
        Ok(Self { headless, app })
    }

    /// Renders one shot.
    pub fn render(&mut self, shot: Shot) -> Result<Pixmap, String> {
        let ctx = self.headless.context().clone();
        match shot {
            Shot::Step(i) => {
                let steps = self.app.briefing().story().len();
                if i >= steps {
                    return Err(format!("step {} does not exist: the story has {steps} steps", i + 1));
                }
                self.app.start_presenting(&ctx, i);
                self.app.show_step(i, false);
            }
            Shot::At(date) => {
                self.app.stop_presenting(&ctx);
                self.app.set_still(true);
                let state = self.app.state_mut();
                state.selected = None;
                state.time.window = false;
                state.time.set_current(date);
                self.settle()?;
                self.app.frame_all_now();
            }
            Shot::Current => {
                self.app.stop_presenting(&ctx);
                self.app.set_still(true);
            }
        }
        self.settle()?;
        Ok(self.headless.render())
    }

    /// Runs frames until the map stands still and nothing asks for another frame.
    fn settle(&mut self) -> Result<(), String> {
        for n in 0..MAX_SETTLE_FRAMES {
            let app = &mut self.app;
            self.headless.run_frame(|ui| app.frame(ui)).map_err(|e| e.to_string())?;
            // Tiles render on worker threads; give them a moment rather than spinning.
            if self.app.basemap_pending() > 0 {
                std::thread::sleep(std::time::Duration::from_millis(2));
                continue;
            }
            if n >= 2 && !self.app.animating() && !self.headless.repaint_requested() {
                return Ok(());
            }
        }
        // Something keeps animating; the last frame is still a faithful picture of the view.
        Ok(())
    }
}

/// Writes one PNG.
pub fn png(
    briefing: Briefing,
    state: AppState,
    options: &RenderOptions,
    shot: Shot,
    path: &Path,
) -> Result<String, String> {
    let mut r = Renderer::new(briefing, state, options)?;
    let image = r.render(shot)?;
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create folder: {e}", dir.display()))?;
    }
    write_png(&image, path).map_err(|e| e.to_string())?;
    Ok(format!("wrote {} ({}x{})", path.display(), image.width(), image.height()))
}

/// Writes one PNG per story step into `dir` (step_01.png, …), creating it if needed.
pub fn all_steps(briefing: Briefing, state: AppState, options: &RenderOptions, dir: &Path) -> Result<String, String> {
    let steps = briefing.story().len();
    if steps == 0 {
        return Err("the briefing has no story steps".into());
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create folder: {e}", dir.display()))?;
    let mut r = Renderer::new(briefing, state, options)?;
    let mut written = Vec::new();
    for i in 0..steps {
        let image = r.render(Shot::Step(i))?;
        let path = numbered_path(dir, "step", i + 1, steps);
        write_png(&image, &path).map_err(|e| e.to_string())?;
        written.push(path);
    }
    Ok(format!("wrote {} steps to {}", written.len(), dir.display()))
}

/// The days of a playback from `from` to `to` in `frames` even steps.
pub fn playback_days(from: Date, to: Date, frames: usize) -> Vec<Date> {
    let (a, z) = (crate::timeline::day_number(from), crate::timeline::day_number(to));
    let n = frames.max(2);
    (0..n).map(|k| crate::timeline::from_day_number(a + ((z - a) as i64 * k as i64 / (n - 1) as i64) as i32)).collect()
}

/// Writes the time playback from `from` to `to`: a GIF when `output` ends in `.gif`, otherwise
/// numbered PNG frames in the folder `output`.
pub fn animation(
    briefing: Briefing,
    state: AppState,
    options: &RenderOptions,
    (from, to): (Date, Date),
    frames: usize,
    output: &Path,
) -> Result<String, String> {
    if to < from {
        return Err(format!("the animation ends ({to}) before it starts ({from})"));
    }
    let days = playback_days(from, to, frames);
    let mut r = Renderer::new(briefing, state, options)?;
    let as_gif = output.extension().is_some_and(|e| e.eq_ignore_ascii_case("gif"));
    if as_gif {
        let gif_options = GifOptions { frame_delay: std::time::Duration::from_millis(150), ..GifOptions::default() };
        // Frames are rendered one at a time (a few MB each) and the GIF kept in memory until
        // it is complete, then written whole: a failure never leaves half a file.
        let mut gif = GifWriter::new(Vec::new(), options.size, gif_options).map_err(|e| e.to_string())?;
        for &day in &days {
            gif.add_frame(&r.render(Shot::At(day))?).map_err(|e| e.to_string())?;
        }
        let bytes = gif.finish().map_err(|e| e.to_string())?;
        crate::atomic::write_atomic(output, &bytes).map_err(|e| format!("{}: cannot write: {e}", output.display()))?;
        Ok(format!("wrote {} ({} frames, {from} to {to})", output.display(), days.len()))
    } else {
        std::fs::create_dir_all(output).map_err(|e| format!("{}: cannot create folder: {e}", output.display()))?;
        for (i, &day) in days.iter().enumerate() {
            let path: PathBuf = numbered_path(output, "frame", i + 1, days.len());
            write_png(&r.render(Shot::At(day))?, &path).map_err(|e| e.to_string())?;
        }
        Ok(format!("wrote {} frames to {}", days.len(), output.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn playback_days_span_the_range_evenly() {
        let days = playback_days(date(2013, 1, 1), date(2016, 12, 31), 5);
        assert_eq!(days.first(), Some(&date(2013, 1, 1)));
        assert_eq!(days.last(), Some(&date(2016, 12, 31)));
        assert_eq!(days.len(), 5);
        assert!(days.windows(2).all(|w| w[0] < w[1]));
    }
}
