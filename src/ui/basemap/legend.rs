//! Painting the basemap's legend swatches (the entries themselves are core: `basemap::legend_items`).

use egui::{Painter, Rect, Stroke, StrokeKind, pos2};

use super::c32;
use crate::basemap::{Rgba, Swatch};

/// Paint a legend swatch into `rect` (e.g. 24×14 points next to the label).
pub fn paint_swatch(painter: &Painter, rect: Rect, swatch: &Swatch, land: Rgba) {
    painter.rect_filled(rect, 2.0, c32(land));
    let painter = painter.with_clip_rect(rect);
    match *swatch {
        Swatch::Hatch { tint, lines } => {
            painter.rect_filled(rect, 2.0, c32(tint));
            let stroke = Stroke::new(1.0, c32(lines));
            let mut x = rect.min.x - rect.height();
            while x < rect.max.x {
                painter.line_segment([pos2(x, rect.max.y), pos2(x + rect.height(), rect.min.y)], stroke);
                x += 5.0;
            }
            painter.rect_stroke(rect, 2.0, stroke, StrokeKind::Inside);
        }
        Swatch::Line { colour, width, dashed } => {
            let y = rect.center().y;
            let stroke = Stroke::new(width, c32(colour));
            if dashed {
                let mut x = rect.min.x;
                while x < rect.max.x {
                    painter.line_segment([pos2(x, y), pos2((x + 4.0).min(rect.max.x), y)], stroke);
                    x += 6.5;
                }
            } else {
                painter.line_segment([pos2(rect.min.x, y), pos2(rect.max.x, y)], stroke);
            }
        }
    }
}
