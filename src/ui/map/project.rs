//! World coordinates (Web Mercator 0..1) to screen points for the current map view.

use egui::{Pos2, Rect, pos2};
use walkers::Projector;

use crate::geometry::World;
use crate::mercator::{to_world, world_size};

/// Maps world coordinates to screen points: a scale and an offset, cheap per vertex.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ToScreen {
    centre: World,
    scale: f64,
    origin: Pos2,
    /// The map's rectangle on screen.
    pub rect: Rect,
}

impl ToScreen {
    /// The transform for walkers' current view.
    pub fn new(projector: &Projector) -> Self {
        let rect = projector.clip_rect();
        let c = projector.unproject(rect.center().to_vec2());
        let (x, y) = to_world(c.x(), c.y());
        Self { centre: [x, y], scale: world_size(projector.zoom()), origin: rect.center(), rect }
    }

    /// The screen point of a world point.
    pub fn point(&self, [x, y]: World) -> Pos2 {
        pos2(
            self.origin.x + ((x - self.centre[0]) * self.scale) as f32,
            self.origin.y + ((y - self.centre[1]) * self.scale) as f32,
        )
    }

    /// The world point under a screen point.
    pub fn world(&self, p: Pos2) -> World {
        [
            self.centre[0] + (p.x - self.origin.x) as f64 / self.scale,
            self.centre[1] + (p.y - self.origin.y) as f64 / self.scale,
        ]
    }

    /// World units per screen point.
    pub fn world_per_point(&self) -> f64 {
        1.0 / self.scale
    }

    /// The world box on screen, grown by `margin` points on each side.
    pub fn visible_box(&self, margin: f32) -> (World, World) {
        let r = self.rect.expand(margin);
        (self.world(r.min), self.world(r.max))
    }
}
