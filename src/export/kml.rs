//! KML 2.2 export for Google Earth: a folder per actor, a placemark per place and region, each
//! with its claims in the description and a time span for the time slider.

use std::io::Cursor;

use jiff::civil::Date;
use quick_xml::Writer;
use quick_xml::events::{BytesCData, BytesText, Event};

use crate::briefing::{Briefing, Span};

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
            text(w, "description", &format!("{} — {}", b.article().author, b.article().published.label()))?;
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

fn ring(w: &mut Xml, tag: &str, line: &geo::LineString<f64>) -> XmlResult {
    let coords: Vec<String> = line.coords().map(|c| format!("{},{}", c.x, c.y)).collect();
    w.create_element(tag).write_inner_content(|w| {
        w.create_element("LinearRing").write_inner_content(|w| text(w, "coordinates", &coords.join(" ")))?;
        Ok(())
    })?;
    Ok(())
}

fn description(w: &mut Xml, b: &Briefing, claims: &[usize]) -> XmlResult {
    if claims.is_empty() {
        return Ok(());
    }
    let mut html = String::new();
    for &c in claims {
        let claim = &b.claims()[c];
        let speaker = b.speaker(&claim.speaker).map(|s| s.label()).unwrap_or_default();
        let date = match &claim.when {
            Some(w) if w.is_inferred() => format!("{} (inferred)", w.label()),
            Some(w) => w.label(),
            None => "undated".into(),
        };
        html += &format!(
            "<p><b>{}</b><br/><i>“{}”</i><br/>{} · {} · {}</p>",
            escape(&claim.summary),
            escape(&claim.quote),
            escape(&speaker),
            claim.kind.label(),
            escape(&date)
        );
    }
    // "]]>" cannot appear inside CDATA; split it across two sections.
    let html = xml_chars(&html).replace("]]>", "]]]]><![CDATA[>");
    w.create_element("description").write_cdata_content(BytesCData::new(html))?;
    Ok(())
}

/// A TimeSpan covering the claims' spans, or a TimeStamp when they are one day.
fn time(w: &mut Xml, b: &Briefing, claims: &[usize]) -> XmlResult {
    let spans: Vec<Span> = claims.iter().filter_map(|&c| b.span(c)).collect();
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
