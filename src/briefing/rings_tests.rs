use super::*;
use crate::spatial::{Coverage, MAX_RADIUS_KM};
use crate::test_fixture;

fn ids(rows: &[ReachRow]) -> Vec<&str> {
    rows.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn rings_resolve_with_preset_override_and_custom_radius() {
    let b = test_fixture::briefing();
    assert_eq!(b.rings().len(), 3);

    let iskander = b.ring(0).unwrap();
    assert_eq!((iskander.index, iskander.id.as_str()), (0, "iskander-baranovichi"));
    assert_eq!(b.places()[iskander.place].id, "baranovichi");
    assert_eq!(iskander.ring.centre(), b.places()[iskander.place].point());
    assert_eq!(iskander.ring.radius_km(), 500.0);
    assert_eq!(iskander.system.map(|s| s.id), Some("iskander-m"));
    assert_eq!(iskander.label, "Iskander-M (~500 km) from Baranovichi");
    assert_eq!(iskander.heading(), "Iskander-M (~500 km)");

    // `km` overrides the preset's range; the file's label wins over the default.
    let palanez = b.ring_by_id("palanez-minsk").unwrap();
    assert_eq!(palanez.ring.radius_km(), 300.0);
    assert_eq!(palanez.heading(), "Palanez (Polonez) MLRS at 300 km");
    assert_eq!(palanez.label, "Palanez stretched to 300 km");

    let custom = b.ring(2).unwrap();
    assert_eq!((custom.ring.radius_km(), custom.system), (120.0, None));
    assert_eq!(custom.label, "120 km ring from Kaliningrad");

    assert_eq!(b.ring(3), None);
    assert_eq!(b.ring_by_id("nope"), None);
}

#[test]
fn iskander_at_baranovichi_reaches_warsaw_and_vilnius_but_not_redzikowo() {
    let b = test_fixture::briefing();
    let r = b.ring(0).unwrap();
    let rows = b.within_reach(&r.ring, Some(r.place));
    // Nearest first; the centre place is left out; Moscow (806 km), Redzikowo (608 km),
    // Deveselu and Rostov Oblast are beyond 500 km.
    assert_eq!(
        ids(&rows),
        ["belarus-country", "baltic-states", "minsk", "poland", "vilnius", "warsaw", "smolensk", "kaliningrad"]
    );
    let row = |id: &str| rows.iter().find(|r| r.id == id).unwrap();
    assert_eq!((row("warsaw").kind.as_str(), row("warsaw").coverage), ("Capital", Coverage::Within));
    assert!((row("warsaw").distance_km - 353.8).abs() < 0.1, "{:?}", row("warsaw"));
    // The centre is in Belarus, and all of Belarus is within 500 km of it.
    assert_eq!((row("belarus-country").distance_km, row("belarus-country").coverage), (0.0, Coverage::Full));
    assert_eq!(row("poland").coverage, Coverage::Partial);
    assert_eq!(row("smolensk").kind, "Province");
}

#[test]
fn targets_are_every_place_but_the_centre_and_every_region() {
    let b = test_fixture::briefing();
    let all = b.reach_targets(None);
    assert_eq!(all.len(), b.places().len() + b.regions().len());
    let without_minsk = b.reach_targets(b.place("minsk"));
    assert_eq!(without_minsk.len(), all.len() - 1);
    assert!(without_minsk.iter().all(|t| t.id != "minsk"));
    // Without excluding the centre, it is listed at distance 0.
    let r = b.ring(1).unwrap();
    let rows = b.within_reach(&r.ring, None);
    assert_eq!(rows.iter().find(|row| row.id == "minsk").map(|row| row.distance_km), Some(0.0));
}

fn ring_problems(edit: impl FnOnce(&mut RingSpec)) -> Vec<String> {
    let mut doc = test_fixture::doc();
    edit(&mut doc.rings[0]);
    match test_fixture::check(doc) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.list.iter().map(|p| format!("{}: {}", p.path, p.message)).collect(),
    }
}

#[test]
fn validation_checks_the_system_against_the_catalogue() {
    let problems = ring_problems(|r| r.system = Some("scud".into()));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("rings[0].system: unknown weapon system `scud`"), "{problems:?}");
    assert!(problems[0].contains("known systems: iskander-m, tochka-u"), "{problems:?}");
    // Case does not matter, as on the command line.
    assert!(ring_problems(|r| r.system = Some("Iskander-M".into())).is_empty());
}

#[test]
fn validation_applies_the_range_rings_radius_rules() {
    assert!(ring_problems(|r| r.km = Some(MAX_RADIUS_KM)).is_empty());
    for (km, says) in [(0.0, "positive"), (-5.0, "positive"), (MAX_RADIUS_KM + 1.0, "at most 9000 km")] {
        let problems = ring_problems(|r| r.km = Some(km));
        assert_eq!(problems.len(), 1, "{km}: {problems:?}");
        assert!(problems[0].starts_with("rings[0].km: ") && problems[0].contains(says), "{km}: {problems:?}");
    }
    let problems = ring_problems(|r| {
        r.system = None;
        r.km = None;
    });
    assert_eq!(problems, ["rings[0]: a ring needs a 'system' or a radius in 'km'"]);
}

#[test]
fn validation_names_the_ring_and_rejects_empty_labels_and_unknown_places() {
    let mut doc = test_fixture::doc();
    doc.rings[1].label = Some("  ".into());
    doc.rings[2].place = "atlantis".into();
    let problems = test_fixture::check(doc).unwrap_err();
    let text: Vec<String> = problems.list.iter().map(|p| p.to_string()).collect();
    assert_eq!(text.len(), 2, "{text:?}");
    assert!(
        text[0].ends_with("rings[1].label (\"palanez-minsk\"): the label is empty; leave it out to use the default")
    );
    assert!(text[1].ends_with("rings[2].place (\"custom-kaliningrad\"): no place has id 'atlantis'"), "{text:?}");
    // Problems are located in the file text.
    assert!(problems.list.iter().all(|p| p.at.is_some()));
}
