//! The console binary driven through pipes, one line at a time, as a script would drive
//! it: every reply must arrive (flushed) before the next line is written.

use std::process::Stdio;
use std::time::Duration;

use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};

struct Console {
    child: Child,
    stdin: ChildStdin,
    stdout: Lines<BufReader<ChildStdout>>,
}

impl Console {
    fn start(args: &[&str]) -> Console {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hipcoach"))
            .args([
                "--db",
                "sqlite::memory:",
                "console",
                "--clock",
                "2026-11-21T08:20:00Z",
            ])
            .args(args)
            .env_remove("TELOXIDE_TOKEN")
            .env_remove("DATABASE_URL")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("the hipcoach binary starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap()).lines();
        Console {
            child,
            stdin,
            stdout,
        }
    }

    async fn send(&mut self, line: &str) {
        self.stdin
            .write_all(format!("{line}\n").as_bytes())
            .await
            .unwrap();
        self.stdin.flush().await.unwrap();
    }

    async fn line(&mut self) -> String {
        tokio::time::timeout(Duration::from_secs(20), self.stdout.next_line())
            .await
            .expect("a reply arrives without closing stdin (output is flushed)")
            .unwrap()
            .expect("stdout is still open")
    }

    /// Reads text lines up to and including the blank line that ends a message.
    async fn message(&mut self) -> String {
        let mut lines = Vec::new();
        loop {
            let line = self.line().await;
            if line.is_empty() && !lines.is_empty() {
                return lines.join("\n");
            }
            lines.push(line);
        }
    }

    async fn json(&mut self) -> Value {
        let line = self.line().await;
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
    }

    async fn finish(mut self) -> std::process::ExitStatus {
        drop(self.stdin);
        tokio::time::timeout(Duration::from_secs(20), self.child.wait())
            .await
            .unwrap()
            .unwrap()
    }
}

#[tokio::test]
async fn text_mode_from_start_to_time_zone() {
    let _together = crate::together().await;
    let mut console = Console::start(&[]);
    console.send("/start").await;
    let welcome = console.message().await;
    assert!(welcome.starts_with("Hi, I'm hipcoach."), "{welcome}");
    assert!(
        welcome.ends_with("[1] Yes, that's okay   [2] No, thanks"),
        "{welcome}"
    );

    console.send(":tap 1").await;
    let ask = console.message().await;
    assert!(ask.contains("your time zone"), "{ask}");
    assert!(ask.contains("[1] 📍 Share my location"), "{ask}");
    assert!(
        ask.contains("[2] London   [3] New York   [4] Los Angeles"),
        "{ask}"
    );

    // Not a city, but near one: asked whether Atlanta was meant; a city typed instead
    // is read as a new answer.
    console.send("Atlantis").await;
    let again = console.message().await;
    assert!(again.contains("“Atlantis”"), "{again}");

    console.send("New York").await;
    let confirm = console.message().await;
    assert!(
        confirm.contains("So it is 03:20 for you now (America/New_York)."),
        "{confirm}"
    );

    console.send(":tap Yes").await;
    let saved = console.message().await;
    assert!(saved.starts_with("Saved: America/New_York."), "{saved}");

    console.send(":quit").await;
    assert!(console.finish().await.success());
}

#[tokio::test]
async fn json_mode_emits_messages_and_events() {
    let _together = crate::together().await;
    let mut console = Console::start(&["--json", "--user", "5"]);
    console.send("/start").await;
    let welcome = console.json().await;
    assert_eq!(welcome["type"], "message");
    assert_eq!(welcome["user"], 5);
    assert_eq!(welcome["at"], "2026-11-21T08:20:00Z");
    assert_eq!(
        welcome["buttons"],
        serde_json::json!([["Yes, that's okay", "No, thanks"]])
    );

    console.send(":tap Yes, that's okay").await;
    let ask = console.json().await;
    assert_eq!(ask["buttons"][0][0], "📍 Share my location");
    let event = console.json().await;
    assert_eq!(event["type"], "event");
    assert_eq!(event["event"], "consent_given");
    assert_eq!(event["user"], 5);

    console.send(":wait 2h").await;
    console.send("Kathmandu").await;
    let confirm = console.json().await;
    assert_eq!(
        confirm["at"], "2026-11-21T10:20:00Z",
        "the clock moved by :wait"
    );
    assert!(confirm["text"].as_str().unwrap().contains("16:05"));

    console.send(":tap 1").await;
    let saved = console.json().await;
    assert_eq!(saved["text"], "Saved: Asia/Kathmandu.");
    let next = console.json().await;
    assert!(next["text"].as_str().unwrap().contains("How old are you?"));
    let event = console.json().await;
    assert_eq!(event["event"], "timezone_set");
    assert_eq!(event["tz"], "Asia/Kathmandu");

    // Another person in the same run starts from the beginning.
    console.send(":user 6").await;
    console.send("hello").await;
    let other = console.json().await;
    assert_eq!(other["user"], 6);
    assert!(
        other["text"]
            .as_str()
            .unwrap()
            .starts_with("Hi, I'm hipcoach.")
    );

    assert!(
        console.finish().await.success(),
        "end of input ends the run cleanly"
    );
}

#[tokio::test]
async fn declining_in_json_mode() {
    let _together = crate::together().await;
    let mut console = Console::start(&["--json"]);
    console.send("/start").await;
    console.json().await;
    console.send(":tap 2").await;
    let declined = console.json().await;
    assert!(declined["text"].as_str().unwrap().contains("/start"));
    let event = console.json().await;
    assert_eq!(event["event"], "consent_declined");
    assert!(console.finish().await.success());
}

#[tokio::test]
async fn a_whole_assessment_through_the_console_emits_assessment_completed() {
    let _together = crate::together().await;
    let mut console = Console::start(&["--json"]);
    let script = [
        "/start",
        ":tap 1",
        "Europe/London",
        ":tap Yes",
        "34",
        "desk work, running",
        "8",
        "mon-fri 9-17",
        "12-13",
        "19:00",
        ":tap Done",
        "left knee",
        "3",
        "none",
        "none",
        "30",
        "20",
        ":tap Skip",
        ":tap Skip",
        ":tap Skip",
        ":tap Skip",
        ":tap Inward",
        ":tap Yes",
        ":tap No",
        ":tap 2",
    ];
    for line in script {
        console.send(line).await;
    }
    let event = loop {
        let line = console.json().await;
        if line["event"] == "assessment_completed" {
            break line;
        }
    };
    assert_eq!(event["left_ir"], 30);
    assert_eq!(event["right_ir"], 20);
    assert_eq!(event["left_er"], Value::Null);
    assert_eq!(event["right_er"], Value::Null);
    assert_eq!(event["asymmetry"], 10);
    assert_eq!(event["track"], "limited_internal_rotation");
    assert_eq!(event["level"], 1, "usual pain 3/10 starts gently");
    assert_eq!(event["red_flags"], serde_json::json!([]));
    assert!(console.finish().await.success());
}

#[tokio::test]
async fn the_console_sends_what_the_measuring_page_sends() {
    let _together = crate::together().await;
    let mut console = Console::start(&["--json"]);
    let script = [
        "/start",
        ":tap 1",
        "Europe/London",
        ":tap Yes",
        "34",
        "desk work",
        "8",
        "mon-fri 9-17",
        "12-13",
        "19:00",
        ":tap Done",
        "nowhere",
        "none",
        "none",
        r#":webapp {"v":1,"test":"seated","side":"left","degrees":38,"readings":[37,38,40],"method":"phone"}"#,
        r#":webapp {"v":1,"test":"seated","side":"left","degrees":38,"readings":[37,38,40],"method":"phone"}"#,
        ":mark measured",
    ];
    for line in script {
        console.send(line).await;
    }
    let mut texts = Vec::new();
    loop {
        let line = console.json().await;
        if line["type"] == "mark" {
            break;
        }
        if let Some(text) = line["text"].as_str() {
            texts.push(text.to_owned());
        }
    }
    // The console offers no page (it cannot open one), yet takes the page's answer for
    // the step asked, and refuses the same answer once the right side is asked.
    assert!(
        texts
            .iter()
            .all(|t| !t.contains("Most exact: let your phone measure")),
        "{texts:#?}"
    );
    let taken = texts
        .iter()
        .position(|t| t.contains("Your phone measured your left side: 38°"));
    let refused = texts
        .iter()
        .position(|t| t.contains("was for the seated test on the left"));
    assert!(taken.is_some() && refused > taken, "{texts:#?}");
    assert!(console.finish().await.success());
}

#[tokio::test]
async fn a_far_wait_is_refused_and_the_console_carries_on() {
    let _together = crate::together().await;
    let mut console = Console::start(&["--json"]);
    console.send(":wait 9999999999d").await;
    console.send(":wait 400d").await;
    console.send(":at 9999-01-01T00:00:00Z").await;
    console.send("/start").await;
    let welcome = console.json().await;
    assert_eq!(welcome["type"], "message");
    assert_eq!(
        welcome["at"], "2026-11-21T08:20:00Z",
        "the clock did not move"
    );
    assert!(console.finish().await.success(), "no crash");
}

/// The lines up to the next event named `name`, and that event.
async fn until_event(console: &mut Console, name: &str) -> Vec<Value> {
    let mut lines = Vec::new();
    loop {
        let line = console.json().await;
        let done = line["event"] == name;
        lines.push(line);
        if done {
            return lines;
        }
    }
}

#[cfg(unix)]
#[tokio::test]
async fn exports_are_private_to_the_run_and_gone_after_delete() {
    let _together = crate::together().await;
    use std::os::unix::fs::PermissionsExt;
    let base = tempfile::tempdir().unwrap();
    let mode =
        |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    let mut console = Console::start(&["--json", "--files", base.path().to_str().unwrap()]);
    console.send("/start").await;
    console.send(":tap 1").await;
    until_event(&mut console, "consent_given").await;
    console.send("/export").await;
    let lines = until_event(&mut console, "data_exported").await;
    let files: Vec<std::path::PathBuf> = lines
        .iter()
        .filter_map(|l| l["files"].as_array())
        .flatten()
        .map(|f| f.as_str().unwrap().into())
        .collect();
    assert!(!files.is_empty(), "{lines:?}");
    for file in &files {
        assert_eq!(mode(file), 0o600, "{}", file.display());
        let dir = file.parent().unwrap();
        assert_ne!(dir, base.path(), "a directory made for the run");
        assert_eq!(mode(dir), 0o700, "{}", dir.display());
    }
    console.send("/delete").await;
    console.send(":tap 1").await;
    until_event(&mut console, "data_deleted").await;
    // The console has handled the deletion once the next line is answered.
    console.send(":mark deleted").await;
    console.json().await;
    for file in &files {
        assert!(!file.exists(), "{} is still there", file.display());
    }
    assert!(console.finish().await.success());
}

/// Everything the console prints up to a `:mark` line with this label.
async fn until_mark(console: &mut Console, label: &str) -> Vec<Value> {
    console.send(&format!(":mark {label}")).await;
    let mut lines = Vec::new();
    loop {
        let line = console.json().await;
        if line["type"] == "mark" && line["label"] == label {
            return lines;
        }
        lines.push(line);
    }
}

/// Four weeks on the virtual clock through the real binary (Berlin, Mon–Fri 9–17, drills
/// Mon/Wed/Fri 18:00): one session on Monday 23 November, then every break and reminder
/// ignored for three weeks, then a session typed with /today on Monday 14 December. The
/// "less often?" question comes once (the first break of Thursday 26 November, after
/// three ignored working days); the daily reminder turns into a check-in on day 7
/// (Monday 30 November), comes every other training day from day 14, and after the
/// session the usual Wednesday and Friday ones come again.
#[tokio::test]
async fn four_weeks_of_ignored_breaks_and_an_absence() {
    let _together = crate::together().await;
    let mut console = Console::start(&["--json", "--user", "9"]);
    let mut setup = vec!["/start", ":tap Yes, that's okay", "Berlin", ":tap Yes"];
    setup.extend(crate::support::answers::INTAKE_AND_TESTS);
    for line in setup {
        console.send(line).await;
    }
    until_mark(&mut console, "set up").await;

    // Monday 23 November: the session at the daily reminder.
    console.send(":at 2026-11-23T17:00:30Z").await;
    let mut seen = until_mark(&mut console, "monday").await;
    for line in [":tap Start", "done", "done", "done", "1"] {
        console.send(line).await;
    }
    seen.extend(until_mark(&mut console, "session").await);
    assert!(
        seen.iter().any(|l| l["event"] == "session_completed"),
        "the first session is done: {seen:?}"
    );

    // Three weeks of silence, a day at a time.
    for day in 0..21 {
        console.send(":wait 1d").await;
        seen.extend(until_mark(&mut console, &format!("day {day}")).await);
    }
    // Monday 14 December 18:00 Berlin: back, with /today.
    console.send(":at 2026-12-14T17:05:00Z").await;
    for line in ["/today", "done", "done", "done", "1"] {
        console.send(line).await;
    }
    seen.extend(until_mark(&mut console, "back").await);
    console.send(":at 2026-12-20T22:00:00Z").await;
    seen.extend(until_mark(&mut console, "end").await);
    assert!(console.finish().await.success());

    let sent = |kind: &str| -> Vec<String> {
        seen.iter()
            .filter(|l| l["event"] == "reminder_sent" && l["kind"] == kind)
            .map(|l| l["at"].as_str().unwrap_or_default()[..10].to_owned())
            .collect()
    };
    let daily = sent("daily_session");
    let texts = |needle: &str| -> Vec<String> {
        seen.iter()
            .filter(|l| {
                l["type"] == "message" && l["text"].as_str().is_some_and(|t| t.contains(needle))
            })
            .map(|l| l["at"].as_str().unwrap_or_default()[..10].to_owned())
            .collect()
    };
    // Daily reminders per week: Mon 23 (the session), Wed, Fri; the check-in Monday 30,
    // then Wed, Fri; from day 14 every other training day (Mon 7, Fri 11); Mon 14 is
    // eased (the person comes back by themselves), then Wed 16 and Fri 18 as usual.
    assert_eq!(
        daily,
        [
            "2026-11-23",
            "2026-11-25",
            "2026-11-27",
            "2026-11-30",
            "2026-12-02",
            "2026-12-04",
            "2026-12-07",
            "2026-12-11",
            "2026-12-16",
            "2026-12-18",
        ],
        "daily reminders"
    );
    assert_eq!(
        texts("since your last session"),
        ["2026-11-30"],
        "one check-in"
    );
    assert_eq!(
        texts("Shall I come less often?"),
        ["2026-11-26"],
        "asked once"
    );
    // Movement breaks per week (Mon–Fri at 10, 11, 13, 14, 15 and 16: lunch is 12–13):
    // all fired, one of them the question.
    let breaks = sent("movement_break");
    for (week, monday) in ["2026-11-23", "2026-11-30", "2026-12-07", "2026-12-14"]
        .into_iter()
        .enumerate()
    {
        let start = chrono::NaiveDate::parse_from_str(monday, "%Y-%m-%d").unwrap();
        let n = breaks
            .iter()
            .filter(|d| {
                let d = chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").unwrap();
                d >= start && d < start + chrono::Duration::days(7)
            })
            .count();
        assert_eq!(n, 5 * 6, "movement breaks in week {week}");
    }
}
