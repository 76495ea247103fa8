//! The store and the engine on a fresh database per test (SQLite, and PostgreSQL where
//! the test says `on_both!`): state survives a restart,
//! declining leaves no row, and a row this version cannot read never locks anyone out.

use crate::support::answers;
use crate::support::backend::on_both;
use crate::support::press;

use chrono::{DateTime, Utc};
use hipcoach::core::{Dialog, Event, Incoming, Input, Lang, Zone};
use hipcoach::engine::{Engine, Queued};
use hipcoach::store::Store;
use sqlx::Row;
use tempfile::TempDir;

struct Db {
    _dir: TempDir,
    url: String,
}

fn fresh_db() -> Db {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("hipcoach.db").display());
    Db { _dir: dir, url }
}

fn now() -> DateTime<Utc> {
    "2026-11-21T08:20:00Z".parse().unwrap()
}

async fn send(engine: &Engine, input: Input) -> Queued {
    let input = press::on_open_question(engine, 7, input).await;
    let incoming = Incoming {
        user: 7,
        lang: Lang::En,
        input,
    };
    engine.handle(&incoming, now()).await.unwrap()
}

async fn say(engine: &Engine, text: &str) -> Queued {
    send(engine, Input::Text(text.into())).await
}

fn joined(outbox: &Queued) -> String {
    outbox
        .messages
        .iter()
        .map(|m| m.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

on_both!(
    async fn a_restart_in_the_middle_of_the_conversation_continues_it(db) {
        {
            let engine = Engine::new(Store::open(&db.url).await.unwrap());
            say(&engine, "/start").await;
            send(&engine, Input::Button("c:y".into())).await;
            let out = say(&engine, "Kathmandu").await;
            assert!(joined(&out).contains("14:05"));
            engine.store().close().await;
        }
        // A new process: same file, new pool.
        let engine = Engine::new(Store::open(&db.url).await.unwrap());
        let out = send(&engine, Input::Button("z:y".into())).await;
        assert!(
            joined(&out).contains("Saved: Asia/Kathmandu"),
            "{}",
            joined(&out)
        );
        assert_eq!(
            out.events,
            [Event::TimezoneSet {
                tz: Zone::from_name("Asia/Kathmandu").unwrap()
            }]
        );

        let mut tx = engine.store().begin().await.unwrap();
        let person = tx.load_person(7).await.unwrap().unwrap();
        assert_eq!(person.zone, Zone::from_name("Asia/Kathmandu"));
        assert!(
            matches!(person.dialog, Dialog::Ask { .. }),
            "the intake comes next"
        );
        assert_eq!(person.consented_at, now());
    }
);

on_both!(
    async fn start_after_a_restart_asks_the_open_question_again(db) {
        {
            let engine = Engine::new(Store::open(&db.url).await.unwrap());
            say(&engine, "/start").await;
            send(&engine, Input::Button("c:y".into())).await;
            engine.store().close().await;
        }
        let engine = Engine::new(Store::open(&db.url).await.unwrap());
        let out = say(&engine, "/start").await;
        assert!(joined(&out).contains("Welcome back"));
        assert!(joined(&out).contains("Where are you?"));
    }
);

on_both!(
    async fn declining_leaves_no_row_and_consent_creates_one(db) {
        let engine = Engine::new(Store::open(&db.url).await.unwrap());
        say(&engine, "/start").await;
        send(&engine, Input::Button("c:n".into())).await;
        assert!(engine.store().export(7).await.unwrap().is_none());

        say(&engine, "/start").await;
        send(&engine, Input::Button("c:y".into())).await;
        assert!(engine.store().export(7).await.unwrap().is_some());
    }
);

on_both!(
    async fn a_stored_state_this_version_cannot_read_resets_with_an_apology(db) {
        let engine = Engine::new(Store::open(&db.url).await.unwrap());
        say(&engine, "/start").await;
        send(&engine, Input::Button("c:y".into())).await;
        let mut tx = engine.store().begin().await.unwrap();
        tx.set_raw_dialog(7, r#"{"step":"a_question_from_a_newer_version","x":1}"#)
            .await
            .unwrap();
        tx.commit().await.unwrap();

        let out = say(&engine, "Berlin").await;
        assert!(
            joined(&out).starts_with("Sorry, I lost track"),
            "{}",
            joined(&out)
        );
        assert!(joined(&out).contains("Where are you?"));
        // Not a soft-lock: the next answer is read normally.
        let out = say(&engine, "Berlin").await;
        assert!(joined(&out).contains("Europe/Berlin"));
    }
);

#[tokio::test]
async fn the_database_runs_in_wal_mode_with_normal_sync() {
    let db = fresh_db();
    let store = Store::open(&db.url).await.unwrap();
    let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
    let mode: String = sqlx::query("PRAGMA journal_mode")
        .fetch_one(&pool)
        .await
        .unwrap()
        .get(0);
    assert_eq!(mode, "wal");
    store.close().await;
}

#[tokio::test]
async fn an_in_memory_database_works_for_a_throwaway_run() {
    let engine = Engine::new(Store::open("sqlite::memory:").await.unwrap());
    say(&engine, "/start").await;
    send(&engine, Input::Button("c:y".into())).await;
    let out = say(&engine, "Berlin").await;
    assert!(joined(&out).contains("Europe/Berlin"));
}

on_both!(
    async fn the_intake_continues_at_the_same_question_after_a_restart_and_assessments_are_kept(db) {
        {
            let engine = Engine::new(Store::open(&db.url).await.unwrap());
            say(&engine, "/start").await;
            send(&engine, Input::Button("c:y".into())).await;
            say(&engine, "Berlin").await;
            send(&engine, Input::Button("z:y".into())).await;
            say(&engine, "52").await;
            say(&engine, "cycling").await;
            engine.store().close().await;
        }
        let engine = Engine::new(Store::open(&db.url).await.unwrap());
        let out = say(&engine, "/start").await;
        assert!(
            joined(&out).contains("Continue where you left off"),
            "{}",
            joined(&out)
        );
        let out = send(&engine, Input::Button("o:continue".into())).await;
        assert!(
            joined(&out).contains("how many hours do you sit"),
            "{}",
            joined(&out)
        );
        for answer in [
            "8",
            "9-17",
            "none",
            "18:00",
            "every day",
            "nowhere",
            "none",
            "none",
        ] {
            say(&engine, answer).await;
        }
        for code in [
            "b2", "b1", "skip", "skip", "skip", "skip", "even", "pass", "pass", "p0",
        ] {
            send(&engine, Input::Button(format!("o:{code}"))).await;
        }
        engine.store().close().await;

        // After another restart the profile and the assessment are all there.
        let engine = Engine::new(Store::open(&db.url).await.unwrap());
        let mut tx = engine.store().begin().await.unwrap();
        let person = tx.load_person(7).await.unwrap().unwrap();
        assert_eq!(person.profile.age, Some(52));
        assert_eq!(person.profile.sitting_hours, Some(8));
        assert_eq!(person.profile.pain_sites, Some(vec![]));
        assert_eq!(
            person.profile.drill_time.map(|t| t.to_string()),
            Some("18:00:00".into())
        );
        assert_eq!(
            person.profile.training_days,
            Some(hipcoach::core::values::measures::Weekdays::EVERY_DAY)
        );
        let last = person.history.last.expect("the assessment was stored");
        assert_eq!(
            (last.left.internal, last.right.internal),
            (Some(35), Some(25))
        );
        assert_eq!(person.dialog, Dialog::Idle);
        drop(tx);

        let (export, _) = engine.store().export(7).await.unwrap().unwrap();
        let row = &export["assessments"][0];
        assert_eq!(row["asymmetry"], 10);
        assert_eq!(row["track"], "limited_internal_rotation");
        assert!(row["answers"].get("seated_left").is_some(), "{row}");
    }
);

/// A database from before the safety hold: a program stopped by the stop rule, and red
/// flags not yet cleared. Opening it with this version holds both people.
#[tokio::test]
async fn the_old_implicit_holds_become_the_safety_hold() {
    let db = fresh_db();
    {
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(db.url.trim_start_matches("sqlite://"))
            .create_if_missing(true);
        let pool = sqlx::SqlitePool::connect_with(options).await.unwrap();
        let mut old = sqlx::migrate!("./migrations/sqlite");
        old.migrations = std::borrow::Cow::Owned(
            old.migrations
                .iter()
                .filter(|m| m.version <= 5)
                .cloned()
                .collect(),
        );
        old.run(&pool).await.unwrap();
        for (id, stopped, flags) in [
            (1, Some("2026-11-20T18:00:00Z"), ""),
            (2, None, "swelling"),
            (3, None, ""),
        ] {
            sqlx::query(
                "INSERT INTO people (user_id, lang, consented_at, zone, dialog, created_at,
                    updated_at, red_flags, program_track, program_phase, program_level,
                    program_started_at, program_stopped_at)
                 VALUES (?, 'en', ?, 'Europe/Berlin', '{\"step\":\"idle\"}', ?, ?, ?,
                    'limited_internal_rotation', 1, 2, ?, ?)",
            )
            .bind(id)
            .bind(now())
            .bind(now())
            .bind(now())
            .bind(flags)
            .bind(now())
            .bind(stopped)
            .execute(&pool)
            .await
            .unwrap();
        }
        pool.close().await;
    }
    let store = Store::open(&db.url).await.unwrap();
    let mut tx = store.begin().await.unwrap();
    let stopped = tx.load_person(1).await.unwrap().unwrap();
    let flagged = tx.load_person(2).await.unwrap().unwrap();
    let fine = tx.load_person(3).await.unwrap().unwrap();
    let cause = |p: &hipcoach::core::Person| p.hold.as_ref().map(|h| h.cause);
    use hipcoach::core::rules::safety::HoldCause;
    assert_eq!(cause(&stopped), Some(HoldCause::RepeatedPain));
    assert_eq!(cause(&flagged), Some(HoldCause::IntakeRedFlags));
    assert_eq!(
        flagged.hold.unwrap().flags,
        [hipcoach::core::values::profile::RedFlag::Swelling]
    );
    assert_eq!(cause(&fine), None);
}

/// The daily session reminder planned for user 7, in Unix seconds.
async fn daily_due(url: &str) -> i64 {
    let pool = sqlx::SqlitePool::connect(url).await.unwrap();
    let due = sqlx::query_scalar(
        "SELECT due_at FROM reminders WHERE user_id = 7 AND kind = 'daily_session'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    due
}

#[tokio::test]
async fn someone_stored_before_the_training_days_keeps_every_day_and_is_not_asked() {
    let db = fresh_db();
    // Saturday 21 November 2026; drills at 18:00 Berlin (17:00 UTC) on Mon, Wed and Fri.
    let saturday_drills = "2026-11-21T17:00:00Z".parse::<DateTime<Utc>>().unwrap();
    let monday_drills = "2026-11-23T17:00:00Z".parse::<DateTime<Utc>>().unwrap();
    {
        let engine = Engine::new(Store::open(&db.url).await.unwrap());
        say(&engine, "/start").await;
        send(&engine, Input::Button("c:y".into())).await;
        say(&engine, "Berlin").await;
        send(&engine, Input::Button("z:y".into())).await;
        for answer in answers::INTAKE_AND_TESTS {
            say(&engine, answer).await;
        }
        engine.store().close().await;
    }
    assert_eq!(daily_due(&db.url).await, monday_drills.timestamp());

    // As migration 0007 leaves a person who joined before: no training days (NULL).
    let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
    sqlx::query("UPDATE people SET training_days = NULL WHERE user_id = 7")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    let engine = Engine::new(Store::open(&db.url).await.unwrap());
    let mut tx = engine.store().begin().await.unwrap();
    let person = tx.load_person(7).await.unwrap().unwrap();
    assert_eq!(person.profile.training_days, None);
    assert!(person.program.is_some());
    drop(tx);

    let out = say(&engine, "/start").await;
    let shown = joined(&out);
    assert!(shown.contains("Welcome back"), "{shown}");
    assert!(!shown.contains("On which days"), "asked again: {shown}");
    // The reminder is planned every day again, as before: Saturday's comes.
    assert_eq!(daily_due(&db.url).await, saturday_drills.timestamp());
    // Written back as it was: still NULL.
    let pool = sqlx::SqlitePool::connect(&db.url).await.unwrap();
    let stored: Option<i64> =
        sqlx::query_scalar("SELECT training_days FROM people WHERE user_id = 7")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(stored, None);
    pool.close().await;
}

on_both!(
    /// The week in review reads the break answers and decisions loaded with the person, and
    /// its switch (/stats off) is stored (migration 0011).
    async fn break_answers_decisions_and_the_review_switch_are_loaded_with_the_person(db) {
        use hipcoach::core::rules::catalog::Phase;
        use hipcoach::core::rules::program::Position;
        use hipcoach::core::rules::progression::{Decision, Rule, Verdict};
        let engine = Engine::new(Store::open(&db.url).await.unwrap());
        say(&engine, "/start").await;
        send(&engine, Input::Button("c:y".into())).await;
        let out = say(&engine, "/stats off").await;
        assert!(joined(&out).contains("review is off"), "{}", joined(&out));
        let mut tx = engine.store().begin().await.unwrap();
        tx.insert_break_answer(7, now(), "snooze").await.unwrap();
        let verdict = Verdict {
            decision: Decision::Regress,
            rule: Rule::RegressUnsettled,
            from: Position::new(Phase::Activation, 2),
            to: Position::new(Phase::Activation, 1),
        };
        tx.insert_decision(7, &verdict, now()).await.unwrap();
        tx.commit().await.unwrap();

        let mut tx = engine.store().begin().await.unwrap();
        let person = tx.load_person(7).await.unwrap().unwrap();
        assert!(!person.settings.weekly_review);
        assert_eq!(person.recent.breaks.len(), 1);
        assert_eq!(person.recent.breaks[0].answer, "snooze");
        assert_eq!(person.recent.breaks[0].at, now());
        assert_eq!(person.recent.decisions.len(), 1);
        assert_eq!(person.recent.decisions[0].rule, Rule::RegressUnsettled);
        assert_eq!(
            (
                person.recent.decisions[0].phase,
                person.recent.decisions[0].level
            ),
            (1, 1)
        );
    }
);
