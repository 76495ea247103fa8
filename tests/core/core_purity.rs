//! The core is pure, enforced rather than only stated: no file under `src/core` does I/O,
//! reads the clock or the environment, is async, or names sqlx, teloxide, tokio or
//! tracing. The shells call in with `now` and carry out what comes back.

use std::path::{Path, PathBuf};

/// What the core must not use, and why each is a sign of impurity.
const FORBIDDEN: &[(&str, &str)] = &[
    ("Utc::now", "reads the clock"),
    ("Local::now", "reads the clock"),
    ("SystemTime", "reads the clock"),
    ("Instant::now", "reads the clock"),
    ("std::fs", "does file I/O"),
    ("std::net", "does network I/O"),
    ("std::io", "does I/O"),
    ("std::env", "reads the environment"),
    ("std::process", "runs or ends processes"),
    ("std::thread", "spawns threads or sleeps"),
    ("async ", "is async"),
    (".await", "is async"),
    ("tokio", "names the runtime"),
    ("sqlx", "names the database"),
    ("teloxide", "names Telegram"),
    ("tracing", "logs"),
    ("println!", "prints"),
    ("eprintln!", "prints"),
];

/// The code of `source` without comments (a line comment or doc comment to the end of the
/// line; block comments are not used in this project).
fn code_lines(source: &str) -> impl Iterator<Item = (usize, &str)> {
    source.lines().enumerate().map(|(i, line)| {
        let code = match line.find("//") {
            // `//` inside a string literal (a URL) is rare in the core; a comment after
            // code is cut off, which can only hide, never invent, a finding.
            Some(at) => &line[..at],
            None => line,
        };
        (i + 1, code)
    })
}

/// Every forbidden use in `source`, as "line: pattern (why)".
fn findings(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (number, code) in code_lines(source) {
        for (pattern, why) in FORBIDDEN {
            if code.contains(pattern) {
                found.push(format!("{number}: {pattern} ({why})"));
            }
        }
    }
    found
}

fn rust_files(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src/core is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

#[test]
fn the_core_does_no_io_reads_no_clock_and_names_no_shell_crate() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    assert!(files.len() > 20, "the core's files are found: {files:?}");
    let mut report = Vec::new();
    for file in files {
        let source = std::fs::read_to_string(&file).unwrap();
        for finding in findings(&source) {
            report.push(format!("{}:{finding}", file.display()));
        }
    }
    assert!(
        report.is_empty(),
        "the core is not pure:\n{}",
        report.join("\n")
    );
}

#[test]
fn the_check_finds_what_it_looks_for_and_ignores_comments() {
    let impure = "fn f() {\n    let now = chrono::Utc::now();\n}\n\
                  async fn g() { h().await }\n\
                  use tracing::info;\n";
    let found = findings(impure);
    assert!(
        found.iter().any(|f| f.starts_with("2: Utc::now")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.starts_with("4: async ")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.starts_with("4: .await")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.starts_with("5: tracing")),
        "{found:?}"
    );
    let commented = "//! Nothing here reads the clock (no Utc::now) or logs with tracing.\n\
                     fn f() {} // not async\n";
    assert!(findings(commented).is_empty(), "{:?}", findings(commented));
}
