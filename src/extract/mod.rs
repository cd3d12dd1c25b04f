//! Field extractors: each turns a few lines of evidence into one Article field.

pub(crate) mod byline;
pub(crate) mod date;
pub(crate) mod dateline;
pub(crate) mod figure;
pub(crate) mod title;

/// Make every `\b` in a pattern an ASCII word boundary. A Unicode `\b`
/// makes regex's lazy DFA give up on the first non-ASCII byte and fall back
/// to a slower engine (40x over real pages); our boundaries all sit next to
/// ASCII words, or are written without `\b` where they do not.
pub(crate) fn ascii_bounds(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}
