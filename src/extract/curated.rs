//! The curated part of the gazetteer: `geodata/places_curated.tsv` (countries, provinces,
//! regions, seas, military sites, metonyms, and words that are not places). The file's header
//! describes its columns.

use super::{MentionAs, PlaceKindX};

/// The table built into the binary.
pub const BUNDLED_NAME: &str = "geodata/places_curated.tsv";

/// Words that follow a province's stem in its names ("Smolensk Oblast", "Smolensk province").
pub const PROVINCE_WORDS: &[&str] =
    &["oblast", "province", "region", "voblast", "voivodeship", "krai", "kray", "okrug", "county", "oblast'"];

/// What a curated row is.
#[derive(Clone, Debug, PartialEq)]
pub enum RowKind {
    /// A place of its own.
    Place(PlaceKindX),
    /// More names for another place (`target`).
    Alias,
    /// Names that are never places (weapon systems, media).
    NotPlace,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Row id, unique in the table ("by", "RU-SMO", "crimea").
    pub id: String,
    /// What it is.
    pub kind: RowKind,
    /// Display name.
    pub name: String,
    /// ISO 3166-1 alpha-2, or empty when it spans several countries.
    pub country: String,
    /// Latitude, degrees.
    pub lat: f64,
    /// Longitude, degrees.
    pub lon: f64,
    /// Codes in `geodata/regions.geojson` whose union draws it.
    pub geometry: Vec<String>,
    /// The kind of military site.
    pub site: Option<String>,
    /// Population, when the source gives one.
    pub population: Option<u64>,
    /// Status worth showing ("Ukrainian territory under Russian occupation since 2014").
    pub note: Option<String>,
    /// Words one of which the article must contain for the row's conditional names to count.
    pub when: Vec<String>,
    /// For aliases: `geonames:ID` or `curated:ID`.
    pub target: Option<String>,
    /// Where the coordinates come from.
    pub source: String,
}

/// One name of a row.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    /// As written in the table, "the " dropped.
    pub text: String,
    /// Name, adjective or metonym.
    pub as_: MentionAs,
    /// Matches only when the article writes it with exactly this case ("US").
    pub exact_case: bool,
    /// Counts only when the article contains one of the row's `when` words.
    pub conditional: bool,
    /// May be written in lower case ("the left bank").
    pub lower_ok: bool,
    /// Counts only after "the" ("the Baltic" is the sea, "Baltic" alone is not).
    pub needs_the: bool,
    /// Index of its row.
    pub row: usize,
}

/// The parsed table.
#[derive(Clone, Debug, Default)]
pub struct Table {
    /// Rows in file order.
    pub rows: Vec<Row>,
    /// Every name of every row.
    pub names: Vec<Name>,
}

fn list(cell: &str) -> impl Iterator<Item = &str> {
    cell.split('|').map(str::trim).filter(|s| !s.is_empty() && *s != "-")
}

fn kind_of(s: &str) -> Option<RowKind> {
    Some(match s {
        "country" => RowKind::Place(PlaceKindX::Country),
        "province" => RowKind::Place(PlaceKindX::Province),
        "region" => RowKind::Place(PlaceKindX::Region),
        "sea" => RowKind::Place(PlaceKindX::Sea),
        "site" => RowKind::Place(PlaceKindX::Site),
        "city" => RowKind::Place(PlaceKindX::City),
        "alias" => RowKind::Alias,
        "not_place" => RowKind::NotPlace,
        _ => return None,
    })
}

/// Parses the table; errors name the file and line.
pub fn parse(file: &str, text: &str) -> Result<Table, String> {
    let mut table = Table::default();
    let mut ids = std::collections::HashSet::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let at = |m: String| format!("{file}:{}: {m}", n + 1);
        let cols: Vec<&str> = line.split('\t').collect();
        let &[id, kind, name, country, lat, lon, geometry, names, adjectives, metonyms, extra, source] = &cols[..]
        else {
            return Err(at(format!("{} columns, expected 12", cols.len())));
        };
        let kind = kind_of(kind).ok_or_else(|| at(format!("unknown kind '{kind}'")))?;
        if !ids.insert(id.to_owned()) {
            return Err(at(format!("id '{id}' appears twice")));
        }
        let is_place = matches!(kind, RowKind::Place(_));
        let coordinate = |s: &str, max: f64| -> Result<f64, String> {
            if s == "-" && !is_place {
                return Ok(0.0);
            }
            s.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite() && v.abs() <= max)
                .ok_or_else(|| at(format!("'{s}' is not a coordinate within ±{max}")))
        };
        let mut row = Row {
            id: id.to_owned(),
            kind,
            name: name.to_owned(),
            country: if country == "-" { String::new() } else { country.to_owned() },
            lat: coordinate(lat, 90.0)?,
            lon: coordinate(lon, 180.0)?,
            geometry: geometry.split_whitespace().filter(|g| *g != "-").map(str::to_owned).collect(),
            site: None,
            population: None,
            note: None,
            when: Vec::new(),
            target: None,
            source: source.to_owned(),
        };
        let stems = read_extra(extra, &mut row).map_err(at)?;
        let index = table.rows.len();
        let mut push = |text: &str, as_: MentionAs| table.names.extend(name_of(text, as_, index));
        if row.kind != RowKind::Alias && row.kind != RowKind::NotPlace {
            push(name, MentionAs::Name);
        }
        list(names).for_each(|n| push(n, MentionAs::Name));
        list(adjectives).for_each(|n| push(n, MentionAs::Adjective));
        list(metonyms).for_each(|n| push(n, MentionAs::Metonym));
        for stem in &stems {
            for word in PROVINCE_WORDS {
                push(&format!("{stem} {word}"), MentionAs::Name);
            }
        }
        table.rows.push(row);
    }
    Ok(table)
}

/// Reads the `extra` column into `row`; returns a province's stems.
fn read_extra(extra: &str, row: &mut Row) -> Result<Vec<String>, String> {
    let mut stems = Vec::new();
    for pair in extra.split(';').map(str::trim).filter(|p| !p.is_empty() && *p != "-") {
        let (k, v) = pair.split_once('=').ok_or_else(|| format!("extra '{pair}' is not key=value"))?;
        match k {
            "site" => row.site = Some(v.to_owned()),
            "population" => row.population = v.parse().ok(),
            "note" => row.note = Some(v.to_owned()),
            "when" => row.when = v.split_whitespace().map(str::to_owned).collect(),
            "target" => row.target = Some(v.to_owned()),
            "stems" => stems = list(v).map(str::to_owned).collect(),
            _ => return Err(format!("unknown extra key '{k}'")),
        }
    }
    if row.kind == RowKind::Alias && row.target.is_none() {
        return Err("an alias needs target=geonames:ID or target=curated:ID".into());
    }
    Ok(stems)
}

/// A name as the table writes it: trailing marks (`=` exact case, `?` conditional, `~` lower
/// case allowed) and a leading "the " (needed before it in the text) read off.
fn name_of(text: &str, as_: MentionAs, row: usize) -> Option<Name> {
    let flags = text.len() - text.trim_end_matches(['?', '=', '~']).len();
    let (text, marks) = text.split_at(text.len() - flags);
    let needs_the = text.starts_with("the ");
    let text = text.strip_prefix("the ").unwrap_or(text);
    (!text.is_empty()).then(|| Name {
        text: text.to_owned(),
        as_,
        exact_case: marks.contains('='),
        conditional: marks.contains('?'),
        lower_ok: marks.contains('~'),
        needs_the,
        row,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_names_and_errors() {
        let text = "# header\n\
            crimea\tregion\tCrimea\tUA\t45.3\t34.3\tUA-43 UA-40\tKrym|Крым\tCrimean\t-\tnote=occupied\tsrc\n\
            ru-smo\tprovince\tSmolensk Oblast\tRU\t54.9\t33.0\tRU-SMO\t-\t-\t-\tstems=Smolensk\tsrc\n\
            us\tcountry\tUnited States\tUS\t39\t-97\t-\tUS=|the States?|left bank~?\tAmerican\t-\twhen=Texas\tsrc\n";
        let t = parse("c.tsv", text).unwrap();
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0].geometry, ["UA-43", "UA-40"]);
        assert_eq!(t.rows[0].note.as_deref(), Some("occupied"));
        let names: Vec<&str> = t.names.iter().filter(|n| n.row == 1).map(|n| n.text.as_str()).collect();
        assert!(names.contains(&"Smolensk province") && names.contains(&"Smolensk Oblast"), "{names:?}");
        let us: Vec<&Name> = t.names.iter().filter(|n| n.row == 2).collect();
        assert!(us.iter().any(|n| n.text == "US" && n.exact_case && !n.conditional));
        assert!(us.iter().any(|n| n.text == "States" && n.conditional && n.needs_the));
        assert!(us.iter().any(|n| n.text == "left bank" && n.conditional && n.lower_ok && !n.needs_the));
        assert!(us.iter().any(|n| n.text == "United States" && !n.needs_the));
        assert!(us.iter().any(|n| n.text == "American" && n.as_ == MentionAs::Adjective));
        let e = parse("c.tsv", "x\tcountry\tX\tXX\t95\t0\t-\t-\t-\t-\t-\ts\n").unwrap_err();
        assert_eq!(e, "c.tsv:1: '95' is not a coordinate within ±90");
        let e = parse("c.tsv", "x\tplanet\tX\n").unwrap_err();
        assert_eq!(e, "c.tsv:1: 3 columns, expected 12");
    }
}
