//! Authoring through the accessibility tree: selecting a passage in the reader and making it
//! a claim, reviewing suggestions, adding a place.

#[path = "common/drive.rs"]
mod drive;
#[path = "common/select.rs"]
mod select;

use briefmap::atlas::Atlas;
use briefmap::briefing::Briefing;
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use drive::click;
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

/// The exercise article as a draft, the review open.
fn draft_harness() -> Harness<'static, BriefmapApp> {
    use briefmap::authoring::new_article;
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/author/exercise.txt");
    let article = new_article::read(std::path::Path::new(path)).unwrap();
    let session =
        new_article::draft(&article, &briefmap::extract::Gazetteer::bundled().unwrap(), &Atlas::bundled().unwrap())
            .unwrap();
    let mut state = AppState::default();
    state.panels.author = true;
    state.panels.reader = true;
    let mut h = Harness::builder()
        .with_size([1800.0, 1100.0])
        .with_step_dt(0.05)
        .with_max_steps(600)
        .build_eframe(move |_| BriefmapApp::with_session(session, state).without_basemap());
    h.run();
    h
}

fn place_named<'a>(h: &'a Harness<'_, BriefmapApp>, name: &str) -> Option<&'a briefmap::briefing::Place> {
    h.state().briefing().places().iter().find(|p| p.name == name)
}

#[test]
fn a_suggestion_switches_to_a_gazetteer_search_result_and_a_place_is_added_from_it() {
    let mut h = draft_harness();
    assert_eq!(place_named(&h, "Brest").unwrap().lon.round(), 24.0, "the extractor read Belarus's Brest");
    // Expand Brest's row, search the whole gazetteer, take the French port.
    h.get_by_label("Find a suggestion").set_text_value_accesskit("Brest");
    h.run();
    click(&mut h, "Brest · City");
    h.get_by_label("Search the gazetteer for Brest").set_text_value_accesskit("Brest");
    h.run();
    h.get_by_label_contains("Use Brest (city, FR").click();
    h.run();
    let brest = place_named(&h, "Brest").unwrap();
    assert_eq!(brest.lon.round(), -4.0, "now the French port");
    assert!(brest.provenance.source.starts_with("geonames:"), "{:?}", brest.provenance);

    // A place the article does not name, picked from the gazetteer instead of the map.
    let places = h.state().briefing().places().len();
    click(&mut h, "Add a place");
    h.get_by_label("New place name").set_text_value_accesskit("Vitebsk");
    h.run();
    h.get_by_label_contains("Put at Vitebsk (city, BY").click();
    h.run();
    assert_eq!(h.state().briefing().places().len(), places + 1);
    let vitebsk = place_named(&h, "Vitebsk").expect("added");
    assert!((vitebsk.lat - 55.19).abs() < 0.05 && (vitebsk.lon - 30.2).abs() < 0.05, "{vitebsk:?}");
    assert!(h.state().session().problems().is_empty(), "{:?}", h.state().session().problems());

    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(place_named(&h, "Vitebsk").is_none());
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(place_named(&h, "Brest").unwrap().lon.round(), 24.0);
}

#[test]
fn places_are_imported_from_a_file_through_the_menu_as_one_undo_step() {
    let b = Briefing::embedded(&Atlas::bundled().unwrap()).unwrap();
    let (places, regions) = (b.places().len(), b.regions().len());
    let mut h = harness_of(b);
    click(&mut h, "File");
    h.get_by_label_contains("Import places…").click();
    h.run();
    h.get_by_label("Import places");
    // A file that is not there: the window stays and says why.
    let missing = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/missing.kml");
    h.get_by_label("File to import").set_text_value_accesskit(missing);
    h.run();
    click(&mut h, "Open");
    h.get_by_label_contains("missing.kml");
    assert_eq!(h.state().briefing().places().len(), places);

    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/baltic-sites.geojson");
    h.get_by_label("File to import").set_text_value_accesskit(file);
    h.run();
    click(&mut h, "Open");
    assert!(h.query_by_label("Import places").is_none(), "the window closes");
    let b = h.state().briefing();
    assert_eq!((b.places().len(), b.regions().len()), (places + 3, regions + 1));
    assert!(b.places().iter().any(|p| p.name == "Volga radar (Hantsavichy)" || p.id == "volga-radar-hantsavichy"));
    assert!(h.state().session().problems().is_empty(), "{:?}", h.state().session().problems());
    assert!(
        h.state().notices().iter().any(|n| n.contains("3 places and 1 region imported")),
        "{:?}",
        h.state().notices()
    );

    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    h.run();
    let b = h.state().briefing();
    assert_eq!((b.places().len(), b.regions().len()), (places, regions), "one undo takes the import back");
}

#[test]
fn a_link_is_drawn_from_one_marker_to_another_and_rests_on_a_claim() {
    use egui::{Event, Modifiers, PointerButton};
    let b = Briefing::embedded(&Atlas::bundled().unwrap()).unwrap();
    let links = b.links().len();
    let mut h = harness_of(b);
    h.key_press(Key::E);
    h.run();
    let from = h.get_by_label("Minsk on the map").rect().center();
    let to = h.get_by_label("Smolensk on the map").rect().center();
    let shift = Modifiers::SHIFT;
    h.event(Event::ModifiersChanged(shift));
    h.event(Event::PointerMoved(from));
    h.event(Event::PointerButton { pos: from, button: PointerButton::Primary, pressed: true, modifiers: shift });
    h.step();
    for k in 1..=4 {
        h.event(Event::PointerMoved(from + (to - from) * (k as f32 / 4.0)));
        h.step();
    }
    h.event(Event::PointerButton { pos: to, button: PointerButton::Primary, pressed: false, modifiers: shift });
    h.step();
    h.event(Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    assert_eq!(place_named(&h, "Minsk").unwrap().lat.round(), 54.0, "a Shift+drag draws, it does not move");
    h.get_by_label("New link");
    h.get_by_label_contains("From Minsk to Smolensk");
    h.get_by_label("Link kind").click();
    h.run();
    // The legend names the kind too; the popup's entry is the button.
    h.get_all_by_role_and_label(egui::accesskit::Role::Button, "Deployment").last().expect("the entry").click();
    h.run();
    h.get_by_label("Supporting claim").click();
    h.run();
    let claim = h.state().briefing().claims()[0].clone();
    h.get_all_by_label(&claim.summary).last().expect("the claim").click();
    h.run();
    click(&mut h, "Add link");
    let b = h.state().briefing();
    assert_eq!(b.links().len(), links + 1);
    let link = b.links().last().unwrap();
    assert_eq!(
        (link.from.as_str(), link.to.as_str(), link.kind),
        ("minsk", "smolensk", briefmap::briefing::LinkKind::Deployment)
    );
    assert_eq!(link.claims, [claim.id]);
    assert!(h.state().session().problems().is_empty(), "{:?}", h.state().session().problems());
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().briefing().links().len(), links);
}
