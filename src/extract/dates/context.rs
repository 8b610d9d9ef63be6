//! What the sentence around a date says about it: is it about the future, is it still going on.

use super::grammar::{Grammar, Match};
use super::lexer::Gap;
use super::words::{Cue, Word};

/// How many tokens away a tense word may be and still decide a date's tense ("will meet on
/// Tuesday"); farther words usually belong to another clause.
const CUE_REACH: usize = 20;

/// How many tokens away "has"/"have" may be for "for five years" to run up to the writing.
const PERFECT_REACH: usize = 15;

/// How far before a deadline ("had left by", "would be home by") a tense word governs it.
const DEADLINE_BEFORE: usize = 3;
/// How far after a deadline the clause's verb may come ("By Thursday afternoon the field
/// kitchen at Vaziani, a former Soviet base 20 kilometers east of Tbilisi, smelled …").
const DEADLINE_AFTER: usize = 25;

/// Whether the sentence is plainly about the future at this date: the nearest tense word is
/// "will", "is due", "scheduled", "next"…
pub(super) fn looks_ahead(g: &Grammar, m: &Match) -> bool {
    nearest_cue(g, m, CUE_REACH) == Some(Cue::Future)
}

/// The tense that governs a deadline ("by 1 December"): the verb right before it ("had left
/// by", "would be home by"), else the clause's verb after it ("By Thursday afternoon the field
/// kitchen … smelled"); `None` when there is none, which reads as ahead of the writing.
pub(super) fn deadline_tense(g: &Grammar, m: &Match) -> Option<Cue> {
    let before = scan_back(g, m.first, DEADLINE_BEFORE).find_map(|k| cue(g, k));
    before.or_else(|| scan_on(g, m.end, DEADLINE_AFTER).find_map(|k| cue(g, k)))
}

/// Whether "for five years" runs up to the writing: a present perfect ("have worked") nearby.
pub(super) fn ongoing(g: &Grammar, m: &Match) -> bool {
    let cues = |k: usize| g.word(k) == Some(Word::Cue(Cue::Perfect));
    scan_back(g, m.first, PERFECT_REACH).any(cues) || scan_on(g, m.end, PERFECT_REACH).any(cues)
}

/// The tense of the nearest tense word before the match in its sentence (English puts the verb
/// before the time: "will hold … from 14 to 20 September, the ministry said"), else the nearest
/// after it ("On Tuesday, the ministers will meet"), within `reach` tokens.
fn nearest_cue(g: &Grammar, m: &Match, reach: usize) -> Option<Cue> {
    scan_back(g, m.first, reach).find_map(|k| cue(g, k)).or_else(|| scan_on(g, m.end, reach).find_map(|k| cue(g, k)))
}

/// How far back a future auxiliary still governs a participle: "will be held", "is due to be signed".
const AUXILIARY_REACH: usize = 3;

fn cue(g: &Grammar, k: usize) -> Option<Cue> {
    match g.word(k)? {
        Word::Cue(Cue::Past | Cue::Perfect) | Word::Ed
            if (1..=AUXILIARY_REACH).any(|b| k >= b && future_word(g, k - b)) =>
        {
            Some(Cue::Future)
        }
        Word::Cue(Cue::Perfect) => Some(Cue::Past),
        // "smelled like", "published a": a verb; "motorised rifles": an adjective, no tense.
        Word::Ed => verb_follows(g, k + 1).then_some(Cue::Past),
        Word::Cue(c) => Some(c),
        Word::Next | Word::Coming => Some(Cue::Future),
        Word::Ago | Word::Yesterday => Some(Cue::Past),
        _ if future_word(g, k) => Some(Cue::Future),
        _ => None,
    }
}

/// "will", "due", "scheduled"…, and the "to" of "is to be issued", "are to meet".
fn future_word(g: &Grammar, k: usize) -> bool {
    match g.word(k) {
        Some(Word::Cue(Cue::Future)) => true,
        Some(Word::To) => k > 0 && matches!(g.slice(k - 1), "is" | "are"),
        _ => false,
    }
}

/// Whether token `k` is what follows a verb rather than an adjective: a function word or punctuation.
fn verb_follows(g: &Grammar, k: usize) -> bool {
    match g.word(k) {
        None => true,
        Some(w) => {
            matches!(
                w,
                Word::The | Word::Determiner | Word::Count(1) | Word::On | Word::In | Word::At | Word::By | Word::For
            ) || matches!(w, Word::From | Word::To | Word::Of | Word::Over | Word::Until | Word::Since | Word::And)
                || matches!(
                    g.slice(k),
                    "like" | "with" | "into" | "up" | "down" | "out" | "off" | "back" | "it" | "them" | "him"
                )
        }
    }
}

/// Tokens before `first`, nearest first; stops at the sentence start.
fn scan_back<'g>(g: &'g Grammar, first: usize, reach: usize) -> impl Iterator<Item = usize> + 'g {
    let mut k = first;
    let mut done = false;
    std::iter::from_fn(move || {
        if done || k == 0 || first - k >= reach {
            return None;
        }
        // A line break before token `k` ends the sentence there.
        if g.toks[k].gap == Gap::Break {
            return None;
        }
        k -= 1;
        if ends_sentence(g, k) {
            done = true;
            return None;
        }
        Some(k)
    })
}

/// Tokens from `end` on, nearest first; stops at the sentence end.
fn scan_on<'g>(g: &'g Grammar, end: usize, reach: usize) -> impl Iterator<Item = usize> + 'g {
    (end..g.toks.len().min(end + reach)).take_while(move |&k| g.toks[k].gap != Gap::Break && !ends_sentence(g, k))
}

/// A full stop (not one after "Sept" or an initial), "!", "?" or ";".
fn ends_sentence(g: &Grammar, k: usize) -> bool {
    match g.punct(k) {
        Some('!' | '?' | ';') => true,
        Some('.') => {
            let prev = k.checked_sub(1).map(|p| g.slice(p)).unwrap_or_default();
            !(prev.chars().count() == 1 || matches!(g.word(k.wrapping_sub(1)), Some(Word::MonthAbbr(_))))
        }
        _ => false,
    }
}
