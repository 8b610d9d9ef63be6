//! The small briefing the unit tests share (`tests/fixtures/spatial-briefing.json` and its
//! article): eight places around Belarus, five regions, three rings. Parsed once per test binary,
//! because the bundled boundaries take a moment to read.

use std::sync::LazyLock;

use crate::atlas::Atlas;
use crate::briefing::{Briefing, BriefingDoc, Problems, load, to_json};

/// The fixture's file name, as errors name it.
pub(crate) const FILE: &str = "spatial-briefing.json";
/// The fixture briefing file's text.
pub(crate) const JSON: &str = include_str!("../tests/fixtures/spatial-briefing.json");
/// The fixture's article.
pub(crate) const ARTICLE: &str = include_str!("../tests/fixtures/spatial-article.txt");

static ATLAS: LazyLock<Atlas> = LazyLock::new(|| Atlas::bundled().expect("bundled boundaries load"));
static BRIEFING: LazyLock<Briefing> =
    LazyLock::new(|| load::load_str(FILE, JSON, ARTICLE, &ATLAS).expect("the fixture briefing is valid"));

/// The fixture, checked.
pub(crate) fn briefing() -> Briefing {
    BRIEFING.clone()
}

/// The fixture as written (in the current format), to edit into broken variants.
pub(crate) fn doc() -> BriefingDoc {
    load::parse(FILE, JSON).expect("the fixture parses").doc
}

/// Checks an edited fixture document.
pub(crate) fn check(doc: BriefingDoc) -> Result<Briefing, Problems> {
    Briefing::new(FILE, &to_json(&doc), doc, vec![ARTICLE.to_owned()], &ATLAS)
}

/// The four-source fixture (`tests/fixtures/sources/`): Bohdan's article and three short texts
/// written for the project, checked.
pub(crate) fn four_sources() -> Briefing {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources/briefing.json");
    load::load_file(&path, &ATLAS).expect("the four-source fixture checks")
}

/// The four-source fixture with its document edited by `edit`, checked with its texts.
pub(crate) fn four_sources_edited(edit: impl FnOnce(&mut BriefingDoc)) -> Briefing {
    let b = four_sources();
    let texts =
        b.sources().iter().map(|s| b.text_of(&s.id).map_or_else(String::new, |t| t.full().to_owned())).collect();
    let mut doc = b.doc().clone();
    edit(&mut doc);
    let (edited, problems) = Briefing::draft("briefing.json", doc, texts, &ATLAS);
    assert!(problems.is_empty(), "{problems:?}");
    edited
}
