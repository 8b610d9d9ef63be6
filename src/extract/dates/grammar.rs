//! The date grammar: what a run of tokens says, before the publication date fills in what it leaves open.
//!
//! Every pattern is plain code over the token list, tried at each token; the longest match that
//! starts there wins, so "from 14 to 20 September 2017" is one range, not three dates.

use jiff::civil::Weekday;

use super::calendar;
use super::lexer::{Gap, Kind, Suffix, Tok};
use super::words::{Unit, Word};
use crate::briefing::Season;

/// Which occurrence a relative word picks: "last winter", "this spring", "next Tuesday".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Which {
    /// No word: the reader's occurrence (the most recent, or the coming one in a future sentence).
    Bare,
    Last,
    This,
    Next,
}

/// The part of a period the text names: "early May", "the end of the year", "earlier this month".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Part {
    Whole,
    Early,
    Mid,
    Late,
    /// "the beginning of", "the start of".
    Start,
    End,
    /// The first or second half.
    Half(u8),
    /// Quarter 1–4.
    Quarter(u8),
    /// "earlier this month": from the period's start to the publication date.
    SoFar,
    /// "later this year": from the publication date to the period's end.
    Rest,
}

/// One time reference as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ref {
    /// "16 May", "September 14, 2017".
    Day { year: Option<i16>, month: i8, day: i8 },
    /// "May 2016", "early May", "last March".
    Month { year: Option<i16>, month: i8, part: Part, which: Which },
    /// "2014", "late 2015".
    Year { year: i16, part: Part },
    /// "the 1990s", "the early 2010s".
    Decade { start: i16, part: Part },
    /// "the 20th century" (popular reckoning: 1900–1999).
    Century { start: i16, part: Part },
    /// "last winter", "spring 2016"; `year` is the year the season starts in. `by_january` marks
    /// "winter 2015" read as the winter that holds January 2015.
    Season { season: Season, year: Option<i16>, which: Which, by_january: bool },
    /// "on Tuesday", "next Tuesday".
    Weekday { day: Weekday, which: Which },
    /// "yesterday" (-1), "today" (0), "tomorrow" (+1).
    Shift { days: i32 },
    /// "last year" (offset -1), "this month", "early next year", "earlier this week".
    Period { unit: Unit, offset: i32, part: Part },
    /// "two weeks ago"; `day` for "ten years ago today".
    Ago { n: u32, unit: Unit, day: bool },
    /// "the past three years": up to the publication date.
    Past { n: u32, unit: Unit },
    /// "the next five years": from the publication date on.
    Ahead { n: u32, unit: Unit },
}

/// A whole date expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Expr {
    One(Ref),
    /// "2013-2015", "between April and June", "from March to May 2016".
    Range(Ref, Ref),
    /// "since 2014": open end.
    Since(Ref),
    /// "until 2020", "until the end of the year": like a deadline ahead of the writing (from the
    /// publication date), otherwise an open start ("until 1945").
    Until(Ref),
    /// "by 1 December", "no later than 2020": a deadline; ahead of the writing it runs from the
    /// publication date to the deadline, otherwise it has an open start.
    By(Ref),
    /// "for more than five years" (with `more`), "for five years": up to the publication date.
    Lasting {
        n: u32,
        unit: Unit,
        more: bool,
    },
}

/// A date expression found in the token list: tokens `first..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Match {
    pub first: usize,
    pub end: usize,
    pub expr: Expr,
}

/// How a pattern may read a bare month, year or season.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Opts {
    /// A preposition ("in", "since") or a list of dates before it makes "May" or "2014" a date.
    pub strong: bool,
    /// Inside "between … and …": "and" joins any two dates into a range.
    pub between: bool,
    /// Strong only as the next item of a list ("in 2014, 2015"): years stay modern, so "in
    /// 2014, 1500 of them" is not the year 1500.
    pub listed: bool,
}

impl Opts {
    /// After a preposition.
    pub(super) const STRONG: Self = Self { strong: true, between: false, listed: false };
}

/// The token list and the text it points into.
pub(super) struct Grammar<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
}

/// A parse: what was read and the index of the token after it.
pub(super) type Parsed = Option<(Expr, usize)>;

impl<'a> Grammar<'a> {
    /// The longest date expression starting at token `i`; `prev_end` is where the previous one ended.
    pub(super) fn at(&self, i: usize, prev_end: Option<usize>) -> Option<Match> {
        let tok = self.toks.get(i)?;
        if matches!(tok.kind, Kind::Num { .. } | Kind::Cluster) && self.glued_to_label(i) {
            return None;
        }
        let strong = Opts::STRONG;
        let led = |e: Parsed, first: usize, wrap: fn(Ref) -> Expr| {
            e.and_then(|(expr, end)| match expr {
                Expr::One(r) => Some(Match { first, end, expr: wrap(r) }),
                _ => None,
            })
        };
        let plain = |e: Parsed, first: usize| e.map(|(expr, end)| Match { first, end, expr });
        // Where a preposition is not part of the date's meaning ("from 2014" alone, "scheduled
        // for June", "the protests of April"), the text starts after it.
        let after = |e: Parsed| e.map(|(expr, end)| Match { first: i + 1, end, expr });
        // "before 2014" and "after the war" name the date they are measured from; that date is
        // what a reader marks (and what they are read as).
        let found = match self.word(i) {
            Some(Word::Since) => led(self.core(i + 1, strong).or_else(|| self.the_year_event(i + 1)), i, Expr::Since),
            Some(Word::Until) => led(self.core(i + 1, strong), i, Expr::Until),
            Some(Word::By) => led(self.core(i + 1, strong), i, Expr::By),
            // "from 1 September" is a start; "from 2014" alone is as often "a report from 2014",
            // so a year is just the year unless "onwards" or "to the present" follows.
            Some(Word::From) => self.core(i + 1, strong).map(|(expr, end)| match expr {
                Expr::One(r) if let Some(end) = self.up_to_now(end) => Match { first: i, end, expr: Expr::Since(r) },
                Expr::One(r @ (Ref::Year { .. } | Ref::Decade { .. } | Ref::Century { .. })) => {
                    Match { first: i + 1, end, expr: Expr::One(r) }
                }
                Expr::One(r) => Match { first: i, end, expr: Expr::Since(r) },
                _ => Match { first: i, end, expr },
            }),
            Some(Word::Later) if self.is(i + 1, Word::Than) => {
                let first = if matches!(self.slice(i.wrapping_sub(1)), "no" | "No" | "not") { i - 1 } else { i };
                led(self.core(i + 2, strong), first, Expr::By)
            }
            Some(Word::Between) => plain(self.core(i + 1, Opts { between: true, ..Opts::STRONG }), i)
                .filter(|m| matches!(m.expr, Expr::Range(..))),
            Some(Word::In | Word::During | Word::Over) => plain(self.core(i + 1, strong), i),
            Some(Word::On | Word::At | Word::Within) => plain(self.core(i + 1, Opts::default()), i),
            // "before the end of the month" is a deadline; "before next year" names next year.
            Some(Word::Before) if self.is(i + 1, Word::The) && self.is(i + 2, Word::End) => {
                led(self.core(i + 1, strong), i, Expr::By)
            }
            Some(Word::Of | Word::Before | Word::After) => after(self.core(i + 1, strong)),
            // "for five years" and "for the past five years" are durations and keep their "for".
            Some(Word::For) => plain(self.lasting(i), i).or_else(|| {
                self.core(i + 1, strong).map(|(expr, end)| {
                    let first = if matches!(expr, Expr::One(Ref::Past { .. })) { i } else { i + 1 };
                    Match { first, end, expr }
                })
            }),
            _ => None,
        };
        found.or_else(|| {
            let list = self.continues_list(i, prev_end);
            plain(self.core(i, Opts { strong: list, listed: list, between: false }), i)
        })
    }

    /// "the 2008 war" after "since": the year of a named event, with its noun.
    fn the_year_event(&self, k: usize) -> Parsed {
        if !self.is(k, Word::The)
            || !matches!(self.toks.get(k + 2).map(|t| t.kind), Some(Kind::Word { cap: false, .. }))
        {
            return None;
        }
        let (r, _) = self.year(k + 1, Opts::default())?;
        Some((Expr::One(r), k + 3))
    }

    /// The end of "from 2014 onwards", "from 2014 to the present", "… to date", "… until now".
    fn up_to_now(&self, k: usize) -> Option<usize> {
        if self.is(k, Word::Onward) {
            return Some(k + 1);
        }
        if !matches!(self.word(k), Some(Word::To | Word::Until)) {
            return None;
        }
        match (self.slice(k + 1), self.slice(k + 2)) {
            ("date" | "now", _) => Some(k + 2),
            ("the", "present") => Some(k + 3),
            _ => None,
        }
    }

    /// "April, May and June": a bare month or year right after another date and "and", "or" or a comma.
    fn continues_list(&self, i: usize, prev_end: Option<usize>) -> bool {
        i >= 1
            && prev_end == Some(i - 1)
            && (matches!(self.word(i - 1), Some(Word::And | Word::Or)) || self.punct(i - 1) == Some(','))
    }

    /// A number glued to what precedes it is a label or a quantity: "Su-27", "S-400", "$2014", "No.5".
    fn glued_to_label(&self, i: usize) -> bool {
        if i == 0 || self.toks[i].gap != Gap::Joined {
            return false;
        }
        match self.toks[i - 1].kind {
            Kind::Word { .. } | Kind::Num { .. } | Kind::Cluster => true,
            Kind::Punct(c) => {
                matches!(c, '-' | '.' | ',' | '/' | ':' | '+' | '$' | '€' | '£' | '#' | '№' | '%')
                    && !(c == '-' && i >= 2 && self.is(i - 2, Word::Mid))
            }
        }
    }

    /// A date at `i`, and a range when another date follows after a dash, "to" or "and".
    pub(super) fn core(&self, i: usize, opts: Opts) -> Parsed {
        let mut best = self.single(i, opts);
        if let Some((Expr::One(a), j)) = best {
            let (sep, is_and) = match (self.punct(j), self.word(j)) {
                (Some('-'), _) => (true, false),
                (_, Some(Word::To | Word::Until)) => (true, false),
                (_, Some(Word::And)) => (true, true),
                _ => (false, false),
            };
            if sep && let Some((Expr::One(b), k)) = self.single(j + 1, Opts::STRONG) {
                let must_touch = is_and && !opts.between;
                if let Some(range) = join(a, b, must_touch) {
                    best = Some((range, k));
                }
            }
        }
        best
    }

    /// The longest single reference (or an intra-month day range) at `i`.
    fn single(&self, i: usize, opts: Opts) -> Parsed {
        let tries = [
            self.day_first(i, opts),
            self.month_first(i, opts),
            self.numeric(i),
            self.year_range(i, opts),
            self.year(i, opts).map(|(r, e)| (Expr::One(r), e)),
            self.decade(i).map(|(r, e)| (Expr::One(r), e)),
            self.part_led(i).map(|(r, e)| (Expr::One(r), e)),
            self.the_led(i, opts).map(|(r, e)| (Expr::One(r), e)),
            self.season(i, opts).map(|(r, e)| (Expr::One(r), e)),
            self.relative(i).map(|(r, e)| (Expr::One(r), e)),
            self.weekday_led(i, opts),
        ];
        tries.into_iter().flatten().max_by_key(|&(_, end)| end)
    }

    // ---- token helpers --------------------------------------------------------------------

    pub(super) fn word(&self, i: usize) -> Option<Word> {
        match self.toks.get(i)?.kind {
            Kind::Word { word, .. } => Some(word),
            _ => None,
        }
    }

    /// The word at `i` if it starts with a capital (month and weekday names must).
    pub(super) fn cap_word(&self, i: usize) -> Option<Word> {
        match self.toks.get(i)?.kind {
            Kind::Word { word, cap: true } => Some(word),
            _ => None,
        }
    }

    pub(super) fn is(&self, i: usize, w: Word) -> bool {
        self.word(i) == Some(w)
    }

    pub(super) fn punct(&self, i: usize) -> Option<char> {
        match self.toks.get(i)?.kind {
            Kind::Punct(c) => Some(c),
            _ => None,
        }
    }

    /// A digit run at `i`: value, digit count, suffix.
    pub(super) fn num(&self, i: usize) -> Option<(u32, u8, Suffix)> {
        match self.toks.get(i)?.kind {
            Kind::Num { value, digits, suffix } => Some((value, digits, suffix)),
            _ => None,
        }
    }

    pub(super) fn joined(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.gap == Gap::Joined)
    }

    pub(super) fn slice(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start..t.end])
    }

    /// Whether token `i` opens a sentence (or a line).
    pub(super) fn sentence_start(&self, i: usize) -> bool {
        let Some(tok) = self.toks.get(i) else { return false };
        i == 0
            || tok.gap == Gap::Break
            || matches!(self.punct(i - 1), Some('.' | '!' | '?' | ':' | ';' | '"' | '“' | '(' | '—'))
    }

    /// A count at `i`: a number word ("five", "a") or a small plain number ("5").
    pub(super) fn count(&self, i: usize) -> Option<u32> {
        match (self.word(i), self.num(i)) {
            (Some(Word::Count(n)), _) => Some(n),
            (_, Some((n, 1..=3, Suffix::None))) if n > 0 => Some(n),
            _ => None,
        }
    }

    /// Whether the token at `i` makes the number before it a quantity: "km", "troops", "%".
    pub(super) fn quantity_after(&self, i: usize) -> bool {
        match self.toks.get(i).map(|t| (t.kind, t.gap)) {
            // "2000 troops", "500 km", "1000 days".
            Some((Kind::Word { word: Word::Measure | Word::Counted | Word::Unit(..), .. }, _)) => true,
            Some((Kind::Punct('%'), Gap::Joined)) => true,
            // "2014-strong", "500-km": a hyphenated measure.
            Some((Kind::Punct('-'), Gap::Joined)) => {
                matches!(self.word(i + 1), Some(Word::Measure | Word::Counted | Word::Unit(..)))
            }
            _ => false,
        }
    }
}

/// Joins two references into a range, filling a missing year from the other side ("from March
/// to May 2016"). With `must_touch` (a plain "and"), only when the second starts where the first
/// ends: "April and early May" is one span, "2008 and 2014" are two dates.
fn join(a: Ref, b: Ref, must_touch: bool) -> Option<Expr> {
    let (a, b) = calendar::fill_years(a, b);
    if must_touch && !calendar::touches(&a, &b) {
        return None;
    }
    Some(Expr::Range(a, b))
}
