//! The Telegram front end: updates become core inputs, rendered replies become Bot API
//! calls. No decision is made here beyond routing.

use chrono::Utc;
use teloxide::dispatching::{DefaultKey, UpdateHandler};
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, ButtonRequest, InlineKeyboardButton, InlineKeyboardMarkup, InputFile,
    KeyboardButton, KeyboardMarkup, KeyboardRemove, MaybeInaccessibleMessage, ReplyMarkup, User,
};

use crate::core::command::Command;
use crate::core::{Incoming, Input, Keyboard, Lang, Msg};
use std::sync::Arc;

use teloxide::{ApiError, RequestError};

use crate::delivery::{self, SendError, Transport};
use crate::engine::{Engine, Outbox};
use crate::housekeeping;
use crate::i18n::{self, Rendered};
use crate::telemetry;

/// Errors a handler may return; the dispatcher logs them.
pub type HandlerError = Box<dyn std::error::Error + Send + Sync>;

/// The whole update-handling tree. Tests build this same tree.
pub fn schema() -> UpdateHandler<HandlerError> {
    dptree::entry()
        .branch(Update::filter_message().endpoint(on_message))
        .branch(Update::filter_edited_message().endpoint(on_edited_message))
        .branch(Update::filter_callback_query().endpoint(on_callback))
}

/// Builds a bot client for `token`, talking to `api_url` when given (any Bot API compatible
/// server) and honouring `TELOXIDE_PROXY`.
pub fn bot(token: String, api_url: Option<reqwest::Url>) -> anyhow::Result<Bot> {
    let mut builder = teloxide::net::default_reqwest_settings();
    if let Ok(proxy) = std::env::var("TELOXIDE_PROXY") {
        builder = builder.proxy(reqwest::Proxy::all(proxy)?);
    }
    let bot = Bot::with_client(token, builder.build()?);
    Ok(match api_url {
        Some(url) => bot.set_api_url(url),
        None => bot,
    })
}

/// Registers the command menu, in English and in each language we speak.
pub async fn register_commands(bot: &Bot) -> Result<(), teloxide::RequestError> {
    let commands = |lang: Lang| -> Vec<BotCommand> {
        Command::all()
            .map(|c| BotCommand::new(c.name(), i18n::command_description(lang, c.name())))
            .collect()
    };
    bot.set_my_commands(commands(Lang::En)).await?;
    for lang in [Lang::De] {
        bot.set_my_commands(commands(lang))
            .language_code(lang.code())
            .await?;
    }
    Ok(())
}

/// Runs the bot with long polling until Ctrl-C.
pub async fn run(bot: Bot, engine: Engine) -> anyhow::Result<()> {
    wait_for_bot_api(&bot).await?;
    if let Err(error) = register_commands(&bot).await {
        tracing::warn!(%error, "could not register the command menu");
    }
    let mut housekeeping = match housekeeping::start(&engine).await {
        Ok(scheduler) => Some(scheduler),
        Err(error) => {
            tracing::warn!(%error, "housekeeping jobs did not start");
            None
        }
    };
    let delivery = tokio::spawn(delivery::run(
        engine.clone(),
        Arc::new(TelegramTransport { bot: bot.clone() }),
    ));
    let listener = teloxide::update_listeners::polling_default(bot.clone()).await;
    let mut dispatcher: Dispatcher<Bot, HandlerError, DefaultKey> =
        Dispatcher::builder(bot, schema())
            .dependencies(dptree::deps![engine])
            .default_handler(|update| async move {
                tracing::debug!(id = update.id.0, "update ignored");
            })
            .error_handler(telemetry::QuietErrors::new(
                "error while handling an update",
            ))
            .enable_ctrlc_handler()
            .build();
    dispatcher
        .try_dispatch_with_listener(
            listener,
            telemetry::QuietErrors::new("error while polling for updates"),
        )
        .await?;
    delivery.abort();
    if let Some(scheduler) = housekeeping.as_mut()
        && let Err(error) = scheduler.shutdown().await
    {
        tracing::debug!(%error, "housekeeping shutdown");
    }
    Ok(())
}

/// Checks the token with `getMe`. A rejected token is an error at once; an unreachable
/// Bot API is retried with back-off (1 s doubling to 60 s) until it answers.
async fn wait_for_bot_api(bot: &Bot) -> anyhow::Result<()> {
    let mut delay = std::time::Duration::from_secs(1);
    loop {
        match bot.get_me().await {
            Ok(me) => {
                tracing::info!(bot = %me.username(), "connected to the Bot API");
                return Ok(());
            }
            Err(teloxide::RequestError::Api(teloxide::ApiError::InvalidToken)) => {
                anyhow::bail!(
                    "the Bot API rejected TELOXIDE_TOKEN; check the token from @BotFather"
                )
            }
            Err(error) => {
                tracing::warn!(%error, retry_in = ?delay, "the Bot API is not answering");
                tokio::time::sleep(delay).await;
                delay = (delay * 2).min(std::time::Duration::from_secs(60));
            }
        }
    }
}

fn language_of(user: Option<&User>) -> Lang {
    Lang::from_code(user.and_then(|u| u.language_code.as_deref()))
}

async fn on_message(
    bot: Bot,
    engine: Engine,
    msg: Message,
    update: Update,
) -> Result<(), HandlerError> {
    let Some(user) = msg.from.as_ref().filter(|_| msg.chat.is_private()) else {
        return leave_group(&bot, &msg).await;
    };
    let input = if let Some(text) = msg.text() {
        Input::Text(text.to_string())
    } else if let Some(location) = msg.location() {
        Input::Location {
            latitude: location.latitude,
            longitude: location.longitude,
        }
    } else {
        Input::Unsupported
    };
    handle(&bot, &engine, &update, user, input).await
}

async fn on_edited_message(
    bot: Bot,
    engine: Engine,
    msg: Message,
    update: Update,
) -> Result<(), HandlerError> {
    let Some(user) = msg.from.as_ref().filter(|_| msg.chat.is_private()) else {
        return Ok(());
    };
    handle(&bot, &engine, &update, user, Input::Edited).await
}

async fn on_callback(
    bot: Bot,
    engine: Engine,
    query: CallbackQuery,
    update: Update,
) -> Result<(), HandlerError> {
    // Stop the client's spinner first, whatever happens next.
    if let Err(error) = bot.answer_callback_query(query.id.clone()).await {
        tracing::debug!(%error, "answerCallbackQuery failed");
    }
    let Some(message) = &query.message else {
        return Ok(());
    };
    if !message.chat().is_private() {
        return Ok(());
    }
    let pressed = match message {
        MaybeInaccessibleMessage::Regular(message) => Some((message.chat.id, message.id)),
        MaybeInaccessibleMessage::Inaccessible(_) => None,
    };
    let input = Input::Button(query.data.clone().unwrap_or_default());
    let outbox = run_engine(&engine, &update, &query.from, input).await;
    let mut messages = outbox.messages.as_slice();
    match (pressed, messages.first()) {
        // A tick on a multi-choice question: redraw that message instead of adding one.
        (Some((chat, id)), Some(first)) if first.in_place => {
            let edit = bot.edit_message_text(chat, id, &first.text);
            let edit = match markup(first) {
                ReplyMarkup::InlineKeyboard(keyboard) => edit.reply_markup(keyboard),
                _ => edit,
            };
            if let Err(error) = edit.await {
                tracing::debug!(%error, "could not redraw a multi-choice question");
            }
            messages = &messages[1..];
        }
        // The question is answered: take its buttons away so they cannot be pressed twice.
        (Some((chat, id)), _) => {
            if let Err(error) = bot.edit_message_reply_markup(chat, id).await {
                tracing::debug!(%error, "could not remove the buttons of an answered message");
            }
        }
        (None, _) => {}
    }
    send_messages(&bot, &engine, outbox.user, messages).await
}

/// Says why the bot does not work here, then leaves. Nothing personal is sent to a group.
async fn leave_group(bot: &Bot, msg: &Message) -> Result<(), HandlerError> {
    if msg.chat.is_private() {
        return Ok(());
    }
    let text = i18n::render(language_of(msg.from.as_ref()), &Msg::PrivateOnly);
    bot.send_message(msg.chat.id, text).await?;
    bot.leave_chat(msg.chat.id).await?;
    tracing::info!(chat = msg.chat.id.0, "left a non-private chat");
    Ok(())
}

async fn handle(
    bot: &Bot,
    engine: &Engine,
    update: &Update,
    user: &User,
    input: Input,
) -> Result<(), HandlerError> {
    let outbox = run_engine(engine, update, user, input).await;
    send_messages(bot, engine, outbox.user, &outbox.messages).await
}

/// Runs one input through the engine; a failure becomes a "try again" reply.
async fn run_engine(engine: &Engine, update: &Update, user: &User, input: Input) -> Outbox {
    let lang = language_of(Some(user));
    let user_id = i64::try_from(user.id.0).unwrap_or(i64::MAX);
    let incoming = Incoming {
        user: user_id,
        lang,
        input,
    };
    let update = i64::from(update.id.0);
    match engine
        .handle_once(Some(update), &incoming, Utc::now())
        .await
    {
        Ok(outbox) => outbox,
        Err(error) => {
            tracing::error!(user = user_id, %error, "handling failed");
            Outbox {
                user: user_id,
                lang,
                messages: vec![Engine::failure_reply(lang)],
                events: Vec::new(),
            }
        }
    }
}

/// Sends rendered replies, in order, to the person's private chat.
pub async fn send_messages(
    bot: &Bot,
    engine: &Engine,
    user: i64,
    messages: &[Rendered],
) -> Result<(), HandlerError> {
    for message in messages {
        if let Some(png) = &message.photo {
            // A caption holds at most 1024 characters: the chart goes alone, the text after it.
            let photo = InputFile::memory(png.clone()).file_name("progress.png");
            within_limits(engine, user, || bot.send_photo(ChatId(user), photo.clone())).await?;
        }
        within_limits(engine, user, || {
            bot.send_message(ChatId(user), &message.text)
                .reply_markup(markup(message))
        })
        .await?;
        for file in &message.files {
            let document = InputFile::memory(file.bytes.clone()).file_name(file.name.clone());
            within_limits(engine, user, || {
                bot.send_document(ChatId(user), document.clone())
            })
            .await?;
        }
    }
    Ok(())
}

/// Sends one request through the shared limiter; a 429 holds everyone for its
/// `retry_after` and the request is tried again (three times at most), so a reply is not
/// lost to a flood limit.
async fn within_limits<R>(
    engine: &Engine,
    user: i64,
    request: impl Fn() -> R,
) -> Result<(), RequestError>
where
    R: std::future::IntoFuture<Output = Result<Message, RequestError>>,
{
    let mut attempts = 0;
    loop {
        engine.limiter().acquire(user).await;
        match request().into_future().await {
            Ok(_) => return Ok(()),
            Err(RequestError::RetryAfter(wait)) if attempts < 3 => {
                attempts += 1;
                let until = tokio::time::Instant::now() + wait.duration();
                engine.limiter().hold_all(until).await;
            }
            Err(error) => return Err(error),
        }
    }
}

/// Reminders go to Telegram through the same limiter as replies.
pub struct TelegramTransport {
    pub bot: Bot,
}

impl Transport for TelegramTransport {
    async fn send(&self, chat: i64, message: &Rendered) -> Result<(), SendError> {
        let sent = self
            .bot
            .send_message(ChatId(chat), &message.text)
            .reply_markup(markup(message))
            .await;
        match sent {
            Ok(_) => Ok(()),
            Err(RequestError::RetryAfter(wait)) => Err(SendError::RetryAfter(wait.duration())),
            Err(RequestError::Api(
                ApiError::BotBlocked
                | ApiError::UserDeactivated
                | ApiError::ChatNotFound
                | ApiError::BotKicked,
            )) => Err(SendError::Blocked),
            // By kind: a raw response would echo the message and the person's name.
            Err(error) => Err(SendError::Failed(telemetry::ErrorKind::kind(&error))),
        }
    }
}

fn markup(message: &Rendered) -> ReplyMarkup {
    match &message.keyboard {
        // A plain message also takes away a reply keyboard left from an earlier question.
        Keyboard::None => ReplyMarkup::KeyboardRemove(KeyboardRemove::new()),
        Keyboard::Inline(rows) => {
            ReplyMarkup::InlineKeyboard(InlineKeyboardMarkup::new(rows.iter().map(|row| {
                row.iter()
                    .map(|b| InlineKeyboardButton::callback(b.label.clone(), b.data.clone()))
                    .collect::<Vec<_>>()
            })))
        }
        Keyboard::Reply(rows) => ReplyMarkup::Keyboard(
            KeyboardMarkup::new(rows.iter().map(|row| {
                row.iter()
                    .map(|b| {
                        let button = KeyboardButton::new(b.label.clone());
                        if b.shares_location {
                            button.request(ButtonRequest::Location)
                        } else {
                            button
                        }
                    })
                    .collect::<Vec<_>>()
            }))
            .resize_keyboard()
            .one_time_keyboard(),
        ),
    }
}
