//! From a new article to a saved briefing, through the accessibility tree only: open an
//! article the app has never seen, see its places appear, reject a wrong suggestion, switch an
//! ambiguous one to its other reading, make a sentence a claim linked to two places with a
//! date, save, quit, start again, open the file — everything as it was left, and it checks.
//! Then every step again, each undone to the state before it.

#[path = "common/drive.rs"]
mod drive;
#[path = "common/select.rs"]
mod select;

use drive::{click, click_entry, pick, type_into};
use std::path::{Path, PathBuf};

use briefmap::atlas::Atlas;
use briefmap::briefing::{LinkKind, PartialDate, Review, load};
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const ARTICLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/author/exercise.txt");
const SENTENCE: &str = "A French frigate that left Brest on Monday joined allied ships in the Baltic Sea off Lithuania";

fn harness(recovery: &Path) -> Harness<'static, BriefmapApp> {
    let app = BriefmapApp::with_briefing(
        briefmap::briefing::Briefing::embedded(&Atlas::bundled().unwrap()).unwrap(),
        AppState::default(),
    )
    .without_basemap()
    .with_recovery_dir(recovery.to_owned());
    let mut h = Harness::builder()
        .with_size([1800.0, 1100.0])
        .with_step_dt(0.05)
        .with_max_steps(600)
        .build_eframe(move |_| app);
    h.run();
    h
}

/// Finds `name` in the review list (only the rows in view are laid out), then clicks `button`.
fn review(h: &mut Harness<'_, BriefmapApp>, name: &str, button: &str) {
    type_into(h, "Find a suggestion", name);
    click(h, button);
}

fn place<'a>(h: &'a Harness<'_, BriefmapApp>, name: &str) -> Option<&'a briefmap::briefing::Place> {
    h.state().briefing().places().iter().find(|p| p.name == name)
}

/// File → New briefing from article…, the article's path, its facts as the file gives them.
fn open_article(h: &mut Harness<'_, BriefmapApp>) {
    click(h, "File");
    click_entry(h, "New briefing from article…");
    type_into(h, "Article file", ARTICLE);
    click(h, "Open");
    h.get_by_label("About the article");
    assert_eq!(h.get_by_label("Article published").value().as_deref(), Some("2017-09-21"), "from the date line");
    assert_eq!(
        h.get_by_label("Article title").value().as_deref(),
        Some("Belarus and Russia close Zapad drills near Borisov"),
        "the headline, not the date line"
    );
    type_into(h, "Article author", "A. Correspondent");
    click(h, "Find places and dates");
}

fn make_the_claim(h: &mut Harness<'_, BriefmapApp>) {
    select::select_in_reader(h, SENTENCE);
    click(h, "New claim from selection");
    h.get_by_label("Claim summary").click();
    h.run();
    h.get_by_label("Claim summary").type_text("A French frigate joined allied ships off Lithuania");
    h.run();
    // A link between two of its places: from Brest to the Baltic Sea, a deployment.
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "from").click();
    h.run();
    pick(h, "Brest");
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "to").click();
    h.run();
    pick(h, "Baltic Sea");
    h.get_by_role_and_label(egui::accesskit::Role::ComboBox, "as").click();
    h.run();
    pick(h, "Deployment");
    click(h, "Add link");
    click(h, "Make claim");
}

#[test]
fn a_new_article_becomes_a_saved_briefing_that_reopens_as_left() {
    let recovery = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("zapad");
    let mut h = harness(recovery.path());
    open_article(&mut h);

    // Its places are on the map, as suggestions, and the review is open.
    h.get_by_label("Minsk on the map");
    let undecided = h.state().briefing().undecided_suggestions();
    assert!(undecided >= 10, "{undecided} suggestions");
    assert!(h.state().briefing().path().is_none(), "not saved yet");
    assert!(h.state().state().panels.author && h.state().state().panels.reader);

    // "Warsaw Pact" is no mention of Warsaw: reject it.
    review(&mut h, "Warsaw", "Reject Warsaw");
    assert_eq!(place(&h, "Warsaw").unwrap().suggestion.as_ref().unwrap().status, Review::Rejected);
    // The frigate left Brest in France, not in Belarus: switch to the other reading.
    assert_eq!(place(&h, "Brest").unwrap().lon.round(), 24.0, "the extractor read Belarus's Brest");
    review(&mut h, "Brest", "Other reading of Brest");
    click(&mut h, "Brest (city, FR)");
    assert_eq!(place(&h, "Brest").unwrap().lon.round(), -4.0, "now the French port");
    click(&mut h, "Accept Brest");
    assert!(place(&h, "Brest").unwrap().suggestion.is_none());

    make_the_claim(&mut h);
    let b = h.state().briefing();
    let claim = b.claims().iter().find(|c| c.quote == SENTENCE).expect("the claim");
    assert_eq!(b.quote_at(&claim.at), Some(SENTENCE), "its quote is the text's bytes");
    assert_eq!(claim.when.as_ref().and_then(|w| w.from), Some(PartialDate::day(2017, 9, 18)), "on Monday");
    let brest = place(&h, "Brest").unwrap().id.clone();
    assert!(claim.places.contains(&brest), "{:?}", claim.places);
    let link = b.links().iter().find(|l| l.claims.contains(&claim.id)).expect("its link");
    assert_eq!((link.from.as_str(), link.kind), (brest.as_str(), LinkKind::Deployment));
    let claim_id = claim.id.clone();

    // Save: a new briefing asks for a folder; its text goes beside it.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    type_into(&mut h, "Folder to save into", &folder.display().to_string());
    click(&mut h, "Save here");
    assert!(!h.state().has_unsaved_edits());
    let path: PathBuf = h.state().briefing().path().expect("saved").to_owned();
    assert!(folder.join("exercise.txt").exists(), "the article's text is saved beside it");
    let saved = load::load_file(&path, &Atlas::bundled().unwrap()).expect("check passes on the saved file");
    let report = briefmap::cli::summary(&saved);
    assert!(report.contains("still to review"), "{report}");
    drop(h);

    // Start again and open it: as it was left.
    let mut h = harness(recovery.path());
    assert!(h.query_by_label("Unsaved edits found").is_none(), "a saved briefing leaves nothing to recover");
    click(&mut h, "File");
    click_entry(&mut h, "Open…");
    type_into(&mut h, "Briefing file", &path.display().to_string());
    click(&mut h, "Open");
    let b = h.state().briefing();
    assert_eq!(b.doc(), saved.doc());
    assert_eq!(place(&h, "Warsaw").unwrap().suggestion.as_ref().unwrap().status, Review::Rejected);
    assert_eq!(place(&h, "Brest").unwrap().lon.round(), -4.0);
    assert!(b.claims().iter().any(|c| c.id == claim_id));
    assert!(h.state().session().problems().is_empty());
}

/// The document as JSON, to compare states.
fn doc(h: &Harness<'_, BriefmapApp>) -> String {
    h.state().briefing().to_json()
}

/// Undo gives back the state before `step`; redo the state after.
fn undoes(h: &mut Harness<'_, BriefmapApp>, what: &str, step: impl FnOnce(&mut Harness<'_, BriefmapApp>)) {
    let before = doc(h);
    step(h);
    let after = doc(h);
    assert_ne!(before, after, "{what} changed the briefing");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(doc(h), before, "undo of {what}");
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_eq!(doc(h), after, "redo of {what}");
}

#[test]
fn each_authoring_step_undoes_to_the_state_before_it() {
    let recovery = tempfile::tempdir().unwrap();
    let mut h = harness(recovery.path());
    open_article(&mut h);
    undoes(&mut h, "rejecting Warsaw", |h| review(h, "Warsaw", "Reject Warsaw"));
    undoes(&mut h, "switching Brest", |h| {
        review(h, "Brest", "Other reading of Brest");
        click(h, "Brest (city, FR)");
    });
    undoes(&mut h, "accepting all above 0.80", |h| click_entry(h, "Accept all above 0.80"));
    undoes(&mut h, "making the claim", make_the_claim);
}

#[test]
fn the_review_list_follows_the_document_that_replaces_the_one_it_showed() {
    let recovery = tempfile::tempdir().unwrap();
    let mut h = harness(recovery.path());
    // The review panel open on the embedded briefing: nothing to decide there.
    h.key_press(Key::E);
    h.run();
    h.get_by_label_contains("0 suggestions to decide");
    open_article(&mut h);
    let n = h.state().briefing().undecided_suggestions();
    assert!(n > 10, "the article's suggestions: {n}");
    h.get_by_label_contains(&format!("{n} suggestions to decide"));
}
