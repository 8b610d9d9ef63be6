//! briefmap: turns a geopolitical article into a map for briefings.
//!
//! The core (briefing model, validation, time, geometry, export) has no UI in it; the app in
//! `ui` reads it.

pub mod atlas;
pub mod atomic;
pub mod basemap;
pub mod briefing;
pub mod cli;
pub mod export;
pub mod extract;
pub mod geometry;
pub mod lookup;
pub mod search;
pub mod spatial;
pub mod synthetic;
#[cfg(test)]
mod test_fixture;
pub mod timeline;
pub mod ui;
pub mod viewport;
pub mod visibility;
