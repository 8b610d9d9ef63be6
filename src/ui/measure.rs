//! The measure tool: click points (or places) on the map for geodesic distances and bearings,
//! leg by leg, with the total.

use egui::{RichText, Ui};
use geo::Point;

use crate::geometry::World;
use crate::mercator::to_world;
use crate::spatial::{self, format::format_bearing};

/// The measure tool's state.
#[derive(Clone, Debug, Default)]
pub struct Measure {
    /// Clicks on the map add points while this is on.
    pub active: bool,
    /// The points so far, with the name of the place when one was clicked.
    pub points: Vec<(Point<f64>, Option<String>)>,
    /// The geodesic through them, in world coordinates, for drawing.
    pub path: Vec<World>,
}

impl Measure {
    /// Adds a point (a place's, when `name` is given).
    pub fn add(&mut self, p: Point<f64>, name: Option<String>) {
        self.points.push((p, name));
        let points: Vec<Point<f64>> = self.points.iter().map(|(p, _)| *p).collect();
        // 20 km steps: smooth on screen at any zoom the basemap is drawn for.
        self.path = spatial::geodesic_path(&points, 20.0).into_iter().map(|q| to_world(q.x(), q.y()).into()).collect();
    }

    /// Starts over.
    pub fn clear(&mut self) {
        self.points.clear();
        self.path.clear();
    }

    /// The panel: each leg and the total.
    pub fn panel(&mut self, ui: &mut Ui) {
        ui.horizontal(|ui| {
            ui.label(RichText::new("Measure").strong());
            if ui.small_button("Clear").clicked() {
                self.clear();
            }
            if ui.small_button("Done").clicked() {
                self.active = false;
                self.clear();
            }
        });
        if self.points.len() < 2 {
            ui.label("Click two or more points or places on the map.");
            return;
        }
        let points: Vec<Point<f64>> = self.points.iter().map(|(p, _)| *p).collect();
        let path = spatial::measure_path(&points);
        let name =
            |i: usize| self.points[i].1.clone().unwrap_or_else(|| crate::lookup::format_lat_lon(self.points[i].0));
        for (i, leg) in path.legs.iter().enumerate() {
            ui.label(format!(
                "{} to {}: {:.0} km, {}",
                name(i),
                name(i + 1),
                leg.distance_km,
                format_bearing(leg.bearing_deg)
            ));
        }
        ui.label(RichText::new(format!("Total: {:.0} km", path.total_km)).strong());
    }
}
