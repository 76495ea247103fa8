//! The HTTP server of `hipcoach run` (the real axum router of `hipcoach::web`) on a local
//! port, with the real engine, store and Telegram transport against the fake Bot API:
//! webhook updates (signed, unsigned, failing), /healthz, /readyz and /metrics.

use crate::support::fake_bot_api;

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, Timelike, Utc};
use fake_bot_api::FakeBotApi;
use hipcoach::core::values::reminders::{Due, ReminderKind};
use hipcoach::core::{Dialog, Lang, Person, Zone};
use hipcoach::delivery;
use hipcoach::engine::Engine;
use hipcoach::limiter::Limiter;
use hipcoach::store::Store;
use hipcoach::telegram::{self, TelegramTransport};
use hipcoach::web::{self, SECRET_HEADER, Webhook};
use serde_json::Value;
use sqlx::SqlitePool;

const TOKEN: &str = "123456:TEST-TOKEN";
const SECRET: &str = "s3cret_-Token";
const USER: i64 = 4242;
const GREETING: &str = "Hi, I'm hipcoach.";
const PATIENCE: StdDuration = StdDuration::from_secs(20);

/// The bot's HTTP server on a fresh database, the fake Bot API its replies go to, and a
/// second pool on the same file to count rows.
struct Server {
    _dir: tempfile::TempDir,
    engine: Engine,
    fake: FakeBotApi,
    pool: SqlitePool,
    base: String,
    http: reqwest::Client,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Server {
    async fn start() -> Server {
        let fake = FakeBotApi::start().await;
        let dir = tempfile::tempdir().unwrap();
        let db = format!("sqlite://{}", dir.path().join("web.db").display());
        let engine = Engine::new(Store::open(&db).await.unwrap());
        let pool = SqlitePool::connect(&db).await.unwrap();
        let bot = telegram::bot(TOKEN.into(), Some(fake.url().parse().unwrap())).unwrap();
        let transport = Arc::new(TelegramTransport::with_limiter(bot, Limiter::unlimited()));
        let webhook =
            Webhook::new(&"https://bot.example/telegram".parse().unwrap(), SECRET).unwrap();
        let router = web::router(engine.clone(), transport, Some(&webhook));
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(web::serve(listener, router, std::future::pending()));
        Server {
            _dir: dir,
            engine,
            fake,
            pool,
            base,
            http: reqwest::Client::new(),
            task,
        }
    }

    /// An update as Telegram would send it: `text` from [`USER`] in their private chat.
    fn update(&self, text: &str) -> Value {
        self.fake.push_text(USER, text);
        self.fake.take_pending().remove(0)
    }

    /// POSTs `body` to the webhook's route with `secret` (if any) in Telegram's header;
    /// returns the status.
    async fn post(&self, body: &str, secret: Option<&str>) -> u16 {
        let mut request = self
            .http
            .post(format!("{}/telegram", self.base))
            .header("content-type", "application/json")
            .body(body.to_owned());
        if let Some(secret) = secret {
            request = request.header(SECRET_HEADER, secret);
        }
        request.send().await.unwrap().status().as_u16()
    }

    async fn get(&self, path: &str) -> (u16, String) {
        let response = self
            .http
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        (response.status().as_u16(), response.text().await.unwrap())
    }

    async fn count(&self, table: &str) -> i64 {
        sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    /// The greetings [`USER`] got so far.
    fn greetings(&self) -> usize {
        self.fake
            .sent_to(USER)
            .iter()
            .filter(|m| m.text().contains(GREETING))
            .count()
    }

    async fn expect_greeting(&self) {
        if let Err(summary) = self
            .fake
            .wait_for_sent_matching(0, PATIENCE, |m| {
                m.chat_id == USER && m.text().contains(GREETING)
            })
            .await
        {
            panic!("no greeting: {summary}");
        }
    }
}

#[tokio::test]
async fn a_signed_update_is_handled_and_answered() {
    let server = Server::start().await;
    let update = server.update("/start").to_string();
    assert_eq!(server.post(&update, Some(SECRET)).await, 200);
    // Answered 200 only after the commit: the update is recorded as handled already.
    assert_eq!(server.count("handled_updates").await, 1);
    server.expect_greeting().await;
    assert_eq!(server.fake.calls("getUpdates"), 0, "nothing polls");
}

#[tokio::test]
async fn a_missing_or_wrong_secret_is_refused_and_nothing_is_stored() {
    let server = Server::start().await;
    let update = server.update("/start").to_string();
    assert_eq!(server.post(&update, None).await, 401);
    assert_eq!(server.post(&update, Some("s3cret_-Tokem")).await, 401);
    assert_eq!(
        server.post(&update, Some("s3cret_-Token-and-more")).await,
        401
    );
    assert_eq!(server.post(&update, Some("")).await, 401);
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    assert_eq!(server.count("handled_updates").await, 0);
    assert_eq!(server.count("people").await, 0);
    assert_eq!(server.count("outbox").await, 0);
    assert_eq!(server.fake.calls("sendMessage"), 0);
}

#[tokio::test]
async fn an_unreadable_update_is_taken_and_nothing_is_done() {
    let server = Server::start().await;
    assert_eq!(
        server.post("{\"update_id\": \"x\"", Some(SECRET)).await,
        200
    );
    assert_eq!(server.post("not json", Some(SECRET)).await, 200);
    assert_eq!(server.count("handled_updates").await, 0);
    assert_eq!(server.fake.calls("sendMessage"), 0);
}

#[tokio::test]
async fn a_failing_store_answers_5xx_and_the_retried_update_is_handled_once() {
    let server = Server::start().await;
    let update = server.update("/start").to_string();
    // Every connection is read-only: the transaction cannot commit.
    server
        .engine
        .store()
        .on_every_connection("PRAGMA query_only = 1", true)
        .await
        .unwrap();
    assert_eq!(server.post(&update, Some(SECRET)).await, 500);
    assert_eq!(server.post(&update, Some(SECRET)).await, 500);
    tokio::time::sleep(StdDuration::from_millis(300)).await;
    assert_eq!(
        server.fake.calls("sendMessage"),
        0,
        "no apology: Telegram sends the update again"
    );
    // Writable again: Telegram's retry is handled, and a further retry (its answer lost,
    // say) changes nothing.
    server
        .engine
        .store()
        .on_every_connection("PRAGMA query_only = 0", false)
        .await
        .unwrap();
    assert_eq!(server.post(&update, Some(SECRET)).await, 200);
    assert_eq!(server.post(&update, Some(SECRET)).await, 200);
    server.expect_greeting().await;
    tokio::time::sleep(StdDuration::from_millis(500)).await;
    assert_eq!(server.greetings(), 1);
    assert_eq!(server.count("handled_updates").await, 1);
}

#[tokio::test]
async fn healthz_lives_and_readyz_needs_the_delivery_loop() {
    let server = Server::start().await;
    assert_eq!(server.get("/healthz").await, (200, "ok\n".to_owned()));
    let (status, body) = server.get("/readyz").await;
    assert_eq!(status, 503);
    assert!(body.contains("delivery loop has not started"), "{body}");

    server.engine.beat(Utc::now());
    assert_eq!(server.get("/readyz").await, (200, "ready\n".to_owned()));

    server.engine.beat(Utc::now() - Duration::seconds(120));
    let (status, body) = server.get("/readyz").await;
    assert_eq!(status, 503);
    assert!(body.contains("silent for 12"), "{body}");
}

#[tokio::test]
async fn readyz_fails_without_the_database() {
    let server = Server::start().await;
    server.engine.beat(Utc::now());
    server.engine.store().close().await;
    let (status, body) = server.get("/readyz").await;
    assert_eq!(status, 503);
    assert!(body.contains("database unreachable"), "{body}");
}

#[tokio::test]
async fn metrics_show_a_handled_update_and_a_fired_reminder() {
    let server = Server::start().await;
    let update = server.update("/start").to_string();
    assert_eq!(server.post(&update, Some(SECRET)).await, 200);
    server.expect_greeting().await;
    // Telegram sends it again (our answer was lost, say).
    assert_eq!(server.post(&update, Some(SECRET)).await, 200);
    // A second person with a movement break due a second ago.
    let t: DateTime<Utc> = Utc::now().with_nanosecond(0).unwrap() - Duration::seconds(1);
    let other = 977_531;
    let mut person = Person::new(other, Lang::En, t - Duration::days(7));
    person.zone = Some(Zone::UTC);
    person.dialog = Dialog::Idle;
    let mut tx = server.engine.store().begin().await.unwrap();
    tx.save_person(&person, t).await.unwrap();
    tx.replace_reminders(
        other,
        &[Due {
            kind: ReminderKind::MovementBreak,
            at: t,
        }],
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    let fired = delivery::fire_due(&server.engine, Utc::now())
        .await
        .unwrap();
    assert_eq!(fired.len(), 1);

    let (status, body) = server.get("/metrics").await;
    assert_eq!(status, 200);
    for series in [
        "hipcoach_updates_handled_total{kind=\"message\",outcome=\"ok\"}",
        "hipcoach_updates_handled_total{kind=\"message\",outcome=\"duplicate\"}",
        "hipcoach_update_handling_seconds_bucket{kind=\"message\",le=\"0.1\"}",
        "hipcoach_reminders_fired_total{kind=\"movement_break\"}",
        "hipcoach_reminder_lateness_seconds_bucket{stage=\"fire\",le=\"5\"}",
        "hipcoach_sends_total{result=\"ok\"}",
        "hipcoach_outbox_depth ",
        "hipcoach_active_people ",
    ] {
        assert!(body.contains(series), "no {series} in\n{body}");
    }
    for private in [USER.to_string(), other.to_string()] {
        assert!(!body.contains(&private), "a user id in /metrics:\n{body}");
    }
}

/// A figure, not a check: webhook updates answered per second, one after the other, each
/// /start from another person (run with `--ignored --nocapture`; build in release for
/// figures worth quoting).
#[tokio::test]
#[ignore = "benchmark"]
async fn bench_webhook_updates() {
    let server = Server::start().await;
    let mut took = Vec::new();
    let started = std::time::Instant::now();
    let n = 300;
    for user in 0..n {
        server.fake.push_text(10_000 + user, "/start");
        let update = server.fake.take_pending().remove(0).to_string();
        let asked = std::time::Instant::now();
        assert_eq!(server.post(&update, Some(SECRET)).await, 200);
        took.push(asked.elapsed());
    }
    let total = started.elapsed();
    took.sort();
    eprintln!(
        "{n} webhook updates in {total:?}: {:.0}/s, p50 {:?}, p99 {:?}",
        f64::from(n as u32) / total.as_secs_f64(),
        took[took.len() / 2],
        took[took.len() * 99 / 100],
    );
}
