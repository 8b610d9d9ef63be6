//! The map: walkers' slippy map with the briefing drawn over it — regions, links, markers and
//! labels — plus picking, hover tooltips, framing and smooth flights.

pub mod areas;
pub mod clusters;
pub mod labels;
pub mod links;
pub mod markers;
pub mod project;

use egui::{Color32, FontId, Id, Rect, Role, Sense, Stroke, Ui, WidgetInfo, vec2};
use walkers::{MapMemory, Tiles, lon_lat};

use super::basemap::Basemap;
use super::measure::Measure;
use super::rings::ShownRing;

use super::action::{Action, Actions};
use super::theme::{Palette, actor_colour};
use crate::briefing::{Briefing, Item, LinkKind, Origin, PlaceKind};
use crate::geometry::MapGeometry;
use crate::mercator::{MAX_VIEW_ZOOM, MIN_VIEW_ZOOM, world_size};
use crate::viewport::{Camera, Flight, ease};
use crate::visibility::{Shown, Visibility};
use project::ToScreen;

/// Above this many markers on screen, markers are clustered and picked by nearest point
/// instead of one widget each (widgets per marker cost too much at 100k).
pub const MAX_INDIVIDUAL_MARKERS: usize = 1500;

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
}

/// The map view's own state: walkers' memory and an ongoing flight.
pub struct MapView {
    memory: MapMemory,
    flight: Option<(Flight, f64)>,
    clusters: clusters::Clusters,
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
        let clusters = &mut self.clusters;
        let response = map.show(ui, |ui, response, projector, _memory| {
            let to = ToScreen::new(projector);
            let mut reserved = draw_overlays(ui, &to, input, response, actions, clusters);
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

/// How place `i` is drawn: its first actor's colour, solid when the article names it, bigger
/// and ringed when highlighted, faded beside a highlight (`emphasis`) or outside the time window.
fn place_style(input: &MapInput, i: usize, emphasis: bool) -> markers::MarkerStyle {
    let place = &input.briefing.places()[i];
    let lit = input.highlight.places.get(i).copied().unwrap_or(false);
    let shown = input.visibility.places.get(i).copied().unwrap_or(Shown::Hidden);
    markers::MarkerStyle {
        colour: place_colour(input.briefing, i),
        solid: place.provenance.origin == Origin::Article,
        radius: markers::radius(place.kind) * if lit { 1.25 } else { 1.0 },
        opacity: opacity(shown) * if emphasis && !lit { 0.55 } else { 1.0 },
        halo: lit.then_some(input.palette.highlight),
    }
}

/// Place `i`'s colour: its first actor's.
fn place_colour(b: &Briefing, i: usize) -> Color32 {
    b.places()[i].actors.first().map_or(Color32::GRAY, |a| actor_colour(b, a))
}

fn opacity(shown: Shown) -> f32 {
    match shown {
        Shown::Full => 1.0,
        Shown::Faded => 0.28,
        Shown::Hidden => 0.0,
    }
}

fn draw_overlays(
    ui: &mut Ui,
    to: &ToScreen,
    input: &MapInput,
    map_response: &egui::Response,
    actions: &mut Actions,
    clusters: &mut clusters::Clusters,
) -> Vec<Rect> {
    let b = input.briefing;
    let painter = ui.painter().with_clip_rect(to.rect);
    let pal = input.palette;
    let emphasis = input.highlight.any();

    // Regions first, so everything else sits on top of them.
    for (i, area) in input.geometry.regions.iter().enumerate() {
        let shown = input.visibility.regions[i];
        if shown == Shown::Hidden {
            continue;
        }
        let region = &b.regions()[i];
        let colour = region.actors.first().map_or(Color32::GRAY, |a| actor_colour(b, a));
        let lit = input.highlight.regions[i];
        let o = opacity(shown) * if emphasis && !lit { 0.5 } else { 1.0 };
        let fill = colour.gamma_multiply(if lit { 0.30 } else { 0.12 } * o);
        let stroke =
            if lit { Stroke::new(3.0, pal.highlight) } else { Stroke::new(1.4, colour.gamma_multiply(0.8 * o)) };
        areas::draw(&painter, to, area, fill, stroke);
    }

    // Range rings: a light band, a firm edge, a label on the southern side that other labels
    // (the briefing's and the basemap's) keep clear of.
    let mut ring_labels = Vec::with_capacity(input.rings.len());
    for (i, ring) in input.rings.iter().enumerate() {
        let centre = &b.places()[ring.place];
        let colour = centre.actors.first().map_or(Color32::GRAY, |a| actor_colour(b, a));
        let lit = input.selected_ring == Some(i);
        areas::draw(&painter, to, &ring.fill, colour.gamma_multiply(if lit { 0.16 } else { 0.09 }), Stroke::NONE);
        let stroke = Stroke::new(if lit { 3.0 } else { 2.0 }, colour.gamma_multiply(0.9));
        for line in &ring.outline {
            painter.add(egui::Shape::line(line.iter().map(|&w| to.point(w)).collect(), stroke));
        }
        let at = to.point(ring.label_at);
        if to.rect.contains(at) {
            let galley = painter.layout_no_wrap(ring.label.clone(), FontId::proportional(12.5), colour);
            let rect = egui::Align2::CENTER_TOP.anchor_size(at + vec2(0.0, 3.0), galley.size()).expand(2.0);
            painter.rect_filled(rect, 3.0, pal.map_halo);
            painter.galley(rect.min + vec2(2.0, 2.0), galley, colour);
            ring_labels.push(rect);
        }
    }

    // Where links start and end: a place's point or a region's label point.
    let anchor = |id: &str| -> Option<egui::Pos2> {
        match b.item(id)? {
            Item::Place(i) => Some(to.point(input.geometry.places[i])),
            Item::Region(i) => input.geometry.regions[i].label_at.map(|w| to.point(w)),
            Item::Claim(_) => None,
        }
    };
    for (i, link) in b.links().iter().enumerate() {
        let shown = input.visibility.links[i];
        let (Some(a), Some(z)) = (anchor(&link.from), anchor(&link.to)) else { continue };
        if shown == Shown::Hidden || !to.rect.expand(200.0).intersects(Rect::from_two_pos(a, z)) {
            continue;
        }
        let lit = link.claims.iter().any(|c| b.item(c) == input.selection && input.selection.is_some());
        let colour = pal.link(link.kind).gamma_multiply(opacity(shown) * if emphasis && !lit { 0.45 } else { 0.9 });
        let dashed = matches!(link.kind, LinkKind::PlannedDeployment | LinkKind::Threat);
        // Arc labels only for what is being looked at; all of them at once would bury the map.
        let label = link.label.as_deref().filter(|_| lit && shown == Shown::Full).map(|t| (t, colour, pal.map_halo));
        links::draw(&painter, a, z, 11.0, colour, if lit { 3.5 } else { 2.2 }, dashed, label);
    }

    // Markers: the visible ones only (R-tree query of the screen box).
    let (min, max) = to.visible_box(20.0);
    let shown = |i: usize| input.visibility.places.get(i).is_some_and(|s| *s != Shown::Hidden);
    // Counting stops at the threshold, so a dense view costs no more than a sparse one here.
    let dense = input.geometry.places_in(min, max).filter(|&i| shown(i)).nth(MAX_INDIVIDUAL_MARKERS).is_some();
    clusters.shown = dense;
    if dense {
        clusters::draw(&painter, to, input, clusters, (min, max));
        pick_nearest(to, input, map_response, actions);
        // Basemap names would only add noise between thousands of markers.
        return vec![to.rect];
    }
    let mut order: Vec<usize> = input.geometry.places_in(min, max).filter(|&i| shown(i)).collect();
    // Highlighted and article places on top.
    order.sort_by_key(|&i| (input.highlight.places[i], b.places()[i].provenance.origin == Origin::Article));
    let mut obstacles = ring_labels;
    obstacles.reserve(order.len());
    let mut labels = Vec::with_capacity(order.len());
    for &i in &order {
        let place = &b.places()[i];
        let at = to.point(input.geometry.places[i]);
        let shown = input.visibility.places[i];
        let lit = input.highlight.places[i];
        let style = place_style(input, i, emphasis);
        let (r, o) = (style.radius, style.opacity);
        markers::draw(&painter, at, place.kind, style);
        let rect = Rect::from_center_size(at, vec2(2.0 * r + 6.0, 2.0 * r + 6.0));
        obstacles.push(rect);
        let response =
            ui.interact(rect, Id::unique(("place", i)), Sense::click()).on_hover_ui(|ui| place_tooltip(ui, b, i));
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, format!("{} on the map", place.name)));
        if response.clicked() {
            match input.measure {
                Some(_) => actions.push(Action::Measure(place.point(), Some(place.name.clone()))),
                None => actions.push(Action::Select(Some(Item::Place(i)))),
            }
        }
        let priority = match (lit, place.kind, place.provenance.origin) {
            (true, ..) => 100,
            (_, PlaceKind::Capital, _) => 60,
            (_, _, Origin::Article) => 50,
            _ => 20,
        } + b.claims_of_place(i).len() as i32;
        if shown == Shown::Full || lit {
            let size = if lit {
                15.0
            } else if place.kind == PlaceKind::Capital {
                14.0
            } else {
                12.5
            };
            labels.push(labels::Candidate {
                text: place.name.clone(),
                anchor: at,
                offset: r + 4.0,
                priority,
                font: FontId::proportional(size),
                colour: pal.map_text.gamma_multiply(o.max(0.6)),
            });
        }
    }
    // Region names where regions are selected or the map is zoomed in enough to read them.
    // Countries are left to the basemap, which names them already.
    for (i, area) in input.geometry.regions.iter().enumerate() {
        let lit = input.highlight.regions[i];
        let region = &b.regions()[i];
        if input.visibility.regions[i] == Shown::Full
            && region.kind != crate::briefing::RegionKind::Country
            && (lit || to.world_per_point() < 1.0 / world_size(5.5))
            && let Some(w) = area.label_at
        {
            labels.push(labels::Candidate {
                text: region.name.clone(),
                anchor: to.point(w),
                offset: 0.0,
                priority: if lit { 90 } else { 10 },
                font: FontId::proportional(if lit { 14.0 } else { 12.0 }),
                colour: pal.map_text.gamma_multiply(0.85),
            });
        }
    }
    let placed = labels::place(&painter, labels, &obstacles, pal.map_halo);

    if let Some(m) = input.measure {
        draw_measure(&painter, to, m, &pal);
    }
    // A click on the map that no marker took: a measure point, a region under it, or nothing.
    if input.measure.is_some()
        && map_response.clicked()
        && let Some(pos) = map_response.interact_pointer_pos()
    {
        let [x, y] = to.world(pos);
        let (lon, lat) = crate::mercator::from_world(x, y);
        actions.push(Action::Measure(geo::Point::new(lon, lat), None));
    } else if map_response.clicked()
        && let Some(pos) = map_response.interact_pointer_pos()
    {
        let w = to.world(pos);
        let hit = (0..input.geometry.regions.len())
            .rev()
            .find(|&i| input.visibility.regions[i] != Shown::Hidden && areas::contains(&input.geometry.regions[i], w));
        actions.push(Action::Select(hit.map(Item::Region)));
    }
    obstacles.extend(placed);
    obstacles
}

/// The measured path: the geodesic as a line, its points, and each leg's length.
fn draw_measure(painter: &egui::Painter, to: &ToScreen, m: &Measure, pal: &Palette) {
    let ink = if pal.dark { Color32::WHITE } else { Color32::from_rgb(20, 24, 30) };
    if m.path.len() >= 2 {
        let points: Vec<egui::Pos2> = m.path.iter().map(|&w| to.point(w)).collect();
        painter.add(egui::Shape::line(points, Stroke::new(2.5, ink)));
    }
    for (p, _) in &m.points {
        let at = to.point(crate::mercator::to_world(p.x(), p.y()).into());
        painter.circle(at, 4.5, pal.highlight, Stroke::new(1.5, ink));
    }
    for w in m.points.windows(2) {
        let km = crate::spatial::distance_km(w[0].0, w[1].0);
        let mid = geo::Point::new((w[0].0.x() + w[1].0.x()) / 2.0, (w[0].0.y() + w[1].0.y()) / 2.0);
        let at = to.point(crate::mercator::to_world(mid.x(), mid.y()).into());
        let galley = painter.layout_no_wrap(format!("{km:.0} km"), FontId::proportional(12.5), ink);
        let rect = egui::Align2::CENTER_BOTTOM.anchor_size(at - vec2(0.0, 6.0), galley.size()).expand(2.0);
        painter.rect_filled(rect, 3.0, pal.map_halo);
        painter.galley(rect.min + vec2(2.0, 2.0), galley, ink);
    }
}

fn place_tooltip(ui: &mut Ui, b: &Briefing, i: usize) {
    let p = &b.places()[i];
    ui.strong(&p.name);
    if !p.local_names.is_empty() {
        ui.label(p.local_names.join(" · "));
    }
    ui.label(format!(
        "{} · {}",
        p.kind.label(),
        p.actors.iter().filter_map(|a| b.actor(a)).map(|a| a.name.as_str()).collect::<Vec<_>>().join(", ")
    ));
    let n = b.claims_of_place(i).len();
    match p.provenance.origin {
        Origin::Article => ui.label(format!("Named in the article · {n} claim{}", if n == 1 { "" } else { "s" })),
        Origin::Context => {
            ui.label(format!("Context, not named in the article: {}", p.provenance.why.as_deref().unwrap_or("")))
        }
    };
}

/// Picking without per-marker widgets: the nearest visible place within a few points.
fn pick_nearest(to: &ToScreen, input: &MapInput, map_response: &egui::Response, actions: &mut Actions) {
    if map_response.clicked()
        && let Some(pos) = map_response.interact_pointer_pos()
    {
        let hit = input.geometry.nearest_place(to.world(pos), 8.0 * to.world_per_point());
        actions.push(Action::Select(hit.map(Item::Place)));
    }
}
