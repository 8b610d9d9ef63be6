//! The keyboard help overlay (`?`): every command's keys, from the command table, and the
//! keys of presentation mode.

use egui::{Grid, RichText, Ui, Window};

use super::command::Command;
use super::presenter;

/// Room kept above and below the window (its title bar, the screen's edges), in points.
const WINDOW_MARGIN: f32 = 110.0;
/// The list's least height, however small the window.
const MIN_HEIGHT: f32 = 200.0;

/// Draws the overlay when `open`.
pub fn show(ctx: &egui::Context, open: &mut bool) {
    Window::new("Keyboard shortcuts")
        .open(open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ctx, |ui| {
            // A short window (a laptop, a projector at 768 lines) scrolls the list.
            let height = (ctx.content_rect().height() - WINDOW_MARGIN).max(MIN_HEIGHT);
            egui::ScrollArea::vertical().max_height(height).min_scrolled_height(height).show(ui, list);
        });
}

/// Every command's keys, then presentation mode's, in one grid so both share their columns.
fn list(ui: &mut Ui) {
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
}
