//! Throughput of deboil over the fixtures (bytes per second).
//!
//! The question it answers: how many megabytes of scraped pages per second
//! does one core clean, end to end? Each group has a floor beside it:
//!
//! - `text`: `clean_text` over every `.txt` file, next to a line-split-only
//!   pass.
//! - `html`: `clean_html` over every `.html` / `.html.gz` file, next to
//!   `scraper_parse_only` (`scraper::Html::parse_document`, the parse that
//!   `clean_html` starts with), so the cost above parsing is visible. Pages
//!   are decompressed and decoded as UTF-8 (lossily, if they are not)
//!   before timing. The group is skipped when there are no HTML files.
//!
//! Each timed pass reuses one `Cleaner` over pages it has met on earlier
//! iterations, so the regex engines' lazy automata (the lexicon's above all,
//! compiled once per process) hold the states those pages need. A
//! crawler's first pages build those states as they go; that one-time cost
//! is not in these figures (the README gives a cold first pass).
//!
//! Files are looked for recursively under `fixtures/`. To measure another
//! set instead, point `DEBOIL_BENCH_DIR` at one or more folders (joined like
//! `PATH`, with `:` on Unix); both groups then read those folders only, each
//! taking its own file types. For the full AEB set:
//!
//! ```text
//! DEBOIL_BENCH_DIR=/work/shared/eval/aeb/text:/work/shared/eval/aeb/html \
//!     cargo bench --bench clean -- --warm-up-time 1 --measurement-time 5
//! ```

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use deboil::Cleaner;
use flate2::read::MultiGzDecoder;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The folders to search: `$DEBOIL_BENCH_DIR` if set, else `fixtures/`.
fn roots() -> Vec<PathBuf> {
    match std::env::var_os("DEBOIL_BENCH_DIR") {
        Some(dirs) if !dirs.is_empty() => std::env::split_paths(&dirs).collect(),
        _ => vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")],
    }
}

/// Every file under the roots whose name ends with one of `suffixes`,
/// sorted by path.
fn files_ending(suffixes: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = roots();
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| suffixes.iter().any(|s| n.ends_with(s)))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn text_fixtures() -> Vec<String> {
    files_ending(&[".txt"])
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

fn html_fixtures() -> Vec<String> {
    files_ending(&[".html", ".html.gz"])
        .iter()
        .filter_map(|p| {
            let raw = std::fs::read(p).ok()?;
            let bytes = if p.extension().is_some_and(|x| x == "gz") {
                let mut out = Vec::new();
                MultiGzDecoder::new(&raw[..]).read_to_end(&mut out).ok()?;
                out
            } else {
                raw
            };
            Some(match String::from_utf8(bytes) {
                Ok(s) => s,
                Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
            })
        })
        .collect()
}

fn bench_text(c: &mut Criterion) {
    let pages = text_fixtures();
    if pages.is_empty() {
        eprintln!("text: no .txt files under {:?}; skipped", roots());
        return;
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    let cleaner = Cleaner::new();
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes as u64));
    // A full benchmark set (megabytes) makes one pass take most of a second:
    // ten samples then, or a run takes minutes.
    if bytes > 1_000_000 {
        g.sample_size(10);
    }
    g.bench_function("split_lines_only", |b| {
        b.iter(|| {
            pages
                .iter()
                .map(|p| p.lines().filter(|l| !l.trim().is_empty()).count())
                .sum::<usize>()
        })
    });
    g.bench_function("clean_text", |b| {
        b.iter(|| {
            pages
                .iter()
                .filter_map(|p| cleaner.clean_text(p).ok())
                .map(|a| a.body.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn bench_html(c: &mut Criterion) {
    let pages = html_fixtures();
    if pages.is_empty() {
        eprintln!(
            "html: no .html / .html.gz files under {:?}; skipped",
            roots()
        );
        return;
    }
    let bytes: usize = pages.iter().map(String::len).sum();
    let cleaner = Cleaner::new();
    let mut g = c.benchmark_group("html");
    g.throughput(Throughput::Bytes(bytes as u64));
    // One iteration is a pass over every page, which takes a good fraction of
    // a second on a full benchmark set: ten samples, criterion's minimum.
    g.sample_size(10);
    g.bench_function("scraper_parse_only", |b| {
        b.iter(|| {
            for p in &pages {
                black_box(scraper::Html::parse_document(p));
            }
        })
    });
    g.bench_function("clean_html", |b| {
        b.iter(|| {
            pages
                .iter()
                .filter_map(|p| cleaner.clean_html(p).ok())
                .map(|a| a.body.len())
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group!(benches, bench_text, bench_html);
criterion_main!(benches);
