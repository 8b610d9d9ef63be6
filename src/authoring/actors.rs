//! Actors the analyst adds (states, alliances, armed groups), each with a colour of its own.

use crate::briefing::ids::{slug, unique};
use crate::briefing::{Actor, Briefing, BriefingDoc};
use crate::session::{Edit, ListEdit};

/// Colours for new actors, in the order they are given out: distinct from each other and
/// from the map's land and sea, readable on light and dark themes.
pub const PALETTE: [&str; 10] =
    ["#c0392b", "#2457a6", "#16a596", "#e0a800", "#8e44ad", "#d35400", "#2c7a3f", "#7f8c8d", "#b03a7a", "#5d4037"];

/// Colours analysts know these actors by (and the embedded briefing uses), by ISO code.
const KNOWN: [(&str, &str); 5] =
    [("RU", "#c0392b"), ("BY", "#16a596"), ("UA", "#e0a800"), ("US", "#2457a6"), ("PL", "#8e44ad")];

/// The colour for a country's actor: the one it is known by, if it is free, else the next free.
fn colour_for(code: &str, actors: &[Actor]) -> String {
    let known = KNOWN.iter().find(|(c, _)| *c == code).map(|(_, colour)| *colour);
    match known.filter(|k| !actors.iter().any(|a| a.colour.eq_ignore_ascii_case(k))) {
        Some(k) => k.to_owned(),
        None => next_colour_beyond(actors).to_owned(),
    }
}

/// The next free palette colour, leaving the known actors' colours to them.
fn next_colour_beyond(actors: &[Actor]) -> &'static str {
    let reserved = |c: &&str| KNOWN.iter().any(|(_, k)| k.eq_ignore_ascii_case(c));
    PALETTE
        .iter()
        .filter(|c| !reserved(c))
        .find(|c| !actors.iter().any(|a| a.colour.eq_ignore_ascii_case(c)))
        .copied()
        .unwrap_or_else(|| next_colour(actors))
}

/// The first palette colour no actor of `actors` has yet (the palette again, past its end).
pub fn next_colour(actors: &[Actor]) -> &'static str {
    PALETTE
        .iter()
        .find(|c| !actors.iter().any(|a| a.colour.eq_ignore_ascii_case(c)))
        .copied()
        .unwrap_or(PALETTE[actors.len() % PALETTE.len()])
}

/// A new actor called `name`, in the next free colour.
pub fn add(b: &Briefing, name: &str) -> Option<Edit> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let actors = b.actors();
    let id = unique(&slug(name, "actor"), |id| actors.iter().any(|a| a.id == id));
    let actor = Actor { id, name: name.to_owned(), colour: next_colour(actors).to_owned() };
    Some(Edit::Actors(ListEdit::Insert(actors.len(), actor)))
}

/// Gives a draft one actor per country it names (by the countries' regions), and each place
/// and region in a country that country's actor: a start the analyst refines. `country_of`
/// says which country (ISO code) a place or region is in; `countries` lists (code, name).
pub fn from_countries(
    doc: &mut BriefingDoc,
    countries: &[(String, String)],
    country_of: impl Fn(&str) -> Option<String>,
) {
    for (code, name) in countries {
        if doc.actors.iter().any(|a| a.name == *name) {
            continue;
        }
        let id = unique(&slug(name, "actor"), |id| doc.actors.iter().any(|a| a.id == id));
        let colour = colour_for(code, &doc.actors);
        doc.actors.push(Actor { id: id.clone(), name: name.clone(), colour });
        let code = code.clone();
        for p in doc.places.iter_mut().filter(|p| p.actors.is_empty() && country_of(&p.id).as_deref() == Some(&code)) {
            p.actors.push(id.clone());
        }
        for r in doc.regions.iter_mut().filter(|r| r.actors.is_empty() && country_of(&r.id).as_deref() == Some(&code)) {
            r.actors.push(id.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_actors_take_the_next_free_colour() {
        let taken = vec![Actor { id: "a".into(), name: "A".into(), colour: PALETTE[0].into() }];
        assert_eq!(next_colour(&taken), PALETTE[1]);
        assert_eq!(next_colour(&[]), PALETTE[0]);
    }
}
