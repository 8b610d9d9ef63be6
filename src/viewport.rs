//! Where the map looks: framing places on screen and smooth flights between views.
//!
//! In Web Mercator ([`crate::mercator`]), the projection walkers draws in. Plain math, no UI.

use crate::mercator::{MAX_FRAME_ZOOM, MIN_VIEW_ZOOM, TILE_SIZE, from_world, to_world, world_size};

/// Share of a framed box's size added on each side for context.
pub const CONTEXT_MARGIN: f64 = 0.12;

/// A map view: centre (degrees) and zoom level.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Camera {
    /// Longitude of the centre.
    pub lon: f64,
    /// Latitude of the centre.
    pub lat: f64,
    /// Slippy-map zoom.
    pub zoom: f64,
}

/// The farthest a person can zoom out of a `width × height` viewport: the world still spans
/// its longer side (further out it shrinks to a small square in a dark field).
pub fn min_zoom(width: f64, height: f64) -> f64 {
    let side = width.max(height);
    if side.is_finite() && side > TILE_SIZE { (side / TILE_SIZE).log2() } else { 0.0 }
}

/// The camera that fits every `(lon, lat)` point into a `width × height` viewport with `padding`
/// pixels to spare on each side; `None` if there are no points.
pub fn frame(points: impl IntoIterator<Item = (f64, f64)>, width: f64, height: f64, padding: f64) -> Option<Camera> {
    frame_within(points, width, height, Insets { left: padding, top: padding, right: padding, bottom: padding })
}

/// Space to keep clear on each side of the viewport, in pixels (e.g. under a caption card).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Insets {
    /// Left.
    pub left: f64,
    /// Top.
    pub top: f64,
    /// Right.
    pub right: f64,
    /// Bottom.
    pub bottom: f64,
}

/// Like [`frame`], fitting the points into what the insets leave of the viewport.
pub fn frame_within(
    points: impl IntoIterator<Item = (f64, f64)>,
    width: f64,
    height: f64,
    insets: Insets,
) -> Option<Camera> {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for (lon, lat) in points {
        let (x, y) = to_world(lon, lat);
        (x0, y0, x1, y1) = (x0.min(x), y0.min(y), x1.max(x), y1.max(y));
    }
    if x0 > x1 {
        return None;
    }
    // A little of the surroundings, so framed places are seen in context, not pinned to edges.
    let (gx, gy) = ((x1 - x0) * CONTEXT_MARGIN, (y1 - y0) * CONTEXT_MARGIN);
    (x0, y0, x1, y1) = (x0 - gx, y0 - gy, x1 + gx, y1 + gy);
    let usable_w = (width - insets.left - insets.right).max(1.0);
    let usable_h = (height - insets.top - insets.bottom).max(1.0);
    // World width in pixels at zoom z is TILE_SIZE * 2^z; pick the largest z where the box fits.
    let fit = |span: f64, px: f64| if span <= 0.0 { f64::INFINITY } else { (px / (span * TILE_SIZE)).log2() };
    let zoom = fit(x1 - x0, usable_w).min(fit(y1 - y0, usable_h)).clamp(MIN_VIEW_ZOOM, MAX_FRAME_ZOOM);
    // The box's centre goes to the centre of the usable area, not of the whole viewport.
    let scale = world_size(zoom);
    let shift_x = (insets.left - insets.right) / 2.0 / scale;
    let shift_y = (insets.top - insets.bottom) / 2.0 / scale;
    let (lon, lat) = from_world((x0 + x1) / 2.0 - shift_x, (y0 + y1) / 2.0 - shift_y);
    Some(Camera { lon, lat, zoom })
}

/// A smooth zoom-and-pan flight between two views (van Wijk & Nuij, "Smooth and efficient
/// zooming and panning", 2003: the path d3's `interpolateZoom` takes). Long hops zoom out first.
#[derive(Clone, Copy, Debug)]
pub struct Flight {
    from: (f64, f64, f64),
    to: (f64, f64, f64),
    r0: f64,
    s: f64,
    viewport_width: f64,
}

const RHO: f64 = std::f64::consts::SQRT_2;

impl Flight {
    /// A flight from `a` to `b` in a viewport `viewport_width` pixels wide.
    pub fn new(a: Camera, b: Camera, viewport_width: f64) -> Self {
        // A map squeezed to nothing (a tiny window, wide panels) still flies: with no width
        // every view would be zero wide and the path 0/0.
        let viewport_width = if viewport_width >= 1.0 { viewport_width } else { 1.0 };
        let view = |c: Camera| {
            let (x, y) = to_world(c.lon, c.lat);
            (x, y, viewport_width / world_size(c.zoom))
        };
        let (from, to) = (view(a), view(b));
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let d2 = dx * dx + dy * dy;
        let (w0, w1) = (from.2, to.2);
        let (r0, s) = if d2 < 1e-18 {
            (0.0, (w1 / w0).ln() / RHO)
        } else {
            let d1 = d2.sqrt();
            let b0 = (w1 * w1 - w0 * w0 + 4.0 * d2) / (2.0 * w0 * 2.0 * d1);
            let b1 = (w1 * w1 - w0 * w0 - 4.0 * d2) / (2.0 * w1 * 2.0 * d1);
            let r0 = ((b0 * b0 + 1.0).sqrt() - b0).ln();
            let r1 = ((b1 * b1 + 1.0).sqrt() - b1).ln();
            (r0, (r1 - r0) / RHO)
        };
        Self { from, to, r0, s, viewport_width }
    }

    /// How long the flight should take, in seconds (longer hops take longer, within limits).
    pub fn duration(&self) -> f64 {
        (self.s.abs() * 0.8).clamp(0.35, 2.5)
    }

    /// The view at `t` in 0..=1 of the way.
    pub fn at(&self, t: f64) -> Camera {
        let t = t.clamp(0.0, 1.0);
        let (x0, y0, w0) = self.from;
        let (dx, dy) = (self.to.0 - x0, self.to.1 - y0);
        let d2 = dx * dx + dy * dy;
        let (x, y, w) = if d2 < 1e-18 {
            (x0 + t * dx, y0 + t * dy, w0 * (RHO * t * self.s).exp())
        } else {
            let d1 = d2.sqrt();
            let s = t * self.s;
            let cosh_r0 = self.r0.cosh();
            let u = w0 / (2.0 * d1) * (cosh_r0 * (RHO * s + self.r0).tanh() - self.r0.sinh());
            (x0 + u * dx, y0 + u * dy, w0 * cosh_r0 / (RHO * s + self.r0).cosh())
        };
        let (lon, lat) = from_world(x, y);
        let zoom = (self.viewport_width / (w * TILE_SIZE)).log2();
        if lon.is_finite() && lat.is_finite() && zoom.is_finite() {
            Camera { lon, lat, zoom }
        } else {
            // The hyperbolic path overflows for extreme zoom gaps; land rather than get lost.
            let (lon, lat) = from_world(self.to.0, self.to.1);
            Camera { lon, lat, zoom: (self.viewport_width / (self.to.2 * TILE_SIZE)).log2() }
        }
    }
}

/// Smoothstep easing for the flight's clock, so it starts and lands gently.
pub fn ease(t: f64) -> f64 {
    let t = t.clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn framing_fits_the_points() {
        let minsk = (27.5665, 53.9002);
        let moscow = (37.6178, 55.7520);
        let cam = frame([minsk, moscow], 1000.0, 600.0, 50.0).unwrap();
        // The two cities must be inside the padded viewport at the chosen zoom.
        let px = |(lon, lat): (f64, f64)| {
            let (x, y) = to_world(lon, lat);
            let (cx, cy) = to_world(cam.lon, cam.lat);
            let scale = world_size(cam.zoom);
            ((x - cx) * scale, (y - cy) * scale)
        };
        for p in [minsk, moscow] {
            let (x, y) = px(p);
            assert!(x.abs() <= 450.0 + 1e-6 && y.abs() <= 250.0 + 1e-6, "{x},{y}");
        }
        // And it is tight along one axis, but for the context margin.
        let (x, _) = px(moscow);
        let expected = 450.0 / (1.0 + 2.0 * CONTEXT_MARGIN);
        assert!(close(x.abs(), expected, 1.0), "{x} vs {expected}");
    }

    #[test]
    fn insets_move_the_frame_into_the_free_area() {
        let p = [(20.0, 50.0), (30.0, 55.0)];
        let plain = frame(p, 1000.0, 800.0, 0.0).unwrap();
        let card = Insets { left: 0.0, top: 0.0, right: 0.0, bottom: 400.0 };
        let framed = frame_within(p, 1000.0, 800.0, card).unwrap();
        assert!(framed.zoom <= plain.zoom);
        // With the bottom half covered, the points sit higher: the centre moves south.
        assert!(framed.lat < plain.lat, "{framed:?} vs {plain:?}");
        let (cx, cy) = to_world(framed.lon, framed.lat);
        let scale = world_size(framed.zoom);
        for (lon, lat) in p {
            let (x, y) = to_world(lon, lat);
            let sy = (y - cy) * scale + 400.0;
            let sx = (x - cx) * scale + 500.0;
            assert!((-1e-6..=400.0 + 1e-6).contains(&sy) && (-1e-6..=1000.0 + 1e-6).contains(&sx), "{sx},{sy}");
        }
    }

    #[test]
    fn the_world_fills_the_viewport_at_the_minimum_zoom() {
        // 1024 px wide: the world (256 px at zoom 0) must be 1024 px, zoom 2.
        assert!(close(min_zoom(1024.0, 600.0), 2.0, 1e-12));
        // The longer side counts, whichever it is.
        assert!(close(min_zoom(300.0, 2048.0), 3.0, 1e-12));
        // A map smaller than a tile, or not laid out yet, may zoom out all the way.
        assert_eq!(min_zoom(100.0, 80.0), 0.0);
        assert_eq!(min_zoom(f64::NAN, 10.0), 0.0);
    }

    #[test]
    fn framing_one_point_uses_the_closest_zoom() {
        let cam = frame([(27.5665, 53.9002)], 800.0, 600.0, 40.0).unwrap();
        assert_eq!(cam.zoom, MAX_FRAME_ZOOM);
        assert!(frame(std::iter::empty(), 800.0, 600.0, 40.0).is_none());
    }

    #[test]
    fn flight_starts_and_ends_at_its_views() {
        let a = Camera { lon: 27.5665, lat: 53.9002, zoom: 8.0 };
        let b = Camera { lon: -6.3316, lat: 36.6208, zoom: 8.0 };
        let f = Flight::new(a, b, 1200.0);
        let (start, end) = (f.at(0.0), f.at(1.0));
        assert!(close(start.lon, a.lon, 1e-6) && close(start.lat, a.lat, 1e-6) && close(start.zoom, a.zoom, 1e-6));
        assert!(close(end.lon, b.lon, 1e-6) && close(end.lat, b.lat, 1e-6) && close(end.zoom, b.zoom, 1e-6));
        // A long hop zooms out on the way.
        assert!(f.at(0.5).zoom < 6.0, "{:?}", f.at(0.5));
        assert!(f.duration() > 0.35 && f.duration() <= 2.5);
    }

    #[test]
    fn flights_stay_on_the_map_whatever_the_viewport() {
        let a = Camera { lon: 27.5665, lat: 53.9002, zoom: 1.0 };
        let b = Camera { lon: -6.3316, lat: 36.6208, zoom: 18.0 };
        for width in [0.0, -50.0, f64::NAN, 1.0, 1e9] {
            for (from, to) in [(a, b), (b, a), (a, a)] {
                let f = Flight::new(from, to, width);
                for t in [0.0, 0.001, 0.3, 0.5, 0.999, 1.0] {
                    let c = f.at(t);
                    assert!(c.lon.is_finite() && c.lat.is_finite() && c.zoom.is_finite(), "{width} {t}: {c:?}");
                }
                assert!(f.duration().is_finite());
            }
        }
    }

    #[test]
    fn flight_in_place_only_zooms() {
        let a = Camera { lon: 10.0, lat: 50.0, zoom: 4.0 };
        let f = Flight::new(a, Camera { zoom: 6.0, ..a }, 800.0);
        let mid = f.at(0.5);
        assert!(close(mid.lon, 10.0, 1e-9) && close(mid.zoom, 5.0, 1e-6), "{mid:?}");
    }
}
