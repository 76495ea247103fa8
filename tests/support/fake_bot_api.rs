//! A fake Telegram Bot API server for end-to-end tests of the real binary.
//!
//! Teloxide talks to `POST {base}/bot{token}/{method}` with a JSON body and expects
//! `{"ok":true,"result":...}` or `{"ok":false,"error_code":..,"description":..}` back. This
//! server answers the methods hipcoach uses, records every call, and lets a test play the
//! user: queue updates (`push_text`, `push_callback`, `push_location`), then wait for and
//! inspect what the bot sent (`wait_for_sent`, `sent_messages`, `calls`).
//!
//! Design, for reuse (e.g. by benchmarks that need rate limiting or 429 answers):
//! - All mutable data lives in one [`State`] behind a `std::sync::Mutex` that is never held
//!   across an `.await`.
//! - Two [`Notify`]s wake waiters: `updates_pushed` wakes long-polling `getUpdates`
//!   requests, `call_recorded` wakes tests waiting for the bot to do something.
//! - [`respond`] is the single place that maps a method to an answer; canned answers
//!   queued with [`FakeBotApi::queue_response`] (e.g. a 429) take precedence over it.
//! - Opt-in misbehaviour, all off by default: Telegram's flood limits
//!   ([`FakeBotApi::start_with`] / [`FakeBotApi::set_limits`]: a send over the limit
//!   answers 429 with `retry_after`; one with `allow_paid_broadcast` may use the paid
//!   limit), blocked chats ([`FakeBotApi::block_chat`]: 403), an
//!   outage ([`FakeBotApi::set_outage`] / [`FakeBotApi::fail_for`]: 502, or connections
//!   dropped), and a fixed response latency ([`FakeBotApi::set_latency`]). What was
//!   refused is counted ([`FakeBotApi::rejections`]). The order is: outage, canned answer,
//!   blocked chat, flood limits, normal answer.
//!
//! Everything here is plain JSON (`serde_json::Value`) on purpose: the fake must not share
//! types with the client it is testing.

// Each test binary that includes this file uses a different part of it.
#![allow(dead_code)]

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::{Path, State as AxumState};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio::time::Instant;

/// The longest a `getUpdates` request is held open, whatever `timeout` the client asks
/// for. Short, so that a test never waits long on an idle poll.
pub const MAX_POLL_WAIT: Duration = Duration::from_secs(1);

/// The bot's `username`, as returned by `getMe`.
pub const BOT_USERNAME: &str = "hipcoach_test_bot";

/// The `first_name` of every simulated user (and of their private chat).
pub const USER_FIRST_NAME: &str = "Tess";

/// The `language_code` every simulated user reports.
pub const USER_LANGUAGE: &str = "en";

/// One Bot API request as the server received it.
#[derive(Clone, Debug)]
pub struct Call {
    /// The method name, e.g. `sendMessage`.
    pub method: String,
    /// The JSON body (an empty object when the body was empty or not JSON).
    pub body: Value,
    /// Whether the method is one this fake implements.
    pub known: bool,
    /// When the request arrived.
    pub at: Instant,
}

/// A file the bot sent with `sendPhoto` or `sendDocument` (and the fake accepted).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SentFile {
    pub chat_id: i64,
    /// `sendPhoto` or `sendDocument`.
    pub method: String,
    pub name: String,
    pub size: u64,
    /// The file's content read as UTF-8 (lossy: a photo's is noise).
    pub text: String,
}

/// A message the bot sent with `sendMessage`.
#[derive(Clone, Debug)]
pub struct SentMessage {
    /// The chat it went to (the user id, for a private chat).
    pub chat_id: i64,
    /// The id the fake gave it; use it with [`FakeBotApi::push_callback`].
    pub message_id: i64,
    /// The request body exactly as the bot sent it.
    pub body: Value,
    /// When the request arrived (monotonic, for spacing between messages).
    pub at: Instant,
    /// When the request arrived (wall clock, to compare with a due time).
    pub received: SystemTime,
}

impl SentMessage {
    /// The message text ("" when absent).
    pub fn text(&self) -> &str {
        self.body["text"].as_str().unwrap_or_default()
    }

    /// The `callback_data` of every inline button, row by row.
    pub fn callback_data(&self) -> Vec<String> {
        inline_buttons(&self.body["reply_markup"])
            .into_iter()
            .map(|(_, data)| data)
            .collect()
    }

    /// Whether the message carries a reply keyboard with a "share location" button.
    pub fn requests_location(&self) -> bool {
        buttons(&self.body["reply_markup"]["keyboard"])
            .any(|b| b["request_location"].as_bool() == Some(true))
    }

    /// The URL of the reply keyboard's button that opens a Mini App (`web_app`), if any.
    pub fn web_app_url(&self) -> Option<String> {
        buttons(&self.body["reply_markup"]["keyboard"])
            .find_map(|b| b["web_app"]["url"].as_str().map(str::to_owned))
    }

    /// Whether the message takes a reply keyboard away (`remove_keyboard`).
    pub fn removes_keyboard(&self) -> bool {
        self.body["reply_markup"]["remove_keyboard"].as_bool() == Some(true)
    }

    /// The labels of the reply keyboard's buttons.
    pub fn reply_keyboard_labels(&self) -> Vec<String> {
        buttons(&self.body["reply_markup"]["keyboard"])
            .filter_map(|b| b["text"].as_str().map(str::to_owned))
            .collect()
    }
}

/// The buttons of a keyboard (an array of rows), flattened.
/// The (label, callback data) of every inline button in a `reply_markup` (of a sent
/// message, or of an edit request).
pub fn inline_buttons(markup: &Value) -> Vec<(String, String)> {
    buttons(&markup["inline_keyboard"])
        .filter_map(|b| {
            Some((
                b["text"].as_str()?.to_owned(),
                b["callback_data"].as_str()?.to_owned(),
            ))
        })
        .collect()
}

fn buttons(rows: &Value) -> impl Iterator<Item = &Value> {
    rows.as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .flatten()
}

/// An answer prepared by a test, returned instead of the normal one.
#[derive(Clone, Debug)]
struct Canned {
    status: StatusCode,
    body: Value,
}

/// Telegram's flood limits, enforced on every send (`sendMessage`, `sendPhoto`,
/// `sendDocument`) over sliding one-second windows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Sends without `allow_paid_broadcast` accepted in any one second, all chats
    /// together (the free limit; paid sends do not use it up).
    pub per_second: usize,
    /// Messages accepted in any one second to one chat, paid or not.
    pub per_chat_per_second: usize,
    /// Sends accepted in any one second, all chats together, paid and free counted
    /// (the paid limit: what a send with `allow_paid_broadcast` may use).
    pub paid_per_second: usize,
}

impl Limits {
    /// The Bot FAQ's numbers: 30 a second overall, 1 a second per chat (no burst), and
    /// 1,000 a second with `allow_paid_broadcast`.
    pub const TELEGRAM: Limits = Limits {
        per_second: 30,
        per_chat_per_second: 1,
        paid_per_second: 1_000,
    };
}

/// How the server fails while it is down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outage {
    /// HTTP 502 with an HTML page, as a proxy in front of a dead Bot API answers.
    /// (teloxide waits 10 s after any 5xx before it returns the error.)
    BadGateway,
    /// The connection is dropped before an answer: the client sees a network error.
    Disconnect,
}

/// What the server refused so far, by reason.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rejections {
    /// 429 answers: over the flood limits, or canned with [`FakeBotApi::queue_retry_after`].
    pub too_many_requests: usize,
    /// 403 answers to blocked chats.
    pub forbidden: usize,
    /// Requests failed by an outage.
    pub outage: usize,
}

/// The opt-in misbehaviour. Off (`Default`) unless a test asks for it.
#[derive(Default)]
struct Faults {
    limits: Option<Limits>,
    /// Arrival times of accepted sends in the last second: all of them, the free ones,
    /// and per chat.
    window: VecDeque<Instant>,
    free_window: VecDeque<Instant>,
    chat_windows: HashMap<i64, VecDeque<Instant>>,
    /// Chats whose user blocked the bot.
    blocked: HashSet<i64>,
    /// Down with this failure, until the instant (`None`: until told otherwise).
    outage: Option<(Outage, Option<Instant>)>,
    /// Added before every answer except `getUpdates`'.
    latency: Duration,
    rejections: Rejections,
}

impl Faults {
    /// The outage in force at `now`, if any.
    fn outage(&mut self, now: Instant) -> Option<Outage> {
        match self.outage {
            Some((_, Some(until))) if now >= until => {
                self.outage = None;
                None
            }
            Some((outage, _)) => Some(outage),
            None => None,
        }
    }

    /// A 403 or 429 for a send to `chat` arriving at `now` (`paid`: with
    /// `allow_paid_broadcast`), or `None` when it may go; then it counts against the
    /// limits.
    fn refuse_send(&mut self, chat: Option<i64>, paid: bool, now: Instant) -> Option<Canned> {
        if chat.is_some_and(|c| self.blocked.contains(&c)) {
            self.rejections.forbidden += 1;
            return Some(Canned {
                status: StatusCode::FORBIDDEN,
                body: json!({
                    "ok": false,
                    "error_code": 403,
                    "description": "Forbidden: bot was blocked by the user",
                }),
            });
        }
        let limits = self.limits?;
        let second = Duration::from_secs(1);
        prune(&mut self.window, now, second);
        prune(&mut self.free_window, now, second);
        let chat_window = chat.map(|c| {
            let window = self.chat_windows.entry(c).or_default();
            prune(window, now, second);
            window
        });
        // The instant the window that is full frees a place.
        let mut free_at = None;
        if self.window.len() >= limits.paid_per_second.max(1) {
            free_at = self.window.front().map(|t| *t + second);
        }
        if !paid && self.free_window.len() >= limits.per_second.max(1) {
            let at = self.free_window.front().map(|t| *t + second);
            free_at = free_at.max(at);
        }
        if let Some(window) = &chat_window
            && window.len() >= limits.per_chat_per_second.max(1)
        {
            let at = window.front().map(|t| *t + second);
            free_at = free_at.max(at);
        }
        if let Some(free_at) = free_at {
            let seconds = free_at.saturating_duration_since(now).as_secs_f64().ceil() as u64;
            // Counted where it is sent, with the canned 429s.
            return Some(too_many_requests(seconds.max(1)));
        }
        if let Some(window) = chat_window {
            window.push_back(now);
        }
        self.window.push_back(now);
        if !paid {
            self.free_window.push_back(now);
        }
        if self.chat_windows.len() > 50_000 {
            self.chat_windows
                .retain(|_, w| w.back().is_some_and(|t| now < *t + second));
        }
        None
    }
}

/// Forgets the arrivals older than `span` before `now`.
fn prune(window: &mut VecDeque<Instant>, now: Instant, span: Duration) {
    while window.front().is_some_and(|t| now >= *t + span) {
        window.pop_front();
    }
}

/// The Bot API's flood-control answer.
fn too_many_requests(seconds: u64) -> Canned {
    Canned {
        status: StatusCode::TOO_MANY_REQUESTS,
        body: json!({
            "ok": false,
            "error_code": 429,
            "description": format!("Too Many Requests: retry after {seconds}"),
            "parameters": { "retry_after": seconds },
        }),
    }
}

/// Everything the server knows. Only ever locked briefly, never across an `.await`.
#[derive(Default)]
struct State {
    /// Updates not yet confirmed by the client (a `getUpdates` offset past them).
    pending: VecDeque<Value>,
    next_update_id: i64,
    /// Message ids are unique across chats here; Telegram only needs them per chat.
    next_message_id: i64,
    next_callback_id: u64,
    /// Every request, in arrival order.
    calls: Vec<Call>,
    /// Every successful `sendMessage`, in order.
    sent: Vec<SentMessage>,
    files: Vec<SentFile>,
    /// The language each user's client reports, if not `USER_LANGUAGE`.
    languages: HashMap<i64, String>,
    /// Messages in chats, as Bot API `Message` objects, by (chat id, message id): both
    /// what users sent and what the bot sent, so callbacks can quote a bot message.
    messages: HashMap<(i64, i64), Value>,
    /// Canned answers by lower-cased method name, used first-in first-out.
    canned: HashMap<String, VecDeque<Canned>>,
    /// Limits, blocked chats, outages, latency: all off by default.
    faults: Faults,
    /// The body of the last `setWebhook` (until `deleteWebhook`); `getWebhookInfo` shows
    /// its URL, with a made-up last error.
    webhook: Option<Value>,
}

/// State shared by the server's handlers and the test.
struct Shared {
    state: Mutex<State>,
    /// Woken whenever an update is queued.
    updates_pushed: Notify,
    /// Woken whenever a call is recorded.
    call_recorded: Notify,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A panic in another test thread must not hide this test's own failure.
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// A running fake Bot API server. Dropping it stops the server.
pub struct FakeBotApi {
    url: String,
    shared: Arc<Shared>,
    server: JoinHandle<()>,
}

impl Drop for FakeBotApi {
    fn drop(&mut self) {
        self.server.abort();
    }
}

impl FakeBotApi {
    /// Starts the server, enforcing Telegram's flood limits on `sendMessage` from the start.
    pub async fn start_with(limits: Limits) -> FakeBotApi {
        let fake = FakeBotApi::start().await;
        fake.set_limits(Some(limits));
        fake
    }

    /// Enforces `limits` on `sendMessage` from now on (`None`: no limits, the default).
    pub fn set_limits(&self, limits: Option<Limits>) {
        let faults = &mut self.shared.lock().faults;
        faults.limits = limits;
        faults.window.clear();
        faults.free_window.clear();
        faults.chat_windows.clear();
    }

    /// Makes every `sendMessage` to `chat` answer 403 "Forbidden: bot was blocked by the
    /// user", as Telegram does once the user blocked the bot.
    pub fn block_chat(&self, chat: i64) {
        self.shared.lock().faults.blocked.insert(chat);
    }

    /// The user of `chat` unblocked the bot.
    pub fn unblock_chat(&self, chat: i64) {
        self.shared.lock().faults.blocked.remove(&chat);
    }

    /// Takes the server down (every method fails as `outage` says) until told otherwise;
    /// `None` brings it back.
    pub fn set_outage(&self, outage: Option<Outage>) {
        self.shared.lock().faults.outage = outage.map(|o| (o, None));
    }

    /// Takes the server down for `duration` from now.
    pub fn fail_for(&self, outage: Outage, duration: Duration) {
        self.shared.lock().faults.outage = Some((outage, Some(Instant::now() + duration)));
    }

    /// Whether the server is down now.
    pub fn is_down(&self) -> bool {
        self.shared.lock().faults.outage(Instant::now()).is_some()
    }

    /// Delays every answer (except `getUpdates`, which waits anyway) by `latency`.
    pub fn set_latency(&self, latency: Duration) {
        self.shared.lock().faults.latency = latency;
    }

    /// What the server refused so far.
    pub fn rejections(&self) -> Rejections {
        self.shared.lock().faults.rejections
    }

    /// How many 429 answers the server sent (flood limits and canned ones).
    pub fn too_many_requests(&self) -> usize {
        self.rejections().too_many_requests
    }

    /// The messages delivered to `chat`, in order.
    pub fn sent_to(&self, chat: i64) -> Vec<SentMessage> {
        self.shared
            .lock()
            .sent
            .iter()
            .filter(|m| m.chat_id == chat)
            .cloned()
            .collect()
    }

    /// The files sent to `chat` and accepted, in order.
    pub fn files_to(&self, chat: i64) -> Vec<SentFile> {
        self.shared
            .lock()
            .files
            .iter()
            .filter(|f| f.chat_id == chat)
            .cloned()
            .collect()
    }

    /// How many `sendMessage` requests arrived for `chat`, whatever the answer.
    pub fn send_attempts_to(&self, chat: i64) -> usize {
        self.shared
            .lock()
            .calls
            .iter()
            .filter(|c| c.method == "sendMessage" && c.body["chat_id"].as_i64() == Some(chat))
            .count()
    }

    /// Starts the server on 127.0.0.1 with a port chosen by the OS.
    pub async fn start() -> FakeBotApi {
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                next_update_id: 1,
                next_message_id: 1,
                ..State::default()
            }),
            updates_pushed: Notify::new(),
            call_recorded: Notify::new(),
        });
        let app = Router::new()
            // The token segment is `bot<token>`; tokens contain ':', which is fine in a path.
            .route("/{token}/{method}", post(handle))
            .with_state(shared.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind the fake Bot API to a local port");
        let address = listener.local_addr().expect("local address");
        let server = tokio::spawn(async move {
            axum::serve(listener, app)
                .await
                .expect("the fake Bot API server failed");
        });
        FakeBotApi {
            url: format!("http://{address}/"),
            shared,
            server,
        }
    }

    /// The base URL to give the bot as `TELOXIDE_API_URL`.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Queues a text message from `user_id` in their private chat. Returns its message id.
    pub fn push_text(&self, user_id: i64, text: &str) -> i64 {
        let mut message = json!({ "text": text });
        if let Some(command) = text.strip_prefix('/') {
            // Telegram marks a leading command with an entity; lengths are in UTF-16 units.
            let length = 1 + command
                .split_whitespace()
                .next()
                .unwrap_or_default()
                .encode_utf16()
                .count();
            message["entities"] = json!([{ "type": "bot_command", "offset": 0, "length": length }]);
        }
        self.push_user_message(user_id, message)
    }

    /// Queues a shared location from `user_id`. Returns its message id.
    pub fn push_location(&self, user_id: i64, latitude: f64, longitude: f64) -> i64 {
        self.push_user_message(
            user_id,
            json!({ "location": { "latitude": latitude, "longitude": longitude } }),
        )
    }

    /// Queues what a Mini App opened from a reply keyboard button sent back (a service
    /// message with `web_app_data`). Returns its message id.
    pub fn push_web_app_data(&self, user_id: i64, data: &str, button_text: &str) -> i64 {
        self.push_user_message(
            user_id,
            json!({ "web_app_data": { "data": data, "button_text": button_text } }),
        )
    }

    /// The language `user_id`'s client reports from now on (`USER_LANGUAGE` until then).
    pub fn set_language(&self, user_id: i64, language: &str) {
        self.shared
            .lock()
            .languages
            .insert(user_id, language.to_owned());
    }

    /// Queues a text from `user_id` in the group chat `group_id` (a negative id).
    pub fn push_group_text(&self, user_id: i64, group_id: i64, text: &str) {
        let mut state = self.shared.lock();
        let message_id = take_message_id(&mut state);
        let from = user_in(&state, user_id);
        let message = json!({
            "message_id": message_id,
            "date": unix_now(),
            "chat": { "id": group_id, "type": "group", "title": "Knee friends" },
            "from": from,
            "text": text,
        });
        push_update(&mut state, "message", message);
        drop(state);
        self.shared.updates_pushed.notify_waiters();
    }

    /// Queues a tap by `user_id` on an inline button with `data` under the bot's message
    /// `message_id` in their private chat. Panics if the bot never sent that message there.
    /// Returns the callback query id.
    pub fn push_callback(&self, user_id: i64, data: &str, message_id: i64) -> String {
        let mut state = self.shared.lock();
        let message = state
            .messages
            .get(&(user_id, message_id))
            .cloned()
            .unwrap_or_else(|| {
                panic!("no message {message_id} in the chat with {user_id} to press a button on")
            });
        state.next_callback_id += 1;
        let id = format!("cq-{}", state.next_callback_id);
        let from = user_in(&state, user_id);
        let query = json!({
            "id": id,
            "from": from,
            "message": message,
            "chat_instance": format!("instance-{user_id}"),
            "data": data,
        });
        push_update(&mut state, "callback_query", query);
        drop(state);
        self.shared.updates_pushed.notify_waiters();
        id
    }

    /// Makes the next call to `method` answer with `status` and `body` instead of the
    /// normal answer. Queued answers are used in order, one per call.
    pub fn queue_response(&self, method: &str, status: u16, body: Value) {
        let status = StatusCode::from_u16(status).expect("a valid HTTP status");
        self.shared
            .lock()
            .canned
            .entry(method.to_ascii_lowercase())
            .or_default()
            .push_back(Canned { status, body });
    }

    /// Makes the next call to `method` fail with 429 Too Many Requests, as Telegram does
    /// under flood control.
    pub fn queue_retry_after(&self, method: &str, seconds: u64) {
        self.queue_response(
            method,
            429,
            json!({
                "ok": false,
                "error_code": 429,
                "description": format!("Too Many Requests: retry after {seconds}"),
                "parameters": { "retry_after": seconds },
            }),
        );
    }

    /// The bodies of every `sendMessage`, in order.
    pub fn sent_messages(&self) -> Vec<Value> {
        self.shared
            .lock()
            .sent
            .iter()
            .map(|m| m.body.clone())
            .collect()
    }

    /// Every message the bot sent, with the ids the fake gave them.
    pub fn sent(&self) -> Vec<SentMessage> {
        self.shared.lock().sent.clone()
    }

    /// How many times `method` was called.
    pub fn calls(&self, method: &str) -> usize {
        self.shared
            .lock()
            .calls
            .iter()
            .filter(|c| c.method.eq_ignore_ascii_case(method))
            .count()
    }

    /// Every call, in arrival order.
    pub fn all_calls(&self) -> Vec<Call> {
        self.shared.lock().calls.clone()
    }

    /// The names of the methods this fake does not implement that were called anyway.
    pub fn unknown_methods(&self) -> Vec<String> {
        self.shared
            .lock()
            .calls
            .iter()
            .filter(|c| !c.known)
            .map(|c| c.method.clone())
            .collect()
    }

    /// Takes the queued updates away unsent, to deliver them by webhook instead.
    pub fn take_pending(&self) -> Vec<Value> {
        self.shared.lock().pending.drain(..).collect()
    }

    /// How many queued updates the client has not confirmed yet.
    pub fn pending_updates(&self) -> usize {
        self.shared.lock().pending.len()
    }

    /// Waits until the bot has sent at least `n` messages; returns all sent so far. On
    /// timeout, the error says what was sent and called, for the failure message.
    pub async fn wait_for_sent(
        &self,
        n: usize,
        timeout: Duration,
    ) -> Result<Vec<SentMessage>, String> {
        self.wait_until(timeout, |state| {
            (state.sent.len() >= n).then(|| state.sent.clone())
        })
        .await
        .map_err(|summary| format!("waited for {n} sent message(s); {summary}"))
    }

    /// Waits for a message sent at index `from` or later (0-based, in sending order) that
    /// satisfies `matches`, and returns it with its index.
    pub async fn wait_for_sent_matching(
        &self,
        from: usize,
        timeout: Duration,
        matches: impl Fn(&SentMessage) -> bool,
    ) -> Result<(usize, SentMessage), String> {
        self.wait_until(timeout, |state| {
            state
                .sent
                .iter()
                .enumerate()
                .skip(from)
                .find(|(_, m)| matches(m))
                .map(|(i, m)| (i, m.clone()))
        })
        .await
        .map_err(|summary| format!("waited for a matching message from #{from}; {summary}"))
    }

    /// The `callback_data` of the inline buttons a message in `chat` carries now (after
    /// any edits), row by row.
    pub fn callback_data_of(&self, chat: i64, message_id: i64) -> Vec<String> {
        let state = self.shared.lock();
        state
            .messages
            .get(&(chat, message_id))
            .map(|m| {
                buttons(&m["reply_markup"]["inline_keyboard"])
                    .filter_map(|b| b["callback_data"].as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Waits until `method` was called at least `n` times.
    pub async fn wait_for_calls(
        &self,
        method: &str,
        n: usize,
        timeout: Duration,
    ) -> Result<(), String> {
        self.wait_until(timeout, |state| {
            let calls = state.calls.iter();
            (calls
                .filter(|c| c.method.eq_ignore_ascii_case(method))
                .count()
                >= n)
                .then_some(())
        })
        .await
        .map_err(|summary| format!("waited for {n} call(s) of {method}; {summary}"))
    }

    /// Waits until `check` returns `Some`, re-checking after every recorded call.
    async fn wait_until<T>(
        &self,
        timeout: Duration,
        check: impl Fn(&State) -> Option<T>,
    ) -> Result<T, String> {
        let deadline = Instant::now() + timeout;
        loop {
            // Register interest before checking, so a call recorded in between still wakes us.
            let recorded = self.shared.call_recorded.notified();
            tokio::pin!(recorded);
            recorded.as_mut().enable();
            if let Some(found) = check(&self.shared.lock()) {
                return Ok(found);
            }
            if tokio::time::timeout_at(deadline, recorded).await.is_err() {
                // Release the lock before `summary` takes it again.
                let last_look = check(&self.shared.lock());
                return last_look.ok_or_else(|| self.summary());
            }
        }
    }

    /// A short account of the traffic so far, for failure messages.
    pub fn summary(&self) -> String {
        let state = self.shared.lock();
        let mut counts: Vec<(String, usize)> = Vec::new();
        for call in &state.calls {
            match counts.iter_mut().find(|(m, _)| *m == call.method) {
                Some((_, n)) => *n += 1,
                None => counts.push((call.method.clone(), 1)),
            }
        }
        let texts: Vec<&str> = state
            .sent
            .iter()
            .map(|m| m.body["text"].as_str().unwrap_or_default())
            .collect();
        format!(
            "calls: {counts:?}; {} update(s) unconfirmed; sent texts: {texts:#?}",
            state.pending.len()
        )
    }

    /// Queues a message from `user_id` in their private chat with any content (a
    /// sticker, a photo, a contact: the Bot API `Message` fields). Returns its message id.
    pub fn push_user_message(&self, user_id: i64, content: Value) -> i64 {
        let mut state = self.shared.lock();
        let message_id = take_message_id(&mut state);
        let from = user_in(&state, user_id);
        let mut message = json!({
            "message_id": message_id,
            "date": unix_now(),
            "chat": private_chat(user_id),
            "from": from,
        });
        merge(&mut message, content);
        state
            .messages
            .insert((user_id, message_id), message.clone());
        push_update(&mut state, "message", message);
        drop(state);
        self.shared.updates_pushed.notify_waiters();
        message_id
    }
}

/// The one route: `POST /bot{token}/{method}`.
async fn handle(
    AxumState(shared): AxumState<Arc<Shared>>,
    Path((token, method)): Path<(String, String)>,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> Response {
    let arrived = Instant::now();
    let content_type = headers
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default();
    let body: Value = match content_type.split_once("boundary=") {
        // Files (sendPhoto, sendDocument) come as multipart/form-data.
        Some((_, boundary)) => multipart_fields(boundary.trim_matches('"'), &body),
        None => serde_json::from_slice(&body).unwrap_or_else(|_| json!({})),
    };
    let bot_id = bot_id(&token);
    // Telegram matches method names case-insensitively, and teloxide sends `GetMe`,
    // `SendMessage`...: record them in the documented camelCase form.
    let method = canonical(&method);

    let (outage, latency) = {
        let faults = &mut shared.lock().faults;
        let outage = faults.outage(arrived);
        if outage.is_some() {
            faults.rejections.outage += 1;
        }
        (outage, faults.latency)
    };
    if let Some(outage) = outage {
        record(&shared, &method, &body, true);
        return outage_response(outage);
    }

    // getUpdates is the only method that waits; it is recorded like any other.
    if method == "getUpdates" {
        record(&shared, &method, &body, true);
        if let Some(canned) = take_canned(&shared, &method) {
            return canned_response(&shared, canned);
        }
        return ok(get_updates(&shared, &body).await);
    }

    let canned = take_canned(&shared, &method).or_else(|| {
        matches!(
            method.as_str(),
            "sendMessage" | "sendPhoto" | "sendDocument"
        )
        .then(|| {
            // A file's fields come as text (multipart), a message's as JSON.
            let chat = body["chat_id"]
                .as_i64()
                .or_else(|| body["chat_id"].as_str()?.parse().ok());
            let paid = matches!(&body["allow_paid_broadcast"], Value::Bool(true))
                || body["allow_paid_broadcast"].as_str() == Some("true");
            shared.lock().faults.refuse_send(chat, paid, arrived)
        })
        .flatten()
    });
    let answer = match canned {
        Some(canned) => {
            record(&shared, &method, &body, true);
            tokio::time::sleep(latency).await;
            return canned_response(&shared, canned);
        }
        None => respond(&mut shared.lock(), &method, &body, bot_id, arrived),
    };
    record(&shared, &method, &body, answer.is_some());
    tokio::time::sleep(latency).await;
    match answer {
        Some(Ok(result)) => ok(result),
        Some(Err((code, description))) => error(code, &description),
        None => error(404, "Not Found: method not found"),
    }
}

/// Answers a non-waiting method: `Some(Ok(result))`, `Some(Err((code, description)))` for
/// a Bot API error, or `None` for a method this fake does not know.
fn respond(
    state: &mut State,
    method: &str,
    body: &Value,
    bot_id: i64,
    arrived: Instant,
) -> Option<Result<Value, (u16, String)>> {
    let answer = match method {
        "getMe" => Ok(me(bot_id)),
        "getWebhookInfo" => Ok(json!({
            "url": state.webhook.as_ref().map_or("", |w| w["url"].as_str().unwrap_or_default()),
            "has_custom_certificate": false,
            "pending_update_count": state.pending.len(),
            "last_error_date": state.webhook.as_ref().map(|_| 1_700_000_000),
            "last_error_message": state.webhook.as_ref().map(|_| "Connection refused"),
        })),
        "setWebhook" => {
            state.webhook = Some(body.clone());
            Ok(json!(true))
        }
        "deleteWebhook" => {
            state.webhook = None;
            Ok(json!(true))
        }
        "setMyCommands" | "deleteMyCommands" | "answerCallbackQuery" | "leaveChat" => {
            Ok(json!(true))
        }
        "sendMessage" => send_message(state, body, bot_id, arrived),
        "editMessageReplyMarkup" => edit_reply_markup(state, body),
        "editMessageText" => edit_text(state, body),
        "sendPhoto" | "sendDocument" => send_file(state, method, body, bot_id),
        _ => return None,
    };
    Some(answer)
}

/// Long polling: confirms updates before `offset`, then returns the pending ones at once
/// or waits for one to be pushed, for at most `timeout` (capped at [`MAX_POLL_WAIT`]).
async fn get_updates(shared: &Shared, body: &Value) -> Value {
    let offset = body["offset"].as_i64();
    let limit = body["limit"]
        .as_u64()
        .map_or(100, |l| l.clamp(1, 100) as usize);
    let wait = Duration::from_secs(body["timeout"].as_u64().unwrap_or(0)).min(MAX_POLL_WAIT);
    let deadline = Instant::now() + wait;
    loop {
        let pushed = shared.updates_pushed.notified();
        tokio::pin!(pushed);
        pushed.as_mut().enable();
        {
            let mut state = shared.lock();
            if let Some(offset) = offset.filter(|o| *o > 0) {
                state
                    .pending
                    .retain(|u| u["update_id"].as_i64().is_some_and(|id| id >= offset));
            }
            if !state.pending.is_empty() || Instant::now() >= deadline {
                return Value::Array(state.pending.iter().take(limit).cloned().collect());
            }
        }
        // On timeout the loop runs once more and returns whatever is there (maybe nothing).
        let _ = tokio::time::timeout_at(deadline, pushed).await;
    }
}

fn send_message(
    state: &mut State,
    body: &Value,
    bot_id: i64,
    arrived: Instant,
) -> Result<Value, (u16, String)> {
    let chat_id = body["chat_id"]
        .as_i64()
        .ok_or((400, "Bad Request: chat not found".to_owned()))?;
    let text = body["text"]
        .as_str()
        .filter(|t| !t.trim().is_empty())
        .ok_or((400, "Bad Request: message text is empty".to_owned()))?;
    let message_id = take_message_id(state);
    let mut message = json!({
        "message_id": message_id,
        "date": unix_now(),
        "chat": private_chat(chat_id),
        "from": bot_user(bot_id),
        "text": text,
    });
    // A Message only ever carries an inline keyboard; reply keyboards stay client-side.
    if body["reply_markup"]["inline_keyboard"].is_array() {
        message["reply_markup"] = body["reply_markup"].clone();
    }
    state
        .messages
        .insert((chat_id, message_id), message.clone());
    state.sent.push(SentMessage {
        chat_id,
        message_id,
        body: body.clone(),
        at: arrived,
        received: SystemTime::now(),
    });
    Ok(message)
}

fn edit_reply_markup(state: &mut State, body: &Value) -> Result<Value, (u16, String)> {
    if body["inline_message_id"].is_string() {
        return Ok(json!(true));
    }
    let key = (
        body["chat_id"].as_i64().unwrap_or_default(),
        body["message_id"].as_i64().unwrap_or_default(),
    );
    let message = state
        .messages
        .get_mut(&key)
        .ok_or((400, "Bad Request: message to edit not found".to_owned()))?;
    let object = message.as_object_mut().expect("messages are objects");
    match &body["reply_markup"] {
        markup if markup["inline_keyboard"].is_array() => {
            object.insert("reply_markup".to_owned(), markup.clone());
        }
        _ => {
            object.remove("reply_markup");
        }
    }
    object.insert("edit_date".to_owned(), json!(unix_now()));
    Ok(message.clone())
}

/// `editMessageText`: the message's text and inline keyboard replaced.
fn edit_text(state: &mut State, body: &Value) -> Result<Value, (u16, String)> {
    let mut message = edit_reply_markup(state, body)?;
    let key = (
        body["chat_id"].as_i64().unwrap_or_default(),
        body["message_id"].as_i64().unwrap_or_default(),
    );
    if let Some(stored) = state.messages.get_mut(&key) {
        stored["text"] = body["text"].clone();
    }
    message["text"] = body["text"].clone();
    Ok(message)
}

/// `sendPhoto` and `sendDocument`: the file is recorded (name and size, in the call's
/// body) and answered with a message that carries it.
fn send_file(
    state: &mut State,
    method: &str,
    body: &Value,
    bot_id: i64,
) -> Result<Value, (u16, String)> {
    let chat_id = body["chat_id"]
        .as_str()
        .and_then(|c| c.parse::<i64>().ok())
        .or_else(|| body["chat_id"].as_i64())
        .ok_or((400, "Bad Request: chat not found".to_owned()))?;
    let message_id = take_message_id(state);
    let file = json!({ "file_id": format!("file-{message_id}"), "file_unique_id": format!("u{message_id}") });
    let mut message = json!({
        "message_id": message_id,
        "date": unix_now(),
        "chat": private_chat(chat_id),
        "from": bot_user(bot_id),
    });
    if method == "sendPhoto" {
        let mut size = file;
        size["width"] = json!(800);
        size["height"] = json!(600);
        message["photo"] = json!([size]);
    } else {
        message["document"] = file;
    }
    state
        .messages
        .insert((chat_id, message_id), message.clone());
    let field = if method == "sendPhoto" {
        "photo"
    } else {
        "document"
    };
    // The file is either the field itself or a part it points to (`attach://<name>`).
    let file = match body[field]
        .as_str()
        .and_then(|v| v.strip_prefix("attach://"))
    {
        Some(part) => &body[part],
        None => &body[field],
    };
    state.files.push(SentFile {
        chat_id,
        method: method.to_owned(),
        name: file["filename"].as_str().unwrap_or_default().to_owned(),
        size: file["size"].as_u64().unwrap_or_default(),
        text: file["text"].as_str().unwrap_or_default().to_owned(),
    });
    Ok(message)
}

/// The fields of a multipart/form-data body: text fields by name; a file field as
/// `{"filename": .., "size": .., "text": ..}`.
fn multipart_fields(boundary: &str, body: &[u8]) -> Value {
    let text = String::from_utf8_lossy(body);
    let mut fields = serde_json::Map::new();
    for part in text.split(&format!("--{boundary}")) {
        let Some((head, value)) = part.split_once("\r\n\r\n") else {
            continue;
        };
        let attribute = |name: &str| {
            head.split(&format!("{name}=\""))
                .nth(1)
                .and_then(|rest| rest.split('"').next())
                .map(str::to_owned)
        };
        let Some(name) = attribute("name") else {
            continue;
        };
        let value = value.strip_suffix("\r\n").unwrap_or(value);
        let field = match attribute("filename") {
            Some(filename) => json!({ "filename": filename, "size": value.len(), "text": value }),
            None => json!(value),
        };
        fields.insert(name, field);
    }
    Value::Object(fields)
}

fn record(shared: &Shared, method: &str, body: &Value, known: bool) {
    shared.lock().calls.push(Call {
        method: method.to_owned(),
        body: body.clone(),
        known,
        at: Instant::now(),
    });
    shared.call_recorded.notify_waiters();
}

/// Sends a canned (or refusing) answer, counting the 429s among them.
fn canned_response(shared: &Shared, canned: Canned) -> Response {
    if canned.status == StatusCode::TOO_MANY_REQUESTS {
        shared.lock().faults.rejections.too_many_requests += 1;
    }
    (canned.status, axum::Json(canned.body)).into_response()
}

/// What a request gets while the server is down.
fn outage_response(outage: Outage) -> Response {
    match outage {
        Outage::BadGateway => (
            StatusCode::BAD_GATEWAY,
            [("content-type", "text/html")],
            "<html><head><title>502 Bad Gateway</title></head>\
             <body><center><h1>502 Bad Gateway</h1></center></body></html>",
        )
            .into_response(),
        // A body that fails at once makes the server abort the connection mid-answer.
        Outage::Disconnect => {
            let failing = futures_util::stream::once(async {
                Err::<Bytes, _>(std::io::Error::new(
                    std::io::ErrorKind::ConnectionAborted,
                    "the fake Bot API is down",
                ))
            });
            Response::new(Body::from_stream(failing))
        }
    }
}

fn take_canned(shared: &Shared, method: &str) -> Option<Canned> {
    shared
        .lock()
        .canned
        .get_mut(&method.to_ascii_lowercase())?
        .pop_front()
}

fn push_update(state: &mut State, kind: &str, payload: Value) {
    let update_id = state.next_update_id;
    state.next_update_id += 1;
    let mut update = json!({ "update_id": update_id });
    update[kind] = payload;
    state.pending.push_back(update);
}

fn take_message_id(state: &mut State) -> i64 {
    let id = state.next_message_id;
    state.next_message_id += 1;
    id
}

fn ok(result: Value) -> Response {
    axum::Json(json!({ "ok": true, "result": result })).into_response()
}

fn error(code: u16, description: &str) -> Response {
    let status = StatusCode::from_u16(code).unwrap_or(StatusCode::BAD_REQUEST);
    let body = json!({ "ok": false, "error_code": code, "description": description });
    (status, axum::Json(body)).into_response()
}

/// `SendMessage` → `sendMessage`: the spelling of the Bot API documentation.
fn canonical(method: &str) -> String {
    let mut chars = method.chars();
    match chars.next() {
        Some(first) => first.to_ascii_lowercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

/// The bot's id is the part of the token before ':' (`bot123456:secret` → 123456).
fn bot_id(token_segment: &str) -> i64 {
    token_segment
        .strip_prefix("bot")
        .and_then(|t| t.split(':').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or(1)
}

fn me(bot_id: i64) -> Value {
    let mut me = bot_user(bot_id);
    merge(
        &mut me,
        json!({
            "can_join_groups": true,
            "can_read_all_group_messages": false,
            "supports_inline_queries": false,
            "can_connect_to_business": false,
            "has_main_web_app": false,
        }),
    );
    me
}

fn bot_user(bot_id: i64) -> Value {
    json!({
        "id": bot_id,
        "is_bot": true,
        "first_name": "hipcoach (test)",
        "username": BOT_USERNAME,
    })
}

fn user(user_id: i64) -> Value {
    json!({
        "id": user_id,
        "is_bot": false,
        "first_name": USER_FIRST_NAME,
        "language_code": USER_LANGUAGE,
    })
}

/// The user as the fake knows them: with the language set by [`FakeBotApi::set_language`].
fn user_in(state: &State, user_id: i64) -> Value {
    let mut from = user(user_id);
    if let Some(language) = state.languages.get(&user_id) {
        from["language_code"] = json!(language);
    }
    from
}

fn private_chat(user_id: i64) -> Value {
    json!({ "id": user_id, "type": "private", "first_name": USER_FIRST_NAME })
}

/// Copies the fields of the object `extra` into the object `target`.
fn merge(target: &mut Value, extra: Value) {
    if let (Some(target), Value::Object(extra)) = (target.as_object_mut(), extra) {
        target.extend(extra);
    }
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(1, |d| d.as_secs().max(1))
}
