//! What a story step says on its caption card: its title, caption, date and lead claim.
//!
//! The presenter's card, the PNG render of a step and the PDF handout all read it from here,
//! so a step reads the same on the screen, on a slide and on paper.

use jiff::civil::Date;

use super::{Briefing, Item, StoryStep, TimeWindow};

/// The claim a step puts forward: its first.
pub fn lead_claim(b: &Briefing, step: &StoryStep) -> Option<usize> {
    step.claims.first().and_then(|id| match b.item(id) {
        Some(Item::Claim(c)) => Some(c),
        _ => None,
    })
}

/// The claims a step cites, in the step's order (ids that lead nowhere, in a draft, skipped).
pub fn step_claims(b: &Briefing, step: &StoryStep) -> Vec<usize> {
    step.claims
        .iter()
        .filter_map(|id| match b.item(id) {
            Some(Item::Claim(c)) => Some(c),
            _ => None,
        })
        .collect()
}

/// What the caption card says.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Caption {
    /// "step / steps", when presenting a story.
    pub progress: Option<(usize, usize)>,
    /// The headline.
    pub title: String,
    /// A sentence or two.
    pub text: String,
    /// The claim to quote, if any.
    pub lead: Option<usize>,
    /// The sources its claims come from, each with its grade ("Kommersant (B — Usually
    /// reliable)"), in source order; empty when the briefing has one source.
    pub sources: Vec<String>,
}

impl Caption {
    /// The caption for story step `i`.
    pub fn of_step(b: &Briefing, i: usize) -> Self {
        let Some(step) = b.story().get(i) else { return Self::default() };
        Self {
            progress: Some((i, b.story().len())),
            title: step.title.clone(),
            text: step.caption.clone(),
            lead: lead_claim(b, step),
            sources: sources_named(b, &step_claims(b, step)),
        }
    }

    /// A caption for a view that is not a story step: the article, and the selected claim.
    pub fn of_view(b: &Briefing, lead: Option<usize>) -> Self {
        let a = b.article();
        let sources = sources_named(b, lead.as_slice());
        Self { progress: None, title: a.title.clone(), text: a.byline(", "), lead, sources }
    }
}

/// The sources `claims` quote, each once in source order, named with their grade for a card;
/// nothing for a briefing of one source (its byline already says who).
pub fn sources_named(b: &Briefing, claims: &[usize]) -> Vec<String> {
    if b.sources().len() < 2 {
        return Vec::new();
    }
    let mut used: Vec<usize> = claims.iter().filter_map(|&c| b.source_index(&b.claims().get(c)?.at.source)).collect();
    used.sort_unstable();
    used.dedup();
    used.into_iter().map(|i| b.sources()[i].named_with_grade()).collect()
}

/// The time a step shows: every date, the story as it stood on one day, or a window of days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StepTime {
    /// No time set (or a date that does not exist): everything.
    All,
    /// One date: the story as it stood at its end (the last day of a month or year).
    AsOf(Date),
    /// From the first day to the last.
    Window(Date, Date),
}

impl StepTime {
    /// The time of a step with this window.
    pub fn of(window: Option<TimeWindow>) -> Self {
        match window.and_then(|w| w.days().map(|d| (w, d))) {
            None => Self::All,
            Some((w, (_, to))) if w.to.is_none() => Self::AsOf(to),
            Some((_, (from, to))) => Self::Window(from, to),
        }
    }

    /// In the card's words: "As of 16 May 2016", "12 May 2016 – 16 May 2016", "All dates".
    pub fn label(self) -> String {
        match self {
            Self::All => "All dates".to_owned(),
            Self::AsOf(day) => format!("As of {}", long_date(day)),
            Self::Window(from, to) => format!("{} – {}", long_date(from.min(to)), long_date(from.max(to))),
        }
    }
}

/// `text` cut at a word boundary to at most `max` characters, with an ellipsis if cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.', ' ']))
}

/// A day as the caption card writes it: "16 May 2016".
pub fn long_date(d: Date) -> String {
    d.strftime("%-d %b %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use jiff::civil::date;

    #[test]
    fn a_step_leads_with_its_first_claim() {
        let b = Briefing::embedded(&Atlas::bundled().unwrap()).unwrap();
        let step = &b.story()[2];
        let lead = lead_claim(&b, step).unwrap();
        assert_eq!(b.claims()[lead].id, step.claims[0]);
        assert_eq!(step_claims(&b, step).len(), step.claims.len());
        let caption = Caption::of_step(&b, 2);
        assert_eq!((caption.progress, caption.lead), (Some((2, 12)), Some(lead)));
        assert_eq!(caption.title, step.title);
        assert_eq!(Caption::of_step(&b, 99), Caption::default(), "no such step: an empty card");
        assert!(caption.sources.is_empty(), "one source: its byline says who");
    }

    #[test]
    fn a_step_names_the_sources_of_its_claims_with_their_grades() {
        let b = crate::test_fixture::four_sources_edited(|doc| {
            let step = r#"{"title": "Minsk talks", "caption": "", "view": {"frame": ["minsk"]},
                           "claims": ["wire-talks-in-minsk", "lavrov-arrives-minsk"]}"#;
            doc.story = vec![serde_json::from_str(step).unwrap()];
        });
        let caption = Caption::of_step(&b, 0);
        let (lead, wire) = (&b.sources()[0], &b.sources()[1]);
        assert_eq!(caption.sources, [lead.named_with_grade(), wire.named_with_grade()], "in source order");
        assert!(caption.sources[1].contains("C — Fairly reliable"), "{:?}", caption.sources);
    }

    #[test]
    fn time_labels_read_as_the_card_has_them() {
        let window = |from: &str, to: Option<&str>| {
            Some(TimeWindow { from: from.parse().unwrap(), to: to.map(|t| t.parse().unwrap()) })
        };
        assert_eq!(StepTime::of(None).label(), "All dates");
        assert_eq!(StepTime::of(window("2016-05-16", None)).label(), "As of 16 May 2016");
        assert_eq!(StepTime::of(window("2016-05", None)), StepTime::AsOf(date(2016, 5, 31)));
        assert_eq!(StepTime::of(window("2010", Some("2016-05"))).label(), "1 Jan 2010 – 31 May 2016");
        assert_eq!(StepTime::of(window("2016-02-30", None)), StepTime::All, "no such day: every date");
    }
}
