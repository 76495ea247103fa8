//! End-to-end: the real `hipcoach` binary, started with `run`, against a fake Bot API
//! server on localhost. Covers the first conversation (/start, consent, time zone), the
//! token never reaching the log, and the friendly refusal without a token.
//!
//! Timeouts here only stop a broken run from hanging; nothing asserts on durations.

use crate::support::fake_bot_api;

use std::io::Read;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use fake_bot_api::{FakeBotApi, SentMessage};
use teloxide::prelude::*;
use teloxide::types::{InlineKeyboardButton, InlineKeyboardMarkup, UpdateKind};

pub(crate) const TOKEN: &str = "123456:TEST-token";
/// The secret part of [`TOKEN`], which must never be logged.
const SECRET: &str = "TEST-token";
const USER: i64 = 4242;
/// Generous: only there so that a broken build fails instead of hanging.
const PATIENCE: Duration = Duration::from_secs(20);

/// The binary as a child process whose stdout and stderr are collected in the background.
/// Dropping it kills the process (the std equivalent of tokio's `kill_on_drop`).
pub(crate) struct Hipcoach {
    pub(crate) child: Child,
    stderr: Arc<Mutex<Vec<u8>>>,
    stdout: Arc<Mutex<Vec<u8>>>,
    readers: Vec<JoinHandle<()>>,
}

impl Hipcoach {
    pub(crate) fn spawn(command: &mut Command) -> Hipcoach {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start the hipcoach binary");
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let readers = vec![
            collect(child.stderr.take().expect("piped stderr"), stderr.clone()),
            collect(child.stdout.take().expect("piped stdout"), stdout.clone()),
        ];
        Hipcoach {
            child,
            stderr,
            stdout,
            readers,
        }
    }

    pub(crate) fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    pub(crate) fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned()
    }

    /// Waits (without blocking the runtime) for the process to exit by itself.
    pub(crate) async fn exit_status(&mut self) -> ExitStatus {
        let wait = async {
            loop {
                if let Some(status) = self.child.try_wait().expect("poll the child") {
                    return status;
                }
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        };
        match tokio::time::timeout(PATIENCE, wait).await {
            Ok(status) => status,
            Err(_) => panic!("hipcoach did not exit; stderr:\n{}", self.stderr()),
        }
    }

    /// Kills the process and waits until all of its output has been read.
    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        for reader in self.readers.drain(..) {
            let _ = reader.join();
        }
    }

    /// For failure messages: what the process wrote so far.
    fn context(&self) -> String {
        format!("--- hipcoach stderr ---\n{}", self.stderr())
    }
}

impl Drop for Hipcoach {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Copies everything from `pipe` into `sink` on a thread, until the pipe closes.
fn collect(mut pipe: impl Read + Send + 'static, sink: Arc<Mutex<Vec<u8>>>) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut chunk) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
    })
}

pub(crate) fn hipcoach() -> Command {
    Command::new(env!("CARGO_BIN_EXE_hipcoach"))
}

/// Waits for a message sent at index `from` or later that satisfies `matches`.
async fn expect_sent(
    fake: &FakeBotApi,
    bot: &Hipcoach,
    from: usize,
    what: &str,
    matches: impl Fn(&SentMessage) -> bool,
) -> (usize, SentMessage) {
    match fake.wait_for_sent_matching(from, PATIENCE, matches).await {
        Ok(found) => found,
        Err(summary) => panic!("no {what}: {summary}\n{}", bot.context()),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_conversation_over_the_bot_api() {
    let _together = crate::together().await;
    let fake = FakeBotApi::start().await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let database = format!("sqlite://{}", dir.path().join("hc.db").display());
    let mut bot = Hipcoach::spawn(
        hipcoach()
            .arg("run")
            .current_dir(dir.path())
            .env("TELOXIDE_TOKEN", TOKEN)
            .env("TELOXIDE_API_URL", fake.url())
            .env("DATABASE_URL", &database)
            .env("RUST_LOG", "info")
            .env("NO_COLOR", "1")
            .env_remove("TELOXIDE_PROXY"),
    );

    // A stranger says /start and is asked for consent.
    fake.push_text(USER, "/start");
    let (at, consent) = expect_sent(&fake, &bot, 0, "consent question", |m| {
        m.callback_data().iter().any(|d| d.ends_with("|c:y"))
    })
    .await;
    assert_eq!(consent.chat_id, USER);
    assert!(
        consent.callback_data().iter().any(|d| d.ends_with("|c:n")),
        "{consent:?}"
    );

    // They agree and are asked where they are, with a location button.
    // The data the button was sent with (the consent question's, stamped).
    let agree = data_ending(&consent.callback_data(), "|c:y");
    fake.push_callback(USER, &agree, consent.message_id);
    let (at, ask_zone) = expect_sent(&fake, &bot, at + 1, "time zone question", |m| {
        m.requests_location()
    })
    .await;
    assert_eq!(ask_zone.chat_id, USER);

    // They type a city and are shown the local time there, to confirm.
    fake.push_text(USER, "Berlin");
    let (at, confirm) = expect_sent(&fake, &bot, at + 1, "time zone confirmation", |m| {
        m.text().contains("Europe/Berlin")
    })
    .await;
    assert!(
        confirm.callback_data().iter().any(|d| d.ends_with("|z:y")),
        "{confirm:?}"
    );

    // They confirm, and the zone is saved.
    let right = data_ending(&confirm.callback_data(), "|z:y");
    fake.push_callback(USER, &right, confirm.message_id);
    let (_, saved) = expect_sent(&fake, &bot, at + 1, "saved confirmation", |m| {
        m.text().contains("Saved: Europe/Berlin")
    })
    .await;
    assert_eq!(saved.chat_id, USER);

    // Around the conversation: the command menu, the answered button taps, and nothing
    // outside what the fake implements.
    assert!(fake.calls("setMyCommands") >= 1, "{}", fake.summary());
    assert!(fake.calls("answerCallbackQuery") >= 2, "{}", fake.summary());
    assert!(
        fake.sent().iter().all(|m| m.chat_id == USER),
        "{}",
        fake.summary()
    );
    assert_eq!(
        fake.unknown_methods(),
        Vec::<String>::new(),
        "{}",
        fake.summary()
    );

    bot.kill();
    let stderr = bot.stderr();
    // The log was really captured, so the next assertion is not vacuous.
    assert!(
        stderr.contains("hipcoach is running on Telegram"),
        "{}",
        bot.context()
    );
    assert!(
        !stderr.contains(SECRET),
        "the bot token leaked into stderr:\n{stderr}"
    );
    assert!(
        !bot.stdout().contains(SECRET),
        "the bot token leaked into stdout"
    );
}

#[tokio::test]
async fn without_a_token_it_explains_instead_of_panicking() {
    let _together = crate::together().await;
    let dir = tempfile::tempdir().expect("a temporary directory");
    let database = format!("sqlite://{}", dir.path().join("hc.db").display());
    let mut bot = Hipcoach::spawn(
        hipcoach()
            .arg("run")
            .current_dir(dir.path())
            .env_remove("TELOXIDE_TOKEN")
            .env_remove("TELOXIDE_API_URL")
            .env("DATABASE_URL", &database)
            .env("RUST_BACKTRACE", "1"),
    );
    let status = bot.exit_status().await;
    bot.kill();
    let stderr = bot.stderr();
    assert!(
        !status.success() && status.code().is_some(),
        "{status:?}\n{stderr}"
    );
    assert!(stderr.contains("@BotFather"), "{stderr}");
    assert!(stderr.contains("hipcoach console"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!stderr.to_lowercase().contains("backtrace"), "{stderr}");
}

/// The fake answers in shapes teloxide accepts: checked with teloxide's own client, so a
/// failure of the end-to-end test above points at the bot, not at the fake.
#[tokio::test]
async fn the_fake_speaks_teloxide() {
    let _together = crate::together().await;
    let fake = FakeBotApi::start().await;
    let client = Bot::new(TOKEN).set_api_url(fake.url().parse().unwrap());

    let me = client.get_me().await.expect("getMe");
    assert_eq!(me.username(), fake_bot_api::BOT_USERNAME);
    assert_eq!(me.id.0, 123456);
    assert!(client.get_webhook_info().await.expect("info").url.is_none());
    client.set_my_commands(vec![]).await.expect("setMyCommands");

    let buttons = InlineKeyboardMarkup::new([[InlineKeyboardButton::callback("Yes", "c:y")]]);
    let sent = client
        .send_message(ChatId(USER), "Hello")
        .reply_markup(buttons)
        .await
        .expect("sendMessage");
    assert_eq!(sent.text(), Some("Hello"));
    assert!(sent.chat.is_private());

    fake.push_text(USER, "/start");
    fake.push_location(USER, 52.52, 13.405);
    fake.push_callback(USER, "c:y", i64::from(sent.id.0));
    let updates = client.get_updates().timeout(1).await.expect("getUpdates");
    assert_eq!(updates.len(), 3, "{updates:?}");
    match &updates[0].kind {
        UpdateKind::Message(m) => {
            assert_eq!(m.text(), Some("/start"));
            let from = m.from.as_ref().expect("a sender");
            assert_eq!(from.language_code.as_deref(), Some("en"));
        }
        other => panic!("{other:?}"),
    }
    match &updates[1].kind {
        UpdateKind::Message(m) => assert!(m.location().is_some(), "{m:?}"),
        other => panic!("{other:?}"),
    }
    let query = match &updates[2].kind {
        UpdateKind::CallbackQuery(q) => q.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(query.data.as_deref(), Some("c:y"));
    let message = query.regular_message().expect("an accessible message");
    assert_eq!(message.id, sent.id);

    client
        .answer_callback_query(query.id.clone())
        .await
        .expect("answerCallbackQuery");
    client
        .edit_message_reply_markup(message.chat.id, message.id)
        .await
        .expect("editMessageReplyMarkup");
    client.leave_chat(ChatId(USER)).await.expect("leaveChat");

    // Confirming the updates (offset past the last) empties the queue; an idle poll
    // returns nothing.
    let next = updates.last().unwrap().id.as_offset();
    let idle = client
        .get_updates()
        .offset(next)
        .timeout(1)
        .await
        .expect("idle getUpdates");
    assert!(idle.is_empty(), "{idle:?}");
    assert_eq!(fake.pending_updates(), 0);

    // Unknown methods are refused like Telegram does, and recorded.
    assert!(client.get_my_name().await.is_err());
    assert_eq!(fake.unknown_methods(), ["getMyName"]);

    // A queued 429 reaches the client as a flood-control error.
    fake.queue_retry_after("sendMessage", 3);
    let error = client
        .send_message(ChatId(USER), "again")
        .await
        .expect_err("a 429");
    assert!(
        matches!(error, teloxide::RequestError::RetryAfter(_)),
        "{error:?}"
    );
    assert_eq!(fake.calls("sendMessage"), 2);
    assert_eq!(fake.sent_messages().len(), 1);
}

/// The data of the button whose action is `action` (after its question stamp).
fn data_ending(data: &[String], action: &str) -> String {
    data.iter()
        .find(|d| d.ends_with(action))
        .unwrap_or_else(|| panic!("no {action} in {data:?}"))
        .clone()
}
