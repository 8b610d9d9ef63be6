//! Finding a point from what someone types: a place id, a place's name in any of its spellings
//! (case-insensitive and transliterated, so "Мінск", "minsk" and "MINSK" agree), or `lat,lon`
//! in decimal degrees. The CLI's `range` and `distance` use it; so can the app's measure tool.

use geo::Point;

use crate::briefing::Briefing;
use crate::extract::{Gazetteer, PlaceKindX};
use crate::search::fold;

/// How similar (Jaro-Winkler, 0..1) a folded name must be to a query to be suggested: catches
/// typos and transliteration variants ("Baranovici", "Warszawa") but not unrelated names.
const SUGGEST_SIMILARITY: f64 = 0.8;
/// At most this many suggestions, and this many place ids listed when there are none.
const MAX_SUGGESTIONS: usize = 3;
const MAX_LISTED: usize = 20;

/// A point found for a query.
#[derive(Debug, Clone, PartialEq)]
pub struct Located {
    /// What reports call it: the place's name, or the coordinates written out.
    pub name: String,
    /// Where it is (lon, lat).
    pub point: Point<f64>,
    /// The place, when the query named one (index in [`Briefing::places`]).
    pub place: Option<usize>,
}

/// Why a query names no single point.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LookupError {
    /// No place has this id or name.
    #[error("no place in {file}{} is called '{query}'{}", if *gazetteer { " or the gazetteer" } else { "" }, hint(similar, known))]
    Unknown {
        /// The briefing file.
        file: String,
        /// Whether the bundled gazetteer was searched too.
        gazetteer: bool,
        /// What was asked for.
        query: String,
        /// Places with similar names, as "Name (id)", best first.
        similar: Vec<String>,
        /// The briefing's place ids (listed when nothing is similar).
        known: Vec<String>,
    },
    /// Several places share this name.
    #[error("'{query}' could be {}; give the id instead", matches.join(" or "))]
    Ambiguous {
        /// What was asked for.
        query: String,
        /// The candidates, as "Name (id)".
        matches: Vec<String>,
    },
    /// The query names a region, which has no single point to measure from.
    #[error("'{query}' is the region {name}, not a place; give a place or lat,lon coordinates")]
    Region {
        /// What was asked for.
        query: String,
        /// The region's name.
        name: String,
    },
    /// The query looks like coordinates but is not usable.
    #[error("'{query}' is not a usable lat,lon: {reason}")]
    Coordinates {
        /// What was asked for.
        query: String,
        /// What is wrong, and how to write it.
        reason: String,
    },
}

fn hint(similar: &[String], known: &[String]) -> String {
    if !similar.is_empty() {
        return format!("; did you mean {}?", similar.join(", "));
    }
    let more = if known.len() > MAX_LISTED { ", …" } else { "" };
    let listed: Vec<&str> = known.iter().take(MAX_LISTED).map(String::as_str).collect();
    format!("; its places are {}{more}", listed.join(", "))
}

/// The point `query` names in `b`: `lat,lon` coordinates, a place id, or a place's name, local
/// name or alias. Primary names win over local names and aliases, so an alias never makes a
/// place's own name ambiguous.
pub fn locate(b: &Briefing, query: &str) -> Result<Located, LookupError> {
    let query = query.trim();
    if let Some(point) = parse_lat_lon(query) {
        let point = point.map_err(|reason| LookupError::Coordinates { query: query.to_owned(), reason })?;
        return Ok(Located { name: format_lat_lon(point), point, place: None });
    }
    let found = |i: usize| {
        let p = &b.places()[i];
        Located { name: p.name.clone(), point: p.point(), place: Some(i) }
    };
    if let Some(i) = b.place(query) {
        return Ok(found(i));
    }
    let q = fold(query);
    let by_name: Vec<usize> = (0..b.places().len()).filter(|&i| fold(&b.places()[i].name) == q).collect();
    let by_other: Vec<usize> = (0..b.places().len())
        .filter(|&i| b.places()[i].local_names.iter().chain(&b.places()[i].aliases).any(|n| fold(n) == q))
        .collect();
    let label = |i: usize| format!("{} ({})", b.places()[i].name, b.places()[i].id);
    match if by_name.is_empty() { by_other.as_slice() } else { by_name.as_slice() } {
        [] => {}
        [i] => return Ok(found(*i)),
        many => {
            return Err(LookupError::Ambiguous {
                query: query.to_owned(),
                matches: many.iter().map(|&i| label(i)).collect(),
            });
        }
    }
    if let Some(r) = b
        .regions()
        .iter()
        .find(|r| r.id == query || std::iter::once(&r.name).chain(&r.local_names).any(|n| fold(n) == q))
    {
        return Err(LookupError::Region { query: query.to_owned(), name: r.name.clone() });
    }
    Err(LookupError::Unknown {
        gazetteer: false,
        file: b.file().to_owned(),
        query: query.to_owned(),
        similar: similar_places(b, &q).into_iter().map(label).collect(),
        known: b.places().iter().map(|p| p.id.clone()).collect(),
    })
}

/// Like [`locate`], then the gazetteer for what the briefing does not name: any city, town or
/// military site in it ("Riga", "Babruysk", "Ramstein"). The briefing's own places always win.
/// A gazetteer area (country, province, region, sea) is not a point to measure from.
pub fn locate_in(b: &Briefing, g: Option<&Gazetteer>, query: &str) -> Result<Located, LookupError> {
    let unknown = match locate(b, query) {
        Err(e @ LookupError::Unknown { .. }) => e,
        other => return other,
    };
    let Some(g) = g else { return Err(unknown) };
    let Some(entry) = g.search(query, 1).first().and_then(|&p| g.entry(p)) else {
        let LookupError::Unknown { file, query, similar, known, .. } = unknown else { return Err(unknown) };
        return Err(LookupError::Unknown { file, gazetteer: true, query, similar, known });
    };
    if matches!(entry.kind, PlaceKindX::Country | PlaceKindX::Province | PlaceKindX::Region | PlaceKindX::Sea) {
        return Err(LookupError::Region { query: query.trim().to_owned(), name: entry.name.to_owned() });
    }
    Ok(Located { name: entry.name.to_owned(), point: entry.point(), place: None })
}

/// Places whose id or some name is like the folded query, most similar first.
fn similar_places(b: &Briefing, q: &str) -> Vec<usize> {
    let mut scored: Vec<(f64, usize)> = b
        .places()
        .iter()
        .enumerate()
        .filter_map(|(i, p)| {
            let names = [&p.id, &p.name].into_iter().chain(&p.local_names).chain(&p.aliases);
            let best = names
                .map(|n| {
                    let n = fold(n);
                    // A fragment of a longer name ("redzik") is as good as a near-miss typo.
                    if q.chars().count() >= 3 && n.contains(q) { 1.0 } else { strsim::jaro_winkler(q, &n) }
                })
                .fold(0.0, f64::max);
            (best >= SUGGEST_SIMILARITY).then_some((best, i))
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    scored.into_iter().take(MAX_SUGGESTIONS).map(|(_, i)| i).collect()
}

/// Parses `lat,lon` in decimal degrees (e.g. `53.09,26.05` or `-33.9, 18.4`). `None` when the
/// text is not written as coordinates (it does not start with a digit, sign or point), so names
/// fall through; `Some(Err)` says what is wrong with text that is.
pub fn parse_lat_lon(text: &str) -> Option<Result<Point<f64>, String>> {
    let text = text.trim();
    if !text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '.')) {
        return None;
    }
    let usage = "write lat,lon in decimal degrees, e.g. 53.09,26.05";
    let Some((lat, lon)) = text.split_once(',') else { return Some(Err(usage.to_owned())) };
    let (Ok(lat), Ok(lon)) = (lat.trim().parse::<f64>(), lon.trim().parse::<f64>()) else {
        return Some(Err(usage.to_owned()));
    };
    Some(if !(lat.is_finite() && (-90.0..=90.0).contains(&lat)) {
        Err(format!("latitude {lat} is outside -90..90 ({usage})"))
    } else if !(lon.is_finite() && (-180.0..=180.0).contains(&lon)) {
        Err(format!("longitude {lon} is outside -180..180 ({usage})"))
    } else {
        Ok(Point::new(lon, lat))
    })
}

/// A point as readable coordinates: "53.0944°N 26.0458°E".
pub fn format_lat_lon(p: Point<f64>) -> String {
    let (ns, ew) = (if p.y() < 0.0 { 'S' } else { 'N' }, if p.x() < 0.0 { 'W' } else { 'E' });
    format!("{:.4}°{ns} {:.4}°{ew}", p.y().abs(), p.x().abs())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_fixture;

    fn place_id(b: &Briefing, query: &str) -> Result<String, LookupError> {
        locate(b, query).map(|l| b.places()[l.place.unwrap()].id.clone())
    }

    #[test]
    fn places_are_found_by_id_name_local_name_and_alias() {
        let b = test_fixture::briefing();
        for (query, id) in [
            ("baranovichi", "baranovichi"),
            ("Baranovichi", "baranovichi"),
            ("  WARSAW ", "warsaw"),
            ("Барановичи", "baranovichi"),
            ("Мінск", "minsk"),
            ("warszawa", "warsaw"),
            ("the kremlin", "moscow"),
        ] {
            assert_eq!(place_id(&b, query).as_deref(), Ok(id), "{query}");
        }
        let minsk = locate(&b, "minsk").unwrap();
        assert_eq!((minsk.name.as_str(), minsk.point), ("Minsk", Point::new(27.5665, 53.9002)));
    }

    #[test]
    fn coordinates_are_lat_then_lon() {
        let b = test_fixture::briefing();
        let at = locate(&b, "53.0944, 26.0458").unwrap();
        assert_eq!((at.point, at.place), (Point::new(26.0458, 53.0944), None));
        assert_eq!(at.name, "53.0944°N 26.0458°E");
        assert_eq!(locate(&b, "-33.9,-18.4").unwrap().name, "33.9000°S 18.4000°W");
        for (query, says) in [
            ("95,10", "latitude 95 is outside"),
            ("10,190", "longitude 190 is outside"),
            ("53.09", "write lat,lon"),
            ("53.09,east", "write lat,lon"),
            ("1,nan", "longitude NaN is outside"),
        ] {
            let e = locate(&b, query).unwrap_err();
            assert!(matches!(e, LookupError::Coordinates { .. }), "{query}: {e}");
            assert!(e.to_string().contains(says), "{query}: {e}");
        }
    }

    #[test]
    fn unknown_places_suggest_close_names() {
        let b = test_fixture::briefing();
        let e = locate(&b, "Baranovici").unwrap_err();
        assert_eq!(
            e.to_string(),
            "no place in spatial-briefing.json is called 'Baranovici'; did you mean Baranovichi (baranovichi)?"
        );
        let e = locate(&b, "redzik").unwrap_err().to_string();
        assert!(e.ends_with("did you mean Redzikowo (redzikowo)?"), "{e}");
        let e = locate(&b, "Atlantis").unwrap_err().to_string();
        assert!(
            e.ends_with("its places are baranovichi, minsk, warsaw, vilnius, moscow, kaliningrad, redzikowo, deveselu"),
            "{e}"
        );
    }

    #[test]
    fn the_gazetteer_answers_what_the_briefing_lacks() {
        let b = test_fixture::briefing();
        let g = Gazetteer::bundled().unwrap();
        let riga = locate_in(&b, Some(&g), "Riga").unwrap();
        assert_eq!((riga.name.as_str(), riga.place), ("Riga", None));
        assert!((riga.point.y() - 56.946).abs() < 0.01, "{riga:?}");
        assert_eq!(locate_in(&b, Some(&g), "Бобруйск").unwrap().name, "Bobruysk");
        // The briefing's own place wins over the gazetteer's.
        assert_eq!(locate_in(&b, Some(&g), "minsk").unwrap().place, locate(&b, "minsk").unwrap().place);
        assert!(matches!(locate_in(&b, Some(&g), "Spain"), Err(LookupError::Region { .. })));
        assert!(matches!(locate_in(&b, Some(&g), "Xyzzyville"), Err(LookupError::Unknown { .. })));
        assert!(matches!(locate_in(&b, None, "Riga"), Err(LookupError::Unknown { .. })));
    }

    #[test]
    fn regions_are_not_points() {
        let b = test_fixture::briefing();
        let e = locate(&b, "Poland").unwrap_err();
        assert_eq!(e, LookupError::Region { query: "Poland".into(), name: "Poland".into() });
        assert!(e.to_string().contains("not a place"));
        assert!(matches!(locate(&b, "baltic-states"), Err(LookupError::Region { .. })));
    }

    #[test]
    fn a_shared_name_is_ambiguous_but_a_name_beats_an_alias() {
        let mut doc = test_fixture::doc();
        let mut city = doc.places[0].clone();
        city.id = "baranovichi-city".into();
        city.aliases.clear();
        doc.places.push(city);
        let b = test_fixture::check(doc.clone()).unwrap();
        assert_eq!(place_id(&b, "baranovichi").as_deref(), Ok("baranovichi"), "an id is never ambiguous");
        let e = locate(&b, "Baranovichi").unwrap_err().to_string();
        assert_eq!(
            e,
            "'Baranovichi' could be Baranovichi (baranovichi) or Baranovichi (baranovichi-city); give the id instead"
        );
        // An alias that repeats another place's name does not shadow it; shared aliases are
        // ambiguous too.
        doc.places.pop();
        doc.places[1].aliases.push("Moscow".into());
        for site in [6, 7] {
            doc.places[site].aliases.push("Aegis Ashore".into());
        }
        let b = test_fixture::check(doc).unwrap();
        assert_eq!(place_id(&b, "moscow").as_deref(), Ok("moscow"));
        assert_eq!(place_id(&b, "Moscow").as_deref(), Ok("moscow"));
        assert!(
            matches!(locate(&b, "aegis ashore"), Err(LookupError::Ambiguous { matches, .. }) if matches.len() == 2)
        );
    }
}
