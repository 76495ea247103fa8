//! Corruption is loud: a damaged database file stops the binary at start with a clear
//! message; the nightly check stops taking writes.

use std::process::Stdio;
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::process::Command;

use crate::support::press;

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
    let _together = crate::together().await;
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

/// `hipcoach backup PATH` while the bot runs (it holds the writer lock) and another
/// connection writes: a consistent copy that opens, passes quick_check and has the rows;
/// an existing file is never overwritten.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn backup_makes_a_consistent_copy_while_the_bot_runs_and_writes() {
    let _together = crate::together().await;
    use sqlx::Connection;
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("hip.db").display());
    let mut script = String::new();
    for user in 1..=30 {
        script.push_str(&format!(":user {user}\n/start\n:tap 1\n"));
    }
    let (code, _, stderr) = console(&db, &script).await;
    assert_eq!(code, Some(0), "{stderr}");

    // A running process holds the database; another connection keeps writing.
    let mut holder = Command::new(env!("CARGO_BIN_EXE_hipcoach"))
        .args(["--db", &db, "console"])
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("DATABASE_URL")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let lock = dir.path().join("hip.db.lock");
    for _ in 0..100 {
        if std::fs::read_to_string(&lock).is_ok_and(|pid| !pid.trim().is_empty()) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let writer_db = db.clone();
    let writer = tokio::spawn(async move {
        let mut conn = sqlx::SqliteConnection::connect(&writer_db).await.unwrap();
        for i in 0..200 {
            sqlx::query("INSERT INTO handled_updates (update_id, at) VALUES (?, 0)")
                .bind(1_000_000 + i)
                .execute(&mut conn)
                .await
                .unwrap();
        }
    });

    let copy = dir.path().join("copy.db");
    let backup = || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_hipcoach"));
        command
            .args(["--db", &db, "backup"])
            .arg(&copy)
            .env_remove("DATABASE_URL")
            .stdin(Stdio::null());
        command
    };
    let out = backup().output().await.unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    writer.await.unwrap();

    let again = backup().output().await.unwrap();
    assert!(
        !again.status.success(),
        "an existing file is not overwritten"
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists"));

    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{}", copy.display()))
        .await
        .unwrap();
    let ok: String = sqlx::query_scalar("PRAGMA quick_check")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(ok, "ok");
    let people: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(people, 30);
    drop(holder.stdin.take());
    holder.wait().await.unwrap();
}

/// Damage that appears while the bot runs: the nightly maintenance finds it, logs it, and
/// from then on nothing is written; people are told the coach is under maintenance (not
/// "try again" for ever), and what was stored stays as it was.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_nightly_check_finds_damage_and_writes_stop_with_a_clear_answer() {
    let _together = crate::together().await;
    use hipcoach::core::{Incoming, Input, Lang};
    use hipcoach::engine::{Engine, Queued};
    use hipcoach::store::Store;

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hip.db");
    let db = format!("sqlite://{}", path.display());
    let engine = Engine::new(Store::open(&db).await.unwrap());
    let said = |user: i64, text: &str| Incoming {
        user,
        lang: Lang::En,
        input: Input::Text(text.into()),
    };
    for user in 1..=40 {
        engine
            .handle(&said(user, "/start"), chrono::Utc::now())
            .await
            .unwrap();
        let consent = press::on_open_question(&engine, user, Input::Button("c:y".into())).await;
        let incoming = Incoming {
            user,
            lang: Lang::En,
            input: consent,
        };
        engine.handle(&incoming, chrono::Utc::now()).await.unwrap();
    }
    engine.store().checkpoint().await.unwrap();
    engine
        .store()
        .maintain()
        .await
        .expect("a sound file passes");

    let mut bytes = std::fs::read(&path).unwrap();
    let middle = bytes.len() / 2 / 4096 * 4096;
    for (i, b) in bytes[middle..middle + 4096].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    std::fs::write(&path, bytes).unwrap();

    let found = engine.store().maintain().await;
    assert!(
        found.as_ref().is_err_and(|e| e.says_damaged()),
        "the nightly check finds the damage: {found:?}"
    );
    let before = std::fs::read(&path).unwrap();
    let error = engine
        .handle(&said(7, "Berlin"), chrono::Utc::now())
        .await
        .expect_err("no write on a damaged file");
    let answer = Queued::failure(7, Lang::En, Some(&error)).messages[0]
        .text
        .clone();
    assert!(answer.contains("can’t save anything right now"), "{answer}");
    assert_ne!(
        answer,
        Engine::failure_reply(Lang::En).text,
        "not \"try again\""
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
}
