//! The seed page: a Sputnik article text dump with a photo credit glued to
//! its caption, an image card before a related headline, a login prompt and
//! a Cyrillic UI string. The output must equal the expected article.

use deboil::Cleaner;
use serde_json::Value;

const SEED: &str = include_str!("../fixtures/seed/000_d0a83b379e3fb086.txt");
const EXPECTED: &str = include_str!("../fixtures/seed/000_d0a83b379e3fb086.expected.json");

/// Compare with missing keys counting as null (the expected file leaves out `url: null`).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => x.keys().chain(y.keys()).all(|k| {
            same(
                x.get(k).unwrap_or(&Value::Null),
                y.get(k).unwrap_or(&Value::Null),
            )
        }),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        _ => a == b,
    }
}

#[test]
fn seed_article_equals_expected() {
    let article = Cleaner::new()
        .explain(true)
        .clean(SEED)
        .expect("seed cleans");
    let got = serde_json::to_value(&article).unwrap();
    let want: Value = serde_json::from_str(EXPECTED).unwrap();
    for field in [
        "title",
        "dateline",
        "published",
        "site_name",
        "language",
        "blocks",
        "related",
        "figures",
    ] {
        assert!(
            same(&got[field], &want[field]),
            "{field}:\n got  {}\n want {}",
            got[field],
            want[field]
        );
    }
    assert_eq!(got["body"], want["body"]);
}

#[test]
fn seed_removed_lines_have_fitting_reasons() {
    let article = Cleaner::new().explain(true).clean(SEED).unwrap();
    let want: Value = serde_json::from_str(EXPECTED).unwrap();
    let fitting = |group: &str| -> &[&str] {
        match group {
            "photo_credit_or_caption" => &["photo_credit", "caption", "related"],
            "login_prompt" => &["login_prompt"],
            "foreign_ui" => &["foreign_ui"],
            other => panic!("unknown group {other}"),
        }
    };
    for (group, lines) in want["removed_lines_must_include"].as_object().unwrap() {
        for line in lines.as_array().unwrap() {
            let line = line.as_str().unwrap();
            let removed = article.removed.iter().find(|r| r.text == line);
            let removed = removed.unwrap_or_else(|| panic!("not in removed: {line}"));
            let reason = serde_json::to_value(removed.reason).unwrap();
            assert!(
                fitting(group).contains(&reason.as_str().unwrap()),
                "{line}: {reason}"
            );
            let title = article.title.as_deref().unwrap_or("");
            assert_ne!(title, line);
            assert!(!article.body.contains(line), "in body: {line}");
            assert!(article.blocks.iter().all(|b| b.text != line));
            assert!(article.related.iter().all(|r| r.title != line));
        }
    }
}

#[test]
fn every_input_line_is_accounted_for() {
    let article = Cleaner::new().explain(true).clean(SEED).unwrap();
    for line in SEED.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let kept = article
            .blocks
            .iter()
            .any(|b| line.ends_with(b.text.as_str()));
        let removed = article.removed.iter().any(|r| r.text == line);
        assert!(kept || removed, "unaccounted: {line}");
    }
}

#[test]
fn without_explain_removed_is_empty() {
    let article = deboil::clean(SEED).unwrap();
    assert!(article.removed.is_empty());
    assert_eq!(article.blocks.len(), 10);
}

#[test]
fn example_binary_prints_the_expected_article() {
    let out = std::process::Command::new(env!("CARGO"))
        .args([
            "run",
            "-q",
            "--release",
            "--example",
            "clean",
            "--",
            "fixtures/seed/000_d0a83b379e3fb086.txt",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("cargo runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let got: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let want: Value = serde_json::from_str(EXPECTED).unwrap();
    assert_eq!(got["title"], want["title"]);
    assert!(same(&got["blocks"], &want["blocks"]));
}
