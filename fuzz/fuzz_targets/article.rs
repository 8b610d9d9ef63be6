//! Article text: the checks on the file, the split into body and teasers, line:col, and the
//! quote checks of a fixed briefing against the fuzzed text.

#![no_main]

use std::sync::LazyLock;

use briefmap::atlas::Atlas;
use briefmap::briefing::{ArticleText, load};
use libfuzzer_sys::fuzz_target;

const BRIEFING: &str = include_str!("../../tests/bad_inputs/base.json");
static ATLAS: LazyLock<Atlas> = LazyLock::new(|| Atlas::bundled().expect("bundled boundaries"));

fuzz_target!(|bytes: &[u8]| {
    let Some((&teasers, bytes)) = bytes.split_first() else { return };
    let Ok(text) = load::check_article("fuzz.txt", bytes.to_vec()) else { return };
    let teasers = (teasers > 0).then_some(usize::from(teasers));
    if let Some(article) = ArticleText::new(text.clone(), teasers) {
        assert!(article.body().len() <= article.full().len());
        let paragraphs: usize = article.paragraphs().map(|(_, p)| p.len()).sum();
        assert!(paragraphs <= article.body().len());
        for (offset, line) in article.teasers() {
            assert!(article.full()[offset..].starts_with(line));
        }
        for offset in [0, 1, text.len() / 2, text.len(), text.len() + 7] {
            let (line, col) = article.line_col(offset);
            assert!(line >= 1 && col >= 1);
        }
    }
    // The same briefing against this text: refused (or, by chance, accepted), never a panic.
    let json =
        BRIEFING.replace("\"teasers_from_line\": 29", &format!("\"teasers_from_line\": {}", teasers.unwrap_or(1)));
    let _ = load::load_str("base.json", &json, &text, &ATLAS);
});
