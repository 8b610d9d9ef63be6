//! The briefing's range rings resolved for drawing and analysis, and what a ring reaches among
//! the briefing's places and regions: the adapter between the model and [`crate::spatial`].

use crate::spatial::{self, RangeRing, ReachRow, Target, TargetGeometry, WeaponSystem, format::ring_heading};

use super::{Briefing, RingSpec};

/// A ring of the briefing, resolved: owned, so a view can keep it between frames.
#[derive(Debug, Clone, PartialEq)]
pub struct BriefingRing {
    /// Index in [`Briefing::rings`].
    pub index: usize,
    /// The ring's id (story steps refer to it).
    pub id: String,
    /// Index of the centre in [`Briefing::places`].
    pub place: usize,
    /// The geodesic ring.
    pub ring: RangeRing,
    /// The preset system, if the ring names one.
    pub system: Option<&'static WeaponSystem>,
    /// What to write on the ring: the file's label, or "Iskander-M (~500 km) from Baranovichi".
    pub label: String,
}

impl BriefingRing {
    /// The ring's heading without its place: "Iskander-M (~500 km)", "120 km ring".
    pub fn heading(&self) -> String {
        ring_heading(self.system, self.ring.radius_km())
    }
}

impl Briefing {
    /// The range rings as written in the file.
    pub fn rings(&self) -> &[RingSpec] {
        &self.doc.rings
    }

    /// Ring `i`, resolved; `None` only when `i` is out of bounds (validation guarantees the rest).
    pub fn ring(&self, i: usize) -> Option<BriefingRing> {
        let spec = self.doc.rings.get(i)?;
        let place = self.place(&spec.place)?;
        let centre = &self.doc.places[place];
        let (ring, system) = spatial::resolve_ring(centre.point(), spec.system.as_deref(), spec.km).ok()?;
        let label = spec
            .label
            .clone()
            .unwrap_or_else(|| format!("{} from {}", ring_heading(system, ring.radius_km()), centre.name));
        Some(BriefingRing { index: i, id: spec.id.clone(), place, ring, system, label })
    }

    /// The ring with this id, resolved.
    pub fn ring_by_id(&self, id: &str) -> Option<BriefingRing> {
        self.ring(self.doc.rings.iter().position(|r| r.id == id)?)
    }

    /// Every place (except `centre`, the ring's own place) and every region, as within-reach
    /// targets; kinds are the legend labels ("Capital", "Country").
    pub fn reach_targets(&self, centre: Option<usize>) -> Vec<Target<'_>> {
        let places = self.places().iter().enumerate().filter(|(i, _)| Some(*i) != centre).map(|(_, p)| Target {
            id: &p.id,
            name: &p.name,
            kind: p.kind.label(),
            geometry: TargetGeometry::Point(p.point()),
        });
        let regions = self.regions().iter().enumerate().map(|(i, r)| Target {
            id: &r.id,
            name: &r.name,
            kind: r.kind.label(),
            geometry: TargetGeometry::Area(self.shape(i)),
        });
        places.chain(regions).collect()
    }

    /// What `ring` reaches among the briefing's places (except `centre`) and regions, nearest
    /// first.
    pub fn within_reach(&self, ring: &RangeRing, centre: Option<usize>) -> Vec<ReachRow> {
        spatial::within_reach(ring, &self.reach_targets(centre))
    }
}

#[cfg(test)]
#[path = "rings_tests.rs"]
mod tests;
