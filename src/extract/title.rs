//! Title and site name from the page's first lines.

use crate::classify::language::is_alphanumeric;

/// Separators between a headline and a site name in `<title>`.
const SEPARATORS: [&str; 9] = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", "_", "｜"];

/// Where each of [`SEPARATORS`] first and last stands in `title` (as `find`
/// and `rfind` have it), in one pass: each starts with a space, `_` or the
/// lead byte of `｜`, and only there is it looked for (eighteen substring
/// searches, each with its own setup, cost more than the line).
fn separator_places(title: &str) -> [Option<(usize, usize)>; SEPARATORS.len()] {
    let mut out = [None; SEPARATORS.len()];
    let bytes = title.as_bytes();
    for p in memchr::memchr3_iter(b' ', b'_', 0xEF, bytes) {
        let rest = &bytes[p..];
        // A spaced separator's second byte is its mark's first: most
        // spaces stand before a word, and no separator starts there.
        if rest[0] == b' ' && !matches!(rest.get(1), Some(b'|' | b'-' | b':' | 0xC2 | 0xE2)) {
            continue;
        }
        for (at, sep) in out.iter_mut().zip(SEPARATORS) {
            if rest.starts_with(sep.as_bytes()) {
                *at = Some(at.map_or((p, p), |(first, _)| (first, p)));
            }
        }
    }
    out
}

/// Split `"Headline - Site"` into headline and site. The site is the shorter
/// side, at most six words; headlines come first on most sites, last on some.
pub(crate) fn split_site(title: &str) -> Option<(&str, &str)> {
    let places = separator_places(title);
    let (pos, sep) = SEPARATORS
        .iter()
        .zip(&places)
        .filter_map(|(s, at)| at.map(|(_, last)| (last, *s)))
        .filter(|&(p, s)| !in_identifier(title, p, s))
        .max_by_key(|(p, _)| *p)?;
    let (head, site) = (title[..pos].trim(), title[pos + sep.len()..].trim());
    // Unspaced scripts: two characters make about a word.
    let words = |s: &str| {
        if s.is_ascii() {
            // No CJK: the runs between whitespace (`char::is_whitespace`'s
            // ASCII: tab to carriage return, and space), over bytes.
            let space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
            let b = s.as_bytes();
            return (0..b.len())
                .filter(|&i| !space(b[i]) && (i == 0 || space(b[i - 1])))
                .count();
        }
        let cjk = s
            .chars()
            .filter(|c| matches!(*c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xAC00..=0xD7AF))
            .count();
        s.split_whitespace().count().max(cjk / 2)
    };
    // (Each side's words counted once.)
    let (site_words, head_words) = (words(site), words(head));
    if !head.is_empty() && !site.is_empty() && site_words <= 6 && site_words < head_words {
        // "Headline | Section | Site": the same separator again inside the
        // head; the longest part is the headline.
        let head = head
            .split(sep)
            .map(str::trim)
            .map(|part| (part, words(part)))
            .max_by_key(|&(_, n)| n)
            .filter(|&(_, n)| n * 2 > head_words)
            .map_or(head, |(part, _)| part);
        return Some((head, site));
    }
    // "Site | Headline": a short first part.
    let (pos, sep) = SEPARATORS
        .iter()
        .zip(&places)
        .filter_map(|(s, at)| at.map(|(first, _)| (first, *s)))
        .filter(|&(p, s)| !in_identifier(title, p, s))
        .min_by_key(|(p, _)| *p)?;
    let (site, head) = (title[..pos].trim(), title[pos + sep.len()..].trim());
    if !head.is_empty() && words(site) <= 3 && words(head) >= 4 {
        return Some((head, site));
    }
    None
}

/// The parts of a title between spaced separators (and `": "`), whole
/// title first: `"A | B - C"` gives `"A | B - C"`, `"A"`, `"B"`, `"C"`.
pub(crate) fn parts(title: &str) -> impl Iterator<Item = &str> {
    const SPLIT: [&str; 11] = [
        " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " / ", "｜", ": ",
    ];
    let whole = title.trim();
    std::iter::once(whole).chain(split_at_any(whole, &SPLIT))
}

/// The pieces of `text` between any of `seps` (the nearest first each
/// time), trimmed, empty ones dropped.
fn split_at_any<'a>(text: &'a str, seps: &'a [&'a str]) -> impl Iterator<Item = &'a str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || loop {
        let r = rest?;
        let next = seps
            .iter()
            .filter_map(|s| r.find(s).map(|p| (p, s.len())))
            .min_by_key(|&(p, _)| p);
        let part = match next {
            Some((p, len)) => {
                rest = Some(&r[p + len..]);
                &r[..p]
            }
            None => {
                rest = None;
                r
            }
        };
        let part = part.trim();
        if !part.is_empty() {
            return Some(part);
        }
    })
}

/// The parts of a `<title>` between its spaced separators (those of
/// [`split_site`], the underscore aside), in order, trimmed, empty ones
/// dropped: `"tag - Question? - Site"` gives `"tag"`, `"Question?"`, `"Site"`.
pub(crate) fn spaced_parts(title: &str) -> Vec<&str> {
    const SPACED: [&str; 8] = [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", "｜"];
    split_at_any(title, &SPACED).collect()
}

/// The part of a `<title>` before its first separator: `"Headline | Section | Site"`
/// gives `"Headline"`. Headlines come first on most sites (measured on the
/// WCXB-dev `<title>` lines: the headline is the first part on 815 pages, the
/// last on 37). `None` without a separator.
pub(crate) fn first_part(title: &str) -> Option<&str> {
    // Each separator's first place, as `find` has it, found in one pass.
    let pos = SEPARATORS
        .iter()
        .zip(separator_places(title))
        .filter_map(|(s, at)| at.map(|(first, _)| (first, *s)))
        .filter(|&(p, s)| !in_identifier(title, p, s))
        .map(|(p, _)| p)
        .min()?;
    let head = title[..pos].trim();
    (!head.is_empty()).then_some(head)
}

/// `"Headline | Tagline"` → `"Headline"`: a spaced pipe is never part of a
/// headline's wording; what follows it is a site, section or tagline. Kept
/// whole when the head would be a single word.
pub(crate) fn pipe_head(t: &str) -> &str {
    match t.split_once(" | ") {
        Some((head, _)) if head.split_whitespace().count() >= 2 => head.trim(),
        _ => t,
    }
}

/// Forum software's page label before a topic's title ("Site • View topic -
/// Title", as phpBB writes it), in the languages it ships in.
const VIEW_LABELS: [&str; 9] = [
    "view topic",
    "view thread",
    "thema anzeigen",
    "afficher le sujet",
    "ver tema",
    "visualizza argomento",
    "bekijk onderwerp",
    "exibir tópico",
    "ver tópico",
];

/// `t` without forum software's "View topic - " label in front; `t`
/// itself otherwise.
pub(crate) fn view_label_cut(t: &str) -> &str {
    for label in VIEW_LABELS {
        let Some(head) = t.get(..label.len()) else {
            continue;
        };
        if head.eq_ignore_ascii_case(label) {
            let rest = t[label.len()..].trim_start();
            if let Some(rest) = rest
                .strip_prefix(['-', '–', '—', '|', '•', '·', ':'])
                .map(str::trim)
                .filter(|r| !r.is_empty())
            {
                return rest;
            }
        }
    }
    t
}

/// What a listing counts in a "(158 items)" after its name.
const COUNTED: [&str; 19] = [
    "items",
    "products",
    "results",
    "books",
    "articles",
    "posts",
    "listings",
    "entries",
    "artikel",
    "produkte",
    "ergebnisse",
    "produits",
    "résultats",
    "articles",
    "productos",
    "resultados",
    "artículos",
    "prodotti",
    "risultati",
];

/// `t` without a listing's count after it (`"Trail Running Shoes (158
/// items)"`); `t` itself otherwise.
pub(crate) fn count_cut(t: &str) -> &str {
    let Some((head, count)) = t
        .trim_end()
        .strip_suffix(')')
        .and_then(|b| b.rsplit_once(" ("))
    else {
        return t;
    };
    let mut words = count.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(n), Some(what), None)
            if !head.trim().is_empty()
                && n.chars()
                    .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
                && n.starts_with(|c: char| c.is_ascii_digit())
                && COUNTED.iter().any(|w| w.eq_ignore_ascii_case(what)) =>
        {
            head.trim_end()
        }
        _ => t,
    }
}

/// Top-level domains common enough to tell a domain name ("example.com")
/// from a dotted product name ("Node.js").
const TLDS: [&str; 30] = [
    "com", "net", "org", "io", "co", "ai", "app", "dev", "info", "biz", "blog", "news", "us", "uk",
    "de", "fr", "es", "it", "nl", "ca", "au", "in", "me", "tv", "eu", "ch", "at", "be", "se", "jp",
];

/// Is `s` a domain name (`"example.com"`, `"SoundStageXperience.com"`,
/// `"news.example.co.uk"`): one word of dotted labels ending in a common
/// top-level domain written in lower case?
fn is_domain(s: &str) -> bool {
    let s = s.trim();
    let Some((host, tld)) = s.rsplit_once('.') else {
        return false;
    };
    TLDS.contains(&tld)
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && host.chars().any(char::is_alphabetic)
}

/// `t` without a domain name set off as its first or last part
/// (`"Example.com - Headline"`); `t` itself otherwise.
pub(crate) fn domain_cut(t: &str) -> &str {
    const SPACED: [&str; 6] = [" | ", " - ", " – ", " — ", " · ", " • "];
    let first = SPACED
        .iter()
        .filter_map(|s| t.find(s).map(|p| (p, s.len())))
        .min_by_key(|&(p, _)| p);
    if let Some((p, len)) = first {
        if is_domain(&t[..p]) && !t[p + len..].trim().is_empty() {
            return t[p + len..].trim();
        }
    }
    let last = SPACED
        .iter()
        .filter_map(|s| t.rfind(s).map(|p| (p, s.len())))
        .max_by_key(|&(p, _)| p);
    if let Some((p, len)) = last {
        if is_domain(&t[p + len..]) && !t[..p].trim().is_empty() {
            return t[..p].trim();
        }
    }
    t
}

/// The words of `s` (runs of letters and digits), lower-cased, in order.
pub(crate) fn lower_words(s: &str) -> Vec<String> {
    crate::classify::language::alnum_words(s)
        .map(str::to_lowercase)
        .collect()
}

/// How many leading words a headline may add to a title as a kicker.
const KICKER_WORDS: usize = 4;

/// Is `line` the title `title` behind one to `KICKER_WORDS` leading words
/// (`"Thread: Why is X?"` for `"Why is X?"`)? Words compared lower-cased,
/// punctuation ignored.
pub(crate) fn behind_kicker(line: &str, title: &str) -> bool {
    let (l, t) = (lower_words(line), lower_words(title));
    !t.is_empty() && l.len() > t.len() && l.len() <= t.len() + KICKER_WORDS && l.ends_with(&t)
}

/// An underscore between two ASCII letters or digits joins an identifier
/// (`rustc_codegen_gcc`); between other characters (`标题_网站`) it separates.
fn in_identifier(title: &str, pos: usize, sep: &str) -> bool {
    sep == "_"
        && title[..pos]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_alphanumeric())
        && title[pos + 1..]
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Lower-cased word characters only, for comparing titles.
pub(crate) fn fold(s: &str) -> String {
    if s.is_ascii() {
        // The letters and digits, lower-cased, byte by byte into one
        // buffer of the line's size (no character decoded).
        let mut folded = Vec::with_capacity(s.len());
        folded.extend(
            s.bytes()
                .filter(u8::is_ascii_alphanumeric)
                .map(|b| b.to_ascii_lowercase()),
        );
        return String::from_utf8(folded).expect("ASCII bytes");
    }
    // `folded(s).collect()`, its ASCII characters told and lower-cased
    // without a trip to the Unicode tables.
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if is_alphanumeric(c) {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The characters [`fold`] keeps, lower-cased.
fn folded(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|&c| is_alphanumeric(c))
        .flat_map(char::to_lowercase)
}

/// A title folded once, to be compared with many lines: `fold_eq(title, line)`
/// without folding the title again for each.
pub(crate) struct Folded(String);

impl Folded {
    pub(crate) fn new(title: &str) -> Self {
        Folded(fold(title))
    }

    /// `fold_eq(title, line)`.
    pub(crate) fn matches(&self, line: &str) -> bool {
        if self.0.is_empty() {
            return false;
        }
        // ASCII folds to ASCII, byte for byte: compare over bytes until the
        // first mismatch (most lines differ at once; an ASCII head that
        // differs settles it) or the first byte outside ASCII, which sends
        // the whole line to the character fold.
        let mut want = self.0.bytes();
        for b in line.bytes() {
            if !b.is_ascii() {
                return folded(line).eq(self.0.chars());
            }
            if b.is_ascii_alphanumeric() && want.next() != Some(b.to_ascii_lowercase()) {
                return false;
            }
        }
        want.next().is_none()
    }
}

/// `fold(a) == fold(b)` without allocating; false when both fold to nothing.
pub(crate) fn fold_eq(a: &str, b: &str) -> bool {
    // ASCII folds byte for byte: compare the bytes that fold keeps (and
    // those outside ASCII) until the first mismatch, which settles most
    // pairs at once, or the first byte outside ASCII, which sends both
    // strings to the character fold.
    let kept = |b: &u8| !b.is_ascii() || b.is_ascii_alphanumeric();
    let (mut x, mut y) = (a.bytes().filter(kept), b.bytes().filter(kept));
    let mut any = false;
    loop {
        match (x.next(), y.next()) {
            (None, None) => return any,
            (Some(p), Some(q)) if p.is_ascii() && q.is_ascii() => {
                if !p.eq_ignore_ascii_case(&q) {
                    return false;
                }
                any = true;
            }
            (Some(p), None) | (None, Some(p)) if p.is_ascii() => return false,
            _ => break,
        }
    }
    let mut x = folded(a);
    let mut y = folded(b);
    let mut any = false;
    loop {
        match (x.next(), y.next()) {
            (None, None) => return any,
            (Some(p), Some(q)) if p == q => any = true,
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count() {
        assert_eq!(
            count_cut("Best Books Ever (77141 books)"),
            "Best Books Ever"
        );
        assert_eq!(
            count_cut("Trail Running Shoes (158 ITEMS)"),
            "Trail Running Shoes"
        );
        assert_eq!(
            count_cut("Best Movers (2025 Reviews)"),
            "Best Movers (2025 Reviews)"
        );
        assert_eq!(count_cut("Coffee (1792)"), "Coffee (1792)");
    }

    #[test]
    fn view_label() {
        assert_eq!(view_label_cut("View topic - MLS is Back!"), "MLS is Back!");
        assert_eq!(view_label_cut("Thema anzeigen - Frage"), "Frage");
        assert_eq!(view_label_cut("View topics"), "View topics");
        assert_eq!(view_label_cut("View topic"), "View topic");
    }

    #[test]
    fn domains_cut() {
        assert!(is_domain("SoundStageXperience.com"));
        assert!(is_domain("news.example.co.uk"));
        assert!(!is_domain("Node.js"));
        assert!(!is_domain("ASP.NET"));
        assert!(!is_domain("Version 2.0"));
        assert_eq!(domain_cut("Example.com - The Headline"), "The Headline");
        assert_eq!(domain_cut("The Headline | example.com"), "The Headline");
        assert_eq!(domain_cut("Welcome to LWN.net"), "Welcome to LWN.net");
        assert_eq!(
            domain_cut("Why not book with Booking.com"),
            "Why not book with Booking.com"
        );
        assert_eq!(domain_cut("example.com"), "example.com");
    }

    #[test]
    fn separator_places_find_as_std() {
        for t in [
            "",
            "Headline | Site",
            "A - B – C — D :: E · F • G_H｜I | J - K",
            "snake_case_name - Docs",
            " |  | ",
            "a｜b｜c",
            " :: :: ",
            "__init__",
        ] {
            let places = separator_places(t);
            for (sep, at) in SEPARATORS.iter().zip(places) {
                assert_eq!(at, t.find(sep).zip(t.rfind(sep)), "{t:?} {sep:?}");
            }
        }
    }

    #[test]
    fn folded_matches_as_fold_eq() {
        let lines = [
            "The Title",
            "the title!",
            "THE TITLE",
            "The Title again",
            "The Titl",
            "",
            "...",
            "Ça va, Ünïcode",
            "ça va ünïcode",
            "\u{212A}elvin",
            "kelvin",
            "İstanbul",
            "i\u{307}stanbul",
            "The Title’s",
            "the titles",
            "The Title ’",
            "’",
            "Kelvin \u{212A}",
            "kelvin k",
        ];
        let std_fold = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        for a in lines {
            assert_eq!(fold(a), std_fold(a), "{a:?}");
            let folded = Folded::new(a);
            for b in lines {
                assert_eq!(folded.matches(b), fold_eq(a, b), "{a:?} {b:?}");
                let same = !std_fold(a).is_empty() && std_fold(a) == std_fold(b);
                assert_eq!(fold_eq(a, b), same, "{a:?} {b:?}");
            }
        }
    }

    #[test]
    fn site_suffixes() {
        assert_eq!(
            split_site("New SUVs highlight L.A. Auto Show - Connecticut Post"),
            Some(("New SUVs highlight L.A. Auto Show", "Connecticut Post"))
        );
        assert_eq!(
            split_site("Opinion | Republicans Are Following Trump to Nowhere - The New York Times"),
            Some((
                "Opinion | Republicans Are Following Trump to Nowhere",
                "The New York Times"
            ))
        );
        assert_eq!(
            split_site("WSJ | Markets rally as rates fall again"),
            Some(("Markets rally as rates fall again", "WSJ"))
        );
        assert_eq!(split_site("Plain headline without site"), None);
        // A vertical tab is whitespace to `split_whitespace`: four words.
        assert_eq!(
            split_site("Acme | One\x0bTwo three four"),
            Some(("One\x0bTwo three four", "Acme"))
        );
        assert_eq!(
            split_site("Healthy Eating Tips For Busy Families | Nutrition | Health Agency"),
            Some(("Healthy Eating Tips For Busy Families", "Health Agency"))
        );
        assert_eq!(split_site("Module ngx_http_rewrite_module"), None);
        assert_eq!(
            pipe_head("Best movers in town 2025 | Top 19 companies"),
            "Best movers in town 2025"
        );
        assert_eq!(pipe_head("Shop | Acme"), "Shop | Acme");
        assert_eq!(pipe_head("No pipe here"), "No pipe here");
        assert!(behind_kicker("Thread: Why is X?", "Why is X?"));
        assert_eq!(
            spaced_parts("tag - Why is \"a: b\" bad? - Site"),
            vec!["tag", "Why is \"a: b\" bad?", "Site"]
        );
        assert!(!behind_kicker("Why is X?", "Why is X?"));
        assert!(!behind_kicker("Why is X? Updated", "Why is X?"));
        assert_eq!(
            parts("Managing deps - The Go Language | Docs: Intro").collect::<Vec<_>>(),
            vec![
                "Managing deps - The Go Language | Docs: Intro",
                "Managing deps",
                "The Go Language",
                "Docs",
                "Intro"
            ]
        );
        assert_eq!(parts("Plain").collect::<Vec<_>>(), vec!["Plain", "Plain"]);
        assert_eq!(
            split_site("北京今天举行新闻发布会议_新浪网"),
            Some(("北京今天举行新闻发布会议", "新浪网"))
        );
    }
}
