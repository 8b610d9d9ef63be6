//! Edits: every change to a briefing, as data. Applying one gives back its inverse, so undo is
//! applying the inverse; nothing is ever copied whole.

use crate::briefing::{
    Actor, Briefing, Claim, DateMention, Link, Place, Region, Relation, Replaced, RingSpec, Source, Speaker, StoryStep,
};

/// A change to one list of records.
#[derive(Clone, Debug, PartialEq)]
pub enum ListEdit<T> {
    /// Put a record at this position (`0..=len`; `len` appends).
    Insert(usize, T),
    /// Take out the record at this position.
    Remove(usize),
    /// Put this record in place of the one at this position.
    Replace(usize, T),
    /// Move the record at `from` so that it ends up at `to`.
    Move {
        /// Where it is.
        from: usize,
        /// Where it goes.
        to: usize,
    },
}

/// Why an edit could not be made; the briefing is then as it was.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EditError {
    /// The edit names a record (or position) the list does not have.
    #[error("there is no {what} {} (there are {len})", .index + 1)]
    NoRecord {
        /// What the list holds, e.g. "step".
        what: &'static str,
        /// The 0-based index asked for.
        index: usize,
        /// How many there are.
        len: usize,
    },
    /// The edited briefing has problems the briefing did not have; each in words.
    #[error("{}", .0.join("; "))]
    Invalid(Vec<String>),
}

impl<T> ListEdit<T> {
    /// Makes the edit to `list`, returning the edit that undoes it; on error `list` is as it was.
    pub fn apply(self, list: &mut Vec<T>, what: &'static str) -> Result<ListEdit<T>, EditError> {
        let len = list.len();
        let check = |index: usize, limit: usize| {
            if index < limit { Ok(()) } else { Err(EditError::NoRecord { what, index, len }) }
        };
        Ok(match self {
            Self::Insert(at, record) => {
                check(at, len + 1)?;
                list.insert(at, record);
                Self::Remove(at)
            }
            Self::Remove(at) => {
                check(at, len)?;
                Self::Insert(at, list.remove(at))
            }
            Self::Replace(at, record) => {
                check(at, len)?;
                Self::Replace(at, std::mem::replace(&mut list[at], record))
            }
            Self::Move { from, to } => {
                check(from, len)?;
                check(to, len)?;
                let record = list.remove(from);
                list.insert(to, record);
                Self::Move { from: to, to: from }
            }
        })
    }

    /// The position the edit leaves its record at (none for a removal).
    pub fn position_after(&self) -> Option<usize> {
        match self {
            Self::Insert(at, _) | Self::Replace(at, _) => Some(*at),
            Self::Move { to, .. } => Some(*to),
            Self::Remove(_) => None,
        }
    }
}

/// A source with its text: sources come and go with the words they hold.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceWithText {
    /// The source's record.
    pub source: Source,
    /// Its text, byte for byte.
    pub text: String,
}

/// One change to a briefing. A batch is one undo step however many edits it holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The briefing's own title.
    Title(Option<String>),
    /// A source's record (its text stays).
    Source(ListEdit<Source>),
    /// A source added or taken out with its text.
    SourceText(ListEdit<SourceWithText>),
    /// Actors.
    Actors(ListEdit<Actor>),
    /// Speakers.
    Speakers(ListEdit<Speaker>),
    /// Places.
    Places(ListEdit<Place>),
    /// Regions.
    Regions(ListEdit<Region>),
    /// Claims.
    Claims(ListEdit<Claim>),
    /// Links.
    Links(ListEdit<Link>),
    /// Range rings.
    Rings(ListEdit<RingSpec>),
    /// Story steps.
    Story(ListEdit<StoryStep>),
    /// Dates found in the texts.
    Dates(ListEdit<DateMention>),
    /// Relations between claims (and dismissed suggestions).
    Relations(ListEdit<Relation>),
    /// Several edits made together, in order.
    Batch(Vec<Edit>),
}

/// What an edit touched, so that only what depends on it is rebuilt.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Touched {
    /// The story (nothing else derives from it).
    pub story: bool,
    /// Anything else: records that indexes, the timeline and the map's geometry are built from.
    pub records: bool,
}

impl Touched {
    fn with(self, other: Touched) -> Touched {
        Touched { story: self.story || other.story, records: self.records || other.records }
    }
}

impl Edit {
    /// Makes the edit to `b`'s document, returning the edit that undoes it. The caller rebuilds
    /// what [`Edit::touched`] says. On error nothing is changed.
    pub fn apply(self, b: &mut Briefing) -> Result<Edit, EditError> {
        let doc = b.doc_mut();
        Ok(match self {
            Self::Title(title) => Self::Title(std::mem::replace(&mut doc.title, title)),
            Self::Source(e) => Self::Source(e.apply(&mut doc.sources, "source")?),
            Self::SourceText(e) => Self::SourceText(apply_source_text(b, e)?),
            Self::Actors(e) => Self::Actors(e.apply(&mut doc.actors, "actor")?),
            Self::Speakers(e) => Self::Speakers(e.apply(&mut doc.speakers, "speaker")?),
            Self::Places(e) => Self::Places(e.apply(&mut doc.places, "place")?),
            Self::Regions(e) => Self::Regions(e.apply(&mut doc.regions, "region")?),
            Self::Claims(e) => Self::Claims(e.apply(&mut doc.claims, "claim")?),
            Self::Links(e) => Self::Links(e.apply(&mut doc.links, "link")?),
            Self::Rings(e) => Self::Rings(e.apply(&mut doc.rings, "ring")?),
            Self::Story(e) => Self::Story(e.apply(&mut doc.story, "step")?),
            Self::Dates(e) => Self::Dates(e.apply(&mut doc.dates, "date")?),
            Self::Relations(e) => Self::Relations(e.apply(&mut doc.relations, "relation")?),
            Self::Batch(edits) => {
                let mut undo = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(b) {
                        Ok(inverse) => undo.push(inverse),
                        Err(e) => {
                            // Put back what the batch did so far, newest first.
                            for inverse in undo.into_iter().rev() {
                                let _ = inverse.apply(b);
                            }
                            return Err(e);
                        }
                    }
                }
                undo.reverse();
                Self::Batch(undo)
            }
        })
    }

    /// What the edit touches.
    pub fn touched(&self) -> Touched {
        match self {
            Self::Story(_) => Touched { story: true, records: false },
            Self::Batch(edits) => edits.iter().fold(Touched::default(), |t, e| t.with(e.touched())),
            _ => Touched { story: false, records: true },
        }
    }

    /// The record the edit puts in place of another, with its position, when that is all it
    /// does (a batch of one included); for an edit's inverse, the record the edit replaced.
    /// The session patches what such an edit touched instead of rebuilding it.
    pub fn replaced(&self) -> Option<Replaced> {
        match self {
            Self::Places(ListEdit::Replace(i, p)) => Some(Replaced::Place(*i, p.clone())),
            Self::Regions(ListEdit::Replace(i, r)) => Some(Replaced::Region(*i, r.clone())),
            Self::Claims(ListEdit::Replace(i, c)) => Some(Replaced::Claim(*i, c.clone())),
            Self::Dates(ListEdit::Replace(i, d)) => Some(Replaced::Date(*i, d.clone())),
            Self::Batch(edits) if edits.len() == 1 => edits[0].replaced(),
            _ => None,
        }
    }

    /// What the edit does, for the Undo and Redo commands ("Undo rename step 3").
    pub fn label(&self) -> String {
        fn list<T>(e: &ListEdit<T>, what: &str) -> String {
            match e {
                ListEdit::Insert(at, _) => format!("add {what} {}", at + 1),
                ListEdit::Remove(at) => format!("delete {what} {}", at + 1),
                ListEdit::Replace(at, _) => format!("change {what} {}", at + 1),
                ListEdit::Move { from, to } => format!("move {what} {} to {}", from + 1, to + 1),
            }
        }
        match self {
            Self::Title(_) => "change the title".to_owned(),
            Self::Source(e) => list(e, "source"),
            Self::SourceText(e) => list(e, "source"),
            Self::Actors(e) => list(e, "actor"),
            Self::Speakers(e) => list(e, "speaker"),
            Self::Places(e) => list(e, "place"),
            Self::Regions(e) => list(e, "region"),
            Self::Claims(e) => list(e, "claim"),
            Self::Links(e) => list(e, "link"),
            Self::Rings(e) => list(e, "ring"),
            Self::Story(e) => list(e, "step"),
            Self::Dates(e) => list(e, "date"),
            Self::Relations(e) => list(e, "relation"),
            Self::Batch(edits) if edits.len() == 1 => edits[0].label(),
            Self::Batch(edits) => format!("{} changes", edits.len()),
        }
    }
}

/// Adds or removes a source together with its text.
fn apply_source_text(b: &mut Briefing, e: ListEdit<SourceWithText>) -> Result<ListEdit<SourceWithText>, EditError> {
    let len = b.sources().len();
    let no = |index: usize| EditError::NoRecord { what: "source", index, len };
    match e {
        ListEdit::Insert(at, s) => {
            if at > len {
                return Err(no(at));
            }
            b.doc_mut().sources.insert(at, s.source);
            b.push_text(at, s.text);
            Ok(ListEdit::Remove(at))
        }
        ListEdit::Remove(at) => {
            if at >= len {
                return Err(no(at));
            }
            let source = b.doc_mut().sources.remove(at);
            let text = b.remove_text(at).unwrap_or_default();
            Ok(ListEdit::Insert(at, SourceWithText { source, text }))
        }
        ListEdit::Replace(at, s) => {
            if at >= len {
                return Err(no(at));
            }
            let source = std::mem::replace(&mut b.doc_mut().sources[at], s.source);
            let text = b.remove_text(at).unwrap_or_default();
            b.push_text(at, s.text);
            Ok(ListEdit::Replace(at, SourceWithText { source, text }))
        }
        ListEdit::Move { from, to } => {
            if from >= len || to >= len {
                return Err(no(from.max(to)));
            }
            let source = b.doc_mut().sources.remove(from);
            b.doc_mut().sources.insert(to, source);
            let text = b.remove_text(from).unwrap_or_default();
            b.push_text(to, text);
            Ok(ListEdit::Move { from: to, to: from })
        }
    }
}
