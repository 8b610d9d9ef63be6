//! Rasterise one basemap tile from the vector data with tiny-skia. Pure: no UI, no threads.

use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Mask, Paint, Path, PathBuilder, Pixmap, Stroke, StrokeDash, Transform,
};

use super::data::VectorData;
use super::format::LayerKind;
use super::style::{Rgba, TileStyle, Width};
use super::tile_math::{TileCoord, WorldRect, tiles_per_axis};
use crate::mercator::TILE_PX;

/// Render `tile` as a square of `TILE_PX * scale` pixels. With no data the tile is plain sea.
///
/// `scale` is the pixel density: 1 for ordinary screens, 2 for HiDPI (512 px tiles).
pub fn render_tile(data: Option<&VectorData>, tile: TileCoord, scale: u32, style: &TileStyle) -> Pixmap {
    render_tile_padded(data, tile, scale, style, 0)
}

/// Like [`render_tile`], with `pad` extra pixels of the surrounding map on every side.
///
/// A GPU samples a texture's edge texel against a copy of itself, so a fine pattern (hatching)
/// shows a faint seam between tiles at fractional positions; drawing only the inner square of a
/// padded tile samples real neighbours instead.
pub fn render_tile_padded(
    data: Option<&VectorData>,
    tile: TileCoord,
    scale: u32,
    style: &TileStyle,
    pad: u32,
) -> Pixmap {
    let scale = scale.clamp(1, 4);
    let side = TILE_PX * scale + 2 * pad.min(64);
    // Cannot fail: the size is non-zero and far below tiny-skia's limit.
    let Some(mut pixmap) = Pixmap::new(side, side) else {
        unreachable!("a {side} px tile is a valid pixmap size");
    };
    pixmap.fill(color(style.sea));
    if let Some(data) = data {
        TileRenderer::new(data, tile, scale, style, pad.min(64)).draw(&mut pixmap);
    }
    pixmap
}

struct TileRenderer<'a> {
    data: &'a VectorData,
    style: &'a TileStyle,
    zoom: u8,
    /// Pixels per world unit (world is 0..1).
    px_per_world: f64,
    /// World position of the pixmap's top-left corner (padding included).
    origin: (f64, f64),
    /// Tile area plus a margin for line widths and padding, in world units.
    query: WorldRect,
    lod: u8,
    scale: f32,
    /// Pixmap side in pixels, padding included.
    size: f32,
}

impl<'a> TileRenderer<'a> {
    fn new(data: &'a VectorData, tile: TileCoord, scale: u32, style: &'a TileStyle, pad: u32) -> Self {
        let rect = tile.world_rect();
        let inner = (TILE_PX * scale) as f32;
        let px_per_world = f64::from(tiles_per_axis(tile.zoom)) * f64::from(inner);
        let shift = f64::from(pad) / px_per_world;
        let margin = (16.0 + f64::from(pad)) / px_per_world;
        TileRenderer {
            data,
            style,
            zoom: tile.zoom,
            px_per_world,
            origin: (rect.min_x - shift, rect.min_y - shift),
            query: WorldRect {
                min_x: rect.min_x - margin,
                min_y: rect.min_y - margin,
                max_x: rect.max_x + margin,
                max_y: rect.max_y + margin,
            },
            lod: data.lod_for(&rect, tile.zoom),
            scale: scale as f32,
            size: inner + 2.0 * pad as f32,
        }
    }

    fn draw(&self, pixmap: &mut Pixmap) {
        let s = self.style;
        let z = f32::from(self.zoom);
        // Land is cut into grid cells; filling without anti-aliasing leaves no seams, and the
        // coast stroke on top gives the edge its smoothness.
        if let Some(land) = self.path(LayerKind::Land, true) {
            pixmap.fill_path(&land, &paint(s.land, false), FillRule::EvenOdd, Transform::identity(), None);
        }
        if let Some(lakes) = self.path(LayerKind::Lake, true) {
            pixmap.fill_path(&lakes, &paint(s.lake, true), FillRule::EvenOdd, Transform::identity(), None);
            self.stroke(pixmap, &lakes, s.coast, s.coast_width.at(z) * 0.8 * self.scale, None);
        }
        self.stroke_layer(pixmap, LayerKind::River, s.river, &s.river_width, None);
        self.stroke_layer(pixmap, LayerKind::Coast, s.coast, &s.coast_width, None);
        self.draw_occupied(pixmap);
        if self.zoom >= 5 {
            let dash = [4.0 * self.scale, 2.5 * self.scale];
            self.stroke_layer(pixmap, LayerKind::Admin1, s.admin1, &s.admin1_width, Some(&dash));
        }
        if let Some(borders) = self.path(LayerKind::Border, false) {
            let halo = s.border_halo_width.at(z) * self.scale;
            if halo > 0.0 {
                self.stroke(pixmap, &borders, s.border_halo, halo, None);
            }
            self.stroke(pixmap, &borders, s.border, s.border_width.at(z) * self.scale, None);
        }
    }

    /// Occupied territory: a light tint, diagonal hatching clipped to the area, dashed outline.
    fn draw_occupied(&self, pixmap: &mut Pixmap) {
        let s = self.style;
        let Some(area) = self.path(LayerKind::Occupied, true) else {
            return;
        };
        pixmap.fill_path(&area, &paint(s.occupied_tint, true), FillRule::EvenOdd, Transform::identity(), None);
        let side = self.size as u32;
        if let Some(mut mask) = Mask::new(side, side) {
            mask.fill_path(&area, FillRule::EvenOdd, true, Transform::identity());
            if let Some(hatch) = self.hatch_lines() {
                let width = s.hatch_width * self.scale;
                self.stroke_with_mask(pixmap, &hatch, s.occupied_hatch, width, &mask);
            }
        }
        let dash = [5.0 * self.scale, 3.0 * self.scale];
        self.stroke(pixmap, &area, s.occupied_hatch, 1.0 * self.scale, Some(&dash));
    }

    /// Diagonal lines x + y = k * spacing in global pixel space, so hatching runs on across tiles.
    fn hatch_lines(&self) -> Option<Path> {
        let spacing = f64::from(self.style.hatch_spacing * self.scale);
        let offset = (self.origin.0 + self.origin.1) * self.px_per_world;
        let first = (offset / spacing).ceil() * spacing - offset;
        let mut pb = PathBuilder::new();
        let mut s = first as f32;
        let end = 2.0 * self.size;
        while s <= end + spacing as f32 {
            pb.move_to(s + 2.0, -2.0);
            pb.line_to(-2.0, s + 2.0);
            s += spacing as f32;
        }
        pb.finish()
    }

    fn stroke_layer(&self, pixmap: &mut Pixmap, kind: LayerKind, rgba: Rgba, width: &Width, dash: Option<&[f32]>) {
        let w = width.at(f32::from(self.zoom)) * self.scale;
        if w <= 0.0 {
            return;
        }
        if let Some(path) = self.path(kind, false) {
            self.stroke(pixmap, &path, rgba, w, dash);
        }
    }

    fn stroke(&self, pixmap: &mut Pixmap, path: &Path, rgba: Rgba, width: f32, dash: Option<&[f32]>) {
        let stroke = Stroke {
            width,
            // Round caps on every dash would cost an arc each; dashes look right with butt caps.
            line_cap: if dash.is_some() { LineCap::Butt } else { LineCap::Round },
            line_join: LineJoin::Round,
            dash: dash.and_then(|d| StrokeDash::new(d.to_vec(), 0.0)),
            ..Stroke::default()
        };
        pixmap.stroke_path(path, &paint(rgba, true), &stroke, Transform::identity(), None);
    }

    fn stroke_with_mask(&self, pixmap: &mut Pixmap, path: &Path, rgba: Rgba, width: f32, mask: &Mask) {
        let stroke = Stroke { width, line_cap: LineCap::Butt, ..Stroke::default() };
        pixmap.stroke_path(path, &paint(rgba, true), &stroke, Transform::identity(), Some(mask));
    }

    /// All features of `kind` under this tile as one path in tile pixels.
    fn path(&self, kind: LayerKind, closed: bool) -> Option<Path> {
        let layer = self.data.layer(kind, self.lod)?;
        let mut pb = PathBuilder::new();
        for feature in layer.features_in(&self.query, self.zoom) {
            for part in &feature.parts {
                if closed {
                    self.add_ring(&mut pb, part);
                } else {
                    self.add_line(&mut pb, part);
                }
            }
        }
        pb.finish()
    }

    fn to_px(&self, p: [f32; 2]) -> (f32, f32) {
        let x = ((f64::from(p[0]) - self.origin.0) * self.px_per_world) as f32;
        let y = ((f64::from(p[1]) - self.origin.1) * self.px_per_world) as f32;
        (x, y)
    }

    /// A closed ring. Points within 0.35 px of the previous one are skipped: at low zoom most
    /// of the detail is sub-pixel.
    fn add_ring(&self, pb: &mut PathBuilder, ring: &[[f32; 2]]) {
        const MIN_STEP: f32 = 0.35;
        let mut last: Option<(f32, f32)> = None;
        let mut count = 0;
        for (i, &p) in ring.iter().enumerate() {
            let (x, y) = self.to_px(p);
            match last {
                None => pb.move_to(x, y),
                Some((lx, ly)) => {
                    if i + 1 < ring.len() && (x - lx).abs() < MIN_STEP && (y - ly).abs() < MIN_STEP {
                        continue;
                    }
                    pb.line_to(x, y);
                }
            }
            last = Some((x, y));
            count += 1;
        }
        if count > 2 {
            pb.close();
        }
    }

    /// An open line, thinned to 0.6 px steps, with stretches that run outside the tile (plus
    /// a margin for line width) left out, so strokes and dashes are only computed where seen.
    fn add_line(&self, pb: &mut PathBuilder, line: &[[f32; 2]]) {
        const MIN_STEP: f32 = 0.6;
        const MARGIN: f32 = 12.0;
        let (lo, hi) = (-MARGIN, self.size + MARGIN);
        let outside = |x: f32, y: f32| -> u8 {
            u8::from(x < lo) | u8::from(x > hi) << 1 | u8::from(y < lo) << 2 | u8::from(y > hi) << 3
        };
        let mut last: Option<(f32, f32, u8)> = None;
        let mut pen_down = false;
        for (i, &p) in line.iter().enumerate() {
            let (x, y) = self.to_px(p);
            let code = outside(x, y);
            let Some((lx, ly, lcode)) = last else {
                last = Some((x, y, code));
                continue;
            };
            if lcode & code != 0 {
                // Both ends beyond the same tile edge: this segment cannot be seen.
                pen_down = false;
                last = Some((x, y, code));
                continue;
            }
            if i + 1 < line.len() && (x - lx).abs() < MIN_STEP && (y - ly).abs() < MIN_STEP {
                continue;
            }
            if !pen_down {
                pb.move_to(lx, ly);
                pen_down = true;
            }
            pb.line_to(x, y);
            last = Some((x, y, code));
        }
    }
}

fn color(c: Rgba) -> Color {
    Color::from_rgba8(c.0, c.1, c.2, c.3)
}

fn paint(c: Rgba, anti_alias: bool) -> Paint<'static> {
    let mut p = Paint { anti_alias, ..Paint::default() };
    p.set_color(color(c));
    p
}
