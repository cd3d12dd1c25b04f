//! Bylines: `By Jane Doe and John Roe`, `Von Max Muster`, `Par Jean Dupont`.

use regex::Regex;
use std::sync::LazyLock;

/// A byline's openings, each with its optional words: "Written by",
/// "Von", "Autorin:", "作者：".
const OPENING: &str = r"(?i)^(?:(?:written |reported |posted |story )?by|von|par|por|di|door|przez|av|af|автор:?|author:?|autor(?:in)?:?|auteur\s*:|作者[:：]?)\s+";

static BYLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"{OPENING}(?P<names>\S.{{1,100}})$")).expect("valid"));

/// [`BYLINE`]'s opening and the whitespace after it: where its `names`
/// start. At most one of its openings (with its optional words) can stand
/// before whitespace at a line's start, so when `BYLINE` matches, this
/// matches up to the names, with no capturing search (which runs a
/// backtracker over the line).
static BYLINE_HEAD: LazyLock<Regex> = LazyLock::new(|| Regex::new(OPENING).expect("valid"));

/// Tails that follow a name in a byline: roles, dates, places, outlets.
static NAME_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&super::ascii_bounds(r"(?i)\s*(?:[|•·,;(]|\s-\s|\s–\s|\s—\s|\bupdated\b|\bpublished\b|\bon\b\s|\bat\b\s|\bin\b\s|\bfor\b\s|\d).*$"))
        .expect("valid")
});

static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&super::ascii_bounds(
        r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b|\be\b|\ben\b|\bi\b|\sи\s)\s*",
    ))
    .expect("valid")
});

/// How a byline opens ("By", "Written by", "Von", "Автор", …).
static OPENERS: super::Prefixes = super::Prefixes::new(&[
    "by",
    "written",
    "reported",
    "posted",
    "story",
    "von",
    "par",
    "por",
    "di ",
    "door",
    "przez",
    "av ",
    "af ",
    "автор",
    "author",
    "autor",
    "auteur",
    "作者",
]);

/// Author names in a byline line, or `None` when the line is not a byline.
#[inline]
pub(crate) fn authors(line: &str) -> Option<Vec<String>> {
    if !OPENERS.starts(line) {
        return None;
    }
    authors_after_opener(line)
}

/// [`authors`] of a line that starts with one of [`OPENERS`].
#[inline(never)]
fn authors_after_opener(line: &str) -> Option<Vec<String>> {
    if !BYLINE.is_match(line) {
        return None;
    }
    let names = &line[BYLINE_HEAD.find(line)?.end()..];
    // Names first, then roles and dates: "Jane Doe and John Roe, Reuters | Nov 3".
    let mut out = Vec::new();
    for part in SPLIT.split(names) {
        let part = NAME_END.replace(part, "");
        let part = part.trim().trim_end_matches(['.', ':']);
        if looks_like_name(part) {
            out.push(part.to_string());
        } else if out.is_empty() {
            return None;
        } else {
            break;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Two to five words, most starting with a capital letter (particles
/// allowed). One word is an outlet ("Reuters") more often than a name.
pub(crate) fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.len() < 2 || words.len() > 5 || s.chars().count() > 60 {
        return false;
    }
    let caps = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    caps >= 1
        && caps + 2 >= words.len()
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && s.chars().all(|c| c.is_alphabetic() || " .'’-".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        assert_eq!(
            authors("By Jamelle Bouie"),
            Some(vec!["Jamelle Bouie".to_string()])
        );
        assert_eq!(
            authors("By Jane Doe and John Roe, Reuters"),
            Some(vec!["Jane Doe".to_string(), "John Roe".to_string()])
        );
        assert_eq!(
            authors("Von Max Mustermann"),
            Some(vec!["Max Mustermann".to_string()])
        );
        assert_eq!(
            authors("By Jane Doe | Updated Nov 3, 2019"),
            Some(vec!["Jane Doe".to_string()])
        );
        assert_eq!(
            authors("By the time we arrived, the shop was closed."),
            None
        );
        assert_eq!(authors("by"), None);
    }

    #[test]
    fn the_head_ends_where_the_names_start() {
        for line in [
            "By Jane Doe",
            "by   Jane Doe",
            "Written by Jane Doe",
            "Story by Jane Doe",
            "Autorin: Erika Muster",
            "Autor Max Muster",
            "Auteur : Jean Dupont",
            "Author: Jane Doe",
            "Автор: Иван Петров",
            "作者：李明",
            "Door Jan Jansen",
            "Par Jean Dupont",
            "Di Mario Rossi",
            "By by Jane Doe",
        ] {
            let names = BYLINE.captures(line).and_then(|c| c.name("names"));
            let head = BYLINE_HEAD.find(line).map(|m| m.end());
            assert_eq!(names.map(|m| m.start()), head, "{line:?}");
        }
    }
}
