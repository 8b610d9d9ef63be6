//! Running commands: from the keyboard (the keys in [`crate::ui::command`]) or from buttons
//! and menus (through the action queue), all in one place.

use super::BriefmapApp;
use crate::ui::action::Action;
use crate::ui::command::{self, Command};
use crate::ui::state::Theme;
use crate::ui::{time_panel, top_bar};

impl BriefmapApp {
    /// The commands this frame's keys give, queued to run with the other actions.
    pub(super) fn keys(&mut self, ctx: &egui::Context) {
        // A question on screen (save before closing?) takes the keys.
        if self.files.asking() {
            return;
        }
        // Plain keys must not steal letters typed into a text field (the reader's text is
        // read-only: selecting in it is not typing).
        let typing = ctx.text_edit_focused() && !self.reader.has_focus();
        for c in command::from_keys(ctx, typing) {
            self.actions.push(Action::Command(c));
        }
    }

    /// Runs one command.
    pub(super) fn run(&mut self, ctx: &egui::Context, c: Command) {
        let time = &mut self.state.time;
        let panels = &mut self.state.panels;
        match c {
            Command::Help => panels.help = !panels.help,
            Command::Find => ctx.memory_mut(|m| m.request_focus(top_bar::search_id())),
            Command::Escape => {
                if self.measure.active {
                    self.measure.active = false;
                    self.measure.clear();
                } else if panels.help {
                    panels.help = false;
                } else {
                    self.actions.push(Action::Select(None));
                }
                ctx.memory_mut(|m| m.surrender_focus(top_bar::search_id()));
            }
            Command::Open => self.files.ask_open(self.session.is_dirty()),
            Command::NewFromArticle => self.files.ask_article(self.session.is_dirty()),
            Command::Import => self.files.ask_import(),
            Command::AddSource => self.files.ask_source(),
            Command::Save => self.save(),
            Command::SaveAs => self.files.ask_save_as(self.session.briefing()),
            // The window's own close: unsaved changes are asked about in `close_requested`.
            Command::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
            Command::Undo => {
                if self.session.undo() {
                    self.edited(ctx);
                }
            }
            Command::Redo => {
                if self.session.redo() {
                    self.edited(ctx);
                }
            }
            Command::NextEvent => time_panel::step(time, &self.session.derived().timeline, true),
            Command::PreviousEvent => time_panel::step(time, &self.session.derived().timeline, false),
            Command::MonthLater => {
                let end = time.range.end;
                time.set_current(time.current().checked_add(jiff::Span::new().months(1)).unwrap_or(end));
            }
            Command::MonthEarlier => {
                let start = time.range.start;
                time.set_current(time.current().checked_sub(jiff::Span::new().months(1)).unwrap_or(start));
            }
            Command::Play => time_panel::toggle_play(time),
            Command::AllDates => {
                time.active = false;
                time.playing = false;
            }
            Command::ZoomIn => self.map.zoom_by(1.0),
            Command::ZoomOut => self.map.zoom_by(-1.0),
            Command::FrameAll => self.actions.push(Action::FrameAll),
            Command::Reader => panels.reader = !panels.reader,
            Command::Details => panels.side = !panels.side,
            Command::Legend => panels.legend = !panels.legend,
            Command::Rings => panels.rings = !panels.rings,
            Command::Measure => self.measure.active = !self.measure.active,
            Command::Story => panels.story = !panels.story,
            // With both open they are tabs: the command brings its tab forward, or closes it.
            Command::Author => {
                panels.author = !(panels.author && (!panels.sources || !panels.sources_tab));
                panels.sources_tab = false;
            }
            Command::Sources => {
                panels.sources = !(panels.sources && (!panels.author || panels.sources_tab));
                panels.sources_tab = panels.sources;
            }
            Command::Problems => panels.problems = !panels.problems,
            Command::Theme => {
                self.state.theme = match self.state.theme {
                    Theme::Light => Theme::Dark,
                    Theme::Dark => Theme::Light,
                }
            }
            Command::Present => self.actions.push(Action::Present(true)),
            Command::FullScreen => {
                let full = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
            }
        }
        ctx.request_repaint();
    }

    /// After the document changed (an edit, undo or redo): what shows it catches up.
    pub(super) fn edited(&mut self, ctx: &egui::Context) {
        self.visibility_key = None;
        self.story.document_changed();
        self.files.edited(ctx.input(|i| i.time));
        ctx.request_repaint();
    }
}
