//! An R-tree over many points for "which of these are within reach of a ring": a lon/lat box
//! query prefilters, an exact geodesic distance decides.

use geo::{Coord, Point, Rect};
use rstar::{AABB, RTree, primitives::GeomWithData};
use serde::Serialize;

use super::ring::RangeRing;
use crate::mercator::MAX_LAT;

/// Km per degree of latitude, rounded down so padding errs on the generous side.
const KM_PER_DEG: f64 = 110.0;

/// Lon/lat boxes that together contain the whole geodesic disk of `ring`.
///
/// The boxes of the drawn shape are padded, because the true boundary bulges slightly beyond the
/// straight lon/lat chords between vertices (by far less than the 0.2% of r + 1 km used here).
/// Longitude padding grows as 1/cos(latitude); near a pole the box spans all longitudes.
pub(crate) fn search_boxes(ring: &RangeRing) -> Vec<Rect<f64>> {
    let pad_km = 1.0 + 0.002 * ring.radius_km();
    let pad_lat = pad_km / KM_PER_DEG;
    ring.shape()
        .bounding_boxes()
        .into_iter()
        .map(|b| {
            let (s, n) = ((b.min().y - pad_lat).max(-90.0), (b.max().y + pad_lat).min(90.0));
            let cos = s.abs().max(n.abs()).to_radians().cos();
            // Beyond the Mercator edge the meridians converge too fast for a useful lon pad.
            let (w, e) = if s.abs().max(n.abs()) > MAX_LAT {
                (-180.0, 180.0)
            } else {
                let pad_lon = pad_km / (KM_PER_DEG * cos);
                ((b.min().x - pad_lon).max(-180.0), (b.max().x + pad_lon).min(180.0))
            };
            Rect::new(Coord { x: w, y: s }, Coord { x: e, y: n })
        })
        .collect()
}

/// One point found within reach.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct IndexHit {
    /// Position of the point in the slice the index was built from.
    pub index: usize,
    /// Geodesic distance from the ring's centre, km.
    pub distance_km: f64,
}

/// A static spatial index over points (lon, lat), for fast within-reach queries.
#[derive(Debug, Clone)]
pub struct PointIndex {
    tree: RTree<GeomWithData<[f64; 2], usize>>,
}

impl PointIndex {
    /// Indexes `points`; hits refer to positions in this slice. Points with non-finite
    /// coordinates are left out (they are never within reach).
    pub fn new(points: &[Point<f64>]) -> Self {
        let items = points
            .iter()
            .enumerate()
            .filter(|(_, p)| p.x().is_finite() && p.y().is_finite())
            .map(|(i, p)| GeomWithData::new([p.x(), p.y()], i))
            .collect();
        Self { tree: RTree::bulk_load(items) }
    }

    /// Number of indexed points.
    pub fn len(&self) -> usize {
        self.tree.size()
    }

    /// Whether the index holds no points.
    pub fn is_empty(&self) -> bool {
        self.tree.size() == 0
    }

    /// The indexed points within reach of `ring`, nearest first.
    pub fn within(&self, ring: &RangeRing) -> Vec<IndexHit> {
        let centre = ring.centre();
        let mut hits: Vec<IndexHit> = search_boxes(ring)
            .iter()
            .flat_map(|b| {
                let envelope = AABB::from_corners([b.min().x, b.min().y], [b.max().x, b.max().y]);
                self.tree.locate_in_envelope(&envelope).collect::<Vec<_>>()
            })
            .filter_map(|item| {
                let [lon, lat] = *item.geom();
                let d = super::distance_km(centre, Point::new(lon, lat));
                (d <= ring.radius_km()).then_some(IndexHit { index: item.data, distance_km: d })
            })
            .collect();
        // Boxes of an antimeridian ring meet at ±180, so a point there can be found twice.
        hits.sort_by(|a, b| a.distance_km.total_cmp(&b.distance_km).then(a.index.cmp(&b.index)));
        hits.dedup_by_key(|h| h.index);
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Deterministic pseudo-random points over the whole globe (64-bit LCG, Knuth's constants).
    fn scattered_points(n: usize) -> Vec<Point<f64>> {
        let mut state: u64 = 0x2016_0516;
        let mut next = move || {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 11) as f64 / (1u64 << 53) as f64
        };
        (0..n).map(|_| Point::new(next() * 360.0 - 180.0, next() * 180.0 - 90.0)).collect()
    }

    #[test]
    fn index_finds_exactly_what_brute_force_finds() {
        let mut points = scattered_points(20_000);
        // Points on the antimeridian and at a pole must not be missed or doubled.
        points.extend([Point::new(180.0, 10.0), Point::new(-180.0, 10.0), Point::new(0.0, 90.0)]);
        let index = PointIndex::new(&points);
        assert_eq!(index.len(), points.len());
        for ring in [
            RangeRing::new(Point::new(26.0458, 53.0944), 500.0).unwrap(),
            RangeRing::new(Point::new(179.5, 10.0), 800.0).unwrap(),
            RangeRing::new(Point::new(10.0, 80.0), 1500.0).unwrap(),
            RangeRing::new(Point::new(-60.0, -70.0), 3000.0).unwrap(),
        ] {
            let brute: Vec<usize> =
                points.iter().enumerate().filter(|(_, p)| ring.contains(**p)).map(|(i, _)| i).collect();
            let mut found: Vec<usize> = index.within(&ring).iter().map(|h| h.index).collect();
            found.sort_unstable();
            assert!(!brute.is_empty(), "{ring:?}: test ring reaches no point");
            assert_eq!(found, brute, "{ring:?}");
        }
    }

    #[test]
    fn hits_are_sorted_by_distance() {
        let index = PointIndex::new(&scattered_points(5_000));
        let ring = RangeRing::new(Point::new(0.0, 0.0), 3000.0).unwrap();
        let hits = index.within(&ring);
        assert!(hits.len() > 10);
        assert!(hits.windows(2).all(|w| w[0].distance_km <= w[1].distance_km));
    }

    #[test]
    fn non_finite_points_are_skipped() {
        let index = PointIndex::new(&[Point::new(f64::NAN, 0.0), Point::new(0.0, 0.0)]);
        assert_eq!(index.len(), 1);
        let ring = RangeRing::new(Point::new(0.0, 0.0), 1.0).unwrap();
        assert_eq!(index.within(&ring)[0].index, 1);
    }
}
