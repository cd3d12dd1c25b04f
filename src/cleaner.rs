//! [`Cleaner`]: configured once, reused across pages.

use crate::article::Article;
use crate::assemble::{self, Options};
use crate::classify::lexicon::Lexicon;
use crate::decode;
use crate::error::Error;
use crate::segment::{self, meta::PageMeta};

/// What kind of input a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum InputKind {
    /// Decide from the input: markup at the start (`<!doctype`, `<html`,
    /// `<head`, `<body`, or a tag in the first kilobyte) means HTML.
    #[default]
    Auto,
    /// An HTML page.
    Html,
    /// A text dump of a page: one block a line.
    Text,
}

/// Cleans pages. The first `Cleaner::new` of a process compiles the
/// boilerplate lexicon (some milliseconds); every `Cleaner` shares it, so
/// later ones are cheap. Call
/// [`Cleaner::clean`] and friends from any number of threads.
///
/// ```
/// use deboil::{Cleaner, InputKind};
///
/// let cleaner = Cleaner::new().explain(true).input_kind(InputKind::Text);
/// let page = "Markets rally as rates fall - Example News\n\
///             Share on Facebook\n\
///             Markets rally as rates fall\n\
///             Stocks rose sharply on Tuesday after the central bank cut its main interest rate by half a point, \
///             the first cut in four years, and signalled that more could follow if inflation keeps easing.\n\
///             Investors had expected a smaller move, and bond yields fell to their lowest level since the spring \
///             as traders priced in further cuts before the end of the year.\n";
/// let article = cleaner.clean(page).unwrap();
/// assert_eq!(article.title.as_deref(), Some("Markets rally as rates fall"));
/// assert_eq!(article.site_name.as_deref(), Some("Example News"));
/// assert_eq!(article.blocks.len(), 2);
/// assert!(article.removed.iter().any(|r| r.text == "Share on Facebook"));
/// ```
#[derive(Clone)]
pub struct Cleaner {
    explain: bool,
    keep_empty: bool,
    kind: InputKind,
    url: Option<String>,
    max_input_bytes: usize,
    lexicon: Lexicon,
}

impl std::fmt::Debug for Cleaner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Cleaner")
            .field("explain", &self.explain)
            .field("keep_empty", &self.keep_empty)
            .field("kind", &self.kind)
            .field("url", &self.url)
            .field("max_input_bytes", &self.max_input_bytes)
            .finish_non_exhaustive()
    }
}

impl Default for Cleaner {
    fn default() -> Self {
        Self::new()
    }
}

impl Cleaner {
    /// The default input limit: 64 MiB.
    pub const DEFAULT_MAX_INPUT_BYTES: usize = 64 << 20;

    /// A cleaner with default options.
    pub fn new() -> Self {
        Cleaner {
            explain: false,
            keep_empty: false,
            kind: InputKind::Auto,
            url: None,
            max_input_bytes: Self::DEFAULT_MAX_INPUT_BYTES,
            lexicon: Lexicon::new(),
        }
    }

    /// Fill [`Article::removed`] with every dropped line and its reason.
    ///
    /// ### Default
    /// `false`.
    pub fn explain(mut self, on: bool) -> Self {
        self.explain = on;
        self
    }

    /// Return a page that was read but holds no article text (a video page,
    /// a page whose text a script fills in) as an [`Article`] with empty
    /// `blocks` and `body` and the metadata the page declares or shows: title,
    /// date, authors, site name, language, and with [`Cleaner::explain`]
    /// every line in `removed`. A page with neither text nor a title, date or
    /// author is still [`Error::NoArticle`].
    ///
    /// ```
    /// use deboil::{Cleaner, Error, InputKind};
    ///
    /// let page = r#"<html><head><title>Launch day - Example Video</title>
    ///   <meta property="article:published_time" content="2025-03-04T10:00:00Z"></head>
    ///   <body><div id="player"></div></body></html>"#;
    /// let html = Cleaner::new().input_kind(InputKind::Html);
    /// assert_eq!(html.clean(page), Err(Error::NoArticle));
    /// let article = html.keep_empty(true).clean(page).unwrap();
    /// assert!(article.blocks.is_empty() && article.body.is_empty());
    /// assert_eq!(article.published.as_deref(), Some("2025-03-04T10:00:00Z"));
    /// ```
    ///
    /// ### Default
    /// `false`: such a page is [`Error::NoArticle`].
    pub fn keep_empty(mut self, on: bool) -> Self {
        self.keep_empty = on;
        self
    }

    /// How [`Cleaner::clean`] and [`Cleaner::clean_bytes`] read their input.
    ///
    /// ### Default
    /// [`InputKind::Auto`].
    pub fn input_kind(mut self, kind: InputKind) -> Self {
        self.kind = kind;
        self
    }

    /// The page's URL, used to resolve related links.
    ///
    /// ### Default
    /// None.
    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    /// Refuse inputs larger than this many bytes with [`Error::TooLarge`].
    ///
    /// ### Default
    /// [`Cleaner::DEFAULT_MAX_INPUT_BYTES`] (64 MiB).
    pub fn max_input_bytes(mut self, limit: usize) -> Self {
        self.max_input_bytes = limit;
        self
    }

    /// Clean a page, HTML or text as set by [`Cleaner::input_kind`].
    pub fn clean(&self, input: &str) -> Result<Article, Error> {
        match self.kind {
            InputKind::Html => self.clean_html(input),
            InputKind::Text => self.clean_text(input),
            InputKind::Auto if looks_like_html(input) => self.clean_html(input),
            InputKind::Auto => self.clean_text(input),
        }
    }

    /// Clean a text dump of a page (one block a line).
    pub fn clean_text(&self, input: &str) -> Result<Article, Error> {
        self.check_size(input.len())?;
        let input = input.strip_prefix('\u{feff}').unwrap_or(input);
        let units = segment::text::segment(input);
        let opts = Options {
            explain: self.explain,
            is_html: false,
        };
        let article = assemble::assemble(&units, &PageMeta::default(), &self.lexicon, &opts);
        self.finish(article, || assemble::declared_text(&units, self.explain))
    }

    /// Clean an HTML page.
    pub fn clean_html(&self, input: &str) -> Result<Article, Error> {
        self.check_size(input.len())?;
        let doc = segment::html::parse(input);
        let mut units = segment::html::segment(&doc);
        let meta = segment::meta::extract(&doc, &units);
        drop(doc);
        if let Some(base) = &self.url {
            for u in &mut units {
                if let Some(h) = &u.href {
                    u.href = Some(resolve(base, h));
                }
            }
        }
        let opts = Options {
            explain: self.explain,
            is_html: true,
        };
        let article = assemble::assemble(&units, &meta, &self.lexicon, &opts);
        let mut article = self.finish(article, || {
            Some(assemble::declared_only(&units, &meta, self.explain))
        })?;
        segment::html::add_figures_and_related(&units, &mut article);
        Ok(article)
    }

    /// An article without blocks is `NoArticle`, unless [`Cleaner::keep_empty`]
    /// is on and it has metadata. When assembly found nothing to build on,
    /// `declared` gives what the page declares.
    fn finish(
        &self,
        article: Result<Article, Error>,
        declared: impl FnOnce() -> Option<Article>,
    ) -> Result<Article, Error> {
        let article = match article {
            Err(Error::NoArticle) if self.keep_empty => declared().ok_or(Error::NoArticle)?,
            other => other?,
        };
        let has_meta =
            article.title.is_some() || article.published.is_some() || !article.authors.is_empty();
        if article.blocks.is_empty() && !(self.keep_empty && has_meta) {
            return Err(Error::NoArticle);
        }
        Ok(article)
    }

    /// Clean page bytes: decoded from a BOM, UTF-8, or the declared charset;
    /// binary input is refused with [`Error::NotText`].
    pub fn clean_bytes(&self, input: &[u8]) -> Result<Article, Error> {
        self.check_size(input.len())?;
        let text = decode::decode(input, None)?;
        self.clean(&text)
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        if size > self.max_input_bytes {
            return Err(Error::TooLarge {
                size,
                limit: self.max_input_bytes,
            });
        }
        Ok(())
    }
}

/// Markup at the start of the input means HTML.
fn looks_like_html(input: &str) -> bool {
    let head = input.trim_start_matches('\u{feff}').trim_start();
    let head = &head[..head.floor_char_boundary(1024)];
    let lower = head.to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<?xml", "<!--"]
        .iter()
        .any(|p| lower.starts_with(p))
        || ["<html", "<body", "<div", "<p>", "<p ", "<meta "]
            .iter()
            .any(|t| lower.contains(t))
}

/// Resolve a link against the page URL (scheme-relative, absolute-path and
/// relative forms; enough for related links, not a full RFC 3986 resolver).
fn resolve(base: &str, href: &str) -> String {
    if href.contains("://") || href.starts_with("mailto:") || href.starts_with('#') {
        return href.to_string();
    }
    let scheme_end = base.find("://").map_or(0, |p| p + 3);
    let scheme = &base[..scheme_end.saturating_sub(3)];
    if let Some(rest) = href.strip_prefix("//") {
        return format!("{scheme}://{rest}");
    }
    let host_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |p| scheme_end + p);
    if href.starts_with('/') {
        return format!("{}{href}", &base[..host_end]);
    }
    let dir_end = base
        .rfind('/')
        .filter(|&p| p >= host_end)
        .map_or(base.len(), |p| p + 1);
    let dir = &base[..dir_end];
    if dir.ends_with('/') {
        format!("{dir}{href}")
    } else {
        format!("{dir}/{href}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cleaner_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Cleaner>();
    }

    #[test]
    fn detects_html() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <html lang=en>"));
        assert!(!looks_like_html("Headline\n\nSome text with a < sign."));
    }

    #[test]
    fn resolves_links() {
        assert_eq!(resolve("https://a.com/x/y.html", "/z"), "https://a.com/z");
        assert_eq!(
            resolve("https://a.com/x/y.html", "z.html"),
            "https://a.com/x/z.html"
        );
        assert_eq!(
            resolve("https://a.com/x/y.html", "//b.com/q"),
            "https://b.com/q"
        );
        assert_eq!(resolve("https://a.com", "z"), "https://a.com/z");
        assert_eq!(
            resolve("https://a.com/", "https://c.com/"),
            "https://c.com/"
        );
    }
}
