//! The map legend: actors, place kinds, article vs context, link kinds.

use egui::{Color32, Frame, RichText, Sense, Stroke, Ui, vec2};

use super::basemap::paint_swatch;
use super::map::clusters;
use super::map::markers::{self, MarkerStyle};
use super::theme::{Palette, actor_colour, source_colour};
use crate::basemap::{LegendItem, Rgba};
use crate::briefing::{Briefing, LinkKind, PlaceKind};

/// What the legend explains beyond the briefing's own actors, kinds and links.
#[derive(Clone, Copy, Default)]
pub struct Extras<'a> {
    /// The map is dense: explain the count discs.
    pub clustered: bool,
    /// The basemap's occupied-territory hatching and the land it is drawn on, when it is shown.
    pub occupied: Option<&'a (LegendItem, Rgba)>,
}

/// Draws the legend's content (the caller places it over the map); `compact` lays it out in
/// rows, for presenting, where it must not hide the map.
pub fn show(ui: &mut Ui, b: &Briefing, pal: &Palette, extras: Extras<'_>, compact: bool) {
    Frame::popup(ui.style()).show(ui, |ui| {
        ui.spacing_mut().item_spacing.y = 3.0;
        if compact {
            ui.set_max_width(520.0);
            ui.horizontal_wrapped(|ui| entries(ui, b, pal, extras));
        } else {
            ui.label(RichText::new("Legend").strong());
            entries(ui, b, pal, extras);
        }
    });
}

fn entries(ui: &mut Ui, b: &Briefing, pal: &Palette, extras: Extras<'_>) {
    {
        for actor in b.actors() {
            swatch_row(ui, &actor.name, |p, c| {
                p.circle(c, 5.5, actor_colour(b, &actor.id), Stroke::new(1.0, Color32::WHITE));
            });
        }
        ui.add_space(3.0);
        let swatch = |solid: bool, undecided: bool| MarkerStyle {
            colour: pal.muted,
            solid,
            radius: 5.0,
            opacity: 1.0,
            halo: None,
            undecided,
            sources: 0,
            numbered: true,
        };
        for &kind in b.place_kinds_used() {
            swatch_row(ui, kind.label(), |p, c| markers::draw(p, c, kind, swatch(true, false)));
        }
        swatch_row(ui, "Named in the article", |p, c| markers::draw(p, c, PlaceKind::City, swatch(true, false)));
        swatch_row(ui, "Context (not in the article)", |p, c| {
            markers::draw(p, c, PlaceKind::City, swatch(false, false));
        });
        if b.undecided_suggestions() > 0 {
            swatch_row(ui, "Suggested, not yet reviewed", |p, c| {
                markers::draw(p, c, PlaceKind::City, swatch(true, true));
            });
        }
        ui.add_space(3.0);
        for &kind in b.link_kinds_used() {
            swatch_row(ui, kind.label(), |p, c| {
                let (a, z) = (c - vec2(9.0, 0.0), c + vec2(9.0, 0.0));
                let stroke = Stroke::new(2.0, pal.link(kind));
                if matches!(kind, LinkKind::PlannedDeployment | LinkKind::Threat) {
                    p.extend(egui::Shape::dashed_line(&[a, z], stroke, 4.0, 3.0));
                } else {
                    p.line_segment([a, z], stroke);
                }
            });
        }
        sources(ui, b, |p, c, n| {
            markers::draw(p, c, PlaceKind::City, MarkerStyle { sources: n, ..swatch(true, false) })
        });
        if extras.clustered {
            swatch_row(ui, "Several places (grey: several actors)", |p, c| {
                clusters::disc(p, c, 3, "3", clusters::MIXED);
            });
        }
        if let Some((item, land)) = extras.occupied {
            ui.add_space(3.0);
            // Wrapped to the width of the other entries, so the legend covers no more map.
            swatch_row_wrapped(ui, item.label, Some(150.0), |p, c| {
                let rect = egui::Rect::from_center_size(c, vec2(20.0, 12.0));
                paint_swatch(p, rect, &item.swatch, *land);
            });
        }
    }
}

/// Most sources the legend names; past that it counts them.
const MAX_SOURCES: usize = 8;

/// A briefing of several sources: each by name and grade in its colour (its ticks on the
/// slider), and the marker badge that counts them.
fn sources(ui: &mut Ui, b: &Briefing, badge: impl Fn(&egui::Painter, egui::Pos2, u16)) {
    if b.sources().len() < 2 {
        return;
    }
    ui.add_space(3.0);
    for (i, source) in b.sources().iter().enumerate().take(MAX_SOURCES) {
        let label = format!("{} — {}", source.short_name(), source.reliability_or_default().letter());
        swatch_row(ui, &label, |p, c| {
            p.rect_filled(egui::Rect::from_center_size(c, vec2(12.0, 10.0)), 2.0, source_colour(i));
        });
    }
    if b.sources().len() > MAX_SOURCES {
        ui.label(RichText::new(format!("and {} more sources", b.sources().len() - MAX_SOURCES)).small());
    }
    swatch_row(ui, "Sources that speak of the place", |p, c| badge(p, c, 2));
}

/// One entry: a swatch and its label, allocated as a single item so a wrapping layout (the
/// compact legend) can move it to the next row whole; a nested `ui.horizontal` would not wrap.
fn swatch_row(ui: &mut Ui, label: &str, draw: impl FnOnce(&egui::Painter, egui::Pos2)) {
    swatch_row_wrapped(ui, label, None, draw);
}

/// A [`swatch_row`] whose label wraps at `wrap` points, if given.
fn swatch_row_wrapped(ui: &mut Ui, label: &str, wrap: Option<f32>, draw: impl FnOnce(&egui::Painter, egui::Pos2)) {
    const SWATCH: egui::Vec2 = vec2(22.0, 14.0);
    let text = RichText::new(label).small();
    let (mode, width) = match wrap {
        Some(width) => (egui::TextWrapMode::Wrap, width),
        None => (egui::TextWrapMode::Extend, f32::INFINITY),
    };
    let galley = egui::WidgetText::from(text).into_galley(ui, Some(mode), width, egui::TextStyle::Small);
    let gap = ui.spacing().item_spacing.x;
    let size = vec2(SWATCH.x + gap + galley.size().x, SWATCH.y.max(galley.size().y));
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, label));
    if ui.is_rect_visible(rect) {
        draw(ui.painter(), egui::pos2(rect.left() + SWATCH.x / 2.0, rect.center().y));
        let text_pos = egui::pos2(rect.left() + SWATCH.x + gap, rect.center().y - galley.size().y / 2.0);
        ui.painter().galley(text_pos, galley, ui.visuals().text_color());
    }
}
