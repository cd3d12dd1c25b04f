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
    /// One bit per key of the first two bytes ([`pair_key`]) a matching
    /// line can start with; all set when an opening is a single byte.
    pairs: [u64; 16],
    /// By the low five bits of a line's first byte (ASCII lower case), the
    /// openings (one bit each, by their place in `list`) that can start
    /// with it: only those are compared with the line.
    by_first: [u64; 32],
}

/// The first two bytes of a line or an opening, ASCII case folded, in ten
/// bits: the low five bits of each, which tell the 26 ASCII letters apart,
/// so two letters have a key of their own (other bytes share keys).
const fn pair_key(a: u8, b: u8) -> u16 {
    ((a.to_ascii_lowercase() as u16 & 31) << 5) | (b.to_ascii_lowercase() as u16 & 31)
}

const fn has_bit(set: &[u64; 4], b: u8) -> bool {
    set[(b >> 6) as usize] & (1 << (b & 63)) != 0
}

const fn has_pair(set: &[u64; 16], k: u16) -> bool {
    set[(k >> 6) as usize] & (1 << (k & 63)) != 0
}

impl Prefixes {
    pub(crate) const fn new(list: &'static [&'static str]) -> Self {
        let mut first = [0u64; 4];
        let mut pairs = [0u64; 16];
        let mut by_first = [0u64; 32];
        assert!(list.len() <= 64, "one bit an opening");
        let mut i = 0;
        while i < list.len() {
            let bytes = list[i].as_bytes();
            let b = bytes[0];
            let (lower, upper) = (b.to_ascii_lowercase(), b.to_ascii_uppercase());
            first[(lower >> 6) as usize] |= 1 << (lower & 63);
            first[(upper >> 6) as usize] |= 1 << (upper & 63);
            by_first[(lower & 31) as usize] |= 1 << i;
            if bytes.len() < 2 {
                pairs = [u64::MAX; 16];
            } else {
                let k = pair_key(b, bytes[1]);
                pairs[(k >> 6) as usize] |= 1 << (k & 63);
            }
            i += 1;
        }
        Prefixes {
            list,
            first,
            pairs,
            by_first,
        }
    }

    /// Does `text` start with one of the openings? (Inlined: its bit tests
    /// turn most lines away, in the caller, without a call.)
    #[inline]
    pub(crate) fn starts(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let Some(&b) = bytes.first() else {
            return false;
        };
        has_bit(&self.first, b)
            && bytes.get(1).map_or_else(
                || self.pairs == [u64::MAX; 16],
                |&c| has_pair(&self.pairs, pair_key(b, c)),
            )
            && self.starts_past_gates(text)
    }

    /// [`starts_with_any`] over the openings that start with the line's
    /// first byte's key only.
    #[inline(never)]
    fn starts_past_gates(&self, text: &str) -> bool {
        let Some(&b) = text.as_bytes().first() else {
            return false;
        };
        let first = b.to_ascii_lowercase();
        let mut set = self.by_first[usize::from(first & 31)];
        while set != 0 {
            let p = self.list[set.trailing_zeros() as usize];
            set &= set - 1;
            if p.as_bytes()[0].to_ascii_lowercase() == first
                && text
                    .get(..p.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(p))
            {
                return true;
            }
        }
        false
    }
}

/// Does `text` start with one of `prefixes` (ASCII case-insensitively for
/// ASCII prefixes)? (What [`Prefixes::starts`] answers.)
#[cfg(test)]
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

    #[test]
    fn prefixes_agree_with_the_plain_test() {
        static LONG: super::Prefixes = super::Prefixes::new(&["by", "Photo", "фот", "图"]);
        static SHORT: super::Prefixes = super::Prefixes::new(&["x", "ab"]);
        for t in [
            "", "b", "by", "BY Jane", "bx", "photo:", "PHOTOS", "phot", "фото", "Фото", "图片",
            "x", "X-ray", "AB", "a", "yb", "ok",
        ] {
            for (p, list) in [
                (&LONG, &["by", "Photo", "фот", "图"][..]),
                (&SHORT, &["x", "ab"][..]),
            ] {
                assert_eq!(
                    p.starts(t),
                    super::starts_with_any(t, list),
                    "{t:?} {list:?}"
                );
            }
        }
    }
}
