//! Links: relations between places or regions that the claims support.

use serde::{Deserialize, Serialize};

/// What a link between two places stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    /// Talks or a visit.
    Talks,
    /// A deployment that is planned or demanded.
    PlannedDeployment,
    /// A deployment that happened.
    Deployment,
    /// A perceived threat.
    Threat,
    /// Arms or equipment supplied.
    Supply,
    /// Political or military pressure.
    Pressure,
}

impl LinkKind {
    /// Every kind, in legend order.
    pub const ALL: [Self; 6] =
        [Self::Talks, Self::PlannedDeployment, Self::Deployment, Self::Threat, Self::Supply, Self::Pressure];

    /// The name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Talks => "talks",
            Self::PlannedDeployment => "planned_deployment",
            Self::Deployment => "deployment",
            Self::Threat => "threat",
            Self::Supply => "supply",
            Self::Pressure => "pressure",
        }
    }

    /// A label for legends.
    pub fn label(self) -> &'static str {
        match self {
            Self::Talks => "Talks",
            Self::PlannedDeployment => "Planned deployment",
            Self::Deployment => "Deployment",
            Self::Threat => "Perceived threat",
            Self::Supply => "Supply",
            Self::Pressure => "Pressure",
        }
    }
}

/// A directed relation from one place or region to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    /// Identifier used by story steps.
    pub id: String,
    /// Place or region id it starts at.
    pub from: String,
    /// Place or region id it points to.
    pub to: String,
    /// What it stands for.
    pub kind: LinkKind,
    /// A short label for the arc, e.g. "Iskanders?".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The claims that support it.
    pub claims: Vec<String>,
}
