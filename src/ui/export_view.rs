//! "Save view as PNG": the current view rendered at a chosen size, off the UI thread, through
//! the same headless renderer as `briefmap render`.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

use egui::{RichText, Ui};

use super::render::{self, RenderOptions, Shot};
use super::state::AppState;
use crate::briefing::Briefing;

/// Sizes offered: a slide, the same slide for HiDPI screens and print, a square for reports.
const SIZES: [(&str, [u32; 2], f32); 3] = [
    ("1920 × 1080 (slide)", [1920, 1080], 1.0),
    ("3840 × 2160 (HiDPI, print)", [3840, 2160], 2.0),
    ("1600 × 1600", [1600, 1600], 1.0),
];

/// The export menu's state and the render under way.
pub struct ExportView {
    path: String,
    size: usize,
    job: Option<Receiver<Result<String, String>>>,
}

impl Default for ExportView {
    fn default() -> Self {
        Self { path: "briefmap-view.png".into(), size: 0, job: None }
    }
}

/// What to export.
#[derive(Debug)]
pub struct Request {
    /// Where to write.
    pub path: PathBuf,
    /// Size and scale.
    pub options: RenderOptions,
}

impl ExportView {
    /// The menu's content; returns what to save when Save is clicked.
    pub fn menu(&mut self, ui: &mut Ui, theme: super::state::Theme) -> Option<Request> {
        ui.label(RichText::new("Save the view as PNG").strong());
        for (i, (label, _, _)) in SIZES.iter().enumerate() {
            ui.radio_value(&mut self.size, i, *label);
        }
        ui.horizontal(|ui| {
            let label = ui.label("PNG file");
            ui.text_edit_singleline(&mut self.path).labelled_by(label.id);
        });
        let busy = self.job.is_some();
        let save = ui.add_enabled(!busy, egui::Button::new(if busy { "Saving…" } else { "Save PNG" }));
        if !save.clicked() {
            return None;
        }
        let (_, size, scale) = SIZES[self.size.min(SIZES.len() - 1)];
        ui.close();
        Some(Request { path: PathBuf::from(self.path.trim()), options: RenderOptions { size, scale, theme } })
    }

    /// Renders `shot` of `briefing` as `state` has it, on a worker thread.
    pub fn start(&mut self, briefing: Briefing, state: AppState, shot: Shot, request: Request, ctx: &egui::Context) {
        let (tx, rx) = channel();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new().name("export-png".into()).spawn(move || {
            let path = &request.path;
            let result = render::image(briefing, state, &request.options, shot).and_then(|image| {
                crate::export::png::write_png(&image, path).map_err(|e| e.to_string())?;
                Ok(format!("wrote {} ({}x{})", path.display(), image.width(), image.height()))
            });
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        match spawned {
            Ok(_) => self.job = Some(rx),
            Err(e) => {
                let (tx, rx) = channel();
                let _ = tx.send(Err(format!("cannot start the export: {e}")));
                self.job = Some(rx);
            }
        }
    }

    /// The outcome of the render under way, once it has finished.
    pub fn poll(&mut self) -> Option<String> {
        let done = self.job.as_ref()?.try_recv().ok()?;
        self.job = None;
        Some(match done {
            Ok(message) => format!("Saved: {message}"),
            Err(e) => format!("The view was not saved: {e}"),
        })
    }
}
