//! News datelines: `MOSCOW (Sputnik) - …`, `LONDON, March 3 (Reuters) - …`,
//! `Berlin (dpa) - …`, `WASHINGTON — …`.

use crate::article::Dateline;
use regex::Regex;
use std::sync::LazyLock;

// A place in capitals (up to four words: `NEW YORK`, `RIO DE JANEIRO`) or in
// title case (up to three words, then a source in parentheses is required), an
// optional date after a comma, an optional source in parentheses, then a dash.
static WITH_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<text>(?P<place>\p{Lu}[\p{L}'’.\-]*(?:[ /]\p{L}[\p{L}'’.\-]*){0,3}?)(?:,\s*(?P<when>[^()–—\-]{1,30}?))?\s*\((?P<source>[^()]{1,40})\))\s*[-–—:]+\s+",
    )
    .expect("valid")
});

static CAPS_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<text>(?P<place>\p{Lu}[\p{Lu}'’.\-]+(?:[ /]\p{Lu}[\p{Lu}'’.\-]*){0,3})(?:,\s*(?P<when>[^()–—\-]{1,30}?))?)\s+[-–—]+\s+",
    )
    .expect("valid")
});

/// A wire dateline in its strict form: a place in capitals, then a region
/// or date after a comma, or an agency in parentheses (or both), then a dash:
/// `SPRINGFIELD, Ill. (AP) — `, `PORTLAND, Maine — `, `LONDON (Reuters) - `.
/// A bare word in capitals before a dash (`NOTE — `) is not enough.
static STRICT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{Lu}'’.\-]+(?: \p{Lu}[\p{Lu}'’.\-]*){0,3}(?:, [\p{Lu}\d][\p{L}\d.]*(?: [\p{L}\d][\p{L}\d.]*){0,3}(?: \([^()]{1,30}\))?| \([^()]{1,30}\)) [—–-]+ ",
    )
    .expect("valid")
});

/// Does the paragraph open with a wire dateline in its strict form (see
/// `STRICT`)? Such a paragraph opens a news story.
pub(crate) fn opens_story(text: &str) -> bool {
    let mut c = text.chars();
    c.next().is_some_and(char::is_uppercase)
        && c.next().is_some_and(char::is_uppercase)
        && STRICT.is_match(text)
}

/// Split a dateline off the start of a paragraph: the dateline and the rest.
pub(crate) fn split(text: &str) -> Option<(Dateline, &str)> {
    // Cheap gates before the capturing searches: both forms open with a
    // capital (`\p{Lu}` is upper case), `WITH_SOURCE` holds a `(`, and
    // `CAPS_ONLY` a second capital (or `'’.-`) and a dash.
    let mut c = text.chars();
    if !c.next().is_some_and(char::is_uppercase) {
        return None;
    }
    let caps_only = c
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '\'' | '’' | '.' | '-'))
        && text.contains(['-', '–', '—']);
    if !caps_only && !text.contains('(') {
        return None;
    }
    let (caps, source) = if let Some(c) = WITH_SOURCE.captures(text) {
        let place = c.name("place")?.as_str();
        // Title-case places need the source; keep them to place-like words.
        if !place.chars().all(|ch| !ch.is_lowercase()) && place.split(' ').count() > 3 {
            return None;
        }
        let source = c.name("source").map(|m| m.as_str().trim().to_string());
        (c, source)
    } else {
        (CAPS_ONLY.captures(text)?, None)
    };
    let rest = &text[caps.get(0)?.end()..];
    // A dateline leads into a sentence; a bare "UPDATE - 3" does not.
    if rest.chars().count() < 20 {
        return None;
    }
    let dl = Dateline {
        text: caps.name("text")?.as_str().trim().to_string(),
        place: caps.name("place").map(|m| m.as_str().trim().to_string()),
        source,
    };
    Some((dl, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(s: &str) -> Option<(String, Option<String>, Option<String>, String)> {
        split(s).map(|(d, rest)| (d.text, d.place, d.source, rest.to_string()))
    }

    #[test]
    fn agency_datelines() {
        let rest = "The minister said on Monday that talks would go on.";
        for (line, text, place, source) in [
            (
                "MOSCOW (Sputnik) - ",
                "MOSCOW (Sputnik)",
                "MOSCOW",
                Some("Sputnik"),
            ),
            (
                "WASHINGTON (Reuters) - ",
                "WASHINGTON (Reuters)",
                "WASHINGTON",
                Some("Reuters"),
            ),
            (
                "LONDON, March 3 (Reuters) - ",
                "LONDON, March 3 (Reuters)",
                "LONDON",
                Some("Reuters"),
            ),
            ("NEW YORK (AP) — ", "NEW YORK (AP)", "NEW YORK", Some("AP")),
            ("PARIS (AFP) - ", "PARIS (AFP)", "PARIS", Some("AFP")),
            (
                "BERLIN, 5. März (dpa) - ",
                "BERLIN, 5. März (dpa)",
                "BERLIN",
                Some("dpa"),
            ),
            ("Berlin (dpa) - ", "Berlin (dpa)", "Berlin", Some("dpa")),
            ("WASHINGTON — ", "WASHINGTON", "WASHINGTON", None),
        ] {
            let got = dl(&format!("{line}{rest}")).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(got.0, text);
            assert_eq!(got.1.as_deref(), Some(place));
            assert_eq!(got.2.as_deref(), source);
            assert_eq!(got.3, rest);
        }
    }

    #[test]
    fn strict_story_openers() {
        let rest = "The minister said on Monday that talks would go on.";
        for line in [
            "SPRINGFIELD, Ill. (AP) — ",
            "ST. PAUL, Minn. (AP) — ",
            "PORTLAND, Maine — ",
            "ABU DHABI, United Arab Emirates — ",
            "WASHINGTON (AP) — ",
            "LONDON, March 3 (Reuters) - ",
            "BERLIN, 5. März (dpa) - ",
        ] {
            assert!(opens_story(&format!("{line}{rest}")), "{line}");
        }
        for line in [
            "WASHINGTON — ",
            "NOTE — ",
            "TIP – ",
            "Machine learning (ML) – ",
            "Spain (Rioja, Tempranillo): ",
            "WATERPROOF -- Keeps rain out : ",
        ] {
            assert!(!opens_story(&format!("{line}{rest}")), "{line}");
        }
    }

    #[test]
    fn not_datelines() {
        assert!(dl("The company (Apple) said the results were good for the quarter.").is_none());
        assert!(dl("In 2019, the team won the cup - and then lost it again next year.").is_none());
        assert!(dl("A - B").is_none());
    }
}
