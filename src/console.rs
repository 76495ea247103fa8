//! The engine in a terminal: each line on stdin is a message from the person, the bot's
//! replies go to stdout (flushed after each), and `:`-commands drive buttons and the clock.
//! With `--json` the output is one JSON object per line: the scripting interface.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt};

use crate::core::{Event, Incoming, Input, Keyboard, Lang};
use crate::delivery;
use crate::engine::{Engine, Queued};

use output::{event_json, message_json, message_text, piece_message, timestamp};

mod files;
mod output;

/// How the console runs.
#[derive(Clone, Debug)]
pub struct ConsoleOptions {
    /// Start a virtual clock here; `None` follows real time.
    pub clock: Option<DateTime<Utc>>,
    /// One JSON object per line instead of text.
    pub json: bool,
    /// The person speaking at first.
    pub user: i64,
    /// The language the person's "client" reports.
    pub lang: Lang,
    /// Where files the bot sends (charts, exports) go: in a private directory made inside
    /// it for the run, on the first file.
    pub files: std::path::PathBuf,
}

/// The console's clock: a fixed start or real time, plus however far `:wait` moved it.
#[derive(Clone, Copy, Debug)]
struct Clock {
    start: Option<DateTime<Utc>>,
    skipped: Duration,
}

impl Clock {
    fn now(&self) -> DateTime<Utc> {
        self.start.unwrap_or_else(Utc::now) + self.skipped
    }
}

struct Console<'a, W> {
    engine: &'a Engine,
    options: ConsoleOptions,
    out: W,
    clock: Clock,
    user: i64,
    /// The latest keyboard each person was shown, for `:tap`.
    keyboards: HashMap<i64, Keyboard<String>>,
    /// The run's private directory for files, once one was written.
    run_files: Option<std::path::PathBuf>,
}

/// Runs the console until `:quit` or the end of input.
pub async fn run<R, W>(
    engine: &Engine,
    options: ConsoleOptions,
    input: R,
    out: W,
) -> anyhow::Result<()>
where
    R: AsyncBufRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut console = Console {
        engine,
        clock: Clock {
            start: options.clock,
            skipped: Duration::zero(),
        },
        user: options.user,
        options,
        out,
        keyboards: HashMap::new(),
        run_files: None,
    };
    let mut lines = input.lines();
    while let Some(line) = lines.next_line().await? {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(command) = line.strip_prefix(':') {
            if !console.console_command(command).await? {
                break;
            }
        } else {
            console.send(Input::Text(line.to_string())).await?;
        }
    }
    console.out.flush().await?;
    Ok(())
}

impl<W: AsyncWrite + Unpin> Console<'_, W> {
    /// Runs one `:`-command; `false` means quit.
    async fn console_command(&mut self, command: &str) -> anyhow::Result<bool> {
        let (name, arg) = command
            .split_once(char::is_whitespace)
            .unwrap_or((command, ""));
        let arg = arg.trim();
        match name {
            "tap" => self.tap(arg).await?,
            "wait" => match parse_duration(arg) {
                Some(step) if step <= MAX_STEP => self.advance_to(self.clock.now() + step).await?,
                Some(_) => note("the clock moves a year (366d) at most at a time"),
                None => note("usage: :wait 45m | 2h | 3d (units s, m, h, d; may combine: 1h30m)"),
            },
            "at" => match DateTime::parse_from_rfc3339(arg) {
                Ok(at) if at.with_timezone(&Utc) - self.clock.now() > MAX_STEP => {
                    note("the clock moves a year (366d) at most at a time")
                }
                Ok(at) if at.with_timezone(&Utc) >= self.clock.now() => {
                    self.advance_to(at.with_timezone(&Utc)).await?
                }
                Ok(_) => note("the clock only moves forward"),
                Err(_) => note("usage: :at 2026-03-30T09:00:00+01:00"),
            },
            "user" => match arg.parse() {
                Ok(user) => self.user = user,
                Err(_) => note("usage: :user 42"),
            },
            "location" => {
                let coords: Vec<f64> = arg
                    .split([' ', ','])
                    .filter_map(|s| s.trim().parse().ok())
                    .collect();
                match coords[..] {
                    [latitude, longitude] => {
                        self.send(Input::Location {
                            latitude,
                            longitude,
                        })
                        .await?
                    }
                    _ => note("usage: :location 52.52 13.40"),
                }
            }
            "media" => self.send(Input::Unsupported).await?,
            // What the measuring page sends back, as it sends it (README, "The measuring
            // page"); the core reads it as untrusted, as it does Telegram's.
            "webapp" if !arg.is_empty() => self.send(Input::WebAppData(arg.to_string())).await?,
            "webapp" => note(
                "usage: :webapp {\"v\":1,\"test\":\"seated\",\"side\":\"left\",\"degrees\":38,\"readings\":[37,38,40],\"method\":\"phone\"}",
            ),
            "mark" => self.mark(arg).await?,
            "quit" | "q" => return Ok(false),
            "help" => note(CONSOLE_HELP),
            _ => note(&format!("unknown console command :{name}\n{CONSOLE_HELP}")),
        }
        Ok(true)
    }

    /// Prints a marker line, so that a program driving the console knows that everything
    /// before it has been printed.
    async fn mark(&mut self, label: &str) -> anyhow::Result<()> {
        let line = if self.options.json {
            json!({"type": "mark", "label": label}).to_string()
        } else {
            format!("» mark {label}")
        };
        self.out.write_all(format!("{line}\n").as_bytes()).await?;
        self.out.flush().await?;
        Ok(())
    }

    /// Presses a button of the latest keyboard shown to the current person.
    async fn tap(&mut self, which: &str) -> anyhow::Result<()> {
        let Some(keyboard) = self.keyboards.get(&self.user) else {
            note("no buttons to tap");
            return Ok(());
        };
        let input = match keyboard {
            Keyboard::None => None,
            Keyboard::Inline(rows) => {
                let buttons: Vec<_> = rows.iter().flatten().collect();
                pick(&buttons, which, |b| &b.label).map(|b| Input::Button(b.data.clone()))
            }
            Keyboard::Reply(rows) => {
                let buttons: Vec<_> = rows.iter().flatten().collect();
                match pick(&buttons, which, |b| &b.label) {
                    Some(b) if b.shares_location => {
                        note("the console cannot share a location: use :location LAT LON");
                        return Ok(());
                    }
                    Some(b) if b.measures.is_some() => {
                        note("the console cannot open the measuring page: use :webapp JSON");
                        return Ok(());
                    }
                    Some(b) => Some(Input::Text(b.label.clone())),
                    None => None,
                }
            }
        };
        match input {
            Some(input) => self.send(input).await,
            None => {
                note(&format!("no button {which:?} on the latest message"));
                Ok(())
            }
        }
    }

    /// Moves the clock forward, delivering in order every reminder that falls due
    /// meanwhile, each at its own time: the same firing and outbox as the bot's delivery
    /// loop, with the terminal as the transport.
    async fn advance_to(&mut self, to: DateTime<Utc>) -> anyhow::Result<()> {
        loop {
            let next = [
                self.engine.store().next_due().await?,
                self.engine.store().next_outbox().await?,
            ]
            .into_iter()
            .flatten()
            .min();
            let Some(at) = next.filter(|at| *at <= to) else {
                break;
            };
            let at = at.max(self.clock.now());
            self.clock.skipped += at - self.clock.now();
            for fired in delivery::fire_due(self.engine, at).await? {
                if !self.options.json && fired.queued.is_queued() {
                    println_note_time(fired.queued.user, at);
                }
                self.print(&fired.queued, at).await?;
                self.printed(&fired.queued).await?;
            }
            // Anything left in the outbox (from a run that stopped before sending) goes now.
            for row in self.engine.store().ready_outbox(at, 500).await? {
                let left = Queued {
                    messages: vec![piece_message(row.piece)],
                    ..Queued::silent(row.user, self.options.lang)
                };
                self.print(&left, at).await?;
                self.engine.store().outbox_done(row.id).await?;
            }
        }
        let now = self.clock.now();
        if to > now {
            self.clock.skipped += to - now;
        }
        if !self.options.json {
            note(&format!("clock: {}", timestamp(self.clock.now())));
        }
        Ok(())
    }

    async fn send(&mut self, input: Input) -> anyhow::Result<()> {
        let now = self.clock.now();
        let incoming = Incoming {
            user: self.user,
            lang: self.options.lang,
            input,
        };
        match self.engine.handle(&incoming, now).await {
            Ok(queued) => {
                self.print(&queued, now).await?;
                self.printed(&queued).await
            }
            Err(error) => {
                tracing::error!(%error, "handling failed");
                let apology = Queued::failure(self.user, self.options.lang, Some(&error));
                self.print(&apology, now).await
            }
        }
    }

    /// The terminal is the transport: what was printed leaves the outbox.
    async fn printed(&self, queued: &Queued) -> anyhow::Result<()> {
        for id in &queued.rows {
            self.engine.store().outbox_done(*id).await?;
        }
        Ok(())
    }

    async fn print(&mut self, queued: &Queued, at: DateTime<Utc>) -> anyhow::Result<()> {
        if queued.events.contains(&Event::DataDeleted) {
            self.forget_files(queued.user).await?;
        }
        for message in &queued.messages {
            if !message.keyboard.is_empty() {
                self.keyboards.insert(queued.user, message.keyboard.clone());
            }
            let photo = match &message.photo {
                Some(png) => Some(self.save_photo(queued.user, at, png).await?),
                None => None,
            };
            let mut files = Vec::new();
            for file in &message.files {
                files.push(
                    self.save_file(queued.user, at, &file.name, &file.bytes)
                        .await?,
                );
            }
            let text = if self.options.json {
                message_json(queued.user, at, message, photo.as_deref(), &files) + "\n"
            } else {
                let mut text = message_text(message);
                if let Some(path) = &photo {
                    text.insert_str(0, &format!("[chart: {path}]\n"));
                }
                for path in &files {
                    text.insert_str(text.len() - 1, &format!("[file: {path}]\n"));
                }
                text
            };
            self.out.write_all(text.as_bytes()).await?;
            self.out.flush().await?;
        }
        if self.options.json {
            for event in &queued.events {
                let line = event_json(queued.user, at, event) + "\n";
                self.out.write_all(line.as_bytes()).await?;
            }
            self.out.flush().await?;
        }
        Ok(())
    }
}

const CONSOLE_HELP: &str = "console commands: :tap N|LABEL  :wait 45m|2h|3d  :at RFC3339  :user ID  \
:location LAT LON  :webapp JSON  :media  :mark LABEL  :quit";

/// In text mode, a reminder is introduced by the time it fell due (on stderr).
fn println_note_time(user: i64, at: DateTime<Utc>) {
    note(&format!("{} · reminder for user {user}", timestamp(at)));
}

/// Console notes go to stderr so that stdout carries only the conversation.
fn note(text: &str) {
    eprintln!("» {text}");
}

fn pick<'b, B>(buttons: &[&'b B], which: &str, label: impl Fn(&B) -> &String) -> Option<&'b B> {
    if let Ok(n) = which.parse::<usize>() {
        return n.checked_sub(1).and_then(|i| buttons.get(i)).copied();
    }
    let wanted = which.to_lowercase();
    // Exact (ignoring case) first; then ignoring symbols such as a leading ✅.
    let plain = |s: &str| -> String {
        s.to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || c.is_whitespace())
            .collect::<String>()
            .trim()
            .to_string()
    };
    buttons
        .iter()
        .find(|b| label(b).to_lowercase() == wanted)
        .or_else(|| buttons.iter().find(|b| plain(label(b)) == plain(which)))
        .copied()
}

/// The longest step of the virtual clock: every reminder on the way is delivered, so a
/// step of centuries would never end (and years past the calendar's end overflow).
const MAX_STEP: Duration = Duration::days(366);

/// Reads `45m`, `2h`, `3d`, `90s`, `1h30m`.
pub fn parse_duration(text: &str) -> Option<Duration> {
    let mut total = Duration::zero();
    let mut number = String::new();
    let mut any = false;
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            number.push(c);
            continue;
        }
        let n: i64 = number.parse().ok()?;
        number.clear();
        let part = match c {
            's' => Duration::try_seconds(n)?,
            'm' => Duration::try_minutes(n)?,
            'h' => Duration::try_hours(n)?,
            'd' => Duration::try_days(n)?,
            _ => return None,
        };
        total = total.checked_add(&part)?;
        any = true;
    }
    (number.is_empty() && any).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_durations() {
        assert_eq!(parse_duration("45m"), Some(Duration::minutes(45)));
        assert_eq!(parse_duration("2h"), Some(Duration::hours(2)));
        assert_eq!(parse_duration("3d"), Some(Duration::days(3)));
        assert_eq!(parse_duration("1h30m"), Some(Duration::minutes(90)));
        for bad in ["", "h", "5", "5x", "-1h", "99999999999999999999d"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
    }
}
