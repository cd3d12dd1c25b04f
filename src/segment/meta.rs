//! Page metadata the HTML declares: `<title>`, `<meta>`, JSON-LD, `<html lang>`.

use crate::extract::{date, title};
use scraper::{Html, Selector};
use serde_json::Value;
use std::sync::LazyLock;

/// What the page says about itself. Empty for text dumps.
#[derive(Debug, Clone, Default)]
pub(crate) struct PageMeta {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
    pub language: Option<&'static str>,
}

macro_rules! sel {
    ($name:ident, $css:expr) => {
        static $name: LazyLock<Selector> =
            LazyLock::new(|| Selector::parse($css).expect("valid selector"));
    };
}
sel!(META, "meta");
sel!(TITLE, "title");
sel!(H1, "h1");
sel!(LD, r#"script[type="application/ld+json"]"#);
sel!(TIME, "time[datetime]");
sel!(HTML, "html");

/// Read the page's declared metadata.
pub(crate) fn extract(doc: &Html) -> PageMeta {
    let mut m = PageMeta::default();
    let mut metas: Vec<(String, String)> = Vec::new();
    for el in doc.select(&META) {
        let v = el.value();
        let key = v
            .attr("property")
            .or_else(|| v.attr("name"))
            .or_else(|| v.attr("itemprop"));
        if let (Some(k), Some(c)) = (key, v.attr("content")) {
            metas.push((k.to_ascii_lowercase(), c.trim().to_string()));
        }
    }
    let get = |keys: &[&str]| {
        keys.iter().find_map(|k| {
            metas
                .iter()
                .find(|(mk, c)| mk == k && !c.is_empty())
                .map(|(_, c)| c.clone())
        })
    };

    let ld = json_ld(doc);
    let doc_title = doc
        .select(&TITLE)
        .next()
        .map(|t| normalize(&t.text().collect::<String>()));
    let h1 = doc
        .select(&H1)
        .next()
        .map(|h| normalize(&h.text().collect::<String>()));

    m.site_name = get(&["og:site_name", "application-name", "twitter:site"])
        .filter(|s| !s.starts_with('@'))
        .or_else(|| ld.as_ref().and_then(|l| l.publisher.clone()))
        .or_else(|| {
            doc_title
                .as_deref()
                .and_then(title::split_site)
                .map(|(_, s)| s.to_string())
        });

    let declared = ld
        .as_ref()
        .and_then(|l| l.headline.clone())
        .or_else(|| get(&["og:title", "twitter:title"]))
        .or_else(|| doc_title.clone());
    // The on-page headline wins when the declared title contains it (the
    // declared one often carries a site suffix or a section prefix).
    m.title = match (&h1, &declared) {
        (Some(h), Some(d)) if !h.is_empty() && title::fold(d).contains(&title::fold(h)) => {
            Some(h.clone())
        }
        (_, Some(d)) => Some(title::split_site(d).map_or(d.clone(), |(head, _)| head.to_string())),
        (Some(h), None) if !h.is_empty() => Some(h.clone()),
        _ => None,
    }
    .filter(|t| !t.is_empty());

    m.published = ld
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
            ])
        })
        .or_else(|| {
            doc.select(&TIME)
                .next()
                .and_then(|t| t.value().attr("datetime").map(str::to_string))
        })
        .and_then(|d| date::normalise_declared(&d));

    m.authors = ld.as_ref().map(|l| l.authors.clone()).unwrap_or_default();
    if m.authors.is_empty() {
        if let Some(a) = get(&[
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
        ]) {
            if !a.starts_with("http") {
                m.authors = a
                    .split([',', ';'])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
            }
        }
    }

    m.language = doc
        .select(&HTML)
        .next()
        .and_then(|h| h.value().attr("lang"))
        .and_then(lang_code)
        .or_else(|| {
            get(&["og:locale", "content-language", "language"])
                .as_deref()
                .and_then(lang_code)
        });
    m
}

fn normalize(s: &str) -> String {
    super::normalize_ws(s)
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
    authors: Vec<String>,
    publisher: Option<String>,
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
];

/// The first JSON-LD object of an article type (searched iteratively through
/// arrays and `@graph`).
fn json_ld(doc: &Html) -> Option<Ld> {
    for script in doc.select(&LD) {
        let text: String = script.text().collect();
        let Ok(value) = serde_json::from_str::<Value>(text.trim()) else {
            continue;
        };
        let mut stack = vec![&value];
        let mut found: Option<&Value> = None;
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a.iter().rev()),
                Value::Object(o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    let is_article = match o.get("@type") {
                        Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                        Some(Value::Array(ts)) => ts
                            .iter()
                            .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                        _ => false,
                    };
                    if is_article
                        && (found.is_none()
                            || o.get("@type").and_then(Value::as_str) != Some("WebPage"))
                    {
                        found = Some(v);
                        if o.get("@type").and_then(Value::as_str) != Some("WebPage") {
                            break;
                        }
                    }
                }
                _ => {}
            }
        }
        let Some(o) = found.and_then(Value::as_object) else {
            continue;
        };
        let s = |k: &str| {
            o.get(k)
                .and_then(Value::as_str)
                .map(normalize)
                .filter(|s| !s.is_empty())
        };
        let mut ld = Ld {
            headline: s("headline").or_else(|| s("name")),
            published: s("datePublished").or_else(|| s("dateCreated")),
            ..Ld::default()
        };
        ld.publisher = o
            .get("publisher")
            .and_then(|p| p.get("name"))
            .and_then(Value::as_str)
            .map(normalize);
        match o.get("author") {
            Some(Value::Array(a)) => ld.authors = a.iter().filter_map(author_name).collect(),
            Some(a) => ld.authors = author_name(a).into_iter().collect(),
            None => {}
        }
        return Some(ld);
    }
    None
}

fn author_name(v: &Value) -> Option<String> {
    let name = match v {
        Value::String(s) => s.as_str(),
        Value::Object(o) => o.get("name").and_then(Value::as_str)?,
        _ => return None,
    };
    let name = normalize(name);
    (!name.is_empty() && !name.starts_with("http")).then_some(name)
}
