//! Marker shapes: a place's kind is its shape, its actor its colour; places the article names
//! are solid, context places hollow.

use egui::{Color32, Painter, Pos2, Shape, Stroke, Ui, pos2, vec2};

use super::MapInput;
use super::layers::{actors_colour, opacity};
use crate::briefing::{Briefing, Origin, PlaceKind};
use crate::visibility::Shown;

/// How much bigger a highlighted place's marker is.
const LIT_SCALE: f32 = 1.25;
/// How much places fade beside a highlighted item.
const BESIDE_HIGHLIGHT: f32 = 0.55;

/// How a marker is drawn.
#[derive(Clone, Copy, Debug)]
pub struct MarkerStyle {
    /// Actor colour.
    pub colour: Color32,
    /// Named in the article (solid) or context (hollow).
    pub solid: bool,
    /// Radius in points.
    pub radius: f32,
    /// 1.0 normally, less when faded.
    pub opacity: f32,
    /// Ring drawn around it when selected or highlighted.
    pub halo: Option<Color32>,
    /// A suggestion nobody has decided on yet: drawn dashed, lighter, with a question mark.
    pub undecided: bool,
    /// How many sources (of those the filters let through) speak of it: from two, a badge
    /// with the number.
    pub sources: u16,
    /// Whether the badge shows its number (a crowded view keeps the discs, not the digits).
    pub numbered: bool,
}

/// From this many sources, a marker carries a badge with their number.
pub const BADGE_FROM: u16 = 2;
/// The badge's radius, as a share of the marker's, and its least radius in points.
const BADGE_SCALE: f32 = 0.75;
const BADGE_MIN_RADIUS: f32 = 6.0;
/// The badge of a crowded view (no number): a dark square pip, its half side in points.
const PIP_RADIUS: f32 = 2.2;

/// How opaque an undecided suggestion's marker is, against a decided one's.
const UNDECIDED_OPACITY: f32 = 0.7;
/// Dash and gap of an undecided suggestion's ring, in points.
const UNDECIDED_DASH: (f32, f32) = (3.0, 2.5);

/// A town's disc, as a share of a city's: smaller, so cities stand out among many towns.
const TOWN_SCALE: f32 = 0.75;

/// The radius of a marker of this kind, in points.
pub fn radius(kind: PlaceKind) -> f32 {
    match kind {
        PlaceKind::Capital => 7.5,
        PlaceKind::City => 5.5,
        _ => 6.5,
    }
}

/// How place `i` is drawn: its first actor's colour, solid when the article names it, bigger
/// and ringed when highlighted, faded beside a highlight (`emphasis`) or outside the time window.
pub fn style(input: &MapInput, i: usize, emphasis: bool) -> MarkerStyle {
    let place = &input.briefing.places()[i];
    let lit = input.highlight.places.get(i).copied().unwrap_or(false);
    let shown = input.visibility.places.get(i).copied().unwrap_or(Shown::Hidden);
    MarkerStyle {
        colour: colour(input.briefing, i),
        solid: place.provenance.origin == Origin::Article,
        radius: radius(place.kind) * if lit { LIT_SCALE } else { 1.0 },
        opacity: opacity(shown) * if emphasis && !lit { BESIDE_HIGHLIGHT } else { 1.0 },
        halo: lit.then_some(input.palette.highlight),
        undecided: crate::briefing::suggestion::is_undecided(&place.suggestion),
        sources: input.visibility.place_sources.get(i).copied().unwrap_or(0),
        numbered: true,
    }
}

/// Place `i`'s colour: its first actor's.
pub fn colour(b: &Briefing, i: usize) -> Color32 {
    actors_colour(b, &b.places()[i].actors)
}

/// Draws a marker of `kind` at `at`.
pub fn draw(painter: &Painter, at: Pos2, kind: PlaceKind, style: MarkerStyle) {
    let mut out = Vec::new();
    shapes(at, kind, style, &mut out);
    painter.extend(out);
    marks(painter, at, style);
}

/// Whether a marker has text beside it ([`marks`]), drawn each frame rather than kept in a mesh.
pub fn has_marks(style: MarkerStyle) -> bool {
    style.undecided || (style.numbered && style.sources >= BADGE_FROM)
}

/// The text beside a marker: an undecided one's "?", the number of sources that speak of it.
pub fn marks(painter: &Painter, at: Pos2, style: MarkerStyle) {
    if style.undecided {
        question_mark(painter, at, style);
    }
    if style.numbered && style.sources >= BADGE_FROM {
        source_badge(painter, at, style);
    }
}

/// Where a marker's source badge goes, and its radius.
fn badge_at(at: Pos2, style: MarkerStyle) -> (Pos2, f32) {
    let r = (style.radius * BADGE_SCALE).max(BADGE_MIN_RADIUS);
    (at + vec2(style.radius, style.radius) * 0.85, r)
}

/// The disc of the badge (its number is text, drawn by [`marks`]): a place three sources
/// speak of stands out from one only the lead article names.
fn badge_shapes(at: Pos2, style: MarkerStyle, out: &mut Vec<Shape>) {
    let (centre, r) = badge_at(at, style);
    let ink = Color32::from_gray(30).gamma_multiply(style.opacity);
    if style.numbered {
        let white = Color32::WHITE.gamma_multiply(style.opacity);
        out.push(Shape::Circle(egui::epaint::CircleShape {
            center: centre,
            radius: r,
            fill: white,
            stroke: Stroke::new(1.2, ink),
        }));
    } else {
        // Without its number, a square pip (a handful of vertices, where a disc takes dozens):
        // hundreds of full badges would cost more to draw than the markers they sit on, and
        // say no more.
        let pip = egui::Rect::from_center_size(centre, vec2(2.0 * PIP_RADIUS, 2.0 * PIP_RADIUS));
        out.push(Shape::rect_filled(pip, 0.0, ink));
    }
}

/// The number of sources in the badge's disc.
fn source_badge(painter: &Painter, at: Pos2, style: MarkerStyle) {
    let (centre, r) = badge_at(at, style);
    let ink = Color32::from_gray(30).gamma_multiply(style.opacity);
    let font = egui::FontId::proportional(r * 1.5);
    painter.text(centre, egui::Align2::CENTER_CENTER, style.sources.to_string(), font, ink);
}

/// The shapes of a marker of `kind` at `at`, text aside (an undecided one's "?" is
/// [`question_mark`]), so that many markers can be tessellated once and kept.
pub fn shapes(at: Pos2, kind: PlaceKind, style: MarkerStyle, out: &mut Vec<Shape>) {
    if style.undecided {
        return undecided_shapes(at, kind, style, out);
    }
    let c = style.colour.gamma_multiply(style.opacity);
    let outline_colour = Color32::from_black_alpha((230.0 * style.opacity) as u8);
    let white = Color32::WHITE.gamma_multiply(style.opacity);
    let (fill, stroke) = if style.solid { (c, Stroke::new(1.5, white)) } else { (white, Stroke::new(2.5, c)) };
    let r = style.radius;
    if let Some(halo) = style.halo {
        out.push(Shape::circle_stroke(at, r + 5.0, Stroke::new(3.0, halo)));
    }
    let disc = |r: f32| Shape::Circle(egui::epaint::CircleShape { center: at, radius: r, fill, stroke });
    let shape = |points: Vec<Pos2>| Shape::convex_polygon(points, fill, stroke);
    match kind {
        PlaceKind::Capital => {
            out.push(disc(r));
            out.push(Shape::circle_filled(at, r * 0.38, if style.solid { white } else { c }));
        }
        PlaceKind::City => out.push(disc(r)),
        PlaceKind::Town => out.push(disc(r * TOWN_SCALE)),
        PlaceKind::Sea | PlaceKind::Area => {
            // An area with no boundary to draw: a ring around its label point.
            out.push(Shape::circle_stroke(at, r, Stroke::new(2.0, c)));
            out.push(Shape::circle_filled(at, r * 0.3, c));
        }
        PlaceKind::MilitarySite => out.push(shape(square(at, r * 0.9))),
        PlaceKind::MissileDefenceSite => out.push(shape(diamond(at, r * 1.25))),
        PlaceKind::AirBase => out.push(shape(triangle(at, r * 1.2, false))),
        PlaceKind::NavalBase => out.push(shape(triangle(at, r * 1.2, true))),
    }
    // A thin dark rim keeps light markers visible on light land.
    if style.solid {
        out.push(Shape::circle_stroke(at, r + 1.0, Stroke::new(0.6, outline_colour)));
    }
    if style.sources >= BADGE_FROM {
        badge_shapes(at, style, out);
    }
}

/// A place's tooltip: its names, kind, actors, and whether the article names it.
pub fn tooltip(ui: &mut Ui, b: &Briefing, i: usize) {
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
    if b.sources().len() > 1 {
        let names: Vec<String> = b.place_sources(i).iter().map(|&s| b.sources()[s as usize].short_name()).collect();
        ui.label(format!("Reported by {}", names.join(", ")));
    }
    match p.provenance.origin {
        Origin::Article => ui.label(format!("Named in the article · {n} claim{}", if n == 1 { "" } else { "s" })),
        Origin::Context => {
            ui.label(format!("Context, not named in the article: {}", p.provenance.why.as_deref().unwrap_or("")))
        }
    };
}

/// A suggestion still to decide: its marker lighter and ringed with dashes (a "?" beside it
/// comes from [`question_mark`]).
fn undecided_shapes(at: Pos2, kind: PlaceKind, style: MarkerStyle, out: &mut Vec<Shape>) {
    let decided = MarkerStyle { undecided: false, opacity: style.opacity * UNDECIDED_OPACITY, ..style };
    shapes(at, kind, decided, out);
    let ring: Vec<Pos2> = (0..=32)
        .map(|k| {
            let a = k as f32 / 32.0 * std::f32::consts::TAU;
            at + vec2(a.cos(), a.sin()) * (style.radius + 3.5)
        })
        .collect();
    let ink = style.colour.gamma_multiply(style.opacity);
    out.extend(Shape::dashed_line(&ring, Stroke::new(1.5, ink), UNDECIDED_DASH.0, UNDECIDED_DASH.1));
}

/// The "?" beside an undecided suggestion's marker.
pub fn question_mark(painter: &Painter, at: Pos2, style: MarkerStyle) {
    let ink = style.colour.gamma_multiply(style.opacity);
    let font = egui::FontId::proportional(style.radius * 1.6);
    let corner = at + vec2(style.radius + 3.0, -style.radius - 3.0);
    painter.text(corner, egui::Align2::LEFT_BOTTOM, "?", font, ink);
}

fn square(c: Pos2, r: f32) -> Vec<Pos2> {
    vec![c + vec2(-r, -r), c + vec2(r, -r), c + vec2(r, r), c + vec2(-r, r)]
}

fn diamond(c: Pos2, r: f32) -> Vec<Pos2> {
    vec![pos2(c.x, c.y - r), pos2(c.x + r, c.y), pos2(c.x, c.y + r), pos2(c.x - r, c.y)]
}

fn triangle(c: Pos2, r: f32, down: bool) -> Vec<Pos2> {
    let s = if down { -1.0 } else { 1.0 };
    vec![pos2(c.x, c.y - s * r), pos2(c.x + r * 0.95, c.y + s * r * 0.7), pos2(c.x - r * 0.95, c.y + s * r * 0.7)]
}
