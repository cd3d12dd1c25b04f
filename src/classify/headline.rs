//! Headline shape: short, unpunctuated, capitalised lines.

use super::density::Density;

/// Does the unit read like a headline or subheading? Two to 25 words, no
/// sentence end (a question or exclamation is fine), starts with a capital,
/// digit or quote, and is mostly letters.
pub(crate) fn is_headline(text: &str, d: &Density) -> bool {
    if d.words < 2 || d.words > 25 || d.chars > 200 || d.letters * 2 < d.chars {
        return false;
    }
    let trimmed = text.trim_end_matches(['"', '\'', '”', '’', '»', ')']);
    if trimmed.ends_with(['.', ',', ';']) && !trimmed.ends_with("...") {
        return false;
    }
    text.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_numeric()
            || "\"'“‘«¿¡".contains(c)
            || !c.is_alphabetic() && c.is_alphanumeric()
    }) || d.script.is_some_and(super::language::is_unspaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::classify::density::Measure;
    use crate::classify::language::stop_bit;

    fn h(s: &str) -> bool {
        let m = Measure {
            stop_bit: stop_bit("en"),
            en_bit: 0,
        };
        is_headline(s, &m.measure(s))
    }

    #[test]
    fn shapes() {
        assert!(h("Harbour Board Turns Down Ferry Plan, Mayor Says"));
        assert!(h("Is this the end of the road?"));
        assert!(!h("The minister said the talks would go on."));
        assert!(!h("Menu"));
    }
}
