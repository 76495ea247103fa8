//! The person's data and hostile or broken input: export, delete (bytes gone from the
//! file and its WAL), the same Telegram update twice, a busy database.

use crate::support::answers;
use crate::support::press;

use std::time::Duration;

use chrono::{DateTime, Utc};
use hipcoach::core::{Event, Incoming, Input, Lang};
use hipcoach::engine::Engine;
use hipcoach::store::Store;
use sqlx::Connection;

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn said(user: i64, text: &str) -> Incoming {
    Incoming {
        user,
        lang: Lang::En,
        input: Input::Text(text.into()),
    }
}

/// A press on a button of the question open now (bare data, stamped as shown).
async fn pressed(engine: &Engine, user: i64, data: &str) -> Incoming {
    Incoming {
        user,
        lang: Lang::En,
        input: press::on_open_question(engine, user, Input::Button(data.into())).await,
    }
}

/// A person through consent, a time zone, the intake and the self-tests, with a session
/// and its pain score.
async fn coached(engine: &Engine, user: i64, zone: &str) {
    let now = at("2026-11-23T08:00:00Z");
    engine.handle(&said(user, "/start"), now).await.unwrap();
    engine
        .handle(&pressed(engine, user, "c:y").await, now)
        .await
        .unwrap();
    engine.handle(&said(user, zone), now).await.unwrap();
    engine
        .handle(&pressed(engine, user, "z:y").await, now)
        .await
        .unwrap();
    for text in answers::INTAKE_AND_TESTS {
        engine.handle(&said(user, text), now).await.unwrap();
    }
    let evening = at("2026-11-23T17:00:00Z");
    engine.handle(&said(user, "/today"), evening).await.unwrap();
    for _ in 0..5 {
        engine.handle(&said(user, "done"), evening).await.unwrap();
    }
    engine.handle(&said(user, "2"), evening).await.unwrap();
}

async fn file_store() -> (tempfile::TempDir, String, Engine) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("trust.db").display().to_string();
    let engine = Engine::new(Store::open(&format!("sqlite://{path}")).await.unwrap());
    (dir, path, engine)
}

#[tokio::test]
async fn export_holds_everything_about_the_person_and_nothing_about_others() {
    let (_dir, path, engine) = file_store().await;
    coached(&engine, 1, "Berlin").await;
    coached(&engine, 2, "Tokyo").await;
    // Tuesday noon: the reminders due by then have queued their messages in the outbox.
    let noon = at("2026-11-24T11:00:00Z");
    hipcoach::delivery::fire_due(&engine, noon).await.unwrap();
    let out = engine.handle(&said(1, "/export"), noon).await.unwrap();
    assert!(out.events.contains(&Event::DataExported));
    let files = &out.messages[0].files;
    assert_eq!(files.len(), 2);
    let json: serde_json::Value = serde_json::from_slice(&files[0].bytes).unwrap();
    // Every table that keeps rows about a person (it has a `user_id` column), found in the
    // schema itself so that a table added later cannot be left out: the export holds it,
    // with every one of the person's rows.
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{path}"))
        .await
        .unwrap();
    let tables: Vec<String> = sqlx::query_scalar(
        "SELECT m.name FROM sqlite_master AS m WHERE m.type = 'table' AND EXISTS \
         (SELECT 1 FROM pragma_table_info(m.name) AS c WHERE c.name = 'user_id') ORDER BY m.name",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap();
    assert!(tables.contains(&"outbox".to_string()), "{tables:?}");
    for table in &tables {
        let mut stored: i64 =
            sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE user_id = 1"))
                .fetch_one(&mut conn)
                .await
                .unwrap();
        if table == "outbox" {
            // The export's own message and files were queued after it was made.
            stored -= out.rows.len() as i64;
        }
        let exported = match &json[table] {
            serde_json::Value::Array(rows) => rows.len() as i64,
            serde_json::Value::Object(_) => 1,
            other => panic!("the export leaves out the table {table}: {other}"),
        };
        assert_eq!(exported, stored, "rows of {table}");
    }
    assert!(
        json["outbox"][0]["message"].is_object(),
        "a queued message, its JSON kept as JSON: {}",
        json["outbox"]
    );
    assert_eq!(json["people"]["zone"], "Europe/Berlin");
    assert_eq!(json["people"]["training_days"], 0b001_0101, "Mon, Wed, Fri");
    assert_eq!(json["assessments"].as_array().unwrap().len(), 1);
    assert_eq!(json["assessments"][0]["left_ir"], 25);
    assert_eq!(json["sessions"][0]["pain_during"], 2);
    assert!(
        json["sessions"][0]["plan"].is_array(),
        "JSON columns stay JSON"
    );
    assert!(!String::from_utf8_lossy(&files[0].bytes).contains("Asia/Tokyo"));
    let csv = String::from_utf8(files[1].bytes.clone()).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].starts_with("date,kind,left_ir_deg,right_ir_deg"));
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[1].contains(",assessment,25,28,"), "{csv}");
    assert!(
        lines[2].contains(",session,") && lines[2].ends_with(",2,"),
        "{csv}"
    );
}

#[tokio::test]
async fn delete_erases_every_row_and_the_bytes_in_the_file_and_wal() {
    let (_dir, path, engine) = file_store().await;
    coached(&engine, 1, "Pacific/Chatham").await;
    coached(&engine, 2, "Tokyo").await;
    let bytes = || {
        let mut all = std::fs::read(&path).unwrap();
        all.extend(std::fs::read(format!("{path}-wal")).unwrap_or_default());
        all
    };
    let contains = |haystack: &[u8], needle: &str| {
        haystack
            .windows(needle.len())
            .any(|w| w == needle.as_bytes())
    };
    assert!(
        contains(&bytes(), "Pacific/Chatham"),
        "the zone is stored before"
    );

    let now = at("2026-11-24T08:00:00Z");
    let ask = engine.handle(&said(1, "/delete"), now).await.unwrap();
    assert!(ask.messages[0].text.contains("cannot be undone"));
    let done = engine
        .handle(&pressed(&engine, 1, "o:delete_all").await, now)
        .await
        .unwrap();
    assert!(done.events.contains(&Event::DataDeleted));

    assert!(
        !contains(&bytes(), "Pacific/Chatham"),
        "the bytes are gone from the database file and its WAL"
    );
    let mut conn = sqlx::SqliteConnection::connect(&format!("sqlite://{path}"))
        .await
        .unwrap();
    for table in [
        "people",
        "assessments",
        "sessions",
        "decisions",
        "reminders",
        "outbox",
        "break_answers",
    ] {
        let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE user_id = 1"))
            .fetch_one(&mut conn)
            .await
            .unwrap();
        assert_eq!(n, 0, "{table} still holds rows of the person");
    }
    let others: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE user_id = 2")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    assert_eq!(others, 1, "nobody else is touched");
    // /start begins afresh.
    let again = engine.handle(&said(1, "/start"), now).await.unwrap();
    assert!(again.messages[0].text.starts_with("Hi, I'm hipcoach."));
}

#[tokio::test]
async fn the_same_update_twice_records_nothing_twice() {
    let (_dir, _path, engine) = file_store().await;
    let now = at("2026-11-23T08:00:00Z");
    engine
        .handle_once(Some(10), None, &said(1, "/start"), now)
        .await
        .unwrap();
    let consent = pressed(&engine, 1, "c:y").await;
    let first = engine
        .handle_once(Some(11), None, &consent, now)
        .await
        .unwrap();
    assert_eq!(first.events, [Event::ConsentGiven]);
    let again = engine
        .handle_once(Some(11), None, &consent, now)
        .await
        .unwrap();
    assert!(again.events.is_empty() && again.messages.is_empty());
    // A different update with the same content is a new input.
    let other = engine
        .handle_once(Some(12), None, &said(1, "Berlin"), now)
        .await
        .unwrap();
    assert!(other.messages[0].text.contains("Is that right?"));
}

#[tokio::test]
async fn a_busy_database_fails_cleanly_and_recovers_without_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("busy.db").display());
    let engine = Engine::new(
        Store::open_with(&url, Duration::from_millis(200))
            .await
            .unwrap(),
    );
    let now = at("2026-11-23T08:00:00Z");
    engine.handle(&said(1, "/start"), now).await.unwrap();
    engine
        .handle(&pressed(&engine, 1, "c:y").await, now)
        .await
        .unwrap();

    // Another process holds the write lock.
    let mut other = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut other)
        .await
        .unwrap();
    let failed = engine.handle(&said(1, "Berlin"), now).await;
    assert!(
        failed.is_err(),
        "the input is not taken while the database is locked"
    );
    let apology = Engine::failure_reply(Lang::En);
    assert!(apology.text.contains("try again in a moment"));
    sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();

    // The same input now works, from the state it was in.
    let out = engine.handle(&said(1, "Berlin"), now).await.unwrap();
    assert!(out.messages[0].text.contains("Is that right?"));
    let ok: String = sqlx::query_scalar("PRAGMA integrity_check")
        .fetch_one(&mut other)
        .await
        .unwrap();
    assert_eq!(ok, "ok");
}

#[tokio::test]
async fn long_texts_and_unusual_unicode_get_an_answer_at_every_step() {
    let (_dir, _path, engine) = file_store().await;
    let strange = [
        "x".repeat(100_000),
        "\u{0}\u{1}\u{7f}".into(),
        "\u{202e}olleh\u{202c} \u{200b}\u{feff}".into(),
        "👩🏽‍🦯👨‍👩‍👧‍👦🏳️‍🌈".repeat(500),
        "مرحبا بك".into(),
        "\n\n\t  ".into(),
        "/".repeat(5_000),
        "/start".repeat(1_000),
        "١٢".into(),
    ];
    let now = at("2026-11-23T08:00:00Z");
    let check = |out: &hipcoach::engine::Queued, what: &str| {
        assert!(!out.messages.is_empty(), "silence after {what}");
        for m in &out.messages {
            assert!(
                m.text.chars().count() <= 4096,
                "a reply over Telegram's limit"
            );
        }
    };
    // As a stranger, mid-intake, mid-session.
    for text in &strange {
        check(
            &engine.handle(&said(9, text), now).await.unwrap(),
            "stranger",
        );
    }
    engine.handle(&said(9, "/start"), now).await.unwrap();
    engine
        .handle(&pressed(&engine, 9, "c:y").await, now)
        .await
        .unwrap();
    for text in &strange {
        check(
            &engine.handle(&said(9, text), now).await.unwrap(),
            "time zone",
        );
    }
    coached(&engine, 10, "Berlin").await;
    let evening = at("2026-11-24T17:00:00Z");
    engine.handle(&said(10, "/today"), evening).await.unwrap();
    for text in &strange {
        check(
            &engine.handle(&said(10, text), evening).await.unwrap(),
            "session",
        );
    }
}
