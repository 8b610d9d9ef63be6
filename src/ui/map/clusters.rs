//! Dense maps: past the markers layer's limit (1500) on screen, places are summarised on a grid
//! fixed to the world at each zoom level. A cell of one place is that place's own marker; a cell
//! of many is a disc with the count, in the actors' colour when they all share one and a neutral
//! colour when they are mixed. What is highlighted is drawn on top, one marker each, so a place
//! found by search or picked in the panel is never hidden inside a disc.

use egui::{Align2, Color32, FontId, Painter, Pos2, Stroke};

use super::project::ToScreen;
use super::{MapInput, markers};
use crate::geometry::Cluster;
use crate::visibility::Shown;

/// A cell with places of several actors.
pub const MIXED: Color32 = Color32::from_rgb(96, 104, 118);

/// The dense map's state: whether the last frame drew clusters, and the cells it drew.
#[derive(Default)]
pub struct Clusters {
    /// The last frame drew clusters (the legend then explains the discs).
    pub(super) shown: bool,
    cache: Option<ClusterCache>,
}

/// Clusters for one zoom level and one visibility state.
struct ClusterCache {
    key: (i32, u64),
    clusters: Vec<Cluster>,
    /// Per cluster: its colour and count label, worked out once rather than every frame. Labels
    /// stay text, not laid-out galleys: a galley kept across frames points into a font atlas
    /// that egui may since have rebuilt, and draws garbled glyphs.
    looks: Vec<(Color32, String)>,
}

/// Draws the visible places in `min..max` as clusters, rebuilding them when the zoom level or
/// the visibility changed.
pub(super) fn draw(
    painter: &Painter,
    to: &ToScreen,
    input: &MapInput,
    clusters: &mut Clusters,
    (min, max): ([f64; 2], [f64; 2]),
) {
    let level = (1.0 / (to.world_per_point() * crate::mercator::TILE_SIZE)).log2().floor() as i32;
    let key = (level, input.visibility_generation);
    let cache = match &mut clusters.cache {
        Some(cache) if cache.key == key => cache,
        slot => slot.insert(ClusterCache::new(input, key)),
    };
    let b = input.briefing;
    let inside = |[x, y]: [f64; 2]| x >= min[0] && x <= max[0] && y >= min[1] && y <= max[1];
    let emphasis = input.highlight.any();
    let lit = |i: usize| input.highlight.places.get(i).copied().unwrap_or(false);
    for (c, (colour, label)) in cache.clusters.iter().zip(&cache.looks) {
        if !inside(c.at) {
            continue;
        }
        let i = c.first as usize;
        if c.count > 1 {
            let faded = if emphasis { 0.55 } else { 1.0 };
            disc(painter, to.point(c.at), c.count, label, colour.gamma_multiply(faded));
        } else if !lit(i) {
            markers::draw(painter, to.point(c.at), b.places()[i].kind, markers::style(input, i, emphasis));
        }
    }
    // Highlighted places last, on top of the discs (a lone one was left out above).
    if emphasis {
        for (i, _) in input.highlight.places.iter().enumerate().filter(|(_, lit)| **lit) {
            let at = input.geometry.places[i];
            let shown = input.visibility.places.get(i).is_some_and(|s| *s != Shown::Hidden);
            if shown && inside(at) {
                markers::draw(painter, to.point(at), b.places()[i].kind, markers::style(input, i, emphasis));
            }
        }
    }
}

impl ClusterCache {
    /// The clusters of the places `input` shows, at zoom level `key.0`.
    fn new(input: &MapInput, key: (i32, u64)) -> Self {
        // Wide enough that discs of a few hundred places fit side by side.
        const CELL_POINTS: f64 = 28.0;
        let cell = CELL_POINTS / (crate::mercator::TILE_SIZE * 2f64.powi(key.0));
        // A place's group is the colour it is drawn in, so a cell keeps a colour only when every
        // place in it would show that same colour.
        let group = |i: usize| {
            let shown = input.visibility.places.get(i).is_some_and(|s| *s != Shown::Hidden);
            shown.then(|| u32::from_le_bytes(markers::colour(input.briefing, i).to_array()))
        };
        let clusters = crate::geometry::cluster(&input.geometry.places, cell, group);
        let looks = clusters
            .iter()
            .map(|c| {
                let colour = c.group.map_or(MIXED, |_| markers::colour(input.briefing, c.first as usize));
                (colour, c.count.to_string())
            })
            .collect();
        Self { key, clusters, looks }
    }
}

/// A disc for `count` places, sized by the count's order of magnitude, with `label` (the
/// count) written on it.
pub fn disc(painter: &Painter, at: Pos2, count: u32, label: &str, colour: Color32) {
    // Hundreds of places still fit a 28-point cell, so neighbouring counts stay readable.
    let r = 6.0 + (count as f32).log2();
    painter.circle(at, r, colour.gamma_multiply(0.85), Stroke::new(1.2, Color32::WHITE));
    painter.text(at, Align2::CENTER_CENTER, label, FontId::proportional(10.0), Color32::WHITE);
}
