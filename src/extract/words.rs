//! Small word lists the place matcher reads context with (all lower case, as folded keys).

/// Words that may be written in lower case inside a multi-word name ("Rostov-on-Don",
/// "Smolensk province", "the Baltic states", "Bay of Biscay").
#[rustfmt::skip]
pub const LOWER_IN_NAMES: &[&str] = &[
    "on", "na", "nad", "pod", "upon", "de", "del", "della", "la", "le", "les", "am", "an", "der", "di", "da", "do",
    "el", "al", "of", "the", "and", "y", "sur", "en", "au", "du", "des", "van", "von", "zu", "bei", "im", "oblast",
    "province", "region", "voblast", "voivodeship", "krai", "kray", "okrug", "county", "republic", "sea", "strait",
    "straits", "gulf", "bay", "lagoon", "channel", "canal", "peninsula", "gap", "corridor", "states", "countries",
    "nations", "republics", "base", "airbase", "air", "naval", "station", "radar", "range", "ground", "area",
    "training", "garrison", "airfield", "transmitter", "centre", "center", "communication", "communications",
    "headquarters", "exclave", "enclave", "square", "street", "palace", "state", "people", "s", "east", "ocean",
    "airport", "depot", "plant", "nuclear", "power", "bridge", "tunnel", "terminal", "island", "islands",
    "archipelago", "filtration", "barracks", "camp", "test", "site", "cosmodrome", "military", "ammunition", "arms",
    "district", "pass", "army", "field", "international", "kaserne",
];

/// Direction words that may start a curated region's name in lower case ("eastern Ukraine").
#[rustfmt::skip]
pub const DIRECTIONS: &[&str] = &[
    "eastern", "western", "northern", "southern", "central", "east", "west", "north", "south", "south-eastern",
    "north-eastern", "southeastern", "northeastern",
];

/// Plural words after a list of province stems: "Smolensk, Voronezh and Rostov provinces".
#[rustfmt::skip]
pub const PROVINCE_PLURALS: &[&str] = &[
    "provinces", "oblasts", "regions", "voblasts", "voivodeships", "krais", "counties", "oblasti",
];

/// Words that put a place after them ("in Reading", "near Rota").
#[rustfmt::skip]
pub const PLACE_CUES: &[&str] = &[
    "in", "near", "at", "from", "to", "outside", "around", "towards", "toward", "into", "via", "across", "between",
    "through", "nearby", "off", "city", "town", "village", "port", "settlement", "base", "capital", "visited",
    "visit", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "inside",
];

/// Titles before a person's name ("Foreign Minister Sergei Lavrov", "President Lukashenka").
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "president", "minister", "mr", "mrs", "ms", "dr", "general", "gen", "lt", "col", "colonel", "major", "maj",
    "admiral", "adm", "commander", "chancellor", "king", "queen", "prince", "princess", "pope", "senator", "sen",
    "rep", "representative", "governor", "gov", "mayor", "ambassador", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "chief", "marshal", "patriarch", "sheikh", "emir", "ayatollah", "sir", "lord", "lady",
    "professor", "prof", "judge", "justice", "sergeant", "sgt", "captain", "capt", "lieutenant", "private",
    "corporal", "cpl", "brigadier", "brig", "premier", "envoy", "analyst", "journalist", "correspondent",
    "commissioner", "director", "leader", "chairman", "chairwoman", "speaker", "deputy", "mp", "mep", "author",
    "colleague", "counterpart", "adviser", "advisor", "officer", "commentator", "expert", "researcher", "blogger",
    "dictator", "strongman", "tsar", "czar",
];

/// Given names common in the news this app reads; a capitalised name after one is a person
/// ("Vladimir Putin", "Alexander Lukashenka"), not a place (Vladimir, Alexandria...).
#[rustfmt::skip]
pub const GIVEN_NAMES: &[&str] = &[
    "aleksandr", "aleksander", "aleksei", "aleksey", "alexei", "alexey", "alexander", "alexandr", "alyaksandr",
    "andrei", "andrey", "andriy", "andrzej", "anatoly", "anatoliy", "anna", "anton", "antony", "anthony", "arseniy",
    "arseny", "artem", "artyom", "boris", "bogdan", "bohdan", "dmitry", "dmitri", "dmytro", "denis", "elena",
    "evgeny", "yevgeny", "yevgeniy", "gennady", "georgy", "grigory", "igor", "ihor", "ilya", "ivan", "irina",
    "kirill", "konstantin", "leonid", "lev", "maxim", "maksim", "mikhail", "mykhailo", "mykola", "nikolai", "nikolay",
    "natalia", "natalya", "oleg", "oleh", "olga", "pavel", "pavlo", "petro", "pyotr", "roman", "ruslan", "sergei",
    "sergey", "serhiy", "siarhei", "sergiy", "stanislav", "svetlana", "sviatlana", "tatiana", "valery", "valeriy",
    "vasily", "vadim", "viktor", "victor", "vitaly", "vitali", "vladimir", "volodymyr", "vladislav", "vyacheslav",
    "yulia", "yuri", "yury", "yuriy", "zbigniew", "jaroslaw", "jarosław", "lech", "donald", "mateusz", "radoslaw",
    "radosław", "witold", "tomasz", "jan", "dalia", "gitanas", "linas", "edgars", "egils", "kersti", "kaja", "toomas",
    "alar", "raimonds", "mikheil", "salome", "irakli", "bidzina", "ilham", "nikol", "serzh", "maia", "recep", "ahmet",
    "mevlut", "hulusi", "emmanuel", "angela", "olaf", "frank", "walter", "ursula", "jens", "mark", "joe", "barack",
    "hillary", "john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
    "george", "paul", "steven", "stephen", "kenneth", "kevin", "brian", "ronald", "jeffrey", "jake", "lloyd",
    "ashton", "chuck", "mike", "rex", "jim", "jeff", "dan", "daniel", "matthew", "peter", "theresa", "liz", "rishi",
    "keir", "tony", "gordon", "margaret", "nicolas", "francois", "jacques", "jean", "pierre", "marine", "helmut",
    "gerhard", "annalena", "xi", "li", "wang", "hu", "kim", "shinzo", "fumio", "narendra", "benjamin", "bashar",
    "hassan", "ali", "mohammed", "muhammad", "ahmed", "abdullah", "salman", "volker", "samantha", "victoria",
    "condoleezza", "madeleine", "zalmay", "kurt", "hans", "stefan", "karl", "klaus", "maria", "sophia", "florence",
    "elizabeth", "charlotte", "alice", "nancy", "lincoln", "jackson", "austin", "tyler", "dallas", "houston", "paris",
    "sydney", "adelaide", "regina", "eugene", "alyona", "jack", "abraham", "marcus", "emily", "nino", "davit",
    "giorgi", "levan", "tamar", "zurab", "eduard", "aleksandar", "milos", "petr", "jiri", "andrej", "marek", "piotr",
    "krzysztof", "pawel", "paweł", "michal", "michał", "agnieszka", "katarzyna", "tomas", "tomaš", "algirdas",
    "vytautas", "arturas", "gabrielius", "ingrida", "krisjanis", "artis", "janis", "jānis", "juri", "jüri", "urmas",
    "margus", "hanno", "indrek", "mart", "ants", "taavi", "sauli", "sanna", "carl", "magnus", "ulf", "anders", "lars",
    "erik", "henrik", "mette", "jonas", "ole", "heiko", "sigmar", "christine", "christian", "martin", "sebastian",
    "andreas", "markus", "matthias", "michel", "laurent", "jean-yves", "jean-marc", "sophie", "nicola", "giuseppe",
    "matteo", "mario", "silvio", "pedro", "jose", "josé", "mariano", "pablo", "luis", "carlos", "juan", "antonio",
    "manuel", "jorge", "ricardo", "rodrigo", "christopher", "andrew", "joshua", "ryan", "nicholas", "eric",
    "jonathan", "justin", "scott", "brandon", "samuel", "gregory", "raymond", "patrick", "dennis", "jerry", "aaron",
    "henry", "adam", "douglas", "nathan", "zachary", "kyle", "harold", "jeremy", "ethan", "keith", "roger", "gerald",
    "terry", "sean", "arthur", "noah", "lawrence", "jesse", "bryan", "billy", "jordan", "albert", "dylan", "bruce",
    "willie", "gabriel", "alan", "logan", "wayne", "ralph", "roy", "randy", "vincent", "russell", "louis", "philip",
    "bobby", "johnny", "bradley", "mary", "patricia", "jennifer", "linda", "barbara", "susan", "jessica", "sarah",
    "karen", "lisa", "betty", "sandra", "ashley", "kimberly", "donna", "michelle", "dorothy", "carol", "amanda",
    "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura", "cynthia", "kathleen", "amy", "shirley",
    "brenda", "pamela", "emma", "nicole", "helen", "katherine", "debra", "rachel", "carolyn", "janet", "catherine",
    "heather", "diane", "ruth", "julie", "olivia", "joyce", "virginia", "kelly", "christina", "lauren", "joan",
    "evelyn", "judith", "megan", "andrea", "cheryl", "hannah", "jacqueline", "martha", "gloria", "teresa", "ann",
    "sara", "madison", "frances", "kathryn", "janice", "abigail", "judy", "grace", "denise", "amber", "doris",
    "marilyn", "danielle", "beverly", "isabella", "diana", "natalie", "brittany", "marie", "kayla", "alexis", "lori",
    "nikki", "kamala", "lindsey", "mitch", "marco", "ted", "rand", "newt", "dick", "colin", "hunter", "beau",
    "ivanka", "melania", "rudy", "leon", "dean",
];

/// Words after a name that make it a publication's, an airline's or a club's ("Kyiv Post",
/// "Moscow Times"), not a mention of the place. Agreements and formats named after a place
/// ("Minsk agreements", "Normandy format") still mention it.
#[rustfmt::skip]
pub const ORG_WORDS: &[&str] = &[
    "post", "times", "daily", "news", "herald", "journal", "gazette", "tribune", "telegraph", "review", "monitor",
    "observer", "airlines", "airways", "fc", "interest", "independent", "guardian", "express", "standard", "mail",
    "chronicle", "inquirer", "insider", "dynamo", "spartak",
];

/// Words after a name that make a fixed name of something named after the place ("Minsk
/// agreements", "Normandy format", "Black Sea Fleet"): still a mention of the place, but one
/// that does not by itself put the place on the map.
#[rustfmt::skip]
pub const EPONYMS: &[&str] = &[
    "agreement", "agreements", "accord", "accords", "format", "memorandum", "document", "protocol", "protocols",
    "convention", "group", "package", "process", "summit", "talks", "commitments", "declaration", "treaty",
    "initiative", "deal", "fleet", "flotilla", "consensus", "communique", "charter", "statute", "conference",
    "formula", "plan", "peace", "ceasefire", "consultations", "dialogue", "criteria", "rules",
];

/// Words before a ship's name ("the gunboats Berdyansk and Nikopol", "USS Porter").
#[rustfmt::skip]
pub const SHIP_WORDS: &[&str] = &[
    "ship", "ships", "vessel", "vessels", "gunboat", "gunboats", "tug", "tugs", "tugboat", "frigate", "frigates",
    "corvette", "corvettes", "destroyer", "destroyers", "cruiser", "cruisers", "submarine", "submarines", "boat",
    "boats", "tanker", "tankers", "carrier", "minesweeper", "icebreaker", "trawler", "ferry", "yacht", "flagship",
    "uss", "hms", "rfs", "hnlms", "fgs", "ins", "hmcs", "ors", "tcg", "landing",
];

/// Words after a name that make it a street's ("Shevchenka Street"): not the place.
#[rustfmt::skip]
pub const STREET_WORDS: &[&str] = &[
    "street", "st", "avenue", "ave", "boulevard", "blvd", "square", "prospekt", "prospect", "lane", "road",
    "embankment", "ulitsa", "vulytsia", "plaza", "drive", "alley",
];

/// Verbs that give something a name ("a dog the soldiers call Chita").
#[rustfmt::skip]
pub const NAMING_VERBS: &[&str] = &[
    "call", "calls", "called", "nicknamed", "dubbed", "named", "christened",
];

/// Nouns before "of" that make what follows a place ("the city of Reading", "north of Grodno").
#[rustfmt::skip]
pub const PLACE_NOUNS: &[&str] = &[
    "city", "town", "village", "port", "outskirts", "suburbs", "suburb", "centre", "center", "north", "south", "east",
    "west", "northeast", "northwest", "southeast", "southwest", "region", "province", "capital", "district",
    "settlement", "area", "mayor", "residents", "people", "streets", "shelling", "edge", "vicinity",
];

/// Month and weekday names: never a GeoNames place, whatever a village is called.
#[rustfmt::skip]
pub const CALENDAR: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "sept", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "oct", "nov", "dec",
];

/// Whether `word` (a folded key) is in `list`.
pub fn has(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}
