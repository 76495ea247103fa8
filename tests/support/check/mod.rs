//! Transcript files: what a person does, and under each step what the bot answers, run
//! through the pure core ([`super::chat::Chat`]: `hipcoach::core::step` on a virtual clock).
//! The format is described in `tests/transcripts/README.md`.
//!
//! [`check`] runs a file, writes down what the bot actually answered in the same format and
//! compares the two; with `UPDATE_EXPECT=1` it writes the actual answers into the file
//! instead. Lines that start in the first column (steps, directives, comments, blank lines)
//! are the file's own and are kept as they are; indented lines are the bot's side and are
//! always written by this module.

mod diff;
mod parse;
mod render;
mod select;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveTime;
use hipcoach::core::person::schedule::next_all;
use hipcoach::core::{Dialog, Input, Keyboard, Lang, Msg, Persist, Reply};
use hipcoach::i18n;

pub use diff::diff;
use parse::{duration, instant, lang, reminder_kind, unescape};
use render::{keyboard_lines, reply_lines, show_event, show_label, show_write};
use select::{readable, select};

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
            "webapp" => input(Input::WebAppData(unescape(rest)?)),
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
            "phone-page" => {
                self.chat.phone_page = match rest {
                    "on" => true,
                    "off" => false,
                    other => return Err(format!("`:phone-page on` or `off`, not {other:?}")),
                };
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
            out.extend(reply_lines(reply, self.shown_text()));
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

    /// The language to show texts in, if they are shown.
    fn shown_text(&self) -> Option<Lang> {
        self.text
            .then(|| self.text_lang.unwrap_or(self.chat.reply_lang))
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
            other => {
                return Err(format!(
                    "`:set {other}` is not known here (tests/support/check, `set`)"
                ));
            }
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
