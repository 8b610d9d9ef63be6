//! briefmap: turns a geopolitical article into a map for briefings.
pub mod basemap;
