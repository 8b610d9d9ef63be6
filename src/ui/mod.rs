//! The desktop app (eframe/egui): a shell in [`app`], state in [`state`], one module per panel.

pub mod action;
pub mod app;
pub mod author;
pub mod basemap;
pub mod claim_card;
pub mod claim_form;
pub mod command;
pub mod compare;
pub mod export_view;
pub mod grading;
pub mod handout_view;
pub mod help;
pub mod legend;
pub mod link_form;
pub mod map;
pub mod measure;
pub mod presenter;
pub mod problems;
pub mod reader;
pub mod render;
pub mod rings;
pub mod side_panel;
pub mod sources;
pub mod startup;
pub mod state;
pub mod story_editor;
pub mod theme;
pub mod time_panel;
pub mod top_bar;

pub use app::{BriefmapApp, StartOptions};

/// The window's icon (taskbars, Alt-Tab), the desktop entry's (`assets/briefmap.svg`) at 256 px.
const ICON_PNG: &[u8] = include_bytes!("../../assets/briefmap.png");

/// Opens the app window and runs it until closed.
pub fn run(options: StartOptions) -> eframe::Result {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("briefmap")
        .with_inner_size([1440.0, 900.0])
        .with_min_inner_size([800.0, 560.0]);
    // A PNG built into the binary decodes; without it the window keeps eframe's own icon.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let native = eframe::NativeOptions { viewport, persist_window: true, ..Default::default() };
    eframe::run_native("briefmap", native, Box::new(move |cc| Ok(Box::new(BriefmapApp::new(cc, options)))))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_window_icon_decodes_at_256_px() {
        let icon = eframe::icon_data::from_png_bytes(super::ICON_PNG).unwrap();
        assert_eq!((icon.width, icon.height), (256, 256));
        assert!(icon.rgba.chunks(4).any(|p| p[3] == 0), "transparent around the map");
    }
}
