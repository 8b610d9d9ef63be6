//! A record's attributes besides its geometry — name, kind, description, dates, confidence —
//! found under the column and property names files use for them, and checked.

use crate::briefing::PartialDate;
use crate::briefing::when::DateError;

/// Longest description kept in the provenance, in characters.
const MAX_DESCRIPTION_CHARS: usize = 500;
/// Longest date text kept (an RFC 3339 time with offset and fractions is about 35).
const MAX_DATE_CHARS: usize = 40;

/// An attribute a record may carry, found under any of its names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    /// The record's name.
    Name,
    /// A word for its kind, e.g. `air_base`, `city`, `country`.
    Kind,
    /// Free text about it.
    Description,
    /// One date (or date and time).
    Date,
    /// The start of a span.
    Begin,
    /// The end of a span.
    End,
    /// `good` or `approximate`.
    Confidence,
    /// Uncertainty of the location in kilometres.
    Uncertainty,
}

impl Field {
    const ALL: [Field; 8] = [
        Field::Name,
        Field::Kind,
        Field::Description,
        Field::Date,
        Field::Begin,
        Field::End,
        Field::Confidence,
        Field::Uncertainty,
    ];

    /// The names it goes by in files, best first (compared without case).
    pub(crate) fn keys(self) -> &'static [&'static str] {
        match self {
            Field::Name => &["name", "title", "label"],
            Field::Kind => &["kind", "category", "type"],
            Field::Description => &["description", "desc", "note", "notes"],
            Field::Date => &["date", "when", "timestamp"],
            Field::Begin => &["begin", "start"],
            Field::End => &["end"],
            Field::Confidence => &["confidence"],
            Field::Uncertainty => &["uncertainty_km"],
        }
    }

    /// The field a column or property name stands for, and how good a name for it it is
    /// (0 best).
    pub(crate) fn of_key(key: &str) -> Option<(Field, usize)> {
        let key = key.trim().to_lowercase();
        Field::ALL.into_iter().find_map(|f| f.keys().iter().position(|k| *k == key).map(|rank| (f, rank)))
    }
}

/// What a record says about itself besides its geometry, as the file writes it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Attributes {
    /// Per [`Field`] (in `Field::ALL` order): the value and the rank of the name it came under.
    values: [Option<(usize, String)>; Field::ALL.len()],
}

impl Attributes {
    /// Takes `value` as the field `key` names, unless a better name for it already gave one.
    /// Keys that name no field are ignored; so are blank values.
    pub(crate) fn offer(&mut self, key: &str, value: &str) {
        if let Some((field, rank)) = Field::of_key(key) {
            self.set(field, rank, value);
        }
    }

    /// Sets `field` from a name of rank `rank` (0 best), unless a better-named value is there.
    pub(crate) fn set(&mut self, field: Field, rank: usize, value: &str) {
        if value.trim().is_empty() {
            return;
        }
        let slot = &mut self.values[field as usize];
        if slot.as_ref().is_none_or(|(r, _)| rank < *r) {
            *slot = Some((rank, value.to_owned()));
        }
    }

    /// The value of `field`, if the record has one.
    pub(crate) fn get(&self, field: Field) -> Option<&str> {
        self.values[field as usize].as_ref().map(|(_, v)| v.trim())
    }
}

impl Attributes {
    /// The description as one line of plain text, if there is any.
    pub(crate) fn description(&self) -> Option<String> {
        let text = clean(&strip_markup(self.get(Field::Description)?), MAX_DESCRIPTION_CHARS);
        (!text.is_empty()).then_some(text)
    }

    /// The record's date as the provenance states it ("2016-05-16", "2016-05-01 to
    /// 2016-05-31", "from 2016-05"), checked; `None` when it has none.
    pub(crate) fn dated(&self) -> Result<Option<String>, String> {
        dated(self)
    }
}

fn dated(attrs: &Attributes) -> Result<Option<String>, String> {
    let get = |f: Field| attrs.get(f).map(|t| check_date(f, t)).transpose();
    let (date, begin, end) = (get(Field::Date)?, get(Field::Begin)?, get(Field::End)?);
    if let (Some((b, b_day)), Some((e, e_day))) = (&begin, &end)
        && e_day < b_day
    {
        return Err(format!("the end ({e}) is before the beginning ({b})"));
    }
    Ok(match (date, begin, end) {
        (Some((d, _)), None, None) => Some(d),
        (Some((d, _)), _, _) => return Err(format!("both a date ({d}) and a begin or end: give one or the other")),
        (None, Some((b, _)), Some((e, _))) if b == e => Some(b),
        (None, Some((b, _)), Some((e, _))) => Some(format!("{b} to {e}")),
        (None, Some((b, _)), None) => Some(format!("from {b}")),
        (None, None, Some((e, _))) => Some(format!("until {e}")),
        (None, None, None) => None,
    })
}

/// A date as files write it — `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a date and time (RFC 3339 /
/// xsd:dateTime, `2016-05-16T10:00:00Z`) — checked, with the day it starts (end: ends) on.
fn check_date(field: Field, text: &str) -> Result<(String, jiff::civil::Date), String> {
    let text = text.trim();
    let shown = clean(text, MAX_DATE_CHARS);
    let what = match field {
        Field::Begin => "begin",
        Field::End => "end",
        _ => "date",
    };
    let bad = |why: String| format!("{what} '{shown}' is not a date: {why}");
    let (day, time) = match text.split_once(['T', ' ']) {
        Some((day, time)) => (day, Some(time)),
        None => (text, None),
    };
    let partial: PartialDate = day.parse().map_err(|e: DateError| {
        bad(match e {
            DateError::Shape(_) => "write YYYY, YYYY-MM or YYYY-MM-DD (a time may follow)".into(),
            other => other.to_string(),
        })
    })?;
    let first = partial.first_day().map_err(|e| bad(e.to_string()))?;
    let last = partial.last_day().map_err(|e| bad(e.to_string()))?;
    if time.is_some() {
        let normalised = text.replacen(' ', "T", 1);
        let ok = partial.day.is_some()
            && (normalised.parse::<jiff::Timestamp>().is_ok() || normalised.parse::<jiff::civil::DateTime>().is_ok());
        if !ok {
            return Err(bad("the time after the day is not HH:MM[:SS] with an optional offset".into()));
        }
    }
    Ok((shown, if field == Field::End { last } else { first }))
}

/// Text as one line: control characters dropped, whitespace runs as one space, at most
/// `max` characters (cut with "…").
pub(crate) fn clean(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for word in text.split(|c: char| c.is_whitespace() || c.is_control()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
            count += 1;
        }
        for c in word.chars().filter(|c| !c.is_control()) {
            if count == max {
                out.push('…');
                return out;
            }
            out.push(c);
            count += 1;
        }
    }
    out
}

/// HTML elements whose edges separate words.
const BLOCK_TAGS: [&str; 14] = ["p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "h1", "h2", "h3", "hr"];

/// A description as plain text: KML and GeoJSON descriptions are often HTML; tags are dropped
/// and the commonest entities read.
fn strip_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => {
                // A block's edge (a paragraph, a line break, a cell) separates words; an inline
                // tag (bold, a link) does not.
                let tag = rest[open + 1..open + close].trim_start_matches('/');
                let name: String = tag.chars().take_while(char::is_ascii_alphanumeric).collect();
                if BLOCK_TAGS.contains(&name.to_ascii_lowercase().as_str()) {
                    out.push(' ');
                }
                rest = &rest[open + close + 1..];
            }
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    out.push_str(rest);
    let entities = [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'")];
    let mut out = entities.iter().fold(out, |s, (from, to)| if s.contains(from) { s.replace(from, to) } else { s });
    if out.contains("&amp;") {
        out = out.replace("&amp;", "&");
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Attributes from key-value pairs, as a file gives them.
    pub(crate) fn attrs(pairs: &[(&str, &str)]) -> Attributes {
        let mut a = Attributes::default();
        pairs.iter().for_each(|(k, v)| a.offer(k, v));
        a
    }

    #[test]
    fn better_names_win_whatever_the_order() {
        let a = attrs(&[("Title", "Second"), ("NAME", "First"), ("label", "Third")]);
        assert_eq!(a.get(Field::Name), Some("First"));
        let a = attrs(&[("name", "  "), ("title", "Kept")]);
        assert_eq!(a.get(Field::Name), Some("Kept"), "a blank value is no value");
        assert_eq!(Field::of_key(" Uncertainty_KM "), Some((Field::Uncertainty, 0)));
        assert_eq!(Field::of_key("lat"), None);
    }

    #[test]
    fn dates_are_checked_and_kept_as_written() {
        let d = |pairs: &[(&str, &str)]| dated(&attrs(pairs));
        assert_eq!(d(&[("date", "2016-05-16")]), Ok(Some("2016-05-16".into())));
        assert_eq!(d(&[("when", "2016-05")]), Ok(Some("2016-05".into())));
        assert_eq!(d(&[("date", "2016-05-16T10:30:00Z")]), Ok(Some("2016-05-16T10:30:00Z".into())));
        assert_eq!(d(&[("date", "2016-05-16T10:30:00+03:00")]), Ok(Some("2016-05-16T10:30:00+03:00".into())));
        assert_eq!(d(&[("date", "2016-05-16 10:30")]), Ok(Some("2016-05-16 10:30".into())));
        assert_eq!(d(&[("begin", "2017-09-14"), ("end", "2017-09-20")]), Ok(Some("2017-09-14 to 2017-09-20".into())));
        assert_eq!(d(&[("begin", "2017-09")]), Ok(Some("from 2017-09".into())));
        assert_eq!(d(&[("end", "2017")]), Ok(Some("until 2017".into())));
        assert_eq!(d(&[("begin", "2017-09"), ("end", "2017-09-30")]), Ok(Some("2017-09 to 2017-09-30".into())));
        assert_eq!(d(&[]), Ok(None));
        let err = |pairs: &[(&str, &str)]| d(pairs).unwrap_err();
        assert!(err(&[("date", "16/05/2016")]).contains("date '16/05/2016' is not a date: write YYYY"));
        assert!(err(&[("date", "2016-02-30")]).contains("2016-02-30 is not a real date"));
        assert!(err(&[("date", "2016-13")]).contains("13 is out of range 01–12"));
        assert!(err(&[("date", "2016-05T10:00")]).contains("the time after the day"));
        assert!(err(&[("date", "2016-05-16T25:00")]).contains("the time after the day"));
        assert!(err(&[("begin", "2017-09-20"), ("end", "2017-09-14")]).contains("the end (2017-09-14) is before"));
        assert!(err(&[("date", "2016"), ("end", "2017")]).contains("both a date"));
    }

    #[test]
    fn text_is_one_clean_line() {
        assert_eq!(clean("  Minsk\n\t(Мінск)\u{7} ", 100), "Minsk (Мінск)");
        assert_eq!(clean("abcdef", 3), "abc…");
        assert_eq!(clean("ab cdef", 4), "ab c…");
        assert_eq!(
            strip_markup("<p>Garrison of the <b>Iskander</b> brigade &amp; depot</p>"),
            " Garrison of the Iskander brigade & depot "
        );
        assert_eq!(strip_markup("a < b"), "a < b");
    }
}
