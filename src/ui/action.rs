//! What panels ask the app to do; the app applies them once per frame, in order.

use crate::briefing::Item;
use crate::viewport::Camera;

/// A request from a panel.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Select an item (or clear), frame it on the map and show it in the reader.
    Select(Option<Item>),
    /// Fly the map to a view.
    FlyTo(Camera),
    /// Frame every place of the briefing.
    FrameAll,
    /// Scroll the reader to a byte offset of the article and flash it.
    ShowText(usize),
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
