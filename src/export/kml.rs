//! KML 2.2 export for Google Earth: a folder per actor, a placemark per place and region, each
//! with its claims in the description (each with its source, its Admiralty rating and the claims
//! that corroborate or contradict it) and a time span for the time slider; then a folder of the
//! range rings. The document's description lists the sources with their grades.

use std::io::Cursor;

use jiff::civil::Date;
use quick_xml::Writer;
use quick_xml::events::{BytesCData, BytesText, Event};

use crate::briefing::{Briefing, BriefingRing, RelationKind, Span};
use crate::spatial::format::format_system_note;

/// Style id shared by the range rings.
const RING_STYLE: &str = "range-ring";
/// Ring outline and fill (KML aabbggrr): the orange #e67e22, the fill mostly transparent so the
/// places under it stay readable.
const RING_LINE: &str = "ff227ee6";
const RING_FILL: &str = "33227ee6";

type Xml = Writer<Cursor<Vec<u8>>>;
type XmlResult = std::io::Result<()>;

/// The briefing as a KML 2.2 document.
pub fn to_kml(briefing: &Briefing) -> String {
    let mut w = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
    // Writing into memory can only fail on invalid UTF-8, which Rust strings rule out.
    let _ = document(&mut w, briefing);
    String::from_utf8(w.into_inner().into_inner()).unwrap_or_default()
}

fn document(w: &mut Xml, b: &Briefing) -> XmlResult {
    w.write_event(Event::Decl(quick_xml::events::BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("kml").with_attribute(("xmlns", "http://www.opengis.net/kml/2.2")).write_inner_content(|w| {
        w.create_element("Document").write_inner_content(|w| {
            text(w, "name", &b.article().title)?;
            text(w, "description", &document_description(b))?;
            for actor in b.actors() {
                let [r, g, bl] = actor.rgb().unwrap_or([128, 128, 128]);
                // KML colours are aabbggrr.
                let colour = format!("ff{bl:02x}{g:02x}{r:02x}");
                let fill = format!("55{bl:02x}{g:02x}{r:02x}");
                w.create_element("Style").with_attribute(("id", actor.id.as_str())).write_inner_content(|w| {
                    w.create_element("IconStyle").write_inner_content(|w| text(w, "color", &colour))?;
                    w.create_element("LineStyle").write_inner_content(|w| {
                        text(w, "color", &colour)?;
                        text(w, "width", "2")
                    })?;
                    w.create_element("PolyStyle").write_inner_content(|w| text(w, "color", &fill))?;
                    Ok(())
                })?;
            }
            let rings: Vec<BriefingRing> = (0..b.rings().len()).filter_map(|i| b.ring(i)).collect();
            if !rings.is_empty() {
                ring_style(w)?;
            }
            for actor in b.actors() {
                let places: Vec<usize> =
                    (0..b.places().len()).filter(|&i| b.places()[i].actors.first() == Some(&actor.id)).collect();
                let regions: Vec<usize> =
                    (0..b.regions().len()).filter(|&i| b.regions()[i].actors.first() == Some(&actor.id)).collect();
                if places.is_empty() && regions.is_empty() {
                    continue;
                }
                w.create_element("Folder").write_inner_content(|w| {
                    text(w, "name", &actor.name)?;
                    for &i in &places {
                        place(w, b, i, &actor.id)?;
                    }
                    for &i in &regions {
                        region(w, b, i, &actor.id)?;
                    }
                    Ok(())
                })?;
            }
            if !rings.is_empty() {
                w.create_element("Folder").write_inner_content(|w| {
                    text(w, "name", "Range rings")?;
                    rings.iter().try_for_each(|r| range_ring(w, b, r))
                })?;
            }
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

fn place(w: &mut Xml, b: &Briefing, i: usize, style: &str) -> XmlResult {
    let p = &b.places()[i];
    w.create_element("Placemark").with_attribute(("id", p.id.as_str())).write_inner_content(|w| {
        text(w, "name", &p.name)?;
        description(w, b, b.claims_of_place(i))?;
        time(w, b, b.claims_of_place(i))?;
        text(w, "styleUrl", &format!("#{style}"))?;
        w.create_element("Point").write_inner_content(|w| text(w, "coordinates", &format!("{},{}", p.lon, p.lat)))?;
        Ok(())
    })?;
    Ok(())
}

fn region(w: &mut Xml, b: &Briefing, i: usize, style: &str) -> XmlResult {
    let r = &b.regions()[i];
    w.create_element("Placemark").with_attribute(("id", r.id.as_str())).write_inner_content(|w| {
        text(w, "name", &r.name)?;
        description(w, b, b.claims_of_region(i))?;
        time(w, b, b.claims_of_region(i))?;
        text(w, "styleUrl", &format!("#{style}"))?;
        w.create_element("MultiGeometry").write_inner_content(|w| {
            for polygon in &b.shape(i).0 {
                w.create_element("Polygon").write_inner_content(|w| {
                    ring(w, "outerBoundaryIs", polygon.exterior())?;
                    for hole in polygon.interiors() {
                        ring(w, "innerBoundaryIs", hole)?;
                    }
                    Ok(())
                })?;
            }
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

/// The rings' style: an outline, a light fill, and a label without an icon (the label point
/// sits on the ring's southern edge, see [`range_ring`]).
fn ring_style(w: &mut Xml) -> XmlResult {
    w.create_element("Style").with_attribute(("id", RING_STYLE)).write_inner_content(|w| {
        w.create_element("IconStyle").write_inner_content(|w| text(w, "scale", "0"))?;
        w.create_element("LineStyle").write_inner_content(|w| {
            text(w, "color", RING_LINE)?;
            text(w, "width", "2")
        })?;
        w.create_element("PolyStyle").write_inner_content(|w| text(w, "color", RING_FILL))?;
        Ok(())
    })?;
    Ok(())
}

/// A ring as a Placemark: its covered area as polygons (cut at the antimeridian, so Google Earth
/// never fills the wrong side of the globe) and a point to carry the label.
fn range_ring(w: &mut Xml, b: &Briefing, r: &BriefingRing) -> XmlResult {
    w.create_element("Placemark").with_attribute(("id", r.id.as_str())).write_inner_content(|w| {
        text(w, "name", &r.label)?;
        let centre = &b.places()[r.place].name;
        let mut about = format!("Geodesic ring of {} km around {centre}.", r.ring.radius_km());
        if let Some(system) = r.system {
            about = format!("{about}\n{}", format_system_note(system));
        }
        text(w, "description", about.trim_end())?;
        text(w, "styleUrl", &format!("#{RING_STYLE}"))?;
        w.create_element("MultiGeometry").write_inner_content(|w| {
            let anchor = r.ring.point_at(180.0);
            w.create_element("Point")
                .write_inner_content(|w| text(w, "coordinates", &format!("{},{}", anchor.x(), anchor.y())))?;
            for polygon in &r.ring.shape().area {
                w.create_element("Polygon").write_inner_content(|w| {
                    ring(w, "outerBoundaryIs", polygon.exterior())?;
                    polygon.interiors().iter().try_for_each(|hole| ring(w, "innerBoundaryIs", hole))
                })?;
            }
            Ok(())
        })?;
        Ok(())
    })?;
    Ok(())
}

fn ring(w: &mut Xml, tag: &str, line: &geo::LineString<f64>) -> XmlResult {
    let coords: Vec<String> = line.coords().map(|c| format!("{},{}", c.x, c.y)).collect();
    w.create_element(tag).write_inner_content(|w| {
        w.create_element("LinearRing").write_inner_content(|w| text(w, "coordinates", &coords.join(" ")))?;
        Ok(())
    })?;
    Ok(())
}

fn description(w: &mut Xml, b: &Briefing, claims: &[u32]) -> XmlResult {
    if claims.is_empty() {
        return Ok(());
    }
    let mut html = String::new();
    for &c in claims {
        let claim = &b.claims()[c as usize];
        let speaker = b.speaker(&claim.speaker).map(|s| s.label()).unwrap_or_default();
        let date = match &claim.when {
            Some(w) if w.is_inferred() => format!("{} (inferred)", w.label()),
            Some(w) => w.label(),
            None => "undated".into(),
        };
        let source = b.source_of(claim);
        html += &format!(
            "<p><b>{}</b><br/><i>{}</i><br/>{} · {} · {}<br/>{} · {} · {}{}</p>",
            escape(&claim.summary),
            escape(&claim.quoted()),
            escape(&speaker),
            claim.kind.label(),
            escape(&date),
            escape(&source.title),
            escape(&source.reliability_label()),
            escape(&claim.credibility_label()),
            relations_html(b, c as usize)
        );
    }
    // "]]>" cannot appear inside CDATA; split it across two sections.
    let html = xml_chars(&html).replace("]]>", "]]]]><![CDATA[>");
    w.create_element("description").write_cdata_content(BytesCData::new(html))?;
    Ok(())
}

/// The claims related to claim `c`, a line per kind: "Also reported by: Wire (B): summary".
fn relations_html(b: &Briefing, c: usize) -> String {
    let mut html = String::new();
    for kind in RelationKind::ALL {
        let others: Vec<String> = b
            .relations_of_claim(c)
            .iter()
            .filter(|&&r| b.relations()[r as usize].kind == kind)
            .filter_map(|&r| b.related_claim(r as usize, c))
            .map(|o| {
                let other = &b.claims()[o];
                let source = b.source_of(other);
                format!("{} ({}): {}", source.title, other.rating(source), other.summary)
            })
            .collect();
        if !others.is_empty() {
            let phrase = kind.phrase();
            let mut label = phrase.chars();
            let label: String = label.next().map(|f| f.to_uppercase().chain(label).collect()).unwrap_or_default();
            html += &format!("<br/>{}: {}", escape(&label), escape(&others.join("; ")));
        }
    }
    html
}

/// The lead source's byline, then every source with its grade.
fn document_description(b: &Briefing) -> String {
    let mut lines = vec![b.article().byline(" — ")];
    lines.extend(b.sources().iter().map(|s| format!("Source: {} — {}", s.title, s.reliability_label())));
    lines.join("\n")
}

/// A TimeSpan covering the claims' spans, or a TimeStamp when they are one day.
fn time(w: &mut Xml, b: &Briefing, claims: &[u32]) -> XmlResult {
    let spans: Vec<Span> = claims.iter().filter_map(|&c| b.span(c as usize)).collect();
    if spans.is_empty() {
        return Ok(());
    }
    let begin: Option<Date> =
        if spans.iter().any(|s| s.start.is_none()) { None } else { spans.iter().filter_map(|s| s.start).min() };
    let end: Option<Date> =
        if spans.iter().any(|s| s.end.is_none()) { None } else { spans.iter().filter_map(|s| s.end).max() };
    match (begin, end) {
        (Some(a), Some(z)) if a == z => {
            w.create_element("TimeStamp").write_inner_content(|w| text(w, "when", &a.to_string()))?;
        }
        _ => {
            w.create_element("TimeSpan").write_inner_content(|w| {
                if let Some(a) = begin {
                    text(w, "begin", &a.to_string())?;
                }
                if let Some(z) = end {
                    text(w, "end", &z.to_string())?;
                }
                Ok(())
            })?;
        }
    }
    Ok(())
}

fn text(w: &mut Xml, tag: &str, content: &str) -> XmlResult {
    w.create_element(tag).write_text_content(BytesText::new(&xml_chars(content)))?;
    Ok(())
}

/// `s` with the characters XML 1.0 forbids even escaped (C0 controls other than tab and line
/// ends, U+FFFE, U+FFFF) replaced by U+FFFD; a briefing's JSON can hold them (`\u0001`), and
/// one would make the whole file unreadable to Google Earth.
fn xml_chars(s: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..);
    if s.chars().all(allowed) {
        return s.into();
    }
    s.chars().map(|c| if allowed(c) { c } else { char::REPLACEMENT_CHARACTER }).collect::<String>().into()
}

fn escape(s: &str) -> String {
    quick_xml::escape::escape(s).into_owned()
}

#[cfg(test)]
mod tests {
    use quick_xml::Reader;
    use quick_xml::events::Event;

    use super::*;
    use crate::test_fixture;

    /// The text of every element named `tag` inside the "Range rings" folder, in order; checks
    /// along the way that the whole document is well-formed XML.
    fn ring_folder_texts(kml: &str, tag: &str) -> Vec<String> {
        let mut reader = Reader::from_str(kml);
        // Open elements with the text gathered in each; entities arrive as separate events.
        let (mut open, mut out, mut in_rings) = (Vec::<(String, String)>::new(), Vec::new(), false);
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) => open.push((e.name().as_ref().to_owned(), String::new())),
                // Whitespace before the root element belongs to no element.
                Event::Text(t) => open.last_mut().into_iter().for_each(|(_, text)| *text += &t.xml10_content()),
                Event::GeneralRef(r) => {
                    open.last_mut().unwrap().1 += quick_xml::escape::resolve_predefined_entity(&r).unwrap()
                }
                Event::End(_) => {
                    let (name, text) = open.pop().unwrap();
                    let parent = open.last().map(|(n, _)| n.as_str());
                    if name == "name" && parent == Some("Folder") {
                        in_rings = text == "Range rings";
                    } else if name == "Folder" {
                        in_rings = false;
                    } else if in_rings && name == tag {
                        out.push(text);
                    }
                }
                Event::Eof => return out,
                _ => {}
            }
        }
    }

    #[test]
    fn rings_are_a_folder_of_labelled_styled_polygons() {
        let kml = to_kml(&test_fixture::briefing());
        let names = ring_folder_texts(&kml, "name");
        assert_eq!(
            names,
            ["Iskander-M (~500 km) from Baranovichi", "Palanez stretched to 300 km", "120 km ring from Kaliningrad"]
        );
        assert_eq!(ring_folder_texts(&kml, "styleUrl"), ["#range-ring"; 3]);
        assert!(kml.contains("<Style id=\"range-ring\">"), "the style the rings use is defined");
        let descriptions = ring_folder_texts(&kml, "description");
        assert!(descriptions[0].starts_with("Geodesic ring of 500 km around Baranovichi.\nIskander-M"));
        assert!(descriptions[0].contains("Source: "));
        assert_eq!(descriptions[2], "Geodesic ring of 120 km around Kaliningrad.");
        // Each ring: a label point and one closed polygon, every vertex at the radius.
        let coordinates = ring_folder_texts(&kml, "coordinates");
        assert_eq!(coordinates.len(), 6);
        let b = test_fixture::briefing();
        for (i, pair) in coordinates.chunks(2).enumerate() {
            let ring = b.ring(i).unwrap().ring;
            let points: Vec<geo::Point<f64>> = pair[1]
                .split_whitespace()
                .map(|c| {
                    let (lon, lat) = c.split_once(',').unwrap();
                    geo::Point::new(lon.parse().unwrap(), lat.parse().unwrap())
                })
                .collect();
            assert!(points.len() > 100 && points.first() == points.last(), "ring {i}");
            for p in points {
                assert!((ring.distance_km(p) - ring.radius_km()).abs() < 0.01, "ring {i}: {p:?}");
            }
        }
    }

    #[test]
    fn claims_carry_their_source_grades_and_relations() {
        let b = crate::test_fixture::four_sources_edited(|doc| {
            let i = |id: &str| doc.claims.iter().position(|c| c.id == id).unwrap();
            let (lavrov, regional) = (i("lavrov-arrives-minsk"), i("regional-lavrov-17-may"));
            doc.claims[lavrov].credibility = Some(crate::briefing::Credibility::Two);
            let (a, z) = (doc.claims[lavrov].id.clone(), doc.claims[regional].id.clone());
            doc.relations.push(crate::briefing::Relation::new(RelationKind::Contradicts, a, z));
        });
        let kml = to_kml(&b).replace("&apos;", "'");
        assert!(
            kml.contains("Source: Lavrov and Makei discuss the NATO shield in Minsk — C — Fairly reliable"),
            "{kml}"
        );
        assert!(kml.contains(
            "Source: Belarus keeps Russian bases at arm's length — F — Reliability cannot be judged (not graded)"
        ));
        let graded = "B — Usually reliable · 2 — Probably true<br/>";
        let contradicted = "Contradicted by: Belarus keeps Russian bases at arm's length (F6): Lavrov arrived in Minsk on 17 May (sic).";
        assert!(kml.contains(&format!("{graded}{contradicted}")), "{kml}");
        assert!(
            kml.contains("Contradicted by: NATO missile defence, Russia's Iskanders and Belarus (B2)"),
            "both ways"
        );
        // Still well-formed XML.
        let mut reader = quick_xml::Reader::from_str(&kml);
        reader.config_mut().check_end_names = true;
        while !matches!(reader.read_event().unwrap(), Event::Eof) {}
    }

    #[test]
    fn no_rings_no_folder_or_style() {
        let mut doc = test_fixture::doc();
        doc.rings.clear();
        doc.story.clear();
        let kml = to_kml(&test_fixture::check(doc).unwrap());
        assert!(ring_folder_texts(&kml, "name").is_empty());
        assert!(!kml.contains("Range rings") && !kml.contains("range-ring"));
    }
}
