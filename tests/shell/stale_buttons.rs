//! A button answers only its own question, through the real transport: the bot on
//! Telegram (`app::serve_telegram`: long polling, the handler tree, the engine on a
//! SQLite file, the delivery loop) against the fake Bot API on localhost. Presses are
//! pushed as callback queries carrying the data of a message the bot really sent. Each
//! stale press gets the polite "earlier question" answer and leaves the stored person as
//! it was.
//!
//! Timeouts only stop a broken run from hanging; nothing asserts on durations.

use crate::support::answers;

use crate::support::fake_bot_api;

use std::time::Duration;

use chrono::Utc;
use fake_bot_api::{FakeBotApi, SentMessage};
use hipcoach::core::Dialog;
use hipcoach::core::Person;
use hipcoach::core::rules::assessment::{TestAnswer, TestStep};
use hipcoach::core::values::reminders::{Due, ReminderKind};
use hipcoach::engine::Engine;
use hipcoach::limiter::Limiter;
use hipcoach::store::Store;
use hipcoach::telegram;
use tempfile::TempDir;

const TOKEN: &str = "123456:TEST-token";
const USER: i64 = 5151;
const PATIENCE: Duration = Duration::from_secs(20);
const EXPIRED: &str = "That button belongs to an earlier question.";

/// The bot running in this process against the fake server.
struct Live {
    fake: FakeBotApi,
    engine: Engine,
    bot: tokio::task::JoinHandle<anyhow::Result<()>>,
    /// Sent messages looked at so far: the next wait starts after them.
    seen: usize,
    url: String,
    _dir: TempDir,
}

impl Drop for Live {
    fn drop(&mut self) {
        self.bot.abort();
    }
}

impl Live {
    async fn start() -> Live {
        let fake = FakeBotApi::start().await;
        let dir = tempfile::tempdir().expect("a temporary directory");
        let url = format!("sqlite://{}", dir.path().join("stale.db").display());
        let engine = Engine::new(Store::open(&url).await.expect("the store opens"));
        let client = telegram::bot(TOKEN.to_owned(), Some(fake.url().parse().unwrap())).unwrap();
        let bot = tokio::spawn(hipcoach::app::serve_telegram(
            engine.clone(),
            telegram::TelegramTransport::with_limiter(client, Limiter::unlimited()),
        ));
        Live {
            fake,
            engine,
            bot,
            seen: 0,
            url,
            _dir: dir,
        }
    }

    /// Waits for the next message (after those already seen) whose text contains `text`.
    async fn expect(&mut self, text: &str) -> SentMessage {
        match self
            .fake
            .wait_for_sent_matching(self.seen, PATIENCE, |m| {
                m.chat_id == USER && m.text().contains(text)
            })
            .await
        {
            Ok((at, message)) => {
                self.seen = at + 1;
                message
            }
            Err(summary) => panic!("no message with {text:?}: {summary}"),
        }
    }

    /// Types `text` and waits for a message containing `answer`.
    async fn say(&mut self, text: &str, answer: &str) -> SentMessage {
        self.fake.push_text(USER, text);
        self.expect(answer).await
    }

    /// Pushes a tap on the button whose action is `action` under `message`, with the
    /// data that message was sent with.
    fn press(&self, message: &SentMessage, action: &str) {
        let data = data_for(&message.callback_data(), action);
        self.fake.push_callback(USER, &data, message.message_id);
    }

    /// The stored person.
    async fn person(&self) -> Person {
        let mut tx = self.engine.store().begin().await.unwrap();
        let person = tx
            .load_person(USER)
            .await
            .unwrap()
            .expect("a stored person");
        tx.commit().await.unwrap();
        person
    }

    /// Rows of `table` kept for the person (read past the store, on the same file).
    async fn count(&self, table: &str) -> i64 {
        let pool = sqlx::SqlitePool::connect(&self.url).await.unwrap();
        let n = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table} WHERE user_id = ?"))
            .bind(USER)
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        n
    }

    /// /start, consent and Berlin as the time zone: the intake's first question is open.
    async fn consented(&mut self) {
        let consent = self.say("/start", "health data").await;
        self.press(&consent, "c:y");
        self.expect("time zone").await;
        let confirm = self.say("Berlin", "Is that right?").await;
        self.press(&confirm, "z:y");
        self.expect("How old are you?").await;
    }
}

/// The data of the button for `action` (`o:done`), as sent: after its question stamp.
fn data_for(data: &[String], action: &str) -> String {
    data.iter()
        .find(|d| d.as_str() == action || d.ends_with(&format!("|{action}")))
        .unwrap_or_else(|| panic!("no {action} in {data:?}"))
        .clone()
}

/// Answers `lines` one by one, each after the bot asked its question.
async fn type_all(live: &mut Live, lines: &[&str]) {
    for line in lines {
        let before = live.fake.sent().len();
        live.fake.push_text(USER, line);
        live.fake
            .wait_for_sent(before + 1, PATIENCE)
            .await
            .unwrap_or_else(|summary| panic!("no answer to {line:?}: {summary}"));
        live.seen = live.fake.sent().len();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_seven_on_the_old_usual_pain_scale_is_refused_at_the_test_pain_question() {
    let mut live = Live::start().await;
    live.consented().await;
    let all = answers::INTAKE_AND_TESTS;
    let usual = all.iter().position(|a| *a == "1").expect("usual pain");
    type_all(&mut live, &all[..usual - 1]).await;
    let scale = live.say(all[usual - 1], "On a usual day, how much").await;
    type_all(&mut live, &all[usual..all.len() - 1]).await;
    let before = live.person().await;
    assert!(matches!(
        before.dialog,
        Dialog::Test {
            test: TestStep::TestPain,
            ..
        }
    ));

    live.press(&scale, "o:p7");
    live.expect(EXPIRED).await;
    live.expect("how much did the tests hurt").await;
    assert_eq!(live.person().await, before, "no red flag, no hold");
    assert_eq!(live.count("assessments").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_double_tap_on_done_and_a_later_press_record_one_exercise() {
    let mut live = Live::start().await;
    live.consented().await;
    type_all(&mut live, &answers::INTAKE_AND_TESTS).await;
    assert!(live.person().await.program.is_some());
    let first = live.say("/today", "1/3 · ").await;

    // One tap, two callbacks (as a fast tap sends), in the same poll.
    live.press(&first, "o:done");
    live.press(&first, "o:done");
    live.expect("2/3 · ").await;
    live.expect(EXPIRED).await;
    let after_one = live.person().await;
    let Dialog::Session { run } = &after_one.dialog else {
        panic!("{:?}", after_one.dialog)
    };
    assert_eq!((run.index, run.record.outcomes.len()), (1, 1));

    // And once more, later, on the first exercise's message.
    live.press(&first, "o:done");
    live.expect(EXPIRED).await;
    live.expect("2/3 · ").await;
    assert_eq!(live.person().await, after_one);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn left_leg_buttons_under_a_typed_answer_do_not_answer_for_the_right_leg() {
    let mut live = Live::start().await;
    live.consented().await;
    let intake = answers::intake();
    type_all(&mut live, &intake[..intake.len() - 1]).await;
    let left = live
        .say(intake[intake.len() - 1], "How far does your left leg go?")
        .await;
    live.say("25", "And your right leg?").await;
    let before = live.person().await;

    live.press(&left, "o:b2");
    live.expect(EXPIRED).await;
    live.expect("And your right leg?").await;
    let after = live.person().await;
    assert_eq!(after, before);
    let Dialog::Test { test, answers, .. } = after.dialog else {
        panic!("{:?}", after.dialog)
    };
    assert_eq!(test, TestStep::SeatedRight);
    assert_eq!(
        answers.get(&TestStep::SeatedLeft),
        Some(&TestAnswer::Measured { degrees: 25 })
    );
    assert_eq!(answers.get(&TestStep::SeatedRight), None);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_leftover_daily_start_mid_session_keeps_the_session() {
    let mut live = Live::start().await;
    live.consented().await;
    type_all(&mut live, &answers::INTAKE_AND_TESTS).await;

    // The daily reminder falls due now: the delivery loop fires and sends it.
    let due = Due {
        kind: ReminderKind::DailySession,
        at: Utc::now(),
    };
    let mut tx = live.engine.store().begin().await.unwrap();
    tx.replace_reminders(USER, &[due]).await.unwrap();
    tx.commit().await.unwrap();
    live.engine.wake().notify_one();
    let nudge = live.expect("Time for today's drills").await;

    live.press(&nudge, "o:start_session");
    let first = live.expect("1/3 · ").await;
    live.press(&first, "o:done");
    live.expect("2/3 · ").await;
    let in_session = live.person().await;

    live.press(&nudge, "o:start_session");
    live.expect(EXPIRED).await;
    live.expect("2/3 · ").await;
    assert_eq!(live.person().await, in_session, "the session goes on");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ticking_several_boxes_in_a_row_redraws_and_counts_each() {
    let mut live = Live::start().await;
    live.consented().await;
    let question = live.say("34", "What do you do most?").await;
    let mut data = question.callback_data();
    for (n, tick) in ["o:running", "o:cycling", "o:golf"].into_iter().enumerate() {
        let pressed = data_for(&data, tick);
        live.fake.push_callback(USER, &pressed, question.message_id);
        // Each tick edits the message in place, with freshly stamped buttons.
        live.fake
            .wait_for_calls("editMessageText", n + 1, PATIENCE)
            .await
            .unwrap();
        data = live.fake.callback_data_of(USER, question.message_id);
    }
    let done = data_for(&data, "o:done");
    live.fake.push_callback(USER, &done, question.message_id);
    live.expect("how many hours do you sit").await;
    let activities = live.person().await.profile.activities.unwrap_or_default();
    assert_eq!(activities.len(), 3, "{activities:?}");
}
