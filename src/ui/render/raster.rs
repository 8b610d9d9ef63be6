//! A software rasteriser for egui's tessellated output (`Vec<ClippedPrimitive>`).
//!
//! It reproduces what egui-wgpu draws on screen, so an exported PNG matches the window:
//! - vertex colours and texels are premultiplied sRGBA; the shader multiplies them in gamma
//!   space (`egui.wgsl`, `fs_main_gamma_framebuffer`) and blends "over" with
//!   `src + dst * (1 - src.a)` into an 8-bit gamma framebuffer — no linearisation anywhere;
//! - scissor rects are rounded to whole pixels exactly like egui-wgpu's `ScissorRect`;
//! - pixels are sampled at their centres, vertices snap to 1/256 px, and the top-left fill
//!   rule decides ties, so triangles sharing an edge never double-blend a pixel (egui's
//!   anti-aliasing feather is made of such translucent shared edges);
//! - textures are filtered per `TextureOptions` (nearest or bilinear, magnification vs
//!   minification chosen per triangle, no mipmaps — egui-wgpu allocates none).
//!
//! Not reproduced: `Primitive::Callback` (custom GPU painting; counted and skipped, the
//! briefmap UI uses none), and egui-wgpu's optional dithering (at most ±1 on gradients).

use egui::Rect;
use egui::epaint::textures::TextureFilter;
use egui::epaint::{ClippedPrimitive, Primitive, Vertex};
use tiny_skia::Pixmap;

use super::texture::{Texture, TextureStore};

/// Sub-pixel precision of snapped vertex positions: 8 bits, as GPUs use.
const SUBPIXEL_BITS: u32 = 8;
const SUBPIXEL: i64 = 1 << SUBPIXEL_BITS;
/// Vertices farther than this from the origin (in pixels) are first clipped to the scissor
/// box, which keeps every fixed-point edge equation well inside i64.
const GUARD_BAND_PX: f32 = (1 << 21) as f32;

/// What a call to [`paint`] drew and what it had to skip.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PaintStats {
    /// Triangles handed to the rasteriser (before clipping and culling).
    pub triangles: usize,
    /// `Primitive::Callback`s, which need a GPU and are skipped.
    pub skipped_callbacks: usize,
    /// Meshes whose texture was never uploaded (egui-wgpu also skips these).
    pub missing_textures: usize,
    /// Triangles with an index past the end of their mesh's vertices.
    pub bad_indices: usize,
}

/// Paints egui primitives over `target`, which holds premultiplied RGBA like egui's framebuffer.
///
/// `pixels_per_point` must be the value the primitives were tessellated with; vertex positions
/// are in points and are scaled by it.
pub fn paint(
    target: &mut Pixmap,
    primitives: &[ClippedPrimitive],
    textures: &TextureStore,
    pixels_per_point: f32,
) -> PaintStats {
    let mut canvas =
        Canvas { width: target.width() as usize, height: target.height() as usize, data: target.data_mut() };
    let mut stats = PaintStats::default();
    for ClippedPrimitive { clip_rect, primitive } in primitives {
        let clip = scissor(*clip_rect, pixels_per_point, &canvas);
        let mesh = match primitive {
            Primitive::Mesh(mesh) => mesh,
            Primitive::Callback(_) => {
                stats.skipped_callbacks += 1;
                continue;
            }
        };
        stats.triangles += mesh.indices.len() / 3;
        if clip.is_empty() {
            continue;
        }
        let Some(texture) = textures.get(mesh.texture_id) else {
            stats.missing_textures += 1;
            continue;
        };
        for tri in mesh.indices.chunks_exact(3) {
            let corner = |i: u32| mesh.vertices.get(i as usize).map(|v| to_px(v, pixels_per_point));
            let (Some(a), Some(b), Some(c)) = (corner(tri[0]), corner(tri[1]), corner(tri[2])) else {
                stats.bad_indices += 1;
                continue;
            };
            draw_triangle(&mut canvas, &clip, texture, [a, b, c]);
        }
    }
    stats
}

/// The framebuffer: premultiplied RGBA8, rows top to bottom.
struct Canvas<'a> {
    data: &'a mut [u8],
    width: usize,
    height: usize,
}

/// A vertex in pixel space with its attributes as floats (colour premultiplied, 0..=255).
#[derive(Clone, Copy, Debug)]
struct Vert {
    x: f32,
    y: f32,
    color: [f32; 4],
    u: f32,
    v: f32,
}

fn to_px(v: &Vertex, pixels_per_point: f32) -> Vert {
    let [r, g, b, a] = v.color.to_array();
    Vert {
        x: v.pos.x * pixels_per_point,
        y: v.pos.y * pixels_per_point,
        color: [r as f32, g as f32, b as f32, a as f32],
        u: v.uv.x,
        v: v.uv.y,
    }
}

/// A half-open pixel box `[x0, x1) × [y0, y1)`.
#[derive(Clone, Copy, Debug)]
struct PixelBox {
    x0: i64,
    y0: i64,
    x1: i64,
    y1: i64,
}

impl PixelBox {
    fn is_empty(&self) -> bool {
        self.x0 >= self.x1 || self.y0 >= self.y1
    }
}

/// The clip rect in pixels, rounded and clamped exactly as egui-wgpu's `ScissorRect` does.
fn scissor(clip: Rect, pixels_per_point: f32, canvas: &Canvas) -> PixelBox {
    // `as u32` saturates negatives and NaN to 0, like the original's float-to-u32 casts.
    let round = |v: f32| (v * pixels_per_point).round() as u32 as i64;
    let (w, h) = (canvas.width as i64, canvas.height as i64);
    let x0 = round(clip.min.x).clamp(0, w);
    let y0 = round(clip.min.y).clamp(0, h);
    PixelBox { x0, y0, x1: round(clip.max.x).clamp(x0, w), y1: round(clip.max.y).clamp(y0, h) }
}

fn draw_triangle(canvas: &mut Canvas, clip: &PixelBox, texture: &Texture, v: [Vert; 3]) {
    if v.iter().any(|p| !p.x.is_finite() || !p.y.is_finite()) {
        return;
    }
    let in_band = |p: &Vert| p.x.abs() < GUARD_BAND_PX && p.y.abs() < GUARD_BAND_PX;
    if v.iter().all(in_band) {
        rasterize(canvas, clip, texture, v);
        return;
    }
    // Huge triangles (a map polygon zoomed far in): cut them down to the visible box first.
    let polygon = clip_polygon(&v, clip);
    for i in 1..polygon.len().saturating_sub(1) {
        rasterize(canvas, clip, texture, [polygon[0], polygon[i], polygon[i + 1]]);
    }
}

/// Sutherland–Hodgman clipping of a triangle to `clip` grown by a pixel, attributes lerped.
fn clip_polygon(v: &[Vert; 3], clip: &PixelBox) -> Vec<Vert> {
    let lerp = |a: &Vert, b: &Vert, t: f32| Vert {
        x: a.x + (b.x - a.x) * t,
        y: a.y + (b.y - a.y) * t,
        color: std::array::from_fn(|i| a.color[i] + (b.color[i] - a.color[i]) * t),
        u: a.u + (b.u - a.u) * t,
        v: a.v + (b.v - a.v) * t,
    };
    // Each plane as (signed distance function): inside when >= 0.
    let planes: [&dyn Fn(&Vert) -> f32; 4] =
        [&|p| p.x - (clip.x0 - 1) as f32, &|p| (clip.x1 + 1) as f32 - p.x, &|p| p.y - (clip.y0 - 1) as f32, &|p| {
            (clip.y1 + 1) as f32 - p.y
        }];
    let mut poly = v.to_vec();
    for dist in planes {
        let mut out = Vec::with_capacity(poly.len() + 1);
        for (i, a) in poly.iter().enumerate() {
            let b = &poly[(i + 1) % poly.len()];
            let (da, db) = (dist(a), dist(b));
            if da >= 0.0 {
                out.push(*a);
            }
            if (da >= 0.0) != (db >= 0.0) {
                out.push(lerp(a, b, da / (da - db)));
            }
        }
        poly = out;
        if poly.is_empty() {
            break;
        }
    }
    poly
}

/// An edge equation `E(x, y) = a·x + b·y + c` in fixed point; a pixel centre is covered when
/// `E >= bias` holds for all three edges.
#[derive(Clone, Copy)]
struct Edge {
    a: i64,
    b: i64,
    c: i64,
    bias: i64,
}

impl Edge {
    fn new(from: (i64, i64), to: (i64, i64)) -> Self {
        let (dx, dy) = (to.0 - from.0, to.1 - from.1);
        let (a, b) = (-dy, dx);
        // Top-left rule: with the interior on the positive side, an edge owns its exact-hit
        // pixels when it is a left edge (a > 0) or a top edge (a == 0, b > 0). A shared edge
        // appears with opposite signs in its two triangles, so exactly one owns each pixel.
        let owns_ties = a > 0 || (a == 0 && b > 0);
        Self { a, b, c: dy * from.0 - dx * from.1, bias: i64::from(!owns_ties) }
    }

    /// Narrows the half-open pixel column range `[lo, hi)` to the pixel centres on the inside
    /// of this edge in the row whose centre is at fixed-point `py`. Exact integer arithmetic.
    #[inline]
    fn clip_span(&self, py: i64, lo: &mut i64, hi: &mut i64) {
        let r = self.b * py + self.c - self.bias;
        let half = SUBPIXEL / 2;
        // Pixel column X has its centre at X·SUBPIXEL + half; solve a·centre + r >= 0 for X.
        if self.a > 0 {
            *lo = (*lo).max(div_ceil(-r - half * self.a, SUBPIXEL * self.a));
        } else if self.a < 0 {
            let a = -self.a;
            *hi = (*hi).min((r - half * a).div_euclid(SUBPIXEL * a) + 1);
        } else if r < 0 {
            *hi = *lo;
        }
    }
}

fn div_ceil(n: i64, d: i64) -> i64 {
    -((-n).div_euclid(d))
}

/// How colour varies over one triangle; picks the cheapest correct inner loop.
enum Shading {
    /// One premultiplied colour everywhere (most UI fills, lines and their feathering).
    Flat([f32; 4]),
    /// Interpolated vertex colour times one constant texel (UV constant, e.g. gradients).
    Gouraud([f32; 4]),
    /// Interpolated colour times a texture sample per pixel (text, images, map tiles).
    Textured(TextureFilter),
}

fn rasterize(canvas: &mut Canvas, clip: &PixelBox, texture: &Texture, mut v: [Vert; 3]) {
    let fixed = |p: &Vert| {
        let s = SUBPIXEL as f32;
        ((p.x * s).round() as i64, (p.y * s).round() as i64)
    };
    let mut p = [fixed(&v[0]), fixed(&v[1]), fixed(&v[2])];
    let area = (p[1].0 - p[0].0) * (p[2].1 - p[0].1) - (p[1].1 - p[0].1) * (p[2].0 - p[0].0);
    if area == 0 {
        return;
    }
    // egui mixes windings; make the interior the positive side of every edge.
    if area < 0 {
        v.swap(1, 2);
        p.swap(1, 2);
    }
    let edges = [Edge::new(p[0], p[1]), Edge::new(p[1], p[2]), Edge::new(p[2], p[0])];
    let min_x = p.iter().map(|q| q.0).min().unwrap_or(0);
    let max_x = p.iter().map(|q| q.0).max().unwrap_or(0);
    let min_y = p.iter().map(|q| q.1).min().unwrap_or(0);
    let max_y = p.iter().map(|q| q.1).max().unwrap_or(0);
    let bbox = PixelBox {
        x0: min_x.div_euclid(SUBPIXEL).max(clip.x0),
        y0: min_y.div_euclid(SUBPIXEL).max(clip.y0),
        x1: (max_x.div_euclid(SUBPIXEL) + 1).min(clip.x1),
        y1: (max_y.div_euclid(SUBPIXEL) + 1).min(clip.y1),
    };
    if bbox.is_empty() {
        return;
    }

    // Attribute planes over the snapped positions, so coverage and shading agree.
    let pos = |q: (i64, i64)| (q.0 as f64 / SUBPIXEL as f64, q.1 as f64 / SUBPIXEL as f64);
    let (x0, y0) = pos(p[0]);
    let (x1, y1) = pos(p[1]);
    let (x2, y2) = pos(p[2]);
    let (d1x, d1y, d2x, d2y) = (x1 - x0, y1 - y0, x2 - x0, y2 - y0);
    let det = d1x * d2y - d1y * d2x;
    let gradient = |a0: f32, a1: f32, a2: f32| -> (f32, f32) {
        let (da1, da2) = ((a1 - a0) as f64, (a2 - a0) as f64);
        (((da1 * d2y - da2 * d1y) / det) as f32, ((da2 * d1x - da1 * d2x) / det) as f32)
    };
    let color_grad: [(f32, f32); 4] = std::array::from_fn(|i| gradient(v[0].color[i], v[1].color[i], v[2].color[i]));
    let u_grad = gradient(v[0].u, v[1].u, v[2].u);
    let v_grad = gradient(v[0].v, v[1].v, v[2].v);

    let same_uv = v[1..].iter().all(|q| q.u == v[0].u && q.v == v[0].v);
    let same_color = v[1..].iter().all(|q| q.color == v[0].color);
    let shading = if same_uv {
        // Zero UV derivatives mean the GPU picks the magnification filter.
        let texel = texture.sample(v[0].u, v[0].v, texture.options().magnification);
        if same_color {
            Shading::Flat(std::array::from_fn(|i| v[0].color[i] * texel[i] / 255.0))
        } else {
            Shading::Gouraud(texel)
        }
    } else {
        // Texels per pixel along the steeper screen axis, as the GPU's LOD selection measures.
        let [w, h] = texture.size().map(|s| s as f32);
        let rho = f32::max((u_grad.0 * w).hypot(v_grad.0 * h), (u_grad.1 * w).hypot(v_grad.1 * h));
        let options = texture.options();
        Shading::Textured(if rho > 1.0 { options.minification } else { options.magnification })
    };

    let stride = canvas.width * 4;
    for y in bbox.y0..bbox.y1 {
        let py = y * SUBPIXEL + SUBPIXEL / 2;
        let (mut lo, mut hi) = (bbox.x0, bbox.x1);
        for edge in &edges {
            edge.clip_span(py, &mut lo, &mut hi);
        }
        if lo >= hi {
            continue;
        }
        let row = &mut canvas.data[y as usize * stride..][..stride];
        let span = &mut row[lo as usize * 4..hi as usize * 4];
        // Attribute values at the centre of the span's first pixel.
        let (fx, fy) = ((lo as f64 + 0.5 - x0) as f32, (y as f64 + 0.5 - y0) as f32);
        let at = |a0: f32, g: (f32, f32)| a0 + g.0 * fx + g.1 * fy;
        match &shading {
            Shading::Flat(src) => fill_flat(span, *src),
            Shading::Gouraud(texel) => {
                let mut c: [f32; 4] = std::array::from_fn(|i| at(v[0].color[i], color_grad[i]));
                let dc: [f32; 4] = std::array::from_fn(|i| color_grad[i].0);
                for px in span.chunks_exact_mut(4) {
                    blend(px, std::array::from_fn(|i| c[i] * texel[i] / 255.0));
                    c = std::array::from_fn(|i| c[i] + dc[i]);
                }
            }
            Shading::Textured(filter) => {
                let mut c: [f32; 4] = std::array::from_fn(|i| at(v[0].color[i], color_grad[i]));
                let dc: [f32; 4] = std::array::from_fn(|i| color_grad[i].0);
                let (mut u, mut tv) = (at(v[0].u, u_grad), at(v[0].v, v_grad));
                for px in span.chunks_exact_mut(4) {
                    let texel = texture.sample(u, tv, *filter);
                    blend(px, std::array::from_fn(|i| c[i] * texel[i] / 255.0));
                    c = std::array::from_fn(|i| c[i] + dc[i]);
                    u += u_grad.0;
                    tv += v_grad.0;
                }
            }
        }
    }
}

/// Blends one constant premultiplied colour over a span; opaque colours are a plain copy.
#[inline]
fn fill_flat(span: &mut [u8], src: [f32; 4]) {
    if src[3] >= 255.0 {
        let bytes = src.map(|c| (c + 0.5) as u8);
        for px in span.chunks_exact_mut(4) {
            px.copy_from_slice(&bytes);
        }
    } else {
        for px in span.chunks_exact_mut(4) {
            blend(px, src);
        }
    }
}

/// Premultiplied "over" with egui-wgpu's blend state: `dst = src + dst · (1 - src.a)` on every
/// channel (its alpha equation `src.a · (1 - dst.a) + dst.a` is the same number), rounded to
/// 8 bits. The `as u8` casts saturate, which clamps interpolation overshoot.
#[inline(always)]
fn blend(px: &mut [u8], src: [f32; 4]) {
    let keep = 1.0 - src[3].clamp(0.0, 255.0) * (1.0 / 255.0);
    for i in 0..4 {
        px[i] = (src[i] + px[i] as f32 * keep + 0.5) as u8;
    }
}
