//! The HTML reader on any bytes: html5ever's tokenizer and briefmap's text extraction (dropped
//! elements, paragraphs, metadata), then the extractor on what it kept.

#![no_main]

use std::sync::LazyLock;

use briefmap::extract::{self, Gazetteer, html, input};
use libfuzzer_sys::fuzz_target;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::bundled().expect("bundled gazetteer"));

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let page = html::to_text(text);
    // Kept text has no blank lines and no leading or trailing spaces on a line.
    assert!(page.text.lines().all(|l| !l.is_empty() && l.trim() == l), "{:?}", page.text);
    if let Ok(src) = input::from_bytes("fuzz.html", bytes, input::Format::Html) {
        assert_eq!(src.text, page.text);
        let _ = extract::extract(&src.text, src.published, &GAZETTEER);
    }
});
