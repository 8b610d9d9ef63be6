//! Reading briefing files: bytes → text → document → checked briefing, with located errors.

use std::path::{Path, PathBuf};

use super::Briefing;
use super::doc::BriefingDoc;
use super::problem::{Problem, Problems};
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

/// Parses briefing JSON; syntax, type and unknown-field errors come with line:col and path.
pub fn parse(file: &str, json: &str) -> Result<BriefingDoc, Problems> {
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

/// Reads, parses and checks a briefing file; its article is resolved relative to it.
pub fn load_file(path: &Path, atlas: &Atlas) -> Result<Briefing, Problems> {
    let file = path.display().to_string();
    let bytes = read_limited(path, MAX_BRIEFING_BYTES).map_err(|m| whole_file(&file, m))?;
    let json = decode(&file, &bytes)?;
    let doc = parse(&file, json)?;
    let article_path: PathBuf = path.parent().unwrap_or(Path::new(".")).join(&doc.article.file);
    let article = read_article(&article_path).map_err(|message| {
        let mut p = Problem::new("article.file", message);
        p.locate(json);
        Problems { file: file.clone(), list: vec![p] }
    })?;
    let mut briefing = Briefing::new(&file, json, doc, article, atlas)?;
    briefing.path = Some(path.to_owned());
    Ok(briefing)
}

/// Parses and checks briefing JSON given as text, with the article text already in hand.
pub fn load_str(file: &str, json: &str, article: &str, atlas: &Atlas) -> Result<Briefing, Problems> {
    let doc = parse(file, json)?;
    Briefing::new(file, json, doc, article.to_owned(), atlas)
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
