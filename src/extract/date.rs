//! Dates in page text, in several languages and formats, to ISO 8601.

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Month names and abbreviations (lower case) of en, de, fr, es, it, pt, nl,
/// pl (genitive), ru (genitive), sv/da/nb; index + 1 is the month.
#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "january jan jan. januar jänner janvier janv. janv enero ene. ene gennaio genn. gen. janeiro jan. januari stycznia styczeń января январь januari",
    "february feb feb. februar février févr. févr febrero feb. febbraio febb. fevereiro fev. februari lutego luty февраля февраль",
    "march mar mar. märz mär. mär mars marzo mar. março mar. maart marca marzec марта март",
    "april apr apr. avril avr. avr abril abr. abr aprile apr. april kwietnia kwiecień апреля апрель",
    "may mai mai. mayo maggio mag. maio mei maja maj мая май",
    "june jun jun. juni juin junio jun. giugno giu. junho jun. czerwca czerwiec июня июнь",
    "july jul jul. juli juillet juil. juil julio jul. luglio lug. julho jul. lipca lipiec июля июль",
    "august aug aug. august aout août agosto ago. agosto augustus sierpnia sierpień августа август augusti",
    "september sep sep. sept sept. september septembre septiembre setiembre sept. settembre sett. set. setembro set. września wrzesień сентября сентябрь",
    "october oct oct. oktober okt. okt octobre octubre oct. ottobre ott. outubro out. oktober października październik октября октябрь",
    "november nov nov. november novembre noviembre novembre novembro novembre listopada listopad ноября ноябрь",
    "december dec dec. dezember dez. dez décembre déc. déc diciembre dic. dicembre dic. dezembro dez. december grudnia grudzień декабря декабрь",
];

fn month_number(name: &str) -> Option<u32> {
    // Each name to its month, the first month that lists it.
    static NUMBERS: LazyLock<HashMap<&str, u32>> = LazyLock::new(|| {
        let mut map = HashMap::new();
        for (i, names) in MONTHS.iter().enumerate() {
            for n in names.split(' ') {
                map.entry(n).or_insert(i as u32 + 1);
            }
        }
        map
    });
    NUMBERS.get(name.to_lowercase().as_str()).copied()
}

static MONTH_ALT: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTHS.iter().flat_map(|m| m.split(' ')).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.len()));
    names.dedup();
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
});

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let m = MONTH_ALT.as_str();
    Regex::new(&super::ascii_bounds(&format!(
        r"(?ix)
        (?P<iso>\b(?P<iy>(?:19|20)\d\d)-(?P<im>\d{{1,2}})-(?P<id>\d{{1,2}})(?:[T\ ](?P<ih>\d\d):(?P<imin>\d\d)(?::\d\d)?)?)
      | (?P<ymd>\b(?P<yy>(?:19|20)\d\d)[/.](?P<ym>\d{{1,2}})[/.](?P<yd>\d{{1,2}})\b)
      | (?P<num>\b(?P<na>\d{{1,2}})(?P<sep>[./])(?P<nb>\d{{1,2}})[./](?P<ny>(?:19|20)\d\d)\b)
      | (?P<mdy>(?:^|\b)(?P<m1>{m})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)\b)
      | (?P<dmy>\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+|of\s+)?(?P<m2>{m})(?:\s+de)?,?\s+(?P<y2>(?:19|20)\d\d)\b)
      | (?P<cjk>(?P<cy>(?:19|20)\d\d)\s*年\s*(?P<cm>\d{{1,2}})\s*月\s*(?P<cd>\d{{1,2}})\s*日)
        "
    )))
    .expect("date regex is valid")
});

/// A date found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateHit {
    pub iso: String,
    pub start: usize,
    pub end: usize,
}

/// Every valid date in `text`, left to right.
pub(crate) fn find_dates(text: &str) -> Vec<DateHit> {
    // Every form holds a year that starts `19` or `20`: without either pair
    // there is no date, and the scan costs far less than the capturing search.
    // memchr finds the candidates' first digits, many bytes a step.
    let b = text.as_bytes();
    let year_start = |i: usize| {
        matches!(
            (b[i], b.get(i + 1)),
            (b'1', Some(b'9')) | (b'2', Some(b'0'))
        )
    };
    if !memchr::memchr2_iter(b'1', b'2', b).any(year_start) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for c in DATE.captures_iter(text) {
        let num = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
        let ymd = if c.name("iso").is_some() {
            (num("iy"), num("im"), num("id"))
        } else if c.name("ymd").is_some() {
            (num("yy"), num("ym"), num("yd"))
        } else if c.name("num").is_some() {
            let (a, b) = (num("na").unwrap_or(0), num("nb").unwrap_or(0));
            // Dots are day-first everywhere; slashes are month-first (US) unless
            // the first number cannot be a month.
            let slash = c.name("sep").is_some_and(|s| s.as_str() == "/");
            if slash && a <= 12 {
                (num("ny"), Some(a), Some(b))
            } else {
                (num("ny"), Some(b), Some(a))
            }
        } else if c.name("mdy").is_some() {
            (
                num("y1"),
                c.name("m1").and_then(|m| month_number(m.as_str())),
                num("d1"),
            )
        } else if c.name("dmy").is_some() {
            (
                num("y2"),
                c.name("m2").and_then(|m| month_number(m.as_str())),
                num("d2"),
            )
        } else {
            (num("cy"), num("cm"), num("cd"))
        };
        let whole = c.get(0).expect("match");
        if let (Some(y), Some(m), Some(d)) = ymd {
            if (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
                let mut iso = format!("{y:04}-{m:02}-{d:02}");
                if let (Some(h), Some(min)) = (num("ih"), num("imin")) {
                    if h < 24 && min < 60 {
                        iso.push_str(&format!("T{h:02}:{min:02}:00"));
                    }
                }
                out.push(DateHit {
                    iso,
                    start: whole.start(),
                    end: whole.end(),
                });
            }
        }
    }
    out
}

/// A date that stands as a field of its own (a dateline, "Published …",
/// a trailing `, 25.02.2022`), rather than inside a sentence ("on March 3, 2020").
pub(crate) fn is_standalone(text: &str, hit: &DateHit) -> bool {
    let before = text[..hit.start].trim_end();
    let after = text[hit.end..].trim_start();
    let words_around = before.split_whitespace().count() + after.split_whitespace().count();
    if words_around <= 5 {
        return true;
    }
    let sep_before =
        before.is_empty() || before.ends_with([',', '|', '-', '–', '—', '•', '·', ':', '/', '(']);
    let sep_after =
        after.is_empty() || after.starts_with([',', '|', '-', '–', '—', '•', '·', ')', '/']);
    (sep_before && (sep_after || after.len() < 20)) || (before.is_empty() && sep_after)
}

/// Lines that announce the publication date rather than an update.
pub(crate) fn says_published(text: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&super::ascii_bounds(r"(?i)\b(published|posted|veröffentlicht|publié|publicado|pubblicato|gepubliceerd|opublikowano|опубликовано|发布|date)"))
            .expect("valid")
    });
    RE.is_match(text)
}

/// Lines that announce an update.
pub(crate) fn says_updated(text: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&super::ascii_bounds(r"(?i)\b(updated|modified|aktualisiert|mis à jour|actualizado|aggiornato|atualizado|bijgewerkt|обновлено)"))
            .expect("valid")
    });
    RE.is_match(text)
}

/// Normalise a declared date (`2019-11-20T10:00:00Z`, `20 Nov 2019`) to ISO 8601.
pub(crate) fn normalise_declared(text: &str) -> Option<String> {
    let t = text.trim();
    static FULL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:19|20)\d\d-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?$",
        )
        .expect("valid")
    });
    if FULL.is_match(t) {
        let hit = find_dates(t).into_iter().next()?;
        return Some(if t.len() > 10 {
            t.replacen(' ', "T", 1)
        } else {
            hit.iso
        });
    }
    find_dates(t).into_iter().next().map(|h| h.iso)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(s: &str) -> Option<String> {
        find_dates(s).into_iter().next().map(|h| h.iso)
    }

    #[test]
    fn formats() {
        assert_eq!(first("November 20, 2019").as_deref(), Some("2019-11-20"));
        assert_eq!(
            first("Nov. 20, 2019 5:30 pm ET").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(first("20 November 2019").as_deref(), Some("2019-11-20"));
        assert_eq!(
            first("Example Wire, 1920, 25.02.2022").as_deref(),
            Some("2022-02-25")
        );
        assert_eq!(first("BERLIN, 5. März 2023").as_deref(), Some("2023-03-05"));
        assert_eq!(first("le 3 mars 2021").as_deref(), Some("2021-03-03"));
        assert_eq!(first("5 de marzo de 2023").as_deref(), Some("2023-03-05"));
        assert_eq!(
            first("2023-03-05T10:20:00Z").as_deref(),
            Some("2023-03-05T10:20:00")
        );
        assert_eq!(first("11/20/2019").as_deref(), Some("2019-11-20"));
        assert_eq!(first("2023年3月5日").as_deref(), Some("2023-03-05"));
        assert_eq!(first("25 марта 2022").as_deref(), Some("2022-03-25"));
        assert_eq!(first("32.13.2020"), None);
    }

    #[test]
    fn standalone_versus_prose() {
        let line = "A woman crosses the old bridge on September 10, 2020. - Example Wire, 1920, 25.02.2022";
        let hits = find_dates(line);
        assert_eq!(hits.len(), 2);
        assert!(!is_standalone(line, &hits[0]));
        assert!(is_standalone(line, &hits[1]));
    }

    #[test]
    fn declared() {
        assert_eq!(
            normalise_declared("2019-11-20T10:00:00Z").as_deref(),
            Some("2019-11-20T10:00:00Z")
        );
        assert_eq!(
            normalise_declared("2019-11-20").as_deref(),
            Some("2019-11-20")
        );
        assert_eq!(
            normalise_declared("Wed, 20 Nov 2019 10:00:00 GMT").as_deref(),
            Some("2019-11-20")
        );
    }
}
