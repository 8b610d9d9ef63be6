//! The problems window: what is wrong with a draft, record by record; clicking one shows the
//! record (selects the place, region or claim, or picks the story step).

use egui::{RichText, ScrollArea, Window};

use super::action::{Action, Actions};
use crate::briefing::{Item, Problem};
use crate::session::{Session, in_words};

/// The record a problem's path is in, as something the app can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Record {
    /// A place, region or claim.
    Item(Item),
    /// A story step (0-based).
    Step(usize),
}

/// The record `path` (`places[3].lat`, `story[2].title`...) points into, if the app can show it.
///
/// ```
/// # use briefmap::ui::problems::{Record, record_of};
/// # use briefmap::briefing::Item;
/// assert_eq!(record_of("claims[4].at.start"), Some(Record::Item(Item::Claim(4))));
/// assert_eq!(record_of("story[0].title"), Some(Record::Step(0)));
/// assert_eq!(record_of("sources[0].published"), None);
/// ```
pub fn record_of(path: &str) -> Option<Record> {
    let (list, rest) = path.split_once('[')?;
    let index: usize = rest.split_once(']')?.0.parse().ok()?;
    Some(match list {
        "places" => Record::Item(Item::Place(index)),
        "regions" => Record::Item(Item::Region(index)),
        "claims" => Record::Item(Item::Claim(index)),
        "story" => Record::Step(index),
        _ => return None,
    })
}

/// Draws the window when `open`: each problem, a button to show its record.
pub fn show(ctx: &egui::Context, session: &Session, open: &mut bool, actions: &mut Actions) {
    let problems = session.problems();
    if problems.is_empty() {
        *open = false;
        return;
    }
    Window::new(format!("Problems ({})", problems.len())).open(open).default_width(460.0).show(ctx, |ui| {
        ui.label(
            RichText::new("This briefing is a draft: it can be saved as it is, and `briefmap check` lists these too.")
                .small(),
        );
        ui.separator();
        ScrollArea::vertical().max_height(360.0).show(ui, |ui| {
            for p in problems {
                row(ui, session, p, actions);
            }
        });
    });
}

fn row(ui: &mut egui::Ui, session: &Session, p: &Problem, actions: &mut Actions) {
    ui.horizontal_wrapped(|ui| {
        let target = record_of(&p.path).filter(|r| match r {
            Record::Item(Item::Place(i)) => *i < session.briefing().places().len(),
            Record::Item(Item::Region(i)) => *i < session.briefing().regions().len(),
            Record::Item(Item::Claim(i)) => *i < session.briefing().claims().len(),
            Record::Step(i) => *i < session.briefing().story().len(),
        });
        match target {
            Some(record) if ui.small_button("Show").on_hover_text(&p.path).clicked() => actions.push(match record {
                Record::Item(item) => Action::Select(Some(item)),
                Record::Step(i) => Action::ShowStep(i),
            }),
            _ => {}
        }
        ui.label(in_words(p.clone()));
    });
}
