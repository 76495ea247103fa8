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

/// The core's layers, bottom first (see `src/core/mod.rs`): a file may import from its
/// own layer or a lower one, never from a layer above it.
const LAYERS: &[&str] = &[
    "values",
    "read",
    "rules",
    "say",
    "person",
    "event",
    "transition",
    "ask",
    "view",
    "dialog",
    "conversation",
];

/// The layer a file under `src/core` belongs to, by its first folder (or file) name.
fn layer_of(relative: &str) -> Option<usize> {
    let first = relative.split('/').next()?.trim_end_matches(".rs");
    LAYERS.iter().position(|l| *l == first)
}

/// Every `crate::core::…` path a source names outside comments and test modules, as the
/// module path after `crate::core::` (up to the first item name in upper case or a brace).
fn core_paths(source: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for (number, code) in code_lines(source) {
        if code.trim_start().starts_with("#[cfg(test)]") {
            break;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::core::") {
            let after = &rest[at + "crate::core::".len()..];
            let path: String = after
                .split("::")
                .take_while(|part| part.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
                .map(|part| {
                    part.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                        .next()
                        .unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join("/");
            out.push((number, path));
            rest = after;
        }
    }
    out
}

/// The file a module path names (`dialog/session` → `dialog/session.rs`), if it exists;
/// an item path names its module's file (`person/Person` is cut at the item already).
fn file_of(core: &Path, module: &str) -> Option<String> {
    let mut parts: Vec<&str> = module.split('/').filter(|p| !p.is_empty()).collect();
    while !parts.is_empty() {
        let joined = parts.join("/");
        for candidate in [format!("{joined}.rs"), format!("{joined}/mod.rs")] {
            if core.join(&candidate).is_file() {
                return Some(candidate);
            }
        }
        parts.pop();
    }
    None
}

/// The core's files (not test files) with the files they import.
fn core_imports() -> Vec<(String, Vec<(usize, String)>)> {
    let core = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    rust_files(&core, &mut files);
    let mut graph = Vec::new();
    for file in files {
        let relative = file
            .strip_prefix(&core)
            .expect("under src/core")
            .to_string_lossy()
            .replace('\\', "/");
        if relative == "mod.rs" || relative.ends_with("tests.rs") {
            continue;
        }
        let source = std::fs::read_to_string(&file).expect("readable source");
        let targets = core_paths(&source)
            .into_iter()
            .filter_map(|(line, module)| file_of(&core, &module).map(|f| (line, f)))
            .filter(|(_, target)| *target != relative)
            .collect();
        graph.push((relative, targets));
    }
    graph
}

#[test]
fn no_core_module_imports_a_layer_above_its_own() {
    let graph = core_imports();
    assert!(graph.len() > 30, "the core's files were not found");
    let mut upward = Vec::new();
    for (file, targets) in &graph {
        let own = layer_of(file).unwrap_or_else(|| panic!("{file} is in no layer"));
        for (line, target) in targets {
            let theirs = layer_of(target).unwrap_or_else(|| panic!("{target} is in no layer"));
            if theirs > own {
                upward.push(format!(
                    "src/core/{file}:{line} imports src/core/{target} ({} above {})",
                    LAYERS[theirs], LAYERS[own]
                ));
            }
        }
    }
    assert!(
        upward.is_empty(),
        "imports that go up:\n{}",
        upward.join("\n")
    );
}

#[test]
fn no_import_cycle_between_core_files() {
    let graph = core_imports();
    let index = |name: &str| graph.iter().position(|(f, _)| f == name);
    // Depth-first search with colours: grey on the stack, black done.
    fn visit(
        at: usize,
        graph: &[(String, Vec<(usize, String)>)],
        index: &dyn Fn(&str) -> Option<usize>,
        colour: &mut [u8],
        stack: &mut Vec<usize>,
    ) -> Option<Vec<String>> {
        colour[at] = 1;
        stack.push(at);
        for (_, target) in &graph[at].1 {
            let Some(next) = index(target) else { continue };
            if colour[next] == 1 {
                let from = stack.iter().position(|s| *s == next).unwrap_or(0);
                let mut cycle: Vec<String> =
                    stack[from..].iter().map(|s| graph[*s].0.clone()).collect();
                cycle.push(graph[next].0.clone());
                return Some(cycle);
            }
            if colour[next] == 0
                && let Some(cycle) = visit(next, graph, index, colour, stack)
            {
                return Some(cycle);
            }
        }
        stack.pop();
        colour[at] = 2;
        None
    }
    let mut colour = vec![0u8; graph.len()];
    for start in 0..graph.len() {
        if colour[start] == 0
            && let Some(cycle) = visit(start, &graph, &index, &mut colour, &mut Vec::new())
        {
            panic!("an import cycle: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_layer_check_reads_paths_as_modules() {
    let source = "use crate::core::dialog::session::{self, today};\n\
                  use crate::core::person::Person;\n\
                  // use crate::core::conversation::step;\n\
                  fn f() { crate::core::ask::prompt(p, now); }\n\
                  #[cfg(test)]\nmod tests { use crate::core::conversation::step; }\n";
    let paths: Vec<String> = core_paths(source).into_iter().map(|(_, p)| p).collect();
    assert_eq!(paths, ["dialog/session", "person", "ask/prompt"]);
}
