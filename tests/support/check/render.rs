//! How the bot's side of a transcript is written: messages as Fluent ids with their
//! arguments, keyboards, events and rows written.

use std::collections::BTreeMap;

use hipcoach::core::say::args::Arg;
use hipcoach::core::say::shown::Shown;
use hipcoach::core::{Keyboard, Lang, Msg, Reply, Write};
use hipcoach::i18n;

/// A message as lines of the file: its paragraphs, its buttons, what comes with it, and
/// its text as the person reads it when `text` names a language.
pub fn reply_lines(reply: &Reply, text: Option<Lang>) -> Vec<String> {
    let mut out = Vec::new();
    if reply.parts.is_empty() {
        out.push("  < (empty)".to_string());
    }
    for (i, part) in reply.parts.iter().enumerate() {
        let lead = if i == 0 { "  < " } else { "    " };
        out.push(format!("{lead}{}", show(part)));
    }
    for row in keyboard_lines(&reply.keyboard) {
        out.push(format!("    {row}"));
    }
    if reply.in_place {
        out.push("    ~ in place of the message pressed".to_string());
    }
    if let Some(chart) = &reply.chart {
        out.push(format!(
            "    ~ chart: normal {}–{}°, {} left, {} right, {} during, {} morning",
            chart.normal.0,
            chart.normal.1,
            chart.left.len(),
            chart.right.len(),
            chart.during.len(),
            chart.morning.len()
        ));
    }
    if reply.export {
        out.push("    ~ the data export attached".to_string());
    }
    if let Some(lang) = text {
        let rendered = i18n::render_reply(lang, reply);
        for line in rendered.text.lines() {
            out.push(format!("    | {}", visible(line)).trim_end().to_string());
        }
        for row in keyboard_lines(&rendered.keyboard) {
            out.push(format!("    | {row}"));
        }
    }
    out
}

/// A message part as the file shows it: the Fluent id in kebab-case, with its arguments
/// and the messages inside it.
pub fn show(msg: &Msg) -> String {
    let list = |v: &[Msg]| v.iter().map(show).collect::<Vec<_>>().join(", ");
    let choice = |kind: &str, code: &str| format!("{kind}-{}", code.replace('_', "-"));
    match msg {
        Msg::Literal(text) => format!("{text:?}"),
        Msg::CommandLine(command) => format!("/{}", command.name()),
        Msg::Lines(v) => format!("lines({})", list(v)),
        Msg::Join(v) => format!("join({})", list(v)),
        Msg::Checked(inner) => format!("✓ {}", show(inner)),
        Msg::Bullet(inner) => format!("• {}", show(inner)),
        Msg::Activity(x) => choice("activity", x.into()),
        Msg::PainSite(x) => choice("pain-site", x.into()),
        Msg::Equipment(x) => choice("equipment", x.into()),
        Msg::RedFlag(x) => choice("red-flag", x.into()),
        Msg::Band(x) => choice("band", x.into()),
        Msg::TrackName(x) => choice("track", x.into()),
        Msg::ExerciseName(x) => choice("ex", x.code()),
        Msg::ExerciseHow(x) => format!("{}-how", choice("ex", x.code())),
        Msg::Muscle(x) => choice("muscle", x.into()),
        Msg::Decided { rule, .. } => with_args(msg, vec![format!("rule: {}", rule.id())]),
        Msg::ExerciseHeader { name, .. } | Msg::BreakNudge { name } => {
            with_args(msg, vec![format!("name: {}", show(name))])
        }
        Msg::Works(inner) | Msg::TryEasier(inner) => format!("{}({})", msg.id(), show(inner)),
        Msg::SettingSavedValue { value, .. } => {
            with_args(msg, Vec::new()).replacen(')', &format!(", value: {})", show(value)), 1)
        }
        Msg::ProfileLine { value, .. } | Msg::SettingLine { value, .. } => {
            let mut shown = with_args(msg, Vec::new());
            if **value != Msg::Literal(String::new()) {
                shown.insert_str(shown.len() - 1, &format!(", value: {}", show(value)));
            }
            shown
        }
        other => with_args(other, Vec::new()),
    }
}

/// `id(first, name: value, …)`, or the id alone.
pub fn with_args(msg: &Msg, first: Vec<String>) -> String {
    let mut args = first;
    args.extend(
        msg.args()
            .into_iter()
            .map(|(name, value)| format!("{name}: {}", show_arg(&value))),
    );
    if args.is_empty() {
        msg.id().to_string()
    } else {
        format!("{}({})", msg.id(), args.join(", "))
    }
}

pub fn show_arg(arg: &Arg) -> String {
    match arg {
        Arg::Text(text) => quoted_if_needed(text),
        Arg::Number(n) => n.to_string(),
        Arg::Date(shown) => show_date(shown),
        Arg::Time(time) => time.format("%H:%M").to_string(),
        Arg::Days(days) => days.to_string(),
        Arg::Degrees(Some(degrees)) => format!("{degrees}°"),
        Arg::Degrees(None) | Arg::Score(None) => "none".to_string(),
        Arg::Score(Some(score)) => score.to_string(),
    }
}

/// `2027-02-10 00:00 +year`: the date, the time if any, and whether the year is shown.
pub fn show_date(shown: &Shown) -> String {
    let mut text = shown.date.to_string();
    if let Some(time) = shown.time {
        text.push_str(&time.format(" %H:%M").to_string());
    }
    if shown.year {
        text.push_str(" +year");
    }
    text
}

/// Text as it is, or quoted (with escapes) when it would not read back as itself.
pub fn quoted_if_needed(text: &str) -> String {
    let plain = !text.is_empty()
        && text.trim() == text
        && !text
            .chars()
            .any(|c| c.is_control() || "\"(),[]{}".contains(c) || is_bidi(c));
    if plain {
        text.to_string()
    } else {
        format!("{text:?}")
    }
}

/// Text with its invisible characters (controls, direction marks) written as `\u{…}`, so
/// that the file shows them.
pub fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() || is_bidi(c) {
                format!("\\u{{{:x}}}", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// A button's label as the file shows it (and as a press names it).
pub fn show_label(msg: &Msg) -> String {
    match msg {
        Msg::Literal(text) => quoted_if_needed(text),
        other => show(other),
    }
}

/// A keyboard, one line per row: `[inline] [buttons]`, `(reply) (keyboard)`; a button that
/// shares the location is marked 📍.
pub fn keyboard_lines<L>(keyboard: &Keyboard<L>) -> Vec<String>
where
    L: Label,
{
    match keyboard {
        Keyboard::None => Vec::new(),
        Keyboard::Inline(rows) => rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|b| format!("[{}]", b.label.shown()))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect(),
        Keyboard::Reply(rows) => rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|b| {
                        let pin = if b.shares_location && L::MARK_LOCATION {
                            "📍 "
                        } else {
                            ""
                        };
                        // A button that opens the measuring page names its test and side.
                        let page = b.measures.map_or(String::new(), |m| {
                            let (test, side): (&str, &str) = (m.test.into(), m.side.into());
                            format!(" ↗ {test} {side}")
                        });
                        format!("({pin}{}{page})", b.label.shown())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect(),
    }
}

/// A label as shown on a keyboard line: a typed message, or its rendered text.
pub trait Label {
    /// Whether to mark a button that shares the location (its rendered text has a pin).
    const MARK_LOCATION: bool;
    fn shown(&self) -> String;
}

impl Label for Msg {
    const MARK_LOCATION: bool = true;
    fn shown(&self) -> String {
        show_label(self)
    }
}

impl Label for String {
    const MARK_LOCATION: bool = false;
    fn shown(&self) -> String {
        self.clone()
    }
}

/// `timezone_set(tz: Europe/Berlin)`: the event's name and fields, as logged.
pub fn show_event(event: &hipcoach::core::Event) -> String {
    let value = serde_json::to_value(event).expect("events serialise");
    let Some(fields) = value.as_object() else {
        return value.to_string();
    };
    let name = fields
        .get("event")
        .and_then(|v| v.as_str())
        .unwrap_or("?")
        .to_string();
    let args: Vec<String> = fields
        .iter()
        .filter(|(k, _)| *k != "event")
        .map(|(k, v)| format!("{k}: {}", show_json(v)))
        .collect();
    if args.is_empty() {
        name
    } else {
        format!("{name}({})", args.join(", "))
    }
}

pub fn show_json(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => "none".to_string(),
        serde_json::Value::String(s) => quoted_if_needed(s),
        serde_json::Value::Array(items) => format!(
            "[{}]",
            items.iter().map(show_json).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

/// A row written besides the person's state.
pub fn show_write(write: &Write) -> String {
    let score = |s: Option<u8>| s.map_or("none".to_string(), |s| s.to_string());
    match write {
        Write::Assessment(a) => {
            let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
            for answer in a.answers.values() {
                let debug = format!("{answer:?}");
                let kind = debug
                    .split([' ', '{', '('])
                    .next()
                    .unwrap_or_default()
                    .to_string();
                *kinds.entry(kind).or_default() += 1;
            }
            let kinds: Vec<String> = kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
            if kinds.is_empty() {
                "assessment (no answers)".to_string()
            } else {
                format!(
                    "assessment ({} answers: {})",
                    a.answers.len(),
                    kinds.join(", ")
                )
            }
        }
        Write::Session(s) => format!(
            "session of {:?} at {}: {} of {} done{}, pain during {}, morning {}",
            s.started_at,
            s.position.code(),
            s.outcomes.len(),
            s.plan.len(),
            if s.stopped_early {
                ", stopped early"
            } else {
                ""
            },
            score(s.pain_during),
            score(s.pain_morning),
        ),
        Write::Decision { verdict, at } => format!(
            "decision at {at:?}: {} {} → {}",
            verdict.rule.id(),
            verdict.from.code(),
            verdict.to.code()
        ),
        Write::BreakAnswer { at, answer } => format!("break answer at {at:?}: {answer}"),
    }
}
