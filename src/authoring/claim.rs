//! Making a claim from a passage the analyst selected: the quote and its reference exactly as
//! the text has them, and proposals for the rest — the places and dates mentioned in the
//! passage (and the sentence around it), who says it, what kind of claim it is, its actors.

use std::ops::Range;

use crate::briefing::ids::{short_slug, unique};
use crate::briefing::suggestion::is_rejected;
use crate::briefing::{Briefing, Claim, ClaimKind, Item, Link, LinkKind, Speaker, TextRef, When};
use crate::session::{Edit, ListEdit};

/// Who the passage's words are from, as proposed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpeakerGuess {
    /// A speaker the briefing has (by id).
    Known(String),
    /// A new speaker, by the name the text gives (and a role, when it gives one).
    New {
        /// The name, e.g. "Sergei Lavrov".
        name: String,
        /// The role before the name, e.g. "Russian Foreign Minister".
        role: Option<String>,
    },
    /// The source's author (the passage is the author's own analysis).
    Author,
}

/// A claim in the making: what the form shows and the analyst adjusts.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimDraft {
    /// The words, byte for byte.
    pub quote: String,
    /// Where they stand.
    pub at: TextRef,
    /// Places and regions the passage (or its sentence) mentions, each proposed.
    pub parts: Vec<Item>,
    /// Dates the passage (or its sentence) mentions, as `dates` indices; the first proposed.
    pub dates: Vec<usize>,
    /// The date to give the claim.
    pub when: Option<When>,
    /// Who says it.
    pub speaker: SpeakerGuess,
    /// What kind of statement it is.
    pub kind: ClaimKind,
    /// Actors the claim concerns (the proposed places' and regions').
    pub actors: Vec<String>,
    /// One line in the analyst's words (empty until written).
    pub summary: String,
    /// Links between places the claim supports, to add with it: from, to (place or region
    /// ids) and what the link stands for.
    pub links: Vec<(String, String, LinkKind)>,
}

/// The sentence (or sentences) around `range` in `text`: from the end of the sentence before
/// to the end of the sentence after, within the paragraph.
///
/// ```
/// # use briefmap::authoring::claim::sentence_around;
/// let text = "First one. Lavrov said it would happen. Then more.";
/// let r = sentence_around(text, 18..24);
/// assert_eq!(&text[r], "Lavrov said it would happen.");
/// ```
pub fn sentence_around(text: &str, range: Range<usize>) -> Range<usize> {
    let start = range.start.min(text.len());
    let end = range.end.clamp(start, text.len());
    let terminator = ['.', '!', '?', '\n'];
    let before = &text[..start];
    // A selection that starts or ends a sentence already is not widened past it.
    let from = if before.trim_end_matches([' ', '\t']).ends_with(terminator) || before.is_empty() {
        start
    } else {
        before.rfind(terminator).map_or(0, |i| i + 1)
    };
    let from = from + (text[from..start].len() - text[from..start].trim_start().len());
    let after = &text[end..];
    let closes = text[..end].trim_end_matches(['”', '"', '’', ' ']).ends_with(['.', '!', '?']);
    let to = if closes {
        end
    } else {
        after.find(terminator).map_or(text.len(), |i| {
            let stop = after[i..].chars().next().map_or(0, char::len_utf8);
            end + i + if after[i..].starts_with('\n') { 0 } else { stop }
        })
    };
    from..to.max(from)
}

/// `range` widened to whole words: a drag that stops inside a word ("the excla") takes the
/// word, as word processors do.
///
/// ```
/// # use briefmap::authoring::claim::whole_words;
/// let text = "seen leaving the exclave by rail.";
/// assert_eq!(&text[whole_words(text, 2..20)], "seen leaving the exclave");
/// ```
pub fn whole_words(text: &str, range: Range<usize>) -> Range<usize> {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let (mut start, mut end) = (range.start.min(text.len()), range.end.min(text.len()));
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) || start >= end {
        return range;
    }
    while word(text[..start].chars().next_back()) && word(text[start..].chars().next()) {
        start -= text[..start].chars().next_back().map_or(1, char::len_utf8);
    }
    while word(text[..end].chars().next_back()) && word(text[end..].chars().next()) {
        end += text[end..].chars().next().map_or(1, char::len_utf8);
    }
    start..end
}

/// Verbs of saying that put a speaker next to them ("said Lavrov", "Lavrov said").
const SAYING: [&str; 14] = [
    "said",
    "says",
    "insisted",
    "stated",
    "told",
    "claimed",
    "argued",
    "added",
    "warned",
    "noted",
    "stressed",
    "announced",
    "declared",
    "wrote",
];

/// Words in a speaker's role that make the words an official's.
const OFFICIAL: [&str; 10] = [
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "ministry",
    "secretary",
    "ambassador",
    "general",
    "commander",
];

/// Words that make a passage an anonymous source's.
const ANONYMOUS: [&str; 6] = ["anonymous", "unnamed", "a source", "sources", "an official", "allegedly"];

/// Words that make a passage a press report.
const PRESS: [&str; 7] = ["reported", "daily", "newspaper", "agency", "news", "kommersant", "interfax"];

/// Capitalised words right before `at` in `sentence` (a name), and the lowercase-free words
/// before them that read as a role ("Russian Foreign Minister Sergei Lavrov").
fn name_before(sentence: &str, at: usize) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = sentence[..at].split_whitespace().collect();
    let caps: Vec<&str> = words.iter().rev().take_while(|w| starts_upper(w)).copied().collect();
    if caps.is_empty() {
        return None;
    }
    let caps: Vec<&str> = caps.into_iter().rev().collect();
    // The last two capitalised words are the name, any before them the role.
    let split = caps.len().saturating_sub(2);
    let name = caps[split..].join(" ");
    let role = (split > 0).then(|| caps[..split].join(" "));
    Some((trim_punct(&name), role))
}

/// Nouns that end an unnamed speaker's description ("a Lithuanian defence official said").
const UNNAMED: [&str; 12] = [
    "official",
    "officials",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "analyst",
    "analysts",
    "officer",
];

/// Most words an unnamed speaker's description takes ("a senior Lithuanian defence official").
const MAX_DESCRIPTION_WORDS: usize = 6;

/// An unnamed speaker right before `at`: words back to an article or the clause's start,
/// ending in a noun such as "official" ("a Lithuanian defence official", "Polish officials").
fn description_before(sentence: &str, at: usize) -> Option<String> {
    let words: Vec<&str> = sentence[..at].split_whitespace().collect();
    let last = trim_punct(words.last()?).to_lowercase();
    if !UNNAMED.contains(&last.as_str()) || words.last()?.ends_with([',', ';', ':', '.']) {
        return None;
    }
    let mut from = words.len() - 1;
    while from > 0 && words.len() - from < MAX_DESCRIPTION_WORDS {
        let before = words[from - 1];
        if before.ends_with([',', ';', ':', '.', '"', '”']) {
            break;
        }
        from -= 1;
        if ["a", "an", "the", "one", "two", "several", "some"].contains(&before.to_lowercase().as_str()) {
            break;
        }
    }
    Some(trim_punct(&words[from..].join(" ")))
}

/// Most capitalised words a role and a name take together ("Russian Deputy Foreign Minister
/// Sergei Ryabkov").
const MAX_NAME_WORDS: usize = 6;

/// Capitalised words right after `at` (after "said"): the last two the name, any before them
/// the role ("insisted Russian Foreign Minister Sergei Lavrov").
fn name_after(sentence: &str, at: usize) -> Option<(String, Option<String>)> {
    let caps: Vec<&str> =
        sentence[at..].split_whitespace().take_while(|w| starts_upper(w)).take(MAX_NAME_WORDS).collect();
    if caps.is_empty() {
        return None;
    }
    // A word that ends the sentence or clause ends the name.
    let end = caps.iter().position(|w| w.ends_with([',', '.', ';', ':'])).map_or(caps.len(), |i| i + 1);
    let caps = &caps[..end];
    let split = caps.len().saturating_sub(2);
    let role = (split > 0).then(|| caps[..split].join(" "));
    Some((trim_punct(&caps[split..].join(" ")), role))
}

/// Whether `word` occurs in `text` as a whole word.
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        text[..at].chars().last().is_none_or(|c| !c.is_alphanumeric())
            && text[at + word.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric())
    })
}

fn starts_upper(w: &str) -> bool {
    w.trim_start_matches(['“', '"', '(']).chars().next().is_some_and(char::is_uppercase)
}

fn trim_punct(s: &str) -> String {
    s.trim_matches(|c: char| !c.is_alphanumeric()).to_owned()
}

/// Who the words in `sentence` are from: a speaker the briefing has whose name appears, else
/// a name next to a verb of saying, else the author.
pub fn guess_speaker(b: &Briefing, sentence: &str) -> SpeakerGuess {
    let lower = sentence.to_lowercase();
    // Words nobody is said to say (no verb of saying, no quotation) are the author's.
    let reported = sentence.contains(['“', '"', '«', '„']) || SAYING.iter().any(|v| has_word(&lower, v));
    if !reported {
        return SpeakerGuess::Author;
    }
    // A speaker the briefing has, by the last word of their proper name ("Lavrov"), written
    // as a name (capitalised, a whole word); a description ("an anonymous official") is none.
    let known = b.doc().speakers.iter().filter(|s| starts_upper(&s.name)).find(|s| {
        let proper = s.name.split_whitespace().rfind(|w| starts_upper(w)).map(trim_punct);
        proper.is_some_and(|last| last.chars().count() > 2 && has_word(sentence, &last))
    });
    if let Some(s) = known {
        return SpeakerGuess::Known(s.id.clone());
    }
    for verb in SAYING {
        for (at, _) in lower.match_indices(verb) {
            let whole = sentence[..at].chars().last().is_none_or(|c| !c.is_alphanumeric())
                && sentence[at + verb.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            if !whole {
                continue;
            }
            if let Some((name, role)) = name_after(sentence, at + verb.len()).filter(|(n, _)| !n.is_empty()) {
                return SpeakerGuess::New { name, role };
            }
            if let Some((name, role)) = name_before(sentence, at).filter(|(n, _)| !n.is_empty()) {
                return SpeakerGuess::New { name, role };
            }
            if let Some(who) = description_before(sentence, at) {
                return SpeakerGuess::New { name: who, role: None };
            }
        }
    }
    SpeakerGuess::Author
}

/// What kind of claim a passage reads as, from its speaker and its words.
pub fn guess_kind(sentence: &str, speaker: &SpeakerGuess, b: &Briefing) -> ClaimKind {
    let lower = sentence.to_lowercase();
    let role = match speaker {
        SpeakerGuess::Known(id) => b.speaker(id).and_then(|s| s.role.clone()).unwrap_or_default(),
        SpeakerGuess::New { role, .. } => role.clone().unwrap_or_default(),
        SpeakerGuess::Author => String::new(),
    }
    .to_lowercase();
    let unnamed = matches!(speaker, SpeakerGuess::New { name, .. } if !starts_upper(name));
    if unnamed || ANONYMOUS.iter().any(|w| lower.contains(w)) {
        ClaimKind::AnonymousSource
    } else if OFFICIAL.iter().any(|w| role.contains(w) || lower.contains(w)) && *speaker != SpeakerGuess::Author {
        ClaimKind::OfficialStatement
    } else if PRESS.iter().any(|w| lower.contains(w)) {
        ClaimKind::PressReport
    } else if *speaker == SpeakerGuess::Author {
        ClaimKind::Analysis
    } else {
        ClaimKind::OfficialStatement
    }
}

/// The claim a selection makes: `at` must point at whole characters of a source's text.
pub fn draft(b: &Briefing, at: &TextRef) -> Option<ClaimDraft> {
    let text = b.text_of(&at.source)?.full();
    text.get(at.range())?;
    let words = whole_words(text, at.range());
    let at = &TextRef::new(&at.source, words.start, words.end);
    let quote = text.get(at.range())?.to_owned();
    if quote.trim().is_empty() {
        return None;
    }
    let sentence_range = sentence_around(text, at.range());
    let sentence = TextRef::new(&at.source, sentence_range.start.min(at.start), sentence_range.end.max(at.end));
    let inside = |m: &TextRef| m.overlaps(&sentence);
    let words = &text[sentence.range()];
    // A record with mentions is proposed when one is in the sentence; one without (written by
    // hand) when one of its names is.
    let named = |mentions: &[TextRef], names: &[&String]| {
        if mentions.is_empty() {
            names.iter().any(|n| n.chars().count() > 2 && has_word(words, n))
        } else {
            mentions.iter().any(inside)
        }
    };
    let mut parts = Vec::new();
    for (i, p) in b.places().iter().enumerate() {
        let names: Vec<&String> = std::iter::once(&p.name).chain(&p.local_names).chain(&p.aliases).collect();
        if !is_rejected(&p.suggestion) && named(&p.mentions, &names) {
            parts.push(Item::Place(i));
        }
    }
    for (i, r) in b.regions().iter().enumerate() {
        let names: Vec<&String> = std::iter::once(&r.name).chain(&r.local_names).collect();
        if !is_rejected(&r.suggestion) && named(&r.mentions, &names) {
            parts.push(Item::Region(i));
        }
    }
    let dates: Vec<usize> = b
        .doc()
        .dates
        .iter()
        .enumerate()
        .filter(|(_, d)| !is_rejected(&d.suggestion) && inside(&d.at) && d.when.span().is_ok())
        .map(|(i, _)| i)
        .collect();
    let when = dates.first().map(|&i| b.doc().dates[i].when.clone());
    let speaker = guess_speaker(b, words);
    let kind = guess_kind(words, &speaker, b);
    let mut actors: Vec<String> = Vec::new();
    for item in &parts {
        let ids = match *item {
            Item::Place(i) => &b.places()[i].actors,
            Item::Region(i) => &b.regions()[i].actors,
            Item::Claim(_) => continue,
        };
        for id in ids {
            if !actors.contains(id) {
                actors.push(id.clone());
            }
        }
    }
    let summary = String::new();
    Some(ClaimDraft { quote, at: at.clone(), parts, dates, when, speaker, kind, actors, summary, links: Vec::new() })
}

/// Why a claim draft cannot be made yet, in words for the form.
pub fn missing(d: &ClaimDraft) -> Option<&'static str> {
    if d.summary.trim().is_empty() {
        Some("write a one-line summary")
    } else if d.actors.is_empty() {
        Some("pick at least one actor")
    } else {
        None
    }
}

/// The edits that add the claim (and a new speaker, if it has one), as one undo step.
pub fn create(b: &Briefing, d: &ClaimDraft) -> Edit {
    let mut edits = Vec::new();
    let speaker = match &d.speaker {
        SpeakerGuess::Known(id) => id.clone(),
        SpeakerGuess::New { name, role } => {
            let id = unique(&crate::briefing::ids::slug(name, "speaker"), |id| b.speaker(id).is_some());
            let s = Speaker { id: id.clone(), name: name.clone(), role: role.clone() };
            edits.push(Edit::Speakers(ListEdit::Insert(b.doc().speakers.len(), s)));
            id
        }
        SpeakerGuess::Author => author_speaker(b, d, &mut edits),
    };
    let base = short_slug(&d.summary, 5, "claim");
    let id = unique(&base, |id| b.item(id).is_some() || b.claims().iter().any(|c| c.id == id));
    let (mut places, mut regions) = (Vec::new(), Vec::new());
    for item in &d.parts {
        match *item {
            Item::Place(i) => places.push(b.places()[i].id.clone()),
            Item::Region(i) => regions.push(b.regions()[i].id.clone()),
            Item::Claim(_) => {}
        }
    }
    let claim = Claim {
        id,
        quote: d.quote.clone(),
        at: d.at.clone(),
        summary: d.summary.trim().to_owned(),
        kind: d.kind,
        speaker,
        actors: d.actors.clone(),
        places,
        regions,
        when: d.when.clone(),
        credibility: None,
        credibility_note: None,
    };
    // Claims stay in text order: the reader and the appendix list them so.
    let key = |c: &Claim| (b.source_index(&c.at.source), c.at.start);
    let at = b.claims().iter().position(|c| key(c) > key(&claim)).unwrap_or(b.claims().len());
    let links = link_edits(b, d, &claim.id);
    edits.push(Edit::Claims(ListEdit::Insert(at, claim)));
    // The links come after the claim they cite.
    edits.extend(links);
    Edit::Batch(edits)
}

/// The draft's links as insertions, each citing claim `id`, with ids of their own.
fn link_edits(b: &Briefing, d: &ClaimDraft, id: &str) -> Vec<Edit> {
    let mut taken: Vec<String> = b.links().iter().map(|l| l.id.clone()).collect();
    d.links
        .iter()
        .enumerate()
        .map(|(k, (from, to, kind))| {
            let base = crate::briefing::ids::slug(&format!("{from}-{to}"), "link");
            let link_id = unique(&base, |x| taken.iter().any(|t| t == x));
            taken.push(link_id.clone());
            let link = Link {
                id: link_id,
                from: from.clone(),
                to: to.clone(),
                kind: *kind,
                label: None,
                claims: vec![id.to_owned()],
            };
            Edit::Links(ListEdit::Insert(b.links().len() + k, link))
        })
        .collect()
}

/// The draft of claim `i` as it stands, to edit in the form.
pub fn of_claim(b: &Briefing, i: usize) -> Option<ClaimDraft> {
    let c = b.claims().get(i)?;
    let parts = b.claim_parts(i).to_vec();
    let dates = b.doc().dates.iter().enumerate().filter(|(_, d)| d.at.overlaps(&c.at)).map(|(k, _)| k).collect();
    Some(ClaimDraft {
        quote: c.quote.clone(),
        at: c.at.clone(),
        parts,
        dates,
        when: c.when.clone(),
        speaker: SpeakerGuess::Known(c.speaker.clone()),
        kind: c.kind,
        actors: c.actors.clone(),
        summary: c.summary.clone(),
        links: Vec::new(),
    })
}

/// The edits that change claim `i` to the draft (its id and quote stay), as one undo step.
pub fn update(b: &Briefing, i: usize, d: &ClaimDraft) -> Option<Edit> {
    let old = b.claims().get(i)?;
    let plain = ClaimDraft { links: Vec::new(), ..d.clone() };
    let Edit::Batch(mut edits) = create(b, &plain) else { return None };
    // `create` ends with the claim's insertion: make it a replacement keeping the id.
    let Some(Edit::Claims(ListEdit::Insert(_, claim))) = edits.pop() else { return None };
    let claim = Claim { id: old.id.clone(), ..claim };
    edits.push(Edit::Claims(ListEdit::Replace(i, claim)));
    edits.extend(link_edits(b, d, &old.id));
    Some(Edit::Batch(edits))
}

/// The id of the speaker who stands for the source's author, added when the briefing has none.
fn author_speaker(b: &Briefing, d: &ClaimDraft, edits: &mut Vec<Edit>) -> String {
    let source = b.source_index(&d.at.source).map(|i| &b.sources()[i]);
    let name = source.map(|s| s.author.trim()).filter(|a| !a.is_empty()).unwrap_or("The author").to_owned();
    if let Some(s) = b.doc().speakers.iter().find(|s| s.name == name) {
        return s.id.clone();
    }
    let id = unique(&crate::briefing::ids::slug(&name, "author"), |id| b.speaker(id).is_some());
    let role = Some("author of the source".to_owned());
    edits.push(Edit::Speakers(ListEdit::Insert(b.doc().speakers.len(), Speaker { id: id.clone(), name, role })));
    id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::session::Session;

    fn embedded() -> Briefing {
        Briefing::embedded(&Atlas::bundled().unwrap()).unwrap()
    }

    #[test]
    fn speakers_are_found_next_to_verbs_of_saying() {
        let b = Briefing::empty();
        let guess = |s: &str| guess_speaker(&b, s);
        assert_eq!(
            guess("“We have an identical approach,” insisted Russian Foreign Minister Sergei Lavrov."),
            SpeakerGuess::New { name: "Sergei Lavrov".into(), role: Some("Russian Foreign Minister".into()) }
        );
        assert_eq!(
            guess("Belarusian Foreign Minister Vladimir Makei said it was a challenge."),
            SpeakerGuess::New { name: "Vladimir Makei".into(), role: Some("Belarusian Foreign Minister".into()) }
        );
        assert_eq!(guess("Minsk can wait and bargain with the Kremlin."), SpeakerGuess::Author);
        // Unnamed speakers, by what the text calls them; their words are an anonymous source's.
        let official = "Russia has moved launchers back, a Lithuanian defence official said on Tuesday.";
        let who = SpeakerGuess::New { name: "a Lithuanian defence official".into(), role: None };
        assert_eq!(guess(official), who);
        assert_eq!(guess_kind(official, &who, &b), ClaimKind::AnonymousSource);
        assert_eq!(
            guess("Polish officials said they were watching the Suwalki Gap."),
            SpeakerGuess::New { name: "Polish officials".into(), role: None }
        );
        // A description already in the briefing is not matched by its adjective ("Lithuanian").
        let mut with_unnamed = Briefing::empty();
        with_unnamed.doc_mut().speakers.push(Speaker {
            id: "a-lithuanian-defence-official".into(),
            name: "a Lithuanian defence official".into(),
            role: None,
        });
        assert_eq!(
            guess_speaker(&with_unnamed, "It is ready, Lithuanian Defence Minister Raimundas Karoblis told reporters."),
            SpeakerGuess::New { name: "Raimundas Karoblis".into(), role: Some("Lithuanian Defence Minister".into()) }
        );
        // A role noun that is not the one speaking is no speaker.
        assert_eq!(guess("The official visit went ahead, and Nowak said little."), who_named("Nowak"));
    }

    fn who_named(name: &str) -> SpeakerGuess {
        SpeakerGuess::New { name: name.into(), role: None }
    }

    #[test]
    fn a_known_speaker_is_proposed_and_the_kind_follows() {
        let b = embedded();
        let text = "“We have an identical approach to the missile defence system,” insisted Russian Foreign Minister Sergei Lavrov.";
        let SpeakerGuess::Known(id) = guess_speaker(&b, text) else { panic!("Lavrov is in the briefing") };
        assert_eq!(b.speaker(&id).unwrap().name, "Sergei Lavrov");
        assert_eq!(guess_kind(text, &SpeakerGuess::Known(id), &b), ClaimKind::OfficialStatement);
        let anon = "An anonymous high-level official told Moscow-based daily Kommersant about a clash.";
        assert_eq!(guess_kind(anon, &SpeakerGuess::Author, &b), ClaimKind::AnonymousSource);
    }

    #[test]
    fn a_selection_becomes_a_claim_with_its_exact_words() {
        let atlas = Atlas::bundled().unwrap();
        let b = embedded();
        let text = b.text().full();
        let quote = "Minsk can wait and bargain with the Kremlin.";
        let start = text.find(quote).unwrap();
        let at = TextRef::new(&b.sources()[0].id, start, start + quote.len());
        // A drag that stops inside a word takes the whole word.
        let partial = TextRef::new(&b.sources()[0].id, start + 2, start + quote.len() - 4);
        assert_eq!(draft(&b, &partial).unwrap().quote, quote.trim_end_matches('.'));
        let mut d = draft(&b, &at).unwrap();
        assert_eq!(d.quote, quote);
        assert_eq!(d.speaker, SpeakerGuess::Author);
        assert_eq!(missing(&d), Some("write a one-line summary"));
        d.summary = "Minsk has time to bargain".into();
        d.actors = vec!["belarus".into()];
        let mut s = Session::checked(b.clone(), Some(atlas));
        s.apply(create(s.briefing(), &d)).expect("the new claim checks");
        let made = s.briefing().claims().iter().find(|c| c.summary == "Minsk has time to bargain").unwrap();
        assert_eq!(s.briefing().quote_at(&made.at), Some(quote), "check holds the quote byte for byte");
        assert_eq!(made.id, "minsk-has-time-to-bargain");
        let claims = s.briefing().claims();
        let i = claims.iter().position(|c| c.id == made.id).unwrap();
        assert!(claims[..i].iter().all(|c| c.at.start <= start), "claims before it start before it");
        assert!(claims.get(i + 1).is_none_or(|c| c.at.start > start), "and the next after it");
        assert!(s.undo());
        assert_eq!(s.briefing().claims().len(), b.claims().len());
    }
}
