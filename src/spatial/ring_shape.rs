//! The drawable form of a [`RangeRing`]: a lon/lat MultiPolygon (for fills, containment of
//! regions and GeoJSON) plus the ring's true boundary lines (for strokes).
//!
//! Two cases need care, and both are solved in "unwrapped" longitude (allowed to run past ±180 so
//! the boundary is continuous) and then cut into the [-180, 180] world:
//! - **Antimeridian**: the boundary is cut exactly where it meets lon ±180 (the crossing point is
//!   found by bisection on bearing, so it too lies on the ring); each piece is shifted back into
//!   [-180, 180]. A ring centred at 179.5°E becomes two polygons meeting at the antimeridian.
//! - **Enclosed pole**: the boundary then winds once around the pole, its longitudes spanning a
//!   full 360°. The area is the strip between the boundary and the pole: boundary, then up the
//!   cut meridian to lat ±90, along the pole edge, and back down. On Web Mercator the pole is at
//!   infinity, so [`RingShape::for_web_mercator`] clamps latitudes to ±85.0511°
//!   ([`crate::mercator::MAX_LAT`]), the projection's edge; the cap then fills to the top of the
//!   map, which is what the ring covers.
//!
//! Both are exact because a ring below [`super::MAX_RADIUS_KM`] is a convex geodesic disk: a cut
//! meridian meets it at most twice (once if it encloses the pole). Should rounding ever produce
//! another pattern, the shape falls back to clipping with `geo`'s boolean operations.

use geo::{
    BooleanOps, BoundingRect, Coord, LineString, MapCoords, MultiLineString, MultiPolygon, Orient, Polygon, Rect,
    orient::Direction,
};

use super::measure::wrap_lon;
use super::ring::{Pole, RangeRing};
use crate::mercator::MAX_LAT;

/// A ring ready to draw or export; all longitudes in [-180, 180].
#[derive(Debug, Clone, PartialEq)]
pub struct RingShape {
    /// The covered area, cut at the antimeridian; exteriors counter-clockwise (RFC 7946). For a
    /// pole-enclosing ring it reaches lat ±90 (see the module docs).
    pub area: MultiPolygon<f64>,
    /// The ring's boundary only (no cut or pole edges), cut at the antimeridian; stroke this.
    pub outline: MultiLineString<f64>,
    /// The pole inside the shape, if any.
    pub pole: Option<Pole>,
}

/// A boundary vertex in unwrapped longitude.
#[derive(Debug, Clone, Copy)]
struct Vertex {
    bearing: f64,
    at: Coord<f64>,
}

impl RingShape {
    /// Builds the shape of `ring` from `vertices` boundary points (rounded up to a multiple of 4,
    /// at least 16, so the due north and south points, where latitude peaks, are vertices).
    pub fn new(ring: &RangeRing, vertices: usize) -> Self {
        let n = vertices.max(16).div_ceil(4) * 4;
        let (boundary, winding) = unwrapped_boundary(ring, n);
        let pole = (winding != 0.0).then(|| if ring.centre().y() >= 0.0 { Pole::North } else { Pole::South });
        let area = area(&boundary, winding, pole);
        let outline = outline(&boundary, winding);
        Self { area, outline, pole }
    }

    /// A copy with latitudes clamped to the Web Mercator square, for drawing on slippy maps.
    pub fn for_web_mercator(&self) -> RingShape {
        let clamp = |c: Coord<f64>| Coord { x: c.x, y: c.y.clamp(-MAX_LAT, MAX_LAT) };
        RingShape { area: self.area.map_coords(clamp), outline: self.outline.map_coords(clamp), pole: self.pole }
    }

    /// Lon/lat boxes covering the area, one per piece.
    pub fn bounding_boxes(&self) -> Vec<Rect<f64>> {
        self.area.iter().filter_map(|p| p.bounding_rect()).collect()
    }
}

/// Signed change of longitude from `a` to `b` taking the short way round, in [-180, 180).
fn lon_step(a: f64, b: f64) -> f64 {
    wrap_lon(b - a)
}

/// The boundary with continuous longitudes and exact antimeridian crossings inserted, plus its
/// winding: 0 for an ordinary ring, ±360 when it goes round a pole.
fn unwrapped_boundary(ring: &RangeRing, n: usize) -> (Vec<Vertex>, f64) {
    let mut raw: Vec<Vertex> = Vec::with_capacity(n + 1);
    for i in 0..n {
        let bearing = 360.0 * i as f64 / n as f64;
        let p = ring.point_at(bearing);
        let x = match raw.last() {
            None => p.x(),
            Some(prev) => prev.at.x + lon_step(prev.at.x, p.x()),
        };
        raw.push(Vertex { bearing, at: Coord { x, y: p.y() } });
    }
    let first = raw[0];
    let last = raw[n - 1];
    let closing_x = last.at.x + lon_step(last.at.x, first.at.x);
    // The loop closes at the same geographic point, so the drift is a whole number of turns.
    let winding = ((closing_x - first.at.x) / 360.0).round() * 360.0;
    let mut out = Vec::with_capacity(n + 4);
    for i in 0..n {
        let a = raw[i];
        let b = if i + 1 < n {
            raw[i + 1]
        } else {
            Vertex { bearing: 360.0, at: Coord { x: first.at.x + winding, y: first.at.y } }
        };
        out.push(a);
        for cut in cuts_between(a.at.x, b.at.x) {
            out.push(crossing(ring, a, b, cut));
        }
    }
    (out, winding)
}

/// The cut meridians (180 + 360k in unwrapped longitude) strictly between `a` and `b`.
fn cuts_between(a: f64, b: f64) -> Vec<f64> {
    let (lo, hi) = if a < b { (a, b) } else { (b, a) };
    let first = ((lo - 180.0) / 360.0).floor() as i64 + 1;
    let mut cuts: Vec<f64> =
        (first..).map(|k| 180.0 + 360.0 * k as f64).take_while(|&m| m < hi).filter(|&m| m > lo).collect();
    if a > b {
        cuts.reverse();
    }
    cuts
}

/// Whether an unwrapped longitude lies exactly on a cut meridian. Exact equality is intended:
/// crossing vertices are given the cut's own value.
fn on_cut(x: f64) -> bool {
    (x - 180.0).rem_euclid(360.0) == 0.0
}

/// The ring point between `a` and `b` whose unwrapped longitude is `cut`, by bisection on bearing
/// (the step between neighbours is small, so longitude is monotonic there).
fn crossing(ring: &RangeRing, a: Vertex, b: Vertex, cut: f64) -> Vertex {
    let unwrapped = |bearing: f64| {
        let p = ring.point_at(bearing);
        (a.at.x + lon_step(a.at.x, p.x()), p.y())
    };
    let rising = b.at.x > a.at.x;
    let (mut lo, mut hi) = (a.bearing, b.bearing);
    for _ in 0..60 {
        let mid = 0.5 * (lo + hi);
        let (x, _) = unwrapped(mid);
        if (x < cut) == rising {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    let bearing = 0.5 * (lo + hi);
    let (_, y) = unwrapped(bearing);
    Vertex { bearing, at: Coord { x: cut, y } }
}

/// The boundary split into arcs that each run from one cut meridian to the next (or one closed
/// loop if it never meets a cut), still in unwrapped longitude.
fn arcs(boundary: &[Vertex], winding: f64) -> Vec<Vec<Coord<f64>>> {
    let coords: Vec<Coord<f64>> = boundary.iter().map(|v| v.at).collect();
    let turned = |c: Coord<f64>| Coord { x: c.x + winding, y: c.y };
    // Start the walk at a crossing so no arc straddles the start of the loop.
    let sequence: Vec<Coord<f64>> = match coords.iter().position(|c| on_cut(c.x)) {
        Some(c) => coords[c..].iter().copied().chain(coords[..=c].iter().copied().map(turned)).collect(),
        None => coords.iter().copied().chain(std::iter::once(turned(coords[0]))).collect(),
    };
    let mut arcs = Vec::new();
    let mut current: Vec<Coord<f64>> = Vec::new();
    for (i, c) in sequence.iter().enumerate() {
        current.push(*c);
        if i > 0 && on_cut(c.x) {
            arcs.push(std::mem::take(&mut current));
            current.push(*c);
        }
    }
    arcs.push(current);
    arcs.retain(|a| a.len() >= 2);
    arcs
}

/// Shifts coordinates by whole turns so their longitude span is centred in [-180, 180].
fn into_world(coords: Vec<Coord<f64>>) -> Vec<Coord<f64>> {
    let (lo, hi) = coords.iter().fold((f64::MAX, f64::MIN), |(lo, hi), c| (lo.min(c.x), hi.max(c.x)));
    let shift = 360.0 * (0.5 * (lo + hi) / 360.0).round();
    coords.into_iter().map(|c| Coord { x: c.x - shift, y: c.y }).collect()
}

/// The covered area built from the boundary's arcs. A geodesic disk smaller than
/// [`super::MAX_RADIUS_KM`] is convex, so a cut meridian meets an ordinary ring at most twice and
/// a pole-enclosing ring once; each arc then closes along the cut (or via the pole edge) into
/// one exact piece. Any other pattern falls back to polygon clipping.
fn area(boundary: &[Vertex], winding: f64, pole: Option<Pole>) -> MultiPolygon<f64> {
    let arcs = arcs(boundary, winding);
    let pieces: Vec<Vec<Coord<f64>>> = match (pole, arcs.len()) {
        (None, 1 | 2) => arcs,
        (Some(pole), 1) => {
            let mut strip = arcs.into_iter().next().unwrap_or_default();
            if strip.first().map(|c| c.x) > strip.last().map(|c| c.x) {
                strip.reverse();
            }
            let (start, end) = match (strip.first(), strip.last()) {
                (Some(s), Some(e)) => (s.x, e.x),
                _ => return MultiPolygon::new(vec![]),
            };
            strip.push(Coord { x: end, y: pole.lat() });
            strip.push(Coord { x: start, y: pole.lat() });
            vec![strip]
        }
        _ => return cut_into_world(&unwrapped_area(boundary, winding, pole)),
    };
    pieces
        .into_iter()
        .map(|p| Polygon::new(LineString::new(into_world(p)), vec![]))
        .collect::<MultiPolygon<f64>>()
        .orient(Direction::Default)
}

/// The boundary as lines cut at the antimeridian and shifted into [-180, 180].
fn outline(boundary: &[Vertex], winding: f64) -> MultiLineString<f64> {
    arcs(boundary, winding).into_iter().map(|a| LineString::new(into_world(a))).collect()
}

/// The covered area as one polygon in unwrapped longitude (may extend past ±180); only for the
/// clipping fallback.
fn unwrapped_area(boundary: &[Vertex], winding: f64, pole: Option<Pole>) -> Polygon<f64> {
    let mut coords: Vec<Coord<f64>> = boundary.iter().map(|v| v.at).collect();
    let Some(pole) = pole else {
        return Polygon::new(LineString::new(coords), vec![]);
    };
    // Close the boundary a full turn on, then make it run west to east before adding the pole
    // edge, so the strip between boundary and pole is traced whichever way the ring winds.
    coords.push(Coord { x: coords[0].x + winding, y: coords[0].y });
    if winding < 0.0 {
        coords.reverse();
    }
    let (start, end) = (coords[0].x, coords[coords.len() - 1].x);
    coords.push(Coord { x: end, y: pole.lat() });
    coords.push(Coord { x: start, y: pole.lat() });
    Polygon::new(LineString::new(coords), vec![])
}

/// Clips an unwrapped polygon to each 360° band and shifts the pieces into [-180, 180]. The
/// clipper snaps to an integer grid (~2 cm here), so coordinates within 1e-6° of the world's
/// edges are put back on them.
fn cut_into_world(unwrapped: &Polygon<f64>) -> MultiPolygon<f64> {
    let Some(bounds) = unwrapped.bounding_rect() else {
        return MultiPolygon::new(vec![]);
    };
    let snap = |v: f64, edge: f64| {
        if (v.abs() - edge).abs() < 1e-6 { edge.copysign(v) } else { v }
    };
    let mut pieces = Vec::new();
    let k_min = ((bounds.min().x + 180.0) / 360.0).floor() as i64;
    let k_max = ((bounds.max().x - 180.0) / 360.0).ceil() as i64;
    for k in k_min..=k_max {
        let shift = 360.0 * k as f64;
        // Taller than the world so the band never shares an edge with a pole edge.
        let band = Rect::new(Coord { x: shift - 180.0, y: -100.0 }, Coord { x: shift + 180.0, y: 100.0 }).to_polygon();
        let part = unwrapped.intersection(&band);
        pieces.extend(
            part.into_iter().map(|p| p.map_coords(|c| Coord { x: snap(c.x - shift, 180.0), y: snap(c.y, 90.0) })),
        );
    }
    MultiPolygon::new(pieces).orient(Direction::Default)
}

#[cfg(test)]
#[path = "ring_shape_tests.rs"]
mod tests;
