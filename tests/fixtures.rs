//! Text-dump fixtures with checks that a correct cleaner must pass
//! (issue "foundation", item 4).
//!
//! Each `fixtures/text/<slug>/` holds `input.txt` (a page text dump, one
//! block a line), `expected.json` (the checks) and `SOURCE.md` (where the
//! page came from). Every input is cleaned with
//! `Cleaner::new().explain(true).input_kind(InputKind::Text)`.
//!
//! The checks are not a snapshot of the output: they hold for any correct
//! cleaner, so the classifier can be tuned without rewriting them. Keys of
//! `expected.json` (a missing key is not checked):
//!
//! - `title`, `site_name`, `language`: equal (`null`: must be missing).
//! - `published`: the output starts with it (`"2019-11-18"` accepts a full
//!   date-time of that day); `null`: must be missing.
//! - `dateline`: `null`, or an object whose given keys (`text`, `place`,
//!   `source`) are equal.
//! - `authors`: equal, in order.
//! - `body_must_include` / `body_must_not_include`: substrings of `body`.
//! - `removed_must_include`: `{"reason|other_reason": [lines]}`; every line
//!   (as trimmed in the input) is in `removed` with one of the reasons
//!   (the key split on `|`), and is no block's text.
//! - `related_must_include`: titles found in `related`.
//! - `figures_must_include`: `[{"caption", "credit"}]`; a figure with the
//!   given keys equal exists (`null` caption: no caption).
//! - `known_failing`: checks in the same shape that SHOULD hold but do not
//!   yet (bugs in the cleaner, with a `"note"` saying what goes wrong).
//!   They run, are counted and printed, and do not fail the test; one that
//!   starts passing is named (`now passes: …`) so it can move up to the
//!   checked keys.
//!
//! Unknown keys and unknown reason names fail the test, so a typo cannot
//! silently turn a check off. On every fixture, each non-empty input line
//! must also be accounted for: kept in a block or listed in `removed`.

mod common;

use common::unaccounted_lines;
use deboil::{Article, Cleaner, InputKind};
use serde_json::{Map, Value};
use std::path::{Path, PathBuf};

const REASONS: &[&str] = &[
    "photo_credit",
    "caption",
    "share_widget",
    "login_prompt",
    "comment_prompt",
    "cookie_notice",
    "newsletter",
    "navigation",
    "advertisement",
    "foreign_ui",
    "related",
    "footer",
    "metadata",
    "title",
    "duplicate",
    "hidden",
    "boilerplate",
];

const CHECK_KEYS: &[&str] = &[
    "title",
    "dateline",
    "published",
    "site_name",
    "language",
    "authors",
    "body_must_include",
    "body_must_not_include",
    "removed_must_include",
    "related_must_include",
    "figures_must_include",
];

fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/text");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn slug(dir: &Path) -> String {
    dir.file_name().unwrap().to_string_lossy().into_owned()
}

fn clean(input: &str) -> Result<Article, deboil::Error> {
    Cleaner::new()
        .explain(true)
        .input_kind(InputKind::Text)
        .clean(input)
}

fn show(v: Option<&str>) -> String {
    v.map_or_else(|| "null".to_string(), |s| format!("{s:?}"))
}

fn str_list(v: &Value, what: &str) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("{what}: expected a list"))
        .iter()
        .map(|x| {
            x.as_str()
                .unwrap_or_else(|| panic!("{what}: expected strings"))
                .to_string()
        })
        .collect()
}

fn opt_str(v: &Value, what: &str) -> Option<String> {
    match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        _ => panic!("{what}: expected a string or null"),
    }
}

/// Run the checks of one object (the top level or `known_failing`) and
/// return one message per failed check. Malformed checks are `Err`.
fn run_checks(a: &Article, checks: &Map<String, Value>) -> Result<Vec<String>, String> {
    let mut fails = Vec::new();
    for (key, want) in checks {
        match key.as_str() {
            "note" | "known_failing" => {}
            "title" | "site_name" | "language" => {
                let want = opt_str(want, key);
                let got = match key.as_str() {
                    "title" => a.title.as_deref(),
                    "site_name" => a.site_name.as_deref(),
                    _ => a.language.as_deref(),
                };
                if got != want.as_deref() {
                    fails.push(format!(
                        "{key}: got {}, want {}",
                        show(got),
                        show(want.as_deref())
                    ));
                }
            }
            "published" => {
                let want = opt_str(want, key);
                let got = a.published.as_deref();
                let ok = match (got, want.as_deref()) {
                    (None, None) => true,
                    (Some(g), Some(w)) => g.starts_with(w),
                    _ => false,
                };
                if !ok {
                    fails.push(format!(
                        "published: got {}, want {}",
                        show(got),
                        show(want.as_deref())
                    ));
                }
            }
            "dateline" => match (want, &a.dateline) {
                (Value::Null, None) => {}
                (Value::Null, Some(d)) => {
                    fails.push(format!("dateline: got {:?}, want null", d.text))
                }
                (Value::Object(w), got) => {
                    let Some(d) = got else {
                        fails.push(format!("dateline: got null, want {want}"));
                        continue;
                    };
                    let mut wrong = Vec::new();
                    for (field, wv) in w {
                        let wv = opt_str(wv, "dateline field");
                        let gv = match field.as_str() {
                            "text" => Some(d.text.as_str()),
                            "place" => d.place.as_deref(),
                            "source" => d.source.as_deref(),
                            other => return Err(format!("dateline: unknown field {other}")),
                        };
                        if gv != wv.as_deref() {
                            wrong.push(format!(
                                "{field} got {}, want {}",
                                show(gv),
                                show(wv.as_deref())
                            ));
                        }
                    }
                    if !wrong.is_empty() {
                        fails.push(format!("dateline: {}", wrong.join("; ")));
                    }
                }
                _ => return Err("dateline: expected an object or null".into()),
            },
            "authors" => {
                let want = str_list(want, key);
                if a.authors != want {
                    fails.push(format!("authors: got {:?}, want {want:?}", a.authors));
                }
            }
            "body_must_include" => {
                for s in str_list(want, key) {
                    if !a.body.contains(&s) {
                        fails.push(format!("body lacks: {s:?}"));
                    }
                }
            }
            "body_must_not_include" => {
                for s in str_list(want, key) {
                    if a.body.contains(&s) {
                        fails.push(format!("body has: {s:?}"));
                    }
                }
            }
            "removed_must_include" => {
                let groups = want
                    .as_object()
                    .ok_or("removed_must_include: expected an object")?;
                for (reasons, lines) in groups {
                    let reasons: Vec<&str> = reasons.split('|').map(str::trim).collect();
                    if let Some(bad) = reasons.iter().find(|r| !REASONS.contains(r)) {
                        return Err(format!("removed_must_include: unknown reason {bad:?}"));
                    }
                    for line in str_list(lines, "removed_must_include") {
                        if line.trim() != line {
                            return Err(format!("removed line not trimmed: {line:?}"));
                        }
                        let found = a.removed.iter().find(|r| r.text == line);
                        match found {
                            None => {
                                let kept = if a.body.contains(&line) {
                                    " (it is in the body)"
                                } else {
                                    ""
                                };
                                fails.push(format!(
                                    "not removed{kept}: {line:?} (want {})",
                                    reasons.join("|")
                                ));
                            }
                            Some(r) => {
                                let got = serde_json::to_value(r.reason).unwrap();
                                let got = got.as_str().unwrap_or("");
                                if !reasons.contains(&got) {
                                    fails.push(format!(
                                        "removed as {got}, want {}: {line:?}",
                                        reasons.join("|")
                                    ));
                                } else if a.blocks.iter().any(|b| b.text == line) {
                                    fails.push(format!("removed line is also a block: {line:?}"));
                                }
                            }
                        }
                    }
                }
            }
            "related_must_include" => {
                for t in str_list(want, key) {
                    if !a.related.iter().any(|r| r.title == t) {
                        let got: Vec<&str> = a.related.iter().map(|r| r.title.as_str()).collect();
                        fails.push(format!("related lacks {t:?} (got {got:?})"));
                    }
                }
            }
            "figures_must_include" => {
                let figs = want
                    .as_array()
                    .ok_or("figures_must_include: expected a list")?;
                for f in figs {
                    let f = f
                        .as_object()
                        .ok_or("figures_must_include: expected objects")?;
                    let matches = |fig: &deboil::Figure| {
                        f.iter().all(|(k, v)| {
                            let v = opt_str(v, "figure field");
                            match k.as_str() {
                                "caption" => fig.caption == v,
                                "credit" => fig.credit == v,
                                _ => false,
                            }
                        })
                    };
                    if let Some(k) = f.keys().find(|k| *k != "caption" && *k != "credit") {
                        return Err(format!("figures_must_include: unknown field {k}"));
                    }
                    if !a.figures.iter().any(matches) {
                        fails.push(format!(
                            "figures lack {} (got {:?})",
                            Value::Object(f.clone()),
                            a.figures
                        ));
                    }
                }
            }
            other => return Err(format!("unknown key {other:?}")),
        }
    }
    Ok(fails)
}

/// How many expectations a checks object holds: one per scalar key, one per
/// list entry, one per removed line. Each fails with at most one message.
fn count_items(checks: &Map<String, Value>) -> usize {
    checks
        .iter()
        .filter(|(k, _)| CHECK_KEYS.contains(&k.as_str()))
        .map(|(k, v)| match (k.as_str(), v) {
            ("authors", _) => 1,
            ("removed_must_include", Value::Object(groups)) => groups
                .values()
                .map(|l| l.as_array().map_or(0, Vec::len))
                .sum(),
            (_, Value::Array(items)) => items.len(),
            _ => 1,
        })
        .sum()
}

/// Split a checks object into one object per expectation (as counted by
/// `count_items`), each with a short description, so the expectations of
/// `known_failing` that now pass can be named one by one.
fn split_items(checks: &Map<String, Value>) -> Vec<(String, Map<String, Value>)> {
    let one = |k: &str, v: Value| {
        let mut m = Map::new();
        m.insert(k.to_string(), v);
        m
    };
    let mut items = Vec::new();
    for (k, v) in checks {
        if !CHECK_KEYS.contains(&k.as_str()) {
            continue;
        }
        match (k.as_str(), v) {
            ("authors", _) => items.push((format!("{k}: {v}"), one(k, v.clone()))),
            ("removed_must_include", Value::Object(groups)) => {
                for (reasons, lines) in groups {
                    for line in lines.as_array().into_iter().flatten() {
                        let mut g = Map::new();
                        g.insert(reasons.clone(), Value::Array(vec![line.clone()]));
                        items.push((format!("{k} {reasons}: {line}"), one(k, Value::Object(g))));
                    }
                }
            }
            (_, Value::Array(list)) => {
                for x in list {
                    items.push((format!("{k}: {x}"), one(k, Value::Array(vec![x.clone()]))));
                }
            }
            _ => items.push((format!("{k}: {v}"), one(k, v.clone()))),
        }
    }
    items
}

struct Outcome {
    slug: String,
    checks: usize,
    fails: Vec<String>,
    known: usize,
    known_fails: Vec<String>,
    /// Descriptions of the `known_failing` expectations that now pass.
    now_passing: Vec<String>,
    /// The cleaner returned an error: every expectation failed.
    clean_failed: bool,
}

fn run_fixture(dir: &Path) -> Outcome {
    let slug = slug(dir);
    let input = std::fs::read_to_string(dir.join("input.txt"))
        .unwrap_or_else(|e| panic!("{slug}/input.txt: {e}"));
    let expected = std::fs::read_to_string(dir.join("expected.json"))
        .unwrap_or_else(|e| panic!("{slug}/expected.json: {e}"));
    let expected: Value = serde_json::from_str(&expected)
        .unwrap_or_else(|e| panic!("{slug}/expected.json is not JSON: {e}"));
    let checks = expected
        .as_object()
        .unwrap_or_else(|| panic!("{slug}/expected.json: expected an object"));
    let known = match checks.get("known_failing") {
        None => Map::new(),
        Some(Value::Object(m)) => m.clone(),
        Some(_) => panic!("{slug}: known_failing must be an object of checks"),
    };
    let mut out = Outcome {
        slug: slug.clone(),
        checks: count_items(checks),
        fails: Vec::new(),
        known: count_items(&known),
        known_fails: Vec::new(),
        now_passing: Vec::new(),
        clean_failed: false,
    };
    let article = match clean(&input) {
        Ok(a) => a,
        Err(e) => {
            out.clean_failed = true;
            // A page that should clean but does not fails every check of
            // each section; a fixture whose checks all wait in
            // `known_failing` then only counts as known failing.
            if out.checks > 0 {
                out.fails.push(format!("clean failed: {e}"));
            }
            if out.known > 0 {
                out.known_fails.push(format!("clean failed: {e}"));
            }
            return out;
        }
    };
    out.fails = run_checks(&article, checks).unwrap_or_else(|e| panic!("{slug}: {e}"));
    out.fails.extend(unaccounted_lines(&input, &article));
    out.known_fails = run_checks(&article, &known).unwrap_or_else(|e| panic!("{slug}: {e}"));
    for (what, item) in split_items(&known) {
        let fails = run_checks(&article, &item).unwrap_or_else(|e| panic!("{slug}: {e}"));
        if fails.is_empty() {
            out.now_passing.push(what);
        }
    }
    out
}

#[test]
fn text_fixtures_pass_their_checks() {
    let dirs = fixture_dirs();
    let mut failed = Vec::new();
    let mut report = String::from("text fixtures:\n");
    let (mut known_fixtures, mut known_failing, mut known_total) = (0, 0, 0);
    for dir in &dirs {
        let o = run_fixture(dir);
        report.push_str(&format!(
            "  {:<36} {:>3} expectations {}",
            o.slug,
            o.checks,
            if o.fails.is_empty() { "ok" } else { "FAILED" }
        ));
        if o.known > 0 {
            known_fixtures += 1;
            let still = if o.clean_failed {
                o.known
            } else {
                o.known_fails.len().min(o.known)
            };
            known_failing += still;
            known_total += o.known;
            report.push_str(&format!(
                "; known failing: {still} of {} still fail",
                o.known
            ));
            if still < o.known {
                report.push_str(" (the others NOW PASS: move them up to the checked keys)");
            }
        }
        report.push('\n');
        for f in &o.known_fails {
            report.push_str(&format!("      known: {f}\n"));
        }
        for w in &o.now_passing {
            report.push_str(&format!("      now passes: {w}\n"));
        }
        for f in &o.fails {
            report.push_str(&format!("      FAIL:  {f}\n"));
        }
        if !o.fails.is_empty() {
            failed.push(o.slug);
        }
    }
    report.push_str(&format!(
        "{} fixtures, {} failed; known failing: {known_failing} of {known_total} expectations in {known_fixtures} fixtures still fail\n",
        dirs.len(),
        failed.len(),
    ));
    println!("{report}");
    assert!(failed.is_empty(), "failed: {failed:?}\n{report}");
}

#[test]
fn every_fixture_is_complete() {
    let dirs = fixture_dirs();
    assert!(dirs.len() >= 12, "only {} text fixtures", dirs.len());
    for dir in &dirs {
        for file in ["input.txt", "expected.json", "SOURCE.md"] {
            assert!(dir.join(file).is_file(), "{}/{file} missing", slug(dir));
        }
        let input = std::fs::read_to_string(dir.join("input.txt")).unwrap();
        assert!(input.len() <= 16 * 1024, "{}: input over 16 KiB", slug(dir));
    }
}

#[test]
fn checks_catch_mismatches() {
    let article: Article = serde_json::from_value(serde_json::json!({
        "title": "Headline", "dateline": {"text": "PARIS (AFP)", "place": "PARIS", "source": "AFP"},
        "published": "2023-03-03T10:00:00Z", "authors": ["Jane Roe"], "site_name": "Site",
        "language": "en", "body": "First paragraph.\n\nSecond paragraph.",
        "blocks": [{"kind": "paragraph", "text": "First paragraph."},
                   {"kind": "paragraph", "text": "Second paragraph."}],
        "related": [{"title": "Other story", "url": null}],
        "figures": [{"caption": "A cat.", "credit": "Photo: Jane Roe"}],
        "removed": [{"text": "Photo: Jane Roe", "reason": "photo_credit"},
                    {"text": "Share", "reason": "share_widget"}]
    }))
    .unwrap();
    let checks = |v: Value| run_checks(&article, v.as_object().unwrap());
    let good = serde_json::json!({
        "title": "Headline", "published": "2023-03-03", "site_name": "Site", "language": "en",
        "authors": ["Jane Roe"], "dateline": {"place": "PARIS", "source": "AFP"},
        "body_must_include": ["Second paragraph."], "body_must_not_include": ["Share"],
        "removed_must_include": {"caption|photo_credit": ["Photo: Jane Roe"], "share_widget": ["Share"]},
        "related_must_include": ["Other story"],
        "figures_must_include": [{"caption": "A cat.", "credit": "Photo: Jane Roe"}, {"credit": "Photo: Jane Roe"}]
    });
    assert_eq!(checks(good).unwrap(), Vec::<String>::new());
    let bad = serde_json::json!({
        "title": "Other", "published": "2023-03-04", "site_name": null, "language": "de",
        "authors": [], "dateline": null,
        "body_must_include": ["Third"], "body_must_not_include": ["First"],
        "removed_must_include": {"caption": ["Photo: Jane Roe"], "navigation": ["Menu"]},
        "related_must_include": ["Nope"],
        "figures_must_include": [{"caption": null, "credit": "Photo: Jane Roe"}]
    });
    assert_eq!(checks(bad).unwrap().len(), 12);
    assert!(checks(serde_json::json!({"titel": "x"})).is_err());
    assert!(checks(serde_json::json!({"removed_must_include": {"photocredit": ["x"]}})).is_err());
}
