//! The app keeps running, says what happened and loses nothing when things go wrong around it.

use briefmap::atlas::Atlas;
use briefmap::briefing::Briefing;
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn embedded() -> Briefing {
    Briefing::embedded(&Atlas::bundled().unwrap()).unwrap()
}

fn harness(app: BriefmapApp) -> Harness<'static, BriefmapApp> {
    let mut h =
        Harness::builder().with_size([1500.0, 900.0]).with_step_dt(0.05).with_max_steps(600).build_eframe(move |_| app);
    h.run();
    h
}

#[test]
fn a_missing_basemap_folder_leaves_a_plain_map_and_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-geodata");
    let app = BriefmapApp::with_briefing(embedded(), AppState::default()).with_geodata(Some(missing.clone()));
    let mut h = harness(app);
    let notices = h.state().notices().to_vec();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("basemap could not be read"), "{}", notices[0]);
    assert!(notices[0].contains("no-geodata"), "the message names the folder: {}", notices[0]);
    // The briefing still works on the plain map.
    h.get_by_label("Minsk on the map").click();
    h.run();
    assert!(h.state().state().selected.as_deref() == Some("minsk"));
}

#[test]
fn a_corrupt_basemap_file_is_reported_with_its_name() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("basemap.bin"), b"not a basemap at all").unwrap();
    std::fs::write(dir.path().join("labels.tsv"), "garbage\n").unwrap();
    let app = BriefmapApp::with_briefing(embedded(), AppState::default()).with_geodata(Some(dir.path().to_owned()));
    let h = harness(app);
    let notices = h.state().notices();
    assert_eq!(notices.len(), 1, "{notices:?}");
    assert!(notices[0].contains("basemap.bin"), "{}", notices[0]);
}

#[test]
fn save_view_as_png_writes_the_file_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("view.png");
    let app = BriefmapApp::with_briefing(embedded(), AppState::default()).without_basemap();
    let mut h = harness(app);
    h.get_by_label("Save PNG").click();
    h.run();
    h.get_by_label("PNG file").set_text_value_accesskit(path.to_str().unwrap());
    h.run();
    h.get_all_by_label("Save PNG").last().expect("the menu's button").click();
    h.run();
    for _ in 0..600 {
        if h.state().notices().iter().any(|n| n.starts_with("Saved")) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    assert!(h.state().notices().iter().any(|n| n.starts_with("Saved")), "{:?}", h.state().notices());
    let image = tiny_skia::Pixmap::load_png(&path).unwrap();
    assert_eq!((image.width(), image.height()), (1920, 1080));
}

#[test]
fn saving_a_view_into_a_missing_place_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("a-file");
    std::fs::write(&blocker, "x").unwrap();
    let path = blocker.join("view.png");
    let app = BriefmapApp::with_briefing(embedded(), AppState::default()).without_basemap();
    let mut h = harness(app);
    h.get_by_label("Save PNG").click();
    h.run();
    h.get_by_label("PNG file").set_text_value_accesskit(path.to_str().unwrap());
    h.run();
    h.get_all_by_label("Save PNG").last().expect("the menu's button").click();
    h.run();
    for _ in 0..600 {
        if !h.state().notices().is_empty() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    let notices = h.state().notices();
    assert!(notices.iter().any(|n| n.starts_with("The view was not saved")), "{notices:?}");
    // And the app goes on.
    h.get_by_label("Minsk on the map");
}
