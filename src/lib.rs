//! # deboil
//!
//! Turns messy scraped web pages — raw HTML, or a raw text dump of the page
//! (a WET record, a scraper's saved text: navigation, footers and all) — into
//! a clean [`Article`]: title, dateline, date, authors, site name, language,
//! the article's blocks in reading order, related links and figure credits.
//!
//! The principal type is [`Cleaner`]: configure it once, then hand it pages.
//! [`clean`] is the one-call shortcut with default options.
//!
//! ```
//! let page = "\
//! City Council Approves New Harbour Budget - Example Wire
//! Log in
//! OSLO (Example Wire) - The city council approved a new budget for the harbour on Friday, after \
//! a long debate about the cost of the ferry terminal and the repairs to the old pier.
//! The mayor said the plan would keep the port open to visitors all year, and that the first \
//! works would start in the spring, once the council has chosen a builder for the terminal.
//! Share on Facebook
//! ";
//! let article = deboil::clean(page).unwrap();
//! assert_eq!(article.title.as_deref(), Some("City Council Approves New Harbour Budget"));
//! assert_eq!(article.site_name.as_deref(), Some("Example Wire"));
//! assert_eq!(article.dateline.as_ref().unwrap().source.as_deref(), Some("Example Wire"));
//! assert_eq!(article.language.as_deref(), Some("en"));
//! assert_eq!(article.blocks.len(), 2);
//! assert!(article.body.starts_with("The city council approved"));
//! ```
//!
//! ## How it works
//!
//! One pipeline, two front doors: the input is *segmented* into units (a
//! line of a text dump, a block element of an HTML page with DOM evidence),
//! each unit is *classified* with a reason (boilerplate lexicon in many
//! languages, script and language against the article's, text and stopword
//! density, headline shape, neighbours), and the labelled units are
//! *assembled*: the main run of content is chosen, datelines and credits
//! are split off, and the fields are filled.
//!
//! ## JSON shape
//!
//! [`Article`] serialises with serde as:
//!
//! ```json
//! {"title": "…", "dateline": {"text": "MOSCOW (Sputnik)", "place": "MOSCOW", "source": "Sputnik"},
//!  "published": "2022-02-25", "authors": ["…"], "site_name": "…", "language": "en",
//!  "body": "…", "blocks": [{"kind": "paragraph", "text": "…"}],
//!  "related": [{"title": "…", "url": null}], "figures": [{"caption": "…", "credit": "…"}],
//!  "removed": [{"text": "…", "reason": "photo_credit"}]}
//! ```
//!
//! Missing values are `null`, missing lists `[]`; `kind` is one of
//! `paragraph`, `heading`, `quote`, `list_item`; `reason` is a [`Reason`] in
//! snake_case. `removed` is filled only with [`Cleaner::explain`].
//!
//! ## Untrusted input
//!
//! Every `&str` and `&[u8]` input returns `Ok` or an [`Error`]; nothing
//! panics. Time and memory grow linearly with the input: the DOM is walked
//! without recursion, regexes are compiled once per process, language
//! detection reads a bounded sample. Inputs over
//! [`Cleaner::max_input_bytes`] are refused with [`Error::TooLarge`].
//!
//! ## Languages
//!
//! The boilerplate lexicon covers English, German, French, Spanish, Italian,
//! Portuguese, Dutch, Polish, Russian and Chinese at least; stopword
//! densities exist for twenty languages; language detection (whatlang) gives
//! [`Article::language`] as ISO 639-1.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod article;
mod assemble;
mod classify;
mod cleaner;
mod decode;
mod error;
mod extract;
mod hash;
mod mojibake;
mod render;
mod segment;
mod swar;

pub use article::{Article, Block, BlockKind, Dateline, Figure, Reason, Related, Removed};
pub use cleaner::{Cleaner, InputKind};
pub use error::Error;

/// Clean one page with default options, detecting HTML or text.
///
/// ```
/// assert_eq!(deboil::clean("   \n\n  "), Err(deboil::Error::NoArticle));
/// ```
pub fn clean(input: &str) -> Result<Article, Error> {
    static DEFAULT: std::sync::LazyLock<Cleaner> = std::sync::LazyLock::new(Cleaner::new);
    DEFAULT.clean(input)
}
