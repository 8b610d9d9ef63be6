//! The offline basemap's look: a calm reference map (muted land, blue-grey sea, clear borders).
//!
//! Colours are plain RGBA so the tile renderer (tiny-skia) and the overlay drawn over the map
//! (`ui::basemap`) share them.

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgba(pub u8, pub u8, pub u8, pub u8);

impl Rgba {
    /// An opaque colour.
    pub const fn rgb(r: u8, g: u8, b: u8) -> Rgba {
        Rgba(r, g, b, 255)
    }
}

/// A line width that grows with zoom: linear interpolation between (zoom, width px) stops.
#[derive(Debug, Clone, Copy)]
pub struct Width(pub &'static [(f32, f32)]);

impl Width {
    /// Width in (1x) pixels at `zoom`, clamped to the first and last stop.
    pub fn at(&self, zoom: f32) -> f32 {
        let stops = self.0;
        let Some(&(z0, w0)) = stops.first() else {
            return 0.0;
        };
        if zoom <= z0 {
            return w0;
        }
        for pair in stops.windows(2) {
            let ((za, wa), (zb, wb)) = (pair[0], pair[1]);
            if zoom <= zb {
                return wa + (wb - wa) * (zoom - za) / (zb - za);
            }
        }
        stops.last().map_or(w0, |&(_, w)| w)
    }
}

/// Colours and widths for tile rendering.
#[derive(Debug, Clone)]
pub struct TileStyle {
    /// Open sea (and the background where there is no data).
    pub sea: Rgba,
    /// Land fill.
    pub land: Rgba,
    /// Lake fill.
    pub lake: Rgba,
    /// Coastline and lake shore.
    pub coast: Rgba,
    /// Coastline width.
    pub coast_width: Width,
    /// Rivers.
    pub river: Rgba,
    /// River width.
    pub river_width: Width,
    /// International border line.
    pub border: Rgba,
    /// International border width.
    pub border_width: Width,
    /// Soft band under international borders, so they read at a glance.
    pub border_halo: Rgba,
    /// Width of that band.
    pub border_halo_width: Width,
    /// Admin-1 (oblast, voivodeship) border.
    pub admin1: Rgba,
    /// Admin-1 border width.
    pub admin1_width: Width,
    /// Tint over occupied territory.
    pub occupied_tint: Rgba,
    /// Hatch lines and dashed outline over occupied territory.
    pub occupied_hatch: Rgba,
    /// Hatch line spacing, 1x pixels.
    pub hatch_spacing: f32,
    /// Hatch line width, 1x pixels.
    pub hatch_width: f32,
}

impl Default for TileStyle {
    fn default() -> Self {
        TileStyle {
            sea: Rgba::rgb(178, 201, 217),
            land: Rgba::rgb(243, 240, 233),
            lake: Rgba::rgb(184, 206, 221),
            coast: Rgba::rgb(122, 152, 176),
            coast_width: Width(&[(3.0, 0.5), (6.0, 0.8), (10.0, 1.2)]),
            river: Rgba::rgb(150, 182, 206),
            river_width: Width(&[(4.0, 0.5), (7.0, 0.9), (10.0, 1.6)]),
            border: Rgba::rgb(125, 110, 135),
            border_width: Width(&[(3.0, 0.7), (6.0, 1.2), (10.0, 2.0)]),
            border_halo: Rgba(190, 172, 200, 110),
            // No halo at continental scale: it would only thicken the lines (and cost time).
            border_halo_width: Width(&[(4.0, 0.0), (5.0, 3.0), (6.0, 4.0), (10.0, 7.0)]),
            admin1: Rgba::rgb(178, 168, 184),
            admin1_width: Width(&[(5.0, 0.5), (7.0, 0.8), (10.0, 1.2)]),
            occupied_tint: Rgba(200, 70, 60, 28),
            occupied_hatch: Rgba(185, 55, 45, 150),
            hatch_spacing: 6.0,
            hatch_width: 0.9,
        }
    }
}

impl TileStyle {
    /// A dark basemap for the dark theme: night-blue sea, charcoal land, light borders.
    pub fn dark() -> Self {
        TileStyle {
            sea: Rgba::rgb(24, 36, 52),
            land: Rgba::rgb(48, 50, 56),
            lake: Rgba::rgb(30, 44, 62),
            coast: Rgba::rgb(86, 110, 134),
            river: Rgba::rgb(52, 76, 100),
            border: Rgba::rgb(168, 156, 178),
            border_halo: Rgba(120, 104, 136, 90),
            admin1: Rgba::rgb(96, 92, 104),
            occupied_tint: Rgba(220, 80, 70, 40),
            occupied_hatch: Rgba(230, 96, 84, 170),
            ..TileStyle::default()
        }
    }
}

/// Colours of overlay text (labels, scale bar, attribution).
#[derive(Debug, Clone)]
pub struct LabelStyle {
    /// Country names.
    pub country: Rgba,
    /// Sea names.
    pub sea: Rgba,
    /// City names.
    pub city: Rgba,
    /// City dots.
    pub dot: Rgba,
    /// Glow behind text, to lift it off borders and hatching.
    pub halo: Rgba,
}

impl Default for LabelStyle {
    fn default() -> Self {
        LabelStyle {
            country: Rgba::rgb(110, 96, 118),
            sea: Rgba::rgb(78, 112, 140),
            city: Rgba::rgb(40, 40, 44),
            dot: Rgba::rgb(60, 60, 66),
            halo: Rgba(250, 248, 244, 200),
        }
    }
}

impl LabelStyle {
    /// Label colours for the dark basemap.
    pub fn dark() -> Self {
        LabelStyle {
            country: Rgba::rgb(190, 178, 200),
            sea: Rgba::rgb(120, 156, 186),
            city: Rgba::rgb(232, 232, 236),
            dot: Rgba::rgb(210, 210, 216),
            halo: Rgba(30, 32, 38, 200),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_interpolate_between_stops_and_clamp_outside() {
        let w = Width(&[(4.0, 1.0), (8.0, 3.0)]);
        assert_eq!(w.at(2.0), 1.0);
        assert_eq!(w.at(6.0), 2.0);
        assert_eq!(w.at(12.0), 3.0);
        assert_eq!(Width(&[]).at(5.0), 0.0);
    }
}
