//! The engine in a terminal: each line on stdin is a message from the person, the bot's
//! replies go to stdout (flushed after each), and `:`-commands drive buttons and the clock.
//! With `--json` the output is one JSON object per line: the scripting interface.

use std::collections::HashMap;

use chrono::{DateTime, Duration, SecondsFormat, Utc};
use serde_json::{Map, Value, json};
use tokio::io::{AsyncBufRead, AsyncBufReadExt, AsyncWrite, AsyncWriteExt};

use crate::core::{Event, Incoming, Input, Keyboard, Lang};
use crate::delivery;
use crate::engine::{Engine, Queued};
use crate::i18n::{Piece, Rendered};

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

impl<W> Console<'_, W> {
    /// Writes a photo the bot sent to a file and returns its path.
    async fn save_photo(
        &mut self,
        user: i64,
        at: DateTime<Utc>,
        png: &[u8],
    ) -> anyhow::Result<String> {
        self.save_file(user, at, "progress.png", png).await
    }

    /// The run's private directory (0700), made inside `--files` on first use. `tempfile`
    /// picks an unused random name and creates it in one step, so nobody else on the machine
    /// can have made it first or pointed it elsewhere (in a shared temporary directory).
    fn run_files(&mut self) -> anyhow::Result<std::path::PathBuf> {
        if let Some(dir) = &self.run_files {
            return Ok(dir.clone());
        }
        std::fs::create_dir_all(&self.options.files)?;
        let mut builder = tempfile::Builder::new();
        builder.prefix("hipcoach-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(std::fs::Permissions::from_mode(0o700));
        }
        // Kept after the run: the paths printed are for the reader to open.
        let dir = builder.tempdir_in(&self.options.files)?.keep();
        self.run_files = Some(dir.clone());
        Ok(dir)
    }

    /// Writes a file the bot sent, readable by its owner only (0600), and returns its path.
    async fn save_file(
        &mut self,
        user: i64,
        at: DateTime<Utc>,
        name: &str,
        bytes: &[u8],
    ) -> anyhow::Result<String> {
        let name = format!(
            "{}{}-{}",
            file_prefix(user),
            at.format("%Y%m%dT%H%M%S"),
            name.trim_start_matches("hipcoach-")
        );
        let path = self.run_files()?.join(name);
        let mut options = tokio::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        options.mode(0o600);
        let mut file = options.open(&path).await?;
        file.write_all(bytes).await?;
        file.flush().await?;
        Ok(path.display().to_string())
    }

    /// /delete: removes the files written for `user` in this run.
    async fn forget_files(&self, user: i64) -> anyhow::Result<()> {
        let Some(dir) = &self.run_files else {
            return Ok(());
        };
        let mut entries = tokio::fs::read_dir(dir).await?;
        while let Some(entry) = entries.next_entry().await? {
            if entry
                .file_name()
                .to_string_lossy()
                .starts_with(&file_prefix(user))
            {
                tokio::fs::remove_file(entry.path()).await?;
            }
        }
        Ok(())
    }
}

/// The start of the name of every file written for `user`.
fn file_prefix(user: i64) -> String {
    format!("hipcoach-{user}-")
}

const CONSOLE_HELP: &str = "console commands: :tap N|LABEL  :wait 45m|2h|3d  :at RFC3339  :user ID  \
:location LAT LON  :media  :mark LABEL  :quit";

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

/// Reads `45m`, `2h`, `3d`, `90s`, `1h30m`.
/// The longest step of the virtual clock: every reminder on the way is delivered, so a
/// step of centuries would never end (and years past the calendar's end overflow).
const MAX_STEP: Duration = Duration::days(366);

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

/// The text form: the message without blank lines, its buttons numbered in reading order,
/// then one blank line, so that a blank line always ends a message.
fn message_text(message: &Rendered) -> String {
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
fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn message_json(
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

fn event_json(user: i64, at: DateTime<Utc>, event: &Event) -> String {
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
fn piece_message(piece: Piece) -> Rendered {
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
