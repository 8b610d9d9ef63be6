//! Rasterise one basemap tile from the vector data with tiny-skia. Pure: no egui, no threads.

use tiny_skia::{
    Color, FillRule, LineCap, LineJoin, Mask, Paint, Path, PathBuilder, Pixmap, Stroke, StrokeDash,
    Transform,
};

use super::data::{Feature, VectorData};
use super::format::LayerKind;
use super::style::{Rgba, TileStyle, Width};
use super::tile_math::{TileCoord, WorldRect, tiles_per_axis};

/// Edge length of a tile at 1x, in pixels (the slippy-map standard).
pub const TILE_PX: u32 = 256;

/// Render `tile` as a square of `TILE_PX * scale` pixels. With no data the tile is plain sea.
///
/// `scale` is the pixel density: 1 for ordinary screens, 2 for HiDPI (512 px tiles).
pub fn render_tile(
    data: Option<&VectorData>,
    tile: TileCoord,
    scale: u32,
    style: &TileStyle,
) -> Pixmap {
    let scale = scale.clamp(1, 4);
    let size = TILE_PX * scale;
    // Cannot fail: the size is non-zero and far below tiny-skia's limit.
    let Some(mut pixmap) = Pixmap::new(size, size) else {
        unreachable!("a {size} px tile is a valid pixmap size");
    };
    pixmap.fill(color(style.sea));
    if let Some(data) = data {
        TileRenderer::new(data, tile, scale, style).draw(&mut pixmap);
    }
    pixmap
}

struct TileRenderer<'a> {
    data: &'a VectorData,
    style: &'a TileStyle,
    zoom: u8,
    /// Pixels per world unit (world is 0..1).
    px_per_world: f64,
    origin: (f64, f64),
    /// Tile area plus a margin for line widths, in world units.
    query: WorldRect,
    lod: u8,
    scale: f32,
    size: f32,
}

impl<'a> TileRenderer<'a> {
    fn new(data: &'a VectorData, tile: TileCoord, scale: u32, style: &'a TileStyle) -> Self {
        let rect = tile.world_rect();
        let size = (TILE_PX * scale) as f32;
        let px_per_world = f64::from(tiles_per_axis(tile.zoom)) * f64::from(size);
        let margin = 16.0 / px_per_world;
        TileRenderer {
            data,
            style,
            zoom: tile.zoom,
            px_per_world,
            origin: (rect.min_x, rect.min_y),
            query: WorldRect {
                min_x: rect.min_x - margin,
                min_y: rect.min_y - margin,
                max_x: rect.max_x + margin,
                max_y: rect.max_y + margin,
            },
            lod: data.lod_for(&rect, tile.zoom),
            scale: scale as f32,
            size,
        }
    }

    fn draw(&self, pixmap: &mut Pixmap) {
        let s = self.style;
        let z = f32::from(self.zoom);
        // Land is cut into grid cells; filling without anti-aliasing leaves no seams, and the
        // coast stroke on top gives the edge its smoothness.
        if let Some(land) = self.path(LayerKind::Land, true) {
            pixmap.fill_path(
                &land,
                &paint(s.land, false),
                FillRule::EvenOdd,
                Transform::identity(),
                None,
            );
        }
        if let Some(lakes) = self.path(LayerKind::Lake, true) {
            pixmap.fill_path(
                &lakes,
                &paint(s.lake, true),
                FillRule::EvenOdd,
                Transform::identity(),
                None,
            );
            self.stroke(pixmap, &lakes, s.coast, s.coast_width.at(z) * 0.8, None);
        }
        self.stroke_layer(pixmap, LayerKind::River, s.river, &s.river_width, None);
        self.stroke_layer(pixmap, LayerKind::Coast, s.coast, &s.coast_width, None);
        self.draw_occupied(pixmap);
        if self.zoom >= 5 {
            let dash = [4.0 * self.scale, 2.5 * self.scale];
            self.stroke_layer(
                pixmap,
                LayerKind::Admin1,
                s.admin1,
                &s.admin1_width,
                Some(&dash),
            );
        }
        self.stroke_layer(
            pixmap,
            LayerKind::Border,
            s.border_halo,
            &s.border_halo_width,
            None,
        );
        self.stroke_layer(pixmap, LayerKind::Border, s.border, &s.border_width, None);
    }

    /// Occupied territory: a light tint, diagonal hatching clipped to the area, dashed outline.
    fn draw_occupied(&self, pixmap: &mut Pixmap) {
        let s = self.style;
        let Some(area) = self.path(LayerKind::Occupied, true) else {
            return;
        };
        pixmap.fill_path(
            &area,
            &paint(s.occupied_tint, true),
            FillRule::EvenOdd,
            Transform::identity(),
            None,
        );
        let side = self.size as u32;
        if let Some(mut mask) = Mask::new(side, side) {
            mask.fill_path(&area, FillRule::EvenOdd, true, Transform::identity());
            if let Some(hatch) = self.hatch_lines() {
                let width = s.hatch_width * self.scale;
                self.stroke_with_mask(pixmap, &hatch, s.occupied_hatch, width, &mask);
            }
        }
        let dash = [5.0 * self.scale, 3.0 * self.scale];
        self.stroke(
            pixmap,
            &area,
            s.occupied_hatch,
            1.0 * self.scale,
            Some(&dash),
        );
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

    fn stroke_layer(
        &self,
        pixmap: &mut Pixmap,
        kind: LayerKind,
        rgba: Rgba,
        width: &Width,
        dash: Option<&[f32]>,
    ) {
        let w = width.at(f32::from(self.zoom)) * self.scale;
        if w <= 0.0 {
            return;
        }
        if let Some(path) = self.path(kind, false) {
            self.stroke(pixmap, &path, rgba, w, dash);
        }
    }

    fn stroke(
        &self,
        pixmap: &mut Pixmap,
        path: &Path,
        rgba: Rgba,
        width: f32,
        dash: Option<&[f32]>,
    ) {
        let stroke = Stroke {
            width,
            line_cap: LineCap::Round,
            line_join: LineJoin::Round,
            dash: dash.and_then(|d| StrokeDash::new(d.to_vec(), 0.0)),
            ..Stroke::default()
        };
        pixmap.stroke_path(
            path,
            &paint(rgba, true),
            &stroke,
            Transform::identity(),
            None,
        );
    }

    fn stroke_with_mask(
        &self,
        pixmap: &mut Pixmap,
        path: &Path,
        rgba: Rgba,
        width: f32,
        mask: &Mask,
    ) {
        let stroke = Stroke {
            width,
            line_cap: LineCap::Butt,
            ..Stroke::default()
        };
        pixmap.stroke_path(
            path,
            &paint(rgba, true),
            &stroke,
            Transform::identity(),
            Some(mask),
        );
    }

    /// All features of `kind` under this tile as one path in tile pixels. Points closer than a
    /// quarter pixel to the previous one are skipped: at low zoom most of the detail vanishes.
    fn path(&self, kind: LayerKind, closed: bool) -> Option<Path> {
        let layer = self.data.layer(kind, self.lod)?;
        let mut pb = PathBuilder::new();
        for feature in layer.features_in(&self.query, self.zoom) {
            self.add_feature(&mut pb, feature, closed);
        }
        pb.finish()
    }

    fn add_feature(&self, pb: &mut PathBuilder, feature: &Feature, closed: bool) {
        const MIN_STEP: f32 = 0.25;
        for part in &feature.parts {
            let mut last: Option<(f32, f32)> = None;
            let mut count = 0;
            for (i, p) in part.iter().enumerate() {
                let x = ((f64::from(p[0]) - self.origin.0) * self.px_per_world) as f32;
                let y = ((f64::from(p[1]) - self.origin.1) * self.px_per_world) as f32;
                match last {
                    None => pb.move_to(x, y),
                    Some((lx, ly)) => {
                        let is_last = i + 1 == part.len();
                        if !is_last && (x - lx).abs() < MIN_STEP && (y - ly).abs() < MIN_STEP {
                            continue;
                        }
                        pb.line_to(x, y);
                    }
                }
                last = Some((x, y));
                count += 1;
            }
            if closed && count > 2 {
                pb.close();
            }
        }
    }
}

fn color(c: Rgba) -> Color {
    Color::from_rgba8(c.0, c.1, c.2, c.3)
}

fn paint(c: Rgba, anti_alias: bool) -> Paint<'static> {
    let mut p = Paint {
        anti_alias,
        ..Paint::default()
    };
    p.set_color(color(c));
    p
}
