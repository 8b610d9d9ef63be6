//! Dates counted from the writing: weekdays, "yesterday", "last winter", "two weeks ago",
//! "the past three years", "for more than five years"; and seasons.

use super::grammar::{Expr, Grammar, Opts, Parsed, Part, Ref, Which};
use super::lexer::Kind;
use super::words::{Unit, Word, is_paper};
use crate::briefing::Season;

impl Grammar<'_> {
    /// "spring 2016", "winter 2015/16", "the winter of 2015–16", "winter 2015"; a bare "in summer"
    /// only after a preposition. "fall" needs a year ("fall 2015") or "last"/"this"/"next".
    pub(super) fn season(&self, i: usize, opts: Opts) -> Option<(Ref, usize)> {
        let (season, fall) = match self.word(i)? {
            Word::Season(s) => (s, false),
            Word::Fall => (Season::Autumn, true),
            _ => return None,
        };
        let stated =
            |year, end| Some((Ref::Season { season, year: Some(year), which: Which::Bare, by_january: false }, end));
        let k = if self.is(i + 1, Word::Of) { i + 2 } else { i + 1 };
        if matches!(self.toks.get(k).map(|t| t.kind), Some(Kind::Cluster)) {
            let (y1, _) = self.year_pair(k)?;
            return stated(y1, k + 1);
        }
        if let Some(y) = self.year4(k, 1000..=2100) {
            // "winter 2015-16": the pair says which winter.
            if self.punct(k + 1) == Some('-')
                && let Some((v, 2 | 4, _)) = self.num(k + 2)
                && (v as i16 == y + 1 || v as i16 == (y + 1) % 100)
            {
                return stated(y, k + 3);
            }
            if season == Season::Winter {
                return Some((Ref::Season { season, year: Some(y - 1), which: Which::Bare, by_january: true }, k + 1));
            }
            return stated(y, k + 1);
        }
        if fall || !opts.strong {
            return None;
        }
        Some((Ref::Season { season, year: None, which: Which::Bare, by_january: false }, i + 1))
    }

    /// "last winter", "this spring", "next summer", "this past winter", "the coming winter" (at "coming").
    pub(super) fn season_which(&self, i: usize) -> Option<(Ref, usize)> {
        let (which, k) = match self.word(i)? {
            Word::Last | Word::Past => (Which::Last, i + 1),
            Word::Next | Word::Coming => (Which::Next, i + 1),
            Word::This if self.is(i + 1, Word::Past) => (Which::Last, i + 2),
            Word::This => (Which::This, i + 1),
            _ => return None,
        };
        let season = match self.word(k)? {
            Word::Season(s) => s,
            Word::Fall => Season::Autumn,
            _ => return None,
        };
        Some((Ref::Season { season, year: None, which, by_january: false }, k + 1))
    }

    /// Words counted from the publication date: "yesterday", "last year", "next Tuesday",
    /// "last March", "earlier this month", "two weeks ago", "last three years".
    pub(super) fn relative(&self, i: usize) -> Option<(Ref, usize)> {
        let day_part = |k: usize| if matches!(self.word(k), Some(Word::DayPart | Word::Night)) { k + 1 } else { k };
        let shift = |days: i32| Some((Ref::Shift { days }, day_part(i + 1)));
        match self.word(i)? {
            Word::Yesterday => shift(-1),
            Word::Today if self.today_ok(i) => shift(0),
            Word::Tomorrow => shift(1),
            Word::Tonight => Some((Ref::Shift { days: 0 }, i + 1)),
            Word::Last if self.is(i + 1, Word::Night) => Some((Ref::Shift { days: -1 }, i + 2)),
            w @ (Word::Last | Word::This | Word::Next) => {
                let (which, offset) = match w {
                    Word::Last => (Which::Last, -1),
                    Word::This => (Which::This, 0),
                    _ => (Which::Next, 1),
                };
                let k = i + 1;
                match (self.word(k)?, self.cap_word(k)) {
                    (Word::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year), false), _) => {
                        Some((Ref::Period { unit, offset, part: Part::Whole }, k + 1))
                    }
                    (_, Some(Word::Weekday(day))) => Some((Ref::Weekday { day, which }, day_part(k + 1))),
                    (_, Some(Word::Month(month))) => {
                        Some((Ref::Month { year: None, month, part: Part::Whole, which }, k + 1))
                    }
                    (Word::Season(_) | Word::Fall | Word::Past, _) => self.season_which(i),
                    _ if which == Which::Last => self.past(k),
                    _ => None,
                }
            }
            Word::Earlier | Word::Later if self.is(i + 1, Word::This) => {
                let part = if self.is(i, Word::Earlier) { Part::SoFar } else { Part::Rest };
                match self.word(i + 2)? {
                    Word::Unit(unit @ (Unit::Week | Unit::Month | Unit::Year), false) => {
                        Some((Ref::Period { unit, offset: 0, part }, i + 3))
                    }
                    _ => None,
                }
            }
            _ => {
                let n = self.count(i)?;
                match (self.word(i + 1)?, self.word(i + 2)?) {
                    (Word::Unit(unit, _), Word::Ago) => {
                        // "ten years ago today": the same day of the calendar.
                        let day = matches!(self.word(i + 3), Some(Word::Today | Word::Tonight));
                        Some((Ref::Ago { n, unit, day }, if day { i + 4 } else { i + 3 }))
                    }
                    (Word::Century, Word::Ago) => Some((Ref::Ago { n, unit: Unit::Century, day: false }, i + 3)),
                    _ => None,
                }
            }
        }
    }

    /// "today" but not "Russia Today", "USA Today", "the Today programme", nor a sentence's
    /// opening "Today" (in analysis that is "nowadays": "Today their presidents describe …").
    fn today_ok(&self, i: usize) -> bool {
        let cap = matches!(self.toks[i].kind, Kind::Word { cap: true, .. });
        let prev_name = i > 0 && matches!(self.toks[i - 1].kind, Kind::Word { cap: true, word: Word::Other });
        !(self.is(i.wrapping_sub(1), Word::The) || cap && (prev_name || self.sentence_start(i)))
    }

    /// After "the past" / "the last": "[three] years", "year", "decade" (a count, or one unit).
    pub(super) fn past(&self, k: usize) -> Option<(Ref, usize)> {
        if let Some(n) = self.count(k)
            && let Some(Word::Unit(unit, _)) = self.word(k + 1)
        {
            return Some((Ref::Past { n, unit }, k + 2));
        }
        match self.word(k)? {
            Word::Unit(unit, false) => Some((Ref::Past { n: 1, unit }, k + 1)),
            _ => None,
        }
    }

    /// After "the next" / "the coming": "five years", "two weeks" (a count is needed: "the next
    /// year" alone is as often the story's following year).
    pub(super) fn ahead(&self, k: usize) -> Option<(Ref, usize)> {
        let n = self.count(k)?;
        match self.word(k + 1)? {
            Word::Unit(unit, _) => Some((Ref::Ahead { n, unit }, k + 2)),
            _ => None,
        }
    }

    /// After "the day": "before yesterday", "after tomorrow".
    pub(super) fn day_around(&self, k: usize) -> Option<(Ref, usize)> {
        match (self.word(k)?, self.word(k + 1)?) {
            (Word::Before, Word::Yesterday) => Some((Ref::Shift { days: -2 }, k + 2)),
            (Word::After, Word::Tomorrow) => Some((Ref::Shift { days: 2 }, k + 2)),
            _ => None,
        }
    }

    /// "Tuesday, 16 May 2016" (the date rules), or a weekday alone: "on Tuesday", "Tuesday's talks".
    pub(super) fn weekday_led(&self, i: usize, opts: Opts) -> Parsed {
        let Some(Word::Weekday(day)) = self.cap_word(i) else { return None };
        let k = if self.punct(i + 1) == Some(',') { i + 2 } else { i + 1 };
        let dated = [self.day_first(k, opts), self.month_first(k, opts)];
        if let Some(found @ (Expr::One(Ref::Day { .. }) | Expr::Range(..), _)) =
            dated.into_iter().flatten().max_by_key(|p| p.1)
        {
            return Some(found);
        }
        if !self.weekday_ok(i) {
            return None;
        }
        let end = if matches!(self.word(i + 1), Some(Word::DayPart | Word::Night)) { i + 2 } else { i + 1 };
        Some((Expr::One(Ref::Weekday { day, which: Which::Bare }), end))
    }

    /// Not "the Sunday Times", "Bloody Sunday", "Super Tuesday".
    fn weekday_ok(&self, i: usize) -> bool {
        let before_name = i > 0 && matches!(self.toks[i - 1].kind, Kind::Word { cap: true, word: Word::Other });
        let paper = matches!(self.toks.get(i + 1).map(|t| t.kind), Some(Kind::Word { cap: true, .. }))
            && is_paper(self.slice(i + 1));
        // "the following Tuesday", "every Sunday": the story's own calendar, or no date at all.
        let narrative =
            matches!(self.slice(i.wrapping_sub(1)), "following" | "previous" | "same" | "every" | "each" | "a");
        !(before_name || paper || narrative || self.is(i.wrapping_sub(1), Word::The))
    }

    /// "for more than five years", "for over a decade", "for five years" (at "for").
    pub(super) fn lasting(&self, i: usize) -> Parsed {
        let mut k = i + 1;
        let mut more = false;
        match self.word(k) {
            Some(Word::More) if self.is(k + 1, Word::Than) => (more, k) = (true, k + 2),
            Some(Word::Over) => (more, k) = (true, k + 1),
            Some(Word::Approx) => k += 1,
            _ => {}
        }
        let n = self.count(k)?;
        match self.word(k + 1)? {
            Word::Unit(unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade), _) => {
                Some((Expr::Lasting { n, unit, more }, k + 2))
            }
            _ => None,
        }
    }
}
