//! Undo and redo without a depth limit: each step keeps the edit that undoes it and the one
//! that redoes it. Steps that continue one gesture (typing a title, dragging a marker) merge.

use super::edit::Edit;

/// One undoable step.
#[derive(Clone, Debug)]
struct Step {
    /// Applying this undoes the step.
    undo: Edit,
    /// Applying this (after `undo`) makes the step again.
    redo: Edit,
    /// What the step did, for the menu ("rename step 3").
    label: String,
    /// The gesture the step belongs to; later edits of the same gesture merge into it.
    gesture: Option<String>,
    /// The document state the step leads to, to tell whether it is the saved one.
    state: u64,
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The gesture still going on, whose next edit merges into the last step.
    open_gesture: Option<String>,
    /// The last state number given out.
    last_state: u64,
}

impl History {
    /// Records an edit just made (`redo`) and its inverse (`undo`); an edit of the gesture
    /// still going on merges into the last step, keeping that step's inverse, so the whole
    /// gesture undoes at once. Merged edits must each set their record whole (a `Replace`).
    pub fn record(&mut self, redo: Edit, undo: Edit, gesture: Option<&str>) {
        self.redo.clear();
        self.last_state += 1;
        let state = self.last_state;
        if let (Some(g), Some(last)) = (gesture, self.undo.last_mut())
            && self.open_gesture.as_deref() == Some(g)
            && last.gesture.as_deref() == Some(g)
        {
            last.redo = redo;
            last.state = state;
            return;
        }
        let label = redo.label();
        self.open_gesture = gesture.map(str::to_owned);
        self.undo.push(Step { undo, redo, label, gesture: gesture.map(str::to_owned), state });
    }

    /// Ends the gesture going on: the next edit is a step of its own.
    pub fn end_gesture(&mut self) {
        self.open_gesture = None;
    }

    /// Undoes the last step with `apply`, which makes an edit and returns its inverse; the
    /// step moves to the redo stack. `None` when there is nothing to undo; on error the step
    /// stays where it was.
    pub fn undo<E>(&mut self, apply: impl FnOnce(Edit) -> Result<Edit, E>) -> Option<Result<(), E>> {
        self.open_gesture = None;
        let mut step = self.undo.pop()?;
        Some(match apply(step.undo.clone()) {
            Ok(redo) => {
                step.redo = redo;
                self.redo.push(step);
                Ok(())
            }
            Err(e) => {
                self.undo.push(step);
                Err(e)
            }
        })
    }

    /// Redoes the last undone step with `apply` (as [`History::undo`]).
    pub fn redo<E>(&mut self, apply: impl FnOnce(Edit) -> Result<Edit, E>) -> Option<Result<(), E>> {
        self.open_gesture = None;
        let mut step = self.redo.pop()?;
        Some(match apply(step.redo.clone()) {
            Ok(undo) => {
                step.undo = undo;
                self.undo.push(step);
                Ok(())
            }
            Err(e) => {
                self.redo.push(step);
                Err(e)
            }
        })
    }

    /// What undo would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// What redo would redo.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// The state the document is in: 0 as loaded, then a new number per edit (undo goes back
    /// to the number before).
    pub fn state(&self) -> u64 {
        self.undo.last().map_or(0, |s| s.state)
    }

    /// Whether there is a step to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Whether the last step (the one undo would undo) is this edit.
    pub fn last_is(&self, edit: &Edit) -> bool {
        self.undo.last().is_some_and(|s| &s.redo == edit)
    }

    /// How many steps can be undone.
    pub fn depth(&self) -> usize {
        self.undo.len()
    }
}
