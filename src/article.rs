//! The output: an [`Article`] and its parts.
//!
//! Every type here serialises with serde into the stable JSON shape documented
//! in the crate root: missing values are `null`, missing lists `[]`.

use serde::{Deserialize, Serialize};

/// A cleaned article.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Article {
    /// The headline, without a site-name suffix.
    pub title: Option<String>,
    /// A news dateline split off the first paragraph, as in `MOSCOW (Sputnik) - …`.
    pub dateline: Option<Dateline>,
    /// Publication date, ISO 8601 (`2022-02-25` or a full date-time).
    pub published: Option<String>,
    /// Author names (never "By", roles or dates).
    pub authors: Vec<String>,
    /// The publishing site's name.
    pub site_name: Option<String>,
    /// ISO 639-1 code of the article's language.
    pub language: Option<String>,
    /// The blocks' texts joined by one blank line.
    pub body: String,
    /// Paragraphs, headings, quotes and list items in reading order.
    pub blocks: Vec<Block>,
    /// Related-headline boxes and "read more" cards.
    pub related: Vec<Related>,
    /// Figure captions with their photo credits.
    pub figures: Vec<Figure>,
    /// Every dropped line with its reason; filled only with
    /// [`Cleaner::explain`](crate::Cleaner::explain).
    pub removed: Vec<Removed>,
}

/// One block of article text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Block {
    /// What kind of block this is.
    pub kind: BlockKind,
    /// The text, whitespace normalised.
    pub text: String,
}

impl Block {
    /// A block of `kind` holding `text`.
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        Block {
            kind,
            text: text.into(),
        }
    }
}

/// The kind of an article [`Block`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum BlockKind {
    /// A paragraph of prose.
    Paragraph,
    /// A subheading inside the article.
    Heading,
    /// A block quotation.
    Quote,
    /// An item of a list.
    ListItem,
}

/// A news dateline: `"LONDON, March 3 (Reuters)"` → place `LONDON`, source `Reuters`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Dateline {
    /// The dateline as written, without the trailing dash.
    pub text: String,
    /// The place, as written.
    pub place: Option<String>,
    /// The news agency or outlet in parentheses.
    pub source: Option<String>,
}

/// A related-article link or headline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Related {
    /// The headline.
    pub title: String,
    /// The link, resolved against the page URL when one was given.
    pub url: Option<String>,
}

/// A figure: its caption and photo credit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Figure {
    /// The caption text.
    pub caption: Option<String>,
    /// The photo credit, as written (`"© AFP 2023 / Jane Doe"`).
    pub credit: Option<String>,
}

/// A line dropped from the article, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Removed {
    /// The line as it stood in the input (trimmed).
    pub text: String,
    /// Why it was dropped.
    pub reason: Reason,
}

/// Why a line was dropped. Serialised in snake_case (`"photo_credit"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// A photo credit (`Photo: Jane Doe/Reuters`, `(Getty Images)`, `© AFP`).
    PhotoCredit,
    /// An image caption or alt text (kept in [`Article::figures`]).
    Caption,
    /// Share buttons and social widgets.
    ShareWidget,
    /// A login, register or subscribe prompt.
    LoginPrompt,
    /// A comment-section prompt or comment count.
    CommentPrompt,
    /// A cookie or consent banner.
    CookieNotice,
    /// A newsletter sign-up.
    Newsletter,
    /// Menus, breadcrumbs, skip links, tags and other navigation.
    Navigation,
    /// Advertising.
    Advertisement,
    /// A UI string in another language or script than the article.
    ForeignUi,
    /// A related-headline box (kept in [`Article::related`]).
    Related,
    /// Page footer: copyright, legal links, contact.
    Footer,
    /// Page metadata shown as text: bylines, dates, reading time, tags.
    Metadata,
    /// The page title or headline (kept in [`Article::title`]).
    Title,
    /// A line repeated elsewhere on the page.
    Duplicate,
    /// Hidden markup (`hidden`, `display:none`, a closed dialog's `aria-hidden`).
    Hidden,
    /// Short or link-like text outside the article's main run.
    Boilerplate,
}
