//! The story editor: a panel listing the story's steps to show, reorder, delete, retitle and
//! recaption; "Add current view as step"; and saving the briefing.
//!
//! The panel only collects requests; [`StoryEditor::apply`] makes them through the session,
//! which refuses an edit that leaves the briefing with a new problem and keeps every edit for
//! undo (a title typed is one undo step).

use std::path::{Path, PathBuf};

use egui::{Button, Frame, Key, RichText, Role, ScrollArea, TextEdit, Ui, WidgetInfo, vec2};

use super::rings::ShownRing;
use super::state::TimeState;
use super::theme::Palette;
use crate::briefing::RingSpec;
use crate::briefing::save;
use crate::briefing::{Briefing, Item, LatLon, PartialDate, StoryStep, TimeWindow};
use crate::session::story::{Capture, StoryEdit};
use crate::session::{Edit, ListEdit, Session};
use crate::viewport::Camera;

/// The editor's own state: the step picked in the list, text being typed, the last delete (to
/// undo), the save folder and the outcome of the last request.
#[derive(Debug)]
pub struct StoryEditor {
    selected: Option<usize>,
    drafts: Option<Drafts>,
    /// The step deleted last, where it was: the undo button shows while that is the last edit.
    undo: Option<(usize, StoryStep)>,
    folder: String,
    status: Option<Status>,
    requests: Vec<Request>,
    /// The document changed under the panel (undo, redo): the drafts are read again.
    stale: bool,
}

/// What [`StoryEditor::apply`] did, for the app to follow up.
#[derive(Debug, Default)]
pub struct Outcome {
    /// A step to put on screen.
    pub show: Option<usize>,
    /// The briefing was edited.
    pub edited: bool,
    /// The briefing was saved, here.
    pub saved: Option<PathBuf>,
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
    /// An edit of text being typed: one undo step for the whole typing.
    Typing(Box<StoryEdit>, &'static str),
    /// The field being typed in lost the keyboard.
    DoneTyping,
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
            requests: Vec::new(),
            stale: false,
        }
    }

    /// Picks step `i` in the list and puts it on screen (as clicking its row does).
    pub fn pick(&mut self, i: usize) {
        self.requests.push(Request::Show(i));
    }

    /// Tells the editor the document changed (an edit, undo or redo elsewhere).
    pub fn document_changed(&mut self) {
        self.stale = true;
    }

    /// The step picked in the list.
    pub fn selected(&self) -> Option<usize> {
        self.selected
    }

    /// Draws the panel's contents.
    pub fn show(&mut self, ui: &mut Ui, session: &Session, pal: &Palette) {
        let b = session.briefing();
        let steps = b.story();
        if self.selected.is_some_and(|i| i >= steps.len()) {
            self.selected = None;
        }
        self.sync_drafts(ui, b);
        if self.undo.as_ref().is_some_and(|(at, _)| !session.history().last_is(&delete(*at))) {
            self.undo = None;
        }
        ui.horizontal(|ui| {
            ui.heading("Story");
            ui.label(RichText::new(format!("{} steps", steps.len())).color(pal.muted));
            if session.is_dirty() {
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
            let edit = StoryEdit::SetTitle(i, drafts.title.clone());
            self.requests.push(Request::Typing(Box::new(edit), "step title"));
        }
        ui.label("Caption");
        let caption = ui.add(TextEdit::multiline(&mut drafts.caption).desired_rows(4).desired_width(f32::INFINITY));
        caption.widget_info(|| WidgetInfo::labeled(Role::MultilineTextInput, true, "Step caption"));
        if caption.changed() {
            let edit = StoryEdit::SetCaption(i, drafts.caption.clone());
            self.requests.push(Request::Typing(Box::new(edit), "step caption"));
        }
        if title.lost_focus() || caption.lost_focus() {
            self.requests.push(Request::DoneTyping);
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

    /// Makes what the panel asked for this frame through the session.
    pub fn apply(&mut self, session: &mut Session, scene: &Scene) -> Outcome {
        let mut outcome = Outcome::default();
        for request in std::mem::take(&mut self.requests) {
            match request {
                Request::Show(i) => {
                    self.selected = Some(i);
                    outcome.show = Some(i);
                }
                Request::Edit(edit) => outcome.edited |= self.edit(session, *edit, Vec::new(), None),
                Request::Typing(edit, field) => {
                    let gesture = format!("{field} {}", self.selected.unwrap_or_default());
                    outcome.edited |= self.edit(session, *edit, Vec::new(), Some(&gesture));
                }
                Request::DoneTyping => session.end_gesture(),
                Request::AddView => {
                    let b = session.briefing();
                    let camera = scene.camera;
                    let capture = Capture {
                        centre: LatLon { lat: camera.lat, lon: camera.lon },
                        zoom: camera.zoom,
                        time: time_window(scene.time),
                        selection: scene.selection,
                        rings: scene.rings.iter().map(|r| r.source.clone()).collect(),
                    };
                    let at = self.selected.map_or(b.story().len(), |i| i + 1);
                    let new = capture.to_step(b, capture.default_title(b, at + 1));
                    outcome.edited |= self.edit(session, StoryEdit::Insert(at, new.step), new.rings, None);
                }
                Request::Undo => {
                    if self.undo.take().is_some() && session.undo() {
                        outcome.edited = true;
                        self.drafts = None;
                    }
                }
                Request::Save => self.saved(session.save(), false, &mut outcome),
                Request::SaveAs => {
                    let result = session.save_as(Path::new(self.folder.trim()));
                    self.saved(result, true, &mut outcome);
                }
            }
        }
        outcome
    }

    /// Makes a story edit (with `rings` added to the briefing's range rings, as one step) in
    /// the typing `gesture`, if any; returns whether the briefing changed.
    fn edit(&mut self, session: &mut Session, edit: StoryEdit, rings: Vec<RingSpec>, gesture: Option<&str>) -> bool {
        let b = session.briefing();
        let structural = !matches!(edit, StoryEdit::SetTitle(..) | StoryEdit::SetCaption(..));
        let after = match &edit {
            StoryEdit::Insert(at, _) => Some(*at),
            StoryEdit::Move { to, .. } => Some(*to),
            StoryEdit::Delete(_) => None,
            StoryEdit::SetTitle(i, _) | StoryEdit::SetCaption(i, _) => Some(*i),
        };
        let deleted = match &edit {
            StoryEdit::Delete(i) => b.story().get(*i).cloned().map(|step| (*i, step)),
            _ => None,
        };
        let result = edit.with_rings(b, rings).and_then(|e| match gesture {
            Some(g) => session.apply_in_gesture(e, g),
            None => session.apply(e),
        });
        match result {
            Ok(()) => {
                self.status = None;
                self.selected = after;
                if structural {
                    self.drafts = None;
                    self.undo = deleted;
                }
                true
            }
            Err(e) => {
                self.status = Some(Status::Failed(format!("Not changed: {e}")));
                false
            }
        }
    }

    fn saved(&mut self, result: Result<PathBuf, save::SaveError>, copy: bool, outcome: &mut Outcome) {
        self.status = Some(match result {
            Ok(path) => {
                let shown = path.display();
                let status = Status::Done(if copy {
                    format!("Saved. Open it with:  briefmap {shown}")
                } else {
                    format!("Saved to {shown}")
                });
                outcome.saved = Some(path);
                status
            }
            // The edits stay in memory, so the user can fix the folder and save again.
            Err(e) => Status::Failed(format!("Not saved: {e}")),
        });
    }

    fn sync_drafts(&mut self, ui: &Ui, b: &Briefing) {
        let Some(i) = self.selected else {
            self.drafts = None;
            return;
        };
        // After an undo or redo the fields show the document again, unless one is being typed in.
        if std::mem::take(&mut self.stale) && !ui.ctx().text_edit_focused() {
            self.drafts = None;
        }
        if self.drafts.as_ref().is_some_and(|d| d.step == i) {
            return;
        }
        self.drafts = b.story().get(i).map(|s| Drafts { step: i, title: s.title.clone(), caption: s.caption.clone() });
    }
}

/// The edit that deletes step `at`.
fn delete(at: usize) -> Edit {
    Edit::Story(ListEdit::Remove(at))
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
