//! Field extractors: each turns a few lines of evidence into one Article field.

pub(crate) mod byline;
pub(crate) mod date;
pub(crate) mod dateline;
pub(crate) mod figure;
pub(crate) mod title;
