//! Bounding the nesting that the HTML parser is handed.
//!
//! html5ever's tree builder walks its stack of open elements on most tags,
//! and reopens every unclosed formatting element (`<b>`, `<font>`, `<a>`…)
//! each time text follows a block that closed them. So 200 000 nested
//! `<div>`s take minutes, and `<div><b id=N></div>` repeated makes a number
//! of nodes quadratic in the input (8 000 repeats, 170 KB: 32 million nodes,
//! 40 s). No real page nests near the bounds below. This pass follows the
//! tags with a simplified model of the tree builder (implied end tags, scope
//! boundaries, the list of active formatting elements with its markers and
//! its limit of three identical entries) and deletes the start tags that
//! would go past [`MAX_DEPTH`] open elements or [`MAX_FORMATTING`] active
//! formatting elements, and their end tags; the text stays. The model errs
//! towards closing elements early, so a page it changes really is that deep.
//! Linear: every tag costs at most a walk of the bounded stack and list.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Open elements beyond which start tags are dropped.
pub(crate) const MAX_DEPTH: usize = 512;
/// Active formatting elements (since the last table cell) beyond which
/// formatting start tags are dropped.
pub(crate) const MAX_FORMATTING: usize = 16;

const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements whose content is text up to their end tag.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];
/// Elements that push a marker on the list of active formatting elements.
const MARKER: &[&str] = &[
    "td", "th", "caption", "applet", "object", "marquee", "template",
];
/// Scope boundaries: an end tag does not close past them.
const BOUNDARY: &[&str] = &[
    "html", "table", "td", "th", "caption", "template", "applet", "object", "marquee",
];
/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "dd",
    "dt",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "search",
];
/// Containers at which an `<li>`, `<dd>` or `<dt>` stops looking for an open one.
const LIST_STOP: &[&str] = &[
    "ul",
    "ol",
    "dl",
    "menu",
    "dir",
    "table",
    "td",
    "th",
    "caption",
    "template",
    "html",
    "object",
    "applet",
    "marquee",
    "button",
    "section",
    "article",
    "nav",
    "aside",
    "header",
    "footer",
    "main",
    "blockquote",
    "form",
    "figure",
    "body",
];

fn is(list: &[&str], name: &str) -> bool {
    list.iter().any(|t| t.eq_ignore_ascii_case(name))
}

// What a tag name is, as bits: the lists above are looked up once a tag,
// and the walks of the open-element stack test bits, not names.
const K_VOID: u32 = 1;
const K_RAW: u32 = 1 << 1;
const K_FORMATTING: u32 = 1 << 2;
const K_MARKER: u32 = 1 << 3;
const K_BOUNDARY: u32 = 1 << 4;
const K_BUTTON_SCOPE: u32 = 1 << 5;
const K_CLOSES_P: u32 = 1 << 6;
const K_LIST_STOP: u32 = 1 << 7;
const K_FOREIGN: u32 = 1 << 8;
const K_DOCUMENT: u32 = 1 << 9;
/// Where a `<td>`/`<th>`, a `<tr>`, a `<tbody>` stop looking for an open one.
const K_CELL_STOP: u32 = 1 << 10;
const K_ROW_STOP: u32 = 1 << 11;
const K_SECTION_STOP: u32 = 1 << 12;
/// Start tags that close an open element of their own kind first.
const K_CLOSES_SAME: u32 = 1 << 13;

/// The crate's fast hasher: std's keyed one cost more than the rest of this
/// pass's lookup.
type Kinds = HashMap<&'static str, u32, crate::hash::FastState>;

static KINDS: LazyLock<Kinds> = LazyLock::new(|| {
    let mut m = Kinds::default();
    let lists: [(&[&'static str], u32); 15] = [
        (VOID, K_VOID),
        (RAW, K_RAW),
        (FORMATTING, K_FORMATTING),
        (MARKER, K_MARKER),
        (BOUNDARY, K_BOUNDARY),
        // The button scope, where an open `<p>` is looked for, stops at
        // the boundaries and at `<button>`.
        (BOUNDARY, K_BUTTON_SCOPE),
        (&["button"], K_BUTTON_SCOPE),
        (CLOSES_P, K_CLOSES_P),
        (LIST_STOP, K_LIST_STOP),
        (&["svg", "math"], K_FOREIGN),
        (&["html", "head", "body"], K_DOCUMENT),
        (&["tr", "table", "template", "html"], K_CELL_STOP),
        (
            &["tbody", "thead", "tfoot", "table", "template", "html"],
            K_ROW_STOP,
        ),
        (&["table", "template", "html"], K_SECTION_STOP),
        (
            &[
                "li", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "option", "optgroup", "td",
                "th", "tr", "tbody", "thead", "tfoot", "button", "a", "nobr",
            ],
            K_CLOSES_SAME,
        ),
    ];
    for (list, bit) in lists {
        for name in list {
            *m.entry(name).or_insert(0) |= bit;
        }
    }
    m
});

/// The kind bits of a tag name, in any case.
fn kind(name: &str) -> u32 {
    // No listed name is longer than this.
    const LONGEST: usize = 10;
    if name.len() > LONGEST {
        return 0;
    }
    if name.bytes().any(|c| c.is_ascii_uppercase()) {
        let mut buf = [0u8; LONGEST];
        let lower = &mut buf[..name.len()];
        lower.copy_from_slice(name.as_bytes());
        lower.make_ascii_lowercase();
        return std::str::from_utf8(lower).map_or(0, |l| KINDS.get(l).copied().unwrap_or(0));
    }
    KINDS.get(name).copied().unwrap_or(0)
}

/// The input with start tags past the bounds (and their end tags) deleted;
/// borrowed when nothing is past them, as on every real page.
pub(crate) fn bound_nesting(input: &str) -> Cow<'_, str> {
    let cut = Model::new().run(input);
    if cut.is_empty() {
        return Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    let mut at = 0;
    for (s, e) in cut {
        out.push_str(&input[at..s]);
        at = e;
    }
    out.push_str(&input[at..]);
    Cow::Owned(out)
}

struct Model<'a> {
    /// Open elements' names and kinds, innermost last.
    stack: Vec<(&'a str, u32)>,
    /// Open `<svg>` and `<math>` elements: inside them `/>` closes a tag.
    foreign: usize,
    /// Active formatting elements as (name, whole start tag); `None` is a marker.
    active: Vec<Option<(&'a str, &'a str)>>,
    /// Start tags dropped and not yet matched by an end tag, by lower-cased name.
    dropped: HashMap<String, usize>,
    /// Byte ranges to delete, in order.
    cut: Vec<(usize, usize)>,
}

impl<'a> Model<'a> {
    fn new() -> Self {
        Model {
            stack: Vec::new(),
            foreign: 0,
            active: Vec::new(),
            dropped: HashMap::new(),
            cut: Vec::new(),
        }
    }

    fn run(mut self, input: &'a str) -> Vec<(usize, usize)> {
        let b = input.as_bytes();
        let mut i = 0;
        while let Some(p) = memchr::memchr(b'<', &b[i..]) {
            let lt = i + p;
            let Some(&next) = b.get(lt + 1) else { break };
            if next == b'!' {
                i = if b[lt..].starts_with(b"<!--") {
                    let body = lt + 4;
                    if b[body..].starts_with(b">") {
                        body + 1
                    } else if b[body..].starts_with(b"->") {
                        body + 2
                    } else {
                        match memchr::memmem::find(&b[body..], b"-->") {
                            Some(q) => body + q + 3,
                            None => break,
                        }
                    }
                } else {
                    skip_to_gt(b, lt + 2)
                };
            } else if next == b'?' {
                i = skip_to_gt(b, lt + 2);
            } else if next == b'/' {
                if b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                    let (name, end) = tag_name(input, lt + 2);
                    let Some((close, _)) = tag_end(b, end) else {
                        break;
                    };
                    self.end_tag(name, lt, close);
                    i = close;
                } else {
                    i = skip_to_gt(b, lt + 2);
                }
            } else if next.is_ascii_alphabetic() {
                let (name, end) = tag_name(input, lt + 1);
                let Some((close, self_closing)) = tag_end(b, end) else {
                    break;
                };
                i = close;
                let k = kind(name);
                if k & K_RAW != 0 && !(self_closing && self.foreign > 0) {
                    if name.eq_ignore_ascii_case("plaintext") {
                        break;
                    }
                    match find_end_tag(b, close, name) {
                        Some(q) => i = q,
                        None => break,
                    }
                    continue;
                }
                self.start_tag(name, k, &input[lt..close], (lt, close), self_closing);
            } else {
                i = lt + 1;
            }
        }
        self.cut
    }

    /// A start tag `name` of kind `k`, written `raw` at `at..close`.
    fn start_tag(
        &mut self,
        name: &'a str,
        k: u32,
        raw: &'a str,
        (at, close): (usize, usize),
        self_closing: bool,
    ) {
        if k & (K_DOCUMENT | K_VOID) != 0 {
            return;
        }
        if self_closing && self.foreign > 0 {
            return;
        }
        if k & K_CLOSES_P != 0 {
            self.close_p();
        }
        if k & K_CLOSES_SAME == 0 {
            // Most tags: none of the cases below.
        } else if is(&["li", "dd", "dt"], name) {
            let same: &[&str] = if name.eq_ignore_ascii_case("li") {
                &["li"]
            } else {
                &["dd", "dt"]
            };
            self.close_nearest(same, K_LIST_STOP);
        } else if is(&["h1", "h2", "h3", "h4", "h5", "h6"], name) {
            if self.top_is(&["h1", "h2", "h3", "h4", "h5", "h6"]) {
                self.pop();
            }
        } else if is(&["option", "optgroup"], name) {
            if self.top_is(&["option"]) {
                self.pop();
            }
            if name.eq_ignore_ascii_case("optgroup") && self.top_is(&["optgroup"]) {
                self.pop();
            }
        } else if is(&["td", "th"], name) {
            self.close_nearest(&["td", "th"], K_CELL_STOP);
        } else if is(&["tr"], name) {
            self.close_nearest(&["tr"], K_ROW_STOP);
        } else if is(&["tbody", "thead", "tfoot"], name) {
            self.close_nearest(&["tbody", "thead", "tfoot"], K_SECTION_STOP);
        } else if is(&["button"], name) {
            self.close_nearest(&["button"], K_BOUNDARY);
        } else if is(&["a", "nobr"], name) {
            // A new link closes the one still open.
            self.close_active(name);
        }
        let formatting = k & K_FORMATTING != 0;
        if self.stack.len() >= MAX_DEPTH
            || (formatting && self.active_since_marker().count() >= MAX_FORMATTING)
        {
            *self.dropped.entry(name.to_ascii_lowercase()).or_insert(0) += 1;
            self.cut.push((at, close));
            return;
        }
        if formatting {
            // At most three identical entries since the last marker.
            let same: Vec<usize> = self
                .active_since_marker()
                .filter(|&k| self.active[k].is_some_and(|(_, r)| r.eq_ignore_ascii_case(raw)))
                .collect();
            if same.len() >= 3 {
                self.active.remove(same[0]);
            }
            self.active.push(Some((name, raw)));
        } else if k & K_MARKER != 0 {
            self.active.push(None);
        }
        if k & K_FOREIGN != 0 {
            self.foreign += 1;
        }
        self.stack.push((name, k));
    }

    fn end_tag(&mut self, name: &'a str, at: usize, close: usize) {
        let k = kind(name);
        if k & K_DOCUMENT != 0 || name.eq_ignore_ascii_case("br") {
            return;
        }
        if let Some(n) = (!self.dropped.is_empty())
            .then(|| self.dropped.get_mut(&name.to_ascii_lowercase()))
            .flatten()
        {
            if *n > 0 {
                *n -= 1;
                self.cut.push((at, close));
                return;
            }
        }
        if k & K_FORMATTING != 0 && self.close_active(name) {
            return;
        }
        if name.eq_ignore_ascii_case("p") {
            self.close_p();
        } else {
            self.close_nearest(&[name], K_BOUNDARY);
        }
    }

    /// Close the innermost active formatting element `name` since the last
    /// marker, if there is one.
    fn close_active(&mut self, name: &str) -> bool {
        let Some(k) = self
            .active_since_marker()
            .rev()
            .find(|&k| self.active[k].is_some_and(|(n, _)| n.eq_ignore_ascii_case(name)))
        else {
            return false;
        };
        self.active.remove(k);
        self.adopt(name);
        true
    }

    /// Indices of the active formatting entries after the last marker.
    fn active_since_marker(&self) -> std::ops::Range<usize> {
        let start = self
            .active
            .iter()
            .rposition(Option::is_none)
            .map_or(0, |m| m + 1);
        start..self.active.len()
    }

    fn top_is(&self, names: &[&str]) -> bool {
        self.stack.last().is_some_and(|&(t, _)| is(names, t))
    }

    /// Close an open `<p>` in button scope.
    fn close_p(&mut self) {
        self.close_nearest(&["p"], K_BUTTON_SCOPE);
    }

    /// Pop up to and including the innermost element named in `names`,
    /// unless an element named in `stop` comes first.
    fn close_nearest(&mut self, names: &[&str], stop: u32) {
        for k in (0..self.stack.len()).rev() {
            let (n, kind) = self.stack[k];
            if is(names, n) {
                while self.stack.len() > k {
                    self.pop();
                }
                return;
            }
            if kind & stop != 0 {
                return;
            }
        }
    }

    /// The adoption agency closing formatting element `name`: a block
    /// opened inside it stays open (the parser moves it out and wraps its
    /// content in a copy), so only the formatting element leaves the stack;
    /// with no block inside, everything down to it is closed.
    fn adopt(&mut self, name: &str) {
        let Some(k) = self
            .stack
            .iter()
            .rposition(|(n, _)| n.eq_ignore_ascii_case(name))
        else {
            return;
        };
        if self.stack[k + 1..]
            .iter()
            .any(|&(_, k)| k & (K_CLOSES_P | K_BOUNDARY) != 0)
        {
            self.stack.remove(k);
        } else {
            while self.stack.len() > k {
                self.pop();
            }
        }
    }

    fn pop(&mut self) {
        let Some((_, k)) = self.stack.pop() else {
            return;
        };
        if k & K_FOREIGN != 0 {
            self.foreign = self.foreign.saturating_sub(1);
        }
        if k & K_MARKER != 0 {
            // Closing a cell clears the formatting elements opened in it.
            if let Some(m) = self.active.iter().rposition(Option::is_none) {
                self.active.truncate(m);
            }
        }
    }
}

/// The tag name starting at `at`, and where it ends.
fn tag_name(input: &str, at: usize) -> (&str, usize) {
    let b = input.as_bytes();
    let end = b[at..]
        .iter()
        .position(|&c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
        .map_or(b.len(), |p| at + p);
    // The name is delimited by ASCII bytes, so `end` is a char boundary.
    (&input[at..end], end)
}

/// Past the `>` that ends a tag whose attributes start at `at` (quoted values
/// may hold `>`), and whether the tag ends with `/>`; `None` at end of input.
fn tag_end(b: &[u8], at: usize) -> Option<(usize, bool)> {
    let mut i = at;
    let mut prev = 0u8;
    let mut after_eq = false;
    while i < b.len() {
        let c = b[i];
        match c {
            b'>' => return Some((i + 1, prev == b'/')),
            b'"' | b'\'' if after_eq => {
                let q = memchr::memchr(c, &b[i + 1..])?;
                i += q + 2;
                prev = c;
                after_eq = false;
                continue;
            }
            b'=' => after_eq = true,
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' => {}
            _ => after_eq = false,
        }
        prev = c;
        i += 1;
    }
    None
}

/// Past the `>` of the first `</name` (any case) at or after `at`.
fn find_end_tag(b: &[u8], at: usize, name: &str) -> Option<usize> {
    let mut i = at;
    while let Some(p) = memchr::memmem::find(&b[i..], b"</") {
        let s = i + p + 2;
        let e = s + name.len();
        if e <= b.len()
            && b[s..e].eq_ignore_ascii_case(name.as_bytes())
            && b.get(e)
                .is_none_or(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>'))
        {
            return Some(skip_to_gt(b, e));
        }
        i = s;
    }
    None
}

/// Past the next `>` at or after `at` (the end of input if none).
fn skip_to_gt(b: &[u8], at: usize) -> usize {
    memchr::memchr(b'>', &b[at.min(b.len())..]).map_or(b.len(), |p| at + p + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_found_in_any_case() {
        assert!(KINDS.keys().all(|n| kind(n) == KINDS[n]));
        assert_eq!(kind("BlockQuote"), KINDS["blockquote"]);
        assert_ne!(kind("TD") & K_MARKER, 0);
        assert_eq!(kind("custom-element"), 0);
    }

    #[test]
    fn real_markup_is_left_alone() {
        let page = "<!doctype html><html><head><title>a<b></title><script>if (a<b) x='<div>';</script></head>\
            <body><ul><li>one<li>two</ul><p>text<p>more<div><table><tr><td><b>x<td><b>y</table>\
            <svg><path d='M0'/><path/></svg><!-- <div> --></div></body></html>";
        assert!(matches!(bound_nesting(page), Cow::Borrowed(_)));
        // Thousands of siblings, unclosed paragraphs and list items are flat.
        let flat = "<p>para <b>bold</b> <a href=x>link</a><li>item<br>".repeat(5000);
        assert!(matches!(bound_nesting(&flat), Cow::Borrowed(_)));
    }

    #[test]
    fn deep_nesting_is_cut_at_the_bound_and_keeps_the_text() {
        let n = 3 * MAX_DEPTH;
        let page = format!(
            "{}<p>deep text</p>{}",
            "<div class=x>".repeat(n),
            "</div>".repeat(n)
        );
        let out = bound_nesting(&page);
        assert_eq!(out.matches("<div class=x>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("deep text"));
        // Unclosed, as a parser sees most of them.
        let open = "<span>x".repeat(n);
        assert_eq!(bound_nesting(&open).matches("<span>").count(), MAX_DEPTH);
        assert_eq!(bound_nesting(&open).matches('x').count(), n);
    }

    #[test]
    fn formatting_elements_reopened_in_every_block_are_bounded() {
        let page: String = (0..1000)
            .map(|i| format!("<div><b id={i}></div>t"))
            .collect();
        let out = bound_nesting(&page);
        assert_eq!(out.matches("<b id=").count(), MAX_FORMATTING);
        assert_eq!(out.matches('t').count(), 1000);
        // Closed ones, and identical ones (the parser keeps three), are not.
        let closed = "<div><b id=1>x</b></div>".repeat(1000);
        assert!(matches!(bound_nesting(&closed), Cow::Borrowed(_)));
        let same = "<div><font size=2>x</div>".repeat(1000);
        assert!(matches!(bound_nesting(&same), Cow::Borrowed(_)));
    }

    #[test]
    fn blocks_left_open_by_the_adoption_agency_count() {
        // A new link closes the old one, but the block opened inside it
        // stays open: every `<div>` here nests in the one before.
        let n = 2 * MAX_DEPTH;
        let page = "<a href=x><div><a href=y>t".repeat(n);
        let out = bound_nesting(&page);
        assert!(out.matches("<div>").count() <= MAX_DEPTH + 1);
        assert_eq!(out.matches('t').count(), n);
        // A link closed around inline content leaves nothing open.
        let flat = "<a href=x><span>t</a>".repeat(n);
        assert!(matches!(bound_nesting(&flat), Cow::Borrowed(_)));
    }
}
