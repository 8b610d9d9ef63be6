//! Relations between claims of different sources: one corroborates, contradicts or reports the
//! same event as another. The analyst makes them (confirming a suggestion or by hand); a
//! suggestion turned down is kept as a dismissed relation so that it is not suggested again.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::doc::BriefingDoc;
use super::problem::Problem;

/// What one claim is to another.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    /// They say the same thing: each supports the other.
    Corroborates,
    /// They disagree (on a number, a date, a place) about the same thing.
    Contradicts,
    /// They report the same event, neither confirming nor denying the other.
    SameEvent,
}

impl RelationKind {
    /// Every kind, in legend order.
    pub const ALL: [Self; 3] = [Self::Corroborates, Self::Contradicts, Self::SameEvent];

    /// The name used in files and exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Corroborates => "corroborates",
            Self::Contradicts => "contradicts",
            Self::SameEvent => "same_event",
        }
    }

    /// A label for the side panel and legends.
    pub fn label(self) -> &'static str {
        match self {
            Self::Corroborates => "Corroborates",
            Self::Contradicts => "Contradicts",
            Self::SameEvent => "Same event",
        }
    }

    /// How a claim's side panel introduces the claims on the other side ("also reported by").
    pub fn phrase(self) -> &'static str {
        match self {
            Self::Corroborates => "also reported by",
            Self::Contradicts => "contradicted by",
            Self::SameEvent => "same event in",
        }
    }

    /// The phrase as a heading ("Also reported by").
    pub fn heading(self) -> &'static str {
        match self {
            Self::Corroborates => "Also reported by",
            Self::Contradicts => "Contradicted by",
            Self::SameEvent => "Same event in",
        }
    }
}

/// Whether a relation is the analyst's, or a suggestion they turned down.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationStatus {
    /// Made or confirmed by the analyst (written by leaving `status` out).
    #[default]
    Confirmed,
    /// A suggestion the analyst dismissed: not shown, not exported, not suggested again.
    Dismissed,
}

impl RelationStatus {
    fn is_confirmed(&self) -> bool {
        *self == Self::Confirmed
    }
}

/// Claim `a` is `kind` to claim `b` (symmetric: the order is the order they were made in).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relation {
    /// What one is to the other.
    pub kind: RelationKind,
    /// One claim's id.
    pub a: String,
    /// The other claim's id (of another source).
    pub b: String,
    /// The analyst's note (why they agree, what they disagree on).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Confirmed (absent) or dismissed.
    #[serde(default, skip_serializing_if = "RelationStatus::is_confirmed")]
    pub status: RelationStatus,
}

impl Relation {
    /// A confirmed relation without a note.
    pub fn new(kind: RelationKind, a: impl Into<String>, b: impl Into<String>) -> Self {
        Self { kind, a: a.into(), b: b.into(), note: None, status: RelationStatus::Confirmed }
    }

    /// The two claim ids, the smaller first: the same for `a–b` and `b–a`.
    pub fn pair(&self) -> (&str, &str) {
        if self.a <= self.b { (&self.a, &self.b) } else { (&self.b, &self.a) }
    }

    /// The other claim, when `claim` is one of the two.
    pub fn other(&self, claim: &str) -> Option<&str> {
        if self.a == claim {
            Some(&self.b)
        } else if self.b == claim {
            Some(&self.a)
        } else {
            None
        }
    }

    /// Whether the analyst made or confirmed it (not dismissed).
    pub fn is_confirmed(&self) -> bool {
        self.status.is_confirmed()
    }
}

/// Every problem of `doc`'s relations, in file order: each names two claims that exist, of two
/// different sources, and no pair is related twice the same way (nor both related and
/// dismissed).
pub fn problems(doc: &BriefingDoc) -> Vec<Problem> {
    let source: HashMap<&str, &str> = doc.claims.iter().map(|c| (c.id.as_str(), c.at.source.as_str())).collect();
    let mut seen: HashMap<(&str, &str), Vec<(usize, &Relation)>> = HashMap::new();
    let mut problems = Vec::new();
    for (i, r) in doc.relations.iter().enumerate() {
        let at = format!("relations[{i}]");
        let record = format!("relation {}", i + 1);
        let mut report = |field: &str, message: String| {
            let path = if field.is_empty() { at.clone() } else { format!("{at}.{field}") };
            problems.push(Problem::new(path, message).in_record(&record));
        };
        let (a, b) = (source.get(r.a.as_str()), source.get(r.b.as_str()));
        for (field, id, found) in [("a", &r.a, a), ("b", &r.b, b)] {
            if found.is_none() {
                report(field, format!("no claim has id '{id}'"));
            }
        }
        if r.a == r.b {
            report("b", format!("claim '{}' cannot be related to itself", r.a));
        } else if let (Some(sa), Some(sb)) = (a, b)
            && sa == sb
        {
            report("b", format!("both claims quote source '{sa}': relate claims of different sources"));
        }
        if r.note.as_deref().is_some_and(|n| n.trim().is_empty()) {
            report("note", "the note is empty; leave it out".into());
        }
        let earlier = seen.entry(r.pair()).or_default();
        let clash = earlier.iter().find(|(_, e)| e.kind == r.kind || e.is_confirmed() != r.is_confirmed());
        if let Some((j, e)) = clash {
            let message = if e.is_confirmed() != r.is_confirmed() {
                format!("claims '{}' and '{}' are related and dismissed at once (relations[{j}])", r.a, r.b)
            } else {
                format!("relations[{j}] already says '{}' {} '{}'", e.a, e.kind.as_str(), e.b)
            };
            report("", message);
        }
        earlier.push((i, r));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_round_trip_and_leave_defaults_out() {
        let r = Relation::new(RelationKind::Contradicts, "x", "y");
        let json = serde_json::to_string(&r).unwrap();
        assert_eq!(json, r#"{"kind":"contradicts","a":"x","b":"y"}"#);
        assert_eq!(serde_json::from_str::<Relation>(&json).unwrap(), r);
        let dismissed = Relation { status: RelationStatus::Dismissed, note: Some("other division".into()), ..r };
        let back: Relation = serde_json::from_str(&serde_json::to_string(&dismissed).unwrap()).unwrap();
        assert_eq!(back, dismissed);
        assert!(serde_json::from_str::<Relation>(r#"{"kind":"agrees","a":"x","b":"y"}"#).is_err());
    }

    #[test]
    fn a_pair_is_the_same_either_way_round() {
        let r = Relation::new(RelationKind::Corroborates, "b", "a");
        assert_eq!(r.pair(), ("a", "b"));
        assert_eq!(r.other("a"), Some("b"));
        assert_eq!(r.other("c"), None);
    }
}
