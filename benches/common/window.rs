//! A headless window for frame benches: one egui context and the app, stepped frame by frame
//! (egui run + tessellation, no GPU), at the size of a laptop screen.

use briefmap::ui::BriefmapApp;

/// The window's size, in points.
pub const SIZE: egui::Vec2 = egui::vec2(1600.0, 900.0);

/// Frames drawn before measuring, so that layout, fonts and caches have settled.
const SETTLE_FRAMES: usize = 30;

/// The app in a headless window.
pub struct Window {
    pub ctx: egui::Context,
    pub app: BriefmapApp,
    time: f64,
}

impl Window {
    /// `app` in a window, its first frames drawn.
    pub fn new(app: BriefmapApp) -> Self {
        let mut w = Self { ctx: egui::Context::default(), app, time: 0.0 };
        for _ in 0..SETTLE_FRAMES {
            w.frame();
        }
        w
    }

    /// Draws one frame, 1/60 s after the last; returns how many primitives it tessellated to.
    pub fn frame(&mut self) -> usize {
        self.time += 1.0 / 60.0;
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
            time: Some(self.time),
            ..Default::default()
        };
        let app = &mut self.app;
        let output = self.ctx.run_ui(input, |ui| app.frame(ui));
        self.ctx.tessellate(output.shapes, output.pixels_per_point).len()
    }
}
