//! Finding where a value stands in a JSON text, by its path (`claims[3].when.from`).
//!
//! A file with thousands of problems must still be reported at once: each container is parsed
//! once however many problems point into it, and lines are counted once, not per problem.

use std::collections::{BTreeMap, HashMap};

use serde_json::value::RawValue;

/// Locates paths in one JSON text.
pub struct Locator<'a> {
    json: &'a str,
    root: Option<&'a RawValue>,
    /// Children of each container already parsed, keyed by the container's path and whether
    /// it was read as a list.
    containers: HashMap<(String, bool), Children<'a>>,
    /// Byte offset where each line starts, built on first use.
    line_starts: Vec<usize>,
}

enum Children<'a> {
    Map(BTreeMap<String, &'a RawValue>),
    List(Vec<&'a RawValue>),
    /// Not the kind of container the path asked for (or not valid JSON).
    Neither,
}

impl<'a> Locator<'a> {
    /// A locator over `json`; nothing is parsed until a path is asked for.
    pub fn new(json: &'a str) -> Self {
        Self { json, root: None, containers: HashMap::new(), line_starts: Vec::new() }
    }

    /// Byte offset of the value at `path` (`a.b[2].c`), if the path exists.
    ///
    /// The values are borrowed `RawValue`s, whose text is a slice of the JSON, so the offset
    /// is a pointer difference.
    pub fn offset(&mut self, path: &str) -> Option<usize> {
        let mut current = match self.root {
            Some(root) => root,
            None => {
                let root: &'a RawValue = serde_json::from_str(self.json).ok()?;
                *self.root.insert(root)
            }
        };
        let mut prefix = String::new();
        for segment in segments(path) {
            let json = current.get();
            let is_list = matches!(segment, Segment::Index(_));
            let children = self.containers.entry((prefix.clone(), is_list)).or_insert_with(|| match segment {
                Segment::Key(_) => serde_json::from_str(json).map_or(Children::Neither, Children::Map),
                Segment::Index(_) => serde_json::from_str(json).map_or(Children::Neither, Children::List),
            });
            current = match (segment, children) {
                (Segment::Key(key), Children::Map(map)) => {
                    prefix.push('.');
                    prefix.push_str(key);
                    map.get(key).copied()?
                }
                (Segment::Index(i), Children::List(list)) => {
                    prefix.push_str(&format!("[{i}]"));
                    list.get(i).copied()?
                }
                _ => return None,
            };
        }
        (current.get().as_ptr() as usize).checked_sub(self.json.as_ptr() as usize)
    }

    /// 1-based line and column of the value at `path`, or of the nearest enclosing value that
    /// exists (for a value that is missing, e.g. a required field).
    pub fn line_col(&mut self, path: &str) -> Option<(usize, usize)> {
        let mut path = path;
        while !path.is_empty() {
            if let Some(offset) = self.offset(path) {
                return Some(self.line_col_of(offset));
            }
            path = path.rfind(['.', '[']).map_or("", |i| &path[..i]);
        }
        None
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col_of(&mut self, offset: usize) -> (usize, usize) {
        if self.line_starts.is_empty() {
            self.line_starts = std::iter::once(0).chain(self.json.match_indices('\n').map(|(i, _)| i + 1)).collect();
        }
        let line = self.line_starts.partition_point(|&start| start <= offset).max(1);
        let start = self.line_starts[line - 1];
        let (l, col) = super::article::line_col(&self.json[start..], offset - start);
        debug_assert_eq!(l, 1);
        (line, col)
    }
}

#[derive(Clone, Copy)]
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_nested_values() {
        let json = "{\n  \"a\": [1, {\"b\": \"x\"}],\n  \"c\": 2\n}";
        let mut l = Locator::new(json);
        let at = l.offset("a[1].b").unwrap();
        assert_eq!(&json[at..at + 3], "\"x\"");
        assert_eq!(l.line_col("a[1].b"), Some((2, 18)));
        assert_eq!(l.offset("c").map(|o| &json[o..o + 1]), Some("2"));
        assert_eq!(l.offset("a[5]"), None);
        assert_eq!(l.offset("nope"), None);
        // A missing value is placed at the nearest value that encloses it.
        assert_eq!(l.line_col("a[1].missing"), Some((2, 12)));
        // Asking for a key in a list, or an index in a map, finds nothing.
        assert_eq!(l.offset("a.b"), None);
        assert_eq!(l.offset("c[0]"), None);
    }

    #[test]
    fn line_col_agrees_with_counting_from_the_start() {
        let json = "{\"a\":\n\n  [\"Мінск\",\n \"x\"]}";
        let mut l = Locator::new(json);
        for offset in 0..=json.len() {
            if json.is_char_boundary(offset) {
                assert_eq!(l.line_col_of(offset), super::super::article::line_col(json, offset), "at {offset}");
            }
        }
    }

    #[test]
    fn not_json_locates_nothing() {
        assert_eq!(Locator::new("{\"a\": [1,").offset("a"), None);
    }
}
