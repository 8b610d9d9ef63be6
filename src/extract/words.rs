//! Small word lists the place matcher reads context with (all lower case, as folded keys).

/// Words that may be written in lower case inside a multi-word name ("Rostov-on-Don",
/// "Smolensk province", "the Baltic states", "Bay of Biscay").
#[rustfmt::skip]
pub const LOWER_IN_NAMES: &[&str] = &[
    "air", "airbase", "airfield", "airport", "al", "am", "ammunition", "an", "and", "archipelago", "area", "arms",
    "army", "au", "barracks", "base", "bay", "bei", "bridge", "camp", "canal", "center", "centre", "channel",
    "communication", "communications", "corridor", "cosmodrome", "countries", "county", "da", "de", "del", "della",
    "depot", "der", "des", "di", "district", "do", "du", "east", "el", "en", "enclave", "exclave", "field",
    "filtration", "gap", "garrison", "ground", "gulf", "headquarters", "im", "international", "island", "islands",
    "kaserne", "krai", "kray", "la", "lagoon", "le", "les", "military", "na", "nad", "nations", "naval", "nuclear",
    "oblast", "ocean", "of", "okrug", "on", "palace", "pass", "peninsula", "people", "plant", "pod", "power",
    "province", "radar", "range", "region", "republic", "republics", "s", "sea", "site", "square", "state", "states",
    "station", "strait", "straits", "street", "sur", "terminal", "test", "the", "training", "transmitter", "tunnel",
    "upon", "van", "voblast", "voivodeship", "von", "y", "zu",
];

/// Direction words that may start a curated region's name in lower case ("eastern Ukraine").
#[rustfmt::skip]
pub const DIRECTIONS: &[&str] = &[
    "central", "east", "eastern", "north", "north-eastern", "northeastern", "northern", "south", "south-eastern",
    "southeastern", "southern", "west", "western",
];

/// Plural words after a list of province stems: "Smolensk, Voronezh and Rostov provinces".
#[rustfmt::skip]
pub const PROVINCE_PLURALS: &[&str] = &[
    "counties", "krais", "oblasti", "oblasts", "provinces", "regions", "voblasts", "voivodeships",
];

/// Words that put a place after them ("in Reading", "near Rota").
#[rustfmt::skip]
pub const PLACE_CUES: &[&str] = &[
    "across", "around", "at", "base", "between", "capital", "city", "east", "from", "in", "inside", "into", "near",
    "nearby", "north", "northeast", "northwest", "off", "outside", "port", "settlement", "south", "southeast",
    "southwest", "through", "to", "toward", "towards", "town", "via", "village", "visit", "visited", "west",
];

/// Titles before a person's name ("Foreign Minister Sergei Lavrov", "President Lukashenka").
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "adm", "admiral", "adviser", "advisor", "ambassador", "analyst", "author", "ayatollah", "blogger", "brig",
    "brigadier", "capt", "captain", "chairman", "chairwoman", "chancellor", "chief", "col", "colleague", "colonel",
    "commander", "commentator", "commissioner", "corporal", "correspondent", "counterpart", "cpl", "czar", "deputy",
    "dictator", "director", "dr", "emir", "envoy", "expert", "gen", "general", "gov", "governor", "journalist",
    "judge", "justice", "king", "lady", "leader", "lieutenant", "lord", "lt", "maj", "major", "marshal", "mayor",
    "mep", "minister", "mp", "mr", "mrs", "ms", "officer", "patriarch", "pope", "premier", "president", "prince",
    "princess", "private", "prof", "professor", "queen", "rep", "representative", "researcher", "secretary", "sen",
    "senator", "sergeant", "sgt", "sheikh", "sir", "speaker", "spokesman", "spokesperson", "spokeswoman", "strongman",
    "tsar",
];

/// Given names common in the news this app reads; a capitalised name after one is a person
/// ("Vladimir Putin", "Alexander Lukashenka"), not a place (Vladimir, Alexandria...).
#[rustfmt::skip]
pub const GIVEN_NAMES: &[&str] = &[
    "aaron", "abdullah", "abigail", "abraham", "adam", "adelaide", "agnieszka", "ahmed", "ahmet", "alan", "alar",
    "albert", "aleksandar", "aleksander", "aleksandr", "aleksei", "aleksey", "alexander", "alexandr", "alexei",
    "alexey", "alexis", "algirdas", "ali", "alice", "alyaksandr", "alyona", "amanda", "amber", "amy", "anatoliy",
    "anatoly", "anders", "andrea", "andreas", "andrei", "andrej", "andrew", "andrey", "andriy", "andrzej", "angela",
    "ann", "anna", "annalena", "anthony", "anton", "antonio", "antony", "ants", "arseniy", "arseny", "artem",
    "arthur", "artis", "arturas", "artyom", "ashley", "ashton", "austin", "barack", "barbara", "bashar", "beau",
    "benjamin", "betty", "beverly", "bidzina", "billy", "bobby", "bogdan", "bohdan", "boris", "bradley", "brandon",
    "brenda", "brian", "brittany", "bruce", "bryan", "carl", "carlos", "carol", "carolyn", "catherine", "charles",
    "charlotte", "cheryl", "christian", "christina", "christine", "christopher", "chuck", "colin", "condoleezza",
    "cynthia", "dalia", "dallas", "dan", "daniel", "danielle", "david", "davit", "dean", "deborah", "debra", "denis",
    "denise", "dennis", "diana", "diane", "dick", "dmitri", "dmitry", "dmytro", "donald", "donna", "doris", "dorothy",
    "douglas", "dylan", "edgars", "eduard", "egils", "elena", "elizabeth", "emily", "emma", "emmanuel", "eric",
    "erik", "ethan", "eugene", "evelyn", "evgeny", "florence", "frances", "francois", "frank", "fumio", "gabriel",
    "gabrielius", "gennady", "george", "georgy", "gerald", "gerhard", "giorgi", "gitanas", "giuseppe", "gloria",
    "gordon", "grace", "gregory", "grigory", "hannah", "hanno", "hans", "harold", "hassan", "heather", "heiko",
    "helen", "helmut", "henrik", "henry", "hillary", "houston", "hu", "hulusi", "hunter", "igor", "ihor", "ilham",
    "ilya", "indrek", "ingrida", "irakli", "irina", "isabella", "ivan", "ivanka", "jack", "jackson", "jacqueline",
    "jacques", "jake", "james", "jan", "janet", "janice", "janis", "jaroslaw", "jarosław", "jean", "jean-marc",
    "jean-yves", "jeff", "jeffrey", "jennifer", "jens", "jeremy", "jerry", "jesse", "jessica", "jim", "jiri", "joan",
    "joe", "john", "johnny", "jonas", "jonathan", "jordan", "jorge", "jose", "joseph", "joshua", "josé", "joyce",
    "juan", "judith", "judy", "julie", "juri", "justin", "jüri", "jānis", "kaja", "kamala", "karen", "karl",
    "katarzyna", "katherine", "kathleen", "kathryn", "kayla", "keir", "keith", "kelly", "kenneth", "kersti", "kevin",
    "kim", "kimberly", "kirill", "klaus", "konstantin", "krisjanis", "krzysztof", "kurt", "kyle", "lars", "laura",
    "lauren", "laurent", "lawrence", "lech", "leon", "leonid", "lev", "levan", "li", "linas", "lincoln", "linda",
    "lindsey", "lisa", "liz", "lloyd", "logan", "lori", "louis", "luis", "madeleine", "madison", "magnus", "maia",
    "maksim", "manuel", "marco", "marcus", "marek", "margaret", "margus", "maria", "mariano", "marie", "marilyn",
    "marine", "mario", "mark", "markus", "mart", "martha", "martin", "mary", "mateusz", "matteo", "matthew",
    "matthias", "maxim", "megan", "melania", "melissa", "mette", "mevlut", "michael", "michal", "michał", "michel",
    "michelle", "mike", "mikhail", "mikheil", "milos", "mitch", "mohammed", "muhammad", "mykhailo", "mykola", "nancy",
    "narendra", "natalia", "natalie", "natalya", "nathan", "newt", "nicholas", "nicola", "nicolas", "nicole", "nikki",
    "nikol", "nikolai", "nikolay", "nino", "noah", "olaf", "ole", "oleg", "oleh", "olga", "olivia", "pablo", "pamela",
    "paris", "patricia", "patrick", "paul", "pavel", "pavlo", "pawel", "paweł", "pedro", "peter", "petr", "petro",
    "philip", "pierre", "piotr", "pyotr", "rachel", "radoslaw", "radosław", "raimonds", "ralph", "rand", "randy",
    "raymond", "rebecca", "recep", "regina", "rex", "ricardo", "richard", "rishi", "robert", "rodrigo", "roger",
    "roman", "ronald", "roy", "rudy", "ruslan", "russell", "ruth", "ryan", "salman", "salome", "samantha", "samuel",
    "sandra", "sanna", "sara", "sarah", "sauli", "scott", "sean", "sebastian", "sergei", "sergey", "sergiy", "serhiy",
    "serzh", "sharon", "shinzo", "shirley", "siarhei", "sigmar", "silvio", "sophia", "sophie", "stanislav", "stefan",
    "stephanie", "stephen", "steven", "susan", "svetlana", "sviatlana", "sydney", "taavi", "tamar", "tatiana", "ted",
    "teresa", "terry", "theresa", "thomas", "tomas", "tomasz", "tomaš", "tony", "toomas", "tyler", "ulf", "urmas",
    "ursula", "vadim", "valeriy", "valery", "vasily", "victor", "victoria", "viktor", "vincent", "virginia", "vitali",
    "vitaly", "vladimir", "vladislav", "volker", "volodymyr", "vyacheslav", "vytautas", "walter", "wang", "wayne",
    "william", "willie", "witold", "xi", "yevgeniy", "yevgeny", "yulia", "yuri", "yuriy", "yury", "zachary", "zalmay",
    "zbigniew", "zurab",
];

/// Words after a name that make it a publication's, an airline's or a club's ("Kyiv Post",
/// "Moscow Times"), not a mention of the place. Agreements and formats named after a place
/// ("Minsk agreements", "Normandy format") still mention it.
#[rustfmt::skip]
pub const ORG_WORDS: &[&str] = &[
    "airlines", "airways", "chronicle", "daily", "dynamo", "express", "fc", "gazette", "guardian", "herald",
    "independent", "inquirer", "insider", "interest", "journal", "mail", "monitor", "news", "observer", "post",
    "review", "spartak", "standard", "telegraph", "times", "tribune",
];

/// Words after a name that make a fixed name of something named after the place ("Minsk
/// agreements", "Normandy format", "Black Sea Fleet"): still a mention of the place, but one
/// that does not by itself put the place on the map.
#[rustfmt::skip]
pub const EPONYMS: &[&str] = &[
    "accord", "accords", "agreement", "agreements", "ceasefire", "charter", "commitments", "communique", "conference",
    "consensus", "consultations", "convention", "criteria", "deal", "declaration", "dialogue", "document", "fleet",
    "flotilla", "format", "formula", "group", "initiative", "memorandum", "package", "peace", "plan", "process",
    "protocol", "protocols", "rules", "statute", "summit", "talks", "treaty",
];

/// Words before a ship's name ("the gunboats Berdyansk and Nikopol", "USS Porter").
#[rustfmt::skip]
pub const SHIP_WORDS: &[&str] = &[
    "boat", "boats", "carrier", "corvette", "corvettes", "cruiser", "cruisers", "destroyer", "destroyers", "ferry",
    "fgs", "flagship", "frigate", "frigates", "gunboat", "gunboats", "hmcs", "hms", "hnlms", "icebreaker", "ins",
    "landing", "minesweeper", "ors", "rfs", "ship", "ships", "submarine", "submarines", "tanker", "tankers", "tcg",
    "trawler", "tug", "tugboat", "tugs", "uss", "vessel", "vessels", "yacht",
];

/// Words after a name that make it a street's ("Shevchenka Street"): not the place.
#[rustfmt::skip]
pub const STREET_WORDS: &[&str] = &[
    "alley", "ave", "avenue", "blvd", "boulevard", "drive", "embankment", "lane", "plaza", "prospect", "prospekt",
    "road", "square", "st", "street", "ulitsa", "vulytsia",
];

/// Verbs that give something a name ("a dog the soldiers call Chita").
#[rustfmt::skip]
pub const NAMING_VERBS: &[&str] = &[
    "call", "called", "calls", "christened", "dubbed", "named", "nicknamed",
];

/// Nouns before "of" that make what follows a place ("the city of Reading", "north of Grodno").
#[rustfmt::skip]
pub const PLACE_NOUNS: &[&str] = &[
    "area", "capital", "center", "centre", "city", "district", "east", "edge", "mayor", "north", "northeast",
    "northwest", "outskirts", "people", "port", "province", "region", "residents", "settlement", "shelling", "south",
    "southeast", "southwest", "streets", "suburb", "suburbs", "town", "vicinity", "village", "west",
];

/// Month and weekday names: never a GeoNames place, whatever a village is called.
#[rustfmt::skip]
pub const CALENDAR: &[&str] = &[
    "apr", "april", "aug", "august", "dec", "december", "feb", "february", "friday", "jan", "january", "jul", "july",
    "jun", "june", "mar", "march", "may", "monday", "nov", "november", "oct", "october", "saturday", "sept",
    "september", "sunday", "thursday", "tuesday", "wednesday",
];

/// Whether `word` (a folded key) is in `list` (every list is sorted: a test checks).
pub fn has(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        let lists: [(&str, &[&str]); 13] = [
            ("LOWER_IN_NAMES", LOWER_IN_NAMES),
            ("DIRECTIONS", DIRECTIONS),
            ("PROVINCE_PLURALS", PROVINCE_PLURALS),
            ("PLACE_CUES", PLACE_CUES),
            ("TITLES", TITLES),
            ("GIVEN_NAMES", GIVEN_NAMES),
            ("ORG_WORDS", ORG_WORDS),
            ("EPONYMS", EPONYMS),
            ("SHIP_WORDS", SHIP_WORDS),
            ("STREET_WORDS", STREET_WORDS),
            ("NAMING_VERBS", NAMING_VERBS),
            ("PLACE_NOUNS", PLACE_NOUNS),
            ("CALENDAR", CALENDAR),
        ];
        for (name, list) in lists {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{name} is not sorted and unique");
            assert!(list.iter().all(|w| w.chars().all(|c| !c.is_uppercase())), "{name} has capitals");
        }
        assert!(has(GIVEN_NAMES, "vladimir") && !has(GIVEN_NAMES, "minsk"));
    }
}
