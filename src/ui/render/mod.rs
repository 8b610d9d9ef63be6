//! The app rendered to images with no window and no GPU: a story step, a date, the whole
//! briefing or the current view, one after another or several at once. It hands back images;
//! its callers (the CLI, the app's PNG export, the handout) write them.
//!
//! It is the real app in its presentation layout (map, overlays, legend, caption card),
//! run headlessly and rasterised on the CPU, so an export looks exactly like the screen.
//! [`headless`] drives any egui UI without a window, [`raster`] turns its triangles into
//! pixels as egui-wgpu would, and [`texture`] keeps the CPU copies of its textures.

pub mod handout;
pub mod headless;
pub mod raster;
pub mod texture;

use jiff::civil::Date;
use tiny_skia::Pixmap;

use super::app::BriefmapApp;
use super::state::{AppState, Theme};
use crate::briefing::Briefing;
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
    /// Every place and every date: the whole briefing (a handout's cover).
    Overview,
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
                // A step is framed between the legend and the caption card, which are measured
                // only once the presentation has been laid out (and the basemap has loaded):
                // frame it again then, so that the picture does not depend on what this
                // renderer drew before (a fresh `render --step`, a step of a deck, a handout).
                self.settle()?;
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
            Shot::Overview => {
                self.app.stop_presenting(&ctx);
                self.app.set_still(true);
                let state = self.app.state_mut();
                state.selected = None;
                state.time.active = false;
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

/// Renders one shot of `briefing` as `state` has it.
pub fn image(briefing: Briefing, state: AppState, options: &RenderOptions, shot: Shot) -> Result<Pixmap, String> {
    Renderer::new(briefing, state, options)?.render(shot)
}

/// Renders `shots` in order with one renderer, handing each image to `each` as it is made (so a
/// long sequence never holds all its images); stops at the first error.
pub fn each(
    briefing: Briefing,
    state: AppState,
    options: &RenderOptions,
    shots: impl IntoIterator<Item = Shot>,
    mut each: impl FnMut(usize, Pixmap) -> Result<(), String>,
) -> Result<usize, String> {
    let mut r = Renderer::new(briefing, state, options)?;
    let mut n = 0;
    for shot in shots {
        each(n, r.render(shot)?)?;
        n += 1;
    }
    Ok(n)
}

/// Renders `shots` on up to `threads` threads at once and turns each image into a `T` on the
/// thread that made it. `done(k)` is called as the k-th finishes. The results come back in the
/// order of `shots`.
///
/// Each shot gets a renderer of its own (the app, its basemap and tiles, its egui context:
/// nothing is shared between threads), so each image is exactly what [`image`] makes of that
/// shot: a renderer that drew other shots first packs its font atlas in another order, and
/// italic text, sampled off the pixel grid, can differ in a few pixels. That exactness costs
/// about 40% more work than one renderer per thread (each reads the basemap and draws its
/// tiles again).
pub fn parallel<T: Send>(
    briefing: &Briefing,
    state: &AppState,
    options: &RenderOptions,
    shots: &[Shot],
    threads: usize,
    make: &(dyn Fn(usize, Pixmap) -> T + Sync),
    done: &(dyn Fn(usize) + Sync),
) -> Result<Vec<T>, String> {
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicUsize, Ordering};
    let next = AtomicUsize::new(0);
    let finished = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<T>>> = Mutex::new((0..shots.len()).map(|_| None).collect());
    let threads = threads.clamp(1, shots.len().max(1));
    let outcome: Result<(), String> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| -> Result<(), String> {
                    // Each thread takes the next shot still to do: the renders differ in cost.
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(&shot) = shots.get(i) else { return Ok(()) };
                        let made = make(i, image(briefing.clone(), state.clone(), options, shot)?);
                        results.lock().map_err(|_| "a render thread failed".to_owned())?[i] = Some(made);
                        done(finished.fetch_add(1, Ordering::Relaxed) + 1);
                    }
                })
            })
            .collect();
        workers.into_iter().try_for_each(|w| w.join().map_err(|_| "a render thread panicked".to_owned())?)
    });
    outcome?;
    let results = results.into_inner().map_err(|_| "a render thread failed".to_owned())?;
    results.into_iter().map(|r| r.ok_or_else(|| "a render was lost".to_owned())).collect()
}

/// The days of a playback from `from` to `to` in `frames` even steps.
pub fn playback_days(from: Date, to: Date, frames: usize) -> Vec<Date> {
    let (a, z) = (crate::timeline::day_number(from), crate::timeline::day_number(to));
    let n = frames.max(2);
    (0..n).map(|k| crate::timeline::from_day_number(a + ((z - a) as i64 * k as i64 / (n - 1) as i64) as i32)).collect()
}

/// Every story step, in order.
pub fn every_step(briefing: &Briefing) -> Vec<Shot> {
    (0..briefing.story().len()).map(Shot::Step).collect()
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
