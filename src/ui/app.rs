//! The app shell: owns the briefing, its derived indexes and the state; lays out the panels
//! and applies what they ask for.

use std::path::PathBuf;

use egui::{Key, Modifiers, RichText};

use super::action::{Action, Actions};
use super::basemap::Basemap;
use super::map::{Highlight, MapInput, MapView};
use super::measure::Measure;
use super::presenter::{self, Presenter};
use super::reader::Reader;
use super::rings::Rings;
use super::state::{AppState, SLIDER_END};
use super::story_editor::{Scene, StoryEditor};
use super::theme::{self, Palette};
use super::time_panel::{self, TimePanel};
use super::top_bar::{self, TopBar};
use super::{help, legend, side_panel};
use crate::atlas::Atlas;
use crate::briefing::{Briefing, Item};
use crate::geometry::MapGeometry;
use crate::timeline::{TimeFilter, Timeline};
use crate::viewport::{self, Camera, from_world};
use crate::visibility::{Filters, Visibility, VisibilityIndex};

/// Key under which the state is saved.
const STATE_KEY: &str = "briefmap-state";

/// How the app starts.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A briefing file to open instead of the embedded one.
    pub file: Option<PathBuf>,
    /// Start with the online basemap.
    pub online: bool,
    /// Read the basemap from this folder (basemap.bin, labels.tsv) instead of the bundled copy.
    pub geodata: Option<PathBuf>,
    /// Close after the first frame has been drawn (to measure start-up).
    pub exit_after_first_frame: bool,
}

/// A loaded briefing with everything derived from it.
pub struct Loaded {
    /// The briefing.
    pub briefing: Briefing,
    /// Its time index.
    pub timeline: Timeline,
    /// Its geometry in world coordinates.
    pub geometry: MapGeometry,
    /// Its compact form for filtering.
    pub filter_index: VisibilityIndex,
}

impl Loaded {
    /// Derives the indexes of a briefing.
    pub fn new(briefing: Briefing) -> Self {
        let timeline = Timeline::new((0..briefing.claims().len()).map(|i| briefing.span(i)));
        let geometry = MapGeometry::new(&briefing);
        let filter_index = VisibilityIndex::new(&briefing);
        Self { briefing, timeline, geometry, filter_index }
    }
}

/// The briefmap app.
pub struct BriefmapApp {
    loaded: Loaded,
    state: AppState,
    visibility: Visibility,
    visibility_key: Option<(TimeFilter, Filters)>,
    /// Counts visibility recomputations, so caches built on it know when to rebuild.
    visibility_generation: u64,
    map: MapView,
    reader: Reader,
    time_panel: TimePanel,
    top_bar: TopBar,
    actions: Actions,
    notices: Vec<String>,
    applied_theme: Option<super::state::Theme>,
    presenter: Option<Presenter>,
    /// A still for export: the presentation layout, with the view as it is (no story step).
    still: bool,
    /// What the current story step highlights (empty outside presentation mode).
    step_items: Vec<Item>,
    /// A step whose view is still to be framed, once the map has its presentation size.
    pending_view: Option<(usize, bool)>,
    /// The basemap, made once its data is read (its tiles need the egui context).
    basemap: Option<Basemap>,
    /// The basemap's data being read on a worker thread.
    basemap_loading: Option<std::sync::mpsc::Receiver<Result<crate::basemap::BasemapData, crate::basemap::DataError>>>,
    /// Whether to make one: tests of the panels run without it.
    with_basemap: bool,
    /// A folder to read the basemap from instead of the bundled copy.
    geodata: Option<PathBuf>,
    /// Whether the first frame has framed the briefing (when there was no saved view).
    framed_once: bool,
    /// Close after the first frame (start-up measurement).
    exit_after_first_frame: bool,
    /// Range rings on screen and the rings window.
    rings: Rings,
    /// The measure tool.
    measure: Measure,
    /// The story editor panel.
    story: StoryEditor,
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
        let mut app = Self::with_briefing(briefing, state).with_geodata(options.geodata);
        app.exit_after_first_frame = options.exit_after_first_frame;
        app.notices = notices;
        app.story.set_atlas(atlas);
        app
    }

    /// The app on a given briefing and state (tests and benches start here).
    pub fn with_briefing(briefing: Briefing, state: AppState) -> Self {
        let map = MapView::new(state.camera);
        let story = StoryEditor::new(&briefing);
        Self {
            loaded: Loaded::new(briefing),
            state,
            visibility: Visibility::default(),
            visibility_key: None,
            visibility_generation: 0,
            map,
            reader: Reader::default(),
            time_panel: TimePanel::default(),
            top_bar: TopBar::default(),
            actions: Actions::default(),
            notices: Vec::new(),
            applied_theme: None,
            presenter: None,
            still: false,
            step_items: Vec::new(),
            pending_view: None,
            basemap: None,
            basemap_loading: None,
            with_basemap: true,
            geodata: None,
            framed_once: false,
            exit_after_first_frame: false,
            rings: Rings::default(),
            measure: Measure::default(),
            story,
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
        self.sync_basemap(ui.ctx());
        if self.presenter.is_some() || self.still {
            self.present_frame(ui);
            return;
        }
        self.shortcuts(ui);
        self.refresh_visibility();
        self.sync_rings();
        let Self {
            loaded,
            state,
            visibility,
            visibility_key,
            visibility_generation,
            map,
            reader,
            time_panel,
            top_bar,
            actions,
            notices,
            basemap,
            rings,
            measure,
            ..
        } = self;
        let story = &mut self.story;
        let b = &loaded.briefing;
        let pal = Palette::of(state.theme);
        let selection = state.selection(b);

        egui::Panel::top("top-bar").show(ui, |ui| {
            top_bar.show(ui, b, state, actions, &mut measure.active, story.edited());
        });
        egui::Panel::bottom("time-panel").show(ui, |ui| {
            if time_panel.show(ui, b, &loaded.timeline, &mut state.time, &pal) {
                *visibility_key = None;
            }
        });
        if state.panels.side {
            egui::Panel::right("side-panel").resizable(true).default_size(380.0).min_size(260.0).show(ui, |ui| {
                side_panel::show(ui, b, visibility, selection, &pal, actions, rings);
            });
        }
        if state.panels.reader {
            egui::Panel::right("reader").resizable(true).default_size(440.0).min_size(280.0).show(ui, |ui| {
                reader.show(ui, b, visibility, selection, &pal, actions);
            });
        }
        if state.panels.story {
            egui::Panel::left("story-panel").resizable(true).default_size(340.0).min_size(280.0).show(ui, |ui| {
                story.show(ui, b, &pal);
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
                visibility_generation: *visibility_generation,
                rings: rings.shown(),
                selected_ring: rings.selected,
                measure: measure.active.then_some(&*measure),
            };
            // The legend holds the lower left: the scale bar goes bottom right, over the credits.
            let scale_at = egui::vec2(map.rect.width() - 170.0, -30.0);
            let rect = map.show(ui, basemap.as_mut(), &input, actions, scale_at);
            if state.panels.legend {
                egui::Area::new(egui::Id::unique("legend"))
                    .fixed_pos(rect.left_bottom() + egui::vec2(10.0, -10.0))
                    .pivot(egui::Align2::LEFT_BOTTOM)
                    .order(egui::Order::Middle)
                    .show(ui.ctx(), |ui| legend::show(ui, b, &pal, &[], false));
            }
            notices_ui(ui, notices, rect);
            if measure.active {
                egui::Area::new(egui::Id::unique("measure"))
                    .fixed_pos(rect.right_top() + egui::vec2(-12.0, 12.0))
                    .pivot(egui::Align2::RIGHT_TOP)
                    .order(egui::Order::Foreground)
                    .show(ui.ctx(), |ui| egui::Frame::popup(ui.style()).show(ui, |ui| measure.panel(ui)));
            }
        });
        let mut rings_open = state.panels.rings;
        egui::Window::new("Range rings").open(&mut rings_open).default_width(340.0).show(ui.ctx(), |ui| {
            ui.checkbox(&mut state.briefing_rings, "Show the briefing's rings");
            if let Some(i) = rings.panel(ui)
                && i < state.rings.len()
            {
                state.rings.remove(i);
            }
        });
        state.panels.rings = rings_open;
        help::show(ui.ctx(), &mut state.panels.help);
        if !self.framed_once {
            // A first start (no saved view) opens on the whole briefing.
            self.framed_once = true;
            if self.state.camera == AppState::default().camera {
                self.frame_all_now();
            }
        }
        self.apply_actions(ui.ctx());
        self.apply_story(ui.ctx());
        self.state.camera = self.map.camera();
        self.export_requested(ui.ctx());
    }

    /// Starts a requested PNG export of the current view, and reports one that finished.
    fn export_requested(&mut self, ctx: &egui::Context) {
        if let Some(request) = self.top_bar.export.requested.take() {
            let mut state = self.state.clone();
            state.camera = self.map.camera();
            let shot = match self.presenter {
                Some(p) => super::render::Shot::Step(p.step),
                None => super::render::Shot::Current,
            };
            self.top_bar.export.start(self.loaded.briefing.clone(), state, shot, request, ctx);
        }
        self.notices.extend(self.top_bar.export.poll());
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
            self.visibility.update(&l.filter_index, &l.timeline, &key.1, key.0);
            self.visibility_key = Some(key);
            self.visibility_generation += 1;
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
            if self.measure.active {
                self.measure.active = false;
                self.measure.clear();
            } else if self.state.panels.help {
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
        let toggles = [
            (Key::R, &mut panels.reader),
            (Key::D, &mut panels.side),
            (Key::L, &mut panels.legend),
            (Key::S, &mut panels.story),
            (Key::G, &mut panels.rings),
            (Key::M, &mut self.measure.active),
        ];
        for (key, flag) in toggles {
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
                Action::AddRing(ring) => {
                    self.state.rings.push(ring);
                    self.state.panels.rings = true;
                    self.sync_rings();
                    self.rings.selected = self.rings.shown().len().checked_sub(1);
                }
                Action::Measure(p, name) => self.measure.add(p, name),
                Action::Present(true) => self.start_presenting(ctx, 0),
                Action::Present(false) => self.stop_presenting(ctx),
            }
            ctx.request_repaint();
        }
    }

    /// Reads the basemap from `dir` instead of the bundled copy.
    pub fn with_geodata(mut self, dir: Option<PathBuf>) -> Self {
        self.geodata = dir;
        self
    }

    /// Draws the map on a plain background, without the basemap (tests of the panels).
    pub fn without_basemap(mut self) -> Self {
        self.with_basemap = false;
        self
    }

    /// Basemap tiles still being rendered, or 1 while its data is read (exports wait for 0).
    pub fn basemap_pending(&self) -> usize {
        self.basemap.as_ref().map_or(usize::from(self.basemap_loading.is_some()), Basemap::pending)
    }

    /// Reads the basemap's data on a worker thread from the first frame, makes the basemap
    /// when it arrives, and keeps it in step with the theme and the online toggle; its
    /// one-time messages become notices.
    fn sync_basemap(&mut self, ctx: &egui::Context) {
        if !self.with_basemap {
            return;
        }
        if self.basemap.is_none() && self.basemap_loading.is_none() {
            let (tx, rx) = std::sync::mpsc::channel();
            let (dir, repaint) = (self.geodata.clone(), ctx.clone());
            let spawned = std::thread::Builder::new().name("basemap-load".into()).spawn(move || {
                let _ = tx.send(Basemap::load(dir.as_deref()));
                repaint.request_repaint();
            });
            match spawned {
                Ok(_) => self.basemap_loading = Some(rx),
                // No thread: read it here, once.
                Err(_) => self.arrive(ctx, Basemap::load(self.geodata.as_deref())),
            }
        }
        if let Some(data) = self.basemap_loading.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.basemap_loading = None;
            self.arrive(ctx, data);
        }
        let Some(basemap) = &mut self.basemap else { return };
        basemap.set_theme(ctx, self.state.theme);
        basemap.set_online(ctx, self.state.online);
        self.notices.extend(basemap.take_message());
    }

    /// The rings on screen: the current story step's when presenting, else the briefing's own
    /// (when switched on) and the user's.
    fn sync_rings(&mut self) {
        let b = &self.loaded.briefing;
        let briefing_rings: Vec<String> = match self.presenter {
            Some(p) => b.story().get(p.step).map(|s| s.rings.clone()).unwrap_or_default(),
            None if self.state.briefing_rings => b.rings().iter().map(|r| r.id.clone()).collect(),
            None => Vec::new(),
        };
        let user: &[super::rings::UserRing] = if self.presenter.is_some() { &[] } else { &self.state.rings };
        self.rings.sync(b, &briefing_rings, user);
    }

    /// The rings on screen (tests).
    pub fn rings(&self) -> &Rings {
        &self.rings
    }

    /// Makes what the story editor asked for; a step picked there goes on the map as it would
    /// when presenting (its time, lead claim and view), without leaving the desktop layout.
    fn apply_story(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        let selection = self.state.selection(&self.loaded.briefing);
        let scene = Scene { camera: self.map.camera(), time: &self.state.time, selection };
        if let Some(i) = self.story.apply(&mut self.loaded.briefing, &scene) {
            self.show_step(i, now, true);
            // Step highlights belong to presentation mode; here the lead claim is selected.
            self.step_items.clear();
            ctx.request_repaint();
        }
        self.frame_pending_view(now);
    }

    fn arrive(&mut self, ctx: &egui::Context, data: Result<crate::basemap::BasemapData, crate::basemap::DataError>) {
        let (basemap, error) = Basemap::new(ctx, self.state.theme, self.state.online, data);
        self.notices.extend(error);
        self.basemap = Some(basemap);
    }

    /// Whether presentation mode is on, and at which step.
    pub fn presenting(&self) -> Option<Presenter> {
        self.presenter
    }

    /// Switches to the still layout exports use: the map, legend and a caption card for the
    /// current view, no panels (`false` returns to the desktop layout).
    pub fn set_still(&mut self, still: bool) {
        self.still = still;
    }

    /// Looks at `camera` at once (exports, tests).
    pub fn jump_to(&mut self, camera: Camera) {
        self.map.jump(camera);
    }

    /// Frames every place at once (exports, tests); takes effect after the map has been laid out.
    pub fn frame_all_now(&mut self) {
        let all: Vec<Item> = (0..self.loaded.briefing.places().len()).map(Item::Place).collect();
        if let Some(cam) = self.frame_items(&all) {
            self.map.jump(cam);
        }
    }

    /// Whether the map is still moving (a flight under way).
    pub fn animating(&self) -> bool {
        self.map.flying()
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
        let caption = match self.presenter {
            Some(p) => presenter::Caption::of_step(&self.loaded.briefing, p.step),
            None if self.still => {
                let lead = match self.state.selection(&self.loaded.briefing) {
                    Some(Item::Claim(c)) => Some(c),
                    _ => None,
                };
                presenter::Caption::of_view(&self.loaded.briefing, lead)
            }
            None => return,
        };
        let blank = self.presenter.is_some_and(|p| p.blank);
        self.sync_rings();
        let Self { loaded, state, visibility, visibility_generation, map, actions, step_items, basemap, rings, .. } =
            self;
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
                visibility_generation: *visibility_generation,
                rings: rings.shown(),
                selected_ring: None,
                measure: None,
            };
            // The caption card holds the lower left: the scale bar goes bottom right.
            let scale_at = egui::vec2(map.rect.width() - 170.0, -30.0);
            let rect = map.show(ui, basemap.as_mut(), &input, actions, scale_at);
            egui::Area::new(egui::Id::unique("present-legend"))
                .fixed_pos(rect.right_top() + egui::vec2(-12.0, 12.0))
                .pivot(egui::Align2::RIGHT_TOP)
                .order(egui::Order::Middle)
                .show(ui.ctx(), |ui| legend::show(ui, b, &pal, &[], true));
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

    /// The camera that frames these items in the current map rectangle.
    fn frame_items(&self, items: &[Item]) -> Option<Camera> {
        self.frame_with(items, Vec::new())
    }

    /// Like `frame_items`, also fitting the lon/lat points `extra`.
    fn frame_with(&self, items: &[Item], extra: Vec<(f64, f64)>) -> Option<Camera> {
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
        let mut points: Vec<(f64, f64)> = extra;
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
        let (w, h) = (r.width() as f64, r.height() as f64);
        // Presenting, the caption card covers the lower part of the map: frame above it.
        let insets = if self.presenter.is_some() || self.still {
            viewport::Insets { left: 60.0, top: 60.0, right: 60.0, bottom: (h * 0.36).max(60.0) }
        } else {
            // The legend stands over the map's left edge.
            let left = if self.state.panels.legend { 200.0 } else { 70.0 };
            viewport::Insets { left, top: 60.0, right: 60.0, bottom: 60.0 }
        };
        let mut cam = viewport::frame_within(points, w, h, insets)?;
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
        if self.exit_after_first_frame {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.camera = self.map.camera();
        eframe::set_value(storage, STATE_KEY, &self.state);
    }
}
