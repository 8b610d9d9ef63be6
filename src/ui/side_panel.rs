//! The side panel: the selected place, region or claim, and the claims that back it.

use egui::{RichText, ScrollArea, Ui};

use super::action::{Action, Actions};
use super::claim_card;
use super::rings::Rings;
use super::theme::{CONTRADICTED, Palette, actor_colour};
use crate::briefing::{Briefing, Item, Origin, Provenance, RelationKind};
use crate::visibility::{Shown, Visibility};

/// Draws the panel for `selection`.
pub fn show(
    ui: &mut Ui,
    b: &Briefing,
    visibility: &Visibility,
    selection: Option<Item>,
    pal: &Palette,
    actions: &mut Actions,
    rings: &mut Rings,
) {
    ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| match selection {
        None => overview(ui, b, visibility, pal, actions),
        Some(Item::Place(i)) => place(ui, b, visibility, i, pal, actions, rings),
        Some(Item::Region(i)) => region(ui, b, visibility, i, pal, actions),
        Some(Item::Claim(c)) => claim(ui, b, visibility, c, pal, actions),
    });
}

fn overview(ui: &mut Ui, b: &Briefing, visibility: &Visibility, pal: &Palette, actions: &mut Actions) {
    let a = b.article();
    let several = b.sources().len() > 1;
    ui.heading(if several { b.title() } else { a.title.as_str() });
    if several {
        for source in b.sources().iter().take(MAX_SOURCES_LISTED) {
            let line = format!("{} · {}", source.named_with_grade(), source.date_label());
            if ui.link(line).on_hover_text(&source.title).clicked() {
                actions.push(Action::ShowText(crate::briefing::TextRef::new(&source.id, 0, 0)));
            }
        }
        let more = b.sources().len().saturating_sub(MAX_SOURCES_LISTED);
        if more > 0 {
            ui.label(RichText::new(format!("and {more} more sources: see the Sources panel")).small());
        }
    } else {
        ui.label(a.byline(" · "));
        if let Some(note) = &a.title_note {
            ui.label(RichText::new(note).small().color(pal.muted));
        }
    }
    ui.add_space(6.0);
    ui.label("Click a place on the map, a highlighted passage in the article, or search.");
    ui.add_space(8.0);
    ui.strong(if several { "Places the sources name" } else { "Places named in the article" });
    place_list(ui, b, visibility, Origin::Article, actions);
    ui.add_space(6.0);
    ui.strong(if several { "Context (not named in the sources)" } else { "Context (not named in the article)" });
    place_list(ui, b, visibility, Origin::Context, actions);
    ui.add_space(6.0);
    ui.strong("Regions");
    ui.horizontal_wrapped(|ui| {
        for (i, r) in
            b.regions().iter().enumerate().filter(|(i, _)| visibility.regions[*i] != Shown::Hidden).take(MAX_LISTED)
        {
            if ui.link(&r.name).clicked() {
                actions.push(Action::Select(Some(Item::Region(i))));
            }
        }
    });
}

/// Most sources the overview lists; the Sources panel has them all.
const MAX_SOURCES_LISTED: usize = 8;

/// Most places listed by name in the overview; past that, search finds them.
const MAX_LISTED: usize = 60;

fn place_list(ui: &mut Ui, b: &Briefing, visibility: &Visibility, origin: Origin, actions: &mut Actions) {
    // The count comes with the visibility: scanning 100k places a frame to count them is not free.
    let shown = visibility.shown_places(origin);
    let listed = b
        .places()
        .iter()
        .enumerate()
        .filter(|(i, p)| visibility.places[*i] != Shown::Hidden && p.provenance.origin == origin)
        .take(shown.min(MAX_LISTED));
    ui.horizontal_wrapped(|ui| {
        // A name moves to the next line whole rather than breaking in two.
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
        for (i, p) in listed {
            if ui.link(&p.name).clicked() {
                actions.push(Action::Select(Some(Item::Place(i))));
            }
        }
    });
    let more = shown.saturating_sub(MAX_LISTED);
    if more > 0 {
        ui.label(RichText::new(format!("and {more} more: search to find them")).small());
    }
}

fn header(
    ui: &mut Ui,
    b: &Briefing,
    name: &str,
    local: &[String],
    kind: &str,
    actors: &[String],
    actions: &mut Actions,
) {
    ui.horizontal(|ui| {
        if ui.small_button("◀ Overview").on_hover_text("Clear the selection (Esc)").clicked() {
            actions.push(Action::Select(None));
        }
    });
    ui.heading(name);
    if !local.is_empty() {
        ui.label(local.join(" · "));
    }
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(kind).small());
        for a in actors {
            let name = b.actor(a).map_or(a.as_str(), |x| x.name.as_str());
            super::theme::actor_chip(ui, name, actor_colour(b, a));
        }
    });
}

fn provenance(ui: &mut Ui, p: &Provenance, coordinates: Option<(f64, f64)>, pal: &Palette) {
    let origin = match p.origin {
        Origin::Article => "Named in the article.".to_owned(),
        Origin::Context => format!("Context, not named in the article: {}", p.why.as_deref().unwrap_or("")),
    };
    ui.label(RichText::new(origin).color(pal.muted));
    if p.origin == Origin::Article
        && let Some(why) = &p.why
    {
        ui.label(RichText::new(why).small().color(pal.muted));
    }
    let mut location = format!("Location: {}", p.source);
    if let Some(km) = p.uncertainty_km {
        location += &format!(" (± {km} km)");
    }
    if let Some((lat, lon)) = coordinates {
        location = format!("{lat:.4}° N, {lon:.4}° E · {location}");
    }
    ui.label(RichText::new(location).small().color(pal.muted));
}

/// The claims of a place or region; with several sources, under each source's name and grade.
fn claims(ui: &mut Ui, b: &Briefing, visibility: &Visibility, list: &[u32], pal: &Palette, actions: &mut Actions) {
    let list = list.iter().map(|&c| c as usize);
    let hidden = list.clone().filter(|&c| visibility.claims[c] == Shown::Hidden).count();
    let mut shown: Vec<usize> = list.filter(|&c| visibility.claims[c] != Shown::Hidden).collect();
    ui.add_space(6.0);
    ui.strong(format!("Claims ({})", shown.len()));
    if hidden > 0 {
        ui.label(RichText::new(format!("{hidden} more hidden by filters or the time window")).small().color(pal.muted));
    }
    let cards = |ui: &mut Ui, list: &[usize], actions: &mut Actions| {
        for &c in list {
            if claim_card::show(ui, b, c, visibility.claims[c], false, pal, false) {
                actions.push(Action::Select(Some(Item::Claim(c))));
            }
            ui.add_space(4.0);
        }
    };
    if b.sources().len() < 2 {
        return cards(ui, &shown, actions);
    }
    // Several sources: each one's claims under its name and grade, folding away, so that a
    // source with thirty claims does not bury the one with two. Stable: each source's claims
    // stay in their text's order.
    let source_of = |c: usize| b.source_index(&b.claims()[c].at.source).unwrap_or(0);
    shown.sort_by_key(|&c| source_of(c));
    for group in shown.chunk_by(|&x, &y| source_of(x) == source_of(y)) {
        let source = &b.sources()[source_of(group[0])];
        let heading = format!("{} · {} ({})", source.short_name(), source.reliability_label(), group.len());
        egui::CollapsingHeader::new(RichText::new(heading).strong())
            .id_salt(("claims-of", &source.id))
            .default_open(true)
            .show(ui, |ui| cards(ui, group, actions))
            .header_response
            .on_hover_text(format!("{} · {}", source.title, source.byline(" · ")));
    }
}

fn place(
    ui: &mut Ui,
    b: &Briefing,
    visibility: &Visibility,
    i: usize,
    pal: &Palette,
    actions: &mut Actions,
    rings: &mut Rings,
) {
    let p = &b.places()[i];
    header(ui, b, &p.name, &p.local_names, p.kind.label(), &p.actors, actions);
    provenance(ui, &p.provenance, Some((p.lat, p.lon)), pal);
    ui.add_space(4.0);
    if let Some(ring) = rings.add_form(ui, b, i) {
        actions.push(Action::AddRing(ring));
    }
    claims(ui, b, visibility, b.claims_of_place(i), pal, actions);
}

fn region(ui: &mut Ui, b: &Briefing, visibility: &Visibility, i: usize, pal: &Palette, actions: &mut Actions) {
    let r = &b.regions()[i];
    header(ui, b, &r.name, &r.local_names, r.kind.as_str(), &r.actors, actions);
    if let Some(status) = &r.status {
        ui.label(RichText::new(status).strong());
    }
    provenance(ui, &r.provenance, None, pal);
    claims(ui, b, visibility, b.claims_of_region(i), pal, actions);
}

fn claim(ui: &mut Ui, b: &Briefing, visibility: &Visibility, c: usize, pal: &Palette, actions: &mut Actions) {
    let claim = &b.claims()[c];
    ui.horizontal(|ui| {
        if ui.small_button("◀ Overview").clicked() {
            actions.push(Action::Select(None));
        }
        if ui.small_button("Show in article").clicked() {
            actions.push(Action::ShowText(claim.at.clone()));
        }
        if ui.small_button("Copy quote").on_hover_text("Copy the quote with its attribution").clicked() {
            let speaker = b.speaker(&claim.speaker).map(|s| s.label()).unwrap_or_default();
            let a = b.source_of(claim);
            ui.ctx().copy_text(format!(
                "{} — {speaker} (in {}, {}, {})",
                claim.quoted(),
                a.author,
                a.title,
                a.date_label()
            ));
        }
    });
    claim_card::show(ui, b, c, visibility.claims[c], true, pal, true);
    if let Some(reason) = claim.when.as_ref().and_then(|w| w.inferred.as_ref()) {
        ui.label(RichText::new(format!("Date inferred: {reason}")).small().color(pal.muted));
    }
    grade(ui, b, c, pal, actions);
    related(ui, b, visibility, c, pal, actions);
    ui.add_space(6.0);
    ui.strong("Where");
    ui.horizontal_wrapped(|ui| {
        for id in claim.places.iter().chain(&claim.regions) {
            if let Some(item) = b.item(id) {
                let name = super::state::name_of(b, item);
                if ui.link(name).clicked() {
                    actions.push(Action::Select(Some(item)));
                }
            }
        }
    });
    let links: Vec<_> = b.links().iter().filter(|l| l.claims.iter().any(|x| x == &claim.id)).collect();
    if !links.is_empty() {
        ui.add_space(6.0);
        ui.strong("Supports");
        for l in links {
            let name = |id: &str| b.item(id).map_or(id.to_owned(), |i| super::state::name_of(b, i).to_owned());
            ui.label(format!("{} to {}: {}", name(&l.from), name(&l.to), l.label.as_deref().unwrap_or(l.kind.label())));
        }
    }
}

/// The claim's source and its grade, and the claim's own credibility with its note.
fn grade(ui: &mut Ui, b: &Briefing, c: usize, pal: &Palette, actions: &mut Actions) {
    let claim = &b.claims()[c];
    let source = b.source_of(claim);
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!("Rating {}", claim.rating(source)));
        ui.label(RichText::new(format!("{}: {}", source.short_name(), source.reliability_label())).small());
    });
    ui.label(RichText::new("Credibility of the claim").small());
    if let Some(grade) = super::grading::credibility(ui, "Credibility", ("claim", &claim.id), claim.credibility)
        && let Some(edit) = crate::authoring::grades::set_credibility(b, c, grade)
    {
        actions.push(Action::Edit(Box::new(edit)));
    }
    let note = claim.credibility_note.as_deref();
    if let Some(text) =
        super::grading::note(ui, "Note on the credibility", super::grading::GRADE_HINT, ("claim", &claim.id), note)
        && let Some(edit) = crate::authoring::grades::set_credibility_note(b, c, &text)
    {
        actions.push(Action::Edit(Box::new(edit)));
    }
    if note.is_none() && claim.credibility.is_none() {
        ui.label(RichText::new("Not graded: reckoned as 6, truth cannot be judged.").small().color(pal.muted));
    }
}

/// What other sources say of the claim: "also reported by", "contradicted by", "same event
/// in", each claim a link (it opens the other source at it) and a side-by-side comparison.
fn related(ui: &mut Ui, b: &Briefing, visibility: &Visibility, c: usize, pal: &Palette, actions: &mut Actions) {
    if b.sources().len() < 2 {
        return;
    }
    let related: Vec<_> = b.related_claims(c).collect();
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.strong("Other sources");
        relate_menu(ui, b, c, &related, actions);
    });
    if related.is_empty() {
        let hint = "None related to it yet: the Sources panel suggests some, or relate it by hand.";
        ui.label(RichText::new(hint).small().color(pal.muted));
    }
    for kind in RelationKind::ALL {
        let of_kind: Vec<usize> = related.iter().filter(|(k, _)| *k == kind).map(|&(_, o)| o).collect();
        if of_kind.is_empty() {
            continue;
        }
        let mut phrase = RichText::new(kind.heading()).small().strong();
        if kind == RelationKind::Contradicts {
            phrase = phrase.color(CONTRADICTED);
        }
        ui.label(phrase);
        for other in of_kind {
            let o = &b.claims()[other];
            let source = b.source_of(o);
            ui.horizontal_wrapped(|ui| {
                let hidden = visibility.claims.get(other) == Some(&Shown::Hidden);
                let text = format!("{} ({}): {}", source.short_name(), o.rating(source), o.summary);
                let link = ui.link(text).on_hover_text("Open the other source at this claim");
                if link.clicked() {
                    actions.push(Action::Select(Some(Item::Claim(other))));
                }
                if ui.small_button("Compare").on_hover_text("The two claims side by side").clicked() {
                    actions.push(Action::Compare(c, other));
                }
                if hidden {
                    ui.label(RichText::new("(hidden by the filters)").small().color(pal.muted));
                }
            });
        }
    }
}

/// Most claims the "Relate to" menu offers.
const MAX_RELATE_OFFERED: usize = 30;

/// Relating claim `c` by hand to a claim of another source about one of its places or
/// regions (what the suggester missed): a menu of those claims, each with the three kinds.
fn relate_menu(ui: &mut Ui, b: &Briefing, c: usize, related: &[(RelationKind, usize)], actions: &mut Actions) {
    ui.menu_button(RichText::new("Relate to…").small(), |ui| {
        let offered = relatable(b, c, related);
        if offered.is_empty() {
            ui.label("No claim of another source is about its places.");
        }
        for o in offered {
            let other = &b.claims()[o];
            let label = format!("{}: {}", b.source_of(other).short_name(), other.summary);
            ui.menu_button(label, |ui| {
                for kind in RelationKind::ALL {
                    if ui.button(kind.label()).clicked()
                        && let Some(edit) = crate::authoring::relations::relate(b, c, o, kind, "")
                    {
                        actions.push(Action::Edit(Box::new(edit)));
                    }
                }
            });
        }
    });
}

/// The claims of other sources about claim `c`'s places and regions, not yet `related` to it,
/// each once, at most [`MAX_RELATE_OFFERED`]; gathered only while the menu is open (a region
/// can hold thousands of claims).
fn relatable(b: &Briefing, c: usize, related: &[(RelationKind, usize)]) -> Vec<usize> {
    let source = &b.claims()[c].at.source;
    let mut seen: std::collections::HashSet<usize> = related.iter().map(|&(_, r)| r).collect();
    let mut offered = Vec::new();
    for part in b.claim_parts(c) {
        let claims = match *part {
            Item::Place(p) => b.claims_of_place(p),
            Item::Region(r) => b.claims_of_region(r),
            Item::Claim(_) => &[],
        };
        for o in claims.iter().map(|&o| o as usize) {
            if &b.claims()[o].at.source != source && seen.insert(o) {
                offered.push(o);
                if offered.len() == MAX_RELATE_OFFERED {
                    return offered;
                }
            }
        }
    }
    offered
}
