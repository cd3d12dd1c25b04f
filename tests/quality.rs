//! Extraction quality on AEB text dumps (issue "text dumps").
//!
//! 46 pages of the article-extraction-benchmark (every 4th id, sorted), each
//! as two text dumps: `fixtures/aeb/text/` (html_text style) and
//! `fixtures/aeb/text-inscriptis/` (inscriptis style); the reference bodies are
//! in `fixtures/aeb/ground-truth.json`. See `fixtures/README.md`.
//!
//! The score is the benchmark's own metric, as computed by
//! `score.py aeb` (kept outside the crate): texts are split into `\w+` runs
//! and 4-token shingles; per document TP/FP/FN are multiset overlaps divided
//! by TP+FP+FN; precision is the mean over documents with TP+FP > 0, recall
//! the mean over documents with TP+FN > 0, F1 is computed from the two means.
//! The predicted text is `body`, with the dateline text put back in front
//! (`"{dateline} - {body}"`), as `score.py` does.
//!
//! Each style has a floor a little under the F1 measured when the floor was
//! set; raise the floor when the cleaner gets better.

mod common;

use common::{aeb_metrics, counts, precision, predicted_text, recall, shingles, TOKEN};
use deboil::{Cleaner, InputKind};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// F1 floors per dump style, about 0.02 under what the cleaner reaches on
/// these 46 pages: text F1 0.928 (P 0.940, R 0.916), text-inscriptis F1
/// 0.923 (P 0.935, R 0.912).
const FLOOR_TEXT: f64 = 0.907;
const FLOOR_INSCRIPTIS: f64 = 0.902;

fn truth() -> HashMap<String, String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/aeb");
    let raw = std::fs::read_to_string(root.join("ground-truth.json")).expect("ground truth");
    let v: Value = serde_json::from_str(&raw).expect("ground truth is JSON");
    v.as_object()
        .expect("an object keyed by id")
        .iter()
        .map(|(id, item)| {
            let body = item["articleBody"].as_str().unwrap_or("").to_string();
            (id.clone(), body)
        })
        .collect()
}

/// Clean every page of one dump style and score it: (F1, P, R, per-doc).
fn score_style(style: &str) -> (f64, f64, f64, Vec<(String, f64)>) {
    let truth = truth();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/aeb")
        .join(style);
    let cleaner = Cleaner::new().input_kind(InputKind::Text);
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    assert!(ids.len() >= 40, "only {} AEB pages", ids.len());
    let mut docs = Vec::new();
    let mut per_doc = Vec::new();
    for id in ids {
        let path = dir.join(format!("{id}.txt"));
        let input =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // A page the cleaner gives up on is an empty prediction, as in score.py.
        let pred = cleaner
            .clean(&input)
            .map(|a| predicted_text(&a))
            .unwrap_or_default();
        let c = counts(&truth[id], &pred);
        let (p, r) = (precision(c), recall(c));
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        per_doc.push((id.clone(), f));
        docs.push(c);
    }
    let (f1, p, r) = aeb_metrics(&docs);
    per_doc.sort_by(|a, b| a.1.total_cmp(&b.1));
    (f1, p, r, per_doc)
}

fn check_style(style: &str, floor: f64) {
    let (f1, p, r, per_doc) = score_style(style);
    let mut report = format!(
        "AEB {style}: F1 {f1:.3}  precision {p:.3}  recall {r:.3}  (docs {}, floor {floor:.3})",
        per_doc.len()
    );
    for (id, f) in per_doc.iter().take(5) {
        report.push_str(&format!("\n  worst: F1 {f:.3}  {id}"));
    }
    println!("{report}");
    assert!(
        f1 >= floor,
        "AEB {style}: F1 {f1:.3} fell under the floor {floor:.3}"
    );
}

#[test]
fn aeb_text_dumps_f1_above_floor() {
    check_style("text", FLOOR_TEXT);
}

#[test]
fn aeb_inscriptis_dumps_f1_above_floor() {
    check_style("text-inscriptis", FLOOR_INSCRIPTIS);
}

// --- the scorer itself, on cases worked out by hand ---------------------------

#[test]
fn tokens_follow_python_word_characters() {
    let toks: Vec<&str> = TOKEN
        .find_iter("Don't stop_me, naïve Zürich 3.5% Москва 北京")
        .map(|m| m.as_str())
        .collect();
    assert_eq!(
        toks,
        [
            "Don",
            "t",
            "stop_me",
            "naïve",
            "Zürich",
            "3",
            "5",
            "Москва",
            "北京"
        ]
    );
}

#[test]
fn short_texts_are_one_shingle() {
    assert!(shingles("").is_empty());
    assert_eq!(shingles("a b").len(), 1);
    assert_eq!(shingles("a b c d").len(), 1);
    assert_eq!(shingles("a b c d e").len(), 2);
    assert_eq!(shingles("a b c d a b c d")[&vec!["a", "b", "c", "d"]], 2);
}

/// The whole dump as the prediction, scored by `score.py aeb` on these 46
/// pages (computed once with Python and written down here): the Rust scorer
/// must give the same numbers, so the floors above mean what score.py means.
#[test]
fn scorer_matches_score_py_on_whole_dumps() {
    let truth = truth();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/aeb");
    for (style, want) in [
        ("text", (0.668107083101, 0.502752962069, 0.995536362768)),
        (
            "text-inscriptis",
            (0.668761307288, 0.504472978867, 0.991732014942),
        ),
    ] {
        let mut ids: Vec<&String> = truth.keys().collect();
        ids.sort();
        let docs: Vec<(f64, f64, f64)> = ids
            .iter()
            .map(|id| {
                let dump = std::fs::read_to_string(root.join(style).join(format!("{id}.txt")))
                    .expect("dump");
                counts(&truth[*id], &dump)
            })
            .collect();
        let (f1, p, r) = aeb_metrics(&docs);
        for (name, got, want) in [("F1", f1, want.0), ("P", p, want.1), ("R", r, want.2)] {
            assert!(
                (got - want).abs() < 1e-9,
                "{style} {name}: Rust {got:.12} vs score.py {want:.12}"
            );
        }
    }
}

#[test]
fn scorer_matches_hand_counts() {
    // Identical texts: all true positives.
    assert_eq!(
        counts("one two three four five", "one two three four five"),
        (1.0, 0.0, 0.0)
    );
    // Truth has 3 shingles, prediction 2 of them plus 1 other: tp 2, fp 1, fn 1.
    let c = counts("a b c d e f", "a b c d e x");
    assert!((c.0 - 0.5).abs() < 1e-12 && (c.1 - 0.25).abs() < 1e-12 && (c.2 - 0.25).abs() < 1e-12);
    // An empty prediction does not count towards precision.
    let docs = [counts("a b c d e f", ""), counts("a b c d", "a b c d")];
    let (f1, p, r) = aeb_metrics(&docs);
    assert_eq!(p, 1.0);
    assert_eq!(r, 0.5);
    assert!((f1 - 2.0 / 3.0).abs() < 1e-12);
}
