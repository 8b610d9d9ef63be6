//! Boundary files (GeoJSON FeatureCollections of areas keyed by code).

#![no_main]

use briefmap::atlas::{self, Atlas};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    let Ok(atlas) = Atlas::from_geojson("fuzz.geojson", text) else { return };
    // What loads is on the globe: every position a finite lon/lat.
    let codes: Vec<String> = (0..atlas.len()).map(|i| i.to_string()).collect();
    let _ = atlas.union_of(&codes);
    for code in text.split('"').filter(|s| atlas.get(s).is_some()) {
        let area = atlas.get(code).expect("just found");
        if let Some(b) = atlas::bounds(&area.shape) {
            assert!((-180.0..=180.0).contains(&b.min().x) && (-180.0..=180.0).contains(&b.max().x));
            assert!((-90.0..=90.0).contains(&b.min().y) && (-90.0..=90.0).contains(&b.max().y));
        }
    }
});
