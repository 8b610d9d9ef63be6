//! Map labels: the label table (`geodata/labels.tsv`).
//!
//! Labels are not baked into tiles: they are placed every frame in screen space, in priority
//! order, skipping any that would overlap one already placed ([`crate::placement`]). Text stays
//! crisp at any zoom and DPI and is never cut at a tile edge. Drawing is in
//! `ui::basemap::overlay`.

use super::error::DataError;
use crate::mercator::to_world;

/// What a label names; decides its typography and priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// A country name.
    Country,
    /// A sea, gulf or ocean.
    Sea,
    /// A national capital.
    Capital,
    /// Any other town or city.
    City,
}

/// One label: where, what, and from which zoom on.
#[derive(Debug, Clone)]
pub struct Label {
    /// Typography and priority class.
    pub kind: LabelKind,
    /// First zoom at which the label may appear.
    pub min_zoom: u8,
    /// Population (cities), 0 otherwise.
    pub population: u32,
    /// Text to show.
    pub name: String,
    /// Longitude, degrees.
    pub lon: f64,
    /// Latitude, degrees.
    pub lat: f64,
    /// Web Mercator world coordinates (0..1), precomputed.
    pub world: [f64; 2],
}

/// All labels, in priority order (most important first).
#[derive(Debug, Default)]
pub struct LabelSet {
    labels: Vec<Label>,
}

impl LabelSet {
    /// Parse the tab-separated label table; `file` names it in errors.
    ///
    /// Columns: kind, min_zoom, population, name, lon, lat. Lines starting with `#` are comments.
    pub fn from_tsv(file: &str, text: &str) -> Result<LabelSet, DataError> {
        let mut labels = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let bad = |what: String| DataError::BadLabel { file: file.to_string(), line: i + 1, what };
            let cols: Vec<&str> = line.split('\t').collect();
            let [kind, zoom, population, name, lon, lat] = cols[..] else {
                return Err(bad(format!("expected 6 tab-separated columns, found {}", cols.len())));
            };
            let kind = match kind {
                "country" => LabelKind::Country,
                "sea" => LabelKind::Sea,
                "capital" => LabelKind::Capital,
                "city" => LabelKind::City,
                other => return Err(bad(format!("unknown label kind {other:?}"))),
            };
            let min_zoom = zoom.parse::<u8>().map_err(|_| bad(format!("min_zoom {zoom:?} is not a zoom level")))?;
            let population =
                population.parse::<u32>().map_err(|_| bad(format!("population {population:?} is not a number")))?;
            let lon: f64 = lon
                .parse()
                .ok()
                .filter(|v: &f64| (-180.0..=180.0).contains(v))
                .ok_or_else(|| bad(format!("longitude {lon:?} is not in -180..180")))?;
            let lat: f64 = lat
                .parse()
                .ok()
                .filter(|v: &f64| (-90.0..=90.0).contains(v))
                .ok_or_else(|| bad(format!("latitude {lat:?} is not in -90..90")))?;
            if name.trim().is_empty() {
                return Err(bad("empty name".into()));
            }
            let (x, y) = to_world(lon, lat);
            labels.push(Label { kind, min_zoom, population, name: name.to_string(), lon, lat, world: [x, y] });
        }
        Ok(LabelSet { labels })
    }

    /// Labels in priority order.
    pub fn iter(&self) -> impl Iterator<Item = &Label> {
        self.labels.iter()
    }

    /// Number of labels.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    /// Whether there are no labels.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Approximate heap memory held, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.labels.capacity() * std::mem::size_of::<Label>()
            + self.labels.iter().map(|l| l.name.capacity()).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_and_reports_bad_lines_by_number() {
        let text = "# header\ncountry\t3\t0\tBelarus\t28.0\t53.5\ncity\t7\t120000\tBrest\t23.7\t52.1\n";
        let set = LabelSet::from_tsv("l.tsv", text).unwrap();
        assert_eq!(set.len(), 2);
        let brest = set.iter().nth(1).unwrap();
        assert_eq!((brest.kind, brest.min_zoom, brest.population), (LabelKind::City, 7, 120_000));
        assert_eq!(brest.name, "Brest");

        let err = LabelSet::from_tsv("l.tsv", "city\t7\tBrest\n").unwrap_err().to_string();
        assert!(err.contains("l.tsv, line 1") && err.contains("6 tab-separated"), "{err}");
        let err = LabelSet::from_tsv("l.tsv", "#\ntown\t7\t0\tX\t1\t2\n").unwrap_err().to_string();
        assert!(err.contains("line 2") && err.contains("unknown label kind"), "{err}");
        let err = LabelSet::from_tsv("l.tsv", "city\t7\t0\tX\t1\t95\n").unwrap_err().to_string();
        assert!(err.contains("latitude"), "{err}");
    }
}
