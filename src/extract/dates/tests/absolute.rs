//! Calendar dates as written, British and American, and ranges of them.

use super::{all, check, none, table};
use crate::briefing::{PartialDate, Precision};

/// The seed's publication date, a Wednesday.
const PUB: &str = "2016-05-18";

#[test]
fn days_with_and_without_a_year() {
    table(
        PUB,
        &[
            ("Moscow on 16 May held talks.", "on 16 May", "2016-05-16", "2016-05-16"),
            ("Talks were held on 16 May 2016.", "on 16 May 2016", "2016-05-16", "2016-05-16"),
            ("The division forms on 1 December 2016.", "on 1 December 2016", "2016-12-01", "2016-12-01"),
            ("It was signed on 16th May, 2016.", "on 16th May, 2016", "2016-05-16", "2016-05-16"),
            ("It happened on the 14th of September.", "on the 14th of September", "2015-09-14", "2015-09-14"),
            ("It happened on 14th of September 2017.", "on 14th of September 2017", "2017-09-14", "2017-09-14"),
            ("The raid came on 29 February.", "on 29 February", "2016-02-29", "2016-02-29"),
        ],
    );
    let d = check("Moscow on 16 May held talks.", PUB, "on 16 May", "2016-05-16", "2016-05-16");
    assert_eq!(d.precision, Precision::Day);
    assert!(d.inferred);
    assert_eq!(d.reason.as_deref(), Some("year from the publication date 2016-05-18"));
    assert_eq!(d.when.from, Some(PartialDate::day(2016, 5, 16)));
    assert_eq!(d.when.to, None);
    let stated = check("Talks were held on 16 May 2016.", PUB, "on 16 May 2016", "2016-05-16", "2016-05-16");
    assert!(!stated.inferred && stated.reason.is_none() && stated.when.inferred.is_none());
}

#[test]
fn a_day_after_the_writing_without_a_year_is_last_years_unless_the_sentence_looks_ahead() {
    table(
        PUB,
        &[
            ("The exercise ended on 14 September.", "on 14 September", "2015-09-14", "2015-09-14"),
            ("The exercise will start on 14 September.", "on 14 September", "2016-09-14", "2016-09-14"),
            ("The summit is due on 9 July.", "on 9 July", "2016-07-09", "2016-07-09"),
            ("The vote is scheduled for 9 July.", "9 July", "2016-07-09", "2016-07-09"),
        ],
    );
    let d = check("The exercise will start on 14 September.", PUB, "on 14 September", "2016-09-14", "2016-09-14");
    assert!(d.reason.as_deref().is_some_and(|r| r.contains("looks ahead")), "{d:#?}");
    // 29 February in a year without one: the most recent that exists.
    check("The raid came on 29 February.", "2017-05-18", "on 29 February", "2016-02-29", "2016-02-29");
}

#[test]
fn american_style() {
    table(
        PUB,
        &[
            ("Talks began September 14.", "September 14", "2015-09-14", "2015-09-14"),
            ("Talks began September 14, 2017, in Minsk.", "September 14, 2017", "2017-09-14", "2017-09-14"),
            ("Talks began Sept. 14 in Minsk.", "Sept. 14", "2015-09-14", "2015-09-14"),
            ("Talks began Sept. 14, 2017.", "Sept. 14, 2017", "2017-09-14", "2017-09-14"),
            ("Talks began on May 16th.", "on May 16th", "2016-05-16", "2016-05-16"),
            ("He spoke Monday, May 16, 2016, in Minsk.", "Monday, May 16, 2016", "2016-05-16", "2016-05-16"),
            ("The drills ran September 14-20, 2017.", "September 14-20, 2017", "2017-09-14", "2017-09-20"),
            ("MINSK, May 16 (Reuters) - Talks began.", "May 16", "2016-05-16", "2016-05-16"),
        ],
    );
}

#[test]
fn british_style_with_weekdays() {
    table(
        PUB,
        &[
            ("He spoke on Tuesday 17 May 2016 in Minsk.", "on Tuesday 17 May 2016", "2016-05-17", "2016-05-17"),
            ("He spoke on Monday, 16 May.", "on Monday, 16 May", "2016-05-16", "2016-05-16"),
            ("Talks began 14 Sept 2017.", "14 Sept 2017", "2017-09-14", "2017-09-14"),
        ],
    );
}

#[test]
fn numeric_dates_only_when_one_reading_fits() {
    table(
        PUB,
        &[
            ("Filed 2016-05-16 by the agency.", "2016-05-16", "2016-05-16", "2016-05-16"),
            ("Filed 16/05/2016 by the agency.", "16/05/2016", "2016-05-16", "2016-05-16"),
            ("Filed 05/16/2016 by the agency.", "05/16/2016", "2016-05-16", "2016-05-16"),
            ("Filed 05/05/2016 by the agency.", "05/05/2016", "2016-05-05", "2016-05-05"),
            ("Filed 16.05.2016 by the agency.", "16.05.2016", "2016-05-16", "2016-05-16"),
            ("Filed 2016/05/16 by the agency.", "2016/05/16", "2016-05-16", "2016-05-16"),
        ],
    );
    none(PUB, &["Filed 05/06/2016 by the agency.", "Filed 31/02/2016.", "Filed 2016-13-01.", "Score 16/05/16."]);
}

#[test]
fn months_and_years() {
    table(
        PUB,
        &[
            ("Talks were held in May 2016.", "in May 2016", "2016-05-01", "2016-05-31"),
            ("Talks were held in May of 2016.", "in May of 2016", "2016-05-01", "2016-05-31"),
            ("Talks were held in May.", "in May", "2016-05-01", "2016-05-31"),
            ("Talks were held in June.", "in June", "2015-06-01", "2015-06-30"),
            ("Talks will be held in June.", "in June", "2016-06-01", "2016-06-30"),
            ("In 2014 Russia annexed Crimea.", "In 2014", "2014-01-01", "2014-12-31"),
            ("Russia annexed Crimea in 2014.", "in 2014", "2014-01-01", "2014-12-31"),
            ("Napoleon reached Moscow in 1812.", "in 1812", "1812-01-01", "1812-12-31"),
            ("The 2014 war changed everything.", "2014", "2014-01-01", "2014-12-31"),
            ("Since 2014's annexation, little has changed.", "Since 2014", "2014-01-01", ""),
            ("2014's annexation changed everything.", "2014", "2014-01-01", "2014-12-31"),
            ("2014, the year of the annexation, changed everything.", "2014", "2014-01-01", "2014-12-31"),
            ("Russia's 2014 annexation of Crimea.", "2014", "2014-01-01", "2014-12-31"),
            ("The army wants new jets by 2020.", "by 2020", "2016-05-18", "2020-12-31"),
        ],
    );
    let month = check("Talks were held in May 2016.", PUB, "in May 2016", "2016-05-01", "2016-05-31");
    assert_eq!((month.precision, month.when.from), (Precision::Month, Some(PartialDate::month(2016, 5))));
    let year = check("In 2014 Russia annexed Crimea.", PUB, "In 2014", "2014-01-01", "2014-12-31");
    assert_eq!((year.precision, year.when.from, year.when.to), (Precision::Year, Some(PartialDate::year(2014)), None));
}

#[test]
fn ranges_of_years() {
    table(
        PUB,
        &[
            ("Moscow insisted in 2013-2015 on an airbase.", "in 2013-2015", "2013-01-01", "2015-12-31"),
            ("The 2013-2015 push failed.", "2013-2015", "2013-01-01", "2015-12-31"),
            ("Moscow insisted in 2013–15 on an airbase.", "in 2013–15", "2013-01-01", "2015-12-31"),
            ("Jets were overhauled in 2014-2015.", "in 2014-2015", "2014-01-01", "2015-12-31"),
            ("Jets were overhauled from 2014 to 2015.", "from 2014 to 2015", "2014-01-01", "2015-12-31"),
            ("Jets were overhauled between 2014 and 2015.", "between 2014 and 2015", "2014-01-01", "2015-12-31"),
            ("Jets were overhauled in 2014 and 2015.", "in 2014 and 2015", "2014-01-01", "2015-12-31"),
            ("The 2015/16 budget cut it.", "2015/16", "2015-01-01", "2016-12-31"),
        ],
    );
    let d = check("Moscow insisted in 2013-2015 on an airbase.", PUB, "in 2013-2015", "2013-01-01", "2015-12-31");
    assert_eq!((d.precision, d.when.to), (Precision::Years, Some(PartialDate::year(2015))));
    // Two years that do not touch are two dates, not the years between them.
    let wars: Vec<_> = all("Russia fought in 2008 and 2014.", PUB).into_iter().map(|d| d.text).collect();
    assert_eq!(wars, ["in 2008", "2014"]);
}

#[test]
fn ranges_of_days_and_months() {
    table(
        PUB,
        &[
            ("The drills ran 14-20 September 2017.", "14-20 September 2017", "2017-09-14", "2017-09-20"),
            ("The drills ran 14–20 September.", "14–20 September", "2015-09-14", "2015-09-20"),
            ("The drills will run 14–20 September.", "14–20 September", "2016-09-14", "2016-09-20"),
            (
                "The drills ran from 14 to 20 September 2017.",
                "from 14 to 20 September 2017",
                "2017-09-14",
                "2017-09-20",
            ),
            (
                "The drills ran between 14 and 20 September 2017.",
                "between 14 and 20 September 2017",
                "2017-09-14",
                "2017-09-20",
            ),
            (
                "The drills ran 14 September – 2 October 2017.",
                "14 September – 2 October 2017",
                "2017-09-14",
                "2017-10-02",
            ),
            ("The round was held in Minsk on 3-4 April.", "on 3-4 April", "2016-04-03", "2016-04-04"),
            ("The round was held on 3 and 4 April.", "on 3 and 4 April", "2016-04-03", "2016-04-04"),
            ("Leaks came between April and June.", "between April and June", "2016-04-01", "2016-06-30"),
            ("Leaks came from March to May 2016.", "from March to May 2016", "2016-03-01", "2016-05-31"),
            ("Leaks came in April and early May.", "in April and early May", "2016-04-01", "2016-05-10"),
            (
                "Leaks came from November to February 2016.",
                "from November to February 2016",
                "2015-11-01",
                "2016-02-29",
            ),
            ("Leaks came between November and February.", "between November and February", "2015-11-01", "2016-02-29"),
            ("Leaks came in April–May 2016.", "in April–May 2016", "2016-04-01", "2016-05-31"),
        ],
    );
    let months = check("Leaks came from March to May 2016.", PUB, "from March to May 2016", "2016-03-01", "2016-05-31");
    assert_eq!(months.precision, Precision::Month);
    assert!(!months.inferred, "the year is stated once for both");
    let mixed = check("Leaks came in April and early May.", PUB, "in April and early May", "2016-04-01", "2016-05-10");
    assert_eq!(mixed.precision, Precision::Day);
    let two: Vec<_> = all("It met on 16 and 18 May.", PUB).into_iter().map(|d| (d.text, d.from)).collect();
    assert_eq!(
        two,
        [("on 16".to_owned(), super::side("2016-05-16")), ("18 May".to_owned(), super::side("2016-05-18"))]
    );
}

#[test]
fn the_longest_well_formed_reading_wins() {
    let text = "The drills ran from 14 to 20 September 2017, then from March to May 2018.";
    let found: Vec<_> = all(text, PUB).into_iter().map(|d| d.text).collect();
    assert_eq!(found, ["from 14 to 20 September 2017", "from March to May 2018"]);
}
