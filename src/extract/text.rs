//! Article text as words: byte spans, folded keys (as the gazetteer stores names), case, and
//! where sentences and lines start. `tools/build_gazetteer.py` splits names by the same rules.

use super::geonames::{Fold, GeoNames};

/// Apostrophe-like characters: inside a word they join it ("Mins'k"); "'s" after a word is a
/// possessive; elsewhere they are quotation marks.
pub const APOSTROPHES: &[char] = &['\'', '\u{2019}', '\u{2bc}', '\u{2018}', '`', '\u{b4}', '\u{2b9}'];

/// How a word is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Caps {
    /// "Minsk"
    Upper,
    /// "NATO", "MINSK"
    AllUpper,
    /// "minsk"
    Lower,
    /// Starts with a digit or a mark.
    Other,
}

impl Caps {
    /// Starts with a capital letter.
    pub fn is_capital(self) -> bool {
        matches!(self, Caps::Upper | Caps::AllUpper)
    }
}

/// One word of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of its first character.
    pub start: usize,
    /// Byte offset after its last letter.
    pub end: usize,
    /// Byte offset after a possessive ("'s", or "'" after an s) that follows it; else `end`.
    pub tail: usize,
    key: (u32, u32),
    /// How it is written.
    pub caps: Caps,
}

/// The words of a text, with their folded keys.
#[derive(Clone, Debug)]
pub struct Tokens<'t> {
    /// The text the offsets refer to.
    pub text: &'t str,
    /// The words in order.
    pub list: Vec<Token>,
    keys: String,
}

/// What a character is to the word splitter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Word,
    /// Inside a word but adds nothing to its key (a combining mark).
    Mark,
    Apostrophe,
    Separator,
}

fn classify(g: &GeoNames, c: char, key: Option<&mut String>) -> Class {
    if APOSTROPHES.contains(&c) {
        return Class::Apostrophe;
    }
    if c.is_ascii() {
        if !c.is_ascii_alphanumeric() {
            return Class::Separator;
        }
        if let Some(k) = key {
            k.push(c.to_ascii_lowercase());
        }
        return Class::Word;
    }
    match g.fold_of(c) {
        Some(Fold::Separator) => Class::Separator,
        Some(Fold::To(s)) if s.is_empty() => Class::Mark,
        Some(Fold::To(s)) => {
            if let Some(k) = key {
                k.push_str(s);
            }
            Class::Word
        }
        None if c.is_alphanumeric() => {
            if let Some(k) = key {
                k.extend(c.to_lowercase());
            }
            Class::Word
        }
        None => Class::Separator,
    }
}

fn caps_of(word: &str) -> Caps {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    match word.chars().next() {
        Some(c) if c.is_uppercase() => {
            if word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && letters.all(|c| c.is_uppercase()) {
                Caps::AllUpper
            } else {
                Caps::Upper
            }
        }
        Some(c) if c.is_lowercase() => Caps::Lower,
        _ => Caps::Other,
    }
}

/// Splits `text` into words; offsets are shifted by `base` (the text is a slice of the article).
pub fn tokenize<'t>(text: &'t str, base: usize, g: &GeoNames) -> Tokens<'t> {
    let mut list = Vec::with_capacity(text.len() / 6);
    let mut keys = String::with_capacity(text.len());
    let mut chars = text.char_indices().peekable();
    let mut open: Option<(usize, usize)> = None; // (start byte, key start)
    let mut end = 0;
    let close = |list: &mut Vec<Token>, keys: &String, open: &mut Option<(usize, usize)>, end: usize, tail| {
        if let Some((start, k)) = open.take()
            && keys.len() > k
        {
            let caps = caps_of(&text[start..end]);
            let key = (k as u32, keys.len() as u32);
            list.push(Token { start: start + base, end: end + base, tail: tail + base, key, caps });
        }
    };
    while let Some((i, c)) = chars.next() {
        let before = keys.len();
        match classify(g, c, Some(&mut keys)) {
            Class::Word | Class::Mark => {
                open.get_or_insert((i, before));
                end = i + c.len_utf8();
            }
            Class::Separator => close(&mut list, &keys, &mut open, end, end),
            Class::Apostrophe => {
                let mut ahead = text[i + c.len_utf8()..].chars();
                let (next, after) = (ahead.next(), ahead.next());
                let word = |c: Option<char>| c.is_some_and(|c| classify(g, c, None) == Class::Word);
                let possessive = matches!(next, Some('s' | 'S')) && !word(after);
                if open.is_some() && word(next) && !possessive {
                    continue; // joins the word
                }
                let mut tail = end;
                if open.is_some() && possessive {
                    chars.next();
                    tail = i + c.len_utf8() + 1;
                } else if open.is_some() && text[..end].ends_with(['s', 'S']) && !word(next) {
                    tail = i + c.len_utf8(); // "Belarus'"
                }
                close(&mut list, &keys, &mut open, end, tail);
            }
        }
    }
    close(&mut list, &keys, &mut open, end, end);
    Tokens { text, list, keys }
}

impl<'t> Tokens<'t> {
    /// The folded key of word `i`.
    pub fn key(&self, i: usize) -> &str {
        let (a, b) = self.list[i].key;
        &self.keys[a as usize..b as usize]
    }

    /// Word `i` as written (without a possessive).
    pub fn word(&self, i: usize, base: usize) -> &'t str {
        let t = &self.list[i];
        &self.text[t.start - base..t.end - base]
    }

    /// The text between word `i` and the next one.
    pub fn gap_after(&self, i: usize, base: usize) -> &'t str {
        match self.list.get(i + 1) {
            Some(n) => &self.text[self.list[i].tail - base..n.start - base],
            None => &self.text[self.list[i].tail - base..],
        }
    }

    /// The text before word `i`, back to the previous word.
    pub fn gap_before(&self, i: usize, base: usize) -> &'t str {
        let from = if i == 0 { 0 } else { self.list[i - 1].tail - base };
        &self.text[from..self.list[i].start - base]
    }
}

/// The folded key of a name: its words' keys joined by single spaces.
pub fn key_of(name: &str, g: &GeoNames) -> String {
    let t = tokenize(name, 0, g);
    (0..t.list.len()).map(|i| t.key(i)).collect::<Vec<_>>().join(" ")
}
