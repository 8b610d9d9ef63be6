//! The words date expressions are made of, classified once per token.

use jiff::civil::Weekday;

use crate::briefing::Season;

/// A unit of calendar time, as in "two weeks ago" or "the past three years".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    Day,
    Week,
    Month,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The unit's name, singular or plural, for reasons.
    pub(super) fn name(self, n: u32) -> &'static str {
        let (one, many) = match self {
            Self::Day => ("day", "days"),
            Self::Week => ("week", "weeks"),
            Self::Month => ("month", "months"),
            Self::Year => ("year", "years"),
            Self::Decade => ("decade", "decades"),
            Self::Century => ("century", "centuries"),
        };
        if n == 1 { one } else { many }
    }
}

/// What a word's position in the sentence says about when the sentence happens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Cue {
    /// "will", "is due", "scheduled": the sentence looks ahead.
    Future,
    /// "said", "was", "met": the sentence reports the past.
    Past,
    /// "has", "have": something going on up to now.
    Perfect,
    /// "had": a past before the past.
    PastPerfect,
}

/// One word, classified for the date grammar; everything else is [`Word::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Word {
    /// A month's full name ("May", "September"); month 1–12.
    Month(i8),
    /// A month's short form ("Sept", "Dec"), only a date next to a day or a year.
    MonthAbbr(i8),
    Weekday(Weekday),
    Season(Season),
    /// "fall": autumn, or the verb and the noun ("the fall of Aleppo").
    Fall,
    Yesterday,
    Today,
    Tomorrow,
    Tonight,
    Night,
    /// "morning", "afternoon", "evening".
    DayPart,
    Last,
    This,
    Next,
    Past,
    Coming,
    Ago,
    Earlier,
    Later,
    Early,
    Mid,
    Late,
    Middle,
    /// "beginning", "start".
    Beginning,
    End,
    Half,
    Quarter,
    Century,
    /// "first" … "fourth", for halves and quarters.
    Ordinal(u8),
    /// A unit of time; `true` when plural.
    Unit(Unit, bool),
    /// A number word: "a", "an", "one" … "ninety".
    Count(u32),
    On,
    In,
    Since,
    By,
    /// "until", "till", "through", "thru".
    Until,
    From,
    To,
    Between,
    And,
    Or,
    /// "during", "throughout".
    During,
    /// "before" (only in "the day before yesterday"; "before 2014" is read as 2014).
    Before,
    /// "after" (only in "the day after tomorrow").
    After,
    For,
    Over,
    At,
    Of,
    The,
    Within,
    More,
    Than,
    /// "onwards", "onward": "from 2014 onwards".
    Onward,
    /// "about", "around", "nearly", "almost", "some", "roughly".
    Approx,
    /// "its", "their", "his", "her", "that", "whose": can stand before "the 2014 war" style years.
    Determiner,
    Cue(Cue),
    /// A lowercase word ending in "-ed": a past verb ("smelled like") or an adjective ("motorised").
    Ed,
    /// Words after which a number is a label, not a year: "page", "Resolution", "No".
    Label,
    /// Units of measure: "km", "metres", "percent".
    Measure,
    /// Things counted in news: "troops", "tanks", "people".
    Counted,
    Other,
}

/// Longest word worth classifying; longer ones are [`Word::Other`] (or a past-tense cue).
const MAX_WORD: usize = 16;

/// Classifies one word (letters only, any case).
pub(super) fn classify(word: &str) -> Word {
    let mut buf = [0u8; MAX_WORD];
    if word.len() > MAX_WORD || !word.is_ascii() {
        return if word.is_ascii() && word.ends_with("ed") && !starts_upper(word) { Word::Ed } else { Word::Other };
    }
    for (b, c) in buf.iter_mut().zip(word.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..word.len()]).unwrap_or_default();
    if let Some(w) = calendar_word(lower).or_else(|| grammar_word(lower)).or_else(|| context_word(lower)) {
        return w;
    }
    if lower.len() >= 5 && lower.ends_with("ed") && !starts_upper(word) {
        return Word::Ed;
    }
    Word::Other
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// The months' names, lowercase, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn calendar_word(w: &str) -> Option<Word> {
    use Word::*;
    const ABBRS: [&str; 12] = ["jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    if let Some(m) = MONTHS.iter().position(|&n| n == w) {
        return Some(Month(m as i8 + 1));
    }
    if let Some(m) = ABBRS.iter().position(|&n| n == w) {
        return Some(MonthAbbr(m as i8 + 1));
    }
    Some(match w {
        "sept" => MonthAbbr(9),
        "monday" => Weekday(jiff::civil::Weekday::Monday),
        "tuesday" => Weekday(jiff::civil::Weekday::Tuesday),
        "wednesday" => Weekday(jiff::civil::Weekday::Wednesday),
        "thursday" => Weekday(jiff::civil::Weekday::Thursday),
        "friday" => Weekday(jiff::civil::Weekday::Friday),
        "saturday" => Weekday(jiff::civil::Weekday::Saturday),
        "sunday" => Weekday(jiff::civil::Weekday::Sunday),
        "spring" => Season(crate::briefing::Season::Spring),
        "summer" => Season(crate::briefing::Season::Summer),
        "autumn" => Season(crate::briefing::Season::Autumn),
        "winter" => Season(crate::briefing::Season::Winter),
        "fall" => Fall,
        "yesterday" => Yesterday,
        "today" => Today,
        "tomorrow" => Tomorrow,
        "tonight" => Tonight,
        "night" => Night,
        "morning" | "afternoon" | "evening" => DayPart,
        "day" => Unit(self::Unit::Day, false),
        "days" => Unit(self::Unit::Day, true),
        "week" => Unit(self::Unit::Week, false),
        "weeks" => Unit(self::Unit::Week, true),
        "month" => Unit(self::Unit::Month, false),
        "months" => Unit(self::Unit::Month, true),
        "year" => Unit(self::Unit::Year, false),
        "years" => Unit(self::Unit::Year, true),
        "decade" => Unit(self::Unit::Decade, false),
        "decades" => Unit(self::Unit::Decade, true),
        "century" => Century,
        "centuries" => Unit(self::Unit::Century, true),
        _ => return None,
    })
}

fn grammar_word(w: &str) -> Option<Word> {
    use Word::*;
    Some(match w {
        "last" => Last,
        "this" => This,
        "next" => Next,
        "past" => Past,
        "coming" => Coming,
        "ago" => Ago,
        "earlier" => Earlier,
        "later" => Later,
        "early" => Early,
        "mid" => Mid,
        "late" => Late,
        "middle" => Middle,
        "beginning" | "start" => Beginning,
        "end" => End,
        "half" => Half,
        "quarter" => Quarter,
        "first" => Ordinal(1),
        "second" => Ordinal(2),
        "third" => Ordinal(3),
        "fourth" => Ordinal(4),
        "a" | "an" | "one" => Count(1),
        "two" => Count(2),
        "three" => Count(3),
        "four" => Count(4),
        "five" => Count(5),
        "six" => Count(6),
        "seven" => Count(7),
        "eight" => Count(8),
        "nine" => Count(9),
        "ten" => Count(10),
        "eleven" => Count(11),
        "twelve" => Count(12),
        "fifteen" => Count(15),
        "twenty" => Count(20),
        "thirty" => Count(30),
        "forty" => Count(40),
        "fifty" => Count(50),
        "on" => On,
        "in" => In,
        "since" => Since,
        "by" => By,
        "until" | "till" | "through" | "thru" => Until,
        "from" => From,
        "to" => To,
        "between" => Between,
        "and" => And,
        "or" => Or,
        "during" | "throughout" => During,
        "before" => Before,
        "after" => After,
        "for" => For,
        "over" => Over,
        "at" => At,
        "of" => Of,
        "the" => The,
        "within" => Within,
        "more" => More,
        "onwards" | "onward" => Onward,
        "than" => Than,
        "about" | "around" | "nearly" | "almost" | "some" | "roughly" | "approximately" | "circa" => Approx,
        "its" | "their" | "his" | "her" | "that" | "whose" | "our" => Determiner,
        _ => return None,
    })
}

fn context_word(w: &str) -> Option<Word> {
    use Word::*;
    Some(match w {
        "will" | "shall" | "ll" | "would" | "due" | "scheduled" | "expected" | "plans" | "plan" | "planned"
        | "planning" | "upcoming" | "forthcoming" | "intends" | "aims" | "ahead" => Cue(self::Cue::Future),
        "said" | "says" | "told" | "was" | "were" | "did" | "met" | "held" | "took" | "went" | "came" | "began"
        | "wrote" | "saw" | "made" | "gave" | "left" | "sent" | "brought" | "became" | "won" | "lost" | "fought"
        | "spoke" | "struck" | "shot" | "hit" | "led" | "ran" | "fell" | "rose" | "broke" => Cue(self::Cue::Past),
        "has" | "have" | "ve" => Cue(self::Cue::Perfect),
        "had" => Cue(self::Cue::PastPerfect),
        "page" | "pages" | "pp" | "p" | "no" | "nos" | "number" | "resolution" | "resolutions" | "article"
        | "articles" | "flight" | "route" | "highway" | "road" | "room" | "unit" | "model" | "version" | "type"
        | "code" | "paragraph" | "section" | "chapter" | "item" | "tel" | "phone" | "fax" | "box" => Label,
        "km" | "kms" | "kilometres" | "kilometers" | "kilometre" | "kilometer" | "mi" | "miles" | "mile" | "m"
        | "metres" | "meters" | "metre" | "meter" | "ft" | "feet" | "kg" | "kilograms" | "tonnes" | "tons" | "t"
        | "percent" | "per" | "cent" | "mm" | "cm" | "nm" | "knots" | "hectares" | "ha" | "dollars" | "euros"
        | "roubles" | "rubles" | "pounds" | "hryvnias" | "usd" | "eur" | "mw" | "kw" | "gw" | "bn" | "mn"
        | "million" | "billion" | "thousand" | "hundred" | "mph" | "kmh" => Measure,
        "troops" | "soldiers" | "servicemen" | "personnel" | "men" | "women" | "people" | "civilians" | "refugees"
        | "residents" | "tanks" | "vehicles" | "missiles" | "rockets" | "aircraft" | "planes" | "jets" | "drones"
        | "ships" | "vessels" | "guns" | "rounds" | "shells" | "units" | "fighters" | "casualties" | "deaths"
        | "dead" | "prisoners" | "votes" | "voters" | "delegates" | "workers" | "cases" | "homes" | "houses"
        | "buildings" | "villages" | "times" | "strong" => Counted,
        _ => return None,
    })
}

/// Whether a capitalised word names a newspaper after a weekday ("Sunday Times").
pub(super) fn is_paper(w: &str) -> bool {
    matches!(
        w,
        "Times"
            | "Telegraph"
            | "Express"
            | "Mirror"
            | "Post"
            | "Herald"
            | "Independent"
            | "Mail"
            | "Star"
            | "Tribune"
            | "People"
            | "Sport"
            | "World"
            | "Business"
            | "Review"
            | "Magazine"
    )
}
