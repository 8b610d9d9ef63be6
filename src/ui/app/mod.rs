//! The app shell: owns the editing session and the app state; lays out the panels and applies
//! what they ask for. Commands and keys, actions, files (open, save, recovery), presentation
//! and the layers behind the map (visibility, basemap, rings) are in the submodules.

mod actions;
mod add_source;
mod commands;
mod files;
mod layers;
mod present;
mod questions;

use std::path::PathBuf;

use egui::RichText;

use super::action::Actions;
use super::author::FormRequest;
use super::basemap::Basemap;
use super::claim_form::ClaimForm;
use super::map::{Editing, Highlight, MapInput, MapView};
use super::measure::Measure;
use super::presenter::Presenter;
use super::reader::{Mode as ReaderMode, Reader};
use super::rings::Rings;
use super::state::AppState;
use super::story_editor::StoryEditor;
use super::theme::{self, Palette};
use super::time_panel::TimePanel;
use super::top_bar::TopBar;
use super::{help, legend, problems, side_panel};
use crate::atlas::Atlas;
use crate::briefing::{Briefing, Item};
use crate::session::Session;
use crate::timeline::TimeFilter;
use crate::visibility::{Filters, Visibility};

pub use files::RecoveryDir;

/// Narrowest map (points) that still shows its legend.
const LEGEND_MIN_MAP_WIDTH: f32 = 520.0;

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
    /// Where unsaved edits are kept against a crash.
    pub recovery: RecoveryDir,
}

/// The briefmap app.
pub struct BriefmapApp {
    session: Session,
    state: AppState,
    visibility: Visibility,
    /// What `visibility` was computed for: the time, the filters and the document's generation.
    visibility_key: Option<(TimeFilter, Filters, u64)>,
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
    /// Height of the legend across the top of the presentation layout, kept clear when framing.
    present_legend_height: f32,
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
    /// Opening and saving files, the questions they ask, crash recovery.
    files: files::Files,
    /// The review and authoring panel.
    author: super::author::AuthorPanel,
    /// The claim form, while a claim is being made or changed.
    claim_form: Option<super::claim_form::ClaimForm>,
    /// A link drawn on the map, waiting for its kind and claim.
    link_form: Option<super::link_form::LinkForm>,
    /// The gazetteer, read when a new article or the review panel first needs it.
    gazetteer: Option<Result<crate::extract::Gazetteer, String>>,
    /// The sources panel (grades, relations).
    sources: super::sources::SourcesPanel,
    /// Two claims side by side, while compared.
    compare: Option<super::compare::Compare>,
}

impl BriefmapApp {
    /// The app as eframe creates it: restores the saved state, loads the briefing.
    pub fn new(cc: &eframe::CreationContext, options: StartOptions) -> Self {
        Self::start(cc.storage, options)
    }

    /// The app as it starts, from saved settings if there are any (also used headless, to
    /// measure start-up without a window).
    pub fn start(storage: Option<&dyn eframe::Storage>, options: StartOptions) -> Self {
        let mut notices = Vec::new();
        let mut state: AppState = match storage.filter(|s| s.get_string(STATE_KEY).is_some()) {
            None => AppState::default(),
            Some(s) => eframe::get_value(s, STATE_KEY).unwrap_or_else(|| {
                notices.push(
                    "The saved settings could not be read; briefmap starts with its defaults and saves new \
                     ones when it closes."
                        .to_owned(),
                );
                AppState::default()
            }),
        };
        state.online |= options.online;
        let atlas = Atlas::bundled().unwrap_or_else(|e| {
            notices.push(format!("Region boundaries unavailable: {e}"));
            Atlas::default()
        });
        // An article (not a briefing file) starts the new-briefing questions once the app is up.
        let article = options.file.clone().filter(|p| !files::is_briefing_file(p));
        let briefing_file = options.file.clone().filter(|p| files::is_briefing_file(p));
        let session = match &briefing_file {
            Some(path) => Session::open(path, atlas.clone()).unwrap_or_else(|problems| {
                notices.push(format!(
                    "Could not open {}; showing the embedded briefing instead.\n{problems}",
                    path.display()
                ));
                embedded_or_empty(atlas, &mut notices)
            }),
            None => embedded_or_empty(atlas, &mut notices),
        };
        // A view saved for another briefing says nothing about this one: frame its places.
        let file = session.briefing().path().map(|p| p.to_owned());
        if state.last_file != file {
            state.camera = AppState::default().camera;
            state.selected = None;
            state.last_file = file;
        }
        let mut app = Self::with_session(session, state).with_geodata(options.geodata);
        app.exit_after_first_frame = options.exit_after_first_frame;
        app.notices = notices;
        app.files.set_recovery(options.recovery.dir());
        app.files.offer_recovery();
        app.problems_on_open();
        if let Some(path) = article {
            app.request_article(path);
        }
        app
    }

    /// The app on a given briefing and state (tests and benches start here); nothing is kept
    /// for crash recovery unless [`BriefmapApp::with_recovery_dir`] says where.
    pub fn with_briefing(briefing: Briefing, state: AppState) -> Self {
        Self::with_session(Session::checked(briefing, None), state)
    }

    /// The app on an editing session and state.
    pub fn with_session(session: Session, state: AppState) -> Self {
        let mut state = state.repaired();
        state.time.set_range(session.derived().time_range);
        let map = MapView::new(state.camera);
        let story = StoryEditor::new(session.briefing());
        Self {
            session,
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
            present_legend_height: 0.0,
            basemap: None,
            basemap_loading: None,
            with_basemap: true,
            geodata: None,
            framed_once: false,
            exit_after_first_frame: false,
            rings: Rings::default(),
            measure: Measure::default(),
            story,
            files: files::Files::default(),
            author: Default::default(),
            claim_form: None,
            link_form: None,
            gazetteer: None,
            sources: Default::default(),
            compare: None,
        }
    }

    /// Keeps unsaved edits in `dir` against a crash, and offers what an earlier run left there.
    pub fn with_recovery_dir(mut self, dir: PathBuf) -> Self {
        self.files.set_recovery(Some(dir));
        self.files.offer_recovery();
        self
    }

    /// The state (for tests).
    pub fn state(&self) -> &AppState {
        &self.state
    }

    /// The state, to change (for tests).
    pub fn state_mut(&mut self) -> &mut AppState {
        &mut self.state
    }

    /// Where the map was drawn in the last frame.
    pub fn map_rect(&self) -> egui::Rect {
        self.map.rect
    }

    /// Whether the last frame summarised the map's places as clusters (too many on screen).
    pub fn map_clustered(&self) -> bool {
        self.map.clustered()
    }

    /// Whether the basemap is in and has no tiles left to draw for the current view.
    pub fn basemap_complete(&self) -> bool {
        self.basemap.as_ref().is_some_and(|b| b.pending() == 0)
    }

    /// Whether the briefing has been edited since it was last saved (or loaded).
    pub fn has_unsaved_edits(&self) -> bool {
        self.session.is_dirty()
    }

    /// The briefing's claims in time order, as the slider steps through them.
    pub fn timeline(&self) -> &crate::timeline::Timeline {
        &self.session.derived().timeline
    }

    /// The briefing on screen.
    pub fn briefing(&self) -> &Briefing {
        self.session.briefing()
    }

    /// The editing session (for tests).
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The passage selected in the reader (authoring), if any.
    pub fn reader_selection(&self) -> Option<&crate::briefing::TextRef> {
        self.reader.selection()
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
        self.state.time.set_range(self.session.derived().time_range);
        self.sync_basemap(ui.ctx());
        if self.presenter.is_some() || self.still {
            self.present_frame(ui);
            return;
        }
        self.keys(ui.ctx());
        if self.state.panels.author
            && self.gazetteer.is_none()
            && let Err(e) = self.gazetteer()
        {
            self.notices.push(format!("The gazetteer could not be read, so it cannot be searched: {e}"));
        }
        self.refresh_visibility();
        self.sync_rings();
        self.desktop(ui);
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
        self.poll_exports();
        self.files_frame(ui.ctx());
    }

    /// The desktop layout: top bar, time panel, side panels, the map and its overlays.
    fn desktop(&mut self, ui: &mut egui::Ui) {
        let Self {
            session,
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
            story,
            author,
            claim_form,
            link_form,
            gazetteer,
            sources,
            compare,
            ..
        } = self;
        let b = session.briefing();
        let pal = Palette::of(state.theme);
        let selection = state.selection(b);

        egui::Panel::top("top-bar").show(ui, |ui| {
            let history = session.history();
            let status = super::top_bar::Status {
                dirty: session.is_dirty(),
                problems: session.problems().len(),
                undo: history.undo_label().map(str::to_owned),
                redo: history.redo_label().map(str::to_owned),
            };
            top_bar.show(ui, b, state, actions, measure.active, &status);
        });
        egui::Panel::bottom("time-panel").show(ui, |ui| {
            if time_panel.show(ui, b, &session.derived().timeline, &mut state.time, &pal) {
                *visibility_key = None;
            }
        });
        if state.panels.side {
            egui::Panel::right("side-panel").resizable(true).default_size(380.0).min_size(260.0).show(ui, |ui| {
                side_panel::show(ui, b, visibility, selection, &pal, actions, rings);
            });
        }
        if state.panels.reader {
            let mode = if state.panels.author { ReaderMode::Author } else { ReaderMode::Read };
            egui::Panel::right("reader").resizable(true).default_size(440.0).min_size(280.0).show(ui, |ui| {
                reader.show(ui, b, visibility, selection, &pal, actions, mode);
            });
        }
        // Review and Sources share the left side as two tabs when both are open: side by side
        // they would leave the map no room on a laptop's screen.
        let both = state.panels.author && state.panels.sources;
        let sources_tab = state.panels.sources && (!state.panels.author || state.panels.sources_tab);
        if state.panels.author || state.panels.sources {
            egui::Panel::left("author-panel").resizable(true).default_size(360.0).min_size(300.0).show(ui, |ui| {
                if both {
                    ui.horizontal(|ui| {
                        ui.selectable_value(&mut state.panels.sources_tab, false, "Places & claims");
                        ui.selectable_value(&mut state.panels.sources_tab, true, "Sources & relations");
                    });
                    ui.separator();
                }
                if sources_tab {
                    sources.show(ui, session, selection, &pal, actions);
                    return;
                }
                let input = super::author::PanelInput {
                    session,
                    gazetteer: gazetteer.as_ref().and_then(|g| g.as_ref().ok()),
                    selected_text: reader.selection(),
                    selected: selection,
                };
                let request = author.show(ui, &input, &pal, actions);
                *claim_form = match request {
                    Some(FormRequest::New(at)) => crate::authoring::claim::draft(b, &at).map(ClaimForm::new),
                    Some(FormRequest::Edit(i)) => ClaimForm::edit(b, i),
                    None => claim_form.take(),
                };
            });
        }
        if let Some(form) = claim_form
            && !form.show(ui.ctx(), session, &pal, actions)
        {
            *claim_form = None;
            reader.clear_selection();
        }
        if let Some(form) = link_form
            && !form.show(ui.ctx(), b, &pal, actions)
        {
            *link_form = None;
        }
        if let Some(c) = compare
            && !c.show(ui.ctx(), b, &pal, actions)
        {
            *compare = None;
        }
        if state.panels.story {
            egui::Panel::left("story-panel").resizable(true).default_size(340.0).min_size(280.0).show(ui, |ui| {
                story.show(ui, session, &pal);
            });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            let highlight = Highlight::of(b, selection);
            let input = MapInput {
                briefing: b,
                geometry: &session.derived().geometry,
                visibility,
                selection,
                highlight: &highlight,
                palette: pal,
                visibility_generation: *visibility_generation,
                rings: rings.shown(),
                selected_ring: rings.selected,
                measure: measure.active.then_some(&*measure),
                editing: match (state.panels.author, author.adding_place()) {
                    (false, _) => Editing::Off,
                    (true, false) => Editing::Move,
                    (true, true) => Editing::Place,
                },
            };
            // The legend holds the lower left: the scale bar goes bottom right, over the credits.
            let scale_at = egui::vec2(map.rect.width() - 170.0, -30.0);
            let rect = map.show(ui, basemap.as_mut(), &input, actions, scale_at);
            // A map squeezed between panels keeps its legend only while the legend leaves some
            // of it to see; it never spills over the panels beside it.
            if state.panels.legend && rect.width() >= LEGEND_MIN_MAP_WIDTH {
                let extras = legend::Extras {
                    clustered: map.clustered(),
                    occupied: basemap.as_ref().and_then(|m| m.occupied_legend()),
                };
                egui::Area::new(egui::Id::unique("legend"))
                    .fixed_pos(rect.left_bottom() + egui::vec2(10.0, -10.0))
                    .pivot(egui::Align2::LEFT_BOTTOM)
                    .order(egui::Order::Middle)
                    .constrain_to(rect)
                    .show(ui.ctx(), |ui| legend::show(ui, b, &pal, extras, false));
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
        problems::show(ui.ctx(), session, &mut state.panels.problems, actions);
        help::show(ui.ctx(), &mut state.panels.help);
    }

    /// Opens the problems list when a briefing with problems was opened, and says so.
    fn problems_on_open(&mut self) {
        let n = self.session.problems().len();
        if n > 0 {
            self.state.panels.problems = true;
            self.notices.push(format!(
                "{} opened as a draft: {n} problem{} to fix (listed under Problems); it can be saved as it is.",
                self.session.briefing().file(),
                if n == 1 { "" } else { "s" }
            ));
        }
    }
}

/// Messages for the user over the top of the map, each with a dismiss button.
fn notices_ui(ui: &mut egui::Ui, notices: &mut Vec<String>, rect: egui::Rect) {
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
                    // Over a narrow map (panels on both sides) a notice stays within the map.
                    ui.set_max_width(560.0_f32.min(rect.width() - 40.0).max(240.0));
                    // The text in a column of its own, so a message that wraps keeps its lines
                    // together; the dismiss button beside it, at the top.
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::TOP), |ui| {
                        let width = (ui.max_rect().width() - 28.0).max(200.0);
                        let column = egui::Layout::top_down(egui::Align::Min);
                        ui.allocate_ui_with_layout(egui::vec2(width, 0.0), column, |ui| ui.label(RichText::new(n)));
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

fn embedded_or_empty(atlas: Atlas, notices: &mut Vec<String>) -> Session {
    let briefing = Briefing::embedded(&atlas).unwrap_or_else(|problems| {
        notices.push(format!("The embedded briefing failed its checks:\n{problems}"));
        Briefing::empty()
    });
    Session::checked(briefing, Some(atlas))
}

impl eframe::App for BriefmapApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
        self.close_requested(ui.ctx());
        if self.exit_after_first_frame {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        self.state.camera = self.map.camera();
        eframe::set_value(storage, STATE_KEY, &self.state);
    }
}
