//! Behaviour of the text front door on small invented dumps: where the
//! article ends, what context keeps, and where dropped lines go.

use deboil::{BlockKind, Cleaner, InputKind, Reason};

fn clean(page: &str) -> deboil::Article {
    Cleaner::new()
        .explain(true)
        .input_kind(InputKind::Text)
        .clean(page)
        .expect("an article")
}

fn reason_of(article: &deboil::Article, line: &str) -> Option<Reason> {
    article
        .removed
        .iter()
        .find(|r| r.text == line)
        .map(|r| r.reason)
}

const STORY: &str = "\
The harbour board voted on Tuesday to rebuild the old ferry pier, ending a dispute that had divided the town for more than three years and delayed the summer timetable.
Members said the new pier would be wider and would let two boats dock at the same time, which the operators had asked for since the service began running in the winter.
The cost will be shared between the town and the region, and the work is due to start in the spring, once the last boats of the season have stopped running.
Residents who had opposed the plan said they would accept the vote, but asked the board to keep the old stone steps, which many people in the town remember from childhood.
";

const MORE: &str = "\
The board will now ask three builders for offers, and expects to choose one of them before the end of the year, after a public meeting in the town hall.
Until the work is done, the ferries will keep using the temporary landing at the north end of the harbour, which the operators say is safe but slow to use.
The board also promised to publish the drawings of the new pier on its website, so that residents can see how the stone steps will fit into the new design.
";

#[test]
fn comments_under_an_article_are_not_the_article() {
    let page = format!(
        "Harbour board backs new ferry pier - Coast Times\n{STORY}\
         12 Comments\n\
         Anna Berg\n\
         March 3, 2024 at 5:10 pm\n\
         I have walked on that pier every morning for twenty years and I am very glad that it will be saved for the next twenty years too.\n\
         Reply\n\
         Tom Hale\n\
         March 3, 2024 at 6:42 pm\n\
         The region should have paid for all of it, since the ferries bring visitors to the whole coast and not only to our small town here.\n"
    );
    let a = clean(&page);
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour board backs new ferry pier")
    );
    assert_eq!(a.site_name.as_deref(), Some("Coast Times"));
    assert_eq!(a.blocks.len(), 4, "{:#?}", a.blocks);
    assert!(!a.body.contains("every morning for twenty years"));
    assert_eq!(reason_of(&a, "12 Comments"), Some(Reason::CommentPrompt));
}

#[test]
fn an_author_box_ends_the_article() {
    let page = format!(
        "{STORY}{MORE}About Jane Holm\n\
         Jane Holm has covered the coast for the paper since 2009 and writes about ferries, fishing and the people who live from the sea along the northern shore.\n"
    );
    let a = clean(&page);
    assert!(a.body.ends_with("fit into the new design."), "{}", a.body);
    assert_eq!(reason_of(&a, "About Jane Holm"), Some(Reason::Metadata));
}

#[test]
fn teasers_cut_off_with_an_ellipsis_are_related_links() {
    let page = format!(
        "{STORY}Ferry operators ask for longer summer timetable as visitor numbers...\n\
         New fish market opens on the quay after two years of building works and…\n"
    );
    let a = clean(&page);
    assert_eq!(a.blocks.len(), 4);
    for line in [
        "Ferry operators ask for longer summer timetable as visitor numbers...",
        "New fish market opens on the quay after two years of building works and…",
    ] {
        assert_eq!(reason_of(&a, line), Some(Reason::Related), "{line}");
    }
}

#[test]
fn code_inside_documentation_stays_with_its_prose() {
    let page = "\
Install the tool
To install the command-line tool on your machine, run the following command in a terminal and wait until the download has finished, which can take a minute.
harbour.connect({ port: 8080, tls: true }).then((pier) => pier.open([1, 2]));
The first command installs the package into your project, and the second one writes a configuration file that the tool reads every time it starts.
After that you can check that everything works by asking the tool for its version, which it prints together with the path of the configuration it has found.
";
    let a = clean(page);
    assert!(
        a.blocks
            .iter()
            .any(|b| b.text.starts_with("harbour.connect(")),
        "{:#?}",
        a.blocks
    );
}

#[test]
fn a_subheading_between_paragraphs_is_a_heading() {
    let page = format!("{STORY}What happens next\n{MORE}");
    let a = clean(&page);
    let heading = a
        .blocks
        .iter()
        .find(|b| b.text == "What happens next")
        .expect("kept");
    assert_eq!(heading.kind, BlockKind::Heading);
}

#[test]
fn datelines_after_a_leading_caption_are_found() {
    let page = format!(
        "Ferry pier vote - Coast Times\n\
         The old ferry pier at sunset, seen from the harbour wall.\n\
         OSLO (Coast Wire) - {STORY}"
    );
    let a = clean(&page);
    let dl = a.dateline.expect("a dateline");
    assert_eq!(dl.place.as_deref(), Some("OSLO"));
    assert_eq!(dl.source.as_deref(), Some("Coast Wire"));
    assert!(a.body.starts_with("The harbour board voted"), "{}", a.body);
}

#[test]
fn the_echoed_headline_starts_the_article_below_a_teaser_list() {
    // Teasers with whole sentences stand above the story; the dump's
    // `<title>` line, echoed as the headline, tells where the story starts.
    let page = format!(
        "Harbour board backs new ferry pier | Coast Times\n\
         Latest News\n\
         Library Opens Late On Fridays The town library will stay open until nine on Fridays from next month, the council said on Monday.\n\
         Road Works Close Main Street Main Street will be closed to cars for two weeks while the water pipes under it are replaced by the region.\n\
         School Choir Wins Regional Prize The school choir won the regional prize for the second year in a row with a song about the sea.\n\
         Harbour board backs new ferry pier\n\
         {STORY}\
         Weather\n"
    );
    let a = clean(&page);
    assert_eq!(a.blocks.len(), 4, "{:#?}", a.blocks);
    assert!(a.body.starts_with("The harbour board voted on Tuesday"));
    assert!(!a.body.contains("library"));
    assert_eq!(
        reason_of(&a, "Harbour board backs new ferry pier"),
        Some(Reason::Title)
    );
}

#[test]
fn a_listing_of_many_short_boxes_is_kept_whole() {
    // A shop's category page: no run of prose, many items, each with a
    // name, a price and a line of description.
    let mut page = String::from("Garden tools | Green Shed\nHome\nGarden tools\n");
    for (name, what) in [
        (
            "Steel spade",
            "A sturdy spade with an ash handle for heavy soil.",
        ),
        (
            "Hand trowel",
            "A small trowel for planting bulbs and seedlings.",
        ),
        (
            "Pruning shears",
            "Sharp shears that cut branches up to two centimetres.",
        ),
        (
            "Watering can",
            "A ten litre can with a long spout and a fine rose.",
        ),
        (
            "Garden fork",
            "A four-pronged fork for turning compost and beds.",
        ),
        (
            "Leaf rake",
            "A wide rake with flexible tines for autumn leaves.",
        ),
    ] {
        page.push_str(&format!("{name}\n{what}\n€24.90\nAdd to cart\n"));
    }
    let a = clean(&page);
    for name in [
        "Steel spade",
        "Leaf rake",
        "A wide rake with flexible tines",
    ] {
        assert!(a.body.contains(name), "{name} missing from {}", a.body);
    }
}

#[test]
fn a_numbered_list_in_an_article_is_kept() {
    // Items with no stopwords and no sentence end, held together by their
    // numbering and introduced by a colon; a sidebar's ranking under a bare
    // header is not the article's.
    let page = format!(
        "Ten gifts for the ferry fan | Coast Times\n\
         Home\n\
         News\n\
         {STORY}\
         Gifts for readers who love the old ferry:\n\
         1) A model of the old ferry, scale 1:50\n\
         shop.example/f1\n\
         2) Harbour map poster (70 x 100 cm)\n\
         shop.example/f2\n\
         3) Captain's mug with the pier drawing\n\
         shop.example/f3\n\
         4) Tide table calendar for next year\n\
         shop.example/f4\n\
         5) Rope bracelet in navy and white\n\
         Most read\n\
         1. Storm closes the coast road\n\
         2. Fish market moves to the quay\n\
         3. New bakery opens on the square\n\
         4. Sailing club elects a new chair\n\
         Contact\n\
         Privacy\n"
    );
    let a = clean(&page);
    assert!(a.body.contains("1) A model of the old ferry"), "{}", a.body);
    assert!(
        a.body.contains("5) Rope bracelet in navy and white"),
        "{}",
        a.body
    );
    assert!(!a.body.contains("Privacy"));
    assert!(
        !a.body.contains("Storm closes the coast road"),
        "{}",
        a.body
    );
}

#[test]
fn a_comment_section_header_ends_a_whole_article() {
    // No stamps, no per-post prompts: only the section's header says where
    // the readers' comments begin (the teasers' comment counts below make
    // the page look like a thread).
    let page = format!(
        "Harbour board backs new ferry pier | Coast Times\n{STORY}{MORE}\
         [ 3 comments ]\n\
         harbourwatcher\n\
         I have walked on that pier every morning for twenty years and I am very glad that it will be saved for the next twenty years too.\n\
         Rating: 12 votes\n\
         seagull77\n\
         The region should have paid for all of it, since the ferries bring visitors to the whole coast and not only to our small town here.\n\
         Rating: 4 votes\n\
         More stories\n\
         Ferry fares to rise in May\n\
         8 comments\n\
         New lighthouse keeper named\n\
         44 comments\n\
         Town hall roof repaired\n\
         24 comments\n"
    );
    let a = clean(&page);
    assert_eq!(a.blocks.len(), 7, "{:#?}", a.blocks);
    assert!(!a.body.contains("every morning for twenty years"));
    assert_eq!(reason_of(&a, "[ 3 comments ]"), Some(Reason::CommentPrompt));
}

#[test]
fn a_related_box_header_ends_the_run() {
    // A teaser in whole sentences under "You may also like" reads as prose;
    // the box's header says it is not the article's.
    let page = format!(
        "Harbour board backs new ferry pier | Coast Times\n{STORY}\
         You may also like\n\
         Share\n\
         The old lighthouse on the north cape will open to visitors again this summer, after two years of repairs to its stairs and its lamp room.\n\
         Contact\n"
    );
    let a = clean(&page);
    assert_eq!(a.blocks.len(), 4, "{:#?}", a.blocks);
    assert!(!a.body.contains("lighthouse"));
}

#[test]
fn a_title_line_shown_again_word_for_word_is_the_headline() {
    // No separator in the `<title>`; the page shows it again as its
    // headline, however short.
    let page = format!("Pier vote\nHome\nNews\nPier vote\n{STORY}");
    assert_eq!(clean(&page).title.as_deref(), Some("Pier vote"));
}

#[test]
fn a_title_joined_to_its_site_without_a_separator_is_cut_where_the_page_shows_it() {
    let page = format!(
        "Harbour board backs new ferry pier @ Coast Forum\nHome\nHarbour board backs new ferry pier\n{STORY}"
    );
    assert_eq!(
        clean(&page).title.as_deref(),
        Some("Harbour board backs new ferry pier")
    );
}

#[test]
fn a_tag_before_the_question_in_the_title_is_not_the_headline() {
    let page = format!(
        "ferries - Why does the board want a wider pier? - Coast Answers\nferries\nWhy does the board want a wider pier?\n{STORY}"
    );
    assert_eq!(
        clean(&page).title.as_deref(),
        Some("Why does the board want a wider pier?")
    );
}

#[test]
fn a_laid_out_dump_has_no_title_line() {
    // An indented dump (inscriptis) starts with the page's first visible
    // text, here the site's name, not with a `<title>`.
    let mut page = String::from("Coast Times\n");
    for item in ["Home", "News", "Sport", "Weather"] {
        page.push_str(&format!("    * {item}\n"));
    }
    page.push_str("  Harbour board backs new ferry pier\n");
    for line in STORY.lines() {
        page.push_str(&format!("  {line}\n"));
    }
    page.push_str("  Coast Times\n");
    let a = clean(&page);
    assert_ne!(a.title.as_deref(), Some("Coast Times"));
}

#[test]
fn a_long_title_line_gives_its_head_before_a_pipe() {
    let page = format!(
        "Harbour board backs new ferry pier | The harbour board voted on Tuesday to rebuild the old ferry pier, ending a dispute that had divided the town for more than three years, and residents asked to keep the old stone steps.\n{STORY}{MORE}"
    );
    let a = clean(&page);
    assert_eq!(
        a.title.as_deref(),
        Some("Harbour board backs new ferry pier")
    );
}

#[test]
fn a_bylines_name_is_no_headline() {
    let page = format!(
        "harbour board backs new ferry pier\n\nJane Holm\n\nBy Jane Holm\n\nMarch 3, 2024\n\n{STORY}{MORE}"
    );
    let a = clean(&page);
    assert_ne!(a.title.as_deref(), Some("Jane Holm"));
}

/// A laid-out (inscriptis-style) dump of a manual's page: a menu of list
/// items, the page's one-word headline set apart further left than its
/// paragraphs, which sit deeper in their container.
#[test]
fn a_laid_out_manual_page_keeps_its_one_word_headline() {
    let mut page =
        String::from("  * Docs Home\n  * Guides\n  * Reference\n  * Community Forum\n\n");
    page.push_str("  Flexbox\n\n");
    for line in STORY.lines().chain(MORE.lines()) {
        page.push_str("      ");
        page.push_str(line);
        page.push_str("\n\n");
    }
    let a = clean(&page);
    assert_eq!(a.title.as_deref(), Some("Flexbox"), "{:#?}", a.blocks);
    assert!(a.body.contains("harbour board voted"));
}

/// A manual's sidebar label ("Next topic", as Sphinx writes it) standing
/// left of the text, whose words the text happens to use, is no headline;
/// the page's own, lower-case one is.
#[test]
fn a_sidebar_label_is_no_headline() {
    let mut page = String::from(
        "  * Docs Home\n  * Library\n\n    harbour board backs new ferry pier\n\n  Next topic\n\n",
    );
    for line in STORY.lines().chain(std::iter::once(
        "The next topic for the board is the harbour's parking, which it will discuss at its next meeting in the town hall, once the pier has been agreed.",
    )) {
        page.push_str("      ");
        page.push_str(line);
        page.push_str("\n\n");
    }
    let a = clean(&page);
    assert_eq!(
        a.title.as_deref(),
        Some("harbour board backs new ferry pier")
    );
}

/// A laid-out dump's first line is often the site's logo text; the
/// copyright notice at the foot names the same owner, so that line is the
/// site's name, not the headline.
#[test]
fn the_name_in_the_copyright_notice_is_no_headline() {
    let mut page = String::from(
        "  The Harbour Notes\n\n    * Home\n    * About\n\n    harbour board backs new ferry pier\n\n",
    );
    for line in STORY.lines() {
        page.push_str("      ");
        page.push_str(line);
        page.push_str("\n\n");
    }
    page.push_str("  © 2024 The Harbour Notes. All rights reserved.\n");
    let a = clean(&page);
    assert_eq!(
        a.title.as_deref(),
        Some("harbour board backs new ferry pier")
    );
}

/// A shop's category page: its heading is followed by the count of its
/// products and the filter bar; a buying guide's heading further down,
/// right above the page's only prose, is not the page's title.
#[test]
fn a_listings_heading_is_told_by_its_count_and_filters() {
    let mut page =
        String::from("  * Home\n  * Shop\n  * Help\n\n    Camp Stoves\n\n      (24 products)\n\n      Filter\n\n");
    for k in 0..12 {
        page.push_str(&format!(
            "        Trail Stove {} Burner\n        ${}.95\n        Add to cart\n\n",
            k + 2,
            49 + k * 10
        ));
    }
    page.push_str("    How to Choose a Camp Stove\n\n");
    for line in [
        "A camp stove is the heart of a camp kitchen, and the right one depends on how many people you cook for, how far you carry it and what you like to cook on the trail.",
        "Canister stoves are light and simple, liquid fuel stoves work in the cold and at altitude, and two burner stoves suit car camping with a family or a group of friends.",
        "Whichever stove you choose, practise lighting it at home before your trip, carry a spare canister, and never cook inside a closed tent.",
    ] {
        page.push_str("      ");
        page.push_str(line);
        page.push_str("\n\n");
    }
    let a = clean(&page);
    assert_eq!(a.title.as_deref(), Some("Camp Stoves"));
}

/// A manual's page as a laid-out dump: the generator's permalink sign
/// follows each heading, and the first heading so marked is the page's,
/// not the site's name on top (and the sign is no part of the title).
#[test]
fn the_first_heading_with_a_permalink_sign_is_the_manuals_title() {
    let mut page = String::from(
        "Coast Harbour Docs\n\n  * Docs Home\n  * Library\n\n      Ferry Timetables¶\n\n",
    );
    for line in STORY.lines() {
        page.push_str("      ");
        page.push_str(line);
        page.push_str("\n\n");
    }
    page.push_str("      Pier Works¶\n\n");
    for line in MORE.lines() {
        page.push_str("      ");
        page.push_str(line);
        page.push_str("\n\n");
    }
    let a = clean(&page);
    assert_eq!(a.title.as_deref(), Some("Ferry Timetables"));
}

/// A forum thread as a laid-out dump: the thread's title is followed by
/// its starter's line; the starter's name, standing alone as the first
/// post's header, is no headline.
#[test]
fn a_threads_title_is_followed_by_its_starter() {
    let mut page = String::from(
        "  Coast Forum\n\n    * Forums\n    * What's new\n\n    Wider pier: good idea or not?\n\n      Thread starter Harbour Board Fan\n\n    Harbour Board Fan\n\n",
    );
    for line in STORY.lines() {
        page.push_str("      ");
        page.push_str(line);
        page.push_str("\n\n");
    }
    let a = clean(&page);
    assert_eq!(a.title.as_deref(), Some("Wider pier: good idea or not?"));
}
