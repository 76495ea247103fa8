//! The difference between a transcript as the file has it and as the bot answers now.

/// The lines that differ, with three lines around each change: `-` as the file has it,
/// `+` as the bot answers now, with the file's line numbers.
pub fn diff(expected: &str, actual: &str) -> String {
    let a: Vec<&str> = expected.lines().collect();
    let b: Vec<&str> = actual.lines().collect();
    // Longest common subsequence of lines, after the common start and end.
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (x, y) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let mut lcs = vec![vec![0u32; y.len() + 1]; x.len() + 1];
    for i in (0..x.len()).rev() {
        for j in (0..y.len()).rev() {
            lcs[i][j] = if x[i] == y[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    // Each line of the middle: (kind, line number in the file, text).
    let mut ops: Vec<(char, usize, &str)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < x.len() || j < y.len() {
        if i < x.len() && j < y.len() && x[i] == y[j] {
            ops.push((' ', head + i + 1, x[i]));
            i += 1;
            j += 1;
        } else if i < x.len() && (j == y.len() || lcs[i + 1][j] >= lcs[i][j + 1]) {
            ops.push(('-', head + i + 1, x[i]));
            i += 1;
        } else {
            ops.push(('+', head + i + 1, y[j]));
            j += 1;
        }
    }
    let before: Vec<(char, usize, &str)> = a[head.saturating_sub(3)..head]
        .iter()
        .enumerate()
        .map(|(k, l)| (' ', head.saturating_sub(3) + k + 1, *l))
        .collect();
    let after: Vec<(char, usize, &str)> = a[a.len() - tail..]
        .iter()
        .take(3)
        .enumerate()
        .map(|(k, l)| (' ', a.len() - tail + k + 1, *l))
        .collect();
    let all: Vec<(char, usize, &str)> = before.into_iter().chain(ops).chain(after).collect();
    // Only the changes and three lines around each.
    let changed: Vec<usize> = (0..all.len()).filter(|&k| all[k].0 != ' ').collect();
    let mut out = String::new();
    let mut last_shown: Option<usize> = None;
    for (k, (kind, line, text)) in all.iter().enumerate() {
        let near = changed.iter().any(|&c| c.abs_diff(k) <= 3);
        if !near {
            continue;
        }
        if last_shown.is_none_or(|l| l + 1 != k) {
            out.push_str(&format!("@@ line {line} @@\n"));
        }
        out.push_str(&format!("{kind}{text}\n"));
        last_shown = Some(k);
    }
    out
}
