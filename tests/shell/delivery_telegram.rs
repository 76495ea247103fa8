//! Reminder delivery through the real Telegram transport (teloxide) against the fake Bot
//! API: a 429 is waited out and the message goes once; a 403 deactivates the person and
//! stops everything for them; an outage loses nothing and delivers once the server is back.
//! People and their due reminders are written through the store; `fire_due` puts the
//! messages in the outbox, `drain` sends them.

use crate::support::backend::{TestDb, on_both};
use crate::support::fake_bot_api;

use crate::support::profile as profile_support;

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{DateTime, Duration, NaiveTime, Timelike, Utc};
use fake_bot_api::{FakeBotApi, Limits, Outage};
use hipcoach::core::values::measures::{Weekdays, WorkingHours};
use hipcoach::core::values::reminders::{Due, ReminderKind};
use hipcoach::core::{Dialog, Lang, Person, Zone};
use hipcoach::delivery::{self, Drained};
use hipcoach::engine::Engine;
use hipcoach::store::Store;
use hipcoach::telegram::{self, TelegramTransport};
use sqlx::AnyPool;
use teloxide::RequestError;
use teloxide::prelude::*;

const TOKEN: &str = "123456:TEST-TOKEN";

/// A fresh database, an engine within Telegram's limits, and the transport to the fake.
struct World {
    _db: TestDb,
    engine: Engine,
    transport: Arc<TelegramTransport>,
    /// A second pool on the same database, to look at rows the store has no reader for
    /// (statements with `$1` placeholders, which both backends read).
    pool: AnyPool,
    fake: FakeBotApi,
    /// A whole second, a little in the past: the due time of the reminders.
    t: DateTime<Utc>,
}

impl World {
    /// On a new SQLite file.
    async fn new(fake: FakeBotApi) -> World {
        World::on(TestDb::sqlite(), fake).await
    }

    async fn on(db: TestDb, fake: FakeBotApi) -> World {
        sqlx::any::install_default_drivers();
        let engine = Engine::new(Store::open(&db.url).await.unwrap());
        let pool = AnyPool::connect(&db.url).await.unwrap();
        let bot = telegram::bot(TOKEN.to_owned(), Some(fake.url().parse().unwrap())).unwrap();
        let now = Utc::now();
        World {
            _db: db,
            engine,
            transport: Arc::new(TelegramTransport::new(bot)),
            pool,
            fake,
            t: now.with_nanosecond(0).unwrap() - Duration::seconds(1),
        }
    }

    /// Saves a person in UTC with a movement break due at `self.t`. With `working`, they
    /// work every day 00:00–23:00, so firing plans their next break (a reminder row stays).
    async fn add_person(&self, id: i64, working: bool) {
        let mut person = Person::new(id, Lang::En, self.t - Duration::days(7));
        person.zone = Some(Zone::UTC);
        person.dialog = Dialog::Idle;
        if working {
            person.profile.working_hours = Some(WorkingHours {
                days: Weekdays::from_bits(0b111_1111).unwrap(),
                start: NaiveTime::from_hms_opt(0, 0, 0).unwrap(),
                end: NaiveTime::from_hms_opt(23, 0, 0).unwrap(),
            });
            profile_support::answer_the_rest(&mut person.profile);
        }
        let due = Due {
            kind: ReminderKind::MovementBreak,
            at: self.t,
        };
        let mut tx = self.engine.store().begin().await.unwrap();
        tx.save_person(&person, self.t).await.unwrap();
        tx.replace_reminders(id, &[due]).await.unwrap();
        tx.commit().await.unwrap();
    }

    /// Fires what is due a second after `t`; returns how many messages were queued.
    async fn fire(&self) -> usize {
        let fired = delivery::fire_due(&self.engine, self.t + Duration::seconds(1))
            .await
            .unwrap();
        fired.iter().map(|f| f.queued.rows.len()).sum()
    }

    /// Drains the outbox as if it were `t + offset` (the limiter still runs on the real
    /// clock).
    async fn drain_at(&self, offset: Duration) -> Drained {
        let at = self.t + offset;
        delivery::drain(&self.engine, &self.transport, move || at)
            .await
            .unwrap()
    }

    async fn count(&self, sql: &str, user: i64) -> i64 {
        sqlx::query_scalar(sql)
            .bind(user)
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }

    async fn outbox_of(&self, user: i64) -> i64 {
        self.count("SELECT COUNT(*) FROM outbox WHERE user_id = $1", user)
            .await
    }

    async fn reminders_of(&self, user: i64) -> i64 {
        self.count("SELECT COUNT(*) FROM reminders WHERE user_id = $1", user)
            .await
    }

    async fn outbox_total(&self) -> i64 {
        sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
            .fetch_one(&self.pool)
            .await
            .unwrap()
    }
}

on_both!(
    async fn a_429_is_waited_out_and_the_message_goes_exactly_once(db) {
        let world = World::on(db, FakeBotApi::start().await).await;
        world.add_person(7, false).await;
        assert_eq!(world.fire().await, 1);
        world.fake.queue_retry_after("sendMessage", 1);

        let first = world.drain_at(Duration::seconds(1)).await;
        assert_eq!(
            first,
            Drained {
                sent: 0,
                retried: 1,
                blocked: 0
            }
        );
        assert!(world.fake.sent().is_empty());
        assert_eq!(
            world.outbox_of(7).await,
            1,
            "a refused message stays queued"
        );

        // Not before its retry_after: a drain at the same instant sends nothing.
        assert_eq!(
            world.drain_at(Duration::seconds(1)).await,
            Drained::default()
        );
        assert_eq!(world.fake.calls("sendMessage"), 1);

        let second = world.drain_at(Duration::seconds(3)).await;
        assert_eq!(second.sent, 1, "{}", world.fake.summary());
        assert_eq!(world.fake.sent_to(7).len(), 1);
        assert_eq!(world.fake.calls("sendMessage"), 2);
        assert_eq!(world.fake.too_many_requests(), 1);
        let calls = world.fake.all_calls();
        let sends: Vec<_> = calls.iter().filter(|c| c.method == "sendMessage").collect();
        let gap = sends[1].at - sends[0].at;
        assert!(
            gap >= StdDuration::from_millis(950),
            "retried {gap:?} after a 429 asking for 1 s"
        );
        assert_eq!(world.outbox_of(7).await, 0);

        // Nothing left: a later drain sends nothing more.
        assert_eq!(
            world.drain_at(Duration::seconds(60)).await,
            Drained::default()
        );
        assert_eq!(world.fake.sent_to(7).len(), 1);
    }
);

#[tokio::test]
async fn the_fake_enforces_telegrams_flood_limits() {
    let fake = FakeBotApi::start_with(Limits::TELEGRAM).await;
    let bot = telegram::bot(TOKEN.to_owned(), Some(fake.url().parse().unwrap())).unwrap();
    // A second message to one chat within a second: 429 with retry_after.
    let started = std::time::Instant::now();
    bot.send_message(ChatId(1), "one").await.unwrap();
    match bot.send_message(ChatId(1), "two").await {
        Err(RequestError::RetryAfter(wait)) => assert_eq!(wait.seconds(), 1),
        other => panic!("expected a 429, got {other:?}"),
    }
    // 30 a second overall: chat 1 already had one, so 29 more go and the 31st does not.
    for chat in 2..=30 {
        bot.send_message(ChatId(chat), "hi").await.unwrap();
    }
    let thirty_first = bot.send_message(ChatId(31), "hi").await;
    // Only meaningful if the machine sent all 31 within the second (it takes a few ms).
    if started.elapsed() < StdDuration::from_millis(900) {
        assert!(matches!(thirty_first, Err(RequestError::RetryAfter(_))));
        assert_eq!(fake.sent().len(), 30);
        assert_eq!(fake.too_many_requests(), 2);
    }
    // A second later the window has room again.
    tokio::time::sleep(StdDuration::from_millis(1_050)).await;
    bot.send_message(ChatId(1), "again").await.unwrap();
    assert_eq!(fake.sent_to(1).len(), 2);
}

on_both!(
    async fn under_enforced_limits_everything_arrives_once(db) {
        let world = World::on(db, FakeBotApi::start_with(Limits::TELEGRAM).await).await;
        for id in 1..=20 {
            world.add_person(id, false).await;
        }
        assert_eq!(world.fire().await, 20);
        let mut rounds = 0;
        while world.outbox_total().await > 0 {
            rounds += 1;
            assert!(
                rounds < 50,
                "the outbox does not empty: {}",
                world.fake.summary()
            );
            // The real clock, so retry_after and back-off run as they would.
            delivery::drain(&world.engine, &world.transport, Utc::now)
                .await
                .unwrap();
            tokio::time::sleep(StdDuration::from_millis(200)).await;
        }
        for id in 1..=20 {
            assert_eq!(world.fake.sent_to(id).len(), 1, "chat {id}");
        }
        assert_eq!(
            world.fake.too_many_requests(),
            0,
            "distinct chats at 34 ms spacing stay within 30/s"
        );
    }
);

on_both!(
    async fn a_blocked_person_is_deactivated_and_gets_nothing_more(db) {
        let world = World::on(db, FakeBotApi::start().await).await;
        const BLOCKED: i64 = 41;
        const OTHER: i64 = 42;
        world.add_person(BLOCKED, true).await;
        world.add_person(OTHER, false).await;
        world.fake.block_chat(BLOCKED);
        assert_eq!(world.fire().await, 2);
        assert_eq!(world.outbox_of(BLOCKED).await, 1);
        assert_eq!(
            world.reminders_of(BLOCKED).await,
            1,
            "firing planned the next break"
        );

        let drained = world.drain_at(Duration::seconds(1)).await;
        assert_eq!(
            drained,
            Drained {
                sent: 1,
                retried: 0,
                blocked: 1
            }
        );
        assert_eq!(world.fake.rejections().forbidden, 1);
        assert_eq!(world.fake.sent_to(OTHER).len(), 1);
        assert!(world.fake.sent_to(BLOCKED).is_empty());
        let active: i64 = world
            .count(
                "SELECT COUNT(*) FROM people WHERE user_id = $1 AND active",
                BLOCKED,
            )
            .await;
        assert_eq!(active, 0, "kept, but no longer active");
        assert_eq!(world.outbox_of(BLOCKED).await, 0);
        assert_eq!(world.reminders_of(BLOCKED).await, 0);
        let mut tx = world.engine.store().begin().await.unwrap();
        let person = tx.load_person(BLOCKED).await.unwrap().expect("still kept");
        drop(tx);
        assert!(!person.settings.active);

        // A day later, when breaks would have been due all along: nothing for them.
        let later = world.t + Duration::days(1);
        delivery::fire_due(&world.engine, later).await.unwrap();
        delivery::drain(&world.engine, &world.transport, move || later)
            .await
            .unwrap();
        assert_eq!(world.fake.send_attempts_to(BLOCKED), 1);
        assert_eq!(world.reminders_of(BLOCKED).await, 0);
    }
);

on_both!(
    async fn an_outage_loses_nothing_and_delivers_once_the_server_is_back(db) {
        let world = World::on(db, FakeBotApi::start().await).await;
        for id in [1, 2, 3] {
            world.add_person(id, false).await;
        }
        assert_eq!(world.fire().await, 3);
        world.fake.set_outage(Some(Outage::Disconnect));

        let down = world.drain_at(Duration::seconds(1)).await;
        assert_eq!(
            down,
            Drained {
                sent: 0,
                retried: 3,
                blocked: 0
            }
        );
        assert_eq!(world.fake.rejections().outage, 3);
        assert!(world.fake.sent().is_empty());
        assert_eq!(world.outbox_total().await, 3, "nothing lost");
        let attempts: Vec<i64> = sqlx::query_scalar("SELECT attempts FROM outbox ORDER BY id")
            .fetch_all(&world.pool)
            .await
            .unwrap();
        assert_eq!(attempts, [1, 1, 1]);

        // Back up, but the back-off (2 s after the first failure) has not passed yet.
        world.fake.set_outage(None);
        assert_eq!(
            world.drain_at(Duration::seconds(2)).await,
            Drained::default()
        );
        assert!(world.fake.sent().is_empty());

        let up = world.drain_at(Duration::seconds(4)).await;
        assert_eq!(up.sent, 3, "{}", world.fake.summary());
        for id in [1, 2, 3] {
            assert_eq!(world.fake.sent_to(id).len(), 1, "chat {id}");
        }
        assert_eq!(world.outbox_total().await, 0);
        assert_eq!(
            world.drain_at(Duration::seconds(60)).await,
            Drained::default()
        );
        assert_eq!(world.fake.sent().len(), 3);
    }
);

#[tokio::test]
async fn a_timed_outage_ends_by_itself() {
    let world = World::new(FakeBotApi::start().await).await;
    world.add_person(5, false).await;
    assert_eq!(world.fire().await, 1);
    world
        .fake
        .fail_for(Outage::Disconnect, StdDuration::from_millis(300));
    assert!(world.fake.is_down());
    assert_eq!(world.drain_at(Duration::seconds(1)).await.retried, 1);
    tokio::time::sleep(StdDuration::from_millis(400)).await;
    assert!(!world.fake.is_down());
    assert_eq!(world.drain_at(Duration::seconds(10)).await.sent, 1);
    assert_eq!(world.fake.sent_to(5).len(), 1);
}

/// A 5xx is a failure to retry too, but teloxide sleeps 10 s after any 5xx before it
/// returns the error, so this takes 10 s.
#[tokio::test]
#[ignore = "slow: teloxide waits 10 s after a 5xx"]
async fn a_bad_gateway_is_retried_later() {
    let world = World::new(FakeBotApi::start().await).await;
    world.add_person(9, false).await;
    assert_eq!(world.fire().await, 1);
    world.fake.set_outage(Some(Outage::BadGateway));
    assert_eq!(world.drain_at(Duration::seconds(1)).await.retried, 1);
    world.fake.set_outage(None);
    assert_eq!(world.drain_at(Duration::seconds(10)).await.sent, 1);
    assert_eq!(world.fake.sent_to(9).len(), 1);
}

on_both!(
    /// Two reminders of one person that are both due when the loop looks (it was busy or
    /// down for a few seconds) must both go out. Firing the first re-plans the person with
    /// `next_all(person, now)`, which replaces every kind's row with the next one strictly
    /// after `now`; the second is then "moved" and never fires.
    async fn two_kinds_due_together_both_fire(db) {
        use hipcoach::core::rules::assessment::Track;
        use hipcoach::core::rules::program::Program;
        let world = World::on(db, FakeBotApi::start().await).await;
        let id = 77;
        let mut person = Person::new(id, Lang::En, world.t - Duration::days(7));
        person.zone = Some(Zone::UTC);
        person.dialog = Dialog::Idle;
        person.profile.drill_time = Some(world.t.time());
        person.program = Some(Program::start(
            Track::LimitedInternalRotation,
            2,
            world.t - Duration::days(7),
        ));
        let due = [
            Due {
                kind: ReminderKind::MovementBreak,
                at: world.t - Duration::seconds(2),
            },
            Due {
                kind: ReminderKind::DailySession,
                at: world.t,
            },
        ];
        let mut tx = world.engine.store().begin().await.unwrap();
        tx.save_person(&person, world.t).await.unwrap();
        tx.replace_reminders(id, &due).await.unwrap();
        tx.commit().await.unwrap();
        let fired = delivery::fire_due(&world.engine, world.t + Duration::seconds(5))
            .await
            .unwrap();
        let kinds: Vec<ReminderKind> = fired.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [ReminderKind::MovementBreak, ReminderKind::DailySession]
        );
    }
);

/// A reminder row this version cannot read (a kind written by a newer version, kept after
/// a rollback) would be skipped by `due_reminders` but still counted by `next_due`, so the
/// delivery loop would compute a sleep of zero and spin on the database. It is dropped
/// instead, and nothing due is left for the loop to wake for.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_reminder_row_does_not_make_the_loop_spin() {
    let world = World::new(FakeBotApi::start().await).await;
    world.add_person(3, false).await;
    sqlx::query("UPDATE reminders SET kind = 'kind_from_the_future' WHERE user_id = 3")
        .execute(&world.pool)
        .await
        .unwrap();
    let due = world
        .engine
        .store()
        .due_reminders(Utc::now(), 500)
        .await
        .unwrap();
    assert!(due.is_empty(), "{due:?}");
    let left: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM reminders WHERE kind = 'kind_from_the_future'")
            .fetch_one(&world.pool)
            .await
            .unwrap();
    assert_eq!(left, 0, "the unreadable row is gone");
    let next = world.engine.store().next_due().await.unwrap();
    assert!(
        next.is_none_or(|at| at > Utc::now()),
        "nothing due now keeps the loop awake: {next:?}"
    );
}

/// One person whose reminder cannot be fired (here: a stored value this version cannot
/// decode) must not stop everyone else's. `fire_due` returns at the first error, and
/// `delivery::run` then skips the drain as well; the same row is first again next round.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_failing_reminder_does_not_stop_the_others() {
    let world = World::new(FakeBotApi::start().await).await;
    world.add_person(1, false).await;
    world.add_person(2, false).await;
    sqlx::query("UPDATE people SET consented_at = 'not a time' WHERE user_id = 1")
        .execute(&world.pool)
        .await
        .unwrap();
    sqlx::query("UPDATE reminders SET due_at = due_at - 5 WHERE user_id = 1")
        .execute(&world.pool)
        .await
        .unwrap();
    let task = tokio::spawn(delivery::run(world.engine.clone(), world.transport.clone()));
    let sent = world.fake.wait_for_sent(1, StdDuration::from_secs(3)).await;
    task.abort();
    let sent = sent.unwrap_or_else(|summary| panic!("nothing delivered: {summary}"));
    assert_eq!(sent[0].chat_id, 2);
}

on_both!(
    /// Two movement breaks, the first left unanswered: before the second goes out, the first
    /// loses its buttons (edited with editMessageReplyMarkup, not deleted); the second keeps
    /// its own. A daily reminder in between is not touched.
    async fn a_new_break_takes_the_buttons_off_the_unanswered_one_before(db) {
        let world = World::on(db, FakeBotApi::start().await).await;
        world.add_person(11, true).await;
        assert_eq!(world.fire().await, 1);
        world.drain_at(Duration::seconds(1)).await;
        let first = world.fake.sent_to(11);
        assert_eq!(first.len(), 1);
        let first = first[0].message_id;
        assert_eq!(world.fake.callback_data_of(11, first).len(), 5);

        // The next break, an hour later.
        let next = world.t + Duration::hours(1);
        let due = Due {
            kind: ReminderKind::MovementBreak,
            at: next,
        };
        let mut tx = world.engine.store().begin().await.unwrap();
        tx.replace_reminders(11, &[due]).await.unwrap();
        tx.commit().await.unwrap();
        let fired = delivery::fire_due(&world.engine, next + Duration::seconds(1))
            .await
            .unwrap();
        assert_eq!(fired.len(), 1);
        world
            .drain_at(Duration::hours(1) + Duration::seconds(1))
            .await;

        let sent = world.fake.sent_to(11);
        assert_eq!(sent.len(), 2, "the second break went out");
        let second = sent[1].message_id;
        assert_eq!(world.fake.calls("editMessageReplyMarkup"), 1);
        assert_eq!(world.fake.calls("deleteMessage"), 0);
        assert!(
            world.fake.callback_data_of(11, first).is_empty(),
            "the first break lost its buttons"
        );
        assert_eq!(world.fake.callback_data_of(11, second).len(), 5);
    }
);
