//! The Telegram front end as `hipcoach run` runs it (the real dispatcher, handler tree,
//! engine, outbox and transport) against the project's own fake Bot API server: messages,
//! locations, stickers and button presses go in as updates, Bot API calls come out.

use crate::support::fake_bot_api;

use std::time::Duration;

use fake_bot_api::{FakeBotApi, SentMessage, inline_buttons};
use hipcoach::core::read::action;
use hipcoach::engine::Engine;
use hipcoach::limiter::Limiter;
use hipcoach::store::Store;
use hipcoach::telegram;
use serde_json::Value;

const TOKEN: &str = "123456:TEST-TOKEN";
const USER: i64 = 4242;
const PATIENCE: Duration = Duration::from_secs(20);

/// One person and the bot, on a fresh database, without Telegram's rate limits (tested on
/// their own).
struct Chat {
    fake: FakeBotApi,
    bot: tokio::task::JoinHandle<anyhow::Result<()>>,
    /// Messages already looked at.
    seen: usize,
    _dir: tempfile::TempDir,
}

impl Drop for Chat {
    fn drop(&mut self) {
        self.bot.abort();
    }
}

impl Chat {
    async fn start(language: &str) -> Chat {
        Chat::start_with_page(language, None).await
    }

    /// The bot with the measuring page at `page` (as `--public-url` gives it).
    async fn start_with_page(language: &str, page: Option<&str>) -> Chat {
        let fake = FakeBotApi::start().await;
        fake.set_language(USER, language);
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("front.db").display());
        let engine = Engine::new(Store::open(&url).await.unwrap()).with_phone_page(page.is_some());
        let client = telegram::bot(TOKEN.into(), Some(fake.url().parse().unwrap())).unwrap();
        let transport = telegram::TelegramTransport::with_limiter(client, Limiter::unlimited())
            .with_page(page.map(|p| p.parse().unwrap()));
        let bot = tokio::spawn(hipcoach::app::serve_telegram(engine, transport));
        Chat {
            fake,
            bot,
            seen: 0,
            _dir: dir,
        }
    }

    /// After /start and consent: the time-zone question is open.
    async fn asked_for_time_zone() -> Chat {
        let mut chat = Chat::start("en").await;
        let hello = chat.say("/start", "Hi, I'm hipcoach.").await;
        chat.press(&hello, "c:y");
        chat.expect("your time zone").await;
        chat
    }

    /// Waits for the next message to the person (after those seen) containing `text`.
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

    /// Presses the button with the action `bare` under `message`, with its stamped data.
    fn press(&self, message: &SentMessage, bare: &str) {
        let data = data_for(&message.body["reply_markup"], bare);
        self.fake.push_callback(USER, &data, message.message_id);
    }

    /// Presses the button labelled `label` under `message`.
    fn press_label(&self, message: &SentMessage, label: &str) {
        let data = inline_buttons(&message.body["reply_markup"])
            .into_iter()
            .find(|(text, _)| text == label)
            .map(|(_, data)| data)
            .unwrap_or_else(|| panic!("no button {label:?} under {:?}", message.text()));
        self.fake.push_callback(USER, &data, message.message_id);
    }
}

/// The actions of the inline buttons, each checked to carry a question stamp.
fn inline_data(markup: &Value) -> Vec<String> {
    inline_buttons(markup)
        .iter()
        .map(|(_, d)| {
            let (_, bare) = action::unstamp(d).unwrap_or_else(|| panic!("unstamped {d:?}"));
            bare.to_string()
        })
        .collect()
}

/// The data of the button for this action, as it was sent (with its stamp).
fn data_for(markup: &Value, bare: &str) -> String {
    inline_buttons(markup)
        .into_iter()
        .map(|(_, d)| d)
        .find(|d| action::unstamp(d).is_some_and(|(_, b)| b == bare))
        .unwrap_or_else(|| panic!("no {bare} in {markup}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn start_consent_and_time_zone_through_telegram() {
    let mut chat = Chat::start("en").await;
    let hello = chat.say("/start", "Hi, I'm hipcoach.").await;
    assert_eq!(inline_data(&hello.body["reply_markup"]), ["c:y", "c:n"]);

    chat.press(&hello, "c:y");
    let ask = chat.expect("your time zone").await;
    assert_eq!(
        chat.fake.calls("answerCallbackQuery"),
        1,
        "the spinner is stopped"
    );
    chat.fake
        .wait_for_calls("editMessageReplyMarkup", 1, PATIENCE)
        .await
        .expect("the answered buttons are removed");
    assert!(
        ask.requests_location(),
        "a reply keyboard with a location button: {}",
        ask.body["reply_markup"]
    );

    let check = chat
        .say("New York", "(America/New_York). Is that right?")
        .await;
    assert_eq!(inline_data(&check.body["reply_markup"]), ["z:y", "z:n"]);

    chat.press(&check, "z:y");
    let saved = chat.expect("Saved: America/New_York.").await;
    assert!(saved.text().starts_with("Saved: America/New_York."));
    assert_eq!(
        saved.body["reply_markup"]["remove_keyboard"], true,
        "the time-zone keyboard is taken away"
    );
    let age = chat.expect("How old are you?").await;
    assert_eq!(
        inline_data(&age.body["reply_markup"]),
        ["o:age_u18", "o:age_20_50", "o:age_o50"]
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shared_location_sets_the_time_zone() {
    let mut chat = Chat::asked_for_time_zone().await;
    chat.fake.push_location(USER, 27.7172, 85.324);
    chat.expect("(Asia/Kathmandu)").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn german_clients_are_answered_in_german() {
    let mut chat = Chat::start("de").await;
    let hello = chat.say("/start", "Hallo").await;
    assert!(
        hello.text().starts_with("Hallo, ich bin hipcoach."),
        "{}",
        hello.text()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sticker_gets_a_helpful_answer() {
    let mut chat = Chat::asked_for_time_zone().await;
    let seen = chat.seen;
    chat.fake.push_user_message(
        USER,
        serde_json::json!({ "sticker": {
            "file_id": "sticker-1", "file_unique_id": "s1", "type": "regular",
            "width": 512, "height": 512, "is_animated": false, "is_video": false,
        }}),
    );
    let answer = chat.expect("only read text").await;
    assert_eq!(
        chat.seen,
        seen + 1,
        "the answer comes first: {}",
        answer.text()
    );
    chat.expect("Where are you?").await;
    assert_eq!(chat.seen, seen + 2, "then the open question, asked again");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_a_group_it_says_so_and_sends_nothing_personal() {
    let chat = Chat::start("en").await;
    let group = -100_777;
    chat.fake.push_group_text(USER, group, "/start");
    chat.fake
        .wait_for_calls("leaveChat", 1, PATIENCE)
        .await
        .expect("the bot leaves the group");
    let said: Vec<String> = chat
        .fake
        .sent()
        .iter()
        .map(|m| (m.chat_id, m.text().to_owned()))
        .map(|(to, text)| {
            assert_eq!(to, group, "nothing goes anywhere else: {text}");
            text
        })
        .collect();
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].starts_with("I only work in private chats"));
    assert!(
        !said[0].contains("health data:"),
        "no consent question in a group"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_forged_button_is_refused_politely() {
    let mut chat = Chat::asked_for_time_zone().await;
    let ask = chat.fake.sent_to(USER).last().cloned().unwrap();
    // Bare data, as no button of ours carries: the press is refused, the question stays.
    chat.fake.push_callback(USER, "z:y", ask.message_id);
    chat.expect("earlier question").await;
    chat.expect("Where are you?").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ticking_an_option_redraws_the_question_in_place() {
    let mut chat = Chat::asked_for_time_zone().await;
    let check = chat.say("Berlin", "Is that right?").await;
    chat.press(&check, "z:y");
    chat.expect("How old are you?").await;
    let activities = chat.say("40", "What do you do most?").await;
    let sent_before = chat.fake.sent_to(USER).len();

    chat.press(&activities, "o:golf");
    chat.fake
        .wait_for_calls("editMessageText", 1, PATIENCE)
        .await
        .expect("the question is redrawn");
    let redrawn = chat
        .fake
        .all_calls()
        .into_iter()
        .rev()
        .find(|c| c.method == "editMessageText")
        .unwrap();
    assert_eq!(redrawn.body["message_id"], activities.message_id);
    let markup = &redrawn.body["reply_markup"];
    assert!(inline_data(markup).contains(&"o:golf".to_string()));
    let labels: Vec<String> = inline_buttons(markup).into_iter().map(|(l, _)| l).collect();
    assert!(labels.contains(&"✓ Golf".to_string()), "{labels:?}");
    assert_eq!(
        chat.fake.sent_to(USER).len(),
        sent_before,
        "no new message for a tick"
    );

    // The redrawn question's own Done (the first drawing's is stale now).
    let done = data_for(markup, "o:done");
    chat.fake.push_callback(USER, &done, activities.message_id);
    chat.expect("how many hours do you sit").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_drill_session_pain_score_and_progress_chart_through_telegram() {
    let mut chat = Chat::asked_for_time_zone().await;
    let check = chat.say("UTC+1", "Is that right?").await;
    chat.press(&check, "z:y");
    chat.expect("How old are you?").await;
    for (line, next) in [
        ("34", "What do you do most?"),
        ("desk work", "how many hours do you sit"),
        ("8", "When do you work?"),
        ("mon-fri 9-17", "lunch break"),
        ("none", "drill session"),
        ("18:00", "which days"),
        ("Mo Mi Fr", "Where does it hurt?"),
        // Nothing hurts: the usual pain is not asked.
        ("nowhere", "What do you have at home?"),
        ("none", "safety check"),
        ("none", "measure your hips"),
        ("25", "right leg"),
        ("28", "lying face down"),
        ("skip", "right leg"),
        ("skip", "other direction"),
        ("skip", "right leg"),
        ("skip", "lying on your back"),
    ] {
        chat.say(line, next).await;
    }
    let feet = chat.fake.sent_to(USER).last().cloned().unwrap();
    chat.press_label(&feet, "Outward");
    let figure4 = chat.expect("figure-4").await;
    chat.press_label(&figure4, "Yes");
    let butterfly = chat.expect("butterfly").await;
    chat.press_label(&butterfly, "Yes");
    chat.expect("how much did the tests hurt").await;
    chat.say("0", "/today").await;

    chat.say("/today", "Today: phase 1, level 2.").await;
    let mut exercises = 0;
    let mut last = chat.expect(" · ").await;
    loop {
        chat.press_label(&last, "✅ Done");
        exercises += 1;
        let next = chat
            .fake
            .wait_for_sent_matching(chat.seen, PATIENCE, |m| {
                m.chat_id == USER
                    && (m.text().contains(" · ") || m.text().contains("during the session"))
            })
            .await
            .unwrap_or_else(|s| panic!("after Done: {s}"));
        chat.seen = next.0 + 1;
        last = next.1;
        if last.text().contains("during the session") || exercises >= 10 {
            break;
        }
    }
    assert!((3..=5).contains(&exercises), "{exercises} exercises");
    chat.press_label(&last, "2");
    chat.expect("Saved: 2/10.").await;

    chat.say("/progress", "Your progress").await;
    let deadline = tokio::time::Instant::now() + PATIENCE;
    while chat.fake.files_to(USER).is_empty() {
        assert!(tokio::time::Instant::now() < deadline, "no chart");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let files = chat.fake.files_to(USER);
    assert_eq!(files.len(), 1, "the chart as a photo: {files:?}");
    assert_eq!(files[0].method, "sendPhoto");
}

/// What the measuring page sends back for `test` and `side`: the median of `readings`.
fn page_answer(test: &str, side: &str, readings: [u8; 3]) -> String {
    let mut sorted = readings;
    sorted.sort_unstable();
    format!(
        r#"{{"v":1,"test":"{test}","side":"{side}","degrees":{},"readings":[{},{},{}],"method":"phone"}}"#,
        sorted[1], readings[0], readings[1], readings[2]
    )
}

/// Through intake to the first rotation test (the seated one, left side).
async fn to_the_seated_test(chat: &mut Chat) {
    let check = chat.say("UTC+1", "Is that right?").await;
    chat.press(&check, "z:y");
    chat.expect("How old are you?").await;
    for (line, next) in [
        ("34", "What do you do most?"),
        ("desk work", "how many hours do you sit"),
        ("8", "When do you work?"),
        ("mon-fri 9-17", "lunch break"),
        ("none", "drill session"),
        ("18:00", "which days"),
        ("Mo Mi Fr", "Where does it hurt?"),
        ("nowhere", "What do you have at home?"),
        ("none", "safety check"),
        ("none", "measure your hips"),
    ] {
        chat.say(line, next).await;
    }
}

const PAGE: &str = "https://coach.example.org/app/";
const MEASURE: &str = "📐 Measure with my phone";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_phone_measures_the_seated_and_face_down_tests_through_telegram() {
    let mut chat = Chat::start_with_page("en", Some(PAGE)).await;
    let hello = chat.say("/start", "Hi, I'm hipcoach.").await;
    chat.press(&hello, "c:y");
    chat.expect("your time zone").await;
    to_the_seated_test(&mut chat).await;
    let offer = chat.expect("Most exact: let your phone measure").await;
    assert_eq!(offer.reply_keyboard_labels(), vec![MEASURE.to_owned()]);
    let url = offer.web_app_url().unwrap_or_default();
    let first_q = url
        .strip_prefix("https://coach.example.org/app/?test=seated&side=left&lang=en&q=")
        .unwrap_or_else(|| panic!("{url}"))
        .to_owned();
    // The button stays in view until the question moves on (not a one-time keyboard).
    assert_ne!(offer.body["reply_markup"]["one_time_keyboard"], true);

    // Untrusted: another step, an impossible number, broken or oversized JSON are
    // refused, each politely, and the left side is still the one asked.
    let refusals = [
        (page_answer("seated", "right", [40, 41, 40]), "was for the seated test on the right"),
        (page_answer("prone_internal", "left", [30, 31, 30]), "the face-down test"),
        (
            r#"{"v":1,"test":"seated","side":"left","degrees":120,"readings":[120,120,120],"method":"phone"}"#.to_owned(),
            "more than a hip turns",
        ),
        ("{\"v\":1,".to_owned(), "couldn't read"),
        (format!("{:<5000}", page_answer("seated", "left", [37, 38, 40])), "couldn't read"),
    ];
    for (data, answer) in &refusals {
        chat.fake.push_web_app_data(USER, data, MEASURE);
        let refused = chat.expect(answer).await;
        assert!(refused.text().contains("didn't save"), "{}", refused.text());
    }

    // The right step is taken, said back, and the next side's page offered.
    let steps = [
        (
            "seated",
            "left",
            [37, 38, 40],
            "left side: 38° (readings from 37° to 40°)",
            "seated&side=right",
        ),
        (
            "seated",
            "right",
            [35, 36, 34],
            "right side: 35°",
            "prone_internal&side=left",
        ),
        (
            "prone_internal",
            "left",
            [41, 40, 42],
            "left side: 41°",
            "prone_internal&side=right",
        ),
        (
            "prone_internal",
            "right",
            [40, 40, 39],
            "right side: 40°",
            "prone_external&side=left",
        ),
        (
            "prone_external",
            "left",
            [30, 31, 29],
            "left side: 30°",
            "prone_external&side=right",
        ),
    ];
    for (test, side, readings, said, next) in steps {
        chat.fake
            .push_web_app_data(USER, &page_answer(test, side, readings), MEASURE);
        chat.expect(said).await;
        let offer = chat.expect("Most exact: let your phone measure").await;
        let url = offer.web_app_url().unwrap_or_default();
        assert!(
            url.contains(&format!("?test={next}&lang=en&q=")),
            "{url} after {test} {side}"
        );
        if test == "seated" && side == "left" {
            // A page left open from the first question (its number in the answer) is late,
            // even measuring the side asked now.
            let late = page_answer("seated", "right", [35, 36, 34])
                .replace('}', &format!(r#","q":{first_q}}}"#));
            chat.fake.push_web_app_data(USER, &late, MEASURE);
            chat.expect("opened for an earlier question").await;
        }
    }
    chat.fake.push_web_app_data(
        USER,
        &page_answer("prone_external", "right", [32, 33, 33]),
        MEASURE,
    );
    // The measuring is over: the page's button goes, and the feet question follows.
    let done = chat.expect("put the measuring button away").await;
    assert!(done.removes_keyboard(), "{:?}", done.body);
    let feet = chat.expect("lying on your back").await;
    assert!(feet.web_app_url().is_none());
    chat.press_label(&feet, "Outward");
    let figure4 = chat.expect("figure-4").await;
    chat.press_label(&figure4, "Yes");
    let butterfly = chat.expect("butterfly").await;
    chat.press_label(&butterfly, "Yes");
    chat.expect("how much did the tests hurt").await;
    let result = chat.say("0", "Left: 38° (by phone)").await;
    assert!(
        result.text().contains("Right: 35° (by phone)"),
        "{}",
        result.text()
    );

    // Kept as measured by phone, with its readings' range, in the person's export.
    chat.say("/export", "Here is everything").await;
    let waited = std::time::Instant::now();
    let export = loop {
        let json = chat
            .fake
            .files_to(USER)
            .into_iter()
            .find(|f| f.name.ends_with(".json"));
        match json {
            Some(file) => break file,
            None if waited.elapsed() < PATIENCE => {
                tokio::time::sleep(Duration::from_millis(20)).await
            }
            None => panic!("no JSON export"),
        }
    };
    let compact: String = export.text.split_whitespace().collect();
    for kept in [
        r#""seated_left":{"answer":"phone","degrees":38,"low":37,"high":40}"#,
        r#""prone_external_right":{"answer":"phone","degrees":33,"low":32,"high":33}"#,
    ] {
        assert!(compact.contains(kept), "{kept} not in {compact:.3000}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_public_address_no_message_carries_the_pages_button() {
    let mut chat = Chat::asked_for_time_zone().await;
    to_the_seated_test(&mut chat).await;
    chat.fake
        .push_web_app_data(USER, &page_answer("seated", "left", [37, 38, 40]), MEASURE);
    // A forged answer still reads as one (the core checks it, not the button), but no
    // message ever carried the page's button.
    chat.expect("left side: 38°").await;
    assert!(
        chat.fake
            .sent_to(USER)
            .iter()
            .all(|m| m.web_app_url().is_none())
    );
}
