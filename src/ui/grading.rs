//! Grading on the Admiralty scale: a source's reliability (A–F) and a claim's credibility
//! (1–6) picked from the scale's words, and the analyst's note beside each. The widgets hand
//! back what was chosen; the caller makes the edit.

use egui::{ComboBox, RichText, Role, TextEdit, Ui, WidgetInfo};

use crate::briefing::grade::NOT_GRADED;
use crate::briefing::{Credibility, Reliability};

/// What a grade's empty note field suggests writing.
pub const GRADE_HINT: &str = "Why this grade";

/// Width of a grade's combo box: the longest of the scale's words fits.
const COMBO_WIDTH: f32 = 270.0;

/// A reliability picked in a combo box named `label` (for screen readers; the caller labels it
/// on screen); `Some(new)` when it changed.
pub fn reliability(
    ui: &mut Ui,
    label: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: Option<Reliability>,
) -> Option<Option<Reliability>> {
    let scale = Scale {
        all: &Reliability::ALL,
        default: Reliability::F,
        label_of: Reliability::label,
        short_of: |r| r.letter().to_owned(),
    };
    pick(ui, label, ("reliability", id), current, scale)
}

/// A credibility picked in a combo box named `label` (for screen readers; the caller labels
/// it on screen); `Some(new)` when it changed.
pub fn credibility(
    ui: &mut Ui,
    label: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: Option<Credibility>,
) -> Option<Option<Credibility>> {
    let scale = Scale {
        all: &Credibility::ALL,
        default: Credibility::Six,
        label_of: Credibility::label,
        short_of: |c| c.number().to_string(),
    };
    pick(ui, label, ("credibility", id), current, scale)
}

/// One of the Admiralty scales: its grades in order, the one an ungraded record counts as,
/// each grade in the scale's words and as analysts write it ("F", "6").
struct Scale<'a, G> {
    all: &'a [G],
    default: G,
    label_of: fn(G) -> String,
    short_of: fn(G) -> String,
}

/// A grade of `scale` picked in a combo box, "not graded" first (shown with the grade it
/// counts as); `Some(new)` when it changed.
fn pick<G: Copy + PartialEq>(
    ui: &mut Ui,
    label: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: Option<G>,
    scale: Scale<'_, G>,
) -> Option<Option<G>> {
    let default = (scale.label_of)(scale.default);
    let shown = current.map_or_else(|| format!("{default} ({NOT_GRADED})"), scale.label_of);
    let mut picked = current;
    let combo = ComboBox::from_id_salt(id).selected_text(shown).width(COMBO_WIDTH).show_ui(ui, |ui| {
        let counts_as = (scale.short_of)(scale.default);
        ui.selectable_value(&mut picked, None, format!("Not graded (counts as {counts_as})"));
        for &grade in scale.all {
            ui.selectable_value(&mut picked, Some(grade), (scale.label_of)(grade));
        }
    });
    combo.response.widget_info(|| WidgetInfo::labeled(Role::ComboBox, true, label));
    (picked != current).then_some(picked)
}

/// A note typed into a field named `label` (`hint` in it while empty); handed back when the
/// field lets go of the keyboard with other words than `current` (one undo step per note,
/// not per keystroke).
/// What is being typed stays in egui's memory under `id`, so the panel keeps no state.
pub fn note(
    ui: &mut Ui,
    label: &str,
    hint: &str,
    id: impl std::hash::Hash + std::fmt::Debug,
    current: Option<&str>,
) -> Option<String> {
    let id = ui.make_persistent_id(("note", id));
    let current = current.unwrap_or("");
    let mut text: String = ui.data_mut(|d| d.get_temp(id)).unwrap_or_else(|| current.to_owned());
    ui.label(RichText::new(label).small());
    let response =
        ui.add(TextEdit::multiline(&mut text).id_salt(id).desired_rows(2).desired_width(f32::INFINITY).hint_text(hint));
    response.widget_info(|| WidgetInfo::labeled(Role::MultilineTextInput, true, label));
    let changed = response.lost_focus() && text.trim() != current.trim();
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text.clone()));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    changed.then_some(text)
}
