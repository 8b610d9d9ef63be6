//! Story steps: the briefing told step by step for presenting.

use serde::{Deserialize, Serialize};

use super::when::PartialDate;

/// A latitude/longitude pair in degrees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LatLon {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
}

/// Where the map looks: frame a set of places/regions, or a centre and zoom.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct View {
    /// Place or region ids to fit on screen.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub frame: Vec<String>,
    /// Map centre, when not framing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centre: Option<LatLon>,
    /// Slippy-map zoom level, with `centre`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zoom: Option<f64>,
}

/// The time window a step sets on the slider: one date, or from–to.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeWindow {
    /// Start of the window (its first day).
    pub from: PartialDate,
    /// End of the window (its last day); absent means the same as `from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<PartialDate>,
}

impl TimeWindow {
    /// The first and last day of the window, or `None` if a date does not exist.
    pub fn days(&self) -> Option<(jiff::civil::Date, jiff::civil::Date)> {
        let from = self.from.first_day().ok()?;
        let to = self.to.unwrap_or(self.from).last_day().ok()?;
        Some((from, to))
    }
}

/// One step of the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoryStep {
    /// Title shown on the caption card.
    pub title: String,
    /// A sentence or two for the audience.
    pub caption: String,
    /// Where the map looks.
    pub view: View,
    /// The slider's date or window; absent keeps everything visible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeWindow>,
    /// Claims to highlight.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub claims: Vec<String>,
    /// Places to highlight.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<String>,
    /// Regions to highlight.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regions: Vec<String>,
    /// Range rings to show.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rings: Vec<String>,
}

/// A range ring around a place: a named weapon system's range or a custom radius.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RingSpec {
    /// Identifier used by story steps.
    pub id: String,
    /// The place at the centre.
    pub place: String,
    /// A system from the catalogue, e.g. `iskander-m`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub system: Option<String>,
    /// A custom radius in kilometres (instead of, or overriding, the system's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub km: Option<f64>,
    /// Label drawn on the ring.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}
