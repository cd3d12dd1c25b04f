//! Text dumps: one unit per non-blank line.
//!
//! Dumps come from converters of two broad styles: flat (`html_text`, WET
//! records: one block a line, blank lines between paragraphs) and laid out
//! (`inscriptis`: nested blocks indented, list items with `*`/`+`/`-` bullets
//! or `1.` numbers). The markers tell us a list item. Indentation varies with
//! the page's nesting depth, not with its content: it is kept (`indent`) only
//! to tell which lines share a container (see `assemble::nested_run`).

use super::{normalize_ws, Unit};
use crate::article::BlockKind;
use std::borrow::Cow;

/// Split a dump into units. Linear in the input; blank lines only set
/// `blank_before` on the next unit.
pub(crate) fn segment(input: &str) -> Vec<Unit<'_>> {
    // At most one unit a line: sized once rather than regrown while pushing.
    let mut out = Vec::with_capacity(memchr::memchr_iter(b'\n', input.as_bytes()).count() + 1);
    let mut blank = true;
    // Lines that go on from the one above, hard-wrapped (see `wraps`).
    let mut wrapped = Vec::new();
    for line in lines(input) {
        // Trimming takes the `\r` of a CRLF ending too.
        let trimmed = super::trim_ws(line);
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        let (kind, body) = strip_bullet(trimmed);
        // An indented "1. " is an ordered list's marker laid out by the
        // converter (the page's HTML has no such text), as a bullet is.
        let indented = line.starts_with([' ', '\t']);
        let (kind, body) = match strip_number(body) {
            Some(rest) if indented && kind == BlockKind::Paragraph => (BlockKind::ListItem, rest),
            _ => (kind, body),
        };
        // So is an indented "o " (the third level's bullet) or "- ".
        let (kind, body) = match body.strip_prefix("o ").or_else(|| body.strip_prefix("- ")) {
            Some(rest) if indented && kind == BlockKind::Paragraph && !rest.trim().is_empty() => {
                (BlockKind::ListItem, rest.trim_start())
            }
            _ => (kind, body),
        };
        if !blank && kind == BlockKind::Paragraph && wraps(out.last(), trimmed) {
            wrapped.push(out.len());
        }
        // UTF-8 the site saved as Latin-1 ("â€™") is read back.
        // Most lines are ASCII and normal already: nothing to read back
        // or collapse, told in one pass.
        // (`body` is trimmed: `trimmed` was, and only its start is cut.)
        let shape = super::shape(body.as_bytes());
        let text = match shape {
            (false, false) => Cow::Borrowed(body),
            // ASCII: no mojibake.
            (false, true) => super::normalize_shaped(body, shape),
            _ => match crate::mojibake::repair(body) {
                Cow::Borrowed(b) => super::normalize_shaped(b, shape),
                Cow::Owned(fixed) => Cow::Owned(normalize_ws(&fixed).into_owned()),
            },
        };
        let mut unit = Unit::new(Cow::Borrowed(trimmed), text, kind);
        unit.blank_before = blank;
        unit.indented = indented;
        // Where the trimmed line starts is where `trim_start` would have it.
        let indent = trimmed.as_ptr() as usize - line.as_ptr() as usize;
        unit.indent = indent.min(u16::MAX as usize) as u16;
        out.push(unit);
        blank = false;
    }
    if wrapped.len() >= WRAPPED_PAGE {
        unwrap(&mut out, &wrapped);
    }
    if laid_out(&out) {
        for u in &mut out {
            if let Some(t) = unglue(&u.text) {
                u.text = Cow::Owned(t);
            }
        }
        let code = code_lines(&out);
        if !code.is_empty() {
            unwrap(&mut out, &code);
        }
        mark_rows(&mut out);
    }
    out
}

/// A stretch of this many table rows or more is a table.
const TABLE_ROWS: usize = 3;

/// A laid-out converter sets a table's cells in columns, padded with
/// spaces: a stretch of lines (not list items, not a joined code block)
/// with a gap of two spaces or more inside each is a table, and its lines
/// are flagged `IN_TABLE`.
fn mark_rows(units: &mut [Unit<'_>]) {
    let gap = |u: &Unit<'_>| {
        u.kind == BlockKind::Paragraph && !u.raw.contains('\n') && u.raw.contains("  ")
    };
    let mut i = 0;
    while i < units.len() {
        let mut k = i;
        while k < units.len() && gap(&units[k]) {
            k += 1;
        }
        if k - i >= TABLE_ROWS {
            for u in &mut units[i..k] {
                u.flags |= super::flag::IN_TABLE;
            }
        }
        i = k.max(i + 1);
    }
}

/// A code block is at least this many lines long...
const CODE_BLOCK_LINES: usize = 3;
/// ...and a prose line (this many words or more, ended by a sentence's
/// stop) stands in it at most once in ten lines.
const PROSE_WORDS: usize = 8;

/// A laid-out converter keeps a `<pre>` block's lines as they stand: code
/// and a console's session come out as many short lines, each of them a
/// menu's entry to a line's judge, where a flat converter prints the block
/// on one line. A stretch of lines with no blank between them, no list
/// bullet and none set left of the first is one block when most of its
/// lines look like code, a third of them beyond doubt (braces, `;`, `=`, a
/// prompt, a `$variable`; brackets alone are a citation's or a
/// parenthesis'), and hardly any reads as a sentence (an address, a
/// record's fields). Its lines after the first are returned (ascending) to
/// be joined to it.
fn code_lines(units: &[Unit<'_>]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < units.len() {
        let first = &units[i];
        let mut k = i + 1;
        while k < units.len()
            && !units[k].blank_before
            && units[k].kind == BlockKind::Paragraph
            && units[k].indent >= first.indent
        {
            k += 1;
        }
        let block = &units[i..k];
        let n = block.len();
        let count = |f: fn(&str) -> bool| block.iter().filter(|u| f(&u.text)).count();
        if first.kind == BlockKind::Paragraph
            && n >= CODE_BLOCK_LINES
            && count(code_like) * 5 >= n * 3
            && count(surely_code) * 3 >= n
            && count(sentence) * 10 <= n
        {
            out.extend(i + 1..k);
        }
        i = k;
    }
    out
}

/// A line that is code beyond doubt: a console's prompt, braces, `;` or
/// `=`, or a variable (`$name`; `$5` is a price).
fn surely_code(text: &str) -> bool {
    text.starts_with(">>>")
        || text.starts_with("$ ")
        || text.bytes().any(|b| b"{};=".contains(&b))
        || text
            .as_bytes()
            .windows(2)
            .any(|w| w[0] == b'$' && (w[1].is_ascii_alphabetic() || w[1] == b'{'))
}

/// A line that may be code: a call's parentheses, an index, a tag.
fn code_like(text: &str) -> bool {
    surely_code(text) || text.bytes().any(|b| b"()[]<>".contains(&b))
}

/// A line that reads as a sentence.
fn sentence(text: &str) -> bool {
    text.ends_with(['.', '!', '?']) && text.split_whitespace().count() >= PROSE_WORDS
}

/// How many of a dump's first lines tell whether it is laid out.
const LAYOUT_SAMPLE: usize = 200;

/// A dump laid out by its converter: most of its first lines indented
/// (nested blocks), which flat converters never do. HTML units are never
/// indented.
pub(crate) fn laid_out(units: &[Unit<'_>]) -> bool {
    let n = units.len().min(LAYOUT_SAMPLE);
    units[..n].iter().filter(|u| u.indented).count() * 2 > n
}
/// A line with this many words run together is a row of inline elements.
const GLUED_MIN: usize = 3;

/// A laid-out converter (`inscriptis`) runs a row of links or tags together
/// ("NewsSportsWeather", "ReplyDelete"). With several such seams in a line
/// ("aB" before a lower-case letter), the words are set apart again; one
/// seam is as likely a brand's ("YouTube").
fn unglue(text: &str) -> Option<String> {
    // Code and prose (a sentence's stop) are never a row of links.
    if text.contains(['(', '{', '_', '=', '.']) {
        return None;
    }
    // Byte offsets of the seams' upper-case letters.
    let mut seams = Vec::new();
    let mut prev = ' ';
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if prev.is_lowercase()
            && c.is_uppercase()
            && it.peek().is_some_and(|&(_, n)| n.is_lowercase())
        {
            seams.push(i);
        }
        prev = c;
    }
    if seams.len() < GLUED_MIN || seams.len() * 2 < text.split_whitespace().count() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + seams.len());
    let mut from = 0;
    for at in seams {
        out.push_str(&text[from..at]);
        out.push(' ');
        from = at;
    }
    out.push_str(&text[from..]);
    Some(out)
}

/// Join each wrapped line (by index, ascending) to the unit above it.
fn unwrap(units: &mut Vec<Unit<'_>>, wrapped: &[usize]) {
    let mut next = wrapped.iter().peekable();
    let mut kept: Vec<Unit<'_>> = Vec::with_capacity(units.len() - wrapped.len());
    for (i, u) in units.drain(..).enumerate() {
        if next.next_if_eq(&&i).is_none() {
            kept.push(u);
            continue;
        }
        let last = kept.last_mut().expect("a wrapped line has one above");
        let text = last.text.to_mut();
        text.push(' ');
        text.push_str(&u.text);
        let mut raw = std::mem::take(&mut last.raw).into_owned();
        raw.push('\n');
        raw.push_str(&u.raw);
        last.raw = Cow::Owned(raw);
    }
    *units = kept;
}

/// A page with this many wrapped lines holds hard-wrapped text (`<pre>`,
/// a manual page, a plain-text mail): its wrapped lines are joined. A few
/// lines that merely look so are menus and cards.
const WRAPPED_PAGE: usize = 5;
/// A wrapped line is at least this long (bytes).
const WRAP_MIN: usize = 50;

/// Does `line` continue `prev`, wrapped: `prev` long and not ended by a
/// sentence's or a label's stop, `line` going on in lower case?
fn wraps(prev: Option<&Unit<'_>>, line: &str) -> bool {
    let Some(prev) = prev else { return false };
    prev.text.len() >= WRAP_MIN
        && line.chars().next().is_some_and(char::is_lowercase)
        && !prev.text.ends_with(['.', '!', '?', ':', ';'])
}

/// The input split at `\n`, found by `memchr` (std's `lines` looks for each
/// newline a machine word at a time). Unlike `lines`, a final newline yields
/// an empty last line, and `\r` is left on: `segment` trims both away.
fn lines(input: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', input.as_bytes())
        .chain(std::iter::once(input.len()))
        .map(move |end| {
            let line = &input[start..end];
            start = end + 1;
            line
        })
}

/// A leading list bullet (`* `, `+ `, `• `, `· `, `– ` …) makes a list item.
/// A line that is only a bullet keeps its bullet as text, to be dropped later.
fn strip_bullet(line: &str) -> (BlockKind, &str) {
    let mut chars = line.chars();
    if let (Some(c), Some(' ')) = (chars.next(), chars.next()) {
        if matches!(c, '*' | '+' | '•' | '·' | '▪' | '◦' | '‣' | '●' | '■') {
            let rest = line[c.len_utf8()..].trim_start();
            if !rest.is_empty() {
                return (BlockKind::ListItem, rest);
            }
        }
    }
    (BlockKind::Paragraph, line)
}

/// An ordered list's marker as a converter lays it out: `1. `, `12. `.
fn strip_number(line: &str) -> Option<&str> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let rest = line[digits..].strip_prefix(". ")?.trim_start();
    (!rest.is_empty()).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets_blank_lines_and_crlf() {
        let units = segment("Title\r\n\r\n  * first item\n+ second\n*\nplain  text  here\n");
        let texts: Vec<_> = units.iter().map(|u| u.text.as_ref()).collect();
        assert_eq!(
            texts,
            ["Title", "first item", "second", "*", "plain text here"]
        );
        assert_eq!(units[1].kind, BlockKind::ListItem);
        assert!(units[1].blank_before);
        assert!(!units[2].blank_before);
        assert_eq!(units[4].raw, "plain  text  here");
    }

    #[test]
    fn hard_wrapped_lines_are_joined_on_a_wrapped_page() {
        let para = "The tool reads each file named on its command line and writes its\n\
                    lines back in the order given, unless an option asks for another\n\
                    order or for the lines to be counted.\n\n";
        let page = para.repeat(5);
        let units = segment(&page);
        assert_eq!(units.len(), 5);
        assert!(units[0]
            .text
            .ends_with("writes its lines back in the order given, unless an option asks for another order or for the lines to be counted."));
        assert_eq!(units[0].raw.lines().count(), 3);
        // Two such lines alone are a menu's or a card's, not wrapped text.
        assert_eq!(segment(para).len(), 3);
    }

    #[test]
    fn indented_third_level_bullets_are_list_markers() {
        let units = segment("      o Trail Shoe Review\n    - Maps\no livro\n  - \n");
        let texts: Vec<_> = units.iter().map(|u| u.text.as_ref()).collect();
        assert_eq!(texts, ["Trail Shoe Review", "Maps", "o livro", "-"]);
        assert_eq!(units[0].kind, BlockKind::ListItem);
        assert_eq!(units[1].kind, BlockKind::ListItem);
        assert_eq!(units[2].kind, BlockKind::Paragraph);
    }

    #[test]
    fn glued_rows_are_unglued_in_laid_out_dumps() {
        assert_eq!(
            unglue("HomeGardenKitchenBath").as_deref(),
            Some("Home Garden Kitchen Bath")
        );
        // One seam is a brand's; code keeps its identifiers.
        assert_eq!(unglue("Watch it on YouTube today"), None);
        assert_eq!(unglue("el.addEventListener(onClickHandler)"), None);
    }

    #[test]
    fn code_blocks_are_joined_in_laid_out_dumps() {
        let page = "  Some prose about lists, long enough to read as one.\n\n    \
                    >>> stack = [3, 4]\n    >>> stack.pop()\n    4\n    >>> stack\n\n  \
                    Jane Doe\n  12 Main Street\n  Springfield\n";
        let texts: Vec<_> = segment(page).into_iter().map(|u| u.text).collect();
        assert_eq!(
            texts,
            [
                "Some prose about lists, long enough to read as one.",
                ">>> stack = [3, 4] >>> stack.pop() 4 >>> stack",
                "Jane Doe",
                "12 Main Street",
                "Springfield"
            ]
        );
    }

    #[test]
    fn column_rows_are_table_rows_in_laid_out_dumps() {
        let page = "  Ingredients    Per person    For two\n  Onions         1             2\n  \
                    Carrots        4             8\n\n  Plain text.\n  One line  with a gap.\n";
        let units = segment(page);
        let rows: Vec<bool> = units
            .iter()
            .map(|u| u.has(crate::segment::flag::IN_TABLE))
            .collect();
        assert_eq!(rows, [true, true, true, false, false]);
    }

    #[test]
    fn indented_numbers_are_list_markers() {
        let units = segment(
            "  1. Preheat the oven
2. Not indented
   12. Serve
  3.5 litres
",
        );
        let texts: Vec<_> = units.iter().map(|u| u.text.as_ref()).collect();
        assert_eq!(
            texts,
            ["Preheat the oven", "2. Not indented", "Serve", "3.5 litres"]
        );
        assert_eq!(units[0].kind, BlockKind::ListItem);
        assert_eq!(units[1].kind, BlockKind::Paragraph);
    }
}
