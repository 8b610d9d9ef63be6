//! Reading briefing files: bytes → text → document → checked briefing, with located errors.

use std::path::Path;

use super::doc::{self, BriefingDoc};
use super::problem::{Problem, Problems};
use super::{Briefing, Migration, v1};
use crate::atlas::Atlas;

/// Largest briefing file accepted; real ones are tens of kilobytes.
pub const MAX_BRIEFING_BYTES: u64 = 16 << 20;
/// Largest article text accepted; a long feature is a few hundred kilobytes.
pub const MAX_ARTICLE_BYTES: u64 = 2 << 20;

/// Decodes a file's bytes as UTF-8, naming the line:col of the first bad byte.
///
/// A leading byte-order mark (some Windows editors write one) is dropped: it is not part of
/// the JSON, and editors do not show it, so lines and columns are counted without it.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Problems> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        // The prefix is valid UTF-8 by definition of `valid_up_to`.
        let text = std::str::from_utf8(good).unwrap_or_default();
        let mut problem = Problem::new("", format!("invalid UTF-8 (byte 0x{:02x})", bytes[e.valid_up_to()]));
        problem.at = Some(super::article::line_col(text, text.len()));
        Problems { file: file.to_owned(), list: vec![problem] }
    })
}

/// A briefing file's document in the current format, and what reading an older one changed.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The document (format 2).
    pub doc: BriefingDoc,
    /// What migrating from the file's format changed; `None` for a current file.
    pub migration: Option<Migration>,
}

impl Parsed {
    /// How problems found in the document are located in the file: through the old format's
    /// paths when it was migrated.
    pub fn path_in_file(&self) -> Option<fn(&str) -> String> {
        self.migration.as_ref().map(|_| v1::path_in_v1 as fn(&str) -> String)
    }

    /// The format the file was written in.
    pub fn file_format(&self) -> u32 {
        self.migration.as_ref().map_or(doc::FORMAT, |m| m.from)
    }
}

/// The number after the top-level `"format"` key, read without parsing the rest (which may
/// be broken: its errors are reported by the parse for the format the file says it is in).
fn format_of(json: &str) -> Option<u32> {
    let bytes = json.as_bytes();
    let (mut depth, mut i) = (0usize, 0usize);
    while i < bytes.len() {
        match bytes[i] {
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                if depth == 1 && json.get(start..i) == Some("format") {
                    let rest = json.get(i + 1..)?.trim_start().strip_prefix(':')?.trim_start();
                    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
                    return rest[..digits].parse().ok();
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Parses briefing JSON in format 1 or 2; syntax, type and unknown-field errors come with
/// line:col and path. A format 1 file is migrated (see [`v1::migrate`]).
pub fn parse(file: &str, json: &str) -> Result<Parsed, Problems> {
    // serde would take a JSON array as the struct's fields in order and report a puzzling type
    // error deep inside it; say what the file should look like instead.
    let start = json.len() - json.trim_start().len();
    if let Some(first) = json[start..].chars().next()
        && first != '{'
    {
        let mut problem = Problem::new("", format!("a briefing is a JSON object that starts with '{{', not {first:?}"));
        problem.at = Some(super::article::line_col(json, start));
        return Err(Problems { file: file.to_owned(), list: vec![problem] });
    }
    match format_of(json) {
        Some(n) if n > doc::FORMAT => {
            // Its fields may be anything: say what matters, not the first field we do not know.
            let message = format!("format {n} is not supported; this build reads 1 and {}", doc::FORMAT);
            let mut problem = Problem::new("format", message);
            problem.locate(json);
            Err(Problems { file: file.to_owned(), list: vec![problem] })
        }
        Some(1) => {
            let (doc, migration) = v1::migrate(deserialize::<v1::DocV1>(file, json)?);
            Ok(Parsed { doc, migration: Some(migration) })
        }
        _ => Ok(Parsed { doc: deserialize::<BriefingDoc>(file, json)?, migration: None }),
    }
}

/// Deserialises `json` as a `T`, with the path and line:col of the first error.
fn deserialize<T: serde::de::DeserializeOwned>(file: &str, json: &str) -> Result<T, Problems> {
    let mut de = serde_json::Deserializer::from_str(json);
    let doc = serde_path_to_error::deserialize(&mut de)
        .map_err(|e| (e.path().to_string(), e.into_inner()))
        .and_then(|doc| de.end().map(|()| doc).map_err(|e| (String::new(), e)));
    doc.map_err(|(path, inner)| {
        let message = inner.to_string();
        // serde_json appends " at line L column C"; we print the location ourselves.
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m).to_owned();
        // serde_path_to_error writes `?` for a part of the path it could not name (a syntax
        // error before the key was read); the line:col says where instead.
        let path = path.trim_end_matches("?").trim_end_matches('.');
        let path = if path == "." { String::new() } else { path.to_owned() };
        let mut problem = Problem::new(path, message);
        if inner.line() > 0 {
            // serde_json says column 0 at the very start of a line (an empty file's end).
            problem.at = Some((inner.line(), inner.column().max(1)));
        }
        Problems { file: file.to_owned(), list: vec![problem] }
    })
}

/// A briefing file read as far as it could be: the briefing (a draft, maybe with problems),
/// its problems located in the file, and the file's text.
#[derive(Debug)]
pub struct Draft {
    /// The briefing, however many problems it has.
    pub briefing: Briefing,
    /// Its problems, located in the file.
    pub problems: Problems,
}

/// Reads, parses and checks a briefing file; its sources' texts are resolved relative to it.
/// Any problem fails the load (see [`load_draft`] to open a draft with problems).
pub fn load_file(path: &Path, atlas: &Atlas) -> Result<Briefing, Problems> {
    let draft = load_draft(path, atlas)?;
    if draft.problems.list.is_empty() { Ok(draft.briefing) } else { Err(draft.problems) }
}

/// Reads a briefing file however many problems it has; fails only when it cannot be read or
/// parsed at all. A source text that cannot be read becomes an empty text and a problem.
pub fn load_draft(path: &Path, atlas: &Atlas) -> Result<Draft, Problems> {
    let file = path.display().to_string();
    let bytes = read_limited(path, MAX_BRIEFING_BYTES).map_err(|m| whole_file(&file, m))?;
    let json = decode(&file, &bytes)?;
    let parsed = parse(&file, json)?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut unreadable = Vec::new();
    let texts = parsed
        .doc
        .sources
        .iter()
        .enumerate()
        .map(|(i, source)| {
            read_article(&dir.join(&source.file)).unwrap_or_else(|message| {
                unreadable.push(Problem::new(format!("sources[{i}].file"), message));
                String::new()
            })
        })
        .collect();
    let path_in_file = parsed.path_in_file();
    let (mut briefing, mut problems) = draft_of(&file, parsed, texts, atlas);
    if !unreadable.is_empty() {
        // The rest would only repeat that the quotes are not in the (missing) text.
        problems = unreadable;
    }
    briefing.set_path(file.clone(), Some(path.to_owned()));
    let problems = Problems::located(&file, json, problems, path_in_file);
    Ok(Draft { briefing, problems })
}

/// The briefing a parsed file stands for, with its problems (unlocated).
fn draft_of(file: &str, parsed: Parsed, texts: Vec<String>, atlas: &Atlas) -> (Briefing, Vec<Problem>) {
    let format = parsed.file_format();
    let (mut briefing, problems) = Briefing::draft_as(file, parsed.doc, texts, atlas, format);
    briefing.set_migration(parsed.migration);
    (briefing, problems)
}

/// Parses and checks briefing JSON given as text, with its one source's text in hand.
pub fn load_str(file: &str, json: &str, article: &str, atlas: &Atlas) -> Result<Briefing, Problems> {
    load_str_with(file, json, vec![article.to_owned()], atlas)
}

/// Parses and checks briefing JSON given as text, with its sources' texts (in order) in hand.
pub fn load_str_with(file: &str, json: &str, texts: Vec<String>, atlas: &Atlas) -> Result<Briefing, Problems> {
    let parsed = parse(file, json)?;
    let path_in_file = parsed.path_in_file();
    let (briefing, problems) = draft_of(file, parsed, texts, atlas);
    if problems.is_empty() { Ok(briefing) } else { Err(Problems::located(file, json, problems, path_in_file)) }
}

/// Reads an article text file, refusing what cannot be an article (too big, binary, empty).
pub fn read_article(path: &Path) -> Result<String, String> {
    let bytes = read_limited(path, MAX_ARTICLE_BYTES)?;
    check_article(&path.display().to_string(), bytes)
}

/// The article's bytes as text, or why they cannot be an article (not UTF-8, binary, empty);
/// `name` is how errors name the file.
pub fn check_article(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let (line, col) = super::article::line_col(std::str::from_utf8(&e.as_bytes()[..at]).unwrap_or_default(), at);
        format!("{name}:{line}:{col}: invalid UTF-8: not a text file")
    })?;
    if text.trim().is_empty() {
        return Err(format!("{name}: the article is empty"));
    }
    if let Some(at) = text.find('\0') {
        let (line, col) = super::article::line_col(&text, at);
        return Err(format!("{name}:{line}:{col}: NUL byte: this looks like a binary file, not an article"));
    }
    Ok(text)
}

fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let name = path.display();
    let size = std::fs::metadata(path).map_err(|e| format!("cannot read {name}: {e}"))?.len();
    if size > limit {
        return Err(format!(
            "{name} is {:.1} MB; the limit is {} MB — is this the right file?",
            size as f64 / 1e6,
            limit >> 20
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read {name}: {e}"))
}

fn whole_file(file: &str, message: String) -> Problems {
    Problems { file: file.to_owned(), list: vec![Problem::new("", message)] }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_is_read_before_the_rest() {
        assert_eq!(format_of(r#"{"format": 1, "article": "#), Some(1));
        assert_eq!(format_of(r#"{"a": {"format": 1}, "format":2}"#), Some(2), "only the top level counts");
        assert_eq!(format_of(r#"{"a": "\"format\": 1", "format": 2}"#), Some(2), "not inside a string");
        assert_eq!(format_of(r#"{"format": "1"}"#), None);
        assert_eq!(format_of("[]"), None);
    }

    #[test]
    fn syntax_error_has_line_and_col() {
        let e = parse("b.json", "{\n  \"format\": 1,\n  \"article\": \n").unwrap_err();
        assert_eq!(e.list.len(), 1);
        assert_eq!(e.list[0].at, Some((4, 1)));
        assert!(e.list[0].message.contains("EOF"), "{}", e.list[0].message);
    }

    #[test]
    fn unknown_field_names_its_path() {
        let e = parse("b.json", r#"{"format": 1, "colour": 3}"#).unwrap_err();
        assert!(e.list[0].message.contains("unknown field `colour`"), "{}", e.list[0].message);
        assert_eq!(e.list[0].at, Some((1, 22)));
    }

    #[test]
    fn bad_utf8_is_located() {
        let e = decode("b.json", b"{\n  \"a\xff\"").unwrap_err();
        assert_eq!(e.list[0].at, Some((2, 5)));
        assert!(e.list[0].message.contains("0xff"));
    }

    #[test]
    fn article_refusals() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.txt");
        std::fs::write(&empty, "  \n").unwrap();
        assert!(read_article(&empty).unwrap_err().contains("empty"));
        let binary = dir.path().join("bin.txt");
        std::fs::write(&binary, b"ab\0cd").unwrap();
        assert!(read_article(&binary).unwrap_err().contains(":1:3: NUL byte"));
        let big = dir.path().join("big.txt");
        std::fs::write(&big, vec![b'a'; 5 << 20]).unwrap();
        assert!(read_article(&big).unwrap_err().contains("limit is 2 MB"));
        assert!(read_article(&dir.path().join("missing.txt")).unwrap_err().contains("cannot read"));
    }
}
