//! From what the text says to calendar days: years from the publication date, parts of periods,
//! counting back from the writing.

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use super::calendar::{
    absolute, ahead, back, finer, grain, in_year, month_part, part_of, part_word, season_name, season_span, show,
    weekday_name, year_part, yearless,
};
use super::grammar::{Expr, Part, Ref, Which};
use super::words::Unit;
use crate::briefing::{Precision, Season};

/// Days a reference covers, with the grain the text states it in and why any of it is inferred.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Dated {
    /// First day; `None` = open start.
    pub first: Option<Date>,
    /// Last day (inclusive); `None` = open end.
    pub last: Option<Date>,
    /// The finest grain the text speaks in (day, month or year); the briefing's `When` uses it.
    pub grain: Precision,
    /// A season and the year it starts in, when the text names one season.
    pub season: Option<(Season, i16)>,
    /// Why parts of it are inferred, in order.
    pub reasons: Vec<String>,
}

/// Why a reference got no days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Fail {
    /// It counts from the publication date, which is unknown.
    NoPublished(String),
    /// No such day ("31 April"), or a range that runs backwards.
    Invalid,
}

/// How far to look for a year in which a day exists ("29 February" skips up to seven years).
const LEAP_SEARCH: i16 = 8;

/// Resolves references against the publication date.
pub(super) struct Resolver {
    /// The article's publication date, if known.
    pub published: Option<Date>,
    /// The sentence is about the future: a bare "16 May" or "Tuesday" is the coming one.
    pub future: bool,
    /// A deadline the sentence says was met before it ("by 1 April the troops had left"): an
    /// open start. In a plain past ("by Thursday afternoon the kitchen smelled …") the deadline
    /// is the time itself.
    pub completed: bool,
}

type Days = Result<Dated, Fail>;

impl Resolver {
    /// The days an expression covers.
    pub(super) fn expr(&self, e: &Expr) -> Days {
        let open = |d: Dated, first: bool, last: bool| Dated {
            first: d.first.filter(|_| first),
            last: d.last.filter(|_| last),
            grain: d.grain,
            season: None,
            reasons: d.reasons,
        };
        match *e {
            Expr::One(r) => self.one(&r),
            Expr::Range(a, b) => self.range(&a, &b),
            Expr::Since(r) => Ok(open(self.one(&r)?, true, false)),
            Expr::Until(r) => {
                let d = self.one(&r)?;
                match (self.published, d.last) {
                    (Some(p), Some(last)) if self.future && last >= p => Ok(self.deadline_ahead(d, p, last)),
                    _ => Ok(open(d, false, true)),
                }
            }
            Expr::By(r) => {
                let d = self.one(&r)?;
                match (self.published, d.last) {
                    (Some(p), Some(last)) if self.future && last >= p => Ok(self.deadline_ahead(d, p, last)),
                    _ if self.completed || self.future => Ok(open(d, false, true)),
                    _ => Ok(d),
                }
            }
            Expr::Lasting { n, unit, more } => {
                let p = self.published(&format!("'{n} {}' counts back from the publication date", unit.name(n)))?;
                let back = back(p, n, unit).ok_or(Fail::Invalid)?;
                let reason = if more {
                    format!(
                        "more than {n} {} up to the publication date {p}: begun before {back}, start unknown",
                        unit.name(n)
                    )
                } else {
                    format!("{n} {} up to the publication date {p}", unit.name(n))
                };
                let first = (!more).then_some(back);
                Ok(Dated { first, last: Some(p), grain: Precision::Day, season: None, reasons: vec![reason] })
            }
        }
    }

    /// A deadline after the writing: from the publication date to it.
    fn deadline_ahead(&self, d: Dated, p: Date, last: Date) -> Dated {
        let mut reasons = d.reasons;
        reasons.push(format!("a deadline ahead of the publication date {p}: from then to {last}"));
        Dated { first: Some(p), last: Some(last), grain: Precision::Day, season: None, reasons }
    }

    fn published(&self, why: &str) -> Result<Date, Fail> {
        self.published.ok_or_else(|| Fail::NoPublished(format!("{why}, which is not known")))
    }

    /// One reference.
    fn one(&self, r: &Ref) -> Days {
        let mut reasons = Vec::new();
        let (first, last) = match *r {
            _ if absolute(r).is_some() => absolute(r).ok_or(Fail::Invalid)?,
            Ref::Day { year: None, .. } | Ref::Month { year: None, which: Which::Bare, .. } => {
                self.pick(|y| in_year(r, y), &mut reasons)?
            }
            Ref::Season { year: None, which: Which::Bare, .. } => self.pick(|y| in_year(r, y), &mut reasons)?,
            Ref::Month { month, part, which, .. } => self.month_which(month, part, which, &mut reasons)?,
            Ref::Season { season, which, .. } => {
                let (first, last, year) = self.season_which(season, which, &mut reasons)?;
                return Ok(Dated {
                    first: Some(first),
                    last: Some(last),
                    grain: Precision::Month,
                    season: Some((season, year)),
                    reasons,
                });
            }
            Ref::Weekday { day, which } => self.weekday(day, which, &mut reasons)?,
            Ref::Shift { days } => {
                let p = self.published("'today' and 'yesterday' count from the publication date")?;
                let d = p.checked_add(days.days()).map_err(|_| Fail::Invalid)?;
                reasons.push(match days {
                    0 => format!("the publication date {p}"),
                    -1 => format!("the day before the publication date {p}"),
                    1 => format!("the day after the publication date {p}"),
                    n => {
                        format!("{} days {} the publication date {p}", n.abs(), if n < 0 { "before" } else { "after" })
                    }
                });
                (d, d)
            }
            Ref::Period { unit, offset, part } => self.period(unit, offset, part, &mut reasons)?,
            Ref::Ago { n, unit, day } => self.ago(n, unit, day, &mut reasons)?,
            Ref::Past { n, unit } => {
                let p = self.published("'the past …' counts back from the publication date")?;
                reasons.push(format!("the {n} {} up to the publication date {p}", unit.name(n)));
                (back(p, n, unit).ok_or(Fail::Invalid)?, p)
            }
            Ref::Ahead { n, unit } => {
                let p = self.published("'the next …' counts on from the publication date")?;
                reasons.push(format!("the {n} {} from the publication date {p}", unit.name(n)));
                (p, ahead(p, n, unit).ok_or(Fail::Invalid)?)
            }
            Ref::Day { .. } | Ref::Year { .. } | Ref::Decade { .. } | Ref::Century { .. } => return Err(Fail::Invalid),
        };
        if let Some(part) = part_of(r).filter(|p| !matches!(p, Part::Whole | Part::SoFar | Part::Rest)) {
            reasons.push(format!("'{}' taken as {}", part_word(part), show(first, last, grain(r))));
        }
        if let Ref::Season { season: Season::Winter, year: Some(y), by_january: true, .. } = *r {
            reasons.push(format!(
                "'winter {}' taken as the winter that holds January {}: {y}–{:02}",
                y + 1,
                y + 1,
                (y + 1) % 100
            ));
        }
        let season = match *r {
            Ref::Season { season, .. } => Some((season, first.year())),
            _ => None,
        };
        Ok(Dated { first: Some(first), last: Some(last), grain: grain(r), season, reasons })
    }

    /// "between April and June", "2013-2015", "from 14 to 20 September 2017".
    fn range(&self, a: &Ref, b: &Ref) -> Days {
        let finer = finer(grain(a), grain(b));
        if yearless(a) && yearless(b) {
            let mut reasons = Vec::new();
            let (first, last) = self.pick(
                |y| {
                    let (af, _) = in_year(a, y)?;
                    let yb = if in_year(b, y)?.0 >= af { y } else { y + 1 };
                    Some((af, in_year(b, yb)?.1))
                },
                &mut reasons,
            )?;
            return Ok(Dated { first: Some(first), last: Some(last), grain: finer, season: None, reasons });
        }
        let (da, db) = match (yearless(a), yearless(b)) {
            // "from today to 26 December": the first 26 December from the start on.
            (false, true) => {
                let da = self.one(a)?;
                let start = da.first.ok_or(Fail::Invalid)?;
                let years = start.year()..=start.year() + LEAP_SEARCH;
                let (first, last) = years.filter_map(|y| in_year(b, y)).find(|s| s.0 >= start).ok_or(Fail::Invalid)?;
                let reasons = vec![format!("year from the range's start, {start}")];
                (da, Dated { first: Some(first), last: Some(last), grain: grain(b), season: None, reasons })
            }
            // "from May to next year": the last May before the end.
            (true, false) => {
                let db = self.one(b)?;
                let end = db.last.ok_or(Fail::Invalid)?;
                let years = (end.year() - LEAP_SEARCH..=end.year()).rev();
                let (first, last) = years.filter_map(|y| in_year(a, y)).find(|s| s.0 <= end).ok_or(Fail::Invalid)?;
                let reasons = vec![format!("year from the range's end, {end}")];
                (Dated { first: Some(first), last: Some(last), grain: grain(a), season: None, reasons }, db)
            }
            _ => (self.one(a)?, self.one(b)?),
        };
        let (Some(first), Some(last)) = (da.first, db.last) else { return Err(Fail::Invalid) };
        if last < first {
            return Err(Fail::Invalid);
        }
        let mut reasons = da.reasons;
        for r in db.reasons {
            if !reasons.contains(&r) {
                reasons.push(r);
            }
        }
        Ok(Dated { first: Some(first), last: Some(last), grain: finer, season: None, reasons })
    }

    /// The year for a reference the text gives none: the most recent occurrence that has begun
    /// by the publication date, or in a sentence about the future the first that has not ended.
    fn pick(
        &self,
        span: impl Fn(i16) -> Option<(Date, Date)>,
        reasons: &mut Vec<String>,
    ) -> Result<(Date, Date), Fail> {
        let p = self.published("no year in the text; it would come from the publication date")?;
        let found = if self.future {
            (p.year() - 1..=p.year() + LEAP_SEARCH).find_map(|y| span(y).filter(|&(_, l)| l >= p))
        } else {
            (p.year() - LEAP_SEARCH..=p.year() + 1).rev().find_map(|y| span(y).filter(|&(f, _)| f <= p))
        };
        let found = found.ok_or(Fail::Invalid)?;
        reasons.push(if self.future {
            format!("year from the publication date {p}; the coming one, as the sentence looks ahead")
        } else {
            format!("year from the publication date {p}")
        });
        Ok(found)
    }

    /// "last March", "this May", "next June".
    fn month_which(
        &self,
        month: i8,
        part: Part,
        which: Which,
        reasons: &mut Vec<String>,
    ) -> Result<(Date, Date), Fail> {
        let p = self.published("'last'/'next' month names count from the publication date")?;
        let year = match which {
            Which::Last if month < p.month() => p.year(),
            Which::Last => p.year() - 1,
            Which::Next if month > p.month() => p.year(),
            Which::Next => p.year() + 1,
            _ => p.year(),
        };
        reasons.push(format!("year from the publication date {p}"));
        let first = Date::new(year, month, 1).map_err(|_| Fail::Invalid)?;
        month_part(first, part).ok_or(Fail::Invalid)
    }

    /// "last winter", "this spring", "next summer": (first day, last day, year it starts in).
    fn season_which(&self, season: Season, which: Which, reasons: &mut Vec<String>) -> Result<(Date, Date, i16), Fail> {
        let p = self.published("'last'/'this'/'next' seasons count from the publication date")?;
        let all: Vec<(Date, Date, i16)> =
            (p.year() - 2..=p.year() + 2).filter_map(|y| season_span(season, y).map(|(f, l)| (f, l, y))).collect();
        let distance =
            |&(f, l, _): &(Date, Date, i16)| if p < f { (f - p).get_days() } else { (p - l).get_days().max(0) };
        // "this spring" is the one nearest the writing; "next" is the one after that, so in May
        // "this summer" is the coming one and "next summer" the year after.
        let this = all.iter().copied().min_by_key(|s| (distance(s), if self.future { s.0 < p } else { s.0 > p }));
        let found = match which {
            Which::Last => all.iter().rev().find(|(_, l, _)| *l < p).copied(),
            Which::Next => {
                let after = this.map_or(p, |t| t.0.max(p));
                all.iter().find(|(f, _, _)| *f > after).copied()
            }
            _ => this,
        }
        .ok_or(Fail::Invalid)?;
        let name = season_name(season);
        let how = match which {
            Which::Last => format!("the last {name} before"),
            Which::Next => format!("the {name} after the current or coming one, as of"),
            _ => format!("the {name} nearest"),
        };
        reasons.push(format!("{how} the publication date {p}"));
        Ok(found)
    }

    /// "on Tuesday" (the most recent on or before the publication date; the coming one in a
    /// sentence about the future), "last Tuesday", "next Tuesday".
    fn weekday(&self, day: Weekday, which: Which, reasons: &mut Vec<String>) -> Result<(Date, Date), Fail> {
        let p = self.published("a weekday counts from the publication date")?;
        let name = weekday_name(day);
        let (d, how) = match (which, self.future) {
            (Which::Last, _) => (p.nth_weekday(-1, day), "before"),
            (Which::Next, _) | (Which::Bare, true) => (p.nth_weekday(1, day), "after"),
            (Which::This, true) if p.weekday() == day => (Ok(p), "on"),
            (Which::This, true) => (p.nth_weekday(1, day), "after"),
            _ if p.weekday() == day => (Ok(p), "on"),
            _ => (p.nth_weekday(-1, day), "before"),
        };
        let d = d.map_err(|_| Fail::Invalid)?;
        reasons.push(format!("the {name} {how} the publication date {p} ({})", weekday_name(p.weekday())));
        Ok((d, d))
    }

    /// "last year", "this month", "early next year", "earlier this week", "later this year".
    fn period(&self, unit: Unit, offset: i32, part: Part, reasons: &mut Vec<String>) -> Result<(Date, Date), Fail> {
        let p = self.published("'this'/'last'/'next' periods count from the publication date")?;
        let bad = |_| Fail::Invalid;
        let (first, last) = match unit {
            Unit::Week => {
                let monday = p.checked_sub(i64::from(p.weekday().to_monday_zero_offset()).days()).map_err(bad)?;
                let first = monday.checked_add((7 * offset).days()).map_err(bad)?;
                let at = |n: i32| first.checked_add(n.days()).map_err(bad);
                match part {
                    Part::Early | Part::Start => (first, at(2)?),
                    Part::Mid => (at(2)?, at(4)?),
                    Part::Late | Part::End => (at(4)?, at(6)?),
                    _ => (first, at(6)?),
                }
            }
            Unit::Month => {
                let first = p.first_of_month().checked_add(offset.months()).map_err(bad)?;
                month_part(first, part).unwrap_or((first, first.last_of_month()))
            }
            Unit::Year => year_part(p.year() + offset as i16, part).ok_or(Fail::Invalid)?,
            _ => return Err(Fail::Invalid),
        };
        let (first, last) = match part {
            Part::SoFar => (first, p),
            Part::Rest => (p, last),
            _ => (first, last),
        };
        let which = match offset {
            -1 => "before",
            0 => "of",
            _ => "after",
        };
        reasons.push(match part {
            Part::SoFar => format!("from the start of the {} to the publication date {p}", unit.name(1)),
            Part::Rest => format!("from the publication date {p} to the end of the {}", unit.name(1)),
            _ => format!("the {} {which} the publication date {p}", unit.name(1)),
        });
        Ok((first, last))
    }

    /// "two weeks ago", "three years ago", "a decade ago".
    fn ago(&self, n: u32, unit: Unit, day: bool, reasons: &mut Vec<String>) -> Result<(Date, Date), Fail> {
        let p = self.published("'… ago' counts back from the publication date")?;
        let d = back(p, n, unit).ok_or(Fail::Invalid)?;
        reasons.push(format!("{n} {} before the publication date {p}", unit.name(n)));
        Ok(match unit {
            _ if day => (d, d),
            Unit::Day | Unit::Week => (d, d),
            Unit::Month => (d.first_of_month(), d.last_of_month()),
            _ => year_part(d.year(), Part::Whole).ok_or(Fail::Invalid)?,
        })
    }
}
