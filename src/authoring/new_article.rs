//! A new briefing from an article: read it (text, Markdown or HTML), let the analyst say what
//! the file did not (title, author, publisher, date), run the extractor, and make a draft whose
//! places, regions and dates are suggestions to review, with an actor per country it names.

use std::path::Path;

use jiff::civil::Date;

use super::actors;
use crate::atlas::Atlas;
use crate::briefing::{Briefing, BriefingDoc, PartialDate, When};
use crate::extract::draft::{self, DraftInput};
use crate::extract::input::{self, SourceText};
use crate::extract::{self as extractor, Extraction, Gazetteer, PlaceKindX};
use crate::session::Session;

/// What the analyst confirms about an article before the draft is made (prefilled from the file).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ArticleInfo {
    /// Its title.
    pub title: String,
    /// Its author (may stay empty).
    pub author: String,
    /// Its publication, if known.
    pub publisher: String,
    /// Where it was published online, if known.
    pub url: String,
    /// Its publication date as typed (`YYYY-MM-DD`); empty when unknown.
    pub published: String,
    /// The first line (1-based) of teasers of other articles at its end, if any.
    pub teasers_from_line: Option<usize>,
}

/// An article read and waiting for the analyst's word on what the file did not say.
#[derive(Clone, Debug)]
pub struct Article {
    /// The text as briefmap keeps it, and what the file said about itself.
    pub src: SourceText,
    /// What the form shows, prefilled.
    pub info: ArticleInfo,
}

/// Reads the article at `path` (UTF-8 text, Markdown or HTML).
pub fn read(path: &Path) -> Result<Article, String> {
    let src = input::read(path).map_err(|e| e.to_string())?;
    // The headline is the first line that is not the date line.
    let date_line = input::date_line(&src.text).map_or(0, |(_, line)| line);
    let first_line = || {
        let lines = src.text.lines().enumerate().filter(|(n, _)| *n + 1 != date_line);
        lines.map(|(_, l)| l.trim()).find(|l| !l.is_empty()).unwrap_or_default().to_owned()
    };
    let info = ArticleInfo {
        title: src.title.clone().unwrap_or_else(first_line),
        author: src.author.clone().unwrap_or_default(),
        publisher: src.publisher.clone().unwrap_or_default(),
        url: src.url.clone().unwrap_or_default(),
        published: src.published.map(|d| d.to_string()).unwrap_or_default(),
        teasers_from_line: None,
    };
    Ok(Article { src, info })
}

impl ArticleInfo {
    /// The publication date typed, `None` when the field is empty; an error for anything else
    /// that is not a real day.
    pub fn published_date(&self) -> Result<Option<Date>, String> {
        let typed = self.published.trim();
        if typed.is_empty() {
            return Ok(None);
        }
        input::iso_date(typed).map(Some).ok_or_else(|| format!("'{typed}' is not a date: write YYYY-MM-DD"))
    }
}

/// Runs the extractor on the article and makes the draft briefing (not saved yet: its text is
/// kept in memory and written beside the briefing on its first save).
pub fn draft(article: &Article, gazetteer: &Gazetteer, atlas: &Atlas) -> Result<Session, String> {
    let (doc, stem) = draft_doc(article, gazetteer, atlas)?;
    let file = format!("{stem}.json");
    let (briefing, problems) = Briefing::draft(&file, doc, vec![article.src.text.clone()], atlas);
    let mut session = Session::new(briefing, problems, Some(atlas.clone()));
    session.mark_unsaved();
    Ok(session)
}

/// The draft document of one article (its one source, the places, regions and dates found, an
/// actor per country), and the file stem its names come from.
pub(super) fn draft_doc(
    article: &Article,
    gazetteer: &Gazetteer,
    atlas: &Atlas,
) -> Result<(BriefingDoc, String), String> {
    let info = &article.info;
    if info.title.trim().is_empty() {
        return Err("give the article a title".into());
    }
    let published = info.published_date()?;
    let text = &article.src.text;
    let body = extractor::body_before_line(text, info.teasers_from_line);
    let found = extractor::extract_body(text, body, published, gazetteer);
    let stem = Path::new(&article.src.file).file_stem().and_then(|s| s.to_str()).unwrap_or("article").to_owned();
    let text_file = format!("{stem}.txt");
    let input = DraftInput {
        src: &article.src,
        published,
        teasers_from_line: info.teasers_from_line,
        text_file: &text_file,
        found: &found,
    };
    let mut doc = draft::draft(&input, gazetteer, atlas);
    // The date line at the top is the publication date, not an event the article reports.
    if let Some((_, line)) = input::date_line(text) {
        let end = text.split_inclusive('\n').take(line).map(str::len).sum::<usize>();
        doc.dates.retain(|d| d.at.start >= end);
    }
    fill_in(&mut doc, info, published);
    countries_as_actors(&mut doc, &found);
    Ok((doc, stem))
}

/// The analyst's words about the source over what the file said.
fn fill_in(doc: &mut BriefingDoc, info: &ArticleInfo, published: Option<Date>) {
    let Some(source) = doc.sources.first_mut() else { return };
    let some = |s: &str| (!s.trim().is_empty()).then(|| s.trim().to_owned());
    source.title = info.title.trim().to_owned();
    source.title_note = None;
    source.author = info.author.trim().to_owned();
    source.publisher = some(&info.publisher);
    source.url = some(&info.url);
    source.published = published.map(|d| When::on(PartialDate::day(d.year(), d.month(), d.day())));
}

/// One actor per country the article names, and each place and region found in a country
/// given that country's actor.
fn countries_as_actors(doc: &mut BriefingDoc, found: &Extraction) {
    let countries: Vec<(String, String)> = found
        .places
        .iter()
        .filter(|p| p.kind == PlaceKindX::Country && !p.country.is_empty())
        .map(|p| (p.country.clone(), p.name.clone()))
        .collect();
    // A record is the found place whose first mention it has.
    let first: Vec<(usize, String)> =
        found.places.iter().filter_map(|p| Some((p.mentions.first()?.start, p.country.clone()))).collect();
    let mut country: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    let starts =
        doc.places.iter().map(|p| (&p.id, &p.mentions)).chain(doc.regions.iter().map(|r| (&r.id, &r.mentions)));
    for (id, mentions) in starts {
        if let Some(m) = mentions.first()
            && let Some((_, code)) = first.iter().find(|(s, _)| *s == m.start)
        {
            country.insert(id.clone(), code.clone());
        }
    }
    actors::from_countries(doc, &countries, |id| country.get(id).cloned());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_becomes_a_draft_of_suggestions_with_actors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("talks.txt");
        std::fs::write(
            &path,
            "Published 18 May 2016\nLavrov met Makei in Minsk on 16 May. Russia wants Iskanders in Belarus, \
             near Baranovichi.\n",
        )
        .unwrap();
        let article = read(&path).unwrap();
        assert_eq!(article.info.published, "2016-05-18", "the date line is read");
        assert!(article.info.title.starts_with("Lavrov met Makei"), "not the date line: {}", article.info.title);
        let mut info = article.info.clone();
        info.title = "Talks in Minsk".into();
        let article = Article { info, ..article };
        let atlas = Atlas::bundled().unwrap();
        let session = draft(&article, &Gazetteer::bundled().unwrap(), &atlas).unwrap();
        let b = session.briefing();
        assert!(session.problems().is_empty(), "{:?}", session.problems());
        assert!(session.is_dirty(), "a new draft is not saved yet");
        assert!(b.path().is_none());
        assert_eq!(b.title(), "Talks in Minsk");
        assert!(
            b.places().iter().any(|p| p.name == "Minsk"),
            "{:?}",
            b.places().iter().map(|p| &p.name).collect::<Vec<_>>()
        );
        assert!(b.undecided_suggestions() > 0);
        let belarus = b.actors().iter().find(|a| a.name == "Belarus").expect("an actor per country");
        let minsk = b.places().iter().find(|p| p.name == "Minsk").unwrap();
        assert_eq!(minsk.actors, std::slice::from_ref(&belarus.id), "Minsk is Belarus's");
        assert!(b.doc().dates.iter().any(|d| d.when.from == Some(PartialDate::day(2016, 5, 16))));
    }
}
