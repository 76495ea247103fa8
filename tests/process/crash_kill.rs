//! Crashes: the real binary is killed with SIGKILL again and again while it drains
//! reminders to a local Bot API server, and restarted each time. Afterwards every person
//! got their reminder (nothing lost) and there is at most one duplicate per kill.
//!
//! Timeouts only stop a broken run from hanging; nothing asserts on durations.

use crate::support::answers;

use crate::support::fake_bot_api;

use crate::support::press;

use std::collections::HashMap;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use chrono::Utc;
use fake_bot_api::FakeBotApi;
use hipcoach::core::{Incoming, Input, Lang};
use hipcoach::engine::Engine;
use hipcoach::store::Store;
use sqlx::Connection;

const PEOPLE: i64 = 150;
const KILLS: usize = 6;
const DAILY: &str = "Time for today's drills";

/// One person through consent, the intake and the tests (a program, a drill time).
async fn template(engine: &Engine) {
    let now = Utc::now();
    let send = async |input: Input| {
        let input = press::on_open_question(engine, 1, input).await;
        let incoming = Incoming {
            user: 1,
            lang: Lang::En,
            input,
        };
        engine.handle(&incoming, now).await.unwrap();
    };
    send(Input::Text("/start".into())).await;
    send(Input::Button("c:y".into())).await;
    send(Input::Text("Berlin".into())).await;
    send(Input::Button("z:y".into())).await;
    for text in answers::INTAKE_AND_TESTS {
        send(Input::Text(text.into())).await;
    }
}

/// The database: the template copied to people 2..=PEOPLE, each with a daily-session
/// reminder that fell due a minute ago.
async fn seed(url: &str) {
    let engine = Engine::new(Store::open(url).await.unwrap());
    template(&engine).await;
    engine.store().close().await;
    let mut db = sqlx::SqliteConnection::connect(url).await.unwrap();
    sqlx::query("CREATE TEMP TABLE t AS SELECT * FROM people WHERE user_id = 1")
        .execute(&mut db)
        .await
        .unwrap();
    for user in 2..=PEOPLE {
        sqlx::query("UPDATE t SET user_id = ?")
            .bind(user)
            .execute(&mut db)
            .await
            .unwrap();
        sqlx::query("INSERT INTO people SELECT * FROM t")
            .execute(&mut db)
            .await
            .unwrap();
    }
    // The template's answers count as delivered; only the reminders are to go out.
    for table in ["reminders", "outbox"] {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&mut db)
            .await
            .unwrap();
    }
    let due = Utc::now().timestamp() - 60;
    for user in 1..=PEOPLE {
        sqlx::query("INSERT INTO reminders (user_id, kind, due_at) VALUES (?, 'daily_session', ?)")
            .bind(user)
            .bind(due)
            .execute(&mut db)
            .await
            .unwrap();
    }
    db.close().await.unwrap();
}

fn start(fake: &FakeBotApi, url: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_hipcoach"))
        .arg("run")
        .env("TELOXIDE_TOKEN", "123456:TEST-token")
        .env("TELOXIDE_API_URL", fake.url())
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the hipcoach binary")
}

/// Daily-session messages received per chat.
fn received(fake: &FakeBotApi) -> HashMap<i64, usize> {
    let mut counts = HashMap::new();
    for m in fake.sent() {
        if m.text().starts_with(DAILY) {
            *counts.entry(m.chat_id).or_insert(0) += 1;
        }
    }
    counts
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_nine_while_draining_loses_nothing_and_repeats_at_most_one_per_kill() {
    let _alone = crate::alone().await;
    let fake = FakeBotApi::start().await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("crash.db").display());
    seed(&url).await;

    // Kill it at staggered moments while it sends (about 29 messages a second).
    let mut kills = 0;
    let mut reached = Vec::new();
    for round in 0..KILLS {
        let mut bot = start(&fake, &url);
        tokio::time::sleep(Duration::from_millis(500 + 150 * round as u64)).await;
        bot.kill().expect("SIGKILL");
        bot.wait().unwrap();
        kills += 1;
        reached.push(received(&fake).len());
        println!(
            "after kill {kills}: {} people reached",
            received(&fake).len()
        );
        if received(&fake).len() as i64 == PEOPLE {
            break;
        }
    }
    // A last run finishes the queue.
    let mut bot = start(&fake, &url);
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while (received(&fake).len() as i64) < PEOPLE && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Give a stray duplicate a moment to show up before counting.
    tokio::time::sleep(Duration::from_millis(500)).await;
    bot.kill().ok();
    bot.wait().ok();

    let counts = received(&fake);
    let missing: Vec<i64> = (1..=PEOPLE).filter(|u| !counts.contains_key(u)).collect();
    assert!(missing.is_empty(), "lost: {missing:?}");
    let duplicates: usize = counts.values().map(|n| n - 1).sum();
    println!("{PEOPLE} people, {kills} kills, {duplicates} duplicates");
    assert!(
        duplicates <= kills,
        "{duplicates} duplicates after {kills} kills"
    );
    assert!(
        reached
            .iter()
            .filter(|&&n| n > 0 && n < PEOPLE as usize)
            .count()
            >= 2,
        "at least two kills fell while reminders were going out: {reached:?}"
    );
}

/// The Bot API goes away for a while: the bot keeps polling with back-off, the reminders
/// wait in the outbox, and when it comes back everything is delivered once, and a message
/// the person sent meanwhile is answered.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_outage_of_the_bot_api_is_ridden_out_and_caught_up() {
    let _alone = crate::alone().await;
    // The server enforces Telegram's limits: a flood on return would show as 429s.
    let fake = FakeBotApi::start_with(fake_bot_api::Limits::TELEGRAM).await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("outage.db").display());
    seed(&url).await;
    // Down from the start, for a few seconds.
    fake.fail_for(fake_bot_api::Outage::Disconnect, Duration::from_secs(4));
    let mut bot = start(&fake, &url);
    fake.push_text(7777, "/start");
    let deadline = tokio::time::Instant::now() + Duration::from_secs(60);
    while (received(&fake).len() as i64) < PEOPLE && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let answered = fake
        .wait_for_sent_matching(0, Duration::from_secs(20), |m| {
            m.chat_id == 7777 && m.text().starts_with("Hi, I'm hipcoach.")
        })
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    bot.kill().ok();
    bot.wait().ok();
    let counts = received(&fake);
    assert_eq!(
        counts.len() as i64,
        PEOPLE,
        "every reminder arrived after the outage"
    );
    assert!(counts.values().all(|&n| n == 1), "and each once");
    assert!(
        answered.is_ok(),
        "the message sent during the outage was answered"
    );
    assert_eq!(fake.too_many_requests(), 0, "no flood when it came back");
}
