//! Links as curved arcs with arrowheads, from one place or region to another.

use egui::{Align2, Color32, FontId, Painter, Pos2, Shape, Stroke, Vec2, vec2};

/// Size of a link's label, in points.
const LABEL_SIZE: f32 = 11.5;

/// Points along a gentle arc from `a` to `b` (bulging to the left of the direction of travel).
pub fn arc(a: Pos2, b: Pos2, segments: usize) -> Vec<Pos2> {
    let d = b - a;
    let normal = vec2(-d.y, d.x) * 0.18;
    let control = a + d * 0.5 + normal;
    (0..=segments)
        .map(|i| {
            let t = i as f32 / segments as f32;
            let u = 1.0 - t;
            (a.to_vec2() * u * u + control.to_vec2() * 2.0 * u * t + b.to_vec2() * t * t).to_pos2()
        })
        .collect()
}

/// Draws a link arc from `a` to `b`, stopping `gap` points short of each end, with an arrowhead.
#[allow(clippy::too_many_arguments)]
pub fn draw(
    painter: &Painter,
    a: Pos2,
    b: Pos2,
    gap: f32,
    colour: Color32,
    width: f32,
    dashed: bool,
    label: Option<(&str, Color32, Color32)>,
) {
    if a.distance(b) < 2.0 * gap + 6.0 {
        return;
    }
    let points = arc(a, b, 32);
    // Trim the ends so the arc meets the markers' edges, not their centres.
    let trimmed: Vec<Pos2> = points.iter().copied().filter(|p| p.distance(a) > gap && p.distance(b) > gap).collect();
    if trimmed.len() < 2 {
        return;
    }
    let stroke = Stroke::new(width, colour);
    if dashed {
        painter.extend(Shape::dashed_line(&trimmed, stroke, 9.0, 5.0));
    } else {
        painter.add(Shape::line(trimmed.clone(), stroke));
    }
    let tip = trimmed[trimmed.len() - 1];
    let dir: Vec2 = (tip - trimmed[trimmed.len() - 2]).normalized();
    let side = vec2(-dir.y, dir.x);
    let size = 5.0 + width * 1.5;
    painter.add(Shape::convex_polygon(
        vec![tip + dir * 1.5, tip - dir * size + side * size * 0.55, tip - dir * size - side * size * 0.55],
        colour,
        Stroke::NONE,
    ));
    if let Some((text, text_colour, halo)) = label {
        let mid = points[points.len() / 2];
        let font = FontId::proportional(LABEL_SIZE);
        super::labels::tag(painter, text.to_owned(), font, text_colour, halo, mid, Align2::CENTER_CENTER);
    }
}
