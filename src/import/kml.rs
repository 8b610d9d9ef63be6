//! KML 2.2 (Google Earth): every Placemark, in Documents and Folders at any depth, with its
//! name, description, TimeStamp or TimeSpan, ExtendedData (`kind`, `confidence`...), and its
//! Points and Polygons (outer and inner boundaries, also inside MultiGeometry).
//!
//! The XML is read as a stream of events (`quick-xml`): no entity is ever expanded. A DOCTYPE
//! that declares entities is refused (an external entity could read local files, a nested one
//! expand to gigabytes), and a reference to any entity but XML's five is an error.

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::attributes::{Attributes, Field, clean};
use super::record::{Builder, Record, Shapes, lon_lat, ring_problem};
use super::{ImportError, Imported, Lines};

/// Deepest nesting of elements read; real KML (Folders in Folders) stays within a few dozen.
const MAX_DEPTH: usize = 1_000;

/// Reads KML text; `file` names it in errors and provenance.
pub fn read(file: &str, text: &str) -> Result<Imported, ImportError> {
    let mut reader = Reader::from_str(text);
    let mut state =
        State { builder: Builder::new(file), lines: Lines::new(text), open: Vec::new(), placemark: None, count: 0 };
    // The text of the innermost open element.
    let mut content = String::new();
    loop {
        let before = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let at = reader.error_position() as usize;
                return Err(state.error(at, format!("not well-formed XML: {e}")));
            }
        };
        match event {
            Event::Start(e) | Event::Empty(e) if state.open.is_empty() && e.local_name().as_ref() != "kml" => {
                let name = e.name().as_ref().to_owned();
                return Err(state.error(before, format!("the root element is <{name}>, not <kml>: not a KML file")));
            }
            Event::Start(_) if state.open.len() == MAX_DEPTH => {
                return Err(state.error(before, format!("elements nested more than {MAX_DEPTH} deep: not KML")));
            }
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_owned();
                state.start(&name, &e, before);
                state.open.push((name, before));
                content.clear();
            }
            Event::Empty(e) => {
                let name = e.local_name().as_ref().to_owned();
                state.start(&name, &e, before);
                state.end(&name, "")?;
            }
            Event::End(_) => {
                let (name, _) = state.open.pop().unwrap_or_default();
                state.end(&name, &content)?;
                content.clear();
            }
            Event::Text(t) => content.push_str(&t.xml10_content()),
            Event::CData(c) => content.push_str(&c.xml10_content()),
            Event::GeneralRef(r) => content.push_str(&reference(&r).map_err(|m| state.error(before, m))?),
            Event::DocType(d) if d.to_ascii_uppercase().contains("<!ENTITY") => {
                let message = "a DOCTYPE that declares entities: briefmap expands none (an external entity could \
                               read local files, nested ones expand to gigabytes)";
                return Err(state.error(before, message.into()));
            }
            Event::Eof => return state.finish(text.len()),
            Event::DocType(_) | Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
        }
    }
}

/// What reading has reached.
struct State<'a> {
    builder: Builder,
    lines: Lines<'a>,
    /// Open elements (local names) and the offset each starts at.
    open: Vec<(String, usize)>,
    /// The Placemark being read.
    placemark: Option<Placemark>,
    /// Placemarks seen so far.
    count: usize,
}

impl State<'_> {
    fn error(&mut self, offset: usize, message: String) -> ImportError {
        ImportError::at(self.builder.file(), self.lines.at(offset), message)
    }

    /// The local name of the element `up` levels above the innermost open one.
    fn parent(&self, up: usize) -> Option<&str> {
        self.open.len().checked_sub(up + 1).map(|i| self.open[i].0.as_str())
    }

    /// An element opens at `offset`: a Placemark starts, or one inside it notes what it needs.
    fn start(&mut self, name: &str, e: &BytesStart, offset: usize) {
        let Some(p) = &mut self.placemark else {
            if name == "Placemark" {
                self.count += 1;
                let (count, line) = (self.count, self.lines.at(offset).0);
                self.placemark = Some(Placemark::new(count, line, self.open.len()));
            }
            return;
        };
        match name {
            "Polygon" => {
                p.outer = None;
                p.inner.clear();
            }
            "Data" | "SimpleData" => {
                let key = e.try_get_attribute("name").ok().flatten();
                p.key = key.and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()));
            }
            _ if UNSUPPORTED.contains(&name) => p.unsupported.push(name.to_owned()),
            _ => {}
        }
    }

    /// An element closes with its text: what it means for the Placemark, which is added when
    /// it is its own end.
    fn end(&mut self, name: &str, text: &str) -> Result<(), ImportError> {
        let (in_placemark, in_timestamp, in_timespan, in_data) = (
            self.parent(0) == Some("Placemark"),
            self.parent(0) == Some("TimeStamp") && self.parent(1) == Some("Placemark"),
            self.parent(0) == Some("TimeSpan") && self.parent(1) == Some("Placemark"),
            self.parent(0) == Some("Data"),
        );
        let (parent, grandparent) = (self.parent(0).map(str::to_owned), self.parent(1).map(str::to_owned));
        let depth = self.open.len();
        let Some(p) = &mut self.placemark else { return Ok(()) };
        if name == "Placemark" && depth == p.depth {
            return match self.placemark.take() {
                Some(p) => finish(&mut self.builder, p),
                None => Ok(()),
            };
        }
        let own = in_placemark && depth == p.depth + 1;
        match name {
            "name" if own => p.attrs.set(Field::Name, 0, text),
            "description" if own => p.attrs.set(Field::Description, 0, text),
            "when" if in_timestamp => p.attrs.set(Field::Date, 0, text),
            "begin" if in_timespan => p.attrs.set(Field::Begin, 0, text),
            "end" if in_timespan => p.attrs.set(Field::End, 0, text),
            "value" if in_data => p.offer_data(text),
            "SimpleData" => p.offer_data(text),
            "coordinates" if p.problem.is_none() => {
                let result = coordinates(text).and_then(|at| p.geometry(parent.as_deref(), grandparent.as_deref(), at));
                p.problem = result.err();
            }
            "Polygon" if p.problem.is_none() => match p.outer.take() {
                Some(outer) => {
                    let polygon = std::iter::once(outer).chain(p.inner.drain(..)).collect();
                    p.shapes.polygons.push(polygon);
                }
                None => p.problem = Some("a Polygon without an outerBoundaryIs ring".into()),
            },
            _ => {}
        }
        Ok(())
    }

    /// The end of the text: what was imported, or why the file is cut off or empty.
    fn finish(mut self, len: usize) -> Result<Imported, ImportError> {
        if let Some((name, at)) = self.open.last().cloned() {
            let (line, col) = self.lines.at(at);
            let message = format!("the file ends inside <{name}> (opened at {line}:{col}): it is cut off");
            return Err(self.error(len, message));
        }
        if self.count == 0 {
            return Err(ImportError::whole(self.builder.file(), "no Placemark in the file"));
        }
        self.builder.finish()
    }
}

/// A general reference's text: a character reference or one of XML's five entities.
fn reference(r: &BytesRef) -> Result<String, String> {
    match r.resolve_char_ref() {
        Ok(Some(c)) => Ok(c.to_string()),
        Ok(None) => {
            let name = r.xml10_content();
            match quick_xml::escape::resolve_predefined_entity(&name) {
                Some(s) => Ok(s.to_owned()),
                None => Err(format!("entity &{name}; is not defined (briefmap reads no DTD)")),
            }
        }
        Err(e) => Err(format!("a bad character reference &{};: {e}", r.xml10_content())),
    }
}

/// A Placemark being read.
struct Placemark {
    record: Record,
    /// How many elements were open outside it.
    depth: usize,
    attrs: Attributes,
    shapes: Shapes,
    /// The polygon being read: its outer ring, then its inner ones.
    outer: Option<Vec<[f64; 2]>>,
    inner: Vec<Vec<[f64; 2]>>,
    /// Geometries briefmap does not import (LineString, Track, Model).
    unsupported: Vec<String>,
    /// The key of the ExtendedData `Data` or `SimpleData` being read.
    key: Option<String>,
    /// The first thing wrong with it: it is then skipped.
    problem: Option<String>,
}

/// Geometry elements briefmap does not import; a Placemark with only these is skipped.
const UNSUPPORTED: [&str; 5] = ["LineString", "Track", "MultiTrack", "Model", "LatLonQuad"];

impl Placemark {
    fn new(count: usize, line: usize, depth: usize) -> Self {
        Self {
            record: Record {
                at: format!("Placemark {count} (line {line})"),
                source: format!("Placemark {count}"),
                unnamed: format!("Unnamed Placemark {count}"),
            },
            depth,
            attrs: Attributes::default(),
            shapes: Shapes::default(),
            outer: None,
            inner: Vec::new(),
            unsupported: Vec::new(),
            key: None,
            problem: None,
        }
    }

    /// An ExtendedData value, under the key its `Data` or `SimpleData` named.
    fn offer_data(&mut self, text: &str) {
        if let Some(key) = &self.key {
            self.attrs.offer(key, text);
        }
    }

    /// Where a `coordinates` element's positions go, by what it is in.
    fn geometry(
        &mut self,
        parent: Option<&str>,
        grandparent: Option<&str>,
        positions: Vec<[f64; 2]>,
    ) -> Result<(), String> {
        match (parent, grandparent) {
            (Some("Point"), _) => match positions.as_slice() {
                [one] => self.shapes.points.push(*one),
                [] => return Err("a Point with no coordinates".into()),
                more => return Err(format!("a Point with {} positions (one: lon,lat[,alt])", more.len())),
            },
            (Some("LinearRing"), Some(boundary @ ("outerBoundaryIs" | "innerBoundaryIs"))) => {
                if let Some(problem) = ring_problem(&positions) {
                    return Err(format!("the {boundary} ring: {problem}"));
                }
                if boundary == "outerBoundaryIs" {
                    self.outer = Some(positions);
                } else {
                    self.inner.push(positions);
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The positions of a `coordinates` text: `lon,lat[,alt]` tuples separated by white space
/// (a space after a comma, which some writers put, is tolerated).
fn coordinates(text: &str) -> Result<Vec<[f64; 2]>, String> {
    let mut joined = String::with_capacity(text.len());
    for part in text.split(',') {
        if !joined.is_empty() {
            joined.push(',');
        }
        joined.push_str(part.trim());
    }
    let mut positions = Vec::new();
    for tuple in joined.split_whitespace() {
        let numbers: Vec<&str> = tuple.split(',').collect();
        if !(2..=3).contains(&numbers.len()) {
            let shown = clean(tuple, 40);
            return Err(format!("position '{shown}' is not lon,lat[,alt]: it needs a longitude and a latitude"));
        }
        let number = |s: &str| {
            s.parse::<f64>()
                .map_err(|_| format!("'{}' in position '{}' is not a number", clean(s, 40), clean(tuple, 40)))
        };
        positions.push(lon_lat(number(numbers[0])?, number(numbers[1])?)?);
    }
    Ok(positions)
}

/// Adds a finished Placemark, or lists why not.
fn finish(builder: &mut Builder, p: Placemark) -> Result<(), ImportError> {
    if let Some(problem) = p.problem {
        builder.skip(&p.record.at, problem);
        return Ok(());
    }
    let found = !p.shapes.points.is_empty() || !p.shapes.polygons.is_empty();
    match p.unsupported.first() {
        Some(kind) if found => builder.skip(
            &p.record.at,
            format!("its {kind} is not imported (briefmap imports Points and Polygons); the rest is"),
        ),
        Some(kind) => builder.skip(&p.record.at, format!("a {kind}: briefmap imports Points and Polygons")),
        None if !found => builder.skip(&p.record.at, "no Point or Polygon: nothing to put on the map"),
        None => {}
    }
    if found { builder.add(&p.record, &p.attrs, p.shapes) } else { Ok(()) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::{Confidence, PlaceKind};

    fn kml(body: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>\n{body}\n</Document></kml>\n"
        )
    }

    fn skips(text: &str) -> Vec<String> {
        read("t.kml", text).unwrap().skipped.iter().map(|s| s.to_string()).collect()
    }

    const POINT: &str = "<Placemark><name>Good</name><Point><coordinates>1,2</coordinates></Point></Placemark>";

    #[test]
    fn placemarks_in_folders_with_their_data() {
        let text = kml(r##"<Folder><name>Bases</name><Folder>
            <Placemark id="x"><name>Šiauliai &amp; Zokniai</name>
              <description><![CDATA[<p>NATO <b>air policing</b></p>]]></description>
              <TimeSpan><begin>2004-03-29</begin><end>2016</end></TimeSpan>
              <LookAt><gx:TimeStamp><when>1999</when></gx:TimeStamp></LookAt>
              <ExtendedData><Data name="kind"><value>air_base</value></Data>
                <SchemaData schemaUrl="#s"><SimpleData name="uncertainty_km">1.5</SimpleData></SchemaData></ExtendedData>
              <Point><altitudeMode>clampToGround</altitudeMode><coordinates> 23.395 , 55.894 , 0 </coordinates></Point>
            </Placemark></Folder></Folder>
            <kml:Placemark><kml:name>Area</kml:name><kml:TimeStamp><kml:when>2017-09-14T06:00:00Z</kml:when></kml:TimeStamp>
              <kml:Polygon><kml:outerBoundaryIs><kml:LinearRing><kml:coordinates>
                23,54 24,54 24,55 23,54</kml:coordinates></kml:LinearRing></kml:outerBoundaryIs>
              <kml:innerBoundaryIs><kml:LinearRing><kml:coordinates>23.2,54.1 23.5,54.1 23.5,54.4 23.2,54.1</kml:coordinates></kml:LinearRing></kml:innerBoundaryIs>
              </kml:Polygon></kml:Placemark>"##);
        let out = read("dir/bases.kml", &text).unwrap();
        assert!(out.skipped.is_empty(), "{:?}", out.skipped);
        let p = &out.places[0];
        assert_eq!((p.name.as_str(), p.lon, p.lat, p.kind), ("Šiauliai & Zokniai", 23.395, 55.894, PlaceKind::AirBase));
        assert_eq!(p.provenance.source, "bases.kml Placemark 1");
        assert_eq!(
            p.provenance.why.as_deref(),
            Some("imported from bases.kml (dated 2004-03-29 to 2016 there): NATO air policing"),
            "the LookAt's time stamp is the view's, not the place's"
        );
        assert_eq!((p.provenance.confidence, p.provenance.uncertainty_km), (Confidence::Approximate, Some(1.5)));
        let r = &out.regions[0];
        assert_eq!((r.name.as_str(), r.area.len(), r.area[0].len()), ("Area", 1, 2));
        assert_eq!(r.provenance.why.as_deref(), Some("imported from bases.kml (dated 2017-09-14T06:00:00Z there)"));
    }

    #[test]
    fn multigeometry_gives_places_and_a_region() {
        let text = kml("<Placemark><name>Both</name><MultiGeometry>
            <Point><coordinates>1,2</coordinates></Point><Point><coordinates>3,4</coordinates></Point>
            <Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 1,0 1,1 0,0</coordinates></LinearRing></outerBoundaryIs></Polygon>
            <LineString><coordinates>0,0 1,1</coordinates></LineString></MultiGeometry></Placemark>");
        let out = read("t.kml", &text).unwrap();
        let names: Vec<&str> = out.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Both (1)", "Both (2)"]);
        assert_eq!(out.regions.len(), 1);
        assert_eq!(
            out.skipped[0].to_string(),
            "Placemark 1 (line 3): its LineString is not imported (briefmap imports Points and Polygons); the rest is"
        );
    }

    #[test]
    fn a_bad_placemark_is_skipped_with_its_line() {
        let text = kml(&[
            POINT,
            "<Placemark><Point><coordinates>27.5</coordinates></Point></Placemark>",
            "<Placemark><Point><coordinates>27.5,95</coordinates></Point></Placemark>",
            "<Placemark><Point><coordinates>27.5,x</coordinates></Point></Placemark>",
            "<Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>0,0 1,0 1,1 0,1</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>",
            "<Placemark><name>Line</name><LineString><coordinates>0,0 1,1</coordinates></LineString></Placemark>",
            "<Placemark><name>Nothing</name></Placemark>",
            "<Placemark><TimeStamp><when>May 2016</when></TimeStamp><Point><coordinates>1,2</coordinates></Point></Placemark>",
            "<Placemark><Point><coordinates>1,2 3,4</coordinates></Point></Placemark>",
            "<Placemark><Polygon><innerBoundaryIs><LinearRing><coordinates>0,0 1,0 1,1 0,0</coordinates></LinearRing></innerBoundaryIs></Polygon></Placemark>",
        ]
        .join("\n"));
        assert_eq!(
            skips(&text),
            [
                "Placemark 2 (line 4): position '27.5' is not lon,lat[,alt]: it needs a longitude and a latitude",
                "Placemark 3 (line 5): latitude 95 is outside -90..90",
                "Placemark 4 (line 6): 'x' in position '27.5,x' is not a number",
                "Placemark 5 (line 7): the outerBoundaryIs ring: a ring does not end where it starts (repeat its first position at the end)",
                "Placemark 6 (line 8): a LineString: briefmap imports Points and Polygons",
                "Placemark 7 (line 9): no Point or Polygon: nothing to put on the map",
                "Placemark 8 (line 10): date 'May 2016' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (a time may follow)",
                "Placemark 9 (line 11): a Point with 2 positions (one: lon,lat[,alt])",
                "Placemark 10 (line 12): a Polygon without an outerBoundaryIs ring",
            ]
        );
    }

    #[test]
    fn entities_are_never_expanded() {
        let xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE kml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<kml><Placemark><name>&xxe;</name></Placemark></kml>";
        let e = read("x.kml", xxe).unwrap_err().to_string();
        assert!(e.starts_with("x.kml:2:1: a DOCTYPE that declares entities"), "{e}");
        let undeclared = kml("<Placemark><name>&xxe;</name><Point><coordinates>1,2</coordinates></Point></Placemark>");
        let e = read("x.kml", &undeclared).unwrap_err().to_string();
        assert!(e.starts_with("x.kml:3:18: entity &xxe; is not defined"), "{e}");
        let fine = kml(
            "<Placemark><name>&lt;A&gt; &#x41;&#66;</name><Point><coordinates>1,2</coordinates></Point></Placemark>",
        );
        assert_eq!(read("x.kml", &fine).unwrap().places[0].name, "<A> AB");
    }

    #[test]
    fn broken_xml_is_located() {
        let e = |text: &str| read("b.kml", text).unwrap_err().to_string();
        let cut = kml(POINT).replace("</Document></kml>\n", "<Placemark><name>Cut");
        assert_eq!(e(&cut), "b.kml:4:21: the file ends inside <name> (opened at 4:12): it is cut off");
        let mismatched = kml("<Placemark><name>A</Placemark>");
        assert!(
            e(&mismatched).starts_with(
                "b.kml:3:19: not well-formed XML: ill-formed document: expected `</name>`, but `</Placemark>` was found"
            ),
            "{}",
            e(&mismatched)
        );
        assert!(e("<gpx><wpt/></gpx>").contains("the root element is <gpx>, not <kml>"));
        assert_eq!(e(&kml("")), "b.kml: no Placemark in the file");
        let deep = kml(&"<Folder>".repeat(100_000));
        assert_eq!(e(&deep), "b.kml:3:7985: elements nested more than 1000 deep: not KML");
        assert!(e(&kml("<Placemark></Placemark>")).contains("nothing to import: Placemark 1 (line 3): no Point"));
    }
}
