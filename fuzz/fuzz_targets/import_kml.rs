//! Importing places from KML: Placemarks in Documents and Folders, entities never expanded.
//! Anything may be refused; nothing may panic, and what imports must be valid in a briefing.

#![no_main]

mod import_check;

use briefmap::import::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| import_check::run("fuzz.kml", bytes, Format::Kml));
