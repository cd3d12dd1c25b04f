//! Page metadata the HTML declares: `<title>`, `<meta>`, JSON-LD, `<html lang>`.

use super::{flag, Unit};
use crate::article::BlockKind;
use crate::extract::{byline, date, title};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// What the page says about itself. Empty for text dumps.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    /// The title as the page's own lines spell it, when that differs from
    /// `title` (UTF-8 the page saved as Latin-1, read back in `title`).
    pub title_spelled: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    /// The date of the last revision: the page's date when it declares,
    /// shows or says no other.
    pub modified: Option<String>,
    /// A date in a byline or after a "Published"/"Updated" label anywhere on
    /// the page, when it stands inside a longer line: the last resort.
    pub byline_date: Option<String>,
    /// Names from the first byline line anywhere on the page ("By Jane Doe"
    /// under the article, in an author box): the last resort.
    pub late_authors: Vec<String>,
    pub authors: Vec<String>,
    pub language: Option<&'static str>,
    /// The page declares itself an article or a post (`og:type` article,
    /// a JSON-LD `Article`, `BlogPosting`, `DiscussionForumPosting`, ...).
    pub article: bool,
    /// The page declares itself one product (`og:type` product).
    pub product: bool,
}

macro_rules! sel {
    ($name:ident, $css:expr) => {
        static $name: LazyLock<Selector> =
            LazyLock::new(|| Selector::parse($css).expect("valid selector"));
    };
}
sel!(
    AUTHOR_IMG,
    r#"[class*="author"] img[alt], img[class*="author"][alt], [class*="byline"] img[alt]"#
);

/// A `<meta>`'s attributes that name it and give its value.
#[derive(Default)]
struct MetaAttrs<'a> {
    property: Option<&'a str>,
    name: Option<&'a str>,
    itemprop: Option<&'a str>,
    content: Option<&'a str>,
}

/// The elements the metadata is read from, in the order (and with the
/// matching rules) of `Html::select` with the selectors `meta`, `title`,
/// `h1`, `script[type="application/ld+json"]`, `time[datetime]`,
/// `link[rel="canonical"][href]` and `html`: one linear pass over the tree
/// instead of one per selector.
#[derive(Default)]
struct Scan<'a> {
    metas: Vec<MetaAttrs<'a>>,
    title: Option<ElementRef<'a>>,
    h1s: Vec<ElementRef<'a>>,
    ld_scripts: Vec<ElementRef<'a>>,
    /// `datetime` of each `<time>` that has one.
    times: Vec<&'a str>,
    /// `href` of each canonical `<link>`.
    canonicals: Vec<&'a str>,
    /// `lang` of the first `<html>`; `None` also when it has none.
    html_lang: Option<Option<&'a str>>,
}

impl<'a> Scan<'a> {
    fn new(doc: &'a Html) -> Self {
        let mut s = Scan::default();
        for node in doc.tree.nodes() {
            let Some(el) = ElementRef::wrap(node) else {
                continue;
            };
            // `Html::select` skips detached nodes.
            if node.parent().is_none() {
                continue;
            }
            let v = el.value();
            // Attribute values a selector compares ignore ASCII case on
            // HTML elements (`type`, `rel`), as the selectors crate does.
            let html_ns = &*v.name.ns == "http://www.w3.org/1999/xhtml";
            let eq = |a: &str, b: &str| {
                if html_ns {
                    a.eq_ignore_ascii_case(b)
                } else {
                    a == b
                }
            };
            match v.name() {
                "meta" => {
                    let mut m = MetaAttrs::default();
                    for (k, val) in &v.attrs {
                        if !k.ns.is_empty() {
                            continue;
                        }
                        let slot = match &*k.local {
                            "property" => &mut m.property,
                            "name" => &mut m.name,
                            "itemprop" => &mut m.itemprop,
                            "content" => &mut m.content,
                            _ => continue,
                        };
                        if slot.is_none() {
                            *slot = Some(&**val);
                        }
                    }
                    s.metas.push(m);
                }
                "title" if s.title.is_none() => s.title = Some(el),
                "h1" => s.h1s.push(el),
                "script"
                    if no_ns_attrs(v).any(|(k, a)| k == "type" && eq(a, "application/ld+json")) =>
                {
                    s.ld_scripts.push(el)
                }
                "time" => s.times.extend(v.attr("datetime")),
                "link" if no_ns_attrs(v).any(|(k, a)| k == "rel" && eq(a, "canonical")) => {
                    s.canonicals.extend(v.attr("href"))
                }
                "html" if s.html_lang.is_none() => s.html_lang = Some(v.attr("lang")),
                _ => {}
            }
        }
        s
    }
}

/// An element's attributes in no namespace, as a selector's `[name=value]` reads them.
fn no_ns_attrs(v: &scraper::node::Element) -> impl Iterator<Item = (&str, &str)> {
    v.attrs
        .iter()
        .filter(|(k, _)| k.ns.is_empty())
        .map(|(k, a)| (&*k.local, &**a))
}

/// Read the page's declared metadata; `units` (from [`super::html::segment`])
/// give the on-page headline and byline.
pub(crate) fn extract(doc: &Html, units: &[Unit<'_>]) -> PageMeta {
    let mut m = PageMeta::default();
    let scan = Scan::new(doc);
    let mut metas: Vec<(String, String)> = Vec::new();
    for v in &scan.metas {
        let key = v.property.or(v.name).or(v.itemprop);
        if let (Some(k), Some(c)) = (key, v.content) {
            // Whitespace as the page shows it: `"Guide  |  Site"` splits like `"Guide | Site"`.
            metas.push((k.to_ascii_lowercase(), normalize(&decode_entities(c))));
        }
    }
    // The first non-empty value of each name.
    let mut by_name: HashMap<&str, &str> = HashMap::with_capacity(metas.len());
    for (k, c) in &metas {
        if !c.is_empty() {
            by_name.entry(k.as_str()).or_insert(c.as_str());
        }
    }
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| by_name.get(k).map(|c| c.to_string()))
    };

    let ld = json_ld(&scan);
    let og_type = get(&["og:type"]).unwrap_or_default().to_ascii_lowercase();
    m.article = og_type == "article" || ld.as_ref().is_some_and(|l| l.article);
    m.product = ld.as_ref().is_some_and(|l| l.product);
    let doc_title = scan
        .title
        .map(|t| decode_entities(&normalize(&t.text().collect::<String>())));

    m.site_name = get(&["og:site_name", "application-name", "twitter:site"])
        .filter(|s| !s.starts_with('@'))
        .or_else(|| ld.as_ref().and_then(|l| l.publisher.clone()))
        .or_else(|| {
            let t = doc_title.as_deref()?;
            let (head, site) = title::split_site(t)?;
            // "Section | Site Name" read as "Site | Headline" (a short first
            // part): the page's `<h1>` showing the first part says it heads.
            let is_h1 = |part: &str| {
                units.iter().any(|u| {
                    u.kind == BlockKind::Heading && u.level == 1 && title::fold_eq(&u.text, part)
                })
            };
            let swapped = t.starts_with(site) && is_h1(site) && !is_h1(head);
            Some(if swapped { head } else { site }.to_string())
        });

    // The social title (og/twitter, else <title>) names the page as shared;
    // JSON-LD's headline is often an SEO variant.
    let declared = get(&["og:title", "twitter:title"])
        .or_else(|| doc_title.clone())
        .or_else(|| ld.as_ref().and_then(|l| l.headline.clone()))
        .map(|d| strip_site(&d, m.site_name.as_deref()))
        // "| Site": a template whose headline was left empty names no page.
        .filter(|d| !d.is_empty() && !d.starts_with(['|', '-', '–', '—', '·', '•', ':']));
    // The on-page headline is the title when the declared one agrees with it
    // (it often carries a site suffix or a section prefix); a headline that
    // shares few words with the declared title is a banner or a slogan.
    // Each `<h1>`'s words, folded: a headline whose parts are blocks of
    // their own ("Staple Tee" over "5001") comes in several units.
    // Only looked up when two heading units of level 1 stand together.
    let split_h1 = units.windows(2).any(|w| {
        w.iter()
            .all(|u| u.kind == BlockKind::Heading && u.level == 1)
    });
    let dom_h1s: Vec<String> = scan
        .h1s
        .iter()
        .take(if split_h1 { MAX_DOM_H1S } else { 0 })
        .filter_map(|h| {
            // A headline is short: an `<h1>` wrapping a page's worth of
            // text is read no further.
            let mut text = String::new();
            for t in h.text() {
                text.push_str(t);
                if text.len() > MAX_DOM_H1_BYTES {
                    return None;
                }
            }
            Some(title::fold(&text))
        })
        .filter(|f| !f.is_empty())
        .collect();
    let heads: Vec<String> = headlines(units, m.site_name.as_deref(), &dom_h1s)
        .into_iter()
        .filter(|h| !doc_title.as_deref().is_some_and(|t| names_site(h, t)))
        .collect();
    // An on-page headline that is one part of a declared title, word for
    // word ("Managing dependencies" in "Managing dependencies - The Go
    // Programming Language"), settles which side of the separator the title
    // is, however many words each side has.
    let sources: Vec<&str> = [
        by_name.get("og:title").copied(),
        by_name.get("twitter:title").copied(),
        doc_title.as_deref(),
        ld.as_ref().and_then(|l| l.headline.as_deref()),
    ]
    .into_iter()
    .flatten()
    .collect();
    // A social title that is itself one part of `<title>` ("Lessons Learned:
    // The lean startup" shared as "The lean startup") has settled it already:
    // a headline matching another part is the blog's or the section's name.
    let site_fold = m.site_name.as_deref().map(title::fold);
    let social_part = by_name
        .get("og:title")
        .or_else(|| by_name.get("twitter:title"))
        .map(|o| title::fold(o))
        .filter(|o| site_fold.as_ref() != Some(o))
        .filter(|o| {
            doc_title.as_deref().is_some_and(|t| {
                title::fold(t) != *o && title::parts(t).any(|p| title::fold(p) == *o)
            })
        });
    // The candidates first, then any other `<h1>` (a blog's name in the
    // first one, the post's title in the second).
    let other_h1s: Vec<String> = units
        .iter()
        .enumerate()
        .filter(|(_, u)| {
            u.kind == BlockKind::Heading
                && u.level == 1
                && !u.has(flag::HIDDEN)
                && u.text.chars().count() <= 300
        })
        .map(|(k, _)| whole_h1(units, k, &dom_h1s))
        .filter(|h| !doc_title.as_deref().is_some_and(|t| names_site(h, t)))
        .collect();
    let part_of_declared = heads.iter().chain(&other_h1s).find(|h| {
        let f = title::fold(h);
        !f.is_empty()
            && site_fold.as_deref() != Some(f.as_str())
            && social_part.as_ref().is_none_or(|o| *o == f)
            && sources
                .iter()
                // Parts cut at spaced separators only too: a headline
                // can hold a colon ("Guide: What You Need to Know - Site").
                .any(|s| {
                    title::parts(s).any(|p| title::fold(p) == f)
                        || title::spaced_parts(s).iter().any(|p| title::fold(p) == f)
                })
    });
    // That headline standing outside the content (a book's or a site's name
    // in the page's header) while another part of the same declared title
    // heads the content ("What is Ownership? - The Rust Programming
    // Language" over a chapter headed "What Is Ownership?"): that part is
    // the page's title, the headline the site's name.
    let heads_content = |t: &str, levels: u8| {
        units.iter().any(|u| {
            u.kind == BlockKind::Heading
                && (1..=levels).contains(&u.level)
                && u.has(flag::DOM_CONTENT)
                && !u.has(flag::HIDDEN)
                && title::fold_eq(&u.text, t)
        })
    };
    // The site's name as declared, not as guessed from the `<title>`.
    let declared_site = get(&["og:site_name", "application-name", "twitter:site"])
        .or_else(|| ld.as_ref().and_then(|l| l.publisher.clone()))
        .map(|s| title::fold(&s));
    let content_part = part_of_declared
        .filter(|h| !heads_content(h, 6))
        .and_then(|h| {
            let f = title::fold(h);
            sources
                .iter()
                .filter(|s| title::fold(s) != f)
                .map(|s| title::spaced_parts(s))
                .filter(|parts| parts.iter().any(|p| title::fold(p) == f))
                .flatten()
                .find(|p| {
                    let pf = title::fold(p);
                    pf != f
                        && declared_site.as_deref() != Some(pf.as_str())
                        && p.split_whitespace().count() >= 2
                        && heads_content(p, 3)
                })
        });
    if let (Some(p), Some(h)) = (content_part, part_of_declared) {
        if m.site_name.as_deref().is_some_and(|s| title::fold_eq(s, p)) {
            m.site_name = Some(h.clone());
        }
    }
    // A page whose one `<h1>`, inside its main or article element, shares
    // no word with a `<title>` no social title backs (an app shell's
    // "Site - Tagline", the same on every page): the `<h1>` names the page.
    let shell_h1 = (!by_name.contains_key("og:title") && !by_name.contains_key("twitter:title"))
        .then(|| {
            let mut h1s = units
                .iter()
                .filter(|u| u.kind == BlockKind::Heading && u.level == 1 && !u.has(flag::HIDDEN));
            match (h1s.next(), h1s.next()) {
                (Some(u), None) if u.has(flag::IN_MAIN | flag::IN_ARTICLE) => Some(u),
                _ => None,
            }
        })
        .flatten()
        // (A headline runs a line or two; a page-long `<h1>` is no title.)
        .filter(|u| u.text.len() <= 300)
        .filter(|u| {
            doc_title.as_deref().is_some_and(|t| {
                let words: HashSet<String> = title::lower_words(t).into_iter().collect();
                !words.is_empty()
                    && !title::lower_words(&u.text)
                        .iter()
                        .any(|w| words.contains(w))
            })
        })
        .map(|u| u.text.to_string());
    let chosen = match declared {
        _ if content_part.is_some() => content_part.map(str::to_string),
        _ if part_of_declared.is_some() => part_of_declared.cloned(),
        _ if shell_h1.is_some() => shell_h1,
        // The best candidate when it agrees with the declared title, or with
        // the `<title>` when the social title says something else (an
        // editor's teaser, not the page's words); a later one only when it
        // carries most of either's words.
        Some(d) => {
            let doc = doc_title
                .as_deref()
                .filter(|_| social_part.is_none())
                .map(|t| strip_site(t, m.site_name.as_deref()))
                .filter(|t| *t != d);
            let doc = doc.as_deref();
            heads
                .into_iter()
                .enumerate()
                // A headline that ends a sentence ("The AI community
                // building the future.") is a slogan or a lead.
                .filter(|(_, h)| !ends_sentence(h))
                .find(|(i, h)| {
                    if *i == 0 {
                        agrees(h, &d) || doc.is_some_and(|t| agrees(h, t))
                    } else {
                        agrees_closely(h, &d) || doc.is_some_and(|t| agrees_closely(h, t))
                    }
                })
                .map(|(_, h)| {
                    // A headline that is the declared title behind a few
                    // leading words ("Thread: …", "Blog: …", a date, a product
                    // line) carries a kicker the title leaves out.
                    if title::behind_kicker(&h, &d) {
                        d.clone()
                    } else {
                        h
                    }
                })
                .or(Some(d))
        }
        None => heads.into_iter().next(),
    };
    let finish = |t: String| -> Option<String> {
        let t = title::count_cut(title::domain_cut(title::view_label_cut(&t)));
        let t = title::pipe_head(t);
        // Documentation generators end a heading with its permalink's pilcrow
        // ("Middleware¶"): a link, not a word of the title.
        let t = t.strip_suffix(PERMALINK).map_or(t, str::trim_end);
        // An on-page headline can carry the site's name as a suffix, as the
        // `<title>` does.
        let t = match m.site_name.as_deref() {
            Some(site) => site_suffix_cut(t, site),
            None => t,
        };
        // A listing's count can stand before the site's name ("Trail
        // Shoes (158 items) – Acme").
        let t = title::count_cut(t);
        (!t.is_empty()).then(|| t.to_string())
    };
    // UTF-8 saved as if it were Latin-1 ("Investorâ€™s"), read back; the
    // page's lines still spell it the other way.
    match chosen.as_deref().and_then(crate::mojibake::whole) {
        Some(fixed) => {
            m.title = finish(fixed);
            m.title_spelled = chosen.and_then(finish);
        }
        None => m.title = chosen.and_then(finish),
    }
    // A forum's thread prefix ("News", "Question", a tag) printed in the
    // headline's element, which the JSON-LD headline leaves out and a
    // declared title sets off with a separator ("News - Headline | Forum"):
    // a label, not a word of the title.
    if let (Some(t), Some(h)) = (
        m.title.as_deref(),
        ld.as_ref().and_then(|l| l.headline.as_deref()),
    ) {
        if title::behind_kicker(t, h) && sources.iter().any(|s| set_off_before(s, h)) {
            m.title = Some(h.to_string());
            m.title_spelled = None;
        }
    }

    // The date the page shows near its headline (often "Updated …") is the
    // one readers and the benchmarks take; the declared one comes next.
    let declared_date = ld
        .as_ref()
        .and_then(|l| l.published.clone())
        .or_else(|| {
            get(&[
                "article:published_time",
                "datepublished",
                "og:published_time",
                "publishdate",
                "pubdate",
                "date",
                "dc.date",
                "dc.date.issued",
                "sailthru.date",
                "parsely-pub-date",
                "article:published",
                "og:article:published_time",
                "dcterms.date",
                "dcterms.created",
                "dc.date.created",
                "datecreated",
                "publish-date",
                "published-date",
                "publish_date",
                "date_published",
                "article.published",
                "citation_publication_date",
                "citation_date",
            ])
        })
        .and_then(|d| date::normalise_declared(&d));
    let modified = ld
        .as_ref()
        .and_then(|l| l.modified.clone())
        .or_else(|| {
            get(&[
                "article:modified_time",
                "og:updated_time",
                "datemodified",
                "last-modified",
                "dcterms.modified",
            ])
        })
        .and_then(|d| date::normalise_declared(&d));
    m.published = shown_date(units)
        // The same instant as declared: the declared wording of it.
        .or_else(|| {
            // A date printed under the headline that the declared one does
            // not explain: the page shows its own date (a CMS's stamp of
            // the last build, another object's date in the JSON-LD).
            let declared = declared_date.as_deref()?;
            printed_plain_date(units).filter(|p| date::disagrees(p, declared, modified.as_deref()))
        })
        .or(declared_date)
        .or_else(|| scan.times.iter().find_map(|t| date::normalise_declared(t)))
        // Any other name that says "published".
        .or_else(|| {
            metas
                .iter()
                .filter(|(k, _)| k.contains("publish") || k.contains("created"))
                .find_map(|(_, c)| date::normalise_declared(c))
        })
        .or_else(|| printed_date(units))
        .or_else(|| labelled_date(units));
    // The date in the page's own URL is its publication's.
    let url_date = get(&["og:url"])
        .and_then(|u| date::url_date(&u))
        .or_else(|| scan.canonicals.iter().find_map(|h| date::url_date(h)));
    if let Some(u) = url_date {
        if m.published.as_deref().and_then(|p| p.get(..10)) != Some(u.as_str()) {
            m.published = Some(u);
        }
    }
    m.byline_date = byline_date(units);
    m.modified = modified;

    m.authors = ld.as_ref().map(|l| l.authors.clone()).unwrap_or_default();
    if m.authors.is_empty() {
        if let Some(a) = get(&[
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "byl",
            "cxenseparse:author",
        ])
        .or_else(|| labelled_meta(&metas))
        {
            if !a.starts_with("http") {
                m.authors = a
                    .split([';', '|'])
                    .map(|s| clean_name(s).to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
            }
        }
    }
    if m.authors.is_empty() {
        m.authors = dom_byline(units);
    }
    if m.authors.is_empty() {
        m.authors = label_then_name(units);
    }
    if m.authors.is_empty() {
        m.authors = byline_under_headline(units);
    }
    if m.authors.is_empty() {
        // Shown only as a photo: the headshot's alt text in an author box.
        m.authors = doc
            .select(&AUTHOR_IMG)
            .take(8)
            .filter_map(|img| img.value().attr("alt"))
            .map(|alt| clean_name(normalize(alt).as_str()).to_string())
            .find(|n| byline::looks_like_name(n))
            .into_iter()
            .collect();
    }
    if m.authors.is_empty() {
        m.authors = ld
            .as_ref()
            .map(|l| l.org_authors.clone())
            .unwrap_or_default();
    }
    m.late_authors = late_byline(units);
    if m.late_authors.is_empty() {
        m.late_authors = dated_name(units);
    }
    if m.late_authors.is_empty() {
        m.late_authors = profile_link(units);
    }
    m.authors
        .retain(|a| !a.is_empty() && a.chars().count() <= 100);
    // Declared names come from the same double-encoded page as its lines
    // ("JOHNSONâ\u{80}\u{99}S"): read back as the lines are.
    for a in &mut m.authors {
        if let Cow::Owned(fixed) = crate::mojibake::repair(a) {
            *a = fixed;
        }
    }
    m.authors.dedup();
    if let Some(Cow::Owned(fixed)) = m.site_name.as_deref().map(crate::mojibake::repair) {
        m.site_name = Some(fixed);
    }

    m.language = scan.html_lang.flatten().and_then(lang_code).or_else(|| {
        get(&["og:locale", "content-language", "language"])
            .as_deref()
            .and_then(lang_code)
    });
    m
}

fn normalize(s: &str) -> String {
    super::normalize_ws(s).into_owned()
}

/// The on-page headline candidates, best first: the `<h1>` inside the main
/// content container, the last one before it, the first on the page; never
/// the site's name. The container's first `<h1>` may be a section heading
/// when the headline stands above it, so all three are offered.
fn headlines(units: &[Unit<'_>], site: Option<&str>, dom_h1s: &[String]) -> Vec<String> {
    let site = site.map(title::fold).unwrap_or_default();
    let usable = |u: &Unit<'_>| {
        u.kind == BlockKind::Heading
            && u.level == 1
            && !u.has(flag::HIDDEN)
            && u.text.chars().count() <= 300
            && {
                let f = title::fold(&u.text);
                !f.is_empty() && f != site
            }
    };
    let first_content = units.iter().position(|u| u.has(flag::DOM_CONTENT));
    let inside = units
        .iter()
        .position(|u| usable(u) && u.has(flag::DOM_CONTENT));
    let before = first_content.and_then(|c| units[..c].iter().rposition(&usable));
    let first = units.iter().position(usable);
    let mut out: Vec<String> = Vec::with_capacity(3);
    for k in [inside, before, first].into_iter().flatten() {
        let text = whole_h1(units, k, dom_h1s);
        if !out.contains(&text) {
            out.push(text);
        }
    }
    out
}

/// The sign documentation generators link a heading's permalink with.
const PERMALINK: char = '¶';

/// How many `<h1>` elements a page's headline is looked for among.
const MAX_DOM_H1S: usize = 50;
/// The longest `<h1>` (bytes of text) whose pieces are joined again.
const MAX_DOM_H1_BYTES: usize = 1200;
/// How many units one `<h1>` may be split into and joined again.
const MAX_H1_PIECES: usize = 4;

/// The text of the whole `<h1>` that heading unit `k` is a piece of: it
/// and the heading units around it, joined, when the page has an `<h1>`
/// with just those words and none with its alone. Its own text otherwise.
fn whole_h1(units: &[Unit<'_>], k: usize, dom_h1s: &[String]) -> String {
    let u = &units[k];
    let own = title::fold(&u.text);
    if own.is_empty() || dom_h1s.contains(&own) || !dom_h1s.iter().any(|d| d.contains(&own)) {
        return u.text.to_string();
    }
    let piece = |v: &Unit<'_>| v.kind == BlockKind::Heading && v.level == 1;
    let first = (k.saturating_sub(MAX_H1_PIECES - 1)..k)
        .rev()
        .take_while(|&j| piece(&units[j]))
        .last()
        .unwrap_or(k);
    for s in first..=k {
        let mut folded = String::new();
        for e in s..units.len().min(s + MAX_H1_PIECES) {
            if !piece(&units[e]) {
                break;
            }
            folded.push_str(&title::fold(&units[e].text));
            if !dom_h1s.iter().any(|d| d.starts_with(&folded)) {
                break;
            }
            if e >= k && dom_h1s.contains(&folded) {
                return units[s..=e]
                    .iter()
                    .map(|v| v.text.as_ref())
                    .collect::<Vec<_>>()
                    .join(" ");
            }
        }
    }
    u.text.to_string()
}

/// Does headline `h` name the site: a short `<h1>` (a logo's text) whose
/// words are those of the short last part of `<title>`, not its first part
/// ("Arch Linux" over "What happened with … / Arch Discussion / Arch Linux
/// Forums")?
fn names_site(h: &str, title: &str) -> bool {
    let parts: Vec<&str> = title::parts(title).skip(1).collect();
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return false;
    };
    let (hw, lw) = (title::lower_words(h), title::lower_words(last));
    parts.len() >= 2
        && !hw.is_empty()
        && hw.len() <= MAX_SITE_WORDS
        && lw.len() <= MAX_SITE_WORDS
        && hw.iter().all(|w| lw.contains(w))
        && !title::fold_eq(h, first)
}

/// The most words a site's name in a `<title>`'s last part, and a logo's
/// `<h1>` repeating it, are taken to have.
const MAX_SITE_WORDS: usize = 3;

/// Two titles agree when at least half the words of the shorter one are in
/// the other. A single word agrees with a title of up to five words only:
/// a longer title names things on its way ("How we pwned X, Vercel,
/// Discord and …"), and one of them heading a section says nothing.
fn agrees(a: &str, b: &str) -> bool {
    let (shared, short, long) = overlap(a, b);
    short == 0 || (shared * 2 >= short && (short >= 2 || long <= MAX_ONE_WORD_TITLE))
}

/// The longest title (in words) a one-word headline can agree with.
const MAX_ONE_WORD_TITLE: usize = 5;

/// Two titles agree closely when they share at least two words and half the
/// words of the longer one.
fn agrees_closely(a: &str, b: &str) -> bool {
    let (shared, _, long) = overlap(a, b);
    shared >= 2 && shared * 2 >= long
}

/// Words of the shorter title found in the longer, and both word counts.
fn overlap(a: &str, b: &str) -> (usize, usize, usize) {
    let (wa, wb) = (title::lower_words(a), title::lower_words(b));
    let (short, long) = if wa.len() <= wb.len() {
        (&wa, &wb)
    } else {
        (&wb, &wa)
    };
    let shared = short.iter().filter(|w| long.contains(w)).count();
    (shared, short.len(), long.len())
}

/// Does `h` end with a full stop that closes a sentence, not an
/// abbreviation ("U.S.", "Inc.") or an ellipsis?
fn ends_sentence(h: &str) -> bool {
    let Some(body) = h.trim_end().strip_suffix('.') else {
        return false;
    };
    let last = body.rsplit(char::is_whitespace).next().unwrap_or_default();
    let abbreviation =
        last.contains('.') || (last.chars().count() <= 3 && last.starts_with(char::is_uppercase));
    !last.is_empty() && !abbreviation
}

/// Does `s` hold `h` after a separator, with words before it ("Prefix - h")?
fn set_off_before(s: &str, h: &str) -> bool {
    let h = h.trim();
    !h.is_empty()
        && s.find(h).is_some_and(|at| {
            s[..at]
                .trim_end()
                .strip_suffix(['-', '–', '—', '|', '·', '•', ':', '»', '›', '/'])
                .is_some_and(|before| !before.trim().is_empty())
        })
}

/// `"Headline – Site"` → `"Headline"` when `site` is the site's name; the
/// title as it is otherwise.
fn site_suffix_cut<'t>(t: &'t str, site: &str) -> &'t str {
    if site.is_empty() {
        return t;
    }
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " • "] {
        if let Some(head) = t.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
            if !head.trim().is_empty() {
                return head.trim();
            }
        }
    }
    t
}

/// `"Headline | Site"` → `"Headline"`, by the site's name when known, else by
/// the usual separators.
fn strip_site(t: &str, site: Option<&str>) -> String {
    if let Some(site) = site.filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", ": "] {
            if let Some(head) = t
                .strip_suffix(site)
                .and_then(|h| h.strip_suffix(sep.trim_start()))
                .or_else(|| t.strip_suffix(site).and_then(|h| h.strip_suffix(sep)))
            {
                if !head.trim().is_empty() {
                    return head.trim().to_string();
                }
            }
            if let Some(head) = t.strip_prefix(site).and_then(|h| h.strip_prefix(sep)) {
                if !head.trim().is_empty() {
                    return head.trim().to_string();
                }
            }
        }
    }
    title::split_site(t)
        .map(|(head, _)| head)
        .or_else(|| slashed_head(t))
        .unwrap_or(t)
        .to_string()
}

/// `"Topic / Forum / Site"` → `"Topic"`: a slash between spaces twice or
/// more is a trail, as forum software writes its `<title>`s; once, it can
/// be the headline's own (`"2026 / 2027"`).
fn slashed_head(t: &str) -> Option<&str> {
    let mut parts = t.split(" / ");
    let head = parts.next()?.trim();
    (parts.count() >= 2 && !head.is_empty()).then_some(head)
}

/// Names a byline line gave, each as [`clean_name`] leaves it, the empty ones
/// dropped.
pub(crate) fn clean_names(names: Vec<String>) -> Vec<String> {
    names
        .iter()
        .map(|n| clean_name(n))
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

/// A name as written in a byline element: without "By", "Written by",
/// "Author:".
fn clean_name(s: &str) -> &str {
    let mut s = s.trim();
    // "ByJane Doe": the label glued to the name by the markup.
    if let Some(rest) = s.strip_prefix("By") {
        if rest.starts_with(|c: char| c.is_uppercase()) {
            s = rest;
        }
    }
    for p in [
        "view all posts by ",
        "all posts by ",
        "more posts by ",
        "more by ",
        "see all of ",
        "written by: ",
        "posted by: ",
        "written by ",
        "posted by ",
        "reviewed by ",
        "published by ",
        "text by ",
        "words by ",
        "story by ",
        "article by ",
        "by: ",
        "by ",
        "author: ",
        "author ",
        "von ",
        "par ",
        "por ",
    ] {
        if s.len() > p.len() && s.is_char_boundary(p.len()) && s[..p.len()].eq_ignore_ascii_case(p)
        {
            s = s[p.len()..].trim_start();
        }
    }
    let s = s.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == ':');
    // "Written by: Jane Doe": the label's colon once the label is gone.
    let s = s.strip_prefix("by:").map_or(s, str::trim_start);
    let s = unrepeat(s);
    // "See all of Jane Doe's reviews": the name before the possessive; a
    // capitalised word after it is part of a name ("Children's Hospital").
    let s = s
        .find("'s ")
        .or_else(|| s.find("’s "))
        .filter(|&p| s[p..].split_whitespace().count() <= 3)
        .filter(|&p| {
            !s[p..]
                .split_whitespace()
                .nth(1)
                .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase()))
        })
        .map_or(s, |p| &s[..p]);
    // "hayley.p 2 May 2025 18:48": a date or time after the name.
    let s = s
        .match_indices(' ')
        .find(|&(p, _)| s[p + 1..].starts_with(|c: char| c.is_ascii_digit()))
        .map_or(s, |(p, _)| s[..p].trim_end());
    // "Jane Doe December 3, 2024", "jdoe June": a date after the name (a
    // one-word name only before a month written in full).
    let s = match s.rsplit_once(' ') {
        Some((head, last))
            if is_month(last)
                && (head.contains(' ')
                    || MONTH_NAMES.iter().any(|m| last.eq_ignore_ascii_case(m))) =>
        {
            head
        }
        _ => s,
    };
    // Again once a date is cut: "jdoe (jdoe) July 30, 2024, 3:22pm".
    let s = unrepeat(strip_trailers(s));
    // "jdoe in Workshop Woodworking": the section the post was filed in.
    let s = s
        .find(" in ")
        .filter(|&p| {
            let head: Vec<&str> = s[..p].split_whitespace().collect();
            s[p + 4..].starts_with(|c: char| c.is_uppercase())
                && (head.len() == 1
                    || head.len() <= 3
                        && head
                            .iter()
                            .all(|w| w.starts_with(|c: char| c.is_uppercase())))
        })
        .map_or(s, |p| s[..p].trim_end());
    // "Jane Doe ⋅ Review Editor", "Jane Doe - Product marketer": a role
    // after a spaced separator.
    let s = [" ⋅ ", " · ", " • ", " | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| s.find(sep))
        .min()
        .map_or(s, |p| s[..p].trim_end());
    // "Jane Doe says", "jdoe wrote": a comment's author, not the article's.
    let commenter = s
        .rsplit_once(' ')
        .is_some_and(|(_, last)| matches!(last.to_lowercase().as_str(), "says" | "said" | "wrote"));
    // "Jane Doe avatar", "Jane Doe Updated": interface words after the name.
    let mut s = s;
    while let Some((head, last)) = s.rsplit_once(' ') {
        if !matches!(
            last.to_lowercase().as_str(),
            "avatar" | "photo" | "updated" | "published" | "posted"
        ) {
            break;
        }
        s = head.trim_end();
    }
    // "Photo of author", "Like Liked by": interface text in an author element.
    let interface = s
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| NOT_NAME_WORDS.contains(&w.to_lowercase().as_str()));
    if commenter || interface || is_label(s) {
        ""
    } else {
        s
    }
}

/// "Jane Doe (Jane Doe)", "jdoe (jdoe)": a repeated handle, once.
fn unrepeat(s: &str) -> &str {
    match s.strip_suffix(')').and_then(|h| h.rsplit_once(" (")) {
        Some((head, inner)) if head.trim().eq_ignore_ascii_case(inner.trim()) => head.trim(),
        _ => s,
    }
}

/// Words of the interface around a byline, never in a person's name.
const NOT_NAME_WORDS: [&str; 15] = [
    "photo",
    "avatar",
    "bio",
    "methodology",
    "liked",
    "contributions",
    "since",
    "updated",
    "published",
    "posted",
    "subscribe",
    "reply",
    "login",
    "insights",
    "name",
];

/// What a byline puts after the name once its date is cut: a weekday, a
/// dangling "on", a link label.
fn strip_trailers(s: &str) -> &str {
    // "BeauHD on Friday", "Jane Doe on": a day or a dangling "on" after the name.
    let s = match s.rsplit_once(' ') {
        Some((head, "on")) => head.trim_end(),
        Some((head, last)) if is_weekday(last) => {
            head.strip_suffix(" on").map_or(head, str::trim_end)
        }
        _ => s,
    };
    // "Jane DoeNovember": a month glued to the name by the markup.
    let s = MONTH_NAMES
        .iter()
        .find_map(|m| {
            let cap = s.len().checked_sub(m.len())?;
            let tail = s.get(cap..)?;
            let before = s[..cap].chars().next_back()?;
            (tail.eq_ignore_ascii_case(m)
                && tail.starts_with(|c: char| c.is_uppercase())
                && before.is_lowercase())
            .then(|| &s[..cap])
        })
        .unwrap_or(s);
    // "Jane Doe View", "jdoe Profile": a link label after the name.
    let s = match s.rsplit_once(' ') {
        Some((head, last)) if TRAILING_LABELS.contains(&last.to_lowercase().as_str()) => {
            head.trim_end()
        }
        _ => s,
    };
    s.trim_end_matches([',', ';', ':']).trim_end()
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words a byline element puts after the name: link labels and status.
const TRAILING_LABELS: [&str; 5] = ["view", "profile", "offline", "online", "follow"];

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']).to_lowercase();
    w.len() >= 3 && MONTH_NAMES.iter().any(|m| m.starts_with(&w))
}

fn is_weekday(w: &str) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let w = w.trim_end_matches(['.', ',']).to_lowercase();
    DAYS.contains(&w.as_str())
}

/// A byline's label without a name ("Posted by", "About the author"), or a
/// template placeholder.
fn is_label(s: &str) -> bool {
    const LABELS: [&str; 26] = [
        "by",
        "on",
        "last",
        "update",
        "updated",
        "posted",
        "written",
        "author",
        "authors",
        "the",
        "about",
        "published",
        "text",
        "admin",
        "article",
        "staff",
        "writer",
        "editor",
        "editors",
        "verified",
        "learn",
        "more",
        "team",
        "contributor",
        "view",
        "profile",
    ];
    s.contains("{{")
        || MONTH_NAMES.iter().any(|m| s.eq_ignore_ascii_case(m))
        || is_weekday(s)
        || (s.contains('.') && !s.contains(' ') && s.chars().filter(|c| *c == '.').count() >= 2)
        || s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| LABELS.contains(&w.to_lowercase().as_str()) || is_month(w) || is_weekday(w))
}

/// Words that label a byline ("Written by", "Auteur"), lower-cased, in the
/// languages the date lexicons cover.
const BYLINE_LABELS: [&str; 16] = [
    "written by",
    "article by",
    "posted by",
    "author",
    "authors",
    "by",
    "geschrieben von",
    "autor",
    "autorin",
    "écrit par",
    "auteur",
    "escrito por",
    "scritto da",
    "autore",
    "geschreven door",
    "auteur(s)",
];

/// A byline label alone on its line ("Written by", "Author:").
fn is_byline_label(s: &str) -> bool {
    let s = s.trim().trim_end_matches(':').trim_end().to_lowercase();
    BYLINE_LABELS.contains(&s.as_str())
}

/// The value of a `twitter:dataN` whose `twitter:labelN` is a byline label
/// (the "Written by" row of shared-link cards).
fn labelled_meta(metas: &[(String, String)]) -> Option<String> {
    let label = metas.iter().find_map(|(k, v)| {
        k.strip_prefix("twitter:label")
            .filter(|_| is_byline_label(v))
    })?;
    let data = format!("twitter:data{label}");
    metas
        .iter()
        .find(|(k, v)| *k == data && !v.is_empty())
        .map(|(_, v)| v.clone())
}

/// A name on the line after a lone byline label ("Written by" / "Jane Doe"
/// in two elements), near the top of the article.
fn label_then_name(units: &[Unit<'_>]) -> Vec<String> {
    let first_content = units
        .iter()
        .position(|u| u.has(flag::DOM_CONTENT))
        .unwrap_or(0);
    let lo = first_content.saturating_sub(DATE_BEFORE);
    let hi = (first_content + PRINTED_AFTER).min(units.len());
    units[lo..hi]
        .windows(2)
        .find(|w| {
            !w[0].has(flag::HIDDEN)
                && !w[1].has(flag::HIDDEN)
                && is_byline_label(&w[0].text)
                && byline::looks_like_name(clean_name(&w[1].text))
        })
        .map(|w| vec![clean_name(&w[1].text).to_string()])
        .unwrap_or_default()
}

/// A line just under the first `<h1>` that opens with a byline label ("By",
/// "Posted by", "by:", "Von", "Par", "Por") names the author, whatever its
/// markup: "Posted by jdoe on Friday December 19, 2025 @08:00PM".
fn byline_under_headline(units: &[Unit<'_>]) -> Vec<String> {
    const OPENERS: [&str; 10] = [
        "by ",
        "by:",
        "posted by ",
        "written by ",
        "von ",
        "par ",
        "por ",
        "di ",
        "door ",
        "av ",
    ];
    let Some(h) = units
        .iter()
        .position(|u| u.kind == BlockKind::Heading && u.level == 1 && !u.has(flag::HIDDEN))
    else {
        return Vec::new();
    };
    units[h + 1..]
        .iter()
        .take(3)
        .filter(|u| !u.has(flag::HIDDEN) && u.text.chars().count() <= 120)
        .find_map(|u| {
            let head: String = u.text.chars().take(12).collect::<String>().to_lowercase();
            if !OPENERS.iter().any(|o| head.starts_with(o)) {
                return None;
            }
            let name = clean_name(&u.text);
            let words = name.split_whitespace().count();
            ((1..=5).contains(&words)
                && name.chars().count() <= 60
                && !name.contains(['·', '|', '•', '/', '@', '&'])
                && !name.contains(" - "))
            .then(|| vec![name.to_string()])
        })
        .unwrap_or_default()
}

/// Authors from byline elements (class or id `author`/`byline`,
/// `rel=author`, `itemprop=author`) near the top of the article.
fn dom_byline(units: &[Unit<'_>]) -> Vec<String> {
    let first_content = units
        .iter()
        .position(|u| u.has(flag::DOM_CONTENT))
        .unwrap_or(0);
    // Bylines stand near the headline: a little before the container, or in it.
    let lo = first_content.saturating_sub(30);
    let candidates = units[lo..]
        .iter()
        .chain(units[..lo].iter())
        .filter(|u| u.has(flag::CLS_BYLINE) && !u.has(flag::HIDDEN));
    for u in candidates.take(20) {
        if u.text.chars().count() > 120 {
            continue;
        }
        if let Some(names) = byline::authors(&u.text) {
            let names: Vec<String> = names
                .iter()
                .map(|n| clean_name(n).to_string())
                .filter(|n| !n.is_empty())
                .collect();
            if !names.is_empty() {
                return names;
            }
        }
        let name = clean_name(&u.text);
        if byline::looks_like_name(name) {
            return vec![name.to_string()];
        }
        // Marked up as the author: a user name ("scvalex") is a name here.
        let words = name.split_whitespace().count();
        if u.has(flag::AUTHOR)
            && (1..=6).contains(&words)
            && name.chars().count() <= 60
            && !name.contains(['·', '|', '•', '/', '@', '&'])
            && !name.contains(" - ")
        {
            return vec![name.to_string()];
        }
    }
    Vec::new()
}

/// The date shown near the top of the article: a `<time datetime>`, or a
/// standalone date in a date or byline element.
fn shown_date(units: &[Unit<'_>]) -> Option<String> {
    let near = near_content(units, DATE_AFTER);
    headline_first(near)
        .map(|i| &near[i])
        .filter(|u| {
            !u.has(flag::HIDDEN | flag::CLS_RELATED | flag::CLS_COMMENT)
                && u.text.chars().count() <= 120
        })
        .filter(|u| !date::says_activity(&u.text))
        .find_map(|u| {
            // The date as printed (local time) before the attribute (often UTC).
            let printed = || standalone_dates(&u.text).next().map(|h| h.iso);
            if let Some(d) = u.datetime.as_deref().and_then(date::normalise_declared) {
                // The printed one only when it is the same day in another
                // time zone: a different date is the text of something else.
                let near = |p: &String| {
                    p.len() >= 10
                        && date::day_number(p)
                            .zip(date::day_number(&d))
                            .is_some_and(|(a, b)| (a - b).abs() <= 1)
                };
                // "Updated … Originally published …": the published one.
                let published = date::find_dates(&u.text)
                    .into_iter()
                    .find(|h| h.iso.len() >= 10 && published_label(&u.text, h))
                    .or_else(|| earlier_of_two(&u.text));
                // An attribute with its own offset is local time already.
                if local_offset(&d) {
                    return published.map(|h| h.iso).or(Some(d));
                }
                return published
                    .map(|h| h.iso)
                    .or_else(|| printed().filter(near))
                    .or(Some(d));
            }
            if !u.has(flag::CLS_META | flag::CLS_BYLINE) {
                return None;
            }
            printed()
        })
}

/// A short line near the top of the article, of any markup, that is mostly a
/// full date ("Posted 3 March 2024", "12.05.2023 | News"): the page's date
/// when nothing declares one.
fn printed_date(units: &[Unit<'_>]) -> Option<String> {
    let near = near_content(units, PRINTED_AFTER);
    headline_first(near)
        .filter(|&i| {
            let above = i.checked_sub(1).map(|j| near[j].text.as_ref());
            !date::activity_line(&near[i].text, above)
        })
        .map(|i| &near[i])
        .filter(|u| !u.has(flag::HIDDEN) && u.text.chars().count() <= 80)
        .find_map(|u| {
            standalone_dates(&u.text)
                .find(|h| h.iso.len() >= 10)
                .map(|h| h.iso)
        })
}

/// The date of [`printed_date`] when neither its line nor the line above
/// labels it an update or a reader's activity ("Updated", "Last post",
/// "Joined").
fn printed_plain_date(units: &[Unit<'_>]) -> Option<String> {
    let near = near_content(units, PRINTED_AFTER);
    headline_first(near)
        .map(|i| (i, &near[i]))
        .filter(|(_, u)| {
            !u.has(flag::HIDDEN | flag::CLS_RELATED | flag::CLS_COMMENT)
                && u.text.chars().count() <= 80
        })
        .find_map(|(i, u)| {
            let hit = standalone_dates(&u.text).find(|h| h.iso.len() >= 10)?;
            let labelled = |t: &str| date::says_updated(t) || date::says_activity(t);
            let above = i.checked_sub(1).map(|j| near[j].text.as_ref());
            let label_above = above.is_some_and(|t| t.chars().count() <= 30 && labelled(t));
            Some((!labelled(&u.text[..hit.start]) && !label_above).then_some(hit.iso))
        })
        .flatten()
}

/// Indices into `near` from its first `<h1>` on, then those above it: a
/// date over the headline is often the header's clock ("Friday, December
/// 19, 2025") or a teaser's.
fn headline_first(near: &[Unit<'_>]) -> impl Iterator<Item = usize> {
    let h = near.iter().position(|u| u.level == 1).unwrap_or(0);
    (h..near.len()).chain(0..h)
}

/// The units from `DATE_BEFORE` above the main container's first unit to
/// `after` below it (the top of the page when no container was found).
fn near_content<'u, 'a>(units: &'u [Unit<'a>], after: usize) -> &'u [Unit<'a>] {
    let first_content = units
        .iter()
        .position(|u| u.has(flag::DOM_CONTENT))
        .unwrap_or(0);
    let lo = first_content.saturating_sub(DATE_BEFORE);
    let hi = (first_content + after).min(units.len());
    &units[lo..hi]
}

/// The dates in `text` that stand as a field of their own, left to right.
fn standalone_dates(text: &str) -> impl Iterator<Item = date::DateHit> + '_ {
    date::find_dates(text)
        .into_iter()
        .filter(move |h| date::is_standalone(text, h))
}

/// A short line anywhere on the page that labels a full date as the
/// publication or the last update ("Last updated: 13 November 2025",
/// "Published on Oct 21, 2025"): the page's date when nothing near the
/// headline dates it.
fn labelled_date(units: &[Unit<'_>]) -> Option<String> {
    units
        .iter()
        .filter(|u| !u.has(flag::HIDDEN) && u.text.chars().count() <= 80)
        .filter(|u| date::says_published(&u.text) || date::says_updated(&u.text))
        .find_map(|u| {
            date::find_dates(&u.text)
                .into_iter()
                .find(|h| h.iso.len() >= 10 && date::is_standalone(&u.text, h))
                .map(|h| h.iso)
        })
}

/// The names of the first line anywhere on the page that reads as a byline
/// ("By Jane Doe December 2, 2025", "Written by Jane Doe").
/// Not in menus, forms, lists, tables or related boxes, where "By Size",
/// "Shop by Brand" are filters; names in capitals are labels.
fn late_byline(units: &[Unit<'_>]) -> Vec<String> {
    const AWAY: u32 = flag::HIDDEN
        | flag::IN_NAV
        | flag::CLS_NAV
        | flag::IN_FORM
        | flag::IN_BUTTON
        | flag::IN_LIST
        | flag::IN_TABLE
        | flag::CLS_RELATED
        | flag::CLS_COMMENT
        | flag::IN_CAPTION;
    let shouted = |n: &str| {
        n.split_whitespace()
            .any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && w == w.to_uppercase())
    };
    units
        .iter()
        .filter(|u| u.flags & AWAY == 0 && u.text.chars().count() <= 120)
        .find_map(|u| {
            let names = clean_names(byline::authors(&unglue_label(&u.text))?);
            (!names.is_empty() && !names.iter().any(|n| shouted(n))).then_some(names)
        })
        .unwrap_or_default()
}

/// A byline label glued to the name by the markup, spaced again ("ByJane
/// Doe", "Authors:Jane Doe"); "Contributors: Jane Doe" read as "By Jane Doe".
fn unglue_label(text: &str) -> std::borrow::Cow<'_, str> {
    if let Some(rest) = text.strip_prefix("By") {
        if rest.starts_with(|c: char| c.is_uppercase()) {
            return format!("By {rest}").into();
        }
    }
    for label in ["Contributors:", "Contributor:", "Authors:", "Author:"] {
        if let Some(rest) = text.strip_prefix(label) {
            return format!("By {}", rest.trim_start()).into();
        }
    }
    text.into()
}

/// A name in a short line that is otherwise one full date ("Dec 26, 2025 •
/// Jane Doe in Project Management", "Jane Doe | May 22, 2025", "September
/// 1st, 2023 By Jane Doe"): the post's metadata line.
fn dated_name(units: &[Unit<'_>]) -> Vec<String> {
    const AWAY: u32 = flag::HIDDEN
        | flag::IN_NAV
        | flag::CLS_NAV
        | flag::IN_FORM
        | flag::CLS_RELATED
        | flag::CLS_COMMENT
        | flag::IN_CAPTION
        | flag::IN_TABLE;
    units
        .iter()
        .filter(|u| u.flags & AWAY == 0 && u.text.chars().count() <= 80)
        .filter(|u| u.text.bytes().any(|b| b.is_ascii_digit()))
        .find_map(|u| {
            let text = u.text.as_ref();
            let dates = date::find_dates(text);
            let [d] = dates.as_slice() else {
                return None;
            };
            let rest = if d.start == 0 {
                &text[d.end..]
            } else if d.end == text.len() {
                &text[..d.start]
            } else {
                return None;
            };
            let part = rest
                .split(['·', '•', '|', '⋅', '—', '–'])
                .map(str::trim)
                .find(|p| !p.is_empty())?;
            // "Jane Doe in Project Management", "Jane Doe on behalf of …".
            let part = [" in ", " on "]
                .iter()
                .filter_map(|w| part.find(w))
                .min()
                .map_or(part, |p| &part[..p]);
            let name = clean_name(part);
            // Every word capitalised (not "Top models"), no date label
            // ("Release Date", "Last Modified"), no link label.
            let capitalised = name
                .split_whitespace()
                .all(|w| w.starts_with(|c: char| c.is_uppercase()));
            let labelled = date::says_published(text)
                || date::says_updated(text)
                || name.split_whitespace().any(|w| {
                    matches!(
                        w.to_lowercase().as_str(),
                        "last" | "edited" | "read" | "more" | "open" | "today" | "new"
                    )
                });
            (capitalised && !labelled && byline::looks_like_name(name))
                .then(|| vec![name.to_string()])
        })
        .unwrap_or_default()
}

/// Hosts of social networks, whose profile links name an outlet's account.
const SOCIAL: [&str; 9] = [
    "youtube.",
    "facebook.",
    "twitter.",
    "x.com/",
    "instagram.",
    "linkedin.",
    "tiktok.",
    "pinterest.",
    "reddit.com/user",
];

/// The first link to a member's profile standing alone ("jdoe" linking to
/// `/u/jdoe`, `/members/jdoe.123/`, `memberlist.php?mode=viewprofile`): on a
/// thread, the opening post's author.
fn profile_link(units: &[Unit<'_>]) -> Vec<String> {
    const AWAY: u32 = flag::HIDDEN
        | flag::IN_NAV
        | flag::CLS_NAV
        | flag::IN_HEADER
        | flag::IN_FOOTER
        | flag::IN_FORM
        | flag::IN_ASIDE
        | flag::CLS_RELATED;
    const PATHS: [&str; 8] = [
        "/u/",
        "/user/",
        "/users/",
        "/member/",
        "/members/",
        "/profile/",
        "viewprofile",
        "/people/",
    ];
    units
        .iter()
        .filter(|u| u.flags & AWAY == 0)
        .find_map(|u| {
            let href = u.href.as_deref()?;
            if !PATHS.iter().any(|p| href.contains(p)) || SOCIAL.iter().any(|h| href.contains(h)) {
                return None;
            }
            let name = clean_name(u.text.trim_start_matches('@'));
            let words = name.split_whitespace().count();
            // A handle, or a name with every word capitalised (not "Start
            // free trial").
            let shaped = words == 1
                || name
                    .split_whitespace()
                    .all(|w| w.starts_with(|c: char| c.is_uppercase()));
            ((1..=3).contains(&words)
                && shaped
                && name.chars().any(char::is_alphabetic)
                && name.chars().count() <= 40
                && !name.contains(['·', '|', '•', '/', '@']))
            .then(|| vec![name.to_string()])
        })
        .unwrap_or_default()
}

/// The first byline or metadata line on the page (up to 160 characters)
/// that carries a full date: "By Ann Smith ⋅ Editor ⋅ Updated November 18,
/// 2025", "Posted on the 15/12/2025 at 19:00 by @jdoe", "Published on Oct
/// 21, 2025 Updated on Mar 9, 2026" (the published one first).
fn byline_date(units: &[Unit<'_>]) -> Option<String> {
    units
        .iter()
        .filter(|u| !u.has(flag::HIDDEN) && u.text.chars().count() <= 160)
        .filter(|u| u.text.bytes().any(|b| b.is_ascii_digit()))
        .find_map(|u| {
            let text = u.text.as_ref();
            let labelled = date::says_published(text) || date::says_updated(text);
            let byline =
                u.has(flag::CLS_BYLINE | flag::CLS_META) || byline::authors(text).is_some();
            if !labelled && !byline {
                return None;
            }
            let hits: Vec<_> = date::find_dates(text)
                .into_iter()
                .filter(|h| h.iso.len() >= 10)
                .collect();
            // The date after a "published" label, else the first.
            hits.iter()
                .find(|h| published_label(text, h))
                .or(hits.first())
                .map(|h| h.iso.clone())
        })
}

/// A date-time that carries an offset other than UTC's
/// (`2024-01-14T21:50:50-0500`).
fn local_offset(d: &str) -> bool {
    let Some(time) = d.get(10..) else {
        return false;
    };
    let Some(at) = time.rfind(['+', '-']) else {
        return false;
    };
    let offset = time[at + 1..].trim_matches(':');
    !offset.is_empty()
        && offset.bytes().all(|b| b.is_ascii_digit() || b == b':')
        && offset.bytes().any(|b| b.is_ascii_digit() && b != b'0')
}

/// A byline that prints two dates ("May 21, 2025 April 24, 2025 by …",
/// the update and the publication): the earlier one.
fn earlier_of_two(text: &str) -> Option<date::DateHit> {
    let hits: Vec<_> = date::find_dates(text)
        .into_iter()
        .filter(|h| h.iso.len() >= 10)
        .collect();
    let [a, b] = hits.as_slice() else {
        return None;
    };
    (a.iso[..10] != b.iso[..10]).then(|| if a.iso <= b.iso { a.clone() } else { b.clone() })
}

/// A "published" label stands in the 30 bytes before the date.
fn published_label(text: &str, h: &date::DateHit) -> bool {
    let mut from = h.start.saturating_sub(30);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    text.get(from..h.start).is_some_and(date::says_published)
}

/// How many units into the container a printed date without date markup may
/// stand.
const PRINTED_AFTER: usize = 8;

/// How many units before the container's start a shown date may stand.
const DATE_BEFORE: usize = 25;
/// How many units into the container (a byline line under the headline).
const DATE_AFTER: usize = 4;

/// Decode the HTML character references that survive in JSON-LD strings and
/// double-escaped attributes (`&amp;`, `&#039;`, `&#x2019;`). Twice, for
/// `&amp;#8230;`.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let once = decode_once(s);
    if once.contains('&') {
        decode_once(&once)
    } else {
        once
    }
}

fn decode_once(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        rest = &rest[p..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map(|e| e + 1);
        let decoded = match end {
            Some(e) if rest.as_bytes().get(e) == Some(&b';') => {
                let name = &rest[1..e];
                let c = match name {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    "nbsp" => Some(' '),
                    "hellip" => Some('…'),
                    "ndash" => Some('–'),
                    "mdash" => Some('—'),
                    "rsquo" => Some('’'),
                    "lsquo" => Some('‘'),
                    "rdquo" => Some('”'),
                    "ldquo" => Some('“'),
                    _ => name.strip_prefix('#').and_then(|n| {
                        let code = match n.strip_prefix(['x', 'X']) {
                            Some(h) => u32::from_str_radix(h, 16).ok(),
                            None => n.parse().ok(),
                        };
                        code.and_then(char::from_u32)
                    }),
                };
                c.map(|c| (c, e + 1))
            }
            _ => None,
        };
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// `"en-US"` → `"en"`: a known two-letter code, as a static string.
fn lang_code(tag: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "zh", "ja", "ko", "sv", "da", "nb",
        "no", "fi", "tr", "cs", "ro", "hu", "id", "ca", "uk", "el", "he", "ar", "hi", "vi", "th",
        "bg", "hr", "sr", "sk", "sl", "lt", "lv", "et", "fa",
    ];
    let code = tag.trim().get(..2)?.to_ascii_lowercase();
    CODES.iter().find(|c| **c == code).copied()
}

#[derive(Default)]
struct Ld {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    authors: Vec<String>,
    /// Authors declared as organisations: used when no person is named.
    org_authors: Vec<String>,
    publisher: Option<String>,
    /// An article type more specific than a `…Page` was declared.
    article: bool,
    /// A `Product` was declared at the top level.
    product: bool,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "TechArticle",
    "ScholarlyArticle",
    "LiveBlogPosting",
    "WebPage",
    "Report",
    "DiscussionForumPosting",
    "SocialMediaPosting",
    "QAPage",
    "Question",
    "Recipe",
    "HowTo",
    "Review",
    "MedicalWebPage",
    "ItemPage",
    "AboutPage",
    "CollectionPage",
    "ProfilePage",
];

/// Types that are a page rather than its article: used only when no article is found.
fn is_page_type(t: &str) -> bool {
    t.ends_with("Page")
}

/// The JSON-LD object of an article type (searched iteratively through
/// arrays, `@graph` and nested objects; a `…Page` only when nothing more
/// specific is declared), with `@id` references resolved.
/// A JSON-LD block; one with raw line breaks or tabs inside its strings
/// (invalid JSON that browsers' consumers accept) is read with them as spaces.
fn parse_json(text: &str) -> Option<Value> {
    let text = text.trim();
    serde_json::from_str::<Value>(text).ok().or_else(|| {
        if !text.contains(['\n', '\r', '\t']) {
            return None;
        }
        let flat: String = text
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        serde_json::from_str::<Value>(&flat).ok()
    })
}

fn json_ld(scan: &Scan<'_>) -> Option<Ld> {
    // Scripts, then the JSON-LD some frameworks put in a `<meta>`'s content.
    let texts = scan
        .ld_scripts
        .iter()
        .map(|script| script.text().collect::<String>());
    let in_meta = scan.metas.iter().filter_map(|v| {
        let key = v.name.or(v.property)?;
        key.to_ascii_lowercase()
            .ends_with("ld+json")
            .then(|| v.content.map(str::to_string))
            .flatten()
    });
    let values: Vec<Value> = texts
        .chain(in_meta)
        .filter_map(|t| parse_json(&t))
        .collect();
    // A `Product` at the top (a root object, an item of a root array or of
    // a root `@graph`): the page is one product's, not a list of them (a
    // shop's grid nests its products inside an `ItemList`).
    let mut top: Vec<&Value> = Vec::new();
    for v in &values {
        for o in v
            .as_array()
            .map_or(std::slice::from_ref(v), |a| a.as_slice())
        {
            top.push(o);
            if let Some(g) = o.get("@graph").and_then(Value::as_array) {
                top.extend(g.iter());
            }
        }
    }
    let product = top.iter().any(|o| match o.get("@type") {
        Some(Value::String(t)) => t == "Product" || t == "ProductGroup",
        Some(Value::Array(ts)) => ts.iter().any(|t| {
            t.as_str()
                .is_some_and(|t| t == "Product" || t == "ProductGroup")
        }),
        _ => false,
    });
    let mut ids: HashMap<&str, &Value> = HashMap::new();
    // The article object: one that dates or credits the page before one that
    // does not (an FAQ's `Question` nested in a `FAQPage`), then the least
    // nested (a listed `Article` is a teaser), then the first.
    let mut article: Option<((bool, usize), &Value)> = None;
    let mut page: Option<&Value> = None;
    let mut stack: Vec<(&Value, usize)> = values.iter().rev().map(|v| (v, 0)).collect();
    while let Some((v, depth)) = stack.pop() {
        match v {
            Value::Array(a) => stack.extend(a.iter().rev().map(|x| (x, depth))),
            Value::Object(o) => {
                if let Some(id) = o.get("@id").and_then(Value::as_str) {
                    if o.len() > 1 {
                        ids.entry(id).or_insert(v);
                    }
                }
                let types: Vec<&str> = match o.get("@type") {
                    Some(Value::String(t)) => vec![t.as_str()],
                    Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
                    _ => Vec::new(),
                };
                let known = types.iter().any(|t| ARTICLE_TYPES.contains(t));
                if known && types.iter().all(|t| is_page_type(t)) {
                    page.get_or_insert(v);
                } else if known {
                    let bare = !["datePublished", "dateCreated", "author", "creator"]
                        .iter()
                        .any(|k| o.contains_key(*k));
                    let rank = (bare, depth);
                    if article.is_none_or(|(best, _)| rank < best) {
                        article = Some((rank, v));
                    }
                }
                stack.extend(
                    o.iter()
                        .filter(|(k, _)| k.as_str() != "@context")
                        .map(|(_, x)| x)
                        .filter(|x| x.is_object() || x.is_array())
                        .collect::<Vec<_>>()
                        .into_iter()
                        .rev()
                        .map(|x| (x, depth + 1)),
                );
            }
            _ => {}
        }
    }
    let article = article.map(|(_, v)| v);
    let Some(o) = article.or(page).and_then(Value::as_object) else {
        return product.then(|| Ld {
            product,
            ..Ld::default()
        });
    };
    let resolve = |v: &'_ Value| -> Option<&Value> {
        match v.get("@id").and_then(Value::as_str) {
            Some(id) if v.as_object().is_some_and(|o| o.get("name").is_none()) => {
                ids.get(id).copied()
            }
            _ => None,
        }
    };
    let s = |k: &str| {
        o.get(k)
            .and_then(Value::as_str)
            .map(|v| decode_entities(&normalize(v)))
            .filter(|s| !s.is_empty())
    };
    let mut ld = Ld {
        headline: s("headline").or_else(|| s("name")),
        published: s("datePublished")
            .or_else(|| s("dateCreated"))
            .or_else(|| s("uploadDate")),
        modified: s("dateModified"),
        article: article.is_some(),
        product,
        ..Ld::default()
    };
    ld.publisher = o
        .get("publisher")
        .map(|p| resolve(p).unwrap_or(p))
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(|v| decode_entities(&normalize(v)));
    let declared: Vec<&Value> = match o.get("author").or_else(|| o.get("creator")) {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(a) => vec![a],
        None => Vec::new(),
    };
    for a in declared {
        let a = resolve(a).unwrap_or(a);
        let is_org = matches!(
            a.get("@type").and_then(Value::as_str),
            Some("Organization" | "NewsMediaOrganization" | "Corporation" | "LocalBusiness")
        );
        if let Some(name) = author_name(a) {
            if is_org {
                ld.org_authors.push(name);
            } else {
                ld.authors.push(name);
            }
        }
    }
    Some(ld)
}

fn author_name(v: &Value) -> Option<String> {
    let name = match v {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o.get("name").and_then(Value::as_str)?,
        _ => return None,
    };
    let name = decode_entities(&normalize(name));
    let name = clean_name(&name);
    (!name.is_empty() && !name.starts_with("http")).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_bylines() {
        assert_eq!(clean_name("By Jane Doe"), "Jane Doe");
        assert_eq!(clean_name("View all posts by Ray Ansari"), "Ray Ansari");
        assert_eq!(clean_name("See all of Jane Doe's reviews"), "Jane Doe");
        assert_eq!(clean_name("St Mary's Hospital"), "St Mary's Hospital");
        assert_eq!(clean_name("hayley.p 2 May 2025 18:48"), "hayley.p");
        assert_eq!(clean_name("Sofia Gonzalez December"), "Sofia Gonzalez");
        assert_eq!(clean_name("Posted by"), "");
        assert_eq!(clean_name("Staff Writer"), "");
        assert_eq!(clean_name("Shelby Loos, DVM"), "Shelby Loos, DVM");
        assert_eq!(clean_name("Written By: Ann Smith"), "Ann Smith");
        assert_eq!(clean_name("Ann SmithNovember"), "Ann Smith");
        assert_eq!(clean_name("jdoe42 June"), "jdoe42");
        assert_eq!(clean_name("jdoe42 (jdoe42)"), "jdoe42");
        assert_eq!(
            clean_name("jdoe42 (jdoe42) July 30, 2024, 3:22pm 1"),
            "jdoe42"
        );
        assert_eq!(clean_name("jdoe42 on Friday"), "jdoe42");
        assert_eq!(clean_name("Ann Smith on"), "Ann Smith");
        assert_eq!(clean_name("A. J. Neal View"), "A. J. Neal");
        assert_eq!(clean_name("Posted on"), "");
        assert_eq!(clean_name("May"), "");
        assert_eq!(clean_name("jdoeFebruary 3, 2025"), "jdoe");
        assert_eq!(clean_name("Jane Roe says"), "");
        assert_eq!(clean_name("by: Ann Smith, Dec 17, 2025"), "Ann Smith");
        assert_eq!(clean_name("By: Acme Labs on"), "Acme Labs");
        assert_eq!(clean_name("ByAnn Smith"), "Ann Smith");
        assert_eq!(clean_name("Byron Lake"), "Byron Lake");
        assert_eq!(clean_name("jdoe42 on Friday December 19, 2025"), "jdoe42");
        assert_eq!(clean_name("Last update"), "");
        // A one-word name keeps a word that only starts like a month.
        assert_eq!(clean_name("Marcus Mar"), "Marcus Mar");
        assert_eq!(clean_name("Juniper"), "Juniper");
        assert_eq!(clean_name("jdoe42 in Workshop Woodworking"), "jdoe42");
        assert_eq!(
            clean_name("This review is in English"),
            "This review is in English"
        );
        assert_eq!(clean_name("Ann Smith ⋅ Review Editor"), "Ann Smith");
        assert_eq!(clean_name("Ann Smith - Product marketer"), "Ann Smith");
        assert_eq!(clean_name("Ann Smith avatar"), "Ann Smith");
        assert_eq!(clean_name("Ann Smith Updated on"), "Ann Smith");
        assert_eq!(clean_name("Photo of author"), "");
        assert_eq!(clean_name("Updated Feb"), "");
    }

    #[test]
    fn labelled_card_meta() {
        let metas = vec![
            ("twitter:label1".to_string(), "Written by".to_string()),
            ("twitter:data1".to_string(), "Ann Smith".to_string()),
            (
                "twitter:label2".to_string(),
                "Est. reading time".to_string(),
            ),
            ("twitter:data2".to_string(), "4 minutes".to_string()),
        ];
        assert_eq!(labelled_meta(&metas).as_deref(), Some("Ann Smith"));
        assert_eq!(labelled_meta(&metas[2..]), None);
        assert!(is_byline_label("Written by"));
        assert!(is_byline_label("Auteur :"));
        assert!(!is_byline_label("Written by Ann Smith"));
    }

    #[test]
    fn byline_dates_in_any_script() {
        let text = "Текст: Венера Ерофеева·24 сентября 2018 Published on 3 March 2024";
        let mut u = Unit::new(text.into(), text.into(), BlockKind::Paragraph);
        u.flags = flag::CLS_BYLINE;
        assert_eq!(byline_date(&[u]).as_deref(), Some("2024-03-03"));
    }

    #[test]
    fn entities() {
        assert_eq!(decode_entities("A &amp; B"), "A & B");
        assert_eq!(decode_entities("It&#039;s"), "It's");
        assert_eq!(decode_entities("And finally&amp;#8230;"), "And finally…");
        assert_eq!(decode_entities("M&#x26;A &unknown; &"), "M&A &unknown; &");
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_sentence("The AI community building the future."));
        assert!(!ends_sentence(
            "The Hottest Real Estate Markets in the U.S."
        ));
        assert!(!ends_sentence("Acme Inc."));
        assert!(!ends_sentence("Wait for it..."));
        assert!(!ends_sentence("Why is X?"));
    }

    #[test]
    fn set_off_prefix() {
        assert!(set_off_before(
            "News - Digital Cameras | Forum",
            "Digital Cameras"
        ));
        assert!(!set_off_before(
            "Digital Cameras | Forum",
            "Digital Cameras"
        ));
        assert!(!set_off_before("Best Digital Cameras", "Digital Cameras"));
    }

    #[test]
    fn titles_agree() {
        assert!(agrees(
            "Buses for the north",
            "Buses for the north | The Daily"
        ));
        assert!(!agrees("Subscribe now", "Buses for the north"));
        assert!(agrees("Buses", "Buses for the north"));
        assert!(names_site(
            "City Transit",
            "Night buses / Timetables / City Transit Forums"
        ));
        assert!(names_site("Acme", "Night buses - Acme"));
        assert!(!names_site("Night buses", "Night buses - Acme"));
        assert!(!names_site("Acme", "Acme"));
        assert!(!names_site(
            "Night buses",
            "Acme | Night buses run again from Monday"
        ));
        assert_eq!(
            strip_site("Night buses / Timetables / City Transit Forums", None),
            "Night buses"
        );
        assert_eq!(
            strip_site("Timetables 2026 / 2027", None),
            "Timetables 2026 / 2027"
        );
        assert!(!agrees("Buses", "Buses for the north and the south"));
        assert!(agrees_closely(
            "Buses for the north",
            "Transit blog: Buses for the north"
        ));
        assert!(!agrees_closely("Coupons", "Electrician coupons and offers"));
        assert_eq!(
            strip_site("Buses for the north | The Daily", Some("The Daily")),
            "Buses for the north"
        );
    }
}
