//! Places the analyst adds, moves and describes by hand, and links drawn between them.

use crate::briefing::ids::{slug, unique};
use crate::briefing::{Briefing, Confidence, Link, LinkKind, Origin, Place, PlaceKind, Provenance, TextRef};
use crate::session::{Edit, ListEdit};

/// Where the coordinates of a place put on the map by hand come from.
pub const BY_HAND: &str = "placed by hand on the map";

/// A new place `name` of `kind` at `lat`, `lon`; named at `mention` in a source, if given
/// (else it is context, and `why` says why it is on the map). `source` says where the
/// coordinates come from (a gazetteer entry, or [`BY_HAND`]).
#[allow(clippy::too_many_arguments)]
pub fn add(
    b: &Briefing,
    name: &str,
    kind: PlaceKind,
    lat: f64,
    lon: f64,
    mention: Option<TextRef>,
    source: &str,
    confidence: Confidence,
) -> Edit {
    let id = unique(&slug(name, "place"), |id| b.item(id).is_some());
    let origin = if mention.is_some() { Origin::Article } else { Origin::Context };
    let place = Place {
        id,
        name: name.trim().to_owned(),
        local_names: Vec::new(),
        aliases: Vec::new(),
        lat,
        lon,
        kind,
        actors: Vec::new(),
        provenance: Provenance {
            origin,
            why: (origin == Origin::Context).then(|| "added by the analyst".to_owned()),
            source: source.to_owned(),
            confidence,
            uncertainty_km: None,
        },
        mentions: mention.into_iter().collect(),
        suggestion: None,
    };
    Edit::Places(ListEdit::Insert(b.places().len(), place))
}

/// Place `i` moved to `lat`, `lon` (by dragging its marker): its coordinates are then the
/// analyst's, approximate.
pub fn moved(b: &Briefing, i: usize, lat: f64, lon: f64) -> Option<Edit> {
    let mut p = b.places().get(i)?.clone();
    p.lat = lat.clamp(-90.0, 90.0);
    p.lon = (lon + 180.0).rem_euclid(360.0) - 180.0;
    if !p.provenance.source.ends_with(MOVED) {
        p.provenance.source = format!("{}{MOVED}", p.provenance.source);
    }
    p.provenance.confidence = Confidence::Approximate;
    Some(Edit::Places(ListEdit::Replace(i, p)))
}

/// What a moved place's provenance says after where its coordinates first came from.
const MOVED: &str = "; moved by hand on the map";

/// Place `i` with another kind.
pub fn with_kind(b: &Briefing, i: usize, kind: PlaceKind) -> Option<Edit> {
    let mut p = b.places().get(i)?.clone();
    p.kind = kind;
    Some(Edit::Places(ListEdit::Replace(i, p)))
}

/// Place `i` with actor `actor` added (`on`) or taken away.
pub fn with_actor(b: &Briefing, i: usize, actor: &str, on: bool) -> Option<Edit> {
    let mut p = b.places().get(i)?.clone();
    p.actors.retain(|a| a != actor);
    if on {
        p.actors.push(actor.to_owned());
    }
    Some(Edit::Places(ListEdit::Replace(i, p)))
}

/// A link of `kind` from place (or region) `from` to `to`, supported by `claim` (ids).
pub fn link(b: &Briefing, from: &str, to: &str, kind: LinkKind, claim: &str) -> Edit {
    let base = format!("{from}-{to}");
    let id = unique(&slug(&base, "link"), |id| b.links().iter().any(|l| l.id == id));
    let link = Link { id, from: from.to_owned(), to: to.to_owned(), kind, label: None, claims: vec![claim.to_owned()] };
    Edit::Links(ListEdit::Insert(b.links().len(), link))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::session::Session;

    #[test]
    fn a_place_added_moved_and_linked_checks_and_undoes() {
        let atlas = Atlas::bundled().unwrap();
        let mut s = Session::checked(Briefing::embedded(&atlas).unwrap(), Some(atlas));
        let n = s.briefing().places().len();
        let text = s.briefing().text().full();
        let at = text.find("Voronezh").unwrap();
        let mention = TextRef::new(&s.briefing().sources()[0].id, at, at + "Voronezh".len());
        let e = add(s.briefing(), "Voronezh", PlaceKind::City, 51.67, 39.18, Some(mention), BY_HAND, Confidence::Good);
        s.apply(e).unwrap();
        let p = &s.briefing().places()[n];
        assert_eq!(p.id, "voronezh-2", "an id of its own");
        assert_eq!(p.provenance.origin, Origin::Article);
        s.apply(moved(s.briefing(), n, 51.7, 39.2).unwrap()).unwrap();
        assert_eq!(s.briefing().places()[n].provenance.confidence, Confidence::Approximate);
        let claim = s.briefing().claims()[0].id.clone();
        s.apply(link(s.briefing(), "moscow", "voronezh-2", LinkKind::Deployment, &claim)).unwrap();
        assert_eq!(s.briefing().links().last().unwrap().from, "moscow");
        // A link to nowhere is refused.
        assert!(s.apply(link(s.briefing(), "moscow", "atlantis", LinkKind::Talks, &claim)).is_err());
        for _ in 0..3 {
            assert!(s.undo());
        }
        assert_eq!(s.briefing().places().len(), n);
    }
}
