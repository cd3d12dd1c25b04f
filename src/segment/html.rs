//! HTML pages: one unit per block-level element, in reading order, with DOM
//! evidence. The tree is walked with `traverse()` (open/close edges), so
//! depth never becomes recursion.
//!
//! Two passes over the elements, both linear:
//!
//! 1. Segmenting: every block element's text becomes a unit; every element
//!    gets a pre-order index, its parent and its own evidence (tag, class,
//!    id, role, itemprop and rel words, author links, hidden), read in one
//!    pass over its attributes without allocating.
//! 2. Weighing: each unit adds a prose weight to its element (long text with
//!    sentence marks counts its characters, link lists and teaser summaries
//!    cost), subtree sums are gathered bottom-up over the pre-order indexes,
//!    and the element with the largest sum is the main content container
//!    (`itemprop=articleBody`, `article-body` weigh 1.5x). Boxes (nav,
//!    aside, footer, share, related, comments, ads, ... by tag or class) cost
//!    their parent and are never the container; hidden elements count for
//!    nothing. A class word on a wrapper that holds most of the article is
//!    ignored; on a small box, or anywhere outside the container, it stands.
//!    Units outside the container carry [`flag::OUT_MAIN`]; units inside it
//!    and in no box carry [`flag::DOM_CONTENT`], which the classifier takes
//!    as content.
//!
//! Pages with little or no prose (threads, product grids, listings) are
//! weighed again by items; a discussion page (schema.org
//! `DiscussionForumPosting`) keeps its comments; a page that shows nothing
//! but a large `<noscript>` is read from the `<noscript>`.

use super::{flag, normalize_ws, Unit};
use crate::article::{Article, BlockKind, Figure, Related};
use crate::extract::figure;
use ego_tree::iter::Edge;
use scraper::{Html, Node};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

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
            | "button"
            | "input"
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
            | "img"
            | "picture"
            | "video"
            | "audio"
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

/// Evidence that a container is not the article (used for weighing): the
/// boxes, and forms.
const NEGATIVE: u32 = flag::BOXES | flag::IN_FORM;

/// Words that describe a small element (a byline, a date, a credit).
const SOFT: u32 = flag::CLS_BYLINE | flag::CLS_META | flag::CLS_CREDIT | flag::IN_CAPTION;

/// Bytes of text above which [`SOFT`] words are ignored.
const MAX_META_TEXT: usize = 400;

/// Bytes of text above which ad words are ignored.
const MAX_AD_TEXT: usize = 2000;

/// Bytes of prose-heavy text above which newsletter and call-to-action
/// words are ignored.
const MAX_PITCH_TEXT: usize = 1000;

/// Evidence that an element holds the article.
const CONTENT: u32 = flag::IN_ARTICLE | flag::IN_MAIN | flag::CLS_CONTENT;

/// Evidence that a wrapper may carry without saying anything about the
/// units deep inside it: dropped on the container's ancestors.
const WRAPPER_NOISE: u32 = NEGATIVE
    | flag::IN_HEADER
    | flag::CLS_BYLINE
    | flag::CLS_CREDIT
    | flag::CLS_META
    | flag::IN_CAPTION
    | flag::IN_FIGURE
    | flag::IN_LIST
    | flag::IN_TABLE;

/// Class and id words that say what a container holds, matched as whole
/// words after splitting on `-`, `_`, spaces and camelCase.
fn word_flag(word: &[u8]) -> u32 {
    match word {
        b"share" | b"sharing" | b"social" | b"sharer" | b"addthis" | b"sharethis" | b"shariff"
        | b"socials" | b"sharebar" => flag::CLS_SHARE,
        b"related" | b"recommended" | b"recirc" | b"outbrain" | b"taboola" | b"trending"
        | b"popular" | b"recommendations" | b"readmore" => flag::CLS_RELATED,
        // "reviews" (plural: a box of them) — not "review", which names
        // review articles.
        b"comment" | b"comments" | b"disqus" | b"respond" | b"replies" | b"discussion"
        | b"reviews" => flag::CLS_COMMENT,
        b"newsletter" | b"subscribe" | b"signup" | b"subscription" | b"cta" | b"donate" => {
            flag::CLS_NEWSLETTER
        }
        b"cookie" | b"cookies" | b"consent" | b"gdpr" => flag::CLS_COOKIE,
        b"ad" | b"ads" | b"advert" | b"advertisement" | b"adslot" | b"sponsor" | b"sponsored"
        | b"dfp" | b"promo" | b"adsense" | b"adunit" => flag::CLS_AD,
        b"byline" | b"author" | b"authors" => flag::CLS_BYLINE,
        b"credit" | b"credits" | b"copyright" => flag::CLS_CREDIT,
        b"caption" | b"figcaption" => flag::IN_CAPTION,
        b"nav" | b"navbar" | b"navigation" | b"menu" | b"breadcrumb" | b"breadcrumbs"
        | b"pagination" | b"toolbar" => flag::CLS_NAV,
        b"footer" => flag::CLS_FOOTER,
        b"accordion" | b"collapse" | b"collapsible" | b"tabpanel" | b"panel" | b"faq" | b"faqs"
        | b"answer" | b"expandable" | b"toggle" | b"tab" | b"tabs" => flag::DISCLOSURE,
        b"sidebar" | b"rail" | b"aside" => flag::IN_ASIDE,
        b"dateline" | b"timestamp" | b"tags" => flag::CLS_META,
        b"articlebody" | b"storybody" | b"postbody" | b"entrycontent" | b"articlecontent"
        | b"postcontent" | b"storycontent" | b"articletext" | b"storytext" | b"bodytext"
        | b"prose" => flag::CLS_CONTENT,
        _ => 0,
    }
}

/// Longest class word we look up; longer words are skipped.
const MAX_WORD: usize = 24;

/// `article-body`, `storyContent`, `post_text`: two words that together
/// name the article's container; `more-stories`, a related box.
fn pair_flag(first: &[u8], second: &[u8]) -> u32 {
    // `more-stories`, `moreFrom`: a related box ("more" alone is as often
    // `read-more-content`, `learn-more` or `more-info`).
    if first == b"more"
        && matches!(
            second,
            b"stories"
                | b"articles"
                | b"news"
                | b"from"
                | b"posts"
                | b"videos"
                | b"like"
                | b"reading"
        )
    {
        return flag::CLS_RELATED;
    }
    let head = matches!(
        first,
        b"article" | b"story" | b"post" | b"entry" | b"news" | b"blog" | b"main" | b"rich"
    );
    let tail = matches!(second, b"body" | b"content" | b"text" | b"copy");
    if head && tail {
        flag::CLS_CONTENT
    } else {
        0
    }
}

/// Flags of every word of an attribute value: split on non-alphanumerics and
/// on camelCase humps, lower-cased into a stack buffer (no allocation).
/// Non-ASCII words never match the (ASCII) lexicon and are skipped. Pairs of
/// adjacent words are looked up too (`article-body`).
fn words_flags(v: &str) -> u32 {
    struct Words {
        bits: u32,
        /// The last word's flags, held back: a state word after it
        /// (`comments-open`) cancels them.
        pending: u32,
        cur: [u8; MAX_WORD],
        len: usize,
        bad: bool,
        prev: [u8; MAX_WORD],
        prev_len: usize,
        /// `social-media-embed`: an embedded post, content, not a share bar.
        embed: bool,
    }
    impl Words {
        fn end(&mut self) {
            if self.len > 0 && !self.bad {
                let w = &self.cur[..self.len];
                self.embed |= matches!(w, b"embed" | b"embedded" | b"oembed");
                // Most words have no flag: the state words are looked at
                // only when a flag is at stake.
                if self.pending != 0 && is_state_suffix(w) {
                    self.pending = 0;
                }
                self.bits |= self.pending;
                let f = word_flag(w);
                let after_state =
                    f != 0 && self.prev_len > 0 && is_state_prefix(&self.prev[..self.prev_len]);
                self.pending = if after_state { 0 } else { f };
                if self.prev_len > 0 {
                    self.bits |= pair_flag(&self.prev[..self.prev_len], w);
                }
                self.prev = self.cur;
                self.prev_len = self.len;
            } else if self.len > 0 {
                self.bits |= self.pending;
                self.pending = 0;
                self.prev_len = 0;
            }
            self.len = 0;
            self.bad = false;
        }
        /// A space between class names: pairs do not cross it.
        fn space(&mut self) {
            self.end();
            self.bits |= self.pending;
            self.pending = 0;
            self.prev_len = 0;
        }
    }
    let mut w = Words {
        bits: 0,
        pending: 0,
        cur: [0; MAX_WORD],
        len: 0,
        bad: false,
        prev: [0; MAX_WORD],
        prev_len: 0,
        embed: false,
    };
    let mut prev_lower = false;
    for b in v.bytes() {
        // Lower-case letters and digits, the most of a class name, first.
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            prev_lower = b.is_ascii_lowercase();
            if w.len < MAX_WORD {
                w.cur[w.len] = b;
                w.len += 1;
            } else {
                w.bad = true;
            }
        } else if b.is_ascii_uppercase() {
            if prev_lower {
                w.end();
            }
            prev_lower = false;
            if w.len < MAX_WORD {
                w.cur[w.len] = b.to_ascii_lowercase();
                w.len += 1;
            } else {
                w.bad = true;
            }
        } else {
            prev_lower = false;
            if b.is_ascii_whitespace() {
                w.space();
            } else if b.is_ascii() {
                w.end();
            } else {
                // A non-ASCII letter: the word is not in the lexicon.
                w.bad = true;
                w.len = w.len.max(1);
            }
        }
    }
    w.space();
    if w.embed {
        w.bits &= !flag::CLS_SHARE;
    }
    w.bits
}

/// `has-comments`, `with-sidebar`, `no-ads`: a page state, not a box.
fn is_state_prefix(w: &[u8]) -> bool {
    matches!(
        w,
        b"has" | b"with" | b"no" | b"without" | b"show" | b"hide" | b"is" | b"enable" | b"disable"
    )
}

/// `comments-open`, `nav-closed`, `share-enabled`: a page state, not a box.
fn is_state_suffix(w: &[u8]) -> bool {
    matches!(
        w,
        b"open"
            | b"opened"
            | b"closed"
            | b"enabled"
            | b"disabled"
            | b"active"
            | b"inactive"
            | b"on"
            | b"off"
            | b"count"
            | b"visible"
            | b"expanded"
            | b"collapsed"
            | b"allowed"
    )
}

/// The evidence an element's attributes give (class, id, role, itemprop and
/// rel words, author links, hidden), in one pass over its attributes.
/// `at` gets the element's class, itemtype and style on the way.
fn attr_flags<'a>(value: &'a scraper::node::Element, slug_id: bool, at: &mut Attrs<'a>) -> u32 {
    let mut bits = 0;
    let is_link = value.name() == "a";
    for (k, v) in &value.attrs {
        let (name, v): (&str, &str) = (&k.local, v);
        at.note(k.ns.is_empty(), name, v);
        match name {
            // A section's anchor made from its heading's words says what
            // the section is about, not what kind of box it is.
            "id" if slug_id => {}
            "class" | "id" => {
                bits |= words_flags(v);
                // A wiki's list of references (`<ol class="references">`,
                // `reflist`): citations, not the article. As a class only:
                // `id="references"` anchors a section heading as often.
                if name == "class"
                    && v.split_ascii_whitespace()
                        .any(|w| matches!(w, "references" | "reflist" | "mw-references-wrap"))
                {
                    bits |= flag::CLS_RELATED;
                }
            }
            "role" => {
                bits |= words_flags(v);
                if v.eq_ignore_ascii_case("tabpanel") || v.eq_ignore_ascii_case("region") {
                    bits |= flag::DISCLOSURE;
                }
                if v.eq_ignore_ascii_case("main") {
                    bits |= flag::IN_MAIN;
                } else if v.eq_ignore_ascii_case("contentinfo") {
                    bits |= flag::CLS_FOOTER;
                } else if v.eq_ignore_ascii_case("complementary") {
                    bits |= flag::IN_ASIDE;
                }
            }
            "itemprop" => {
                if v.eq_ignore_ascii_case("articleBody") || v.eq_ignore_ascii_case("text") {
                    bits |= flag::CLS_CONTENT;
                } else {
                    bits |= words_flags(v);
                    if v.split_ascii_whitespace()
                        .any(|w| w.eq_ignore_ascii_case("author"))
                    {
                        bits |= flag::AUTHOR;
                    }
                }
            }
            "rel" if v.split_ascii_whitespace().any(|w| w == "author") => {
                bits |= flag::CLS_BYLINE | flag::AUTHOR;
            }
            "href"
                if is_link
                    && (v.contains("/author/")
                        || v.contains("/authors/")
                        || v.contains("/byline/")) =>
            {
                bits |= flag::CLS_BYLINE | flag::AUTHOR;
            }
            "itemtype"
                if v.contains("DiscussionForumPosting")
                    || v.contains("QAPage")
                    || v.ends_with("/Question") =>
            {
                bits |= flag::DISCUSSION;
            }
            "aria-labelledby" | "aria-controls" => bits |= flag::DISCLOSURE,
            // React's streamed server rendering parks each finished part of
            // the page in `<div hidden id="S:n">` and moves it into place
            // on load: it is the page's text, not hidden.
            "hidden" if !value.id().is_some_and(is_streamed_part) => bits |= flag::HIDDEN,
            // On an inline element (a duplicate link around a thumbnail, an
            // icon, a count beside its screen-reader caption) `aria-hidden`
            // hides from screen readers only: the text is on screen.
            "aria-hidden" if is_block(value.name()) && v.trim().eq_ignore_ascii_case("true") => {
                bits |= flag::HIDDEN
            }
            "style"
                if style_says(v, b"display", b"none")
                    || style_says(v, b"visibility", b"hidden") =>
            {
                bits |= flag::HIDDEN;
            }
            _ => {}
        }
    }
    bits
}

/// Words a heading slug has at least: a one- or two-word anchor
/// (`comments`, `related-posts`) names a box as often as a section.
const SLUG_WORDS: usize = 3;

fn is_heading(tag: &str) -> bool {
    matches!(tag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

/// Is `id` made from the first words of the heading the element opens with
/// (`<section id="respond-to-review-comments"><h2>Respond to review
/// comments</h2>`), a documentation generator's section anchor? The id's
/// words, [`SLUG_WORDS`] or more, must start the heading word for word.
fn is_heading_slug(node: ego_tree::NodeRef<'_, Node>, id: &str) -> bool {
    let id_words = || {
        id.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    if id_words().count() < SLUG_WORDS {
        return false;
    }
    // The first element child, or its first element child: the heading.
    let mut at = node;
    for _ in 0..2 {
        // An empty anchor (`<span id="old-name"></span>`) before the
        // heading is passed over.
        let Some(first) = at.children().find(|c| match c.value() {
            Node::Element(_) => c
                .descendants()
                .take(20)
                .any(|d| d.value().as_text().is_some_and(|t| !t.trim().is_empty())),
            Node::Text(t) => !t.trim().is_empty(),
            _ => false,
        }) else {
            return false;
        };
        let Some(el) = first.value().as_element() else {
            return false;
        };
        if is_heading(el.name()) {
            let mut text = String::new();
            for t in first.descendants().filter_map(|d| d.value().as_text()) {
                text.push_str(t);
                text.push(' ');
                if text.len() > 300 {
                    return false;
                }
            }
            let mut heading = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty());
            return id_words().all(|w| {
                heading.next().is_some_and(|h| {
                    h.chars()
                        .flat_map(char::to_lowercase)
                        .eq(w.chars().flat_map(char::to_lowercase))
                })
            });
        }
        at = first;
    }
    false
}

/// A class list that hides its element with a framework's utility class
/// (`d-none`, `is-hidden`), unless another class shows it again at some
/// screen size (`d-none d-lg-flex`, `invisible md:visible`, `hide show@medium`).
/// Not `hidden`, `hide` or `sr-only`: pages reveal those with scripts or
/// style them otherwise too often (measured on WCXB-dev: each cost more
/// pages than it won).
fn class_hides(v: &str) -> bool {
    let mut hides = false;
    for w in v.split_ascii_whitespace() {
        if matches!(w, "d-none" | "is-hidden" | "display-none" | "invisible") {
            hides = true;
        } else if w.bytes().any(|b| matches!(b, b':' | b'@'))
            || (w.starts_with("d-") && w.len() > 2)
        {
            return false;
        }
    }
    hides
}

/// A class list naming a modal dialog or a pop-up (`modal`, `popup`,
/// `lightbox` as whole words).
fn names_modal(v: &str) -> bool {
    // Over bytes: a character outside ASCII splits words as its bytes do.
    v.as_bytes()
        .split(|b| !b.is_ascii_alphanumeric())
        .any(|w| matches!(w, b"modal" | b"popup" | b"lightbox"))
}

/// React's streamed parts (`<div hidden id="S:n">`), by number: a script
/// moves each into its placeholder's place (`<template id="B:n">`) on load.
/// Read on reaching a placeholder, so only pages that have one pay the walk.
fn streamed_parts(doc: &Html) -> HashMap<&str, ego_tree::NodeRef<'_, Node>> {
    let mut parts = HashMap::new();
    for node in doc.tree.root().descendants() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        if let Some(id) = el
            .id()
            .filter(|id| el.name() == "div" && is_streamed_part(id))
        {
            parts.insert(&id[2..], node);
        }
    }
    parts
}

/// `S:0`, `S:12`: the id React gives a streamed part of the page.
fn is_streamed_part(id: &str) -> bool {
    id.strip_prefix("S:")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Inline elements that render as boxes of their own: links, buttons and
/// labels, and anything styled `inline-block`, `flex` or `grid`. Text on
/// either side of one is a separate word even with no space in the markup
/// (`<a>Home</a><a>News</a>`).
fn is_boxed_inline(tag: &str, at: &Attrs<'_>) -> bool {
    matches!(tag, "a" | "button" | "label")
        // A code highlighter's line (`<span class="line">`), laid out as a
        // block by its style sheet: lines of code glued without a newline.
        || (tag == "span"
            && at
                .class
                .is_some_and(|c| c.split_ascii_whitespace().any(|w| w == "line")))
        || at.style.is_some_and(|st| {
            style_says_any(
                st,
                b"display",
                &[b"inline-block", b"flex", b"inline-flex", b"grid"],
            )
        })
}

/// A flex or grid container, by a utility class (`flex`, `d-flex`,
/// `md:grid`) or an inline style: its children are laid out as boxes.
fn lays_out(at: &Attrs<'_>) -> bool {
    at.class.is_some_and(|c| {
        c.split_ascii_whitespace().any(|w| {
            matches!(
                w.rsplit(':').next().unwrap_or(w),
                "flex"
                    | "inline-flex"
                    | "d-flex"
                    | "d-inline-flex"
                    | "grid"
                    | "inline-grid"
                    | "d-grid"
            )
        })
    }) || at
        .style
        .is_some_and(|st| style_says_any(st, b"display", &[b"flex", b"inline-flex", b"grid"]))
}

/// A `<span>` or a `<code>` without an inline style. A rich-text editor's
/// style runs (`<span style="font-weight:700">includin</span><span>g</span>`)
/// split words anywhere; spans a stylesheet lays out are whole items, and
/// so are code spans side by side (`<code>U+00DF</code><code>0x C3 9F</code>`,
/// a code point and its bytes stacked by a stylesheet).
fn is_plain_span(tag: &str, at: &Attrs<'_>) -> bool {
    matches!(tag, "span" | "code") && at.style.is_none()
}

/// Characters that are not whitespace (`char::is_whitespace`); over bytes
/// when the text is ASCII, where that is `\t`..=`\r` and the space.
fn non_space_chars(s: &str) -> usize {
    if s.is_ascii() {
        s.bytes()
            .filter(|b| !matches!(b, b'\t'..=b'\r' | b' '))
            .count()
    } else {
        s.chars().filter(|c| !c.is_whitespace()).count()
    }
}

/// Empty or whitespace only, as `s.trim().is_empty()` says (over bytes
/// for ASCII whitespace, the common case).
fn is_blank(s: &str) -> bool {
    super::trim_ws(s).is_empty()
}

/// The attributes the walk reads on every element, found in the scan of
/// its attributes [`attr_flags`] makes (`Element::attr` interns the name and
/// searches for each).
#[derive(Default)]
struct Attrs<'a> {
    class: Option<&'a str>,
    itemtype: Option<&'a str>,
    style: Option<&'a str>,
}

impl<'a> Attrs<'a> {
    /// An attribute `name="v"`; `no_ns`: in no namespace, as
    /// `Element::attr` reads them.
    fn note(&mut self, no_ns: bool, name: &str, v: &'a str) {
        let slot = match name {
            "class" => &mut self.class,
            "itemtype" => &mut self.itemtype,
            "style" => &mut self.style,
            _ => return,
        };
        if no_ns && slot.is_none() {
            *slot = Some(v);
        }
    }
}

/// A lower-case word that an element ends and a capital that starts the
/// text after it (`<b class="title">Diverse Clientele</b>We have…`,
/// `…and security<strong>Cons:</strong>`): a label or a heading set beside
/// its text by a stylesheet, not one word. A word is not capitalised
/// inside; a brand's capital inside a word (`iPhone`, `GeForce`) comes in
/// one text, and a one-letter start (`e<b>Bay</b>`) is left alone.
fn case_seam(before: &str, after: &str) -> bool {
    let mut next = after.chars();
    let capital = next.next().is_some_and(char::is_uppercase);
    let last = before.chars().next_back();
    capital
        && trailing_word(before) >= 2
        && (last.is_some_and(char::is_lowercase)
            // An upper-case word before a capitalised one (`LUX<span>Columbia`).
            || (last.is_some_and(char::is_uppercase) && next.next().is_some_and(char::is_lowercase)))
}

/// Letters and digits the text ends with.
fn trailing_word(s: &str) -> usize {
    s.chars().rev().take_while(|c| c.is_alphanumeric()).count()
}

/// Letters and digits the text starts with.
fn leading_word(s: &str) -> usize {
    s.chars().take_while(|c| c.is_alphanumeric()).count()
}

/// Whether an inline style sets `prop: value` (ASCII case-insensitive,
/// whitespace around the colon allowed; no allocation).
fn style_says(style: &str, prop: &[u8], value: &[u8]) -> bool {
    style_says_any(style, prop, &[value])
}

/// Whether an inline style sets `prop` to any of `values`: one search for
/// the property, as [`style_says`] for each value.
fn style_says_any(style: &str, prop: &[u8], values: &[&[u8]]) -> bool {
    let s = style.as_bytes();
    let mut from = 0;
    while let Some(pos) = s[from..]
        .windows(prop.len())
        .position(|w| w.eq_ignore_ascii_case(prop))
    {
        let at = from + pos;
        from = at + 1;
        // A whole property name: not the tail of `foo-display`.
        if at > 0 && (s[at - 1].is_ascii_alphanumeric() || s[at - 1] == b'-') {
            continue;
        }
        let mut k = at + prop.len();
        while k < s.len() && s[k].is_ascii_whitespace() {
            k += 1;
        }
        if s.get(k) != Some(&b':') {
            continue;
        }
        k += 1;
        while k < s.len() && s[k].is_ascii_whitespace() {
            k += 1;
        }
        for value in values {
            if s.len() >= k + value.len() && s[k..k + value.len()].eq_ignore_ascii_case(value) {
                let after = s.get(k + value.len()).copied();
                if after.is_none_or(|b| !b.is_ascii_alphanumeric()) {
                    return true;
                }
            }
        }
    }
    false
}

/// An element, by pre-order index.
struct Elem<'d> {
    tag: &'d str,
    parent: u32,
    /// Its own evidence bits.
    own: u32,
    /// Hidden by a utility class (`d-none`): weaker evidence than
    /// an attribute, as a site's stylesheet decides what the class does.
    class_hidden: bool,
    /// Named a modal or a pop-up: a box (an aside) when weighing prose,
    /// not on pages of items, whose cards some templates nest in one.
    modal: bool,
    /// Typed a schema.org `Comment` (`itemtype=".../Comment"`).
    comment_item: bool,
}

const NONE: u32 = u32::MAX;

/// Share of the page's prose above which an element hidden by a utility
/// class is taken as shown (a stylesheet or a script reveals it).
const CLASS_HIDDEN_SHARE: f32 = 0.3;

/// How much more the prose of a container the page calls its article body
/// (`itemprop="articleBody"`, `class="article-body"`) weighs.
const CONTENT_BONUS: f32 = 1.5;

struct Open {
    /// A boxed inline element: its end separates words too.
    boxed: bool,
    idx: u32,
    /// For `<ol>`: the number of the next item.
    next_item: Option<u32>,
    tag_block: bool,
    kind: BlockKind,
    level: u8,
    skipped: bool,
    link: bool,
    article: bool,
    pre: bool,
    span: bool,
    /// A flex or grid container: its children are boxes (see [`lays_out`]).
    lays_out: bool,
}

struct Builder<'a> {
    out: Vec<Unit<'a>>,
    /// The element each unit's evidence comes from.
    elem_of: Vec<u32>,
    buf: String,
    link_chars: u32,
    href: Option<String>,
    links: u32,
    elem: u32,
    kind: BlockKind,
    level: u8,
    /// The last thing added to `buf` was a `<br>`.
    after_br: bool,
    /// Byline and date evidence of inline elements inside the unit
    /// (`By <a rel="author">…</a>`).
    inline: u32,
    inline_of: Vec<u32>,
    datetime: Option<String>,
    /// Characters of the link the unit opens with, while it lasts.
    lead_link: u32,
    leading: bool,
    lead_of: Vec<u32>,
    /// Characters of each unit, whitespace excluded.
    chars_of: Vec<u32>,
    /// A boxed inline element (a link, a button, an inline-block) opened or
    /// closed since the last text: words on either side are separate.
    word_break: bool,
    /// A `<span>` closed since the last text: a `<span>` opened next is a
    /// separate box (`<span>id</span><span>string</span>`, a name and its
    /// type laid out side by side by a stylesheet).
    span_closed: bool,
    /// ...and a `<span>` opened after it.
    span_break: bool,
    /// An element opened or closed since the last text (see [`case_seam`]).
    tag_edge: bool,
}

impl Builder<'_> {
    fn flush(&mut self) {
        // Most blocks close with nothing or only indentation since the last
        // one: no text to read back, collapse or copy.
        let text = if self.buf.bytes().all(|b| b.is_ascii_whitespace()) {
            String::new()
        } else {
            // UTF-8 the site saved as Latin-1 is read back before whitespace
            // is collapsed: its no-break spaces come out as "Â" and U+00A0.
            normalize_ws(&crate::mojibake::repair(&self.buf)).into_owned()
        };
        self.buf.clear();
        self.after_br = false;
        // An ordered item's number with nothing after it is no text.
        let bare_number = text
            .strip_suffix('.')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if !text.is_empty() && !bare_number {
            let mut u = Unit::new(Cow::Owned(text.clone()), Cow::Owned(text), self.kind);
            u.level = self.level;
            u.link_chars = self.link_chars;
            // Link characters are counted without whitespace; so is the text here.
            let chars = non_space_chars(&u.text);
            if self.links == 1 && self.link_chars as usize * 10 >= chars * 9 {
                u.href = self.href.take();
            }
            u.datetime = self.datetime.take();
            self.out.push(u);
            self.elem_of.push(self.elem);
            self.inline_of.push(self.inline);
            self.lead_of.push(self.lead_link);
            self.chars_of.push(chars as u32);
        }
        self.lead_link = 0;
        self.leading = false;
        self.inline = 0;
        self.datetime = None;
        self.link_chars = 0;
        self.links = 0;
        self.href = None;
    }
}

/// Bytes of a unit above which an inline author link does not make it a byline.
const MAX_INLINE_BYLINE: usize = 160;

/// A `<noscript>` worth reading when the page shows nothing else: the
/// crawler view of script-rendered sites (forums, single-page apps).
const MIN_NOSCRIPT_BYTES: usize = 2000;

/// Parse a page, its nesting bounded first (see [`super::nesting`]).
pub(crate) fn parse(input: &str) -> Html {
    Html::parse_document(&super::nesting::bound_nesting(input))
}

/// Segment a parsed document into units.
pub(crate) fn segment(doc: &Html) -> Vec<Unit<'static>> {
    let (units, found, noscript) = segment_doc(doc);
    if !found && noscript.len() >= MIN_NOSCRIPT_BYTES {
        // One level only: the noscript document's own noscripts are not read.
        let inner = parse(&noscript);
        let (inner_units, inner_found, _) = segment_doc(&inner);
        if inner_found {
            return inner_units;
        }
    }
    units
}

/// Units, whether a main container was found, and the text of the largest
/// `<noscript>` (as markup).
fn segment_doc(doc: &Html) -> (Vec<Unit<'static>>, bool, String) {
    let mut noscript: Vec<&str> = Vec::new();
    let mut discussion = false;
    // An element's `itemtype` names a thread (not an FAQ's `Question`).
    let mut thread_type = false;
    let mut noscript_len = 0usize;
    let mut b = Builder {
        out: Vec::new(),
        elem_of: Vec::new(),
        buf: String::new(),
        link_chars: 0,
        href: None,
        links: 0,
        elem: NONE,
        kind: BlockKind::Paragraph,
        level: 0,
        after_br: false,
        inline: 0,
        inline_of: Vec::new(),
        datetime: None,
        lead_link: 0,
        leading: false,
        lead_of: Vec::new(),
        chars_of: Vec::new(),
        word_break: false,
        span_closed: false,
        span_break: false,
        tag_edge: false,
    };
    let mut elems: Vec<Elem> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut skip_depth = 0usize;
    let mut link_depth = 0usize;
    // The id of the last heading opened (a permalink inside it points to it).
    let mut heading_id: Option<&str> = None;
    let mut article_depth = 0usize;
    let mut pre_depth = 0usize;
    // An element is typed a schema.org `Answer`.
    let mut answers = false;
    // Found on the first placeholder: most pages have none and skip the walk.
    let mut parts = None;
    // Parts already read where their placeholder stands, and the one whose
    // original place is being skipped.
    let mut moved: HashSet<ego_tree::NodeId> = HashSet::new();
    let mut skipping: Option<ego_tree::NodeId> = None;
    // The part whose own opening edge comes next, read in its new place.
    let mut entering: Option<ego_tree::NodeId> = None;
    let mut walks = vec![doc.tree.root().traverse()];
    loop {
        let Some(edge) = walks.last_mut().and_then(Iterator::next) else {
            walks.pop();
            if walks.is_empty() {
                break;
            }
            continue;
        };
        if let Some(id) = skipping {
            if matches!(edge, Edge::Close(n) if n.id() == id) {
                skipping = None;
            }
            continue;
        }
        match edge {
            Edge::Open(node) if entering == Some(node.id()) => entering = None,
            Edge::Open(node) if !moved.is_empty() && moved.contains(&node.id()) => {
                skipping = Some(node.id());
                continue;
            }
            // A streamed part is read where its placeholder stands, right
            // after it.
            Edge::Close(node) => {
                if let Some(part) = node
                    .value()
                    .as_element()
                    .filter(|el| el.name() == "template")
                    .and_then(|el| el.id())
                    .and_then(|id| id.strip_prefix("B:"))
                    .and_then(|n| {
                        parts
                            .get_or_insert_with(|| streamed_parts(doc))
                            .get(n)
                            .copied()
                    })
                {
                    if moved.insert(part.id()) {
                        entering = Some(part.id());
                        walks.push(part.traverse());
                    }
                }
            }
            _ => {}
        }
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => {
                    let tag = el.name();
                    if tag == "script"
                        && el
                            .attr("type")
                            .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
                    {
                        discussion |= node.children().any(|c| {
                            c.value().as_text().is_some_and(|t| {
                                t.contains("\"DiscussionForumPosting\"") || t.contains("\"QAPage\"")
                            })
                        });
                    }
                    if tag == "noscript" {
                        let texts: Vec<&str> = node
                            .children()
                            .filter_map(|c| c.value().as_text().map(|t| &**t))
                            .collect();
                        let len = texts.iter().map(|t| t.len()).sum::<usize>();
                        if len > noscript_len {
                            noscript_len = len;
                            noscript = texts;
                        }
                    }
                    let skipped = is_skipped(tag);
                    if skipped {
                        skip_depth += 1;
                    }
                    let mut at = Attrs::default();
                    let mut own = tag_flags(tag) | attr_flags(el, false, &mut at);
                    if own & NEGATIVE != 0 && el.id().is_some_and(|id| is_heading_slug(node, id)) {
                        own = tag_flags(tag) | attr_flags(el, true, &mut Attrs::default());
                    }
                    // Looked up once an element: each is read twice below.
                    let (class, itemtype) = (at.class, at.itemtype);
                    // A flex or grid container's children are its items,
                    // boxes side by side (`AI<span class="badge">SDK</span>`).
                    let boxed = is_boxed_inline(tag, &at)
                        || stack.last().is_some_and(|p| p.lays_out && pre_depth == 0);
                    let lays_out = lays_out(&at);
                    let span = is_plain_span(tag, &at);
                    // Inside a `<pre>`, class words are a highlighter's
                    // token names (`comment`, `tag`, `nav`), not boxes.
                    if pre_depth > 0 {
                        own &= flag::HIDDEN | tag_flags(tag);
                    }
                    if own & flag::DISCUSSION != 0 {
                        thread_type |= itemtype.is_some_and(|v| {
                            v.contains("DiscussionForumPosting") || v.contains("QAPage")
                        });
                    }
                    // A `<header>` inside an `<article>` heads that article
                    // (a card's title and byline), not the page.
                    if tag == "header" && article_depth > 0 {
                        own &= !flag::IN_HEADER;
                    }
                    // A credit inside a caption is a unit of its own.
                    let block = is_block(tag) || own & flag::CLS_CREDIT != 0;
                    if block && skip_depth == 0 {
                        b.flush();
                    }
                    if tag == "br" && skip_depth == 0 {
                        // One `<br>` breaks a line inside a block; two end it.
                        if b.after_br {
                            b.flush();
                        } else if !is_blank(&b.buf) {
                            b.buf.push(' ');
                            b.after_br = true;
                        }
                    }
                    let idx = elems.len() as u32;
                    let parent = stack.last();
                    if !block && skip_depth == 0 {
                        b.inline |= own & (flag::CLS_BYLINE | flag::CLS_META | flag::AUTHOR);
                    }
                    elems.push(Elem {
                        tag,
                        parent: parent.map_or(NONE, |p| p.idx),
                        own,
                        class_hidden: class.is_some_and(class_hides),
                        modal: class.is_some_and(names_modal),
                        comment_item: itemtype
                            .is_some_and(|t| t.trim_end_matches('/').ends_with("/Comment")),
                    });
                    answers |=
                        itemtype.is_some_and(|t| t.trim_end_matches('/').ends_with("/Answer"));
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
                    if tag == "time" && b.datetime.is_none() && skip_depth == 0 {
                        b.datetime = el.attr("datetime").map(str::to_string);
                    }
                    // Ordered list items keep their number ("1. …"), as printed.
                    if tag == "li" && skip_depth == 0 {
                        if let Some(n) = stack.last_mut().and_then(|p| p.next_item.as_mut()) {
                            b.buf.push_str(&n.to_string());
                            b.buf.push_str(". ");
                            *n = n.saturating_add(1);
                        }
                    }
                    let next_item = (tag == "ol").then(|| {
                        el.attr("start")
                            .and_then(|v| v.trim().parse::<u32>().ok())
                            .unwrap_or(1)
                    });
                    if skip_depth == 0 && boxed {
                        b.word_break = true;
                    }
                    if skip_depth == 0 && b.span_closed && span {
                        b.span_break = true;
                    }
                    if skip_depth == 0 && tag != "wbr" {
                        b.tag_edge = true;
                    }
                    let article = tag == "article";
                    article_depth += usize::from(article);
                    let pre = tag == "pre";
                    pre_depth += usize::from(pre);
                    if is_heading(tag) {
                        heading_id = el.id();
                    }
                    // A heading's link to its own anchor (`<h2 id="why"><a
                    // href="#why">Why?</a></h2>`, a permalink) is its text,
                    // not a link to elsewhere, nor is a toggle's `href="#"`
                    // (an accordion's question) or a back link to the table
                    // of contents (`role="doc-backlink"`). A forum post's title links
                    // to the post's anchor: that stays a link.
                    let link = tag == "a"
                        && !(b.kind == BlockKind::Heading
                            && el
                                .attr("href")
                                .and_then(|h| h.strip_prefix('#'))
                                .is_some_and(|h| {
                                    h.is_empty()
                                        || heading_id == Some(h)
                                        || el.id() == Some(h)
                                        || el.attr("role") == Some("doc-backlink")
                                }));
                    if link {
                        link_depth += 1;
                        if b.href.is_none() {
                            b.href = el.attr("href").map(str::to_string);
                        }
                        b.links += 1;
                    }
                    if block {
                        b.elem = idx;
                        b.kind = kind;
                        b.level = level;
                    }
                    stack.push(Open {
                        idx,
                        next_item,
                        boxed,
                        tag_block: block,
                        kind,
                        level,
                        skipped,
                        link,
                        article,
                        pre,
                        span,
                        lays_out,
                    });
                }
                Node::Text(t) if skip_depth == 0 => {
                    // Unchanged until the text is appended below.
                    let buf_blank = is_blank(&b.buf);
                    if buf_blank {
                        // The block's evidence is that of the element holding its first text.
                        if let Some(top) = stack.last() {
                            b.elem = top.idx;
                        }
                    }
                    let visible = !is_blank(t);
                    if visible {
                        b.after_br = false;
                        if buf_blank {
                            b.leading = link_depth > 0;
                        } else if link_depth == 0 {
                            b.leading = false;
                        }
                    }
                    if visible {
                        b.span_closed = false;
                        // Two words of two letters or more: a letter styled
                        // apart (`<span>P</span><span>roducts</span>`, an
                        // ordinal's `<span>rd</span>`) stays in its word.
                        if std::mem::take(&mut b.span_break)
                            && trailing_word(&b.buf) >= 2
                            && leading_word(t) >= 2
                        {
                            b.word_break = true;
                        }
                    }
                    if visible
                        && std::mem::take(&mut b.tag_edge)
                        && pre_depth == 0
                        && case_seam(&b.buf, t)
                    {
                        b.word_break = true;
                    }
                    if visible && std::mem::take(&mut b.word_break) {
                        let glued = b.buf.chars().next_back().is_some_and(char::is_alphanumeric)
                            && t.chars().next().is_some_and(char::is_alphanumeric);
                        if glued {
                            b.buf.push(' ');
                        }
                    }
                    b.buf.push_str(t);
                    if link_depth > 0 {
                        let n = non_space_chars(t) as u32;
                        b.link_chars += n;
                        if b.leading {
                            b.lead_link += n;
                        }
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
                            b.elem = p.idx;
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
                    if open.article {
                        article_depth -= 1;
                    }
                    if open.pre {
                        pre_depth -= 1;
                    }
                    if open.boxed {
                        b.word_break = true;
                    }
                    if open.span {
                        b.span_closed = true;
                    }
                    if skip_depth == 0 {
                        b.tag_edge = true;
                    }
                }
            }
        }
    }
    b.flush();
    repeated_pitches_are_cards(&mut elems);
    // On a discussion page the comments are the content.
    let declared = discussion || thread_type;
    let discussion = discussion || elems.iter().any(|e| e.own & flag::DISCUSSION != 0);
    // On a Q&A page the answers are the content, and the comments under a
    // question or an answer (typed `Comment`) stay comments. (An `Answer`
    // item makes the page a Q&A's: forums type their replies `Comment`.)
    if discussion {
        for e in &mut elems {
            if answers && e.comment_item {
                e.own |= flag::CLS_COMMENT;
            } else {
                e.own &= !flag::CLS_COMMENT;
            }
        }
    }
    let found_units = Found {
        units: &b.out,
        elem_of: &b.elem_of,
        lead_of: &b.lead_of,
        chars_of: &b.chars_of,
        // ...whose posts name themselves article bodies: an article with a
        // comment thread declares one.
        // (Declared in JSON-LD: an FAQ's `Question` items name their
        // answers' text too.)
        discussion: declared
            && elems
                .iter()
                .filter(|e| e.own & flag::CLS_CONTENT != 0)
                .nth(THREAD_POSTS - 1)
                .is_some(),
    };
    let mut w = weigh(&elems, &found_units, Mode::Prose);
    let mut items_page = false;
    if w.score < WEAK_PROSE {
        // Little or no prose: a thread of comments, a grid of product cards.
        let mode = if w.score < MIN_CONTAINER {
            Mode::Thread
        } else {
            Mode::Items
        };
        let items = weigh(&elems, &found_units, mode);
        // A short article that holds its own headline stays an article, even
        // above a long list of teasers.
        if w.score < MIN_CONTAINER
            || (items.score > ITEMS_OVER_PROSE * w.score && !w.holds_headline)
        {
            items_page = true;
            w = items;
        }
    }
    let found = w.score >= MIN_CONTAINER;
    let flags = &w.flags;
    let mut out = b.out;
    for ((u, &e), &inline) in out.iter_mut().zip(&b.elem_of).zip(&b.inline_of) {
        u.flags = flags.get(e as usize).copied().unwrap_or(0);
        // On a page of items (cards, posts), the items' titles are links and
        // content: their links do not make them navigation.
        if items_page
            && u.has(flag::DOM_CONTENT)
            && u.text.split_whitespace().count() >= ITEM_TITLE_WORDS
        {
            u.link_chars = 0;
        }

        // A short line holding a byline link is a byline.
        if inline != 0 && u.text.len() <= MAX_INLINE_BYLINE {
            u.flags |= inline;
        }
    }
    (out, found, noscript.concat())
}

/// Sibling call-to-action boxes at least this many are a grid of cards.
const PITCH_CARDS: u32 = 5;

/// A sign-up or call-to-action box stands alone: several of them side by
/// side under one parent (a page builder's `call-to-action` widget used for
/// each trail, service or offer) are the page's cards, and so is what they
/// hold. Parents come before children in pre-order: one pass counts, one
/// clears.
fn repeated_pitches_are_cards(elems: &mut [Elem<'_>]) {
    let n = elems.len();
    // Inside a pitch (itself or an ancestor): its fields and buttons are
    // not boxes of their own.
    let mut in_pitch = vec![false; n];
    let mut pitches = vec![0u32; n];
    let mut children = vec![0u32; n];
    for i in 0..n {
        let p = elems[i].parent as usize;
        if p < n {
            children[p] += 1;
        }
        let own = elems[i].own & flag::CLS_NEWSLETTER != 0;
        in_pitch[i] = own || (p < n && in_pitch[p]);
        if own && p < n && !in_pitch[p] {
            pitches[p] += 1;
        }
    }
    // Pitches among paragraphs (a blog's inline sign-up boxes) stay boxes:
    // cards fill their parent.
    let grid = |p: usize| pitches[p] >= PITCH_CARDS && 2 * pitches[p] >= children[p];
    if !(0..n).any(grid) {
        return;
    }
    let mut card = vec![false; n];
    for i in 0..n {
        let p = elems[i].parent as usize;
        card[i] = p < n && (card[p] || (grid(p) && elems[i].own & flag::CLS_NEWSLETTER != 0));
        if card[i] {
            elems[i].own &= !flag::CLS_NEWSLETTER;
        }
    }
}

/// Sentence punctuation: the mark of prose.
fn has_sentence_mark(s: &str) -> bool {
    s.contains(['.', ',', '!', '?', '。', '，', '、', '！', '？', ';', ':'])
}

/// What a unit says about its container: prose counts its characters, link
/// lists and menus cost.
fn unit_weight(u: &Unit<'_>, chars: u32) -> (f32, f32) {
    let chars = chars as f32;
    let links = u.link_chars as f32;
    if links * 2.0 > chars {
        return (0.0, -(chars.min(300.0) * 0.5 + 5.0));
    }
    if chars >= 60.0 && has_sentence_mark(&u.text) {
        (chars - links, 0.0)
    } else if chars >= 25.0 && has_sentence_mark(&u.text) {
        ((chars - links) * 0.5, 0.0)
    } else {
        (0.0, -1.0)
    }
}

/// How units weigh when choosing the container.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Prose counts, link lists cost, boxes are known by tag and class.
    Prose,
    /// Pages with little prose: every item of some length counts, and only
    /// page furniture (nav, header, footer, aside, cookie and newsletter
    /// boxes) is a box.
    Items,
    /// Pages without prose (a forum thread, a product grid): as `Items`, and
    /// comments and listed items inside the container are its content.
    Thread,
}

/// A comment box may outweigh the article; one holding this share of the
/// page's prose is the page's wrapper.
const COMMENT_WRAPPER: f32 = 0.9;

/// Words of a linked item title on a page of items (fewer: a menu entry;
/// two-word names, "Joco Cup", "Ready Seal", are items' as often).
/// (3 -> 2 measured on WCXB-dev HTML: 17 pages up, 7 down.)
const ITEM_TITLE_WORDS: usize = 2;

/// How much more than the container it wraps a wrapper must weigh.
const ANCESTOR_MARGIN: f32 = 0.2;

/// A wrapper of the container whose prose weighs this many times the
/// container's...
const SPREAD_PROSE: f32 = 1.3;
/// ...and whose score keeps this share of the container's is the content.
const SPREAD_KEEP: f32 = 0.3;

/// A wrapper holding this many times the container's prose, and scoring
/// as well as it but for what its boxes cost, is the content.
const SPREAD_LOOSE: f32 = 1.6;

/// How many levels above the container its headline's parent may stand.
const HEADLINE_CLIMB: usize = 2;

/// Paragraphs of prose that make an element named for navigation a page
/// section (one long line is a menu's run of names).
const NAV_SECTION_PARAGRAPHS: u32 = 3;

/// Least weight of a main container.
const MIN_CONTAINER: f32 = 150.0;
/// Below this weight a prose container may lose to a list of items...
const WEAK_PROSE: f32 = 1200.0;
/// ...that weighs this many times more.
const ITEMS_OVER_PROSE: f32 = 3.0;

/// Boxes when there is no prose to weigh.
const FURNITURE: u32 = flag::IN_NAV
    | flag::IN_FOOTER
    | flag::IN_ASIDE
    | flag::IN_HEADER
    | flag::CLS_NAV
    | flag::CLS_FOOTER
    | flag::CLS_COOKIE
    | flag::CLS_NEWSLETTER;

/// An item of a list or grid: its characters, a little less for links.
fn item_weight(u: &Unit<'_>, chars: u32) -> (f32, f32) {
    let chars = chars as f32;
    if chars >= 15.0 {
        (chars - 0.5 * u.link_chars as f32, 0.0)
    } else {
        (0.0, -1.0)
    }
}

/// The units of a document, with the element each came from and the length
/// of the link it opens with.
struct Found<'u, 'a> {
    units: &'u [Unit<'a>],
    elem_of: &'u [u32],
    lead_of: &'u [u32],
    chars_of: &'u [u32],
    /// The page declares a discussion (a forum thread, a Q&A page).
    discussion: bool,
}

/// Posts declared as article bodies that make a discussion page a thread.
const THREAD_POSTS: usize = 3;

/// What a teaser summary costs its container.
const TEASER_COST: f32 = 20.0;
/// A headline link is at least this long (characters without spaces).
const MIN_HEADLINE_LINK: u32 = 20;

/// A teaser: a unit that opens with a headline link and goes on with a
/// summary (`<li><a>Headline</a><span>Summary…</span></li>`), or a summary
/// right after a whole-link headline in a small card of its own
/// (`<article><h2><a>Headline</a></h2><p>Summary…</p></article>`).
fn is_teaser(elems: &[Elem<'_>], end: &[u32], count: &[u32], f: &Found<'_, '_>, k: usize) -> bool {
    let u = &f.units[k];
    let chars = f.chars_of.get(k).copied().unwrap_or(0);
    let lead = f.lead_of.get(k).copied().unwrap_or(0);
    if lead >= MIN_HEADLINE_LINK && lead < chars && lead * 2 >= u.link_chars {
        return true;
    }
    let Some(prev) = k.checked_sub(1).map(|j| &f.units[j]) else {
        return false;
    };
    let prev_chars = f.chars_of.get(k - 1).copied().unwrap_or(0);
    if !(MIN_HEADLINE_LINK..=200).contains(&prev_chars) || prev.link_chars * 10 < prev_chars * 9 {
        return false;
    }
    // The smallest element holding both, a few levels up: a card when it
    // holds little else.
    let (here, there) = (f.elem_of[k] as usize, f.elem_of[k - 1]);
    let mut a = here;
    for _ in 0..4 {
        if a >= elems.len() {
            return false;
        }
        if a as u32 <= there && there <= end[a] {
            return count[a] <= 3;
        }
        a = elems[a].parent as usize;
    }
    false
}

/// What weighing found.
struct Weighed {
    /// Inherited flags per element.
    flags: Vec<u32>,
    /// The container's weight (0 when none was found).
    score: f32,
    /// The container, or an `<article>` at most two levels above it, holds
    /// an `<h1>`.
    holds_headline: bool,
}

/// Choose the main container and give every element its inherited flags.
fn weigh(elems: &[Elem<'_>], found: &Found<'_, '_>, mode: Mode) -> Weighed {
    let (units, elem_of) = (found.units, found.elem_of);
    let n = elems.len();
    let mut flags = vec![0u32; n];
    if n == 0 {
        return Weighed {
            flags,
            score: 0.0,
            holds_headline: false,
        };
    }
    // The last pre-order index inside each element, and the units it holds, bottom-up.
    let mut end: Vec<u32> = (0..n as u32).collect();
    let mut count = vec![0u32; n];
    for &e in elem_of {
        if let Some(c) = count.get_mut(e as usize) {
            *c += 1;
        }
    }
    for i in (1..n).rev() {
        let p = elems[i].parent as usize;
        if p < n {
            end[p] = end[p].max(end[i]);
            count[p] += count[i];
        }
    }
    let teasers: Vec<bool> = match mode {
        Mode::Prose => (0..units.len())
            .map(|k| is_teaser(elems, &end, &count, found, k))
            .collect(),
        Mode::Items | Mode::Thread => Vec::new(),
    };
    // Raw prose per subtree (for "is this a wrapper?") and the adjusted score.
    let mut prose = vec![0f32; n];
    // Units that count as prose, per subtree.
    let mut prose_units = vec![0u32; n];
    let mut pos = vec![0f32; n];
    let mut neg = vec![0f32; n];
    let mut text = vec![0u32; n];
    for (k, (u, &e)) in units.iter().zip(elem_of).enumerate() {
        let i = e as usize;
        if i >= n {
            continue;
        }
        text[i] = text[i].saturating_add(u.text.len() as u32);
        let (p, q) = match mode {
            // A teaser's summary is prose about another page.
            Mode::Prose if teasers[k] => (0.0, -TEASER_COST),
            Mode::Prose => unit_weight(u, found.chars_of[k]),
            Mode::Items | Mode::Thread => item_weight(u, found.chars_of[k]),
        };
        prose[i] += p;
        prose_units[i] += u32::from(p > 0.0);
        pos[i] += p;
        neg[i] += q;
    }
    for i in (1..n).rev() {
        let p = elems[i].parent as usize;
        if p < n {
            prose[p] += prose[i];
            prose_units[p] += prose_units[i];
            text[p] = text[p].saturating_add(text[i]);
        }
    }
    let total: f32 = (0..n)
        .filter(|&i| elems[i].parent == NONE)
        .map(|i| prose[i])
        .sum();
    // Hidden, with what it holds (parents come before children in pre-order).
    // A hidden wrapper of most of the page's prose is a rendering trick
    // (revealed by script), not hidden content.
    let hides = |i: usize| {
        (elems[i].own & flag::HIDDEN != 0 && prose[i] < 0.5 * total)
            || (elems[i].class_hidden && prose[i] < CLASS_HIDDEN_SHARE * total)
    };
    let mut hidden = vec![false; n];
    for i in 0..n {
        let p = elems[i].parent as usize;
        hidden[i] = hides(i) || (p < n && hidden[p]);
    }
    // Holds an element that says "article" (itemprop, `<article>`, `<main>`).
    let mut holds_content = vec![false; n];
    let mut holds_main = vec![false; n];
    for i in (0..n).rev() {
        if elems[i].own & CONTENT != 0 {
            holds_content[i] = true;
        }
        if elems[i].own & flag::IN_MAIN != 0 {
            holds_main[i] = true;
        }
        let p = elems[i].parent as usize;
        if p < n {
            holds_content[p] |= holds_content[i];
            holds_main[p] |= holds_main[i];
        }
    }
    // A `<footer>` or a cookie-consent box that holds no `<main>` is page
    // furniture, however much text it holds (a shop's full legal policies
    // in modal dialogs, a consent manager's purposes on a page of teasers).
    let page_footer = |i: usize| {
        (elems[i].tag == "footer" || elems[i].own & flag::CLS_COOKIE != 0) && !holds_main[i]
    };
    // A box: a container with negative evidence that is not a wrapper of the
    // article. Comment sections may outweigh the article, so the share-of-page
    // test does not clear them.
    // The nearest `<article>` holding each element (parents come first).
    let mut article_of = vec![NONE; n];
    for i in 0..n {
        let p = elems[i].parent as usize;
        article_of[i] = if elems[i].tag == "article" {
            i as u32
        } else if p < n {
            article_of[p]
        } else {
            NONE
        };
    }
    // A sidebar word on an element holding most of its `<article>`'s prose
    // names the layout beside a sidebar (`sidebar-layout`, `sidebar-content`
    // around the story), not the sidebar.
    let lays_out = |i: usize| {
        let a = article_of[i] as usize;
        a < n && a != i && prose[a] > 0.0 && prose[i] >= 0.5 * prose[a]
    };
    let is_box = |i: usize| {
        let mut own = elems[i].own;
        if own & NEGATIVE == flag::IN_ASIDE && elems[i].tag != "aside" && lays_out(i) {
            own &= !flag::IN_ASIDE;
        }
        // Navigation words on a section of paragraphs of prose (a menu is
        // links) name a page section or a scroll-spy target
        // (`content-nav-section`), as for the flags below.
        if text[i] as usize > MAX_META_TEXT
            && prose[i] >= 0.4 * text[i] as f32
            && prose_units[i] >= NAV_SECTION_PARAGRAPHS
        {
            own &= !flag::CLS_NAV;
        }
        let own = own
            | if mode == Mode::Prose && elems[i].modal {
                flag::IN_ASIDE
            } else {
                0
            };
        // Page-type classes on `<body>` say nothing about its boxes.
        let negative = match mode {
            Mode::Prose => NEGATIVE,
            // An ad or a promotion is no item either: a promo bar's
            // slides once outweighed a page's few lines, and its units, all
            // ads, left the page empty.
            Mode::Items | Mode::Thread => FURNITURE | flag::CLS_AD,
        };
        own & negative != 0
            && !matches!(elems[i].tag, "body" | "html")
            && (!holds_content[i] || page_footer(i))
            && (prose[i] < 0.5 * total
                || page_footer(i)
                // A `<nav>` is furniture on a page of items however much of
                // it it holds: a manual's sidebar listing every page
                // outweighs a section's few short introductions.
                || (mode != Mode::Prose && elems[i].tag == "nav")
                || (mode == Mode::Prose
                    && own & flag::CLS_COMMENT != 0
                    && prose[i] < COMMENT_WRAPPER * total))
    };
    // Inside a hidden element or a box: never the container.
    let mut excluded = hidden;
    for i in 0..n {
        let p = elems[i].parent as usize;
        excluded[i] = excluded[i] || is_box(i) || (p < n && excluded[p]);
    }
    // Costs outside boxes: a menu inside a `<nav>` costs the page, not a
    // wrapper's claim to hold the sections around the container.
    let mut loose = neg.clone();
    let mut best: Option<(f32, usize)> = None;
    for i in (0..n).rev() {
        if elems[i].own & flag::CLS_CONTENT != 0 {
            // The page names this its article body.
            pos[i] *= CONTENT_BONUS;
        }
        let score = pos[i] + neg[i];
        // A wrapper must beat the container it wraps by a margin: a few
        // stray sentences around an article (a browser warning, a print
        // header) do not make the whole page the article.
        let beats = |(b, c): (f32, usize)| {
            let wraps = i < c && c as u32 <= end[i];
            score
                > if wraps {
                    b * (1.0 + ANCESTOR_MARGIN)
                } else {
                    b
                }
        };
        if !excluded[i] && score > 0.0 && best.is_none_or(beats) {
            best = Some((score, i));
        }
        let p = elems[i].parent as usize;
        if p >= n || hides(i) {
            continue;
        }
        if is_box(i) {
            neg[p] += neg[i] - 0.5 * pos[i] - 10.0;
        } else {
            pos[p] += pos[i];
            neg[p] += neg[i];
            loose[p] += loose[i];
        }
    }
    // A page of sections (a service's landing page, a manual's chapter):
    // the prose runs on in the container's siblings. An ancestor holding
    // much more prose than the container, and not losing most of its
    // weight to link lists, is the content, and so is a `<main>` scoring at
    // least as well as the container; the climb stops at an element
    // that names itself the article or the page's main content.
    if mode == Mode::Prose {
        if let Some((b, mut c)) = best {
            let mut a = elems[c].parent as usize;
            // On a discussion page each post may name itself the article
            // body (`itemprop="text"`): the climb goes on to the thread.
            let stop = if found.discussion {
                flag::IN_MAIN
            } else {
                flag::CLS_CONTENT | flag::IN_MAIN
            };
            while a < n && !excluded[a] && elems[c].own & stop == 0 {
                // `<main>` (or `role=main`) needs no margin: only to score
                // as well as the container.
                let main_ok = elems[a].own & flag::IN_MAIN != 0 && pos[a] + neg[a] >= b;
                if main_ok
                    || (pos[a] >= SPREAD_PROSE * pos[c] && pos[a] + neg[a] >= SPREAD_KEEP * b)
                    // A wrapper whose own parts, its menus' cost aside,
                    // score as well as the container, with much more prose:
                    // a guide's sections beside a mega-menu.
                    || (pos[a] >= SPREAD_LOOSE * pos[c]
                        && pos[a] + loose[a] >= b
                        && !holds_content[a])
                {
                    c = a;
                }
                a = elems[a].parent as usize;
            }
            // The page's headline standing just before the container in
            // its parent or grandparent (a manual's `<h1>` and lead above
            // the element the page calls its content): the parent is the
            // content when the headline and lead cost nothing and nothing
            // follows the container in it.
            let holds_h1 = |lo: usize| {
                let hi = end[lo];
                units.iter().zip(elem_of).any(|(u, &e)| {
                    u.kind == BlockKind::Heading && u.level == 1 && (lo as u32..=hi).contains(&e)
                })
            };
            if !holds_h1(c) {
                let mut child = c;
                let mut a = elems[c].parent as usize;
                for _ in 0..HEADLINE_CLIMB {
                    if a >= n || excluded[a] || pos[a] + neg[a] < b {
                        break;
                    }
                    let h1_before = (a + 1..child)
                        .any(|j| elems[j].parent as usize == a && elems[j].tag == "h1");
                    // Nothing follows the container there: a footer's
                    // dates, tags and notices are no lead.
                    let after = end[child] + 1..=end[a];
                    if h1_before && !elem_of.iter().any(|e| after.contains(e)) {
                        c = a;
                        break;
                    }
                    child = a;
                    a = elems[a].parent as usize;
                }
            }
            best = Some((b, c));
        }
    }
    let container = best.filter(|(b, _)| *b >= MIN_CONTAINER).map(|(_, i)| i);
    let c_lo = container.map_or(NONE, |c| c as u32);
    let c_hi = container.map_or(NONE, |c| end[c]);
    let c_prose = container.map_or(total, |c| prose[c]);
    for i in 0..n {
        let e = &elems[i];
        let parent = if (e.parent as usize) < n {
            flags[e.parent as usize]
        } else {
            0
        };
        let idx = i as u32;
        // Byline, date and credit words name small elements; on a big one
        // they are a template's accident (`class="has-author"` on a list).
        let e_own = e.own
            | if mode == Mode::Prose && e.modal {
                flag::IN_ASIDE
            } else {
                0
            };
        let mut own = if text[i] as usize > MAX_META_TEXT {
            e_own & !SOFT
        } else {
            e_own
        };
        // An ad or a promotion is a small box: ad words on an element
        // holding pages of text are a template's (`promo-section`).
        if text[i] as usize > MAX_AD_TEXT {
            own &= !flag::CLS_AD;
        }
        // So are navigation words on a section largely of prose (a menu is
        // links): `nav-section` on a page section, a scroll-spy target. And
        // a `<form>` largely of prose is a section a form wraps (a product's
        // options and description, a calculator's explanation), not a
        // sign-in or search box.
        if text[i] as usize > MAX_META_TEXT && prose[i] >= 0.4 * text[i] as f32 {
            own &= !(flag::CLS_NAV | flag::IN_FORM);
            // A sign-up or call-to-action box is a line or two of pitch:
            // one holding paragraphs of prose is a section (`cta-banner`
            // around a read-more panel).
            if text[i] as usize > MAX_PITCH_TEXT {
                own &= !flag::CLS_NEWSLETTER;
            }
        }
        if hides(i) {
            own |= flag::HIDDEN;
        } else {
            own &= !flag::HIDDEN;
        }
        flags[i] = match container {
            // An ancestor of the container (or the container): only what
            // cannot be a wrapper's accident stays.
            Some(_) if idx <= c_lo && end[i] >= c_lo => {
                let f = parent | (own & !WRAPPER_NOISE);
                if idx == c_lo && f & flag::HIDDEN == 0 {
                    f | flag::DOM_CONTENT | flag::IN_CONTAINER
                } else {
                    f
                }
            }
            // Inside: a negative word on a wrapper of most of the article is ignored.
            Some(_) if idx > c_lo && idx <= c_hi => {
                // In a thread or a list, the comments and the listed items
                // are the content.
                // A card's `<figcaption>` (a product's name, maker and
                // price) is the item's text, not a photo's caption. A
                // thread may wrap each post's text in a `<form>` (to edit it
                // in place): the post is content all the same.
                let own = match mode {
                    Mode::Prose => own,
                    Mode::Items => own & !flag::IN_CAPTION,
                    Mode::Thread => {
                        own & !(flag::CLS_COMMENT
                            | flag::CLS_RELATED
                            | flag::IN_CAPTION
                            | flag::IN_FORM)
                    }
                };
                // A collapsed tab, accordion or FAQ answer is content shown on a click.
                let own = if own & flag::DISCLOSURE != 0 {
                    own & !flag::HIDDEN
                } else {
                    own
                };
                let f = if prose[i] >= 0.5 * c_prose && c_prose > 0.0 {
                    parent | (own & !WRAPPER_NOISE)
                } else {
                    parent | own
                };
                let f = f | flag::IN_CONTAINER;
                // A code sample in a side column of the content (an API
                // reference's example request and response beside the
                // fields) is the content's.
                let f = if f & flag::IN_PRE != 0 && f & NEGATIVE == flag::IN_ASIDE {
                    f & !flag::IN_ASIDE
                } else {
                    f
                };
                if f & (NEGATIVE | flag::HIDDEN) == 0 {
                    f | flag::DOM_CONTENT
                } else {
                    f & !flag::DOM_CONTENT
                }
            }
            Some(_) => parent | own | flag::OUT_MAIN,
            None => {
                if prose[i] >= 0.5 * total && total > 0.0 {
                    parent | (own & !WRAPPER_NOISE)
                } else {
                    parent | own
                }
            }
        };
    }
    let holds_headline = container.is_some_and(|c| {
        let mut a = c;
        for _ in 0..3 {
            let (lo, hi) = (a as u32, end[a]);
            let holds = units.iter().zip(elem_of).any(|(u, &e)| {
                u.kind == BlockKind::Heading && u.level == 1 && (lo..=hi).contains(&e)
            });
            if holds {
                // ...inside an element that says it is the article.
                return elems[a].tag == "article" || elems[a].own & flag::CLS_CONTENT != 0;
            }
            match elems[a].parent as usize {
                p if p < n => a = p,
                _ => return false,
            }
        }
        false
    });
    Weighed {
        flags,
        score: best.filter(|_| container.is_some()).map_or(0.0, |(b, _)| b),
        holds_headline,
    }
}

/// How many units before the main container a lead figure may stand.
const LEAD_FIGURE_WINDOW: usize = 15;
/// Related links kept from the DOM.
const MAX_RELATED: usize = 30;

/// Figures (caption and credit elements) and related links (whole-link
/// units in related boxes) the markup declares, added to an assembled article.
pub(crate) fn add_figures_and_related(units: &[Unit<'_>], art: &mut Article) {
    let start = units
        .iter()
        .position(|u| u.has(flag::DOM_CONTENT))
        .unwrap_or(0);
    let near = |i: usize| {
        !units[i].has(flag::OUT_MAIN | flag::HIDDEN)
            || (i < start && i + LEAD_FIGURE_WINDOW >= start && !units[i].has(flag::HIDDEN))
    };
    let mut i = 0;
    while i < units.len() {
        let u = &units[i];
        let in_fig = u.has(flag::IN_CAPTION | flag::IN_FIGURE);
        if !in_fig || !near(i) || u.has(NEGATIVE) {
            i += 1;
            continue;
        }
        let is_credit = |u: &Unit<'_>| {
            u.has(flag::CLS_CREDIT)
                || matches!(
                    figure::credit(&u.text, u.text.chars().count(), true),
                    Some(figure::Credit::Leading | figure::Credit::AgencyOnly)
                )
        };
        let mut fig = Figure {
            caption: None,
            credit: None,
        };
        // A caption and a credit, in either order, make one figure.
        let mut k = i;
        while k < units.len() && k < i + 2 && units[k].has(flag::IN_CAPTION | flag::IN_FIGURE) {
            let v = &units[k];
            if is_credit(v) && fig.credit.is_none() {
                fig.credit = Some(v.text.to_string());
            } else if !is_credit(v) && fig.caption.is_none() {
                match figure::credit(&v.text, v.text.chars().count(), true) {
                    Some(figure::Credit::Trailing { caption, credit }) if fig.credit.is_none() => {
                        fig.caption = Some(caption.to_string());
                        fig.credit = Some(credit.to_string());
                    }
                    _ => fig.caption = Some(v.text.to_string()),
                }
            } else {
                break;
            }
            k += 1;
        }
        let dup = art.figures.iter().any(|f| {
            (f.caption.is_some() && f.caption == fig.caption)
                || (fig.caption.is_none() && f.credit == fig.credit)
        });
        if !dup && (fig.caption.is_some() || fig.credit.is_some()) {
            art.figures.push(fig);
        }
        i = k.max(i + 1);
    }
    for u in units {
        if art.related.len() >= MAX_RELATED {
            break;
        }
        if !u.has(flag::CLS_RELATED) || u.has(flag::HIDDEN) || u.href.is_none() {
            continue;
        }
        if u.text.split_whitespace().count() < 3 || art.related.iter().any(|r| r.title == u.text) {
            continue;
        }
        art.related.push(Related {
            title: u.text.to_string(),
            url: u.href.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words() {
        assert_eq!(words_flags("article-body"), flag::CLS_CONTENT);
        assert_eq!(words_flags("articleBody"), flag::CLS_CONTENT);
        assert_eq!(words_flags("related-posts"), flag::CLS_RELATED);
        assert_eq!(words_flags("socialShareBar"), flag::CLS_SHARE);
        assert_eq!(words_flags("post-share_buttons"), flag::CLS_SHARE);
        assert_eq!(words_flags("social-media-embed"), 0);
        assert_eq!(words_flags("more-stories"), flag::CLS_RELATED);
        // Customer reviews under a product are comments, not its description.
        assert_eq!(words_flags("product-reviews"), flag::CLS_COMMENT);
        assert_eq!(words_flags("read-more-content learn-more"), 0);
        // Collapsed panels: hidden, but content when inside the container.
        assert_eq!(words_flags("accordion__content"), flag::DISCLOSURE);
        // Page states are not boxes.
        assert_eq!(words_flags("single comments-open has-sidebar"), 0);
        assert_eq!(words_flags("comments-open comments"), flag::CLS_COMMENT);
        // Pairs do not cross class names; long and non-ASCII words are skipped.
        assert_eq!(words_flags("article body"), 0);
        assert_eq!(words_flags("navigationxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), 0);
        assert_eq!(words_flags("menü"), 0);
    }

    #[test]
    fn inline_styles() {
        assert!(style_says(
            "color: red; DISPLAY : None ;",
            b"display",
            b"none"
        ));
        assert!(!style_says("x-display:none", b"display", b"none"));
        assert!(style_says("visibility:hidden", b"visibility", b"hidden"));
    }

    #[test]
    fn a_thread_s_posts_in_forms_are_content() {
        let post = |i: usize| {
            format!(
                "<div class=\"thing\"><p class=\"tagline\">user{i} 12 points 3 hours ago</p><form class=\"usertext\"><div class=\"md\"><p>Reply {i}: I tried this last winter and it worked, though it took a while.</p></div></form><ul><li><a href=\"#\">permalink</a></li><li><a href=\"#\">reply</a></li></ul></div>"
            )
        };
        let posts: String = (1..=12).map(post).collect();
        let html = format!("<html><body><div class=\"commentarea\">{posts}</div></body></html>");
        let units = segment(&Html::parse_document(&html));
        let reply = units
            .iter()
            .find(|u| u.text.starts_with("Reply 3"))
            .unwrap();
        assert!(reply.has(flag::DOM_CONTENT));
    }

    #[test]
    fn a_grid_of_call_to_action_boxes_is_cards() {
        let card = |i: usize| {
            format!(
                "<div class=\"widget-cta\"><h2>Trail {i}</h2><p class=\"cta-text\">Difficulty: beginner. Length: {i} miles of shaded single track along the creek, with two bridges.</p></div>"
            )
        };
        let cards: String = (1..=6).map(card).collect();
        let html = format!("<html><body><div><div>{cards}</div></div></body></html>");
        let units = segment(&Html::parse_document(&html));
        let trail = units
            .iter()
            .find(|u| u.text.starts_with("Difficulty"))
            .unwrap();
        assert_eq!(trail.flags & flag::CLS_NEWSLETTER, 0);
        // Two of them among paragraphs stay sign-up boxes.
        let html = format!(
            "<html><body><article>{}</article><div><p>Some text.</p>{}{}<p>More text.</p></div></body></html>",
            "<p>The trail network grew out of a volunteer effort, and it is still maintained by riders who meet every month.</p>".repeat(8),
            card(1),
            card(2)
        );
        let units = segment(&Html::parse_document(&html));
        let pitch = units
            .iter()
            .find(|u| u.text.starts_with("Difficulty"))
            .unwrap();
        assert!(pitch.has(flag::CLS_NEWSLETTER));
    }

    #[test]
    fn a_headline_and_lead_before_the_content_join_it() {
        // A manual's page: the <h1> and its lead paragraph stand just before
        // the element the page calls its content, in the same parent.
        let menu: String = (0..40)
            .map(|i| format!("<li><a href=\"/docs/{i}\">Gadget topic {i}</a></li>"))
            .collect();
        let steps: String = (1..=6)
            .map(|i| {
                format!(
                    "<section><h2>Step {i}</h2><p>In step {i} you wire the gadget to the \
                     board, check the lights and write down what you see.</p></section>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><div><nav><ul>{menu}</ul></nav></div><div><div>\
             <p>Setup</p><h1>Getting started with the gadget</h1>\
             <p>The gadget reads its board once a second, keeps what changed and \
             writes it to a small log file you can read later.</p>\
             <div class=\"prose\">{steps}</div></div></div></body></html>"
        );
        let units = segment(&Html::parse_document(&html));
        let find = |s: &str| units.iter().find(|u| u.text.starts_with(s)).unwrap();
        assert!(find("In step 3").has(flag::DOM_CONTENT));
        assert!(find("The gadget reads its board").has(flag::DOM_CONTENT));
        assert!(!find("Gadget topic 4").has(flag::DOM_CONTENT));
    }

    #[test]
    fn sections_beside_a_mega_menu_are_content() {
        // No <main>, no <article>: a guide's sections stand side by side in
        // the page's wrapper, beside a huge menu in a <nav>. The menu costs
        // the page; it does not make the first section the whole guide.
        let menu: String = (0..150)
            .map(|i| format!("<li><a href=\"/tools/{i}\">Widget tool number {i}</a></li>"))
            .collect();
        let chapters: String = (1..=8)
            .map(|i| {
                format!(
                    "<div><h3>Chapter {i}</h3><p>In chapter {i} you learn how the widget works \
                     inside, step by step, with examples you can try at home.</p></div>"
                )
            })
            .collect();
        let terms: String = (1..=30)
            .map(|i| {
                format!(
                    "<div><p><a href=\"/glossary/{i}\">Term {i}:</a></p>\
                     <p>What word {i} means to widget makers.</p></div>"
                )
            })
            .collect();
        let html = format!(
            "<html><body><div class=\"page\"><div class=\"top\"><nav><ul>{menu}</ul></nav></div>\
             <h1>The Beginner's Guide to Widgets</h1>\
             <section><div><div>{chapters}</div></div></section>\
             <section><h2>Widget Glossary</h2>{terms}</section></div></body></html>"
        );
        let units = segment(&Html::parse_document(&html));
        let find = |s: &str| units.iter().find(|u| u.text.starts_with(s)).unwrap();
        assert!(find("In chapter 3").has(flag::DOM_CONTENT));
        assert!(find("What word 7").has(flag::DOM_CONTENT));
        assert!(!find("Widget tool number 4").has(flag::DOM_CONTENT));
    }

    #[test]
    fn a_heading_s_permalink_is_no_link() {
        let units = segment(&Html::parse_document(
            "<html><body><h2 id=\"why\"><a href=\"#why\">Why Tauri?</a></h2>\
             <h2><a href=\"/why\">Why Rust?</a></h2><h3><a href=\"#p12\">Re: Why Go?</a></h3><p><a href=\"#top\">Back to top</a></p></body></html>",
        ));
        let link_chars = |t: &str| units.iter().find(|u| u.text == t).unwrap().link_chars;
        assert_eq!(link_chars("Why Tauri?"), 0);
        assert!(link_chars("Why Rust?") > 0);
        assert!(link_chars("Re: Why Go?") > 0);
        assert!(link_chars("Back to top") > 0);
    }

    #[test]
    fn a_section_anchor_from_its_heading_is_no_box() {
        let p = "<p>Your patch will get comments from reviewers on ways in which it can be improved, and you must answer them.</p>".repeat(4);
        let html = format!(
            "<html><body><main><h1>Submitting patches</h1>{p}{p}\
             <section id=\"respond-to-review-comments\"><span id=\"old\"></span><h2>Respond to review comments</h2>{p}</section>\
             <section id=\"comments\"><h2>Comments</h2><p>Great post, thanks a lot for writing it up!</p></section></main></body></html>"
        );
        let units = segment(&Html::parse_document(&html));
        let respond = units
            .iter()
            .find(|u| u.text.starts_with("Respond"))
            .unwrap();
        assert!(respond.has(flag::DOM_CONTENT));
        let thanks = units.iter().find(|u| u.text.starts_with("Great")).unwrap();
        assert!(!thanks.has(flag::DOM_CONTENT));
        assert!(is_heading_slug(
            Html::parse_fragment("<section id=\"a-b-c\"><h2>A b c d</h2></section>")
                .tree
                .root()
                .descendants()
                .find(|n| n
                    .value()
                    .as_element()
                    .is_some_and(|e| e.name() == "section"))
                .unwrap(),
            "a-b-c"
        ));
    }

    #[test]
    fn page_footer_and_consent_are_never_the_container() {
        let policy = "<p>We may share your personal information with our service providers, who process it on our behalf, as the law allows.</p>".repeat(12);
        let html = format!(
            "<html><body><main><h1>Wool Runners</h1><p>A light, breathable shoe made of merino wool, for everyday wear and travel.</p>\
             <p>The upper is knit from fine wool that keeps feet cool in summer and warm in winter, and it is machine washable.</p></main>\
             <footer><div class=\"prose\">{policy}</div></footer></body></html>"
        );
        let units = segment(&Html::parse_document(&html));
        let shoe = units
            .iter()
            .find(|u| u.text.starts_with("A light"))
            .unwrap();
        assert!(shoe.has(flag::DOM_CONTENT));
        let policy = units.iter().find(|u| u.text.starts_with("We may")).unwrap();
        assert!(!policy.has(flag::DOM_CONTENT));
        let consent = format!(
            "<html><body><main><h1>Wool Runners</h1><p>A light, breathable shoe made of merino wool, for everyday wear and travel.</p>\
             <p>The upper is knit from fine wool that keeps feet cool in summer and warm in winter, and it is machine washable.</p></main>\
             <div id=\"consent-sdk\">{policy}</div></body></html>",
            policy = "<p>These cookies allow us to count visits and traffic sources, so we can measure and improve the site.</p>".repeat(12)
        );
        let units = segment(&Html::parse_document(&consent));
        let shoe = units
            .iter()
            .find(|u| u.text.starts_with("A light"))
            .unwrap();
        assert!(shoe.has(flag::DOM_CONTENT));
        let cookies = units.iter().find(|u| u.text.starts_with("These")).unwrap();
        assert!(!cookies.has(flag::DOM_CONTENT));
    }

    #[test]
    fn utility_classes_hide() {
        assert!(class_hides("geolocation d-none"));
        assert!(class_hides("is-hidden"));
        // Shown again at some screen size.
        assert!(!class_hides("d-none d-lg-block"));
        assert!(!class_hides("invisible md:visible"));
        assert!(!class_hides("hide-on-mobile"));
    }

    #[test]
    fn modal_names() {
        assert!(names_modal("reveal modal-dialog"));
        assert!(names_modal("newsletter_popup"));
        assert!(!names_modal("modality popups-list"));
    }

    #[test]
    fn streamed_parts_are_shown() {
        assert!(is_streamed_part("S:0"));
        assert!(is_streamed_part("S:12"));
        assert!(!is_streamed_part("S:"));
        assert!(!is_streamed_part("S:a"));
        assert!(!is_streamed_part("menu"));
        let doc = Html::parse_document(
            "<html><body><div hidden id=\"S:0\"><p>Streamed text that the page shows once loaded.</p></div>\
             <div hidden id=\"menu\"><p>A menu kept hidden.</p></div></body></html>",
        );
        let units = segment(&doc);
        let shown = units
            .iter()
            .find(|u| u.text.starts_with("Streamed"))
            .unwrap();
        assert!(!shown.has(flag::HIDDEN));
        let menu = units.iter().find(|u| u.text.starts_with("A menu")).unwrap();
        assert!(menu.has(flag::HIDDEN));
    }
}
