//! Presentation mode driven by the keyboard, as a presenter with a clicker would.

use briefmap::atlas::Atlas;
use briefmap::briefing::{Briefing, Item};
use briefmap::ui::BriefmapApp;
use briefmap::ui::state::AppState;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The offline basemap's legend entry for Crimea's hatching.
const OCCUPIED: &str = "Occupied by Russia since 2014 (Ukrainian territory)";

fn embedded() -> Briefing {
    Briefing::embedded(&Atlas::bundled().unwrap()).unwrap()
}

fn harness() -> Harness<'static, BriefmapApp> {
    let briefing = embedded();
    let mut h = Harness::builder()
        .with_size([1600.0, 900.0])
        .with_step_dt(0.05)
        .with_max_steps(600)
        .build_eframe(move |_| BriefmapApp::with_briefing(briefing, AppState::default()));
    h.run();
    h
}

fn press(h: &mut Harness<'_, BriefmapApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn step(h: &Harness<'_, BriefmapApp>) -> Option<usize> {
    h.state().presenting().map(|p| p.step)
}

/// The caption card shows the step's number, title and caption, and the step's lead claim is
/// the highlighted one.
fn assert_on_step(h: &Harness<'_, BriefmapApp>, b: &Briefing, i: usize) {
    assert_eq!(step(h), Some(i));
    let s = &b.story()[i];
    h.get_by_label(&s.title);
    h.get_by_label(&s.caption);
    let progress = format!("{} / {}", i + 1, b.story().len());
    h.get_by_label_contains(&progress);
    let lead = s.claims.first().and_then(|id| b.item(id));
    assert_eq!(h.state().state().selection(b), lead, "step {} highlights its lead claim", i + 1);
    if let Some(Item::Claim(c)) = lead {
        h.get_by_label(&b.claims()[c].quoted());
    }
}

#[test]
fn f5_presents_and_the_keyboard_walks_the_story() {
    let b = embedded();
    let n = b.story().len();
    assert!((8..=12).contains(&n), "the story has 8-12 steps, not {n}");
    let mut h = harness();
    press(&mut h, Key::F5);
    assert_on_step(&h, &b, 0);
    assert!(h.query_by_label("Search").is_none(), "panels are hidden while presenting");
    for i in 1..n {
        press(&mut h, if i % 2 == 0 { Key::ArrowRight } else { Key::PageDown });
        assert_on_step(&h, &b, i);
    }
    press(&mut h, Key::Space);
    assert_on_step(&h, &b, n - 1);
    press(&mut h, Key::PageUp);
    assert_on_step(&h, &b, n - 2);
    press(&mut h, Key::ArrowLeft);
    assert_on_step(&h, &b, n - 3);
    press(&mut h, Key::Home);
    assert_on_step(&h, &b, 0);
    press(&mut h, Key::End);
    assert_on_step(&h, &b, n - 1);
    press(&mut h, Key::Num3);
    assert_on_step(&h, &b, 2);
    if n >= 10 {
        // Two digits typed together name steps past 9, as in slide software.
        h.key_press(Key::Num1);
        h.key_press(Key::Num0);
        h.run();
        assert_on_step(&h, &b, 9);
    }
}

#[test]
fn b_blanks_and_escape_leaves() {
    let mut h = harness();
    press(&mut h, Key::F5);
    press(&mut h, Key::B);
    assert!(h.state().presenting().is_some_and(|p| p.blank));
    press(&mut h, Key::B);
    assert!(h.state().presenting().is_some_and(|p| !p.blank));
    press(&mut h, Key::Escape);
    assert_eq!(step(&h), None);
    h.get_by_label("Search");
}

#[test]
fn a_step_sets_the_time_window() {
    let b = embedded();
    let mut h = harness();
    press(&mut h, Key::F5);
    let lavrov = b.story().iter().position(|s| s.title.contains("Lavrov")).expect("a Lavrov step");
    for _ in 0..lavrov {
        press(&mut h, Key::ArrowRight);
    }
    let time = &h.state().state().time;
    assert!(time.active && !time.window, "a one-date step sets the slider to that date");
    assert_eq!(time.from, jiff::civil::date(2016, 5, 16));
}

#[test]
fn a_framed_step_keeps_its_places_clear_of_the_legend_and_the_caption() {
    let b = embedded();
    let mut h = harness();
    press(&mut h, Key::F5);
    press(&mut h, Key::End);
    let last = b.story().last().expect("a story");
    // The legend runs across the top right while presenting; its last entries are its lowest.
    let legend_bottom = ["Pressure", OCCUPIED]
        .iter()
        .filter_map(|label| h.query_by_label(label).map(|n| n.rect().bottom()))
        .fold(f32::MIN, f32::max);
    assert!(legend_bottom > f32::MIN, "the presenting legend is on screen");
    let caption_top = h.get_by_label(&last.title).rect().top();
    let framed: Vec<&str> = last.view.frame.iter().map(String::as_str).collect();
    assert!(framed.contains(&"moscow"), "the last step frames Moscow, the place nearest the legend");
    for place in b.places().iter().filter(|p| framed.contains(&p.id.as_str())) {
        let marker = h.get_by_label(&format!("{} on the map", place.name)).rect();
        assert!(
            marker.top() > legend_bottom,
            "{} at {marker:?} is under the legend (to y={legend_bottom})",
            place.name
        );
        assert!(
            marker.bottom() < caption_top,
            "{} at {marker:?} is under the caption (from y={caption_top})",
            place.name
        );
    }
}
