//! CSV: a header row naming a latitude and a longitude column (`lat`/`latitude`/`y`,
//! `lon`/`long`/`lng`/`longitude`/`x`, any case) and a name column (`name`, `title`,
//! `label`), then one place a row. Optional columns: `kind`, `description` (or `note`),
//! `date` (or `begin`/`end`), `confidence`, `uncertainty_km`.
//!
//! The delimiter is the one (of `,` `;` tab `|`) that splits the header into those columns;
//! Excel's `sep=;` first line is honoured. With `;` or tab a decimal comma (`53,9`) is read.
//! Rows are read by the `csv` crate (quotes, CRLF); each row whose coordinates, fields or
//! dates are wrong is skipped with its line.

use ::csv::{ReaderBuilder, StringRecord, Trim};

use super::attributes::{Attributes, Field, clean};
use super::record::{Builder, Record, Shapes, lon_lat};
use super::{ImportError, Imported, Lines};

/// Delimiters tried, in order.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// Names of a latitude column, best first (compared without case).
const LAT: [&str; 4] = ["lat", "latitude", "decimallatitude", "y"];
/// Names of a longitude column, best first.
const LON: [&str; 6] = ["lon", "long", "lng", "longitude", "decimallongitude", "x"];

/// What the header says: the delimiter and which column holds what.
#[derive(Debug)]
struct Header {
    delimiter: u8,
    /// The line the header is on (1-based).
    line: usize,
    columns: usize,
    lat: usize,
    lon: usize,
    /// Other columns that name an attribute: index, field, rank of the name.
    fields: Vec<(usize, Field, usize)>,
}

/// Whether `text` starts with a header this reader can use.
pub(crate) fn has_coordinate_header(text: &str) -> bool {
    header(text).is_ok()
}

/// Reads CSV text; `file` names it in errors and provenance.
pub fn read(file: &str, text: &str) -> Result<Imported, ImportError> {
    let header = header(text).map_err(|(line, message)| ImportError::at(file, (line, 1), message))?;
    let mut reader = ReaderBuilder::new()
        .delimiter(header.delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(Trim::All)
        .from_reader(text.as_bytes());
    let mut builder = Builder::new(file);
    let mut lines = Lines::new(text);
    for row in reader.records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.at(p.byte() as usize).0);
                builder.skip(&format!("line {line}"), format!("not CSV: {e}"));
                continue;
            }
        };
        let start = row_start(&row, text);
        let line = lines.at(start).0;
        if line <= header.line || row.iter().all(str::is_empty) {
            continue;
        }
        let record = Record { at: format!("line {line}"), source: format!("line {line}"), unnamed: String::new() };
        match place(&header, &row, &text[start..]) {
            Ok((attrs, point)) => builder.add(&record, &attrs, Shapes { points: vec![point], polygons: Vec::new() })?,
            Err(reason) => builder.skip(&record.at, reason),
        }
    }
    builder.finish()
}

/// A row's attributes and point, or why it is skipped.
fn place(header: &Header, row: &StringRecord, line: &str) -> Result<(Attributes, [f64; 2]), String> {
    // Trailing empty fields (a spreadsheet's unused columns) do not count.
    let used = (0..row.len()).rev().find(|&i| !row[i].is_empty()).map_or(0, |i| i + 1);
    if row.len() < header.columns || used > header.columns {
        let n = row.len();
        let mut reason = format!("{n} field{} where the header has {}", if n == 1 { "" } else { "s" }, header.columns);
        if let Some(other) = other_delimiter(header, line) {
            reason.push_str(&format!(
                " (this line seems to be separated by {other:?}, the header by {:?})",
                header.delimiter as char
            ));
        }
        return Err(reason);
    }
    let decimal_comma = header.delimiter != b',';
    let lat = number(&row[header.lat], "latitude", decimal_comma)?;
    let lon = number(&row[header.lon], "longitude", decimal_comma)?;
    let point = lon_lat(lon, lat)?;
    let mut attrs = Attributes::default();
    for &(i, field, rank) in &header.fields {
        attrs.set(field, rank, &row[i]);
    }
    if attrs.get(Field::Name).is_none() {
        return Err("the name is empty".into());
    }
    Ok((attrs, point))
}

/// A coordinate cell as a number of degrees.
fn number(cell: &str, what: &str, decimal_comma: bool) -> Result<f64, String> {
    if cell.is_empty() {
        return Err(format!("no {what}"));
    }
    let parsed = cell.parse::<f64>().ok().or_else(|| {
        // "53,9": a decimal comma, where the delimiter leaves commas free.
        (decimal_comma && cell.matches(',').count() == 1 && !cell.contains('.'))
            .then(|| cell.replace(',', ".").parse().ok())
            .flatten()
    });
    match parsed {
        Some(n) if n.is_finite() => Ok(n),
        _ => {
            let hint = if cell.contains(['°', '\'', '′', '"']) {
                " (write decimal degrees: 53.9, not 53°54′)"
            } else {
                ""
            };
            Err(format!("{what} '{}' is not a number{hint}", clean(cell, 40)))
        }
    }
}

/// Where a row starts in the text. The `csv` crate gives the end of the previous row, which
/// after a CRLF is its `\n` (and its line number is then one short), so lines are counted here.
fn row_start(row: &StringRecord, text: &str) -> usize {
    let end = row.position().map_or(0, |p| p.byte() as usize);
    let rest = text.get(end..).unwrap_or_default();
    end + (rest.len() - rest.trim_start_matches(['\r', '\n']).len())
}

/// The delimiter a row with the wrong number of fields seems to use instead, if one splits
/// its line (`line`: the text from the row's start) into the header's number of fields.
fn other_delimiter(header: &Header, line: &str) -> Option<char> {
    let line = line.lines().next()?;
    DELIMITERS
        .into_iter()
        .filter(|&d| d != header.delimiter)
        .find(|&d| line.split(d as char).count() == header.columns)
        .map(char::from)
}

/// The header: the first line that is not blank (after Excel's `sep=` line), split by the
/// delimiter that yields latitude and longitude columns. The error has the line and says
/// what columns are needed.
fn header(text: &str) -> Result<Header, (usize, String)> {
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let (mut index, mut first) = lines.next().ok_or((1, "the file is empty".to_owned()))?;
    let mut delimiters = DELIMITERS.to_vec();
    if let Some(sep) = first.trim().strip_prefix("sep=")
        && let [d] = sep.as_bytes()
    {
        delimiters = vec![*d];
        (index, first) = lines.next().ok_or((index + 1, "only a sep= line".to_owned()))?;
    }
    let line = index + 1;
    for delimiter in delimiters {
        let mut reader =
            ReaderBuilder::new().delimiter(delimiter).has_headers(false).trim(Trim::All).from_reader(first.as_bytes());
        let Some(Ok(names)) = reader.records().next() else { continue };
        let find = |wanted: &[&str]| wanted.iter().find_map(|w| names.iter().position(|n| n.eq_ignore_ascii_case(w)));
        let (Some(lat), Some(lon)) = (find(&LAT), find(&LON)) else { continue };
        let fields: Vec<(usize, Field, usize)> = names
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != lat && i != lon)
            .filter_map(|(i, n)| Field::of_key(n).map(|(f, rank)| (i, f, rank)))
            .collect();
        if !fields.iter().any(|&(_, f, _)| f == Field::Name) {
            let message = format!(
                "a name column is needed (name, title or label); the header has: {}",
                clean(&names.iter().collect::<Vec<_>>().join(", "), 200)
            );
            return Err((line, message));
        }
        return Ok(Header { delimiter, line, columns: names.len(), lat, lon, fields });
    }
    let wkt =
        if first.to_lowercase().contains("wkt") { " (a WKT column is not read: export X and Y columns)" } else { "" };
    let message = format!(
        "no latitude and longitude columns: the first line must name them — lat (or latitude, y) and lon (or \
         longitude, lng, long, x) — and a name column (name, title or label){wkt}; it is: {}",
        clean(first, 80)
    );
    Err((line, message))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::briefing::PlaceKind;

    fn skips(text: &str) -> Vec<String> {
        read("t.csv", text).unwrap().skipped.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn rows_become_places() {
        let text = "Name,Latitude,Longitude,Kind,Date,Note\n\
                    Minsk,53.9,27.5667,capital,2016-05-16,talks\n\
                    \"Baranovichi, air base\",53.097,26.048,air_base,,\"a \"\"quoted\"\" note\"\n";
        let out = read("dir/t.csv", text).unwrap();
        assert!(out.skipped.is_empty(), "{:?}", out.skipped);
        let minsk = &out.places[0];
        assert_eq!(
            (minsk.name.as_str(), minsk.lat, minsk.lon, minsk.kind),
            ("Minsk", 53.9, 27.5667, PlaceKind::Capital)
        );
        assert_eq!(minsk.provenance.source, "t.csv line 2");
        assert_eq!(minsk.provenance.why.as_deref(), Some("imported from t.csv (dated 2016-05-16 there): talks"));
        let b = &out.places[1];
        assert_eq!((b.name.as_str(), b.kind), ("Baranovichi, air base", PlaceKind::AirBase));
        assert_eq!(b.provenance.why.as_deref(), Some("imported from t.csv: a \"quoted\" note"));
    }

    #[test]
    fn delimiters_and_decimal_commas() {
        let out = read("t.csv", "sep=;\nname;lat;lng\nVilnius;54,687;25,28\n").unwrap();
        assert_eq!((out.places[0].lat, out.places[0].lon), (54.687, 25.28));
        let out = read("t.tsv", "title\ty\tx\nRiga\t56.95\t24.1\n").unwrap();
        assert_eq!(out.places[0].name, "Riga");
        let out = read("t.csv", "label|LAT|LONG\nTallinn|59.437|24.745\n").unwrap();
        assert_eq!(out.places[0].lon, 24.745);
        let out = read("t.csv", "name,lat,lon,x\nA,1,2,99\n").unwrap();
        assert_eq!(out.places[0].lon, 2.0, "lon is a better name than x");
    }

    #[test]
    fn bad_rows_are_skipped_with_their_line() {
        let text = "name,lat,lon,date\r\n\
                    Good,1,2,\r\n\
                    Far north,95,2,\r\n\
                    Typo,5x.1,2,\r\n\
                    ,1,2,\r\n\
                    Short,1\r\n\
                    Semicolons;1;2;\r\n\
                    \r\n\
                    ,,,\r\n\
                    DMS,53°54′,27°34′,\r\n\
                    Bad date,1,2,16.05.2016\r\n\
                    \"Two\nlines\",1,\r\n\
                    Swapped,127.5,53.9,\r\n\
                    Infinite,inf,2,\r\n\
                    Extra,1,2,,surplus\r\n\
                    Trailing,1,2,,,,\r\n";
        assert_eq!(
            skips(text),
            [
                "line 3: latitude 95 is outside -90..90",
                "line 4: latitude '5x.1' is not a number",
                "line 5: the name is empty",
                "line 6: 2 fields where the header has 4",
                "line 7: 1 field where the header has 4 (this line seems to be separated by ';', the header by ',')",
                "line 10: latitude '53°54′' is not a number (write decimal degrees: 53.9, not 53°54′)",
                "line 11: date '16.05.2016' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (a time may follow)",
                "line 12: 3 fields where the header has 4",
                "line 14: latitude 127.5 is outside -90..90",
                "line 15: latitude 'inf' is not a number",
                "line 16: 5 fields where the header has 4",
            ]
        );
        let out = read("t.csv", text).unwrap();
        let names: Vec<&str> = out.places.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Good", "Trailing"]);
        assert_eq!(out.places[1].provenance.source, "t.csv line 17");
    }

    #[test]
    fn many_rows_of_one_name_and_the_record_limit() {
        let rows = |n: usize| format!("name,lat,lon\n{}", "Checkpoint,53.9,27.5\n".repeat(n));
        let out = read("t.csv", &rows(20_000)).unwrap();
        assert_eq!(out.places[19_999].id, "checkpoint-20000");
        let e = read("t.csv", &rows(super::super::MAX_RECORDS + 1)).unwrap_err().to_string();
        assert_eq!(e, "t.csv: more than 100000 places and regions; split the file");
    }

    #[test]
    fn a_header_without_the_columns_says_what_it_needs() {
        let e = |text: &str| read("t.csv", text).unwrap_err().to_string();
        assert_eq!(
            e("\n\nplace,north,east\nMinsk,53.9,27.5\n"),
            "t.csv:3:1: no latitude and longitude columns: the first line must name them — lat (or latitude, y) and \
             lon (or longitude, lng, long, x) — and a name column (name, title or label); it is: place,north,east"
        );
        assert_eq!(
            e("id,lat,lon\n1,2,3\n"),
            "t.csv:1:1: a name column is needed (name, title or label); the header has: id, lat, lon"
        );
        assert!(e("name,WKT\nA,POINT(1 2)\n").contains("(a WKT column is not read"));
        assert!(e("name,lat,lon\n").contains("t.csv: no places or areas"));
        assert!(has_coordinate_header("Name;Lat;Lon\n") && !has_coordinate_header("Dear reader\n"));
    }
}
