//! "Within reach" of a ring: which places and regions it covers, and how far each is.
//!
//! Places are within reach iff their geodesic distance from the centre is at most the radius.
//! Regions are judged on the ellipsoid too, never on the drawn polygon:
//! - **nearest distance**: 0 if the centre lies in the region (lon/lat point-in-polygon),
//!   otherwise the minimum geodesic distance from the centre to the region's boundary. Each
//!   boundary edge is treated as a geodesic and searched by branch and bound: an edge a-b cannot
//!   come closer than (d(a) + d(b) - |ab|) / 2 (triangle inequality), so only edges that might
//!   beat the best so far are bisected, down to [`EDGE_TOLERANCE_KM`]. The same bound, on cheap
//!   spherical distances widened by [`SPHERE_SLACK`], first drops the many edges far from the
//!   nearest point without any exact geodesic.
//! - **farthest distance**: the maximum over boundary vertices (measured exactly only for the
//!   vertices that spherical distances leave in contention). A geodesic disk smaller than a
//!   quarter meridian ([`super::MAX_RADIUS_KM`]) is geodesically convex, so if every vertex is
//!   inside, every geodesic edge and the area they enclose are inside.
//! - **coverage**: full iff farthest ≤ r; partial iff nearest ≤ r < farthest; else not reached.
//!
//! Regions are lon/lat MultiPolygons with longitudes in [-180, 180] (cut at the antimeridian, as
//! GeoJSON requires). Drawn region edges are straight in lon/lat, not geodesic; for boundaries
//! with vertices every few km the difference is metres.

use geo::{BoundingRect, Distance, Geodesic, Haversine, InterpolatePoint, Intersects, MultiPolygon, Point, Rect};
use serde::Serialize;

use super::index::search_boxes;
use super::measure::{bearing_deg, distance_km};
use super::ring::RangeRing;

/// Region edges are bisected until pieces are this short, km: the accuracy of nearest distances.
pub const EDGE_TOLERANCE_KM: f64 = 0.01;

/// Relative difference allowed between a great-circle distance on the mean-radius sphere and the
/// geodesic on WGS84. Lengths on the ellipsoid are 0.9944..1.0045 times their image on the
/// sphere (meridian and prime-vertical radii against 6 371.0088 km), so 1% bounds it with
/// room to spare; spherical distances then cheaply rule out vertices and edges that cannot be
/// the nearest or farthest, and only the rest are measured exactly.
const SPHERE_SLACK: f64 = 0.01;

/// Where a target is: a point (place, capital, site) or an area (region, country).
#[derive(Debug, Clone, Copy)]
pub enum TargetGeometry<'a> {
    /// A point, (lon, lat).
    Point(Point<f64>),
    /// An area in lon/lat.
    Area(&'a MultiPolygon<f64>),
}

/// Something that may be within reach; borrowed from the caller's model.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The caller's id, echoed in the result.
    pub id: &'a str,
    /// Display name.
    pub name: &'a str,
    /// The caller's kind tag (e.g. "capital", "nato_bmd", "region"), echoed in the result.
    pub kind: &'a str,
    /// Where it is.
    pub geometry: TargetGeometry<'a>,
}

/// How a target is covered by a ring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Coverage {
    /// A point target within reach.
    Within,
    /// A region entirely within reach.
    Full,
    /// A region partly within reach.
    Partial,
}

impl Coverage {
    /// A short word for tables ("", "fully", "partly").
    pub fn label(self) -> &'static str {
        match self {
            Coverage::Within => "",
            Coverage::Full => "fully",
            Coverage::Partial => "partly",
        }
    }
}

/// One line of the within-reach table.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReachRow {
    /// The target's id.
    pub id: String,
    /// The target's name.
    pub name: String,
    /// The target's kind tag.
    pub kind: String,
    /// Geodesic distance from the ring's centre, km (regions: to their nearest point).
    pub distance_km: f64,
    /// Initial bearing from the centre (regions: to their nearest point); `None` at distance 0.
    pub bearing_deg: Option<f64>,
    /// How it is covered.
    pub coverage: Coverage,
}

/// How a region lies relative to a ring's centre.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RegionReach {
    /// Nearest geodesic distance from the centre to the region, km (0 if the centre is inside).
    pub nearest_km: f64,
    /// The region's point nearest the centre (the centre itself if inside).
    pub nearest: Point<f64>,
    /// Farthest geodesic distance from the centre to a boundary vertex, km.
    pub farthest_km: f64,
}

impl RegionReach {
    /// The coverage by a ring of `radius_km` around the same centre; `None` if out of reach.
    pub fn coverage(&self, radius_km: f64) -> Option<Coverage> {
        if self.farthest_km <= radius_km {
            Some(Coverage::Full)
        } else if self.nearest_km <= radius_km {
            Some(Coverage::Partial)
        } else {
            None
        }
    }
}

/// Nearest and farthest geodesic distances from the ring's centre to `region`; `None` for a
/// region without vertices.
pub fn region_reach(ring: &RangeRing, region: &MultiPolygon<f64>) -> Option<RegionReach> {
    let centre = ring.centre();
    let lines: Vec<Vec<(Point<f64>, f64)>> = region
        .iter()
        .flat_map(|p| std::iter::once(p.exterior()).chain(p.interiors()))
        .map(|line| line.points().map(|p| (p, sphere_km(centre, p))).collect())
        .collect();
    let vertices = || lines.iter().flatten().copied();
    let (near_vertex, _) = vertices().min_by(|a, b| a.1.total_cmp(&b.1))?;
    // The farthest vertex on the ellipsoid is among those the sphere puts near the farthest.
    let far_rough = vertices().map(|(_, d)| d).fold(f64::MIN, f64::max);
    let farthest = vertices()
        .filter(|&(_, d)| d * (1.0 + SPHERE_SLACK) >= far_rough * (1.0 - SPHERE_SLACK))
        .map(|(p, _)| distance_km(centre, p))
        .fold(f64::MIN, f64::max);
    if region.intersects(&centre) {
        return Some(RegionReach { nearest_km: 0.0, nearest: centre, farthest_km: farthest });
    }
    let (mut best, mut best_point) = (distance_km(centre, near_vertex), near_vertex);
    // Edges whose spherical lower bound already loses are dropped; the rest get exact
    // endpoint distances (any vertex nearer than `best` keeps its edges, see module docs).
    let mut edges = Vec::new();
    for line in &lines {
        for w in line.windows(2) {
            let ((a, ra), (b, rb)) = (w[0], w[1]);
            let len_hi = sphere_km(a, b) * (1.0 + SPHERE_SLACK);
            if ((ra + rb) * (1.0 - SPHERE_SLACK) - len_hi) / 2.0 >= best {
                continue;
            }
            let (da, db) = (distance_km(centre, a), distance_km(centre, b));
            for (p, d) in [(a, da), (b, db)] {
                if d < best {
                    (best, best_point) = (d, p);
                }
            }
            edges.push(((a, da), (b, db)));
        }
    }
    // Branch and bound over the remaining edges, exactly (see module docs).
    while let Some(((a, da), (b, db))) = edges.pop() {
        let len = distance_km(a, b);
        if (da + db - len) / 2.0 >= best || len <= EDGE_TOLERANCE_KM {
            continue;
        }
        let m = Geodesic.point_at_ratio_between(a, b, 0.5);
        let dm = distance_km(centre, m);
        if dm < best {
            best = dm;
            best_point = m;
        }
        edges.push(((a, da), (m, dm)));
        edges.push(((m, dm), (b, db)));
    }
    Some(RegionReach { nearest_km: best, nearest: best_point, farthest_km: farthest })
}

/// Great-circle distance on the mean-radius sphere, km: ~20x cheaper than the geodesic and
/// within [`SPHERE_SLACK`] of it.
fn sphere_km(a: Point<f64>, b: Point<f64>) -> f64 {
    Haversine.distance(a, b) / 1000.0
}

/// Every target within reach of `ring`, nearest first. Pass the ring's own place in `targets`
/// only if it should be listed (at distance 0).
pub fn within_reach(ring: &RangeRing, targets: &[Target]) -> Vec<ReachRow> {
    let boxes = search_boxes(ring);
    let centre = ring.centre();
    let mut rows: Vec<ReachRow> = targets
        .iter()
        .filter_map(|t| {
            let (distance_km, towards, coverage) = match t.geometry {
                TargetGeometry::Point(p) => {
                    let d = ring.distance_km(p);
                    (d, p, (d <= ring.radius_km()).then_some(Coverage::Within)?)
                }
                TargetGeometry::Area(region) => {
                    if !overlaps_any(region, &boxes) {
                        return None;
                    }
                    let r = region_reach(ring, region)?;
                    (r.nearest_km, r.nearest, r.coverage(ring.radius_km())?)
                }
            };
            Some(ReachRow {
                id: t.id.to_string(),
                name: t.name.to_string(),
                kind: t.kind.to_string(),
                distance_km,
                bearing_deg: bearing_deg(centre, towards),
                coverage,
            })
        })
        .collect();
    rows.sort_by(|a, b| a.distance_km.total_cmp(&b.distance_km).then_with(|| a.name.cmp(&b.name)));
    rows
}

/// Whether the region's lon/lat box meets any of the ring's search boxes (a cheap reject).
fn overlaps_any(region: &MultiPolygon<f64>, boxes: &[Rect<f64>]) -> bool {
    region.bounding_rect().is_some_and(|r| boxes.iter().any(|b| b.intersects(&r)))
}

#[cfg(test)]
#[path = "reach_tests.rs"]
mod tests;
