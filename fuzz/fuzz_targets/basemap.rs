//! Basemap files, as `--geodata` reads them: bytes as `basemap.bin` (decoded, indexed, and a
//! few tiles drawn from whatever decodes) and as `labels.tsv`.

#![no_main]

use briefmap::basemap::{LabelSet, TileCoord, TileStyle, VectorData, render_tile};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    if let Ok(vectors) = VectorData::from_bytes("fuzz.bin", bytes) {
        let style = TileStyle::default();
        // A continent, a country and a city: the coarse and detailed levels both get drawn.
        for (lon, lat, zoom) in [(25.0, 52.0, 3), (27.56, 53.9, 6), (27.56, 53.9, 10)] {
            let tile = TileCoord::containing(lon, lat, zoom);
            let _ = render_tile(Some(&vectors), tile, 1, &style);
        }
    }
    let text = String::from_utf8_lossy(bytes);
    if let Ok(labels) = LabelSet::from_tsv("fuzz.tsv", &text) {
        for label in labels.iter() {
            assert!(label.lon.is_finite() && label.lat.is_finite(), "{label:?}");
        }
    }
});
