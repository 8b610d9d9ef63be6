//! Relations between claims as edits: confirming or dismissing a suggestion
//! ([`crate::relations::suggest`]), relating two claims by hand, changing a relation's kind or
//! note, removing one. Each is one undo step; the session refuses a relation within one source
//! or to a claim that does not exist.

use crate::briefing::{Briefing, Relation, RelationKind, RelationStatus};
use crate::relations::RelationSuggestion;
use crate::session::{Edit, ListEdit};

fn append(b: &Briefing, relation: Relation) -> Edit {
    Edit::Relations(ListEdit::Insert(b.relations().len(), relation))
}

/// The suggestion confirmed as a relation of the kind suggested, its why as the note.
pub fn confirm(b: &Briefing, s: &RelationSuggestion) -> Edit {
    confirm_as(b, s, s.kind)
}

/// The suggestion confirmed as a relation of `kind` (the analyst read it otherwise).
pub fn confirm_as(b: &Briefing, s: &RelationSuggestion, kind: RelationKind) -> Edit {
    append(b, Relation { kind, ..s.to_relation(b) })
}

/// The suggestion dismissed: kept in the file as dismissed, so it is not suggested again.
pub fn dismiss(b: &Briefing, s: &RelationSuggestion) -> Edit {
    append(b, Relation { status: RelationStatus::Dismissed, ..s.to_relation(b) })
}

/// Claims `a` and `c` (indices) related by hand; `None` when either does not exist.
pub fn relate(b: &Briefing, a: usize, c: usize, kind: RelationKind, note: &str) -> Option<Edit> {
    let (a, c) = (b.claims().get(a)?, b.claims().get(c)?);
    let note = note.trim();
    let relation = Relation { note: (!note.is_empty()).then(|| note.to_owned()), ..Relation::new(kind, &a.id, &c.id) };
    Some(append(b, relation))
}

/// Relation `r` of `kind` instead; `None` when unchanged or there is no relation `r`.
pub fn set_kind(b: &Briefing, r: usize, kind: RelationKind) -> Option<Edit> {
    let relation = b.relations().get(r)?;
    (relation.kind != kind).then(|| Edit::Relations(ListEdit::Replace(r, Relation { kind, ..relation.clone() })))
}

/// Relation `r`'s note set to `text` (blank: none); `None` when unchanged.
pub fn set_note(b: &Briefing, r: usize, text: &str) -> Option<Edit> {
    let relation = b.relations().get(r)?;
    let note = Some(text.trim().to_owned()).filter(|t| !t.is_empty());
    (relation.note != note).then(|| Edit::Relations(ListEdit::Replace(r, Relation { note, ..relation.clone() })))
}

/// Relation `r` removed (a dismissed suggestion removed may be suggested again).
pub fn remove(b: &Briefing, r: usize) -> Option<Edit> {
    (r < b.relations().len()).then_some(Edit::Relations(ListEdit::Remove(r)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::briefing::load;
    use crate::relations::suggest;
    use crate::session::Session;

    fn fixture() -> Session {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sources/briefing.json");
        Session::open(&path, Atlas::bundled().unwrap()).unwrap()
    }

    #[test]
    fn confirming_and_dismissing_suggestions_are_undoable_and_checked() {
        let mut s = fixture();
        assert!(s.problems().is_empty(), "{:?}", s.problems());
        let before = s.briefing().to_json();
        let found = suggest(s.briefing());
        let n = found.len();
        s.apply(confirm(s.briefing(), &found[0])).unwrap();
        s.apply(dismiss(s.briefing(), &found[1])).unwrap();
        let b = s.briefing();
        assert_eq!(b.relations().len(), 2);
        let (a, c) = (found[0].a, found[0].b);
        assert_eq!(b.relations_of_claim(a), [0], "the confirmed relation is the claim's");
        assert_eq!(b.related_claim(0, a), Some(c));
        assert!(b.relations_of_claim(found[1].a).iter().all(|&r| r != 1), "a dismissed one is not");
        assert_eq!(suggest(b).len(), n - 2, "neither is suggested again");
        assert_eq!(b.relations()[0].note.as_deref(), Some(found[0].why.as_str()));

        s.apply(set_kind(s.briefing(), 0, RelationKind::SameEvent).unwrap()).unwrap();
        s.apply(set_note(s.briefing(), 0, "Same meeting.").unwrap()).unwrap();
        assert_eq!(s.briefing().relations()[0].note.as_deref(), Some("Same meeting."));
        // Saved and read back, the relations are the same.
        let doc = load::parse("x.json", &s.briefing().to_json()).unwrap().doc;
        assert_eq!(&doc, s.briefing().doc());

        // Within one source, or the same pair twice the same way: refused.
        let same_source = relate(s.briefing(), 0, 1, RelationKind::Corroborates, "").unwrap();
        let e = s.apply(same_source).unwrap_err().to_string();
        assert!(e.contains("relate claims of different sources"), "{e}");
        let twice = relate(s.briefing(), a, c, RelationKind::SameEvent, "").unwrap();
        assert!(s.apply(twice).unwrap_err().to_string().contains("already says"));

        s.apply(remove(s.briefing(), 1).unwrap()).unwrap();
        assert_eq!(suggest(s.briefing()).len(), n - 1, "a dismissal taken back is suggested again");
        for _ in 0..5 {
            assert!(s.undo());
        }
        assert_eq!(s.briefing().to_json(), before);
    }
}
