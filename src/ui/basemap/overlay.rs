//! What is drawn over the tiles each frame with egui: labels (greedy, no overlap), the scale
//! bar and the attribution, as [`BasemapOverlay`]: drawn by the map view around what it has
//! drawn already, or on its own as a walkers [`Plugin`].

use std::sync::Arc;

use egui::text::LayoutJob;
use egui::{Align2, Color32, FontId, Galley, Painter, Pos2, Rect, Stroke, TextFormat, Vec2, pos2, vec2};
use walkers::{MapMemory, Plugin, Projector};

use super::c32;
use crate::basemap::{LabelKind, LabelSet, LabelStyle, nice_scale};
use crate::mercator::{to_world, world_size};
use crate::placement::Placer;
use crate::ui::map::labels::to_box;

// Offsets tried for area names, in label widths and heights, in order of preference.
const AREA_NUDGES: [(f32, f32); 7] =
    [(0.0, 0.0), (0.0, 1.4), (0.0, -1.4), (-0.35, 0.0), (0.35, 0.0), (0.0, 2.4), (0.0, -2.4)];
// Enough labels to read a region; more turns the map into noise and costs frame time.
const MAX_LABELS: usize = 160;

// Where the scale bar's left end goes when nothing else is in the way: in from the map's
// bottom-left corner, in points.
const SCALE_BAR_INSET: Vec2 = vec2(12.0, -14.0);

/// Draws labels, scale bar and attribution over the basemap.
pub struct BasemapOverlay<'a> {
    /// Labels to place.
    pub labels: Option<&'a LabelSet>,
    /// Attribution lines for the basemap on screen.
    pub attribution: Vec<&'static str>,
    /// Label colours.
    pub style: &'a LabelStyle,
}

impl BasemapOverlay<'_> {
    /// Draws the scale bar with its left end at `scale_at`, the attribution, and the place
    /// names that fit around `reserved` (what is drawn already, which wins); the scale bar and
    /// attribution are added to `reserved`.
    pub fn draw(&self, painter: &Painter, projector: &Projector, reserved: &mut Vec<Rect>, scale_at: Pos2) {
        reserved.push(draw_scale_bar(painter, projector, scale_at));
        reserved.extend(draw_attribution(painter, projector.clip_rect(), &self.attribution));
        if let Some(labels) = self.labels {
            draw_labels(painter, projector, labels, self.style, reserved);
        }
    }
}

impl Plugin for BasemapOverlay<'_> {
    fn run(self: Box<Self>, ui: &mut egui::Ui, _response: &egui::Response, projector: &Projector, _memory: &MapMemory) {
        let painter = ui.painter().clone();
        let scale_at = projector.clip_rect().left_bottom() + SCALE_BAR_INSET;
        self.draw(&painter, projector, &mut Vec::new(), scale_at);
    }
}

/// Place and draw labels visible at the projector's zoom, most important first, skipping any
/// that would overlap another or one of the `reserved` rectangles (scale bar, attribution,
/// panels over the map). Returns how many were drawn.
fn draw_labels(
    painter: &Painter,
    projector: &Projector,
    labels: &LabelSet,
    style: &LabelStyle,
    reserved: &[Rect],
) -> usize {
    let clip = projector.clip_rect();
    let zoom = projector.zoom();
    // One projection per frame: labels carry precomputed world coordinates.
    let centre = projector.unproject(clip.center().to_vec2());
    let (cx, cy) = to_world(centre.x(), centre.y());
    let world_px = world_size(zoom);
    let to_screen = |w: [f64; 2]| {
        pos2(clip.center().x + ((w[0] - cx) * world_px) as f32, clip.center().y + ((w[1] - cy) * world_px) as f32)
    };
    let mut placer = Placer::new(2.0);
    for r in reserved {
        placer.reserve(to_box(*r));
    }
    let mut drawn = 0;
    let visible_zoom = zoom + 0.35;
    for label in labels.iter() {
        if f64::from(label.min_zoom) > visible_zoom {
            continue;
        }
        let at = to_screen(label.world);
        if !clip.expand(60.0).contains(at) {
            continue;
        }
        let (galley, colour) = layout(painter, label.kind, &label.name, label.population, zoom, style);
        let size = galley.size();
        let candidates: Vec<(Rect, Option<Rect>)> = match label.kind {
            // Area names may slide a little (a line up or down, a third of their width
            // sideways) to make room for a capital or a neighbour's name.
            LabelKind::Country | LabelKind::Sea => AREA_NUDGES
                .iter()
                .map(|&(dx, dy)| {
                    let shifted = at + vec2(dx * size.x, dy * size.y);
                    (Align2::CENTER_CENTER.anchor_size(shifted, size), None)
                })
                .collect(),
            LabelKind::Capital | LabelKind::City => {
                let dot = Rect::from_center_size(at, vec2(7.0, 7.0));
                vec![
                    (Align2::LEFT_CENTER.anchor_size(at + vec2(5.0, 0.0), size), Some(dot)),
                    (Align2::RIGHT_CENTER.anchor_size(at - vec2(5.0, 0.0), size), Some(dot)),
                    (Align2::CENTER_BOTTOM.anchor_size(at - vec2(0.0, 4.0), size), Some(dot)),
                ]
            }
        };
        for (text_rect, dot) in candidates {
            if !clip.contains_rect(text_rect) {
                continue;
            }
            let mut boxes = vec![to_box(text_rect)];
            boxes.extend(dot.map(to_box));
            if placer.try_place(&boxes) {
                paint_label(painter, label.kind, at, text_rect.min, galley.clone(), colour, style);
                drawn += 1;
                break;
            }
        }
        if drawn >= MAX_LABELS {
            break;
        }
    }
    drawn
}

fn layout(
    painter: &Painter,
    kind: LabelKind,
    name: &str,
    population: u32,
    zoom: f64,
    style: &LabelStyle,
) -> (Arc<Galley>, Color32) {
    let z = zoom as f32;
    let (text, size, spacing, italics, colour) = match kind {
        LabelKind::Country => {
            (name.to_uppercase(), (10.5 + (z - 3.0) * 1.3).clamp(10.5, 17.0), 1.6, false, style.country)
        }
        LabelKind::Sea => (name.to_string(), (11.0 + (z - 3.0) * 0.8).clamp(11.0, 15.0), 0.6, true, style.sea),
        LabelKind::Capital => (name.to_string(), if z >= 6.0 { 15.0 } else { 13.5 }, 0.0, false, style.city),
        LabelKind::City => {
            let size = if population >= 1_000_000 {
                13.5
            } else if population >= 200_000 {
                12.5
            } else {
                11.5
            };
            (name.to_string(), size, 0.0, false, style.city)
        }
    };
    let colour = c32(colour);
    let format = TextFormat {
        font_id: FontId::proportional(size),
        extra_letter_spacing: spacing,
        italics,
        color: colour,
        ..TextFormat::default()
    };
    (painter.layout_job(LayoutJob::single_section(text, format)), colour)
}

fn paint_label(
    painter: &Painter,
    kind: LabelKind,
    at: Pos2,
    text_min: Pos2,
    galley: Arc<Galley>,
    colour: Color32,
    style: &LabelStyle,
) {
    let halo = c32(style.halo);
    // A four-way offset copy reads as a halo and keeps text legible over borders and hatching.
    for d in [vec2(-1.0, 0.0), vec2(1.0, 0.0), vec2(0.0, -1.0), vec2(0.0, 1.0)] {
        painter.galley_with_override_text_color(text_min + d, galley.clone(), halo);
    }
    painter.galley(text_min, galley, colour);
    match kind {
        LabelKind::Capital => {
            painter.circle_filled(at, 3.6, halo);
            painter.circle_stroke(at, 3.0, Stroke::new(1.3, c32(style.dot)));
            painter.circle_filled(at, 1.4, c32(style.dot));
        }
        LabelKind::City => {
            painter.circle_filled(at, 3.0, halo);
            painter.circle_filled(at, 2.1, c32(style.dot));
        }
        LabelKind::Country | LabelKind::Sea => {}
    }
}

/// Draw a scale bar with its left end at `origin`, true at the map's centre latitude. Returns
/// the area it covers (empty when the scale is undefined).
fn draw_scale_bar(painter: &Painter, projector: &Projector, origin: Pos2) -> Rect {
    let clip = projector.clip_rect();
    let centre = projector.unproject(clip.center().to_vec2());
    let px_per_m = f64::from(projector.scale_pixel_per_meter(centre));
    if !(px_per_m.is_finite() && px_per_m > 0.0) {
        return Rect::NOTHING;
    }
    let (metres, length) = nice_scale(1.0 / px_per_m, 120.0);
    let label = if metres >= 1000.0 { format!("{} km", metres / 1000.0) } else { format!("{metres} m") };
    let font = FontId::proportional(11.0);
    let ink = Color32::from_rgb(50, 50, 56);
    let galley = painter.layout_no_wrap(label, font, ink);
    let width = (length as f32).max(galley.size().x);
    let back = Rect::from_min_max(
        pos2(origin.x - 6.0, origin.y - 8.0 - galley.size().y),
        pos2(origin.x + width + 6.0, origin.y + 6.0),
    );
    painter.rect_filled(back, 3.0, Color32::from_rgba_unmultiplied(255, 255, 255, 190));
    let end = pos2(origin.x + length as f32, origin.y);
    let stroke = Stroke::new(1.5, ink);
    painter.line_segment([origin, end], stroke);
    painter.line_segment([origin, origin - vec2(0.0, 5.0)], stroke);
    painter.line_segment([end, end - vec2(0.0, 5.0)], stroke);
    painter.galley(pos2(origin.x, origin.y - 6.0 - galley.size().y), galley, ink);
    back
}

/// Draw attribution lines at the bottom right of `rect`, on a light band. Returns the band.
fn draw_attribution(painter: &Painter, rect: Rect, lines: &[&str]) -> Option<Rect> {
    if lines.is_empty() {
        return None;
    }
    let text = lines.join(" · ");
    let ink = Color32::from_rgb(60, 60, 66);
    let galley = painter.layout_no_wrap(text, FontId::proportional(10.5), ink);
    let size = galley.size() + vec2(10.0, 4.0);
    let back = Align2::RIGHT_BOTTOM.anchor_size(rect.max, size);
    painter.rect_filled(back, 0.0, Color32::from_rgba_unmultiplied(255, 255, 255, 200));
    painter.galley(back.min + vec2(5.0, 2.0), galley, ink);
    Some(back)
}
