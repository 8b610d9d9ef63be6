//! Legend entries for the basemap, for the UI's legend panel.

use egui::{Color32, Painter, Rect, Stroke, pos2};

use super::style::{Rgba, TileStyle};

/// How a legend entry's swatch looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    /// Diagonal hatching over a tint, like occupied territory on the map.
    Hatch {
        /// Tint under the hatching.
        tint: Rgba,
        /// Hatch line colour.
        lines: Rgba,
    },
    /// A line of the given colour and width (points).
    Line {
        /// Line colour.
        colour: Rgba,
        /// Line width.
        width: f32,
        /// Whether it is dashed.
        dashed: bool,
    },
}

/// One legend entry: a swatch and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendItem {
    /// What the swatch stands for.
    pub label: &'static str,
    /// How to draw the swatch.
    pub swatch: Swatch,
}

/// The basemap's legend entries, in display order.
pub fn legend_items(style: &TileStyle) -> Vec<LegendItem> {
    vec![
        LegendItem {
            label: "Occupied by Russia since 2014 (Ukrainian territory)",
            swatch: Swatch::Hatch { tint: style.occupied_tint, lines: style.occupied_hatch },
        },
        LegendItem {
            label: "International border",
            swatch: Swatch::Line { colour: style.border, width: 1.6, dashed: false },
        },
        LegendItem {
            label: "Region (oblast, voblast, voivodeship) border",
            swatch: Swatch::Line { colour: style.admin1, width: 1.0, dashed: true },
        },
    ]
}

fn c32(c: Rgba) -> Color32 {
    Color32::from_rgba_unmultiplied(c.0, c.1, c.2, c.3)
}

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
            painter.rect_stroke(rect, 2.0, stroke, egui::StrokeKind::Inside);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crimea_has_a_hatched_legend_entry_saying_it_is_ukrainian() {
        let items = legend_items(&TileStyle::default());
        let occupied = items.iter().find(|i| matches!(i.swatch, Swatch::Hatch { .. })).unwrap();
        assert!(occupied.label.contains("Occupied by Russia since 2014"));
        assert!(occupied.label.contains("Ukrainian territory"));
    }
}
