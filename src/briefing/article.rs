//! A source's text, split into the article proper and the scraped teasers after it.

/// The article's text, split into the article proper and the scraped teasers after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleText {
    text: String,
    body_end: usize,
}

impl ArticleText {
    /// Wraps `text`; lines from `teasers_from_line` (1-based) on are not part of the article.
    ///
    /// Returns `None` when the file has fewer lines than that.
    pub fn new(text: String, teasers_from_line: Option<usize>) -> Option<Self> {
        let body_end = match teasers_from_line {
            None => text.len(),
            Some(0) => return None,
            Some(line) => line_start(&text, line)?,
        };
        Some(Self { text, body_end })
    }

    /// The whole file, teasers included; claim offsets index into this.
    pub fn full(&self) -> &str {
        &self.text
    }

    /// The article proper, without the teasers.
    pub fn body(&self) -> &str {
        &self.text[..self.body_end]
    }

    /// Byte offset where the article proper ends.
    pub fn body_end(&self) -> usize {
        self.body_end
    }

    /// The scraped lines after the article that belong to other articles, with their offsets.
    pub fn teasers(&self) -> impl Iterator<Item = (usize, &str)> {
        let base = self.body_end;
        let rest = &self.text[base..];
        rest.split_inclusive('\n').scan(base, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line.trim_end_matches(['\n', '\r'])))
        })
    }

    /// The article's paragraphs (its non-empty lines) with their byte offsets.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &str)> {
        self.body().split_inclusive('\n').scan(0, |at, line| {
            let start = *at;
            *at += line.len();
            Some((start, line.trim_end_matches(['\n', '\r'])))
        })
    }

    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        line_col(&self.text, offset)
    }
}

/// Byte offset where 1-based `line` starts, or `None` past the end.
fn line_start(text: &str, line: usize) -> Option<usize> {
    if line == 1 {
        return Some(0);
    }
    text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1).filter(|&i| i < text.len())
}

/// 1-based line and character column of byte `offset` in `text` (clamped to the text).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_teasers_from_body() {
        let a = ArticleText::new("one\ntwo\nthree\nfour".into(), Some(3)).unwrap();
        assert_eq!(a.body(), "one\ntwo\n");
        let teasers: Vec<_> = a.teasers().collect();
        assert_eq!(teasers, vec![(8, "three"), (14, "four")]);
        assert_eq!(a.paragraphs().map(|(_, l)| l).collect::<Vec<_>>(), vec!["one", "two"]);
    }

    #[test]
    fn teaser_line_past_the_end_is_refused() {
        assert!(ArticleText::new("one\ntwo\n".into(), Some(3)).is_none());
        assert!(ArticleText::new("one\ntwo".into(), Some(0)).is_none());
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\n“cd", 0), (1, 1));
        assert_eq!(line_col("ab\n“cd", 3), (2, 1));
        // “ is three bytes but one column
        assert_eq!(line_col("ab\n“cd", 6), (2, 2));
        assert_eq!(line_col("ab", 99), (1, 3));
    }
}
