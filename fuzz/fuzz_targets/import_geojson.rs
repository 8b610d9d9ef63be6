//! Importing places from GeoJSON: FeatureCollections, Features and bare geometries, every position checked.
//! Anything may be refused; nothing may panic, and what imports must be valid in a briefing.

#![no_main]

mod import_check;

use briefmap::import::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| import_check::run("fuzz.geojson", bytes, Format::GeoJson));
