//! The days a reference covers on the calendar: parts of months, years and decades, seasons,
//! and filling a range's missing year from its other side. Nothing here needs the publication date.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::grammar::{Expr, Part, Ref, Which};
use super::words::Unit;
use crate::briefing::{PartialDate, Precision, Season, When};

/// `n` units before `p`.
pub(super) fn back(p: Date, n: u32, unit: Unit) -> Option<Date> {
    p.checked_sub(span(n, unit)).ok()
}

/// `n` units after `p`.
pub(super) fn ahead(p: Date, n: u32, unit: Unit) -> Option<Date> {
    p.checked_add(span(n, unit)).ok()
}

fn span(n: u32, unit: Unit) -> jiff::Span {
    let n = i64::from(n);
    match unit {
        Unit::Day => n.days(),
        Unit::Week => n.weeks(),
        Unit::Month => n.months(),
        Unit::Year => n.years(),
        Unit::Decade => (10 * n).years(),
        Unit::Century => (100 * n).years(),
    }
}

/// The days a reference with a stated year covers.
pub(super) fn absolute(r: &Ref) -> Option<(Date, Date)> {
    match *r {
        Ref::Day { year: Some(y), .. } | Ref::Month { year: Some(y), which: Which::Bare, .. } => in_year(r, y),
        Ref::Season { year: Some(y), which: Which::Bare, .. } => in_year(r, y),
        Ref::Year { year, part } => year_part(year, part),
        Ref::Decade { start, part } => years_part(start, 10, part),
        Ref::Century { start, part } => years_part(start, 100, part),
        _ => None,
    }
}

/// The days a day, month or season covers in year `y` (a season's start year).
pub(super) fn in_year(r: &Ref, y: i16) -> Option<(Date, Date)> {
    match *r {
        Ref::Day { month, day, .. } => Date::new(y, month, day).ok().map(|d| (d, d)),
        Ref::Month { month, part, which: Which::Bare, .. } => month_part(Date::new(y, month, 1).ok()?, part),
        Ref::Season { season, which: Which::Bare, .. } => season_span(season, y),
        _ => None,
    }
}

/// Whether the reference is a day, month or season with no year of its own.
pub(super) fn yearless(r: &Ref) -> bool {
    matches!(
        r,
        Ref::Day { year: None, .. }
            | Ref::Month { year: None, which: Which::Bare, .. }
            | Ref::Season { year: None, which: Which::Bare, .. }
    )
}

pub(super) fn season_span(season: Season, y: i16) -> Option<(Date, Date)> {
    let when = When {
        precision: Precision::Season,
        from: Some(PartialDate::year(y)),
        to: None,
        season: Some(season),
        text: None,
        inferred: None,
    };
    let span = when.span().ok()?;
    Some((span.start?, span.end?))
}

/// Days 1–10 are "early", 11–20 "mid", 21 to the end "late" (and "the end of").
pub(super) fn month_part(first: Date, part: Part) -> Option<(Date, Date)> {
    let last = first.last_of_month();
    let day = |d: i8| first.with().day(d).build().ok();
    Some(match part {
        Part::Early | Part::Start => (first, day(10)?),
        Part::Mid => (day(11)?, day(20)?),
        Part::Late | Part::End => (day(21)?, last),
        Part::Half(1) => (first, day(15)?),
        Part::Half(_) => (day(16)?, last),
        Part::Quarter(_) => return None,
        Part::Whole | Part::SoFar | Part::Rest => (first, last),
    })
}

/// January–April is "early", May–August "mid", September–December "late"; "the start of" is
/// January and "the end of" December.
pub(super) fn year_part(y: i16, part: Part) -> Option<(Date, Date)> {
    let months = |a: i8, b: i8| Some((Date::new(y, a, 1).ok()?, Date::new(y, b, 1).ok()?.last_of_month()));
    match part {
        Part::Whole | Part::SoFar | Part::Rest => months(1, 12),
        Part::Early => months(1, 4),
        Part::Mid => months(5, 8),
        Part::Late => months(9, 12),
        Part::Start => months(1, 1),
        Part::End => months(12, 12),
        Part::Half(1) => months(1, 6),
        Part::Half(_) => months(7, 12),
        Part::Quarter(q @ 1..=4) => months(3 * q as i8 - 2, 3 * q as i8),
        Part::Quarter(_) => None,
    }
}

/// A decade's (or century's) early part is its first four tenths, mid the next three, late the
/// last three: "the early 2010s" = 2010–2013.
pub(super) fn years_part(start: i16, len: i16, part: Part) -> Option<(Date, Date)> {
    let tenth = len / 10;
    let (a, b) = match part {
        Part::Early | Part::Start => (0, 4 * tenth - 1),
        Part::Mid => (4 * tenth, 7 * tenth - 1),
        Part::Late | Part::End => (7 * tenth, len - 1),
        Part::Half(1) => (0, len / 2 - 1),
        Part::Half(_) => (len / 2, len - 1),
        _ => (0, len - 1),
    };
    Some((Date::new(start + a, 1, 1).ok()?, Date::new(start + b, 12, 31).ok()?))
}

/// The grain a reference is stated in: the finest unit its words pin down.
pub(super) fn grain(r: &Ref) -> Precision {
    let whole = |part: Part, coarse: Precision, fine: Precision| if part == Part::Whole { coarse } else { fine };
    match *r {
        Ref::Day { .. } | Ref::Weekday { .. } | Ref::Shift { .. } | Ref::Past { .. } | Ref::Ahead { .. } => {
            Precision::Day
        }
        Ref::Month { part, .. } => whole(part, Precision::Month, Precision::Day),
        Ref::Year { part, .. } => whole(part, Precision::Year, Precision::Month),
        Ref::Decade { .. } | Ref::Century { .. } => Precision::Year,
        Ref::Season { .. } => Precision::Month,
        Ref::Period { unit: Unit::Year, part: Part::SoFar | Part::Rest, .. } => Precision::Day,
        Ref::Period { unit: Unit::Year, part, .. } => whole(part, Precision::Year, Precision::Month),
        Ref::Period { unit: Unit::Month, part, .. } => whole(part, Precision::Month, Precision::Day),
        Ref::Period { .. } => Precision::Day,
        Ref::Ago { unit: Unit::Day | Unit::Week, .. } | Ref::Ago { day: true, .. } => Precision::Day,
        Ref::Ago { unit: Unit::Month, .. } => Precision::Month,
        Ref::Ago { .. } => Precision::Year,
    }
}

pub(super) fn finer(a: Precision, b: Precision) -> Precision {
    let rank = |p| match p {
        Precision::Day => 0,
        Precision::Month => 1,
        _ => 2,
    };
    if rank(a) <= rank(b) { a } else { b }
}

pub(super) fn part_of(r: &Ref) -> Option<Part> {
    match *r {
        Ref::Month { part, .. }
        | Ref::Year { part, .. }
        | Ref::Decade { part, .. }
        | Ref::Century { part, .. }
        | Ref::Period { part, .. } => Some(part),
        _ => None,
    }
}

pub(super) fn part_word(part: Part) -> &'static str {
    match part {
        Part::Early => "early",
        Part::Mid => "mid",
        Part::Late => "late",
        Part::Start => "the beginning",
        Part::End => "the end",
        Part::Half(1) => "the first half",
        Part::Half(_) => "the second half",
        Part::Quarter(_) => "the quarter",
        Part::Whole | Part::SoFar | Part::Rest => "",
    }
}

/// "2016-05-01 to 2016-05-10", "2015-09 to 2015-12", "2010 to 2013".
pub(super) fn show(first: Date, last: Date, grain: Precision) -> String {
    match grain {
        Precision::Year => format!("{} to {}", first.year(), last.year()),
        Precision::Month => format!("{} to {}", first.strftime("%Y-%m"), last.strftime("%Y-%m")),
        _ => format!("{first} to {last}"),
    }
}

pub(super) fn season_name(season: Season) -> &'static str {
    match season {
        Season::Spring => "spring",
        Season::Summer => "summer",
        Season::Autumn => "autumn",
        Season::Winter => "winter",
    }
}

pub(super) fn weekday_name(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "Monday",
        Weekday::Tuesday => "Tuesday",
        Weekday::Wednesday => "Wednesday",
        Weekday::Thursday => "Thursday",
        Weekday::Friday => "Friday",
        Weekday::Saturday => "Saturday",
        Weekday::Sunday => "Sunday",
    }
}

/// The year a day, month or season states, if any.
pub(super) fn stated_year(r: &Ref) -> Option<i16> {
    match *r {
        Ref::Day { year, .. }
        | Ref::Month { year, which: Which::Bare, .. }
        | Ref::Season { year, which: Which::Bare, .. } => year,
        _ => None,
    }
}

pub(super) fn with_year(r: Ref, y: i16) -> Ref {
    match r {
        Ref::Day { month, day, .. } => Ref::Day { year: Some(y), month, day },
        Ref::Month { month, part, which, .. } => Ref::Month { year: Some(y), month, part, which },
        Ref::Season { season, which, by_january, .. } => Ref::Season { season, year: Some(y), which, by_january },
        other => other,
    }
}

/// A range's missing year from its other side: "from March to May 2016", "14 September – 2
/// October 2017", "from November to February 2016" (November 2015).
pub(super) fn fill_years(a: Ref, b: Ref) -> (Ref, Ref) {
    match (stated_year(&a), stated_year(&b)) {
        (None, Some(y)) if yearless(&a) => {
            let starts = |r: &Ref| absolute(r).map(|s| s.0);
            let same = with_year(a, y);
            let a = if starts(&same) > starts(&b) { with_year(a, y - 1) } else { same };
            (a, b)
        }
        (Some(y), None) if yearless(&b) => {
            let same = with_year(b, y);
            let b = if absolute(&same).map(|s| s.0) < absolute(&a).map(|s| s.0) { with_year(b, y + 1) } else { same };
            (a, b)
        }
        _ => (a, b),
    }
}

/// Whether `b` starts inside `a` or the day after it ends ("April and early May", "2014 and 2015").
pub(super) fn touches(a: &Ref, b: &Ref) -> bool {
    let year = stated_year(a).or(stated_year(b)).unwrap_or(2000);
    let span = |r: &Ref, y: i16| absolute(r).or_else(|| in_year(r, y));
    let Some((af, al)) = span(a, year) else { return false };
    let next = al.tomorrow().unwrap_or(al);
    [year, year + 1].iter().filter_map(|&y| span(b, y)).any(|(bf, _)| bf >= af && bf <= next)
}

/// The precision and season a reference would have, for one that cannot be resolved.
pub(super) fn hint(e: &Expr) -> (Precision, Option<Season>) {
    match *e {
        Expr::One(Ref::Season { season, .. }) => (Precision::Season, Some(season)),
        Expr::One(r) => match grain(&r) {
            Precision::Year if matches!(r, Ref::Decade { .. } | Ref::Century { .. }) => (Precision::Years, None),
            g => (g, None),
        },
        Expr::Range(a, b) => match finer(grain(&a), grain(&b)) {
            Precision::Year => (Precision::Years, None),
            g => (g, None),
        },
        _ => (Precision::Open, None),
    }
}
