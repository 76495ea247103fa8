//! What the console prints: a message as text with numbered buttons, or as one JSON
//! object per line, and the events beside it.

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{Map, Value, json};

use crate::core::{Event, Keyboard};
use crate::i18n::{Piece, Rendered};

/// The text form: the message without blank lines, its buttons numbered in reading order,
/// then one blank line, so that a blank line always ends a message.
pub(super) fn message_text(message: &Rendered) -> String {
    let mut out = String::new();
    for line in message.text.lines().filter(|l| !l.trim().is_empty()) {
        out.push_str(line);
        out.push('\n');
    }
    let mut n = 0;
    for row in message.keyboard.labels() {
        let cells: Vec<String> = row
            .iter()
            .map(|label| {
                n += 1;
                format!("[{n}] {label}")
            })
            .collect();
        out.push_str("  ");
        out.push_str(&cells.join("   "));
        out.push('\n');
    }
    out.push('\n');
    out
}

/// RFC 3339 in UTC with a `Z`, to the second.
pub(super) fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub(super) fn message_json(
    user: i64,
    at: DateTime<Utc>,
    message: &Rendered,
    photo: Option<&str>,
    files: &[String],
) -> String {
    let buttons: Vec<Vec<&String>> = message.keyboard.labels();
    let mut object = json!({
        "type": "message",
        "at": timestamp(at),
        "user": user,
        "text": message.text,
        "buttons": buttons,
    });
    if let Value::Object(fields) = &mut object {
        if let Some(path) = photo {
            fields.insert("photo".into(), json!(path));
        }
        if !files.is_empty() {
            fields.insert("files".into(), json!(files));
        }
    }
    object.to_string()
}

pub(super) fn event_json(user: i64, at: DateTime<Utc>, event: &Event) -> String {
    let mut object = Map::new();
    object.insert("type".into(), json!("event"));
    object.insert("at".into(), json!(timestamp(at)));
    object.insert("user".into(), json!(user));
    if let Ok(Value::Object(fields)) = serde_json::to_value(event) {
        object.extend(fields);
    }
    Value::Object(object).to_string()
}

/// A piece left in the outbox (by a run that stopped before printing it), as a message.
pub(super) fn piece_message(piece: Piece) -> Rendered {
    let mut message = Rendered {
        text: String::new(),
        keyboard: Keyboard::None,
        in_place: false,
        photo: None,
        files: Vec::new(),
        export: false,
    };
    match piece {
        Piece::Text(text) | Piece::Redraw { message: text, .. } => message = text,
        Piece::Photo(png) => message.photo = Some(png.bytes),
        Piece::Document(file) => message.files.push(file),
    }
    message
}
