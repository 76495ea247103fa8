//! Transcript files: what a person does, and under each step what the bot answers, run
//! through the pure core ([`super::chat::Chat`]: `hipcoach::core::step` on a virtual clock).
//! The format is described in `tests/transcripts/README.md`.
//!
//! [`check`] runs a file, writes down what the bot actually answered in the same format and
//! compares the two; with `UPDATE_EXPECT=1` it writes the actual answers into the file
//! instead. Lines that start in the first column (steps, directives, comments, blank lines)
//! are the file's own and are kept as they are; indented lines are the bot's side and are
//! always written by this module.
#![allow(dead_code)] // Not every binary that includes the helpers runs transcripts.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveTime, Utc};
use hipcoach::core::msg::{Arg, Shown};
use hipcoach::core::schedule::{ReminderKind, next_all};
use hipcoach::core::{Dialog, Input, Keyboard, Lang, Msg, Persist, Reply, Write};
use hipcoach::i18n;

use super::chat::Chat;

/// Where the transcript files live.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/transcripts")
}

/// Runs `tests/transcripts/<name>.txt` and fails with a diff where the bot answered
/// otherwise than the file says; with `UPDATE_EXPECT=1`, rewrites the file's answers.
pub fn check(name: &str) {
    let path = dir().join(format!("{name}.txt"));
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let run = run(&expected);
    let shown = path
        .strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(&path)
        .display()
        .to_string();
    if let Some((line, error)) = run.error {
        panic!(
            "{shown}:{line}: {error}\n\nThe transcript up to there:\n{}",
            diff(&expected, &run.actual)
        );
    }
    if run.actual == expected {
        return;
    }
    if std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1") {
        std::fs::write(&path, &run.actual)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        eprintln!("updated {shown}");
        return;
    }
    panic!(
        "{shown}: the bot answered otherwise (- the file, + now):\n{}\n\
         If the change is intended: UPDATE_EXPECT=1 cargo test --test core transcripts",
        diff(&expected, &run.actual)
    );
}

/// A file run: its text with the actual answers, and the first step that could not be run
/// (its line number and why).
pub struct Run {
    pub actual: String,
    pub error: Option<(usize, String)>,
}

/// Runs a transcript's steps and writes it out again with the answers the bot gave.
pub fn run(file: &str) -> Run {
    let mut runner = Runner::new();
    let mut actual = String::new();
    let mut error = None;
    let lines: Vec<&str> = file.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.starts_with(' ') {
            // The bot's side as the file has it: replaced by what the bot says now.
            if error.is_some() {
                actual.push_str(line);
                actual.push('\n');
            }
            continue;
        }
        actual.push_str(line);
        actual.push('\n');
        if error.is_some() {
            continue;
        }
        match runner.step(line) {
            Ok(out) => {
                for l in out {
                    actual.push_str(&l);
                    actual.push('\n');
                }
            }
            Err(e) => {
                actual.push_str(&format!("  !! {e}\n"));
                error = Some((i, e));
            }
        }
    }
    Run { actual, error }
}

/// Replays the steps of a transcript file (an `:include`), without looking at its answers:
/// the file is checked on its own.
fn replay(runner: &mut Runner, name: &str) -> Result<(), String> {
    let path = dir().join(name);
    let file = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    for (n, line) in file.lines().enumerate() {
        if line.starts_with(' ') || line.starts_with(":show") {
            continue;
        }
        runner
            .step(line)
            .map_err(|e| format!("{name}:{}: {e}", n + 1))?;
    }
    Ok(())
}

#[derive(Clone)]
struct Runner {
    chat: Chat,
    /// Show the rendered text under each answer (`:text on`), in the language of the
    /// replies or in this one (`:text de`).
    text: bool,
    text_lang: Option<Lang>,
    /// The answers to the latest input, and those named with `:name`.
    last: Vec<Reply>,
    named: HashMap<String, Vec<Reply>>,
    /// The whole state at each `:mark`, for `:rewind`.
    marks: HashMap<String, Box<Runner>>,
}

impl Runner {
    fn new() -> Runner {
        Runner {
            chat: Chat::new("2026-11-23T08:00:00Z"),
            text: false,
            text_lang: None,
            last: Vec::new(),
            named: HashMap::new(),
            marks: HashMap::new(),
        }
    }

    /// Runs one line of the file; returns the lines written under it.
    fn step(&mut self, line: &str) -> Result<Vec<String>, String> {
        if line.is_empty() || line.starts_with('#') {
            return Ok(Vec::new());
        }
        if let Some(text) = line.strip_prefix("> ") {
            let text = unescape(text)?;
            let replies = self.chat.say(&text);
            return Ok(self.answered(replies));
        }
        if line.starts_with('[') {
            return self.press(line);
        }
        let Some(directive) = line.strip_prefix(':') else {
            return Err(format!(
                "a step starts with `> `, `[` or `:` (or `#` for a comment): {line:?}"
            ));
        };
        let (word, rest) = directive
            .split_once(' ')
            .map_or((directive, ""), |(w, r)| (w, r.trim()));
        let input = |input: Input| Some(input);
        let sent = match word {
            "button" => input(Input::Button(unescape(rest)?)),
            "sticker" => input(Input::Unsupported),
            "edited" => input(Input::Edited),
            "location" => {
                let (lat, lon) = rest
                    .split_once(' ')
                    .ok_or("`:location LATITUDE LONGITUDE`")?;
                input(Input::Location {
                    latitude: lat.parse().map_err(|_| format!("latitude {lat:?}"))?,
                    longitude: lon.parse().map_err(|_| format!("longitude {lon:?}"))?,
                })
            }
            _ => None,
        };
        if let Some(input) = sent {
            let replies = self.chat.send(input);
            return Ok(self.answered(replies));
        }
        match word {
            "unstamped-button" => {
                let replies = self.chat.send_exact(Input::Button(unescape(rest)?));
                Ok(self.answered(replies))
            }
            "code" => {
                let replies = self.chat.code(rest);
                Ok(self.answered(replies))
            }
            "reminder" => {
                let kind = reminder_kind(rest)?;
                let replies = self.chat.remind(kind);
                Ok(self.answered(replies))
            }
            "at" => {
                self.chat.now = instant(rest)?;
                Ok(Vec::new())
            }
            "wait" => {
                self.chat.now += duration(rest)?;
                Ok(Vec::new())
            }
            "lang" => {
                self.chat.lang = lang(rest)?;
                Ok(Vec::new())
            }
            "text" => {
                (self.text, self.text_lang) = match rest {
                    "on" => (true, None),
                    "off" => (false, None),
                    other => (
                        true,
                        Some(lang(other).map_err(|_| {
                            format!("`:text on`, `:text off` or `:text de`, not {other:?}")
                        })?),
                    ),
                };
                Ok(Vec::new())
            }
            "name" => {
                self.named.insert(rest.to_string(), self.last.clone());
                Ok(Vec::new())
            }
            "mark" => {
                let mut saved = self.clone();
                saved.marks.clear();
                self.marks.insert(rest.to_string(), Box::new(saved));
                Ok(Vec::new())
            }
            "rewind" => {
                let saved = self
                    .marks
                    .get(rest)
                    .ok_or_else(|| format!("no `:mark {rest}` above"))?
                    .clone();
                // The marks, and whether texts are shown, are the file's, not the chat's.
                let marks = std::mem::take(&mut self.marks);
                let text = (self.text, self.text_lang);
                *self = *saved;
                self.marks = marks;
                (self.text, self.text_lang) = text;
                Ok(Vec::new())
            }
            "include" => {
                replay(self, rest)?;
                Ok(Vec::new())
            }
            "set" => {
                self.set(rest)?;
                Ok(Vec::new())
            }
            "show" => self.show(rest),
            other => Err(format!("unknown directive `:{other}`")),
        }
    }

    /// `[label]` presses that button on the latest keyboard; `[label] on NAME` presses it
    /// on the answers named NAME, as a client that still shows them would.
    fn press(&mut self, line: &str) -> Result<Vec<String>, String> {
        let (label, on) = match line.rsplit_once("] on ") {
            Some((label, name)) => (&label[1..], Some(name)),
            None => {
                let label = line
                    .strip_prefix('[')
                    .and_then(|l| l.strip_suffix(']'))
                    .ok_or_else(|| {
                        format!("a press is `[label]` or `[label] on NAME`: {line:?}")
                    })?;
                (label, None)
            }
        };
        let lang = self.chat.reply_lang;
        let matches = |msg: &Msg| show_label(msg) == label || i18n::render(lang, msg) == label;
        let replies = match on {
            None => {
                let found = self
                    .chat
                    .keyboard
                    .labels()
                    .into_iter()
                    .flatten()
                    .find(|l| matches(l))
                    .cloned()
                    .ok_or_else(|| {
                        format!(
                            "no button [{label}] on the latest keyboard: {}",
                            keyboard_lines(&self.chat.keyboard).join(" ")
                        )
                    })?;
                self.chat.tap(found)
            }
            Some(name) => {
                let replies = self
                    .named
                    .get(name)
                    .ok_or_else(|| format!("no answers named {name:?} (`:name {name}`)"))?;
                let found = replies
                    .iter()
                    .flat_map(|r| r.keyboard.labels().into_iter().flatten())
                    .find(|l| matches(l))
                    .cloned()
                    .ok_or_else(|| format!("no button [{label}] in the answers named {name}"))?;
                let replies = replies.clone();
                self.chat.tap_in(&replies, found)
            }
        };
        Ok(self.answered(replies))
    }

    /// What the bot did after an input, as lines of the file.
    fn answered(&mut self, replies: Vec<Reply>) -> Vec<String> {
        let mut out = Vec::new();
        if replies.is_empty() {
            out.push("  (no answer)".to_string());
        }
        for reply in &replies {
            out.extend(self.reply_lines(reply));
        }
        for event in &self.chat.events {
            out.push(format!("  * {}", show_event(event)));
        }
        for write in &self.chat.writes {
            out.push(format!("  + {}", show_write(write)));
        }
        match self.chat.last_persist {
            Some(Persist::Keep) => out.push("  (nothing saved)".to_string()),
            Some(Persist::Forget) => out.push("  (everything forgotten)".to_string()),
            _ => {}
        }
        self.last = replies;
        out
    }

    fn reply_lines(&self, reply: &Reply) -> Vec<String> {
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
        if self.text {
            let lang = self.text_lang.unwrap_or(self.chat.reply_lang);
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

    /// `:set WHAT VALUE`: the stored state changed by hand, as the store would load a
    /// person written by an older version (or a damaged row).
    fn set(&mut self, rest: &str) -> Result<(), String> {
        let (what, value) = rest.split_once(' ').ok_or("`:set WHAT VALUE`")?;
        let person = self
            .chat
            .person
            .as_mut()
            .ok_or("`:set` needs a person who agreed")?;
        match what {
            "dialog" if value == "lost" => person.dialog = Dialog::Lost,
            "dialog" => {
                person.dialog =
                    serde_json::from_str(value).map_err(|e| format!("a dialog as JSON: {e}"))?
            }
            "lang" => person.lang = lang(value)?,
            "profile.training_days" if value == "none" => person.profile.training_days = None,
            "program.level" => {
                let program = person.program.as_mut().ok_or("no program")?;
                program.position.level = value.parse().map_err(|_| "a level".to_string())?;
            }
            "settings.paused_until" => {
                person.settings.paused_until = match value {
                    "none" => None,
                    at => Some(instant(at)?),
                }
            }
            "settings.quiet" => {
                person.settings.quiet = match value {
                    "none" => None,
                    span => {
                        let (from, to) = span.split_once('-').ok_or("`HH:MM-HH:MM` or `none`")?;
                        let time = |t: &str| {
                            NaiveTime::parse_from_str(t, "%H:%M").map_err(|_| format!("{t:?}"))
                        };
                        Some((time(from)?, time(to)?))
                    }
                }
            }
            other => return Err(format!("`:set {other}` is not known here (check.rs `set`)")),
        }
        Ok(())
    }

    /// `:show WHAT`: a piece of the stored state, written under the line.
    fn show(&self, what: &str) -> Result<Vec<String>, String> {
        let value = match what {
            // The reminders planned from now on.
            "reminders" => match &self.chat.person {
                None => "(no person)".to_string(),
                Some(person) => {
                    let planned = next_all(person, self.chat.now);
                    if planned.is_empty() {
                        "none".to_string()
                    } else {
                        planned
                            .iter()
                            .map(|due| format!("{} at {:?}", <&str>::from(due.kind), due.at))
                            .collect::<Vec<_>>()
                            .join(", ")
                    }
                }
            },
            // What the latest keyboard's inline buttons send back.
            "buttons" => match &self.chat.keyboard {
                Keyboard::Inline(rows) => rows
                    .iter()
                    .flatten()
                    .map(|b| format!("[{}] {}", show_label(&b.label), b.data))
                    .collect::<Vec<_>>()
                    .join(", "),
                _ => "(no inline buttons)".to_string(),
            },
            path => match &self.chat.person {
                None => "(no person)".to_string(),
                Some(person) => readable(&select(&format!("{person:?}"), path)?),
            },
        };
        Ok(vec![format!("  {what} = {value}")])
    }
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
        Msg::ProfileLine { value, .. } => {
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
fn with_args(msg: &Msg, first: Vec<String>) -> String {
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

fn show_arg(arg: &Arg) -> String {
    match arg {
        Arg::Text(text) => quoted_if_needed(text),
        Arg::Number(n) => n.to_string(),
        Arg::Date(shown) => show_date(shown),
    }
}

/// `2027-02-10 00:00 +year`: the date, the time if any, and whether the year is shown.
fn show_date(shown: &Shown) -> String {
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
fn quoted_if_needed(text: &str) -> String {
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
fn visible(text: &str) -> String {
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

fn is_bidi(c: char) -> bool {
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
fn keyboard_lines<L>(keyboard: &Keyboard<L>) -> Vec<String>
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
                        format!("({pin}{})", b.label.shown())
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect(),
    }
}

/// A label as shown on a keyboard line: a typed message, or its rendered text.
trait Label {
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
fn show_event(event: &hipcoach::core::Event) -> String {
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

fn show_json(value: &serde_json::Value) -> String {
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
fn show_write(write: &Write) -> String {
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
fn readable(debug: &str) -> String {
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

/// `\u{202E}` and `\\` in typed text.
fn unescape(text: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('u') if chars.peek() == Some(&'{') => {
                chars.next();
                let hex: String = chars.by_ref().take_while(|c| *c != '}').collect();
                let code = u32::from_str_radix(&hex, 16)
                    .ok()
                    .and_then(char::from_u32)
                    .ok_or_else(|| format!("bad escape \\u{{{hex}}}"))?;
                out.push(code);
            }
            other => return Err(format!("unknown escape \\{}", other.unwrap_or(' '))),
        }
    }
    Ok(out)
}

fn instant(text: &str) -> Result<DateTime<Utc>, String> {
    text.parse()
        .or_else(|_| format!("{}:00Z", text.trim_end_matches('Z')).parse())
        .map_err(|_| format!("a UTC instant such as 2026-11-23T17:00Z, not {text:?}"))
}

/// `1d`, `2h30m`, `-1h`: days, hours, minutes; a minus moves the clock back.
fn duration(text: &str) -> Result<Duration, String> {
    let (sign, body) = match text.strip_prefix('-') {
        Some(body) => (-1, body),
        None => (1, text),
    };
    let mut total = Duration::zero();
    let mut number = String::new();
    for c in body.chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: i64 = number
            .parse()
            .map_err(|_| format!("a duration such as 1d, 2h30m or -1h, not {text:?}"))?;
        number.clear();
        total += match c {
            'd' => Duration::days(n),
            'h' => Duration::hours(n),
            'm' => Duration::minutes(n),
            _ => return Err(format!("a duration such as 1d, 2h30m or -1h, not {text:?}")),
        };
    }
    if !number.is_empty() || body.is_empty() {
        return Err(format!("a duration such as 1d, 2h30m or -1h, not {text:?}"));
    }
    Ok(total * sign)
}

fn lang(text: &str) -> Result<Lang, String> {
    match text {
        "en" => Ok(Lang::En),
        "de" => Ok(Lang::De),
        other => Err(format!("a language (en, de), not {other:?}")),
    }
}

fn reminder_kind(text: &str) -> Result<ReminderKind, String> {
    match text {
        "movement_break" => Ok(ReminderKind::MovementBreak),
        "daily_session" => Ok(ReminderKind::DailySession),
        "morning_checkin" => Ok(ReminderKind::MorningCheckin),
        other => Err(format!(
            "a reminder: movement_break, daily_session or morning_checkin, not {other:?}"
        )),
    }
}

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
