//! The paid broadcast (`hipcoach run --paid-broadcast`): what a reminder queued goes out
//! with `allow_paid_broadcast`, a reply never does, and without the flag nothing does. The
//! real front end, delivery loop and transport, against the project's fake Bot API.

use crate::support::fake_bot_api;

use std::time::Duration as StdDuration;

use chrono::{Duration, Timelike, Utc};
use fake_bot_api::{FakeBotApi, SentMessage};
use hipcoach::core::values::reminders::{Due, ReminderKind};
use hipcoach::core::{Dialog, Lang, Person, Zone};
use hipcoach::engine::Engine;
use hipcoach::store::Store;
use hipcoach::telegram::{self, TelegramTransport};

const TOKEN: &str = "123456:TEST-TOKEN";
/// Has a movement break due: gets a reminder.
const REMINDED: i64 = 11;
/// Known and idle: their "hello" is answered from the outbox.
const KNOWN: i64 = 12;
/// Never wrote before: their /start is answered.
const STRANGER: i64 = 13;

/// Runs the bot (`paid`: with the paid broadcast at that rate) until the reminder and both
/// replies arrived; returns the first message to each of the three.
async fn first_messages(paid: Option<u32>) -> [SentMessage; 3] {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("bot.db").display());
    let engine = Engine::new(Store::open(&db).await.unwrap());
    let now = Utc::now();
    let consented = now - Duration::days(7);
    let mut tx = engine.store().begin().await.unwrap();
    for id in [REMINDED, KNOWN] {
        let mut person = Person::new(id, Lang::En, consented);
        person.zone = Some(Zone::UTC);
        person.dialog = Dialog::Idle;
        tx.save_person(&person, consented).await.unwrap();
    }
    let due = Due {
        kind: ReminderKind::MovementBreak,
        at: now.with_nanosecond(0).unwrap() - Duration::seconds(1),
    };
    tx.replace_reminders(REMINDED, &[due]).await.unwrap();
    tx.commit().await.unwrap();

    let fake = FakeBotApi::start().await;
    let bot = telegram::bot(TOKEN.to_owned(), Some(fake.url().parse().unwrap())).unwrap();
    let transport = match paid {
        Some(rate) => TelegramTransport::paid_broadcast(bot, rate),
        None => TelegramTransport::new(bot),
    };
    let bot = tokio::spawn(hipcoach::app::serve_telegram(engine, transport));
    fake.push_text(KNOWN, "hello");
    fake.push_text(STRANGER, "/start");
    let deadline = tokio::time::Instant::now() + StdDuration::from_secs(20);
    let firsts = loop {
        let firsts = [REMINDED, KNOWN, STRANGER].map(|c| fake.sent_to(c).into_iter().next());
        if let [Some(a), Some(b), Some(c)] = firsts {
            break [a, b, c];
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "not everyone got a message: {}",
            fake.summary()
        );
        tokio::time::sleep(StdDuration::from_millis(20)).await;
    };
    bot.abort();
    firsts
}

fn paid(message: &SentMessage) -> bool {
    message.body["allow_paid_broadcast"].as_bool() == Some(true)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_the_paid_broadcast_only_reminders_carry_the_flag() {
    let [reminder, reply, first_reply] = first_messages(Some(1_000)).await;
    assert!(paid(&reminder), "the reminder: {}", reminder.body);
    assert!(!paid(&reply), "a reply from the outbox: {}", reply.body);
    assert!(
        !paid(&first_reply),
        "the reply to a stranger: {}",
        first_reply.body
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_paid_broadcast_nothing_carries_the_flag() {
    for message in first_messages(None).await {
        assert!(!paid(&message), "{}", message.body);
    }
}

/// The fake Bot API's paid rule: a send with `allow_paid_broadcast` may use the paid
/// overall limit, one without it only the free one; every send counts towards the paid
/// limit, and one a second per chat holds for both.
#[tokio::test]
async fn the_fake_enforces_the_paid_limit() {
    use fake_bot_api::Limits;
    use teloxide::prelude::*;

    let limits = Limits {
        per_second: 30,
        per_chat_per_second: 1,
        paid_per_second: 50,
    };
    let fake = FakeBotApi::start_with(limits).await;
    let bot = telegram::bot(TOKEN.to_owned(), Some(fake.url().parse().unwrap())).unwrap();
    let started = std::time::Instant::now();
    let free = |chat: i64| bot.send_message(ChatId(chat), "free");
    let paid = |chat: i64| {
        bot.send_message(ChatId(chat), "paid")
            .allow_paid_broadcast(true)
    };
    let mut results = Vec::new();
    // 30 free, then a 31st free; a paid one to chat 101 twice; then paid up to 50 in
    // all, and a 51st paid.
    for chat in 1..=31 {
        results.push(("free", chat, free(chat).await.is_ok()));
    }
    for chat in [101].into_iter().chain(101..=121) {
        results.push(("paid", chat, paid(chat).await.is_ok()));
    }
    // Only meaningful if the machine sent them all within the second.
    if started.elapsed() < StdDuration::from_millis(900) {
        let refused: Vec<_> = results.iter().filter(|(_, _, ok)| !ok).collect();
        assert_eq!(
            refused,
            [
                &("free", 31, false),
                &("paid", 101, false),
                &("paid", 121, false)
            ]
        );
        assert_eq!(fake.sent().len(), 50);
        assert_eq!(fake.too_many_requests(), 3);
    }
}
