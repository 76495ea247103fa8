//! Every saved answer gets its reply: through a kill right after the commit, a 502 from
//! the Bot API, a chart or a file that fails, two delivery loops on one database, and a
//! panic while handling one person's update. The real dispatcher, engine, store and
//! transport, against the project's fake Bot API server.

use crate::support::answers;
use crate::support::fake_bot_api;
use crate::support::press;
use crate::support::profile as profile_support;

use std::time::Duration;

use chrono::Utc;
use fake_bot_api::{FakeBotApi, SentMessage};
use hipcoach::core::{Incoming, Input, Lang, Person, Transition};
use hipcoach::engine::Engine;
use hipcoach::store::Store;
use hipcoach::telegram;
use serde_json::json;

const TOKEN: &str = "123456:TEST-TOKEN";
/// Long enough for a retry after the first back-off (2 s) on a busy machine.
const PATIENCE: Duration = Duration::from_secs(30);

struct World {
    api: FakeBotApi,
    dir: tempfile::TempDir,
    db: String,
}

impl World {
    async fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let db = format!("sqlite://{}", dir.path().join("bot.db").display());
        World {
            api: FakeBotApi::start().await,
            dir,
            db,
        }
    }

    async fn engine(&self) -> Engine {
        Engine::new(Store::open(&self.db).await.unwrap())
    }

    /// The bot, as `hipcoach run` runs it, on `engine`.
    fn run(&self, engine: Engine) -> tokio::task::JoinHandle<anyhow::Result<()>> {
        let bot = telegram::bot(TOKEN.into(), Some(self.api.url().parse().unwrap())).unwrap();
        tokio::spawn(hipcoach::app::serve_telegram(
            engine,
            telegram::TelegramTransport::new(bot),
        ))
    }

    /// Waits until `user` has more than `seen` messages; returns them all.
    async fn messages_after(&self, user: i64, seen: usize) -> Vec<SentMessage> {
        let deadline = tokio::time::Instant::now() + PATIENCE;
        loop {
            let sent = self.api.sent_to(user);
            if sent.len() > seen {
                return sent;
            }
            assert!(
                tokio::time::Instant::now() < deadline,
                "no new message to {user} after {seen}: {}",
                self.api.summary()
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// `user` consents through the buttons and reaches the time-zone question.
    async fn consent(&self, user: i64) {
        self.api.push_text(user, "/start");
        let sent = self.messages_after(user, 0).await;
        let consent = sent.last().unwrap();
        let yes = consent
            .callback_data()
            .into_iter()
            .find(|d| d.ends_with("c:y"))
            .expect("a consent button");
        self.api.push_callback(user, &yes, consent.message_id);
        self.messages_after(user, sent.len()).await;
    }
}

/// Someone who went through the intake and the tests (a program, a chart to draw), made
/// through the engine; what the engine queued for them is taken as delivered.
async fn with_program(engine: &Engine, user: i64) {
    let now = Utc::now();
    let mut inputs = vec![
        Input::Text("/start".into()),
        Input::Button("c:y".into()),
        Input::Text("Berlin".into()),
        Input::Button("z:y".into()),
    ];
    inputs.extend(answers::INTAKE_AND_TESTS.map(|a| Input::Text(a.into())));
    for input in inputs {
        let incoming = Incoming {
            user,
            lang: Lang::En,
            input: press::on_open_question(engine, user, input).await,
        };
        let outbox = engine.handle(&incoming, now).await.unwrap();
        for id in outbox.rows {
            engine.store().outbox_done(id).await.unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_saved_before_a_kill_is_sent_by_the_next_run() {
    let world = World::new().await;
    let user = 41;
    // The input is handled and committed, then the process dies before it sends anything.
    let engine = world.engine().await;
    let incoming = Incoming {
        user,
        lang: Lang::En,
        input: Input::Text("/start".into()),
    };
    engine.handle(&incoming, Utc::now()).await.unwrap();
    let consent = Incoming {
        user,
        lang: Lang::En,
        input: press::on_open_question(&engine, user, Input::Button("c:y".into())).await,
    };
    let answer = engine.handle(&consent, Utc::now()).await.unwrap();
    assert!(!answer.messages.is_empty(), "consent is answered");
    engine.store().close().await;
    drop(engine);
    // The next run delivers the question that was saved with the consent.
    let running = world.run(world.engine().await);
    let sent = world.messages_after(user, 0).await;
    assert_eq!(sent[0].text(), answer.messages[0].text);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(world.api.sent_to(user).len(), 1, "sent once");
    running.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_502_on_a_reply_is_retried_until_it_arrives() {
    let world = World::new().await;
    let running = world.run(world.engine().await);
    let user = 42;
    world.consent(user).await;
    let seen = world.api.sent_to(user).len();
    world.api.queue_response(
        "sendMessage",
        502,
        json!({ "ok": false, "error_code": 502, "description": "Bad Gateway" }),
    );
    world.api.push_text(user, "Berlin");
    let sent = world.messages_after(user, seen).await;
    assert!(
        sent[seen].text().contains("Berlin") || sent[seen].text().contains(':'),
        "the time-zone check arrives: {}",
        sent[seen].text()
    );
    assert_eq!(
        world.api.send_attempts_to(user),
        seen + 2,
        "one 502, one retry"
    );
    running.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_chart_that_fails_does_not_keep_back_the_progress_text() {
    let world = World::new().await;
    let user = 43;
    let engine = world.engine().await;
    with_program(&engine, user).await;
    let running = world.run(engine);
    world.api.queue_response(
        "sendPhoto",
        502,
        json!({ "ok": false, "error_code": 502, "description": "Bad Gateway" }),
    );
    world.api.push_text(user, "/progress");
    let sent = world.messages_after(user, 0).await;
    assert!(!sent[0].text().is_empty(), "the /progress text arrives");
    // The chart comes after its retry.
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while world.api.files_to(user).is_empty() {
        assert!(
            tokio::time::Instant::now() < deadline,
            "the chart never came"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let files = world.api.files_to(user);
    assert_eq!(files.len(), 1, "{files:?}");
    assert_eq!(files[0].method, "sendPhoto");
    assert!(files[0].size > 1_000, "a real PNG: {files:?}");
    running.abort();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_whose_first_file_fails_still_sends_both_files() {
    let world = World::new().await;
    let user = 44;
    let engine = world.engine().await;
    with_program(&engine, user).await;
    let running = world.run(engine);
    world.api.queue_response(
        "sendDocument",
        502,
        json!({ "ok": false, "error_code": 502, "description": "Bad Gateway" }),
    );
    world.api.push_text(user, "/export");
    world.messages_after(user, 0).await;
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while world.api.files_to(user).len() < 2 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "files: {:?}",
            world.api.files_to(user)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    let mut names: Vec<String> = world
        .api
        .files_to(user)
        .into_iter()
        .map(|f| f.name)
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["hipcoach-export.json", "hipcoach-measurements.csv"],
        "each file once"
    );
    running.abort();
}

/// The core, except that the text "boom" makes it panic (a bug on one input).
fn panics_on_boom(
    stored: Option<Person>,
    incoming: &Incoming,
    now: chrono::DateTime<Utc>,
) -> Transition {
    if incoming.input == Input::Text("boom".into()) {
        panic!("a bug reached by one person's input");
    }
    hipcoach::core::step(stored, incoming, now)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panic_on_one_update_is_answered_and_the_bot_serves_on() {
    let world = World::new().await;
    let engine = world.engine().await.with_step(panics_on_boom);
    let running = world.run(engine);
    let (one, two) = (45, 46);
    world.consent(one).await;
    let seen = world.api.sent_to(one).len();
    world.api.push_text(one, "boom");
    let sent = world.messages_after(one, seen).await;
    assert!(
        sent[seen].text().contains("try again"),
        "the person is told: {}",
        sent[seen].text()
    );
    // The same person goes on, and so does everyone else.
    world.api.push_text(one, "Berlin");
    let sent = world.messages_after(one, seen + 1).await;
    assert!(
        sent[seen + 1].text().contains("Berlin"),
        "{}",
        sent[seen + 1].text()
    );
    world.consent(two).await;
    assert!(!running.is_finished(), "the bot is still running");
    running.abort();
    let _ = &world.dir;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_delivery_loops_and_the_replies_send_each_message_once() {
    use chrono::{Duration as ChronoDuration, NaiveTime, Timelike};
    use hipcoach::core::values::measures::{Weekdays, WorkingHours};
    use hipcoach::core::values::reminders::{Due, ReminderKind};
    use hipcoach::core::{Dialog, Zone};
    use hipcoach::delivery;
    use hipcoach::telegram::TelegramTransport;
    use std::sync::Arc;

    let world = World::new().await;
    // Two delivery loops on one database (a second process is refused by the writer
    // lock, see tests/one_writer.rs), and the replies' own sends besides.
    let first = world.engine().await;
    let second = first.clone();
    let t = Utc::now().with_nanosecond(0).unwrap() - ChronoDuration::seconds(1);
    let people: Vec<i64> = (1..=40).collect();
    for &id in &people {
        let mut person = Person::new(id, Lang::En, t - ChronoDuration::days(7));
        person.zone = Some(Zone::UTC);
        person.dialog = Dialog::Idle;
        person.profile.working_hours = Some(WorkingHours {
            days: Weekdays::from_bits(0b111_1111).unwrap(),
            start: NaiveTime::from_hms_opt(0, 0, 0).unwrap(),
            end: NaiveTime::from_hms_opt(23, 0, 0).unwrap(),
        });
        profile_support::answer_the_rest(&mut person.profile);
        let mut tx = first.store().begin().await.unwrap();
        tx.save_person(&person, t).await.unwrap();
        tx.replace_reminders(
            id,
            &[Due {
                kind: ReminderKind::MovementBreak,
                at: t,
            }],
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }
    let transport = |engine: &Engine| {
        let _ = engine;
        let bot = telegram::bot(TOKEN.into(), Some(world.api.url().parse().unwrap())).unwrap();
        Arc::new(TelegramTransport::new(bot))
    };
    let (ta, tb) = (transport(&first), transport(&second));
    delivery::fire_due(&first, Utc::now()).await.unwrap();
    // Both loops drain at once, while each person's messages are also sent the way a
    // reply is.
    let (a, b, c) = tokio::join!(
        async { delivery::drain(&first, &ta, Utc::now).await.unwrap() },
        async { delivery::drain(&second, &tb, Utc::now).await.unwrap() },
        async {
            let mut sent = 0;
            for &id in &people {
                sent += delivery::deliver_now(&first, &*ta, id).await.unwrap().sent;
            }
            sent
        },
    );
    for &id in &people {
        assert_eq!(
            world.api.sent_to(id).len(),
            1,
            "person {id}: sent {a:?}, {b:?} and {c}"
        );
    }
    assert_eq!(a.sent + b.sent + c, people.len());
}
