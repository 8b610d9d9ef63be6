//! When a claim happens: a span of calendar dates with a precision, stated or inferred.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date known to the year, the month or the day: `2016`, `2016-05`, `2016-05-16`.
///
/// Parsing checks the shape only; whether the date exists (no 30 February) is checked by
/// [`PartialDate::first_day`], so that validation can report every bad date at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PartialDate {
    /// Calendar year.
    pub year: i16,
    /// Month 1–12, if known.
    pub month: Option<i8>,
    /// Day of the month, if known (only with a month).
    pub day: Option<i8>,
}

/// What is wrong with a date, in words a person can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// The text is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[error("'{0}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")]
    Shape(String),
    /// The shape is right but no such day exists.
    #[error("{0} is not a real date: {1}")]
    NotReal(String, String),
}

impl PartialDate {
    /// A date known to the day.
    pub const fn day(year: i16, month: i8, day: i8) -> Self {
        Self { year, month: Some(month), day: Some(day) }
    }

    /// A date known to the month.
    pub const fn month(year: i16, month: i8) -> Self {
        Self { year, month: Some(month), day: None }
    }

    /// A date known to the year.
    pub const fn year(year: i16) -> Self {
        Self { year, month: None, day: None }
    }

    /// The first day this date can mean (1 January for a year, the 1st for a month).
    pub fn first_day(&self) -> Result<Date, DateError> {
        self.checked(self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date can mean (31 December for a year, the month's last day).
    pub fn last_day(&self) -> Result<Date, DateError> {
        match (self.month, self.day) {
            (Some(m), Some(d)) => self.checked(m, d),
            (Some(m), None) => Ok(self.checked(m, 1)?.last_of_month()),
            _ => self.checked(12, 31),
        }
    }

    fn checked(&self, month: i8, day: i8) -> Result<Date, DateError> {
        Date::new(self.year, month, day).map_err(|e| DateError::NotReal(self.to_string(), e.to_string()))
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl FromStr for PartialDate {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let shape = || DateError::Shape(s.to_owned());
        let number = |part: &str, len: usize| -> Result<i16, DateError> {
            if part.len() == len && part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| shape())
            } else {
                Err(shape())
            }
        };
        let mut parts = s.split('-');
        let year = number(parts.next().unwrap_or_default(), 4)?;
        // The range checks keep the value in i8; whether the day exists is `first_day`'s job.
        let small = |part: Option<&str>, max: i16| -> Result<Option<i8>, DateError> {
            match part {
                None => Ok(None),
                Some(p) => match number(p, 2)? {
                    n @ 1..=31 if n <= max => Ok(Some(n as i8)),
                    _ => Err(DateError::NotReal(s.to_owned(), format!("{p} is out of range 01–{max:02}"))),
                },
            }
        };
        let month = small(parts.next(), 12)?;
        let day = small(parts.next(), 31)?;
        if parts.next().is_some() {
            return Err(shape());
        }
        Ok(Self { year, month, day })
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// How precisely the article (or our inference) pins down a time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A day or a run of days: "16 May", "3-4 April".
    Day,
    /// A month or a run of months: "in April and early May".
    Month,
    /// A season of a year: "last winter".
    Season,
    /// A calendar year: "in 2014".
    Year,
    /// A range of years: "2013-2015".
    Years,
    /// One side open: "since the early 2010s", "by 1 December".
    Open,
}

impl Precision {
    /// The name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Month => "month",
            Self::Season => "season",
            Self::Year => "year",
            Self::Years => "years",
            Self::Open => "open",
        }
    }
}

/// A meteorological season (winter runs from December into the next year).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Season {
    /// March to May.
    Spring,
    /// June to August.
    Summer,
    /// September to November.
    Autumn,
    /// December to February of the next year.
    Winter,
}

impl Season {
    fn months(self) -> (i8, i8, i16) {
        // (first month, last month, years the last month is after the first)
        match self {
            Self::Spring => (3, 5, 0),
            Self::Summer => (6, 8, 0),
            Self::Autumn => (9, 11, 0),
            Self::Winter => (12, 2, 1),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Spring => "spring",
            Self::Summer => "summer",
            Self::Autumn => "autumn",
            Self::Winter => "winter",
        }
    }
}

/// When something happens, as the article says it (or as we infer it, with the reason).
///
/// `from` and `to` are read according to `precision`: a day or days, a month or months,
/// the year a season starts in, a year, a range of years, or one open side.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    /// How precise the time is.
    pub precision: Precision,
    /// Start (or the only date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<PartialDate>,
    /// End of a range; for `open`, the end of a span with no known start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
    /// The season, for `season` precision; `from` is then the year it starts in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub season: Option<Season>,
    /// The article's own words for the time, e.g. "on 16 May".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Why the time is inferred rather than stated; absent when the article states it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
}

/// A resolved span of days; `None` on a side means open (no known start, or ongoing).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// First day, or open.
    pub start: Option<Date>,
    /// Last day (inclusive), or open.
    pub end: Option<Date>,
}

impl Span {
    /// A span from `start` to `end`, both inclusive.
    pub fn new(start: Date, end: Date) -> Self {
        Self { start: Some(start), end: Some(end) }
    }

    /// Whether any day of this span falls in the inclusive window `[from, to]`.
    pub fn overlaps(&self, from: Date, to: Date) -> bool {
        self.start.is_none_or(|s| s <= to) && self.end.is_none_or(|e| e >= from)
    }

    /// The day to place a tick for this span on a timeline: its start, or its end if open.
    pub fn anchor(&self) -> Option<Date> {
        self.start.or(self.end)
    }
}

/// What is wrong with a `When`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum WhenError {
    /// A date in it does not exist.
    #[error(transparent)]
    Date(#[from] DateError),
    /// The fields do not fit the precision.
    #[error("{0}")]
    Shape(String),
}

impl When {
    /// A stated single day.
    pub fn on(date: PartialDate) -> Self {
        Self { precision: Precision::Day, from: Some(date), to: None, season: None, text: None, inferred: None }
    }

    /// Whether the time is inferred rather than stated in the article.
    pub fn is_inferred(&self) -> bool {
        self.inferred.is_some()
    }

    /// The span of days this time covers, checking that its fields fit its precision.
    pub fn span(&self) -> Result<Span, WhenError> {
        let shape = |msg: &str| Err(WhenError::Shape(format!("precision '{}': {msg}", self.precision.as_str())));
        let grain = PartialDate::grain;
        if self.season.is_some() && self.precision != Precision::Season {
            return shape("'season' is only for precision 'season'");
        }
        let span = match self.precision {
            Precision::Day | Precision::Month | Precision::Year | Precision::Years => {
                let Some(from) = self.from else { return shape("needs 'from'") };
                let wanted = if self.precision == Precision::Years { Precision::Year } else { self.precision };
                if grain(&from) != wanted || self.to.is_some_and(|t| grain(&t) != wanted) {
                    let example = match wanted {
                        Precision::Day => "YYYY-MM-DD",
                        Precision::Month => "YYYY-MM",
                        _ => "YYYY",
                    };
                    return shape(&format!("dates must be written {example}"));
                }
                match (self.precision, self.to) {
                    (Precision::Years, None) => return shape("needs 'to' (a range of years)"),
                    (Precision::Year, Some(_)) => return shape("has no 'to'; use precision 'years' for a range"),
                    _ => {}
                }
                Span::new(from.first_day()?, self.to.unwrap_or(from).last_day()?)
            }
            Precision::Season => {
                let (Some(season), Some(from), None) = (self.season, self.from, self.to) else {
                    return shape("needs 'season' and 'from' (the year it starts in), and no 'to'");
                };
                if grain(&from) != Precision::Year {
                    return shape("'from' is the year the season starts in (YYYY)");
                }
                let (first, last, wrap) = season.months();
                let start = PartialDate::month(from.year, first).first_day()?;
                let end = PartialDate::month(from.year + wrap, last).last_day()?;
                Span::new(start, end)
            }
            Precision::Open => {
                if self.from.is_none() && self.to.is_none() {
                    return shape("needs 'from', 'to' or both");
                }
                Span {
                    start: self.from.map(|d| d.first_day()).transpose()?,
                    end: self.to.map(|d| d.last_day()).transpose()?,
                }
            }
        };
        if let (Some(s), Some(e)) = (span.start, span.end)
            && e < s
        {
            return shape("'to' is before 'from'");
        }
        Ok(span)
    }

    /// A short human label: "16 May 2016", "April–May 2016", "winter 2015–16", "since 2010".
    pub fn label(&self) -> String {
        let day = |d: &PartialDate| match d.first_day() {
            Ok(date) => match d.grain() {
                Precision::Day => date.strftime("%-d %B %Y").to_string(),
                Precision::Month => date.strftime("%B %Y").to_string(),
                _ => d.year.to_string(),
            },
            Err(_) => d.to_string(),
        };
        let range = |a: &PartialDate, b: Option<&PartialDate>| match b {
            Some(b) if b != a => format!("{} – {}", day(a), day(b)),
            _ => day(a),
        };
        match (self.precision, &self.from, &self.to) {
            (Precision::Season, Some(f), _) => match self.season {
                Some(Season::Winter) => format!("winter {}–{:02}", f.year, (f.year + 1) % 100),
                Some(s) => format!("{} {}", s.name(), f.year),
                None => f.to_string(),
            },
            (Precision::Open, Some(f), None) => format!("since {}", day(f)),
            (Precision::Open, None, Some(t)) => format!("by {}", day(t)),
            (_, Some(f), t) => range(f, t.as_ref()),
            _ => String::from("undated"),
        }
    }
}

impl PartialDate {
    /// How precise this date is: day, month or year.
    pub fn grain(&self) -> Precision {
        match (self.month, self.day) {
            (None, _) => Precision::Year,
            (Some(_), None) => Precision::Month,
            (Some(_), Some(_)) => Precision::Day,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn when(json: &str) -> When {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn partial_dates_parse_by_shape() {
        assert_eq!("2016".parse(), Ok(PartialDate::year(2016)));
        assert_eq!("2016-05".parse(), Ok(PartialDate::month(2016, 5)));
        assert_eq!("2016-05-16".parse(), Ok(PartialDate::day(2016, 5, 16)));
        for bad in ["16", "2016-5", "2016-05-16-1", "2016/05", "", "abcd", "2016-05-"] {
            assert!(matches!(bad.parse::<PartialDate>(), Err(DateError::Shape(_))), "{bad}");
        }
        assert!(matches!("2016-13".parse::<PartialDate>(), Err(DateError::NotReal(..))));
        assert!(matches!("2016-02-32".parse::<PartialDate>(), Err(DateError::NotReal(..))));
    }

    #[test]
    fn impossible_days_are_caught_by_the_calendar() {
        let feb30: PartialDate = "2016-02-30".parse().unwrap();
        let err = feb30.first_day().unwrap_err().to_string();
        assert!(err.starts_with("2016-02-30 is not a real date"), "{err}");
        assert_eq!(PartialDate::day(2016, 2, 29).first_day(), Ok(date(2016, 2, 29)));
        assert!(PartialDate::day(2015, 2, 29).first_day().is_err());
    }

    #[test]
    fn first_and_last_days_follow_the_grain() {
        assert_eq!(PartialDate::month(2016, 2).last_day(), Ok(date(2016, 2, 29)));
        assert_eq!(PartialDate::year(2016).first_day(), Ok(date(2016, 1, 1)));
        assert_eq!(PartialDate::year(2016).last_day(), Ok(date(2016, 12, 31)));
        assert_eq!(PartialDate::day(2016, 5, 16).to_string(), "2016-05-16");
    }

    #[test]
    fn spans_by_precision() {
        let day = when(r#"{"precision":"day","from":"2016-05-16","inferred":"year from publication"}"#);
        assert_eq!(day.span(), Ok(Span::new(date(2016, 5, 16), date(2016, 5, 16))));
        assert!(day.is_inferred());
        let months = when(r#"{"precision":"month","from":"2016-04","to":"2016-05"}"#);
        assert_eq!(months.span(), Ok(Span::new(date(2016, 4, 1), date(2016, 5, 31))));
        let winter = when(r#"{"precision":"season","season":"winter","from":"2015"}"#);
        assert_eq!(winter.span(), Ok(Span::new(date(2015, 12, 1), date(2016, 2, 29))));
        let years = when(r#"{"precision":"years","from":"2013","to":"2015"}"#);
        assert_eq!(years.span(), Ok(Span::new(date(2013, 1, 1), date(2015, 12, 31))));
        let since = when(r#"{"precision":"open","from":"2010"}"#);
        assert_eq!(since.span(), Ok(Span { start: Some(date(2010, 1, 1)), end: None }));
        let by = when(r#"{"precision":"open","to":"2016-12-01"}"#);
        assert_eq!(by.span(), Ok(Span { start: None, end: Some(date(2016, 12, 1)) }));
    }

    #[test]
    fn fields_must_fit_the_precision() {
        for bad in [
            r#"{"precision":"day","from":"2016-05"}"#,
            r#"{"precision":"month","from":"2016-05-01"}"#,
            r#"{"precision":"year","from":"2016","to":"2017"}"#,
            r#"{"precision":"years","from":"2013"}"#,
            r#"{"precision":"years","from":"2015","to":"2013"}"#,
            r#"{"precision":"season","from":"2015"}"#,
            r#"{"precision":"season","season":"winter","from":"2015-12"}"#,
            r#"{"precision":"day","season":"winter","from":"2015-12-01"}"#,
            r#"{"precision":"open"}"#,
            r#"{"precision":"day"}"#,
        ] {
            assert!(matches!(when(bad).span(), Err(WhenError::Shape(_))), "{bad}");
        }
        let feb30 = when(r#"{"precision":"day","from":"2016-02-30"}"#);
        assert!(matches!(feb30.span(), Err(WhenError::Date(DateError::NotReal(..)))));
    }

    #[test]
    fn unknown_fields_are_refused() {
        assert!(serde_json::from_str::<When>(r#"{"precision":"day","from":"2016-05-16","on":"x"}"#).is_err());
    }

    #[test]
    fn overlap_with_open_sides() {
        let since = Span { start: Some(date(2010, 1, 1)), end: None };
        assert!(since.overlaps(date(2016, 1, 1), date(2016, 2, 1)));
        assert!(!since.overlaps(date(2009, 1, 1), date(2009, 12, 31)));
        let by = Span { start: None, end: Some(date(2016, 12, 1)) };
        assert!(by.overlaps(date(2000, 1, 1), date(2000, 1, 1)));
        assert!(!by.overlaps(date(2016, 12, 2), date(2017, 1, 1)));
        let day = Span::new(date(2016, 5, 16), date(2016, 5, 16));
        assert!(day.overlaps(date(2016, 5, 16), date(2016, 5, 16)));
        assert!(!day.overlaps(date(2016, 5, 17), date(2016, 6, 1)));
        assert_eq!(by.anchor(), Some(date(2016, 12, 1)));
    }

    #[test]
    fn labels_read_naturally() {
        let label = |j: &str| when(j).label();
        assert_eq!(label(r#"{"precision":"day","from":"2016-05-16"}"#), "16 May 2016");
        assert_eq!(label(r#"{"precision":"month","from":"2016-04","to":"2016-05"}"#), "April 2016 – May 2016");
        assert_eq!(label(r#"{"precision":"season","season":"winter","from":"2015"}"#), "winter 2015–16");
        assert_eq!(label(r#"{"precision":"years","from":"2013","to":"2015"}"#), "2013 – 2015");
        assert_eq!(label(r#"{"precision":"open","from":"2010"}"#), "since 2010");
        assert_eq!(label(r#"{"precision":"open","to":"2016-12-01"}"#), "by 1 December 2016");
    }
}
