//! What every format shares once a record is read: checked coordinates, the kinds words
//! name, and the place or region a record becomes.

use crate::briefing::ids::Ids;
use crate::briefing::{Confidence, Origin, Place, PlaceKind, Provenance, Region, RegionKind};

use super::attributes::{Attributes, Field, clean};
use super::{ImportError, Imported, MAX_RECORDS, Skipped};

/// Longest name kept, in characters; a longer one is cut with "…" (a paragraph in a name
/// column is a mistake in the file, not a name).
const MAX_NAME_CHARS: usize = 200;

/// Where a record is in its file, as reports and provenance name it.
#[derive(Clone, Debug)]
pub(crate) struct Record {
    /// For a skip: "feature 3 (line 40)", "Placemark 5 (line 40)", "line 7".
    pub at: String,
    /// For the provenance, after the file's name: "feature 3", "Placemark 5", "line 7".
    pub source: String,
    /// The name of a record that has none: "Unnamed feature 3".
    pub unnamed: String,
}

/// A polygon: rings of `[lon, lat]`, the exterior first, each closed.
pub(crate) type Polygon = Vec<Vec<[f64; 2]>>;

/// The geometry a record brings: points become places, polygons one region.
#[derive(Clone, Debug, Default)]
pub(crate) struct Shapes {
    /// Checked `[lon, lat]` points.
    pub points: Vec<[f64; 2]>,
    /// Checked polygons.
    pub polygons: Vec<Polygon>,
}

/// A point's longitude and latitude, or why they are not on the globe.
pub(crate) fn lon_lat(lon: f64, lat: f64) -> Result<[f64; 2], String> {
    let lat_ok = lat.is_finite() && (-90.0..=90.0).contains(&lat);
    let lon_ok = lon.is_finite() && (-180.0..=180.0).contains(&lon);
    match (lat_ok, lon_ok) {
        (true, true) => Ok([lon, lat]),
        (false, _) if lat.abs() > 1000.0 => {
            Err(format!("latitude {lat} is outside -90..90 (projected coordinates? briefmap reads WGS84 degrees)"))
        }
        (false, _) => Err(format!("latitude {lat} is outside -90..90")),
        (true, false) => Err(format!("longitude {lon} is outside -180..180")),
    }
}

/// Why a linear ring is not one (RFC 7946 §3.1.6, KML's LinearRing): fewer than four
/// positions, or its last position is not its first.
pub(crate) fn ring_problem(ring: &[[f64; 2]]) -> Option<String> {
    if ring.len() < 4 {
        Some(format!("a ring has {} positions; a closed ring needs at least 4", ring.len()))
    } else if ring.first() != ring.last() {
        Some("a ring does not end where it starts (repeat its first position at the end)".into())
    } else {
        None
    }
}

/// Collects a file's records into places and regions, with the skips.
pub(crate) struct Builder {
    /// The file as errors name it.
    file: String,
    /// The file's name (no folder), as provenance names it.
    name: String,
    out: Imported,
    /// Ids given so far: unique within the file ([`super::into_edits`] makes them unique in
    /// the briefing).
    ids: Ids,
}

impl Builder {
    /// A builder for the file `file` (a path; provenance keeps its last part).
    pub(crate) fn new(file: &str) -> Self {
        let name = std::path::Path::new(file).file_name().map_or(file.into(), |n| n.to_string_lossy().into_owned());
        Self { file: file.to_owned(), name, out: Imported::default(), ids: Ids::default() }
    }

    /// The file as errors name it.
    pub(crate) fn file(&self) -> &str {
        &self.file
    }

    /// Lists a record (or part of one) as not imported, with why.
    pub(crate) fn skip(&mut self, at: &str, reason: impl Into<String>) {
        self.out.skipped.push(Skipped { at: at.to_owned(), reason: reason.into() });
    }

    /// Adds what a record brings, or lists it as skipped when its attributes are unusable.
    /// Fails only when the file holds more than [`MAX_RECORDS`] records.
    pub(crate) fn add(&mut self, record: &Record, attrs: &Attributes, shapes: Shapes) -> Result<(), ImportError> {
        let described = match self.describe(record, attrs) {
            Ok(d) => d,
            Err(reason) => {
                self.skip(&record.at, reason);
                return Ok(());
            }
        };
        let brought = shapes.points.len() + usize::from(!shapes.polygons.is_empty());
        if self.out.places.len() + self.out.regions.len() + brought > MAX_RECORDS {
            let message = format!("more than {MAX_RECORDS} places and regions; split the file");
            return Err(ImportError::whole(&self.file, message));
        }
        let kind = attrs.get(Field::Kind);
        let several = shapes.points.len() > 1;
        for (i, [lon, lat]) in shapes.points.into_iter().enumerate() {
            let (name, source) = if several {
                (format!("{} ({})", described.name, i + 1), format!("{}, point {}", described.source, i + 1))
            } else {
                (described.name.clone(), described.source.clone())
            };
            let id = self.ids.for_name(&name, "place");
            let place = Place {
                id,
                name,
                local_names: Vec::new(),
                aliases: Vec::new(),
                lat,
                lon,
                kind: kind.map_or(DEFAULT_PLACE_KIND, place_kind),
                actors: Vec::new(),
                provenance: described.provenance(source),
                mentions: Vec::new(),
                suggestion: None,
            };
            self.out.places.push(place);
        }
        if !shapes.polygons.is_empty() {
            let id = self.ids.for_name(&described.name, "region");
            let region = Region {
                id,
                name: described.name.clone(),
                local_names: Vec::new(),
                kind: kind.and_then(region_kind).unwrap_or(DEFAULT_REGION_KIND),
                actors: Vec::new(),
                geometry: Vec::new(),
                area: shapes.polygons,
                status: None,
                provenance: described.provenance(described.source.clone()),
                mentions: Vec::new(),
                suggestion: None,
            };
            self.out.regions.push(region);
        }
        Ok(())
    }

    /// The name, provenance and confidence of a record, or why they are unusable.
    fn describe(&self, record: &Record, attrs: &Attributes) -> Result<Described, String> {
        let name = attrs.get(Field::Name).map(|n| clean(n, MAX_NAME_CHARS)).filter(|n| !n.is_empty());
        let mut why = format!("imported from {}", self.name);
        if let Some(dated) = attrs.dated()? {
            why.push_str(&format!(" (dated {dated} there)"));
        }
        if let Some(d) = attrs.description() {
            why.push_str(": ");
            why.push_str(&d);
        }
        let uncertainty_km = match attrs.get(Field::Uncertainty) {
            None => None,
            Some(text) => match text.parse::<f64>() {
                Ok(km) if km.is_finite() && km >= 0.0 => Some(km),
                _ => return Err(format!("uncertainty_km '{}' is not a distance in kilometres", clean(text, 40))),
            },
        };
        let confidence = match attrs.get(Field::Confidence).map(str::to_lowercase).as_deref() {
            None if uncertainty_km.is_some() => Confidence::Approximate,
            None | Some("good") => Confidence::Good,
            Some("approximate") => Confidence::Approximate,
            Some(other) => return Err(format!("confidence '{}' is not 'good' or 'approximate'", clean(other, 40))),
        };
        Ok(Described {
            name: name.unwrap_or_else(|| record.unnamed.clone()),
            source: format!("{} {}", self.name, record.source),
            why,
            confidence,
            uncertainty_km,
        })
    }

    /// What was imported; an error naming the first skips when nothing was.
    pub(crate) fn finish(self) -> Result<Imported, ImportError> {
        let (file, out) = (self.file, self.out);
        if !out.places.is_empty() || !out.regions.is_empty() {
            return Ok(out);
        }
        if out.skipped.is_empty() {
            return Err(ImportError::whole(&file, "no places or areas in the file"));
        }
        /// How many skips the error lists; the rest are counted.
        const LISTED: usize = 5;
        let mut message = String::from("nothing to import: ");
        let listed: Vec<String> = out.skipped.iter().take(LISTED).map(|s| s.to_string()).collect();
        message.push_str(&listed.join("; "));
        if out.skipped.len() > LISTED {
            message.push_str(&format!("; and {} more", out.skipped.len() - LISTED));
        }
        Err(ImportError::whole(&file, message))
    }
}

/// A record's name and provenance, shared by the places and region it becomes.
struct Described {
    name: String,
    /// "FILE feature 3".
    source: String,
    why: String,
    confidence: Confidence,
    uncertainty_km: Option<f64>,
}

impl Described {
    fn provenance(&self, source: String) -> Provenance {
        Provenance {
            origin: Origin::Context,
            why: Some(self.why.clone()),
            source,
            confidence: self.confidence,
            uncertainty_km: self.uncertainty_km,
        }
    }
}

/// The kind of a point whose data names none briefmap knows: the plainest, smallest marker,
/// which claims the least about what the place is.
pub const DEFAULT_PLACE_KIND: PlaceKind = PlaceKind::Town;
/// The kind of an imported polygon whose data names none: an area defined by events (an
/// exercise area, a zone), not a country or province (those come from the bundled boundaries).
pub const DEFAULT_REGION_KIND: RegionKind = RegionKind::Territory;

/// A kind word as a comparable key: lowercase, spaces and dashes as underscores.
fn kind_key(word: &str) -> String {
    word.trim().to_lowercase().replace([' ', '-'], "_")
}

/// The place kind a word names: briefmap's own names (`air_base`, "Air base") and a few
/// synonyms that mean the same thing; a region word (`country`) makes a point an `area`.
/// Words that could mean something else (airport, port) are not guessed at.
pub fn place_kind(word: &str) -> PlaceKind {
    let key = kind_key(word);
    if let Some(kind) = PlaceKind::ALL.into_iter().find(|k| k.as_str() == key || kind_key(k.label()) == key) {
        return kind;
    }
    match key.as_str() {
        "capital_city" | "national_capital" => PlaceKind::Capital,
        "village" | "hamlet" | "settlement" => PlaceKind::Town,
        "military" | "military_base" | "garrison" | "barracks" => PlaceKind::MilitarySite,
        "missile_defense_site" | "missile_defence" | "missile_defense" => PlaceKind::MissileDefenceSite,
        "airbase" | "air_force_base" | "military_airfield" => PlaceKind::AirBase,
        "navy_base" | "naval_station" => PlaceKind::NavalBase,
        "gulf" | "strait" | "bay" | "ocean" => PlaceKind::Sea,
        _ if region_kind(word).is_some() => PlaceKind::Area,
        "region" | "zone" => PlaceKind::Area,
        _ => DEFAULT_PLACE_KIND,
    }
}

/// The region kind a word names, if any.
pub fn region_kind(word: &str) -> Option<RegionKind> {
    let key = kind_key(word);
    let kinds = [RegionKind::Country, RegionKind::Province, RegionKind::Territory, RegionKind::Group];
    if let Some(kind) = kinds.into_iter().find(|k| k.as_str() == key) {
        return Some(kind);
    }
    match key.as_str() {
        "state" | "sovereign_state" | "nation" => Some(RegionKind::Country),
        "oblast" | "voblast" => Some(RegionKind::Province),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::attributes::tests::attrs;

    #[test]
    fn kinds_from_words() {
        assert_eq!(place_kind("air_base"), PlaceKind::AirBase);
        assert_eq!(place_kind("Air base"), PlaceKind::AirBase);
        assert_eq!(place_kind("Missile-defence site"), PlaceKind::MissileDefenceSite);
        assert_eq!(place_kind("CAPITAL"), PlaceKind::Capital);
        assert_eq!(place_kind("village"), PlaceKind::Town);
        assert_eq!(place_kind("country"), PlaceKind::Area);
        assert_eq!(place_kind("airport"), DEFAULT_PLACE_KIND, "a civil airport is not an air base");
        assert_eq!(place_kind("Feature"), DEFAULT_PLACE_KIND);
        assert_eq!(region_kind("Province"), Some(RegionKind::Province));
        assert_eq!(region_kind("oblast"), Some(RegionKind::Province));
        assert_eq!(region_kind("city"), None);
    }

    #[test]
    fn coordinates_off_the_globe_say_why() {
        assert_eq!(lon_lat(27.56, 53.9), Ok([27.56, 53.9]));
        assert_eq!(lon_lat(27.0, 95.0).unwrap_err(), "latitude 95 is outside -90..90");
        assert!(lon_lat(3_068_000.0, 7_150_000.0).unwrap_err().contains("projected"));
        assert_eq!(lon_lat(200.0, 0.0).unwrap_err(), "longitude 200 is outside -180..180");
        assert!(lon_lat(f64::NAN, 0.0).is_err() && lon_lat(0.0, f64::INFINITY).is_err());
        assert!(ring_problem(&[[0.0, 0.0], [1.0, 0.0], [0.0, 0.0]]).unwrap().contains("3 positions"));
        assert!(ring_problem(&[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 1.0]]).unwrap().contains("does not end"));
        assert_eq!(ring_problem(&[[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]), None);
    }

    #[test]
    fn records_become_context_places_and_regions() {
        let mut b = Builder::new("/data/baltic.csv");
        let record = Record { at: "line 2".into(), source: "line 2".into(), unnamed: "Unnamed line 2".into() };
        let shapes = Shapes { points: vec![[27.56, 53.9]], polygons: Vec::new() };
        let a =
            attrs(&[("name", "Minsk"), ("kind", "capital"), ("date", "2016-05-16"), ("note", "talks <i>venue</i>")]);
        b.add(&record, &a, shapes).unwrap();
        let two = Shapes { points: vec![[25.28, 54.68], [24.1, 56.95]], polygons: vec![vec![vec![[0.0, 0.0]]]] };
        b.add(&Record { source: "line 3".into(), ..record.clone() }, &attrs(&[("uncertainty_km", "5")]), two).unwrap();
        b.add(&record, &attrs(&[("confidence", "high")]), Shapes::default()).unwrap();
        let out = b.finish().unwrap();
        let minsk = &out.places[0];
        assert_eq!((minsk.id.as_str(), minsk.name.as_str(), minsk.kind), ("minsk", "Minsk", PlaceKind::Capital));
        assert_eq!(minsk.provenance.origin, Origin::Context);
        assert_eq!(minsk.provenance.source, "baltic.csv line 2");
        assert_eq!(
            minsk.provenance.why.as_deref(),
            Some("imported from baltic.csv (dated 2016-05-16 there): talks venue")
        );
        let names: Vec<&str> = out.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Minsk", "Unnamed line 2 (1)", "Unnamed line 2 (2)"]);
        assert_eq!(out.places[2].provenance.source, "baltic.csv line 3, point 2");
        assert_eq!(out.places[2].provenance.confidence, Confidence::Approximate, "an uncertainty makes it approximate");
        assert_eq!(out.places[2].provenance.uncertainty_km, Some(5.0));
        assert_eq!(out.regions[0].id, "unnamed-line-2", "ids are unique within the file, places and regions together");
        assert_eq!(out.places[1].id, "unnamed-line-2-1");
        assert_eq!(out.regions[0].kind, DEFAULT_REGION_KIND);
        assert_eq!(out.skipped.len(), 1);
        assert_eq!(out.skipped[0].to_string(), "line 2: confidence 'high' is not 'good' or 'approximate'");
    }

    #[test]
    fn nothing_imported_is_an_error_listing_the_skips() {
        let mut b = Builder::new("dir/x.csv");
        for i in 0..7 {
            b.skip(&format!("line {i}"), "bad");
        }
        let e = b.finish().unwrap_err().to_string();
        assert_eq!(
            e,
            "dir/x.csv: nothing to import: line 0: bad; line 1: bad; line 2: bad; line 3: bad; line 4: bad; and 2 more"
        );
        assert_eq!(Builder::new("x").finish().unwrap_err().to_string(), "x: no places or areas in the file");
    }
}
