//! End-to-end checks of the traps issue 13 names, on short texts.

use super::*;

fn places(text: &str) -> Vec<FoundPlace> {
    let g = Gazetteer::bundled().unwrap();
    extract(text, Some(jiff::civil::date(2016, 5, 18)), &g).places
}

fn names(text: &str) -> Vec<String> {
    places(text).into_iter().map(|p| p.name).collect()
}

fn near(p: &FoundPlace, lat: f64, lon: f64, km: f64) -> bool {
    crate::spatial::distance_km(geo::Point::new(p.lon, p.lat), geo::Point::new(lon, lat)) <= km
}

#[test]
fn ordinary_words_are_not_places() {
    for text in [
        "Nice weather is expected over the weekend, forecasters said.",
        "Mobile units were moved closer to the border.",
        "Reading the report, officials found little new.",
        "Add a pinch of Chita pepper and simmer the stew for an hour.",
        "Mission accomplished, the general wrote. Most analysts disagreed.",
        "NATO and the OSCE met in the Union hall on Friday.",
    ] {
        assert_eq!(names(text), Vec::<String>::new(), "{text}");
    }
}

#[test]
fn people_and_weapons_are_not_places() {
    let found = names(
        "Vladimir Putin met Alexander Lukashenka. Putin said the Iskander-M and Tor systems would stay. \
         Foreign Minister Sergei Lavrov agreed; later Lavrov flew home.",
    );
    assert_eq!(found, Vec::<String>::new());
}

#[test]
fn georgia_follows_the_article() {
    let caucasus = places("Officials in Tbilisi said Georgia would not join the talks.");
    let georgia = caucasus.iter().find(|p| p.name == "Georgia").unwrap();
    assert_eq!((georgia.kind, georgia.country.as_str()), (PlaceKindX::Country, "GE"));
    let us = places("The governor signed the bill in Atlanta on Monday. Georgia's Senate approved it last week.");
    let georgia = us.iter().find(|p| p.mentions.iter().any(|m| m.text.starts_with("Georgia"))).unwrap();
    assert_eq!((georgia.kind, georgia.country.as_str()), (PlaceKindX::Province, "US"), "{us:?}");
}

#[test]
fn ambiguous_names_resolve_by_context() {
    let found = places("Two more US Navy destroyers will be based at Rota, Spain, NATO said.");
    let rota = found.iter().find(|p| p.mentions.iter().any(|m| m.text == "Rota")).unwrap();
    assert!(near(rota, 36.62, -6.35, 10.0), "{rota:?}");
    let found = places("Russian forces massed in southern Russia, near Krasnodar and Rostov, the ministry said.");
    let rostov = found.iter().find(|p| p.mentions.iter().any(|m| m.text == "Rostov")).unwrap();
    assert_eq!(rostov.name, "Rostov-on-Don");
    let alternatives: Vec<&str> = rostov.alternatives.iter().map(|a| a.name.as_str()).collect();
    assert!(alternatives.contains(&"Rostov Veliky"), "{alternatives:?}");
}

#[test]
fn listed_provinces_and_multiword_names() {
    let found = places("Divisions will be formed in Voronezh, Rostov and Smolensk provinces of Russia.");
    let provinces: Vec<&str> =
        found.iter().filter(|p| p.kind == PlaceKindX::Province).map(|p| p.name.as_str()).collect();
    assert_eq!(provinces, ["Voronezh Oblast", "Rostov Oblast", "Smolensk Oblast"]);
    let found = names("Troops left Smolensk province for Rostov-on-Don and the Kaliningrad Oblast.");
    assert_eq!(found, ["Smolensk Oblast", "Rostov-on-Don", "Kaliningrad Oblast"]);
}

#[test]
fn inflections_metonyms_and_spellings() {
    let found = places("Belarus' army and Minsk's officials met the Kremlin's envoys in Bobruisk and Бобруйск.");
    let by = found.iter().find(|p| p.name == "Belarus").unwrap();
    assert_eq!(by.mentions[0].text, "Belarus'");
    let minsk = found.iter().find(|p| p.name == "Minsk").unwrap();
    assert_eq!(minsk.mentions[0].text, "Minsk's");
    let moscow = found.iter().find(|p| p.name == "Moscow").unwrap();
    assert_eq!((moscow.mentions[0].text.as_str(), moscow.mentions[0].r#as), ("Kremlin's", MentionAs::Metonym));
    let babruysk = found.iter().find(|p| p.source == "geonames:630468").unwrap();
    assert_eq!(babruysk.mentions.len(), 2);
}

#[test]
fn crimea_is_ukraine_and_eponyms_need_the_place_named() {
    let found = places("Russia annexed Crimea; the Crimean parliament was dissolved.");
    let crimea = found.iter().find(|p| p.name == "Crimea").unwrap();
    assert_eq!((crimea.country.as_str(), crimea.mentions.len()), ("UA", 2));
    assert_eq!(names("The Minsk agreements were never carried out."), Vec::<String>::new());
    let found = places("Talks in Minsk produced the Minsk agreements.");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].mentions.len(), 2);
}

#[test]
fn hostile_text_is_not_a_panic() {
    let g = Gazetteer::bundled().unwrap();
    for text in
        ["", "'", "’s", "-", "A", "Minsk'", "Minsk’’s", "\u{301}Minsk", "ＭＩＮＳＫ", "Mins\u{0}k", "The The The"]
    {
        let _ = extract(text, None, &g);
        #[allow(clippy::reversed_empty_ranges)]
        let _ = extract_body(text, 3..1, None, &g);

        let _ = extract_body(text, 1..usize::MAX, None, &g);
    }
}
