//! Map labels: the label table (`geodata/labels.tsv`) and greedy screen-space placement.
//!
//! Labels are not baked into tiles: they are placed every frame in screen space, in priority
//! order, skipping any that would overlap one already placed. Text stays crisp at any zoom and
//! DPI and is never cut at a tile edge. Placement here is plain geometry; drawing is in
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

/// An axis-aligned screen rectangle (points): min x, min y, max x, max y.
pub type ScreenBox = [f32; 4];

/// Greedy collision filter: keeps boxes that do not overlap any earlier kept box (plus `gap`).
///
/// Offer candidates in priority order; `try_place` says whether each one was kept.
#[derive(Debug, Default)]
pub struct Placer {
    placed: Vec<ScreenBox>,
    gap: f32,
}

impl Placer {
    /// A placer that keeps `gap` points of clear space between labels.
    pub fn new(gap: f32) -> Placer {
        Placer { placed: Vec::with_capacity(256), gap }
    }

    /// Place the label occupying `boxes` (text and its dot) if none overlaps a placed one.
    pub fn try_place(&mut self, boxes: &[ScreenBox]) -> bool {
        let g = self.gap;
        let clash = boxes.iter().any(|b| {
            self.placed.iter().any(|p| b[0] - g < p[2] && p[0] < b[2] + g && b[1] - g < p[3] && p[1] < b[3] + g)
        });
        if !clash {
            self.placed.extend_from_slice(boxes);
        }
        !clash
    }

    /// Keep `b` clear of labels, whatever it overlaps: space that is taken already (the
    /// briefing's markers and their labels touch each other, yet both must stay clear).
    pub fn reserve(&mut self, b: ScreenBox) {
        self.placed.push(b);
    }

    /// Number of boxes placed so far.
    pub fn placed(&self) -> usize {
        self.placed.len()
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

    #[test]
    fn placer_keeps_the_first_of_two_overlapping_labels() {
        let mut placer = Placer::new(2.0);
        assert!(placer.try_place(&[[0.0, 0.0, 50.0, 12.0]]));
        // Overlaps the first: rejected.
        assert!(!placer.try_place(&[[40.0, 5.0, 90.0, 17.0]]));
        // Within the gap of the first: rejected too.
        assert!(!placer.try_place(&[[51.0, 0.0, 80.0, 12.0]]));
        // Clear of it: kept.
        assert!(placer.try_place(&[[60.0, 0.0, 90.0, 12.0]]));
        assert_eq!(placer.placed(), 2);
    }

    #[test]
    fn reserved_boxes_all_count_even_when_they_touch() {
        let mut placer = Placer::new(2.0);
        // A marker and its label, side by side: both reserved.
        placer.reserve([0.0, 0.0, 10.0, 10.0]);
        placer.reserve([10.0, 0.0, 120.0, 10.0]);
        // A town name over the marker's label is refused.
        assert!(!placer.try_place(&[[60.0, 2.0, 100.0, 12.0]]));
        assert_eq!(placer.placed(), 2);
    }
}
