//! Segmenting: turn the input into [`Unit`]s, one per text line or block element.
//!
//! Both front doors end here: everything after segmenting is shared.

pub(crate) mod html;
pub(crate) mod meta;
pub(crate) mod nesting;
pub(crate) mod text;

use crate::article::BlockKind;
use std::borrow::Cow;

/// Evidence bits a segmenter attaches to a unit (from the DOM, or none for text).
pub(crate) mod flag {
    pub const IN_NAV: u32 = 1;
    pub const IN_HEADER: u32 = 1 << 1;
    pub const IN_FOOTER: u32 = 1 << 2;
    pub const IN_ASIDE: u32 = 1 << 3;
    pub const IN_FORM: u32 = 1 << 4;
    pub const IN_FIGURE: u32 = 1 << 5;
    pub const IN_CAPTION: u32 = 1 << 6;
    pub const HIDDEN: u32 = 1 << 7;
    pub const CLS_SHARE: u32 = 1 << 8;
    pub const CLS_RELATED: u32 = 1 << 9;
    pub const CLS_COMMENT: u32 = 1 << 10;
    pub const CLS_NEWSLETTER: u32 = 1 << 11;
    pub const CLS_COOKIE: u32 = 1 << 12;
    pub const CLS_AD: u32 = 1 << 13;
    pub const CLS_BYLINE: u32 = 1 << 14;
    pub const CLS_CREDIT: u32 = 1 << 15;
    pub const CLS_NAV: u32 = 1 << 16;
    pub const IN_ARTICLE: u32 = 1 << 17;
    pub const IN_MAIN: u32 = 1 << 18;
    pub const CLS_FOOTER: u32 = 1 << 19;
    pub const CLS_META: u32 = 1 << 20;
    pub const IN_BUTTON: u32 = 1 << 21;
    pub const IN_LIST: u32 = 1 << 22;
    pub const IN_TABLE: u32 = 1 << 23;
    pub const IN_PRE: u32 = 1 << 24;
    pub const CLS_CONTENT: u32 = 1 << 25;
    /// Outside the page's main content container (HTML).
    pub const OUT_MAIN: u32 = 1 << 26;
    /// Inside the main content container and no box in it: the DOM vouches
    /// for the unit as content (HTML).
    pub const DOM_CONTENT: u32 = 1 << 27;
    /// Inside the main content container, boxes in it included (HTML).
    pub const IN_CONTAINER: u32 = 1 << 28;
    /// Marked up as the author's name: `rel=author`, `itemprop=author`, a
    /// link to an author page (HTML).
    pub const AUTHOR: u32 = 1 << 29;
    /// The page declares itself a discussion (schema.org
    /// `DiscussionForumPosting`, `QAPage`): its comments are its content (HTML).
    pub const DISCUSSION: u32 = 1 << 30;
    /// A disclosure panel: a tab panel, an accordion's or an FAQ's answer,
    /// shown on a click. Hidden inside the main container, it is still
    /// content (HTML).
    pub const DISCLOSURE: u32 = 1 << 31;
    /// Boxes that are not article text: navigation, asides, footers, and
    /// containers named for sharing, related links, comments, newsletters,
    /// cookies or ads.
    pub const BOXES: u32 = CLS_SHARE
        | CLS_RELATED
        | CLS_COMMENT
        | CLS_NEWSLETTER
        | CLS_COOKIE
        | CLS_AD
        | CLS_NAV
        | IN_NAV
        | IN_ASIDE
        | IN_FOOTER
        | CLS_FOOTER;
}

/// One line of a text dump, or one block-level element of an HTML page.
#[derive(Debug, Clone)]
pub(crate) struct Unit<'a> {
    /// The input as it stood (trimmed): what `removed` reports.
    pub raw: Cow<'a, str>,
    /// Normalised text ([`normalize_ws`]): whitespace collapsed to single
    /// spaces, list bullets stripped. Borrowed from a text dump's line when
    /// it is already normal (most are), so most lines are never copied.
    pub text: Cow<'a, str>,
    /// The block kind the markup suggests.
    pub kind: BlockKind,
    /// Heading level 1–6 from `<hN>`; 0 when unknown.
    pub level: u8,
    /// [`flag`] bits.
    pub flags: u32,
    /// Characters of text inside links.
    pub link_chars: u32,
    /// A blank line (text) or a block boundary with no text stood before this unit.
    pub blank_before: bool,
    /// The dump's line started with whitespace (text; laid-out converters
    /// indent nested blocks).
    pub indented: bool,
    /// How far the dump's line was indented (bytes of leading whitespace,
    /// capped): a laid-out converter's nesting depth.
    pub indent: u16,
    /// The link target when the whole unit is one link.
    pub href: Option<String>,
    /// The machine-readable date of a `<time datetime>` inside the unit (HTML).
    pub datetime: Option<String>,
}

impl<'a> Unit<'a> {
    pub(crate) fn new(raw: Cow<'a, str>, text: Cow<'a, str>, kind: BlockKind) -> Self {
        Unit {
            raw,
            text,
            kind,
            level: 0,
            flags: 0,
            link_chars: 0,
            blank_before: false,
            indented: false,
            indent: 0,
            href: None,
            datetime: None,
        }
    }

    pub(crate) fn has(&self, bits: u32) -> bool {
        self.flags & bits != 0
    }
}

/// `s.trim()`, its ends found over bytes when they are ASCII: whitespace
/// outside ASCII starts with a byte over 0x7F, and the one ASCII whitespace
/// byte `trim_ascii` leaves is the vertical tab.
pub(crate) fn trim_ws(s: &str) -> &str {
    let t = s.trim_ascii();
    let plain = |b: Option<&u8>| b.is_none_or(|&b| b.is_ascii() && b != 0x0B);
    if plain(t.as_bytes().first()) && plain(t.as_bytes().last()) {
        t
    } else {
        s.trim()
    }
}

/// Collapse every run of whitespace to one space and trim.
pub(crate) fn normalize_ws(s: &str) -> Cow<'_, str> {
    let s = trim_ws(s);
    // Most lines are already normal: borrowed, no word-by-word rebuild.
    if is_normal(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(collapse(s))
}

/// [`normalize_ws`] of a trimmed text whose [`shape`] is known.
pub(crate) fn normalize_shaped(s: &str, (high, bad): (bool, bool)) -> Cow<'_, str> {
    if !bad && (!high || !wide_space(s)) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(collapse(s))
}

/// Whitespace collapsed to single spaces, the ends trimmed.
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether `bytes` hold a byte outside ASCII, and whether they hold a
/// whitespace control character (`\t` to `\r`) or two spaces in a row.
/// Eight bytes a step, without a branch on what they hold (a line's own
/// verdict, which the processor cannot learn).
pub(crate) fn shape(bytes: &[u8]) -> (bool, bool) {
    use crate::swar::{bytes_equal, load_padded, HIGHS, ONES};
    let mut high = 0u64;
    let mut bad = 0u64;
    // Whether the byte before the current eight was a space (as 0x80).
    let mut carry = 0u64;
    let mut step = |x: u64| {
        high |= x;
        // An ASCII byte from 9 to 13: the subtractions borrow across no
        // byte, each having its high bit set first.
        let from_tab = (x | HIGHS) - ONES * 0x09;
        let past_cr = (x | HIGHS) - ONES * 0x0E;
        let space = bytes_equal(x, b' ');
        bad |= (from_tab & !past_cr & !x) | (space & ((space >> 8) | carry));
        carry = space >> 56;
    };
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        step(u64::from_le_bytes(c.try_into().expect("8 bytes")));
    }
    // The rest padded with letters: neither space nor control.
    step(load_padded(chunks.remainder(), 0, b'a'));
    (high & HIGHS != 0, bad & HIGHS != 0)
}

/// No whitespace but single spaces: no control whitespace and no double
/// space ([`shape`]), and, when the text holds bytes outside ASCII, no
/// whitespace outside ASCII (U+0085, U+00A0, U+1680, U+2000–U+205F,
/// U+3000), whose UTF-8 starts with one of four lead bytes: only those are
/// found by memchr and a character decoded there (`’` and `—` start with
/// one of them too, in many lines of prose).
pub(crate) fn is_normal(s: &str) -> bool {
    let bytes = s.as_bytes();
    let (high, bad) = shape(bytes);
    if bad {
        return false;
    }
    !high || !wide_space(s)
}

/// Whether `s` holds whitespace outside ASCII: found at its lead bytes.
fn wide_space(s: &str) -> bool {
    let bytes = s.as_bytes();
    let at = |i: usize| s[i..].starts_with(char::is_whitespace);
    memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes)
        .chain(memchr::memchr_iter(0xE3, bytes))
        .any(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_means_single_spaces() {
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            assert_eq!(is_normal(&s), !c.is_whitespace() || c == ' ', "{c:?}");
        }
        assert!(is_normal("one two three"));
        assert!(!is_normal("one  two"));
        assert!(!is_normal("one \u{a0}two"));
        assert_eq!(normalize_ws(" a \t b\u{3000}c "), "a b c");
    }

    #[test]
    fn shape_tells_ascii_and_normal() {
        let mut texts: Vec<String> = [
            "", "a", " ", "a b", "a  b", "a\tb", "é", "a\u{b}b", "a\u{1}b",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Two spaces, a tab, a byte outside ASCII at every offset around the
        // eight-byte steps.
        for len in 0..20 {
            for at in 0..len {
                for ins in [
                    "  ", "\t", "\r", "\u{c}", "\u{a0}", "’", " ", "\u{8}", "\u{e}", "~",
                ] {
                    let mut t = "x".repeat(len);
                    t.insert_str(at, ins);
                    texts.push(t);
                }
            }
        }
        for t in &texts {
            let (high, bad) = shape(t.as_bytes());
            assert_eq!(high, !t.is_ascii(), "{t:?}");
            let plain_bad = t.bytes().any(|b| (9..=13).contains(&b)) || t.contains("  ");
            assert_eq!(bad, plain_bad, "{t:?}");
            assert_eq!(!(bad || high && wide_space(t)), is_normal(t), "{t:?}");
            assert_eq!(
                normalize_shaped(t.trim(), shape(t.trim().as_bytes())),
                normalize_ws(t),
                "{t:?}"
            );
        }
    }

    #[test]
    fn trim_ws_trims_as_std() {
        let ends = [
            "", " ", "\t", "\u{b}", "\r\n", "\u{a0}", "\u{3000}", "x", "é", " \u{b} ", "\u{85} ",
        ];
        for a in ends {
            for b in ends {
                for mid in ["", "a b", "\u{b}", "\u{2003}", "a"] {
                    let s = format!("{a}{mid}{b}");
                    assert_eq!(trim_ws(&s), s.trim(), "{s:?}");
                }
            }
        }
    }
}
