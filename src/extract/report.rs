//! `briefmap extract` output: JSON (the shape issue 13 fixes) and a report to read.

use serde::Serialize;

use super::input::SourceText;
use super::{Extraction, FoundDate, FoundPlace};
use crate::briefing::article::line_col;

/// Characters of context shown each side of a mention in the text report.
const CONTEXT_CHARS: usize = 40;
/// Where the place data comes from (GeoNames asks for attribution).
pub const ATTRIBUTION: &str = "Places: GeoNames (CC BY 4.0, www.geonames.org) and briefmap's curated table \
     (geodata/SOURCES.md).";

/// The article part of the JSON.
#[derive(Serialize)]
struct ArticleJson<'a> {
    file: &'a str,
    title: Option<&'a str>,
    published: Option<String>,
    published_from: Option<&'a str>,
    author: Option<&'a str>,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    /// Bytes of kept text (offsets refer to it).
    text_bytes: usize,
}

#[derive(Serialize)]
struct Json<'a> {
    article: ArticleJson<'a>,
    places: &'a [FoundPlace],
    dates: &'a [FoundDate],
    attribution: &'a str,
}

/// Where the publication date came from, for reports.
#[derive(Clone, Debug, PartialEq)]
pub struct Published {
    /// The date, if known.
    pub date: Option<jiff::civil::Date>,
    /// Where it came from ("--published", "<meta article:published_time>").
    pub from: Option<String>,
}

/// The extraction as pretty JSON.
pub fn to_json(src: &SourceText, published: &Published, x: &Extraction) -> String {
    let json = Json {
        article: ArticleJson {
            file: &src.file,
            title: src.title.as_deref(),
            published: published.date.map(|d| d.to_string()),
            published_from: published.from.as_deref(),
            author: src.author.as_deref(),
            publisher: src.publisher.as_deref(),
            url: src.url.as_deref(),
            text_bytes: src.text.len(),
        },
        places: &x.places,
        dates: &x.dates,
        attribution: ATTRIBUTION,
    };
    // Serialising plain structs of strings and numbers cannot fail.
    serde_json::to_string_pretty(&json).unwrap_or_default() + "\n"
}

/// A mention in its sentence: "…talks with [Minsk] on its…".
fn in_context(text: &str, start: usize, end: usize) -> String {
    let before: String =
        text[..start].chars().rev().take(CONTEXT_CHARS).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = text[end..].chars().take(CONTEXT_CHARS).collect();
    let one_line = |s: &str| s.replace(['\r', '\n', '\t'], " ");
    format!("…{}[{}]{}…", one_line(&before), one_line(&text[start..end]), one_line(&after))
}

/// The readable report: every place with its mentions in context, then every date.
pub fn to_text(src: &SourceText, published: &Published, x: &Extraction) -> String {
    let mut out = src.file.clone();
    if let Some(t) = &src.title {
        out += &format!(" — {t}");
    }
    out.push('\n');
    match (published.date, &published.from) {
        (Some(d), Some(from)) => out += &format!("Published {d} (from {from})\n"),
        (Some(d), None) => out += &format!("Published {d}\n"),
        (None, _) => out += "Publication date unknown: relative dates are left unresolved (give --published)\n",
    }
    out += &format!("\nPlaces ({})\n", x.places.len());
    for p in &x.places {
        out += &format!(
            "\n  {} — {}{}, {:.4}, {:.4}, confidence {:.2}, {}\n",
            p.name,
            p.kind.as_str(),
            if p.country.is_empty() { String::new() } else { format!(" in {}", p.country) },
            p.lat,
            p.lon,
            p.confidence,
            p.source
        );
        if !p.geometry.is_empty() {
            out += &format!("    drawn as {}\n", p.geometry.join(" + "));
        }
        if let Some(note) = &p.note {
            out += &format!("    {note}\n");
        }
        for m in &p.mentions {
            let (line, col) = line_col(&src.text, m.start);
            let how = match m.r#as {
                super::MentionAs::Name => "",
                super::MentionAs::Adjective => " (adjective)",
                super::MentionAs::Metonym => " (metonym)",
            };
            out += &format!("    {line}:{col}{how} {}\n", in_context(&src.text, m.start, m.end));
        }
        for a in &p.alternatives {
            out += &format!("    not {} ({}, {}): {}\n", a.name, a.kind.as_str(), a.country, a.why);
        }
    }
    out += &format!("\nDates ({})\n", x.dates.len());
    for d in &x.dates {
        let span = match (d.from, d.to) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (a, b) => format!(
                "{} to {}",
                a.map_or_else(|| "open".to_owned(), |a| a.to_string()),
                b.map_or_else(|| "open".to_owned(), |b| b.to_string())
            ),
        };
        let (line, col) = line_col(&src.text, d.start);
        let why = match (&d.reason, d.unresolved) {
            (_, true) => " — unresolved: no publication date".to_owned(),
            (Some(r), _) => format!(" — {r}"),
            (None, _) => String::new(),
        };
        out += &format!(
            "  \"{}\" → {span} ({}){why}\n    {line}:{col} {}\n",
            d.text,
            d.precision.as_str(),
            in_context(&src.text, d.start, d.end)
        );
    }
    out + "\n" + ATTRIBUTION + "\n"
}
