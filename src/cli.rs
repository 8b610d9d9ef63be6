//! The command line: `check`, `export`, `range`, `distance` and `systems` (and, without a
//! subcommand, the app). Each command is a function returning its text, so tests and the app can
//! call it without a process.

use std::path::{Path, PathBuf};

use clap::{ArgGroup, Parser, Subcommand, ValueEnum};

use crate::atlas::Atlas;
use crate::briefing::{Briefing, Problem, Problems, load};
use crate::export;
use crate::extract::Gazetteer;

use crate::lookup::{self, Located};
use crate::spatial::{self, format};

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
    /// Read the offline basemap from this folder (basemap.bin, labels.tsv) instead of the copy
    /// built into the program, e.g. after regenerating geodata/ with tools/regen_geodata.sh.
    #[arg(long, value_name = "DIR")]
    pub geodata: Option<PathBuf>,
    /// Close the window as soon as the first frame is drawn (measures start-up time).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,
    /// Start without a window and print start-up times and peak memory (benches/startup.rs):
    /// until the first frame with --exit-after-first-frame, else until the map is complete.
    #[arg(long, hide = true)]
    pub headless: bool,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate a briefing file (default: the embedded one).
    Check {
        /// The briefing file.
        file: Option<PathBuf>,
    },
    /// Render the map as on screen to PNG (a step, a date, every step) or GIF (time playback).
    Render(RenderArgs),
    /// Write the briefing as a PDF handout: a cover, a page per story step with its map and
    /// quotes, an appendix of every claim and place.
    Handout(HandoutArgs),
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
    /// What a range ring around a place reaches: places and regions, nearest first.
    #[command(group(ArgGroup::new("radius").required(true).multiple(true).args(["km", "system"])))]
    Range {
        /// The centre: a place id or name, or lat,lon in decimal degrees.
        #[arg(allow_hyphen_values = true)]
        place: String,
        /// Radius in km; with --system, overrides its nominal range.
        #[arg(long, allow_negative_numbers = true)]
        km: Option<f64>,
        /// A weapon system's nominal range, by id (`briefmap systems` lists them).
        #[arg(long)]
        system: Option<String>,
        /// The briefing file (default: the embedded one).
        #[arg(long)]
        file: Option<PathBuf>,
        /// Also list the gazetteer's cities of at least this many people within reach.
        #[arg(long, value_name = "POPULATION")]
        cities: Option<u64>,
    },
    /// Geodesic distance and bearing from A to B, or along a path of several legs.
    Distance {
        /// Two or more points: place ids or names, or lat,lon in decimal degrees (put `--` before
        /// the points if one starts with a minus sign).
        #[arg(required = true, num_args = 2.., value_name = "POINT")]
        points: Vec<String>,
        /// The briefing file (default: the embedded one).
        #[arg(long)]
        file: Option<PathBuf>,
    },
    /// The weapon systems range rings can use: nominal ranges, sources and caveats.
    Systems,
    /// Find the places and dates an article (.txt, .md, .html) mentions, offline.
    Extract(ExtractArgs),
}

/// What `extract` reads and writes.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The article: plain text, Markdown or HTML (by its extension).
    pub article: PathBuf,
    /// Publication date (YYYY-MM-DD); relative dates resolve against it. Default: the date the
    /// file states (an HTML <meta>/<time>, a date line at the top of a text), else unknown.
    #[arg(long, value_name = "DATE")]
    pub published: Option<jiff::civil::Date>,
    /// Output: JSON, a readable report, or a draft briefing file.
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: ExtractFormat,
    /// Write here instead of standard output.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
    /// The line (1-based) where teasers of other articles start; they are not read.
    #[arg(long, value_name = "N")]
    pub teasers_from_line: Option<usize>,
}

/// Output formats of `extract`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    /// JSON: article, places, dates.
    Json,
    /// A report to read: each place with its mentions in context, then the dates.
    Text,
    /// A draft briefing (format 2) with the article text beside it, every place, region and
    /// date a suggestion to review; needs -o FILE.json.
    Briefing,
}

/// What `render` draws and where.
#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Output: a .png file; a folder with --all-steps; a .gif or a folder of frames with --animate.
    #[arg(long, short)]
    pub output: PathBuf,
    /// Image size in pixels, WIDTHxHEIGHT.
    #[arg(long, default_value = "1920x1080", value_parser = parse_size)]
    pub size: [u32; 2],
    /// Pixels per point: 2 draws the same layout at double resolution (HiDPI slides).
    #[arg(long, default_value_t = 1.0)]
    pub scale: f32,
    /// A story step (1-based), with its caption.
    #[arg(long, conflicts_with_all = ["at", "all_steps", "animate"])]
    pub step: Option<usize>,
    /// A date (YYYY, YYYY-MM or YYYY-MM-DD): the story as it stood then.
    #[arg(long, conflicts_with_all = ["all_steps", "animate"])]
    pub at: Option<crate::briefing::PartialDate>,
    /// One PNG per story step into the output folder, for a slide deck.
    #[arg(long, conflicts_with = "animate")]
    pub all_steps: bool,
    /// The time playback FROM..TO (e.g. 2013..2016-12), as a GIF or numbered frames.
    #[arg(long, value_name = "FROM..TO")]
    pub animate: Option<String>,
    /// Frames in the animation.
    #[arg(long, default_value_t = 48)]
    pub frames: usize,
    /// Light or dark.
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeArg,
    /// The briefing file (default: the embedded one).
    pub file: Option<PathBuf>,
}

/// What `handout` writes and where.
#[derive(Debug, clap::Args)]
pub struct HandoutArgs {
    /// The PDF file to write.
    #[arg(long, short)]
    pub output: PathBuf,
    /// Paper size.
    #[arg(long, value_enum, default_value = "a4")]
    pub paper: PaperArg,
    /// Light (for print) or dark.
    #[arg(long, value_enum, default_value = "light")]
    pub theme: ThemeArg,
    /// Only these story steps (numbered from 1): "1-5", "3", "1,4,7-9".
    #[arg(long, value_name = "LIST")]
    pub steps: Option<String>,
    /// The briefing file (default: the embedded one).
    pub file: Option<PathBuf>,
}

/// Paper sizes on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    /// ISO A4 (210 × 297 mm).
    A4,
    /// US Letter (8.5 × 11 in).
    Letter,
}

/// Runs `handout`: renders the maps, lays out the pages, writes the PDF atomically.
pub fn handout(args: &HandoutArgs) -> Result<String, String> {
    use crate::ui::render::handout::{self, HandoutOptions};
    let briefing = load_briefing(args.file.as_deref()).map_err(|p| p.to_string())?;
    let steps = match &args.steps {
        Some(spec) => crate::handout::parse_steps(spec, briefing.story().len())?,
        None => (0..briefing.story().len()).collect(),
    };
    let paper = match args.paper {
        PaperArg::A4 => crate::handout::Paper::A4,
        PaperArg::Letter => crate::handout::Paper::Letter,
    };
    let path = &args.output;
    let cannot_write = |e: std::io::Error| format!("{}: cannot write: {e}", path.display());
    crate::atomic::check_writable(path).map_err(cannot_write)?;
    let made = jiff::ZonedDateTime::now().date();
    let options = HandoutOptions { paper, theme: args.theme.into(), steps, made };
    let made = handout::make(&briefing, &options, &|_, _| {})?;
    crate::atomic::write_atomic(path, &made.pdf).map_err(cannot_write)?;
    Ok(format!("wrote {}: {}", path.display(), handout::summary(&made, options.steps.len(), made.pdf.len())))
}

/// Themes on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl From<ThemeArg> for crate::ui::state::Theme {
    fn from(theme: ThemeArg) -> Self {
        match theme {
            ThemeArg::Light => Self::Light,
            ThemeArg::Dark => Self::Dark,
        }
    }
}

fn parse_size(s: &str) -> Result<[u32; 2], String> {
    let (w, h) = s.split_once(['x', 'X']).ok_or_else(|| format!("'{s}' is not WIDTHxHEIGHT, e.g. 1920x1080"))?;
    let n = |t: &str| t.trim().parse::<u32>().map_err(|_| format!("'{t}' in '{s}' is not a whole number of pixels"));
    Ok([n(w)?, n(h)?])
}

/// Parses `FROM..TO` partial dates into the first day of FROM and the last day of TO.
pub fn parse_date_range(s: &str) -> Result<(jiff::civil::Date, jiff::civil::Date), String> {
    let (a, z) = s.split_once("..").ok_or_else(|| format!("'{s}' is not FROM..TO, e.g. 2013..2016-12"))?;
    let parse = |t: &str| t.trim().parse::<crate::briefing::PartialDate>().map_err(|e| e.to_string());
    let from = parse(a)?.first_day().map_err(|e| e.to_string())?;
    let to = parse(z)?.last_day().map_err(|e| e.to_string())?;
    Ok((from, to))
}

/// Runs `render`: renders the images and writes them (PNG files, a GIF or numbered frames).
pub fn render(args: &RenderArgs) -> Result<String, String> {
    use crate::export::png::{numbered_path, write_png};
    use crate::ui::render::{self, RenderOptions, Shot};
    use crate::ui::state::AppState;
    let briefing = load_briefing(args.file.as_deref()).map_err(|p| p.to_string())?;
    let options = RenderOptions { size: args.size, scale: args.scale, theme: args.theme.into() };
    let state = AppState::default();
    if args.all_steps {
        let steps = briefing.story().len();
        if steps == 0 {
            return Err("the briefing has no story steps".into());
        }
        create_folder(&args.output)?;
        let shots = render::every_step(&briefing);
        render::each(briefing, state, &options, shots, |i, image| {
            write_png(&image, &numbered_path(&args.output, "step", i + 1, steps)).map_err(|e| e.to_string())
        })?;
        return Ok(format!("wrote {steps} steps to {}", args.output.display()));
    }
    if let Some(range) = &args.animate {
        return animation(briefing, state, &options, parse_date_range(range)?, args.frames, &args.output);
    }
    let shot = match (args.step, args.at) {
        (Some(0), _) => return Err("steps are numbered from 1".into()),
        (Some(n), _) => Shot::Step(n - 1),
        (None, Some(d)) => Shot::At(d.last_day().map_err(|e| e.to_string())?),
        (None, None) if !briefing.story().is_empty() => Shot::Step(0),
        (None, None) => Shot::Current,
    };
    let image = render::image(briefing, state, &options, shot)?;
    if let Some(dir) = args.output.parent().filter(|d| !d.as_os_str().is_empty()) {
        create_folder(dir)?;
    }
    write_png(&image, &args.output).map_err(|e| e.to_string())?;
    Ok(format!("wrote {} ({}x{})", args.output.display(), image.width(), image.height()))
}

fn create_folder(dir: &Path) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create folder: {e}", dir.display()))
}

/// Writes the time playback from `from` to `to`: a GIF when `output` ends in `.gif`, otherwise
/// numbered PNG frames in the folder `output`.
fn animation(
    briefing: Briefing,
    state: crate::ui::state::AppState,
    options: &crate::ui::render::RenderOptions,
    (from, to): (jiff::civil::Date, jiff::civil::Date),
    frames: usize,
    output: &Path,
) -> Result<String, String> {
    use crate::export::animation::{GifOptions, GifWriter};
    use crate::export::png::{numbered_path, write_png};
    use crate::ui::render::{self, Shot};
    if to < from {
        return Err(format!("the animation ends ({to}) before it starts ({from})"));
    }
    let days = render::playback_days(from, to, frames);
    let shots = days.iter().map(|&day| Shot::At(day));
    if output.extension().is_some_and(|e| e.eq_ignore_ascii_case("gif")) {
        let gif_options = GifOptions { frame_delay: std::time::Duration::from_millis(150), ..GifOptions::default() };
        // Frames are rendered one at a time (a few MB each) and the GIF kept in memory until
        // it is complete, then written whole: a failure never leaves half a file.
        let mut gif = GifWriter::new(Vec::new(), options.size, gif_options).map_err(|e| e.to_string())?;
        render::each(briefing, state, options, shots, |_, image| gif.add_frame(&image).map_err(|e| e.to_string()))?;
        let bytes = gif.finish().map_err(|e| e.to_string())?;
        crate::atomic::write_atomic(output, &bytes).map_err(|e| format!("{}: cannot write: {e}", output.display()))?;
        Ok(format!("wrote {} ({} frames, {from} to {to})", output.display(), days.len()))
    } else {
        create_folder(output)?;
        render::each(briefing, state, options, shots, |i, image| {
            write_png(&image, &numbered_path(output, "frame", i + 1, days.len())).map_err(|e| e.to_string())
        })?;
        Ok(format!("wrote {} frames to {}", days.len(), output.display()))
    }
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

/// What a checked briefing holds: one line, then (when it has them) its sources, the
/// suggestions still waiting for a decision, and what reading an older format changed.
pub fn summary(b: &Briefing) -> String {
    let inferred = b.claims().iter().filter(|c| c.when.as_ref().is_some_and(|w| w.is_inferred())).count();
    let mut text = format!(
        "{}: OK — {} claims ({} with inferred dates), {} places, {} regions, {} links, {} story steps",
        b.file(),
        b.claims().len(),
        inferred,
        b.places().len(),
        b.regions().len(),
        b.links().len(),
        b.story().len()
    );
    if b.sources().len() > 1 {
        text += &format!(
            "\n  {} sources: {}",
            b.sources().len(),
            b.sources().iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", ")
        );
    }
    let undecided = b.undecided_suggestions();
    if undecided > 0 {
        text += &format!(
            "\n  {undecided} suggestion{} still to review (accept or reject them in the app)",
            if undecided == 1 { "" } else { "s" }
        );
    }
    if let Some(m) = b.migration() {
        text += &format!("\n  read as format {}; migrated to format {}:", m.from, crate::briefing::doc::FORMAT);
        for note in &m.notes {
            text += &format!("\n  - {note}");
        }
    }
    text
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

/// What `range` is asked.
#[derive(Clone, Copy, Debug, Default)]
pub struct RangeQuery<'a> {
    /// The centre: a place id or name, or lat,lon.
    pub place: &'a str,
    /// Radius in km (overrides the system's).
    pub km: Option<f64>,
    /// A weapon system's id.
    pub system: Option<&'a str>,
    /// List the gazetteer's cities of at least this many people too.
    pub cities: Option<u64>,
}

/// Runs `range`: loads the briefing and the gazetteer, then [`range_report_in`].
pub fn range(file: Option<&Path>, q: RangeQuery) -> Result<String, String> {
    let briefing = load_briefing(file).map_err(|p| p.to_string())?;
    let gazetteer = Gazetteer::bundled().map_err(|e| e.to_string())?;
    range_report_in(&briefing, Some(&gazetteer), q)
}

/// [`range_report_in`] on the briefing alone.
pub fn range_report(b: &Briefing, place: &str, km: Option<f64>, system: Option<&str>) -> Result<String, String> {
    range_report_in(b, None, RangeQuery { place, km, system, cities: None })
}

/// What a ring around the place (a system's range, or `km`, or both: `km` overrides) reaches
/// among the briefing's places and regions (and, with `cities`, the gazetteer's cities of that
/// size), nearest first; then the system's source and caveat. The centre may be any place of
/// the gazetteer when the briefing does not name it.
pub fn range_report_in(b: &Briefing, g: Option<&Gazetteer>, q: RangeQuery) -> Result<String, String> {
    let centre = lookup::locate_in(b, g, q.place).map_err(|e| e.to_string())?;
    let (ring, system) = spatial::resolve_ring(centre.point, q.system, q.km).map_err(|e| e.to_string())?;
    let mut rows = b.within_reach(&ring, centre.place);
    if let (Some(g), Some(population)) = (g, q.cities) {
        rows = with_cities(rows, &ring, g, population);
    }
    let mut text = format::format_reach(&format::ring_heading(system, ring.radius_km()), &centre.name, &rows);
    if let Some(system) = system {
        text.push('\n');
        text += &format::format_system_note(system);
    }
    Ok(text)
}

/// The gazetteer's cities of at least `population` people within the ring added to the
/// briefing's rows (a city the briefing has, by name within a few km, is not listed twice).
fn with_cities(
    mut rows: Vec<spatial::ReachRow>,
    ring: &spatial::RangeRing,
    g: &Gazetteer,
    population: u64,
) -> Vec<spatial::ReachRow> {
    /// A city this close to the centre is the centre.
    const SAME_PLACE_KM: f64 = 5.0;
    let cities: Vec<(String, crate::extract::gazetteer::Entry)> =
        g.cities_over(population).map(|e| (e.source(), e)).collect();
    let targets: Vec<spatial::Target> = cities
        .iter()
        .map(|(id, e)| spatial::Target {
            id,
            name: e.name,
            kind: if e.capital { "capital (GeoNames)" } else { "city (GeoNames)" },
            geometry: spatial::TargetGeometry::Point(e.point()),
        })
        .collect();
    let extra: Vec<spatial::ReachRow> = spatial::within_reach(ring, &targets)
        .into_iter()
        .filter(|r| r.distance_km > SAME_PLACE_KM)
        .filter(|r| !rows.iter().any(|b| b.name == r.name))
        .collect();
    rows.extend(extra);
    rows.sort_by(|a, b| a.distance_km.total_cmp(&b.distance_km).then_with(|| a.name.cmp(&b.name)));
    rows
}

/// Runs `distance`: loads the briefing and the gazetteer, then [`distance_report_in`].
pub fn distance(file: Option<&Path>, points: &[String]) -> Result<String, String> {
    let briefing = load_briefing(file).map_err(|p| p.to_string())?;
    let gazetteer = Gazetteer::bundled().map_err(|e| e.to_string())?;
    distance_report_in(&briefing, Some(&gazetteer), points)
}

/// [`distance_report_in`] on the briefing alone.
pub fn distance_report(b: &Briefing, points: &[String]) -> Result<String, String> {
    distance_report_in(b, None, points)
}

/// The geodesic distance and initial bearing between two points, or each leg of a longer path
/// and the total. Every point that cannot be found is reported, not just the first. Points the
/// briefing does not name are looked up in the gazetteer, when there is one.
pub fn distance_report_in(b: &Briefing, g: Option<&Gazetteer>, points: &[String]) -> Result<String, String> {
    if points.len() < 2 {
        return Err("give at least two points to measure between".to_owned());
    }
    let (found, errors): (Vec<_>, Vec<_>) = points.iter().map(|p| lookup::locate_in(b, g, p)).partition(Result::is_ok);
    if !errors.is_empty() {
        return Err(errors.into_iter().filter_map(Result::err).map(|e| e.to_string() + "\n").collect());
    }
    let found: Vec<Located> = found.into_iter().flatten().collect();
    let names: Vec<&str> = found.iter().map(|l| l.name.as_str()).collect();
    let path = spatial::measure_path(&found.iter().map(|l| l.point).collect::<Vec<_>>());
    Ok(match path.legs.as_slice() {
        [leg] => format::format_leg(names[0], names[1], leg) + "\n",
        _ => format::format_path(&names, &path),
    })
}

/// Runs `extract`: the report or JSON, written to `--output` or returned for standard output.
pub fn extract(args: &ExtractArgs) -> Result<Option<String>, String> {
    use crate::extract::{self, Gazetteer, input, report};
    let src = input::read(&args.article).map_err(|e| e.to_string())?;
    let gazetteer = Gazetteer::bundled().map_err(|e| e.to_string())?;
    let published = match args.published {
        Some(d) => report::Published { date: Some(d), from: Some("--published".into()) },
        None => report::Published { date: src.published, from: src.published_from.clone() },
    };
    let lines = src.text.lines().count();
    if let Some(n) = args.teasers_from_line.filter(|&n| n == 0 || n > lines + 1) {
        return Err(format!("{}: --teasers-from-line {n}: the text has {lines} lines", src.file));
    }
    let body = extract::body_before_line(&src.text, args.teasers_from_line);
    let found = extract::extract_body(&src.text, body, published.date, &gazetteer);
    let text = match args.format {
        ExtractFormat::Json => report::to_json(&src, &published, &found),
        ExtractFormat::Text => report::to_text(&src, &published, &found),
        ExtractFormat::Briefing => {
            let Some(path) = &args.output else {
                return Err("--format briefing writes files: give -o DRAFT.json".into());
            };
            let atlas = Atlas::bundled().map_err(|e| e.to_string())?;
            let text_file = extract::draft::text_file_for(path, &args.article);
            let input = extract::draft::DraftInput {
                src: &src,
                published: published.date,
                teasers_from_line: args.teasers_from_line,
                text_file: &text_file,
                found: &found,
            };
            return extract::draft::write(path, &input, &gazetteer, &atlas).map(Some);
        }
    };
    match &args.output {
        Some(path) => crate::atomic::write_atomic(path, text.as_bytes())
            .map(|()| None)
            .map_err(|e| format!("{}: cannot write: {e}", path.display())),
        None => Ok(Some(text)),
    }
}

/// Runs `systems`: every preset with its id, nominal range, source and caveat.
pub fn systems() -> String {
    let mut text = String::from(
        "Weapon systems for range rings (use the id with `briefmap range PLACE --system ID`).\n\
         Ranges are nominal figures from open sources, for illustration only.\n",
    );
    for system in spatial::catalogue() {
        text += &format!("\n{}\n", system.id);
        for line in format::format_system_note(system).lines() {
            text += &format!("  {line}\n");
        }
    }
    text
}

#[cfg(test)]
#[path = "cli_tests.rs"]
mod tests;
