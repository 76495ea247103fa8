//! A person driving the console line by line, as a script would: `--json` output, a
//! virtual clock, a real SQLite file that survives a restart of the console.
#![allow(dead_code)] // Each test file uses a different part of this helper.

use chrono::{DateTime, Utc};
use hipcoach::console::{self, ConsoleOptions};
use hipcoach::core::Lang;
use hipcoach::engine::Engine;
use hipcoach::store::Store;
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, DuplexStream, Lines};
use tokio::task::JoinHandle;

pub struct Sim {
    pub db: String,
    pub dir: tempfile::TempDir,
    input: Option<DuplexStream>,
    output: Lines<BufReader<DuplexStream>>,
    task: Option<JoinHandle<()>>,
    marks: u64,
    /// Everything printed so far.
    pub log: Vec<Value>,
    /// The buttons of the latest message that had some.
    pub buttons: Vec<String>,
}

impl Sim {
    /// A console on a fresh database file, its clock starting at `clock`.
    pub async fn start(clock: &str) -> Sim {
        let dir = tempfile::tempdir().unwrap();
        let db = format!("sqlite://{}", dir.path().join("sim.db").display());
        let (input, output, task) = spawn(&db, clock, dir.path()).await;
        Sim {
            db,
            dir,
            input: Some(input),
            output,
            task: Some(task),
            marks: 0,
            log: Vec::new(),
            buttons: Vec::new(),
        }
    }

    /// Ends the console (end of input) and starts a new one on the same database, as a
    /// restart of the process would.
    pub async fn restart(&mut self, clock: &str) {
        self.input.take();
        if let Some(task) = self.task.take() {
            task.await.unwrap();
        }
        let (input, output, task) = spawn(&self.db, clock, self.dir.path()).await;
        self.input = Some(input);
        self.output = output;
        self.task = Some(task);
    }

    /// Sends one line and returns what the console printed for it.
    pub async fn line(&mut self, line: &str) -> Vec<Value> {
        self.marks += 1;
        let mark = self.marks.to_string();
        let input = self.input.as_mut().expect("console running");
        input
            .write_all(format!("{line}\n:mark {mark}\n").as_bytes())
            .await
            .unwrap();
        let mut printed = Vec::new();
        loop {
            let text = self
                .output
                .next_line()
                .await
                .unwrap()
                .unwrap_or_else(|| panic!("console ended after {line:?}"));
            let value: Value = serde_json::from_str(&text).unwrap();
            if value["type"] == "mark" && value["label"] == mark.as_str() {
                break;
            }
            if value["type"] == "message" {
                let buttons: Vec<String> = value["buttons"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .flat_map(|row| row.as_array().unwrap().clone())
                    .map(|b| b.as_str().unwrap().to_string())
                    .collect();
                if !buttons.is_empty() {
                    self.buttons = buttons;
                }
            }
            printed.push(value);
        }
        self.log.extend(printed.clone());
        printed
    }

    pub async fn say(&mut self, text: &str) -> Vec<Value> {
        self.line(text).await
    }

    pub async fn tap(&mut self, label: &str) -> Vec<Value> {
        assert!(
            self.buttons.iter().any(|b| b == label),
            "no button {label:?} in {:?}",
            self.buttons
        );
        self.line(&format!(":tap {label}")).await
    }

    pub async fn at(&mut self, time: &str) -> Vec<Value> {
        self.line(&format!(":at {time}")).await
    }

    pub fn has_button(&self, label: &str) -> bool {
        self.buttons.iter().any(|b| b == label)
    }
}

async fn spawn(
    db: &str,
    clock: &str,
    files: &std::path::Path,
) -> (DuplexStream, Lines<BufReader<DuplexStream>>, JoinHandle<()>) {
    let store = Store::open(db).await.unwrap();
    let engine = Engine::new(store);
    let (to_console, console_in) = tokio::io::duplex(1 << 16);
    let (console_out, from_console) = tokio::io::duplex(1 << 20);
    let options = ConsoleOptions {
        clock: Some(clock.parse::<DateTime<Utc>>().unwrap()),
        json: true,
        user: 1,
        lang: Lang::En,
        files: files.to_path_buf(),
    };
    let task = tokio::spawn(async move {
        console::run(&engine, options, BufReader::new(console_in), console_out)
            .await
            .unwrap();
        engine.store().close().await;
    });
    (to_console, BufReader::new(from_console).lines(), task)
}

/// The texts of the messages among printed lines.
pub fn texts(printed: &[Value]) -> Vec<String> {
    printed
        .iter()
        .filter(|v| v["type"] == "message")
        .map(|v| v["text"].as_str().unwrap().to_string())
        .collect()
}

/// The events among printed lines.
pub fn events<'a>(printed: &'a [Value], name: &str) -> Vec<&'a Value> {
    printed
        .iter()
        .filter(|v| v["type"] == "event" && v["event"] == name)
        .collect()
}
