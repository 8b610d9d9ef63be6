//! Finding place names in text: the longest gazetteer name at each capitalised word, checked
//! for case, and dropped where the words are something else (a person, a publication, a weapon
//! system, an ordinary word at the start of a sentence).

use std::collections::HashSet;
use std::ops::Range;

use super::PlaceKindX;
use super::gazetteer::{Candidate, Gazetteer, PlaceRef};
use super::text::{Caps, Tokens};
use super::words::{self, has};

/// The longest name tried, in words ("Naval Support Facility Deveselu", "Republic of North
/// Ossetia Alania").
const MAX_NAME_WORDS: usize = 6;
/// Capitalised short all-capital words are acronyms (NATO, OSCE, SAM), never GeoNames places.
const ACRONYM_MAX_LETTERS: usize = 4;
/// A line counts as a headline in title case when at least this share of its longer words is
/// capitalised (and it has at least [`HEADLINE_MIN_WORDS`] of them).
const HEADLINE_CAPITAL_SHARE: f64 = 0.75;
const HEADLINE_MIN_WORDS: usize = 3;
/// How many capitalised words after a name are searched for a publication word ("Kyiv Post").
const ORG_LOOKAHEAD: usize = 3;

/// The article's words as written, made when first needed.
type Words<'t> = std::cell::OnceCell<HashSet<&'t str>>;

/// One place name found in the text, with the places it may name.
#[derive(Clone, Debug)]
pub struct Match {
    /// Token range of the name.
    pub tokens: Range<usize>,
    /// Byte span in the text (a possessive included).
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// The folded key looked up.
    pub key: String,
    /// Places the name may mean (blocking names are gone).
    pub cands: Vec<Candidate>,
    /// First word of a sentence or a line.
    pub sentence_start: bool,
    /// In a title-case headline.
    pub headline: bool,
    /// A word such as "in" or "near" comes just before it.
    pub cue: bool,
    /// Index of its sentence.
    pub sentence: usize,
    /// Part of a fixed name made after the place ("Minsk agreements").
    pub eponym: bool,
}

/// Where sentences and lines are, per token.
pub struct Layout {
    /// Token starts a sentence or a line.
    pub sentence_start: Vec<bool>,
    /// Sentence index of each token.
    pub sentence: Vec<usize>,
    /// Token is on a title-case headline line.
    pub headline: Vec<bool>,
}

/// Sentence and headline layout of the tokens.
pub fn layout(t: &Tokens) -> Layout {
    let n = t.list.len();
    let (mut sentence_start, mut sentence, mut headline) = (vec![false; n], vec![0; n], vec![false; n]);
    let mut current = 0;
    let mut line_first = 0;
    for i in 0..n {
        let gap = t.gap_before(i, 0);
        let newline = i == 0 || gap.contains(['\n', '\r']);

        let ends = gap.trim_end_matches(|c: char| c.is_whitespace() || "\"“”'‘’«»([".contains(c));
        let after_stop = ends.ends_with(['.', '!', '?', ':', ';', '…']) && !abbreviation(t, i);
        if newline {
            mark_headline(t, line_first..i, &mut headline);
            line_first = i;
        }
        if (newline || after_stop) && i > 0 {
            current += 1;
        }
        sentence_start[i] = newline || after_stop;
        sentence[i] = current;
    }
    mark_headline(t, line_first..n, &mut headline);
    Layout { sentence_start, sentence, headline }
}

/// A full stop after "St", "Mt", "U" (of "U.S.") or an initial does not end a sentence.
fn abbreviation(t: &Tokens, i: usize) -> bool {
    i > 0 && {
        let prev = t.word(i - 1, 0);
        prev.chars().count() == 1 || matches!(prev, "St" | "Mt" | "Ft" | "Dr" | "Mr" | "Mrs" | "Ms" | "Gen" | "Lt")
    }
}

fn mark_headline(t: &Tokens, line: Range<usize>, headline: &mut [bool]) {
    let long: Vec<usize> = line.clone().filter(|&i| t.key(i).chars().count() >= 4).collect();
    let caps = long.iter().filter(|&&i| t.list[i].caps.is_capital()).count();
    if long.len() >= HEADLINE_MIN_WORDS && caps as f64 >= HEADLINE_CAPITAL_SHARE * long.len() as f64 {
        line.for_each(|i| headline[i] = true);
    }
}

/// Whether the gap between token `i` and the next lets a name go on ("Rostov-on-Don",
/// "St. Petersburg", "Nizhny Novgorod").
fn joins(t: &Tokens, i: usize) -> bool {
    let gap = t.gap_after(i, 0);
    t.list[i].tail == t.list[i].end
        && !gap.is_empty()
        && gap.chars().count() <= 3
        && gap.chars().all(|c| matches!(c, ' ' | '\u{a0}' | '-' | '\u{2010}' | '\u{2011}' | '.'))
        && gap.matches('.').count() <= 1
}

/// Person names: tokens that are part of one, and the surnames (folded) used in the text.
pub fn people(t: &Tokens) -> (Vec<bool>, HashSet<String>) {
    let n = t.list.len();
    let mut person = vec![false; n];
    let mut surnames = HashSet::new();
    let mut i = 0;
    while i < n {
        let key = t.key(i);
        let given = t.list[i].caps == Caps::Upper && has(words::GIVEN_NAMES, key);
        let title = has(words::TITLES, key);
        let first = if given { i } else { i + 1 };
        let mut last = first;
        while last < n
            && t.list[last].caps.is_capital()
            && (last == first || spaced(t, last - 1))
            && !(last > first && has(words::TITLES, t.key(last)))
        {
            last += 1;
        }
        let after_title = title && !given && i + 1 < n && (spaced(t, i) || t.gap_after(i, 0) == ". ");
        // A given name needs a surname after it; a title needs a name.
        if (given && last > first + 1) || (after_title && last > first) {
            (first..last).for_each(|k| person[k] = true);
            surnames.insert(t.key(last - 1).to_owned());
            i = last;
        } else {
            i += 1;
        }
    }
    (person, surnames)
}

fn spaced(t: &Tokens, i: usize) -> bool {
    let gap = t.gap_after(i, 0);
    t.list[i].tail == t.list[i].end && (gap == " " || gap == "-")
}

/// The word after token `i` when only a space, a hyphen or a possessive separates them.
fn next_word(t: &Tokens, i: usize) -> Option<usize> {
    let gap = t.gap_after(i, 0);
    (i + 1 < t.list.len() && matches!(gap, " " | "-" | "\u{a0}")).then_some(i + 1)
}

/// Whether the word before token `i` puts a place after it ("in", "near"; "of" only after a
/// place noun: "the city of", "north of").
fn cue_before(t: &Tokens, i: usize) -> bool {
    if i == 0 || t.gap_before(i, 0).contains(['\n', '.', ',', ';']) {
        return false;
    }
    let prev = t.key(i - 1);
    has(words::PLACE_CUES, prev) || (prev == "of" && i >= 2 && has(words::PLACE_NOUNS, t.key(i - 2)))
}

/// Every place name in `body` (a byte range of the text), left to right, longest first.
pub fn find(t: &Tokens, body: Range<usize>, g: &Gazetteer) -> Vec<Match> {
    let lay = layout(t);
    let (person, surnames) = people(t);
    // The article's words, for conditional names' `when` words: made the first time one is met.
    let present: Words = std::cell::OnceCell::new();
    let mut out = Vec::new();
    let mut i = t.list.iter().position(|tok| tok.start >= body.start).unwrap_or(t.list.len());
    let stop = t.list.iter().position(|tok| tok.start >= body.end).unwrap_or(t.list.len());
    while i < stop {
        let Some((m, next)) = longest(t, i, stop, g, &present) else {
            i += 1;
            continue;
        };
        i = next;
        let Some(mut m) = m else { continue }; // a blocking name
        m.sentence_start = lay.sentence_start[m.tokens.start];
        m.headline = lay.headline[m.tokens.start];
        m.sentence = lay.sentence[m.tokens.start];
        m.cue = cue_before(t, m.tokens.start);
        if let Some(after) = next_word(t, m.tokens.end - 1)
            && has(words::EPONYMS, t.key(after))
        {
            m.eponym = true;
            i = i.max(after + 1); // "Fleet" in "Black Sea Fleet" is no town
        }
        if keep(t, &m, &person, &surnames, g) {
            out.push(m);
        }
    }
    coordinated_provinces(t, &lay, &mut out, g);
    out
}

/// The longest name starting at token `i`: `Some((None, next))` when a blocking name (a weapon
/// system) covers the words, `Some((Some(match), next))` for a place name.
fn longest<'t>(
    t: &Tokens<'t>,
    i: usize,
    stop: usize,
    g: &Gazetteer,
    present: &Words<'t>,
) -> Option<(Option<Match>, usize)> {
    let capital = t.list[i].caps.is_capital();
    if !capital && !(t.list[i].caps == Caps::Lower && (has(words::DIRECTIONS, t.key(i)) || g.lower_start(t.key(i)))) {
        return None;
    }
    let mut key = String::new();
    let mut found: Vec<(usize, String, Vec<Candidate>)> = Vec::new();
    for j in i..stop.min(i + MAX_NAME_WORDS) {
        if j > i {
            if !joins(t, j - 1) {
                break;
            }
            key.push(' ');
        }
        key.push_str(t.key(j));
        let (cands, longer) = g.lookup(&key);
        if !cands.is_empty() {
            found.push((j, key.clone(), cands));
        }
        if !longer {
            break;
        }
    }
    while let Some((j, key, cands)) = found.pop() {
        let cands: Vec<Candidate> = cands.into_iter().filter(|c| written_right(t, i..j + 1, c, g, present)).collect();
        if cands.is_empty() {
            continue;
        }
        if cands.iter().any(|c| c.blocks) {
            return Some((None, j + 1));
        }
        let (start, end) = (t.list[i].start, t.list[j].tail);
        let m = Match {
            tokens: i..j + 1,
            start,
            end,
            key,
            cands,
            sentence_start: false,
            headline: false,
            cue: false,
            sentence: 0,
            eponym: false,
        };
        return Some((Some(m), j + 1));
    }
    None
}

/// Whether the words at `range` are written as the candidate's name must be: capitalised
/// (connecting and generic words may be lower case), exact case where the name asks for it,
/// and only in an article that has one of a conditional name's words.
fn written_right<'t>(t: &Tokens<'t>, range: Range<usize>, c: &Candidate, g: &Gazetteer, present: &Words<'t>) -> bool {
    let curated = c.curated_name.and_then(|n| g.curated_name(n));
    if let Some(name) = curated {
        let words = || present.get_or_init(|| (0..t.list.len()).map(|i| t.word(i, 0)).collect());
        if name.conditional && !g.when_words(c.curated_name.unwrap_or(0)).iter().any(|w| words().contains(w.as_str())) {
            return false;
        }
        let the = range.start > 0 && t.key(range.start - 1) == "the" && spaced(t, range.start - 1);
        if name.needs_the && !the {
            return false;
        }
        if name.exact_case {
            let letters = |s: &str| s.chars().filter(|c| c.is_alphanumeric()).collect::<String>();
            return letters(&t.text[t.list[range.start].start..t.list[range.end - 1].end]) == letters(&name.text);
        }
        if name.lower_ok {
            return true;
        }
    } else if range.len() == 1 && has(words::CALENDAR, t.key(range.start)) {
        return false;
    }
    let first = &t.list[range.start];
    if first.caps == Caps::Lower && (curated.is_none() || !has(words::DIRECTIONS, t.key(range.start))) {
        return false;
    }
    let letters = t.word(range.start, 0).chars().filter(|c| c.is_alphabetic()).count();
    if range.len() == 1 && first.caps == Caps::AllUpper && letters <= ACRONYM_MAX_LETTERS {
        return false;
    }
    range.skip(1).all(|k| t.list[k].caps.is_capital() || has(words::LOWER_IN_NAMES, t.key(k)))
}

/// Whether a found name stays: not part of a person's name, a publication's title, or (for an
/// ordinary English word) at the start of a sentence or in a headline.
fn keep(t: &Tokens, m: &Match, person: &[bool], surnames: &HashSet<String>, g: &Gazetteer) -> bool {
    let single = m.tokens.len() == 1;
    let strong = m.cands.iter().any(|c| is_area(g, c.place));
    let curated = m.cands.iter().any(|c| c.curated_name.is_some());
    // A surname used alone is the person ("Lavrov said"), unless a place word puts a place there
    // ("from Lincoln, Nebraska" in an article that also names Abraham Lincoln).
    if single && (person[m.tokens.start] || (surnames.contains(&m.key) && !m.cue)) && !strong {
        return false;
    }
    // Ship classes are named after places ("Kilo-class submarines").
    if next_word(t, m.tokens.end - 1).is_some_and(|k| t.key(k) == "class") {
        return false;
    }
    if in_title(t, m) || publication(t, m) || ship_name(t, m.tokens.start) {
        return false;
    }
    if next_word(t, m.tokens.end - 1).is_some_and(|k| has(words::STREET_WORDS, t.key(k))) {
        return false;
    }
    let named = m.tokens.start > 0 && has(words::NAMING_VERBS, t.key(m.tokens.start - 1));
    if named && !curated {
        return false;
    }
    let ordinary = m.cands.iter().all(|c| c.ordinary && c.curated_name.is_none());
    // An ordinary word next to another capitalised word is part of a longer proper name
    // ("European Union", "Union State", "Northern Fleet").
    let before = m.tokens.start > 0 && spaced(t, m.tokens.start - 1) && t.list[m.tokens.start - 1].caps.is_capital();
    let after = next_word(t, m.tokens.end - 1).is_some_and(|k| t.list[k].caps.is_capital());
    !(ordinary && (m.sentence_start || m.headline || (single && (before || after))))
}

/// The name of a ship: after a ship word, directly or in a list ("the gunboats Berdyansk and
/// Nikopol", "the destroyer USS Porter").
fn ship_name(t: &Tokens, i: usize) -> bool {
    let mut k = i;
    while k > 0 {
        let prev = t.key(k - 1);
        if has(words::SHIP_WORDS, prev) && !t.gap_before(k, 0).contains(['\n', '.', ';']) {
            return true;
        }
        // Step back over the previous name of a list: "X and" / "X,".
        let listed = prev == "and" || t.gap_before(k, 0).contains(',');
        if !listed || k < 2 {
            return false;
        }
        k -= if prev == "and" { 2 } else { 1 };
        if !t.list[k].caps.is_capital() {
            return false;
        }
    }
    false
}

/// Countries, provinces, regions and seas: names no person or ordinary word shares in practice.
fn is_area(g: &Gazetteer, p: PlaceRef) -> bool {
    g.entry(p).is_some_and(|e| {
        matches!(e.kind, PlaceKindX::Country | PlaceKindX::Province | PlaceKindX::Region | PlaceKindX::Sea)
    })
}

/// Inside a capitalised title that "The" opens mid-sentence ("in The American Interest").
fn in_title(t: &Tokens, m: &Match) -> bool {
    let mut k = m.tokens.start;
    while k > 0 && spaced(t, k - 1) && t.list[k - 1].caps.is_capital() {
        k -= 1;
        if t.word(k, 0) == "The" {
            let gap = t.gap_before(k, 0);
            let mid_sentence = k > 0 && !gap.contains('\n') && !gap.trim().ends_with(['.', '!', '?', '“', '"']);
            return mid_sentence;
        }
    }
    false
}

/// Followed by a publication word among the next capitalised words ("Kyiv Post").
fn publication(t: &Tokens, m: &Match) -> bool {
    let mut k = m.tokens.end - 1;
    for _ in 0..ORG_LOOKAHEAD {
        if k + 1 >= t.list.len() || !spaced(t, k) || !t.list[k + 1].caps.is_capital() {
            return false;
        }
        k += 1;
        if has(words::ORG_WORDS, t.key(k)) {
            return true;
        }
    }
    false
}

/// "Smolensk, Voronezh and Rostov provinces": each stem before a plural province word names a
/// province; their matches (cities, or none) become the provinces.
fn coordinated_provinces(t: &Tokens, lay: &Layout, out: &mut Vec<Match>, g: &Gazetteer) {
    for p in 0..t.list.len() {
        // The last stem stands right before the plural: "Rostov and Smolensk provinces".
        if !has(words::PROVINCE_PLURALS, t.key(p)) || p == 0 || !spaced(t, p - 1) {
            continue;
        }

        let mut k = p - 1;
        loop {
            if !t.list[k].caps.is_capital() {
                break;
            }
            let (cands, _) = g.lookup(&format!("{} province", t.key(k)));
            let provinces: Vec<Candidate> = cands.into_iter().filter(|c| !c.blocks).collect();
            if provinces.is_empty() {
                break;
            }
            let tok = t.list[k];
            out.retain(|m| !m.tokens.contains(&k));
            out.push(Match {
                tokens: k..k + 1,
                start: tok.start,
                end: tok.tail,
                key: format!("{} province", t.key(k)),
                cands: provinces,
                sentence_start: lay.sentence_start[k],
                headline: lay.headline[k],
                cue: true,
                sentence: lay.sentence[k],
                eponym: false,
            });
            // The previous stem: ", X" or "X and" / "X, and".
            let before = t.gap_before(k, 0);
            if before.contains(',') && k >= 1 {
                k -= 1;
            } else if k >= 2 && matches!(t.key(k - 1), "and" | "or") {
                k -= 2;
            } else {
                break;
            }
        }
    }
    out.sort_by_key(|m| m.start);
}
