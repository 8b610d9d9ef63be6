//! Problems found in a briefing file, located by JSON path and line:col.

use std::fmt;

use serde_json::value::RawValue;

/// One problem in a briefing file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the value, e.g. `claims[3].when.from`; empty for the whole file.
    pub path: String,
    /// The id of the record the path goes through, to name it in words.
    pub record: Option<String>,
    /// 1-based line and column in the file, when known.
    pub at: Option<(usize, usize)>,
    /// What is wrong, and what would be right.
    pub message: String,
}

impl Problem {
    /// A problem at `path`, not yet located.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self { path: path.into(), record: None, at: None, message: message.into() }
    }

    /// Names the record (its id) the problem is in.
    pub fn in_record(mut self, id: &str) -> Self {
        self.record = Some(id.to_owned());
        self
    }

    /// Fills in `at` from the JSON text the path points into.
    pub fn locate(&mut self, json: &str) {
        if self.at.is_none() {
            self.at = locate(json, &self.path).map(|offset| super::article::line_col(json, offset));
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some((line, col)) = self.at {
            write!(f, "{line}:{col}: ")?;
        }
        match (&self.record, self.path.is_empty()) {
            (Some(id), _) => write!(f, "{} (\"{id}\"): ", self.path)?,
            (None, false) => write!(f, "{}: ", self.path)?,
            (None, true) => {}
        }
        f.write_str(&self.message)
    }
}

/// Byte offset of the value at `path` (`a.b[2].c`) in `json`, if the path exists.
///
/// Walks the document with borrowed `RawValue`s, whose text is a slice of `json`, so the
/// offset is a pointer difference. It only runs when there is a problem to report.
pub fn locate(json: &str, path: &str) -> Option<usize> {
    let mut current: &RawValue = serde_json::from_str(json).ok()?;
    for segment in segments(path) {
        current = match segment {
            Segment::Key(key) => {
                let map: std::collections::BTreeMap<String, &RawValue> = serde_json::from_str(current.get()).ok()?;
                map.get(key).copied()?
            }
            Segment::Index(i) => {
                let list: Vec<&RawValue> = serde_json::from_str(current.get()).ok()?;
                list.get(i).copied()?
            }
        };
    }
    (current.get().as_ptr() as usize).checked_sub(json.as_ptr() as usize)
}

enum Segment<'a> {
    Key(&'a str),
    Index(usize),
}

fn segments(path: &str) -> impl Iterator<Item = Segment<'_>> {
    path.split('.').filter(|s| !s.is_empty()).flat_map(|part| {
        let (key, rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        let key = (!key.is_empty()).then_some(Segment::Key(key));
        let indices = rest.split('[').filter_map(|i| i.trim_end_matches(']').parse().ok()).map(Segment::Index);
        key.into_iter().chain(indices)
    })
}

/// Every problem found in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problems {
    /// The file, as the user named it.
    pub file: String,
    /// The problems, in file order where known.
    pub list: Vec<Problem>,
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.list.len();
        writeln!(f, "{}: {n} problem{}", self.file, if n == 1 { "" } else { "s" })?;
        for p in &self.list {
            writeln!(f, "{}:{p}", self.file)?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_nested_values() {
        let json = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": 2\n}";
        let at = locate(json, "a[1].b").unwrap();
        assert_eq!(&json[at..at + 3], "\"x\"");
        assert_eq!(super::super::article::line_col(json, at), (2, 18));
        assert_eq!(locate(json, "c").map(|o| &json[o..o + 1]), Some("2"));
        assert_eq!(locate(json, "a[5]"), None);
        assert_eq!(locate(json, "nope"), None);
    }

    #[test]
    fn displays_location_record_and_message() {
        let mut p = Problem::new("claims[0].offset", "off by one").in_record("c1");
        p.at = Some((3, 7));
        assert_eq!(p.to_string(), "3:7: claims[0].offset (\"c1\"): off by one");
    }
}
