//! The keyboard help overlay (`?`).

use egui::{Grid, RichText, Window};

/// Every global shortcut: keys and what they do (also the source of the help overlay).
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("?", "Show or hide this help"),
    ("Ctrl+F  or  /", "Search places, claims and text"),
    ("Esc", "Clear the selection, close overlays"),
    ("Left / Right", "Step the time slider to the previous / next event"),
    ("Shift+Left / Right", "Move the time slider by a month"),
    ("Space", "Play or pause the time slider"),
    ("A", "Show all dates (turn the slider off)"),
    ("+ / −", "Zoom in / out"),
    ("0", "Frame every place"),
    ("R", "Show or hide the article reader"),
    ("D", "Show or hide the details panel"),
    ("L", "Show or hide the legend"),
    ("G", "Range rings and what they reach"),
    ("M", "Measure distances: click points or places (Esc to stop)"),
    ("S", "Show or hide the story editor"),
    ("T", "Light or dark theme"),
    ("F5", "Present the story full screen"),
    ("F11", "Full screen"),
];

/// Keys while presenting (clickers send PageUp / PageDown).
pub const PRESENTING: &[(&str, &str)] = &[
    ("Right / Space / PageDown", "Next step"),
    ("Left / PageUp", "Previous step"),
    ("Home / End", "First / last step"),
    ("1, 2, 3 …", "Go to that step (1 then 2, quickly, for step 12)"),
    ("B  or  .", "Blank the screen, and back"),
    ("Esc", "Leave the presentation"),
];

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
                rows(ui, SHORTCUTS);
                ui.label(RichText::new("While presenting (F5)").strong());
                ui.end_row();
                rows(ui, PRESENTING);
            });
        });
}

fn rows(ui: &mut egui::Ui, rows: &[(&str, &str)]) {
    for (keys, what) in rows {
        ui.label(RichText::new(*keys).monospace().strong());
        ui.label(*what);
        ui.end_row();
    }
}
