//! Corruption is loud: a damaged database file stops the binary at start with a clear
//! message; the nightly check stops taking writes.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::process::Command;

async fn console(db: &str, script: &str) -> (Option<i32>, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_hipcoach"))
        .args(["--db", db, "console", "--clock", "2026-11-21T08:20:00Z"])
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // The process may have ended already: a broken pipe is fine.
    let _ = stdin.write_all(script.as_bytes()).await;
    drop(stdin);
    let out = tokio::time::timeout(Duration::from_secs(30), child.wait_with_output())
        .await
        .unwrap()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[tokio::test]
async fn a_damaged_database_file_stops_the_start_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hip.db");
    let db = format!("sqlite://{}", path.display());
    let mut script = String::new();
    for user in 1..=40 {
        script.push_str(&format!(":user {user}\n/start\n:tap 1\nBerlin\n:tap 1\n"));
    }
    let (code, _, stderr) = console(&db, &script).await;
    assert_eq!(code, Some(0), "{stderr}");

    // Garbage over the middle of the file, past the first page.
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 4 * 4096, "{} bytes", bytes.len());
    let middle = bytes.len() / 2 / 4096 * 4096;
    for (i, b) in bytes[middle..middle + 4096].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    std::fs::write(&path, bytes).unwrap();

    let (code, stdout, stderr) = console(&db, "/start\n").await;
    assert_ne!(code, Some(0), "a damaged file must not start: {stdout}");
    assert!(stderr.contains("damaged"), "{stderr}");
    assert!(stderr.contains("backup"), "says how to restore: {stderr}");
    assert!(stdout.is_empty(), "nothing answered: {stdout}");
}
