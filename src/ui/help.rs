//! The keyboard help overlay (`?`): every command's keys, from the command table, and the
//! keys of presentation mode.

use egui::{Grid, RichText, Window};

use super::command::Command;
use super::presenter;

/// Draws the overlay when `open`.
pub fn show(ctx: &egui::Context, open: &mut bool) {
    Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            // One grid, so both lists share their columns.
            Grid::new("shortcuts").num_columns(2).spacing([24.0, 6.0]).show(ui, |ui| {
                for command in Command::ALL {
                    ui.label(RichText::new(command.keys_text(ui.ctx())).monospace().strong());
                    ui.label(command.tooltip());
                    ui.end_row();
                }
                ui.label(RichText::new("While presenting (F5)").strong());
                ui.end_row();
                for row in presenter::KEYS {
                    ui.label(RichText::new(row.keys_text()).monospace().strong());
                    ui.label(row.text);
                    ui.end_row();
                }
            });
        });
}
