//! The AEB metric (4-gram shingle F1), exactly as `score.py aeb` computes it,
//! shared by the quality tests of both front doors: texts are split into
//! Python-`\w` runs and 4-token shingles; per document TP/FP/FN are multiset
//! overlaps divided by TP+FP+FN; precision is the mean over documents with
//! TP+FP > 0, recall the mean over documents with TP+FN > 0, F1 is computed
//! from the two means. The predicted text is `body`, with the dateline text
//! put back in front (`"{dateline} - {body}"`), as `score.py` does.
// Each test crate that includes this module uses a part of it.
#![allow(dead_code)]

use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Python's `re` `\w` on `str`: letters, digits and other numerics, and `_`.
/// (Rust's `\w` would also take combining marks and all connector
/// punctuation, which Python's does not.)
pub static TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{L}\p{N}_]+").unwrap());

/// The multiset of 4-token shingles of `text`; a text of fewer than four
/// tokens is one shorter shingle, an empty text none.
pub fn shingles(text: &str) -> HashMap<Vec<&str>, usize> {
    let tokens: Vec<&str> = TOKEN.find_iter(text).map(|m| m.as_str()).collect();
    let mut out = HashMap::new();
    if tokens.is_empty() {
        return out;
    }
    let n = 4;
    for i in 0..tokens.len().saturating_sub(n - 1).max(1) {
        let end = (i + n).min(tokens.len());
        *out.entry(tokens[i..end].to_vec()).or_insert(0) += 1;
    }
    out
}

/// Per-document (tp, fp, fn), normalised to sum to 1 (all zero when both
/// texts are empty).
pub fn counts(truth: &str, pred: &str) -> (f64, f64, f64) {
    let t = shingles(truth);
    let p = shingles(pred);
    let mut tp = 0usize;
    let mut fp = 0usize;
    let mut fn_ = 0usize;
    for (k, &pc) in &p {
        let tc = t.get(k).copied().unwrap_or(0);
        tp += pc.min(tc);
        fp += pc.saturating_sub(tc);
    }
    for (k, &tc) in &t {
        let pc = p.get(k).copied().unwrap_or(0);
        fn_ += tc.saturating_sub(pc);
    }
    let s = (tp + fp + fn_) as f64;
    if s == 0.0 {
        return (0.0, 0.0, 0.0);
    }
    (tp as f64 / s, fp as f64 / s, fn_ as f64 / s)
}

pub fn precision((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

pub fn recall((tp, fp, fn_): (f64, f64, f64)) -> f64 {
    if fp == 0.0 && fn_ == 0.0 {
        1.0
    } else if tp == 0.0 && fn_ == 0.0 {
        0.0
    } else {
        tp / (tp + fn_)
    }
}

fn mean(xs: &[f64]) -> f64 {
    if xs.is_empty() {
        0.0
    } else {
        xs.iter().sum::<f64>() / xs.len() as f64
    }
}

/// (F1, precision, recall) over documents.
pub fn aeb_metrics(docs: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let p: Vec<f64> = docs
        .iter()
        .filter(|c| c.0 + c.1 > 0.0)
        .map(|&c| precision(c))
        .collect();
    let r: Vec<f64> = docs
        .iter()
        .filter(|c| c.0 + c.2 > 0.0)
        .map(|&c| recall(c))
        .collect();
    let (p, r) = (mean(&p), mean(&r));
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (f1, p, r)
}

/// The scored text of a prediction: `body`, with the dateline put back in
/// front unless the body already starts with it (as `score.py` does).
pub fn predicted_text(article: &deboil::Article) -> String {
    match &article.dateline {
        Some(d) if !d.text.is_empty() && !article.body.starts_with(&d.text) => {
            format!("{} - {}", d.text, article.body)
        }
        _ => article.body.clone(),
    }
}

/// With `explain`, every non-empty input line must be kept (a block's text
/// ends the line: a dateline may be split off its front) or be in `removed`
/// exactly as trimmed. Checked on every fixture.
pub fn unaccounted_lines(input: &str, a: &deboil::Article) -> Vec<String> {
    input
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .filter(|line| {
            let norm = line.split_whitespace().collect::<Vec<_>>().join(" ");
            let kept = a.blocks.iter().any(|b| {
                !b.text.is_empty() && (line.ends_with(&b.text) || norm.ends_with(&b.text))
            });
            let removed = a.removed.iter().any(|r| r.text == *line);
            !kept && !removed
        })
        .map(|line| format!("line neither kept nor in removed: {line:?}"))
        .collect()
}
