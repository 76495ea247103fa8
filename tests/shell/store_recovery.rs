//! Store errors never outlive their cause: a full disk or a read-only file fails inputs
//! cleanly ("try again", nothing lost), and once the cause is gone the very next inputs of
//! everyone work, on every connection of the pool.

use chrono::{DateTime, Utc};
use futures_util::future::join_all;
use hipcoach::core::{Incoming, Input, Lang};
use hipcoach::engine::{Engine, HandleError};
use hipcoach::store::{Store, StoreError};

fn now() -> DateTime<Utc> {
    "2026-11-23T08:00:00Z".parse().unwrap()
}

fn said(user: i64, text: &str) -> Incoming {
    Incoming {
        user,
        lang: Lang::En,
        input: Input::Text(text.into()),
    }
}

/// A press on the button `data` of the question open now.
async fn pressed(engine: &Engine, user: i64, data: &str) -> Incoming {
    Incoming {
        user,
        lang: Lang::En,
        input: press::on_open_question(engine, user, Input::Button(data.into())).await,
    }
}

/// SQLite's primary result code of a store error (`None` for any other error, e.g.
/// sqlx refusing a connection it thinks is still in a transaction).
fn sqlite_code(error: &HandleError) -> Option<i64> {
    match error {
        HandleError::Store(StoreError::Database(sqlx::Error::Database(db))) => db
            .code()
            .and_then(|c| c.parse::<i64>().ok())
            .map(|c| c & 0xff),
        _ => None,
    }
}

const SQLITE_READONLY: i64 = 8;
const SQLITE_FULL: i64 = 13;

async fn file_engine() -> (tempfile::TempDir, String, Engine) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("recovery.db").display());
    let engine = Engine::new(Store::open(&url).await.unwrap());
    (dir, url, engine)
}

/// Consent given: the person has a row and is asked for their time zone.
async fn joined(engine: &Engine, user: i64) -> Result<(), HandleError> {
    engine.handle(&said(user, "/start"), now()).await?;
    engine
        .handle(&pressed(engine, user, "c:y").await, now())
        .await?;
    Ok(())
}

async fn people(url: &str) -> i64 {
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect(url).await.unwrap();
    sqlx::query_scalar("SELECT COUNT(*) FROM people")
        .fetch_one(&mut conn)
        .await
        .unwrap()
}

/// Many inputs of many people at once, so every connection of the pool serves some: all
/// must work.
async fn everyone_is_served(engine: &Engine, users: std::ops::Range<i64>) {
    let inputs = users.clone().map(|user| async move {
        let first = engine.handle(&said(user, "Berlin"), now()).await;
        let second = engine
            .handle(&pressed(engine, user, "z:y").await, now())
            .await;
        (user, first.err(), second.err())
    });
    for (user, first, second) in join_all(inputs).await {
        assert!(
            first.is_none() && second.is_none(),
            "user {user} failed after the cause was gone: {first:?} / {second:?}"
        );
    }
    // And one by one, so each idle connection in turn is taken again.
    for user in users {
        engine.handle(&said(user, "/help"), now()).await.unwrap();
    }
}

#[tokio::test]
async fn after_a_full_disk_is_freed_the_next_inputs_of_everyone_work() {
    let (_dir, url, engine) = file_engine().await;
    for user in 1..=20 {
        joined(&engine, user).await.unwrap();
    }

    // The disk is full for every connection, old and new.
    engine
        .store()
        .on_every_connection("PRAGMA max_page_count = 1", true)
        .await
        .unwrap();
    // New people join until one no longer fits.
    let mut full_at = None;
    for user in 100..600 {
        if let Err(error) = joined(&engine, user).await {
            assert_eq!(sqlite_code(&error), Some(SQLITE_FULL), "{error}");
            full_at = Some(user);
            break;
        }
    }
    let full_at = full_at.expect("the database fills up");
    let apology = Engine::failure_reply(Lang::En);
    assert!(apology.text.contains("try again"));
    let kept = people(&url).await;
    assert_eq!(kept, 20 + (full_at - 100), "nothing stored is lost");

    // While still full, every failure is the full disk itself, never a connection left
    // behind in a broken state by an earlier failure.
    for user in (100..full_at).chain(1..=8) {
        if let Err(error) = engine.handle(&said(user, "Berlin"), now()).await {
            assert_eq!(
                sqlite_code(&error),
                Some(SQLITE_FULL),
                "user {user}: {error}"
            );
        }
    }

    // Space is freed: the very next inputs work, for the one who failed too.
    engine
        .store()
        .on_every_connection("PRAGMA max_page_count = 4294967294", false)
        .await
        .unwrap();
    joined(&engine, full_at)
        .await
        .expect("the input that failed works when sent again");
    everyone_is_served(&engine, 1..21).await;
    assert_eq!(people(&url).await, kept + 1);
}

#[tokio::test]
async fn after_a_read_only_file_is_writable_again_the_next_inputs_of_everyone_work() {
    let (_dir, url, engine) = file_engine().await;
    for user in 1..=12 {
        joined(&engine, user).await.unwrap();
    }
    // Every open connection is read-only (as when the file was not writable when they
    // were opened); connections opened later are not (the file is writable again).
    engine
        .store()
        .on_every_connection("PRAGMA query_only = 1", false)
        .await
        .unwrap();
    let error = engine
        .handle(&said(1, "Berlin"), now())
        .await
        .expect_err("a read-only database takes no input");
    assert_eq!(sqlite_code(&error), Some(SQLITE_READONLY), "{error}");

    everyone_is_served(&engine, 1..13).await;
    assert_eq!(people(&url).await, 12);
}

use crate::support::answers;
use crate::support::press;

/// A person through the intake and the self-tests: they have a program and reminders.
async fn coached(engine: &Engine, user: i64) {
    coached_in(engine, user, "Berlin").await;
}

async fn coached_in(engine: &Engine, user: i64, zone: &str) {
    engine.handle(&said(user, "/start"), now()).await.unwrap();
    engine
        .handle(&pressed(engine, user, "c:y").await, now())
        .await
        .unwrap();
    engine.handle(&said(user, zone), now()).await.unwrap();
    engine
        .handle(&pressed(engine, user, "z:y").await, now())
        .await
        .unwrap();
    for text in answers::INTAKE_AND_TESTS {
        engine.handle(&said(user, text), now()).await.unwrap();
    }
}

async fn planned(url: &str, user: i64) -> Vec<(String, i64)> {
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect(url).await.unwrap();
    sqlx::query_as("SELECT kind, due_at FROM reminders WHERE user_id = ? ORDER BY due_at")
        .bind(user)
        .fetch_all(&mut conn)
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reminder_due_while_the_database_is_locked_is_kept_and_fires_later() {
    use sqlx::Connection;
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("locked.db").display());
    let engine = Engine::new(
        Store::open_with(&url, Duration::from_millis(300))
            .await
            .unwrap(),
    );
    coached(&engine, 1).await;
    coached(&engine, 2).await;
    let (kind, due) = planned(&url, 1).await.first().cloned().expect("planned");
    // Both are due at once.
    let mut side = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("UPDATE reminders SET due_at = ? WHERE user_id = 2 AND kind = ?")
        .bind(due)
        .bind(&kind)
        .execute(&mut side)
        .await
        .unwrap();
    assert_eq!(planned(&url, 2).await.first(), Some(&(kind.clone(), due)));
    let at = chrono::DateTime::from_timestamp(due, 0).unwrap();

    // Another process holds the write lock a little longer than the busy wait: the first
    // reminder to fire fails, and the lock is gone by the time anything else is tried.
    let mut other = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("BEGIN EXCLUSIVE")
        .execute(&mut other)
        .await
        .unwrap();
    let release = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(450)).await;
        sqlx::query("ROLLBACK").execute(&mut other).await.unwrap();
        other
    });
    let fired = hipcoach::delivery::fire_due(&engine, at).await.unwrap();
    release.await.unwrap();
    let fired_for = |fired: &[hipcoach::engine::Fired], user: i64| {
        fired
            .iter()
            .any(|f| f.queued.user == user && <&str>::from(f.kind) == kind)
    };
    let mut waiting = Vec::new();
    for user in [1, 2] {
        if fired_for(&fired, user) {
            continue;
        }
        assert!(
            planned(&url, user).await.contains(&(kind.clone(), due)),
            "person {user}'s reminder neither fired nor kept: {:?}",
            planned(&url, user).await
        );
        waiting.push(user);
    }
    assert!(!waiting.is_empty(), "the lock made one fail");

    // It waits for its back-off: the loop does not spin on it...
    let next = engine.store().next_due().await.unwrap().unwrap();
    assert!(
        next > at,
        "the next wake-up is after the back-off: {next} vs {at}"
    );
    let again = hipcoach::delivery::fire_due(&engine, at).await.unwrap();
    assert!(again.is_empty(), "{again:?}");
    // ...then fires, and the next one is planned.
    let later = at + chrono::Duration::seconds(3);
    let fired = hipcoach::delivery::fire_due(&engine, later).await.unwrap();
    for user in waiting {
        assert!(fired_for(&fired, user), "{fired:?}");
        let after = planned(&url, user).await;
        assert!(
            after.iter().any(|(k, d)| *k == kind && *d > due),
            "the next {kind} is planned: {after:?}"
        );
    }
}

/// Every active person has their next reminders planned: the safety sweep finds anyone
/// without them (here: rows lost by hand) and plans them again.
#[tokio::test]
async fn the_safety_sweep_plans_again_the_reminders_a_person_lost() {
    use sqlx::Connection;
    let (_dir, url, engine) = file_engine().await;
    coached(&engine, 1).await;
    coached(&engine, 2).await;
    coached(&engine, 3).await;
    joined(&engine, 4).await.unwrap(); // in the intake: nothing to plan yet
    let whole = planned(&url, 2).await;
    assert!(whole.len() >= 2, "{whole:?}");

    let mut side = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("DELETE FROM reminders WHERE user_id = 1")
        .execute(&mut side)
        .await
        .unwrap();
    sqlx::query("DELETE FROM reminders WHERE user_id = 2 AND kind = 'daily_session'")
        .execute(&mut side)
        .await
        .unwrap();
    let before3 = planned(&url, 3).await;

    let sweep = hipcoach::housekeeping::plan_missing(&engine, now(), 0, 100)
        .await
        .unwrap();
    assert_eq!(sweep.replanned, vec![1, 2]);
    assert_eq!(sweep.checked, 4);
    let kinds = |rows: Vec<(String, i64)>| rows.into_iter().map(|(k, _)| k).collect::<Vec<_>>();
    assert_eq!(kinds(planned(&url, 1).await), kinds(whole.clone()));
    assert_eq!(kinds(planned(&url, 2).await), kinds(whole));
    assert_eq!(planned(&url, 3).await, before3, "the others untouched");
    assert!(planned(&url, 4).await.is_empty());

    let again = hipcoach::housekeeping::plan_missing(&engine, now(), 0, 100)
        .await
        .unwrap();
    assert!(again.replanned.is_empty(), "{again:?}");
    // A slice at a time: the sweep goes round everyone in turn.
    let first = hipcoach::housekeeping::plan_missing(&engine, now(), 0, 2)
        .await
        .unwrap();
    assert_eq!((first.checked, first.last), (2, Some(2)));
    let rest = hipcoach::housekeeping::plan_missing(&engine, now(), 2, 2)
        .await
        .unwrap();
    assert_eq!((rest.checked, rest.last), (2, Some(4)));
}

/// /delete while someone else reads the database (an operator's sqlite3 shell, a backup
/// tool): the person's bytes may stay while the reader does, and are gone from the file
/// and its WAL once the reader is.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_leaves_no_byte_once_a_concurrent_reader_is_gone() {
    use sqlx::Connection;
    use std::time::Duration;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reader.db").display().to_string();
    let url = format!("sqlite://{path}");
    let engine = Engine::new(
        Store::open_with(&url, Duration::from_millis(200))
            .await
            .unwrap(),
    );
    coached_in(&engine, 1, "Pacific/Chatham").await;
    coached(&engine, 2).await;
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
    assert!(contains(&bytes(), "Pacific/Chatham"), "stored before");

    // A reader holds a snapshot open.
    let mut reader = sqlx::SqliteConnection::connect(&url).await.unwrap();
    sqlx::query("BEGIN").execute(&mut reader).await.unwrap();
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM people")
        .fetch_one(&mut reader)
        .await
        .unwrap();
    assert_eq!(n, 2);

    engine.handle(&said(1, "/delete"), now()).await.unwrap();
    let done = engine
        .handle(&pressed(&engine, 1, "o:delete_all").await, now())
        .await
        .unwrap();
    assert!(
        done.messages[0].text.contains("erased"),
        "{:?}",
        done.messages
    );
    assert!(
        contains(&bytes(), "Pacific/Chatham"),
        "while the reader holds its snapshot the old pages cannot be overwritten"
    );

    sqlx::query("COMMIT").execute(&mut reader).await.unwrap();
    drop(reader);
    let mut gone = false;
    for _ in 0..100 {
        if !contains(&bytes(), "Pacific/Chatham") {
            gone = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(gone, "the bytes are gone once the reader is");
    let wal = std::fs::metadata(format!("{path}-wal")).map_or(0, |m| m.len());
    assert_eq!(wal, 0, "the WAL is truncated");
}
