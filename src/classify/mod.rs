//! Classifying units: each gets a class from its own evidence, then context
//! smoothing (after jusText) and the choice of the main run of content.

pub(crate) mod density;
pub(crate) mod dom;
pub(crate) mod headline;
pub(crate) mod language;
pub(crate) mod lexicon;

use crate::article::{BlockKind, Reason};
use crate::extract::Prefixes;
use crate::segment::{flag, Unit};
use density::{Density, Measure};
use language::Script;
use lexicon::Lexicon;
use regex::Regex;
use std::sync::LazyLock;

/// jusText's calibrated thresholds (Pomikálek 2011): blocks under 70
/// characters are "short", over 200 with a stopword density of 0.32 "good",
/// 0.30–0.32 or 70–200 characters "near-good". Our stoplists are the ~150
/// most frequent words, which cover prose about as well as jusText's longer
/// lists at these densities.
const LENGTH_LOW: usize = 70;
const LENGTH_HIGH: usize = 200;
const STOP_LOW: f32 = 0.30;
const STOP_HIGH: f32 = 0.32;
/// jusText lets a short heading be content when a good block starts within
/// this many characters after it.
const MAX_HEADING_DISTANCE: usize = 200;
/// Above this share of linked characters a block is navigation (jusText uses
/// 0.2 for "bad"; we only call it navigation past one half).
const MAX_LINK_DENSITY: f32 = 0.5;
/// Words a cross-reference sentence has at least.
const XREF_WORDS: usize = 6;
/// The share of a cross-reference sentence's characters its links may hold.
const XREF_LINK_DENSITY: f32 = 0.7;

/// jusText's four classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Good,
    NearGood,
    Short,
    Bad,
}

/// A unit's verdict: class, a hard reason (never overturned by context), and shape.
#[derive(Debug, Clone)]
pub(crate) struct Judged {
    pub class: Class,
    pub reason: Option<Reason>,
    pub headline: bool,
    pub d: Density,
    /// A short line holding a date and a clock time: a comment's header
    /// ("Jane on May 3, 2019 at 5:10 pm"), a forum post's, or a story's
    /// timestamp.
    pub stamp: bool,
    /// A header that ends an article: an author box ("About Jane Doe").
    pub edge: bool,
    /// An item of a numbered list (set in assembly, from its neighbours).
    pub item: bool,
    /// A footer's link word as an unlinked heading inside the main
    /// container ("FAQ", "Contact us"): a section that may be the article's
    /// or a contact box after it, so it costs the run less than a footer.
    pub section_end: bool,
    /// The class the unit's own text earns, without the DOM's word for it
    /// (HTML units inside the main container are good whatever they say).
    pub own: Class,
    /// A linked line inside the page's main container (HTML): an item's
    /// title or a cell of a card, or a link list inside the article.
    pub dom_link: bool,
    /// Outside the page's main container (HTML), with nothing else against it.
    pub outside: bool,
    /// A photo credit's word may stand in the unit ([`lexicon::Verdict`]).
    pub credit_word: bool,
    /// A table's row laid out by a converter (text; HTML units are never indented).
    pub row: bool,
}

/// What the classifier knows about the page.
pub(crate) struct PageContext<'a> {
    pub lexicon: &'a Lexicon,
    pub lang: Option<&'static str>,
    pub script: Option<Script>,
    /// The dates of the page's lines, found once.
    pub dates: &'a crate::extract::date::DateMemo,
}

/// Judge each unit on its own evidence. `scans` holds each unit's
/// [`language::scan`], `None` for ASCII units (see [`language::scan_units`]),
/// `words` its [`language::LineWords`], counted for the page's language
/// and English at least.
pub(crate) fn judge(
    units: &[Unit<'_>],
    scans: &[Option<language::Scan>],
    words: &[language::LineWords],
    ctx: &PageContext<'_>,
) -> Vec<Judged> {
    let measure = Measure::for_lang(ctx.lang);
    let mut js: Vec<Judged> = units
        .iter()
        .zip(scans)
        .zip(words)
        .enumerate()
        .map(|(i, ((u, scan), words))| {
            let d = measure.measure_scanned(&u.text, scan.as_ref(), words);
            let headline = headline::is_headline(&u.text, &d);
            // Code inside the main container: no phrase of the lexicon,
            // no pager, no stamp; only the markup speaks about it.
            let code = u.has(flag::IN_PRE) && u.has(flag::DOM_CONTENT);
            let (mut reason, credit_word) = if code {
                (dom::reason_of(u.flags), true)
            } else {
                hard_reason(u, u.flags, &d, ctx)
            };
            // Outside the main container and nothing else against it.
            let outside = reason == Some(Reason::Boilerplate)
                && u.has(flag::OUT_MAIN)
                && hard_reason(u, u.flags & !flag::OUT_MAIN, &d, ctx)
                    .0
                    .is_none();
            // A footer's link word as an unlinked heading inside the main
            // container ("FAQ", "Feedback", "Contact" over a section of a
            // guide) does not mark the article's end as surely as a footer.
            let section_end = reason == Some(Reason::Footer)
                && u.kind == BlockKind::Heading
                && u.link_chars == 0
                && u.has(flag::DOM_CONTENT);
            if section_end {
                reason = Some(Reason::Boilerplate);
            }
            // A table's cell inside the main container that trails off
            // ("If you want to…" over "then…") heads a column, not a
            // truncated teaser.
            if reason == Some(Reason::Related)
                && u.has(flag::IN_TABLE)
                && u.has(flag::DOM_CONTENT)
                && u.text.trim_end().ends_with(['.', '…'])
            {
                reason = None;
            }
            // A numbered caption ("Listing 4-1: …", "Figure 3. …") is
            // referred to from the text: a manual's or a paper's, not a
            // photo's.
            if reason == Some(Reason::Caption)
                && u.has(flag::DOM_CONTENT)
                && NUMBERED_CAPTION.is_match(&u.text)
            {
                reason = None;
            }
            let stamp = reason.is_none()
                && !code
                && d.chars <= 80
                && is_stamp(&u.text, || !ctx.dates.of(i, &u.text).is_empty());
            let edge =
                d.chars <= 60 && AUTHOR_BOX_OPENERS.starts(&u.text) && AUTHOR_BOX.is_match(&u.text);
            if stamp || edge {
                reason = Some(Reason::Metadata);
            }
            Judged {
                class: Class::Bad,
                reason,
                headline,
                d,
                stamp,
                edge,
                item: false,
                section_end,
                own: Class::Bad,
                outside: outside && !stamp && !edge,
                credit_word,
                row: u.indented && u.has(flag::IN_TABLE),
                dom_link: u.has(flag::DOM_CONTENT)
                    && u.link_chars > 0
                    && u.link_chars as f32 > MAX_LINK_DENSITY * d.chars as f32,
            }
        })
        .collect();
    let scale = density_scale(&js, measure.stop_bit != 0);
    for (u, j) in units.iter().zip(js.iter_mut()) {
        if j.reason.is_none() {
            j.class = text_class(u, u.flags, &j.d, measure.stop_bit != 0, scale);
            j.own = if u.has(flag::DOM_CONTENT) {
                text_class(
                    u,
                    u.flags & !flag::DOM_CONTENT,
                    &j.d,
                    measure.stop_bit != 0,
                    scale,
                )
            } else {
                j.class
            };
        }
    }
    js
}

/// A page with little prose: under this many characters in long lines that end a sentence.
const GRID_PROSE: usize = 1500;

/// A page of items (a shop's grid, a list of teasers) rather than an
/// article: little prose in long sentences.
pub(crate) fn is_grid(js: &[Judged]) -> bool {
    js.iter().map(prose_chars).sum::<usize>() < GRID_PROSE
}

/// A unit's characters if it is prose as [`is_grid`] counts it (no
/// verdict, long, ending a sentence), else 0.
fn prose_chars(j: &Judged) -> usize {
    if j.reason.is_none() && j.d.chars >= LENGTH_HIGH && j.d.terminal {
        j.d.chars
    } else {
        0
    }
}

/// English prose runs at a median stopword density of about 0.42 with our
/// list; shorter lists (or languages whose function words are affixes) run
/// lower. The page's own long lines tell us where its prose sits, so the
/// jusText thresholds are scaled by `median / 0.42`, within [0.35, 1].
fn density_scale(js: &[Judged], has_stoplist: bool) -> f32 {
    const PROSE_MEDIAN: f32 = 0.42;
    if !has_stoplist {
        return 1.0;
    }
    let mut long: Vec<f32> = js
        .iter()
        .filter(|j| j.reason.is_none() && j.d.chars >= 150 && j.d.terminal)
        .map(|j| j.d.density)
        .collect();
    if long.len() < 3 {
        return 1.0;
    }
    let mid = long.len() / 2;
    let (_, median, _) = long.select_nth_unstable_by(mid, f32::total_cmp);
    (*median / PROSE_MEDIAN).clamp(0.35, 1.0)
}

/// A verdict no context overturns, and whether a photo credit's word may
/// stand in the unit (see [`lexicon::Verdict`]).
fn hard_reason(
    u: &Unit<'_>,
    flags: u32,
    d: &Density,
    ctx: &PageContext<'_>,
) -> (Option<Reason>, bool) {
    let verdict = |reason| (reason, true);
    if d.letters == 0 {
        if !u.text.chars().any(char::is_numeric) {
            return verdict(Some(Reason::Boilerplate));
        }
        // Three or more numbers alone on a line are a pager ("1 2 3 … 8");
        // one number is a list's or a step's, and context decides.
        if d.chars <= 40
            && u.text
                .split_whitespace()
                .filter(|w| w.chars().all(char::is_numeric))
                .count()
                >= 3
        {
            return verdict(Some(Reason::Navigation));
        }
    }
    if flags & flag::HIDDEN != 0 {
        return verdict(Some(Reason::Hidden));
    }
    if let Some(r) = dom::reason_of(flags) {
        return verdict(Some(r));
    }
    let lexicon = ctx.lexicon.judge(&u.text, d.chars);
    (
        lexicon.reason.or_else(|| other_language(d, ctx)),
        lexicon.credit_word,
    )
}

/// A line in another script or language than the page's: a UI string.
fn other_language(d: &Density, ctx: &PageContext<'_>) -> Option<Reason> {
    // Another script than the article's: a UI string left over from a
    // language menu or a template (a Cyrillic label on an English page).
    if let (Some(page), Some(line)) = (ctx.script, d.script) {
        if page != line && d.letters >= 2 {
            return Some(Reason::ForeignUi);
        }
    }
    // Same script, other language: English UI on a non-English page. Needs
    // two English function words and none of the page's language.
    if ctx.lang.is_some_and(|l| l != "en")
        && d.chars < 150
        && d.en_stop >= 2
        && d.stop == 0
        && d.en_stop * 3 >= d.words
    {
        return Some(Reason::ForeignUi);
    }
    None
}

fn text_class(u: &Unit<'_>, flags: u32, d: &Density, has_stoplist: bool, scale: f32) -> Class {
    // A sentence inside the main container that names its links ("A full
    // intro to the Engine starts at Establishing Connectivity.") is a
    // manual's cross-reference, not a menu: a menu's entries end in no
    // full stop.
    let xref = flags & flag::DOM_CONTENT != 0
        && d.terminal
        && d.words >= XREF_WORDS
        && (u.link_chars as f32) < XREF_LINK_DENSITY * d.chars as f32;
    if u.link_chars > 0 && u.link_chars as f32 > MAX_LINK_DENSITY * d.chars as f32 && !xref {
        return Class::Bad;
    }
    // HTML: inside the page's main content container (see `segment::html`).
    if flags & flag::DOM_CONTENT != 0 {
        return Class::Good;
    }
    // Code (`pier.open({ port: 80 });`, `SELECT a FROM t WHERE (x > 1);`)
    // has no stopwords and no sentence end, but stands inside documentation
    // as prose does: let context decide, as for short lines.
    if d.chars < LENGTH_LOW || looks_like_code(&u.text) {
        return Class::Short;
    }
    // Without a stoplist, sentence punctuation and word count stand in for density.
    let density = if has_stoplist {
        d.density
    } else if d.terminal && d.words >= 10 {
        STOP_HIGH
    } else {
        0.0
    };
    if density >= STOP_HIGH * scale {
        if d.chars > LENGTH_HIGH {
            Class::Good
        } else {
            Class::NearGood
        }
    } else if density >= STOP_LOW * scale {
        Class::NearGood
    } else if d.terminal && d.words >= 10 && density >= STOP_LOW * scale / 2.0 {
        // Sentences thick with names and numbers (sports results, markets)
        // fall under jusText's density bar, but menus and link lists do not
        // end in a full stop after ten words: let context decide.
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// A line thick with the punctuation of code: brackets, braces, operators.
fn looks_like_code(text: &str) -> bool {
    // The symbols `{}()[];=<>$|\`` are four runs of consecutive bytes and
    // two single ones: tested by subtraction and comparison, without a table,
    // so the count runs many bytes a step. Counted in bytes, 255 bytes at most a
    // chunk.
    #[inline]
    fn symbol(b: u8) -> u8 {
        let run = |lo: u8, n: u8| b.wrapping_sub(lo) < n;
        u8::from(
            run(b'(', 2) | run(b';', 4) | run(b'[', 3) | run(b'{', 3) | (b == b'$') | (b == b'`'),
        )
    }
    let symbols: usize = text
        .as_bytes()
        .chunks(255)
        .map(|c| usize::from(c.iter().fold(0u8, |n, &b| n + symbol(b))))
        .sum();
    symbols >= 3 && symbols * 25 >= text.len()
}

/// jusText's context-sensitive pass: short and near-good units take their
/// class from the nearest good or bad neighbours. Linear: the units
/// between two good or bad ones are read twice, once to count their
/// near-good units and once to judge them.
pub(crate) fn smooth(js: &mut [Judged]) {
    let n = js.len();
    // Headings: a short headline followed closely by a good block is
    // near-good. (Walked from the end: the distance to the next good block
    // is known at each unit, and a short unit made near-good is no good one.)
    let mut dist = usize::MAX;
    for j in js.iter_mut().rev() {
        let good = j.class == Class::Good;
        if j.class == Class::Short && j.headline && dist <= MAX_HEADING_DISTANCE {
            j.class = Class::NearGood;
        }
        dist = if good {
            0
        } else {
            dist.saturating_add(j.d.chars)
        };
    }
    // Photos, their credits and ad slots sit inside articles: context looks
    // through them, as through short blocks, to the prose around them.
    // (Related boxes, metadata and share bars too gained recall but lost more
    // precision on AEB: they stand at an article's edges as often as inside.)
    // So it does through marks (a bare bullet, a bar, an empty paragraph's
    // invisible joiner): a laid-out converter prints an empty list item as
    // a lone "*", between a post's header and its text as much as in menus.
    // And through a laid-out table's rows of names and numbers (a shopping
    // list, a price list) that read as bad on their own: a table between
    // two paragraphs is the text's; a row of prose still speaks for itself.
    let classes: Vec<Class> = js
        .iter()
        .map(|j| {
            if matches!(
                j.reason,
                Some(Reason::Caption | Reason::PhotoCredit | Reason::Advertisement)
            ) || is_mark(j)
                || (j.row && matches!(j.class, Class::Short | Class::Bad))
            {
                Class::Short
            } else {
                j.class
            }
        })
        .collect();
    // Context is read gap by gap: the units between two good or bad ones
    // (or the page's edge, which counts as bad) share their nearest good
    // or bad neighbours, `p` before and `q` after. A short unit's nearest
    // other non-short neighbour on a side is near-good when the gap holds a
    // near-good unit on that side.
    let gb = |c: Class| matches!(c, Class::Good | Class::Bad);
    let mut lo = 0;
    while lo < n {
        let hi = (lo..n).find(|&k| gb(classes[k])).unwrap_or(n);
        if hi > lo {
            let p = if lo == 0 { Class::Bad } else { classes[lo - 1] };
            let q = classes.get(hi).copied().unwrap_or(Class::Bad);
            // A stretch of near-good paragraphs between two bad blocks is bad for
            // jusText; but three or more of them, 400 characters together, are prose
            // of short paragraphs (wire copy, tabloids) cut by a related box.
            let (mut near_count, mut near_chars) = (0usize, 0usize);
            let (mut first_near, mut last_near) = (NONE, NONE);
            for k in lo..hi {
                if classes[k] == Class::NearGood {
                    near_count += 1;
                    near_chars += js[k].d.chars;
                    first_near = first_near.min(k);
                    last_near = k;
                }
            }
            let stretch = near_count >= 3 && near_chars >= 400;
            for k in lo..hi {
                match classes[k] {
                    Class::Short if js[k].reason.is_none() => {
                        js[k].class = if p == Class::Good && q == Class::Good {
                            Class::Good
                        } else if p == Class::Bad && q == Class::Bad {
                            Class::Bad
                        } else if (p == Class::Bad && first_near < k)
                            || (q == Class::Bad && last_near != NONE && last_near > k)
                        {
                            Class::Good
                        } else {
                            Class::Bad
                        };
                    }
                    Class::NearGood => {
                        js[k].class = if p == Class::Bad && q == Class::Bad && !stretch {
                            Class::Bad
                        } else {
                            Class::Good
                        };
                    }
                    _ => {}
                }
            }
        }
        lo = hi + 1;
    }
}

/// No such unit: an index past any page's end.
const NONE: usize = usize::MAX;

/// What `AUTHOR_BOX` can start with.
static AUTHOR_BOX_OPENERS: Prefixes = Prefixes::new(&[
    "about",
    "über",
    "sobre",
    "à propos",
    "sull",
    "over",
    "o ",
    "об авторе",
    "关于作者",
]);

/// An author box's header: "About the author", "About Jane Doe",
/// "Über Max Muster", "Sobre Ana Lima", "Об авторе".
static AUTHOR_BOX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:about the authors?|about the writer|über den autor|über die autorin|à propos de l'auteur|sobre el autor|sobre o autor|sull'autore|over de auteur|o autorze|об авторе|关于作者)$|^(?:About|Über|Sobre|À propos de|Over|O) \p{Lu}\p{L}+(?: \p{Lu}[\p{L}'-]+){1,2}$",
    )
    .expect("valid")
});

/// A caption's label and number: "Listing 4-1:", "Figure 3.", "Fig. 2 —",
/// "Table 1:", "Abbildung 5:".
static NUMBERED_CAPTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?i:listing|figure|fig\.|table|exhibit|abbildung|abb\.|tabelle|figura|tabla|tableau|tabela|afbeelding|рис\.|рисунок|таблица|图|表)\s*\d+(?:[-.]\d+)*\s*[:.\-–—]\s",
    )
    .expect("valid")
});

/// A clock time (`5:23`, `17:05`) next to a date in the same short line.
/// `dated` says whether `text` holds a date as it stands.
fn is_stamp(text: &str, dated: impl FnOnce() -> bool) -> bool {
    let b = text.as_bytes();
    // Colons found by memchr, many bytes a step; their digits checked around them.
    let clock = memchr::memchr_iter(b':', b).any(|i| {
        i >= 1
            && i + 2 < b.len()
            && b[i - 1].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && b[i + 2].is_ascii_digit()
    });
    // (Putting spaces between letters makes no year: without one, neither
    // reading holds a date.)
    clock
        && crate::extract::date::may_hold_date(text)
        && (dated()
            || unglued(text).is_some_and(|t| !crate::extract::date::find_dates(&t).is_empty()))
}

/// `text` with a space put where a word in lower case runs into one in
/// capitals, when it does: converters of the laid-out kind print inline
/// elements side by side ("JaneMarch 3, 2015 at 4:10 PM").
fn unglued(text: &str) -> Option<String> {
    let b = text.as_bytes();
    let glued = |i: usize| b[i].is_ascii_lowercase() && b[i + 1].is_ascii_uppercase();
    if !(0..b.len().saturating_sub(1)).any(glued) {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 4);
    for (i, c) in text.char_indices() {
        out.push(c);
        if i + 1 < b.len() && glued(i) {
            out.push(' ');
        }
    }
    Some(out)
}

/// Reasons that mark the edge of the article: comment sections and footers.
/// Content rarely continues across them.
pub(crate) fn is_barrier(r: Option<Reason>) -> bool {
    matches!(r, Some(Reason::CommentPrompt | Reason::Footer))
}

/// Reasons for inserts that sit inside articles (a related box, a photo and
/// its credit, an ad slot, a share bar): they interrupt the article without
/// ending it, so they cost little.
fn is_insert(r: Option<Reason>) -> bool {
    matches!(
        r,
        Some(
            Reason::Related
                | Reason::Caption
                | Reason::PhotoCredit
                | Reason::Advertisement
                | Reason::ShareWidget
                | Reason::Newsletter
                | Reason::Metadata
        )
    )
}

/// The main run: the span with the largest sum of weights (good text counts
/// its characters, every bad unit costs). Kadane's algorithm, linear.
///
/// Weights come from the context-free classes (`before`), not the smoothed
/// ones: smoothing turns a list of short headlines between two good
/// paragraphs into "good", and the run must still see what they cost.
pub(crate) fn main_run(js: &[Judged], before: &[Class], sparse: bool) -> Option<(usize, usize)> {
    // A thread (forum, Q&A, comments page) prints a reply prompt under every
    // post: there the prompts separate the content rather than end it.
    // (One pass for the prompts and for `is_grid`'s prose.)
    let (mut prompts, mut prose) = (0usize, 0usize);
    for j in js {
        prompts += usize::from(j.reason == Some(Reason::CommentPrompt));
        prose += prose_chars(j);
    }
    let thread = prompts > 3;
    let grid = prose < GRID_PROSE;
    let mut best: Option<(f64, usize, usize)> = None;
    let mut sum = 0.0f64;
    let mut start = 0;
    for (i, j) in js.iter().enumerate() {
        let w = weight(j, before[i], thread, sparse, grid);
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += w;
        if w > 0.0 && (j.class == Class::Good || sparse) && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

/// A linked line in the main container shorter than this (an item's title,
/// a card's cell: "Brand Name", "Rating")...
const DOM_LINK_CHARS: usize = 40;
/// ...costs the run this little: a grid of cards alternates them with its
/// text, and at a menu's cost they would cut the grid into single cards.
const DOM_LINK_COST: f64 = 3.0;

/// A related line this short is a box's header, not a headline...
const RELATED_HEADER_WORDS: usize = 5;
const RELATED_HEADER_CHARS: usize = 40;
/// ...and costs the run this much (measured: AEB text 0.929 -> 0.931,
/// P .921 -> .925; inscriptis 0.925 -> 0.926; WCXB-dev within 0.003).
const RELATED_HEADER_COST: f64 = 200.0;

/// What a footer's word heading a section of the main container costs the
/// run (see [`Judged::section_end`]).
const SECTION_END_COST: f64 = 200.0;

/// A line of at most this many characters and no letter or digit is a mark.
const MARK_CHARS: usize = 2;

/// A bare bullet or bar ("*", "|"): an empty list item or a separator laid
/// out on its own line says nothing either way.
fn is_mark(j: &Judged) -> bool {
    j.d.letters == 0 && j.d.chars <= MARK_CHARS && j.reason == Some(Reason::Boilerplate)
}

#[inline]
fn weight(j: &Judged, before: Class, thread: bool, sparse: bool, grid: bool) -> f64 {
    let chars = j.d.chars as f64;
    // Most units have no verdict: only the arms on their classes below
    // apply to them (the others need a reason, or `section_end`).
    if j.reason.is_none() && !j.section_end {
        return match (before, j.class) {
            (Class::Short, _) if sparse && j.d.words >= 2 => chars * 0.3,
            (Class::Good, _) => chars,
            (Class::NearGood, Class::Good) => chars * 0.75,
            (Class::Short, Class::Good) => -5.0,
            (Class::Bad, _) if grid && j.dom_link && j.d.chars < DOM_LINK_CHARS => -DOM_LINK_COST,
            _ => -(20.0 + chars.min(200.0) / 2.0),
        };
    }
    match (before, j.class) {
        // On a page of short lines (a product, a listing), a line with words
        // and no verdict against it counts a little.
        (Class::Short, _) if sparse && j.reason.is_none() && j.d.words >= 2 => chars * 0.3,
        _ if thread && j.reason == Some(Reason::CommentPrompt) => -10.0,
        // A bare bullet or bar ("*", "|"): an empty list item or a
        // separator laid out on its own line says nothing either way.
        _ if is_mark(j) => 0.0,
        // A consent dialog's lines stand between its purposes' long
        // descriptions, which read as prose: they end a run as a footer does.
        _ if is_barrier(j.reason) || j.reason == Some(Reason::CookieNotice) => -600.0,
        _ if j.section_end => -SECTION_END_COST,
        // A related box's header ("You may also like", "More stories")
        // opens a box the article rarely resumes after: unlike a one-line
        // related insert, it costs like a long bad block.
        _ if j.reason == Some(Reason::Related)
            && j.d.words <= RELATED_HEADER_WORDS
            && j.d.chars <= RELATED_HEADER_CHARS =>
        {
            -RELATED_HEADER_COST
        }
        _ if is_insert(j.reason) => -10.0,
        (_, _) if j.reason.is_some() => -(20.0 + chars.min(200.0) / 2.0),
        (Class::Good, _) => chars,
        // Near-good text that context confirmed counts most of its length.
        (Class::NearGood, Class::Good) => chars * 0.75,
        // A short line that context made good (a subheading, a list item)
        // costs a little: a long run of them is a link list, not prose.
        (Class::Short, Class::Good) => -5.0,
        (Class::Bad, _) if grid && j.dom_link && j.d.chars < DOM_LINK_CHARS => -DOM_LINK_COST,
        // A bad unit costs a base plus half its length, capped: one long
        // boilerplate line weighs like a few short menu items.
        _ => -(20.0 + chars.min(200.0) / 2.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_symbols_are_the_listed_bytes() {
        let listed = b"{}()[];=<>$|\\`";
        for b in 0..=255u8 {
            let t: String = [b, b, b].iter().map(|&b| char::from(b)).collect();
            assert_eq!(looks_like_code(&t), listed.contains(&b), "{b}");
        }
        assert!(looks_like_code("pier.open({ port: 80 });"));
        assert!(!looks_like_code(
            "A sentence (with a bracket) and more words after it."
        ));
    }

    #[test]
    fn numbered_captions() {
        assert!(NUMBERED_CAPTION.is_match("Listing 4-1: A variable and its scope"));
        assert!(NUMBERED_CAPTION.is_match("Figure 3. The memory layout"));
        assert!(NUMBERED_CAPTION.is_match("Abbildung 12: Aufbau"));
        assert!(!NUMBERED_CAPTION.is_match("Figure skating at the Olympics"));
        assert!(!NUMBERED_CAPTION.is_match("Table 2"));
    }

    #[test]
    fn stamps_glued_to_a_name_are_stamps() {
        assert!(is_stamp("Jane March 3, 2015 at 4:10 PM", || {
            !crate::extract::date::find_dates("Jane March 3, 2015 at 4:10 PM").is_empty()
        }));
        assert!(is_stamp("JaneMarch 3, 2015 at 4:10 PM", || {
            !crate::extract::date::find_dates("JaneMarch 3, 2015 at 4:10 PM").is_empty()
        }));
        assert!(!is_stamp("JaneMarch at 4:10 PM", || {
            !crate::extract::date::find_dates("JaneMarch at 4:10 PM").is_empty()
        }));
        assert_eq!(unglued("ReplyDelete").as_deref(), Some("Reply Delete"));
        assert_eq!(unglued("plain text"), None);
    }
}
