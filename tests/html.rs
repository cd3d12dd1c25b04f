//! The HTML front door: what the markup says is honoured.

use deboil::{BlockKind, Cleaner, InputKind};

fn cleaner() -> Cleaner {
    Cleaner::new().input_kind(InputKind::Html)
}

const PROSE: &str = "The council voted on Tuesday to expand the city's bus network, adding \
    twelve routes that will connect the northern suburbs with the hospital district and the \
    university campus before the end of next year.";
const PROSE2: &str =
    "Officials said the plan would be paid for by a combination of federal grants \
    and a small increase in parking fees, and that construction of the new stops would begin \
    in the spring if the weather allows it.";
const PROSE3: &str = "Residents who spoke at the meeting were mostly in favour, although several \
    shop owners on the main street worried that the works would keep their customers away for \
    months while the pavements were rebuilt.";

fn page(head: &str, body: &str) -> String {
    format!("<!doctype html><html lang=\"en\"><head>{head}</head><body>{body}</body></html>")
}

#[test]
fn hidden_text_is_never_in_the_body() {
    let html = page(
        "<title>Buses</title>",
        &format!(
            "<article><p>{PROSE}</p>\
             <p hidden>Secret hidden paragraph that a browser never shows to the reader at all.</p>\
             <div style=\"display: none\"><p>Invisible inline style paragraph which is not displayed either.</p></div>\
             <p aria-hidden=\"true\">Aria hidden paragraph for screen readers only, not content of the article.</p>\
             <p>{PROSE2}</p><p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert!(a.body.contains("expand the city's bus network"));
    assert!(a.body.contains("shop owners"));
    for hidden in ["Secret hidden", "Invisible inline", "Aria hidden"] {
        assert!(!a.body.contains(hidden), "{hidden} leaked: {}", a.body);
    }
}

#[test]
fn wrapper_class_words_do_not_poison_the_article() {
    // `more`, `nav`, `comments` on wrappers that hold the article.
    let html = page(
        "<title>Buses - The Daily</title>",
        &format!(
            "<div class=\"site-wrapper has-more-nav comments-open\">\
             <nav><a href=\"/\">Home</a> <a href=\"/news\">News</a> <a href=\"/sport\">Sport</a></nav>\
             <div class=\"entry more-content\"><h1>Buses for the north</h1>\
             <p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p></div>\
             <div id=\"comments\"><p>I think this is a terrible idea and a waste of everybody's money, frankly, \
             and the council should be ashamed of itself for even considering it at all.</p></div>\
             </div>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.blocks.len(), 3, "{:#?}", a.blocks);
    assert!(!a.body.contains("terrible idea"));
    assert!(!a.body.contains("Sport"));
    assert_eq!(a.title.as_deref(), Some("Buses for the north"));
}

#[test]
fn figure_caption_and_credit() {
    let html = page(
        "<title>Buses</title>",
        &format!(
            "<article><p>{PROSE}</p>\
             <figure><img src=\"bus.jpg\" alt=\"\"><figcaption>A new electric bus at the depot. \
             <span class=\"credit\">Photo: Jane Doe/Reuters</span></figcaption></figure>\
             <p>{PROSE2}</p><p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert!(!a.body.contains("electric bus at the depot"));
    assert!(!a.body.contains("Jane Doe"));
    let fig = a
        .figures
        .iter()
        .find(|f| f.caption.as_deref() == Some("A new electric bus at the depot."))
        .unwrap_or_else(|| panic!("no figure: {:?}", a.figures));
    assert_eq!(fig.credit.as_deref(), Some("Photo: Jane Doe/Reuters"));
}

#[test]
fn related_links_are_resolved_against_the_page_url() {
    let html = page(
        "<title>Buses</title>",
        &format!(
            "<article><p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p></article>\
             <aside class=\"related-stories\"><h3>Related</h3><ul>\
             <li><a href=\"/2024/05/trams-return-to-the-city.html\">Trams return to the city centre</a></li>\
             <li><a href=\"cycling-lanes.html\">New cycling lanes open next month</a></li>\
             </ul></aside>"
        ),
    );
    let a = cleaner()
        .url("https://news.example.com/local/buses.html")
        .clean(&html)
        .unwrap();
    assert!(!a.body.contains("Trams return"));
    let url_of = |t: &str| {
        a.related
            .iter()
            .find(|r| r.title == t)
            .and_then(|r| r.url.clone())
    };
    assert_eq!(
        url_of("Trams return to the city centre").as_deref(),
        Some("https://news.example.com/2024/05/trams-return-to-the-city.html")
    );
    assert_eq!(
        url_of("New cycling lanes open next month").as_deref(),
        Some("https://news.example.com/local/cycling-lanes.html")
    );
}

#[test]
fn metadata_from_json_ld() {
    let head = r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
          {"@type":"Person","@id":"https://daily.example/#/person/1","name":"Jane Q. Reporter"},
          {"@type":"NewsArticle","headline":"Buses for the north &amp; the hospital",
           "datePublished":"2024-05-03T08:00:00+01:00",
           "author":{"@id":"https://daily.example/#/person/1"},
           "publisher":{"@type":"Organization","name":"The Daily"}}]}</script>"#;
    let html = page(head, &format!("<p>{PROSE}</p><p>{PROSE2}</p>"));
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("Buses for the north & the hospital")
    );
    assert_eq!(a.authors, vec!["Jane Q. Reporter".to_string()]);
    assert_eq!(a.published.as_deref().map(|d| &d[..10]), Some("2024-05-03"));
    assert_eq!(a.site_name.as_deref(), Some("The Daily"));
    assert_eq!(a.language.as_deref(), Some("en"));
}

#[test]
fn metadata_from_opengraph_and_meta() {
    let head = r#"<title>Buses for the north - The Daily</title>
        <meta property="og:title" content="Buses for the north">
        <meta property="og:site_name" content="The Daily">
        <meta property="article:published_time" content="2024-05-03T08:00:00Z">
        <meta name="author" content="John Roe">"#;
    let html = page(head, &format!("<p>{PROSE}</p><p>{PROSE2}</p>"));
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.title.as_deref(), Some("Buses for the north"));
    assert_eq!(a.authors, vec!["John Roe".to_string()]);
    assert_eq!(a.published.as_deref().map(|d| &d[..10]), Some("2024-05-03"));
}

#[test]
fn revision_date_when_nothing_else_dates_the_page() {
    let head = r#"<title>Buses for the north</title>
        <meta property="article:modified_time" content="2024-06-11T08:00:00Z">"#;
    let html = page(head, &format!("<p>{PROSE}</p><p>{PROSE2}</p>"));
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.published.as_deref().map(|d| &d[..10]), Some("2024-06-11"));
    // Any meta name that says "published" dates it first.
    let head = r#"<title>Buses for the north</title>
        <meta name="x-published-date" content="2024-05-03T08:00:00Z">
        <meta property="article:modified_time" content="2024-06-11T08:00:00Z">"#;
    let html = page(head, &format!("<p>{PROSE}</p><p>{PROSE2}</p>"));
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.published.as_deref().map(|d| &d[..10]), Some("2024-05-03"));
}

#[test]
fn a_printed_date_near_the_headline_dates_an_undeclared_page() {
    let html = page(
        "<title>Buses for the north</title>",
        &format!(
            "<article><span>12 March 2024</span><h1>Buses for the north</h1>\
             <p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.published.as_deref().map(|d| &d[..10]), Some("2024-03-12"));
}

#[test]
fn a_labelled_date_far_from_the_headline_dates_an_undeclared_page() {
    let html = page(
        "<title>Buses for the north</title>",
        &format!(
            "<article><h1>Buses for the north</h1>\
             <p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p><p>{PROSE}</p><p>{PROSE2}</p>\
             <p>{PROSE3}</p><p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p><p>{PROSE}</p>\
             <p>Last updated: 13 November 2025</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.published.as_deref().map(|d| &d[..10]), Some("2025-11-13"));
}

#[test]
fn headline_above_the_container_beats_a_section_heading() {
    let html = page(
        "<title>Transit blog: Buses for the north</title>",
        &format!(
            "<div><h1>Buses for the north</h1></div>\
             <article><p>{PROSE}</p><h1>What changes</h1><p>{PROSE2}</p><p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.title.as_deref(), Some("Buses for the north"));
}

#[test]
fn a_book_name_in_the_header_is_not_the_chapter_title() {
    let html = page(
        "<title>Night buses - The City Transit Handbook</title>",
        &format!(
            "<header><h1>The City Transit Handbook</h1></header>\
             <main><h2>Night Buses</h2><p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p></main>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.title.as_deref(), Some("Night buses"));
    assert_eq!(a.site_name.as_deref(), Some("The City Transit Handbook"));
}

#[test]
fn a_headline_in_blocks_is_one_title() {
    let html = page(
        "<title>Staple Tee - 5001 | Acme Apparel</title><meta property=\"og:site_name\" content=\"Acme Apparel\">",
        &format!(
            "<main><h1><div>Staple Tee</div><div>5001</div></h1>\
             <p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p></main>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.title.as_deref(), Some("Staple Tee 5001"));
}

#[test]
fn a_headline_the_title_tag_confirms_beats_a_social_teaser() {
    let html = page(
        "<title>Twelve new bus routes for the north | The Daily</title>\
         <meta property=\"og:title\" content=\"You won't believe where you can ride now\">",
        &format!(
            "<article><h1>The north gets twelve new bus routes</h1>\
             <p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(
        a.title.as_deref(),
        Some("The north gets twelve new bus routes")
    );
}

#[test]
fn a_permalink_pilcrow_is_not_part_of_the_title() {
    let html = page(
        "<title>Timetables | Transit documentation</title>",
        &format!(
            "<main><h1>Timetables<a class=\"headerlink\" href=\"#t\">¶</a></h1>\
             <p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p></main>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.title.as_deref(), Some("Timetables"));
}

#[test]
fn a_spaced_pipe_ends_the_title() {
    let head = r#"<meta property="og:title" content="Buses for the north  |  Twelve new routes">"#;
    let html = page(head, &format!("<p>{PROSE}</p><p>{PROSE2}</p>"));
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.title.as_deref(), Some("Buses for the north"));
}

#[test]
fn a_name_under_a_lone_byline_label() {
    let html = page(
        "<title>Buses for the north</title>",
        &format!(
            "<article><h1>Buses for the north</h1>\
             <div><p>Written by</p><p>Ann Smith</p></div>\
             <p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.authors, vec!["Ann Smith".to_string()]);
}

#[test]
fn an_author_shown_only_as_a_photo() {
    let html = page(
        "<title>Buses for the north</title>",
        &format!(
            "<article><h1>Buses for the north</h1>\
             <div class=\"post-author\"><img src=\"/a.jpg\" alt=\"Ann Smith\"></div>\
             <p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.authors, vec!["Ann Smith".to_string()]);
}

#[test]
fn a_by_line_under_the_headline_without_byline_markup() {
    let html = page(
        "<title>Buses for the north</title>",
        &format!(
            "<article><h1>Buses for the north</h1>\
             <p>Posted by jdoe42 on Friday December 19, 2025 @08:00PM</p>\
             <p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.authors, vec!["jdoe42".to_string()]);
}

#[test]
fn byline_element_gives_the_author_not_the_by() {
    let html = page(
        "<title>Buses</title>",
        &format!(
            "<article><h1>Buses for the north</h1>\
             <div class=\"byline\">By <a rel=\"author\" href=\"/staff/ann\">Ann Smith</a></div>\
             <p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(a.authors, vec!["Ann Smith".to_string()]);
    assert!(!a.body.contains("By Ann"));
}

#[test]
fn no_glued_words() {
    let html = page(
        "<title>Buses</title>",
        &format!(
            "<article><p>{PROSE}</p>\
             <ul><li>First stop</li><li>Second stop</li></ul>\
             <p>Line one<br>line two</p><div>Alpha</div><div>Beta</div>\
             <table><tr><td>Cell</td><td>Next</td></tr></table>\
             <p>{PROSE2}</p><p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    for glued in ["stopSecond", "oneline", "AlphaBeta", "CellNext"] {
        assert!(!a.body.contains(glued), "{glued} in {}", a.body);
    }
    assert!(a.body.contains("Line one line two"));
}

#[test]
fn boxed_inline_elements_do_not_glue_words() {
    let html = page(
        "<title>Buses</title>",
        &format!(
            "<article><p>{PROSE}</p>\
             <p>The two new lines, named <a href=\"/a\">Transport</a><a href=\"/b\">City</a> on the \
             maps and <span style=\"display: inline-block\">Left</span><span style=\"display:inline-block\">Right</span> \
             on the buses, leave the <b>un</b>changed timetable and the <em>in</em>line stops of the old route \
             as they were, the council said in a statement on Tuesday evening.</p>\
             <p>{PROSE2}</p><p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    for glued in ["TransportCity", "LeftRight"] {
        assert!(!a.body.contains(glued), "{glued} in {}", a.body);
    }
    assert!(
        a.body
            .contains("the unchanged timetable and the inline stops"),
        "{}",
        a.body
    );
}

#[test]
fn headings_lists_and_quotes_keep_their_kind() {
    let html = page(
        "<title>Buses</title>",
        &format!(
            "<article><p>{PROSE}</p><h2>What changes for riders</h2><p>{PROSE2}</p>\
             <blockquote><p>We have waited for this bus for twenty years, and now it is finally coming to our street.</p></blockquote>\
             <ul><li>Twelve new routes connecting the suburbs with the hospital district.</li>\
             <li>Night buses every thirty minutes on weekends across the whole city.</li></ul>\
             <p>{PROSE3}</p></article>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    let kind_of = |t: &str| {
        a.blocks
            .iter()
            .find(|b| b.text.starts_with(t))
            .map(|b| b.kind)
    };
    assert_eq!(kind_of("What changes"), Some(BlockKind::Heading));
    assert_eq!(kind_of("We have waited"), Some(BlockKind::Quote));
    assert_eq!(kind_of("Twelve new routes"), Some(BlockKind::ListItem));
    assert_eq!(kind_of("The council"), Some(BlockKind::Paragraph));
}

#[test]
fn deep_nesting_does_not_overflow() {
    let mut html = String::from("<html><body>");
    for _ in 0..20_000 {
        html.push_str("<div class=\"more\">");
    }
    html.push_str(&format!("<p>{PROSE}</p><p>{PROSE2}</p>"));
    let a = cleaner().clean(&html).unwrap();
    assert!(a.body.contains("bus network"));
}

#[test]
fn a_discussion_page_keeps_its_replies() {
    let reply = |who: &str, text: &str| {
        format!(
            "<div class=\"post comment\" itemprop=\"comment\"><span class=\"author\">{who}</span><p>{text}</p></div>"
        )
    };
    let html = page(
        r#"<title>Which bus pass?</title><script type="application/ld+json">{"@type":"DiscussionForumPosting","headline":"Which bus pass?"}</script>"#,
        &format!(
            "<main><h1>Which bus pass?</h1><div class=\"post\"><p>{PROSE}</p></div>{}{}</main>",
            reply("ann", PROSE2),
            reply("bob", PROSE3)
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert!(a.body.contains("bus network"));
    assert!(a.body.contains("federal grants"), "{}", a.body);
    assert!(a.body.contains("shop owners"), "{}", a.body);
}

#[test]
fn a_long_sidebar_nav_is_not_the_items_of_a_short_docs_page() {
    // A documentation section's landing page: a few short introductions, and
    // a `<nav>` sidebar listing every page of the manual. The sidebar holds
    // most of the page's text, yet it is navigation.
    let entries: String = (0..120)
        .map(|i| {
            format!(
                "<li><a href=\"/docs/p{i}\"><span>Configure the widget number {i}</span></a></li>"
            )
        })
        .collect();
    let sections: String = ["Installing", "Writing", "Testing", "Publishing"]
        .iter()
        .map(|s| {
            format!(
                "<h2><a href=\"/docs/{s}\">{s} plugins</a></h2>\
                 <p>How to go about {s} a plugin, step by step, from the project file.</p>"
            )
        })
        .collect();
    let html = page(
        "<title>Plugins - Widget Docs</title>",
        &format!(
            "<div class=\"layout\"><nav aria-label=\"Product sidebar\"><ul>{entries}</ul></nav>\
             <main><h1>Plugins</h1>\
             <p>Plugins extend the widget with new commands and new output formats.</p>{sections}\
             </main></div>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert!(a.body.contains("How to go about Testing"), "{}", a.body);
    assert!(!a.body.contains("widget number"), "{}", a.body);
}

#[test]
fn code_lines_repeated_across_examples_are_kept_each_time() {
    // Two examples that share lines: each is printed in full, as the reader
    // sees it (code lines are not menus printed twice).
    let code = |last: &str| {
        format!(
            "<pre><code><div>import os</div><div>from widget import Client</div>\
             <div>client = Client(os.environ[\"WIDGET_KEY\"])</div><div>{last}</div></code></pre>"
        )
    };
    let html = page(
        "<title>Widget quickstart</title>",
        &format!(
            "<main><h1>Widget quickstart</h1><p>{PROSE}</p>{}<p>{PROSE2}</p>{}<p>{PROSE3}</p></main>",
            code("client.send(\"hello\")"),
            code("client.receive()")
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert_eq!(
        a.body.matches("from widget import Client").count(),
        2,
        "{}",
        a.body
    );
    assert!(a.body.contains("client.receive()"), "{}", a.body);
}

#[test]
fn side_by_side_spans_are_separate_words() {
    // An API reference lays a field's name and its type side by side with a
    // stylesheet (`<span>name</span><span>string</span>`): two words. A
    // letter styled apart, an ordinal's suffix and a rich-text editor's
    // style runs (inline `style`) stay inside their word.
    let html = page(
        "<title>Widget object</title>",
        &format!(
            "<main><h1>The widget object</h1><p>{PROSE}</p>\
             <ul><li><h4><span><span>owner</span></span><span>nullable string</span></h4>\
             <p>The account that created the widget, shown on every invoice and receipt.</p></li>\
             <li><h4><span>created</span><span>timestamp</span></h4>\
             <p>Time at which the widget was made, measured in seconds since the epoch.</p></li></ul>\
             <p>The sharp s, <code>U+00DF</code><code>0x C3 9F</code>, takes two bytes.</p>\
             <p><span class=\"initial\">W</span><span>idgets</span> ship on the 3<span><span>rd</span></span> \
             of each month, and the <span style=\"font-weight:700\">includin</span><span style=\"color:red\">g</span> \
             notice is sent a week before they leave the warehouse for the stores.</p>\
             <p>{PROSE2}</p><p>{PROSE3}</p></main>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    for split in [
        "owner nullable string",
        "created timestamp",
        "U+00DF 0x C3 9F",
        "Widgets ship on the 3rd",
        "the including notice",
    ] {
        assert!(a.body.contains(split), "{split} not in {}", a.body);
    }
}

#[test]
fn a_label_set_beside_its_text_or_a_flex_item_is_a_word_of_its_own() {
    // A label or a heading a stylesheet sets beside its text, with no space
    // in the markup (`<b class="title">Diverse clients</b>We have…`, `…and
    // security<strong>Cons:</strong>`): a lower-case letter, an element's
    // edge and a capital. A brand's capital inside one text (`GeForce`),
    // a one-letter start (`e<b>Bay</b>`) and a code sample's identifiers
    // stay as written. A flex or grid container's children are boxes side
    // by side: words of their own whatever their case.
    let html = page(
        "<title>Widget review</title>",
        &format!(
            "<main><h1>The widget review</h1><p>{PROSE}</p>\
             <ul><li><b class=\"title\">Diverse clients</b>We serve firms of every size.</li>\
             <li><em class=\"title\">Fast setup</em>The GeForce driver installs itself.</li></ul>\
             <p><strong>Pros:</strong> light and strong<strong>Cons:</strong> costly to ship \
             from the e<b>Bay</b> store.</p>\
             <pre><code>let value = <b>my</b>Thing;</code></pre>\
             <ul><li><div class=\"flex gap-1\">AI<span class=\"badge\">sdk</span></div></li>\
             <li><div style=\"display: grid\"><b>3 beds</b><b>2 baths</b></div></li></ul>\
             <p>{PROSE2}</p><p>{PROSE3}</p></main>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    for split in [
        "Diverse clients We serve",
        "Fast setup The GeForce driver",
        "light and strong Cons:",
        "from the eBay store",
        "myThing",
        "AI sdk",
        "3 beds 2 baths",
    ] {
        assert!(a.body.contains(split), "{split} not in {}", a.body);
    }
}

#[test]
fn a_code_sample_beside_the_fields_is_content() {
    // An API reference: the object's fields, and beside them, in a side
    // column of the same content, an example of the object as code.
    let html = page(
        "<title>The widget object</title>",
        &format!(
            "<nav><a href=\"/\">Home</a> <a href=\"/api\">API</a></nav>\
             <main><article><h1>The widget object</h1><p>{PROSE}</p>\
             <div class=\"columns\"><div><p>{PROSE2}</p><p>{PROSE3}</p></div>\
             <aside class=\"example\"><pre><code><span>{{</span>\n<span>  \"id\": \"wd_123\",</span>\n\
             <span>  \"owner\": null</span>\n<span>}}</span></code></pre></aside></div>\
             </article></main>\
             <aside><p>Related reading on widgets and gadgets, with links to other pages of the site.</p></aside>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert!(a.body.contains("\"id\": \"wd_123\""), "{}", a.body);
    assert!(a.body.contains("shop owners"), "{}", a.body);
    assert!(!a.body.contains("Related reading"), "{}", a.body);
}

#[test]
fn streamed_parts_are_read_where_their_placeholder_stands() {
    // React's streamed rendering sends the page's parts at the end of the
    // body (`<div hidden id="S:n">`) and a script moves each into its
    // placeholder (`<template id="B:n">`): the reader sees them in place.
    let html = page(
        "<title>Buses</title>",
        &format!(
            "<main><article><h1>Buses for the north</h1><p>{PROSE}</p>\
             <template id=\"B:0\"></template><div>Loading…</div>\
             <p>{PROSE3}</p></article></main>\
             <footer><p>Contact us</p></footer>\
             <div hidden id=\"S:0\"><p>{PROSE2}</p><template id=\"B:1\"></template></div>\
             <div hidden id=\"S:1\"><p>The first buses on the new routes are due to run in the autumn, the council added.</p></div>\
             <script>$RC(\"B:0\",\"S:0\");$RC(\"B:1\",\"S:1\")</script>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    let at = |s: &str| {
        a.body
            .find(s)
            .unwrap_or_else(|| panic!("{s} not in {}", a.body))
    };
    assert!(at("bus network") < at("federal grants"), "{}", a.body);
    assert!(
        at("federal grants") < at("due to run in the autumn"),
        "{}",
        a.body
    );
    assert!(
        at("due to run in the autumn") < at("shop owners"),
        "{}",
        a.body
    );
    assert_eq!(a.body.matches("federal grants").count(), 1, "{}", a.body);
}

#[test]
fn a_config_file_is_not_a_photo_credit() {
    // `image: …` in a code sample reads like a photo credit ("Image: AP").
    let html = page(
        "<title>Networking in Widgets</title>",
        &format!(
            "<main><article><h1>Networking in Widgets</h1><p>{PROSE}</p>\
             <pre><code><span>services:</span>\n<span>  web:</span>\n<span>    image: widget-server:2</span>\n\
             <span>    ports:</span>\n<span>      - \"8000:8000\"</span></code></pre>\
             <p>{PROSE2}</p><p>{PROSE3}</p></article></main>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert!(a.body.contains("image: widget-server:2"), "{}", a.body);
    assert!(a.figures.is_empty(), "{:?}", a.figures);
}

#[test]
fn a_manual_s_see_also_section_is_its_text() {
    let html = page(
        "<title>Buses</title>",
        &format!(
            "<nav><a href=\"/\">Home</a> <a href=\"/docs\">Docs</a></nav>\
             <main><h1>Bus network</h1><p>{PROSE}</p><p>{PROSE2}</p><p>{PROSE3}</p>\
             <h2>See also</h2><ul><li><a href=\"/routes\">Route planner guide</a></li>\
             <li><a href=\"/fares\">Fares and passes reference</a></li></ul>\
             <h2>Related stories</h2><ul><li><a href=\"/x\">Mayor opens the new depot in style</a></li></ul></main>"
        ),
    );
    let a = cleaner().clean(&html).unwrap();
    assert!(a.body.contains("See also"), "{}", a.body);
    assert!(a.body.contains("Fares and passes reference"), "{}", a.body);
    assert!(!a.body.contains("Mayor opens"), "{}", a.body);
}

#[test]
fn listing_count_and_site_name_leave_the_title() {
    let page = r#"<html><head><title>Trail Running Shoes (158 items) – Acme Outdoor</title>
<meta property="og:site_name" content="Acme Outdoor"></head><body><main>
<h1>Trail Running Shoes (158 items) – Acme Outdoor</h1>
<p>Our trail running shoes grip wet rock and loose gravel, and they dry fast after a creek crossing on a long summer run.</p>
<p>Every pair is tested by our staff on the local trails before it goes on sale, and we list the weight of each shoe.</p>
</main></body></html>"#;
    let a = deboil::Cleaner::new().clean_html(page).unwrap();
    assert_eq!(a.title.as_deref(), Some("Trail Running Shoes"));
    assert_eq!(a.site_name.as_deref(), Some("Acme Outdoor"));
}
