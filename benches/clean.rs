//! Throughput of `clean_text` over the text fixtures (bytes per second).
//!
//! The question it answers: how many megabytes of scraped page text per
//! second does one core clean, end to end? A line-split-only pass sits in
//! the same group as the floor.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use deboil::Cleaner;
use std::path::Path;

fn text_fixtures() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut out = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                if let Ok(s) = std::fs::read_to_string(&p) {
                    out.push(s);
                }
            }
        }
    }
    out.sort();
    out
}

fn bench_text(c: &mut Criterion) {
    let pages = text_fixtures();
    let bytes: usize = pages.iter().map(String::len).sum();
    let cleaner = Cleaner::new();
    let mut g = c.benchmark_group("text");
    g.throughput(Throughput::Bytes(bytes as u64));
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

criterion_group!(benches, bench_text);
criterion_main!(benches);
