//! Hostile and degenerate input: a typed error or a sane article, never a panic.

mod common;

use common::unaccounted_lines;
use deboil::{Cleaner, Error, InputKind};

fn cleaner() -> Cleaner {
    Cleaner::new().explain(true)
}

#[test]
fn empty_and_whitespace() {
    assert_eq!(deboil::clean(""), Err(Error::NoArticle));
    assert_eq!(deboil::clean(" \n\t\r\n  "), Err(Error::NoArticle));
    assert_eq!(cleaner().clean_bytes(b""), Err(Error::NoArticle));
}

#[test]
fn binary_with_nul_bytes() {
    let err = cleaner()
        .clean_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        .unwrap_err();
    assert!(matches!(err, Error::NotText { offset: 8 }));
    assert!(err.is_input_error());
}

#[test]
fn invalid_utf8_is_decoded_not_refused() {
    let mut page = b"Headline of the day\n\n".to_vec();
    page.extend_from_slice(b"The caf\xe9 on the corner served coffee to the workers who came every morning before the shift started at the plant, and the owner knew every one of them by name.\n");
    let article = cleaner().clean_bytes(&page).unwrap();
    assert!(article.body.contains("café"));
}

#[test]
fn one_twenty_megabyte_line() {
    let line = "word ".repeat(4 << 20);
    let r = cleaner().clean(&line);
    assert!(r.is_ok() || r == Err(Error::NoArticle));
}

#[test]
fn a_hundred_thousand_empty_lines() {
    let page = format!("{}The end of a very long page of nothing at all, where only one sentence of real prose stands among the empty lines of the dump.\n", "\n".repeat(100_000));
    let article = cleaner().clean(&page).unwrap();
    assert_eq!(article.blocks.len(), 1);
}

#[test]
fn ten_thousand_nested_divs() {
    let page = format!(
        "<html><body>{}<p>Deep inside the nesting there is one paragraph of text that a reader would want to keep, long enough to count as prose on any page.</p>{}</body></html>",
        "<div>".repeat(10_000),
        "</div>".repeat(10_000)
    );
    let r = cleaner().input_kind(InputKind::Html).clean(&page);
    assert!(r.is_ok() || r == Err(Error::NoArticle), "{r:?}");
}

#[test]
fn two_hundred_thousand_nested_tags() {
    // The parser walks its stack of open elements on every tag: this page
    // took minutes before start tags past 512 open elements were dropped.
    const PROSE: &str = "Deep inside the nesting there is one paragraph of text that a reader would want to keep, long enough to count as prose on any page.";
    // The last: a new link closes the old one but not the block inside it
    // (the paragraph ends up inside a link: a typed answer is enough).
    for (open, close) in [
        ("<div>", "</div>"),
        ("<ul><li>", ""),
        ("<blockquote>", ""),
        ("<a href=x><div><a href=y>", ""),
    ] {
        let page = format!(
            "<html><body>{}<p>{PROSE}</p>{}</body></html>",
            open.repeat(200_000),
            close.repeat(200_000)
        );
        match cleaner().input_kind(InputKind::Html).clean(&page) {
            Ok(a) => assert!(a.body.contains(PROSE), "{open}: {:?}", a.body),
            Err(e) => assert!(
                open.starts_with("<a ") && e == Error::NoArticle,
                "{open}: {e:?}"
            ),
        }
    }
}

#[test]
fn formatting_elements_reopened_after_every_block() {
    // Each `<b>` left open is reopened by the parser after every block that
    // closed it: without a bound on them, 8 000 repeats made 32 million nodes.
    let mut page = String::from("<html><body>");
    for i in 0..50_000 {
        page.push_str(&format!("<div><b id=b{i}></div>"));
    }
    page.push_str("<p>After all the bold openings comes one paragraph of text that a reader would want to keep, long enough to count as prose.</p></body></html>");
    let a = cleaner().input_kind(InputKind::Html).clean(&page).unwrap();
    assert!(
        a.body.contains("After all the bold openings"),
        "{:?}",
        a.body
    );
}

#[test]
fn over_the_size_limit() {
    let r = Cleaner::new().max_input_bytes(10).clean("0123456789ABC");
    assert_eq!(
        r,
        Err(Error::TooLarge {
            size: 13,
            limit: 10
        })
    );
}

#[test]
fn boilerplate_only() {
    let page = "Home\nNews\nSport\nLog in\nSubscribe\nShare on Facebook\n© 2024 Example Media\n";
    assert_eq!(cleaner().clean(page), Err(Error::NoArticle));
}

#[test]
fn unknown_declared_charset() {
    let r = cleaner().clean_bytes(b"<meta charset=\"x-klingon\"><p>\xff\xfe text</p>");
    assert!(matches!(r, Err(Error::UnknownEncoding { ref label }) if label == "x-klingon"));
}

#[test]
fn unclosed_and_garbage_markup() {
    for page in [
        "<html><body><p>unclosed",
        "<<<>>></p></div></body>",
        "<html>\0\0</html>",
        "<!-- never closed",
    ] {
        let _ = cleaner().clean(page);
        let _ = cleaner().clean_bytes(page.as_bytes());
    }
}

/// A small deterministic generator (xorshift), so the soup below is the same
/// on every run and a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

#[test]
fn random_markup_and_text_soup_never_panics() {
    // Pieces that exercise every front door and extractor: tags left open,
    // hidden blocks, datelines, credits, dates, bylines, scripts, long words.
    const PIECES: &[&str] = &[
        "<div>", "</div>", "<p>", "</p>", "<h1>", "</h1>", "<li>", "<ul>", "<figure><figcaption>", "</figcaption>",
        "<span hidden>", "<a href=\"/x\">", "</a>", "<script>var a='<p>';</script>", "<br>", "<table><tr><td>",
        "\n", "\n\n", "  ", "\t", "WASHINGTON (Reuters) - ", "Photo: Jane Doe/Reuters", "(Getty Images)", "© 2023 ",
        "By Jane Doe", "November 20, 2019", "25.02.2022", "Share on Facebook", "Log in", "Заголовок", "中文标题_站名",
        "The minister said the talks would go on until a deal was reached between the parties. ", "…", "\u{feff}",
        "<!--", "-->", "<html lang=\"de\">", "<meta charset=\"utf-8\">", "&amp;", "&#x1F600;", "x", "*", "+ item",
        "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"H\",\"author\":[{\"name\":1}]}</script>",
    ];
    let cleaner = Cleaner::new().explain(true);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..300 {
        let mut page = String::new();
        for _ in 0..(rng.next() % 200) {
            page.push_str(rng.pick(PIECES));
        }
        for kind in [InputKind::Auto, InputKind::Html, InputKind::Text] {
            let _ = cleaner.clone().input_kind(kind).clean(&page);
        }
        let mut bytes = page.into_bytes();
        if !bytes.is_empty() {
            let at = (rng.next() % bytes.len() as u64) as usize;
            bytes[at] = (rng.next() & 0xff) as u8;
        }
        let _ = cleaner.clean_bytes(&bytes);
    }
}

#[test]
fn keep_empty_gives_metadata_and_accounts_for_every_line() {
    let page = r#"<html lang="en"><head><title>Watch: the new bridge opens - Example TV</title>
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<meta name="author" content="Jane Doe"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="player" id="video"></div>
<footer>© 2024 Example TV</footer></body></html>"#;
    let html = cleaner().input_kind(InputKind::Html);
    assert_eq!(html.clean(page), Err(Error::NoArticle));
    let a = html.keep_empty(true).clean(page).expect("metadata only");
    assert!(a.blocks.is_empty() && a.body.is_empty());
    assert_eq!(a.published.as_deref(), Some("2024-05-02T08:00:00Z"));
    assert_eq!(a.authors, vec!["Jane Doe".to_string()]);
    assert!(a
        .title
        .as_deref()
        .unwrap_or("")
        .contains("the new bridge opens"));
    for line in ["Home", "News", "© 2024 Example TV"] {
        assert!(
            a.removed.iter().any(|r| r.text.contains(line)),
            "{line} not accounted for: {:?}",
            a.removed
        );
    }
}

#[test]
fn keep_empty_without_metadata_is_still_no_article() {
    let c = cleaner().keep_empty(true);
    assert_eq!(c.clean(""), Err(Error::NoArticle));
    assert_eq!(c.clean(" \n\t\r\n  "), Err(Error::NoArticle));
    let menu = "Home\nNews\nSport\nLog in\nSubscribe\n";
    assert_eq!(c.clean(menu), Err(Error::NoArticle));
}

#[test]
fn keep_empty_text_dump_of_a_title_alone() {
    // A page that renders in JavaScript leaves only its `<title>` in a dump.
    let dump = "How do I reset a frozen router? - Example Forum\n";
    let text = cleaner().input_kind(InputKind::Text);
    assert_eq!(text.clean(dump), Err(Error::NoArticle));
    let a = text.keep_empty(true).clean(dump).expect("metadata only");
    assert_eq!(a.title.as_deref(), Some("How do I reset a frozen router?"));
    assert!(a.blocks.is_empty());
    assert_eq!(a.removed.len(), 1);
    assert_eq!(a.removed[0].reason, deboil::Reason::Title);
}

#[test]
fn odd_whitespace_lines_are_accounted_as_they_stood() {
    // A kept block dropped afterwards (a caption before the dateline, a
    // heading left last) was reported with its normalised text, so a line
    // holding a no-break space, a tab or a line separator was unaccounted.
    let page = "Harbour budget approved after long debate - Example Wire\n\
        The\u{a0}mayor\u{a0}and the new pier, seen\tfrom the water.\n\
        OSLO (Example Wire) - The city council approved a new budget for the harbour on Friday, after a long debate about the cost of the ferry terminal and the repairs to the old pier.\n\
        The mayor said the plan would keep the port open to visitors all year, and that the first works would start in the spring, once the council has chosen a builder.\n\
        More\u{a0}from\u{2028}the\tcity\n\
        \u{200b}\u{202e}Share\u{0301} on Facebook\u{200f}\n\
        Note: The bundle includes Hulu with limited commercials. If you want ad-free Hulu, you will have to upgrade to it BEFORE signing up for the bundle plan. Here's the TL;DR version of signing up for ad-free Hulu as part of the Disney+ bundled package:\n\n\
        Sign\u{a0}up for a Hulu ad-free account for $11.99 a month\n\
        If you already have a Hulu account, visit\u{2028}your account page to upgrade\n";
    let a = cleaner().input_kind(InputKind::Text).clean(page).unwrap();
    assert_eq!(unaccounted_lines(page, &a), Vec::<String>::new());
    let crlf = page.replace('\n', "\r\n");
    let a = cleaner().input_kind(InputKind::Text).clean(&crlf).unwrap();
    assert_eq!(unaccounted_lines(&crlf, &a), Vec::<String>::new());
}
