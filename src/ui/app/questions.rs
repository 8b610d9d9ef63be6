//! The questions the files side asks (save before closing? which folder? which file? restore
//! the edits a crash left?), each a small window; the answer goes back to `files.rs`.

use std::path::PathBuf;

use egui::{Align2, Context, RichText, Role, TextEdit, Ui, WidgetInfo};

use crate::authoring::new_article::Article;
use crate::session::recovery::Found;

/// What to do once the unsaved edits have been saved or let go.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Then {
    /// Close the window.
    Quit,
    /// Show the Open window.
    ChooseFile,
    /// Open this file.
    Open(PathBuf),
    /// Start a new briefing from an article: this one, or one to choose.
    NewFromArticle(Option<PathBuf>),
}

/// What an article read is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum ArticleUse {
    /// A new briefing, made from it.
    NewBriefing,
    /// Another source of the open briefing.
    AddSource,
}

/// A question on screen.
#[derive(Debug)]
pub(super) enum Question {
    /// Save the edits before `then`?
    SaveFirst(Then),
    /// Which folder to save into (then do `then`, if anything).
    SaveAs { folder: String, error: Option<String>, then: Option<Then> },
    /// Which file to open.
    Open { path: String, error: Option<String> },
    /// Which article to make a new briefing from, or to add as a source.
    OpenArticle { path: String, error: Option<String>, to: ArticleUse },
    /// An article was dropped on the window: a source of this briefing, or a new briefing?
    Dropped(PathBuf),
    /// Which file of places to import.
    Import { path: String, error: Option<String> },
    /// What the article's file did not say (title, author, date...), before the draft is made.
    Article { article: Box<Article>, error: Option<String>, to: ArticleUse },
    /// Restore the unsaved edits an earlier run left?
    Recover(Vec<Found>),
}

/// What the user answered this frame.
pub(super) enum Answer {
    Save(Then),
    Discard(Then),
    SaveInto(PathBuf, Option<Then>),
    Open(PathBuf),
    ReadArticle(PathBuf, ArticleUse),
    Import(PathBuf),
    MakeDraft(Box<Article>, ArticleUse),
    Browse { folder: bool },
    Restore(PathBuf),
    Forget(PathBuf),
    Cancel,
}

/// Draws `question`; returns the answer given this frame. `name` is the briefing's file,
/// `recent` the recent files, `browsing` whether a native dialog is already open.
pub(super) fn show(
    ctx: &Context,
    question: &mut Question,
    name: &str,
    recent: &[PathBuf],
    browsing: bool,
) -> Option<Answer> {
    let mut answer = None;
    let window = |title: &str| {
        egui::Window::new(title.to_owned())
            .collapsible(false)
            .resizable(false)
            .anchor(Align2::CENTER_CENTER, [0.0, 0.0])
    };
    match question {
        Question::SaveFirst(then) => {
            window("Unsaved changes").show(ctx, |ui| answer = save_first(ui, name, then));
        }
        Question::SaveAs { folder, error, then } => {
            window("Save as").show(ctx, |ui| answer = save_as(ui, folder, error.as_deref(), then, browsing));
        }
        Question::Open { path, error } => {
            window("Open briefing")
                .show(ctx, |ui| answer = open(ui, BRIEFING_FILE, path, error.as_deref(), recent, browsing));
        }
        Question::OpenArticle { path, error, to } => {
            let title = match to {
                ArticleUse::NewBriefing => "New briefing from article",
                ArticleUse::AddSource => "Add a source",
            };
            let to = *to;
            window(title).show(ctx, |ui| {
                ui.label("The article, as a text (.txt), Markdown (.md) or web page (.html) file:");
                if to == ArticleUse::AddSource {
                    ui.label(
                        RichText::new(
                            "Its places merge with the briefing's; new places and its dates come in to review. \
                             One undo takes it out again.",
                        )
                        .small(),
                    );
                }
                answer = open(ui, ARTICLE_FILE, path, error.as_deref(), &[], browsing).map(|a| match a {
                    Answer::Open(p) => Answer::ReadArticle(p, to),
                    other => other,
                });
            });
        }
        Question::Dropped(path) => {
            window("Article dropped").show(ctx, |ui| answer = dropped(ui, path));
        }
        Question::Import { path, error } => {
            window("Import places").show(ctx, |ui| {
                ui.label("Places and areas from a GeoJSON (.geojson), KML (.kml) or CSV (.csv) file:");
                ui.label(
                    RichText::new(
                        "They come in as context, with the file as their provenance; one undo removes them all.",
                    )
                    .small(),
                );
                answer = open(ui, IMPORT_FILE, path, error.as_deref(), &[], browsing).map(|a| match a {
                    Answer::Open(p) => Answer::Import(p),
                    other => other,
                });
            });
        }
        Question::Article { article, error, to } => {
            let to = *to;
            window("About the article").show(ctx, |ui| answer = about(ui, article, error.as_deref(), to));
        }
        Question::Recover(found) => {
            window("Unsaved edits found").show(ctx, |ui| answer = recover(ui, found));
        }
    }
    answer
}

fn save_first(ui: &mut Ui, name: &str, then: &Then) -> Option<Answer> {
    let after = match then {
        Then::Quit => "closing",
        _ => "opening another briefing",
    };
    ui.label(format!("{name} has changes that are not saved. Save them before {after}?"));
    let mut answer = None;
    ui.horizontal(|ui| {
        if ui.button("Save").clicked() {
            answer = Some(Answer::Save(then.clone()));
        }
        if ui.button("Don't save").on_hover_text("Let the changes go").clicked() {
            answer = Some(Answer::Discard(then.clone()));
        }
        if ui.button("Cancel").clicked() || ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            answer = Some(Answer::Cancel);
        }
    });
    answer
}

fn save_as(
    ui: &mut Ui,
    folder: &mut String,
    error: Option<&str>,
    then: &Option<Then>,
    browsing: bool,
) -> Option<Answer> {
    let mut answer = None;
    ui.label("Save the briefing and its sources' texts into a folder:");
    ui.horizontal(|ui| {
        let field = ui.add(TextEdit::singleline(folder).desired_width(380.0));
        field.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, "Folder to save into"));
        focus_first(&field, folder);
        if portal_available() && ui.add_enabled(!browsing, egui::Button::new("Browse…")).clicked() {
            answer = Some(Answer::Browse { folder: true });
        }
    });
    if let Some(e) = error {
        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
    }
    ui.horizontal(|ui| {
        if ui.button("Save here").clicked() {
            answer = Some(Answer::SaveInto(PathBuf::from(folder.trim()), then.clone()));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Answer::Cancel);
        }
    });
    answer
}

/// A window that asks for a path opens ready for typing, unless something else has the keys.
/// (Not in the frame the field gave up the keys: Enter there is the answer.)
/// What is already in it is selected, so typing replaces it.
fn focus_first(field: &egui::Response, text: &str) {
    if !field.lost_focus() && field.ctx.memory(|m| m.focused().is_none()) {
        field.request_focus();
        if let Some(mut state) = egui::text_edit::TextEditState::load(&field.ctx, field.id) {
            let all = egui::text_selection::CCursorRange::two(
                egui::text::CCursor::new(0),
                egui::text::CCursor::new(text.chars().count()),
            );
            state.cursor.set_char_range(Some(all));
            state.store(&field.ctx, field.id);
        }
    }
}

/// What a typed-path field asks for: its accessible label and its hint.
struct FileField {
    label: &'static str,
    hint: &'static str,
}

const BRIEFING_FILE: FileField = FileField { label: "Briefing file", hint: "path/to/briefing.json" };
const ARTICLE_FILE: FileField = FileField { label: "Article file", hint: "path/to/article.txt" };
const IMPORT_FILE: FileField = FileField { label: "File to import", hint: "path/to/places.geojson" };

fn open(
    ui: &mut Ui,
    what: FileField,
    path: &mut String,
    error: Option<&str>,
    recent: &[PathBuf],
    browsing: bool,
) -> Option<Answer> {
    let mut answer = None;
    let typed = |path: &str| (!path.trim().is_empty()).then(|| Answer::Open(PathBuf::from(path.trim())));
    ui.horizontal(|ui| {
        let field = ui.add(TextEdit::singleline(path).desired_width(380.0).hint_text(what.hint));
        field.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, what.label));
        if field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
            answer = typed(path);
        }
        focus_first(&field, path);
        if portal_available() && ui.add_enabled(!browsing, egui::Button::new("Browse…")).clicked() {
            answer = Some(Answer::Browse { folder: false });
        }
    });
    if let Some(e) = error {
        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
    }
    if !recent.is_empty() {
        ui.label(RichText::new("Recent").strong());
        for file in recent {
            if ui.link(file.display().to_string()).clicked() {
                answer = Some(Answer::Open(file.clone()));
            }
        }
    }
    ui.horizontal(|ui| {
        if ui.button("Open").clicked() {
            answer = typed(path);
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Answer::Cancel);
        }
    });
    answer
}

/// What the article's file did not say, prefilled with what it did; then "Make the draft".
fn about(ui: &mut Ui, article: &mut Article, error: Option<&str>, to: ArticleUse) -> Option<Answer> {
    let mut answer = None;
    let words = article.src.text.split_whitespace().count();
    let found_date = article.src.published_from.as_deref().map(|f| format!(" (date from {f})")).unwrap_or_default();
    ui.label(format!("{}: {words} words{found_date}.", article.src.file));
    let info = &mut article.info;
    egui::Grid::new("article-info").num_columns(2).show(ui, |ui| {
        // The field's name for screen readers says it is the article's ("Article title").
        let field = |ui: &mut Ui, label: &str, value: &mut String, hint: &str| {
            let shown = ui.label(label);
            let f = ui.add(TextEdit::singleline(value).hint_text(hint).desired_width(340.0)).labelled_by(shown.id);
            f.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, format!("Article {}", label.to_lowercase())));
            ui.end_row();
        };
        field(ui, "Title", &mut info.title, "the headline");
        field(ui, "Author", &mut info.author, "as the article names them");
        field(ui, "Publisher", &mut info.publisher, "e.g. Belarus Digest");
        field(ui, "Published", &mut info.published, "YYYY-MM-DD (relative dates need it)");
        field(ui, "URL", &mut info.url, "https://…");
    });
    if info.published.trim().is_empty() {
        ui.label(RichText::new("Without a publication date, dates like “last week” stay unresolved.").small());
    }
    if let Some(e) = error {
        ui.label(RichText::new(e).color(ui.visuals().error_fg_color));
    }
    ui.horizontal(|ui| {
        let go = match to {
            ArticleUse::NewBriefing => "Find places and dates",
            ArticleUse::AddSource => "Add as a source",
        };
        if ui.button(go).clicked() {
            answer = Some(Answer::MakeDraft(Box::new(article.clone()), to));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Answer::Cancel);
        }
    });
    answer
}

/// An article dropped on an open briefing: one more source, or a briefing of its own?
fn dropped(ui: &mut Ui, path: &std::path::Path) -> Option<Answer> {
    let mut answer = None;
    let name = path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
    ui.label(format!("What should {name} be?"));
    ui.horizontal(|ui| {
        if ui.button("A source of this briefing").clicked() {
            answer = Some(Answer::ReadArticle(path.to_owned(), ArticleUse::AddSource));
        }
        if ui.button("A new briefing").clicked() {
            answer = Some(Answer::ReadArticle(path.to_owned(), ArticleUse::NewBriefing));
        }
        if ui.button("Cancel").clicked() {
            answer = Some(Answer::Cancel);
        }
    });
    answer
}

fn recover(ui: &mut Ui, found: &[Found]) -> Option<Answer> {
    let mut answer = None;
    ui.label("briefmap closed without saving these edits. Restore them?");
    for f in found {
        ui.separator();
        ui.label(f.describe());
        ui.horizontal(|ui| {
            if ui.button("Restore").clicked() {
                answer = Some(Answer::Restore(f.path.clone()));
            }
            if ui.button("Discard").on_hover_text("Delete these edits").clicked() {
                answer = Some(Answer::Forget(f.path.clone()));
            }
        });
    }
    ui.separator();
    if ui.button("Not now").on_hover_text("Keep them for the next start").clicked() {
        answer = Some(Answer::Cancel);
    }
    answer
}

/// Whether a native file dialog can be shown: rfd asks the desktop portal over D-Bus, which
/// needs a session bus (a bare X server, as in CI, has none: the typed path is the way).
fn portal_available() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some()
}
