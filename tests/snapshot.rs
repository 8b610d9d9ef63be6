//! Image snapshots of the app as a user first sees it (rendered by wgpu; a software adapter
//! is enough). `UPDATE_SNAPSHOTS=1 cargo test --test snapshot` writes new ones.

mod common;

use briefmap::atlas::Atlas;
use briefmap::briefing::Briefing;
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use egui_kittest::{Harness, SnapshotOptions};

/// How many pixels may differ: software rasterisers on different machines (CI's and a
/// developer's lavapipe) anti-alias a few edge pixels differently; a changed layout, colour or
/// label moves thousands.
const DIFFERING_PIXELS: usize = 60;

fn options() -> SnapshotOptions {
    SnapshotOptions::new().max_failed_pixels(DIFFERING_PIXELS)
}

fn app_harness(name: &str, state: AppState) -> Option<Harness<'static, BriefmapApp>> {
    let renderer = common::wgpu_renderer(name)?;
    let briefing = Briefing::embedded(&Atlas::bundled().unwrap()).unwrap();
    let mut h = Harness::builder()
        .with_size([1600.0, 900.0])
        .with_step_dt(0.05)
        .with_max_steps(600)
        .renderer(renderer)
        .build_eframe(move |_| BriefmapApp::with_briefing(briefing, state));
    h.run();
    // Basemap tiles render on worker threads: wait for them, then settle.
    for _ in 0..2000 {
        if h.state().basemap_pending() == 0 {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
    Some(h)
}

#[test]
fn default_view() {
    if let Some(mut h) = app_harness("default_view", AppState::default()) {
        h.snapshot_options("default_view", &options());
    }
}

#[test]
fn smolensk_selected_dark() {
    let state =
        AppState { selected: Some("smolensk".into()), theme: briefmap::ui::state::Theme::Dark, ..AppState::default() };
    if let Some(mut h) = app_harness("smolensk_selected_dark", state) {
        h.snapshot_options("smolensk_selected_dark", &options());
    }
}
