//! Dates counted from the writing, seasons and parts of periods.

use super::{all, check, table};
use crate::briefing::{PartialDate, Precision, Season};

/// The seed's publication date, a Wednesday.
const PUB: &str = "2016-05-18";

#[test]
fn weekdays_are_the_most_recent_unless_the_sentence_looks_ahead() {
    table(
        PUB,
        &[
            ("Lukashenko said on Tuesday a plot was afoot.", "on Tuesday", "2016-05-17", "2016-05-17"),
            ("Lukashenko said Tuesday a plot was afoot.", "Tuesday", "2016-05-17", "2016-05-17"),
            ("The ministers met on Wednesday.", "on Wednesday", "2016-05-18", "2016-05-18"),
            ("The ministers met on Thursday.", "on Thursday", "2016-05-12", "2016-05-12"),
            ("The ministers will meet on Tuesday.", "on Tuesday", "2016-05-24", "2016-05-24"),
            ("On Tuesday, the ministers will meet in Minsk.", "On Tuesday", "2016-05-24", "2016-05-24"),
            (
                "On Saturday, a column of Stryker vehicles of the 2nd Cavalry Regiment is to set out from Estonia.",
                "On Saturday",
                "2016-05-21",
                "2016-05-21",
            ),
            (
                "The convoy will stop in Tallinn, Vilnius and the Polish town of Bialystok, and arrives on Tuesday.",
                "on Tuesday",
                "2016-05-24",
                "2016-05-24",
            ),
            ("He said on Monday that talks will resume.", "on Monday", "2016-05-16", "2016-05-16"),
            ("The ministers meet next Tuesday.", "next Tuesday", "2016-05-24", "2016-05-24"),
            ("The ministers met last Tuesday.", "last Tuesday", "2016-05-17", "2016-05-17"),
            ("Tuesday's talks went badly.", "Tuesday", "2016-05-17", "2016-05-17"),
            ("The strike began on Sunday morning.", "on Sunday morning", "2016-05-15", "2016-05-15"),
        ],
    );
    let d = check("The ministers will meet on Tuesday.", PUB, "on Tuesday", "2016-05-24", "2016-05-24");
    assert_eq!(d.reason.as_deref(), Some("the Tuesday after the publication date 2016-05-18 (Wednesday)"));
}

#[test]
fn days_and_periods_counted_from_the_writing() {
    table(
        PUB,
        &[
            ("The talks ended yesterday.", "yesterday", "2016-05-17", "2016-05-17"),
            ("The talks end today.", "today", "2016-05-18", "2016-05-18"),
            ("The talks end tomorrow.", "tomorrow", "2016-05-19", "2016-05-19"),
            ("The talks ended the day before yesterday.", "the day before yesterday", "2016-05-16", "2016-05-16"),
            ("Shelling resumed last night.", "last night", "2016-05-17", "2016-05-17"),
            ("Shelling resumed earlier this month.", "earlier this month", "2016-05-01", "2016-05-18"),
            ("Shelling resumed earlier this week.", "earlier this week", "2016-05-16", "2016-05-18"),
            ("Shelling resumed earlier this year.", "earlier this year", "2016-01-01", "2016-05-18"),
            ("Talks resume later this year.", "later this year", "2016-05-18", "2016-12-31"),
            ("Shelling resumed last week.", "last week", "2016-05-09", "2016-05-15"),
            ("Shelling resumed last month.", "last month", "2016-04-01", "2016-04-30"),
            ("Shelling resumed last year.", "last year", "2015-01-01", "2015-12-31"),
            ("The budget for this year is cut.", "this year", "2016-01-01", "2016-12-31"),
            ("Talks resume next year.", "next year", "2017-01-01", "2017-12-31"),
            ("Talks resume next month.", "next month", "2016-06-01", "2016-06-30"),
            ("Talks resume early next year.", "early next year", "2017-01-01", "2017-04-30"),
            ("Talks failed late last year.", "late last year", "2015-09-01", "2015-12-31"),
            ("Talks failed last May.", "last May", "2015-05-01", "2015-05-31"),
            ("Talks failed last March.", "last March", "2016-03-01", "2016-03-31"),
            ("Talks resume next March.", "next March", "2017-03-01", "2017-03-31"),
        ],
    );
    let last_year = check("Shelling resumed last year.", PUB, "last year", "2015-01-01", "2015-12-31");
    assert_eq!((last_year.precision, last_year.when.from), (Precision::Year, Some(PartialDate::year(2015))));
    assert_eq!(last_year.reason.as_deref(), Some("the year before the publication date 2016-05-18"));
}

#[test]
fn counted_back_from_the_writing() {
    table(
        PUB,
        &[
            ("He has resisted it in the past three years.", "in the past three years", "2013-05-18", "2016-05-18"),
            ("He has resisted it over the last decade.", "over the last decade", "2006-05-18", "2016-05-18"),
            ("He has resisted it for the past five years.", "for the past five years", "2011-05-18", "2016-05-18"),
            ("Shelling has gone on for five years.", "for five years", "2011-05-18", "2016-05-18"),
            ("Shelling has gone on for over a decade.", "for over a decade", "", "2016-05-18"),
            ("For more than five years, industries have replaced parts.", "For more than five years", "", "2016-05-18"),
            ("The talks began two weeks ago.", "two weeks ago", "2016-05-04", "2016-05-04"),
            ("The talks began three days ago.", "three days ago", "2016-05-15", "2016-05-15"),
            ("The talks began a month ago.", "a month ago", "2016-04-01", "2016-04-30"),
            ("The talks began three years ago.", "three years ago", "2013-01-01", "2013-12-31"),
            ("The base closed a decade ago.", "a decade ago", "2006-01-01", "2006-12-31"),
            ("Ten years ago tonight, the guns opened fire.", "Ten years ago tonight", "2006-05-18", "2006-05-18"),
            ("Spending will rise over the next five years.", "over the next five years", "2016-05-18", "2021-05-18"),
            ("Talks are planned in the coming two weeks.", "in the coming two weeks", "2016-05-18", "2016-06-01"),
        ],
    );
    let more = check(
        "For more than five years, industries have replaced parts.",
        PUB,
        "For more than five years",
        "",
        "2016-05-18",
    );
    assert_eq!((more.precision, more.when.to), (Precision::Open, Some(PartialDate::day(2016, 5, 18))));
    assert!(more.reason.as_deref().is_some_and(|r| r.contains("begun before 2011-05-18")), "{more:#?}");
    // A duration not anchored to the writing is not a date.
    super::none(PUB, &["He was sentenced for five years.", "The lease runs for ten years."]);
}

#[test]
fn open_sides() {
    table(
        PUB,
        &[
            ("Sanctions have applied since 2014.", "since 2014", "2014-01-01", ""),
            ("Sanctions have applied since May 2014.", "since May 2014", "2014-05-01", ""),
            ("Sanctions have applied since 16 May.", "since 16 May", "2016-05-16", ""),
            ("Plates are to be issued from 1 September.", "from 1 September", "2016-09-01", ""),
            ("The border stayed closed until 1938.", "until 1938", "", "1938-12-31"),
            ("The border stayed closed until May.", "until May", "", "2016-05-31"),
        ],
    );
    let since = check("Sanctions have applied since 2014.", PUB, "since 2014", "2014-01-01", "");
    assert_eq!(
        (since.when.from, since.precision, since.inferred),
        (Some(PartialDate::year(2014)), Precision::Open, false)
    );
    // "before" and "after" name the date they are measured from; that date is what is marked.
    table(
        PUB,
        &[
            ("The base existed before 2014.", "2014", "2014-01-01", "2014-12-31"),
            ("Prices rose after 2014.", "2014", "2014-01-01", "2014-12-31"),
            ("Expect no movement before next year.", "next year", "2017-01-01", "2017-12-31"),
        ],
    );
    super::none(PUB, &["Relations cooled after May said so."]);
}

#[test]
fn deadlines_ahead_run_from_the_writing() {
    table(
        PUB,
        &[
            ("The divisions form by 1 December.", "by 1 December", "2016-05-18", "2016-12-01"),
            ("The divisions form by 1 April.", "by 1 April", "2016-05-18", "2017-04-01"),
            (
                "Every soldier would be home by the end of September.",
                "by the end of September",
                "2016-05-18",
                "2016-09-30",
            ),
            ("The plan is due by the end of the year.", "by the end of the year", "2016-05-18", "2016-12-31"),
            ("The army wants new jets by 2020.", "by 2020", "2016-05-18", "2020-12-31"),
            // Met before: open start. A plain past: the deadline is the time itself.
            ("By 1 April the troops had left.", "By 1 April", "", "2016-04-01"),
            ("By 2014 Russia had taken Crimea.", "By 2014", "", "2014-12-31"),
            (
                "By Monday afternoon the kitchen smelled like a mess hall.",
                "By Monday afternoon",
                "2016-05-16",
                "2016-05-16",
            ),
        ],
    );
    let by = check("The divisions form by 1 December.", PUB, "by 1 December", "2016-05-18", "2016-12-01");
    assert_eq!(
        (by.precision, by.when.from, by.when.to),
        (Precision::Day, Some(PartialDate::day(2016, 5, 18)), Some(PartialDate::day(2016, 12, 1)))
    );
    assert_eq!(
        by.reason.as_deref(),
        Some(
            "year from the publication date 2016-05-18; the coming one, as the sentence looks ahead; \
             a deadline ahead of the publication date 2016-05-18: from then to 2016-12-01"
        )
    );
    // "until" a time after the writing, and "before the end of": deadlines too.
    table(
        PUB,
        &[
            ("The treaty holds until 2020.", "until 2020", "2016-05-18", "2020-12-31"),
            ("Sanctions stay until the end of the year.", "until the end of the year", "2016-05-18", "2016-12-31"),
            (
                "Inspectors visit before the end of the month.",
                "before the end of the month",
                "2016-05-18",
                "2016-05-31",
            ),
        ],
    );
    // Without a publication date, a deadline with its year keeps an open start.
    check("The army wants new jets by 2020.", "", "by 2020", "", "2020-12-31");
}

#[test]
fn seasons() {
    table(
        PUB,
        &[
            ("Last winter it ordered drills.", "Last winter", "2015-12-01", "2016-02-29"),
            ("This spring it ordered drills.", "This spring", "2016-03-01", "2016-05-31"),
            ("This summer it will hold drills.", "This summer", "2016-06-01", "2016-08-31"),
            ("Next summer it will hold drills.", "Next summer", "2017-06-01", "2017-08-31"),
            ("Last summer it held drills.", "Last summer", "2015-06-01", "2015-08-31"),
            ("This autumn it will hold drills.", "This autumn", "2016-09-01", "2016-11-30"),
            ("A crisis worsened this past winter.", "this past winter", "2015-12-01", "2016-02-29"),
            ("It held drills last fall.", "last fall", "2015-09-01", "2015-11-30"),
            ("It held drills in the summer of 2014.", "in the summer of 2014", "2014-06-01", "2014-08-31"),
            ("It held drills in spring 2016.", "in spring 2016", "2016-03-01", "2016-05-31"),
            ("It held drills in winter 2015-16.", "in winter 2015-16", "2015-12-01", "2016-02-29"),
            ("It held drills in winter 2015/16.", "in winter 2015/16", "2015-12-01", "2016-02-29"),
            ("It held drills in the winter of 2014.", "in the winter of 2014", "2013-12-01", "2014-02-28"),
            ("It held drills in the summer.", "in the summer", "2015-06-01", "2015-08-31"),
            ("It will hold drills in the summer.", "in the summer", "2016-06-01", "2016-08-31"),
        ],
    );
    let winter = check("Last winter it ordered drills.", PUB, "Last winter", "2015-12-01", "2016-02-29");
    assert_eq!((winter.precision, winter.when.season), (Precision::Season, Some(Season::Winter)));
    assert_eq!(winter.when.from, Some(PartialDate::year(2015)));
    assert_eq!(winter.when.label(), "winter 2015–16");
    // In January, last winter is the one before the current one.
    check("Last winter it ordered drills.", "2016-01-20", "Last winter", "2014-12-01", "2015-02-28");
    let guessed =
        check("It held drills in the winter of 2014.", PUB, "in the winter of 2014", "2013-12-01", "2014-02-28");
    assert!(guessed.inferred, "'winter 2014' could be either winter; the reading is flagged");
}

#[test]
fn parts_of_months_years_and_decades() {
    table(
        PUB,
        &[
            ("Leaks came in early May.", "in early May", "2016-05-01", "2016-05-10"),
            ("Leaks came in mid-May.", "in mid-May", "2016-05-11", "2016-05-20"),
            ("Leaks came in late April.", "in late April", "2016-04-21", "2016-04-30"),
            ("Leaks came at the end of April.", "at the end of April", "2016-04-21", "2016-04-30"),
            ("Leaks came in mid-September 2017.", "in mid-September 2017", "2017-09-11", "2017-09-20"),
            ("Leaks came in early 2015.", "in early 2015", "2015-01-01", "2015-04-30"),
            ("Leaks came in mid-2015.", "in mid-2015", "2015-05-01", "2015-08-31"),
            ("Leaks came in late 2015.", "in late 2015", "2015-09-01", "2015-12-31"),
            ("Leaks came at the end of 2015.", "at the end of 2015", "2015-12-01", "2015-12-31"),
            ("Leaks came at the end of the year.", "at the end of the year", "2016-12-01", "2016-12-31"),
            ("Leaks came at the beginning of the year.", "at the beginning of the year", "2016-01-01", "2016-01-31"),
            ("Leaks came in the first half of 2015.", "in the first half of 2015", "2015-01-01", "2015-06-30"),
            ("Leaks came in the third quarter of 2015.", "in the third quarter of 2015", "2015-07-01", "2015-09-30"),
            ("Ties grew in the early 2010s.", "in the early 2010s", "2010-01-01", "2013-12-31"),
            ("Ties grew in the late 1990s.", "in the late 1990s", "1997-01-01", "1999-12-31"),
            ("Ties grew in the mid-1990s.", "in the mid-1990s", "1994-01-01", "1996-12-31"),
            ("Ties grew in the 1990s.", "in the 1990s", "1990-01-01", "1999-12-31"),
            ("Ties grew in the '90s.", "in the '90s", "1990-01-01", "1999-12-31"),
            ("Ties grew in the 20th century.", "in the 20th century", "1900-01-01", "1999-12-31"),
        ],
    );
    let late = check("Leaks came in late 2015.", PUB, "in late 2015", "2015-09-01", "2015-12-31");
    assert_eq!(
        (late.precision, late.when.from, late.when.to),
        (Precision::Month, Some(PartialDate::month(2015, 9)), Some(PartialDate::month(2015, 12)))
    );
    assert_eq!(late.reason.as_deref(), Some("'late' taken as 2015-09 to 2015-12"));
    let early = check("Ties grew in the early 2010s.", PUB, "in the early 2010s", "2010-01-01", "2013-12-31");
    assert_eq!((early.precision, early.when.to), (Precision::Years, Some(PartialDate::year(2013))));
}

#[test]
fn without_a_publication_date_relative_dates_are_unresolved_never_guessed() {
    for text in [
        "They met on Tuesday.",
        "They met yesterday.",
        "They met on 16 May.",
        "They met last winter.",
        "They met in the past three years.",
        "They met two weeks ago.",
        "They met last year.",
    ] {
        let found = all(text, "");
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        let d = &found[0];
        assert!(d.unresolved && d.from.is_none() && d.to.is_none(), "{text}: {d:#?}");
        assert!(d.reason.as_deref().is_some_and(|r| r.contains("publication date")), "{text}: {d:#?}");
        super::consistent(d);
    }
    let stated = check("They met on 16 May 2016.", "", "on 16 May 2016", "2016-05-16", "2016-05-16");
    assert!(!stated.unresolved);
    let winter = &all("They met last winter.", "")[0];
    assert_eq!((winter.precision, winter.when.season), (Precision::Season, Some(Season::Winter)));
}
