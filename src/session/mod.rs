//! The editing session: one briefing as it is being worked on. It owns the document, its
//! sources' texts, the boundaries it is checked against and everything derived from it
//! (lookups, timeline, map geometry, filter index), and it is the only way to change it:
//! every change is an [`Edit`], checked, undoable, and saved atomically.
//!
//! The UI reads the session and hands it edits; it never changes the document itself.

pub mod derived;
pub mod edit;
pub mod history;
pub mod recovery;
pub mod story;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::atlas::Atlas;
use crate::briefing::save::{self, SaveError};
use crate::briefing::{Briefing, Problem, Problems, Replaced, load, patch, validate};

pub use derived::{Derived, TimeRange};
pub use edit::{Edit, EditError, ListEdit, SourceWithText, Touched};
pub use history::History;

/// One briefing being worked on.
#[derive(Debug)]
pub struct Session {
    briefing: Briefing,
    /// What is wrong with the briefing now (a draft can have problems), unlocated.
    problems: Vec<Problem>,
    /// Whether `problems` are what checking the whole document finds, in the check's order (so
    /// an edit of one record can patch them): not for problems handed in, until a rebuild.
    problems_whole: bool,
    derived: Derived,
    /// The boundaries edits are checked against; read when first needed (story edits never
    /// need them, and reading them takes a moment).
    atlas: Option<Atlas>,
    history: History,
    /// The history state that matches the file on disk; `None` when none does (a new draft, a
    /// recovered one).
    saved_state: Option<u64>,
    /// Counts changes to the document, so views built from it know when to rebuild.
    generation: u64,
    /// How many edits were patched in rather than rebuilt (tests check the fast path runs).
    #[cfg(test)]
    patched: usize,
}

/// How the problems and lookups were brought up to date after an edit; what is derived follows.
#[derive(Debug)]
enum Rechecked {
    /// The whole document was checked and indexed again.
    Whole,
    /// Only the story was checked: nothing derives from it.
    Story,
    /// One record was replaced (this is what it was): its checks and the lookups were patched.
    Record(Box<Replaced>),
}

impl Session {
    /// A session on a briefing already read (checked or a draft); `problems` are its problems,
    /// `atlas` the boundaries it was checked against (the bundled ones when `None`).
    pub fn new(briefing: Briefing, problems: Vec<Problem>, atlas: Option<Atlas>) -> Self {
        let derived = Derived::new(&briefing);
        Self {
            briefing,
            problems,
            problems_whole: false,
            derived,
            atlas,
            history: History::default(),
            saved_state: Some(0),
            generation: 0,
            #[cfg(test)]
            patched: 0,
        }
    }

    /// A session on a checked briefing (tests, benches, the embedded briefing).
    pub fn checked(briefing: Briefing, atlas: Option<Atlas>) -> Self {
        // No problems is what the whole check found, unless it checked an older format's rules.
        let whole = briefing.migration().is_none();
        Self { problems_whole: whole, ..Self::new(briefing, Vec::new(), atlas) }
    }

    /// Opens a briefing file, however many problems it has; fails only when the file cannot be
    /// read or parsed at all.
    pub fn open(path: &Path, atlas: Atlas) -> Result<Self, Problems> {
        let draft = load::load_draft(path, &atlas)?;
        Ok(Self::new(draft.briefing, draft.problems.list, Some(atlas)))
    }

    /// The briefing as it stands.
    pub fn briefing(&self) -> &Briefing {
        &self.briefing
    }

    /// What is derived from it: timeline, geometry, filter index, time range.
    pub fn derived(&self) -> &Derived {
        &self.derived
    }

    /// The boundaries the briefing is checked against (read on first use).
    pub fn atlas(&mut self) -> &Atlas {
        self.atlas.get_or_insert_with(|| Atlas::bundled().unwrap_or_default())
    }

    /// What is wrong with the briefing now (empty for a briefing that passes `check`).
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    /// The problems located in the file as it would be saved now (for line:col).
    pub fn located_problems(&self) -> Problems {
        Problems::located(self.briefing.file(), &self.briefing.to_json(), self.problems.clone(), None)
    }

    /// Counts changes to the document (edits, undo, redo): views rebuild when it moves.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Goes on counting from `previous` (the generation of the session this one replaces), so
    /// views that remember a generation see the new document as a change.
    pub fn count_on_from(&mut self, previous: u64) {
        self.generation = self.generation.max(previous + 1);
    }

    /// Whether the document differs from its file on disk.
    pub fn is_dirty(&self) -> bool {
        self.saved_state != Some(self.history.state())
    }

    /// The state of the document in its history (changes with every edit, undo and redo).
    pub fn state(&self) -> u64 {
        self.history.state()
    }

    /// The undo and redo stacks, to read (labels for the menu).
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Makes `edit` as one undo step. An edit that leaves the briefing with a problem it did
    /// not have is refused and changes nothing.
    pub fn apply(&mut self, edit: Edit) -> Result<(), EditError> {
        self.apply_in(edit, None)
    }

    /// Makes `edit` as part of `gesture` (typing into one field, dragging one marker): while
    /// the gesture goes on, its edits are one undo step. [`Session::end_gesture`] ends it.
    pub fn apply_in_gesture(&mut self, edit: Edit, gesture: &str) -> Result<(), EditError> {
        self.apply_in(edit, Some(gesture))
    }

    /// Ends the gesture going on: the next edit is an undo step of its own.
    pub fn end_gesture(&mut self) {
        self.history.end_gesture();
    }

    fn apply_in(&mut self, edit: Edit, gesture: Option<&str>) -> Result<(), EditError> {
        let touched = edit.touched();
        let redo = edit.clone();
        let undo = self.make(edit)?;
        let (problems, rechecked) = self.recheck(touched, undo.replaced());
        let worse = new_problems(&self.problems, &problems);
        if !worse.is_empty() {
            // Put the document back as it was; its problems are the ones it had.
            if let Ok(again) = self.make(undo) {
                self.recheck(touched, again.replaced());
            }
            return Err(EditError::Invalid(worse.into_iter().map(in_words).collect()));
        }
        self.history.record(redo, undo, gesture);
        self.changed(problems, rechecked);
        Ok(())
    }

    /// Undoes the last step; `false` when there was none.
    pub fn undo(&mut self) -> bool {
        let (mut touched, mut replaced) = (Touched::default(), None);
        let briefing = &mut self.briefing;
        let done = self.history.undo(|edit| {
            touched = edit.touched();
            let inverse = edit.apply(briefing)?;
            replaced = inverse.replaced();
            Ok(inverse)
        });
        self.after_history(done, touched, replaced)
    }

    /// Redoes the last undone step; `false` when there was none.
    pub fn redo(&mut self) -> bool {
        let (mut touched, mut replaced) = (Touched::default(), None);
        let briefing = &mut self.briefing;
        let done = self.history.redo(|edit| {
            touched = edit.touched();
            let inverse = edit.apply(briefing)?;
            replaced = inverse.replaced();
            Ok(inverse)
        });
        self.after_history(done, touched, replaced)
    }

    /// After undo or redo made `done` (what it touched, the record it replaced if that is all).
    fn after_history(
        &mut self,
        done: Option<Result<(), EditError>>,
        touched: Touched,
        replaced: Option<Replaced>,
    ) -> bool {
        match done {
            Some(Ok(())) => {
                let (problems, rechecked) = self.recheck(touched, replaced);
                self.changed(problems, rechecked);
                true
            }
            _ => false,
        }
    }

    /// Makes an edit to the document, returning its inverse.
    fn make(&mut self, edit: Edit) -> Result<Edit, EditError> {
        edit.apply(&mut self.briefing)
    }

    /// The problems after an edit that touched `touched`, rebuilding the lookups it needs, or
    /// patching them when all it did was put a record in place of `replaced`.
    fn recheck(&mut self, touched: Touched, replaced: Option<Replaced>) -> (Vec<Problem>, Rechecked) {
        if touched.records {
            let atlas = self.atlas.get_or_insert_with(|| Atlas::bundled().unwrap_or_default());
            if let Some(was) = replaced.filter(|_| self.problems_whole)
                && let Some(problems) = self.briefing.patch(&was, &self.problems, atlas)
            {
                return (problems, Rechecked::Record(Box::new(was)));
            }
            return (self.briefing.rebuild(atlas), Rechecked::Whole);
        }
        // Only the story changed: its steps are checked against the lookups as they are.
        let story = validate::story(&self.briefing);
        let problems = if self.problems_whole {
            patch::splice(&self.problems, "story", 0..usize::MAX, story)
        } else {
            // Problems handed in may be in any order: the story's go last.
            let others = self.problems.iter().filter(|p| !p.path.starts_with("story["));
            others.cloned().chain(story).collect()
        };
        (problems, Rechecked::Story)
    }

    /// Keeps `problems`, and brings what is derived up to date with how they were found.
    fn changed(&mut self, problems: Vec<Problem>, rechecked: Rechecked) {
        self.problems = problems;
        match rechecked {
            Rechecked::Whole => {
                self.problems_whole = true;
                self.derived = Derived::keeping(&self.briefing, &self.derived.geometry);
            }
            Rechecked::Record(was) => {
                self.derived.replaced(&self.briefing, &was);
                #[cfg(test)]
                {
                    self.patched += 1;
                }
            }
            Rechecked::Story => {}
        }
        self.generation += 1;
    }

    /// Writes the briefing over its file (in the current format), with any source text that
    /// is not there yet beside it. Returns the path written.
    pub fn save(&mut self) -> Result<PathBuf, SaveError> {
        let path = save::save(&self.briefing)?;
        self.mark_saved();
        Ok(path)
    }

    /// Saves the briefing into folder `dir`, its sources' texts beside it; the session then
    /// works on the new file. Returns its path.
    pub fn save_as(&mut self, dir: &Path) -> Result<PathBuf, SaveError> {
        self.briefing = save::save_as(&self.briefing, dir)?;
        self.mark_saved();
        Ok(self.briefing.path().map(Path::to_owned).unwrap_or_default())
    }

    fn mark_saved(&mut self) {
        self.saved_state = Some(self.history.state());
        self.briefing.set_migration(None);
        self.generation += 1;
    }

    /// Marks the document as matching no file (a recovered draft).
    pub fn mark_unsaved(&mut self) {
        self.saved_state = None;
    }
}

/// The problems in `after` that `before` did not have. Problems are compared by what they
/// say, with positions left out (an edit that inserts a record shifts every index after it).
fn new_problems(before: &[Problem], after: &[Problem]) -> Vec<Problem> {
    let key = |p: &Problem| {
        let strip = |s: &str| s.chars().filter(|c| !c.is_ascii_digit()).collect::<String>();
        (strip(&p.path), p.record.as_deref().map(strip), strip(&p.message))
    };
    let mut counts: HashMap<_, usize> = HashMap::new();
    for p in before {
        *counts.entry(key(p)).or_default() += 1;
    }
    let mut worse = Vec::new();
    for p in after {
        match counts.get_mut(&key(p)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => worse.push(p.clone()),
        }
    }
    worse
}

/// A problem as the user reads it: the record (or path), then what is wrong.
pub fn in_words(p: Problem) -> String {
    match &p.record {
        Some(record) => format!("{record}: {}", p.message),
        None if p.path.is_empty() => p.message,
        None => format!("{}: {}", p.path, p.message),
    }
}

#[cfg(test)]
#[path = "tests.rs"]
mod tests;

#[cfg(test)]
#[path = "patch_tests.rs"]
mod patch_tests;
