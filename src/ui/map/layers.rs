//! What the map draws over the basemap every frame, as layers from the bottom up: regions,
//! range rings, links, markers, labels and the measured path. Each layer is a small struct
//! with its look in named constants, drawn on one shared [`Canvas`] — walkers' `Plugin` is the
//! shape, but layers also hand on to the ones above the space they took and the names they
//! want placed.

use egui::{Align2, Color32, FontId, Id, Rect, Response, Role, Sense, Shape, Stroke, Ui, WidgetInfo, vec2};

use super::markers::MarkerStyle;
use super::project::ToScreen;
use super::{Editing, MapInput, areas, clusters, labels, links, marker_mesh, markers};
use crate::briefing::{Briefing, Item, LinkKind, Origin, PlaceKind, RegionKind};
use crate::mercator::world_size;
use crate::ui::action::{Action, Actions};
use crate::visibility::Shown;

/// How opaque what lies outside the time window is drawn (faded, not hidden).
const FADED: f32 = 0.28;

/// One layer of the map: draws its part of the frame and may add to the canvas for the layers
/// above it.
pub trait Layer {
    /// Draws this frame's part.
    fn draw(&mut self, canvas: &mut Canvas<'_>);
}

/// What the layers draw with, and hand on to each other, in one frame.
pub struct Canvas<'a> {
    /// For widgets: markers take clicks and hovers.
    pub ui: &'a mut Ui,
    /// Painter clipped to the map.
    pub painter: egui::Painter,
    /// World to screen for this frame's view.
    pub to: &'a ToScreen,
    /// What to draw.
    pub input: &'a MapInput<'a>,
    /// The map's own response: clicks on its background.
    pub response: &'a Response,
    /// Where clicks go.
    pub actions: &'a mut Actions,
    /// Whether anything is highlighted: the rest then fades.
    pub emphasis: bool,
    /// Screen space taken so far (ring labels, markers, then placed names); the basemap's
    /// names keep clear of it.
    pub taken: Vec<Rect>,
    /// Names waiting for the label layer (markers add theirs).
    pub names: Vec<labels::Candidate>,
    /// The markers were summarised as clusters: too dense a map for names and measuring.
    pub dense: bool,
}

/// What the layers keep from one frame to the next.
pub struct Caches<'a> {
    /// The clusters of a dense map.
    pub clusters: &'a mut clusters::Clusters,
    /// The markers' mesh for the last view.
    pub markers: &'a mut marker_mesh::MarkerMesh,
}

/// Draws every layer, bottom to top; returns the screen space taken, which the basemap's
/// names must keep clear of.
pub fn draw_all(
    ui: &mut Ui,
    to: &ToScreen,
    input: &MapInput,
    response: &Response,
    actions: &mut Actions,
    caches: Caches<'_>,
) -> Vec<Rect> {
    let painter = ui.painter().with_clip_rect(to.rect);
    let emphasis = input.highlight.any();
    let mut canvas = Canvas {
        ui,
        painter,
        to,
        input,
        response,
        actions,
        emphasis,
        taken: Vec::with_capacity(input.rings.len()),
        names: Vec::new(),
        dense: false,
    };
    let mut markers = Markers { clusters: caches.clusters, mesh: caches.markers };
    let layers: [&mut dyn Layer; 6] =
        [&mut Regions, &mut Rings, &mut Links, &mut markers, &mut Labels, &mut MeasuredPath];
    for layer in layers {
        layer.draw(&mut canvas);
    }
    click_through(&mut canvas);
    canvas.taken
}

/// How opaque an item is drawn for what the time window and filters make of it.
pub(super) fn opacity(shown: Shown) -> f32 {
    match shown {
        Shown::Full => 1.0,
        Shown::Faded => FADED,
        Shown::Hidden => 0.0,
    }
}

/// The colour of the first of `actors`, grey when there is none.
pub(super) fn actors_colour(b: &Briefing, actors: &[String]) -> Color32 {
    actors.first().map_or(Color32::GRAY, |a| crate::ui::theme::actor_colour(b, a))
}

/// Regions: a tint in their first actor's colour and an outline; drawn first, so everything
/// else sits on top of them.
struct Regions;

impl Regions {
    /// Fill opacity of a highlighted region, and of any other.
    const FILL_LIT: f32 = 0.30;
    const FILL: f32 = 0.12;
    /// Outline widths, in points.
    const STROKE_LIT: f32 = 3.0;
    const STROKE: f32 = 1.4;
    /// Opacity of the outline of a region that is not highlighted.
    const STROKE_ALPHA: f32 = 0.8;
    /// How much regions fade beside a highlighted item.
    const BESIDE_HIGHLIGHT: f32 = 0.5;
}

impl Layer for Regions {
    fn draw(&mut self, c: &mut Canvas<'_>) {
        let (input, b) = (c.input, c.input.briefing);
        for (i, area) in input.geometry.regions.iter().enumerate() {
            let shown = input.visibility.regions[i];
            if shown == Shown::Hidden {
                continue;
            }
            let colour = actors_colour(b, &b.regions()[i].actors);
            let lit = input.highlight.regions[i];
            let o = opacity(shown) * if c.emphasis && !lit { Self::BESIDE_HIGHLIGHT } else { 1.0 };
            let fill = colour.gamma_multiply(if lit { Self::FILL_LIT } else { Self::FILL } * o);
            let stroke = if lit {
                Stroke::new(Self::STROKE_LIT, input.palette.highlight)
            } else {
                Stroke::new(Self::STROKE, colour.gamma_multiply(Self::STROKE_ALPHA * o))
            };
            areas::draw(&c.painter, c.to, area, fill, stroke);
        }
    }
}

/// Range rings: a light band, a firm edge, and a label on the southern side that other labels
/// (the briefing's and the basemap's) keep clear of.
struct Rings;

impl Rings {
    /// Band opacity of the ring whose table is open, and of any other.
    const BAND_LIT: f32 = 0.16;
    const BAND: f32 = 0.09;
    /// Edge widths, in points, and the edge's opacity.
    const EDGE_LIT: f32 = 3.0;
    const EDGE: f32 = 2.0;
    const EDGE_ALPHA: f32 = 0.9;
    /// Label size, and its gap below the ring's edge, in points.
    const LABEL_SIZE: f32 = 12.5;
    const LABEL_GAP: f32 = 3.0;
}

impl Layer for Rings {
    fn draw(&mut self, c: &mut Canvas<'_>) {
        let (input, to) = (c.input, c.to);
        for (i, ring) in input.rings.iter().enumerate() {
            let colour = actors_colour(input.briefing, &input.briefing.places()[ring.place].actors);
            let lit = input.selected_ring == Some(i);
            let band = colour.gamma_multiply(if lit { Self::BAND_LIT } else { Self::BAND });
            areas::draw(&c.painter, to, &ring.fill, band, Stroke::NONE);
            let stroke =
                Stroke::new(if lit { Self::EDGE_LIT } else { Self::EDGE }, colour.gamma_multiply(Self::EDGE_ALPHA));
            for line in &ring.outline {
                c.painter.add(Shape::line(line.iter().map(|&w| to.point(w)).collect(), stroke));
            }
            let at = to.point(ring.label_at);
            if to.rect.contains(at) {
                let font = FontId::proportional(Self::LABEL_SIZE);
                let at = at + vec2(0.0, Self::LABEL_GAP);
                let halo = input.palette.map_halo;
                c.taken.push(labels::tag(&c.painter, ring.label.clone(), font, colour, halo, at, Align2::CENTER_TOP));
            }
        }
    }
}

/// Links: arcs with arrowheads between places and regions, their labels only for what is
/// selected.
struct Links;

impl Links {
    /// How far off screen, in points, a link's ends may lie and it is still drawn.
    const OFF_SCREEN: f32 = 200.0;
    /// Gap between an arc's end and its place's centre, in points.
    const GAP: f32 = 11.0;
    /// Widths of a selected claim's link and of any other, in points.
    const WIDTH_LIT: f32 = 3.5;
    const WIDTH: f32 = 2.2;
    /// Opacity beside a highlighted item, and otherwise.
    const BESIDE_HIGHLIGHT: f32 = 0.45;
    const ALPHA: f32 = 0.9;
}

impl Layer for Links {
    fn draw(&mut self, c: &mut Canvas<'_>) {
        let (input, to, b) = (c.input, c.to, c.input.briefing);
        let pal = input.palette;
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
            if shown == Shown::Hidden || !to.rect.expand(Self::OFF_SCREEN).intersects(Rect::from_two_pos(a, z)) {
                continue;
            }
            let lit = link.claims.iter().any(|id| b.item(id) == input.selection && input.selection.is_some());
            let alpha = opacity(shown) * if c.emphasis && !lit { Self::BESIDE_HIGHLIGHT } else { Self::ALPHA };
            let colour = pal.link(link.kind).gamma_multiply(alpha);
            let dashed = matches!(link.kind, LinkKind::PlannedDeployment | LinkKind::Threat);
            // Arc labels only for what is being looked at; all of them at once would bury the map.
            let label =
                link.label.as_deref().filter(|_| lit && shown == Shown::Full).map(|t| (t, colour, pal.map_halo));
            let width = if lit { Self::WIDTH_LIT } else { Self::WIDTH };
            links::draw(&c.painter, a, z, Self::GAP, colour, width, dashed, label);
        }
    }
}

/// Markers: one widget each for the visible places (an R-tree query of the screen box), or
/// clusters and nearest-point picking when there are too many; each marker's name goes to
/// the label layer.
struct Markers<'a> {
    clusters: &'a mut clusters::Clusters,
    mesh: &'a mut marker_mesh::MarkerMesh,
}

impl Markers<'_> {
    /// Above this many markers on screen, markers are clustered and picked by nearest point
    /// instead of one widget each (widgets per marker cost too much at 100k).
    const MAX_INDIVIDUAL: usize = 1500;
    /// From this many markers on screen, their mesh is kept from frame to frame while nothing
    /// they show changes (a draft under review has hundreds of suggestions).
    const KEEP_MESH_FROM: usize = 150;
    /// Up to this many markers on screen, their source badges show their numbers.
    const NUMBERED_UP_TO: usize = 200;
    /// Points beyond the map's edge whose markers are still drawn (they show partly).
    const MARGIN: f32 = 20.0;
    /// Clickable and label-free space around a marker, beyond its radius, in points.
    const HIT_PADDING: f32 = 3.0;
    /// How far from a marker a link being drawn may be dropped and still reach it, in points.
    const LINK_DROP_REACH: f32 = 11.0;
    /// The arrow drawn while a link is dragged from a marker, in points.
    const LINK_DRAFT_WIDTH: f32 = 2.5;
    /// Gap between a marker's edge and its name, in points.
    const NAME_GAP: f32 = 4.0;
    /// Name sizes: a highlighted place, a capital, any other.
    const NAME_SIZE_LIT: f32 = 15.0;
    const NAME_SIZE_CAPITAL: f32 = 14.0;
    const NAME_SIZE: f32 = 12.5;
    /// Least opacity of a name, however faded its marker.
    const NAME_MIN_ALPHA: f32 = 0.6;
    /// Naming priority: highlighted, capital, named in the article, context; each claim about
    /// the place adds one.
    const PRIORITY_LIT: i32 = 100;
    const PRIORITY_CAPITAL: i32 = 60;
    const PRIORITY_ARTICLE: i32 = 50;
    const PRIORITY: i32 = 20;
    /// How near, in points, a click on a dense map must be to pick a place.
    const PICK_RADIUS: f64 = 8.0;
}

impl Layer for Markers<'_> {
    fn draw(&mut self, c: &mut Canvas<'_>) {
        let (input, to, b) = (c.input, c.to, c.input.briefing);
        let (min, max) = to.visible_box(Self::MARGIN);
        let shown = |i: usize| input.visibility.places.get(i).is_some_and(|s| *s != Shown::Hidden);
        // Counting stops at the threshold, so a dense view costs no more than a sparse one here.
        let dense = input.geometry.places_in(min, max).filter(|&i| shown(i)).nth(Self::MAX_INDIVIDUAL).is_some();
        self.clusters.shown = dense;
        if dense {
            clusters::draw(&c.painter, to, input, self.clusters, (min, max));
            pick_nearest(c);
            // Basemap names would only add noise between thousands of markers.
            c.dense = true;
            c.taken = vec![to.rect];
            return;
        }
        let mut order: Vec<usize> = input.geometry.places_in(min, max).filter(|&i| shown(i)).collect();
        // Highlighted and article places on top.
        order.sort_by_key(|&i| (input.highlight.places[i], b.places()[i].provenance.origin == Origin::Article));
        c.taken.reserve(order.len());
        c.names.reserve(order.len());
        // Many markers are tessellated once and kept; a few are drawn as egui draws them (its
        // small discs come from the font atlas, which a kept mesh must not point into).
        let kept = order.len() >= Self::KEEP_MESH_FROM;
        // Hundreds of numbers are noise (and text to lay out every frame): a crowded view
        // keeps the badges' discs; their numbers come back on zooming in, and in the tooltip.
        let numbered = order.len() <= Self::NUMBERED_UP_TO;
        let key = marker_mesh::Key::of(input, to, c.emphasis, c.ui.ctx().pixels_per_point());
        let keep = kept && self.mesh.is_current(&key);
        let (mut shapes, mut marks) = (Vec::new(), Vec::new());
        let mut arrow = None;
        for &i in &order {
            let place = &b.places()[i];
            let at = to.point(input.geometry.places[i]);
            let lit = input.highlight.places[i];
            let style = MarkerStyle { numbered, ..markers::style(input, i, c.emphasis) };
            let (r, o) = (style.radius, style.opacity);
            if !kept {
                markers::draw(&c.painter, at, place.kind, style);
            } else if !keep {
                markers::shapes(at, place.kind, style, &mut shapes);
                if markers::has_marks(style) {
                    marks.push((at, style));
                }
            }
            let side = 2.0 * r + 2.0 * Self::HIT_PADDING;
            let rect = Rect::from_center_size(at, vec2(side, side));
            c.taken.push(rect);
            arrow = Self::interact(c, i, at, rect).or(arrow);
            if input.visibility.places[i] == Shown::Full || lit {
                c.names.push(Self::name(b, i, lit, at, r, o, input.palette.map_text));
            }
        }
        if kept {
            if !keep {
                self.mesh.rebuild(key, shapes, marks, c.ui.ctx(), to.rect);
            }
            self.mesh.paint(&c.painter);
        }
        if let Some((from, pointer)) = arrow {
            let stroke = Stroke::new(Self::LINK_DRAFT_WIDTH, input.palette.highlight);
            c.painter.arrow(from, pointer - from, stroke);
        }
    }
}

impl Markers<'_> {
    /// Place `i`'s marker as a widget at `rect`: a click selects it (or measures to it), a drag
    /// moves it, a Shift+drag draws a link to the marker it is dropped on. Returns the link
    /// being drawn (from, pointer), to draw over the markers.
    fn interact(c: &mut Canvas<'_>, i: usize, at: egui::Pos2, rect: Rect) -> Option<(egui::Pos2, egui::Pos2)> {
        let (input, to, b) = (c.input, c.to, c.input.briefing);
        let place = &b.places()[i];
        let sense = if input.editing == Editing::Off { Sense::click() } else { Sense::click_and_drag() };
        let response =
            c.ui.interact(rect, Id::unique(("place", i)), sense).on_hover_ui(|ui| markers::tooltip(ui, b, i));
        let linking = c.ui.input(|inp| inp.modifiers.shift);
        let mut arrow = None;
        if response.dragged()
            && let Some(pos) = response.interact_pointer_pos()
        {
            if linking {
                arrow = Some((at, pos));
            } else {
                let [x, y] = to.world(pos);
                let (lon, lat) = crate::mercator::from_world(x, y);
                c.actions.push(Action::MovePlace(i, geo::Point::new(lon, lat)));
            }
        }
        if response.drag_stopped() {
            let target = response.interact_pointer_pos().and_then(|pos| {
                let reach = f64::from(Self::LINK_DROP_REACH) * to.world_per_point();
                input.geometry.nearest_place(to.world(pos), reach).filter(|&j| j != i)
            });
            match target {
                Some(j) if linking => c.actions.push(Action::LinkDrawn(i, j)),
                _ => c.actions.push(Action::MoveDone),
            }
        }
        let sources = input.visibility.place_sources.get(i).copied().unwrap_or(0);
        response.widget_info(|| {
            let label = match sources >= markers::BADGE_FROM {
                true => format!("{} on the map, {sources} sources", place.name),
                false => format!("{} on the map", place.name),
            };
            WidgetInfo::labeled(Role::Button, true, label)
        });
        if response.clicked() {
            match input.measure {
                Some(_) => c.actions.push(Action::Measure(place.point(), Some(place.name.clone()))),
                None => c.actions.push(Action::Select(Some(Item::Place(i)))),
            }
        }
        arrow
    }
}

impl Markers<'_> {
    /// The name of place `i`, drawn beside its marker of radius `r` and opacity `o` at `at`.
    fn name(b: &Briefing, i: usize, lit: bool, at: egui::Pos2, r: f32, o: f32, ink: Color32) -> labels::Candidate {
        let place = &b.places()[i];
        let priority = match (lit, place.kind, place.provenance.origin) {
            (true, ..) => Self::PRIORITY_LIT,
            (_, PlaceKind::Capital, _) => Self::PRIORITY_CAPITAL,
            (_, _, Origin::Article) => Self::PRIORITY_ARTICLE,
            _ => Self::PRIORITY,
        } + b.claims_of_place(i).len() as i32;
        let size = if lit {
            Self::NAME_SIZE_LIT
        } else if place.kind == PlaceKind::Capital {
            Self::NAME_SIZE_CAPITAL
        } else {
            Self::NAME_SIZE
        };
        labels::Candidate {
            text: place.name.clone(),
            anchor: at,
            offset: r + Self::NAME_GAP,
            priority,
            font: FontId::proportional(size),
            colour: ink.gamma_multiply(o.max(Self::NAME_MIN_ALPHA)),
        }
    }
}

/// Picking without per-marker widgets: the nearest visible place within a few points.
fn pick_nearest(c: &mut Canvas<'_>) {
    if c.response.clicked()
        && let Some(pos) = c.response.interact_pointer_pos()
    {
        let hit = c.input.geometry.nearest_place(c.to.world(pos), Markers::PICK_RADIUS * c.to.world_per_point());
        c.actions.push(Action::Select(hit.map(Item::Place)));
    }
}

/// Names: the markers' and, where regions are selected or the map is zoomed in enough to read
/// them, the regions', placed so that none overlaps another or a marker.
struct Labels;

impl Labels {
    /// From this zoom on every region is named, not only highlighted ones.
    const REGION_NAMES_ZOOM: f64 = 5.5;
    /// Naming priority of a highlighted region, and of any other.
    const PRIORITY_LIT: i32 = 90;
    const PRIORITY: i32 = 10;
    /// Region name sizes, highlighted and not.
    const SIZE_LIT: f32 = 14.0;
    const SIZE: f32 = 12.0;
    /// Opacity of region names.
    const ALPHA: f32 = 0.85;
}

impl Layer for Labels {
    fn draw(&mut self, c: &mut Canvas<'_>) {
        if c.dense {
            return;
        }
        let (input, to, b) = (c.input, c.to, c.input.briefing);
        // Countries are left to the basemap, which names them already.
        for (i, area) in input.geometry.regions.iter().enumerate() {
            let lit = input.highlight.regions[i];
            let region = &b.regions()[i];
            if input.visibility.regions[i] == Shown::Full
                && region.kind != RegionKind::Country
                && (lit || to.world_per_point() < 1.0 / world_size(Self::REGION_NAMES_ZOOM))
                && let Some(w) = area.label_at
            {
                c.names.push(labels::Candidate {
                    text: region.name.clone(),
                    anchor: to.point(w),
                    offset: 0.0,
                    priority: if lit { Self::PRIORITY_LIT } else { Self::PRIORITY },
                    font: FontId::proportional(if lit { Self::SIZE_LIT } else { Self::SIZE }),
                    colour: input.palette.map_text.gamma_multiply(Self::ALPHA),
                });
            }
        }
        let names = std::mem::take(&mut c.names);
        let placed = labels::place(&c.painter, names, &c.taken, input.palette.map_halo);
        c.taken.extend(placed);
    }
}

/// The measured path: the geodesic as a line, its points, and each leg's length.
struct MeasuredPath;

impl MeasuredPath {
    /// Width of the path, in points.
    const WIDTH: f32 = 2.5;
    /// Radius of a point and width of its rim, in points.
    const POINT_RADIUS: f32 = 4.5;
    const POINT_RIM: f32 = 1.5;
    /// Leg length size, and its gap above the leg's middle, in points.
    const LABEL_SIZE: f32 = 12.5;
    const LABEL_GAP: f32 = 6.0;
    /// Ink on the light theme (white on the dark one).
    const INK: Color32 = Color32::from_rgb(20, 24, 30);
}

impl Layer for MeasuredPath {
    fn draw(&mut self, c: &mut Canvas<'_>) {
        let Some(m) = c.input.measure.filter(|_| !c.dense) else { return };
        let (pal, to, painter) = (c.input.palette, c.to, &c.painter);
        let ink = if pal.dark { Color32::WHITE } else { Self::INK };
        if m.path.len() >= 2 {
            let points: Vec<egui::Pos2> = m.path.iter().map(|&w| to.point(w)).collect();
            painter.add(Shape::line(points, Stroke::new(Self::WIDTH, ink)));
        }
        for (p, _) in &m.points {
            let at = to.point(crate::mercator::to_world(p.x(), p.y()).into());
            painter.circle(at, Self::POINT_RADIUS, pal.highlight, Stroke::new(Self::POINT_RIM, ink));
        }
        for w in m.points.windows(2) {
            let km = crate::spatial::distance_km(w[0].0, w[1].0);
            let mid = geo::Point::new((w[0].0.x() + w[1].0.x()) / 2.0, (w[0].0.y() + w[1].0.y()) / 2.0);
            let at = to.point(crate::mercator::to_world(mid.x(), mid.y()).into());
            let font = FontId::proportional(Self::LABEL_SIZE);
            let at = at - vec2(0.0, Self::LABEL_GAP);
            labels::tag(painter, format!("{km:.0} km"), font, ink, pal.map_halo, at, Align2::CENTER_BOTTOM);
        }
    }
}

/// A click on the map that no marker took: a measure point, a region under it, or nothing.
fn click_through(c: &mut Canvas<'_>) {
    if c.dense {
        return;
    }
    let (input, to, response) = (c.input, c.to, c.response);
    let clicked_at = || {
        let [x, y] = to.world(response.interact_pointer_pos()?);
        let (lon, lat) = crate::mercator::from_world(x, y);
        Some(geo::Point::new(lon, lat))
    };
    if input.measure.is_some()
        && response.clicked()
        && let Some(point) = clicked_at()
    {
        c.actions.push(Action::Measure(point, None));
    } else if input.editing == Editing::Place
        && response.clicked()
        && let Some(point) = clicked_at()
    {
        c.actions.push(Action::PlaceAt(point));
    } else if response.clicked()
        && let Some(pos) = response.interact_pointer_pos()
    {
        let w = to.world(pos);
        let hit = (0..input.geometry.regions.len())
            .rev()
            .find(|&i| input.visibility.regions[i] != Shown::Hidden && areas::contains(&input.geometry.regions[i], w));
        c.actions.push(Action::Select(hit.map(Item::Region)));
    }
}
