//! One pass over the article body: words, numbers and punctuation with their byte spans.

use super::words::{Word, classify};

/// What separates a token from the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gap {
    /// Nothing: "mid-May", "2013–15", "Su-27".
    Joined,
    /// Spaces or tabs.
    Space,
    /// A line break (paragraphs and headlines end sentences).
    Break,
}

/// Letters glued to the end of a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Suffix {
    None,
    /// "16th", "1st".
    Ordinal,
    /// "1990s".
    Plural,
    /// Anything else: "500km", "S300".
    Other,
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// A run of letters; `cap` when it starts with a capital.
    Word { word: Word, cap: bool },
    /// A run of ASCII digits (value saturates; `digits` counts them, leading zeros too).
    Num { value: u32, digits: u8, suffix: Suffix },
    /// Digits with separators inside: "5,000", "16/05/2016", "2.5", "10:30", "2015/16".
    Cluster,
    /// Any other character; dashes and apostrophes are folded to '-' and '\''.
    Punct(char),
}

/// One token: its kind, its byte span in the article text, and what precedes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Tok {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub gap: Gap,
}

/// Splits `text[body]` into tokens; spans are offsets into `text`.
pub(super) fn tokens(text: &str, body: std::ops::Range<usize>) -> Vec<Tok> {
    let base = body.start;
    let slice = &text[body];
    let bytes = slice.as_bytes();
    let mut out = Vec::with_capacity(slice.len() / 5);
    let mut gap = Gap::Break;
    let mut chars = slice.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            if c == '\n' || c == '\r' || c == '\u{2029}' {
                gap = Gap::Break;
            } else if gap == Gap::Joined {
                gap = Gap::Space;
            }
            continue;
        }
        let (kind, end) = if c.is_ascii_digit() {
            number(bytes, i)
        } else if c.is_alphabetic() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if !d.is_alphabetic() {
                    break;
                }
                end = j + d.len_utf8();
                chars.next();
            }
            let w = &slice[i..end];
            (Kind::Word { word: classify(w), cap: c.is_uppercase() }, end)
        } else {
            (Kind::Punct(fold(c)), i + c.len_utf8())
        };
        // `number` reads ahead by bytes; skip the characters it took.
        while chars.peek().is_some_and(|&(j, _)| j < end) {
            chars.next();
        }
        out.push(Tok { kind, start: base + i, end: base + end, gap });
        gap = Gap::Joined;
    }
    out
}

/// Folds the dash and apostrophe look-alikes news text uses.
fn fold(c: char) -> char {
    match c {
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => '-',
        '\u{2014}' | '\u{2015}' => '—',
        '\u{2018}' | '\u{2019}' | '\u{02BC}' | '`' => '\'',
        other => other,
    }
}

/// Most digits a number keeps in its value; longer runs are never days or years.
const MAX_DIGITS: usize = 9;

/// Reads a number starting at `i`: a digit run, or a cluster with inner separators, plus a letter suffix.
fn number(bytes: &[u8], i: usize) -> (Kind, usize) {
    let digits_from = |k: usize| bytes[k..].iter().take_while(|b| b.is_ascii_digit()).count();
    let run = digits_from(i);
    let mut end = i + run;
    let mut cluster = false;
    // A separator joins two digit runs only when a digit follows it at once ("5,000", not "2014, 5").
    while end + 1 < bytes.len() && matches!(bytes[end], b',' | b'.' | b'/' | b':') && bytes[end + 1].is_ascii_digit() {
        cluster = true;
        end += 1 + digits_from(end + 1);
    }
    let letters = bytes[end..].iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let suffix_text = &bytes[end..end + letters];
    let suffix = match suffix_text.to_ascii_lowercase().as_slice() {
        [] => Suffix::None,
        b"st" | b"nd" | b"rd" | b"th" => Suffix::Ordinal,
        b"s" => Suffix::Plural,
        _ => Suffix::Other,
    };
    end += letters;
    if cluster {
        return (Kind::Cluster, end);
    }
    let value = if run > MAX_DIGITS {
        u32::MAX
    } else {
        bytes[i..i + run].iter().fold(0u32, |v, b| v * 10 + u32::from(b - b'0'))
    };
    (Kind::Num { value, digits: run.min(255) as u8, suffix }, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Kind> {
        tokens(text, 0..text.len()).into_iter().map(|t| t.kind).collect()
    }

    #[test]
    fn numbers_clusters_and_suffixes() {
        let k = kinds("5,000 troops 16th 1990s 500km 2,014 16/05/2016 10:30 2014, 5");
        assert_eq!(k[0], Kind::Cluster);
        assert!(matches!(k[2], Kind::Num { value: 16, digits: 2, suffix: Suffix::Ordinal }));
        assert!(matches!(k[3], Kind::Num { value: 1990, digits: 4, suffix: Suffix::Plural }));
        assert!(matches!(k[4], Kind::Num { value: 500, suffix: Suffix::Other, .. }));
        assert_eq!(&k[5..8], &[Kind::Cluster; 3]);
        assert!(matches!(k[8], Kind::Num { value: 2014, .. }));
        assert_eq!(k[9], Kind::Punct(','));
    }

    #[test]
    fn dashes_fold_and_gaps_are_kept() {
        let text = "mid\u{2013}May, Su-27\nnext";
        let t = tokens(text, 0..text.len());
        assert_eq!(t[1].kind, Kind::Punct('-'));
        assert_eq!(t[1].gap, Gap::Joined);
        assert_eq!(t[4].gap, Gap::Space);
        assert_eq!(t[7].gap, Gap::Break);
        assert_eq!(&text[t[2].start..t[2].end], "May");
    }

    #[test]
    fn offsets_are_relative_to_the_whole_text() {
        let text = "Ж title\nbody 2014";
        let body = text.find("body").unwrap()..text.len();
        let t = tokens(text, body);
        assert_eq!(&text[t[1].start..t[1].end], "2014");
        assert_eq!(t[0].gap, Gap::Break);
    }
}
