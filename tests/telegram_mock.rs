//! The Telegram adapter, the real handler tree, against teloxide_tests' mock Bot API:
//! messages and button presses go in, Bot API calls come out.

use hipcoach::core::action;
use hipcoach::delivery::Limiter;
use hipcoach::engine::Engine;
use hipcoach::store::Store;
use hipcoach::telegram::schema;
use teloxide::dptree::deps;
use teloxide::types::{ReplyMarkup, User};
use teloxide_tests::{
    MockBot, MockCallbackQuery, MockGroupChat, MockMessageLocation, MockMessageSticker,
    MockMessageText, MockUser,
};

/// The handlers' behaviour, without Telegram's rate limits (tested on their own).
/// A database file, not `sqlite::memory:`: the mock bot runs each dispatch on a runtime
/// of its own, and a pooled connection returned after that runtime ended is closed; a
/// new connection to a memory database would find it empty.
async fn engine() -> Engine {
    let dir = tempfile::tempdir().unwrap().keep();
    let url = format!("sqlite://{}", dir.join("mock.db").display());
    Engine::with_limiter(Store::open(&url).await.unwrap(), Limiter::unlimited())
}

fn person(language: &str) -> User {
    MockUser::new().language_code(language).build()
}

fn text(from: &User, text: &str) -> MockMessageText {
    MockMessageText::new().text(text).from(from.clone())
}

fn press(from: &User, data: &str) -> MockCallbackQuery {
    MockCallbackQuery::new().data(data).from(from.clone())
}

type TestBot =
    MockBot<Box<dyn std::error::Error + Send + Sync>, teloxide_tests::mock_bot::DistributionKey>;

/// A bot with a fresh store, after /start and consent: the time-zone question is open.
async fn asked_for_time_zone(user: &User) -> TestBot {
    let mut bot = MockBot::new(text(user, "/start"), schema());
    bot.dependencies(deps![engine().await]);
    bot.dispatch().await;
    let agree = data_for(&sent(&bot)[0].1, "c:y");
    bot.update(press(user, &agree));
    bot.dispatch().await;
    bot
}

/// The text and markup of every message the bot sent in the last dispatch.
fn sent(bot: &TestBot) -> Vec<(String, Option<ReplyMarkup>)> {
    bot.get_responses()
        .sent_messages_text
        .into_iter()
        .map(|m| (m.bot_request.text, m.bot_request.reply_markup))
        .collect()
}

/// The actions of the inline buttons, each checked to carry a question stamp.
fn inline_data(markup: &Option<ReplyMarkup>) -> Vec<String> {
    stamped_data(markup)
        .iter()
        .map(|d| {
            let (_, bare) = action::unstamp(d).unwrap_or_else(|| panic!("unstamped {d:?}"));
            bare.to_string()
        })
        .collect()
}

/// The data of the button for this action, as it was sent (with its stamp).
fn data_for(markup: &Option<ReplyMarkup>, bare: &str) -> String {
    stamped_data(markup)
        .into_iter()
        .find(|d| action::unstamp(d).is_some_and(|(_, b)| b == bare))
        .unwrap_or_else(|| panic!("no {bare} in {markup:?}"))
}

fn stamped_data(markup: &Option<ReplyMarkup>) -> Vec<String> {
    match markup {
        Some(ReplyMarkup::InlineKeyboard(k)) => k
            .inline_keyboard
            .iter()
            .flatten()
            .filter_map(|b| match &b.kind {
                teloxide::types::InlineKeyboardButtonKind::CallbackData(d) => Some(d.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

#[tokio::test]
async fn start_consent_and_time_zone_through_telegram() {
    let user = person("en");
    let mut bot = MockBot::new(text(&user, "/start"), schema());
    bot.dependencies(deps![engine().await]);

    bot.dispatch().await;
    let replies = sent(&bot);
    assert_eq!(replies.len(), 1);
    assert!(replies[0].0.starts_with("Hi, I'm hipcoach."));
    assert_eq!(inline_data(&replies[0].1), ["c:y", "c:n"]);

    bot.update(press(&user, &data_for(&replies[0].1, "c:y")));
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert_eq!(
        responses.answered_callback_queries.len(),
        1,
        "the spinner is stopped"
    );
    assert_eq!(
        responses.edited_messages_reply_markup.len(),
        1,
        "the answered buttons are removed"
    );
    let replies = sent(&bot);
    assert!(replies[0].0.contains("your time zone"));
    let Some(ReplyMarkup::Keyboard(keyboard)) = &replies[0].1 else {
        panic!(
            "a reply keyboard with a location button: {:?}",
            replies[0].1
        )
    };
    assert!(matches!(
        keyboard.keyboard[0][0].request,
        Some(teloxide::types::ButtonRequest::Location)
    ));

    bot.update(text(&user, "New York"));
    bot.dispatch().await;
    let replies = sent(&bot);
    assert!(
        replies[0].0.contains("(America/New_York). Is that right?"),
        "{}",
        replies[0].0
    );
    assert_eq!(inline_data(&replies[0].1), ["z:y", "z:n"]);

    bot.update(press(&user, &data_for(&replies[0].1, "z:y")));
    bot.dispatch().await;
    let replies = sent(&bot);
    assert!(
        replies[0].0.starts_with("Saved: America/New_York."),
        "{replies:?}"
    );
    assert!(
        matches!(replies[0].1, Some(ReplyMarkup::KeyboardRemove(_))),
        "the time-zone keyboard is taken away"
    );
    assert!(
        replies[1].0.contains("How old are you?"),
        "the intake follows: {}",
        replies[1].0
    );
    assert_eq!(
        inline_data(&replies[1].1),
        ["o:age_u18", "o:age_20_50", "o:age_o50"]
    );
}

#[tokio::test]
async fn a_shared_location_sets_the_time_zone() {
    let user = person("en");
    let mut bot = asked_for_time_zone(&user).await;

    let location = MockMessageLocation::new()
        .latitude(27.7172)
        .longitude(85.324)
        .from(user.clone());
    bot.update(location);
    bot.dispatch().await;
    let replies = sent(&bot);
    assert!(
        replies[0].0.contains("(Asia/Kathmandu)"),
        "{}",
        replies[0].0
    );
}

#[tokio::test]
async fn german_clients_are_answered_in_german() {
    let user = person("de");
    let mut bot = MockBot::new(text(&user, "/start"), schema());
    bot.dependencies(deps![engine().await]);
    bot.dispatch().await;
    let replies = sent(&bot);
    assert!(
        replies[0].0.starts_with("Hallo, ich bin hipcoach."),
        "{}",
        replies[0].0
    );
}

#[tokio::test]
async fn a_sticker_gets_a_helpful_answer() {
    let user = person("en");
    let mut bot = asked_for_time_zone(&user).await;

    bot.update(MockMessageSticker::new().from(user.clone()));
    bot.dispatch().await;
    let replies = sent(&bot);
    assert_eq!(replies.len(), 2);
    assert!(replies[0].0.contains("only read text"));
    assert!(
        replies[1].0.contains("Where are you?"),
        "the open question is asked again"
    );
}

#[tokio::test]
async fn in_a_group_it_says_so_and_sends_nothing_personal() {
    let user = person("en");
    let group = MockMessageText::new()
        .text("/start")
        .from(user.clone())
        .chat(MockGroupChat::new().build());
    let mut bot = MockBot::new(group, schema());
    bot.dependencies(deps![engine().await]);
    bot.dispatch().await;
    let replies = sent(&bot);
    assert_eq!(replies.len(), 1);
    assert!(replies[0].0.starts_with("I only work in private chats"));
    assert!(
        !replies[0].0.contains("health data:"),
        "no consent question in a group"
    );
}

#[tokio::test]
async fn a_forged_button_is_refused_politely() {
    let user = person("en");
    let mut bot = asked_for_time_zone(&user).await;

    bot.update(press(&user, "z:y"));
    bot.dispatch().await;
    let replies = sent(&bot);
    assert!(
        replies[0].0.contains("earlier question"),
        "{}",
        replies[0].0
    );
    assert!(replies[1].0.contains("Where are you?"));
}

#[tokio::test]
async fn ticking_an_option_redraws_the_question_in_place() {
    let user = person("en");
    let mut bot = asked_for_time_zone(&user).await;
    bot.update(text(&user, "Berlin"));
    bot.dispatch().await;
    let right = data_for(&sent(&bot)[0].1, "z:y");
    bot.update(press(&user, &right));
    bot.dispatch().await;
    bot.update(text(&user, "40"));
    bot.dispatch().await;
    let activities = sent(&bot)
        .into_iter()
        .rev()
        .find(|(_, m)| !stamped_data(m).is_empty())
        .expect("the activities question")
        .1;

    bot.update(press(&user, &data_for(&activities, "o:golf")));
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert!(
        responses.sent_messages.is_empty(),
        "no new message for a tick"
    );
    let edited = responses
        .edited_messages_text
        .last()
        .expect("the question is redrawn");
    let markup = edited.bot_request.reply_markup.clone();
    assert!(inline_data(&markup).contains(&"o:golf".to_string()));
    let labels: Vec<String> = match markup {
        Some(ReplyMarkup::InlineKeyboard(k)) => k
            .inline_keyboard
            .iter()
            .flatten()
            .map(|b| b.text.clone())
            .collect(),
        _ => Vec::new(),
    };
    assert!(labels.contains(&"✓ Golf".to_string()), "{labels:?}");

    // The redrawn question's own Done (the first drawing's is stale now).
    let done = data_for(&edited.bot_request.reply_markup, "o:done");
    bot.update(press(&user, &done));
    bot.dispatch().await;
    let replies = sent(&bot);
    assert!(
        replies[0].0.contains("how many hours do you sit"),
        "{}",
        replies[0].0
    );
}

/// Presses the inline button with this label on the latest message that has buttons.
fn press_label(
    bot: &mut TestBot,
    user: &User,
    last: &[(String, Option<ReplyMarkup>)],
    label: &str,
) {
    let data =
        last.iter()
            .rev()
            .find_map(|(_, markup)| match markup {
                Some(ReplyMarkup::InlineKeyboard(k)) => k
                    .inline_keyboard
                    .iter()
                    .flatten()
                    .find_map(|b| match &b.kind {
                        teloxide::types::InlineKeyboardButtonKind::CallbackData(d)
                            if b.text == label =>
                        {
                            Some(d.clone())
                        }
                        _ => None,
                    }),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no button {label:?} in {last:?}"));
    bot.update(press(user, &data));
}

#[tokio::test]
async fn a_drill_session_pain_score_and_progress_chart_through_telegram() {
    let user = person("en");
    let mut bot = asked_for_time_zone(&user).await;
    let say = |bot: &mut TestBot, line: &str| {
        bot.update(text(&user, line));
    };
    for line in [
        "UTC+1",
        "yes",
        "34",
        "desk work",
        "8",
        "mon-fri 9-17",
        "none",
        "18:00",
        "Mo Mi Fr",
        "nowhere",
        "0",
        "none",
        "none",
        "25",
        "28",
        "skip",
        "skip",
        "skip",
        "skip",
    ] {
        say(&mut bot, line);
        bot.dispatch().await;
    }
    // Feet, figure-4, butterfly by button; then the pain during the tests typed.
    for label in ["Outward", "Yes", "Yes"] {
        let last = sent(&bot);
        press_label(&mut bot, &user, &last, label);
        bot.dispatch().await;
    }
    say(&mut bot, "0");
    bot.dispatch().await;
    assert!(
        sent(&bot).iter().any(|(t, _)| t.contains("/today")),
        "{:?}",
        sent(&bot)
    );

    say(&mut bot, "/today");
    bot.dispatch().await;
    let mut last = sent(&bot);
    assert!(
        last[0].0.starts_with("Today: phase 1, level 2."),
        "{last:?}"
    );
    let mut exercises = 0;
    while last.iter().any(|(t, _)| t.contains(" · ")) && exercises < 10 {
        press_label(&mut bot, &user, &last, "✅ Done");
        bot.dispatch().await;
        last = sent(&bot);
        exercises += 1;
    }
    assert!((3..=5).contains(&exercises), "{exercises} exercises");
    assert!(last[0].0.contains("during the session"), "{last:?}");
    press_label(&mut bot, &user, &last, "2");
    bot.dispatch().await;
    assert!(
        sent(&bot)[0].0.starts_with("Saved: 2/10."),
        "{:?}",
        sent(&bot)
    );

    say(&mut bot, "/progress");
    bot.dispatch().await;
    let responses = bot.get_responses();
    assert_eq!(
        responses.sent_messages_photo.len(),
        1,
        "the chart as a photo"
    );
    assert!(
        responses.sent_messages_text[0]
            .bot_request
            .text
            .starts_with("Your progress"),
    );
}
