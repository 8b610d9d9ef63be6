//! The app's state in one place: what is selected, the time window, filters, view and panels.
//! It is saved between runs (eframe persistence) and restored on start.

use jiff::civil::{Date, date};
use serde::{Deserialize, Serialize};

use crate::briefing::{Briefing, Item};
use crate::mercator::{MAX_LAT, MAX_VIEW_ZOOM, MIN_VIEW_ZOOM};
use crate::session::TimeRange;
use crate::timeline::TimeFilter;
use crate::viewport::Camera;
use crate::visibility::Filters;

/// Light or dark look.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    /// Light (default; projectors wash out dark themes).
    #[default]
    Light,
    /// Dark.
    Dark,
}

/// The time slider: one handle (as of a date) or two (a window), and playback.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct TimeState {
    /// Two handles (a window) rather than one (as of a date).
    pub window: bool,
    /// The single handle, or the window's start.
    pub from: Date,
    /// The window's end (two handles).
    pub to: Date,
    /// Whether the slider applies at all (off: everything shows).
    pub active: bool,
    /// Playing forward.
    #[serde(skip)]
    pub playing: bool,
    /// Days per second while playing.
    pub speed: f32,
    /// Colour the claims' ticks by their source rather than their first actor.
    pub ticks_by_source: bool,
    /// The span the slider covers: the briefing's years (set from the session every frame).
    #[serde(skip)]
    pub range: TimeRange,
}

/// Where the slider starts for a briefing without dates (and for the embedded briefing, whose
/// claims run from the early 2010s to December 2016).
pub const SLIDER_START: Date = date(2010, 1, 1);
/// Where the slider ends for a briefing without dates (and for the embedded briefing).
pub const SLIDER_END: Date = date(2016, 12, 31);
/// Fastest playback, in days per second: the whole slider in about a second.
pub const MAX_SPEED: f32 = 3650.0;

impl Default for TimeState {
    fn default() -> Self {
        Self {
            window: false,
            from: SLIDER_END,
            to: SLIDER_END,
            active: false,
            playing: false,
            speed: 120.0,
            ticks_by_source: false,
            range: TimeRange { start: SLIDER_START, end: SLIDER_END },
        }
    }
}

impl TimeState {
    /// The filter this slider state stands for.
    pub fn filter(&self) -> TimeFilter {
        match (self.active, self.window) {
            (false, _) => TimeFilter::All,
            (true, false) => TimeFilter::AsOf(self.from),
            (true, true) => TimeFilter::Window(self.from.min(self.to), self.from.max(self.to)),
        }
    }

    /// The date the slider reads out (the single handle, or the window's end).
    pub fn current(&self) -> Date {
        if self.window { self.to } else { self.from }
    }

    /// Moves the single handle (or the window, keeping its length) to `d`.
    pub fn set_current(&mut self, d: Date) {
        let TimeRange { start, end } = self.range;
        let d = d.clamp(start, end);
        self.active = true;
        if self.window {
            let len = self.to.since(self.from).map(|s| s.get_days()).unwrap_or(0);
            self.to = d;
            self.from = d.checked_sub(jiff::Span::new().days(len)).unwrap_or(start).max(start);
        } else {
            self.from = d;
        }
    }

    /// Sets the span the slider covers, bringing the handles into it.
    pub fn set_range(&mut self, range: TimeRange) {
        if self.range != range {
            self.range = range;
            self.from = range.clamp(self.from);
            self.to = range.clamp(self.to);
        }
    }
}

/// Which panels are open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Panels {
    /// The selection panel on the right.
    pub side: bool,
    /// The article reader beside it.
    pub reader: bool,
    /// The legend on the map.
    pub legend: bool,
    /// The story editor on the left.
    pub story: bool,
    /// The keyboard help overlay.
    #[serde(skip)]
    pub help: bool,
    /// The range rings window.
    pub rings: bool,
    /// The list of the briefing's problems.
    #[serde(skip)]
    pub problems: bool,
    /// The review and authoring panel on the left.
    pub author: bool,
    /// The sources panel on the left: grades, relations.
    pub sources: bool,
    /// With both the review and the sources open, the sources' tab is the one on show.
    pub sources_tab: bool,
}

impl Default for Panels {
    fn default() -> Self {
        Self {
            side: true,
            reader: false,
            legend: true,
            story: false,
            help: false,
            rings: false,
            problems: false,
            sources: false,
            sources_tab: false,
            author: false,
        }
    }
}

/// Everything the user set, saved between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AppState {
    /// Id of the selected place, region or claim.
    pub selected: Option<String>,
    /// Where the map looks.
    pub camera: Camera,
    /// The time slider.
    pub time: TimeState,
    /// Actor and kind filters.
    pub filters: Filters,
    /// Open panels.
    pub panels: Panels,
    /// Light or dark.
    pub theme: Theme,
    /// OpenStreetMap tiles instead of the offline basemap.
    pub online: bool,
    /// Range rings the user added.
    pub rings: Vec<super::rings::UserRing>,
    /// Show the briefing's own range rings (story steps show theirs regardless).
    pub briefing_rings: bool,
    /// The briefing file the view and selection belong to (`None`: the embedded briefing).
    pub last_file: Option<std::path::PathBuf>,
    /// Briefing files opened or saved lately, newest first.
    pub recent: Vec<std::path::PathBuf>,
}

impl Default for AppState {
    fn default() -> Self {
        Self {
            selected: None,
            camera: Camera { lon: 26.0, lat: 52.5, zoom: 4.6 },
            time: TimeState::default(),
            filters: Filters::default(),
            panels: Panels::default(),
            theme: Theme::default(),
            online: false,
            rings: Vec::new(),
            briefing_rings: false,
            last_file: None,
            recent: Vec::new(),
        }
    }
}

impl AppState {
    /// The state with every value the app cannot use put back in range: saved settings can
    /// be damaged or hand-edited, and RON spells NaN and infinity. A camera that is not on
    /// the map goes back to the default view; a zoom, speed or date out of range is clamped.
    pub fn repaired(mut self) -> Self {
        let cam = &mut self.camera;
        if !(cam.lon.is_finite() && cam.lat.is_finite()) {
            *cam = Self::default().camera;
        }
        cam.lon = cam.lon.clamp(-180.0, 180.0);
        cam.lat = cam.lat.clamp(-MAX_LAT, MAX_LAT);
        cam.zoom = if cam.zoom.is_finite() {
            cam.zoom.clamp(MIN_VIEW_ZOOM, MAX_VIEW_ZOOM)
        } else {
            Self::default().camera.zoom
        };
        let time = &mut self.time;
        time.speed = if time.speed.is_finite() { time.speed.clamp(1.0, MAX_SPEED) } else { TimeState::default().speed };
        time.from = time.from.clamp(SLIDER_START, SLIDER_END);
        time.to = time.to.clamp(SLIDER_START, SLIDER_END);
        self
    }

    /// The selected item, if its id is in this briefing.
    pub fn selection(&self, b: &Briefing) -> Option<Item> {
        self.selected.as_deref().and_then(|id| b.item(id))
    }

    /// Selects `item` (or clears the selection).
    pub fn select(&mut self, b: &Briefing, item: Option<Item>) {
        self.selected = item.map(|i| id_of(b, i).to_owned());
    }
}

/// The id of an item.
pub fn id_of(b: &Briefing, item: Item) -> &str {
    match item {
        Item::Place(i) => &b.places()[i].id,
        Item::Region(i) => &b.regions()[i].id,
        Item::Claim(i) => &b.claims()[i].id,
    }
}

/// The display name of an item (a claim's summary).
pub fn name_of(b: &Briefing, item: Item) -> &str {
    match item {
        Item::Place(i) => &b.places()[i].name,
        Item::Region(i) => &b.regions()[i].name,
        Item::Claim(i) => &b.claims()[i].summary,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slider_filters() {
        let mut t = TimeState::default();
        assert_eq!(t.filter(), TimeFilter::All);
        t.set_current(date(2014, 6, 1));
        assert_eq!(t.filter(), TimeFilter::AsOf(date(2014, 6, 1)));
        t.window = true;
        t.from = date(2014, 1, 1);
        t.to = date(2014, 12, 31);
        t.set_current(date(2015, 12, 31));
        assert_eq!(t.filter(), TimeFilter::Window(date(2015, 1, 1), date(2015, 12, 31)));
        t.set_current(date(2030, 1, 1));
        assert_eq!(t.current(), SLIDER_END);
    }

    #[test]
    fn repair_puts_damaged_values_back_in_range() {
        let time = TimeState { speed: f32::INFINITY, from: date(1900, 1, 1), ..TimeState::default() };
        let camera = Camera { lon: f64::NAN, lat: 10.0, zoom: f64::INFINITY };
        let r = AppState { camera, time, ..AppState::default() }.repaired();
        assert_eq!(r.camera, AppState::default().camera);
        assert_eq!(r.time.speed, TimeState::default().speed);
        assert_eq!(r.time.from, SLIDER_START);
        let time = TimeState { speed: -3.0, ..TimeState::default() };
        let camera = Camera { lon: 500.0, lat: -89.0, zoom: 40.0 };
        let r = AppState { camera, time, ..AppState::default() }.repaired();
        assert_eq!((r.camera.lon, r.camera.lat, r.camera.zoom), (180.0, -MAX_LAT, 18.0));
        assert_eq!(r.time.speed, 1.0);
        // A state in range is left as it is.
        assert_eq!(AppState::default().repaired(), AppState::default());
    }

    #[test]
    fn state_survives_a_round_trip_and_unknown_fields() {
        let s = AppState { selected: Some("minsk".into()), ..AppState::default() };
        let text = serde_json::to_string(&s).unwrap();
        assert_eq!(serde_json::from_str::<AppState>(&text).unwrap(), s);
        // Settings from an older or newer build still load (defaults fill the gaps).
        let partial: AppState = serde_json::from_str(r#"{"selected":"x","future_field":1}"#).unwrap();
        assert_eq!(partial.selected.as_deref(), Some("x"));
    }
}
