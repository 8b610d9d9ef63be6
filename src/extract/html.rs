//! HTML to article text with html5ever's spec-compliant tokenizer: scripts, styles,
//! navigation, headers, footers, asides and "related"/share blocks are dropped; paragraphs,
//! headings and list items become one line each; the title, publication date, author,
//! publisher and canonical URL are read from `<title>`, `<meta>`, `<time>` and JSON-LD.

use std::cell::RefCell;

use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EndTag, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
    TokenizerOpts,
};

/// Elements whose whole content is dropped: code, styling, navigation and page furniture.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "button", "select", "svg",
    "iframe", "object", "canvas", "menu", "dialog", "figure", "video", "audio", "map",
];
/// Words in a container's class, id or role that mark page furniture, not the article.
const FURNITURE: &[&str] = &[
    "related",
    "share",
    "social",
    "comment",
    "newsletter",
    "promo",
    "advert",
    "cookie",
    "breadcrumb",
    "subscribe",
    "sidebar",
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "recommend",
    "read-more",
    "readmore",
    "more-stories",
    "teaser",
    "paywall",
    "popup",
    "modal",
    "footer",
    "header",
    "menu",
];
/// Elements that end a line of text.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "blockquote",
    "section",
    "article",
    "ul",
    "ol",
    "table",
    "dd",
    "dt",
    "pre",
    "hr",
    "main",
    "figcaption",
    "address",
    "dl",
    "caption",
    "body",
    "html",
    "td",
    "th",
];

/// What an HTML page gives: its article text and the metadata found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HtmlText {
    /// Paragraphs, one per line.
    pub text: String,
    /// `<title>`, else `og:title`, else the first `<h1>`.
    pub title: Option<String>,
    /// The publication date/time as the page writes it.
    pub published: Option<String>,
    /// Where the date was found ("meta article:published_time", "time datetime").
    pub published_from: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Publisher or site name.
    pub publisher: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
}

#[derive(Default)]
struct State {
    out: HtmlText,
    /// The text inside `<article>` (or `<main>`): the article when the page marks it.
    article: String,
    /// How many `<article>`/`<main>` elements are open.
    in_article: usize,
    /// The dropped element being skipped and how deep its namesakes nest.
    dropping: Option<(String, usize)>,
    in_title: bool,
    title: String,
    h1: Option<String>,
    in_h1: bool,
    og_title: Option<String>,
    json_ld: Option<String>,
    time: Option<String>,
}

struct Sink(RefCell<State>);

fn attr<'a>(tag: &'a Tag, name: &str) -> Option<&'a StrTendril> {
    tag.attrs.iter().find(|a| &*a.name.local == name).map(|a| &a.value)
}

fn is_furniture(tag: &Tag) -> bool {
    ["class", "id", "role"].iter().filter_map(|a| attr(tag, a)).any(|v| {
        let v = v.to_ascii_lowercase();
        v.split(|c: char| c.is_whitespace() || c == '_')
            .any(|w| FURNITURE.iter().any(|f| w == *f || w.starts_with(&format!("{f}-"))))
    })
}

/// Appends text with its whitespace runs collapsed to one space (none at a line start).
fn push_text(t: &mut String, s: &str) {
    for c in s.chars() {
        if c.is_whitespace() {
            if !t.is_empty() && !t.ends_with([' ', '\n']) {
                t.push(' ');
            }
        } else {
            t.push(c);
        }
    }
}

impl State {
    fn newline(&mut self) {
        for t in [&mut self.out.text, &mut self.article] {
            while t.ends_with(' ') {
                t.pop();
            }
            if !t.is_empty() && !t.ends_with('\n') {
                t.push('\n');
            }
        }
    }

    fn chars(&mut self, s: &str) {
        if self.in_title {
            self.title.push_str(s);
            return;
        }
        if let Some(j) = self.json_ld.as_mut() {
            j.push_str(s);
            return;
        }
        if self.dropping.is_some() {
            return;
        }
        if self.in_h1 {
            self.h1.get_or_insert_with(String::new).push_str(s);
        }
        push_text(&mut self.out.text, s);
        if self.in_article > 0 {
            push_text(&mut self.article, s);
        }
    }

    fn meta(&mut self, tag: &Tag) {
        let key = attr(tag, "property").or_else(|| attr(tag, "name")).or_else(|| attr(tag, "itemprop"));
        let (Some(key), Some(content)) = (key, attr(tag, "content")) else { return };
        let key = key.to_ascii_lowercase();
        let value = content.trim().to_owned();
        if value.is_empty() {
            return;
        }
        let o = &mut self.out;
        match key.as_str() {
            "article:published_time"
            | "og:published_time"
            | "datepublished"
            | "pubdate"
            | "publishdate"
            | "date"
            | "dc.date.issued"
            | "dc.date"
            | "sailthru.date"
            | "parsely-pub-date"
                if o.published.is_none() =>
            {
                o.published = Some(value);
                o.published_from = Some(format!("<meta {key}>"));
            }

            "author" | "article:author" | "dc.creator" | "parsely-author" => {
                o.author.get_or_insert(value);
            }
            "og:site_name" | "publisher" | "article:publisher" | "application-name" => {
                o.publisher.get_or_insert(value);
            }
            "og:url" => {
                o.url.get_or_insert(value);
            }
            "og:title" | "twitter:title" => {
                self.og_title.get_or_insert(value);
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if let Some((dropped, depth)) = self.dropping.as_mut() {
            if dropped == name && !tag.self_closing {
                *depth += 1;
            }
            return raw_kind(name).map_or(TokenSinkResult::Continue, TokenSinkResult::RawData);
        }
        match name {
            "article" | "main" if !tag.self_closing => self.in_article += 1,
            "title" => self.in_title = true,
            "meta" => self.meta(tag),
            "link" if attr(tag, "rel").is_some_and(|r| &**r == "canonical") => {
                if let Some(href) = attr(tag, "href") {
                    self.out.url = Some(href.to_string());
                }
            }
            "time" if self.time.is_none() => self.time = attr(tag, "datetime").map(|v| v.trim().to_owned()),
            "h1" => self.in_h1 = true,
            "script" if attr(tag, "type").is_some_and(|t| t.contains("ld+json")) => self.json_ld = Some(String::new()),
            _ => {}
        }
        // A header inside the article holds its headline and byline; the site's header does not.
        let header_in_article = name == "header" && self.in_article > 0;
        let dropped = (DROPPED.contains(&name) && !header_in_article) || is_furniture(tag);
        if self.json_ld.is_none() && !tag.self_closing && dropped && !matches!(name, "body" | "article" | "main") {
            self.newline();
            self.dropping = Some((name.to_owned(), 1));
        } else if BLOCKS.contains(&name) {
            self.newline();
        }
        raw_kind(name).map_or(TokenSinkResult::Continue, TokenSinkResult::RawData)
    }

    fn end(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        if let Some((dropped, depth)) = self.dropping.as_mut() {
            if dropped == name {
                *depth -= 1;
                if *depth == 0 {
                    self.dropping = None;
                }
            }
            return;
        }
        match name {
            "article" | "main" => self.in_article = self.in_article.saturating_sub(1),
            "title" => self.in_title = false,
            "h1" => self.in_h1 = false,
            "script" => {
                if let Some(json) = self.json_ld.take() {
                    self.json_ld_meta(&json);
                }
            }
            _ => {}
        }
        if BLOCKS.contains(&name) {
            self.newline();
        }
    }

    /// `datePublished`, `author.name`, `publisher.name`, `headline` from a JSON-LD block.
    fn json_ld_meta(&mut self, json: &str) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(json) else { return };
        let items: Vec<&serde_json::Value> = match &v {
            serde_json::Value::Array(a) => a.iter().collect(),
            other => other.get("@graph").and_then(|g| g.as_array()).map_or(vec![other], |a| a.iter().collect()),
        };
        let text = |v: Option<&serde_json::Value>| -> Option<String> {
            let v = v?;
            let v = if let Some(a) = v.as_array() { a.first()? } else { v };
            v.as_str().or_else(|| v.get("name").and_then(|n| n.as_str())).map(|s| s.trim().to_owned())
        };
        for item in items {
            let o = &mut self.out;
            if o.published.is_none()
                && let Some(d) = text(item.get("datePublished"))
            {
                o.published = Some(d);
                o.published_from = Some("JSON-LD datePublished".into());
            }
            if o.author.is_none() {
                o.author = text(item.get("author"));
            }
            if o.publisher.is_none() {
                o.publisher = text(item.get("publisher"));
            }
            if self.og_title.is_none() {
                self.og_title = text(item.get("headline"));
            }
        }
    }
}

/// Which raw-text state the tokenizer needs after this start tag (as a tree builder would say).
fn raw_kind(name: &str) -> Option<RawKind> {
    match name {
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" => Some(RawKind::Rawtext),
        "title" | "textarea" => Some(RawKind::Rcdata),
        _ => None,
    }
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut s = self.0.borrow_mut();
        match token {
            CharacterTokens(t) => s.chars(&t),
            TagToken(tag) if tag.kind == StartTag => return s.start(&tag),
            TagToken(tag) if tag.kind == EndTag => s.end(&tag),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// The article text and metadata of an HTML page.
pub fn to_text(html: &str) -> HtmlText {
    let tok = Tokenizer::new(Sink(RefCell::new(State::default())), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    while let TokenizerResult::Script(()) = tok.feed(&input) {}
    tok.end();
    let mut s = tok.sink.0.into_inner();
    s.newline();
    let mut out = s.out;
    // A page that marks its article keeps only that; others keep what is left of the page.
    if s.article.chars().any(char::is_alphanumeric) {
        out.text = std::mem::take(&mut s.article);
    }
    out.text = out.text.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    if !out.text.is_empty() {
        out.text.push('\n');
    }
    let clean = |t: String| Some(t.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty());
    out.title = clean(s.title).or(s.og_title).or_else(|| s.h1.and_then(clean));
    if out.published.is_none() && s.time.is_some() {
        out.published = s.time;
        out.published_from = Some("<time datetime>".into());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_paragraphs_drops_furniture() {
        let html = r#"<!doctype html><html><head><title>Iskanders &amp; Belarus</title>
            <meta property="article:published_time" content="2016-05-18T09:00:00Z">
            <meta name="author" content="Siarhei Bohdan"><meta property="og:site_name" content="BelarusDigest">
            <style>p { color: red }</style><script>var Minsk = "<p>not text</p>";</script></head>
            <body><header><a href="/">Home</a> Moscow</header><nav><ul><li>Kyiv</li></ul></nav>
            <article><h1>Minsk can wait</h1><p>Moscow on 16 May held talks
            with Minsk.<p>Second <b>paragraph</b> in Belarus.</p>
            <div class="related-articles"><p>Teaser about Vilnius</p><div>nested</div></div>
            <p>Last&nbsp;line.</p></article><aside>Riga</aside><footer>© Tallinn</footer></body></html>"#;
        let out = to_text(html);
        assert_eq!(
            out.text,
            "Minsk can wait\nMoscow on 16 May held talks with Minsk.\nSecond paragraph in Belarus.\nLast line.\n"
        );
        assert_eq!(out.title.as_deref(), Some("Iskanders & Belarus"));
        assert_eq!(out.published.as_deref(), Some("2016-05-18T09:00:00Z"));
        assert_eq!(out.author.as_deref(), Some("Siarhei Bohdan"));
        assert_eq!(out.publisher.as_deref(), Some("BelarusDigest"));
    }

    #[test]
    fn only_the_article_when_the_page_marks_one() {
        let html = "<header>Site: Riga</header><div>Most read: Tallinn</div><main><article><header><h1>Suwałki</h1>\
            <p>By A · <time datetime='2017-06-21'>21 June 2017</time></p></header><p>Text.</p>\
            <aside>Related: Narva</aside></article></main><div>Footer links</div>";
        let out = to_text(html);
        assert_eq!(out.text, "Suwałki\nBy A · 21 June 2017\nText.\n");
        assert_eq!(out.published.as_deref(), Some("2017-06-21"));
    }

    #[test]
    fn time_element_and_json_ld_give_dates() {
        let out = to_text(r#"<p>Text</p><time datetime="2017-09-20">20 Sept</time>"#);
        assert_eq!(
            (out.published.as_deref(), out.published_from.as_deref()),
            (Some("2017-09-20"), Some("<time datetime>"))
        );
        let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2019-01-02",
            "author":[{"name":"A. Writer"}],"headline":"H"}</script><p>Body</p>"#;
        let out = to_text(ld);
        assert_eq!(out.published.as_deref(), Some("2019-01-02"));
        assert_eq!(out.author.as_deref(), Some("A. Writer"));
        assert_eq!(out.title.as_deref(), Some("H"));
        assert_eq!(out.text, "Body\n");
    }

    #[test]
    fn markup_only_and_broken_html_do_not_panic() {
        assert_eq!(to_text("<html><head><script>x</script></head><body></body></html>").text, "");
        assert_eq!(to_text("").text, "");
        let out = to_text("<p>unclosed <div class=share>gone <p>still gone");
        assert_eq!(out.text, "unclosed\n");
        let _ = to_text("<<<>>></p></p><svg><svg></svg>&#xffffff;&bogus;<script>");
    }
}
