//! Authoring through the accessibility tree: selecting a passage in the reader and making it
//! a claim, reviewing suggestions, adding a place.

#[path = "common/select.rs"]
mod select;

use briefmap::atlas::Atlas;
use briefmap::briefing::Briefing;
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness_of(briefing: Briefing) -> Harness<'static, BriefmapApp> {
    let mut h = Harness::builder()
        .with_size([1700.0, 1000.0])
        .with_step_dt(0.05)
        .with_max_steps(600)
        .build_eframe(move |_| BriefmapApp::with_briefing(briefing, AppState::default()).without_basemap());
    h.run();
    h
}

fn click(h: &mut Harness<'_, BriefmapApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn a_selected_sentence_becomes_a_claim_with_its_exact_words() {
    let b = Briefing::embedded(&Atlas::bundled().unwrap()).unwrap();
    let n = b.claims().len();
    let mut h = harness_of(b);
    h.key_press(Key::E);
    h.key_press(Key::R);
    h.run();
    let sentence = "Belarus, however, is eager to capitalise on the opportunity to increase its value to Moscow";
    select::select_in_reader(&mut h, sentence);
    let selected = h.state().reader_selection().cloned().expect("the reader has the selection");
    assert_eq!(h.state().briefing().quote_at(&selected), Some(sentence));

    click(&mut h, "New claim from selection");
    h.get_by_label("New claim");
    h.get_by_label("Claim summary").click();
    h.run();
    h.get_by_label("Claim summary").type_text("Minsk wants to matter more to Moscow");
    h.run();
    click(&mut h, "Make claim");
    let claims = h.state().briefing().claims();
    assert_eq!(claims.len(), n + 1);
    let made = claims.iter().find(|c| c.summary == "Minsk wants to matter more to Moscow").expect("the new claim");
    assert_eq!(made.quote, sentence, "the quote is the text's bytes");
    assert_eq!(h.state().briefing().quote_at(&made.at), Some(sentence));
    assert!(made.places.contains(&"moscow".to_owned()), "Moscow is mentioned in it: {:?}", made.places);
    assert!(!made.actors.is_empty(), "actors come from its places");
    assert!(h.state().session().problems().is_empty(), "{:?}", h.state().session().problems());

    // Undo takes the claim back whole.
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().briefing().claims().len(), n);
}
