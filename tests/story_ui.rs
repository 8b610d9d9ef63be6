//! The story editor driven through the accessibility tree: add the current view as a step,
//! rename, reorder, delete, save into a folder, and present the edited story.

#[path = "common/drive.rs"]
mod drive;

use briefmap::atlas::Atlas;
use briefmap::briefing::load::load_file;
use briefmap::briefing::{Briefing, Item};
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use drive::click;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn atlas() -> Atlas {
    Atlas::bundled().unwrap()
}

fn harness(briefing: Briefing) -> Harness<'static, BriefmapApp> {
    let mut h = Harness::builder()
        .with_size([1600.0, 900.0])
        .with_step_dt(0.05)
        .with_max_steps(600)
        .build_eframe(move |_| BriefmapApp::with_briefing(briefing, AppState::default()));
    h.run();
    h
}

fn titles(h: &Harness<'_, BriefmapApp>) -> Vec<String> {
    h.state().briefing().story().iter().map(|s| s.title.clone()).collect()
}

/// The list row of step `i` (0-based) as it reads on screen.
fn row(h: &Harness<'_, BriefmapApp>, i: usize) -> String {
    format!("{}. {}", i + 1, h.state().briefing().story()[i].title)
}

#[test]
fn add_rename_move_delete_save_as_and_present() {
    let atlas = atlas();
    let b = Briefing::embedded(&atlas).unwrap();
    let n = b.story().len();
    let mut h = harness(b.clone());

    click(&mut h, "Minsk on the map");
    h.key_press(Key::S);
    h.run();
    assert!(h.state().state().panels.story, "S opens the story panel");

    // Pick step 3, then add the view after it: Minsk is selected, so the step highlights it.
    let third = row(&h, 2);
    click(&mut h, &third);
    let lead = b.story()[2].claims.first().and_then(|id| b.item(id));
    assert_eq!(h.state().state().selection(&b), lead, "showing a step selects its lead claim");
    // Select Minsk for the new step (hiding the legend, which covers it with the panel open).
    h.key_press(Key::L);
    h.run();
    click(&mut h, "Minsk on the map");
    assert_eq!(h.state().state().selected.as_deref(), Some("minsk"));
    click(&mut h, "+ Add current view as step");
    let added = h.state().briefing().story()[3].clone();
    assert_eq!(h.state().briefing().story().len(), n + 1);
    assert_eq!(added.title, "Minsk");
    assert_eq!(added.places, ["minsk".to_owned()]);
    assert!(added.view.centre.is_some() && added.view.zoom.is_some(), "the step keeps the map's view");
    h.get_by_label("Story (edited)");

    // Rename it: select the title's text and type over it.
    h.get_by_label("Step title").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Step title").type_text("Lukashenka's choice");
    h.run();
    assert_eq!(h.state().briefing().story()[3].title, "Lukashenka's choice");

    click(&mut h, "Move up");
    assert_eq!(titles(&h)[2], "Lukashenka's choice");
    assert_eq!(titles(&h)[3], b.story()[2].title, "the old step 3 moved down");

    // Delete another step (the last), undo it, and delete it again.
    let last = row(&h, n);
    click(&mut h, &last);
    assert_eq!(h.state().briefing().story().len(), n + 1);
    h.get_by_label(&format!("Step {} of {}", n + 1, n + 1));
    click(&mut h, "Delete");
    assert_eq!(h.state().briefing().story().len(), n);
    click(&mut h, &format!("Undo delete of step {}", n + 1));
    assert_eq!(titles(&h)[n], b.story()[n - 1].title);
    click(&mut h, &last);
    click(&mut h, "Delete");
    let edited = h.state().briefing().story().to_vec();
    assert_eq!(edited.len(), n);

    // Save into a folder: the briefing and its article, reloadable and valid.
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("briefing-bohdan-2016");
    h.get_by_label("Save as folder").set_text_value_accesskit(&folder.display().to_string());
    h.run();
    click(&mut h, "Save as…");
    let saved = load_file(&folder.join("bohdan-2016.json"), &atlas).expect("the saved briefing checks");
    assert_eq!(saved.story(), edited.as_slice());
    assert_eq!(saved.claims(), b.claims());
    assert!(h.query_by_label("Story (edited)").is_none(), "saving clears the unsaved mark");
    assert_eq!(h.state().briefing().path(), Some(folder.join("bohdan-2016.json").as_path()));

    // Presenting walks the edited story.
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::Num3);
    h.run();
    assert_eq!(h.state().presenting().map(|p| p.step), Some(2));
    h.get_by_label("Lukashenka's choice");
    assert_eq!(h.state().state().selection(h.state().briefing()), None, "the new step has no claim to put forward");
    h.key_press(Key::End);
    h.run();
    h.get_by_label(&edited[n - 1].title);
}

#[test]
fn picking_a_step_shows_it_without_presenting() {
    let atlas = atlas();
    let b = Briefing::embedded(&atlas).unwrap();
    let lavrov = b.story().iter().position(|s| s.title.contains("Lavrov")).expect("a Lavrov step");
    let lead = b.item(&b.story()[lavrov].claims[0]);
    let mut h = harness(b.clone());
    click(&mut h, "Story");
    let label = row(&h, lavrov);
    click(&mut h, &label);
    assert!(h.state().presenting().is_none());
    assert_eq!(h.state().state().selection(&b), lead);
    assert!(matches!(lead, Some(Item::Claim(_))));
    let time = &h.state().state().time;
    assert!(time.active && time.from == jiff::civil::date(2016, 5, 16), "the slider is set to the step's date");
    h.get_by_label(&format!("Step {} of {}", lavrov + 1, b.story().len()));
}

#[test]
fn a_refused_edit_and_a_failed_save_keep_the_edits() {
    let atlas = atlas();
    let b = Briefing::embedded(&atlas).unwrap();
    let mut h = harness(b.clone());
    click(&mut h, "Story");
    let first = row(&h, 0);
    click(&mut h, &first);

    // An empty title fails the checks: the story keeps the old one and says why.
    h.get_by_label("Step title").set_text_value_accesskit("");
    h.run();
    assert_eq!(h.state().briefing().story()[0].title, b.story()[0].title);
    h.get_by_label("Not changed: step 1: the title is empty");
    h.get_by_label("Step caption").set_text_value_accesskit("New caption.");
    h.run();
    assert_eq!(h.state().briefing().story()[0].caption, "New caption.");

    // A folder under a regular file cannot be made: a message, and the edits stay.
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("blocker");
    std::fs::write(&blocker, "not a folder").unwrap();
    let target = blocker.join("out");
    h.get_by_label("Save as folder").set_text_value_accesskit(&target.display().to_string());
    h.run();
    click(&mut h, "Save as…");
    let message = h.query_all_by_label_contains("Not saved: cannot save to").count();
    assert_eq!(message, 1, "the failure is on screen");
    assert_eq!(h.state().briefing().story()[0].caption, "New caption.");
    assert_eq!(h.state().briefing().path(), None);
    h.get_by_label("Story (edited)");
    assert_eq!(std::fs::read_to_string(&blocker).unwrap(), "not a folder");
}

#[test]
fn a_step_made_from_the_view_keeps_its_range_rings() {
    let b = Briefing::embedded(&atlas()).unwrap();
    let n = b.story().len();
    let mut h = harness(b);
    click(&mut h, "Baranovichi air base");
    click(&mut h, "Add range ring");
    assert_eq!(h.state().rings().shown().len(), 1, "the user's ring is on screen");
    h.key_press(Key::S);
    h.run();
    click(&mut h, "+ Add current view as step");
    let story = h.state().briefing().story();
    assert_eq!(story.len(), n + 1);
    // The briefing already has this ring (an Iskander-M from Baranovichi): the step shows it.
    assert_eq!(story[n].rings, ["iskander-baranovichi".to_owned()]);
    assert_eq!(h.state().briefing().rings().len(), 2, "no copy of a ring the file has");

    // Presenting the new step draws the ring, though presenting hides the user's own rings.
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::End);
    h.run();
    assert_eq!(h.state().presenting().map(|p| p.step), Some(n));
    let shown = h.state().rings().shown();
    assert_eq!(shown.len(), 1);
    assert!(shown[0].label.starts_with("Iskander-M (~500 km)"), "{}", shown[0].label);
}
