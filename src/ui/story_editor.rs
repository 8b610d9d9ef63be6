//! The story editor: a panel listing the story's steps to show, reorder, delete, retitle and
//! recaption; "Add current view as step"; and saving the briefing.
//!
//! The panel only collects requests; [`StoryEditor::apply`] makes them through the core
//! ([`Briefing::edit_story`], [`save`]), which refuses an edit that fails the briefing's checks.

use std::path::{Path, PathBuf};

use egui::{Button, Frame, Key, Modifiers, RichText, Role, ScrollArea, TextEdit, Ui, WidgetInfo, vec2};

use super::rings::ShownRing;
use super::state::TimeState;
use super::theme::Palette;
use crate::atlas::Atlas;
use crate::briefing::save::{self, SaveError};
use crate::briefing::story::RingSpec;
use crate::briefing::story_edit::{Capture, StoryEdit};
use crate::briefing::{Briefing, Item, LatLon, PartialDate, StoryStep, TimeWindow};
use crate::viewport::Camera;

/// The editor's own state: the step picked in the list, text being typed, the last delete (to
/// undo), the save folder and the outcome of the last request.
#[derive(Debug)]
pub struct StoryEditor {
    selected: Option<usize>,
    drafts: Option<Drafts>,
    undo: Option<(usize, StoryStep)>,
    folder: String,
    status: Option<Status>,
    edited: bool,
    /// Boundaries for re-checking edits; loaded on the first edit when the app has none to give.
    atlas: Option<Atlas>,
    requests: Vec<Request>,
}

/// The title and caption of the selected step as typed (an edit the checks refuse, such as an
/// empty title, stays here to be fixed rather than being lost).
#[derive(Debug)]
struct Drafts {
    step: usize,
    title: String,
    caption: String,
}

#[derive(Debug)]
enum Status {
    Done(String),
    Failed(String),
}

#[derive(Debug)]
enum Request {
    Show(usize),
    Edit(Box<StoryEdit>),
    AddView,
    Undo,
    Save,
    SaveAs,
}

/// What is on screen, for "Add current view as step".
#[derive(Clone, Copy, Debug)]
pub struct Scene<'a> {
    /// Where the map looks.
    pub camera: Camera,
    /// The time slider.
    pub time: &'a TimeState,
    /// The selected place, region or claim.
    pub selection: Option<Item>,
    /// The range rings on screen (a step made from the view shows them too).
    pub rings: &'a [ShownRing],
}

/// The slider as a step's time: the as-of date, the window, or nothing when the slider is off.
pub fn time_window(time: &TimeState) -> Option<TimeWindow> {
    let day = |d: jiff::civil::Date| PartialDate::day(d.year(), d.month(), d.day());
    if !time.active {
        return None;
    }
    if !time.window {
        return Some(TimeWindow { from: day(time.from), to: None });
    }
    Some(TimeWindow { from: day(time.from.min(time.to)), to: Some(day(time.from.max(time.to))) })
}

impl StoryEditor {
    /// An editor for `b`, offering to save copies in `./briefing-NAME/`.
    pub fn new(b: &Briefing) -> Self {
        Self {
            selected: None,
            drafts: None,
            undo: None,
            folder: save::default_folder(b),
            status: None,
            edited: false,
            atlas: None,
            requests: Vec::new(),
        }
    }

    /// Gives the editor the boundaries the briefing was checked against.
    pub fn set_atlas(&mut self, atlas: Atlas) {
        self.atlas = Some(atlas);
    }

    /// Whether the story has changes not yet saved.
    pub fn edited(&self) -> bool {
        self.edited
    }

    /// The step picked in the list.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Draws the panel's contents.
    pub fn show(&mut self, ui: &mut Ui, b: &Briefing, pal: &Palette) {
        let steps = b.story();
        if self.selected.is_some_and(|i| i >= steps.len()) {
            self.selected = None;
        }
        self.sync_drafts(b);
        ui.horizontal(|ui| {
            ui.heading("Story");
            ui.label(RichText::new(format!("{} steps", steps.len())).color(pal.muted));
            if self.edited {
                ui.label(RichText::new("• unsaved changes").color(pal.highlight))
                    .on_hover_text("Save the briefing to keep them");
            }
        });
        let add = ui.add(Button::new("+ Add current view as step").min_size(vec2(ui.available_width(), 0.0)));
        if add.on_hover_text("The map's view, the slider's date and the selection, after the picked step").clicked() {
            self.requests.push(Request::AddView);
        }
        // Saving and the picked step's fields keep their place at the bottom; the list of steps
        // takes the height that is left.
        let inner = |id: &str| egui::Panel::bottom(id.to_owned()).resizable(false).frame(Frame::NONE.inner_margin(4));
        inner("story-save").show(ui, |ui| self.save_section(ui, b, pal));
        inner("story-step").show(ui, |ui| self.step_details(ui, b, pal));
        ui.add_space(4.0);
        self.step_list(ui, steps);
    }

    fn step_list(&mut self, ui: &mut Ui, steps: &[StoryStep]) {
        ScrollArea::vertical().id_salt("story-steps").auto_shrink([false, false]).show(ui, |ui| {
            for (i, step) in steps.iter().enumerate() {
                let text = format!("{}. {}", i + 1, step.title);
                let row = ui.add(
                    Button::selectable(self.selected == Some(i), text)
                        .truncate()
                        .min_size(vec2(ui.available_width(), 0.0)),
                );
                if row.on_hover_text("Show this step on the map").clicked() {
                    self.requests.push(Request::Show(i));
                }
            }
            if steps.is_empty() {
                ui.label("No steps yet: set up the map, then add the view.");
            }
        });
    }

    fn step_details(&mut self, ui: &mut Ui, b: &Briefing, pal: &Palette) {
        if let Some((at, step)) = &self.undo {
            let label = format!("Undo delete of step {}", at + 1);
            if ui.button(label).on_hover_text(format!("Bring back “{}”", step.title)).clicked() {
                self.requests.push(Request::Undo);
            }
        }
        let (Some(i), Some(drafts)) = (self.selected, self.drafts.as_mut()) else {
            ui.label(RichText::new("Pick a step to edit it.").color(pal.muted));
            return;
        };
        let n = b.story().len();
        ui.strong(format!("Step {} of {n}", i + 1));
        ui.horizontal(|ui| {
            if ui.add_enabled(i > 0, Button::new("Move up")).clicked() {
                self.requests.push(Request::Edit(Box::new(StoryEdit::Move { from: i, to: i - 1 })));
            }
            if ui.add_enabled(i + 1 < n, Button::new("Move down")).clicked() {
                self.requests.push(Request::Edit(Box::new(StoryEdit::Move { from: i, to: i + 1 })));
            }
            if ui.button("Delete").on_hover_text("Remove this step (it can be undone)").clicked() {
                self.requests.push(Request::Edit(Box::new(StoryEdit::Delete(i))));
            }
        });
        ui.label("Title");
        let title = ui.add(TextEdit::singleline(&mut drafts.title).desired_width(f32::INFINITY));
        title.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Step title"));
        if title.changed() {
            self.requests.push(Request::Edit(Box::new(StoryEdit::SetTitle(i, drafts.title.clone()))));
        }
        ui.label("Caption");
        let caption = ui.add(TextEdit::multiline(&mut drafts.caption).desired_rows(4).desired_width(f32::INFINITY));
        caption.widget_info(|| WidgetInfo::labeled(Role::MultilineTextInput, true, "Step caption"));
        if caption.changed() {
            self.requests.push(Request::Edit(Box::new(StoryEdit::SetCaption(i, drafts.caption.clone()))));
        }
        if let Some(step) = b.story().get(i) {
            ui.label(RichText::new(describe(step)).small().color(pal.muted));
        }
    }

    fn save_section(&mut self, ui: &mut Ui, b: &Briefing, pal: &Palette) {
        match b.path() {
            Some(path) => {
                ui.label(RichText::new(format!("File: {}", path.display())).small().color(pal.muted));
                if ui.button("Save briefing").on_hover_text("Write the briefing over its file (Ctrl+S)").clicked() {
                    self.requests.push(Request::Save);
                }
            }
            None => {
                let note = "This briefing is built in: save a copy into a folder (its article is copied beside it).";
                ui.label(RichText::new(note).small().color(pal.muted));
            }
        }
        ui.horizontal(|ui| {
            let save_as = ui.button("Save as…").on_hover_text("Write the briefing and its article into this folder");
            let field = ui.add(TextEdit::singleline(&mut self.folder).desired_width(f32::INFINITY));
            field.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Save as folder"));
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if save_as.clicked() || entered {
                self.requests.push(Request::SaveAs);
            }
        });
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::S)) {
            self.requests.push(if b.path().is_some() { Request::Save } else { Request::SaveAs });
        }
        match &self.status {
            Some(Status::Done(message)) => {
                ui.label(RichText::new(message).color(pal.muted));
            }
            Some(Status::Failed(message)) => {
                ui.label(RichText::new(message).color(ui.visuals().error_fg_color));
            }
            None => {}
        }
    }

    /// Makes what the panel asked for this frame; returns a step to put on screen, if one was
    /// picked. `briefing` is replaced only by an edit that passes the checks, or by a save-as.
    pub fn apply(&mut self, briefing: &mut Briefing, scene: &Scene) -> Option<usize> {
        let mut show = None;
        for request in std::mem::take(&mut self.requests) {
            match request {
                Request::Show(i) => {
                    self.selected = Some(i);
                    show = Some(i);
                }
                Request::Edit(edit) => self.edit(briefing, *edit),
                Request::AddView => {
                    let camera = scene.camera;
                    let capture = Capture {
                        centre: LatLon { lat: camera.lat, lon: camera.lon },
                        zoom: camera.zoom,
                        time: time_window(scene.time),
                        selection: scene.selection,
                        rings: scene.rings.iter().map(|r| r.source.clone()).collect(),
                    };
                    let at = self.selected.map_or(briefing.story().len(), |i| i + 1);
                    let new = capture.to_step(briefing, capture.default_title(briefing, at + 1));
                    self.edit_with(briefing, StoryEdit::Insert(at, new.step), new.rings);
                }
                Request::Undo => {
                    if let Some((at, step)) = self.undo.take() {
                        let at = at.min(briefing.story().len());
                        self.edit(briefing, StoryEdit::Insert(at, step));
                    }
                }
                Request::Save => self.saved(save::save(briefing), false),
                Request::SaveAs => {
                    let result = save::save_as(briefing, Path::new(self.folder.trim())).map(|saved| {
                        *briefing = saved;
                        briefing.path().map(Path::to_owned).unwrap_or_default()
                    });
                    self.saved(result, true);
                }
            }
        }
        show
    }

    fn edit(&mut self, briefing: &mut Briefing, edit: StoryEdit) {
        self.edit_with(briefing, edit, Vec::new());
    }

    /// Makes `edit`, adding `rings` to the briefing's range rings with it.
    fn edit_with(&mut self, briefing: &mut Briefing, edit: StoryEdit, rings: Vec<RingSpec>) {
        let atlas = self.atlas.get_or_insert_with(|| Atlas::bundled().unwrap_or_default());
        let structural = !matches!(edit, StoryEdit::SetTitle(..) | StoryEdit::SetCaption(..));
        let after = match &edit {
            StoryEdit::Insert(at, _) => Some(*at),
            StoryEdit::Move { to, .. } => Some(*to),
            StoryEdit::Delete(_) => None,
            StoryEdit::SetTitle(i, _) | StoryEdit::SetCaption(i, _) => Some(*i),
        };
        let deleted = match &edit {
            StoryEdit::Delete(i) => briefing.story().get(*i).cloned().map(|step| (*i, step)),
            _ => None,
        };
        match briefing.edit_story_with(edit, rings, atlas) {
            Ok(edited) => {
                *briefing = edited;
                self.edited = true;
                self.status = None;
                self.selected = after;
                if structural {
                    self.drafts = None;
                    self.undo = deleted;
                }
            }
            Err(e) => self.status = Some(Status::Failed(format!("Not changed: {e}"))),
        }
    }

    fn saved(&mut self, result: Result<PathBuf, SaveError>, copy: bool) {
        self.status = Some(match result {
            Ok(path) => {
                self.edited = false;
                let path = path.display();
                Status::Done(if copy {
                    format!("Saved. Open it with:  briefmap {path}")
                } else {
                    format!("Saved to {path}")
                })
            }
            // The edits stay in memory, so the user can fix the folder and save again.
            Err(e) => Status::Failed(format!("Not saved: {e}")),
        });
    }

    fn sync_drafts(&mut self, b: &Briefing) {
        let Some(i) = self.selected else {
            self.drafts = None;
            return;
        };
        if self.drafts.as_ref().is_some_and(|d| d.step == i) {
            return;
        }
        self.drafts = b.story().get(i).map(|s| Drafts { step: i, title: s.title.clone(), caption: s.caption.clone() });
    }
}

/// One line on what a step shows: its view, its time, what it highlights.
fn describe(step: &StoryStep) -> String {
    let view = match (step.view.frame.len(), step.view.centre, step.view.zoom) {
        (0, Some(c), Some(z)) => format!("Centre {:.2}°, {:.2}° at zoom {z:.1}", c.lat, c.lon),
        (n, ..) => format!("Frames {n} place{}", if n == 1 { "" } else { "s" }),
    };
    let time = match step.time {
        None => "all dates".to_owned(),
        Some(TimeWindow { from, to: None }) => format!("as of {from}"),
        Some(TimeWindow { from, to: Some(to) }) => format!("{from} – {to}"),
    };
    let n = step.claims.len() + step.places.len() + step.regions.len();
    format!("{view} · {time} · highlights {n}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::presenter::step_time;
    use jiff::civil::date;

    #[test]
    fn the_slider_becomes_a_step_time_and_back() {
        let mut t = TimeState::default();
        assert_eq!(time_window(&t), None, "slider off: no time");
        t.set_current(date(2016, 5, 16));
        let w = time_window(&t).unwrap();
        assert_eq!(w, TimeWindow { from: PartialDate::day(2016, 5, 16), to: None });
        t.window = true;
        t.from = date(2015, 3, 1);
        t.to = date(2014, 1, 31);
        let w = time_window(&t).unwrap();
        assert_eq!(w.from, PartialDate::day(2014, 1, 31));
        assert_eq!(w.to, Some(PartialDate::day(2015, 3, 1)));

        // A captured step puts the slider back where it was.
        for t in [TimeState { window: false, ..t.clone() }, t.clone()] {
            let step = StoryStep {
                title: "t".into(),
                caption: String::new(),
                view: Default::default(),
                time: time_window(&t),
                claims: Vec::new(),
                places: Vec::new(),
                regions: Vec::new(),
                rings: Vec::new(),
            };
            let mut back = TimeState::default();
            step_time(&step, &mut back);
            assert_eq!(back.filter(), t.filter());
        }
    }

    #[test]
    fn describes_a_step_in_one_line() {
        let step = StoryStep {
            title: "t".into(),
            caption: String::new(),
            view: crate::briefing::View {
                frame: Vec::new(),
                centre: Some(LatLon { lat: 53.9, lon: 27.56 }),
                zoom: Some(6.0),
            },
            time: Some(TimeWindow { from: PartialDate::day(2016, 5, 16), to: None }),
            claims: vec!["c".into()],
            places: Vec::new(),
            regions: Vec::new(),
            rings: Vec::new(),
        };
        assert_eq!(describe(&step), "Centre 53.90°, 27.56° at zoom 6.0 · as of 2016-05-16 · highlights 1");
    }
}
