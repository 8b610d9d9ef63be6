//! Exports of hostile text: the fuzz input becomes names, summaries and the title of a valid
//! briefing; its GeoJSON must parse back to the same strings and its KML must be well-formed
//! XML 1.0 whose text reads back as written, with no entity resolved.

#![no_main]

use std::sync::LazyLock;

use briefmap::atlas::Atlas;
use briefmap::briefing::{BriefingDoc, load};
use briefmap::export::{geojson, kml};
use libfuzzer_sys::fuzz_target;
use quick_xml::events::Event;

const BRIEFING: &str = include_str!("../../tests/bad_inputs/base.json");
const ARTICLE: &str = include_str!("../../seeds/000_d3f6851c5c464e3d.txt");
static ATLAS: LazyLock<Atlas> = LazyLock::new(|| Atlas::bundled().expect("bundled boundaries"));

fuzz_target!(|bytes: &[u8]| {
    let Ok(s) = std::str::from_utf8(bytes) else { return };
    if s.trim().is_empty() {
        return;
    }
    let mut doc: BriefingDoc = serde_json::from_str(BRIEFING).expect("base parses");
    doc.article.title = s.to_owned();
    doc.places[0].name = s.to_owned();
    doc.regions[0].name = s.to_owned();
    doc.claims[0].summary = s.to_owned();
    doc.actors[1].name = s.to_owned();
    doc.speakers[0].name = s.to_owned();
    let json = serde_json::to_string(&doc).expect("serialises");
    let briefing = load::load_str("fuzz.json", &json, ARTICLE, &ATLAS).expect("only names changed");

    let out: serde_json::Value = serde_json::from_str(&geojson::to_geojson_string(&briefing)).expect("GeoJSON parses");
    let feature = &out["features"][0]["properties"];
    assert_eq!(feature["name"].as_str(), Some(s));

    let text = kml::to_kml(&briefing);
    for (i, c) in text.char_indices() {
        let ok = matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
        assert!(ok, "KML has U+{:04X} at byte {i}, which XML 1.0 forbids", c as u32);
    }
    // Read it back: plain elements, text, CDATA and predefined references only.
    let mut reader = quick_xml::Reader::from_str(&text);
    let mut names = Vec::new();
    let mut current = String::new();
    let mut in_name = false;
    loop {
        match reader.read_event().expect("KML is well-formed") {
            Event::Eof => break,
            Event::DocType(_) | Event::PI(_) => panic!("KML declares markup"),
            Event::Start(e) => {
                in_name = e.name().as_ref() == "name";
                current.clear();
            }
            Event::Text(t) => current.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => match r.resolve_char_ref().expect("a valid character reference") {
                Some(c) => current.push(c),
                None => current.push_str(
                    quick_xml::escape::resolve_predefined_entity(&r.xml10_content()).expect("a predefined entity"),
                ),
            },
            Event::End(_) if in_name => {
                names.push(std::mem::take(&mut current));
                in_name = false;
            }
            _ => {}
        }
    }
    let forbidden =
        |c: char| !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..);
    let s: String = s.chars().map(|c| if forbidden(c) { '\u{fffd}' } else { c }).collect();
    assert!(names.contains(&s), "the title reads back: {names:?}");
});
