//! The app driven through its accessibility tree, as a user (or a screen reader) would.

use briefmap::atlas::Atlas;
use briefmap::briefing::{Briefing, Item};
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use briefmap::visibility::Shown;
use egui::Key;
use egui::accesskit::Toggled;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn embedded() -> Briefing {
    Briefing::embedded(&Atlas::bundled().unwrap()).unwrap()
}

fn harness() -> Harness<'static, BriefmapApp> {
    let briefing = embedded();
    let mut h = Harness::builder()
        .with_size([1500.0, 900.0])
        .with_step_dt(0.05)
        .with_max_steps(600)
        .build_eframe(move |_| BriefmapApp::with_briefing(briefing, AppState::default()));
    h.run();
    h
}

fn summary(b: &Briefing, id: &str) -> String {
    b.claims().iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no claim {id}")).summary.clone()
}

fn selected(h: &Harness<'_, BriefmapApp>) -> Option<Item> {
    h.state().state().selection(h.state().briefing())
}

#[test]
fn clicking_smolensk_lists_the_new_divisions_claim() {
    let mut h = harness();
    let b = embedded();
    h.get_by_label("Smolensk on the map").click();
    h.run();
    assert_eq!(selected(&h), b.place("smolensk").map(Item::Place));
    let card = format!("Claim: {}", summary(&b, "new-divisions-formation"));
    h.get_by_label(&card);
    h.get_by_label(&format!("Claim: {}", summary(&b, "smolensk-borders-only-belarus")));
}

#[test]
fn clicking_a_claim_highlights_its_quote_in_the_reader() {
    let mut h = harness();
    let b = embedded();
    h.get_by_label("Smolensk on the map").click();
    h.run();
    let text = summary(&b, "new-divisions-formation");
    let card = format!("Claim: {text}");
    h.get_by_label(&card).scroll_to_me();
    h.run();
    h.get_by_label(&card).click();
    h.run();
    let claim = b.claims().iter().position(|c| c.id == "new-divisions-formation");
    assert_eq!(selected(&h), claim.map(Item::Claim));
    assert!(h.state().state().panels.reader, "selecting a claim opens the reader");
    let label = format!("Passage: {text}");
    let passage = h.get_by_label(&label);
    // egui reports a widget's "selected" to screen readers as toggled.
    assert_eq!(passage.accesskit_node().toggled(), Some(Toggled::True), "the reader marks the quote as selected");
    // Only that passage is selected.
    let other_label = format!("Passage: {}", summary(&b, "lavrov-arrives-minsk"));
    let other = h.get_by_label(&other_label);
    assert_eq!(other.accesskit_node().toggled(), Some(Toggled::False));
}

#[test]
fn moving_the_slider_to_2014_hides_the_2016_claims() {
    let mut h = harness();
    let b = embedded();
    // Hide rather than fade, as a user sets it in the Filters menu.
    h.get_by_label("Filters").click();
    h.run();
    h.get_by_label("Hide (not fade) what is outside the time window").click();
    h.run();
    assert!(h.state().state().filters.hide_outside_window);
    h.key_press(Key::Escape);
    h.run();
    // Move the slider's handle to 31 December 2014, as a screen reader does: its value is the
    // day counted from the timeline's start.
    let start = briefmap::ui::state::SLIDER_START;
    let days = start.until(jiff::civil::date(2014, 12, 31)).unwrap().get_days();
    h.get_by_label("Timeline").set_value_accesskit(f64::from(days));
    h.run();
    assert_eq!(h.get_by_label("Timeline").accesskit_node().numeric_value(), Some(f64::from(days)));
    let v = h.state().visibility().clone();
    let year = |i: usize| b.span(i).and_then(|s| s.start.or(s.end)).map(|d| d.year());
    let dated_2016: Vec<usize> = (0..b.claims().len()).filter(|&i| year(i) == Some(2016)).collect();
    assert!(dated_2016.len() >= 5, "the briefing has 2016 claims to hide");
    for i in dated_2016 {
        assert_eq!(v.claims[i], Shown::Hidden, "{} is from 2016", b.claims()[i].id);
    }
    let crimea =
        b.claims().iter().position(|c| c.when.as_ref().is_some_and(|w| w.from.is_some_and(|d| d.year == 2014)));
    assert_eq!(crimea.map(|i| v.claims[i]), Some(Shown::Full), "2014 stays");
    h.get_by_label("As of 31 Dec 2014");
}

#[test]
fn the_slider_follows_a_drag_and_steps_by_event() {
    let mut h = harness();
    let timeline = h.get_by_label("Timeline").rect();
    // Drag the handle from the left end to the middle of the track: 2013, on a 2010-2016 axis.
    let y = timeline.center().y;
    h.drag_at(egui::pos2(timeline.left() + 20.0, y));
    h.run();
    h.hover_at(timeline.center());
    h.run();
    h.drop_at(timeline.center());
    h.run();
    let time = h.state().state().time.clone();
    assert!(time.active, "dragging the slider turns the timeline on");
    assert_eq!(time.current().year(), 2013, "the middle of 2010-2016 is in 2013, not {}", time.current());
    // An increment moves to the next dated event, as → does.
    let before = time.current();
    h.get_by_label("Timeline").increment_accesskit();
    h.run();
    let after = h.state().state().time.current();
    assert!(after > before, "an increment moves forward from {before}, to {after}");
    let starts: Vec<jiff::civil::Date> = h.state().timeline().starts().map(|(d, _)| d).collect();
    assert!(starts.contains(&after), "{after} is the date of an event");
}

#[test]
fn a_typed_date_gives_way_when_the_time_is_set_otherwise() {
    let mut h = harness();
    let field = h.get_by_label("Go to date");
    field.click();
    field.type_text("2014");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let typed = |h: &Harness<'_, BriefmapApp>| h.get_by_label("Go to date").accesskit_node().value();
    assert_eq!(typed(&h).as_deref(), Some("2014"), "the date jumped to stays in the field");
    h.get_by_label("All dates").click();
    h.run();
    assert!(!h.state().state().time.active);
    assert_eq!(typed(&h).as_deref().unwrap_or(""), "", "the field no longer claims 2014 once all dates show");
}

#[test]
fn typing_palanez_selects_the_claim() {
    let mut h = harness();
    let b = embedded();
    let field = h.get_by_label("Search");
    field.click();
    field.type_text("Palanez");
    h.run();
    let palanez = b.claims().iter().position(|c| c.id == "palanez-alternative");
    assert_eq!(selected(&h), palanez.map(Item::Claim));
}

#[test]
fn the_lavrov_quote_is_found_from_the_reader() {
    let mut h = harness();
    let b = embedded();
    h.get_by_label("Article").click();
    h.run();
    let text = summary(&b, "lavrov-identical-approach");
    h.get_by_label(&format!("Passage: {text}")).click();
    h.run();
    let lavrov = b.claims().iter().position(|c| c.id == "lavrov-identical-approach");
    assert_eq!(selected(&h), lavrov.map(Item::Claim));
    // The side panel now shows the quote in full.
    let quote = &b.claims()[lavrov.unwrap()].quote;
    h.get_by_label_contains(quote);
}

#[test]
fn escape_clears_the_selection_and_help_opens_with_question_mark() {
    let mut h = harness();
    h.get_by_label("Minsk on the map").click();
    h.run();
    assert!(selected(&h).is_some());
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(selected(&h), None);
    h.get_by_label("?").click();
    h.run();
    h.get_by_label("Keyboard shortcuts");
    h.get_by_label("While presenting (F5)");
    h.get_by_label("Go to that step (1 then 2, quickly, for step 12)");
}

#[test]
fn a_dense_map_explains_its_count_discs_in_the_legend() {
    const CLUSTERS: &str = "Several places (grey: several actors)";
    let h = harness();
    assert!(h.query_by_label(CLUSTERS).is_none(), "the embedded briefing's 18 places are drawn one by one");

    let dense = briefmap::synthetic::briefing(3000, 3000, 7).expect("synthetic briefing");
    let mut h = Harness::builder()
        .with_size([1500.0, 900.0])
        .with_max_steps(600)
        .build_eframe(move |_| BriefmapApp::with_briefing(dense, AppState::default()).without_basemap());
    h.run();
    assert!(h.state().map_clustered(), "3000 places on screen are clustered");
    h.get_by_label(CLUSTERS);
    assert!(h.query_by_label("Place 1 on the map").is_none(), "no widget per marker when clustered");
}

#[test]
fn zooming_out_stops_where_the_world_still_fills_the_map() {
    let mut h = harness();
    let map = h.state().map_rect();
    let floor = briefmap::viewport::min_zoom(map.width() as f64, map.height() as f64);
    assert!(floor > 2.0, "a map {map:?} wider than 1024 px needs more than zoom 2 to fill it");
    // Scroll out over the map far past the floor, then ask for more with the keyboard.
    for _ in 0..40 {
        h.hover_at(map.center());
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, -10.0),
            phase: egui::TouchPhase::Move,
            source: egui::MouseWheelSource::Unknown,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    for _ in 0..10 {
        h.key_press(Key::Minus);
    }
    h.run();
    let zoom = h.state().state().camera.zoom;
    assert!((zoom - floor).abs() < 1e-6, "zoomed out to {zoom}, the floor is {floor}");
}

#[test]
fn the_legend_explains_crimeas_hatching_while_the_offline_basemap_is_on() {
    const OCCUPIED: &str = "Occupied by Russia since 2014 (Ukrainian territory)";
    let mut h = harness();
    // The basemap's data is read on a worker thread; the legend names its hatching once it is in.
    for _ in 0..2000 {
        if h.state().basemap_complete() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
        h.step();
    }
    h.run();
    assert!(h.state().basemap_complete(), "the bundled basemap loads");
    h.get_by_label(OCCUPIED);

    let briefing = embedded();
    let mut plain = Harness::builder()
        .with_size([1500.0, 900.0])
        .build_eframe(move |_| BriefmapApp::with_briefing(briefing, AppState::default()).without_basemap());
    plain.run();
    assert!(plain.query_by_label(OCCUPIED).is_none(), "no hatching to explain without the basemap");
}

#[test]
fn a_claim_about_one_place_frames_it_in_its_setting_not_a_city_block() {
    let mut h = harness();
    let b = embedded();
    let before = h.state().state().camera.zoom;
    h.get_by_label("Article").click();
    h.run();
    let passage = format!("Passage: {}", summary(&b, "lavrov-identical-approach"));
    h.get_by_label(&passage).scroll_to_me();
    h.run();
    h.get_by_label(&passage).click();
    h.run();
    let claim = b.claims().iter().position(|c| c.id == "lavrov-identical-approach");
    assert_eq!(selected(&h), claim.map(Item::Claim));
    let cam = h.state().state().camera;
    assert!(cam.zoom <= before.max(6.0) + 1e-6, "zoomed to {} from {before} for a claim about Minsk", cam.zoom);
    assert!((cam.lon - 27.5665).abs() < 0.5 && (cam.lat - 53.9).abs() < 0.5, "{cam:?} is not over Minsk");
}
