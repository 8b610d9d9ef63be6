//! Colours and type: light and dark palettes, actor colours, claim-kind highlights.

use egui::{Color32, FontFamily, FontId, TextStyle};

use super::state::Theme;
use crate::briefing::{Briefing, ClaimKind, LinkKind, actor::parse_hex_colour};

/// Colours that depend on the theme.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// Text drawn on the map (labels), and its halo.
    pub map_text: Color32,
    /// Halo behind map text so it reads over any basemap.
    pub map_halo: Color32,
    /// Outline of selected and highlighted items.
    pub highlight: Color32,
    /// Muted text (teasers, notes).
    pub muted: Color32,
    /// Whether the theme is dark.
    pub dark: bool,
}

impl Palette {
    /// The palette for a theme.
    pub fn of(theme: Theme) -> Self {
        match theme {
            Theme::Light => Self {
                map_text: Color32::from_rgb(0x1d, 0x23, 0x2b),
                map_halo: Color32::from_rgba_unmultiplied(255, 255, 255, 220),
                highlight: Color32::from_rgb(0xff, 0x8c, 0x00),
                muted: Color32::from_rgb(0x6b, 0x72, 0x7a),
                dark: false,
            },
            Theme::Dark => Self {
                map_text: Color32::from_rgb(0xf0, 0xf2, 0xf5),
                map_halo: Color32::from_rgba_unmultiplied(10, 14, 20, 220),
                highlight: Color32::from_rgb(0xff, 0xb3, 0x47),
                muted: Color32::from_rgb(0x9a, 0xa1, 0xa9),
                dark: true,
            },
        }
    }

    /// Background for a claim of this kind in the reader (and its chip in the side panel).
    pub fn claim_kind(&self, kind: ClaimKind) -> Color32 {
        let [r, g, b, _] = claim_kind_strong(kind).to_array();
        Color32::from_rgba_unmultiplied(r, g, b, if self.dark { 90 } else { 60 })
    }

    /// Colour of a link arc.
    /// The colour a relation's kind is named in: corroboration green, contradiction red, the
    /// same event muted.
    pub fn relation(&self, kind: crate::briefing::RelationKind) -> Color32 {
        use crate::briefing::RelationKind;
        match kind {
            RelationKind::Corroborates => CORROBORATED,
            RelationKind::Contradicts => CONTRADICTED,
            RelationKind::SameEvent => self.muted,
        }
    }

    pub fn link(&self, kind: LinkKind) -> Color32 {
        match kind {
            LinkKind::Talks => Color32::from_rgb(0x47, 0x55, 0x69),
            LinkKind::PlannedDeployment => Color32::from_rgb(0xb9, 0x1c, 0x1c),
            LinkKind::Deployment => Color32::from_rgb(0x99, 0x1b, 0x1b),
            LinkKind::Threat => Color32::from_rgb(0x1d, 0x4e, 0xd8),
            LinkKind::Supply => Color32::from_rgb(0x04, 0x78, 0x57),
            LinkKind::Pressure => Color32::from_rgb(0x7c, 0x2d, 0x12),
        }
    }
}

/// The full-strength colour of a claim kind (chip border, legend swatch).
pub fn claim_kind_strong(kind: ClaimKind) -> Color32 {
    match kind {
        ClaimKind::OfficialStatement => Color32::from_rgb(0x3b, 0x82, 0xf6),
        ClaimKind::PressReport => Color32::from_rgb(0x8b, 0x5c, 0xf6),
        ClaimKind::AnonymousSource => Color32::from_rgb(0xf5, 0x9e, 0x0b),
        ClaimKind::Analysis => Color32::from_rgb(0x10, 0xb9, 0x81),
        ClaimKind::Background => Color32::from_rgb(0x94, 0xa3, 0xb8),
    }
}

/// The colour of an actor (grey when the id or colour is unknown).
pub fn actor_colour(b: &Briefing, actor: &str) -> Color32 {
    b.actor(actor)
        .and_then(|a| parse_hex_colour(&a.colour))
        .map_or(Color32::GRAY, |[r, g, bl]| Color32::from_rgb(r, g, bl))
}

/// Sets egui's visuals and text sizes for a theme.
pub fn apply(ctx: &egui::Context, theme: Theme) {
    ctx.set_theme(match theme {
        Theme::Light => egui::Theme::Light,
        Theme::Dark => egui::Theme::Dark,
    });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(20.0, FontFamily::Proportional)),
            (TextStyle::Body, FontId::new(14.5, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(13.0, FontFamily::Monospace)),
            (TextStyle::Button, FontId::new(14.0, FontFamily::Proportional)),
            (TextStyle::Small, FontId::new(11.5, FontFamily::Proportional)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 5.0);
    });
}

/// An actor's name after a dot of its colour.
pub fn actor_chip(ui: &mut egui::Ui, name: &str, colour: Color32) {
    ui.horizontal(|ui| {
        ui.spacing_mut().item_spacing.x = 3.0;
        let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
        ui.painter().circle_filled(rect.center(), 4.5, colour);
        ui.label(egui::RichText::new(name).small().color(colour));
    });
}

/// Colours told apart by most eyes, for sources (Okabe and Ito's palette, black left out).
const SOURCE_COLOURS: [Color32; 7] = [
    Color32::from_rgb(0, 114, 178),
    Color32::from_rgb(230, 159, 0),
    Color32::from_rgb(0, 158, 115),
    Color32::from_rgb(204, 121, 167),
    Color32::from_rgb(86, 180, 233),
    Color32::from_rgb(213, 94, 0),
    Color32::from_rgb(240, 228, 66),
];

/// Source `i`'s colour (slider ticks by source, the legend, the reader's tabs); they repeat
/// after seven.
pub fn source_colour(i: usize) -> Color32 {
    SOURCE_COLOURS[i % SOURCE_COLOURS.len()]
}

/// Contradicted claims are flagged in this colour (side panel, cards, reader).
pub const CONTRADICTED: Color32 = Color32::from_rgb(200, 40, 40);
/// Corroborated claims are marked in this colour.
pub const CORROBORATED: Color32 = Color32::from_rgb(30, 130, 60);
