//! The extractor on any text: the article reader's checks, then places and dates. Every
//! mention and date must point at the very words it reports, inside the body it was given.

#![no_main]

use std::sync::LazyLock;

use briefmap::extract::{self, Gazetteer, input};
use libfuzzer_sys::fuzz_target;

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(|| Gazetteer::bundled().expect("bundled gazetteer"));

fuzz_target!(|bytes: &[u8]| {
    let Some((&cut, bytes)) = bytes.split_first() else { return };
    let Ok(src) = input::from_bytes("fuzz.txt", bytes, input::Format::Text) else { return };
    let text = &src.text;
    // A body that ends somewhere inside the text (as teaser lines cut it), maybe mid-character.
    let body = 0..text.len() * usize::from(cut) / 255;
    let published = Some(jiff::civil::date(2016, 5, 18));
    let found = extract::extract_body(text, body.clone(), published, &GAZETTEER);
    for p in &found.places {
        assert!(p.lat.is_finite() && p.lon.is_finite() && (0.0..=1.0).contains(&p.confidence));
        for m in &p.mentions {
            assert!(m.start < m.end && m.start <= body.end, "{m:?} outside the body {body:?}");

            assert_eq!(text.get(m.start..m.end), Some(m.text.as_str()));
        }
    }
    for d in &found.dates {
        assert_eq!(text.get(d.start..d.end), Some(d.text.as_str()));
    }
    let _ = extract::extract(text, None, &GAZETTEER);
});
