//! Compare article extractors on a page set with ground truth.
//!
//! ```text
//! deboil-compare HTML_DIR TRUTH_JSON [--only NAME,...] [--runs N] [--out DIR]
//! ```
//!
//! `HTML_DIR` holds `<id>.html` or `<id>.html.gz` pages; `TRUTH_JSON` is
//! `{id: {"articleBody": str}}`. Every extractor runs over every page on the
//! main thread, one extractor after the other. Only the extraction call is
//! timed: reading, decompressing and UTF-8 decoding happen before, scoring
//! after. With `--runs N` each extractor makes N passes and the fastest
//! pass is reported (the machine is shared; the minimum is the least noisy).
//! `--out DIR` writes `DIR/<extractor>.jsonl` (`{"id", "body"}` lines) so the
//! numbers can be checked with `score.py aeb`.
//!
//! The score is the article-extraction-benchmark metric, as in the `aeb`
//! function of `score.py`: `\w+` tokens, 4-token shingles, per-document
//! TP/FP/FN normalised to sum to one, precision and recall averaged over
//! documents, F1 from the two means.

use flate2::read::MultiGzDecoder;
use regex::Regex;
use std::collections::HashMap;
use std::io::{Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

const USAGE: &str =
    "usage: deboil-compare HTML_DIR TRUTH_JSON [--only NAME,...] [--runs N] [--out DIR]";

/// The extractors, by the name used in the table and in `--only`.
const EXTRACTORS: [&str; 3] = ["deboil", "rs-trafilatura", "dom_smoothie"];

struct Page {
    id: String,
    html: String,
}

fn main() -> ExitCode {
    let mut positional = Vec::new();
    let mut only: Option<Vec<String>> = None;
    let mut runs = 1usize;
    let mut out_dir: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--only" => match args.next() {
                Some(v) => only = Some(v.split(',').map(str::to_string).collect()),
                None => return usage(),
            },
            "--runs" => match args.next().and_then(|v| v.parse().ok()) {
                Some(n) if n > 0 => runs = n,
                _ => return usage(),
            },
            "--out" => match args.next() {
                Some(v) => out_dir = Some(PathBuf::from(v)),
                None => return usage(),
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => return usage(),
            _ => positional.push(a),
        }
    }
    let [html_dir, truth_path] = positional.as_slice() else {
        return usage();
    };
    let names: Vec<&str> = match &only {
        Some(list) => {
            for n in list {
                if !EXTRACTORS.contains(&n.as_str()) {
                    eprintln!("unknown extractor {n:?}; known: {}", EXTRACTORS.join(", "));
                    return ExitCode::from(2);
                }
            }
            EXTRACTORS
                .iter()
                .copied()
                .filter(|e| list.iter().any(|n| n == e))
                .collect()
        }
        None => EXTRACTORS.to_vec(),
    };

    let truth = match load_truth(Path::new(truth_path)) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{truth_path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let pages = match load_pages(Path::new(html_dir)) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{html_dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();
    let scored = pages.iter().filter(|p| truth.contains_key(&p.id)).count();
    eprintln!(
        "{} pages ({:.1} MB of HTML), {} truths, {} pages with a truth",
        pages.len(),
        bytes as f64 / 1e6,
        truth.len(),
        scored
    );
    if let Some(dir) = &out_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            eprintln!("{}: {e}", dir.display());
            return ExitCode::FAILURE;
        }
    }

    let tokens = Regex::new(TOKEN).expect("token regex compiles");
    println!(
        "{:<16} {:>6} {:>6} {:>6} {:>8} {:>8} {:>6} {:>6}",
        "extractor", "F1", "P", "R", "MB/s", "docs/s", "empty", "errors"
    );
    for name in names {
        let mut best: Option<Duration> = None;
        let mut outputs = Vec::new();
        for _ in 0..runs {
            let (outs, time) = run(name, &pages);
            if best.is_none_or(|b| time < b) {
                best = Some(time);
            }
            outputs = outs;
        }
        let time = best.unwrap_or_default().as_secs_f64();
        let errors = outputs.iter().filter(|o| o.is_err()).count();
        let failures = pages.iter().zip(&outputs).filter_map(|(p, o)| match o {
            Err(e) => Some((&p.id, e)),
            Ok(_) => None,
        });
        for (i, (id, e)) in failures.enumerate() {
            if i == 5 {
                eprintln!("{name}: ... {} more errors", errors - 5);
                break;
            }
            eprintln!("{name}: {id}: {e}");
        }
        let preds: HashMap<&str, &str> = pages
            .iter()
            .zip(&outputs)
            .map(|(p, o)| (p.id.as_str(), o.as_deref().unwrap_or("")))
            .collect();
        let empty = truth
            .keys()
            .filter(|id| preds.get(id.as_str()).is_none_or(|b| b.trim().is_empty()))
            .count();
        let m = aeb(&tokens, &truth, &preds);
        println!(
            "{:<16} {:>6.4} {:>6.4} {:>6.4} {:>8.2} {:>8.1} {:>6} {:>6}",
            name,
            m.f1,
            m.precision,
            m.recall,
            bytes as f64 / 1e6 / time,
            pages.len() as f64 / time,
            empty,
            errors
        );
        if let Some(dir) = &out_dir {
            if let Err(e) = write_jsonl(&dir.join(format!("{name}.jsonl")), &pages, &outputs) {
                eprintln!("{}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// One pass of one extractor over all pages: each page's body (or error) and
/// the summed time of the extraction calls alone.
fn run(name: &str, pages: &[Page]) -> (Vec<Result<String, String>>, Duration) {
    let mut total = Duration::ZERO;
    let mut outs = Vec::with_capacity(pages.len());
    match name {
        "deboil" => {
            let cleaner = deboil::Cleaner::new();
            for p in pages {
                let (r, t) = timed(|| cleaner.clean_html(&p.html));
                total += t;
                // As score.py does: the benchmark keeps the dateline in the body.
                outs.push(
                    r.and_then(|r| r.map_err(|e| e.to_string()))
                        .map(|a| match a.dateline {
                            Some(d) if !d.text.is_empty() && !a.body.starts_with(&d.text) => {
                                format!("{} - {}", d.text, a.body)
                            }
                            _ => a.body,
                        }),
                );
            }
        }
        "rs-trafilatura" => {
            let opts = rs_trafilatura::Options::default();
            for p in pages {
                let (r, t) = timed(|| rs_trafilatura::extract_with_options(&p.html, &opts));
                total += t;
                outs.push(r.and_then(|r| r.map_err(|e| e.to_string()).map(|x| x.content_text)));
            }
        }
        "dom_smoothie" => {
            // Formatted text keeps paragraph breaks; the default raw
            // `textContent` can glue words of adjacent blocks together.
            let cfg = dom_smoothie::Config {
                text_mode: dom_smoothie::TextMode::Formatted,
                ..Default::default()
            };
            for p in pages {
                let (r, t) = timed(|| {
                    dom_smoothie::Readability::new(p.html.as_str(), None, Some(cfg.clone()))
                        .and_then(|mut r| r.parse())
                });
                total += t;
                outs.push(r.and_then(|r| {
                    r.map_err(|e| e.to_string())
                        .map(|a| a.text_content.to_string())
                }));
            }
        }
        _ => unreachable!("names are checked against EXTRACTORS"),
    }
    (outs, total)
}

/// Run `f`, timing it; a panic becomes an error.
fn timed<T>(f: impl FnOnce() -> T) -> (Result<T, String>, Duration) {
    let start = Instant::now();
    let r = catch_unwind(AssertUnwindSafe(f));
    let t = start.elapsed();
    (r.map_err(|_| "panicked".to_string()), t)
}

fn load_truth(path: &Path) -> Result<HashMap<String, String>, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let v: serde_json::Value = serde_json::from_str(&raw).map_err(|e| e.to_string())?;
    let obj = v.as_object().ok_or("not a JSON object")?;
    Ok(obj
        .iter()
        .map(|(id, item)| {
            let body = item
                .get("articleBody")
                .and_then(|b| b.as_str())
                .unwrap_or("");
            (id.clone(), body.to_string())
        })
        .collect())
}

/// `<id>.html` and `<id>.html.gz` files, decompressed and decoded, by id.
fn load_pages(dir: &Path) -> std::io::Result<Vec<Page>> {
    let mut pages = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let path = e?.path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let (id, gz) = if let Some(id) = name.strip_suffix(".html.gz") {
            (id, true)
        } else if let Some(id) = name.strip_suffix(".html") {
            (id, false)
        } else {
            continue;
        };
        let raw = std::fs::read(&path)?;
        let bytes = if gz {
            let mut out = Vec::new();
            MultiGzDecoder::new(&raw[..]).read_to_end(&mut out)?;
            out
        } else {
            raw
        };
        let html = match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{name}: not UTF-8, decoded lossily");
                String::from_utf8_lossy(e.as_bytes()).into_owned()
            }
        };
        pages.push(Page {
            id: id.to_string(),
            html,
        });
    }
    pages.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(pages)
}

fn write_jsonl(
    path: &Path,
    pages: &[Page],
    outputs: &[Result<String, String>],
) -> std::io::Result<()> {
    let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
    for (p, o) in pages.iter().zip(outputs) {
        let line = serde_json::json!({"id": p.id, "body": o.as_deref().ok()});
        writeln!(f, "{line}")?;
    }
    f.flush()
}

// --- the AEB metric -------------------------------------------------------

/// Python's `re` `\w` on `str`: `ch.isalnum() or ch == "_"`, i.e. letters
/// and numbers of every kind. (The regex crate's own `\w` also takes marks,
/// joiners and all connector punctuation, which would split some scripts'
/// words differently from score.py.)
const TOKEN: &str = r"[\p{L}\p{N}_]+";

struct Metrics {
    f1: f64,
    precision: f64,
    recall: f64,
}

/// Multiset of 4-token shingles; a text of fewer than four tokens is one
/// shorter shingle, an empty text none.
fn shingles<'a>(tokens: &'a [&'a str]) -> HashMap<&'a [&'a str], i64> {
    let mut m = HashMap::new();
    if tokens.is_empty() {
        return m;
    }
    if tokens.len() < 4 {
        m.insert(tokens, 1);
        return m;
    }
    for w in tokens.windows(4) {
        *m.entry(w).or_insert(0) += 1;
    }
    m
}

/// Per-document (tp, fp, fn), normalised to sum to one (all zero if both
/// texts are empty).
fn counts(re: &Regex, truth: &str, pred: &str) -> (f64, f64, f64) {
    let tt: Vec<&str> = re.find_iter(truth).map(|m| m.as_str()).collect();
    let pt: Vec<&str> = re.find_iter(pred).map(|m| m.as_str()).collect();
    let (t, p) = (shingles(&tt), shingles(&pt));
    let (mut tp, mut fp, mut fn_) = (0i64, 0i64, 0i64);
    for (k, &n) in &p {
        let m = t.get(k).copied().unwrap_or(0);
        tp += n.min(m);
        fp += (n - m).max(0);
    }
    for (k, &m) in &t {
        let n = p.get(k).copied().unwrap_or(0);
        fn_ += (m - n).max(0);
    }
    let s = (tp + fp + fn_) as f64;
    if s == 0.0 {
        (0.0, 0.0, 0.0)
    } else {
        (tp as f64 / s, fp as f64 / s, fn_ as f64 / s)
    }
}

fn aeb(re: &Regex, truth: &HashMap<String, String>, preds: &HashMap<&str, &str>) -> Metrics {
    let mut ids: Vec<&String> = truth.keys().collect();
    ids.sort();
    let (mut ps, mut rs) = (Vec::new(), Vec::new());
    for id in ids {
        let pred = preds.get(id.as_str()).copied().unwrap_or("");
        let (tp, fp, fn_) = counts(re, &truth[id], pred);
        let perfect = fp == 0.0 && fn_ == 0.0;
        if tp + fp > 0.0 {
            ps.push(if perfect { 1.0 } else { tp / (tp + fp) });
        }
        if tp + fn_ > 0.0 {
            rs.push(if perfect { 1.0 } else { tp / (tp + fn_) });
        }
    }
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (precision, recall) = (mean(&ps), mean(&rs));
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    Metrics {
        f1,
        precision,
        recall,
    }
}
