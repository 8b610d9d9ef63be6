//! Every date expression in an English news article, resolved to calendar days offline.
//!
//! [`find_dates`] reads the article body once into tokens and tries a hand-written grammar at
//! each token (longest match wins), then resolves what it read against the publication date.
//! How it reads what the text leaves open (each such reading is flagged `inferred`, with the
//! reason in words):
//!
//! - **A day or month without a year** ("16 May", "in April") is the most recent one that has
//!   begun by the publication date; in a sentence plainly about the future ("will", "is due",
//!   "scheduled", "next", or a deadline: "by 1 December") the coming one.
//! - **A bare weekday** ("on Tuesday") is the most recent on or before the publication date; in
//!   a future sentence, the first after it. "last Tuesday" is the one before, "next Tuesday" the
//!   one after.
//! - **Parts** are thirds: days 1–10 / 11–20 / 21–end of a month ("early May", "mid-May", "late
//!   May", "the end of May"); January–April / May–August / September–December of a year
//!   ("early 2015", "mid-2015", "late 2015"); "the end of the year" is December, "the
//!   beginning" January. A decade's early part is its first four years, mid the next three, late
//!   the last three ("the early 2010s" = 2010–2013).
//! - **Seasons** are meteorological (winter = December to February). "last winter" is the last
//!   one that ended before the publication date; "this spring" the one nearest it; "winter
//!   2015-16" says which; "winter 2015" alone is taken as the winter holding January 2015.
//! - **Counted back**: "in the past three years" runs from three years before the publication
//!   date to it; "for five years" (with "has/have" nearby) likewise; "for more than five years"
//!   has an open start and ends at the publication date (what it says is that the activity
//!   began before five years back and was still going on at the writing).
//! - **Open sides**: "since 2014" has an open end, "by 1 December" / "until 2020" an open start.
//! - **Numeric dates** only when they can be read one way: ISO "2016-05-16", "25/03/2017" (a
//!   part above 12), "05/05/2016", and dotted "16.05.2016" (dots are day-first in every style).
//!
//! Not dates: weapon designations and labels ("Su-27", "S-400", "Resolution 2231", "page
//! 2014"), quantities ("5,000 troops", "2,014", "a 2014 km"), "May" the name ("Theresa May",
//! "after May said"), "march" the noun, weekday names in titles ("the Sunday Times", "Bloody
//! Sunday"), "Russia Today". Named periods ("the Second World War", "the Cold War", "the Soviet
//! era") are not emitted: they name an event, not a time the text states, and a list of them
//! would be a history book. Vague times ("in recent years", "for years", "currently") and
//! "in three years" (a duration as often as a date) are left out too.
//!
//! Without a publication date, anything counted from it (weekdays, "yesterday", "last winter",
//! a day without a year) is returned `unresolved`, with no days: never guessed from the clock.

mod absolute;
mod calendar;
mod context;
mod grammar;
mod lexer;
mod relative;
mod resolve;
mod words;

pub use words::MONTHS;

#[cfg(test)]
mod tests;

use std::ops::Range;

use jiff::civil::Date;
use serde::Serialize;

use crate::briefing::{PartialDate, Precision, When};
use grammar::{Expr, Grammar, Match};
use resolve::{Dated, Fail, Resolver};
use words::Cue;

/// One date expression found in the article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FoundDate {
    /// The article's words, exactly `text[start..end]`.
    pub text: String,
    /// Byte offset of the first byte in the article text.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// First day covered; `None` = open start (or unresolved).
    pub from: Option<Date>,
    /// Last day covered (inclusive); `None` = open end (or unresolved).
    pub to: Option<Date>,
    /// How precise the time is (the same as `when.precision`).
    pub precision: Precision,
    /// Whether any part of it is inferred rather than stated (then `reason` says how).
    pub inferred: bool,
    /// Why it is inferred, or why it is unresolved.
    pub reason: Option<String>,
    /// Counted from a publication date that is unknown: no days.
    pub unresolved: bool,
    /// The same time as the briefing file writes it (for an unresolved date: its precision and
    /// words but no days, which a person must supply before it validates).
    pub when: When,
}

/// Finds every date expression in `text[body]`, in text order, with offsets into `text`.
///
/// `published` anchors relative dates; without it they come back `unresolved`. A `body` outside
/// `text` or off a character boundary is clamped, never a panic.
pub fn find_dates(text: &str, body: Range<usize>, published: Option<Date>) -> Vec<FoundDate> {
    let Some(body) = clamp(text, body) else { return Vec::new() };
    let toks = lexer::tokens(text, body);
    let g = Grammar { text, toks: &toks };
    let mut found = Vec::new();
    let mut prev_end = None;
    let mut i = 0;
    while i < toks.len() {
        let Some(m) = g.at(i, prev_end) else {
            i += 1;
            continue;
        };
        if let Some(date) = build(&g, &m, published) {
            found.push(date);
            prev_end = Some(m.end);
        }
        i = m.end.max(i + 1);
    }
    found
}

/// `body` within `text` and on character boundaries.
fn clamp(text: &str, body: Range<usize>) -> Option<Range<usize>> {
    let mut start = body.start.min(text.len());
    let mut end = body.end.min(text.len());
    while !text.is_char_boundary(start) {
        start += 1;
    }
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (start < end).then_some(start..end)
}

/// The found date for a match, or `None` when it is no date after all (no such day, a duration
/// that is not anchored to the writing).
fn build(g: &Grammar, m: &Match, published: Option<Date>) -> Option<FoundDate> {
    let (start, end) = (g.toks[m.first].start, g.toks[m.end - 1].end);
    let text = &g.text[start..end];
    if matches!(m.expr, Expr::Lasting { .. }) && !context::ongoing(g, m) {
        return None;
    }
    let resolver = match m.expr {
        Expr::By(_) | Expr::Until(_) => {
            let tense = context::deadline_tense(g, m);
            let (future, completed) = match tense {
                Some(Cue::Past) => (false, false),
                Some(Cue::PastPerfect) => (false, true),
                _ => (true, false),
            };
            Resolver { published, future, completed }
        }
        _ => Resolver { published, future: context::looks_ahead(g, m), completed: false },
    };
    match resolver.expr(&m.expr) {
        Ok(dated) => {
            let when = when_of(&dated, text)?;
            let span = when.span().ok()?;
            Some(FoundDate {
                text: text.to_owned(),
                start,
                end,
                from: span.start,
                to: span.end,
                precision: when.precision,
                inferred: when.inferred.is_some(),
                reason: when.inferred.clone(),
                unresolved: false,
                when,
            })
        }
        Err(Fail::NoPublished(why)) => {
            let (precision, season) = calendar::hint(&m.expr);
            let when = When { precision, from: None, to: None, season, text: Some(text.to_owned()), inferred: None };
            Some(FoundDate {
                text: text.to_owned(),
                start,
                end,
                from: None,
                to: None,
                precision,
                inferred: false,
                reason: Some(why),
                unresolved: true,
                when,
            })
        }
        Err(Fail::Invalid) => None,
    }
}

/// The briefing's `When` for resolved days: the grain the text states, made finer only where
/// the days need it ("late 2015" is September–December 2015 by month; "early May" by day).
fn when_of(d: &Dated, text: &str) -> Option<When> {
    let inferred = (!d.reasons.is_empty()).then(|| d.reasons.join("; "));
    let mut when =
        When { precision: Precision::Open, from: None, to: None, season: None, text: Some(text.to_owned()), inferred };
    match (d.first, d.last, d.season) {
        (Some(_), Some(_), Some((season, year))) => {
            when.precision = Precision::Season;
            when.season = Some(season);
            when.from = Some(PartialDate::year(year));
        }
        (Some(f), Some(l), None) => {
            let grain = exact(exact(d.grain, f, true), l, false);
            when.from = Some(partial(f, grain));
            let to = partial(l, grain);
            when.precision = match grain {
                Precision::Year if f.year() != l.year() => Precision::Years,
                g => g,
            };
            when.to = (to != partial(f, grain)).then_some(to);
        }
        (first, last, _) => {
            when.from = first.map(|f| partial(f, exact(d.grain, f, true)));
            when.to = last.map(|l| partial(l, exact(d.grain, l, false)));
            if when.from.is_none() && when.to.is_none() {
                return None;
            }
        }
    }
    Some(when)
}

/// `grain`, or finer if `day` is not the first (or last) day of a unit of that grain.
fn exact(grain: Precision, day: Date, first: bool) -> Precision {
    let month_edge = if first { day.day() == 1 } else { day == day.last_of_month() };
    let year_edge = month_edge && day.month() == if first { 1 } else { 12 };
    match grain {
        Precision::Year | Precision::Years if year_edge => Precision::Year,
        Precision::Year | Precision::Years | Precision::Month if month_edge => Precision::Month,
        _ => Precision::Day,
    }
}

fn partial(day: Date, grain: Precision) -> PartialDate {
    match grain {
        Precision::Year => PartialDate::year(day.year()),
        Precision::Month => PartialDate::month(day.year(), day.month()),
        _ => PartialDate::day(day.year(), day.month(), day.day()),
    }
}
