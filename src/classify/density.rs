//! Text evidence of one unit: length, words, stopword density, punctuation.

#[cfg(test)]
use super::language::scan;
use super::language::{is_unspaced, stop_mask_any_case, stop_mask_ascii, trim_word, Scan, Script};

/// Measurements of one unit's text.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Density {
    pub chars: usize,
    pub words: usize,
    /// Stopwords of the article's language among the words.
    pub stop: usize,
    /// English stopwords among the words (for foreign-UI checks on non-English pages).
    pub en_stop: usize,
    /// Share of words (or, unspaced, function characters ×3) that are stopwords.
    pub density: f32,
    /// Ends like a sentence: `. ! ? … 。 ！ ？` or a closing quote after one.
    pub terminal: bool,
    /// Share of words starting with an upper-case letter.
    pub capitalised: f32,
    /// Letters among the characters.
    pub letters: usize,
    pub script: Option<Script>,
}

/// Longer words are never looked up: our longest stopword is 14 bytes
/// (Cyrillic letters take two), so 16 leaves a margin.
const MAX_STOPWORD_BYTES: usize = 16;

pub(crate) struct Measure {
    /// The page language's bit in stopword masks (0: no stoplist).
    pub stop_bit: u32,
    /// English's bit, counted on non-English pages only (0 on English ones).
    pub en_bit: u32,
}

impl Measure {
    #[cfg(test)]
    pub(crate) fn measure(&self, text: &str, buf: &mut String) -> Density {
        let scan = (!text.is_ascii()).then(|| scan(text));
        self.measure_scanned(text, scan.as_ref(), buf)
    }

    /// Measure a line whose [`scan`] is done: `None` for an ASCII line
    /// (which needs none), the scan of any other.
    pub(crate) fn measure_scanned(
        &self,
        text: &str,
        scan: Option<&Scan>,
        buf: &mut String,
    ) -> Density {
        let mut d = Density::default();
        let mut caps = 0usize;
        if let Some(scan) = scan {
            d.chars = scan.chars;
            d.letters = scan.letters;
            d.script = scan.script;
            if scan.script.is_some_and(is_unspaced) {
                // Two characters make about one word in Chinese and Japanese prose.
                d.words = d.letters.div_ceil(2);
                d.stop = scan.cjk_function;
                // Function characters run ~10–15 % of CJK prose letters; ×3 puts that on
                // the scale of spaced-language stopword densities (~0.3–0.45).
                d.density = if d.letters == 0 {
                    0.0
                } else {
                    (scan.cjk_function * 3) as f32 / d.letters as f32
                };
            } else {
                self.measure_words(text, &mut d, &mut caps, buf);
                d.density = stop_share(&d);
            }
        } else {
            debug_assert!(text.is_ascii());
            self.measure_ascii(text, &mut d, &mut caps);
            d.script = (d.letters > 0).then_some(Script::Latin);
            d.density = stop_share(&d);
        }
        if d.words > 0 {
            d.capitalised = caps as f32 / d.words as f32;
        }
        d.terminal = ends_like_sentence(text);
        d
    }

    /// Words, capitals and stopwords of a spaced script (text not all ASCII).
    fn measure_words(&self, text: &str, d: &mut Density, caps: &mut usize, buf: &mut String) {
        for raw in words_of(text) {
            let word = trim_word(raw);
            if word.is_empty() {
                continue;
            }
            d.words += 1;
            if word.chars().next().is_some_and(char::is_uppercase) {
                *caps += 1;
            }
            // No stopword of ours is longer than this many bytes.
            if word.len() > MAX_STOPWORD_BYTES {
                continue;
            }
            let mask = stop_mask_any_case(word, buf);
            if mask & self.stop_bit != 0 {
                d.stop += 1;
            }
            if mask & self.en_bit != 0 {
                d.en_stop += 1;
            }
        }
    }

    /// The spaced-script measurements for ASCII text, over bytes: the same
    /// words, stopwords and capitals as the general path, without per-word
    /// `char` decoding or string copies (most lines of most pages are ASCII).
    fn measure_ascii(&self, text: &str, d: &mut Density, caps: &mut usize) {
        let bytes = text.as_bytes();
        d.chars = bytes.len();
        // Letters stand inside words, which keep every letter: one count over
        // the line (vectorised) gives the words' letters.
        d.letters = bytes.iter().filter(|b| b.is_ascii_alphabetic()).count();
        // Normalised text has single spaces as its only whitespace (see
        // [`words_of`]): a split at spaces finds the same words.
        debug_assert!(crate::segment::is_normal(text), "{text:?}");
        for raw in bytes.split(|&b| b == b' ') {
            let w = match (raw.first(), raw.last()) {
                // Most words need no trimming.
                (Some(&a), Some(&z)) if is_word_byte(a) && is_word_byte(z) => raw,
                _ => {
                    let Some(first) = raw.iter().position(|&b| is_word_byte(b)) else {
                        continue;
                    };
                    let last = raw.iter().rposition(|&b| is_word_byte(b)).unwrap_or(first);
                    &raw[first..=last]
                }
            };
            d.words += 1;
            if w[0].is_ascii_uppercase() {
                *caps += 1;
            }
            if w.len() > MAX_STOPWORD_BYTES {
                continue;
            }
            let mask = stop_mask_ascii(w);
            if mask & self.stop_bit != 0 {
                d.stop += 1;
            }
            if mask & self.en_bit != 0 {
                d.en_stop += 1;
            }
        }
    }
}

/// A byte kept at a word's ends (ASCII): letters, digits, the apostrophe.
fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'\''
}

/// The whitespace-separated words of a line. Units' text is normalised (see
/// [`crate::segment::normalize_ws`]): single spaces are its only whitespace,
/// so a split at ASCII whitespace, over bytes, finds the words that
/// `split_whitespace` would, without decoding characters.
fn words_of(text: &str) -> std::str::SplitAsciiWhitespace<'_> {
    debug_assert!(crate::segment::is_normal(text), "{text:?}");
    text.split_ascii_whitespace()
}

/// The share of words that are stopwords.
fn stop_share(d: &Density) -> f32 {
    if d.words == 0 {
        0.0
    } else {
        d.stop as f32 / d.words as f32
    }
}

/// A sentence end, allowing closing quotes and brackets after the mark.
pub(crate) fn ends_like_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '›', '」', '』', ' ']);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::language::stop_bit;

    #[test]
    fn prose_is_dense_menus_are_not() {
        let m = Measure {
            stop_bit: stop_bit("en"),
            en_bit: 0,
        };
        let mut buf = String::new();
        let prose = m.measure(
            "The West has failed to impose on Moscow the idea that they are exclusive, she said.",
            &mut buf,
        );
        assert!(prose.density > 0.35, "{prose:?}");
        assert!(prose.terminal);
        let menu = m.measure("Business Markets Technology Politics", &mut buf);
        assert_eq!(menu.stop, 0);
        assert!(!menu.terminal);
        assert_eq!(menu.capitalised, 1.0);
    }
}
