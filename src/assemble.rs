//! Labelled units → [`Article`]: pick the main run, split off the dateline,
//! fill title, date, authors, figures and related links, and account for
//! every dropped unit.

use crate::article::{Article, Block, BlockKind, Figure, Reason, Related, Removed};
use crate::classify::density::Measure;
use crate::classify::language::{self, script_of, LineWords, Scan, Script};
use crate::classify::lexicon::Lexicon;
use crate::classify::{self, Class, Judged, PageContext};
use crate::error::Error;
use crate::extract::{byline, date, dateline, figure, title, Prefixes};
use crate::hash::{FastMap, FastSet, FastState};
use crate::segment::meta::PageMeta;
use crate::segment::text::laid_out;
use crate::segment::{flag, Unit};
use regex::Regex;
use std::cell::OnceCell;
use std::sync::LazyLock;

/// How many bytes of the page's longest lines whatlang sees: enough for a
/// stable verdict on prose, small enough to keep whatlang (~30 MB/s) cheap.
const LANG_SAMPLE_BYTES: usize = 4096;
/// How far above the main run we look for the headline (measured on WCXB-dev
/// inscriptis dumps: 8 finds 28 %, 15 finds 32 %, 25 and more 33 %).
const TITLE_WINDOW: usize = 25;
/// How far into the main run metadata (bylines, dates) may still stand.
const META_INTO_RUN: usize = 4;
/// A "By …" line may stand this much further into the run than other
/// metadata: below a lead, a figure or a table of contents (WCXB-dev text
/// dumps: 14 pages gain the truth's author, 4 get another name).
const BYLINE_INTO_RUN_EXTRA: usize = 30;
/// How far above the run a name line next to a date is looked for.
const NAME_ABOVE_RUN: usize = 15;
/// How far above the headline a dump's date is looked for first.
const DATE_ABOVE_TITLE: usize = 8;
/// Below this many characters of good prose a page is "sparse" (see assemble).
const SPARSE_PROSE: usize = 400;
/// A run holding less than this share (percent) of the page's prose, and shorter than
/// an article (`SCATTERED_RUN_CHARS`), is one item among many: the page is a
/// listing, a thread or a shop's grid, not an article (see `scattered`).
const SCATTERED_RUN_SHARE: usize = 50;
const SCATTERED_RUN_CHARS: usize = 2500;
/// On a sparse page, a run under this share (percent) of the page's text is
/// one box among many.
const SPARSE_RUN_SHARE: usize = 25;
/// A dump's title of fewer words than this does not anchor the run.
const ANCHOR_WORDS: usize = 3;
/// How many good lines into the run a dateline is looked for.
const DATELINE_WITHIN: usize = 60;
/// Related boxes list at most this many headlines after their header.
const MAX_RELATED_ITEMS: usize = 15;
/// Post headers (metadata lines) in the run that make the container a thread.
const THREAD_HEADERS: usize = 5;

pub(crate) struct Options {
    pub explain: bool,
    pub is_html: bool,
}

/// Run the shared pipeline on segmented units.
pub(crate) fn assemble(
    units: &[Unit<'_>],
    meta: &PageMeta,
    lexicon: &Lexicon,
    opts: &Options,
) -> Result<Article, Error> {
    if units.is_empty() {
        return Err(Error::NoArticle);
    }
    let scans = language::scan_units(units);
    let (sample, sampled, script) = language_sample(units, &scans);
    // Each line's words are counted once, for the language vote and for
    // density: the sample's lines with their stopwords of every language,
    // the others (most of a long page) once the language is known, with
    // its stopwords and English's only. Lines in a script written without
    // spaces (Chinese, Japanese, Thai) are measured by their characters:
    // their words are not counted, and the vote reads the few it needs.
    let spaced = |i: usize| {
        scans[i]
            .as_ref()
            .is_none_or(|s| !s.script.is_some_and(language::is_unspaced))
    };
    let mut words: Vec<Option<LineWords>> = vec![None; units.len()];
    // The vote reads the sample's first `VOTE_PIECES` pieces only (see
    // `vote_lines`): the lines past them are counted with two languages'
    // stopwords below, as density reads no others. A line without its
    // words counted is not subtracted, so at least every line the vote
    // reaches has its words.
    let mut left = language::VOTE_PIECES;
    for &i in &sampled {
        if left == 0 {
            break;
        }
        if spaced(i) {
            let lw = words[i].get_or_insert_with(|| LineWords::of(&units[i].text));
            left = left.saturating_sub(lw.pieces);
        }
    }
    let lang = language::detect_voted(&sample, || {
        language::vote_lines(
            sampled
                .iter()
                .map(|&i| (units[i].text.as_ref(), words[i].as_ref())),
        )
    })
    .or(meta.language);
    let measure = Measure::for_lang(lang);
    let words: Vec<LineWords> = words
        .into_iter()
        .enumerate()
        .map(|(i, w)| {
            w.unwrap_or_else(|| {
                if spaced(i) {
                    LineWords::of_two(&units[i].text, measure.stop_bit, measure.en_bit)
                } else {
                    LineWords::default()
                }
            })
        })
        .collect();
    let dates = date::DateMemo::new(units.len());
    let ctx = PageContext {
        lexicon,
        lang,
        script,
        dates: &dates,
    };
    let mut js = classify::judge(units, &scans, &words, &ctx);

    let mut art = Article {
        language: lang.map(str::to_string),
        ..Article::default()
    };
    art.site_name = meta.site_name.clone();

    // Title line of a text dump: `<title>` comes first in flat converters
    // (`html_text`, WET records); laid-out ones (`inscriptis`, `lynx -dump`)
    // start with the page's first visible text, its site name as often as not.
    // Laid-out dumps (`inscriptis`) indent nested blocks; HTML units never are.
    let laid_out = laid_out(units);
    let first_title = if opts.is_html || laid_out {
        None
    } else {
        first_line_title(units, &js)
    };
    if art.site_name.is_none() {
        art.site_name = first_title.and_then(|(_, site)| site.map(str::to_string));
    }
    if art.site_name.is_none() && !opts.is_html {
        art.site_name = repeated_tail(units);
    }
    mark_cards(
        units,
        &mut js,
        art.site_name.as_deref(),
        &mut art.figures,
        &mut art.related,
    );
    mark_credits(units, &mut js, &mut art.figures);
    mark_related_boxes(units, &mut js, &mut art.related);
    // Equal texts' units share a number: duplicates, thread footers and the
    // blocks already kept are told by it, each text hashed once.
    let text_ids = TextIds::new(units);
    mark_duplicates(units, &text_ids, &mut js);
    mark_numbered_lists(units, &mut js);

    // A page of short paragraphs has no "good" block for context to lean on:
    // its near-good blocks are the best it has.
    if !js.iter().any(|j| j.class == Class::Good) {
        for j in js.iter_mut().filter(|j| j.class == Class::NearGood) {
            j.class = Class::Good;
        }
    }
    let before: Vec<Class> = js.iter().map(|j| j.class).collect();
    classify::smooth(&mut js);
    // A page with little prose (a product page, a listing, a shop's
    // category) is made of short lines: inside its run, keep every line
    // nothing spoke against.
    let prose: usize = (0..units.len())
        .filter(|&i| matches!(before[i], Class::Good | Class::NearGood))
        .map(|i| js[i].d.chars)
        .sum();
    let sparse = prose < SPARSE_PROSE;
    let (start, end) = match classify::main_run(&js, &before, sparse) {
        Some(run) => run,
        // Context dropped everything (one short page, one paragraph): keep the
        // longest unit that was content on its own evidence.
        None => {
            let i = (0..js.len())
                .filter(|&i| {
                    js[i].reason.is_none() && matches!(before[i], Class::Good | Class::NearGood)
                })
                .max_by_key(|&i| js[i].d.chars)
                .ok_or(Error::NoArticle)?;
            js[i].class = Class::Good;
            (i, i)
        }
    };

    // HTML: the main container the DOM vouches for is content from its
    // first to its last line of prose, though link rows and boxes inside it
    // split it into several runs.
    let (start, end) = if opts.is_html {
        let prose = |i: &usize, near: bool| {
            units[*i].has(flag::DOM_CONTENT)
                && js[*i].reason.is_none()
                && (js[*i].own == Class::Good || near && js[*i].own == Class::NearGood)
        };
        let span = |near: bool| match (
            (0..units.len()).find(|i| prose(i, near)),
            (0..units.len()).rev().find(|i| prose(i, near)),
        ) {
            (Some(a), Some(b)) => (start.min(a), end.max(b)),
            _ => (start, end),
        };
        let (a, b) = span(false);
        // A thread's posts are short: its replies are near-good lines
        // between the posts' headers (a name, a date, a member's details),
        // which cost the run as inserts would. Where the run holds several
        // such headers, the container's near-good lines are its posts.
        let headers = (a..=b)
            .filter(|&i| js[i].reason == Some(Reason::Metadata))
            .take(THREAD_HEADERS)
            .count();
        if headers >= THREAD_HEADERS {
            span(true)
        } else {
            (a, b)
        }
    } else {
        (start, end)
    };
    // A text dump's `<title>` echoed further down is the article's headline:
    // the article starts after it, whatever the best run before it was
    // (teaser lists above a story, a page's sidebar).
    // A title of one or two words is a brand's or a section's ("Acme",
    // "Gadgets"): any box may echo it, and its echo is no headline.
    let anchored = first_title
        .filter(|(head, _)| head.split_whitespace().count() >= ANCHOR_WORDS)
        .and_then(|(head, _)| {
            let head = title::Folded::new(head);
            (1..units.len()).find(|&i| head.matches(&units[i].text))
        })
        .filter(|&h| h >= start)
        .and_then(|h| {
            let (s, e) = classify::main_run(&js[h + 1..], &before[h + 1..], sparse)?;
            Some((h + 1, s + h + 1, e + h + 1))
        });
    let (from, start, end) = anchored.unwrap_or((0, start, end));
    // (A laid-out dump is a text dump without a title line: never anchored.)
    let (start, end) = if laid_out {
        nested_run(units, &js, &before, start, end)
    } else {
        (start, end)
    };
    // A news dateline ("SPRINGFIELD, Ill. (AP) — …") opens the story: good
    // prose above it in the run is teasers.
    let story = (start..=end)
        .filter(|&i| js[i].class == Class::Good && js[i].reason.is_none())
        .take(DATELINE_WITHIN)
        .find(|&i| dateline::opens_story(&units[i].text));
    // What the run held above a dateline among its first paragraphs, when
    // short, is a photo's caption (as `dateline::split` finds below).
    if let Some(k) = story {
        let above: Vec<usize> = (start..k)
            .filter(|&i| js[i].class == Class::Good && js[i].reason.is_none())
            .collect();
        if above.len() < 3 && above.iter().all(|&i| js[i].d.chars < 300) {
            // A headline there is the title's, for the title search below.
            for i in above {
                if !js[i].headline {
                    js[i].reason = Some(Reason::Caption);
                }
            }
        }
    }
    let start = story.unwrap_or(start);
    // A date and a time inside the container the DOM vouches for are the
    // text's (a log line in a manual), not a comment's header.
    let stamps: Vec<bool> = units
        .iter()
        .zip(&js)
        .map(|(u, j)| j.stamp && !u.has(flag::DOM_CONTENT))
        .collect();
    let end = trim_tail(units, &js, &stamps, start, end);

    // Title: what the page declares, else the on-page headline.
    let title_at = if opts.is_html || meta.title.is_some() {
        find_title(units, &js, start, meta, first_title.map(|(h, _)| h))
    } else {
        find_title_text(
            units,
            &js,
            (start, end),
            first_title.map(|(h, _)| h),
            laid_out,
        )
        .map(|(i, t)| (i, (i == 0 && first_title.is_some()).then_some(t)))
    };
    // A line of the page can carry the `<title>`'s tagline or site after a
    // spaced pipe, as a declared title can.
    art.title = meta.title.clone().or_else(|| match title_at {
        Some((_, Some(head))) => Some(head.to_string()),
        // (A documentation heading's permalink sign, "Quick Start¶", is
        // no part of its words.)
        Some((i, _)) => Some(
            title::pipe_head(units[i].text.trim_end().trim_end_matches('¶'))
                .trim_end()
                .to_string(),
        ),
        None => None,
    });
    // Invisible format characters (soft hyphens, zero-width spaces and
    // joiners) are layout hints, not part of the title's words.
    if let Some(t) = art.title.as_mut() {
        if t.contains(INVISIBLE) {
            t.retain(|c| !INVISIBLE.contains(&c));
        }
    }
    if let Some((i, _)) = title_at {
        js[i].reason = Some(Reason::Title);
    }
    // The dump's `<title>` line is the title's, whichever line the headline came from.
    if first_title.is_some() {
        js[0].reason = Some(Reason::Title);
    }
    // The title as the page spells it too, when that is mojibake read back
    // ([`crate::mojibake`]): a line may still spell it that way.
    for t in [art.title.as_ref(), meta.title_spelled.as_ref()]
        .into_iter()
        .flatten()
    {
        let t = title::Folded::new(t);
        for i in 0..units.len().min(end + 1) {
            if t.matches(&units[i].text) {
                js[i].reason = Some(Reason::Title);
            }
        }
    }

    // Bylines and dates near the top.
    let top = (end + 1).min(start + META_INTO_RUN).min(units.len());
    art.authors = meta.authors.clone();
    // A byline anywhere is metadata (comment authors, teaser cards); only one
    // near the top names the article's authors.
    for i in 0..units.len() {
        if js[i].d.chars > 120 || js[i].reason.is_some_and(|r| r != Reason::Metadata) {
            continue;
        }
        if let Some(names) = byline::authors(&units[i].text) {
            js[i].reason = Some(Reason::Metadata);
            if art.authors.is_empty() && i < top + BYLINE_INTO_RUN_EXTRA {
                art.authors = crate::segment::meta::clean_names(names);
            }
        }
    }
    if art.authors.is_empty() {
        art.authors = meta.late_authors.clone();
    }
    // A dump's byline split over two lines: a label ("Written by", "Author")
    // and the name on the next line.
    if art.authors.is_empty() && !opts.is_html {
        for i in 0..top.min(units.len().saturating_sub(1)) {
            if !BYLINE_LABEL.is_match(&units[i].text) {
                continue;
            }
            let name = units[i + 1].text.trim();
            if js[i + 1].reason.is_none_or(|r| r == Reason::Duplicate)
                && byline::looks_like_name(name)
            {
                art.authors = crate::segment::meta::clean_names(vec![name.to_string()]);
                js[i].reason = Some(Reason::Metadata);
                js[i + 1].reason = Some(Reason::Metadata);
                break;
            }
        }
    }
    // A name standing on its own line next to a short date line, between
    // the headline and the article ("Jane Doe" / "Dec 12, 2025").
    if art.authors.is_empty() && !opts.is_html {
        let lo = match title_at {
            Some((i, _)) if i > 0 => i + 1,
            _ => start.saturating_sub(NAME_ABOVE_RUN),
        };
        let dated = |k: usize| {
            units[k].text.chars().count() <= 60 && !dates.of(k, &units[k].text).is_empty()
        };
        for i in lo..top.min(units.len()) {
            let name = units[i].text.as_ref();
            if js[i].reason.is_none_or(|r| r == Reason::Duplicate)
                && name.chars().count() <= 40
                && !name.bytes().any(|b| b.is_ascii_digit())
                && js[i].d.stop == 0
                && strict_name(name)
                && !shares_word(name, art.title.as_deref().unwrap_or(""))
                && ((i > 0 && dated(i - 1)) || (i + 1 < units.len() && dated(i + 1)))
            {
                art.authors = crate::segment::meta::clean_names(vec![name.to_string()]);
                js[i].reason = Some(Reason::Metadata);
                break;
            }
        }
    }
    art.published = meta
        .published
        .clone()
        .or_else(|| {
            // In a dump, the date stands near the headline: look there first.
            let from = match title_at {
                Some((i, _)) if i > 0 && !opts.is_html => i.saturating_sub(DATE_ABOVE_TITLE),
                _ => 0,
            };
            find_published(units, &mut js, &dates, from, top)
        })
        .or_else(|| meta.byline_date.clone())
        .or_else(|| meta.modified.clone());

    // Blocks.
    let in_run = |i: usize| (start..=end).contains(&i) && (js[i].class == Class::Good || sparse);
    // Below the headline only: what stands above it is not the article's.
    // Without a `<title>` echo to start from, a thread's signs must also
    // stand below the headline found on the page: a menu's or a shop
    // grid's repeated buttons above it are no posts' footers.
    let thread = !opts.is_html
        && is_thread(units, &js, &text_ids, from)
        && match title_at {
            Some((i, _)) if i > 0 && i <= start && laid_out => is_thread(units, &js, &text_ids, i),
            _ => true,
        };
    // A story is one run, however much teaser prose stands around it.
    let scattered = story.is_none()
        && scattered(
            &js[from..],
            &before[from..],
            (start - from, end - from),
            sparse,
            thread,
            |i| in_run(i + from),
        );
    let run_keep = |i: usize| js[i].reason.is_none() && in_run(i);
    let tier = if opts.is_html {
        grid_tier(&js, meta, &art, &run_keep)
    } else {
        Tier::Run
    };
    // A scattered dump keeps every line nothing spoke against, menus too:
    // a long stretch of one-to-three-word lines is a menu, not an item.
    let mut menu = if scattered && !opts.is_html {
        menu_stretches(&js)
    } else {
        Vec::new()
    };
    // What stands above the headline is the site's header, not an item.
    if !menu.is_empty() && from > 0 {
        menu[..from].iter_mut().for_each(|m| *m = true);
    }
    // HTML: a "See also" section inside the main container (a manual's or
    // a reference's cross-references under their own heading or a note's
    // title) is the text's: its heading and the container's units after
    // it, up to the next heading as high (any heading, after a note's
    // title).
    let mut see_also = vec![false; units.len()];
    if opts.is_html {
        let mut level = None;
        for i in start..units.len() {
            let u = &units[i];
            let heading = u.kind == BlockKind::Heading;
            if heading && level.is_some_and(|l| u.level <= l) {
                level = None;
            }
            // Under a heading, or as a note's title (`<p
            // class="admonition-title">See also</p>`) up to the next heading.
            if u.link_chars == 0 && u.has(flag::DOM_CONTENT) && SEE_ALSO.is_match(&u.text) {
                level = Some(if heading { u.level } else { u8::MAX });
                see_also[i] = true;
                continue;
            }
            see_also[i] = level.is_some() && u.has(flag::DOM_CONTENT);
        }
    }
    // Which texts are kept already, by their number.
    let mut seen = vec![false; text_ids.count];
    // Each block's line as it stood: a block dropped below is reported in
    // `removed` as its input line, not as its normalised text.
    let mut raw_of: Vec<&str> = Vec::new();
    for i in 0..units.len() {
        let u = &units[i];
        let j = &js[i];
        // A list of links inside the container the DOM vouches for is the
        // text's (a manual's list of commands, a service's list of offers).
        let linked_item = opts.is_html
            && u.has(flag::DOM_CONTENT)
            && u.has(flag::IN_LIST | flag::IN_TABLE)
            && (start..=end).contains(&i);
        if see_also[i] && js[i].reason.is_none_or(|r| r == Reason::Related) {
            let kind = block_kind(u, j, opts.is_html);
            if !std::mem::replace(&mut seen[text_ids.of[i]], true) {
                art.blocks.push(Block::new(kind, u.text.clone()));
                raw_of.push(&u.raw);
                continue;
            }
        }
        let keep = match tier {
            Tier::Page => on_page(j),
            Tier::Container => j.reason.is_none(),
            Tier::Run => {
                j.reason.is_none()
                    && (in_run(i)
                        || linked_item
                        || scattered && !menu.get(i).copied().unwrap_or(false))
            }
        };
        // A table's cells repeat ("Yes", "Optional", "String") and each
        // counts, and so do code lines shared by examples (`import os`,
        // `}`, a highlighter's line numbers): only other units are kept once.
        let cell = opts.is_html && u.has(flag::IN_TABLE | flag::IN_PRE);
        if keep && (cell || !std::mem::replace(&mut seen[text_ids.of[i]], true)) {
            let kind = block_kind(u, j, opts.is_html);
            art.blocks.push(Block::new(kind, u.text.clone()));
            raw_of.push(&u.raw);
            continue;
        }
        if opts.explain {
            let reason = j.reason.unwrap_or(if keep {
                Reason::Duplicate
            } else {
                Reason::Boilerplate
            });
            art.removed.push(Removed {
                text: u.raw.to_string(),
                reason,
            });
        }
    }
    // A heading with nothing after it heads something we dropped.
    while art
        .blocks
        .last()
        .is_some_and(|b| b.kind == BlockKind::Heading)
    {
        art.blocks.pop();
        let raw = raw_of.pop().unwrap_or_default();
        if opts.explain {
            art.removed.push(Removed {
                text: raw.to_string(),
                reason: Reason::Boilerplate,
            });
        }
    }
    // A dateline opens the story: look in the first few paragraphs, and drop
    // what stands before it when it is short (a caption or a teaser kept by
    // context).
    let found = (0..art.blocks.len())
        .filter(|&k| art.blocks[k].kind == BlockKind::Paragraph)
        .take(3)
        .find_map(|k| dateline::split(&art.blocks[k].text).map(|(dl, rest)| (k, dl, rest.len())));
    if let Some((k, dl, rest_len)) = found {
        if art.blocks[..k]
            .iter()
            .all(|b| b.kind == BlockKind::Paragraph && b.text.chars().count() < 300)
        {
            art.blocks.drain(..k);
            for raw in raw_of.drain(..k) {
                if opts.explain {
                    art.removed.push(Removed {
                        text: raw.to_string(),
                        reason: Reason::Caption,
                    });
                }
            }
            let first = &mut art.blocks[0];
            first.text = first.text[first.text.len() - rest_len..].to_string();
            art.dateline = Some(dl);
        }
    }
    // No blocks: the caller decides between `NoArticle` and the metadata alone.
    art.body = art
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");
    Ok(art)
}

/// The page's declared metadata alone, for a page on which assembly found
/// nothing to build on; with `explain`, every unit is in `removed`.
pub(crate) fn declared_only(units: &[Unit<'_>], meta: &PageMeta, explain: bool) -> Article {
    let mut authors = meta.authors.clone();
    if authors.is_empty() {
        authors = meta.late_authors.clone();
    }
    Article {
        title: meta.title.clone(),
        published: meta
            .published
            .clone()
            .or_else(|| meta.byline_date.clone())
            .or_else(|| meta.modified.clone()),
        authors,
        site_name: meta.site_name.clone(),
        language: meta.language.map(str::to_string),
        removed: if explain {
            units
                .iter()
                .map(|u| Removed {
                    text: u.raw.to_string(),
                    reason: Reason::Boilerplate,
                })
                .collect()
        } else {
            Vec::new()
        },
        ..Article::default()
    }
}

/// A text dump on which assembly found nothing to build on (often the
/// `<title>` line alone, a page whose body did not convert): its title, the
/// first line's head before a site separator, or the line itself when it is
/// the dump's only line. Laid-out dumps have no `<title>` line.
pub(crate) fn declared_text(units: &[Unit<'_>], explain: bool) -> Option<Article> {
    let u = units.first()?;
    if laid_out(units) || u.text.len() > 250 {
        return None;
    }
    let title = match title::first_part(&u.text) {
        Some(head) => head,
        None if units.len() == 1 && u.text.split_whitespace().count() >= 2 => u.text.as_ref(),
        None => return None,
    };
    let mut article = declared_only(units, &PageMeta::default(), explain);
    article.title = Some(title.to_string());
    // The `<title>` line is accounted for as the title's, not as boilerplate.
    if let Some(first) = article.removed.first_mut() {
        first.reason = Reason::Title;
    }
    Some(article)
}

/// Whether the page's content is scattered rather than one run: a listing,
/// a shop's grid, a forum thread or a service page holds its text in many
/// boxes, and the best single run is one of them. Then every unit nothing
/// spoke against is kept. Two signs: the run holds under half of the page's
/// prose (context-free good and near-good text) and is shorter than an
/// article; or, on a sparse page, the run keeps under a quarter of the text.
/// (Measured on WCXB-dev text dumps: all pages 0.766 -> 0.788, articles
/// 0.913 -> 0.919, AEB text 0.911 -> 0.917.)
fn scattered(
    js: &[Judged],
    before: &[Class],
    (start, end): (usize, usize),
    sparse: bool,
    thread: bool,
    in_run: impl Fn(usize) -> bool,
) -> bool {
    let prose_of = |i: usize| {
        if matches!(before[i], Class::Good | Class::NearGood) {
            js[i].d.chars
        } else {
            0
        }
    };
    // Prose past the comment prompt or footer that ends the run is a
    // comment thread's: an article with many comments is still one article.
    // A thread's prompts stand under every post: they separate its posts.
    let limit = (end..js.len())
        .find(|&i| classify::is_barrier(js[i].reason) && !thread)
        .unwrap_or(js.len());
    let prose: usize = (0..limit).map(prose_of).sum();
    let run_prose: usize = (start..=end).map(prose_of).sum();
    // A thread's run is one long post, or a few: however long, it is one of many.
    if run_prose * 100 < SCATTERED_RUN_SHARE * prose && (run_prose < SCATTERED_RUN_CHARS || thread)
    {
        return true;
    }
    // (The second sign is a sparse page's only.)
    if !sparse {
        return false;
    }
    let kept: usize = (0..js.len())
        .filter(|&i| js[i].reason.is_none() && in_run(i))
        .map(|i| js[i].d.chars)
        .sum();
    let total: usize = js.iter().map(|j| j.d.chars).sum();
    kept * 100 < SPARSE_RUN_SHARE * total
}

/// Whether the page is a thread: one reply prompt ("Reply", "Quote") comes
/// back under three or more posts, and no comments section's header (a
/// prompt said once: "Comments", "Leave a reply") stands before the first
/// of them. An article's comments are headed; a thread's posts are not.
/// Or three posts headed by a stamp (a date and a clock time, prose between
/// them) or a post number ("#3") before any prompt, or footed by one short
/// line of buttons.
fn is_thread(units: &[Unit<'_>], js: &[Judged], ids: &TextIds, from: usize) -> bool {
    const MIN_REPEATS: usize = 3;
    const NUMBERED_HEADER_BYTES: usize = 60;
    const FOOTER_MIN_WORDS: usize = 2;
    const FOOTER_MAX_WORDS: usize = 4;
    let is_prompt = |i: &usize| js[*i].reason == Some(Reason::CommentPrompt);
    // Counted without their numbers: each answer's "5 Comments" is one prompt.
    fn key(t: &str) -> &str {
        t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ' ' | ',' | '.'))
    }
    let mut counts: FastMap<&str, usize> = FastMap::default();
    for i in (from..units.len()).filter(is_prompt) {
        *counts.entry(key(&units[i].text)).or_default() += 1;
    }
    // A post's header: a date with a clock time, or its number ("#12").
    // The number may stand beside the post's date: "#1 · Mar 21, 2025".
    let numbered = |t: &str| {
        t.len() <= NUMBERED_HEADER_BYTES
            && t.contains('#')
            && t.split_whitespace().any(|w| {
                w.strip_prefix('#').is_some_and(|n| {
                    !n.is_empty() && n.len() <= 5 && n.bytes().all(|b| b.is_ascii_digit())
                })
            })
    };
    // Stamps count once per post: several in a row head one article, and a
    // comment section's prompts ("Jane says:") leave the stamps to them.
    let mut headers = 0;
    let mut prose_since = true;
    let mut prompted = false;
    // A post's footer: one short line of buttons under every post, prose
    // between them ("Reply Quote Like"), without numbers (a count, a date).
    // Each line remembers how many prose lines had passed when last counted.
    let mut footers: Vec<(usize, usize)> = vec![(0, 0); ids.count];
    let mut prose_lines = 0usize;
    for i in from..units.len() {
        let t = units[i].text.as_ref();
        let good = js[i].class == Class::Good && js[i].reason.is_none();
        if good {
            prose_lines += 1;
        } else if (FOOTER_MIN_WORDS..=FOOTER_MAX_WORDS).contains(&js[i].d.words)
            && !t.bytes().any(|b| b.is_ascii_digit())
        {
            let (n, at) = &mut footers[ids.of[i]];
            if *n == 0 || prose_lines > *at {
                *n += 1;
                *at = prose_lines;
                if *n >= MIN_REPEATS {
                    return true;
                }
            }
        }
        if numbered(t) || (js[i].stamp && prose_since && !prompted && !machine_stamp(t)) {
            headers += 1;
            prose_since = false;
            if headers >= MIN_REPEATS {
                return true;
            }
        }
        if good {
            prose_since = true;
        }
        prompted |= is_prompt(&i);
        if !is_prompt(&i) {
            continue;
        }
        match counts[key(t)] {
            n if n >= MIN_REPEATS => return true,
            // "Jane said:" heads a quote; "10 comments:" a section.
            1 if !t.ends_with(':') || t.starts_with(|c: char| c.is_ascii_digit()) => return false,
            _ => {}
        }
    }
    false
}

/// An ISO 8601 time stamp ("2019-11-19T08:57:40+01:00"): printed from a
/// page's data (a teaser's, a script's), not a post's header.
fn machine_stamp(t: &str) -> bool {
    let b = t.as_bytes();
    (1..b.len().saturating_sub(1))
        .any(|i| b[i] == b'T' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit())
}

/// Lines in a stretch of `MENU_LINES` or more short lines (at most
/// `MENU_WORDS` words, no sentence end, not a numbered item): a menu or a
/// tag cloud printed line by line.
fn menu_stretches(js: &[Judged]) -> Vec<bool> {
    const MENU_LINES: usize = 5;
    const MENU_WORDS: usize = 3;
    let short = |j: &Judged| !j.item && j.d.words <= MENU_WORDS && !j.d.terminal;
    let mut out = vec![false; js.len()];
    let mut i = 0;
    while i < js.len() {
        let len = js[i..].iter().take_while(|j| short(j)).count();
        if len >= MENU_LINES {
            out[i..i + len].iter_mut().for_each(|m| *m = true);
        }
        i += len.max(1);
    }
    out
}

/// The number a list item starts with: "1) Lego", "2. Step", "12a etapa".
fn item_number(text: &str) -> Option<u32> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &text[digits..];
    let letters = rest.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 3 || !rest.starts_with([')', '.', ':', ' ', 'a', 'º', 'ª', '-']) {
        return None;
    }
    text[..digits].parse().ok()
}

/// Items of a numbered list (1, 2, 3, 4 … in order, a few lines apart, under
/// a line ending in a colon): an article's ranking, a calendar, a standings
/// table. Short lines with few stopwords, but the numbering says they belong
/// together.
fn mark_numbered_lists(units: &[Unit<'_>], js: &mut [Judged]) {
    const MIN_ITEMS: usize = 4;
    const MAX_GAP: usize = 3;
    // A table of contents is numbered too, but its entries come back as the
    // headings below it: leave it to context. The page's lines are gathered
    // only for a list that gets that far (most pages have none).
    let lines: OnceCell<FastSet<&str>> = OnceCell::new();
    let echoed = |k: usize| {
        let t = &units[k].text;
        let rest = t.trim_start_matches(|c: char| c.is_ascii_digit());
        let rest = rest.trim_start_matches([')', '.', ':', ' ', '-']).trim();
        lines
            .get_or_init(|| units.iter().map(|u| u.text.as_ref()).collect())
            .contains(rest)
    };
    let mut chain: Vec<usize> = Vec::new();
    let flush = |chain: &mut Vec<usize>, js: &mut [Judged]| {
        // An article introduces its list ("Here are the dates:"); a sidebar's
        // "Most read" ranking stands under a bare header.
        let introduced = chain
            .first()
            .is_some_and(|&f| (f.saturating_sub(2)..f).any(|k| units[k].text.ends_with(':')));
        if chain.len() >= MIN_ITEMS
            && introduced
            && chain.iter().filter(|&&k| echoed(k)).count() * 2 < chain.len()
        {
            for &k in chain.iter() {
                if js[k].reason.is_some() {
                    continue;
                }
                js[k].item = true;
                if matches!(js[k].class, Class::Short | Class::Bad) {
                    js[k].class = Class::NearGood;
                }
            }
        }
        chain.clear();
    };
    let mut last: Option<(usize, u32)> = None;
    for (i, u) in units.iter().enumerate() {
        let Some(n) = item_number(&u.text) else {
            if last.is_some_and(|(k, _)| i - k > MAX_GAP) {
                flush(&mut chain, js);
                last = None;
            }
            continue;
        };
        match last {
            Some((k, m)) if n == m + 1 && i - k <= MAX_GAP => chain.push(i),
            _ => {
                flush(&mut chain, js);
                chain.push(i);
            }
        }
        last = Some((i, n));
    }
    flush(&mut chain, js);
}

/// What a page of items keeps.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tier {
    /// The main run (an article, or a page whose run holds its items).
    Run,
    /// Every line of the main container nothing spoke against.
    Container,
    /// Every line of the page but its furniture (navigation, header,
    /// footer, hidden, cookie and newsletter boxes, lexicon boilerplate).
    Page,
}

/// A line of the page outside its furniture: nothing spoke against it but
/// standing outside the main container.
fn on_page(j: &Judged) -> bool {
    j.reason.is_none() || (j.outside && j.reason == Some(Reason::Boilerplate))
}

/// Below this share of the words the wider choice holds, the run is one
/// fragment of a page of items.
const WIDE_SHARE: f64 = 0.5;

/// A page of items (a shop's category, a list of teasers, an index) has
/// little prose, and its run, chosen for prose, holds a fragment of it: a
/// card, a blurb. When the run holds under half the words of its container,
/// the container is kept; under half those of the page outside its
/// furniture, the page (unless it declares itself a dated article, whose
/// container we trust: listing templates declare `article` too, undated). A page that declares one product, and a short
/// article (a dated, signed run of prose), keep their run.
fn grid_tier(
    js: &[Judged],
    meta: &PageMeta,
    art: &Article,
    run_keep: &dyn Fn(usize) -> bool,
) -> Tier {
    if !classify::is_grid(js) || meta.product {
        return Tier::Run;
    }
    let words = |f: &dyn Fn(usize) -> bool| -> f64 {
        (0..js.len())
            .filter(|&i| f(i))
            .map(|i| js[i].d.words)
            .sum::<usize>() as f64
    };
    let run = words(run_keep);
    let prose = words(&|i| run_keep(i) && js[i].d.terminal && js[i].d.chars >= 100);
    if art.published.is_some() && !art.authors.is_empty() && run > 0.0 && prose >= 0.9 * run {
        return Tier::Run;
    }
    let page = words(&|i| on_page(&js[i]));
    let container = words(&|i| js[i].reason.is_none());
    if !(meta.article && art.published.is_some()) && run < WIDE_SHARE * page {
        Tier::Page
    } else if run < WIDE_SHARE * container {
        Tier::Container
    } else {
        Tier::Run
    }
}

/// A reference section's heading: "See also" in a few languages.
static SEE_ALSO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(see also|siehe auch|voir aussi|véase también|ver también|vedi anche|veja também|zie ook|zobacz (też|także)|см\. также|参见|関連項目)\s*[:¶#]?\s*$")
        .expect("valid regex")
});

/// A line that only announces the byline on the next line.
static BYLINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:article |story |recipe |post |)(?:written |posted |reported |)by|authors?|written by|von|par|por|door|autor(?:in)?|auteur|作者)\s*[:：]?$")
        .expect("valid regex")
});

/// Does `a` have a word of three letters or more that `b` also has
/// (case-insensitive)? A name rarely shares one with the headline.
fn shares_word(a: &str, b: &str) -> bool {
    let theirs = word_set(b);
    a.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3)
        .any(|w| theirs.binary_search(&w.to_lowercase()).is_ok())
}

/// Two to four words, each capitalised (name particles aside), not all in
/// capitals, ending in a letter: a person's name standing alone, stricter
/// than a byline's (which its "By" vouches for).
fn strict_name(s: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "van", "von", "de", "der", "den", "da", "di", "du", "la", "le", "bin", "al",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && s.chars().last().is_some_and(char::is_alphabetic)
        && s.chars().any(char::is_lowercase)
        && words.iter().all(|w| {
            PARTICLES.contains(w)
                || (w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')))
        })
}

/// The page's longest lines, in order, up to a sample size whatlang reads
/// fast, the units they are (by index, in the sample's order), and the sample's script ([`script_of`] of it): the sum of its lines'
/// `scans` (see [`language::scan_units`]), so no character is read again.
fn language_sample(
    units: &[Unit<'_>],
    scans: &[Option<Scan>],
) -> (String, Vec<usize>, Option<Script>) {
    // (Room for the sample and the line that fills it, most often.)
    let mut sample = String::with_capacity(2 * LANG_SAMPLE_BYTES);
    let mut sampled = Vec::new();
    let mut by_script = Scan::default().by_script;
    for min in [100, 40, 0] {
        for (i, (u, scan)) in units
            .iter()
            .zip(scans)
            .enumerate()
            .filter(|(_, (u, _))| u.text.len() >= min)
        {
            if sample.len() >= LANG_SAMPLE_BYTES {
                break;
            }
            sample.push_str(&u.text);
            sample.push('\n');
            sampled.push(i);
            match scan {
                Some(scan) => {
                    for (n, m) in by_script.iter_mut().zip(scan.by_script) {
                        *n += m;
                    }
                }
                // ASCII letters are Latin ones.
                None => {
                    by_script[Script::Latin as usize] +=
                        language::ascii_letters(u.text.as_bytes()) as u32;
                }
            }
        }
        if sample.len() >= LANG_SAMPLE_BYTES / 4 {
            break;
        }
    }
    debug_assert_eq!(language::dominant(&by_script), script_of(&sample));
    (sample, sampled, language::dominant(&by_script))
}

/// Characters that change how a title is laid out, not its words.
const INVISIBLE: [char; 6] = [
    '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}',
];

/// Share (percent) of the run's prose the article's container must hold.
const CONTAINER_SHARE: usize = 90;
/// How many indentation depths `nested_run` tries.
const CONTAINER_DEPTHS: usize = 12;

/// A laid-out dump indents each nested block: the article's paragraphs share
/// a container, and a line set further left than all of them (a box's
/// heading after the article, a menu's entry before it) stands outside it.
/// The run is cut to the deepest container around its longest paragraph
/// that still holds most of its prose.
fn nested_run(
    units: &[Unit<'_>],
    js: &[Judged],
    before: &[Class],
    start: usize,
    end: usize,
) -> (usize, usize) {
    let prose = |i: usize| {
        if js[i].class == Class::Good && js[i].reason.is_none() {
            js[i].d.chars
        } else {
            0
        }
    };
    let total: usize = (start..=end).map(prose).sum();
    let Some(p) = (start..=end).max_by_key(|&i| prose(i)) else {
        return (start, end);
    };
    if total == 0 {
        return (start, end);
    }
    let mut depths: Vec<u16> = (start..=end)
        .filter(|&i| prose(i) > 0 && units[i].indent <= units[p].indent)
        .map(|i| units[i].indent)
        .collect();
    depths.sort_unstable_by(|a, b| b.cmp(a));
    depths.dedup();
    // Deepest first: each container holds the one before, so the bounds
    // only widen.
    let (mut a, mut b) = (p, p);
    for &t in depths.iter().take(CONTAINER_DEPTHS) {
        while a > start && units[a - 1].indent >= t {
            a -= 1;
        }
        while b < end && units[b + 1].indent >= t {
            b += 1;
        }
        let held: usize = (a..=b).map(prose).sum();
        if held * 100 >= CONTAINER_SHARE * total {
            // Not forward: a thread's comments below an article are prose
            // nested as deep as its own.
            if a == start && b == end {
                return (extend_back(units, js, before, start, t), end);
            }
            return (a, b);
        }
    }
    (start, end)
}

/// The run's start moved up over the lines of its container (indented at
/// least `t`) above it, when they hold mostly prose and nothing but
/// repeats speaks against them (code and short lines inside a manual's
/// text broke the run).
fn extend_back(units: &[Unit<'_>], js: &[Judged], before: &[Class], at: usize, t: u16) -> usize {
    let (mut prose, mut all, mut best) = (0usize, 0usize, at);
    for j in (0..at).rev() {
        if units[j].indent < t || !matches!(js[j].reason, None | Some(Reason::Duplicate)) {
            break;
        }
        all += js[j].d.chars;
        if js[j].reason.is_none() && matches!(before[j], Class::Good | Class::NearGood) {
            prose += js[j].d.chars;
            if prose * 2 >= all {
                best = j;
            }
        }
    }
    best
}

/// The first line of a dump, when it reads like a `<title>`: headline and site.
fn first_line_title<'u>(
    units: &'u [Unit<'_>],
    js: &[Judged],
) -> Option<(&'u str, Option<&'u str>)> {
    let (u, j) = (units.first()?, js.first()?);
    // "Title | Section | Site" looks like a breadcrumb trail to the lexicon.
    let firm_verdict = j
        .reason
        .is_some_and(|r| !matches!(r, Reason::Navigation | Reason::Duplicate));
    if firm_verdict || j.d.words == 0 {
        return None;
    }
    // A long first line is prose, unless a spaced pipe (never a sentence's)
    // sets a headline-sized head off from a description ("Headline | A long
    // blurb…"): a `<title>` stuffed with the page's summary.
    if j.d.chars > 250 {
        // `pipe_head` gives the whole line back when it has no such head.
        let head = title::pipe_head(&u.text);
        return (head.len() < u.text.len() && head.chars().count() <= 150).then_some((head, None));
    }
    let site = title::split_site(&u.text).map(|(_, site)| site);
    match title::first_part(&u.text) {
        Some(head) => Some((head, site)),
        // Without a separator the first line may be a menu item (dumps of
        // the inscriptis kind have no `<title>` line): trust it when the page
        // echoes it further down, as its headline.
        None if exact_echo(&u.text, units).is_some()
            || (j.headline && j.d.words >= 3 && echoed(&u.text, units, js))
            || echoed_end(&u.text, units).is_some() =>
        {
            Some((u.text.as_ref(), None))
        }
        None => None,
    }
}

/// How far down the first line's echo (the on-page headline) is looked for.
const TITLE_ECHO_LINES: usize = 400;

/// Does a headline-shaped line after the first, within `TITLE_ECHO_LINES`,
/// share most of its words with `line`?
fn echoed(line: &str, units: &[Unit<'_>], js: &[Judged]) -> bool {
    let words = word_set(line);
    let mut buf = String::new();
    (1..units.len().min(TITLE_ECHO_LINES)).any(|i| {
        js[i].headline
            && units[i].text.len() <= line.len() * 3
            && overlap_with(&words, &units[i].text, &mut buf) >= 0.6
    })
}

/// The first line after the top that equals `line` up to case and
/// punctuation, within `TITLE_ECHO_LINES`.
fn exact_echo(line: &str, units: &[Unit<'_>]) -> Option<usize> {
    let want = title::Folded::new(line);
    (1..units.len().min(TITLE_ECHO_LINES)).find(|&i| want.matches(&units[i].text))
}

/// The longest line after the top, within `TITLE_ECHO_LINES`, whose words
/// are the first or the last words of `line`, at least half of them and
/// not all; the first such line on a tie.
fn echoed_end(line: &str, units: &[Unit<'_>]) -> Option<usize> {
    let whole = title::lower_words(line);
    let mut best: Option<(usize, usize)> = None;
    for (i, u) in units
        .iter()
        .enumerate()
        .take(TITLE_ECHO_LINES)
        .skip(1)
        // Cheap bounds first: shorter than the line, not under a quarter of it.
        .filter(|(_, u)| u.text.len() < line.len() && u.text.len() * 4 >= line.len())
    {
        // The words counted and compared where they stand, lower-cased one
        // by one, with no list of them built for each line.
        let n = language::alnum_words(&u.text).count();
        if n == 0 || n >= whole.len() || n * 2 < whole.len() || best.is_some_and(|(m, _)| m >= n) {
            continue;
        }
        let is = |want: &[String]| {
            language::alnum_words(&u.text)
                .zip(want)
                .all(|(w, l)| lower_eq(w, l))
        };
        // A domain name ("example.com") is the site's, never the headline
        // (tested last: few lines get this far).
        if (is(&whole[..n]) || is(&whole[whole.len() - n..])) && !DOMAIN.is_match(&u.text) {
            best = Some((n, i));
        }
    }
    best.map(|(_, i)| i)
}

/// `word.to_lowercase() == lower`, with no copy made of an ASCII word.
fn lower_eq(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        return word.len() == lower.len()
            && word
                .bytes()
                .zip(lower.bytes())
                .all(|(a, b)| a.to_ascii_lowercase() == b);
    }
    word.to_lowercase() == lower
}

/// A bare domain name: "example.com", "blog.example.co.uk".
static DOMAIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/?$").expect("valid regex")
});

/// Image alt texts on some sites end with `" - Site, 1920, 25.02.2022"`; a
/// `" - X"` tail shared by several lines names the site.
/// Ties go to the tail seen first, so the answer does not depend on hash order.
fn repeated_tail(units: &[Unit<'_>]) -> Option<String> {
    // Per tail: how often, and where first.
    let mut counts: FastMap<&str, (usize, usize)> = FastMap::default();
    for (i, u) in units.iter().enumerate().skip(1) {
        if let Some(tail) = dash_tail(&u.text) {
            counts.entry(tail).or_insert((0, i)).0 += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(t, (c, _))| *c >= 2 && t.split_whitespace().count() <= 5)
        .max_by_key(|(t, (c, first))| (*c, t.len(), std::cmp::Reverse(*first)))
        .map(|(t, _)| t.to_string())
}

/// Where the last `" - "` starts. A scan for dashes from the end (memchr's,
/// many bytes a step), each checked for its spaces: `str::rfind` sets up a
/// two-way searcher on every call, which costs more than the search on a line.
fn rfind_spaced_dash(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    while let Some(dash) = memchr::memrchr(b'-', &bytes[..end]) {
        if dash > 0 && bytes[dash - 1] == b' ' && bytes.get(dash + 1) == Some(&b' ') {
            return Some(dash - 1);
        }
        end = dash;
    }
    None
}

/// The text after the last `" - "`, up to its first comma.
fn dash_tail(text: &str) -> Option<&str> {
    let pos = rfind_spaced_dash(text)?;
    let tail = text[pos + 3..].split(',').next()?.trim();
    (!tail.is_empty() && tail.chars().next().is_some_and(char::is_uppercase)).then_some(tail)
}

/// The caption before `" - Site…"` when a line is an image card of the site.
fn card_caption<'t>(text: &'t str, site: &str) -> Option<&'t str> {
    let pos = rfind_spaced_dash(text)?;
    let tail = text[pos + 3..].trim();
    let is_site = tail == site || tail.strip_prefix(site).is_some_and(|r| r.starts_with(','));
    is_site.then(|| text[..pos].trim())
}

/// Image cards (alt text ending in the site name): a caption, and a related
/// link when a headline follows.
fn mark_cards(
    units: &[Unit<'_>],
    js: &mut [Judged],
    site: Option<&str>,
    figures: &mut Vec<Figure>,
    related: &mut Vec<Related>,
) {
    let Some(site) = site else { return };
    let mut i = 1;
    while i < units.len() {
        if let Some(caption) = card_caption(&units[i].text, site) {
            js[i].reason = Some(Reason::Caption);
            let next = i + 1;
            if next < units.len()
                && js[next].headline
                && js[next].reason.is_none()
                && !js[next].d.terminal
            {
                js[next].reason = Some(Reason::Related);
                related.push(Related {
                    title: units[next].text.to_string(),
                    url: units[next].href.clone(),
                });
                i = next;
            } else if i > 0 && figure::split_glued(&units[i - 1].text, caption).is_some() {
                // The credit line before carries this caption glued on; mark_credits pairs them.
            } else {
                figures.push(Figure {
                    caption: Some(caption.to_string()),
                    credit: None,
                });
            }
        }
        i += 1;
    }
}

/// Photo credits, with the caption they belong to.
fn mark_credits(units: &[Unit<'_>], js: &mut [Judged], figures: &mut Vec<Figure>) {
    for i in 0..units.len() {
        // A credit outranks the lexicon's guesses ("© …" as a footer, "Photo : A / B"
        // as a breadcrumb), not its firmer verdicts.
        if js[i]
            .reason
            .is_some_and(|r| !matches!(r, Reason::Footer | Reason::Navigation))
        {
            continue;
        }
        // Code is never a credit (`image: postgres:18` in a config file).
        if units[i].has(flag::IN_PRE) {
            continue;
        }
        let text = &units[i].text;
        let Some(c) = figure::credit(text, js[i].d.chars, js[i].credit_word) else {
            continue;
        };
        match c {
            figure::Credit::Leading | figure::Credit::AgencyOnly => {
                js[i].reason = Some(Reason::PhotoCredit);
                // A caption glued to the credit repeats on the next line.
                let glued = units.get(i + 1).and_then(|n| {
                    let caption = n
                        .text
                        .rfind(" - ")
                        .map_or(n.text.as_ref(), |p| n.text[..p].trim());
                    figure::split_glued(text, caption).map(|credit| (credit, caption))
                });
                match glued {
                    Some((credit, caption)) => {
                        js[i + 1].reason = Some(Reason::Caption);
                        figures.retain(|f| f.caption.as_deref() != Some(caption));
                        figures.push(Figure {
                            caption: Some(caption.to_string()),
                            credit: Some(credit.to_string()),
                        });
                    }
                    None => figures.push(Figure {
                        caption: None,
                        credit: Some(text.to_string()),
                    }),
                }
            }
            figure::Credit::Trailing { caption, credit } => {
                js[i].reason = Some(Reason::Caption);
                figures.push(Figure {
                    caption: Some(caption.to_string()),
                    credit: Some(credit.to_string()),
                });
            }
        }
    }
}

static READ_MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:read more|related|see also|also read|read also|more|lesen sie auch|mehr zum thema|lire aussi|à lire aussi|lee también|leggi anche|leia também|lees ook|czytaj też|читайте также)\s*[:|›»>–—-]\s*(?P<title>\S.{8,200})$")
        .expect("valid")
});

/// Related boxes: a header ("Related", "Read more") and the headlines under
/// it; and inline "Read more: headline" lines.
fn mark_related_boxes(units: &[Unit<'_>], js: &mut [Judged], related: &mut Vec<Related>) {
    let mut i = 0;
    while i < units.len() {
        static OPENERS: Prefixes = Prefixes::new(&[
            "read",
            "related",
            "see",
            "also",
            "more",
            "lesen",
            "mehr",
            "lire",
            "à lire",
            "lee",
            "leggi",
            "leia",
            "lees",
            "czytaj",
            "читайте",
        ]);
        // `READ_MORE` needs a separator after its opening: one of `:|>-`,
        // or a character whose UTF-8 starts 0xC2 (`»`) or 0xE2 (`›–—`).
        let read_more = (OPENERS.starts(&units[i].text)
            && units[i]
                .text
                .bytes()
                .any(|b| matches!(b, b':' | b'|' | b'>' | b'-' | 0xC2 | 0xE2)))
        .then(|| READ_MORE.captures(&units[i].text))
        .flatten();
        if let Some(c) = read_more {
            js[i].reason = Some(Reason::Related);
            related.push(Related {
                title: c["title"].trim().to_string(),
                url: units[i].href.clone(),
            });
        } else if js[i].reason == Some(Reason::Related) && js[i].d.words <= 6 {
            let mut k = i + 1;
            let mut taken = 0;
            while k < units.len() && taken < MAX_RELATED_ITEMS {
                let j = &js[k];
                if j.reason.is_some() {
                    k += 1;
                    continue;
                }
                if j.class == Class::Good || !(j.headline || j.d.chars < 120) {
                    break;
                }
                if j.headline && j.d.words >= 3 {
                    js[k].reason = Some(Reason::Related);
                    related.push(Related {
                        title: units[k].text.to_string(),
                        url: units[k].href.clone(),
                    });
                    taken += 1;
                } else {
                    break;
                }
                k += 1;
            }
            i = k.max(i + 1);
            continue;
        }
        i += 1;
    }
}

/// Units numbered by their text: equal texts, equal numbers.
struct TextIds {
    /// Each unit's number.
    of: Vec<usize>,
    /// How many distinct texts there are.
    count: usize,
}

impl TextIds {
    /// An open-addressing table of the first unit of each text, probed
    /// linearly, at most half full: a unit's text is hashed once (seeded,
    /// [`crate::hash::bytes_hash`]) and compared only with a unit of the same hash.
    /// (A `HashMap<&str, usize>` spent twice as long on its entry API.)
    fn new(units: &[Unit<'_>]) -> Self {
        const EMPTY: usize = usize::MAX;
        let seed = crate::hash::random_seed();
        let slots_len = (units.len() * 2).next_power_of_two().max(16);
        let mask = slots_len - 1;
        // Each slot: the text's hash (its low bits chose the slot; the high
        // ones tell most other texts apart) and the first unit with it.
        let mut slots: Vec<(u32, usize)> = vec![(0, EMPTY); slots_len];
        let mut of: Vec<usize> = Vec::with_capacity(units.len());
        let mut count = 0;
        for (i, u) in units.iter().enumerate() {
            let text: &str = &u.text;
            let h = crate::hash::bytes_hash(seed, text.as_bytes());
            let tag = (h >> 32) as u32;
            let mut p = h as usize & mask;
            let id = loop {
                let (t, first) = slots[p];
                if first == EMPTY {
                    slots[p] = (tag, i);
                    count += 1;
                    break count - 1;
                }
                if t == tag && *units[first].text == *text {
                    break of[first];
                }
                p = (p + 1) & mask;
            };
            of.push(id);
        }
        TextIds { of, count }
    }
}

/// Short units printed more than once (menus in header and footer) are
/// duplicates; long ones (pull quotes) are left to the classifier, and code
/// lines repeat from one example to the next.
fn mark_duplicates(units: &[Unit<'_>], ids: &TextIds, js: &mut [Judged]) {
    // Only short units are judged here, so only they are counted.
    let mut counts = vec![0u32; ids.count];
    for (j, &id) in js.iter().zip(&ids.of) {
        if j.class == Class::Short {
            counts[id] += 1;
        }
    }
    for ((u, j), &id) in units.iter().zip(js.iter_mut()).zip(&ids.of) {
        if j.reason.is_none()
            && j.class == Class::Short
            && !j.headline
            && !u.has(flag::IN_PRE)
            && counts[id] > 1
        {
            j.reason = Some(Reason::Duplicate);
        }
    }
}

/// Author boxes a page may hold (one per author).
const MAX_AUTHOR_BOXES: usize = 2;

/// Where an article's run ends early: the first of these that stands after
/// at least `MIN_ARTICLE` characters of good text.
/// - comments: the first of two or more stamped lines (a date and a clock
///   time); a forum thread, whose first post is stamped near its top, keeps
///   its run;
/// - an author box ("About Jane Doe", "Über den Autor").
///
/// (A run of three headline-shaped lines looked like a teaser list to cut at,
/// but listicles are made of such subheadings: it cost WCXB articles 0.15 F1.)
fn trim_tail(
    units: &[Unit<'_>],
    js: &[Judged],
    stamps: &[bool],
    start: usize,
    end: usize,
) -> usize {
    const MIN_ARTICLE: usize = 1000;
    let good = |i: usize| js[i].class == Class::Good && js[i].reason.is_none();
    // A comment section's header ("167 comments", "Leave a reply") is said
    // once; a thread repeats its prompts under every post ("Reply", "Quote")
    // or heads each post with one ("Jane said:"). A header after a whole
    // article ends it, unless a thread's prompts follow.
    let is_prompt = |i: usize| js[i].reason == Some(Reason::CommentPrompt);
    // A post's counter ("9 Comments", "5 Comments") repeats with another
    // number: prompts are told apart by their words only.
    let key = |i: usize| -> String {
        units[i]
            .text
            .chars()
            .filter(|c| !c.is_numeric())
            .collect::<String>()
            .trim()
            .to_string()
    };
    let mut prompts: FastMap<String, usize> = FastMap::default();
    for i in (start..=end).filter(|&i| is_prompt(i)) {
        *prompts.entry(key(i)).or_default() += 1;
    }
    let count = |i: usize| prompts.get(&key(i)).copied().unwrap_or(0);
    let last_repeated_prompt = (start..=end).rfind(|&i| is_prompt(i) && count(i) > 2);
    // A header inside what the page declares a thread or its post's body
    // heads the thread's replies, which are content.
    let section_header = |i: usize| {
        is_prompt(i)
            && count(i) == 1
            && !units[i].text.ends_with(':')
            && !units[i].has(flag::DISCUSSION | flag::CLS_CONTENT)
    };
    // An author box is said once (twice for two authors): "About …" heading
    // a run of sections (a list of books, of products) opens no box.
    let edges = (start..=end)
        .filter(|&i| js[i].edge)
        .take(MAX_AUTHOR_BOXES + 1)
        .count();
    let boxed = edges <= MAX_AUTHOR_BOXES;
    let mut good_chars = 0;
    let mut stamp_count = 0;
    let mut cut = None;
    for i in start..=end {
        let stamps_ahead = stamps[i] && (i + 1..=end).any(|k| stamps[k]);
        let ends_article = (js[i].edge && boxed)
            || (section_header(i) && last_repeated_prompt.is_none_or(|k| k < i));
        if good_chars >= MIN_ARTICLE && (stamps_ahead && stamp_count == 0 || ends_article) {
            cut = Some(i);
            break;
        }
        stamp_count += usize::from(stamps[i]);
        if good(i) {
            good_chars += js[i].d.chars;
        }
    }
    match cut {
        Some(k) => (start..k).rev().find(|&i| good(i)).unwrap_or(end),
        None => end,
    }
}

/// A title candidate: headline-shaped, with no verdict of its own, not a
/// date, a byline or a breadcrumb trail.
fn title_shaped(u: &Unit<'_>, j: &Judged) -> bool {
    title_shaped_or(u, j, false)
}

/// `title_shaped`, with a line marked as a related link let through when
/// `related` (a page's own headline can stand in, or under, a list of its
/// latest articles).
fn title_shaped_or(u: &Unit<'_>, j: &Judged, related: bool) -> bool {
    let text = u.text.as_ref();
    j.headline
        && j.d.words >= 2
        && j.reason
            .is_none_or(|r| r == Reason::Duplicate || (related && r == Reason::Related))
        && !has_trail_mark(text)
        && !(j.d.words <= 8
            && text.bytes().any(|b| b.is_ascii_digit())
            && !date::find_dates(text).is_empty())
        && byline::authors(text).is_none()
}

/// `text.contains(['›', '»', '>'])` over bytes: '>', or the UTF-8 of '»'
/// (C2 BB) or of '›' (E2 80 BA), found by memchr, with no character
/// decoded.
fn has_trail_mark(text: &str) -> bool {
    let b = text.as_bytes();
    memchr::memchr3_iter(b'>', 0xC2, 0xE2, b).any(|p| match b[p] {
        b'>' => true,
        0xC2 => b.get(p + 1) == Some(&0xBB),
        _ => b.get(p + 1..p + 3) == Some(&[0x80, 0xBA][..]),
    })
}

/// The unit holding the headline; with the headline itself when it is only
/// a part of that unit (a first line with a site suffix).
///
/// Candidates are headline-shaped lines without a verdict of their own, not a
/// date, a byline or a breadcrumb trail. With a reference title (declared, or
/// the dump's first line), the line sharing most of its words wins, searched
/// from the top to `3 × TITLE_WINDOW` lines past the run's start: Dice overlap
/// plus bonuses for standing above the run and alone, at least 0.8 above the
/// run and 0.7 in it (measured on WCXB-dev html_text dumps). Without one,
/// within `TITLE_WINDOW` lines above the run: standing alone, then title case,
/// then longer, then nearer.
fn find_title<'u>(
    units: &'u [Unit<'_>],
    js: &[Judged],
    start: usize,
    meta: &PageMeta,
    first: Option<&'u str>,
) -> Option<(usize, Option<&'u str>)> {
    let lo = start.saturating_sub(TITLE_WINDOW);
    let hi = (start + 3).min(units.len());
    let shaped = |i: usize| title_shaped(&units[i], &js[i]);
    // Without a reference, a good line inside the run is prose, not a title.
    let candidate = |i: usize| {
        shaped(i)
            && (i <= start || js[i].class != Class::Good || units[i].kind == BlockKind::Heading)
    };
    // A headline stands alone: blank lines (block boundaries) on both sides.
    let alone = |i: usize| units[i].blank_before && units.get(i + 1).is_none_or(|n| n.blank_before);
    let reference = meta.title.as_deref().or(first);
    if let Some(r) = reference {
        let ref_words = word_set(r);
        // The on-page headline can stand far above the first paragraph (a
        // long intro, a table of contents) or, when the run starts early, in
        // it: with a reference, look through the whole page to the run's end,
        // preferring lines above the run.
        // Bounded, so a long page does not compare every headline-shaped line.
        let end = units.len().min(start + TITLE_WINDOW * 3);
        let mut buf = String::new();
        let best = (1..end)
            // The overlap first: it is cheaper than `shaped`'s date and byline checks.
            .filter(|&i| js[i].headline && js[i].d.words >= 2)
            .map(|i| {
                let above = if i < start { 0.15 } else { 0.0 };
                let lone = if alone(i) { 0.1 } else { 0.0 };
                (
                    overlap_with(&ref_words, &units[i].text, &mut buf) + above + lone,
                    i,
                )
            })
            .filter(|(o, i)| *o >= if *i < start { 0.8 } else { 0.7 })
            .filter(|&(_, i)| shaped(i))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, i)) = best {
            return Some((i, None));
        }
        return first.map(|f| (0, Some(f)));
    }
    // Without one: standing alone, then title case (four words or more: a
    // shorter title-case line is as often a site name or a menu item), then
    // longer (to eight words), then nearer the run.
    (lo..hi)
        .filter(|&i| candidate(i) && js[i].d.words >= 3)
        .max_by_key(|&i| {
            (
                alone(i),
                js[i].d.capitalised >= 0.5 && js[i].d.words >= 4,
                js[i].d.words.min(8),
                i,
            )
        })
        .map(|i| (i, None))
}

/// How far below the run's start a text dump's headline may stand.
const TITLE_INTO_RUN: usize = 3;
/// How near a repeat of a headline stands (lines either side).
const TITLE_ECHO_NEAR: usize = 6;
/// How many lines of the run a headline's words are looked for in.
const TITLE_BODY_LINES: usize = 150;

static TITLE_PARTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:[›»>/|:]|\s[-–—·•]\s)\s*").expect("valid regex"));

/// A credit line: who wrote, tested, reviewed or photographed the piece
/// ("Written by Jane Doe", "Fact-checked by John Roe"), never a headline.
static CREDIT_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:(?:(?:written|tested|reviewed|medically reviewed|fact[- ]checked|edited|reported|photographed|illustrated|produced|compiled|curated|posted|words|photos?|images?)\s+)?by\s+(?:by\s+)?)\p{Lu}")
        .expect("valid regex")
});

/// A button's or a widget's label (a call to action, a shop's or a forum's
/// stock phrase, a policy link, a consent banner's heading, a review
/// widget's, a page's furniture such as "Table of contents"), never a headline.
static UI_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:learn more|read more|read now|continue reading|read (?:the )?(?:full )?(?:story|article|review|post)|shop now|buy now|add to (?:cart|bag|basket)|out of stock|in stock|sold out|no results found|(?:see|view|show) all(?: results)?|view on map|start (?:your )?free trial|get started|sign (?:in|up)|log ?in|subscribe(?: now)?|mark as (?:read|watched)|top posters in this topic|well-known member|discussion starter|manage cookie.*|(?:your )?(?:\S+ )?(?:privacy|cookie) (?:settings|preferences|policy)|refund policy|returns? policy|shipping policy|terms (?:of|and) (?:use|service|conditions)|weiterlesen|mehr erfahren|in den warenkorb|ausverkauft|en savoir plus|lire la suite|ajouter au panier|épuisé|leer más|saber más|añadir al carrito|agotado|leggi di più|scopri di più|aggiungi al carrello|esaurito|saiba mais|ler mais|adicionar ao carrinho|esgotado|lees meer|meer lezen|in winkelwagen|uitverkocht|we (?:value|care about|respect) your privacy|notify me when (?:it'?s |back )?(?:back )?in stock|(?:item )?added to (?:your )?(?:cart|bag|basket)|adding to (?:your )?(?:cart|bag|basket)|only (?:a few|\d+) left(?: in stock)?|low stock|size (?:guide|chart|& fit|and fit)|(?:more info )?quick view|more info|verified (?:buyer|purchase)|learn more about this item|key (?:item )?features|customers (?:also|who) (?:bought|viewed).*|most helpful (?:favou?rable|critical|positive|negative) review|\d+ (?:out )?of \d+ (?:people|customers) found this helpful|\d+(?:\.\d)? out of 5 stars.*|cart \(\d+\)|filter (?:&|and) sort|track (?:my |your )?order|select an option|skip to (?:main )?content|main content|in this article|table of contents|on this page|this page|previous topic|next topic|(?:previous|next) (?:page|post|article|chapter)|no (?:match(?:es)?|results?) found|search results|search for:.*|update your settings|privacy preference center|skip to main|welcome back|install (?:the|our) app|add to (?:wish ?list|favou?rites)|see all reviews|shop by (?:category|brand|department)|recently (?:visited|viewed)|calculated at checkout|you are signed up|need (?:some )?help\??|customer service(?: (?:&|and) help)?|meet (?:your|the) seller|new to \S+\? click here|remove (?:a |this )?product|open menu.*|keep me signed in|here['’]?s how you know|(?:talk|speak) (?:to|with) (?:an? )?(?:expert|specialist|sales)|get in touch|find out more|download (?:the|our) app|what'?s new|quick search|why (?:am i|you'?re) seeing this ad|inhaltsverzeichnis|table des matières|sommaire|tabla de contenidos?|índice de contenidos?|indice dei contenuti|inhoudsopgave|größentabelle|guide des tailles|guía de tallas|guida alle taglie|maattabel|\d+ (?:products?|items?|results?))[\s!.»›>→…]*$")
        .expect("valid regex")
});

/// The headline of a text dump. First the page's own word: a line that
/// repeats the `<title>` head (`first`) word for word, or the first or last
/// words of a `<title>` without separator. Else the `<title>` head or a
/// headline-shaped line at most `TITLE_INTO_RUN` lines into the run,
/// whichever scores best. A headline stands alone between blank lines, shares
/// its words with the article, is followed by a byline or a date, ends a
/// breadcrumb trail or the `<title>`'s other parts, stands near the run's
/// start, above it, and carries four words or more in title case; with a
/// `<title>` line, it shares that line's words; in a laid-out dump, it
/// stands left of the article's longest paragraph and is no list's item.
/// The weights are a conditional-logit fit on WCXB-dev dumps of both
/// kinds, rounded (the laid-out terms checked on 2-fold held-out splits).
/// Returns the unit (0 for the `<title>` line) and its text.
fn find_title_text<'u>(
    units: &'u [Unit<'_>],
    js: &[Judged],
    (start, end): (usize, usize),
    first: Option<&'u str>,
    laid_out: bool,
) -> Option<(usize, &'u str)> {
    // A `<title>` (or its head, before the first separator) that the page
    // shows again, word for word, is its headline: on WCXB-dev HTML pages
    // whose `<h1>` equals the `<title>`, the title is that text on 166 of
    // 174; whose `<h1>` equals one part of it, that part on 471 of 532.
    if let Some(f) = first {
        if let Some(i) = exact_echo(f, units) {
            // "tag - Question - Site": a one- or two-word head the page
            // shows as a tag or a section link, and a middle part of four
            // words or more, twice as long, shown as well: the middle part.
            let head_words = f.split_whitespace().count();
            if f.len() < units[0].text.len() && head_words <= 2 {
                let parts = title::spaced_parts(&units[0].text);
                let middle = parts.get(1..parts.len().saturating_sub(1)).unwrap_or(&[]);
                if let Some(k) = middle
                    .iter()
                    .filter(|p| {
                        let n = p.split_whitespace().count();
                        n >= 4 && n >= 2 * head_words
                    })
                    .find_map(|p| exact_echo(p, units))
                {
                    return Some((k, units[k].text.as_ref()));
                }
            }
            return Some((i, units[i].text.as_ref()));
        }
        // A `<title>` with no separator the page does not echo whole may
        // join its headline to a site or a qualifier with weaker punctuation
        // or none ("Headline: Site", "Headline @ Forum", "Product Brand"):
        // a line that is its first or last words, at least half of them.
        if f.len() == units[0].text.len() {
            if let Some(i) = echoed_end(f, units) {
                return Some((i, units[i].text.as_ref()));
            }
        }
    }
    // A manual's or a category's headline can be one word ("Flexbox",
    // "Pods", "Headlamps"), which no headline test lets through. Set apart
    // by blank lines on both sides, such a word, letters, digits and
    // hyphens only, is a candidate too (with a penalty below, for menus and
    // labels stand alone as well).
    let one_word = |i: usize| {
        let t = units[i].text.as_ref();
        js[i].d.words == 1
            // (An unspaced script's line counts a word per two characters:
            // there one "word" is a menu's two-character entry.)
            && !js[i].d.script.is_some_and(language::is_unspaced)
            && js[i].reason.is_none_or(|r| r == Reason::Duplicate)
            && t.chars().count() <= 30
            && t.chars().next().is_some_and(|c| c.is_alphabetic())
            && t.chars().all(|c| c.is_alphanumeric() || c == '-')
            && units[i].blank_before
            && units.get(i + 1).is_none_or(|n| n.blank_before)
    };
    // A headline can also start in lower case (a project's or a
    // command's name, a post's casual title) or with a bracketed tag
    // ("[Guide] …"), which the headline test turns away; in a laid-out
    // dump such a line standing apart, no sentence and no code, is a
    // candidate too, a weaker one.
    let loose = |i: usize| {
        let t = units[i].text.as_ref();
        let d = &js[i].d;
        laid_out
            && !js[i].headline
            && (2..=25).contains(&d.words)
            && d.chars <= 200
            && d.letters * 2 >= d.chars
            && js[i].reason.is_none_or(|r| r == Reason::Duplicate)
            && !t.trim_end().ends_with(['.', ',', ';', ':'])
            && !t.contains(['{', '}', '<', '>', '=', '(', ')'])
            && t.chars()
                .next()
                .is_some_and(|c| c.is_lowercase() || c == '[')
            && units[i].blank_before
            && units.get(i + 1).is_none_or(|n| n.blank_before)
    };
    let last = (start + TITLE_INTO_RUN).min(units.len().saturating_sub(1));
    let lo = usize::from(first.is_some());
    // Each line near the candidates read as a byline once: a candidate
    // looks at the lines around it, and its neighbours at most of the same.
    let near_lo = lo.saturating_sub(CREDIT_NEAR);
    let bylines: Vec<OnceCell<Option<Vec<String>>>> = (near_lo
        ..(last + CREDIT_NEAR + 1).min(units.len()))
        .map(|_| OnceCell::new())
        .collect();
    let byline = |k: usize| -> &Option<Vec<String>> {
        bylines[k - near_lo].get_or_init(|| byline::authors(&units[k].text))
    };
    let shaped = |i: usize| {
        (title_shaped_or(&units[i], &js[i], true) || one_word(i) || loose(i))
            && !CREDIT_LINE.is_match(&units[i].text)
            && !credited_name(units, i, &byline)
            && !name_credentials(&units[i].text)
            && !SHOP_OR_CONSENT.is_match(&units[i].text)
    };
    let alone = |i: usize| units[i].blank_before && units.get(i + 1).is_none_or(|n| n.blank_before);
    let candidates: Vec<usize> = (lo..=last).filter(|&i| shaped(i)).collect();
    if candidates.is_empty() {
        return first.map(|f| (0, f));
    }
    // Words of four letters or more in the run, and the parts of lines cut
    // at separators (breadcrumb trails, `<title>`s), folded.
    // How many lines of the run hold each candidate's words of four letters
    // or more (count, last line counted), by word number; each candidate's
    // distinct words, by number, found once for the scan and the score.
    // Sized for every word of every candidate: grown, the map would rehash its keys.
    let mut body: FastMap<String, usize> = FastMap::with_capacity_and_hasher(
        candidates.iter().map(|&i| js[i].d.words).sum(),
        FastState::default(),
    );
    let mut lines_with: Vec<(u32, usize)> = Vec::new();
    let mut words_of: Vec<Vec<usize>> = vec![Vec::new(); last + 1];
    let mut buf = String::new();
    for &i in &candidates {
        for w in language::alnum_words(&units[i].text) {
            if w.chars().count() >= 4 {
                language::lower_into(w, &mut buf);
                let id = match body.get(buf.as_str()) {
                    Some(&id) => id,
                    None => {
                        body.insert(buf.clone(), lines_with.len());
                        lines_with.push((0, usize::MAX));
                        lines_with.len() - 1
                    }
                };
                if !words_of[i].contains(&id) {
                    words_of[i].push(id);
                }
            }
        }
    }
    let scanned = end.min(units.len() - 1).min(start + TITLE_BODY_LINES);
    // Only whether a word stands in two lines or more matters (the score
    // compares its count with 0 or 1).
    let mut count = |id: usize, k: usize| {
        let (n, last_line) = &mut lines_with[id];
        if *last_line != k && *n < 2 {
            *n += 1;
            *last_line = k;
        }
    };
    // An ASCII word is looked up by its bytes up to ASCII case among the
    // words that are ASCII (lower-cased, a word is one only as its ASCII
    // lower case), with no lower-cased copy made.
    let ascii_words = AsciiWords::of(body.iter().map(|(w, &id)| (w.as_str(), id)));
    // A word outside ASCII is lower-cased and looked up only when its
    // count of characters and its first and last characters, lower-cased,
    // are those of one of the words.
    let mut wide = WideSieve::default();
    for w in body.keys() {
        wide.add(w);
    }
    for (k, u) in units.iter().enumerate().take(scanned + 1).skip(start) {
        let text = u.text.as_ref();
        if text.is_ascii() {
            // An ASCII line's words are its runs of letters and digits:
            // split off its bytes, with no character decoded.
            let bytes = text.as_bytes();
            ascii_runs(bytes, 4, |a, b| {
                if let Some(id) = ascii_words.find(&bytes[a..b]) {
                    count(id, k);
                }
            });
            continue;
        }
        for w in language::alnum_words(text) {
            if w.len() < 4 {
                continue;
            }
            if w.is_ascii() {
                if let Some(id) = ascii_words.find(w.as_bytes()) {
                    count(id, k);
                }
            } else if wide.may_hold(w) {
                language::lower_into(w, &mut buf);
                if let Some(&id) = body.get(buf.as_str()) {
                    count(id, k);
                }
            }
        }
    }
    // Short lines that are metadata: a byline, a date (dates need digits);
    // looked at only after a candidate.
    let mut meta: Vec<bool> = vec![false; units.len().min(last + 4)];
    // Candidates come in order: each line is looked at once.
    let mut looked = 0;
    for &i in &candidates {
        let to = (i + 4).min(meta.len());
        for k in (i + 1).max(looked)..to {
            let text = units[k].text.as_ref();
            meta[k] = js[k].reason == Some(Reason::Metadata)
                || (js[k].d.chars <= 120
                    && ((text.bytes().any(|b| b.is_ascii_digit())
                        && !date::find_dates(text).is_empty())
                        || byline::authors(text).is_some()));
        }
        looked = looked.max(to);
    }
    // Parts of separated lines near the candidates (breadcrumb trails sit
    // above the headline, the `<title>` line on top).
    let mut parts: FastSet<String> = FastSet::default();
    for u in units.iter().take(last + 4).filter(|u| {
        u.text.len() <= 300
            && u.text
                .contains(['›', '»', '>', '/', '|', ':', '-', '–', '—', '·', '•'])
    }) {
        // Folding drops the separators: a run of pieces folds to its
        // pieces' folds end to end, so each piece is folded once.
        let pieces: Vec<&str> = TITLE_PARTS
            .split(&u.text)
            .filter(|p| !p.is_empty())
            .collect();
        if !(2..=12).contains(&pieces.len()) {
            continue;
        }
        let pieces: Vec<String> = pieces.into_iter().map(title::fold).collect();
        for k in 1..pieces.len() {
            parts.insert(pieces[k..].concat());
            parts.insert(pieces[..k].concat());
        }
        parts.extend(pieces);
    }
    // The byte lengths of the parts (a line folds to one only at its
    // length), and of an ASCII line's fold (its letters and digits), found
    // once a line: most lines are told from the parts and from their
    // neighbours by length alone, unfolded.
    let part_lens = LenSet::of(parts.iter().map(String::len));
    let fold_lens: Vec<OnceCell<Option<usize>>> = (0..(last + TITLE_ECHO_NEAR + 1)
        .min(units.len()))
        .map(|_| OnceCell::new())
        .collect();
    let fold_len = |k: usize| {
        *fold_lens[k].get_or_init(|| {
            let t = units[k].text.as_bytes();
            t.is_ascii()
                .then(|| t.iter().filter(|b| b.is_ascii_alphanumeric()).count())
        })
    };
    let ref_words = first.map(word_set).unwrap_or_default();
    // A copyright notice names the site's owner ("© 2025 Acme Outdoor"):
    // a candidate whose words stand in one is the site's name, shown again
    // as a logo's text, not the page's headline. Laid-out dumps only: a
    // dump with a `<title>` line has that line to tell the headline by,
    // and there a product named for its maker loses to the maker's notice.
    let owners: Vec<Vec<String>> = if laid_out {
        units
            .iter()
            .filter(|u| u.text.len() <= COPYRIGHT_BYTES && COPYRIGHT.is_match(&u.text))
            .map(|u| title::lower_words(&u.text))
            .collect()
    } else {
        Vec::new()
    };
    // (Only a candidate can be it: the search ends with the window.)
    let first_pilcrow = units
        .iter()
        .take(last + 1)
        .position(|u| u.text.trim_end().ends_with('¶'));
    let names_owner = |text: &str| {
        !owners.is_empty() && {
            let w = title::lower_words(text);
            !w.is_empty() && owners.iter().any(|o| o.windows(w.len()).any(|x| x == w))
        }
    };
    // Laid-out dumps (the inscriptis kind) set fewer blank lines, so one on
    // both sides says more; a byline or date after a line says less (names
    // and teasers carry them too), and lines below the run's start are
    // its text more often; their first line is no `<title>` line, so it
    // earns nothing for standing on top (refit on WCXB-dev inscriptis dumps).
    let (w_alone, w_meta, w_below, w_top) = if laid_out {
        (4.0, 1.5, 1.5, 0.0)
    } else {
        (2.5, 2.0, 1.0, 1.0)
    };
    // A laid-out dump indents the article's paragraphs inside its
    // container; its headline often stands further left, above it (the
    // container of the page's main column), where the run's subheadings
    // stand as deep as its paragraphs.
    let prose_indent = if laid_out {
        (start..=end.min(units.len() - 1))
            .filter(|&k| js[k].class == Class::Good && js[k].reason.is_none())
            .max_by_key(|&k| (js[k].d.chars, std::cmp::Reverse(k)))
            .map(|k| units[k].indent)
    } else {
        None
    };
    let score = |i: usize| -> f32 {
        let (j, text) = (&js[i], units[i].text.as_ref());
        let mut s = 0.0;
        if prose_indent.is_some_and(|p| units[i].indent < p) {
            s += 1.5;
        }
        // A list's item is a menu's or a list's entry more often than the
        // page's headline.
        if laid_out && units[i].kind == BlockKind::ListItem {
            s -= 1.0;
        }
        if alone(i) {
            s += w_alone;
        }
        // Words the rest of the run repeats (a line of the run is not its
        // own evidence).
        let own = u32::from((start..=end.min(start + TITLE_BODY_LINES)).contains(&i));
        let mut buf = String::new();
        let seen = &words_of[i];
        if !seen.is_empty() {
            let shared = seen.iter().filter(|&&w| lines_with[w].0 > own).count();
            s += 2.5 * shared as f32 / seen.len() as f32;
        }
        if j.d.capitalised >= 0.5 {
            s += 0.5;
        }
        if j.class == Class::Good {
            s += 0.5;
        }
        // Below the run's start, unless the run starts at the top (then the
        // whole page is the run).
        if i > start && start > 0 {
            s -= w_below;
        } else if i <= start && i + 10 >= start {
            s += 0.5;
        }
        if i == 0 {
            s += w_top;
        }
        // Marked as a related link: a candidate still (the headline can
        // stand in a list of the site's latest articles), a weaker one.
        if j.reason == Some(Reason::Related) {
            s -= 1.0;
        }
        if j.d.words <= 10 && UI_LABEL.is_match(text) {
            s -= 3.0;
        }
        if names_owner(text) {
            s -= 2.0;
        }
        // A shop's or a listing's heading is followed by its count of
        // items or its filter and sort controls ("Camp Stoves", "(24
        // products)", "Filter & Sort").
        let count_or_filter = |k: usize| {
            units[k].text.len() <= COUNT_BYTES && COUNT_OR_FILTER.is_match(&units[k].text)
        };
        if (i + 1..(i + 1 + COUNT_AFTER).min(units.len())).any(count_or_filter)
            && !count_or_filter(i)
        {
            s += 3.0;
        }
        // Documentation generators put a permalink sign after every
        // heading ("Quick Start¶"): the first such line is the page's own.
        if first_pilcrow == Some(i) {
            s += 2.0;
        }
        let meta_after = (i + 1..(i + 4).min(units.len())).any(|k| meta[k]);
        if meta_after {
            s += w_meta;
        }
        if !parts.is_empty()
            && fold_len(i).is_none_or(|n| part_lens.may_hold(n))
            && parts.contains(&title::fold(text))
        {
            s += 2.0;
        }
        // Repeated close by: a hidden copy, a breadcrumb trail's last item.
        // (Two ASCII lines fold alike only with as many letters and digits.)
        let near = i.saturating_sub(TITLE_ECHO_NEAR)..(i + TITLE_ECHO_NEAR + 1).min(units.len());
        if near.filter(|&k| k != i).any(|k| {
            units[k].text.len().abs_diff(text.len()) * 2 <= text.len()
                && match (fold_len(k), fold_len(i)) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
                && title::fold_eq(&units[k].text, text)
        }) {
            s += 1.0;
        }
        // A sentence's stop speaks against a headline; a question mark
        // does not (headlines ask), a colon more (it introduces what follows).
        if j.d.terminal {
            let t =
                text.trim_end_matches(['"', '\'', '”', '’', '»', ')', ']', '›', '」', '』', ' ']);
            if t.ends_with([':', ';']) {
                s -= 2.0;
            } else if !t.ends_with(['?', '!', '？', '！']) {
                s -= 0.5;
            }
        }
        if loose(i) {
            s -= 1.0;
        }
        match j.d.words {
            // A lone word is a menu's entry or a section's label far more
            // often than a headline.
            0..=1 => s -= 2.0,
            2 => s -= 0.5,
            3 => {}
            4..=15 => s += 0.5,
            _ => {}
        }
        if !ref_words.is_empty() {
            let d = overlap_with(&ref_words, text, &mut buf);
            s += 1.5 * d;
            if (0.4..0.8).contains(&d) {
                s += 1.5;
            } else if d >= 0.8 {
                s += 0.5;
            }
        }
        s
    };
    let best = candidates
        .iter()
        .map(|&i| (score(i), i))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
    if let Some(f) = first {
        let fp = 7.0
            + if f.len() < units[0].text.len() {
                1.0
            } else {
                0.0
            };
        if best.is_none_or(|(s, _)| s <= fp) {
            return Some((0, f));
        }
    }
    best.map(|(_, i)| (i, units[i].text.as_ref()))
}

/// How many lines after a listing's heading its count or filters stand.
const COUNT_AFTER: usize = 2;
/// Longer than a count's or a filter bar's line.
const COUNT_BYTES: usize = 200;

/// A listing's count of items ("(24 products)", "Products (18)", "436
/// homes", "Showing 1-24 of 96"), or its filter and sort controls ("Filter
/// & Sort", "Sort by: Featured", "Refine your results"), in a few languages;
/// or a forum thread's starter line ("Thread starter Jane", "Started by
/// Jane"), which follows the thread's title as a listing's count follows its.
static COUNT_OR_FILTER: LazyLock<Regex> = LazyLock::new(|| {
    const UNITS: &str = "(?:products?|items?|results?|homes?|listings?|styles?|jobs?|produkte|artikel|ergebnisse|produits|résultats|articles|productos|resultados|artículos|prodotti|risultati|articoli|producten|resultaten|artikelen|produtos)";
    Regex::new(&format!(
        r"(?i)^(?:\(?(?:loaded |showing |viewing )?\d[\d,.]*\+?\s+(?:relevant )?{UNITS}\)?.*|{UNITS}\s*\(\d[\d,.]*\).*|(?:showing|viewing|displaying)\s+(?:\d[\d,.]*\s*[-–]\s*)?\d[\d,.]*\s+(?:of|von|de|di|van)\s+\d.*|filters?(?:\s*(?:&|and|\+)?\s*sort(?: by)?)?:?|sort(?:\s+by)?(?::|\s|$).*|(?:filter (?:&|and) sort|sort (?:&|and) filter).*|refine (?:your )?results.*|(?:thread starter|started by|topic starter|original poster|start date)(?:\s.*)?|discussion in .{{1,80}} started by.*)$"
    ))
    .expect("valid regex")
});

/// A copyright notice anywhere in a line: "© 2025 Acme", "Copyright Acme",
/// "(c) 2025 Acme".
static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)©|\(c\)\s*\d{4}|(?-u:\b)copyright(?-u:\b)").expect("valid regex")
});

/// Longer than a footer's copyright line: a paragraph that mentions one.
const COPYRIGHT_BYTES: usize = 300;

/// How near a byline stands to the name it credits (lines either side).
const CREDIT_NEAR: usize = 6;

/// Is line `i` a name that a byline near it credits ("Jane Doe" beside
/// "By Jane Doe"), or one under a bare "By:"? `byline` gives
/// [`byline::authors`] of a line up to [`CREDIT_NEAR`] away.
fn credited_name<'b>(
    units: &[Unit<'_>],
    i: usize,
    byline: &dyn Fn(usize) -> &'b Option<Vec<String>>,
) -> bool {
    let text = units[i].text.as_ref();
    // A bare opener is a few bytes (normalised text, one space at most).
    if i > 0 && units[i - 1].text.len() <= BARE_BY_BYTES && BARE_BY.is_match(&units[i - 1].text) {
        return true;
    }
    let near = i.saturating_sub(CREDIT_NEAR)..(i + CREDIT_NEAR + 1).min(units.len());
    near.filter(|&k| k != i).any(|k| {
        byline(k)
            .as_ref()
            .is_some_and(|names| names.iter().any(|n| title::fold_eq(n, text)))
    })
}

/// Longer than any line [`BARE_BY`] matches ("reported by:" is 12 bytes;
/// case folding may match `s` with the two bytes of `ſ`).
const BARE_BY_BYTES: usize = 32;

/// A name with two or more degrees or credentials ("Jane Doe, MS, RD",
/// "John Roe, Ph.D., MPH"): an author's line (one could be a state's
/// code after a city).
static NAME_CREDENTIALS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){1,3}(?:,\s*(?:(?:\p{Lu}\.?){2,6}|Ph\.?\s?D\.?)){2,}$")
        .expect("valid regex")
});

/// [`NAME_CREDENTIALS`] matches `text`: only a line with two commas or
/// more can (each credential follows one), and most lines are told by
/// that alone.
fn name_credentials(text: &str) -> bool {
    memchr::memchr_iter(b',', text.as_bytes()).nth(1).is_some() && NAME_CREDENTIALS.is_match(text)
}

/// A shop's promise or price, a consent banner's or a forum's stock phrase,
/// an archive notice, anywhere in a line: never a headline.
/// Its word boundaries are ASCII ones (`(?-u:\b)`; its words are ASCII at
/// their edges): a Unicode `\b` stops the lazy DFA at a line's first
/// non-ASCII byte (a curly quote, a dash) and the search reruns in the
/// backtracker, which cost a tenth of `clean_text`'s time.
static SHOP_OR_CONSENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)free (?:ground |standard |express |2-day |next-day )?shipping(?-u:\b)|(?-u:\b)free returns(?-u:\b)|(?-u:\b)\d+[- ]day (?:returns?|risk[- ]free trial|money[- ]back|free trial)(?-u:\b)|(?-u:\b)store and/or access information on a device(?-u:\b)|(?-u:\b)accept reject all(?-u:\b)|(?-u:\b)you can opt out(?-u:\b)|(?-u:\b)this article is more than \d+ \w+ old(?-u:\b)|^thread starter(?-u:\b)|^(?:sale |regular |original |list )?price:?\s+(?:\p{Sc}|[A-Z]{3}(?-u:\b)|\d)|(?-u:\b)kostenloser versand(?-u:\b)|(?-u:\b)livraison gratuite(?-u:\b)|(?-u:\b)env[ií]o gratis(?-u:\b)|(?-u:\b)spedizione gratuita(?-u:\b)|(?-u:\b)gratis verzending(?-u:\b)")
        .expect("valid regex")
});

/// A byline's opener standing alone, its name on the next line.
static BARE_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:written|posted|reported) )?by:?$|^(?:author|autor|auteur|von|par|por)\s*:?$",
    )
    .expect("valid regex")
});

/// A set of byte lengths, for a first test before a fold is looked up:
/// lengths under 256 by bit, any longer one passes.
struct LenSet([u64; 4]);

impl LenSet {
    fn of(lens: impl Iterator<Item = usize>) -> Self {
        let mut set = LenSet([0; 4]);
        for n in lens {
            if n < 256 {
                set.0[n / 64] |= 1 << (n % 64);
            }
        }
        set
    }

    /// Whether a string of `n` bytes may be in the set.
    fn may_hold(&self, n: usize) -> bool {
        n >= 256 || self.0[n / 64] & (1 << (n % 64)) != 0
    }
}

/// A first test for "is this word, lower-cased, one of a page's few
/// words", for words outside ASCII: a bit per count of characters and
/// first and last character, lower-cased (the count stays when lower-cased
/// but for 'İ', which becomes two; a word with one passes).
struct WideSieve([u64; 64]);

impl Default for WideSieve {
    fn default() -> Self {
        WideSieve([0; 64])
    }
}

impl WideSieve {
    fn bit(chars: usize, first: char, last: char) -> usize {
        (chars.wrapping_mul(61)
            ^ (first as usize).wrapping_mul(131)
            ^ (last as usize).wrapping_mul(7))
            & 4095
    }

    /// Let `lower` (a lower-cased word) pass.
    fn add(&mut self, lower: &str) {
        if let (Some(first), Some(last)) = (lower.chars().next(), lower.chars().next_back()) {
            let bit = Self::bit(lower.chars().count(), first, last);
            self.0[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Whether `word` lower-cased may be one of the added words.
    fn may_hold(&self, word: &str) -> bool {
        let (Some(first), Some(last)) = (word.chars().next(), word.chars().next_back()) else {
            return false;
        };
        if word.contains('\u{130}') {
            return true;
        }
        let bit = Self::bit(
            word.chars().count(),
            lower_end(first, false),
            lower_end(last, true),
        );
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// The first character of `c` lower-cased (its last when `last`: only
/// a few characters lower-case to more than one).
fn lower_end(c: char, last: bool) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else if language::is_own_lower(c) {
        // Most letters outside ASCII in lower-case text: no trip to std's
        // case tables.
        c
    } else if last {
        c.to_lowercase().last().unwrap_or(c)
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// The high bit of each byte of `x` (ASCII bytes) that is an ASCII letter
/// or digit.
#[inline(always)]
fn alnum_highs(x: u64) -> u64 {
    use crate::swar::{bytes_within, ONES};
    bytes_within(x | (ONES * 0x20), b'a', b'z') | bytes_within(x, b'0', b'9')
}

/// The runs of ASCII letters and digits of `bytes` (all ASCII) of `min`
/// bytes or more, as `f(start, end)` in order: what splitting at every
/// other byte gives, found eight bytes at a time, sixty-four to a mask.
#[inline(always)]
fn ascii_runs(bytes: &[u8], min: usize, mut f: impl FnMut(usize, usize)) {
    let len = bytes.len();
    let mut open: Option<usize> = None;
    let mut carry = 0u64;
    let mut block = 0;
    while block < len {
        let mut m = 0u64;
        for j in 0..8 {
            let at = block + 8 * j;
            if at >= len {
                break;
            }
            let highs = alnum_highs(crate::swar::load_padded(bytes, at, b' '));
            // Each byte's high bit to one bit, in byte order.
            m |= ((highs >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * j);
        }
        let prev = (m << 1) | carry;
        let mut starts = m & !prev;
        let mut ends = !m & prev;
        carry = m >> 63;
        if let Some(a) = open {
            if ends == 0 {
                block += 64;
                continue;
            }
            let b = block + ends.trailing_zeros() as usize;
            if b - a >= min {
                f(a, b);
            }
            ends &= ends - 1;
            open = None;
        }
        while starts != 0 {
            let a = block + starts.trailing_zeros() as usize;
            starts &= starts - 1;
            if ends == 0 {
                open = Some(a);
                break;
            }
            let b = block + ends.trailing_zeros() as usize;
            if b - a >= min {
                f(a, b);
            }
            ends &= ends - 1;
        }
        block += 64;
    }
    if let Some(a) = open.filter(|&a| len - a >= min) {
        f(a, len);
    }
}

/// A page's few lower-cased ASCII words (four bytes or more), each with its
/// number, to be found from an ASCII word's bytes up to ASCII case: an
/// open-addressed table keyed by the length and the first and last four
/// bytes, each with the bit of ASCII case set (a letter's lower case; a
/// digit has it already).
struct AsciiWords<'w> {
    slots: Vec<u32>,
    words: Vec<(&'w [u8], usize)>,
    shift: u32,
}

impl<'w> AsciiWords<'w> {
    /// The words of `words` that are ASCII and four bytes or more.
    fn of(words: impl Iterator<Item = (&'w str, usize)>) -> Self {
        let words: Vec<(&[u8], usize)> = words
            .filter(|(w, _)| w.len() >= 4 && w.is_ascii())
            .map(|(w, id)| (w.as_bytes(), id))
            .collect();
        let size = (words.len() * 2).next_power_of_two().max(16);
        let mut slots = vec![u32::MAX; size];
        let shift = 64 - size.trailing_zeros();
        for (n, (w, _)) in words.iter().enumerate() {
            let mut at = Self::slot(w, shift);
            while slots[at] != u32::MAX {
                at = (at + 1) & (size - 1);
            }
            slots[at] = n as u32;
        }
        AsciiWords {
            slots,
            words,
            shift,
        }
    }

    #[inline(always)]
    fn slot(w: &[u8], shift: u32) -> usize {
        let n = w.len();
        let four = |at: usize| u32::from_le_bytes([w[at], w[at + 1], w[at + 2], w[at + 3]]);
        let key = u64::from(four(0) | 0x2020_2020) | u64::from(four(n - 4) | 0x2020_2020) << 32;
        ((key ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> shift) as usize
    }

    /// The number of the word that `w` (ASCII, four bytes or more) is in
    /// lower case.
    #[inline(always)]
    fn find(&self, w: &[u8]) -> Option<usize> {
        let mask = self.slots.len() - 1;
        let mut at = Self::slot(w, self.shift);
        loop {
            let n = self.slots[at];
            let (word, id) = *self.words.get(n as usize)?;
            if word.len() == w.len()
                && word
                    .iter()
                    .zip(w)
                    .all(|(a, b)| *a == b.to_ascii_lowercase())
            {
                return Some(id);
            }
            at = (at + 1) & mask;
        }
    }
}

fn word_set(s: &str) -> Vec<String> {
    let mut v = title::lower_words(s);
    v.sort();
    v.dedup();
    v
}

/// Dice overlap of a candidate line with the reference's word set, without
/// building the candidate's set (repeated words in a headline are rare).
fn overlap_with(reference: &[String], text: &str, buf: &mut String) -> f32 {
    let (shared, words) = shared_words(reference, text, buf);
    if words == 0 || reference.is_empty() {
        return 0.0;
    }
    2.0 * shared.min(reference.len()) as f32 / (reference.len() + words) as f32
}

/// How many of `text`'s words are in `reference`, and how many words it has.
fn shared_words(reference: &[String], text: &str, buf: &mut String) -> (usize, usize) {
    // The reference is lower-cased: an ASCII word matches the one of its
    // length that equals it up to ASCII case, with no copy made.
    // A bit per length and first letter (its ASCII case bit set) rules out
    // most words before the reference is read.
    let bit = |w: &[u8]| 1u64 << ((w.len() * 7 + usize::from(w[0] | 0x20)) & 63);
    let seen = reference
        .iter()
        .filter(|r| !r.is_empty())
        .fold(0, |m, r| m | bit(r.as_bytes()));
    let in_reference = |w: &[u8]| {
        seen & bit(w) != 0
            && reference
                .iter()
                .any(|r| r.len() == w.len() && r.as_bytes().eq_ignore_ascii_case(w))
    };
    let (mut shared, mut words) = (0usize, 0usize);
    if text.is_ascii() {
        // Words over bytes: for ASCII, `char::is_alphanumeric` is the ASCII test.
        for w in text
            .as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            words += 1;
            shared += usize::from(in_reference(w));
        }
        return (shared, words);
    }
    // (The words as `char::is_alphanumeric` splits them, from a table.)
    for w in language::alnum_words(text) {
        words += 1;
        let found = if w.is_ascii() {
            in_reference(w.as_bytes())
        } else {
            crate::classify::language::lower_into(w, buf);
            reference.binary_search(buf).is_ok()
        };
        shared += usize::from(found);
    }
    (shared, words)
}

/// The publication date: a date standing as a field near the top, one that
/// says "published" first, then one that does not say "updated".
fn find_published(
    units: &[Unit<'_>],
    js: &mut [Judged],
    dates: &date::DateMemo,
    from: usize,
    top: usize,
) -> Option<String> {
    let mut fallback: Option<String> = None;
    let mut best: Option<String> = None;
    for i in (from..top).chain(0..from.min(top)) {
        let text = units[i].text.as_ref();
        // (A line without a year finds no date: not read further.)
        if js[i].d.chars > 400
            || !date::may_hold_date(text)
            || date::activity_line(text, i.checked_sub(1).map(|j| units[j].text.as_ref()))
        {
            continue;
        }
        for hit in dates.of(i, text) {
            if !date::is_standalone(text, hit) {
                continue;
            }
            if js[i].d.words <= 12 && js[i].reason.is_none() {
                js[i].reason = Some(Reason::Metadata);
            }
            if date::says_published(text) {
                return Some(hit.iso.clone());
            }
            if date::says_updated(text) {
                fallback.get_or_insert_with(|| hit.iso.clone());
            } else {
                best.get_or_insert_with(|| hit.iso.clone());
            }
        }
    }
    best.or(fallback).or_else(|| {
        // Nothing near the top: a line that is only a date, anywhere (many
        // templates print it under the article or in a sidebar).
        (top..units.len()).find_map(|i| {
            let text = units[i].text.as_ref();
            if js[i].d.words > 6 || !text.bytes().any(|b| b.is_ascii_digit()) {
                return None;
            }
            let hit = dates.of(i, text).first()?;
            ((hit.end - hit.start) * 2 >= text.len() && !date::says_updated(text))
                .then(|| hit.iso.clone())
        })
    })
}

fn block_kind(u: &Unit<'_>, j: &Judged, is_html: bool) -> BlockKind {
    if is_html || u.kind != BlockKind::Paragraph {
        return u.kind;
    }
    if j.item {
        BlockKind::ListItem
    } else if j.headline && j.d.words <= 20 && !j.d.terminal {
        BlockKind::Heading
    } else {
        BlockKind::Paragraph
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_dash_is_rfind() {
        for s in [
            "a - b - c",
            " - ",
            "a -b",
            "a- b",
            "-",
            "",
            "x - ",
            "é - ü -",
            "a -- b - ",
            " - - ",
        ] {
            assert_eq!(rfind_spaced_dash(s), s.rfind(" - "), "{s:?}");
        }
    }

    #[test]
    fn labels_and_credits_are_no_titles() {
        for s in [
            "Written by by Jane Doe",
            "Tested by Jane Doe and John Roe",
            "By Jane Doe ⋅ Review Editor",
            "Fact-checked by John Roe",
        ] {
            assert!(CREDIT_LINE.is_match(s), "{s:?}");
        }
        for s in [
            "By the numbers: a year in review",
            "Stand by me",
            "Tested on Linux",
        ] {
            assert!(!CREDIT_LINE.is_match(s), "{s:?}");
        }
        for s in [
            "We value your privacy",
            "2 out of 2 people found this helpful",
            "4.5 out of 5 stars Great value",
            "Notify me when back in stock",
            "Table of Contents",
            "Next topic",
            "Previous topic",
            "No Match Found",
            "Here’s how you know",
            "Remove a Product",
            "Privacy Preference Center",
        ] {
            assert!(UI_LABEL.is_match(s), "{s:?}");
        }
        assert!(!UI_LABEL.is_match("What's new in Rust 1.80"));
        assert!(!UI_LABEL.is_match("Next topic: the harbour's parking"));
        assert!(NAME_CREDENTIALS.is_match("Jane Doe, MS, RD, FAND"));
        assert!(NAME_CREDENTIALS.is_match("John Roe, Ph.D., MPH"));
        assert!(!NAME_CREDENTIALS.is_match("Salt Lake City, UT"));
        assert!(!NAME_CREDENTIALS.is_match("Apple, IBM, AMD"));
        assert!(name_credentials("Jane Doe, MS, RD, FAND"));
        assert!(!name_credentials("Jane Doe, MS"));
        for s in [
            "FREE GROUND SHIPPING ON ALL ORDERS",
            "International Shipping + Free Returns Details",
            "Sale Price USD 55.25 USD 55.25",
            "Store and/or access information on a device",
        ] {
            assert!(SHOP_OR_CONSENT.is_match(s), "{s:?}");
        }
        assert!(!SHOP_OR_CONSENT.is_match("Price Match Guarantee Explained"));
        assert!(UI_LABEL.is_match("22 products"));
        assert!(DOMAIN.is_match("davidbau.com"));
        assert!(DOMAIN.is_match("www.example.co.uk"));
        assert!(!DOMAIN.is_match("Vibe Coding"));
    }
}

#[cfg(test)]
mod title_scan_tests {
    use super::*;

    #[test]
    fn wide_sieve_lets_lower_case_through() {
        for c in '\0'..=char::MAX {
            let lower: Vec<char> = c.to_lowercase().collect();
            if language::is_own_lower(c) {
                assert_eq!(lower, vec![c], "{c:?}");
            }
            // Lower-casing keeps the count of characters but for 'İ'.
            assert!(lower.len() == 1 || c == '\u{130}', "{c:?}");
        }
        let words = [
            "Привет",
            "МИР",
            "Ελλάδα",
            "ÉCOLE",
            "straße",
            "İstanbul",
            "ǅemal",
            "Kelvin\u{212A}",
            "北京",
            "Ωmega",
            "ΣΟΦΟΣ",
        ];
        for w in words {
            let mut lower = String::new();
            language::lower_into(w, &mut lower);
            let mut sieve = WideSieve::default();
            sieve.add(&lower);
            assert!(sieve.may_hold(w), "{w:?}");
            assert!(sieve.may_hold(&lower), "{w:?}");
        }
    }

    #[test]
    fn trail_marks_as_contains() {
        for t in [
            "",
            "a > b",
            "Home › News",
            "Home » News",
            "plain",
            "‹ back",
            "«quote»",
            "—",
            "a–b",
            "½",
            "→",
            "›",
            "»",
            ">",
        ] {
            assert_eq!(has_trail_mark(t), t.contains(['›', '»', '>']), "{t:?}");
        }
    }

    #[test]
    fn ascii_runs_split_as_std() {
        let mut texts: Vec<String> = vec![
            String::new(),
            "a".into(),
            " ".into(),
            "Hello, world! 2025-11-27 x".into(),
            "@[`{/:AZaz09".into(),
        ];
        // Runs across the 64-byte blocks, ending at and past their edges.
        for n in [3, 4, 7, 8, 9, 62, 63, 64, 65, 127, 128, 129, 200] {
            texts.push("w".repeat(n));
            texts.push(format!("{} {}", "a".repeat(n), "b".repeat(n)));
            texts.push(format!("{}.", "c".repeat(n)));
            texts.push(format!(".{}", "d".repeat(n)));
        }
        let all: String = (0u8..128).map(char::from).collect();
        texts.push(all.repeat(3));
        for t in &texts {
            for min in [1, 4] {
                let want: Vec<&[u8]> = t
                    .as_bytes()
                    .split(|b| !b.is_ascii_alphanumeric())
                    .filter(|w| w.len() >= min)
                    .collect();
                let mut got: Vec<&[u8]> = Vec::new();
                ascii_runs(t.as_bytes(), min, |a, b| got.push(&t.as_bytes()[a..b]));
                assert_eq!(got, want, "{t:?}");
            }
        }
    }

    #[test]
    fn ascii_words_find_lower_case() {
        let words = ["kelvin", "headline", "2025", "a1b2c3d4e5f6"];
        let table = AsciiWords::of(words.iter().enumerate().map(|(i, w)| (*w, i)));
        for (i, w) in words.iter().enumerate() {
            assert_eq!(table.find(w.as_bytes()), Some(i));
            assert_eq!(table.find(w.to_ascii_uppercase().as_bytes()), Some(i));
        }
        for w in ["kelvim", "headlines", "2026", "KELVIN!", "abcd"] {
            assert_eq!(table.find(w.as_bytes()), None, "{w}");
        }
    }
}
