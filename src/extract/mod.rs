//! Field extractors: each turns a few lines of evidence into one Article field.

pub(crate) mod byline;
pub(crate) mod date;
pub(crate) mod dateline;
pub(crate) mod figure;
pub(crate) mod title;

/// Make every `\b` in a pattern an ASCII word boundary. A Unicode `\b`
/// makes regex's lazy DFA give up on the first non-ASCII byte and fall back
/// to a slower engine (40x over real pages). A `\b` next to a non-ASCII
/// letter in the pattern (`\bиспользуем`) could never match as an ASCII
/// boundary, so it is dropped: the phrase still has to match whole.
pub(crate) fn ascii_bounds(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut rest = pattern;
    while let Some(pos) = rest.find(r"\b") {
        let (before, after) = (&rest[..pos], &rest[pos + 2..]);
        out.push_str(before);
        let prev = before.chars().next_back();
        let next = after.chars().next();
        let foreign = |c: Option<char>| c.is_some_and(|c| c.is_alphabetic() && !c.is_ascii());
        if !foreign(prev) && !foreign(next) {
            out.push_str(r"(?-u:\b)");
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// Line openings, matched ASCII case-insensitively: a cheap gate before a
/// capturing regex (captures run a slower engine than a plain match, and
/// most lines fail the gate). The set of bytes the openings start with,
/// built at compile time, turns most lines away after one lookup.
pub(crate) struct Prefixes {
    list: &'static [&'static str],
    /// One bit per byte value a matching line can start with.
    first: [u64; 4],
}

impl Prefixes {
    pub(crate) const fn new(list: &'static [&'static str]) -> Self {
        let mut first = [0u64; 4];
        let mut i = 0;
        while i < list.len() {
            let b = list[i].as_bytes()[0];
            let (lower, upper) = (b.to_ascii_lowercase(), b.to_ascii_uppercase());
            first[(lower >> 6) as usize] |= 1 << (lower & 63);
            first[(upper >> 6) as usize] |= 1 << (upper & 63);
            i += 1;
        }
        Prefixes { list, first }
    }

    /// Does `text` start with one of the openings?
    pub(crate) fn starts(&self, text: &str) -> bool {
        let Some(&b) = text.as_bytes().first() else {
            return false;
        };
        self.first[usize::from(b >> 6)] & (1 << (b & 63)) != 0 && starts_with_any(text, self.list)
    }
}

/// Does `text` start with one of `prefixes` (ASCII case-insensitively for
/// ASCII prefixes)?
fn starts_with_any(text: &str, prefixes: &[&str]) -> bool {
    let Some(&first) = text.as_bytes().first() else {
        return false;
    };
    let first = first.to_ascii_lowercase();
    prefixes.iter().any(|p| {
        p.as_bytes()
            .first()
            .is_some_and(|b| b.to_ascii_lowercase() == first)
            && text
                .get(..p.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(p))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn ascii_bounds() {
        assert_eq!(
            super::ascii_bounds(r"\bwe use\b"),
            r"(?-u:\b)we use(?-u:\b)"
        );
        assert_eq!(super::ascii_bounds(r"\bиспользуем\b"), "используем");
    }
}
