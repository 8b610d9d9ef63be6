//! Global keyboard shortcuts (listed in the help overlay).

use egui::{Key, Modifiers};

use super::BriefmapApp;
use crate::ui::action::Action;
use crate::ui::state::SLIDER_END;
use crate::ui::time_panel;
use crate::ui::top_bar;

impl BriefmapApp {
    pub(super) fn shortcuts(&mut self, ui: &mut egui::Ui) {
        // Single-key shortcuts must not steal letters typed into a text field.
        let typing = ui.ctx().text_edit_focused();
        let pressed = |ui: &mut egui::Ui, m: Modifiers, k: Key| ui.input_mut(|i| i.consume_key(m, k));
        if pressed(ui, Modifiers::COMMAND, Key::F) {
            ui.ctx().memory_mut(|m| m.request_focus(top_bar::search_id()));
        }
        if pressed(ui, Modifiers::NONE, Key::Escape) {
            if self.measure.active {
                self.measure.active = false;
                self.measure.clear();
            } else if self.state.panels.help {
                self.state.panels.help = false;
            } else {
                self.actions.push(Action::Select(None));
            }
            ui.ctx().memory_mut(|m| m.surrender_focus(top_bar::search_id()));
        }
        if pressed(ui, Modifiers::NONE, Key::F11) {
            let full = ui.ctx().input(|i| i.viewport().fullscreen.unwrap_or(false));
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Fullscreen(!full));
        }
        if typing {
            return;
        }
        let time = &mut self.state.time;
        let tl = &self.loaded.timeline;
        if pressed(ui, Modifiers::SHIFT, Key::ArrowRight) {
            time.set_current(time.current().checked_add(jiff::Span::new().months(1)).unwrap_or(SLIDER_END));
        }
        if pressed(ui, Modifiers::SHIFT, Key::ArrowLeft) {
            time.set_current(time.current().checked_sub(jiff::Span::new().months(1)).unwrap_or(SLIDER_END));
        }
        if pressed(ui, Modifiers::NONE, Key::ArrowRight) {
            time_panel::step(time, tl, true);
        }
        if pressed(ui, Modifiers::NONE, Key::ArrowLeft) {
            time_panel::step(time, tl, false);
        }
        if pressed(ui, Modifiers::NONE, Key::Space) {
            time_panel::toggle_play(time);
        }
        if pressed(ui, Modifiers::NONE, Key::A) {
            time.active = false;
            time.playing = false;
        }
        let panels = &mut self.state.panels;
        let toggles = [
            (Key::R, &mut panels.reader),
            (Key::D, &mut panels.side),
            (Key::L, &mut panels.legend),
            (Key::S, &mut panels.story),
            (Key::G, &mut panels.rings),
            (Key::M, &mut self.measure.active),
        ];
        for (key, flag) in toggles {
            if pressed(ui, Modifiers::NONE, key) {
                *flag = !*flag;
            }
        }
        if ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == "?"))) {
            panels.help = !panels.help;
        }
        if ui.input(|i| i.events.iter().any(|e| matches!(e, egui::Event::Text(t) if t == "/"))) {
            ui.ctx().memory_mut(|m| m.request_focus(top_bar::search_id()));
        }
        if pressed(ui, Modifiers::NONE, Key::T) {
            self.state.theme = match self.state.theme {
                crate::ui::state::Theme::Light => crate::ui::state::Theme::Dark,
                crate::ui::state::Theme::Dark => crate::ui::state::Theme::Light,
            };
        }
        if pressed(ui, Modifiers::NONE, Key::Plus) || pressed(ui, Modifiers::NONE, Key::Equals) {
            self.map.zoom_by(1.0);
        }
        if pressed(ui, Modifiers::NONE, Key::Minus) {
            self.map.zoom_by(-1.0);
        }
        if pressed(ui, Modifiers::NONE, Key::Num0) {
            self.actions.push(Action::FrameAll);
        }
        if pressed(ui, Modifiers::NONE, Key::F5) {
            self.actions.push(Action::Present(true));
        }
    }
}
