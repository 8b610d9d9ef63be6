//! Labels that do not pile up: placed greedily in priority order ([`crate::placement`]),
//! skipping any that would overlap one already placed.

use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, vec2};

use crate::placement::{Placer, ScreenBox};

/// Padding between a tag's text and the edge of its halo box, in points.
const TAG_PADDING: f32 = 2.0;
/// Corner radius of a tag's halo box, in points.
const TAG_CORNER: f32 = 3.0;

/// Draws `text` on a halo box anchored by `align` at `at` (a ring's name, a leg's length, a
/// link's label) and returns the box.
pub fn tag(
    painter: &Painter,
    text: String,
    font: FontId,
    colour: Color32,
    halo: Color32,
    at: Pos2,
    align: Align2,
) -> Rect {
    let galley = painter.layout_no_wrap(text, font, colour);
    let rect = align.anchor_size(at, galley.size()).expand(TAG_PADDING);
    painter.rect_filled(rect, TAG_CORNER, halo);
    painter.galley(rect.min + vec2(TAG_PADDING, TAG_PADDING), galley, colour);
    rect
}

/// A label waiting to be placed.
pub struct Candidate {
    /// Text.
    pub text: String,
    /// The point it labels (a marker's centre).
    pub anchor: Pos2,
    /// Gap between the anchor and the text.
    pub offset: f32,
    /// Higher goes first.
    pub priority: i32,
    /// Font.
    pub font: FontId,
    /// Text colour.
    pub colour: Color32,
}

/// Places labels right of their anchors (or left, above, below when that collides), in priority
/// order, avoiding each other and the `obstacles` (marker rectangles). Returns where they went.
pub fn place(painter: &Painter, mut candidates: Vec<Candidate>, obstacles: &[Rect], halo: Color32) -> Vec<Rect> {
    candidates.sort_by_key(|c| std::cmp::Reverse(c.priority));
    let mut placer = Placer::new(0.0);
    for o in obstacles {
        placer.reserve(to_box(*o));
    }
    let mut taken: Vec<Rect> = Vec::with_capacity(candidates.len());
    let clip = painter.clip_rect();
    for c in candidates {
        let galley = painter.layout_no_wrap(c.text, c.font, c.colour);
        let size = galley.size();
        let o = c.offset;
        let spots = [
            (c.anchor + vec2(o, 0.0), Align2::LEFT_CENTER),
            (c.anchor + vec2(-o, 0.0), Align2::RIGHT_CENTER),
            (c.anchor + vec2(0.0, -o), Align2::CENTER_BOTTOM),
            (c.anchor + vec2(0.0, o), Align2::CENTER_TOP),
        ];
        // A place's own marker contains its anchor and must not block its label; a label
        // centred on its anchor (a region's) has no marker and avoids them all.
        let own_marker = (c.offset != 0.0).then_some([c.anchor.x, c.anchor.y]);
        let mut free = |r: &Rect| clip.contains_rect(*r) && placer.try_place_beside(&[to_box(*r)], own_marker);
        if let Some(rect) = spots.iter().map(|(p, align)| align.anchor_size(*p, size).expand(1.0)).find(|r| free(r)) {
            // A soft halo keeps text legible over borders, rivers and other labels' lines.
            painter.rect_filled(rect.expand(1.0), 3.0, halo);
            painter.galley(rect.min + vec2(1.0, 1.0), galley, c.colour);
            taken.push(rect);
        }
    }
    taken
}

/// A screen rectangle as the placer's box.
pub fn to_box(r: Rect) -> ScreenBox {
    [r.min.x, r.min.y, r.max.x, r.max.y]
}
