use clap::Parser;

use super::*;
use crate::test_fixture;

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| s.to_string()).collect()
}

#[test]
fn range_prints_the_table_then_the_systems_source() {
    let b = test_fixture::briefing();
    let text = range_report(&b, "Baranovichi", None, Some("iskander-m")).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "Iskander-M (~500 km) from Baranovichi: 4 places and 4 regions within reach");
    assert_eq!(lines[1], "  Belarus          0.0 km  -         Country, fully covered");
    assert_eq!(lines[6], "  Warsaw           354 km  256° WSW  Capital");
    assert_eq!(lines[9], "");
    assert!(lines[10].starts_with("Iskander-M (ballistic missile): nominal 500 km"), "{text}");
    assert!(text.contains("  Source: ") && text.contains("  Caveat: "), "{text}");
    assert!(!text.contains("Redzikowo") && !text.contains("Moscow"), "{text}");
}

#[test]
fn range_takes_a_custom_radius_coordinates_and_an_override() {
    let b = test_fixture::briefing();
    let text = range_report(&b, "54.7064,20.5110", Some(120.0), None).unwrap();
    // From coordinates no place is left out: Kaliningrad itself is at 0 km.
    assert!(text.starts_with("120 km ring from 54.7064°N 20.5110°E: 1 place and 2 regions within reach\n"), "{text}");
    assert!(text.contains("\n  Kaliningrad    0.0 km  -         City\n"), "{text}");
    assert!(!text.contains("Source:"), "a custom ring has no source note: {text}");
    let text = range_report(&b, "minsk", Some(50.0), Some("Tochka-U")).unwrap();
    assert!(text.starts_with("Tochka-U at 50 km from Minsk: 1 region within reach\n"), "{text}");
}

#[test]
fn range_errors_name_the_problem() {
    let b = test_fixture::briefing();
    let e = range_report(&b, "Baranovici", None, Some("iskander-m")).unwrap_err();
    assert!(e.contains("did you mean Baranovichi (baranovichi)?"), "{e}");
    let e = range_report(&b, "minsk", None, Some("scud")).unwrap_err();
    assert!(e.starts_with("unknown weapon system `scud`; known systems: iskander-m"), "{e}");
    let e = range_report(&b, "minsk", Some(-5.0), None).unwrap_err();
    assert!(e.contains("need a positive number"), "{e}");
    let e = range_report(&b, "minsk", Some(20_000.0), None).unwrap_err();
    assert!(e.contains("at most 9000 km"), "{e}");
}

#[test]
fn distance_between_two_points_is_one_sentence() {
    let b = test_fixture::briefing();
    assert_eq!(
        distance_report(&b, &strings(&["minsk", "Moscow"])).unwrap(),
        "Minsk to Moscow: 677.4 km, initial bearing 68° ENE\n"
    );
}

#[test]
fn distance_along_a_path_lists_legs_and_total() {
    let b = test_fixture::briefing();
    let text = distance_report(&b, &strings(&["Kaliningrad", "Baranovichi", "52.2297,21.0122"])).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("1. Kaliningrad to Baranovichi: 405.5 km, initial bearing"), "{text}");
    assert!(
        lines[1].starts_with("2. Baranovichi to 52.2297°N 21.0122°E: 353.8 km, initial bearing 256° WSW"),
        "{text}"
    );
    assert_eq!(lines[2], "Total: 759.3 km over 2 legs");
}

#[test]
fn the_gazetteer_measures_what_the_briefing_lacks() {
    let b = test_fixture::briefing();
    let g = Gazetteer::bundled().unwrap();
    let text = distance_report_in(&b, Some(&g), &strings(&["Minsk", "Riga"])).unwrap();
    assert!(text.starts_with("Minsk to Riga: 4"), "{text}");
    let q = RangeQuery { place: "Babruysk", km: Some(150.0), system: None, cities: Some(50_000) };
    let text = range_report_in(&b, Some(&g), q).unwrap();
    assert!(text.contains("from Bobruysk"), "{text}");
    assert!(text.contains("Mahilyow") && text.contains("city (GeoNames)"), "{text}");
    assert!(!text.contains("  Bobruysk "), "the centre is not listed: {text}");
}

#[test]
fn distance_reports_every_unknown_point() {
    let b = test_fixture::briefing();
    let e = distance_report(&b, &strings(&["Minks", "Poland", "Vilnius"])).unwrap_err();
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 2, "{e}");
    assert!(lines[0].ends_with("'Minks'; did you mean Minsk (minsk)?"), "{e}");
    assert!(lines[1].contains("'Poland' is the region Poland, not a place"), "{e}");
    assert!(distance_report(&b, &strings(&["minsk"])).is_err());
}

#[test]
fn systems_lists_every_preset_with_its_source() {
    let text = systems();
    for s in spatial::catalogue() {
        assert!(text.contains(&format!("\n{}\n  {} (", s.id, s.name)), "{} missing:\n{text}", s.id);
    }
    assert_eq!(text.matches("  Source: ").count(), spatial::catalogue().len());
}

#[test]
fn command_line_parses_ranges_and_paths() {
    let parse = |args: &[&str]| Cli::try_parse_from(std::iter::once("briefmap").chain(args.iter().copied()));
    assert!(parse(&["range", "minsk"]).is_err(), "a range needs --km or --system");
    let Ok(Cli { command: Some(Command::Range { place, km, system, file, .. }), .. }) =
        parse(&["range", "-33.9,18.4", "--system", "tor-m2", "--km", "10", "--file", "b.json"])
    else {
        panic!("range did not parse");
    };
    assert_eq!((place.as_str(), km, system.as_deref()), ("-33.9,18.4", Some(10.0), Some("tor-m2")));
    assert_eq!(file.as_deref(), Some(Path::new("b.json")));
    // A centre with a minus sign may come anywhere.
    let Ok(Cli { command: Some(Command::Range { place, file, .. }), .. }) =
        parse(&["range", "--km", "10", "-33.9,18.4", "--file", "b.json"])
    else {
        panic!("range did not parse");
    };
    assert_eq!((place.as_str(), file.as_deref()), ("-33.9,18.4", Some(Path::new("b.json"))));
    // Options after the points are options, not points; `--` lets a point start with a minus.
    for (args, want) in [
        (&["distance", "minsk", "moscow", "33.9,18.4", "--file", "b.json"][..], "33.9,18.4"),
        (&["distance", "--file", "b.json", "--", "minsk", "moscow", "-33.9,18.4"], "-33.9,18.4"),
    ] {
        let parsed = parse(args);
        let Ok(Cli { command: Some(Command::Distance { points, file }), .. }) = parsed else {
            panic!("{args:?} did not parse: {parsed:?}");
        };
        assert_eq!(points, ["minsk", "moscow", want], "{args:?}");
        assert_eq!(file.as_deref(), Some(Path::new("b.json")), "{args:?}");
    }
    let e = parse(&["distance", "minsk", "-33.9,18.4"]).unwrap_err();
    assert_eq!(e.kind(), clap::error::ErrorKind::UnknownArgument, "clap's message suggests `--`");
    assert!(parse(&["distance", "minsk"]).is_err(), "a distance needs two points");
    assert!(matches!(parse(&["systems"]), Ok(Cli { command: Some(Command::Systems), .. })));
}
