//! Calendar dates as written: days, months, years, decades, centuries, numeric dates.

use super::grammar::{Expr, Grammar, Opts, Parsed, Part, Ref, Which};
use super::lexer::{Kind, Suffix};
use super::words::Word;

/// Years a bare four-digit number can be without a preposition ("the 2014 war", "2014's").
const WEAK_YEARS: std::ops::RangeInclusive<u32> = 1900..=2100;
/// Years a number can be after "in", "since", a month or a day ("in 1812", "May 1945").
const STRONG_YEARS: std::ops::RangeInclusive<u32> = 1000..=2100;
/// Longest span a year range may cover ("2013-2015"); wider pairs are not ranges of years.
const MAX_YEAR_RANGE: i16 = 100;

impl Grammar<'_> {
    /// A day number 1–31 at `i` ("16", "16th").
    pub(super) fn day_num(&self, i: usize) -> Option<i8> {
        match self.num(i)? {
            (d @ 1..=31, 1..=2, Suffix::None | Suffix::Ordinal) => Some(d as i8),
            _ => None,
        }
    }

    /// A capitalised month name at `i` (a short form only when `abbr`); its month and end.
    pub(super) fn month_name(&self, i: usize, abbr: bool) -> Option<(i8, usize)> {
        match self.cap_word(i)? {
            Word::Month(m) => Some((m, i + 1)),
            Word::MonthAbbr(m) if abbr => {
                let dot = self.punct(i + 1) == Some('.') && self.joined(i + 1);
                Some((m, if dot { i + 2 } else { i + 1 }))
            }
            _ => None,
        }
    }

    /// A four-digit year at `i` in `range`, unless a unit or a count follows ("2014 km").
    pub(super) fn year4(&self, i: usize, range: std::ops::RangeInclusive<u32>) -> Option<i16> {
        match self.num(i)? {
            (y, 4, Suffix::None) if range.contains(&y) && !self.quantity_after(i + 1) => Some(y as i16),
            _ => None,
        }
    }

    /// An optional year after a day and month: " 2016", ", 2016".
    fn year_after(&self, k: usize) -> (Option<i16>, usize) {
        if let Some(y) = self.year4(k, STRONG_YEARS) {
            return (Some(y), k + 1);
        }
        if self.punct(k) == Some(',')
            && let Some(y) = self.year4(k + 1, STRONG_YEARS)
        {
            return (Some(y), k + 2);
        }
        (None, k)
    }

    /// "16 May [2016]", "16th of May", "14-20 September 2017", "3 and 4 April".
    pub(super) fn day_first(&self, i: usize, opts: Opts) -> Parsed {
        let d1 = self.day_num(i)?;
        let month_at = |k: usize| {
            let k = if self.is(k, Word::Of) { k + 1 } else { k };
            let (m, k) = self.month_name(k, true)?;
            let (y, k) = self.year_after(k);
            Some((m, y, k))
        };
        if let Some((month, year, end)) = month_at(i + 1) {
            return Some((Expr::One(Ref::Day { year, month, day: d1 }), end));
        }
        let is_and = self.is(i + 1, Word::And);
        let sep = self.punct(i + 1) == Some('-') || matches!(self.word(i + 1), Some(Word::To | Word::Until)) || is_and;
        let d2 = self.day_num(i + 2).filter(|&d2| sep && d2 > d1)?;
        let (month, year, end) = month_at(i + 3)?;
        if is_and && !opts.between && d2 != d1 + 1 {
            // "on 16 and 18 May": two days; this one ends here, the next is read on its own.
            return Some((Expr::One(Ref::Day { year, month, day: d1 }), i + 1));
        }
        Some((Expr::Range(Ref::Day { year, month, day: d1 }, Ref::Day { year, month, day: d2 }), end))
    }

    /// "September 14", "Sept. 14, 2017", "September 14-20, 2017", "May 2016", "May of 2016", "in May".
    pub(super) fn month_first(&self, i: usize, opts: Opts) -> Parsed {
        let (month, k) = self.month_name(i, true)?;
        let full = matches!(self.word(i), Some(Word::Month(_)));
        let one = |r: Ref, end: usize| Some((Expr::One(r), end));
        if let Some(d1) = self.day_num(k).filter(|_| !self.quantity_after(k + 1)) {
            let ranged = self.punct(k + 1) == Some('-') || self.is(k + 1, Word::To);
            // "May 16 and 17" is a range of two days; "May 16 and 18" leaves the 18th alone.
            let pair = self.is(k + 1, Word::And) && (opts.between || self.day_num(k + 2) == Some(d1 + 1));
            if let Some(d2) = self.day_num(k + 2).filter(|&d2| (ranged || pair) && d2 > d1) {
                let (year, end) = self.year_after(k + 3);
                let (a, b) = (Ref::Day { year, month, day: d1 }, Ref::Day { year, month, day: d2 });
                return Some((Expr::Range(a, b), end));
            }
            let (year, end) = self.year_after(k + 1);
            return one(Ref::Day { year, month, day: d1 }, end);
        }
        let whole = |year| Ref::Month { year, month, part: Part::Whole, which: Which::Bare };
        if let Some(y) = self.year4(k, STRONG_YEARS) {
            return one(whole(Some(y)), k + 1);
        }
        if self.is(k, Word::Of)
            && let Some(y) = self.year4(k + 1, STRONG_YEARS)
        {
            return one(whole(Some(y)), k + 2);
        }
        if full && opts.strong && self.bare_month_ok(i, month) {
            return one(whole(None), k);
        }
        None
    }

    /// "May" alone after "since", "after", "by" is too often Theresa May ("after May said"):
    /// then only punctuation or a date word may follow.
    fn bare_month_ok(&self, i: usize, month: i8) -> bool {
        if month != 5 || self.toks[i].gap != super::lexer::Gap::Space {
            return true;
        }
        if matches!(self.word(i.wrapping_sub(1)), Some(Word::In | Word::During | Word::Of | Word::Between)) {
            return true;
        }
        match self.toks.get(i + 1).map(|t| t.kind) {
            None | Some(Kind::Punct(_)) | Some(Kind::Num { .. }) => true,
            Some(Kind::Word { word, .. }) => {
                matches!(word, Word::And | Word::Or | Word::To | Word::Until | Word::Of | Word::In | Word::The)
            }
            Some(Kind::Cluster) => false,
        }
    }

    /// ISO "2016-05-16", and numeric dates that can only be read one way: "25/03/2017" (day
    /// above 12), "05/05/2016", "16.05.2016" (dots are day-first), "2016/05/16".
    pub(super) fn numeric(&self, i: usize) -> Parsed {
        let day = |y: u32, m: u32, d: u32| {
            let (y, m, d) = (i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(d).ok()?);
            jiff::civil::Date::new(y, m, d).ok()?;
            Some(Ref::Day { year: Some(y), month: m, day: d })
        };
        if let (
            Some((y, 4, Suffix::None)),
            Some('-'),
            Some((m, 2, Suffix::None)),
            Some('-'),
            Some((d, 2, Suffix::None)),
        ) = (self.num(i), self.punct(i + 1), self.num(i + 2), self.punct(i + 3), self.num(i + 4))
            && (1..=4).all(|k| self.joined(i + k))
            && STRONG_YEARS.contains(&y)
        {
            return day(y, m, d).map(|r| (Expr::One(r), i + 5));
        }
        if !matches!(self.toks.get(i)?.kind, Kind::Cluster) {
            return None;
        }
        let text = self.slice(i);
        let sep = if text.contains('/') { '/' } else { '.' };
        let parts: Vec<&str> = text.split(sep).collect();
        let nums: Vec<u32> = parts.iter().map_while(|p| p.parse().ok()).collect();
        if nums.len() != 3 || parts.len() != 3 {
            return None;
        }
        let (a, b, c) = (nums[0], nums[1], nums[2]);
        let r = match (parts[0].len(), parts[2].len(), sep) {
            (4, 1..=2, _) if STRONG_YEARS.contains(&a) => day(a, b, c),
            (1..=2, 4, '.') => day(c, b, a),
            (1..=2, 4, _) if a > 12 && b <= 12 => day(c, b, a),
            (1..=2, 4, _) if b > 12 && a <= 12 => day(c, a, b),
            (1..=2, 4, _) if a == b => day(c, a, b),
            _ => None,
        }?;
        Some((Expr::One(r), i + 1))
    }

    /// "2013-2015", "2013–15", "2013 to 2015", "2015/16"; "2014–present" is since 2014.
    pub(super) fn year_range(&self, i: usize, opts: Opts) -> Parsed {
        if matches!(self.toks.get(i)?.kind, Kind::Cluster) {
            let (y1, y2) = self.year_pair(i)?;
            return Some((
                Expr::Range(Ref::Year { year: y1, part: Part::Whole }, Ref::Year { year: y2, part: Part::Whole }),
                i + 1,
            ));
        }
        let range = if opts.strong && !opts.listed { STRONG_YEARS } else { WEAK_YEARS };
        let y1 = self.year4(i, range.clone())?;
        let dash = self.punct(i + 1) == Some('-');
        if !(dash || opts.strong && matches!(self.word(i + 1), Some(Word::To | Word::Until))) {
            return None;
        }
        if i > 0 && matches!(self.word(i - 1), Some(Word::Label | Word::Approx)) {
            return None;
        }
        if dash && self.slice(i + 2) == "present" {
            return Some((Expr::Since(Ref::Year { year: y1, part: Part::Whole }), i + 3));
        }
        let y2 = match self.num(i + 2)? {
            (v, 4, Suffix::None) if range.contains(&v) => v as i16,
            (v, 2, Suffix::None) if dash && self.joined(i + 1) && self.joined(i + 2) => y1 - y1 % 100 + v as i16,
            _ => return None,
        };
        if y2 <= y1 || y2 - y1 > MAX_YEAR_RANGE || self.quantity_after(i + 3) {
            return None;
        }
        let (a, b) = (Ref::Year { year: y1, part: Part::Whole }, Ref::Year { year: y2, part: Part::Whole });
        Some((Expr::Range(a, b), i + 3))
    }

    /// A "2015/16" or "2015/2016" cluster: two consecutive years.
    pub(super) fn year_pair(&self, i: usize) -> Option<(i16, i16)> {
        let (a, b) = self.slice(i).split_once('/')?;
        let y1: i16 = a.parse().ok().filter(|_| a.len() == 4)?;
        let y2: i16 = match b.len() {
            2 => y1 - y1 % 100 + b.parse::<i16>().ok()?,
            4 => b.parse().ok()?,
            _ => return None,
        };
        (y2 == y1 + 1 && STRONG_YEARS.contains(&(y1 as u32))).then_some((y1, y2))
    }

    /// A year on its own: after a preposition, or where only a year fits ("2014's", "the 2014
    /// war", "2014, the year …" at a sentence start).
    pub(super) fn year(&self, i: usize, opts: Opts) -> Option<(Ref, usize)> {
        if i > 0 && matches!(self.word(i - 1), Some(Word::Label | Word::Approx)) {
            return None;
        }
        let strong = opts.strong || self.is(i.wrapping_sub(1), Word::Of);
        let year = self.year4(i, if strong && !opts.listed { STRONG_YEARS } else { WEAK_YEARS })?;
        let r = (Ref::Year { year, part: Part::Whole }, i + 1);
        if strong || self.year_context(i) {
            return Some(r);
        }
        None
    }

    fn year_context(&self, i: usize) -> bool {
        let possessive = self.punct(i + 1) == Some('\'') && self.joined(i + 1) && self.slice(i + 2) == "s";
        let named = self.is(i.wrapping_sub(1), Word::Unit(super::words::Unit::Year, false));
        let noun_after = |k: usize| {
            matches!(self.toks.get(k).map(|t| t.kind), Some(Kind::Word { .. }))
                && !self.quantity_after(k)
                && !self.quantity_after(k + 1)
        };
        let before = i.checked_sub(1).and_then(|p| self.word(p));
        let determiner = matches!(before, Some(Word::The | Word::Determiner | Word::Count(1)))
            || (i >= 2 && self.slice(i - 1) == "s" && self.punct(i - 2) == Some('\''));
        let starts = self.sentence_start(i)
            && (self.punct(i + 1) == Some(',')
                || matches!(self.toks.get(i + 1).map(|t| t.kind), Some(Kind::Word { cap: false, .. })));
        possessive || named || (determiner && noun_after(i + 1)) || (starts && !self.quantity_after(i + 1))
    }

    /// "the 1990s", "1990s", "'90s" (no "the" needed: the plural can only be a decade).
    pub(super) fn decade(&self, i: usize) -> Option<(Ref, usize)> {
        if let Some((v, 4, Suffix::Plural)) = self.num(i)
            && v % 10 == 0
            && STRONG_YEARS.contains(&v)
        {
            return Some((Ref::Decade { start: v as i16, part: Part::Whole }, i + 1));
        }
        if self.punct(i) == Some('\'')
            && let Some((v, 2, Suffix::Plural)) = self.num(i + 1)
            && self.joined(i + 1)
            && v % 10 == 0
        {
            let start = if v >= 30 { 1900 + v } else { 2000 + v };
            return Some((Ref::Decade { start: start as i16, part: Part::Whole }, i + 2));
        }
        None
    }

    /// "the 20th century", "the 21st century".
    fn century(&self, i: usize) -> Option<(Ref, usize)> {
        match (self.num(i)?, self.word(i + 1)?) {
            ((n @ 1..=21, 1..=2, Suffix::Ordinal), Word::Century) => {
                Some((Ref::Century { start: (n as i16 - 1) * 100, part: Part::Whole }, i + 2))
            }
            _ => None,
        }
    }

    /// "early May", "mid-2015", "late 2015", "the early 2010s" (after "the"), "early next year".
    pub(super) fn part_led(&self, i: usize) -> Option<(Ref, usize)> {
        let hyphen = self.punct(i + 1) == Some('-') && self.joined(i + 1);
        let part = match self.word(i)? {
            Word::Early => Part::Early,
            Word::Mid => Part::Mid,
            Word::Late => Part::Late,
            // "by end-2015", "end-May": the financial press's short form.
            Word::End if hyphen => Part::End,
            _ => return None,
        };
        self.part_of(if hyphen { i + 2 } else { i + 1 }, part)
    }

    /// What a part ("early", "the end of") applies to, at `k`.
    fn part_of(&self, k: usize, part: Part) -> Option<(Ref, usize)> {
        let with = |r: Ref| match r {
            Ref::Month { year, month, which, .. } => Some(Ref::Month { year, month, part, which }),
            Ref::Year { year, .. } => Some(Ref::Year { year, part }),
            Ref::Decade { start, .. } => Some(Ref::Decade { start, part }),
            Ref::Century { start, .. } => Some(Ref::Century { start, part }),
            Ref::Period { unit, offset, .. } => Some(Ref::Period { unit, offset, part }),
            _ => None,
        };
        let strong = Opts::STRONG;
        let tries = [
            self.month_first(k, strong).and_then(|(e, end)| match e {
                Expr::One(r @ Ref::Month { .. }) => Some((r, end)),
                _ => None,
            }),
            self.year(k, strong),
            self.decade(k),
            self.century(k),
            self.the_led(k, Opts::default())
                .filter(|(r, _)| matches!(r, Ref::Decade { .. } | Ref::Century { .. } | Ref::Period { .. })),
            self.relative(k).filter(|(r, _)| matches!(r, Ref::Period { part: Part::Whole, .. } | Ref::Month { .. })),
        ];
        let (r, end) = tries.into_iter().flatten().max_by_key(|&(_, end)| end)?;
        Some((with(r)?, end))
    }

    /// Patterns that open with "the": decades, centuries, "the end of …", halves and quarters,
    /// "the past three years", "the summer of 2014", "the 14th of September".
    pub(super) fn the_led(&self, i: usize, opts: Opts) -> Option<(Ref, usize)> {
        if !self.is(i, Word::The) {
            return None;
        }
        let k = i + 1;
        let of_part = |part: Part, at: usize| {
            if !self.is(at, Word::Of) {
                return None;
            }
            self.the_period(at + 1).map(|(r, e)| (set_part(r, part), e)).or_else(|| self.part_of(at + 1, part))
        };
        let found = match self.word(k) {
            Some(Word::Early | Word::Mid | Word::Late) => self.part_led(k),
            Some(Word::Beginning) => of_part(Part::Start, k + 1),
            Some(Word::Middle) => of_part(Part::Mid, k + 1),
            Some(Word::End) => of_part(Part::End, k + 1),
            Some(Word::Ordinal(n @ 1..=2)) if self.is(k + 1, Word::Half) => of_part(Part::Half(n), k + 2),
            Some(Word::Ordinal(n)) if self.is(k + 1, Word::Quarter) => of_part(Part::Quarter(n), k + 2),
            Some(Word::Past | Word::Last) => self.past(k + 1).or_else(|| self.season_which(k)),
            Some(Word::Next | Word::Coming) => self.ahead(k + 1).or_else(|| self.season_which(k)),
            Some(Word::Season(_)) => self.season(k, Opts::STRONG).filter(|_| {
                // "spent the summer", "the summer of 2014"; not "the Prague Spring".
                opts.strong || self.is(k + 1, Word::Of) || matches!(self.toks[k].kind, Kind::Word { cap: false, .. })
            }),
            Some(Word::Unit(super::words::Unit::Day, false)) => self.day_around(k + 1),
            _ => None,
        };
        let found = found.or_else(|| self.decade(k)).or_else(|| self.century(k));
        if found.is_some() {
            return found;
        }
        // "the 14th of September [2017]".
        if let Some((d @ 1..=31, 1..=2, Suffix::Ordinal)) = self.num(k)
            && self.is(k + 1, Word::Of)
            && let Some((month, e)) = self.month_name(k + 2, true)
        {
            let (year, e) = self.year_after(e);
            return Some((Ref::Day { year, month, day: d as i8 }, e));
        }
        None
    }

    /// "the year", "the month", "the week", "the decade" after "the end of": the current one.
    fn the_period(&self, k: usize) -> Option<(Ref, usize)> {
        if !self.is(k, Word::The) {
            return None;
        }
        match self.word(k + 1)? {
            Word::Unit(
                unit @ (super::words::Unit::Year | super::words::Unit::Month | super::words::Unit::Week),
                false,
            ) => Some((Ref::Period { unit, offset: 0, part: Part::Whole }, k + 2)),
            _ => None,
        }
    }
}

/// The same reference with the named part.
fn set_part(r: Ref, part: Part) -> Ref {
    match r {
        Ref::Month { year, month, which, .. } => Ref::Month { year, month, part, which },
        Ref::Year { year, .. } => Ref::Year { year, part },
        Ref::Decade { start, .. } => Ref::Decade { start, part },
        Ref::Century { start, .. } => Ref::Century { start, part },
        Ref::Period { unit, offset, .. } => Ref::Period { unit, offset, part },
        other => other,
    }
}
