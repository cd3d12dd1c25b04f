//! HTML pages: one unit per block-level element, in reading order, with DOM
//! evidence. The tree is walked with `traverse()` (open/close edges), so
//! depth never becomes recursion.

use super::{flag, normalize_ws, Unit};
use crate::article::BlockKind;
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use std::borrow::Cow;

/// Elements whose text is never page content.
fn is_skipped(tag: &str) -> bool {
    matches!(
        tag,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "svg"
            | "iframe"
            | "object"
            | "select"
            | "option"
            | "textarea"
            | "canvas"
            | "math"
    )
}

/// Elements that start and end a block of text.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "nav"
            | "aside"
            | "figure"
            | "figcaption"
            | "main"
            | "form"
            | "dl"
            | "dt"
            | "dd"
            | "br"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "caption"
            | "body"
            | "html"
            | "center"
            | "fieldset"
            | "legend"
            | "menu"
            | "dialog"
            | "thead"
            | "tbody"
            | "tfoot"
            | "hgroup"
            | "label"
    )
}

fn tag_flags(tag: &str) -> u32 {
    match tag {
        "nav" => flag::IN_NAV,
        "header" => flag::IN_HEADER,
        "footer" => flag::IN_FOOTER,
        "aside" => flag::IN_ASIDE,
        "form" => flag::IN_FORM,
        "figure" => flag::IN_FIGURE,
        "figcaption" => flag::IN_CAPTION,
        "button" => flag::IN_BUTTON,
        "article" => flag::IN_ARTICLE,
        "main" => flag::IN_MAIN,
        "ul" | "ol" | "dl" => flag::IN_LIST,
        "table" => flag::IN_TABLE,
        "pre" => flag::IN_PRE,
        _ => 0,
    }
}

/// Class and id words that say what a container holds, matched as whole
/// words after splitting on `-`, `_`, spaces and camelCase.
fn word_flag(word: &str) -> u32 {
    match word {
        "share" | "sharing" | "social" | "sharer" | "addthis" | "sharethis" | "shariff"
        | "socials" => flag::CLS_SHARE,
        "related" | "recommended" | "recirc" | "outbrain" | "taboola" | "trending" | "popular"
        | "recommendations" | "readmore" | "more" => flag::CLS_RELATED,
        "comment" | "comments" | "disqus" | "respond" | "replies" | "discussion" => {
            flag::CLS_COMMENT
        }
        "newsletter" | "subscribe" | "signup" | "subscription" | "paywall" => flag::CLS_NEWSLETTER,
        "cookie" | "cookies" | "consent" | "gdpr" | "cmp" => flag::CLS_COOKIE,
        "ad" | "ads" | "advert" | "advertisement" | "adslot" | "sponsor" | "sponsored" | "dfp"
        | "promo" => flag::CLS_AD,
        "byline" | "author" | "authors" => flag::CLS_BYLINE,
        "credit" | "credits" | "copyright" => flag::CLS_CREDIT,
        "caption" | "figcaption" => flag::IN_CAPTION,
        "nav" | "navbar" | "navigation" | "menu" | "breadcrumb" | "breadcrumbs" | "pagination"
        | "skip" | "toolbar" => flag::CLS_NAV,
        "footer" => flag::CLS_FOOTER,
        "dateline" | "timestamp" | "tags" => flag::CLS_META,
        "articlebody" | "entry" | "story" | "prose" => flag::CLS_CONTENT,
        _ => 0,
    }
}

fn class_flags(value: &scraper::node::Element) -> u32 {
    let mut bits = 0;
    for attr in ["class", "id", "role", "itemprop"] {
        let Some(v) = value.attr(attr) else { continue };
        for word in split_words(v) {
            bits |= word_flag(&word);
        }
    }
    if value.attr("itemprop") == Some("articleBody") {
        bits |= flag::CLS_CONTENT;
    }
    bits
}

/// Split `"post-share_buttons socialBar"` into lower-case words.
fn split_words(v: &str) -> impl Iterator<Item = String> + '_ {
    v.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && w.len() <= 40)
        .flat_map(|w| {
            let mut words = Vec::new();
            let mut cur = String::new();
            let mut prev_lower = false;
            for c in w.chars() {
                if c.is_uppercase() && prev_lower && !cur.is_empty() {
                    words.push(std::mem::take(&mut cur));
                }
                prev_lower = c.is_lowercase();
                cur.extend(c.to_lowercase());
            }
            if !cur.is_empty() {
                words.push(cur);
            }
            words
        })
}

fn is_hidden(value: &scraper::node::Element) -> bool {
    if value.attr("hidden").is_some() || value.attr("aria-hidden") == Some("true") {
        return true;
    }
    value.attr("style").is_some_and(|s| {
        let s: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        s.contains("display:none") || s.contains("visibility:hidden")
    })
}

struct Open {
    tag_block: bool,
    flags: u32,
    kind: BlockKind,
    level: u8,
    skipped: bool,
    link: bool,
}

struct Builder<'a> {
    out: Vec<Unit<'a>>,
    buf: String,
    link_chars: u32,
    href: Option<String>,
    links: u32,
    flags: u32,
    kind: BlockKind,
    level: u8,
}

impl Builder<'_> {
    fn flush(&mut self) {
        let text = normalize_ws(&self.buf);
        self.buf.clear();
        if !text.is_empty() {
            let mut u = Unit::new(Cow::Owned(text.clone()), text, self.kind);
            u.level = self.level;
            u.flags = self.flags;
            u.link_chars = self.link_chars;
            if self.links == 1 && self.link_chars as usize * 10 >= u.text.chars().count() * 9 {
                u.href = self.href.take();
            }
            self.out.push(u);
        }
        self.link_chars = 0;
        self.links = 0;
        self.href = None;
    }
}

/// Segment a parsed document into units.
pub(crate) fn segment(doc: &Html) -> Vec<Unit<'static>> {
    let mut b = Builder {
        out: Vec::new(),
        buf: String::new(),
        link_chars: 0,
        href: None,
        links: 0,
        flags: 0,
        kind: BlockKind::Paragraph,
        level: 0,
    };
    let mut stack: Vec<Open> = Vec::new();
    let mut skip_depth = 0usize;
    let mut link_depth = 0usize;
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let tag = el.name();
                    let skipped = is_skipped(tag);
                    if skipped {
                        skip_depth += 1;
                    }
                    let block = is_block(tag);
                    if block && skip_depth == 0 {
                        b.flush();
                    }
                    let parent = stack.last();
                    let mut flags =
                        parent.map_or(0, |p| p.flags) | tag_flags(tag) | class_flags(el);
                    if is_hidden(el) {
                        flags |= flag::HIDDEN;
                    }
                    let (mut kind, mut level) =
                        parent.map_or((BlockKind::Paragraph, 0), |p| (p.kind, p.level));
                    match tag {
                        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                            kind = BlockKind::Heading;
                            level = tag.as_bytes()[1] - b'0';
                        }
                        "li" | "dd" | "dt" => kind = BlockKind::ListItem,
                        "blockquote" => kind = BlockKind::Quote,
                        "p" if kind != BlockKind::Quote => kind = BlockKind::Paragraph,
                        _ => {}
                    }
                    let link = tag == "a";
                    if link {
                        link_depth += 1;
                        if b.href.is_none() {
                            b.href = el.attr("href").map(str::to_string);
                        }
                        b.links += 1;
                    }
                    if block {
                        b.flags = flags;
                        b.kind = kind;
                        b.level = level;
                    }
                    stack.push(Open {
                        tag_block: block,
                        flags,
                        kind,
                        level,
                        skipped,
                        link,
                    });
                }
                Node::Text(t) if skip_depth == 0 => {
                    if b.buf.is_empty() || b.buf.trim().is_empty() {
                        // The block's evidence is that of the element holding its first text.
                        if let Some(top) = stack.last() {
                            b.flags = top.flags;
                        }
                    }
                    b.buf.push_str(t);
                    if link_depth > 0 {
                        b.link_chars += t.chars().filter(|c| !c.is_whitespace()).count() as u32;
                    }
                }
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(_) = node.value() {
                    let Some(open) = stack.pop() else { continue };
                    if open.tag_block && skip_depth == 0 {
                        b.flush();
                        if let Some(p) = stack.last() {
                            b.flags = p.flags;
                            b.kind = p.kind;
                            b.level = p.level;
                        }
                    }
                    if open.skipped {
                        skip_depth -= 1;
                    }
                    if open.link {
                        link_depth -= 1;
                    }
                }
            }
        }
    }
    b.flush();
    b.out
}
