//! Legend entries for the basemap, for the UI's legend panel.

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
