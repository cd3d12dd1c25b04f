//! Classifying units: each gets a class from its own evidence, then context
//! smoothing (after jusText) and the choice of the main run of content.

pub(crate) mod density;
pub(crate) mod dom;
pub(crate) mod headline;
pub(crate) mod language;
pub(crate) mod lexicon;

use crate::article::Reason;
use crate::segment::{flag, Unit};
use density::{Density, Measure};
use language::Script;
use lexicon::Lexicon;

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
}

/// What the classifier knows about the page.
pub(crate) struct PageContext<'a> {
    pub lexicon: &'a Lexicon,
    pub lang: Option<&'static str>,
    pub script: Option<Script>,
}

/// Judge each unit on its own evidence.
pub(crate) fn judge(units: &[Unit<'_>], ctx: &PageContext<'_>) -> Vec<Judged> {
    let measure = Measure {
        stop: ctx.lang.and_then(language::stopwords),
        en: language::stopwords("en"),
        english_page: ctx.lang == Some("en"),
    };
    let mut buf = String::new();
    units
        .iter()
        .map(|u| {
            let d = measure.measure(&u.text, &mut buf);
            let headline = headline::is_headline(&u.text, &d);
            let reason = hard_reason(u, &d, ctx);
            let class = if reason.is_some() {
                Class::Bad
            } else {
                text_class(u, &d, measure.stop.is_some())
            };
            Judged {
                class,
                reason,
                headline,
                d,
            }
        })
        .collect()
}

fn hard_reason(u: &Unit<'_>, d: &Density, ctx: &PageContext<'_>) -> Option<Reason> {
    if d.letters == 0 && !u.text.chars().any(char::is_numeric) {
        return Some(Reason::Boilerplate);
    }
    if u.has(flag::HIDDEN) {
        return Some(Reason::Hidden);
    }
    if let Some(r) = dom::reason(u) {
        return Some(r);
    }
    if let Some(r) = ctx.lexicon.judge(&u.text, d.chars) {
        return Some(r);
    }
    // Another script than the article's: a UI string left over from a
    // language menu or a template ("Заголовок…" on an English page).
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

fn text_class(u: &Unit<'_>, d: &Density, has_stoplist: bool) -> Class {
    if u.link_chars > 0 && u.link_chars as f32 > MAX_LINK_DENSITY * d.chars as f32 {
        return Class::Bad;
    }
    // HTML: inside the page's main content container (see `segment::html`).
    if u.has(flag::DOM_CONTENT) {
        return Class::Good;
    }
    if d.chars < LENGTH_LOW {
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
    if density >= STOP_HIGH {
        if d.chars > LENGTH_HIGH {
            Class::Good
        } else {
            Class::NearGood
        }
    } else if density >= STOP_LOW {
        Class::NearGood
    } else {
        Class::Bad
    }
}

/// jusText's context-sensitive pass: short and near-good units take their
/// class from the nearest good or bad neighbours. Linear: neighbours are
/// found by precomputed nearest-index tables, not by scanning.
pub(crate) fn smooth(js: &mut [Judged]) {
    let n = js.len();
    // Headings: a short headline followed closely by a good block is near-good.
    let mut next_good_dist = vec![usize::MAX; n];
    let mut dist = usize::MAX;
    for i in (0..n).rev() {
        next_good_dist[i] = dist;
        if js[i].class == Class::Good {
            dist = 0;
        } else {
            dist = dist.saturating_add(js[i].d.chars);
        }
    }
    for i in 0..n {
        if js[i].class == Class::Short
            && js[i].headline
            && next_good_dist[i] <= MAX_HEADING_DISTANCE
        {
            js[i].class = Class::NearGood;
        }
    }
    let classes: Vec<Class> = js.iter().map(|j| j.class).collect();
    // Nearest good/bad (skipping short and near-good), and nearest non-short.
    let gb = |c: Class| matches!(c, Class::Good | Class::Bad);
    let ns = |c: Class| c != Class::Short;
    let prev_gb = nearest(&classes, gb, false);
    let next_gb = nearest(&classes, gb, true);
    let prev_ns = nearest(&classes, ns, false);
    let next_ns = nearest(&classes, ns, true);
    let at = |o: Option<usize>| o.map_or(Class::Bad, |k| classes[k]);
    for i in 0..n {
        if classes[i] != Class::Short || js[i].reason.is_some() {
            continue;
        }
        let (p, q) = (at(prev_gb[i]), at(next_gb[i]));
        js[i].class = if p == Class::Good && q == Class::Good {
            Class::Good
        } else if p == Class::Bad && q == Class::Bad {
            Class::Bad
        } else if (p == Class::Bad && at(prev_ns[i]) == Class::NearGood)
            || (q == Class::Bad && at(next_ns[i]) == Class::NearGood)
        {
            Class::Good
        } else {
            Class::Bad
        };
    }
    for i in 0..n {
        if classes[i] != Class::NearGood {
            continue;
        }
        let (p, q) = (at(prev_gb[i]), at(next_gb[i]));
        js[i].class = if p == Class::Bad && q == Class::Bad {
            Class::Bad
        } else {
            Class::Good
        };
    }
}

/// For each index, the nearest other index (before, or after when `forward`)
/// whose class satisfies `pred`.
fn nearest(classes: &[Class], pred: impl Fn(Class) -> bool, forward: bool) -> Vec<Option<usize>> {
    let n = classes.len();
    let mut out = vec![None; n];
    let mut last = None;
    let order: Box<dyn Iterator<Item = usize>> = if forward {
        Box::new((0..n).rev())
    } else {
        Box::new(0..n)
    };
    for i in order {
        out[i] = last;
        if pred(classes[i]) {
            last = Some(i);
        }
    }
    out
}

/// Reasons that mark the edge of the article: comment sections, related
/// boxes, footers. Content rarely continues across them.
fn is_barrier(r: Option<Reason>) -> bool {
    matches!(
        r,
        Some(Reason::CommentPrompt | Reason::Related | Reason::Footer)
    )
}

/// The main run: the span with the largest sum of weights (good text counts
/// its characters, every bad unit costs). Kadane's algorithm, linear.
pub(crate) fn main_run(js: &[Judged]) -> Option<(usize, usize)> {
    let mut best: Option<(f64, usize, usize)> = None;
    let mut sum = 0.0f64;
    let mut start = 0;
    for (i, j) in js.iter().enumerate() {
        let w = weight(j);
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += w;
        if w > 0.0 && best.is_none_or(|(b, _, _)| sum > b) {
            best = Some((sum, start, i));
        }
    }
    best.map(|(_, s, e)| (s, e))
}

fn weight(j: &Judged) -> f64 {
    match j.class {
        Class::Good => j.d.chars as f64,
        Class::NearGood => j.d.chars as f64 / 2.0,
        Class::Short | Class::Bad if is_barrier(j.reason) => -600.0,
        // A bad unit costs a base plus half its length, capped: one long
        // boilerplate line weighs like a few short menu items.
        Class::Short | Class::Bad => -(20.0 + j.d.chars.min(200) as f64 / 2.0),
    }
}
