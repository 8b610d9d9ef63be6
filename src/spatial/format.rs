//! Plain-text forms of measurements and within-reach tables, for the CLI and for copying out of
//! the app. Pure functions: data in, `String` out.

use std::fmt::Write;

use super::measure::{Leg, PathMeasure, compass_point};
use super::reach::{Coverage, ReachRow};
use super::systems::WeaponSystem;

/// A distance for tables: whole km from 10 km up, one decimal below ("338 km", "7.5 km").
pub fn format_km(km: f64) -> String {
    if km >= 10.0 { format!("{km:.0} km") } else { format!("{km:.1} km") }
}

/// A bearing as degrees and compass point ("256° WSW"), or "-" when there is none.
pub fn format_bearing(bearing_deg: Option<f64>) -> String {
    match bearing_deg {
        // Round first so 359.6° prints as 0°, matching its compass point N.
        Some(b) => format!("{:.0}° {}", b.round() % 360.0, compass_point(b)),
        None => "-".to_string(),
    }
}

/// The heading of a ring: "Iskander-M (~500 km)" for a preset at its nominal range, "Iskander-M
/// at 400 km" for a preset with an overriding radius, "500 km ring" for a custom one.
pub fn ring_heading(system: Option<&WeaponSystem>, radius_km: f64) -> String {
    match system {
        Some(s) if s.range_km == radius_km => format!("{} (~{})", s.name, format_km(s.range_km)),
        Some(s) => format!("{} at {}", s.name, format_km(radius_km)),
        None => format!("{} ring", format_km(radius_km)),
    }
}

/// A bearing for table columns: degrees right-aligned so the compass points line up.
fn bearing_cell(bearing_deg: Option<f64>) -> String {
    match bearing_deg {
        Some(b) => format!("{:>3.0}° {}", b.round() % 360.0, compass_point(b)),
        None => "-".to_string(),
    }
}

/// Counts rows as "5 places and 1 region", or "nothing".
fn count_phrase(rows: &[ReachRow]) -> String {
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let regions = rows.iter().filter(|r| r.coverage != Coverage::Within).count();
    let places = rows.len() - regions;
    match (places, regions) {
        (0, 0) => "nothing".to_string(),
        (p, 0) => plural(p, "place", "places"),
        (0, r) => plural(r, "region", "regions"),
        (p, r) => format!("{} and {}", plural(p, "place", "places"), plural(r, "region", "regions")),
    }
}

/// The within-reach report: a title line, then one aligned row per target, nearest first:
///
/// ```text
/// Iskander-M (~500 km) from Baranovichi: 3 places within reach
///   Minsk    135 km   48° NE    capital
///   Warsaw   354 km  256° WSW   capital
/// ```
pub fn format_reach(heading: &str, origin: &str, rows: &[ReachRow]) -> String {
    let mut out = format!("{heading} from {origin}: {} within reach\n", count_phrase(rows));
    let cells: Vec<[String; 4]> = rows
        .iter()
        .map(|r| {
            let kind = match r.coverage {
                Coverage::Within => r.kind.clone(),
                c => format!("{}, {} covered", r.kind, c.label()),
            };
            [r.name.clone(), format_km(r.distance_km), bearing_cell(r.bearing_deg), kind]
        })
        .collect();
    let width = |i: usize| cells.iter().map(|c| c[i].chars().count()).max().unwrap_or(0);
    let (w0, w1, w2) = (width(0), width(1), width(2));
    for [name, dist, bearing, kind] in &cells {
        let line = format!("  {name:<w0$}  {dist:>w1$}  {bearing:<w2$}  {kind}");
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out
}

/// One leg as a sentence: "Minsk to Moscow: 677.4 km, initial bearing 68° ENE".
pub fn format_leg(from: &str, to: &str, leg: &Leg) -> String {
    match leg.bearing_deg {
        Some(_) => {
            format!("{from} to {to}: {:.1} km, initial bearing {}", leg.distance_km, format_bearing(leg.bearing_deg))
        }
        None => format!("{from} to {to}: 0 km (same point)"),
    }
}

/// A multi-leg path: one numbered line per leg and a total. `names` labels the path's points in
/// order; missing names print as "point N".
pub fn format_path(names: &[&str], path: &PathMeasure) -> String {
    let name = |i: usize| names.get(i).map_or_else(|| format!("point {}", i + 1), |n| n.to_string());
    let mut out = String::new();
    for (i, leg) in path.legs.iter().enumerate() {
        let _ = writeln!(out, "{}. {}", i + 1, format_leg(&name(i), &name(i + 1), leg));
    }
    let _ = writeln!(
        out,
        "Total: {:.1} km over {} leg{}",
        path.total_km,
        path.legs.len(),
        if path.legs.len() == 1 { "" } else { "s" }
    );
    out
}

/// The provenance of a preset, for printing under a table.
pub fn format_system_note(system: &WeaponSystem) -> String {
    format!(
        "{} ({}): nominal {} with the {}.\n  Source: {}\n  Caveat: {}\n",
        system.name,
        system.kind.label(),
        format_km(system.range_km),
        system.munition,
        system.source,
        system.caveat
    )
}

#[cfg(test)]
mod tests {
    use geo::Point;

    use super::*;
    use crate::spatial::{find_system, measure, measure_path};

    fn row(name: &str, km: f64, bearing: Option<f64>, kind: &str, coverage: Coverage) -> ReachRow {
        ReachRow {
            id: name.to_lowercase(),
            name: name.to_string(),
            kind: kind.to_string(),
            distance_km: km,
            bearing_deg: bearing,
            coverage,
        }
    }

    #[test]
    fn km_are_rounded_for_reading() {
        assert_eq!(format_km(353.821), "354 km");
        assert_eq!(format_km(7.46), "7.5 km");
        assert_eq!(format_km(0.0), "0.0 km");
    }

    #[test]
    fn bearing_near_north_rounds_to_zero() {
        assert_eq!(format_bearing(Some(359.7)), "0° N");
        assert_eq!(format_bearing(Some(256.2346)), "256° WSW");
        assert_eq!(format_bearing(None), "-");
    }

    #[test]
    fn reach_report_has_title_and_aligned_rows() {
        let iskander = find_system("iskander-m").unwrap();
        let rows = [
            row("Minsk", 135.0, Some(47.76), "capital", Coverage::Within),
            row("Warsaw", 353.8, Some(256.23), "capital", Coverage::Within),
            row("Poland", 250.0, Some(260.0), "country", Coverage::Partial),
        ];
        let text = format_reach(&ring_heading(Some(iskander), 500.0), "Baranovichi", &rows);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Iskander-M (~500 km) from Baranovichi: 2 places and 1 region within reach");
        assert_eq!(lines[1], "  Minsk   135 km   48° NE   capital");
        assert_eq!(lines[2], "  Warsaw  354 km  256° WSW  capital");
        assert_eq!(lines[3], "  Poland  250 km  260° W    country, partly covered");
    }

    #[test]
    fn heading_shows_an_overriding_radius() {
        let tochka = find_system("tochka-u").unwrap();
        assert_eq!(ring_heading(Some(tochka), 120.0), "Tochka-U (~120 km)");
        assert_eq!(ring_heading(Some(tochka), 70.0), "Tochka-U at 70 km");
    }

    #[test]
    fn empty_reach_says_nothing_and_custom_rings_say_their_radius() {
        let text = format_reach(&ring_heading(None, 120.0), "Brest", &[]);
        assert_eq!(text, "120 km ring from Brest: nothing within reach\n");
    }

    #[test]
    fn distance_and_path_read_as_sentences() {
        let minsk = Point::new(27.5665, 53.9002);
        let moscow = Point::new(37.6178, 55.7520);
        assert_eq!(
            format_leg("Minsk", "Moscow", &measure(minsk, moscow)),
            "Minsk to Moscow: 677.4 km, initial bearing 68° ENE"
        );
        assert_eq!(format_leg("Minsk", "Minsk", &measure(minsk, minsk)), "Minsk to Minsk: 0 km (same point)");
        let path = format_path(&["Minsk", "Moscow"], &measure_path(&[minsk, moscow, minsk]));
        assert_eq!(
            path,
            "1. Minsk to Moscow: 677.4 km, initial bearing 68° ENE\n\
             2. Moscow to point 3: 677.4 km, initial bearing 256° WSW\n\
             Total: 1354.8 km over 2 legs\n"
        );
    }

    #[test]
    fn system_note_names_source_and_caveat() {
        let note = format_system_note(find_system("sm-3-ib").unwrap());
        assert!(note.starts_with("SM-3 Block IB (defended area) (interceptor): nominal 700 km"));
        assert!(note.contains("Source: ") && note.contains("illustrative"), "{note}");
    }
}
