//! Text evidence of one unit: length, words, stopword density, punctuation.

use super::language::{is_cjk_function_char, is_unspaced, script_of, Script};
use std::collections::HashSet;

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

pub(crate) struct Measure<'a> {
    pub stop: Option<&'a HashSet<&'static str>>,
    pub en: Option<&'a HashSet<&'static str>>,
    pub english_page: bool,
}

impl Measure<'_> {
    pub(crate) fn measure(&self, text: &str, buf: &mut String) -> Density {
        let mut d = Density::default();
        let script = script_of(text);
        d.script = script;
        let mut caps = 0usize;
        if script.is_some_and(is_unspaced) {
            let mut func = 0usize;
            for c in text.chars() {
                d.chars += 1;
                if c.is_alphabetic() {
                    d.letters += 1;
                    if is_cjk_function_char(c) {
                        func += 1;
                    }
                }
            }
            // Two characters make about one word in Chinese and Japanese prose.
            d.words = d.letters.div_ceil(2);
            d.stop = func;
            // Function characters run ~10–15 % of CJK prose letters; ×3 puts that on
            // the scale of spaced-language stopword densities (~0.3–0.45).
            d.density = if d.letters == 0 {
                0.0
            } else {
                (func * 3) as f32 / d.letters as f32
            };
        } else {
            for c in text.chars() {
                d.chars += 1;
                if c.is_alphabetic() {
                    d.letters += 1;
                }
            }
            for raw in text.split_whitespace() {
                let word =
                    raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’');
                if word.is_empty() {
                    continue;
                }
                d.words += 1;
                if word.chars().next().is_some_and(char::is_uppercase) {
                    caps += 1;
                }
                buf.clear();
                for c in word.chars() {
                    if c == '’' {
                        buf.push('\'');
                    } else {
                        buf.extend(c.to_lowercase());
                    }
                }
                let w = buf.as_str();
                if self.stop.is_some_and(|s| s.contains(w)) {
                    d.stop += 1;
                }
                if !self.english_page && self.en.is_some_and(|s| s.contains(w)) {
                    d.en_stop += 1;
                }
            }
            d.density = if d.words == 0 {
                0.0
            } else {
                d.stop as f32 / d.words as f32
            };
        }
        if d.words > 0 {
            d.capitalised = caps as f32 / d.words as f32;
        }
        d.terminal = ends_like_sentence(text);
        d
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
    use crate::classify::language::stopwords;

    #[test]
    fn prose_is_dense_menus_are_not() {
        let m = Measure {
            stop: stopwords("en"),
            en: stopwords("en"),
            english_page: true,
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
