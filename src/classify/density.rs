//! Text evidence of one unit: length, words, stopword density, punctuation.

#[cfg(test)]
use super::language::scan;
use super::language::{ascii_letters, is_unspaced, stop_bit, LineWords, Scan, Script};

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

pub(crate) struct Measure {
    /// The page language's bit in stopword masks (0: no stoplist).
    pub stop_bit: u32,
    /// English's bit, counted on non-English pages only (0 on English ones).
    pub en_bit: u32,
}

impl Measure {
    /// The measure for a page in language `lang`.
    pub(crate) fn for_lang(lang: Option<&str>) -> Measure {
        Measure {
            stop_bit: lang.map_or(0, stop_bit),
            en_bit: if lang == Some("en") {
                0
            } else {
                stop_bit("en")
            },
        }
    }

    #[cfg(test)]
    pub(crate) fn measure(&self, text: &str) -> Density {
        let scan = (!text.is_ascii()).then(|| scan(text));
        self.measure_scanned(text, scan.as_ref(), &LineWords::of(text))
    }

    /// Measure a line whose [`scan`] is done (`None` for an ASCII line,
    /// which needs none, the scan of any other) and whose words are
    /// counted.
    pub(crate) fn measure_scanned(
        &self,
        text: &str,
        scan: Option<&Scan>,
        words: &LineWords,
    ) -> Density {
        let mut d = Density::default();
        if let Some(scan) = scan {
            d.chars = scan.chars;
            d.letters = scan.letters;
            d.script = scan.script;
        } else {
            debug_assert!(text.is_ascii());
            d.chars = text.len();
            d.letters = ascii_letters(text.as_bytes());
            d.script = (d.letters > 0).then_some(Script::Latin);
        }
        match scan {
            Some(scan) if scan.script.is_some_and(is_unspaced) => {
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
            }
            _ => {
                // Units' text is normalised (see
                // [`crate::segment::normalize_ws`]): single spaces are its
                // only whitespace, so its words are those
                // `split_whitespace` finds.
                debug_assert!(crate::segment::is_normal(text), "{text:?}");
                d.words = words.words;
                d.stop = words.count_bit(self.stop_bit);
                d.en_stop = words.count_bit(self.en_bit);
                d.density = stop_share(&d);
                if d.words > 0 {
                    d.capitalised = words.caps as f32 / d.words as f32;
                }
            }
        }
        d.terminal = ends_like_sentence(text);
        d
    }
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
    // Most lines end in an ASCII byte that closes nothing: decided at once.
    if let Some(&b) = text.as_bytes().last() {
        if b.is_ascii() && !matches!(b, b'"' | b'\'' | b')' | b']' | b' ') {
            return matches!(b, b'.' | b'!' | b'?' | b':' | b';');
        }
    }
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '›', '」', '』', ' ']);
    trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::language::stop_bit;

    #[test]
    fn sentence_ends_as_the_trim_has_them() {
        let slow = |text: &str| {
            let trimmed =
                text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '›', '」', '』', ' ']);
            trimmed.ends_with(['.', '!', '?', '…', '。', '！', '？', ':', ';'])
        };
        for end in (0u8..128).map(char::from).chain("…。！？”’»›」』é".chars()) {
            for t in [
                String::new(),
                format!("x{end}"),
                format!("Ends.{end}"),
                format!("Ends…{end})"),
            ] {
                assert_eq!(ends_like_sentence(&t), slow(&t), "{t:?}");
            }
        }
    }

    #[test]
    fn prose_is_dense_menus_are_not() {
        let m = Measure {
            stop_bit: stop_bit("en"),
            en_bit: 0,
        };
        let prose = m.measure(
            "The West has failed to impose on Moscow the idea that they are exclusive, she said.",
        );
        assert!(prose.density > 0.35, "{prose:?}");
        assert!(prose.terminal);
        let menu = m.measure("Business Markets Technology Politics");
        assert_eq!(menu.stop, 0);
        assert!(!menu.terminal);
        assert_eq!(menu.capitalised, 1.0);
    }
}
