//! `:show PATH`: a piece of a value picked out of its `Debug` text, so that a transcript
//! can show any stored field without a line of Rust per field.

/// The value at `path` (field names separated by dots; `len`, `first`, `last` or a number
/// in a list; `len` or a key in a map) in a value's `Debug` text. `Some(…)` is looked
/// through.
pub fn select(debug: &str, path: &str) -> Result<String, String> {
    let mut value = debug.trim().to_string();
    for key in path.split('.') {
        value = field(&value, key).ok_or_else(|| format!("no `{key}` in `{path}`: {value}"))?;
    }
    Ok(value)
}

fn field(value: &str, key: &str) -> Option<String> {
    let value = value
        .strip_prefix("Some(")
        .and_then(|v| v.strip_suffix(')'))
        .unwrap_or(value);
    if let Some(items) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
        let items = split_top(items);
        return match key {
            "len" => Some(items.len().to_string()),
            "first" => items.first().map(|s| s.to_string()),
            "last" => items.last().map(|s| s.to_string()),
            n => n
                .parse::<usize>()
                .ok()
                .and_then(|n| items.get(n))
                .map(|s| s.to_string()),
        };
    }
    if let Some(entries) = value.strip_prefix('{').and_then(|v| v.strip_suffix('}')) {
        // A map: its size, or the value under a key.
        let entries = split_top(entries);
        if key == "len" {
            return Some(entries.len().to_string());
        }
        return entries.iter().find_map(|entry| {
            let (name, v) = split_once_top(entry)?;
            (name.trim() == key).then(|| v.trim().to_string())
        });
    }
    let open = value.find(['{', '('])?;
    let inner = value[open + 1..value.len() - 1].trim();
    let pieces = split_top(inner);
    if value[open..].starts_with('(') {
        return key
            .parse::<usize>()
            .ok()
            .and_then(|n| pieces.get(n))
            .map(|s| s.to_string());
    }
    pieces.iter().find_map(|piece| {
        let (name, v) = split_once_top(piece)?;
        (name.trim() == key).then(|| v.trim().to_string())
    })
}

/// Splits at the commas outside brackets and quotes.
fn split_top(text: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if let Some(q) = quote {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                _ if c == q => quote = None,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => quote = Some('"'),
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth -= 1,
            ',' if depth == 0 => {
                pieces.push(text[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    let last = text[start..].trim();
    if !last.is_empty() {
        pieces.push(last);
    }
    pieces
}

/// `name: value` split at the first colon outside brackets and quotes.
fn split_once_top(piece: &str) -> Option<(&str, &str)> {
    let mut depth = 0i32;
    let mut in_quote = false;
    for (i, c) in piece.char_indices() {
        match c {
            '"' => in_quote = !in_quote,
            '(' | '[' | '{' if !in_quote => depth += 1,
            ')' | ']' | '}' if !in_quote => depth -= 1,
            ':' if depth == 0 && !in_quote => return Some((&piece[..i], &piece[i + 1..])),
            _ => {}
        }
    }
    None
}

/// `Weekdays(21)` (a bit set) as `Weekdays(Mon Wed Fri)`.
pub fn readable(debug: &str) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let mut out = String::new();
    let mut rest = debug;
    while let Some(at) = rest.find("Weekdays(") {
        let after = &rest[at + "Weekdays(".len()..];
        let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
        out.push_str(&rest[..at]);
        match digits.parse::<u8>() {
            Ok(bits) if after[digits.len()..].starts_with(')') => {
                let days: Vec<&str> = (0..7)
                    .filter(|i| bits & (1 << i) != 0)
                    .map(|i| DAYS[i])
                    .collect();
                out.push_str(&format!("Weekdays({})", days.join(" ")));
                rest = &after[digits.len() + 1..];
            }
            _ => {
                out.push_str("Weekdays(");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
