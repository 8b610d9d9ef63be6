//! Grading sources (reliability A–F) and claims (credibility 1–6) on the Admiralty scale, with
//! the analyst's note on each, as edits: each change is one undo step (typing a note is a
//! gesture, see [`crate::session::Session::apply_in_gesture`]).

use crate::briefing::{Briefing, Credibility, Reliability};
use crate::session::{Edit, ListEdit};

/// An empty note is no note.
fn note(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Source `i` graded `grade` (`None`: not graded); `None` when it already is, or there is no
/// source `i`.
pub fn set_reliability(b: &Briefing, i: usize, grade: Option<Reliability>) -> Option<Edit> {
    let source = b.sources().get(i)?;
    (source.reliability != grade).then(|| {
        let mut source = source.clone();
        source.reliability = grade;
        Edit::Source(ListEdit::Replace(i, source))
    })
}

/// Source `i`'s note set to `text` (blank: none); `None` when unchanged.
pub fn set_source_note(b: &Briefing, i: usize, text: &str) -> Option<Edit> {
    let source = b.sources().get(i)?;
    let text = note(text);
    (source.note != text).then(|| {
        let mut source = source.clone();
        source.note = text;
        Edit::Source(ListEdit::Replace(i, source))
    })
}

/// Claim `i` graded `grade` (`None`: not graded); `None` when it already is, or there is no
/// claim `i`.
pub fn set_credibility(b: &Briefing, i: usize, grade: Option<Credibility>) -> Option<Edit> {
    let claim = b.claims().get(i)?;
    (claim.credibility != grade).then(|| {
        let mut claim = claim.clone();
        claim.credibility = grade;
        Edit::Claims(ListEdit::Replace(i, claim))
    })
}

/// Claim `i`'s note on its credibility set to `text` (blank: none); `None` when unchanged.
pub fn set_credibility_note(b: &Briefing, i: usize, text: &str) -> Option<Edit> {
    let claim = b.claims().get(i)?;
    let text = note(text);
    (claim.credibility_note != text).then(|| {
        let mut claim = claim.clone();
        claim.credibility_note = text;
        Edit::Claims(ListEdit::Replace(i, claim))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::atlas::Atlas;
    use crate::session::Session;

    #[test]
    fn grades_and_notes_are_edits_that_undo_and_round_trip() {
        let atlas = Atlas::bundled().unwrap();
        let mut s = Session::checked(Briefing::embedded(&atlas).unwrap(), Some(atlas));
        let before = s.briefing().to_json();
        assert_eq!(s.briefing().sources()[0].reliability_label(), "F — Reliability cannot be judged (not graded)");
        s.apply(set_reliability(s.briefing(), 0, Some(Reliability::B)).unwrap()).unwrap();
        s.apply(set_source_note(s.briefing(), 0, "  Think-tank analyst. ").unwrap()).unwrap();
        s.apply(set_credibility(s.briefing(), 3, Some(Credibility::Three)).unwrap()).unwrap();
        s.apply(set_credibility_note(s.briefing(), 3, "Only Bohdan says so.").unwrap()).unwrap();
        assert!(set_reliability(s.briefing(), 0, Some(Reliability::B)).is_none(), "no change, no edit");
        assert!(set_credibility(s.briefing(), 99_999, None).is_none());
        let b = s.briefing();
        assert_eq!(b.sources()[0].reliability_label(), "B — Usually reliable");
        assert_eq!(b.sources()[0].note.as_deref(), Some("Think-tank analyst."));
        assert_eq!(b.claims()[3].rating(&b.sources()[0]), "B3");
        // What is saved reads back the same.
        let json = b.to_json();
        assert!(json.contains("\"reliability\": \"B\"") && json.contains("\"credibility\": 3"), "{json}");
        let again = crate::briefing::load::parse("x.json", &json).unwrap().doc;
        assert_eq!(&again, b.doc());
        for _ in 0..4 {
            assert!(s.undo());
        }
        assert_eq!(s.briefing().to_json(), before);
    }
}
