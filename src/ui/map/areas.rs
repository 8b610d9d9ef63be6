//! Drawing areas (regions, range rings): triangles for the fill, lines for the outline.

use egui::epaint::{Mesh, PathShape, PathStroke, Vertex, WHITE_UV};
use egui::{Color32, Painter, Shape, Stroke};

use super::project::ToScreen;
use crate::geometry::AreaMesh;

/// Draws `area` filled with `fill` and outlined with `stroke` (skipped when off screen).
pub fn draw(painter: &Painter, to: &ToScreen, area: &AreaMesh, fill: Color32, stroke: Stroke) {
    let Some([min, max]) = area.bounds else { return };
    let bounds = egui::Rect::from_two_pos(to.point(min), to.point(max));
    if !bounds.intersects(to.rect) {
        return;
    }
    if fill.a() > 0 {
        let mut mesh = Mesh::default();
        mesh.vertices.extend(area.vertices.iter().map(|&w| Vertex { pos: to.point(w), uv: WHITE_UV, color: fill }));
        mesh.indices.extend_from_slice(&area.triangles);
        painter.add(Shape::mesh(mesh));
    }
    if stroke.width > 0.0 {
        for ring in &area.outlines {
            // Points closer than a pixel to the last one kept add nothing visible but cost
            // tessellation: zoomed out, a province's border is hundreds of points in a few pixels.
            let mut points: Vec<egui::Pos2> = Vec::with_capacity(ring.len());
            for &w in ring {
                let p = to.point(w);
                if points.last().is_none_or(|q| q.distance_sq(p) >= 1.0) {
                    points.push(p);
                }
            }
            if points.len() < 3 {
                continue;
            }
            painter.add(PathShape {
                points,
                closed: true,
                fill: Color32::TRANSPARENT,
                stroke: PathStroke::from(stroke),
            });
        }
    }
}

/// Whether the world point `p` is inside the area (its triangles).
pub fn contains(area: &AreaMesh, p: [f64; 2]) -> bool {
    let Some([min, max]) = area.bounds else { return false };
    if p[0] < min[0] || p[0] > max[0] || p[1] < min[1] || p[1] > max[1] {
        return false;
    }
    area.triangles.chunks_exact(3).any(|t| {
        let [a, b, c] = [t[0], t[1], t[2]].map(|i| area.vertices[i as usize]);
        let cross =
            |o: [f64; 2], u: [f64; 2], v: [f64; 2]| (u[0] - o[0]) * (v[1] - o[1]) - (u[1] - o[1]) * (v[0] - o[0]);
        let (d1, d2, d3) = (cross(a, b, p), cross(b, c, p), cross(c, a, p));
        let neg = d1 < 0.0 || d2 < 0.0 || d3 < 0.0;
        let pos = d1 > 0.0 || d2 > 0.0 || d3 > 0.0;
        !(neg && pos)
    })
}
