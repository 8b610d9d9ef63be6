//! The app shell: owns the briefing, its derived indexes and the state; lays out the panels
//! and applies what they ask for.

use std::path::PathBuf;

use egui::{Key, Modifiers, RichText};

use super::action::{Action, Actions};
use super::map::{Highlight, MapInput, MapView};
use super::presenter::{self, Presenter};
use super::reader::Reader;
use super::state::{AppState, SLIDER_END};
use super::theme::{self, Palette};
use super::time_panel::{self, TimePanel};
use super::top_bar::{self, SearchBox};
use super::{help, legend, side_panel};
use crate::atlas::Atlas;
use crate::briefing::{Briefing, Item};
use crate::geometry::MapGeometry;
use crate::timeline::{TimeFilter, Timeline};
use crate::viewport::{self, Camera, from_world};
use crate::visibility::{Filters, Visibility};

/// Key under which the state is saved.
const STATE_KEY: &str = "briefmap-state";

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A briefing file to open instead of the embedded one.
    pub file: Option<PathBuf>,
    /// Start with the online basemap.
    pub online: bool,
}

/// A loaded briefing with everything derived from it.
pub struct Loaded {
    /// The briefing.
    pub briefing: Briefing,
    /// Its time index.
    pub timeline: Timeline,
    /// Its geometry in world coordinates.
    pub geometry: MapGeometry,
}

impl Loaded {
    /// Derives the indexes of a briefing.
    pub fn new(briefing: Briefing) -> Self {
        let timeline = Timeline::new((0..briefing.claims().len()).map(|i| briefing.span(i)));
        let geometry = MapGeometry::new(&briefing);
        Self { briefing, timeline, geometry }
    }
}

/// The briefmap app.
pub struct BriefmapApp {
    loaded: Loaded,
    state: AppState,
    visibility: Visibility,
    visibility_key: Option<(TimeFilter, Filters)>,
    map: MapView,
    reader: Reader,
    time_panel: TimePanel,
    search: SearchBox,
    actions: Actions,
    notices: Vec<String>,
    applied_theme: Option<super::state::Theme>,
    presenter: Option<Presenter>,
    /// What the current story step highlights (empty outside presentation mode).
    step_items: Vec<Item>,
    /// A step whose view is still to be framed, once the map has its presentation size.
    pending_view: Option<(usize, bool)>,
}

impl BriefmapApp {
    /// The app as eframe creates it: restores the saved state, loads the briefing.
    pub fn new(cc: &eframe::CreationContext, options: StartOptions) -> Self {
        let mut notices = Vec::new();
        let mut state: AppState = cc.storage.and_then(|s| eframe::get_value(s, STATE_KEY)).unwrap_or_default();
        state.online |= options.online;
        let atlas = Atlas::bundled().unwrap_or_else(|e| {
            notices.push(format!("Region boundaries unavailable: {e}"));
            Atlas::default()
        });
        let briefing = match &options.file {
            Some(path) => crate::briefing::load::load_file(path, &atlas).unwrap_or_else(|problems| {
                notices.push(format!(
                    "Could not open {}; showing the embedded briefing instead.\n{problems}",
                    path.display()
                ));
                embedded_or_empty(&atlas, &mut notices)
            }),
            None => embedded_or_empty(&atlas, &mut notices),
        };
        let mut app = Self::with_briefing(briefing, state);
        app.notices = notices;
        app
    }

    /// The app on a given briefing and state (tests and benches start here).
    pub fn with_briefing(briefing: Briefing, state: AppState) -> Self {
        let state = state.repaired();
        let map = MapView::new(state.camera);
        Self {
            loaded: Loaded::new(briefing),
            state,
            visibility: Visibility::default(),
            visibility_key: None,
            map,
            reader: Reader::default(),
            time_panel: TimePanel::default(),
            search: SearchBox::default(),
            actions: Actions::default(),
            notices: Vec::new(),
            applied_theme: None,
            presenter: None,
            step_items: Vec::new(),
            pending_view: None,
        }
    }

    /// The state (for tests).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The state, to change (for tests).
    pub fn state_mut(&mut self) -> &mut AppState {
        &mut self.state
    }

    /// The briefing on screen.
    pub fn briefing(&self) -> &Briefing {
        &self.loaded.briefing
    }

    /// What is shown, faded or hidden (as of the last frame).
    pub fn visibility(&self) -> &Visibility {
        &self.visibility
    }

    /// Messages shown to the user (errors, fallbacks).
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// Draws one frame of the whole app into `ui`.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        if self.applied_theme != Some(self.state.theme) {
            theme::apply(ui.ctx(), self.state.theme);
            self.applied_theme = Some(self.state.theme);
        }
        if self.presenter.is_some() {
            self.present_frame(ui);
            return;
        }
        self.shortcuts(ui);
        self.refresh_visibility();
        let Self {
            loaded, state, visibility, visibility_key, map, reader, time_panel, search, actions, notices, ..
        } = self;
        let b = &loaded.briefing;
        let pal = Palette::of(state.theme);
        let selection = state.selection(b);

        egui::Panel::top("top-bar").show(ui, |ui| {
            top_bar::show(ui, b, state, search, actions);
        });
        egui::Panel::bottom("time-panel").show(ui, |ui| {
            if time_panel.show(ui, b, &loaded.timeline, &mut state.time, &pal) {
                *visibility_key = None;
            }
        });
        if state.panels.side {
            egui::Panel::right("side-panel").resizable(true).default_size(380.0).min_size(260.0).show(ui, |ui| {
                side_panel::show(ui, b, visibility, selection, &pal, actions);
            });
        }
        if state.panels.reader {
            egui::Panel::right("reader").resizable(true).default_size(440.0).min_size(280.0).show(ui, |ui| {
                reader.show(ui, b, visibility, selection, &pal, actions);
            });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let highlight = Highlight::of(b, selection);
            let input = MapInput {
                briefing: b,
                geometry: &loaded.geometry,
                visibility,
                selection,
                highlight: &highlight,
                palette: pal,
            };
            let rect = map.show(ui, None, &input, actions);
            if state.panels.legend {
                egui::Area::new(egui::Id::unique("legend"))
                    .fixed_pos(rect.left_bottom() + egui::vec2(10.0, -10.0))
                    .pivot(egui::Align2::LEFT_BOTTOM)
                    .order(egui::Order::Middle)
                    .show(ui.ctx(), |ui| legend::show(ui, b, &pal, &[], false));
            }
            notices_ui(ui, notices, rect);
        });
        help::show(ui.ctx(), &mut state.panels.help);
        self.apply_actions(ui.ctx());
        self.state.camera = self.map.camera();
    }
}

/// Messages for the user over the top of the map, each with a dismiss button.
fn notices_ui(ui: &mut egui::Ui, notices: &mut Vec<String>, rect: egui::Rect) {
    {
        if notices.is_empty() {
            return;
        }
        let mut dismissed = None;
        egui::Area::new(egui::Id::unique("notices"))
            .fixed_pos(rect.center_top() + egui::vec2(0.0, 10.0))
            .pivot(egui::Align2::CENTER_TOP)
            .order(egui::Order::Foreground)
            .show(ui.ctx(), |ui| {
                for (i, n) in notices.iter().enumerate() {
                    egui::Frame::popup(ui.style()).show(ui, |ui| {
                        ui.set_max_width(560.0);
                        ui.horizontal(|ui| {
                            ui.label(RichText::new(n));
                            if ui.small_button("×").on_hover_text("Dismiss").clicked() {
                                dismissed = Some(i);
                            }
                        });
                    });
                }
            });
        if let Some(i) = dismissed {
            notices.remove(i);
        }
    }
}

impl BriefmapApp {
    fn refresh_visibility(&mut self) {
        let key = (self.state.time.filter(), self.state.filters.clone());
        if self.visibility_key.as_ref() != Some(&key) {
            let l = &self.loaded;
            self.visibility.update(&l.briefing, &l.timeline, &key.1, key.0);
            self.visibility_key = Some(key);
        }
    }

    fn shortcuts(&mut self, ui: &mut egui::Ui) {
        // Single-key shortcuts must not steal letters typed into a text field.
        let typing = ui.ctx().text_edit_focused();
        let pressed = |ui: &mut egui::Ui, m: Modifiers, k: Key| ui.input_mut(|i| i.consume_key(m, k));
        if pressed(ui, Modifiers::COMMAND, Key::F) {
            ui.ctx().memory_mut(|m| m.request_focus(top_bar::search_id()));
        }
        if pressed(ui, Modifiers::NONE, Key::Escape) {
            if self.state.panels.help {
                self.state.panels.help = false;
            } else {
                self.actions.push(Action::Select(None));
            }
            ui.ctx().memory_mut(|m| m.surrender_focus(top_bar::search_id()));
        }
        if pressed(ui, Modifiers::NONE, Key::F11) {
            let full = ui.ctx().input(|i| i.viewport().fullscreen.unwrap_or(false));
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
        }
        if typing {
            return;
        }
        let time = &mut self.state.time;
        let tl = &self.loaded.timeline;
        if pressed(ui, Modifiers::SHIFT, Key::ArrowRight) {
            time.set_current(time.current().checked_add(jiff::Span::new().months(1)).unwrap_or(SLIDER_END));
        }
        if pressed(ui, Modifiers::SHIFT, Key::ArrowLeft) {
            time.set_current(time.current().checked_sub(jiff::Span::new().months(1)).unwrap_or(SLIDER_END));
        }
        if pressed(ui, Modifiers::NONE, Key::ArrowRight) {
            time_panel::step(time, tl, true);
        }
        if pressed(ui, Modifiers::NONE, Key::ArrowLeft) {
            time_panel::step(time, tl, false);
        }
        if pressed(ui, Modifiers::NONE, Key::Space) {
            time_panel::toggle_play(time);
        }
        if pressed(ui, Modifiers::NONE, Key::A) {
            time.active = false;
            time.playing = false;
        }
        let panels = &mut self.state.panels;
        for (key, flag) in [(Key::R, &mut panels.reader), (Key::D, &mut panels.side), (Key::L, &mut panels.legend)] {
            if pressed(ui, Modifiers::NONE, key) {
                *flag = !*flag;
            }
        }
        if ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == "?"))) {
            panels.help = !panels.help;
        }
        if ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == "/"))) {
            ui.ctx().memory_mut(|m| m.request_focus(top_bar::search_id()));
        }
        if pressed(ui, Modifiers::NONE, Key::T) {
            self.state.theme = match self.state.theme {
                super::state::Theme::Light => super::state::Theme::Dark,
                super::state::Theme::Dark => super::state::Theme::Light,
            };
        }
        if pressed(ui, Modifiers::NONE, Key::Plus) || pressed(ui, Modifiers::NONE, Key::Equals) {
            self.map.zoom_by(1.0);
        }
        if pressed(ui, Modifiers::NONE, Key::Minus) {
            self.map.zoom_by(-1.0);
        }
        if pressed(ui, Modifiers::NONE, Key::Num0) {
            self.actions.push(Action::FrameAll);
        }
        if pressed(ui, Modifiers::NONE, Key::F5) {
            self.actions.push(Action::Present(true));
        }
    }

    fn apply_actions(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        for action in self.actions.take() {
            let b = &self.loaded.briefing;
            match action {
                Action::Select(item) => {
                    self.state.select(b, item);
                    if let Some(item) = item {
                        if let Some(cam) = self.frame_items(&[item]) {
                            self.map.fly_to(cam, now);
                        }
                        if let Item::Claim(c) = item {
                            self.state.panels.reader = true;
                            self.reader.scroll_to(b.claims()[c].offset);
                        }
                        self.state.panels.side = true;
                    }
                }
                Action::FlyTo(cam) => self.map.fly_to(cam, now),
                Action::FrameAll => {
                    let all: Vec<Item> = (0..b.places().len()).map(Item::Place).collect();
                    if let Some(cam) = self.frame_items(&all) {
                        self.map.fly_to(cam, now);
                    }
                }
                Action::ShowText(offset) => {
                    self.state.panels.reader = true;
                    self.reader.scroll_to(offset);
                }
                Action::Present(true) => self.start_presenting(ctx, 0),
                Action::Present(false) => self.stop_presenting(ctx),
            }
            ctx.request_repaint();
        }
    }

    /// Whether presentation mode is on, and at which step.
    pub fn presenting(&self) -> Option<Presenter> {
        self.presenter
    }

    /// Enters presentation mode at `step`, full screen.
    pub fn start_presenting(&mut self, ctx: &egui::Context, step: usize) {
        if self.loaded.briefing.story().is_empty() {
            return;
        }
        let step = step.min(self.loaded.briefing.story().len() - 1);
        self.presenter = Some(Presenter { step, blank: false });
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        self.show_step(step, ctx.input(|i| i.time), true);
    }

    /// Leaves presentation mode, back to the desktop layout.
    pub fn stop_presenting(&mut self, ctx: &egui::Context) {
        self.presenter = None;
        self.step_items.clear();
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
    }

    /// Puts story step `i` on screen: its time, its highlights, its view (flying there, or
    /// jumping when `fly` is false, as exports do).
    pub fn show_step(&mut self, i: usize, now: f64, fly: bool) {
        let b = &self.loaded.briefing;
        let Some(step) = b.story().get(i) else { return };
        presenter::step_time(step, &mut self.state.time);
        self.step_items = b.step_items(step);
        let lead = presenter::lead_claim(b, step).map(Item::Claim);
        self.state.select(b, lead);
        // The map changes size when presentation starts; frame once it has been laid out.
        self.pending_view = Some((i, fly));
        let _ = now;
    }

    /// Frames the view of the step waiting for it, in the map's current rectangle.
    fn frame_pending_view(&mut self, now: f64) {
        let Some((i, fly)) = self.pending_view.take() else { return };
        let b = &self.loaded.briefing;
        let Some(step) = b.story().get(i) else { return };
        let frame: Vec<Item> = step.view.frame.iter().filter_map(|id| b.item(id)).collect();
        let camera = match (step.view.centre, step.view.zoom) {
            (Some(c), Some(zoom)) if frame.is_empty() => Some(Camera { lon: c.lon, lat: c.lat, zoom }),
            _ => self.frame_items(&frame),
        };
        if let Some(cam) = camera {
            if fly { self.map.fly_to(cam, now) } else { self.map.jump(cam) }
        }
    }

    fn present_frame(&mut self, ui: &mut egui::Ui) {
        let now = ui.input(|i| i.time);
        let steps = self.loaded.briefing.story().len();
        for command in presenter::commands(ui) {
            let Some(p) = self.presenter.as_mut() else { break };
            let before = p.step;
            if !p.apply(command, steps) {
                self.stop_presenting(ui.ctx());
                return;
            }
            let after = p.step;
            if after != before {
                self.show_step(after, now, true);
            }
        }
        self.refresh_visibility();
        let Some(p) = self.presenter else { return };
        let Self { loaded, state, visibility, map, actions, step_items, .. } = self;
        let b = &loaded.briefing;
        let pal = Palette::of(state.theme);
        let selection = state.selection(b);
        let time_label = time_panel::label(&state.time);
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let highlight = Highlight::of_items(b, step_items);
            let input = MapInput {
                briefing: b,
                geometry: &loaded.geometry,
                visibility,
                selection,
                highlight: &highlight,
                palette: pal,
            };
            let rect = map.show(ui, None, &input, actions);
            egui::Area::new(egui::Id::unique("present-legend"))
                .fixed_pos(rect.right_bottom() + egui::vec2(-12.0, -20.0))
                .pivot(egui::Align2::RIGHT_BOTTOM)
                .order(egui::Order::Middle)
                .show(ui.ctx(), |ui| legend::show(ui, b, &pal, &[], true));
            presenter::overlay(ui, b, &p, &time_label, rect, &pal);
            if p.blank {
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

    /// The camera that frames these items in the current map rectangle.
    fn frame_items(&self, items: &[Item]) -> Option<Camera> {
        let b = &self.loaded.briefing;
        let g = &self.loaded.geometry;
        let mut parts: Vec<Item> = Vec::new();
        for &item in items {
            match item {
                Item::Claim(c) => {
                    parts.extend(b.claims()[c].places.iter().chain(&b.claims()[c].regions).filter_map(|id| b.item(id)))
                }
                other => parts.push(other),
            }
        }
        let mut points: Vec<(f64, f64)> = Vec::new();
        for part in parts {
            match part {
                Item::Place(i) => points.push((b.places()[i].lon, b.places()[i].lat)),
                Item::Region(i) => {
                    if let Some([min, max]) = g.regions[i].bounds {
                        points.extend([from_world(min[0], min[1]), from_world(max[0], max[1])]);
                    }
                }
                Item::Claim(_) => {}
            }
        }
        let r = self.map.rect;
        let mut cam = viewport::frame(points, r.width() as f64, r.height() as f64, 70.0)?;
        // A single place keeps the reader's zoom if it is already close enough.
        if items.len() == 1 && matches!(items[0], Item::Place(_)) {
            cam.zoom = self.map.camera().zoom.max(6.0).min(cam.zoom);
        }
        Some(cam)
    }
}

fn embedded_or_empty(atlas: &Atlas, notices: &mut Vec<String>) -> Briefing {
    Briefing::embedded(atlas).unwrap_or_else(|problems| {
        notices.push(format!("The embedded briefing failed its checks:\n{problems}"));
        Briefing::empty()
    })
}

impl eframe::App for BriefmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.camera = self.map.camera();
        eframe::set_value(storage, STATE_KEY, &self.state);
    }
}
