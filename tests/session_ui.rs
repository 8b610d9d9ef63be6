//! Editing through the session, driven through the accessibility tree: undo and redo of a
//! typed title, the unsaved-changes question on quit, crash recovery, opening a file.

#[path = "common/drive.rs"]
mod drive;

use briefmap::atlas::Atlas;
use briefmap::briefing::Briefing;
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use drive::{click, click_entry};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn embedded() -> Briefing {
    Briefing::embedded(&Atlas::bundled().unwrap()).unwrap()
}

fn harness_of(app: BriefmapApp) -> Harness<'static, BriefmapApp> {
    let mut h =
        Harness::builder().with_size([1600.0, 900.0]).with_step_dt(0.05).with_max_steps(600).build_eframe(move |_| app);
    h.run();
    h
}

fn harness() -> Harness<'static, BriefmapApp> {
    harness_of(BriefmapApp::with_briefing(embedded(), AppState::default()).without_basemap())
}

fn first_title(h: &Harness<'_, BriefmapApp>) -> String {
    h.state().briefing().story()[0].title.clone()
}

/// Types `text` over the first step's title, then moves the keyboard elsewhere.
fn retitle_first_step(h: &mut Harness<'_, BriefmapApp>, text: &str) {
    let row = format!("1. {}", first_title(h));
    click(h, &row);
    h.get_by_label("Step title").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Step title").type_text(text);
    h.run();
    // Done typing: the field gives up the keyboard.
    h.key_press(Key::Escape);
    h.run();
}

/// Asks the window to close, as the window manager's close button does.
fn request_close(h: &mut Harness<'_, BriefmapApp>) {
    h.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    h.run();
}

#[test]
fn a_typed_title_undoes_and_redoes_as_one_step() {
    let mut h = harness();
    let original = first_title(&h);
    h.key_press(Key::S);
    h.run();
    retitle_first_step(&mut h, "Lavrov in Minsk");
    assert_eq!(first_title(&h), "Lavrov in Minsk");
    assert!(h.state().has_unsaved_edits());
    assert!(h.state().window_title().starts_with("● "), "{}", h.state().window_title());

    // The Edit menu says what Undo undoes; one undo takes the whole typing back.
    click(&mut h, "Edit");
    click_entry(&mut h, "Undo change step 1");
    assert_eq!(first_title(&h), original);
    assert!(!h.state().has_unsaved_edits(), "back to the file as loaded");
    assert!(!h.state().window_title().starts_with("● "));
    assert_eq!(h.get_by_label("Step title").value().as_deref(), Some(original.as_str()), "the field follows");

    // Redo from the keyboard.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(first_title(&h), "Lavrov in Minsk");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(first_title(&h), original);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(first_title(&h), "Lavrov in Minsk");
}

#[test]
fn closing_with_unsaved_edits_asks_first() {
    let mut h = harness();
    // Nothing to save: closing asks nothing.
    request_close(&mut h);
    assert!(h.query_by_label("Unsaved changes").is_none());

    h.key_press(Key::S);
    h.run();
    retitle_first_step(&mut h, "Edited");
    request_close(&mut h);
    h.get_by_label("Unsaved changes");
    click(&mut h, "Cancel");
    assert!(h.query_by_label("Unsaved changes").is_none());
    assert_eq!(first_title(&h), "Edited", "cancel keeps the edits");

    // Save from the question: the embedded briefing has no file, so it asks for a folder.
    request_close(&mut h);
    click(&mut h, "Save");
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("kept");
    h.get_by_label("Folder to save into").set_text_value_accesskit(&folder.display().to_string());
    h.run();
    click(&mut h, "Save here");
    let saved = briefmap::briefing::load::load_file(&folder.join("bohdan-2016.json"), &Atlas::bundled().unwrap())
        .expect("saved before closing");
    assert_eq!(saved.story()[0].title, "Edited");
    assert!(!h.state().has_unsaved_edits());
}

#[test]
fn a_crash_leaves_edits_that_the_next_start_offers_back() {
    let dir = tempfile::tempdir().unwrap();
    let app = BriefmapApp::with_briefing(embedded(), AppState::default())
        .without_basemap()
        .with_recovery_dir(dir.path().to_owned());
    let mut h = harness_of(app);
    h.key_press(Key::S);
    h.run();
    retitle_first_step(&mut h, "Before the crash");
    // The autosave comes a moment after the last edit (simulated time runs with the frames).
    for _ in 0..60 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "one recovery file");
    // A crash: the app goes without saving or cleaning up.
    std::mem::forget(h);

    let app = BriefmapApp::with_briefing(embedded(), AppState::default())
        .without_basemap()
        .with_recovery_dir(dir.path().to_owned());
    let mut h = harness_of(app);
    h.get_by_label("Unsaved edits found");
    assert_ne!(first_title(&h), "Before the crash", "nothing is restored unasked");
    click(&mut h, "Restore");
    assert_eq!(first_title(&h), "Before the crash");
    assert!(h.state().has_unsaved_edits(), "restored edits still need saving");
    assert!(h.query_by_label("Unsaved edits found").is_none());

    // One more edit, then closing at once: letting them go removes the recovery copy, and
    // the frames before the window goes (past the autosave delay) do not write it back.
    if h.query_by_label("1. Before the crash").is_none() {
        h.key_press(Key::S);
        h.run();
    }
    retitle_first_step(&mut h, "After the restore");
    request_close(&mut h);
    click(&mut h, "Don't save");
    for _ in 0..60 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0, "no recovery file left");
}

#[test]
fn a_briefing_opened_from_the_file_menu_replaces_the_one_on_screen() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = Atlas::bundled().unwrap();
    let copy = briefmap::briefing::save::save_as(&embedded(), dir.path()).unwrap();
    let path = copy.path().unwrap().to_owned();
    // A draft: one claim cites a place that is not there. It opens, with its problem listed.
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "\"places\": [\n        \"minsk\"",
        "\"places\": [\n        \"atlantis\"",
        1,
    );
    std::fs::write(&path, text).unwrap();
    assert!(briefmap::briefing::load::load_file(&path, &atlas).is_err(), "check fails on the draft");

    let mut h = harness();
    click(&mut h, "File");
    click_entry(&mut h, "Open…");
    h.get_by_label("Briefing file").set_text_value_accesskit(&path.display().to_string());
    h.run();
    click(&mut h, "Open");
    assert_eq!(h.state().briefing().path(), Some(path.as_path()));
    assert_eq!(h.state().session().problems().len(), 1);
    h.get_by_label_contains("no place has id 'atlantis'");
    assert!(h.state().state().recent.iter().any(|p| p.ends_with("bohdan-2016.json")), "remembered as recent");
    // Saving a draft is allowed.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert!(h.state().notices().iter().any(|n| n.starts_with("Saved to")), "{:?}", h.state().notices());
}
