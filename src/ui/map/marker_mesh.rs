//! The markers of a view, tessellated once and kept while nothing they show changes: a draft
//! under review has hundreds of suggestions on screen, and tessellating every marker (its
//! disc, rim and dashed ring) each frame cost more than the rest of the frame. The mesh is
//! made again when the document, the visibility, the selection, the view, the theme or the
//! screen's scale changes; the "?" of an undecided marker stays text drawn each frame (a kept
//! mesh must not point into a font atlas that egui may rebuild).

use std::sync::Arc;

use egui::epaint::{Mesh, Tessellator};
use egui::{Context, Painter, Pos2, Rect, Shape};

use super::MapInput;
use super::markers::{self, MarkerStyle};
use super::project::ToScreen;
use crate::briefing::Item;
use crate::ui::theme::Palette;

/// What the kept mesh was drawn for; another key means drawing it again.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Key {
    /// Bumped whenever the document or what is shown of it changes.
    generation: u64,
    selection: Option<Item>,
    emphasis: bool,
    view: ToScreen,
    palette: Palette,
    pixels_per_point: f32,
}

impl Key {
    /// The key of the markers `input` shows through `view`.
    pub fn of(input: &MapInput, view: &ToScreen, emphasis: bool, pixels_per_point: f32) -> Self {
        Self {
            generation: input.visibility_generation,
            selection: input.selection,
            emphasis,
            view: *view,
            palette: input.palette,
            pixels_per_point,
        }
    }
}

/// The markers' mesh as last made, and where the undecided ones' question marks go.
#[derive(Debug, Default)]
pub struct MarkerMesh {
    key: Option<Key>,
    mesh: Arc<Mesh>,
    marks: Vec<(Pos2, MarkerStyle)>,
}

impl MarkerMesh {
    /// Whether the kept mesh shows what `key` describes.
    pub fn is_current(&self, key: &Key) -> bool {
        self.key.as_ref() == Some(key)
    }

    /// Keeps `shapes` (the markers, text aside) tessellated for `key`, clipped to `clip`, with
    /// the text beside markers (question marks, source counts).
    pub fn rebuild(
        &mut self,
        key: Key,
        shapes: Vec<Shape>,
        marks: Vec<(Pos2, MarkerStyle)>,
        ctx: &Context,
        clip: Rect,
    ) {
        let options = ctx.tessellation_options(|o| *o);
        // No text in these shapes, so no font texture size and no prepared discs are needed.
        let mut tessellator = Tessellator::new(key.pixels_per_point, options, [1, 1], Vec::new());
        tessellator.set_clip_rect(clip);
        let mut mesh = Mesh::default();
        for shape in shapes {
            tessellator.tessellate_shape(shape, &mut mesh);
        }
        *self = Self { key: Some(key), mesh: Arc::new(mesh), marks };
    }

    /// Paints the kept markers and their question marks.
    pub fn paint(&self, painter: &Painter) {
        painter.add(Shape::mesh(self.mesh.clone()));
        for &(at, style) in &self.marks {
            markers::marks(painter, at, style);
        }
    }
}
