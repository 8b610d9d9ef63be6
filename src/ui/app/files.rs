//! Files: opening a briefing, saving it, the questions that come with them (save before
//! closing?), the window title with its unsaved-changes dot, and crash recovery (autosave of
//! unsaved edits, and the offer to restore them at the next start).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use egui::Context;

use super::BriefmapApp;
use super::questions::{self, Answer, ArticleUse, Question, Then};
use crate::briefing::Briefing;
use crate::briefing::save::default_folder;
use crate::session::Session;
use crate::session::recovery::{self, Found};
use crate::ui::state::AppState;

/// How long after the last edit the unsaved edits are written to the recovery file, seconds:
/// soon enough to lose little, late enough not to write on every keystroke.
const AUTOSAVE_AFTER: f64 = 1.5;

/// How many recent files the File menu keeps.
pub const RECENT_FILES: usize = 8;

/// Where unsaved edits are kept against a crash.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum RecoveryDir {
    /// The user's data folder (`~/.local/share/briefmap/recovery` on Linux).
    #[default]
    Default,
    /// This folder.
    At(PathBuf),
    /// Nowhere (start-up measurements, renders).
    Off,
}

impl RecoveryDir {
    /// The folder, if there is one.
    pub fn dir(&self) -> Option<PathBuf> {
        match self {
            Self::Default => {
                directories::ProjectDirs::from("", "", "briefmap").map(|d| d.data_local_dir().join("recovery"))
            }
            Self::At(dir) => Some(dir.clone()),
            Self::Off => None,
        }
    }
}

/// The files side of the app: questions, the native file dialog, autosave.
#[derive(Debug, Default)]
pub(super) struct Files {
    question: Option<Question>,
    /// A native file dialog running on its own thread.
    dialog: Option<Receiver<Option<PathBuf>>>,
    recovery_dir: Option<PathBuf>,
    /// The recovery file last written, and the document state it holds.
    written: Option<(PathBuf, u64)>,
    /// When the document last changed (egui time), for autosave.
    changed_at: Option<f64>,
    /// An autosave being written.
    job: Option<Receiver<Result<(), String>>>,
    /// The user chose to close: do not ask again.
    closing: bool,
    /// The window title last set.
    title: String,
}

impl Files {
    /// Puts `question` on screen (in place of any other).
    pub(super) fn ask(&mut self, question: Question) {
        self.question = Some(question);
    }

    /// Keeps unsaved edits in `dir` (none: nowhere).
    pub(super) fn set_recovery(&mut self, dir: Option<PathBuf>) {
        self.recovery_dir = dir;
    }

    /// Asks whether to restore what an earlier run left in the recovery folder (not the file
    /// this run keeps).
    pub(super) fn offer_recovery(&mut self) {
        let own = self.written.as_ref().map(|(p, _)| p.clone());
        let found: Vec<Found> = self
            .recovery_dir
            .as_deref()
            .map(recovery::find)
            .unwrap_or_default()
            .into_iter()
            .filter(|f| Some(&f.path) != own.as_ref())
            .collect();
        if !found.is_empty() {
            self.question = Some(Question::Recover(found));
        }
    }

    /// Whether a question is on screen (it takes the keyboard).
    pub(super) fn asking(&self) -> bool {
        self.question.is_some()
    }

    /// Shows the Open window (after asking to save, if there are unsaved edits).
    pub(super) fn ask_open(&mut self, dirty: bool) {
        self.question = Some(if dirty {
            Question::SaveFirst(Then::ChooseFile)
        } else {
            Question::Open { path: String::new(), error: None }
        });
    }

    /// Asks which folder to save `b` into, then does `then`.
    fn ask_save_as_then(&mut self, b: &Briefing, then: Option<Then>) {
        self.question = Some(Question::SaveAs { folder: default_folder(b), error: None, then });
    }

    /// Asks which folder to save `b` into.
    pub(super) fn ask_save_as(&mut self, b: &Briefing) {
        self.ask_save_as_then(b, None);
    }

    /// Asks which article to make a new briefing from (after asking to save, if need be).
    pub(super) fn ask_article(&mut self, dirty: bool) {
        self.question = Some(if dirty {
            Question::SaveFirst(Then::NewFromArticle(None))
        } else {
            Question::OpenArticle { path: String::new(), error: None, to: ArticleUse::NewBriefing }
        });
    }

    /// Asks which article to add to the briefing as a source.
    pub(super) fn ask_source(&mut self) {
        self.question = Some(Question::OpenArticle { path: String::new(), error: None, to: ArticleUse::AddSource });
    }

    /// Asks which file of places to import.
    pub(super) fn ask_import(&mut self) {
        self.question = Some(Question::Import { path: String::new(), error: None });
    }

    /// The document changed at `now`.
    pub(super) fn edited(&mut self, now: f64) {
        self.changed_at = Some(now);
    }
}

impl BriefmapApp {
    /// Opens the briefing file at `path` in place of the one on screen (unsaved edits are
    /// the caller's to ask about). On failure the briefing on screen stays and the error is
    /// returned.
    pub fn open_file(&mut self, path: &Path) -> Result<(), String> {
        let atlas = self.session.atlas().clone();
        let session = Session::open(path, atlas).map_err(|p| p.to_string())?;
        self.replace_session(session);
        self.problems_on_open();
        Ok(())
    }

    /// Puts `session` on screen: a new briefing, so selection, view and story step start over.
    fn replace_session(&mut self, session: Session) {
        self.discard_recovery();
        let previous = self.session.generation();
        self.session = session;
        self.session.count_on_from(previous);
        let file = self.session.briefing().path().map(Path::to_owned);
        if let Some(path) = &file {
            remember(&mut self.state, path);
        }
        self.state.last_file = file;
        self.state.selected = None;
        self.state.time.active = false;
        self.state.time.set_range(self.session.derived().time_range);
        self.presenter = None;
        self.step_items.clear();
        self.story = crate::ui::story_editor::StoryEditor::new(self.session.briefing());
        self.visibility = Default::default();
        self.visibility_key = None;
        self.reader = Default::default();
        self.framed_once = false;
        self.state.camera = AppState::default().camera;
        self.actions.push(crate::ui::action::Action::FrameAll);
    }

    /// Saves over the briefing's file, or asks for a folder when it has none.
    pub(super) fn save(&mut self) {
        if self.session.briefing().path().is_none() {
            self.files.ask_save_as_then(self.session.briefing(), None);
            return;
        }
        match self.session.save() {
            Ok(path) => {
                self.saved(&path);
                self.notices.push(format!("Saved to {}", path.display()));
            }
            Err(e) => self.notices.push(format!("Not saved: {e}")),
        }
    }

    /// After a save: the file is remembered, the recovery copy goes.
    pub(super) fn saved(&mut self, path: &Path) {
        remember(&mut self.state, path);
        self.state.last_file = Some(path.to_owned());
        self.discard_recovery();
    }

    fn discard_recovery(&mut self) {
        if let Some((path, _)) = self.files.written.take() {
            recovery::discard(&path);
        }
    }

    /// Per frame: the questions on screen, the native dialog's answer, autosave, the title.
    pub(super) fn files_frame(&mut self, ctx: &Context) {
        let name = self.session.briefing().file().to_owned();
        let browsing = self.files.dialog.is_some();
        let answer =
            self.files.question.as_mut().and_then(|q| questions::show(ctx, q, &name, &self.state.recent, browsing));
        if let Some(answer) = answer {
            self.answer(ctx, answer);
        }
        if let Some(picked) = self.files.dialog.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.files.dialog = None;
            if let Some(path) = picked {
                match &mut self.files.question {
                    Some(
                        Question::Open { path: typed, .. }
                        | Question::OpenArticle { path: typed, .. }
                        | Question::Import { path: typed, .. },
                    ) => *typed = path.display().to_string(),
                    Some(Question::SaveAs { folder, .. }) => *folder = path.display().to_string(),
                    _ => {}
                }
            }
        }
        self.dropped(ctx);
        self.autosave(ctx);
        self.title(ctx);
    }

    /// Keeps the window open while there are unsaved edits, and asks what to do with them.
    pub(super) fn close_requested(&mut self, ctx: &Context) {
        if ctx.input(|i| i.viewport().close_requested()) && self.session.is_dirty() && !self.files.closing {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.files.question = Some(Question::SaveFirst(Then::Quit));
        }
    }

    fn answer(&mut self, ctx: &Context, answer: Answer) {
        self.files.question = None;
        match answer {
            Answer::Save(then) => {
                if self.session.briefing().path().is_none() {
                    self.files.ask_save_as_then(self.session.briefing(), Some(then));
                    return;
                }
                match self.session.save() {
                    Ok(path) => {
                        self.saved(&path);
                        self.then(ctx, then);
                    }
                    Err(e) => self.notices.push(format!("Not saved: {e}")),
                }
            }
            Answer::Discard(then) => {
                self.discard_recovery();
                self.then(ctx, then);
            }
            Answer::SaveInto(dir, then) => match self.session.save_as(&dir) {
                Ok(path) => {
                    self.saved(&path);
                    if let Some(then) = then {
                        self.then(ctx, then);
                    }
                }
                Err(e) => {
                    let folder = dir.display().to_string();
                    self.files.question =
                        Some(Question::SaveAs { folder, error: Some(format!("Not saved: {e}")), then });
                }
            },
            Answer::Open(path) => {
                if let Err(e) = self.open_file(&path) {
                    let path = path.display().to_string();
                    self.files.question = Some(Question::Open { path, error: Some(e) });
                }
            }
            Answer::ReadArticle(path, to) => match crate::authoring::new_article::read(&path) {
                Ok(article) => {
                    self.files.question = Some(Question::Article { article: Box::new(article), error: None, to })
                }
                Err(e) => {
                    let path = path.display().to_string();
                    self.files.question = Some(Question::OpenArticle { path, error: Some(e), to });
                }
            },
            Answer::Import(path) => {
                if let Err(e) = self.import(ctx, &path) {
                    let path = path.display().to_string();
                    self.files.question = Some(Question::Import { path, error: Some(e) });
                }
            }
            Answer::MakeDraft(article, ArticleUse::NewBriefing) => self.make_draft(ctx, *article),
            Answer::MakeDraft(article, ArticleUse::AddSource) => self.add_source(ctx, *article),
            Answer::Browse { folder } => self.browse(ctx, folder),
            Answer::Restore(path) => {
                let atlas = self.session.atlas().clone();
                match recovery::restore(&path, atlas) {
                    Ok(session) => {
                        self.replace_session(session);
                        // Kept at once under the restored briefing's own name; the old copy
                        // goes only when the new one is written.
                        match self.autosave_now() {
                            Ok(Some(new)) if new != path => recovery::discard(&path),
                            _ => {}
                        }
                        self.notices.push(format!(
                            "Restored the unsaved edits of {}. Save to keep them.",
                            self.session.briefing().file()
                        ));
                    }
                    Err(e) => self.notices.push(format!("Could not restore the edits: {e}")),
                }
            }
            Answer::Forget(path) => {
                recovery::discard(&path);
                // The others found stay on offer.
                self.files.offer_recovery();
            }
            Answer::Cancel => {}
        }
    }

    fn then(&mut self, ctx: &Context, then: Then) {
        match then {
            Then::Quit => {
                self.files.closing = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Then::ChooseFile => self.files.question = Some(Question::Open { path: String::new(), error: None }),
            Then::Open(path) => self.answer(ctx, Answer::Open(path)),
            Then::NewFromArticle(Some(path)) => self.answer(ctx, Answer::ReadArticle(path, ArticleUse::NewBriefing)),
            Then::NewFromArticle(None) => {
                let to = ArticleUse::NewBriefing;
                self.files.question = Some(Question::OpenArticle { path: String::new(), error: None, to })
            }
        }
    }

    /// The native file (or folder) dialog, on its own thread so the window keeps drawing.
    fn browse(&mut self, ctx: &Context, folder: bool) {
        let (tx, rx) = channel();
        let repaint = ctx.clone();
        let spawned = std::thread::Builder::new().name("file-dialog".into()).spawn(move || {
            let dialog = rfd::FileDialog::new();
            let picked = if folder {
                dialog.pick_folder()
            } else {
                dialog.add_filter("Briefing", &["json"]).add_filter("Any file", &["*"]).pick_file()
            };
            let _ = tx.send(picked);
            repaint.request_repaint();
        });
        if spawned.is_ok() {
            self.files.dialog = Some(rx);
        }
    }

    /// Writes the unsaved edits to the recovery file a moment after the last one, on a worker
    /// thread; removes it once nothing is unsaved.
    fn autosave(&mut self, ctx: &Context) {
        if let Some(done) = self.files.job.as_ref().and_then(|rx| rx.try_recv().ok()) {
            self.files.job = None;
            if let Err(e) = done {
                self.notices.push(format!("Unsaved edits could not be kept for recovery: {e}"));
            }
        }
        let Some(dir) = self.files.recovery_dir.clone() else { return };
        if !self.session.is_dirty() {
            self.discard_recovery();
            return;
        }
        // Closing after "Don't save": the edits were let go, and the frames before the window
        // goes must not write them back.
        if self.files.closing {
            return;
        }
        let state = self.session.state();
        if self.files.job.is_some() || self.files.written.as_ref().is_some_and(|(_, s)| *s == state) {
            return;
        }
        let now = ctx.input(|i| i.time);
        let since = now - self.files.changed_at.unwrap_or(now);
        if since < AUTOSAVE_AFTER {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(AUTOSAVE_AFTER - since));
            return;
        }
        let path = recovery::file_for(&dir, self.session.briefing());
        let bytes = self.session.recovery_bytes();
        let (tx, rx) = channel();
        let target = path.clone();
        let spawned = std::thread::Builder::new().name("autosave".into()).spawn(move || {
            let _ = tx.send(recovery::write(&target, &bytes).map_err(|e| format!("{}: {e}", target.display())));
        });
        if spawned.is_ok() {
            self.files.job = Some(rx);
            self.files.written = Some((path, state));
        }
    }

    /// Writes the unsaved edits for recovery now, on this thread (tests of recovery).
    pub fn autosave_now(&mut self) -> Result<Option<PathBuf>, String> {
        let Some(dir) = self.files.recovery_dir.clone() else { return Ok(None) };
        let path = recovery::file_for(&dir, self.session.briefing());
        recovery::write(&path, &self.session.recovery_bytes()).map_err(|e| e.to_string())?;
        self.files.written = Some((path.clone(), self.session.state()));
        Ok(Some(path))
    }

    /// The window title: the briefing's file (or title) and a dot while edits are unsaved.
    fn title(&mut self, ctx: &Context) {
        let b = self.session.briefing();
        let name = b
            .path()
            .and_then(|p| p.file_name())
            .map_or_else(|| format!("{} (built in)", b.title()), |n| n.to_string_lossy().into_owned());
        let dot = if self.session.is_dirty() { "● " } else { "" };
        let title = format!("{dot}{name} — briefmap");
        if title != self.files.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.files.title = title;
        }
    }

    /// The window title as last set (tests).
    pub fn window_title(&self) -> &str {
        &self.files.title
    }

    /// Starts a new briefing from the article at `path` (asking about unsaved edits first).
    pub fn request_article(&mut self, path: PathBuf) {
        if self.session.is_dirty() {
            self.files.question = Some(Question::SaveFirst(Then::NewFromArticle(Some(path))));
        } else {
            self.files.question = None;
            let ctx = egui::Context::default();
            self.answer(&ctx, Answer::ReadArticle(path, ArticleUse::NewBriefing));
        }
    }

    /// Runs the extractor on the article and puts the draft on screen, the review open.
    fn make_draft(&mut self, ctx: &Context, article: crate::authoring::new_article::Article) {
        let started = std::time::Instant::now();
        let atlas = self.session.atlas().clone();
        let gazetteer = match self.gazetteer() {
            Ok(g) => g,
            Err(e) => {
                let to = ArticleUse::NewBriefing;
                self.files.question = Some(Question::Article { article: Box::new(article), error: Some(e), to });
                return;
            }
        };
        match crate::authoring::new_article::draft(&article, gazetteer, &atlas) {
            Ok(session) => {
                self.replace_session(session);
                // Review and article open; details closed, so the map keeps room between them.
                self.state.panels.author = true;
                self.state.panels.reader = true;
                self.state.panels.side = false;
                self.files.changed_at = Some(ctx.input(|i| i.time));
                let n = self.session.briefing().undecided_suggestions();
                // From the form's button, the gazetteer's first reading included.
                let ms = started.elapsed().as_secs_f64() * 1000.0;
                self.notices.push(format!(
                    "{n} places, regions and dates found (in {ms:.0} ms): review them in the Review panel, \
                     then make claims from the article. Save when ready (Ctrl+S)."
                ));
            }
            Err(e) => {
                let to = ArticleUse::NewBriefing;
                self.files.question = Some(Question::Article { article: Box::new(article), error: Some(e), to })
            }
        }
    }

    /// The gazetteer, read the first time it is needed (a few tens of milliseconds).
    /// A failure is kept too, so it is reported once, not tried again every frame.
    pub(super) fn gazetteer(&mut self) -> Result<&crate::extract::Gazetteer, String> {
        self.gazetteer
            .get_or_insert_with(|| crate::extract::Gazetteer::bundled().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Files dropped on the window: a briefing opens, a file of places (GeoJSON, KML, CSV) is
    /// imported, an article starts a new briefing or (asked first, when a briefing is open)
    /// becomes one more source of it.
    fn dropped(&mut self, ctx: &Context) {
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw.dropped_files.iter().map(|f| f.path().to_owned()).filter(|p| !p.as_os_str().is_empty()).collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            if is_briefing_file(&path) {
                self.request_open(path)
            } else if crate::import::Format::of_path(&path).is_some() {
                if let Err(e) = self.import(ctx, &path) {
                    self.files.question = Some(Question::Import { path: path.display().to_string(), error: Some(e) });
                }
            } else if self.session.briefing().claims().is_empty() && self.session.briefing().places().is_empty() {
                self.request_article(path)
            } else {
                self.files.question = Some(Question::Dropped(path));
            }
        }
    }

    /// Imports the places and regions of `path` into the briefing as one undo step; the records
    /// skipped are listed in a notice with their line or feature.
    pub(super) fn import(&mut self, ctx: &Context, path: &Path) -> Result<(), String> {
        let imported = crate::import::read(path).map_err(|e| e.to_string())?;
        let mut notice = format!("{}: {}.", path.display(), imported.summary());
        for s in imported.skipped.iter().take(SKIPS_LISTED) {
            notice.push_str(&format!("\n• {s}"));
        }
        if imported.skipped.len() > SKIPS_LISTED {
            notice.push_str(&format!("\n• and {} more", imported.skipped.len() - SKIPS_LISTED));
        }
        let edits = crate::import::into_edits(imported, self.session.briefing());
        if edits.is_empty() {
            return Err(notice);
        }
        self.session.apply(crate::session::Edit::Batch(edits)).map_err(|e| format!("Not imported: {e}"))?;
        self.edited(ctx);
        self.notices.push(notice);
        self.frame_all_now();
        Ok(())
    }

    /// Opens `path` once any unsaved edits are saved or let go (the question is asked first).
    pub fn request_open(&mut self, path: PathBuf) {
        if self.session.is_dirty() {
            self.files.question = Some(Question::SaveFirst(Then::Open(path)));
        } else if let Err(e) = self.open_file(&path) {
            self.files.question = Some(Question::Open { path: path.display().to_string(), error: Some(e) });
        }
    }
}

/// Skipped records an import notice lists by name; the rest are counted.
const SKIPS_LISTED: usize = 8;

/// Whether `path` names a briefing file (JSON) rather than an article.
pub fn is_briefing_file(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"))
}

/// Puts `path` first in the recent files.
fn remember(state: &mut AppState, path: &Path) {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    state.recent.retain(|p| p != &path);
    state.recent.insert(0, path);
    state.recent.truncate(RECENT_FILES);
}
