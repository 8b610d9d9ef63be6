//! Places (points) and regions (areas) on the map, and where their presence comes from.

use serde::{Deserialize, Serialize};

use super::source::TextRef;
use super::suggestion::Suggestion;

/// Whether a place is named in the article or added as context, and how sure its location is.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Named in the text, or added as context.
    pub origin: Origin,
    /// Why a context item is on the map (required for `context`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// Where the coordinates or geometry come from.
    pub source: String,
    /// How sure the location is.
    pub confidence: Confidence,
    /// Rough uncertainty of the location in kilometres, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty_km: Option<f64>,
}

/// Named in the article, or not named but needed to understand it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The article names it.
    Article,
    /// The article does not name it; it is on the map as context.
    Context,
}

impl Origin {
    /// The name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Article => "article",
            Self::Context => "context",
        }
    }
}

/// How sure a location is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Checked against a good source.
    Good,
    /// Approximate; see `uncertainty_km`.
    Approximate,
}

/// What kind of place a point is; drives its marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A national capital.
    Capital,
    /// A city.
    City,
    /// A town or village.
    Town,
    /// A military base, garrison or facility.
    MilitarySite,
    /// A missile-defence site (interceptors, radar, command).
    MissileDefenceSite,
    /// An air base.
    AirBase,
    /// A naval base.
    NavalBase,
    /// A sea, gulf or strait (its label point).
    Sea,
    /// An area with no bundled boundary (a country or region far from the atlas), drawn at its
    /// label point.
    Area,
}

impl PlaceKind {
    /// Every kind, in legend order.
    pub const ALL: [Self; 9] = [
        Self::Capital,
        Self::City,
        Self::Town,
        Self::MilitarySite,
        Self::MissileDefenceSite,
        Self::AirBase,
        Self::NavalBase,
        Self::Sea,
        Self::Area,
    ];

    /// The name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Capital => "capital",
            Self::City => "city",
            Self::Town => "town",
            Self::MilitarySite => "military_site",
            Self::MissileDefenceSite => "missile_defence_site",
            Self::AirBase => "air_base",
            Self::NavalBase => "naval_base",
            Self::Sea => "sea",
            Self::Area => "area",
        }
    }

    /// A label for legends.
    pub fn label(self) -> &'static str {
        match self {
            Self::Capital => "Capital",
            Self::City => "City",
            Self::Town => "Town",
            Self::MilitarySite => "Military site",
            Self::MissileDefenceSite => "Missile-defence site",
            Self::AirBase => "Air base",
            Self::NavalBase => "Naval base",
            Self::Sea => "Sea",
            Self::Area => "Area",
        }
    }
}

/// A point on the map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Identifier used by claims, links and story steps.
    pub id: String,
    /// English name.
    pub name: String,
    /// Names in local languages, e.g. Мінск, Минск.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_names: Vec<String>,
    /// Other names the article or readers use, e.g. "the Kremlin" for Moscow.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// WGS84 latitude in degrees.
    pub lat: f64,
    /// WGS84 longitude in degrees.
    pub lon: f64,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// Actors it belongs to or hosts.
    pub actors: Vec<String>,
    /// Named in the article or context, and the source of the coordinates.
    pub provenance: Provenance,
    /// Where the sources name it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<TextRef>,
    /// The extractor's proposal, until a person decides; absent for the analyst's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
}

impl Place {
    /// The place as a `geo` point (x = longitude, y = latitude).
    pub fn point(&self) -> geo::Point<f64> {
        geo::Point::new(self.lon, self.lat)
    }
}

/// What kind of area a region is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    /// A sovereign state.
    Country,
    /// A province (oblast, voblast).
    Province,
    /// A territory defined by events, e.g. occupied Crimea.
    Territory,
    /// A group of countries, e.g. the Baltic States.
    Group,
}

impl RegionKind {
    /// The name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Country => "country",
            Self::Province => "province",
            Self::Territory => "territory",
            Self::Group => "group",
        }
    }

    /// A label for legends and tables.
    pub fn label(self) -> &'static str {
        match self {
            Self::Country => "Country",
            Self::Province => "Province",
            Self::Territory => "Territory",
            Self::Group => "Group of countries",
        }
    }
}

/// An area on the map, drawn from bundled boundary data.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Identifier used by claims, links and story steps.
    pub id: String,
    /// English name.
    pub name: String,
    /// Names in local languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub local_names: Vec<String>,
    /// What kind of area it is.
    pub kind: RegionKind,
    /// Actors it belongs to or concerns.
    pub actors: Vec<String>,
    /// Codes of the bundled boundaries (ISO 3166) whose union is this region.
    pub geometry: Vec<String>,
    /// Legal status worth stating on the map, e.g. occupation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Named in the article or context, and the source of the geometry.
    pub provenance: Provenance,
    /// Where the sources name it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mentions: Vec<TextRef>,
    /// The extractor's proposal, until a person decides; absent for the analyst's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
}
