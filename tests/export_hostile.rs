//! Exports of hostile text. (KML read in, when places are imported, never has an entity
//! expanded: `import::kml`, and the entity bombs in `tests/bad_inputs/import-*.kml`.) What the
//! export must guarantee is that text from a briefing (names, quotes, titles) can never become
//! markup in the KML it writes: no DOCTYPE, no entity declaration, no reference other than the
//! predefined ones, no character XML 1.0 forbids — and that every string reads back as written.

use briefmap::atlas::Atlas;
use briefmap::briefing::{Briefing, BriefingDoc, TextRef, load};
use briefmap::export::{geojson, kml};
use quick_xml::events::Event;

const BASE: &str = include_str!("bad_inputs/base.json");

/// A billion-laughs bomb, an external entity, a CDATA terminator and control characters.
const BOMB: &str = r#"<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>&lol2;"#;
const EXTERNAL: &str = r#"<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><x>&xxe;</x>"#;
const HOSTILE: &str = "]]> & &amp; < > \" ' \u{1}\u{7}\u{1b}\u{fffe} \r\n end";

/// The base briefing with hostile text in every free-text field that reaches the KML, and a
/// quote of it in the article.
fn hostile() -> Briefing {
    let quote = format!("{BOMB} {EXTERNAL} {HOSTILE}");
    let article = format!("An article.\n{quote}\nThe end.\n");
    let mut doc: BriefingDoc = load::parse("base.json", BASE).unwrap().doc;
    doc.sources[0].title = BOMB.into();
    doc.sources[0].teasers_from_line = None;
    doc.sources[0].author = EXTERNAL.into();
    doc.places[0].name = HOSTILE.into();
    doc.places[1].name = EXTERNAL.into();
    doc.regions[0].name = BOMB.into();
    doc.actors[1].name = HOSTILE.into();
    doc.speakers[0].name = EXTERNAL.into();
    doc.claims[0].quote = quote.clone();
    let start = article.find(&quote).unwrap();
    doc.claims[0].at = TextRef::new(&doc.sources[0].id, start, start + quote.len());
    doc.claims[0].summary = HOSTILE.into();
    let json = serde_json::to_string(&doc).unwrap();
    load::load_str("hostile.json", &json, &article, &Atlas::bundled().unwrap()).unwrap()
}

/// The text of each element (entities and CDATA resolved), or why the document is not well-formed
/// or has anything beyond plain elements, text, CDATA and predefined references.
fn read_back(xml: &str) -> Result<Vec<(String, String)>, String> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut text = String::new();
    loop {
        match reader.read_event().map_err(|e| format!("at byte {}: {e}", reader.error_position()))? {
            Event::Eof => break,
            Event::DocType(d) => return Err(format!("a DOCTYPE: {d:?}")),
            Event::PI(p) => return Err(format!("a processing instruction: {p:?}")),
            Event::Start(e) => {
                stack.push(e.name().as_ref().to_owned());
                text.clear();
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::CData(c) => text.push_str(&c.xml10_content()),
            Event::GeneralRef(r) => match r.resolve_char_ref().map_err(|e| e.to_string())? {
                Some(c) => text.push(c),
                None => match quick_xml::escape::resolve_predefined_entity(&r.xml10_content()) {
                    Some(s) => text.push_str(s),
                    None => return Err(format!("a reference to entity {:?}", r.xml10_content())),
                },
            },
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                out.push((name, std::mem::take(&mut text)));
            }
            Event::Decl(_) | Event::Empty(_) | Event::Comment(_) => {}
        }
    }
    Ok(out)
}

fn forbidden_in_xml10(c: char) -> bool {
    !matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// What a string reads back as: forbidden characters become U+FFFD, the rest is kept
/// (a `\r` is written `&#13;`, so line-end normalisation does not turn it into `\n`).
fn as_read(s: &str) -> String {
    s.chars().map(|c| if forbidden_in_xml10(c) { '\u{fffd}' } else { c }).collect()
}

#[test]
fn hostile_text_stays_text_in_the_kml() {
    let b = hostile();
    let xml = kml::to_kml(&b);
    if let Some((i, c)) = xml.char_indices().find(|&(_, c)| forbidden_in_xml10(c)) {
        panic!("U+{:04X} at byte {i}: XML 1.0 forbids it", c as u32);
    }
    for markup in ["<!DOCTYPE", "<!ENTITY", "&lol", "&xxe", "SYSTEM \"file"] {
        let raw = xml.matches(markup).count();
        assert_eq!(raw, 0, "{markup} written raw");
    }
    let elements = read_back(&xml).unwrap_or_else(|e| panic!("not plain KML: {e}\n{xml}"));
    let names: Vec<&str> = elements.iter().filter(|(n, _)| n == "name").map(|(_, t)| t.as_str()).collect();
    for name in [BOMB, EXTERNAL, HOSTILE] {
        assert!(names.contains(&as_read(name).as_str()), "{name:?} does not read back; names: {names:?}");
    }
    // The description is HTML inside CDATA: the quote is escaped once more for the HTML.
    let mut descriptions = elements.iter().filter(|(n, _)| n == "description").map(|(_, t)| t);
    let html = descriptions.find(|t| t.contains("<p>")).expect("a placemark lists its claim");
    let quote = as_read(&b.claims()[0].quote);
    let unescaped = quick_xml::escape::unescape(html).unwrap();
    assert!(unescaped.contains(&quote), "the quote reads back from the description:\n{unescaped}");
    assert!(!html.contains("<!ENTITY"), "the quote's markup is escaped in the HTML");
}

#[test]
fn hostile_text_round_trips_through_geojson() {
    let b = hostile();
    let out: serde_json::Value = serde_json::from_str(&geojson::to_geojson_string(&b)).unwrap();
    let names: Vec<&str> =
        out["features"].as_array().unwrap().iter().filter_map(|f| f["properties"]["name"].as_str()).collect();
    assert!(names.contains(&HOSTILE) && names.contains(&EXTERNAL) && names.contains(&BOMB), "{names:?}");
    assert_eq!(out["claims"][0]["quote"].as_str(), Some(b.claims()[0].quote.as_str()));
}

#[test]
fn the_reader_used_here_refuses_what_it_should() {
    // The checks above mean something only if `read_back` does reject markup and bad entities.
    assert!(read_back(&format!("<a>{BOMB}</a>")).is_err());
    assert!(read_back("<a>&xxe;</a>").unwrap_err().contains("xxe"));
    assert_eq!(read_back("<a>x &amp; &#x41;<![CDATA[<b>]]></a>").unwrap(), [("a".into(), "x & A<b>".into())]);
}
