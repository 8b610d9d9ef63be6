//! Briefing files: bytes → UTF-8 → JSON → document → checked against the embedded article.
//! Anything may be refused; nothing may panic, and what loads must save and load back the same.

#![no_main]

use std::sync::LazyLock;

use briefmap::atlas::Atlas;
use briefmap::briefing::load;
use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = include_str!("../../seeds/000_d3f6851c5c464e3d.txt");
static ATLAS: LazyLock<Atlas> = LazyLock::new(|| Atlas::bundled().expect("bundled boundaries"));

fuzz_target!(|bytes: &[u8]| {
    let Ok(json) = load::decode("fuzz.json", bytes) else { return };
    let Ok(briefing) = load::load_str("fuzz.json", json, ARTICLE, &ATLAS) else { return };
    let saved = briefing.to_json();
    let again = load::load_str("saved.json", &saved, ARTICLE, &ATLAS).expect("a loaded briefing reloads");
    assert_eq!(again.doc(), briefing.doc());
    assert_eq!(again.to_json(), saved);
});
