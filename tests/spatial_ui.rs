//! Range rings and the measure tool, driven from the UI.

use briefmap::atlas::Atlas;
use briefmap::briefing::Briefing;
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness() -> Harness<'static, BriefmapApp> {
    let briefing = Briefing::embedded(&Atlas::bundled().unwrap()).unwrap();
    let mut h = Harness::builder()
        .with_size([1500.0, 900.0])
        .with_step_dt(0.05)
        .with_max_steps(600)
        .build_eframe(move |_| BriefmapApp::with_briefing(briefing, AppState::default()).without_basemap());
    h.run();
    h
}

#[test]
fn an_iskander_ring_from_baranovichi_lists_what_it_reaches() {
    let mut h = harness();
    h.get_by_label("Baranovichi air base").click();
    h.run();
    h.get_by_label("Add range ring").click();
    h.run();
    let rings = h.state().rings().shown();
    assert_eq!(rings.len(), 1);
    assert!(rings[0].label.starts_with("Iskander-M (~500 km) from Baranovichi"), "{}", rings[0].label);
    // The within-reach table, as the user reads it.
    h.get_by_label("Range rings");
    h.get_by_label("Within reach: 13 of the briefing's places and regions");
    h.get_by_label("Warsaw");
    h.get_by_label("354 km");
    h.get_by_label("Vilnius");
    h.get_by_label("185 km");
    // Redzikowo is 608 km away: out of an Iskander-M's reach from Baranovichi.
    assert!(h.query_by_label("Aegis Ashore Redzikowo").is_none());
}

#[test]
fn the_measure_tool_gives_leg_and_total() {
    let mut h = harness();
    h.get_by_label("Measure").click();
    h.run();
    h.get_by_label("Minsk on the map").click();
    h.run();
    h.get_by_label("Moscow on the map").click();
    h.run();
    h.get_by_label("Minsk to Moscow: 677 km, 68° ENE");
    h.get_by_label("Total: 677 km");
    // Measuring does not select what is clicked.
    assert_eq!(h.state().state().selected, None);
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Total: 677 km").is_none());
}
