//! Words and numbers that look like dates and are not; spans, offsets and odd input.

use super::{all, check, none, table};
use crate::extract::dates::find_dates;

/// The seed's publication date, a Wednesday.
const PUB: &str = "2016-05-18";

#[test]
fn weapons_labels_and_quantities_are_not_dates() {
    none(
        PUB,
        &[
            "Minsk wants Iskander-M missiles and S-400 systems.",
            "Su-27 and Tu-160 aircraft flew past F-16 jets and a MiG-29.",
            "Some 5,000 troops moved 500 km and climbed 2,000 metres.",
            "The count reached 2,014 votes.",
            "Resolution 2231 was cited on page 2014.",
            "It stretches for a 2014 km border.",
            "About 2000 soldiers and 1990 tanks took part.",
            "The S-300 and Tor systems are outdated.",
            "Article 5 covers 10:30 meetings and 2.5 million people.",
            "Flight 2016 landed; route 1945 was shut.",
            "The 2000 troops left.",
            "Turnout was 2014 people.",
        ],
    );
}

#[test]
fn names_and_ordinary_words_are_not_dates() {
    none(
        PUB,
        &[
            "Theresa May said the talks mattered.",
            "May could not say more.",
            "Prime Minister May visited Warsaw.",
            "Relations cooled after May said so.",
            "Protesters planned a march on Kyiv.",
            "The Long March ended.",
            "The Sunday Times reported it.",
            "He wrote for the Sunday Telegraph.",
            "Bloody Sunday is remembered.",
            "Russia Today broadcast it.",
            "It aired on USA Today and the Today programme.",
            "Last but not least, the army matters.",
            "The last of the three provinces borders Belarus.",
            "First, the system matters. Second, the army does.",
            "It was an august gathering.",
            "The fall of Aleppo shocked them.",
            "Recent years have been hard; for years it was so, currently it is.",
            "Lessons of the Second World War and the Cold War endure.",
            "It is impossible to change life in cities just in three years.",
            "He met April Ryan and June Carter.",
        ],
    );
}

#[test]
fn a_month_with_a_count_after_it_is_only_the_month() {
    check("In March 20 soldiers died.", PUB, "In March", "2016-03-01", "2016-03-31");
    check("In May 5,000 troops moved.", PUB, "In May", "2016-05-01", "2016-05-31");
}

#[test]
fn spans_are_byte_offsets_into_the_whole_text() {
    let text = "Заголовок — “Minsk”\nBelarus’ army trained on 16 May; Minsk’s reply came in mid‑May.";
    let body = text.find("Belarus").unwrap_or_default()..text.len();
    let found = find_dates(text, body, super::side(PUB));
    let words: Vec<&str> = found.iter().map(|d| d.text.as_str()).collect();
    assert_eq!(words, ["on 16 May", "in mid‑May"]);
    for d in &found {
        assert_eq!(&text[d.start..d.end], d.text);
    }
}

#[test]
fn odd_bodies_and_input_never_panic() {
    let text = "Ж on 16 May 2016 ж";
    assert!(find_dates(text, 0..10_000, None).len() == 1);
    assert!(find_dates(text, 1..2, None).is_empty(), "a body inside a character is clamped");
    #[allow(clippy::reversed_empty_ranges)]
    let backwards = find_dates(text, 9..3, None);
    assert!(backwards.is_empty());
    assert!(find_dates("", 0..0, None).is_empty());
    for odd in [
        "99999999999999999999 May",
        "31 April 2016",
        "30 February",
        "0 May",
        "32 May",
        "May 0",
        "in 0000",
        "- - '",
        "9999-99-99",
        "1/1/1/1/1",
        "'00s",
    ] {
        let _ = all(odd, PUB);
        let _ = all(odd, "");
    }
    assert!(all("31 April 2016 and 30 February 2015", PUB).is_empty(), "no such days");
    let crlf = "Talks on 16 May 2016\r\nand on 17 May 2016\rended.";
    assert_eq!(all(crlf, PUB).len(), 2);
}

#[test]
fn lists_of_dates_keep_each_one() {
    let texts: Vec<_> =
        all("Talks took place in April, June and September.", PUB).into_iter().map(|d| d.text).collect();
    assert_eq!(texts, ["in April", "June", "September"]);
    table(
        PUB,
        &[
            ("They met in 2008, and again later.", "in 2008", "2008-01-01", "2008-12-31"),
            ("They met on 16 May, then left.", "on 16 May", "2016-05-16", "2016-05-16"),
        ],
    );
}

#[test]
fn the_seed_sentences_one_by_one() {
    table(
        PUB,
        &[(
            "Since the early 2010s, Moscow has sought to minimise its dependence on its Belarusian partner.",
            "Since the early 2010s",
            "2010-01-01",
            "",
        )],
    );
    let both: Vec<_> = all(
        "In April and early May, Interfax news agency published a series of leaks about the formation by 1 December of three new motorised rifles division",
        PUB,
    )
    .into_iter()
    .map(|d| (d.text, d.from, d.to))
    .collect();
    let side = super::side;
    assert_eq!(
        both,
        [
            ("In April and early May".to_owned(), side("2016-04-01"), side("2016-05-10")),
            ("by 1 December".to_owned(), side("2016-05-18"), side("2016-12-01")),
        ]
    );
    let leaks = "Interfax published a series of leaks about the formation by 1 December of three divisions.";
    check(leaks, PUB, "by 1 December", "2016-05-18", "2016-12-01");
}

#[test]
fn less_common_shapes() {
    table(
        PUB,
        &[
            ("It was founded in the year 2014.", "2014", "2014-01-01", "2014-12-31"),
            ("Debt had to fall by end-2015.", "by end-2015", "", "2015-12-31"),
            ("Prices have risen from 2014 onwards.", "from 2014 onwards", "2014-01-01", ""),
            ("Prices have risen from 2014 to the present.", "from 2014 to the present", "2014-01-01", ""),
            ("Troops must leave no later than 1 December.", "no later than 1 December", "2016-05-18", "2016-12-01"),
            ("Talks were held May 16 and 17 in Minsk.", "May 16 and 17", "2016-05-16", "2016-05-17"),
            ("The 2014–present conflict drags on.", "2014–present", "2014-01-01", ""),
        ],
    );
    none(PUB, &["They met again the following Tuesday.", "They meet every Sunday.", "The plan takes 1000 days."]);
}

#[test]
fn a_news_report_in_american_style() {
    let text = "WASHINGTON, Sept. 14 (AP) — NATO allies will hold talks Tuesday on the S-400 threat, \
        officials said Wednesday. The Zapad drills, set for Sept. 14-20, 2017, involve some 12,700 troops \
        and 70 aircraft, including Su-34 jets. Russia has staged such drills since the early 2000s; in 2013, \
        about 2000 paratroopers took part. Defense Secretary Mattis said in August the alliance had spent \
        the past two years preparing. \"We will be ready by November,\" he told The Sunday Times.";
    let found: Vec<_> = all(text, "2017-09-13").into_iter().map(|d| (d.text, d.from, d.to)).collect();
    let side = super::side;
    let want = [
        ("Sept. 14", "2017-09-14", "2017-09-14"),
        ("Tuesday", "2017-09-19", "2017-09-19"),
        ("Wednesday", "2017-09-13", "2017-09-13"),
        ("Sept. 14-20, 2017", "2017-09-14", "2017-09-20"),
        ("since the early 2000s", "2000-01-01", ""),
        ("in 2013", "2013-01-01", "2013-12-31"),
        ("in August", "2017-08-01", "2017-08-31"),
        ("the past two years", "2015-09-13", "2017-09-13"),
        ("by November", "2017-09-13", "2017-11-30"),
    ];
    let want: Vec<_> = want.iter().map(|&(t, f, to)| (t.to_owned(), side(f), side(to))).collect();
    assert_eq!(found, want);
}

#[test]
fn a_news_report_in_british_style() {
    let text = "Belarus and Russia will hold the Union Shield exercise from 14 to 20 September, the ministry said \
        on Monday. The previous round, in September 2015, drew 5,000 troops to the Brest range. Minsk has \
        bought Tor-M2 systems since 2011 and wants Su-30SM fighters by 2020. Lukashenko said on 3 July that \
        the army \"will not be a bargaining chip\"; a parade is due on 9 May.";
    let found: Vec<_> = all(text, "2016-07-06").into_iter().map(|d| (d.text, d.from, d.to)).collect();
    let side = super::side;
    let want = [
        ("from 14 to 20 September", "2016-09-14", "2016-09-20"),
        ("on Monday", "2016-07-04", "2016-07-04"),
        ("in September 2015", "2015-09-01", "2015-09-30"),
        ("since 2011", "2011-01-01", ""),
        ("by 2020", "2016-07-06", "2020-12-31"),
        ("on 3 July", "2016-07-03", "2016-07-03"),
        ("on 9 May", "2017-05-09", "2017-05-09"),
    ];
    let want: Vec<_> = want.iter().map(|&(t, f, to)| (t.to_owned(), side(f), side(to))).collect();
    assert_eq!(found, want);
}

#[test]
fn a_list_continues_only_with_modern_years() {
    let found: Vec<_> = all("Russia fought in 2014, 1500 of them died.", PUB).into_iter().map(|d| d.text).collect();
    assert_eq!(found, ["in 2014"]);
    let found: Vec<_> = all("Drills were held in 2008, 2011 and 2014.", PUB).into_iter().map(|d| d.text).collect();
    assert_eq!(found, ["in 2008", "2011", "2014"]);
}
