//! What panels ask the app to do; the app applies them once per frame, in order.

use crate::briefing::Item;
use crate::viewport::Camera;

/// A request from a panel.
#[derive(Debug)]
pub enum Action {
    /// Select an item (or clear), frame it on the map and show it in the reader.
    Select(Option<Item>),
    /// Fly the map to a view.
    FlyTo(Camera),
    /// Frame every place of the briefing.
    FrameAll,
    /// Scroll the reader to a passage of a source's text and flash it.
    ShowText(crate::briefing::TextRef),
    /// Start (true) or leave (false) presentation mode.
    Present(bool),
    /// Add a range ring.
    AddRing(super::rings::UserRing),
    /// Add a point to the measure tool (with the place's name when a place was clicked).
    Measure(geo::Point<f64>, Option<String>),
    /// Run a command (a button, a menu entry or a key).
    Command(super::command::Command),
    /// Change the briefing (one undo step).
    Edit(Box<crate::session::Edit>),
    /// Render the view to an image file.
    Export(super::export_view::Request),
    /// Make the PDF handout.
    Handout(super::handout_view::Request),
    /// Open a briefing file (asking first about unsaved edits).
    Open(std::path::PathBuf),
    /// Put a story step on screen, picked in the story editor.
    ShowStep(usize),
    /// Move place `i` to this point (a marker being dragged: one undo step per drag).
    MovePlace(usize, geo::Point<f64>),
    /// A marker drag ended.
    MoveDone,
    /// A link was drawn from place `.0` to place `.1` (Shift+drag between markers): ask what
    /// it is and which claim supports it.
    LinkDrawn(usize, usize),
    /// Put the place being added at this point (a click on the map).
    PlaceAt(geo::Point<f64>),
    /// Show two claims (of two sources) side by side.
    Compare(usize, usize),
}

/// Actions gathered during a frame.
#[derive(Debug, Default)]
pub struct Actions(Vec<Action>);

impl Actions {
    /// Queues an action.
    pub fn push(&mut self, a: Action) {
        self.0.push(a);
    }

    /// Takes the queued actions.
    pub fn take(&mut self) -> Vec<Action> {
        std::mem::take(&mut self.0)
    }
}
