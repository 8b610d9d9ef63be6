//! The map: walkers' slippy map with the briefing drawn over it in [`layers`] — regions,
//! rings, links, markers, labels, the measured path — plus picking, hover tooltips, framing and
//! smooth flights.

pub mod areas;
pub mod clusters;
pub mod labels;
pub mod layers;
pub mod links;
pub mod marker_mesh;
pub mod markers;
pub mod project;

use egui::{Rect, Ui, vec2};
use walkers::{MapMemory, Tiles, lon_lat};

use super::basemap::Basemap;
use super::measure::Measure;
use super::rings::ShownRing;

use super::action::Actions;
use super::theme::Palette;
use crate::briefing::{Briefing, Item};
use crate::geometry::MapGeometry;
use crate::mercator::{MAX_VIEW_ZOOM, MIN_VIEW_ZOOM};
use crate::viewport::{Camera, Flight, ease};
use crate::visibility::Visibility;
use project::ToScreen;

/// What is emphasised on the map: the selection and what belongs to it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Highlight {
    /// Per place.
    pub places: Vec<bool>,
    /// Per region.
    pub regions: Vec<bool>,
}

impl Highlight {
    /// What to emphasise for a selection: the item itself, or every place and region of a claim.
    pub fn of(b: &Briefing, selection: Option<Item>) -> Self {
        let mut h = Self { places: vec![false; b.places().len()], regions: vec![false; b.regions().len()] };
        match selection {
            Some(Item::Place(i)) => h.places[i] = true,
            Some(Item::Region(i)) => h.regions[i] = true,
            Some(Item::Claim(c)) => {
                let claim = &b.claims()[c];
                for id in claim.places.iter().chain(&claim.regions) {
                    match b.item(id) {
                        Some(Item::Place(i)) => h.places[i] = true,
                        Some(Item::Region(i)) => h.regions[i] = true,
                        _ => {}
                    }
                }
            }
            None => {}
        }
        h
    }

    /// Emphasises these items (a story step's), with the places and regions of any claims.
    pub fn of_items(b: &Briefing, items: &[Item]) -> Self {
        let mut h = Self { places: vec![false; b.places().len()], regions: vec![false; b.regions().len()] };
        for &item in items {
            let one = Self::of(b, Some(item));
            h.places.iter_mut().zip(one.places).for_each(|(a, b)| *a |= b);
            h.regions.iter_mut().zip(one.regions).for_each(|(a, b)| *a |= b);
        }
        h
    }

    /// Whether anything is emphasised.
    pub fn any(&self) -> bool {
        self.places.iter().chain(&self.regions).any(|&x| x)
    }
}

/// What the map draws this frame.
pub struct MapInput<'a> {
    /// The briefing.
    pub briefing: &'a Briefing,
    /// Its geometry in world coordinates.
    pub geometry: &'a MapGeometry,
    /// What is shown, faded or hidden.
    pub visibility: &'a Visibility,
    /// The selected item.
    pub selection: Option<Item>,
    /// What to emphasise.
    pub highlight: &'a Highlight,
    /// Colours.
    pub palette: Palette,
    /// Changes whenever `visibility` does (cached clusters are rebuilt then).
    pub visibility_generation: u64,
    /// Range rings to draw.
    pub rings: &'a [ShownRing],
    /// The ring whose table is open.
    pub selected_ring: Option<usize>,
    /// The measure tool, when on.
    pub measure: Option<&'a Measure>,
    /// Authoring: markers can be dragged to move their place; with `placing`, a click on the
    /// map puts a new place there.
    pub editing: Editing,
}

/// What the map lets the analyst change.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Editing {
    /// Nothing: the map is for reading.
    #[default]
    Off,
    /// Markers can be dragged.
    Move,
    /// Markers can be dragged, and a click on the map puts the place being added there.
    Place,
}

/// The map view's own state: walkers' memory and an ongoing flight.
pub struct MapView {
    memory: MapMemory,
    flight: Option<(Flight, f64)>,
    clusters: clusters::Clusters,
    /// The markers tessellated for the last view.
    marker_mesh: marker_mesh::MarkerMesh,
    /// The last frame's map rectangle, for framing.
    pub rect: Rect,
}

impl MapView {
    /// A map looking at `camera`.
    pub fn new(camera: Camera) -> Self {
        let mut view = Self {
            memory: MapMemory::default(),
            flight: None,
            clusters: clusters::Clusters::default(),
            marker_mesh: marker_mesh::MarkerMesh::default(),
            rect: Rect::from_min_size(egui::Pos2::ZERO, vec2(1200.0, 800.0)),
        };
        view.jump(camera);
        view
    }

    /// Whether the last frame summarised the places as clusters.
    pub fn clustered(&self) -> bool {
        self.clusters.shown
    }

    /// Where the map looks now.
    pub fn camera(&self) -> Camera {
        let p = self.memory.detached().unwrap_or(lon_lat(0.0, 0.0));
        Camera { lon: p.x(), lat: p.y(), zoom: self.memory.zoom() }
    }

    /// Looks at `camera` at once.
    pub fn jump(&mut self, camera: Camera) {
        self.flight = None;
        self.memory.center_at(lon_lat(camera.lon, camera.lat));
        // Out-of-range zooms come only from damaged settings; the current zoom then stays.
        let _ = self.memory.set_zoom(camera.zoom.clamp(self.min_zoom(), MAX_VIEW_ZOOM));
    }

    /// The farthest out this map zooms: the world still fills it.
    fn min_zoom(&self) -> f64 {
        crate::viewport::min_zoom(self.rect.width() as f64, self.rect.height() as f64).min(MAX_VIEW_ZOOM)
    }

    /// Flies smoothly to `camera`, starting at time `now` (seconds).
    pub fn fly_to(&mut self, camera: Camera, now: f64) {
        let flight = Flight::new(self.camera(), camera, self.rect.width() as f64);
        self.flight = Some((flight, now));
    }

    /// Whether a flight is under way.
    pub fn flying(&self) -> bool {
        self.flight.is_some()
    }

    /// Zooms by `steps` (positive in) around the centre.
    pub fn zoom_by(&mut self, steps: f64) {
        let c = self.camera();
        self.jump(Camera { zoom: c.zoom + steps, ..c });
    }

    /// Draws the map and the briefing over it; clicks and hovers become actions. The scale
    /// bar goes at `scale_at` (offset from the map's bottom-left corner).
    pub fn show(
        &mut self,
        ui: &mut Ui,
        basemap: Option<&mut Basemap>,
        input: &MapInput,
        actions: &mut Actions,
        scale_at: egui::Vec2,
    ) -> Rect {
        let now = ui.input(|i| i.time);
        if let Some((flight, start)) = self.flight {
            let t = (now - start) / flight.duration();
            let cam = flight.at(ease(t));
            self.memory.center_at(lon_lat(cam.lon, cam.lat));
            let _ = self.memory.set_zoom(cam.zoom.clamp(MIN_VIEW_ZOOM, MAX_VIEW_ZOOM));
            if t >= 1.0 {
                self.flight = None;
            }
            ui.ctx().request_repaint();
        }
        let centre = self.camera();
        let (tiles, overlay) = match basemap {
            Some(b) => {
                let (tiles, overlay) = b.parts();
                (Some(tiles as &mut dyn Tiles), Some(overlay))
            }
            None => (None, None),
        };
        let map = walkers::Map::new(tiles, &mut self.memory, lon_lat(centre.lon, centre.lat)).zoom_with_ctrl(false);
        let caches = layers::Caches { clusters: &mut self.clusters, markers: &mut self.marker_mesh };
        let response = map.show(ui, |ui, response, projector, _memory| {
            let to = ToScreen::new(projector);
            let mut reserved = layers::draw_all(ui, &to, input, response, actions, caches);
            if let Some(overlay) = &overlay {
                let painter = ui.painter().with_clip_rect(to.rect);
                overlay.draw(&painter, projector, &mut reserved, to.rect.left_bottom() + scale_at);
            }
            to.rect
        });
        if response.response.dragged() {
            self.flight = None;
        }
        self.rect = response.inner;
        // walkers zooms out to a world a few pixels wide; a flight may pass beyond for a moment.
        if self.flight.is_none() && self.memory.zoom() < self.min_zoom() {
            let _ = self.memory.set_zoom(self.min_zoom());
        }
        self.rect
    }
}
