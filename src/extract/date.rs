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

/// The month names as one alternation, factored into a trie by their
/// letters ("jan(?:uary|uari|vier|…)"): the regex engines try a few
/// branches a position instead of two hundred, and the NFA is a third the
/// size. A name before its own prefixes at every node keeps the plain
/// alternation's choice (longest name first): names that are no prefix of
/// each other never match at the same place, so their order is free.
static MONTH_ALT: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTHS.iter().flat_map(|m| m.split(' ')).collect();
    names.sort_unstable();
    names.dedup();
    trie_alternation(&names)
});

/// A pattern matching exactly one of `names` (distinct, lower case), longer
/// names before their prefixes.
fn trie_alternation(names: &[&str]) -> String {
    let mut ends = false;
    // Names by first character, in order of first appearance.
    let mut groups: Vec<(char, Vec<&str>)> = Vec::new();
    for n in names {
        let mut chars = n.chars();
        let Some(c) = chars.next() else {
            ends = true;
            continue;
        };
        let rest = chars.as_str();
        match groups.iter_mut().find(|(g, _)| *g == c) {
            Some((_, rests)) => rests.push(rest),
            None => groups.push((c, vec![rest])),
        }
    }
    let mut branches: Vec<String> = groups
        .iter()
        .map(|(c, rests)| {
            let tail = trie_alternation(rests);
            let c = regex::escape(c.encode_utf8(&mut [0; 4]));
            match rests.as_slice() {
                [""] => c,
                [_] => format!("{c}{tail}"),
                _ => format!("{c}(?:{tail})"),
            }
        })
        .collect();
    // The name that ends here goes last: longer ones are tried first.
    if ends {
        branches.push(String::new());
    }
    branches.join("|")
}

/// The date forms, with `m` for a month's name.
fn date_pattern(m: &str) -> String {
    super::ascii_bounds(&format!(
        r"(?ix)
            (?P<iso>\b(?P<iy>(?:19|20)[0-9][0-9])-(?P<im>[0-9]{{1,2}})-(?P<id>[0-9]{{1,2}})(?:[T\ ](?P<ih>[0-9][0-9]):(?P<imin>[0-9][0-9])(?::[0-9][0-9])?)?)
          | (?P<ymd>\b(?P<yy>(?:19|20)[0-9][0-9])[/.](?P<ym>[0-9]{{1,2}})[/.](?P<yd>[0-9]{{1,2}})\b)
          | (?P<num>\b(?P<na>[0-9]{{1,2}})(?P<sep>[./])(?P<nb>[0-9]{{1,2}})[./](?P<ny>(?:19|20)[0-9][0-9])\b)
          | (?P<mdy>(?:^|\b)(?P<m1>{m})\s+(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)[0-9][0-9])(?:\b|[0-9]{{1,2}}:[0-9][0-9]))
          | (?P<dmy>\b(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th|er|\.)?\s+(?:de\s+|of\s+)?(?P<m2>{m})(?:\s+de)?,?\s+(?P<y2>(?:19|20)[0-9][0-9])(?:\b|[0-9]{{1,2}}:[0-9][0-9]))
          | (?P<ymname>\b(?P<y3>(?:19|20)[0-9][0-9])\s+(?P<m3>{m})\s+(?P<d3>[0-9]{{1,2}})\b)
          | (?P<cjk>(?P<cy>(?:19|20)[0-9][0-9])\s*年\s*(?P<cm>[0-9]{{1,2}})\s*月\s*(?P<cd>[0-9]{{1,2}})\s*日)
            "
    ))
}

/// Dates: this finds them, and says where each stands.
static DATE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&date_pattern(MONTH_ALT.as_str())).expect("date regex is valid"));

/// [`DATE`] with any run of Latin or Cyrillic letters and dots for a
/// month. Read over a date [`DATE`] found, it takes the same path and
/// captures the same fields, over an NFA a quarter the size for the capture
/// engine to walk (the names' trie makes most of [`DATE`]'s). Why the same:
/// a name is such a run, followed in every form by a space or a comma, which
/// the run stops at; and no form before the one [`DATE`] took can match at
/// the date's start with a run for a name: a run cannot start at a digit
/// (the forms but `mdy` start with one), nor be `年` (which follows the year
/// of the CJK form). It must not find dates itself.
static DATE_FIELDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&date_pattern(MONTH_RUN)).expect("date regex is valid"));

const MONTH_RUN: &str = r"[\p{Latin}\p{Cyrillic}][\p{Latin}\p{Cyrillic}.]*";

/// A date found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DateHit {
    pub iso: String,
    pub start: usize,
    pub end: usize,
}

/// [`find_dates`] of a page's lines, each line read once for all the
/// stages that ask (the stamp test, the published date, the byline's).
pub(crate) struct DateMemo(Vec<std::cell::OnceCell<Vec<DateHit>>>);

impl DateMemo {
    /// A memo for a page of `lines` lines.
    pub(crate) fn new(lines: usize) -> Self {
        DateMemo((0..lines).map(|_| std::cell::OnceCell::new()).collect())
    }

    /// `find_dates(text)`, where `text` is line `i`'s.
    pub(crate) fn of(&self, i: usize, text: &str) -> &[DateHit] {
        self.0
            .get(i)
            .map_or(&[], |c| c.get_or_init(|| find_dates(text)).as_slice())
    }
}

/// Every valid date in `text`, left to right.
pub(crate) fn find_dates(text: &str) -> Vec<DateHit> {
    if !may_hold_date(text) {
        return Vec::new();
    }
    // Fields the markup glued together ("2025April 24", "2024Updated") are
    // read apart: a digit then a capitalised word starts a new piece.
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    for i in 1..bytes.len().saturating_sub(1) {
        if bytes[i - 1].is_ascii_digit()
            && bytes[i].is_ascii_uppercase()
            && bytes[i + 1].is_ascii_lowercase()
        {
            dates_in(&text[from..i], from, &mut out);
            from = i;
        }
    }
    dates_in(&text[from..], from, &mut out);
    out
}

/// Whether `text` may hold a date [`find_dates`] finds: every form holds a
/// year that starts `19` or `20`, and without either pair there is none.
/// The scan costs far less than the capturing search: memchr finds the
/// candidates' first digits, many bytes a step.
pub(crate) fn may_hold_date(text: &str) -> bool {
    let b = text.as_bytes();
    let year_start = |i: usize| {
        matches!(
            (b[i], b.get(i + 1)),
            (b'1', Some(b'9')) | (b'2', Some(b'0'))
        )
    };
    memchr::memchr2_iter(b'1', b'2', b).any(year_start)
}

/// The groups [`dates_in`] reads, by their index in [`DATE`] and in
/// [`DATE_FIELDS`], looked up once (`Captures::name` hashes the name on
/// every call).
#[derive(Clone, Copy)]
enum G {
    Iso,
    Iy,
    Im,
    Id,
    Ymd,
    Yy,
    Ym,
    Yd,
    Num,
    Na,
    Nb,
    Sep,
    Ny,
    Mdy,
    Y1,
    M1,
    D1,
    Dmy,
    Y2,
    M2,
    D2,
    Ymname,
    Y3,
    M3,
    D3,
    Cy,
    Cm,
    Cd,
    Ih,
    Imin,
}

/// The names of [`G`]'s groups, in its order.
const G_NAMES: [&str; 30] = [
    "iso", "iy", "im", "id", "ymd", "yy", "ym", "yd", "num", "na", "nb", "sep", "ny", "mdy", "y1",
    "m1", "d1", "dmy", "y2", "m2", "d2", "ymname", "y3", "m3", "d3", "cy", "cm", "cd", "ih",
    "imin",
];

/// The index in `re` of each of [`G`]'s groups (`None` when it has none).
fn group_indices(re: &Regex) -> [Option<usize>; G_NAMES.len()] {
    let mut out = [None; G_NAMES.len()];
    for (i, name) in re.capture_names().enumerate() {
        if let Some(k) = name.and_then(|n| G_NAMES.iter().position(|g| *g == n)) {
            out[k] = Some(i);
        }
    }
    out
}

static DATE_GROUPS: LazyLock<[Option<usize>; G_NAMES.len()]> =
    LazyLock::new(|| group_indices(&DATE));
static FIELDS_GROUPS: LazyLock<[Option<usize>; G_NAMES.len()]> =
    LazyLock::new(|| group_indices(&DATE_FIELDS));

/// The dates of one piece of a line, `offset` bytes into it.
fn dates_in(text: &str, offset: usize, out: &mut Vec<DateHit>) {
    for found in DATE.find_iter(text) {
        // The fields from the light regex, which reads the date as the full
        // one does (checked; the full one reads it when they disagree).
        let (c, groups) = match DATE_FIELDS.captures_at(text, found.start()) {
            Some(c) if c.get(0).is_some_and(|m| m.range() == found.range()) => (c, &*FIELDS_GROUPS),
            _ => match DATE.captures_at(text, found.start()) {
                Some(c) => (c, &*DATE_GROUPS),
                None => continue,
            },
        };
        let get = |g: G| groups[g as usize].and_then(|i| c.get(i));
        let num = |g: G| get(g).and_then(|m| m.as_str().parse::<u32>().ok());
        let ymd = if get(G::Iso).is_some() {
            (num(G::Iy), num(G::Im), num(G::Id))
        } else if get(G::Ymd).is_some() {
            (num(G::Yy), num(G::Ym), num(G::Yd))
        } else if get(G::Num).is_some() {
            let (a, b) = (num(G::Na).unwrap_or(0), num(G::Nb).unwrap_or(0));
            // Dots are day-first everywhere; slashes are month-first (US) unless
            // the first number cannot be a month.
            let slash = get(G::Sep).is_some_and(|s| s.as_str() == "/");
            if slash && a <= 12 {
                (num(G::Ny), Some(a), Some(b))
            } else {
                (num(G::Ny), Some(b), Some(a))
            }
        } else if get(G::Mdy).is_some() {
            (
                num(G::Y1),
                get(G::M1).and_then(|m| month_number(m.as_str())),
                num(G::D1),
            )
        } else if get(G::Dmy).is_some() {
            (
                num(G::Y2),
                get(G::M2).and_then(|m| month_number(m.as_str())),
                num(G::D2),
            )
        } else if get(G::Ymname).is_some() {
            (
                num(G::Y3),
                get(G::M3).and_then(|m| month_number(m.as_str())),
                num(G::D3),
            )
        } else {
            (num(G::Cy), num(G::Cm), num(G::Cd))
        };
        let whole = c.get(0).expect("match");
        // A year glued to a time ("20228:23 PM") ends the date at the year.
        let end = get(G::Y1).or(get(G::Y2)).map_or(whole.end(), |y| y.end());
        if let (Some(y), Some(m), Some(d)) = ymd {
            if (1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d) {
                // `{y:04}-{m:02}-{d:02}`, digit by digit (the fields are in range).
                let mut iso = String::with_capacity(19);
                push_digits(&mut iso, y / 100);
                push_digits(&mut iso, y % 100);
                iso.push('-');
                push_digits(&mut iso, m);
                iso.push('-');
                push_digits(&mut iso, d);
                if let (Some(h), Some(min)) = (num(G::Ih), num(G::Imin)) {
                    if h < 24 && min < 60 {
                        iso.push('T');
                        push_digits(&mut iso, h);
                        iso.push(':');
                        push_digits(&mut iso, min);
                        iso.push_str(":00");
                    }
                }
                out.push(DateHit {
                    iso,
                    start: offset + whole.start(),
                    end: offset + end,
                });
            }
        }
    }
}

/// Push `n` (under 100) as two digits.
fn push_digits(s: &mut String, n: u32) {
    for digit in [n / 10 % 10, n % 10] {
        s.push(char::from_digit(digit, 10).unwrap_or('0'));
    }
}

/// A date that stands as a field of its own (a dateline, "Published …",
/// a trailing `, 25.02.2022`), rather than inside a sentence ("on March 3, 2020").
pub(crate) fn is_standalone(text: &str, hit: &DateHit) -> bool {
    let before = text[..hit.start].trim_end();
    let after = text[hit.end..].trim_start();
    // `strip_weekday` gives `before` back, or a shorter text to try again.
    fields(before, after) || {
        let stripped = strip_weekday(before);
        stripped.len() < before.len() && fields(stripped, after)
    }
}

/// The text before and after a date leave it a field of its own.
fn fields(before: &str, after: &str) -> bool {
    let words_around = before.split_whitespace().count() + after.split_whitespace().count();
    if words_around <= 5 {
        return true;
    }
    // Other dates on the line are fields too: "Health December 22,
    // 2022 Updated: January 2, 2026" is a line of dates and labels.
    if words_around <= 12 {
        let date_words: usize = [before, after]
            .iter()
            .flat_map(|t| {
                find_dates(t)
                    .into_iter()
                    .map(move |h| t[h.start..h.end].split_whitespace().count())
            })
            .sum();
        if words_around.saturating_sub(date_words) <= 5 {
            return true;
        }
    }
    let sep_before = before.is_empty()
        || before.ends_with([
            ',', '|', '-', '–', '—', '•', '·', ':', '/', '(', '»', '●', '∙', '⋅', '◦',
        ]);
    let sep_after = after.is_empty()
        || after.starts_with([
            ',', '|', '-', '–', '—', '•', '·', ')', '/', '●', '∙', '⋅', '◦',
        ]);
    (sep_before && (sep_after || after.len() < 20)) || (before.is_empty() && sep_after)
}

/// `before` without the weekday that ends it ("… » Tue", "Friday,").
fn strip_weekday(before: &str) -> &str {
    #[rustfmt::skip]
    const DAYS: [&str; 21] = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "lun", "mar", "mer", "jeu",
    ];
    let t = before.trim_end_matches([',', '.']);
    let word = t.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if !word.is_empty() && word.len() <= 9 && DAYS.iter().any(|d| d.eq_ignore_ascii_case(word)) {
        t[..t.len() - word.len()].trim_end()
    } else {
        before
    }
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

/// A line, or the short label line above it, that dates a reader's or
/// member's activity (see [`says_activity`]).
pub(crate) fn activity_line(text: &str, above: Option<&str>) -> bool {
    says_activity(text) || above.is_some_and(|t| t.chars().count() <= 30 && says_activity(t))
}

/// Lines that date a reader's or member's activity, not the page: "Last
/// post", "Joined", "Member since".
pub(crate) fn says_activity(text: &str) -> bool {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&super::ascii_bounds(
            r"(?i)\b(last (post|reply|comment|activity|visit|seen)|joined|member since|registered|founded)",
        ))
        .expect("valid")
    });
    RE.is_match(text)
}

/// The day number of an ISO date (`2024-03-05…`), days since 1970-01-01 in
/// the proleptic Gregorian calendar; `None` when it does not start with a
/// valid `YYYY-MM-DD`.
pub(crate) fn day_number(iso: &str) -> Option<i64> {
    let y: i64 = iso.get(..4)?.parse().ok()?;
    let m: i64 = iso.get(5..7)?.parse().ok()?;
    let d: i64 = iso.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || iso.get(4..5) != Some("-") {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Minutes since 1970-01-01 UTC of a declared date-time with an offset
/// (`2025-12-19T22:02:58.705Z`, `…T19:30:03-07:00`, `…T21:50-0500`);
/// `None` without a time or an offset.
pub(crate) fn utc_minutes(iso: &str) -> Option<i64> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\d{4}-\d\d-\d\d[T ](\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?\s*(Z|([+-])(\d\d):?(\d\d))$",
        )
        .expect("valid")
    });
    let c = RE.captures(iso.trim())?;
    let num = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<i64>().ok());
    let (h, m) = (num(1)?, num(2)?);
    if h > 23 || m > 59 {
        return None;
    }
    let offset = match c.get(4) {
        Some(sign) => {
            let o = num(5)? * 60 + num(6)?;
            if sign.as_str() == "-" {
                -o
            } else {
                o
            }
        }
        None => 0,
    };
    Some(day_number(iso)? * 1440 + h * 60 + m - offset)
}

/// Whether day `p` can be the local date, in some time zone (UTC−12 to
/// UTC+14), of the declared instant: always when it has no time or offset.
fn local_day_possible(p: i64, declared: &str) -> bool {
    let Some(u) = utc_minutes(declared) else {
        return true;
    };
    u + 14 * 60 >= p * 1440 && u - 12 * 60 < (p + 1) * 1440
}

/// A date printed on the page that the declared publication date does not
/// explain: not within a day of it (time zones), not the declared
/// modification date, not the declared date with day and month swapped
/// (`09.10.2024` written month first).
pub(crate) fn disagrees(printed: &str, declared: &str, modified: Option<&str>) -> bool {
    let (Some(p), Some(d)) = (day_number(printed), day_number(declared)) else {
        return false;
    };
    if (p - d).abs() <= 1 && local_day_possible(p, declared) {
        return false;
    }
    if let Some(m) = modified.and_then(day_number) {
        if m != d && p == m {
            return false;
        }
    }
    let swapped = match (printed.get(..5), printed.get(5..7), printed.get(8..10)) {
        (Some(y), Some(mo), Some(da)) => format!("{y}{da}-{mo}"),
        _ => String::new(),
    };
    day_number(&swapped) != Some(d)
}

/// The date in a URL's path (`/2025/12/18/slug`, `/2023/october/03/slug`):
/// set when the page was published and never moved by an update.
pub(crate) fn url_date(url: &str) -> Option<String> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"/((?:19|20)\d\d)/(\d{1,2}|\p{L}{3,12})/(\d{1,2})(?:[/?#]|$)").expect("valid")
    });
    let c = RE.captures(url)?;
    let y: u32 = c[1].parse().ok()?;
    let m = match c[2].parse::<u32>() {
        Ok(m) => m,
        Err(_) => month_number(&c[2])?,
    };
    let d: u32 = c[3].parse().ok()?;
    ((1990..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
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

    #[test]
    fn date_groups_all_found() {
        for (k, name) in G_NAMES.iter().enumerate() {
            assert!(DATE_GROUPS[k].is_some(), "{name} in DATE");
            assert!(FIELDS_GROUPS[k].is_some(), "{name} in DATE_FIELDS");
        }
    }

    fn first(s: &str) -> Option<String> {
        find_dates(s).into_iter().next().map(|h| h.iso)
    }

    #[test]
    fn fields_read_as_the_full_regex_reads_them() {
        let mut names: Vec<&str> = MONTHS.iter().flat_map(|m| m.split(' ')).collect();
        names.sort_unstable();
        names.dedup();
        for n in &names {
            assert!(
                Regex::new(&format!("^{MONTH_RUN}$"))
                    .expect("valid")
                    .is_match(n),
                "{n:?} is no run of letters"
            );
        }
        let mut lines: Vec<String> = Vec::new();
        for n in &names {
            let cap = n.to_uppercase();
            for t in [
                format!("{n} 3, 2020"),
                format!("{cap} 21st 2019 at 5:10"),
                format!("Jane {n} 3 2021"),
                format!("3 {n} 2020"),
                format!("3 de {n} de 2020"),
                format!("12th of {n}, 2018 x"),
                format!("2020 {n} 4"),
                format!("on {n}. 3, 2020 and 4 {n} 2021"),
                format!("{n}3, 2020; 2020 年 5 月 3 日"),
                format!("1er {n} 2022 12:30"),
                format!("x{n} 3, 2020"),
                format!("3 {n}x 2020, 2020-05-06 10:20"),
            ] {
                lines.push(t);
            }
        }
        lines.extend(
            [
                "2020 年 5 月 3 日",
                "5/6/2020 and 2020.05.06",
                "3 de de 2020",
                "12 Dec de 2020",
                "21 er mai 2020",
                "March. 3, 2020",
                "Sept.3, 2020",
                "3 mars. 2020",
            ]
            .map(String::from),
        );
        let names_of: Vec<&str> = DATE.capture_names().flatten().collect();
        for line in &lines {
            let full: Vec<Vec<Option<(usize, usize)>>> = DATE
                .captures_iter(line)
                .map(|c| {
                    names_of
                        .iter()
                        .map(|g| c.name(g).map(|m| (m.start(), m.end())))
                        .collect()
                })
                .collect();
            let light: Vec<Vec<Option<(usize, usize)>>> = DATE
                .find_iter(line)
                .map(|f| {
                    let c = DATE_FIELDS.captures_at(line, f.start()).expect("a date");
                    assert_eq!(c.get(0).map(|m| m.range()), Some(f.range()), "{line:?}");
                    names_of
                        .iter()
                        .map(|g| c.name(g).map(|m| (m.start(), m.end())))
                        .collect()
                })
                .collect();
            assert_eq!(full, light, "{line:?}");
        }
    }

    #[test]
    fn month_trie_picks_as_the_plain_alternation() {
        let mut names: Vec<&str> = MONTHS.iter().flat_map(|m| m.split(' ')).collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        names.dedup();
        let plain = names
            .iter()
            .map(|n| regex::escape(n))
            .collect::<Vec<_>>()
            .join("|");
        let plain = Regex::new(&format!("(?i)(?:{plain})")).expect("valid");
        let trie = Regex::new(&format!("(?i)(?:{})", MONTH_ALT.as_str())).expect("valid");
        for n in &names {
            for t in [
                n.to_string(),
                n.to_uppercase(),
                format!("{n}x"),
                format!("{n}. 3"),
                format!("x {n}"),
                n[..n.len() - n.chars().last().map_or(0, char::len_utf8)].to_string(),
            ] {
                assert_eq!(
                    plain.find(&t).map(|m| m.range()),
                    trie.find(&t).map(|m| m.range()),
                    "{t:?}"
                );
            }
        }
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
        assert_eq!(first("2023 Jan 7;15(1)").as_deref(), Some("2023-01-07"));
        let glued = "May 21, 2025April 24, 2025 by Jane";
        let isos: Vec<_> = find_dates(glued).into_iter().map(|h| h.iso).collect();
        assert_eq!(isos, ["2025-05-21", "2025-04-24"]);
        assert_eq!(
            first("2023-03-05T10:20:00Z").as_deref(),
            Some("2023-03-05T10:20:00")
        );
        // Fields glued together by the markup.
        let glued = "April 26, 2024Updated on: October 28, 2024";
        let hits = find_dates(glued);
        assert_eq!(hits.len(), 2);
        assert_eq!(&glued[hits[0].start..hits[0].end], "April 26, 2024");
        assert_eq!(
            first("Updated November 11, 20228:23 PM ET").as_deref(),
            Some("2022-11-11")
        );
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
        // A line of dates and labels; bullets and a weekday around a byline's date.
        let line = "Gardening MARCH 14, 2021Updated: APRIL 02, 2024";
        assert!(find_dates(line).iter().all(|h| is_standalone(line, h)));
        let line = "by Jane Roe ● March 4, 2025 ● 6 min read";
        assert!(is_standalone(line, &find_dates(line)[0]));
        let line = "by Some Member Name » Tue Aug 27, 2019 1:47 am";
        assert!(is_standalone(line, &find_dates(line)[0]));
        assert!(says_activity("last post by jdoe"));
        assert!(activity_line("Oct 05, 2011", Some("Founded:")));
    }

    #[test]
    fn day_numbers_and_disagreement() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("2024-03-01T00:00:00Z"), Some(19_783));
        assert_eq!(
            day_number("2024-03-01").zip(day_number("2024-02-28")),
            Some((19_783, 19_781))
        );
        for odd in [
            "",
            "2024",
            "2024-13-01",
            "2024-02-32",
            "99999999999",
            "2024-1-1",
            "-999-01-01",
            "é",
        ] {
            let _ = day_number(odd);
        }
        assert!(day_number("2024-02-30").is_some());
        // A day apart is a time zone; the declared modification date is the
        // page's update; swapped day and month is a month-first page.
        assert!(!disagrees("2025-12-03", "2025-12-02T23:00:55+00:00", None));
        assert!(!disagrees("2025-11-20", "2025-11-17", Some("2025-11-20")));
        assert!(!disagrees("2024-10-09", "2024-09-10T16:07:00Z", None));
        assert!(disagrees("2024-01-31", "2025-11-05", Some("2025-11-05")));
        assert!(!disagrees("junk", "2025-11-05", None));
        // No time zone puts 22:02 UTC on the day before.
        assert!(disagrees("2025-12-18", "2025-12-19T22:02:58.705Z", None));
        assert!(!disagrees("2025-12-18", "2025-12-19T02:41:41+00:00", None));
        assert!(!disagrees("2025-12-18", "2025-12-19", None));
        assert_eq!(
            utc_minutes("2024-01-14T21:50:50-0500"),
            utc_minutes("2024-01-15T02:50:50Z")
        );
        for odd in [
            "2024-01-14T99:99:99Z",
            "2024-01-14T10:00:00+99:99",
            "2024-02-30T10:00Z",
            "x",
        ] {
            let _ = utc_minutes(odd);
        }
    }

    #[test]
    fn dates_in_urls() {
        assert_eq!(
            url_date("https://example.org/2025/12/18/a-post/").as_deref(),
            Some("2025-12-18")
        );
        assert_eq!(
            url_date("https://example.org/blog/2023/october/03/slug").as_deref(),
            Some("2023-10-03")
        );
        assert_eq!(url_date("https://example.org/2023/10/slug"), None);
        assert_eq!(url_date("https://example.org/2023/13/40/x"), None);
        assert_eq!(url_date("https://example.org/2023/notamonth/03/x"), None);
        assert_eq!(url_date("/9999999999/99/99/"), None);
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
