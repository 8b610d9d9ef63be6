//! The desktop app (eframe/egui): a shell in [`app`], state in [`state`], one module per panel.

pub mod action;
pub mod app;
pub mod basemap;
pub mod claim_card;
pub mod command;
pub mod export_view;
pub mod handout_view;
pub mod help;
pub mod legend;
pub mod map;
pub mod measure;
pub mod presenter;
pub mod problems;
pub mod reader;
pub mod render;
pub mod rings;
pub mod side_panel;
pub mod startup;
pub mod state;
pub mod story_editor;
pub mod theme;
pub mod time_panel;
pub mod top_bar;

pub use app::{BriefmapApp, StartOptions};

/// Opens the app window and runs it until closed.
pub fn run(options: StartOptions) -> eframe::Result {
    let native = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("briefmap")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([800.0, 560.0]),
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native("briefmap", native, Box::new(move |cc| Ok(Box::new(BriefmapApp::new(cc, options)))))
}
