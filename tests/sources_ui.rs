//! Several sources, through the accessibility tree only: a second source added to the embedded
//! briefing, a claim made from it, the corroboration the Sources panel suggests confirmed; the
//! claim says "also reported by"; a step made from it names both sources when presented; and
//! with sources graded below D filtered out, the markers change.

#[path = "common/drive.rs"]
mod drive;
#[path = "common/select.rs"]
mod select;

use drive::{click, pick, type_into};
use std::path::Path;

use briefmap::atlas::Atlas;
use briefmap::briefing::RelationKind;
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const WIRE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/sources/wire.txt");
const SENTENCE: &str =
    "Lavrov told reporters that Moscow and Minsk had an identical approach to the missile defence system.";
const SUMMARY: &str = "Lavrov: Moscow and Minsk see the shield alike";

fn harness(recovery: &Path) -> Harness<'static, BriefmapApp> {
    let app = BriefmapApp::with_briefing(
        briefmap::briefing::Briefing::embedded(&Atlas::bundled().unwrap()).unwrap(),
        AppState::default(),
    )
    .without_basemap()
    .with_recovery_dir(recovery.to_owned());
    let mut h = Harness::builder()
        .with_size([1900.0, 1150.0])
        .with_step_dt(0.05)
        .with_max_steps(600)
        .build_eframe(move |_| app);
    h.run();
    h
}

fn claim_index(h: &Harness<'_, BriefmapApp>, summary: &str) -> usize {
    h.state().briefing().claims().iter().position(|c| c.summary == summary).expect("the claim")
}

/// File → Add source…, the wire story, its publisher, "Add as a source".
fn add_the_wire(h: &mut Harness<'_, BriefmapApp>) {
    h.get_by_label("File").click();
    h.run();
    h.get_by_label_contains("Add source…").click();
    h.run();
    type_into(h, "Article file", WIRE);
    click(h, "Open");
    type_into(h, "Article publisher", "Minsk wire");
    click(h, "Add as a source");
}

fn make_the_claim(h: &mut Harness<'_, BriefmapApp>) {
    select::select_in_reader(h, SENTENCE);
    click(h, "New claim from selection");
    h.get_by_label("Claim summary").click();
    h.run();
    h.get_by_label("Claim summary").type_text(SUMMARY);
    h.run();
    click(h, "Make claim");
}

#[test]
fn a_second_source_corroborates_a_claim_is_presented_and_filtered_by_grade() {
    let recovery = tempfile::tempdir().unwrap();
    let mut h = harness(recovery.path());
    add_the_wire(&mut h);
    let b = h.state().briefing();
    assert_eq!(b.sources().len(), 2, "{:?}", h.state().notices());
    assert!(h.state().state().panels.sources, "the sources panel opens");
    h.get_by_label("Minsk wire (F)");
    let minsk = b.place("minsk").unwrap();
    assert_eq!(b.sources_of_place(minsk), 2, "the wire's Minsk merged into the briefing's");
    click(&mut h, "Fit");
    h.get_by_label("Minsk on the map, 2 sources");

    make_the_claim(&mut h);
    let wire_claim = claim_index(&h, SUMMARY);
    assert_eq!(h.state().briefing().claims()[wire_claim].at.source, h.state().briefing().sources()[1].id);
    // Selected, its suggestions come first: it says what Bohdan quotes Lavrov saying.
    click(&mut h, &format!("Passage: {SUMMARY}"));
    click(&mut h, "Sources & relations");
    h.get_all_by_label("Confirm: corroborates").next().expect("a suggested corroboration").scroll_to_me();
    h.run();
    h.get_all_by_label("Confirm: corroborates").next().unwrap().click();
    h.run();
    let b = h.state().briefing();
    let relation = b.relations().last().expect("a relation");
    assert_eq!(relation.kind, RelationKind::Corroborates);
    let other = b.related_claim(b.relations().len() - 1, wire_claim).expect("one side is the wire's claim");
    assert_eq!(b.claims()[other].id, "lavrov-identical-approach", "Bohdan's quote of Lavrov");

    // The claim says who else reports it, and links there.
    h.get_by_label("Also reported by");
    h.get_by_label_contains("Also reported by Siarhei Bohdan");
    let bohdan_summary = b.claims()[other].summary.clone();
    h.get_by_label_contains(&format!("Siarhei Bohdan (F6): {bohdan_summary}"));

    // A step made from the claim brings the claim it corroborates; its caption names both.
    click(&mut h, "Story (edited)");
    click(&mut h, "+ Add current view as step");
    h.key_press(Key::F5);
    h.run();
    h.key_press(Key::End);
    h.run();
    let card = "Sources: Siarhei Bohdan (F — Reliability cannot be judged (not graded)) · Minsk wire (F — Reliability cannot be judged (not graded))";
    h.get_by_label(card);
    h.key_press(Key::Escape);
    h.run();
    click(&mut h, "Story (edited)");

    // The wire graded B; sources below D filtered out: Bohdan's claims hide, and so do the
    // places only he names; Minsk stays, with one source.
    h.get_by_label("Reliability of Minsk wire").click();
    h.run();
    pick(&mut h, "B — Usually reliable");
    assert_eq!(h.state().briefing().sources()[1].reliability, Some(briefmap::briefing::Reliability::B));
    click(&mut h, "Filters");
    click(&mut h, "D — Not usually reliable or better");
    h.key_press(Key::Escape);
    click(&mut h, "Fit");
    h.get_by_label("Minsk on the map");
    assert!(h.query_by_label("Minsk on the map, 2 sources").is_none());
    let v = h.state().visibility();
    assert_eq!(v.claims[other], briefmap::visibility::Shown::Hidden, "Bohdan is not graded: F");
    assert_ne!(v.claims[wire_claim], briefmap::visibility::Shown::Hidden);
    let b = h.state().briefing();
    let only_bohdan = b.places().iter().position(|p| p.id == "baranovichi-airbase").unwrap();
    assert_eq!(v.places[only_bohdan], briefmap::visibility::Shown::Hidden);
}

/// A file dropped on the window, as the windowing layer hands it over.
#[derive(Debug)]
struct Dropped(std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

#[test]
fn an_article_dropped_on_a_briefing_can_become_one_more_source() {
    let recovery = tempfile::tempdir().unwrap();
    let mut h = harness(recovery.path());
    h.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(WIRE.into())));
    h.run();
    h.get_by_label("Article dropped");
    click(&mut h, "A source of this briefing");
    click(&mut h, "Add as a source");
    let b = h.state().briefing();
    assert_eq!(b.sources().len(), 2, "{:?}", h.state().notices());
    assert_eq!(b.sources()[0].id, "bohdan-2016", "the lead source stays first");
    assert!(h.state().notices().iter().any(|n| n.starts_with("Added source")), "{:?}", h.state().notices());
    // One undo takes the whole source out again.
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo").click();
    h.run();
    assert_eq!(h.state().briefing().sources().len(), 1);
}

#[test]
fn a_claim_related_by_hand_changes_kind_and_takes_a_note() {
    let atlas = Atlas::bundled().unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources/briefing.json");
    let b = briefmap::briefing::load::load_file(&path, &atlas).unwrap();
    let lavrov = b.claims().iter().position(|c| c.id == "lavrov-arrives-minsk").unwrap();
    let regional = b.claims().iter().position(|c| c.id == "regional-lavrov-17-may").unwrap();
    let (summary, other) = (b.claims()[lavrov].summary.clone(), b.claims()[regional].summary.clone());
    let mut h = Harness::builder()
        .with_size([1900.0, 1150.0])
        .with_step_dt(0.05)
        .with_max_steps(600)
        .build_eframe(move |_| BriefmapApp::with_briefing(b, AppState::default()).without_basemap());
    h.run();
    click(&mut h, "Article");
    click(&mut h, &format!("Passage: {summary}"));
    h.get_by_label("None related to it yet: the Sources panel suggests some, or relate it by hand.");
    click(&mut h, "Relate to…");
    h.get_by_label_contains(&format!(": {other}")).click();
    h.run();
    click(&mut h, "Contradicts");
    let b = h.state().briefing();
    assert_eq!(b.relations().len(), 1);
    assert_eq!((b.relations()[0].kind, b.related_claim(0, lavrov)), (RelationKind::Contradicts, Some(regional)));
    h.get_by_label_contains("⚠ Contradicted by");
    h.get_by_label(&format!("Passage: {summary} (contradicted)"));

    // In the Sources panel: read otherwise (same event), with a note.
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Sources").click();
    h.run();
    click(&mut h, "Change");
    click(&mut h, "Same event");
    assert_eq!(h.state().briefing().relations()[0].kind, RelationKind::SameEvent);
    let note = || (egui::accesskit::Role::MultilineTextInput, "Note on the relation");
    h.get_by_role_and_label(note().0, note().1).click();
    h.run();
    h.get_by_role_and_label(note().0, note().1).type_text("One says 16 May, the other 17 May");
    h.run();
    h.key_press(Key::Tab);
    h.run();
    let note = h.state().briefing().relations()[0].note.clone();
    assert_eq!(note.as_deref(), Some("One says 16 May, the other 17 May"));
    assert!(h.query_by_label_contains("⚠ Contradicted by").is_none(), "the same event is no contradiction");
}

#[test]
fn a_big_briefing_s_suggestions_are_made_off_the_ui_thread() {
    let b = briefmap::synthetic::sources(3_000, 20, 7).unwrap();
    let mut state = AppState::default();
    state.panels.sources = true;
    let mut h = Harness::builder()
        .with_size([1600.0, 900.0])
        .build_eframe(move |_| BriefmapApp::with_briefing(b, state).without_basemap());
    h.step();
    h.get_by_label("Comparing the claims…");
    let made = (0..600).any(|_| {
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
        h.query_by_label_contains("Suggested relations (").is_some()
    });
    assert!(made, "the suggestions came back from the worker");
    assert!(h.query_by_label("Comparing the claims…").is_none());
    h.get_all_by_label("Confirm: corroborates").next().expect("suggestions to confirm");
}

#[test]
fn a_place_s_claims_come_under_each_source_with_its_grade() {
    let atlas = Atlas::bundled().unwrap();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources/briefing.json");
    let b = briefmap::briefing::load::load_file(&path, &atlas).unwrap();
    let minsk = b.place("minsk").unwrap();
    let count =
        |source: &str| b.claims_of_place(minsk).iter().filter(|&&c| b.claims()[c as usize].at.source == source).count();
    let (bohdan, wire) = (count("bohdan-2016"), count("wire"));
    assert!(bohdan > 0 && wire > 0);
    let mut h = Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(move |_| BriefmapApp::with_briefing(b, AppState::default()).without_basemap());
    h.run();
    let b = h.state().briefing().clone();
    h.state_mut().state_mut().select(&b, Some(briefmap::briefing::Item::Place(minsk)));
    h.run();
    h.get_by_label(&format!("Siarhei Bohdan · B — Usually reliable ({bohdan})"));
    let wire_name = b.sources()[1].short_name();
    h.get_by_label(&format!("{wire_name} · C — Fairly reliable ({wire})"));
}
