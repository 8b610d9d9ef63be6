//! Presentation mode and the still layout exports use: story steps, their time and view.

use super::BriefmapApp;
use crate::briefing::{Item, caption};
use crate::mercator::from_world;
use crate::ui::legend;
use crate::ui::map::{Highlight, MapInput};
use crate::ui::presenter::{self, Presenter};
use crate::ui::theme::Palette;
use crate::ui::time_panel;
use crate::viewport::Camera;

impl BriefmapApp {
    /// Whether presentation mode is on, and at which step.
    pub fn presenting(&self) -> Option<Presenter> {
        self.presenter
    }

    /// Switches to the still layout exports use: the map, legend and a caption card for the
    /// current view, no panels (`false` returns to the desktop layout).
    pub fn set_still(&mut self, still: bool) {
        self.still = still;
    }

    /// Frames every place at once (exports, tests); takes effect after the map has been laid out.
    pub fn frame_all_now(&mut self) {
        if let Some(cam) = self.frame_items(&self.session.briefing().overview_places()) {
            self.map.jump(cam);
        }
    }

    /// Whether the map is still moving (a flight under way).
    pub fn animating(&self) -> bool {
        self.map.flying()
    }

    /// Enters presentation mode at `step`, full screen.
    pub fn start_presenting(&mut self, ctx: &egui::Context, step: usize) {
        if self.session.briefing().story().is_empty() {
            return;
        }
        let step = step.min(self.session.briefing().story().len() - 1);
        self.presenter = Some(Presenter::at(step));
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        self.show_step(step, true);
    }

    /// Leaves presentation mode, back to the desktop layout.
    pub fn stop_presenting(&mut self, ctx: &egui::Context) {
        self.presenter = None;
        self.step_items.clear();
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    /// Puts story step `i` on screen: its time, its highlights, its view (flying there, or
    /// jumping when `fly` is false, as exports do).
    pub fn show_step(&mut self, i: usize, fly: bool) {
        let b = self.session.briefing();
        let Some(step) = b.story().get(i) else { return };
        presenter::step_time(step, &mut self.state.time);
        self.step_items = b.step_items(step);
        let lead = caption::lead_claim(b, step).map(Item::Claim);
        self.state.select(b, lead);
        // The map changes size when presentation starts; frame once it has been laid out.
        self.pending_view = Some((i, fly));
    }

    /// Frames the view of the step waiting for it, in the map's current rectangle.
    pub(super) fn frame_pending_view(&mut self, now: f64) {
        let Some((i, fly)) = self.pending_view.take() else { return };
        let b = self.session.briefing();
        let Some(step) = b.story().get(i) else { return };
        let frame: Vec<Item> = step.view.frame.iter().filter_map(|id| b.item(id)).collect();
        let camera = match (step.view.centre, step.view.zoom) {
            (Some(c), Some(zoom)) if frame.is_empty() => Some(Camera { lon: c.lon, lat: c.lat, zoom }),
            _ => {
                // A step's rings are part of its picture: frame their extent too.
                let ring_corners: Vec<(f64, f64)> = self
                    .rings
                    .shown()
                    .iter()
                    .filter_map(|r| r.fill.bounds)
                    .flat_map(|[min, max]| [from_world(min[0], min[1]), from_world(max[0], max[1])])
                    .collect();
                self.frame_with(&frame, ring_corners)
            }
        };
        if let Some(cam) = camera {
            if fly { self.map.fly_to(cam, now) } else { self.map.jump(cam) }
        }
    }

    pub(super) fn present_frame(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        let steps = self.session.briefing().story().len();
        for command in presenter::commands(ui) {
            let Some(p) = self.presenter.as_mut() else { break };
            let before = p.step;
            if !p.apply(command, steps) {
                self.stop_presenting(ui.ctx());
                return;
            }
            let after = p.step;
            if after != before {
                self.show_step(after, true);
            }
        }
        self.refresh_visibility();
        let caption = match self.presenter {
            Some(p) => caption::Caption::of_step(self.session.briefing(), p.step),
            None if self.still => {
                let lead = match self.state.selection(self.session.briefing()) {
                    Some(Item::Claim(c)) => Some(c),
                    _ => None,
                };
                caption::Caption::of_view(self.session.briefing(), lead)
            }
            None => return,
        };
        let blank = self.presenter.is_some_and(|p| p.blank);
        self.sync_rings();
        let Self {
            session,
            state,
            visibility,
            visibility_generation,
            map,
            actions,
            step_items,
            basemap,
            rings,
            present_legend_height,
            ..
        } = self;
        let b = session.briefing();
        let pal = Palette::of(state.theme);
        let selection = state.selection(b);
        let time_label = time_panel::label(&state.time);
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let highlight = Highlight::of_items(b, step_items);
            let input = MapInput {
                briefing: b,
                geometry: &session.derived().geometry,
                visibility,
                selection,
                highlight: &highlight,
                palette: pal,
                visibility_generation: *visibility_generation,
                rings: rings.shown(),
                selected_ring: None,
                measure: None,
                editing: crate::ui::map::Editing::Off,
            };
            // The caption card holds the lower left: the scale bar goes bottom right.
            let scale_at = egui::vec2(map.rect.width() - 170.0, -30.0);
            let rect = map.show(ui, basemap.as_mut(), &input, actions, scale_at);
            let extras = legend::Extras {
                clustered: map.clustered(),
                occupied: basemap.as_ref().and_then(|m| m.occupied_legend()),
            };
            let legend = egui::Area::new(egui::Id::unique("present-legend"))
                .fixed_pos(rect.right_top() + egui::vec2(-12.0, 12.0))
                .pivot(egui::Align2::RIGHT_TOP)
                .order(egui::Order::Middle)
                .show(ui.ctx(), |ui| legend::show(ui, b, &pal, extras, true));
            *present_legend_height = legend.response.rect.bottom() - rect.top();
            presenter::overlay(ui, b, &caption, &time_label, rect, &pal);
            if blank {
                egui::Area::new(egui::Id::unique("blank")).fixed_pos(rect.min).order(egui::Order::Tooltip).show(
                    ui.ctx(),
                    |ui| {
                        let full = ui.ctx().content_rect();
                        presenter::blank(ui, full);
                    },
                );
            }
        });
        // Clicks on the map during a presentation do not change the story.
        actions.take();
        self.frame_pending_view(now);
        self.state.camera = self.map.camera();
    }
}
