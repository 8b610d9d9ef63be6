//! The bundled gazetteer: GeoNames populated places (`geodata/gazetteer.bin`) and the curated
//! table (`geodata/places_curated.tsv`), looked up by folded name keys.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::curated::{self, RowKind, Table};
use super::geonames::{self, GeoNames};
use super::text::key_of;
use super::{MentionAs, PlaceKindX};

const BUNDLED_BIN: &[u8] = include_bytes!("../../geodata/gazetteer.bin");
const BUNDLED_CURATED: &str = include_str!("../../geodata/places_curated.tsv");

/// GeoNames places of at least this many people are cities; smaller ones are towns.
pub const CITY_POPULATION: u64 = 100_000;

/// A place in the gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceRef {
    /// A GeoNames row (index in the binary, not the GeoNames id).
    GeoNames(u32),
    /// A curated row (index in the table).
    Curated(u32),
}

/// A name's pointer at a place, with how the name refers to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// The place.
    pub place: PlaceRef,
    /// Name, adjective or metonym.
    pub as_: MentionAs,
    /// The place's own GeoNames name (curated names count as primary).
    pub primary: bool,
    /// The name is an ordinary English word.
    pub ordinary: bool,
    /// The curated name it came from (index in the table's names), for case and conditions.
    pub curated_name: Option<u32>,
    /// The name blocks place matches (a weapon system, a newspaper).
    pub blocks: bool,
}

/// What the extractor and the CLI need to know about a place.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry<'g> {
    /// Display name.
    pub name: &'g str,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// What it is.
    pub kind: PlaceKindX,
    /// ISO 3166-1 alpha-2, empty for places across several countries.
    pub country: &'g str,
    /// Population, when known.
    pub population: Option<u64>,
    /// A national capital.
    pub capital: bool,
    /// Area codes in `geodata/regions.geojson`.
    pub geometry: &'g [String],
    /// The kind of military site.
    pub site: Option<&'g str>,
    /// A status worth showing.
    pub note: Option<&'g str>,
    /// GeoNames id, for GeoNames places.
    pub geonames_id: Option<u32>,
    /// Curated row id, for curated places.
    pub curated_id: Option<&'g str>,
}

impl Entry<'_> {
    /// "geonames:625144" or "curated:crimea".
    pub fn source(&self) -> String {
        match (self.geonames_id, self.curated_id) {
            (Some(id), _) => format!("geonames:{id}"),
            (None, Some(id)) => format!("curated:{id}"),
            (None, None) => String::new(),
        }
    }

    /// The place as a `geo` point (x = longitude).
    pub fn point(&self) -> geo::Point<f64> {
        geo::Point::new(self.lon, self.lat)
    }
}

/// The gazetteer, ready for lookups.
#[derive(Debug)]
pub struct Gazetteer {
    geonames: GeoNames,
    curated: Table,
    /// Folded key -> (curated name index, the place it names).
    index: HashMap<String, Vec<(u32, PlaceRef)>>,
    /// Every proper word prefix of a curated key ("baltic" for "baltic states").
    prefixes: HashSet<String>,
    /// First words of curated names that may be written in lower case ("left" of "left bank").
    lower_starts: Vec<String>,
}

/// Why the gazetteer could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}: {message}")]
pub struct GazetteerError {
    /// The file at fault.
    pub file: String,
    /// What is wrong, with the byte or line.
    pub message: String,
}

impl Gazetteer {
    /// The gazetteer built into the binary.
    pub fn bundled() -> Result<Self, GazetteerError> {
        Self::from_parts(Cow::Borrowed(BUNDLED_BIN), curated::BUNDLED_NAME, BUNDLED_CURATED)
    }

    /// A gazetteer from a GeoNames binary and a curated table's text.
    pub fn from_parts(bin: Cow<'static, [u8]>, curated_file: &str, curated_text: &str) -> Result<Self, GazetteerError> {
        let err = |file: &str, message: String| GazetteerError { file: file.to_owned(), message };
        let geonames = GeoNames::from_bytes(bin).map_err(|m| err(geonames::BUNDLED_NAME, m))?;
        let curated = curated::parse(curated_file, curated_text).map_err(|m| err(curated_file, m))?;
        let by_id: HashMap<&str, usize> = curated.rows.iter().enumerate().map(|(i, r)| (r.id.as_str(), i)).collect();
        let mut index: HashMap<String, Vec<(u32, PlaceRef)>> = HashMap::new();
        let mut prefixes = HashSet::new();
        let mut lower_starts = Vec::new();
        for (n, name) in curated.names.iter().enumerate() {
            let row = &curated.rows[name.row];
            let place = match &row.target {
                None => PlaceRef::Curated(name.row as u32),
                Some(t) => resolve_target(t, &by_id, &geonames).ok_or_else(|| {
                    err(curated_file, format!("row {}: target '{t}' is not in the gazetteer", row.id))
                })?,
            };
            let key = key_of(&name.text, &geonames);
            if key.is_empty() {
                continue;
            }
            if name.lower_ok {
                lower_starts.push(key.split(' ').next().unwrap_or_default().to_owned());
            }
            let mut words: Vec<&str> = key.split(' ').collect();
            while words.len() > 1 {
                words.pop();
                prefixes.insert(words.join(" "));
            }
            index.entry(key).or_default().push((n as u32, place));
        }
        // Looked up for every lower-case word of an article: a sorted list beats hashing.
        lower_starts.sort();
        lower_starts.dedup();
        Ok(Self { geonames, curated, index, prefixes, lower_starts })
    }

    /// Whether a curated name that may be written in lower case starts with this word.
    pub fn lower_start(&self, word: &str) -> bool {
        self.lower_starts.binary_search_by(|s| s.as_str().cmp(word)).is_ok()
    }

    /// The GeoNames part (its folding table is the text's).
    pub fn geonames(&self) -> &GeoNames {
        &self.geonames
    }

    /// The curated table.
    pub fn curated(&self) -> &Table {
        &self.curated
    }

    /// Places a folded key names, and whether some longer name continues it.
    pub fn lookup(&self, key: &str) -> (Vec<Candidate>, bool) {
        let (posts, longer) = self.geonames.lookup(key);
        let mut out: Vec<Candidate> = posts
            .into_iter()
            .map(|p| Candidate {
                place: PlaceRef::GeoNames(p.row),
                as_: MentionAs::Name,
                primary: p.primary,
                ordinary: p.ordinary,
                curated_name: None,
                blocks: false,
            })
            .collect();
        for &(n, place) in self.index.get(key).into_iter().flatten() {
            let name = &self.curated.names[n as usize];
            let blocks = self.curated.rows[name.row].kind == RowKind::NotPlace;
            out.push(Candidate { place, as_: name.as_, primary: true, ordinary: false, curated_name: Some(n), blocks });
        }
        (out, longer || self.prefixes.contains(key))
    }

    /// A place's details.
    pub fn entry(&self, place: PlaceRef) -> Option<Entry<'_>> {
        match place {
            PlaceRef::GeoNames(i) => {
                let r = self.geonames.row(i)?;
                let kind =
                    if r.capital || r.population >= CITY_POPULATION { PlaceKindX::City } else { PlaceKindX::Town };
                Some(Entry {
                    name: r.name,
                    lat: r.lat,
                    lon: r.lon,
                    kind,
                    country: r.country,
                    population: Some(r.population),
                    capital: r.capital,
                    geometry: &[],
                    site: None,
                    note: None,
                    geonames_id: Some(r.id),
                    curated_id: None,
                })
            }
            PlaceRef::Curated(i) => {
                let r = self.curated.rows.get(i as usize)?;
                let RowKind::Place(kind) = r.kind else { return None };
                Some(Entry {
                    name: &r.name,
                    lat: r.lat,
                    lon: r.lon,
                    kind,
                    country: &r.country,
                    population: r.population,
                    capital: false,
                    geometry: &r.geometry,
                    site: r.site.as_deref(),
                    note: r.note.as_deref(),
                    geonames_id: None,
                    curated_id: Some(&r.id),
                })
            }
        }
    }

    /// The curated name behind a candidate.
    pub fn curated_name(&self, n: u32) -> Option<&curated::Name> {
        self.curated.names.get(n as usize)
    }

    /// The `when` words of the row a curated name belongs to.
    pub fn when_words(&self, n: u32) -> &[String] {
        self.curated_name(n).map_or(&[], |name| &self.curated.rows[name.row].when)
    }

    /// Places called `query` (any spelling, case-insensitive), best first: curated places, then
    /// capitals, then by population. For the CLI and the app's search box.
    pub fn search(&self, query: &str, limit: usize) -> Vec<PlaceRef> {
        let query = query.trim();
        let query = query.strip_prefix("the ").or_else(|| query.strip_prefix("The ")).unwrap_or(query);
        let key = key_of(query, &self.geonames);
        if key.is_empty() {
            return Vec::new();
        }
        let (cands, _) = self.lookup(&key);
        let mut found: Vec<(PlaceRef, (bool, bool, bool, u64))> = Vec::new();
        for c in cands.iter().filter(|c| !c.blocks && !c.curated_name.is_some_and(|n| self.is_conditional(n))) {
            let Some(e) = self.entry(c.place) else { continue };
            if found.iter().any(|(p, _)| *p == c.place) {
                continue;
            }
            let rank = (c.curated_name.is_some(), e.capital, c.primary, e.population.unwrap_or(0));
            found.push((c.place, rank));
        }
        found.sort_by_key(|f| std::cmp::Reverse(f.1));

        found.into_iter().take(limit).map(|(p, _)| p).collect()
    }

    fn is_conditional(&self, n: u32) -> bool {
        self.curated_name(n).is_some_and(|name| name.conditional)
    }

    /// GeoNames places of at least `population`, for within-reach tables; districts of bigger
    /// cities are left out.
    pub fn cities_over(&self, population: u64) -> impl Iterator<Item = Entry<'_>> {
        (0..self.geonames.len() as u32)
            .filter(move |&i| self.geonames.row(i).is_some_and(|r| !r.section && r.population >= population))
            .filter_map(|i| self.entry(PlaceRef::GeoNames(i)))
    }
}

fn resolve_target(target: &str, by_id: &HashMap<&str, usize>, g: &GeoNames) -> Option<PlaceRef> {
    if let Some(id) = target.strip_prefix("geonames:") {
        return g.by_geonames_id(id.parse().ok()?).map(PlaceRef::GeoNames);
    }
    let id = target.strip_prefix("curated:")?;
    by_id.get(id).map(|&i| PlaceRef::Curated(i as u32))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(g: &Gazetteer, query: &str) -> Vec<String> {
        g.search(query, 5).into_iter().filter_map(|p| g.entry(p)).map(|e| format!("{} {}", e.name, e.country)).collect()
    }

    #[test]
    fn bundled_loads_and_finds_spellings() {
        let g = Gazetteer::bundled().unwrap();
        assert!(g.geonames().len() > 40_000, "{}", g.geonames().len());
        for q in ["Babruysk", "Bobruisk", "Бобруйск", "bobruysk"] {
            assert_eq!(names(&g, q).first().map(String::as_str), Some("Bobruysk BY"), "{q}");
        }
        assert_eq!(names(&g, "Gantsevichi").first().map(String::as_str), Some("Hantsavichy BY"));
        assert_eq!(names(&g, "Rostov").first().map(String::as_str), Some("Rostov-on-Don RU"));
        assert_eq!(names(&g, "Minsk").first().map(String::as_str), Some("Minsk BY"));
        assert_eq!(names(&g, "Crimea").first().map(String::as_str), Some("Crimea UA"));
        assert_eq!(names(&g, "Smolensk province").first().map(String::as_str), Some("Smolensk Oblast RU"));
        let moscow = g.search("the Kremlin", 1)[0];
        assert_eq!(g.entry(moscow).unwrap().source(), "geonames:524901");
    }

    #[test]
    fn prefixes_continue_keys() {
        let g = Gazetteer::bundled().unwrap();
        let (c, longer) = g.lookup("rostov");
        assert!(!c.is_empty() && longer);
        let (c, longer) = g.lookup("baltic");
        assert!(longer, "{c:?}");
        let (c, _) = g.lookup("no such place at all");
        assert!(c.is_empty());
    }

    #[test]
    fn corrupt_binaries_are_errors_not_panics() {
        let mut bytes = BUNDLED_BIN[..4096].to_vec();
        let e = Gazetteer::from_parts(Cow::Owned(bytes.clone()), "c.tsv", "").unwrap_err();
        assert!(e.message.contains("do not fit"), "{e}");
        bytes[0] = b'X';
        assert!(Gazetteer::from_parts(Cow::Owned(bytes), "c.tsv", "").unwrap_err().message.contains("header"));
        let mut flipped = BUNDLED_BIN.to_vec();
        let keys_off = u32::from_le_bytes(flipped[32..36].try_into().unwrap()) as usize;
        flipped[keys_off + 1] = 250;
        assert!(Gazetteer::from_parts(Cow::Owned(flipped), "c.tsv", "").is_err());
    }
}
