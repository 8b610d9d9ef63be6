//! The command line: `check` and `export` (and, without a subcommand, the app).

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::atlas::Atlas;
use crate::briefing::{Briefing, Problem, Problems, load};
use crate::export;

/// briefmap: an article as a map for briefings.
#[derive(Debug, Parser)]
#[command(version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; without one, the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Briefing file to open in the app (default: the embedded Bohdan briefing).
    pub file: Option<PathBuf>,
    /// Use OpenStreetMap tiles (needs a network; falls back to the offline basemap).
    #[arg(long)]
    pub online: bool,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a briefing file (default: the embedded one).
    Check {
        /// The briefing file.
        file: Option<PathBuf>,
    },
    /// Export a briefing as GeoJSON or KML.
    Export {
        /// Output format.
        #[arg(long, short)]
        format: Format,
        /// Write here instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// The briefing file (default: the embedded one).
        file: Option<PathBuf>,
    },
}

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// RFC 7946 GeoJSON FeatureCollection.
    Geojson,
    /// KML 2.2 (Google Earth).
    Kml,
}

/// Loads a briefing file, or the embedded briefing when `file` is `None`.
pub fn load_briefing(file: Option<&Path>) -> Result<Briefing, Problems> {
    let atlas =
        Atlas::bundled().map_err(|e| Problems { file: e.file.clone(), list: vec![Problem::new("", e.message)] })?;
    match file {
        Some(path) => load::load_file(path, &atlas),
        None => Briefing::embedded(&atlas),
    }
}

/// One line that says what a checked briefing holds.
pub fn summary(b: &Briefing) -> String {
    let inferred = b.claims().iter().filter(|c| c.when.as_ref().is_some_and(|w| w.is_inferred())).count();
    format!(
        "{}: OK — {} claims ({} with inferred dates), {} places, {} regions, {} links, {} story steps",
        b.file(),
        b.claims().len(),
        inferred,
        b.places().len(),
        b.regions().len(),
        b.links().len(),
        b.story().len()
    )
}

/// Runs `check`: the summary line, or every problem.
pub fn check(file: Option<&Path>) -> Result<String, String> {
    load_briefing(file).map(|b| summary(&b)).map_err(|p| p.to_string())
}

/// Runs `export`: the text, written to `output` or returned for standard output.
pub fn export(format: Format, file: Option<&Path>, output: Option<&Path>) -> Result<Option<String>, String> {
    let briefing = load_briefing(file).map_err(|p| p.to_string())?;
    let text = match format {
        Format::Geojson => export::geojson::to_geojson_string(&briefing),
        Format::Kml => export::kml::to_kml(&briefing),
    };
    match output {
        Some(path) => crate::atomic::write_atomic(path, text.as_bytes())
            .map(|()| None)
            .map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => Ok(Some(text)),
    }
}
