//! The crate's error type.

use std::fmt;

/// Why a page could not be cleaned.
///
/// Two families are kept apart so a crawler can `match` on them without
/// parsing messages: the input could not be processed at all
/// ([`Error::NotText`], [`Error::TooLarge`], [`Error::UnknownEncoding`]), or it
/// was processed and holds no article ([`Error::NoArticle`]).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not text: they hold NUL bytes or other binary content.
    NotText {
        /// Byte offset of the first byte that gave it away.
        offset: usize,
    },
    /// The input is larger than [`Cleaner::max_input_bytes`](crate::Cleaner::max_input_bytes).
    TooLarge {
        /// Size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// A declared character set is not one this crate can decode.
    UnknownEncoding {
        /// The label as declared (BOM, `<meta charset>` or the caller's hint).
        label: String,
    },
    /// The page was read, but nothing in it looks like article text
    /// (empty, whitespace only, or boilerplate only).
    NoArticle,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotText { offset } => {
                write!(f, "input is not text (binary byte at offset {offset})")
            }
            Error::TooLarge { size, limit } => {
                write!(
                    f,
                    "input of {size} bytes is over the limit of {limit} bytes"
                )
            }
            Error::UnknownEncoding { label } => write!(f, "unknown character encoding {label:?}"),
            Error::NoArticle => f.write_str("no article text found"),
        }
    }
}

impl std::error::Error for Error {}

impl Error {
    /// `true` when the input could not be processed at all (as opposed to
    /// [`Error::NoArticle`], where it was read and found empty of content).
    pub fn is_input_error(&self) -> bool {
        !matches!(self, Error::NoArticle)
    }
}
