//! File → Export handout…: the PDF handout (cover, a page per step, appendix), made on a worker
//! thread with its progress shown, written atomically; a notice says when it is done.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, channel};

use egui::{Context, RichText, Ui};

use super::render::handout::{self, HandoutOptions};
use super::state::Theme;
use crate::briefing::Briefing;
use crate::handout::Paper;

/// The handout window's state and the handout being made.
pub struct HandoutView {
    /// The window is open.
    pub open: bool,
    path: String,
    paper: Paper,
    theme: Theme,
    /// Which steps, as typed ("1-5"); empty for all.
    steps: String,
    error: Option<String>,
    job: Option<Job>,
}

/// A handout under way: how far it has got, and its outcome once it is done.
struct Job {
    done: Arc<AtomicUsize>,
    total: Arc<AtomicUsize>,
    outcome: Receiver<Result<String, String>>,
}

impl Default for HandoutView {
    fn default() -> Self {
        Self {
            open: false,
            path: "briefmap-handout.pdf".into(),
            paper: Paper::A4,
            theme: Theme::Light,
            steps: String::new(),
            error: None,
            job: None,
        }
    }
}

/// The handout to make.
#[derive(Debug)]
pub struct Request {
    /// The PDF file to write.
    pub path: PathBuf,
    /// Paper, theme and steps.
    pub options: HandoutOptions,
}

impl HandoutView {
    /// Opens the window, suggesting a file next to the briefing's.
    pub fn show_window(&mut self, b: &Briefing) {
        self.open = true;
        self.error = None;
        if let Some(path) = b.path() {
            let stem = path.file_stem().map_or_else(|| "briefing".into(), |s| s.to_string_lossy());
            self.path = path.with_file_name(format!("{stem}-handout.pdf")).display().to_string();
        }
    }

    /// How far the handout under way has got: (done, total).
    pub fn progress(&self) -> Option<(usize, usize)> {
        let job = self.job.as_ref()?;
        Some((job.done.load(Ordering::Relaxed), job.total.load(Ordering::Relaxed)))
    }

    /// The window, when open; returns the handout to make when Export is clicked.
    pub fn window(&mut self, ctx: &Context, b: &Briefing) -> Option<Request> {
        if !self.open {
            return None;
        }
        let mut open = true;
        let mut request = None;
        egui::Window::new("Export handout").open(&mut open).collapsible(false).resizable(false).show(ctx, |ui| {
            request = self.form(ui, b);
        });
        self.open &= open;
        request
    }

    fn form(&mut self, ui: &mut Ui, b: &Briefing) -> Option<Request> {
        ui.label("A PDF to hand round: a cover with the sources, a page per story step with its map and quotes, and an appendix of every claim and place.");
        ui.horizontal(|ui| {
            let label = ui.label("PDF file");
            ui.add(egui::TextEdit::singleline(&mut self.path).desired_width(320.0)).labelled_by(label.id);
        });
        ui.horizontal(|ui| {
            ui.label("Paper");
            ui.radio_value(&mut self.paper, Paper::A4, "A4");
            ui.radio_value(&mut self.paper, Paper::Letter, "Letter");
            ui.separator();
            ui.radio_value(&mut self.theme, Theme::Light, "Light (print)");
            ui.radio_value(&mut self.theme, Theme::Dark, "Dark");
        });
        ui.horizontal(|ui| {
            let label = ui.label("Steps");
            let hint = format!("all {} (or e.g. 1-5)", b.story().len());
            ui.add(egui::TextEdit::singleline(&mut self.steps).hint_text(hint).desired_width(140.0))
                .labelled_by(label.id);
        });
        if let Some(e) = &self.error {
            ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
        }
        if let Some((done, total)) = self.progress() {
            let text = if done + 1 >= total {
                "Writing the PDF…".to_owned()
            } else {
                format!("Map {done} of {}", total - 1)
            };
            ui.add(egui::ProgressBar::new(done as f32 / total.max(1) as f32).text(text));
        }
        let busy = self.job.is_some();
        let export = ui.add_enabled(!busy, egui::Button::new(if busy { "Making the handout…" } else { "Export PDF" }));
        if !export.clicked() {
            return None;
        }
        let steps = if self.steps.trim().is_empty() {
            Ok((0..b.story().len()).collect())
        } else {
            crate::handout::parse_steps(&self.steps, b.story().len())
        };
        match steps {
            Ok(steps) => {
                self.error = None;
                let made = jiff::ZonedDateTime::now().date();
                let options = HandoutOptions { paper: self.paper, theme: self.theme, steps, made };
                Some(Request { path: PathBuf::from(self.path.trim()), options })
            }
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }

    /// Makes the handout of `briefing` on a worker thread.
    pub fn start(&mut self, briefing: Briefing, request: Request, ctx: &Context) {
        let (tx, rx) = channel();
        let done = Arc::new(AtomicUsize::new(0));
        let total = Arc::new(AtomicUsize::new(request.options.steps.len() + 2));
        let (d, t, repaint) = (done.clone(), total.clone(), ctx.clone());
        let spawned = std::thread::Builder::new().name("export-handout".into()).spawn(move || {
            let progress = |k: usize, n: usize| {
                d.store(k, Ordering::Relaxed);
                t.store(n, Ordering::Relaxed);
                repaint.request_repaint();
            };
            let path = &request.path;
            let cannot_write = |e: std::io::Error| format!("{}: cannot write: {e}", path.display());
            let checked = crate::atomic::check_writable(path).map_err(cannot_write);
            let result =
                checked.and_then(|()| handout::make(&briefing, &request.options, &progress)).and_then(|made| {
                    crate::atomic::write_atomic(path, &made.pdf).map_err(cannot_write)?;
                    Ok(format!(
                        "{} — {}",
                        path.display(),
                        handout::summary(&made, request.options.steps.len(), made.pdf.len())
                    ))
                });
            let _ = tx.send(result);
            repaint.request_repaint();
        });
        let outcome = match spawned {
            Ok(_) => rx,
            Err(e) => {
                let (tx, rx) = channel();
                let _ = tx.send(Err(format!("cannot start the handout: {e}")));
                rx
            }
        };
        self.job = Some(Job { done, total, outcome });
    }

    /// The outcome of the handout under way, once it has finished.
    pub fn poll(&mut self) -> Option<String> {
        let done = self.job.as_ref()?.outcome.try_recv().ok()?;
        self.job = None;
        Some(match done {
            Ok(message) => {
                self.open = false;
                format!("Handout saved: {message}")
            }
            Err(e) => {
                self.error = Some(e.clone());
                format!("The handout was not saved: {e}")
            }
        })
    }
}
