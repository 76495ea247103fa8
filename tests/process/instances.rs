//! Three `hipcoach run` processes on one PostgreSQL database, against one local Bot API
//! server that enforces Telegram's limits. One of them delivers (it says "this instance
//! now delivers"); it is killed with SIGKILL while it drains a thousand reminders, and
//! then its successor. Each time another takes over within the ten seconds; every
//! reminder arrives, and none twice beyond the sends that were in flight at the kills.
//! Replies to people who write while three instances run arrive once, whichever instance
//! took the update.
//!
//! The tests skip (and pass) without a PostgreSQL server (`HIPCOACH_TEST_POSTGRES`).
//! Timeouts only stop a broken run from hanging; the ten seconds are the bound.

use crate::support::answers;
use crate::support::backend::TestDb;
use crate::support::fake_bot_api::{self, FakeBotApi};
use crate::support::press;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::Utc;
use hipcoach::core::values::reminders::{Due, ReminderKind};
use hipcoach::core::{Incoming, Input, Lang};
use hipcoach::engine::Engine;
use hipcoach::store::Store;
use sqlx::Connection;

const PEOPLE: i64 = 1_000;
const INSTANCES: usize = 3;
/// Reminders that arrive before the holder is killed (and again before its successor is).
const BEFORE_KILL: usize = 100;
/// Sends the delivery loop has in flight at most (`IN_FLIGHT` in src/delivery.rs). A send
/// is recorded as done right after Telegram answered it; a kill can only repeat the sends
/// that Telegram had taken but whose "done" was not yet committed, one per slot (no
/// replies are queued here, so nothing else sends).
const IN_FLIGHT: usize = 16;
/// The requirement: another instance delivers within this long of a holder's death.
const TAKEOVER: Duration = Duration::from_secs(10);
const DAILY: &str = "Time for today's drills";
const SAYS_IT_DELIVERS: &str = "this instance now delivers";

/// One `hipcoach run` process, its stderr read line by line in a thread of its own.
struct Instance {
    child: Child,
    log: Arc<Mutex<Log>>,
}

#[derive(Default)]
struct Log {
    /// When this instance said it now delivers, each time it did.
    leads: Vec<Instant>,
    /// Every line, for a look when something fails.
    lines: Vec<String>,
}

impl Instance {
    fn start(fake: &FakeBotApi, url: &str) -> Instance {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hipcoach"))
            .arg("run")
            .env("TELOXIDE_TOKEN", "123456:TEST-token")
            .env("TELOXIDE_API_URL", fake.url())
            .env("DATABASE_URL", url)
            // The holder's line is at info; the rest of the bot's chatter stays quiet.
            .env(
                "RUST_LOG",
                "warn,hipcoach::delivery=info,hipcoach::engine=info",
            )
            .env("NO_COLOR", "1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the hipcoach binary");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Log::default()));
        let into = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines() {
                let Ok(line) = line else { break };
                let mut log = into.lock().unwrap();
                if line.contains(SAYS_IT_DELIVERS) {
                    log.leads.push(Instant::now());
                }
                log.lines.push(line);
            }
        });
        Instance { child, log }
    }

    fn leads(&self) -> Vec<Instant> {
        self.log.lock().unwrap().leads.clone()
    }

    /// How many of its lines contain `text`.
    fn said(&self, text: &str) -> usize {
        let log = self.log.lock().unwrap();
        log.lines.iter().filter(|l| l.contains(text)).count()
    }

    fn dump(&self, name: usize) {
        for line in &self.log.lock().unwrap().lines {
            eprintln!("[instance {name}] {line}");
        }
    }

    /// SIGKILL: no clean stop, the lock goes with the process's connections.
    fn kill(&mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().unwrap();
    }
}

/// Every instance still running is killed when the test ends, passed or failed.
struct Instances(Vec<Instance>);

impl Drop for Instances {
    fn drop(&mut self) {
        for instance in &mut self.0 {
            instance.child.kill().ok();
            instance.child.wait().ok();
        }
    }
}

impl Instances {
    fn start(fake: &FakeBotApi, url: &str) -> Instances {
        Instances((0..INSTANCES).map(|_| Instance::start(fake, url)).collect())
    }

    /// The instances that said they deliver, so far.
    fn holders(&self) -> Vec<usize> {
        (0..self.0.len())
            .filter(|&i| !self.0[i].leads().is_empty())
            .collect()
    }

    fn dump(&self) {
        for (i, instance) in self.0.iter().enumerate() {
            instance.dump(i);
        }
    }
}

/// Waits until `done` holds, looking every 20 ms; false if `limit` passed first.
async fn wait_until(limit: Duration, mut done: impl FnMut() -> bool) -> bool {
    let deadline = Instant::now() + limit;
    loop {
        if done() {
            return true;
        }
        if Instant::now() >= deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// One person through consent, the intake and the tests (a program, a drill time).
async fn template(engine: &Engine, user: i64) {
    for input in [
        Input::Text("/start".into()),
        Input::Button("c:y".into()),
        Input::Text("Berlin".into()),
        Input::Button("z:y".into()),
    ]
    .into_iter()
    .chain(answers::INTAKE_AND_TESTS.map(|t| Input::Text(t.into())))
    {
        let input = press::on_open_question(engine, user, input).await;
        let incoming = Incoming {
            user,
            lang: Lang::En,
            input,
        };
        engine.handle(&incoming, Utc::now()).await.unwrap();
    }
}

/// The database: person 1 through the engine, copied to people 2..=`people` through the
/// store; nothing in the outbox; each with a daily-session reminder that fell due a
/// minute ago when `due` (else none at all).
async fn seed(url: &str, people: i64, due: bool) {
    let engine = Engine::new(Store::open(url).await.unwrap());
    template(&engine, 1).await;
    // The template's answers count as delivered, its schedule as none.
    let mut db = sqlx::PgConnection::connect(url).await.unwrap();
    for table in ["outbox", "reminders"] {
        sqlx::query(&format!("DELETE FROM {table}"))
            .execute(&mut db)
            .await
            .unwrap();
    }
    db.close().await.unwrap();
    let now = Utc::now();
    let reminder = [Due {
        kind: ReminderKind::DailySession,
        at: now - chrono::Duration::seconds(60),
    }];
    let mut tx = engine.store().begin().await.unwrap();
    let mut person = tx.load_person(1).await.unwrap().expect("the template");
    for user in 1..=people {
        person.id = user;
        tx.save_person(&person, now).await.unwrap();
        if due {
            tx.replace_reminders(user, &reminder).await.unwrap();
        }
    }
    tx.commit().await.unwrap();
    engine.store().close().await;
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

/// How many messages wait in the outbox (sent or not, a row leaves when it was sent).
async fn outbox_depth(url: &str) -> i64 {
    let mut db = sqlx::PgConnection::connect(url).await.unwrap();
    let depth = sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
        .fetch_one(&mut db)
        .await
        .unwrap();
    db.close().await.ok();
    depth
}

/// Waits (at most `limit`) until `people` chats got something and the outbox is empty,
/// so that no late duplicate can still come; returns the outbox depth at the end.
async fn wait_for_everyone(fake: &FakeBotApi, url: &str, people: i64, limit: Duration) -> i64 {
    let mut depth = i64::MAX;
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if received(fake).len() as i64 == people {
            depth = outbox_depth(url).await;
            if depth == 0 {
                break;
            }
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    depth
}

/// How many people write to the bot in the reply tests.
const WRITERS: i64 = 12;

/// How many times `user` got the /help answer.
fn helps(fake: &FakeBotApi, user: i64) -> usize {
    fake.sent_to(user)
        .iter()
        .filter(|m| m.text().starts_with("Here is what I can do"))
        .count()
}

/// Waits until every writer got the /help answer and the outbox is empty (nothing is
/// left that could still go out twice); the instances' logs are printed if not. Returns
/// whether all were answered, and the outbox depth at the end.
async fn wait_for_helps(fake: &FakeBotApi, url: &str, instances: &Instances) -> (bool, i64) {
    let answered = wait_until(Duration::from_secs(60), || {
        (1..=WRITERS).all(|u| helps(fake, u) >= 1)
    })
    .await;
    let mut depth = i64::MAX;
    let deadline = Instant::now() + Duration::from_secs(30);
    while depth != 0 && Instant::now() < deadline {
        depth = outbox_depth(url).await;
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    if !answered || depth != 0 {
        instances.dump();
    }
    (answered, depth)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_delivering_instance_killed_mid_drain_is_replaced_and_nothing_is_lost() {
    let _alone = crate::alone().await;
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    seed(&db.url, PEOPLE, true).await;
    let fake = FakeBotApi::start_with(fake_bot_api::Limits::TELEGRAM).await;
    let mut instances = Instances::start(&fake, &db.url);

    // The holder is killed, then its successor: the last instance finishes alone.
    let mut killed: Vec<usize> = Vec::new();
    let mut takeovers = Vec::new();
    let mut reached = Vec::new();
    let mut refused = Vec::new();
    for kill in 1..INSTANCES {
        let some_arrived = wait_until(Duration::from_secs(120), || {
            received(&fake).len() >= BEFORE_KILL * kill
        })
        .await;
        if !some_arrived {
            instances.dump();
        }
        assert!(some_arrived, "reminders go out (before kill {kill})");
        let live: Vec<usize> = instances
            .holders()
            .into_iter()
            .filter(|i| !killed.contains(i))
            .collect();
        assert_eq!(live.len(), 1, "exactly one instance delivers: {live:?}");
        let holder = live[0];

        instances.0[holder].kill();
        let at = Instant::now();
        killed.push(holder);
        reached.push(received(&fake).len());
        // Telegram's refusals so far (a new holder's limiter starts empty while Telegram
        // still counts the old holder's last second).
        refused.push(fake.too_many_requests());
        assert!(
            *reached.last().unwrap() < PEOPLE as usize,
            "the kill fell while reminders were going out"
        );

        // Another instance says it delivers, after the kill.
        let successor = || {
            (0..INSTANCES)
                .filter(|i| !killed.contains(i))
                .find(|&i| instances.0[i].leads().last().is_some_and(|t| *t > at))
        };
        let replaced = wait_until(Duration::from_secs(60), || successor().is_some()).await;
        if !replaced {
            instances.dump();
        }
        assert!(replaced, "another instance takes over after kill {kill}");
        let took_over = *instances.0[successor().unwrap()].leads().last().unwrap();
        let takeover = took_over.duration_since(at);
        println!("kill {kill}: takeover after {takeover:?}");
        assert!(
            takeover <= TAKEOVER,
            "another instance delivers within {TAKEOVER:?} of the kill, not {takeover:?}"
        );
        takeovers.push(takeover);
    }

    // Everyone reached, and nothing left to send (so no late duplicate can come).
    let depth = wait_for_everyone(&fake, &db.url, PEOPLE, Duration::from_secs(180)).await;
    let counts = received(&fake);
    let missing: Vec<i64> = (1..=PEOPLE).filter(|u| !counts.contains_key(u)).collect();
    if !missing.is_empty() || depth != 0 {
        instances.dump();
    }
    assert!(missing.is_empty(), "lost: {missing:?}");
    assert_eq!(depth, 0, "the outbox drained");
    let duplicates: usize = counts.values().map(|n| n - 1).sum();
    println!(
        "{PEOPLE} people; reached at the kills {reached:?}; takeovers {takeovers:?}; \
         {duplicates} duplicates; 429s at the kills {refused:?}, {} in all",
        fake.too_many_requests()
    );
    let bound = IN_FLIGHT * killed.len();
    assert!(
        duplicates <= bound,
        "{duplicates} duplicates: more than the {bound} sends that can be in flight at {} kills",
        killed.len()
    );
    // Each instance delivered once, one after the other.
    assert_eq!(
        instances.holders().len(),
        INSTANCES,
        "{:?}",
        instances.holders()
    );
}

/// People write while three instances poll: each update may reach more than one instance
/// (the fake, like Telegram, hands pending updates to whoever polls until one confirms
/// them), one handles it, and the holder sends the reply, once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replies_arrive_once_whichever_instance_took_the_update() {
    let _together = crate::together().await;
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    seed(&db.url, WRITERS, false).await;
    let fake = FakeBotApi::start_with(fake_bot_api::Limits::TELEGRAM).await;
    let instances = Instances::start(&fake, &db.url);
    let led = wait_until(Duration::from_secs(60), || !instances.holders().is_empty()).await;
    assert!(led, "one instance delivers");
    // Every instance polls before anyone writes.
    let polling = wait_until(Duration::from_secs(60), || {
        fake.calls("getUpdates") >= 2 * INSTANCES
    })
    .await;
    assert!(polling, "the instances poll");

    for user in 1..=WRITERS {
        fake.push_text(user, "/help");
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    let help = |user: i64| helps(&fake, user);
    let (answered, depth) = wait_for_helps(&fake, &db.url, &instances).await;
    assert!(answered, "every person got the reply");
    assert_eq!(depth, 0, "the outbox drained");
    for user in 1..=WRITERS {
        assert_eq!(help(user), 1, "person {user} got the reply once");
        assert_eq!(fake.sent_to(user).len(), 1, "and nothing else");
    }
    let holder = instances.holders()[0];
    let handled: Vec<usize> = instances
        .0
        .iter()
        .map(|i| i.said("input handled"))
        .collect();
    let skipped: Vec<usize> = instances
        .0
        .iter()
        .map(|i| i.said("update seen before"))
        .collect();
    println!("holder {holder}; handled per instance {handled:?}; seen twice {skipped:?}");
    assert_eq!(
        handled.iter().sum::<usize>(),
        WRITERS as usize,
        "each update handled once"
    );
}

/// A fourth instance that never delivers (an engine in this process on the same
/// database) handles a person's message: the holder among the three sends the reply,
/// once.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reply_handled_by_an_instance_that_does_not_deliver_is_sent_by_the_holder() {
    let _together = crate::together().await;
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    seed(&db.url, WRITERS, false).await;
    let fake = FakeBotApi::start_with(fake_bot_api::Limits::TELEGRAM).await;
    let instances = Instances::start(&fake, &db.url);
    let led = wait_until(Duration::from_secs(60), || !instances.holders().is_empty()).await;
    assert!(led, "one instance delivers");

    let fourth = Engine::new(Store::open(&db.url).await.unwrap());
    for user in 1..=WRITERS {
        let incoming = Incoming {
            user,
            lang: Lang::En,
            input: Input::Text("/help".into()),
        };
        let queued = fourth.handle(&incoming, Utc::now()).await.unwrap();
        assert!(queued.is_queued(), "the reply waits in the outbox");
    }
    let help = |user: i64| helps(&fake, user);
    let (answered, depth) = wait_for_helps(&fake, &db.url, &instances).await;
    assert!(answered, "the holder sent every reply");
    assert_eq!(depth, 0, "the outbox drained");
    for user in 1..=WRITERS {
        assert_eq!(help(user), 1, "person {user} got the reply once");
    }
    fourth.store().close().await;
}

/// Sends `signal` (`STOP`, `CONT`) to a process.
fn signal(child: &Child, signal: &str) {
    let status = Command::new("kill")
        .arg(format!("-{signal}"))
        .arg(child.id().to_string())
        .status()
        .expect("run kill");
    assert!(status.success(), "kill -{signal}");
}

/// The holder does not die but stops answering (SIGSTOP: a hung process, a paused VM, a
/// host cut off the network): its connections stay open, so its lock stays held unless
/// the server lets go of a session that went silent. Another instance should take over
/// within the same ten seconds; when the old holder wakes up it must not send what the
/// new one sends. (Red before the lock's connection had PostgreSQL's
/// `idle_session_timeout`: no takeover in 15 s.)
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_frozen_holder_is_replaced_too() {
    let _alone = crate::alone().await;
    let Some(db) = TestDb::postgres().await else {
        return;
    };
    const FEW: i64 = 300;
    seed(&db.url, FEW, true).await;
    let fake = FakeBotApi::start_with(fake_bot_api::Limits::TELEGRAM).await;
    let mut instances = Instances::start(&fake, &db.url);
    let some_arrived = wait_until(Duration::from_secs(120), || received(&fake).len() >= 30).await;
    assert!(some_arrived, "reminders go out");
    let holders = instances.holders();
    assert_eq!(
        holders.len(),
        1,
        "exactly one instance delivers: {holders:?}"
    );
    let holder = holders[0];

    signal(&instances.0[holder].child, "STOP");
    let frozen = Instant::now();
    let replaced = wait_until(TAKEOVER + Duration::from_secs(5), || {
        instances.holders().len() > 1
    })
    .await;
    let took = replaced.then(|| {
        let successor = instances
            .holders()
            .into_iter()
            .find(|&i| i != holder)
            .unwrap();
        instances.0[successor].leads()[0].duration_since(frozen)
    });
    println!("takeover after the freeze: {took:?}");
    // Woken again, the old holder finds its lock gone (or keeps it, if nobody took over).
    signal(&instances.0[holder].child, "CONT");
    let depth = wait_for_everyone(&fake, &db.url, FEW, Duration::from_secs(120)).await;
    let counts = received(&fake);
    let duplicates: usize = counts.values().map(|n| n - 1).sum();
    println!(
        "{FEW} people, {} reached, {duplicates} duplicates",
        counts.len()
    );
    let lost: Vec<usize> = instances
        .0
        .iter()
        .map(|i| i.said("delivery stops here"))
        .collect();
    println!("lost the lock, per instance: {lost:?} (the frozen one was {holder})");
    instances.0[holder].kill();
    assert!(
        took.is_some_and(|t| t <= TAKEOVER),
        "another instance delivers within {TAKEOVER:?} of the holder freezing: {took:?}"
    );
    assert_eq!(counts.len() as i64, FEW, "everyone reached");
    assert_eq!(depth, 0, "the outbox drained");
    assert!(duplicates <= IN_FLIGHT, "{duplicates} duplicates");
}
