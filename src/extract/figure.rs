//! Photo credits and captions.

use super::ascii_bounds;
use regex::{Regex, RegexBuilder};
use std::sync::LazyLock;

/// A line that opens with a credit marker: `© AFP`, `Photo: …`, `Foto: …`.
static LEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&ascii_bounds(
        r"(?i)^(?:©|\(c\)\s|copyright\s|(?:image|photo|picture)\s+copyright\b|(?:image|photo|picture)s?\s+via\b|\((?:image|photo|credit|foto|picture)s?\s*:|photo(?:graph)?s?\s*(?::|by\b|credit\b:?)|pictures?\s*:|image(?:s)?\s*(?::|by\b|credit\b:?|source\b:?)|credits?\s*(?::|\.\.\.|…)|foto(?:s)?\s*(?::|von\b|de\b|di\b)|bild(?:quelle)?\s*:|crédit(?:s)?(?: photo)?\s*:|imagen\s*:|immagine\s*:|фото\s*:|图片来源|图\s*[:：])",
    ))
    .expect("valid")
});

/// A credit at the end of a caption: `… (Getty Images)`, `… Photo: Jane Doe/Reuters`,
/// `… Credit... Doug Mills/The New York Times`, `… REUTERS/Jane Doe`.
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&ascii_bounds(
        r"(?i)(?:\s*[|/]\s*|\s+)(?P<credit>(?:\((?:photo|image|foto|credit|picture)s?\s*(?::|by)\s*[^()]{2,80}\))|(?:\([^()]{0,60}\b(?:getty images|afp|reuters|ap photo|associated press|epa|shutterstock|istock(?:photo)?|alamy|dpa|picture alliance|bloomberg|xinhua|anadolu)\b[^()]{0,60}\))|(?:(?:photo|image|foto|picture|credit|photograph)s?\s*(?::|\.\.\.|…|by\b)\s*[^.!?]{2,80}))\s*$",
    ))
    .expect("valid")
});

/// A whole line that is only an agency credit: `REUTERS/Jane Doe`, `Getty Images`,
/// `AP Photo/Evan Vucci`, `Jane Doe / AFP`.
///
/// Its counted repetitions of a Unicode class make a large automaton: with
/// the default 2 MiB, regex cannot fit the lazy DFA's minimum cache and runs
/// a backtracker on every line instead (~100x slower). 16 MiB is a bound,
/// not an allocation; 8 MiB suffices today.
static AGENCY_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    RegexBuilder::new(
        r"(?i)^(?:[\p{L}.' -]{0,40}\s*[/,]\s*){0,3}(?:getty images|afp|reuters|ap photo|ap|associated press|epa(?:-efe)?|shutterstock|istock(?:photo)?|alamy|dpa|picture alliance|bloomberg|xinhua|anadolu agency)(?:\s*(?:via getty images|/\s*[\p{L}.' -]{2,40}))?$",
    )
    .dfa_size_limit(16 << 20)
    .build()
    .expect("valid")
});

/// Words one of `AGENCY_ONLY` or `TRAILING` needs (also looked for by the
/// lexicon's scan: see [`crate::classify::lexicon::Verdict`]).
pub(crate) const CREDIT_WORDS: &str = r"(?i)\b(?:photo\w*|image\w*|foto\w*|credit\w*|picture\w*|getty|afp|reuters|ap|associated press|epa|shutterstock|istock\w*|alamy|dpa|bloomberg|xinhua|anadolu)\b";

static CREDIT_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&ascii_bounds(CREDIT_WORDS)).expect("valid"));

/// How a line carries a credit.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Credit<'a> {
    /// The line opens with a credit marker; the whole line is credit (perhaps
    /// followed by a caption glued to it).
    Leading,
    /// The line is a caption ending in a credit.
    Trailing { caption: &'a str, credit: &'a str },
    /// The line is only an agency credit.
    AgencyOnly,
}

/// Does this line carry a photo credit? Lines longer than a caption are
/// prose. `credit_word` is false when the line is known to hold no credit
/// word ([`CREDIT_WORDS`]).
#[inline]
pub(crate) fn credit(text: &str, chars: usize, credit_word: bool) -> Option<Credit<'_>> {
    // Cheap gates first, in the caller: most lines are prose and fail them,
    // and the capture-running regexes past them are the costliest thing
    // done per line.
    if chars > 400 {
        return None;
    }
    let leading = leading_gate(text);
    // Past `AGENCY_ONLY`'s length only `TRAILING` may match, and it ends in
    // `)` or a credit's words, never in sentence punctuation: most prose
    // lines are turned away here. Both need a credit word or an agency's
    // name.
    let trailing = credit_word && !(chars > 60 && text.trim_end().ends_with(['.', '!', '?']));
    if !leading && !trailing {
        return None;
    }
    credit_past_gates(text, chars, leading, trailing)
}

/// [`credit`] of a line its gates let through: `leading` if `LEADING` may
/// match, `trailing` if the other patterns may.
#[inline(never)]
fn credit_past_gates(
    text: &str,
    chars: usize,
    leading: bool,
    trailing: bool,
) -> Option<Credit<'_>> {
    if leading && LEADING.is_match(text) {
        return Some(Credit::Leading);
    }
    // One literal search (regex runs it as a multi-literal scan).
    if !trailing || !CREDIT_WORD.is_match(text) {
        return None;
    }
    if chars <= 60 && AGENCY_ONLY.is_match(text) {
        return Some(Credit::AgencyOnly);
    }
    let c = TRAILING.captures(text)?;
    let m = c.name("credit")?;
    let caption = text[..c.get(0)?.start()].trim_end();
    if caption.is_empty() {
        return Some(Credit::AgencyOnly);
    }
    Some(Credit::Trailing {
        caption,
        credit: m.as_str().trim(),
    })
}

/// Could `LEADING` match? Its alternatives start with `©`, `(`, or one of a
/// few words, always within the first dozen characters.
#[inline]
fn leading_gate(text: &str) -> bool {
    static LEADING_OPENERS: super::Prefixes = super::Prefixes::new(&[
        "cop", "pho", "pic", "ima", "cre", "fot", "bil", "cré", "фот", "Фот", "图",
    ]);
    text.starts_with(['©', '(']) || LEADING_OPENERS.starts(text)
}

/// Split a leading-credit line whose caption is glued to it, given the
/// caption as it stands on a neighbouring line: `"© AFP 2023 / JANE DOEA man walks…"`
/// with `"A man walks…"` → `"© AFP 2023 / JANE DOE"`.
pub(crate) fn split_glued<'a>(line: &'a str, caption: &str) -> Option<&'a str> {
    let credit = line.strip_suffix(caption)?.trim_end();
    (!credit.is_empty()).then_some(credit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Option<Credit<'_>> {
        credit(s, s.chars().count(), true)
    }

    #[test]
    fn credit_formats() {
        assert_eq!(c("Photo: Jane Doe/Reuters"), Some(Credit::Leading));
        assert_eq!(c("Image: NASA"), Some(Credit::Leading));
        assert_eq!(
            c("Credit: Jane Doe for The Guardian"),
            Some(Credit::Leading)
        );
        assert_eq!(c("Foto: Max Mustermann/dpa"), Some(Credit::Leading));
        assert_eq!(c("© 2023 Jane Doe"), Some(Credit::Leading));
        assert_eq!(c("REUTERS/Jane Doe"), Some(Credit::AgencyOnly));
        assert_eq!(c("Getty Images"), Some(Credit::AgencyOnly));
        assert_eq!(
            c("The president speaks in Ohio. (Getty Images)"),
            Some(Credit::Trailing {
                caption: "The president speaks in Ohio.",
                credit: "(Getty Images)"
            })
        );
        assert_eq!(
            c("Trump asked voters for a big win. Credit... Doug Mills/The New York Times"),
            Some(Credit::Trailing {
                caption: "Trump asked voters for a big win.",
                credit: "Credit... Doug Mills/The New York Times"
            })
        );
    }

    #[test]
    fn prose_is_not_a_credit() {
        assert_eq!(
            c("The photographer said the picture was taken in 2019 near the border."),
            None
        );
        assert_eq!(c("Reuters reported that the talks had stalled."), None);
    }

    #[test]
    fn glued() {
        assert_eq!(
            split_glued("© AFP / JANE DOEA man walks.", "A man walks."),
            Some("© AFP / JANE DOE")
        );
        assert_eq!(split_glued("© AFP", "A man walks."), None);
    }
}
