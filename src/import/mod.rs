//! Importing places from other tools' files: GeoJSON (RFC 7946), KML 2.2 and CSV.
//!
//! [`read`] turns a file into [`Imported`] places and regions; [`into_edits`] makes them edits
//! that add them to a briefing, with ids unique in it. A record that cannot be imported is
//! listed in [`Imported::skipped`] with where it is and why, and the rest are imported; a file
//! that cannot be read at all, or from which nothing could be imported, is an [`ImportError`]
//! naming the file and the line:col (or the records).
//!
//! How records map onto the briefing:
//!
//! - **Points become places, polygons regions** with their own `area` (no bundled boundary).
//!   A MultiPoint (or a KML MultiGeometry of points) gives one place per point, named
//!   "Name (1)", "Name (2)"…; a record with polygons gives one region of all of them. Lines
//!   are not imported (a skip says so).
//! - **Context, with the file as provenance.** Every record is `origin: context`, `why:
//!   "imported from FILE"` (its description follows, as plain text), `source: "FILE feature 3"`
//!   — the file's name and the record (GeoJSON features counted from 0 as in `features[3]`,
//!   KML Placemarks from 1 in document order, CSV by line). `confidence` is `good` unless the
//!   record gives `confidence: approximate` or an `uncertainty_km`. Actors are left for the
//!   analyst.
//! - **Names** come from a `name` (else `title`, `label`) property, column or element; a
//!   GeoJSON or KML record without one is "Unnamed feature 3" / "Unnamed Placemark 5"; a CSV
//!   file needs a name column. Ids are made from names (`briefing::ids`).
//! - **Kinds** come from a `kind` (else `category`, `type`) property, column or KML
//!   ExtendedData: briefmap's own names (`air_base`, "Air base") and a few exact synonyms
//!   ([`record::place_kind`]). Otherwise a point is a `town` (the plainest marker, which says
//!   the least) and a polygon a `territory`.
//! - **Dates.** briefmap puts dates on claims, and a claim is a quote from a source's text,
//!   which an imported record does not have; so a record's date (a CSV or GeoJSON `date`,
//!   `begin`/`end`; KML TimeStamp/TimeSpan) is checked (a bad one skips the record, as a bad
//!   coordinate does) and kept, as the file writes it, in the provenance: `why: "imported from
//!   FILE (dated 2016-05-16 there)"`. It does not move the place on the time slider: that
//!   follows the claims made about it.

mod attributes;
mod csv;
mod geojson;
mod kml;
pub mod record;

use std::fmt;
use std::path::Path;

use crate::briefing::ids::Ids;
use crate::briefing::{Briefing, Place, Region};
use crate::session::edit::{Edit, ListEdit};

/// Largest file imported; a city list of 100,000 rows is a few megabytes.
pub const MAX_IMPORT_BYTES: u64 = 16 << 20;
/// Most places and regions one file may bring; more would make a briefing nobody can read.
pub const MAX_RECORDS: usize = 100_000;

/// What a file brought: places and regions ready to add, and the records left out.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// Points, as context places (ids unique within the file).
    pub places: Vec<Place>,
    /// Polygons, as context regions with their own `area`.
    pub regions: Vec<Region>,
    /// Records (or parts of records) not imported, in file order.
    pub skipped: Vec<Skipped>,
}

impl Imported {
    /// One line for a status bar: "3 places and 1 region imported; 2 records skipped".
    pub fn summary(&self) -> String {
        let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut text = format!(
            "{} and {} imported",
            count(self.places.len(), "place", "places"),
            count(self.regions.len(), "region", "regions")
        );
        if !self.skipped.is_empty() {
            text.push_str(&format!("; {} skipped", count(self.skipped.len(), "record", "records")));
        }
        text
    }
}

/// A record not imported, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// Where it is: "line 7" (CSV), "feature 3 (line 40)" (GeoJSON), "Placemark 5 (line 40)" (KML).
    pub at: String,
    /// What is wrong with it, e.g. "latitude 95 is outside -90..90".
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.reason)
    }
}

/// Why a file could not be imported at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// The file, as the user named it.
    pub file: String,
    /// 1-based line and column of the fault, when it has one place.
    pub at: Option<(usize, usize)>,
    /// What is wrong (with the records, when it is about them).
    pub message: String,
}

impl ImportError {
    /// An error about the file as a whole (or about its records, named in the message).
    pub(crate) fn whole(file: &str, message: impl Into<String>) -> Self {
        Self { file: file.to_owned(), at: None, message: message.into() }
    }

    /// An error at a line and column.
    pub(crate) fn at(file: &str, at: (usize, usize), message: impl Into<String>) -> Self {
        Self { file: file.to_owned(), at: Some(at), message: message.into() }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.at {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// The formats briefmap imports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// GeoJSON (RFC 7946): a FeatureCollection, a Feature or a geometry.
    GeoJson,
    /// KML 2.2 (Google Earth): Placemarks in Documents and Folders.
    Kml,
    /// Comma-, semicolon-, tab- or bar-separated values with a header.
    Csv,
}

impl Format {
    /// File name extensions a file dialog can offer, in the formats' order.
    pub const EXTENSIONS: [&str; 5] = ["geojson", "json", "kml", "csv", "tsv"];

    /// The format a file's extension says (any case), if it names one.
    pub fn of_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "geojson" | "json" => Some(Format::GeoJson),
            "kml" => Some(Format::Kml),
            "csv" | "tsv" => Some(Format::Csv),
            _ => None,
        }
    }

    /// The format a text looks like: an object is GeoJSON, markup KML, a header with
    /// latitude and longitude columns CSV.
    pub fn sniff(text: &str) -> Option<Format> {
        match text.trim_start().chars().next()? {
            '{' => Some(Format::GeoJson),
            '<' => Some(Format::Kml),
            _ if csv::has_coordinate_header(text) => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Reads a GeoJSON, KML or CSV file of places: the format from the extension (`.geojson`,
/// `.json`, `.kml`, `.csv`, `.tsv`), else from the content.
pub fn read(path: &Path) -> Result<Imported, ImportError> {
    let file = path.display().to_string();
    let size = std::fs::metadata(path).map_err(|e| ImportError::whole(&file, format!("cannot read it: {e}")))?.len();
    if size > MAX_IMPORT_BYTES {
        return Err(ImportError::whole(
            &file,
            format!(
                "the file is {:.1} MB; the limit is {} MB — is this the right file?",
                size as f64 / 1e6,
                MAX_IMPORT_BYTES >> 20
            ),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| ImportError::whole(&file, format!("cannot read it: {e}")))?;
    read_bytes(&file, &bytes, Format::of_path(path))
}

/// Reads a file's bytes in `format` (`None`: by the content); `file` names it in errors and,
/// by its last part, in provenance.
pub fn read_bytes(file: &str, bytes: &[u8], format: Option<Format>) -> Result<Imported, ImportError> {
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        let message = format!("{} bytes; the limit is {} MB", bytes.len(), MAX_IMPORT_BYTES >> 20);
        return Err(ImportError::whole(file, message));
    }
    let text = decode(file, bytes)?;
    if text.trim().is_empty() {
        return Err(ImportError::whole(file, "the file is empty"));
    }
    let format = match format.or_else(|| Format::sniff(&text)) {
        Some(f) => f,
        None => {
            let message = "not GeoJSON (an object), KML (<kml>) or CSV (a header with latitude and longitude \
                           columns)";
            return Err(ImportError::whole(file, message));
        }
    };
    read_str(file, &text, format)
}

/// Reads text in `format` (a leading byte-order mark is read past).
pub fn read_str(file: &str, text: &str, format: Format) -> Result<Imported, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::whole(file, "the file is empty"));
    }
    match format {
        Format::GeoJson => geojson::read(file, text),
        Format::Kml => kml::read(file, text),
        Format::Csv => csv::read(file, text),
    }
}

/// The bytes as text: UTF-8 (a byte-order mark dropped) or UTF-16 with its byte-order mark;
/// anything else is refused with the line:col and byte offset of the first bad byte.
fn decode(file: &str, bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.starts_with(b"PK\x03\x04") {
        let message = "a zip archive (KMZ?), not text: unzip it and import the doc.kml inside";
        return Err(ImportError::whole(file, message));
    }
    let utf16 = |bytes: &[u8], unit: fn([u8; 2]) -> u16| {
        let units = bytes.chunks_exact(2).map(|p| unit([p[0], p[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| ImportError::whole(file, "the file starts as UTF-16 but is not: save it as UTF-8".to_owned()))
    };
    let text = if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_owned(),
            Err(e) => {
                let offset = e.valid_up_to();
                // The prefix is valid UTF-8 by definition of `valid_up_to`.
                let good = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
                let message = format!(
                    "not UTF-8: byte 0x{:02x} at offset {offset} (save the file as UTF-8; in Excel, \"CSV UTF-8\")",
                    bytes[offset]
                );
                return Err(ImportError::at(file, crate::briefing::article::line_col(good, offset), message));
            }
        }
    };
    if let Some(at) = text.find('\0') {
        let (line, col) = crate::briefing::article::line_col(&text, at);
        return Err(ImportError::at(file, (line, col), "NUL byte: this is a binary file, not GeoJSON, KML or CSV"));
    }
    Ok(text)
}

/// The edits that add `imported` to `b`: inserts at the end of its places and regions, each
/// with an id made from its name and unique in `b` ("minsk", else "minsk-2"…). Apply them as
/// one `Edit::Batch` so that the import is one undo step; read `imported.skipped` first.
pub fn into_edits(imported: Imported, b: &Briefing) -> Vec<Edit> {
    let mut ids = Ids::of(b);
    let (places, regions) = (b.places().len(), b.regions().len());
    let mut edits = Vec::with_capacity(imported.places.len() + imported.regions.len());
    for (i, mut place) in imported.places.into_iter().enumerate() {
        place.id = ids.for_name(&place.name, "place");
        edits.push(Edit::Places(ListEdit::Insert(places + i, place)));
    }
    for (i, mut region) in imported.regions.into_iter().enumerate() {
        region.id = ids.for_name(&region.name, "region");
        edits.push(Edit::Regions(ListEdit::Insert(regions + i, region)));
    }
    edits
}

/// 1-based line and column of byte offsets visited in increasing order, counted once.
struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: usize,
    line_start: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self { text, offset: 0, line: 1, line_start: 0 }
    }

    /// The line and column of `offset`; an offset before the last one asked for is counted
    /// from the start again.
    fn at(&mut self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.offset {
            *self = Self::new(self.text);
        }
        for (i, b) in self.text.as_bytes()[self.offset..offset].iter().enumerate() {
            if *b == b'\n' {
                self.line += 1;
                self.line_start = self.offset + i + 1;
            }
        }
        self.offset = offset;
        (self.line, self.text[self.line_start..offset].chars().count() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::briefing::PlaceKind;
    use crate::session::Session;

    #[test]
    fn lines_are_counted_once_in_order() {
        let text = "ab\ncд\n\nef";
        let mut lines = Lines::new(text);
        assert_eq!(lines.at(0), (1, 1));
        assert_eq!(lines.at(4), (2, 2), "columns count characters");
        assert_eq!(lines.at(text.len()), (4, 3));
        assert_eq!(lines.at(3), (2, 1), "going back starts again");
        for offset in 0..=text.len() {
            assert_eq!(Lines::new(text).at(offset), crate::briefing::article::line_col(text, offset));
        }
    }

    #[test]
    fn formats_by_extension_then_content() {
        assert_eq!(Format::of_path(Path::new("a/b.GeoJSON")), Some(Format::GeoJson));
        assert_eq!(Format::of_path(Path::new("b.kml")), Some(Format::Kml));
        assert_eq!(Format::of_path(Path::new("b.tsv")), Some(Format::Csv));
        assert_eq!(Format::of_path(Path::new("b.txt")), None);
        assert_eq!(Format::sniff("\n  {\"type\": 1}"), Some(Format::GeoJson));
        assert_eq!(Format::sniff("<?xml version=\"1.0\"?><kml/>"), Some(Format::Kml));
        assert_eq!(Format::sniff("name;Latitude;Longitude\nMinsk;53.9;27.56\n"), Some(Format::Csv));
        assert_eq!(Format::sniff("Dear analyst,\nplease find attached"), None);
    }

    #[test]
    fn undecodable_bytes_are_refused_with_their_offset() {
        let e = read_bytes("p.csv", b"name,lat,lon\nMinsk,53.9,27.5\nL\xf3dz,51.8,19.5\n", None).unwrap_err();
        assert_eq!(e.at, Some((3, 2)));
        assert!(e.to_string().starts_with("p.csv:3:2: not UTF-8: byte 0xf3 at offset 30"), "{e}");
        let e = read_bytes("doc.kmz", b"PK\x03\x04rest", None).unwrap_err();
        assert!(e.message.contains("unzip it"), "{e}");
        let e = read_bytes("x.bin", b"name,lat,lon\n\0\0", Some(Format::Csv)).unwrap_err();
        assert_eq!(e.to_string(), "x.bin:2:1: NUL byte: this is a binary file, not GeoJSON, KML or CSV");
        let e = read_bytes("x.txt", b"just words", None).unwrap_err();
        assert!(e.to_string().starts_with("x.txt: not GeoJSON (an object), KML (<kml>) or CSV"), "{e}");
        assert_eq!(read_bytes("e.csv", b" \n", None).unwrap_err().to_string(), "e.csv: the file is empty");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read() {
        // Excel's "Unicode text" is UTF-16 with a byte-order mark, tab-separated.
        let text = "name\tlat\tlon\r\nМінск\t53.9\t27.5667\r\n";
        let le: Vec<u8> = [0xff, 0xfe].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xfe, 0xff].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        for bytes in [le, be] {
            let imported = read_bytes("u.txt", &bytes, None).unwrap();
            assert_eq!(imported.places[0].name, "Мінск");
        }
        let e = read_bytes("u.csv", &[0xff, 0xfe, 0x00, 0xd8, b'a', 0], None).unwrap_err();
        assert!(e.message.contains("not: save it as UTF-8"), "{e}");
    }

    #[test]
    fn into_edits_gives_ids_unique_in_the_briefing_and_applies_cleanly() {
        let atlas = Atlas::bundled().unwrap();
        let b = Briefing::embedded(&atlas).unwrap();
        let csv = "name,lat,lon,kind\nMinsk,53.9,27.5667,capital\nMinsk,53.91,27.57,\nMoscow,55.75,37.62,capital\n";
        let mut imported = read_str("more.csv", csv, Format::Csv).unwrap();
        let geojson = r#"{"type":"Feature","properties":{"name":"Minsk"},
            "geometry":{"type":"Polygon","coordinates":[[[27,53],[28,53],[28,54],[27,53]]]}}"#;
        imported.regions = read_str("area.geojson", geojson, Format::GeoJson).unwrap().regions;
        assert_eq!(imported.places[1].id, "minsk-2", "unique within the file");
        let edits = into_edits(imported, &b);
        let ids: Vec<(&str, usize)> = edits
            .iter()
            .map(|e| match e {
                Edit::Places(ListEdit::Insert(at, p)) => (p.id.as_str(), *at),
                Edit::Regions(ListEdit::Insert(at, r)) => (r.id.as_str(), *at),
                other => panic!("{other:?}"),
            })
            .collect();
        let (np, nr) = (b.places().len(), b.regions().len());
        assert_eq!(ids, [("minsk-2", np), ("minsk-3", np + 1), ("moscow-2", np + 2), ("minsk-4", nr)]);
        let mut session = Session::checked(b, Some(atlas));
        let before = session.problems().len();
        session.apply(Edit::Batch(edits)).unwrap();
        assert_eq!(session.problems().len(), before, "the import adds no problem");
        let b = session.briefing();
        assert_eq!(b.places().len(), np + 3);
        assert_eq!(b.places()[np].kind, PlaceKind::Capital);
        assert!(!b.shape(nr).0.is_empty(), "the region draws its own area");
        assert!(session.undo());
        assert_eq!(session.briefing().places().len(), np, "one undo step takes the whole import back");
    }

    #[test]
    fn the_summary_counts() {
        let mut i = Imported::default();
        assert_eq!(i.summary(), "0 places and 0 regions imported");
        i.regions.push(
            read_str("a.geojson", r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#, Format::GeoJson)
                .unwrap()
                .regions
                .remove(0),
        );
        i.skipped.push(Skipped { at: "line 2".into(), reason: "x".into() });
        assert_eq!(i.summary(), "0 places and 1 region imported; 1 record skipped");
    }
}
