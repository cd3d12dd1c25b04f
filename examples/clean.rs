//! Clean pages from the command line.
//!
//! ```text
//! clean [--format json|text|markdown] [--explain] [--html|--text] [--jsonl] PATH...
//! ```
//!
//! `-` reads stdin; a directory means the files in it (sorted); `.gz` inputs
//! are decompressed. One input prints pretty JSON; several inputs, or
//! `--jsonl`, print one JSON line per input with an extra `"id"` (the file
//! name without `.gz`, then without `.html`, `.htm` or `.txt`). A failing
//! input is reported on stderr and the run goes on; the exit code is 1 if
//! any failed. A page with metadata but no article text prints its metadata
//! with empty `blocks` ([`Cleaner::keep_empty`]) and a note on stderr.

use deboil::{Cleaner, InputKind};
use std::io::{self, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Text,
    Markdown,
}

const USAGE: &str =
    "usage: clean [--format json|text|markdown] [--explain] [--html|--text] [--jsonl] PATH...";

fn main() -> ExitCode {
    let mut format = Format::Json;
    let mut explain = false;
    let mut kind = InputKind::Auto;
    let mut jsonl = false;
    let mut paths: Vec<String> = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--format" => match args.next().as_deref() {
                Some("json") => format = Format::Json,
                Some("text") => format = Format::Text,
                Some("markdown" | "md") => format = Format::Markdown,
                _ => return usage(),
            },
            "--explain" => explain = true,
            "--html" => kind = InputKind::Html,
            "--text" => kind = InputKind::Text,
            "--jsonl" => jsonl = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            s if s.starts_with("--") => return usage(),
            _ => paths.push(a),
        }
    }
    if paths.is_empty() {
        return usage();
    }
    let mut inputs: Vec<PathBuf> = Vec::new();
    let mut failed = false;
    for p in &paths {
        let path = PathBuf::from(p);
        if path.is_dir() {
            match std::fs::read_dir(&path) {
                Ok(rd) => {
                    let mut files: Vec<PathBuf> = rd
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|p| p.is_file())
                        .collect();
                    files.sort();
                    inputs.extend(files);
                }
                Err(e) => {
                    eprintln!("{p}: {e}");
                    failed = true;
                }
            }
        } else {
            inputs.push(path);
        }
    }
    let many = jsonl || inputs.len() > 1;
    let cleaner = Cleaner::new()
        .explain(explain)
        .input_kind(kind)
        .keep_empty(true);
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    for path in &inputs {
        let name = path.display().to_string();
        let bytes = match read(path) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{name}: {e}");
                failed = true;
                continue;
            }
        };
        let article = match cleaner.clean_bytes(&bytes) {
            Ok(a) => a,
            Err(e) => {
                eprintln!("{name}: {e}");
                failed = true;
                continue;
            }
        };
        if article.blocks.is_empty() {
            eprintln!("{name}: no article text found; metadata only");
        }
        let written = match (format, many) {
            (Format::Json, true) => {
                let mut v = serde_json::to_value(&article).expect("articles serialise");
                if let serde_json::Value::Object(o) = &mut v {
                    o.insert("id".into(), id_of(path).into());
                }
                writeln!(out, "{v}")
            }
            (Format::Json, false) => {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&article).expect("articles serialise")
                )
            }
            (Format::Text, _) => write!(out, "{}", article.to_text()),
            (Format::Markdown, _) => write!(out, "{}", article.to_markdown()),
        };
        if written.is_err() {
            // Downstream closed (a pager quit): stop quietly.
            return ExitCode::from(if failed { 1 } else { 0 });
        }
    }
    let _ = out.flush();
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn usage() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

fn read(path: &Path) -> io::Result<Vec<u8>> {
    let mut raw = Vec::new();
    if path.as_os_str() == "-" {
        io::stdin().read_to_end(&mut raw)?;
    } else {
        raw = std::fs::read(path)?;
    }
    if raw.starts_with(&[0x1f, 0x8b]) {
        let mut out = Vec::new();
        flate2::read::MultiGzDecoder::new(&raw[..]).read_to_end(&mut out)?;
        return Ok(out);
    }
    Ok(raw)
}

/// `a.b.html.gz` → `a.b`; `-` → `-`.
fn id_of(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "-".to_string(), |n| n.to_string_lossy().into_owned());
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    for ext in [".html", ".htm", ".txt"] {
        if let Some(stem) = name.strip_suffix(ext) {
            return stem.to_string();
        }
    }
    name.to_string()
}
