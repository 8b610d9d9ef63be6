//! Dates found in short texts, each with its publication date and the days expected.

mod absolute;
mod relative;
mod traps;

use jiff::civil::Date;

use super::{FoundDate, find_dates};
use crate::briefing::Precision;

/// The Bohdan article (published 2016-05-18); its last eleven lines are teasers of other articles.
const SEED: &str = include_str!("../../../../seeds/000_d3f6851c5c464e3d.txt");
/// The seed's first teaser line (1-based).
const SEED_TEASERS_FROM_LINE: usize = 29;

fn day(s: &str) -> Date {
    s.parse().unwrap_or_else(|e| panic!("bad test date {s}: {e}"))
}

/// A day, or `None` for "" (an open side).
fn side(s: &str) -> Option<Date> {
    (!s.is_empty()).then(|| day(s))
}

/// Every date in `text`.
fn all(text: &str, published: &str) -> Vec<FoundDate> {
    find_dates(text, 0..text.len(), side(published))
}

/// The one date in `text` (published on `published`, "" = unknown) must be `words`, `from`..`to`.
#[track_caller]
fn check(text: &str, published: &str, words: &str, from: &str, to: &str) -> FoundDate {
    let found = all(text, published);
    assert_eq!(found.len(), 1, "{text:?}: expected one date, found {found:#?}");
    let d = found.into_iter().next().unwrap_or_else(|| unreachable!());
    assert_eq!(d.text, words, "{text:?}");
    assert_eq!((d.from, d.to), (side(from), side(to)), "{text:?}: {d:#?}");
    assert_eq!(&text[d.start..d.end], d.text);
    consistent(&d);
    d
}

/// Runs `check` over rows of (text, words, from, to), all published on `published`.
#[track_caller]
fn table(published: &str, rows: &[(&str, &str, &str, &str)]) {
    for &(text, words, from, to) in rows {
        check(text, published, words, from, to);
    }
}

/// No dates at all in any of `texts`.
#[track_caller]
fn none(published: &str, texts: &[&str]) {
    for text in texts {
        let found = all(text, published);
        assert!(found.is_empty(), "{text:?}: expected no date, found {found:#?}");
    }
}

/// The briefing's `When` says the same days as `from`/`to`, and the text is its words.
#[track_caller]
fn consistent(d: &FoundDate) {
    assert_eq!(d.when.text.as_deref(), Some(d.text.as_str()));
    assert_eq!(d.precision, d.when.precision);
    if d.unresolved {
        assert!(d.from.is_none() && d.to.is_none() && d.reason.is_some(), "{d:#?}");
        return;
    }
    let span = d.when.span().unwrap_or_else(|e| panic!("{d:#?}: {e}"));
    assert_eq!((span.start, span.end), (d.from, d.to));
    assert_eq!(d.inferred, d.reason.is_some());
    assert_eq!(d.when.inferred, d.reason);
}

fn seed_body() -> std::ops::Range<usize> {
    let end = SEED.match_indices('\n').nth(SEED_TEASERS_FROM_LINE - 2).map_or(SEED.len(), |(i, _)| i + 1);
    0..end
}

#[test]
fn seed_article_has_exactly_the_dates_a_reader_marks() {
    let found = find_dates(SEED, seed_body(), Some(day("2016-05-18")));
    let got: Vec<(&str, Option<Date>, Option<Date>)> = found.iter().map(|d| (d.text.as_str(), d.from, d.to)).collect();
    let want = [
        ("on 16 May", "2016-05-16", "2016-05-16"),
        ("on 16 May", "2016-05-16", "2016-05-16"),
        ("on 16 May", "2016-05-16", "2016-05-16"),
        ("Since the early 2010s", "2010-01-01", ""),
        ("For more than five years", "", "2016-05-18"),
        ("in 2013-2015", "2013-01-01", "2015-12-31"),
        ("In April and early May", "2016-04-01", "2016-05-10"),
        ("by 1 December", "2016-05-18", "2016-12-01"),
        ("on 17 April", "2016-04-17", "2016-04-17"),
        ("in 2014", "2014-01-01", "2014-12-31"),
        ("in the past three years", "2013-05-18", "2016-05-18"),
        ("in 2014-2015", "2014-01-01", "2015-12-31"),
        ("last winter", "2015-12-01", "2016-02-29"),
    ];
    let want: Vec<_> = want.iter().map(|&(t, f, to)| (t, side(f), side(to))).collect();
    assert_eq!(got, want);
    for d in &found {
        consistent(d);
        assert_eq!(&SEED[d.start..d.end], d.text);
    }
    let winter = &found[12];
    assert_eq!(winter.precision, Precision::Season);
    assert_eq!(winter.when.season, Some(crate::briefing::Season::Winter));
    assert_eq!(found[5].precision, Precision::Years);
    assert_eq!(found[0].reason.as_deref(), Some("year from the publication date 2016-05-18"));
    assert!(!found[9].inferred, "'in 2014' is stated");
}

#[test]
fn seed_teasers_are_outside_the_body() {
    let body = seed_body();
    let teasers = find_dates(SEED, body.end..SEED.len(), Some(day("2016-05-18")));
    let words: Vec<&str> = teasers.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(
        words,
        [
            "this past winter",
            "On September 11",
            "on 3-4 April 2017",
            "on 25 March 2017",
            "on Tuesday",
            "this past winter"
        ]
    );
    assert!(teasers.iter().all(|d| d.start >= body.end), "offsets stay relative to the whole text");
    let in_body = find_dates(SEED, body.clone(), Some(day("2016-05-18")));
    assert!(in_body.iter().all(|d| d.end <= body.end));
}

#[test]
fn seed_without_a_publication_date_flags_what_it_cannot_date() {
    let found = find_dates(SEED, seed_body(), None);
    assert_eq!(found.len(), 13);
    let stated: Vec<&str> = found.iter().filter(|d| !d.unresolved).map(|d| d.text.as_str()).collect();
    assert_eq!(stated, ["Since the early 2010s", "in 2013-2015", "in 2014", "in 2014-2015"]);
    for d in found.iter().filter(|d| d.unresolved) {
        consistent(d);
        assert!(d.reason.as_deref().is_some_and(|r| r.contains("not known")), "{d:#?}");
    }
    let winter = found.iter().find(|d| d.text == "last winter").map(|d| (d.precision, d.when.season));
    assert_eq!(winter, Some((Precision::Season, Some(crate::briefing::Season::Winter))));
}

#[test]
fn found_dates_serialize_with_iso_days() {
    let d = check("Talks were held on 16 May 2016.", "", "on 16 May 2016", "2016-05-16", "2016-05-16");
    let json = serde_json::to_value(&d).unwrap_or_default();
    assert_eq!(json["from"], "2016-05-16");
    assert_eq!(json["to"], "2016-05-16");
    assert_eq!(json["precision"], "day");
    assert_eq!(json["inferred"], false);
    assert_eq!(json["when"]["from"], "2016-05-16");
    let open = check("Sanctions have applied since 2014.", "", "since 2014", "2014-01-01", "");
    let json = serde_json::to_value(&open).unwrap_or_default();
    assert_eq!(json["to"], serde_json::Value::Null);
    assert_eq!(json["when"]["precision"], "open");
}
