//! Problems found in a briefing file, located by JSON path and line:col.

use std::fmt;

use super::locator::Locator;

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

    /// Fills in `at` from the JSON text the path points into, or, for a value that is missing
    /// (e.g. a required `why`), from the nearest enclosing value that is there.
    pub fn locate(&mut self, json: &str) {
        self.locate_in(&mut Locator::new(json));
    }

    /// Like [`Problem::locate`], sharing the parsed JSON with other problems of the same file.
    pub fn locate_in(&mut self, locator: &mut Locator<'_>) {
        if self.at.is_none() {
            self.at = locator.line_col(&self.path);
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
pub fn locate(json: &str, path: &str) -> Option<usize> {
    Locator::new(json).offset(path)
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

impl Problems {
    /// The problems of `file` (whose text is `json`), each path first translated by `path_in`
    /// (for a file in an older format), located at its line:col and sorted by it.
    pub fn located(file: &str, json: &str, mut list: Vec<Problem>, path_in: Option<fn(&str) -> String>) -> Self {
        if let Some(translate) = path_in {
            list.iter_mut().for_each(|p| p.path = translate(&p.path));
        }
        let mut locator = Locator::new(json);
        list.iter_mut().for_each(|p| p.locate_in(&mut locator));
        list.sort_by_key(|p| p.at);
        Self { file: file.to_owned(), list }
    }
}

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
