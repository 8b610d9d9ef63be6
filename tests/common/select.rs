//! Selecting text in the app's article reader the way a screen reader does: an AccessKit
//! "set text selection" request on the paragraph's text field, at the text runs that hold the
//! words.

use egui::accesskit::{Action, ActionData, ActionRequest, NodeId, Role, TextPosition, TextSelection, TreeId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// Selects the first occurrence of `needle` in the reader (the words must sit in one paragraph).
pub fn select_in_reader<S>(h: &mut Harness<'_, S>, needle: &str) {
    let (target, label_of, anchor, focus) = {
        let paragraphs: Vec<_> =
            h.get_all_by_role(Role::MultilineTextInput).filter(|n| label(n).starts_with("Paragraph at byte")).collect();
        let mut found = None;
        for p in paragraphs {
            // The paragraph's text, run by run, with each run's node and where it starts.
            let mut text = String::new();
            let mut runs: Vec<(NodeId, usize, String)> = Vec::new();
            for run in p.children().filter(|c| c.accesskit_node().role() == Role::TextRun) {
                let value = run.accesskit_node().value().unwrap_or_default();
                runs.push((run.accesskit_node().locate().0, text.chars().count(), value.clone()));
                text.push_str(&value);
            }
            if let Some(byte) = text.find(needle) {
                let start = text[..byte].chars().count();
                let end = start + needle.chars().count();
                let at = |c: usize, end_side: bool| {
                    let run = runs
                        .iter()
                        .rev()
                        .find(|(_, first, value)| {
                            if end_side { *first < c } else { *first <= c && c < first + value.chars().count().max(1) }
                        })
                        .unwrap_or(&runs[0]);
                    TextPosition { node: run.0, character_index: c - run.1 }
                };
                found = Some((p.accesskit_node().locate().0, label(&p), at(start, false), at(end, true)));
                break;
            }
        }
        found.unwrap_or_else(|| panic!("no paragraph of the reader holds {needle:?}"))
    };
    // A text field takes a selection only while it has the keyboard.
    h.get_by_label(&label_of).scroll_to_me();
    h.run();
    h.get_by_label(&label_of).focus();
    h.run();
    h.event(egui::Event::AccessKitActionRequest(ActionRequest {
        action: Action::SetTextSelection,
        target_tree: TreeId::ROOT,
        target_node: target,
        data: Some(ActionData::SetTextSelection(TextSelection { anchor, focus })),
    }));
    h.run();
}

fn label<'t, N: NodeT<'t>>(n: &N) -> String {
    n.accesskit_node().label().unwrap_or_default()
}
