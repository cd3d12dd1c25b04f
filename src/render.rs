//! Article → plain text or Markdown.

use crate::article::{Article, BlockKind};
use std::fmt::Write;

impl Article {
    /// The article as plain text: title, dateline and blocks, one blank line apart.
    ///
    /// ```
    /// let text = "Rates rise again\n\nWASHINGTON (Reuters) - The Federal Reserve raised interest rates again on Wednesday, and said that more increases were likely this year as inflation stayed high.\n";
    /// let article = deboil::clean(text).unwrap();
    /// assert!(article.to_text().starts_with("Rates rise again\n\nWASHINGTON (Reuters) - The Federal Reserve"));
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        if let Some(t) = &self.title {
            out.push_str(t);
            out.push_str("\n\n");
        }
        for (i, b) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            if i == 0 {
                if let Some(d) = &self.dateline {
                    let _ = write!(out, "{} - ", d.text);
                }
            }
            out.push_str(&b.text);
        }
        out.push('\n');
        out
    }

    /// The article as Markdown: `#` title, `##` subheadings, `>` quotes, `-` list items.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        if let Some(t) = &self.title {
            let _ = write!(out, "# {t}\n\n");
        }
        let mut meta = Vec::new();
        if !self.authors.is_empty() {
            meta.push(self.authors.join(", "));
        }
        if let Some(p) = &self.published {
            meta.push(p.clone());
        }
        if !meta.is_empty() {
            let _ = write!(out, "*{}*\n\n", meta.join(" · "));
        }
        let mut prev_list = false;
        for (i, b) in self.blocks.iter().enumerate() {
            let list = b.kind == BlockKind::ListItem;
            if i > 0 {
                out.push_str(if list && prev_list { "\n" } else { "\n\n" });
            }
            let dateline = match (&self.dateline, i) {
                (Some(d), 0) => format!("{} - ", d.text),
                _ => String::new(),
            };
            match b.kind {
                BlockKind::Heading => {
                    let _ = write!(out, "## {}", b.text);
                }
                BlockKind::Quote => {
                    let _ = write!(out, "> {dateline}{}", b.text);
                }
                BlockKind::ListItem => {
                    let _ = write!(out, "- {dateline}{}", b.text);
                }
                _ => {
                    let _ = write!(out, "{dateline}{}", b.text);
                }
            }
            prev_list = list;
        }
        out.push('\n');
        out
    }
}
