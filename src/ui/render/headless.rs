//! Running an egui UI without a window and rasterising its frames on the CPU.
//!
//! The exported image is the real UI, laid out and painted by egui exactly as in the window;
//! only the last step (triangles to pixels) is done by [`super::raster`] instead of the GPU.

use std::time::Duration;

use egui::epaint::ClippedShape;
use egui::{Pos2, RawInput, Rect, TextureId, Ui, Vec2, ViewportId};
use tiny_skia::Pixmap;

use super::raster::{self, PaintStats};
use super::texture::{TextureError, TextureStore};

/// Largest image side we agree to render; guards against a typo allocating gigabytes.
pub const MAX_SIDE_PX: u32 = 16_384;

/// Simulated time between frames, in seconds: animations advance by this much per frame.
const FRAME_DT: f32 = 1.0 / 60.0;

/// Why a headless frame could not be run or rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The requested image size is zero or too large.
    #[error("image size {0}x{1} px is out of range (each side must be 1..={MAX_SIDE_PX})")]
    InvalidSize(u32, u32),
    /// The requested scale is not a positive finite number.
    #[error("pixels per point must be a positive finite number, not {0}")]
    InvalidScale(f32),
    /// egui sent a texture update that does not apply.
    #[error("egui texture update failed: {0}")]
    Texture(#[from] TextureError),
}

/// An egui [`egui::Context`] driven frame by frame without a window, with CPU copies of its
/// textures, that can rasterise its latest frame to an image.
///
/// Keep one alive across calls when the UI needs more frames to finish (map tiles arriving
/// from a worker, images loading): call [`Self::run_frame`] until the UI is ready, then
/// [`Self::render`]. Textures persist across frames, as they do on a GPU.
pub struct HeadlessUi {
    ctx: egui::Context,
    textures: TextureStore,
    size_px: [u32; 2],
    pixels_per_point: f32,
    frames_run: u64,
    /// Textures egui freed in the last frame; a GPU backend drops them after painting it.
    pending_free: Vec<TextureId>,
    last_shapes: Vec<ClippedShape>,
    last_pixels_per_point: f32,
    repaint_requested: bool,
}

impl HeadlessUi {
    /// A fresh context rendering `size_px` physical pixels at `pixels_per_point` (2.0 = HiDPI).
    pub fn new(size_px: [u32; 2], pixels_per_point: f32) -> Result<Self, RenderError> {
        Self::with_context(egui::Context::default(), size_px, pixels_per_point)
    }

    /// Like [`Self::new`], but driving a context the caller has already set up (fonts, theme,
    /// image loaders). The context must not have been painted by another backend, or its
    /// font texture will be missing here.
    pub fn with_context(ctx: egui::Context, size_px: [u32; 2], pixels_per_point: f32) -> Result<Self, RenderError> {
        let [w, h] = size_px;
        if !(1..=MAX_SIDE_PX).contains(&w) || !(1..=MAX_SIDE_PX).contains(&h) {
            return Err(RenderError::InvalidSize(w, h));
        }
        if !(pixels_per_point.is_finite() && pixels_per_point > 0.0) {
            return Err(RenderError::InvalidScale(pixels_per_point));
        }
        Ok(Self {
            ctx,
            textures: TextureStore::new(),
            size_px,
            pixels_per_point,
            frames_run: 0,
            pending_free: Vec::new(),
            last_shapes: Vec::new(),
            last_pixels_per_point: pixels_per_point,
            repaint_requested: false,
        })
    }

    /// The egui context, for setting the theme, fonts or style before running frames.
    pub fn context(&self) -> &egui::Context {
        &self.ctx
    }

    /// Whether egui asked for another frame immediately after the last one (an animation is
    /// running, or layout is still settling).
    pub fn repaint_requested(&self) -> bool {
        self.repaint_requested
    }

    /// Runs the UI for one frame and applies its texture updates; does not rasterise.
    pub fn run_frame(&mut self, ui_fn: impl FnMut(&mut Ui)) -> Result<(), RenderError> {
        self.run_frame_with_events(Vec::new(), ui_fn)
    }

    /// Runs one frame with input events (key presses, pointer moves) delivered to egui.
    pub fn run_frame_with_events(
        &mut self,
        events: Vec<egui::Event>,
        ui_fn: impl FnMut(&mut Ui),
    ) -> Result<(), RenderError> {
        // The previous frame has been (or will never be) painted: its frees are now safe.
        for id in self.pending_free.drain(..) {
            self.textures.free(id);
        }
        let mut output = self.ctx.run_ui(self.raw_input(events), ui_fn);
        self.frames_run += 1;
        // Keep the frees for after painting, even if a bad update makes this frame an error.
        self.pending_free = output.textures_delta.free.drain().collect();
        let applied = self.textures.apply_set(&mut output.textures_delta);
        self.last_shapes = output.shapes;
        self.last_pixels_per_point = output.pixels_per_point;
        self.repaint_requested =
            output.viewport_output.get(&ViewportId::ROOT).is_some_and(|v| v.repaint_delay == Duration::ZERO);
        applied.map_err(RenderError::from)
    }

    /// Rasterises the last frame run over a transparent image (like kittest; a UI with a panel
    /// covers it entirely). Before any frame has run the image is all transparent.
    pub fn render(&self) -> Pixmap {
        self.render_with_stats().0
    }

    /// Like [`Self::render`], also reporting what the rasteriser drew and skipped.
    pub fn render_with_stats(&self) -> (Pixmap, PaintStats) {
        let [w, h] = self.size_px;
        // Sizes were validated in the constructor, so this cannot fail.
        let mut pixmap = Pixmap::new(w, h).expect("size validated to be in 1..=MAX_SIDE_PX");
        let primitives = self.ctx.tessellate(self.last_shapes.clone(), self.last_pixels_per_point);
        let stats = raster::paint(&mut pixmap, &primitives, &self.textures, self.last_pixels_per_point);
        (pixmap, stats)
    }

    /// Runs `frames` frames (at least one) and rasterises the last.
    pub fn run_and_render(&mut self, frames: usize, mut ui_fn: impl FnMut(&mut Ui)) -> Result<Pixmap, RenderError> {
        for _ in 0..frames.max(1) {
            self.run_frame(&mut ui_fn)?;
        }
        Ok(self.render())
    }

    fn raw_input(&self, events: Vec<egui::Event>) -> RawInput {
        let [w, h] = self.size_px.map(|s| s as f32);
        let size_points = Vec2::new(w, h) / self.pixels_per_point;
        let mut input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size_points)),
            // GPUs of the last decade take 8192; egui's default (2048) would cramp the font
            // atlas of large HiDPI exports.
            max_texture_side: Some(8192),
            time: Some(self.frames_run as f64 * f64::from(FRAME_DT)),
            predicted_dt: FRAME_DT,
            events,
            ..RawInput::default()
        };
        input.viewports.entry(ViewportId::ROOT).or_default().native_pixels_per_point = Some(self.pixels_per_point);
        input
    }
}

/// Renders `ui_fn` in a fresh context: runs `frames` frames (2–3 settle most layouts) and
/// returns the last one as a `size_px` image drawn at `pixels_per_point`.
pub fn render_ui(
    size_px: [u32; 2],
    pixels_per_point: f32,
    frames: usize,
    ui_fn: impl FnMut(&mut Ui),
) -> Result<Pixmap, RenderError> {
    HeadlessUi::new(size_px, pixels_per_point)?.run_and_render(frames, ui_fn)
}
