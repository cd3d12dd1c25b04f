//! The example binary as a user runs it: several inputs, a gzipped one,
//! stdin, a missing file, JSON Lines ids and the exit code.

use std::io::Write;
use std::process::{Command, Stdio};

fn clean(args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    let mut cmd = Command::new(env!("CARGO"));
    cmd.args(["run", "-q", "--release", "--example", "clean", "--"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("cargo runs");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

#[test]
fn several_inputs_give_json_lines_with_ids_and_failures_set_the_exit_code() {
    let dir = std::env::temp_dir().join(format!("deboil-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let seed = std::fs::read("fixtures/seed/000_d0a83b379e3fb086.txt").unwrap();
    let gz_path = dir.join("a.b.html.gz");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&seed).unwrap();
    std::fs::write(&gz_path, gz.finish().unwrap()).unwrap();
    let missing = dir.join("missing.txt");

    let out = clean(
        &[
            "--text",
            "fixtures/seed/000_d0a83b379e3fb086.txt",
            gz_path.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
        None,
    );
    assert!(!out.status.success(), "a missing input must fail the run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "the run goes on past the failure");
    assert_eq!(lines[0]["id"], "000_d0a83b379e3fb086");
    assert_eq!(
        lines[1]["id"], "a.b",
        "`.gz`, then `.html`, are taken off the id"
    );
    assert_eq!(lines[0]["title"], lines[1]["title"]);

    let out = clean(&["--format", "markdown", "-"], Some(&seed));
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with(
        "# Russian MFA: 'Business as Usual' in Relations With US Will No Longer Work\n"
    ));
    assert!(md.contains("\n## Biden Does Not Want to Talk to Putin Now"));
    let _ = std::fs::remove_dir_all(&dir);
}
