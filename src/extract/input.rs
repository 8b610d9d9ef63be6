//! Reading an article file (`.txt`, `.md`, `.html`) into the text briefmap keeps: UTF-8 only,
//! a byte-order mark dropped, line endings kept as they are, HTML reduced to its paragraphs.
//! Errors name the file and the byte.

use std::path::Path;

use jiff::civil::Date;

use super::html;
use crate::briefing::article::line_col;
use crate::briefing::load::MAX_ARTICLE_BYTES;

/// What kind of file an article is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// Markdown (kept as written; link targets and code are not read for places).
    Markdown,
    /// HTML (the kept text is what the page shows as its article).
    Html,
}

impl Format {
    /// The format a file name implies (`.html`/`.htm`, `.md`/`.markdown`, else text).
    pub fn of(path: &Path) -> Self {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("html" | "htm" | "xhtml") => Self::Html,
            Some("md" | "markdown") => Self::Markdown,
            _ => Self::Text,
        }
    }
}

/// An article as briefmap keeps it.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceText {
    /// How errors and reports name the file.
    pub file: String,
    /// The file's format.
    pub format: Format,
    /// The text all offsets refer to.
    pub text: String,
    /// Its title, when the file gives one.
    pub title: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Publisher.
    pub publisher: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Publication date, when the file states one.
    pub published: Option<Date>,
    /// Where in the file the date was found.
    pub published_from: Option<String>,
}

/// Why a file cannot be read as an article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    /// The file.
    pub file: String,
    /// 1-based line and column of the first bad byte, when one is at fault.
    pub at: Option<(usize, usize)>,
    /// What is wrong, with the byte where it is.
    pub message: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.at {
            Some((line, col)) => write!(f, "{}:{line}:{col}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// Reads an article file; its extension says how.
pub fn read(path: &Path) -> Result<SourceText, InputError> {
    let file = path.display().to_string();
    let err = |message: String| InputError { file: file.clone(), at: None, message };
    let meta = std::fs::metadata(path).map_err(|e| err(format!("cannot read: {e}")))?;
    if meta.is_dir() {
        return Err(err("is a folder, not an article file".into()));
    }
    if meta.len() > MAX_ARTICLE_BYTES {
        return Err(err(too_big(meta.len())));
    }
    let bytes = std::fs::read(path).map_err(|e| err(format!("cannot read: {e}")))?;
    from_bytes(&file, &bytes, Format::of(path))
}

fn too_big(len: u64) -> String {
    format!(
        "is {:.1} MB; an article may be at most {} MB (is this the right file?)",
        len as f64 / 1e6,
        MAX_ARTICLE_BYTES >> 20
    )
}

/// An article from bytes in hand; `file` names it in errors.
pub fn from_bytes(file: &str, bytes: &[u8], format: Format) -> Result<SourceText, InputError> {
    let err = |message: String| InputError { file: file.to_owned(), at: None, message };
    let located = |at: (usize, usize), message: String| InputError { file: file.to_owned(), at: Some(at), message };
    if bytes.len() as u64 > MAX_ARTICLE_BYTES {
        return Err(err(too_big(bytes.len() as u64)));
    }
    let bom = bytes.starts_with(b"\xEF\xBB\xBF");
    let body = if bom { &bytes[3..] } else { bytes };
    let skip = if bom { 3 } else { 0 };
    let text = std::str::from_utf8(body).map_err(|e| {
        let at = e.valid_up_to();
        let what = if body.starts_with(b"\xFF\xFE") || body.starts_with(b"\xFE\xFF") {
            " (this looks like UTF-16; save the file as UTF-8)"
        } else {
            ""
        };
        let lc = line_col(std::str::from_utf8(&body[..at]).unwrap_or_default(), at);
        located(lc, format!("not UTF-8 at byte {} (0x{:02x}){what}; briefmap reads UTF-8 text", at + skip, body[at]))
    })?;
    if let Some(at) = text.find('\0') {
        let message = format!("NUL byte at byte {}: this looks like a binary file, not an article", at + skip);
        return Err(located(line_col(text, at), message));
    }
    if text.trim().is_empty() {
        return Err(err(format!(
            "the article is empty ({} bytes{})",
            bytes.len(),
            if bytes.is_empty() { "" } else { ", all blank" }
        )));
    }
    let mut out = SourceText {
        file: file.to_owned(),
        format,
        text: String::new(),
        title: None,
        author: None,
        publisher: None,
        url: None,
        published: None,
        published_from: None,
    };
    if format == Format::Html {
        let page = html::to_text(text);
        if page.text.trim().is_empty() {
            return Err(err("the page has no article text (it is all markup, scripts or navigation)".into()));
        }
        out.text = page.text;
        (out.title, out.author, out.publisher, out.url) = (page.title, page.author, page.publisher, page.url);
        if let Some(d) = page.published.as_deref().and_then(iso_date) {
            out.published = Some(d);
            out.published_from = page.published_from;
        }
    } else {
        out.text = text.to_owned();
        if let Some((d, line)) = date_line(&out.text) {
            out.published = Some(d);
            out.published_from = Some(format!("line {line}: a date line at the top"));
        }
        if format == Format::Markdown {
            out.title = out.text.lines().find_map(|l| l.strip_prefix("# ")).map(|t| t.trim().to_owned());
        }
        if let Some((author, publisher)) = byline(&out.text) {
            (out.author, out.publisher) = (Some(author), publisher);
        }
    }
    Ok(out)
}

/// The date of an ISO date or date-time ("2016-05-18", "2016-05-18T09:00:00+02:00").
pub fn iso_date(s: &str) -> Option<Date> {
    let s = s.trim();
    s.get(..10).and_then(|d| d.parse().ok())
}

/// The longest line taken for a byline, in words: past it, "By the time…" is the story.
const BYLINE_WORDS: usize = 10;

/// The author (and publisher) of a byline on one of the first lines: "By Ieva Kalnina",
/// "By Ieva Kalnina, Baltic Defence Review", "by A. Writer | The Paper".
pub fn byline(text: &str) -> Option<(String, Option<String>)> {
    for line in text.lines().take(DATE_LINE_SEARCH) {
        let l = line.trim().trim_start_matches(['\u{feff}', '*', '_']).trim_end_matches(['*', '_']);
        let Some(rest) = l.strip_prefix("By ").or_else(|| l.strip_prefix("by ")) else { continue };
        let rest = rest.trim();
        let named = rest.chars().next().is_some_and(char::is_uppercase);
        if !named || rest.split_whitespace().count() > BYLINE_WORDS || rest.ends_with('.') && rest.contains(". ") {
            continue;
        }
        let mut parts = rest.splitn(2, [',', '|', '\u{2014}', '\u{2013}']).map(str::trim);
        let author = parts.next().filter(|a| !a.is_empty())?.to_owned();
        let publisher = parts.next().filter(|p| !p.is_empty()).map(str::to_owned);
        return Some((author, publisher));
    }
    None
}

/// How many lines at the top of a text file may hold its publication date.
const DATE_LINE_SEARCH: usize = 5;

/// A publication date on one of the first lines: "Published 18 May 2016", "2016-05-18",
/// "May 18, 2016", "Posted on: 18.05.2016".
pub fn date_line(text: &str) -> Option<(Date, usize)> {
    for (n, line) in text.lines().take(DATE_LINE_SEARCH).enumerate() {
        let l = line.trim().trim_start_matches('\u{feff}');
        let lower = l.to_ascii_lowercase();
        let rest =
            ["published on", "published:", "published", "posted on", "posted:", "posted", "updated", "date:", "dated"]
                .iter()
                .find_map(|p| lower.strip_prefix(p).map(|_| &l[p.len()..]))
                .unwrap_or(l)
                .trim_start_matches([':', ' ', '\t']);
        if rest.split_whitespace().count() > 5 {
            continue;
        }
        if let Some(d) = parse_loose_date(rest.trim()) {
            return Some((d, n + 1));
        }
    }
    None
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn month_of(word: &str) -> Option<i8> {
    let w = word.to_ascii_lowercase();
    let w = w.trim_end_matches('.');
    MONTHS.iter().position(|m| w.starts_with(m) && w.len() >= 3).map(|i| i as i8 + 1)
}

/// A date written alone: ISO, "18 May 2016", "May 18, 2016", "18.05.2016", "18/05/2016".
fn parse_loose_date(s: &str) -> Option<Date> {
    if let Some(d) = iso_date(s).filter(|_| s.len() == 10 || s.as_bytes().get(10) == Some(&b'T')) {
        return Some(d);
    }
    let parts: Vec<&str> = s.split(|c: char| c.is_whitespace() || c == ',').filter(|p| !p.is_empty()).collect();
    let num = |p: &str| p.trim_end_matches(['.', 's', 't', 'h', 'n', 'd', 'r']).parse::<i16>().ok();
    let day_month_year = match parts.as_slice() {
        [d, m, y] if month_of(m).is_some() => Some((num(d)?, month_of(m)?, y.parse::<i16>().ok()?)),
        [m, d, y] if month_of(m).is_some() => Some((num(d)?, month_of(m)?, y.parse::<i16>().ok()?)),
        [one] => {
            let f: Vec<&str> = one.split(['.', '/']).collect();
            match f.as_slice() {
                [d, m, y] if y.len() == 4 => Some((d.parse().ok()?, m.parse::<i8>().ok()?, y.parse().ok()?)),
                _ => None,
            }
        }
        _ => None,
    }?;
    let (d, m, y) = day_month_year;
    Date::new(y, m, i8::try_from(d).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn text(bytes: &[u8]) -> Result<SourceText, InputError> {
        from_bytes("a.txt", bytes, Format::Text)
    }

    #[test]
    fn bylines_give_author_and_publisher() {
        let a = text(b"Iskanders return\nBy Ieva Kalnina, Baltic Defence Review\n14 March 2018\n\nBody.").unwrap();
        assert_eq!(a.author.as_deref(), Some("Ieva Kalnina"));
        assert_eq!(a.publisher.as_deref(), Some("Baltic Defence Review"));
        assert_eq!(byline("Title\n**By A. Writer**\n"), Some(("A. Writer".into(), None)));
        assert_eq!(byline("by Jan Nowak | Gazeta\n"), Some(("Jan Nowak".into(), Some("Gazeta".into()))));
        // The story itself, not a byline.
        assert_eq!(byline("By the time the launchers arrived, the rail yard at Chernyakhovsk was shut."), None);
        assert_eq!(byline("Title\n\nBody\nmore\nlines\nBy Someone Late"), None);
    }

    #[test]
    fn bad_bytes_name_the_byte() {
        let e = text(b"Minsk\nand \xff Moscow").unwrap_err();
        assert_eq!(e.to_string(), "a.txt:2:5: not UTF-8 at byte 10 (0xff); briefmap reads UTF-8 text");
        let e = text(b"\xff\xfeM\0i\0").unwrap_err();
        assert!(e.message.contains("UTF-16"), "{e}");
        let e = text(b"PK\x03\x04\0\0binary").unwrap_err();
        assert_eq!(
            (e.at, e.message.as_str()),
            (Some((1, 5)), "NUL byte at byte 4: this looks like a binary file, not an article")
        );
        assert_eq!(text(b"").unwrap_err().message, "the article is empty (0 bytes)");
        assert_eq!(text(b" \n\r\n").unwrap_err().message, "the article is empty (4 bytes, all blank)");
        let e = from_bytes("a.html", b"<script>x()</script><nav>Riga</nav>", Format::Html).unwrap_err();
        assert!(e.message.contains("all markup"), "{e}");
        let big = vec![b'a'; (MAX_ARTICLE_BYTES + 1) as usize];
        assert!(text(&big).unwrap_err().message.contains("at most 2 MB"));
    }

    #[test]
    fn bom_dropped_line_endings_kept() {
        let t = text(b"\xEF\xBB\xBFMinsk\r\nMoscow\nRiga\r").unwrap();
        assert_eq!(t.text, "Minsk\r\nMoscow\nRiga\r");
        let e = text(b"\xEF\xBB\xBFok \xc3").unwrap_err();
        assert!(e.to_string().starts_with("a.txt:1:4: not UTF-8 at byte 6"), "{e}");
    }

    #[test]
    fn date_lines_at_the_top() {
        for (top, want) in [
            ("Published 18 May 2016\nText", date(2016, 5, 18)),
            ("2016-05-18\nText", date(2016, 5, 18)),
            ("Title\nPosted on: May 18, 2016\n", date(2016, 5, 18)),
            ("Date: 18.05.2016", date(2016, 5, 18)),
        ] {
            assert_eq!(text(top.as_bytes()).unwrap().published, Some(want), "{top}");
        }
        assert_eq!(text(b"On 16 May 2016 Lavrov arrived in Minsk to discuss a response.\n").unwrap().published, None);
        assert_eq!(iso_date("2016-05-18T09:00:00+02:00"), Some(date(2016, 5, 18)));
        assert_eq!(iso_date("18 May"), None);
    }

    #[test]
    fn html_and_markdown() {
        let h = from_bytes("a.html", b"<title>T</title><p>Minsk</p>", Format::Html).unwrap();
        assert_eq!((h.text.as_str(), h.title.as_deref()), ("Minsk\n", Some("T")));
        let m = from_bytes("a.md", b"# Head line\n\nText [Minsk](https://x.org/Moscow)\n", Format::Markdown).unwrap();
        assert_eq!(m.title.as_deref(), Some("Head line"));
        assert!(m.text.contains("(https://x.org/Moscow)"));
    }
}
