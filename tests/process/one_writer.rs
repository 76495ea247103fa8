//! One writer per database file: the real binary twice on one file. The second refuses to
//! start and names the first's pid; once the first is gone a new one starts.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::process::{Child, Command};

fn hipcoach(db: &str, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_hipcoach"));
    command
        .args(["--db", db])
        .args(args)
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("TELOXIDE_API_URL")
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true);
    command
}

/// A console that has answered /start, so it holds the database.
async fn running_console(db: &str) -> Child {
    let mut child = hipcoach(db, &["console", "--clock", "2026-11-21T08:20:00Z"])
        .spawn()
        .expect("the hipcoach binary starts");
    let stdin = child.stdin.as_mut().unwrap();
    stdin.write_all(b"/start\n").await.unwrap();
    stdin.flush().await.unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = tokio::time::timeout(Duration::from_secs(20), lines.next_line())
        .await
        .expect("the console answers")
        .unwrap()
        .expect("stdout is open");
    assert!(first.starts_with("Hi, I'm hipcoach."), "{first}");
    // Keep reading so the console never blocks on a full pipe.
    tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });
    child
}

/// Runs a second process to its end (stdin closed at once) and returns its exit code and
/// what it said on stderr.
async fn second(mut command: Command) -> (Option<i32>, String) {
    let child = command.stdin(Stdio::null()).spawn().unwrap();
    let out = tokio::time::timeout(Duration::from_secs(20), child.wait_with_output())
        .await
        .expect("the second process ends by itself")
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[tokio::test]
async fn a_second_process_on_one_database_refuses_to_start_and_names_the_first() {
    let _together = crate::together().await;
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("one.db").display());
    let mut first = running_console(&db).await;
    let pid = first.id().unwrap();

    let (code, stderr) = second(hipcoach(&db, &["console"])).await;
    assert_ne!(code, Some(0), "a second console must not start: {stderr}");
    assert!(
        stderr.contains(&format!("pid {pid}")),
        "the message names the running one: {stderr}"
    );
    assert!(stderr.contains("already"), "{stderr}");

    let mut run = hipcoach(&db, &["run"]);
    run.env("TELOXIDE_TOKEN", "123:fake")
        .env("TELOXIDE_API_URL", "http://127.0.0.1:9/");
    let (code, stderr) = second(run).await;
    assert_ne!(code, Some(0), "a second bot must not start: {stderr}");
    assert!(stderr.contains(&format!("pid {pid}")), "{stderr}");

    // The first ends; a new one starts on the same file and finds the person.
    first
        .stdin
        .as_mut()
        .unwrap()
        .write_all(b":quit\n")
        .await
        .unwrap();
    drop(first.stdin.take());
    let status = tokio::time::timeout(Duration::from_secs(20), first.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success());
    let mut again = running_console(&db).await;
    drop(again.stdin.take());
    let status = tokio::time::timeout(Duration::from_secs(20), again.wait())
        .await
        .unwrap()
        .unwrap();
    assert!(status.success(), "a new one starts once the first is gone");
}

#[tokio::test]
async fn in_memory_databases_take_no_lock() {
    let _together = crate::together().await;
    let first = running_console("sqlite::memory:").await;
    let (code, stderr) = second(hipcoach("sqlite::memory:", &["console"])).await;
    assert_eq!(code, Some(0), "{stderr}");
    drop(first);
}
