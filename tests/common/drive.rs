//! Driving the app through its accessibility tree the way a person does: click a labelled
//! widget (scrolled into view first), click a menu entry, pick from a combo box just opened,
//! type into a field.

#![allow(dead_code)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// Scrolls the widget labelled `label` into view, then clicks it.
pub fn click<S>(h: &mut Harness<'_, S>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// Clicks a menu entry: its label carries its shortcut too ("Open… Ctrl+O").
pub fn click_entry<S>(h: &mut Harness<'_, S>, label: &str) {
    h.get_by_label_contains(label).click();
    h.run();
}

/// Clicks an entry of the combo box just opened (its popup comes last among the nodes that
/// share the entry's name, e.g. a place's checkbox in the same form).
pub fn pick<S>(h: &mut Harness<'_, S>, label: &str) {
    h.get_all_by_label(label).last().expect("the entry").click();
    h.run();
}

/// Sets the text of the field labelled `field`.
pub fn type_into<S>(h: &mut Harness<'_, S>, field: &str, text: &str) {
    h.get_by_label(field).set_text_value_accesskit(text);
    h.run();
}
