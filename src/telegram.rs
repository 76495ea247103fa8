//! The Telegram front end: updates become core inputs, rendered replies become Bot API
//! calls. No decision is made here beyond routing.

use chrono::Utc;
use teloxide::dispatching::{DefaultKey, UpdateHandler};
use teloxide::prelude::*;
use teloxide::types::{
    BotCommand, ButtonRequest, InlineKeyboardButton, InlineKeyboardMarkup, InputFile,
    KeyboardButton, KeyboardMarkup, KeyboardRemove, MaybeInaccessibleMessage, MessageId,
    ReplyMarkup, UpdateKind, User, WebAppInfo,
};

use crate::core::read::command::Command;
use crate::core::{Incoming, Input, Keyboard, Lang, Msg};
use crate::webapp;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::Arc;

use futures_util::FutureExt;

use teloxide::{ApiError, RequestError};

use crate::delivery::{self, SendError, Transport};
use crate::engine::{Engine, HandleError, Queued};
use crate::i18n::{self, Piece, Rendered};
use crate::limiter::Limiter;
use crate::observe::{self, Outcome};
use crate::telemetry;

/// Errors a handler may return; the dispatcher logs them.
pub type HandlerError = Box<dyn std::error::Error + Send + Sync>;

/// The whole update-handling tree. Tests build this same tree.
pub fn schema() -> UpdateHandler<HandlerError> {
    dptree::entry()
        .branch(Update::filter_message().endpoint(on_update))
        .branch(Update::filter_edited_message().endpoint(on_update))
        .branch(Update::filter_callback_query().endpoint(on_update))
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

/// Checks the token (waiting for the Bot API to answer) and registers the command menu.
pub async fn connect(bot: &Bot) -> anyhow::Result<()> {
    wait_for_bot_api(bot).await?;
    if let Err(error) = register_commands(bot).await {
        tracing::warn!(%error, "could not register the command menu");
    }
    Ok(())
}

/// The front end: long polling and the handler tree, until `stop` resolves; then no new
/// update is taken and those being handled finish. Replies go out through `transport`,
/// the one the delivery loop sends reminders through.
pub async fn dispatch(
    engine: Engine,
    transport: Arc<TelegramTransport>,
    stop: impl Future<Output = ()> + Send + 'static,
) -> anyhow::Result<()> {
    let bot = transport.bot.clone();
    let listener = teloxide::update_listeners::polling_default(bot.clone()).await;
    let mut dispatcher: Dispatcher<Bot, HandlerError, DefaultKey> =
        Dispatcher::builder(bot, schema())
            .dependencies(dptree::deps![Front { engine, transport }])
            .default_handler(|update| async move {
                tracing::debug!(id = update.id.0, "update ignored");
                observe::update_handled(kind_of(&update), Outcome::Ok, Default::default());
            })
            .error_handler(telemetry::QuietErrors::new(
                "error while handling an update",
            ))
            .build();
    let token = dispatcher.shutdown_token();
    tokio::spawn(async move {
        stop.await;
        // Refused while the dispatcher is still starting: asked again until it runs.
        loop {
            match token.shutdown() {
                Ok(stopped) => {
                    stopped.await;
                    return;
                }
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(100)).await,
            }
        }
    });
    dispatcher
        .try_dispatch_with_listener(
            listener,
            telemetry::QuietErrors::new("error while polling for updates"),
        )
        .await?;
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

/// What every handler works with: the engine, and the transport its replies go out
/// through (the one the delivery loop sends reminders through).
#[derive(Clone)]
struct Front {
    engine: Engine,
    transport: Arc<TelegramTransport>,
}

/// What an update asks of the bot, read before anything is handled.
enum Route {
    /// An input from a person in a private chat: a message, an edit, or a button press
    /// (`callback`, on the message `pressed` when it is still accessible).
    Input {
        user: User,
        input: Input,
        callback: Option<CallbackQuery>,
        pressed: Option<(ChatId, MessageId)>,
    },
    /// A message in a group: the bot says why it does not work there, and leaves.
    LeaveGroup(Box<Message>),
    /// A press from a group, an edit in one, or a kind of update the bot does not use.
    Ignore { callback: Option<CallbackQuery> },
}

/// Reads `update`: whose input it is, and what it says.
fn route(update: &Update) -> Route {
    match &update.kind {
        UpdateKind::Message(msg) | UpdateKind::EditedMessage(msg) => {
            let edited = matches!(update.kind, UpdateKind::EditedMessage(_));
            let Some(user) = msg.from.as_ref().filter(|_| msg.chat.is_private()) else {
                if edited {
                    return Route::Ignore { callback: None };
                }
                return Route::LeaveGroup(Box::new(msg.clone()));
            };
            let input = if edited {
                Input::Edited
            } else if let Some(text) = msg.text() {
                Input::Text(text.to_string())
            } else if let Some(page) = msg.web_app_data() {
                Input::WebAppData(page.data.clone())
            } else if let Some(location) = msg.location() {
                Input::Location {
                    latitude: location.latitude,
                    longitude: location.longitude,
                }
            } else {
                Input::Unsupported
            };
            Route::Input {
                user: user.clone(),
                input,
                callback: None,
                pressed: None,
            }
        }
        UpdateKind::CallbackQuery(query) => {
            let callback = Some(query.clone());
            let Some(message) = query.message.as_ref().filter(|m| m.chat().is_private()) else {
                return Route::Ignore { callback };
            };
            let pressed = match message {
                MaybeInaccessibleMessage::Regular(message) => Some((message.chat.id, message.id)),
                MaybeInaccessibleMessage::Inaccessible(_) => None,
            };
            Route::Input {
                user: query.from.clone(),
                input: Input::Button(query.data.clone().unwrap_or_default()),
                callback,
                pressed,
            }
        }
        _ => Route::Ignore { callback: None },
    }
}

/// The kind of an update, as `/metrics` counts it.
pub fn kind_of(update: &Update) -> &'static str {
    match update.kind {
        UpdateKind::Message(_) => "message",
        UpdateKind::EditedMessage(_) => "edited",
        UpdateKind::CallbackQuery(_) => "callback",
        _ => "other",
    }
}

/// One update handled: what is left to send once its transaction committed.
pub struct Handled {
    route: Route,
    queued: Option<Queued>,
}

/// Why an update could not be handled.
pub struct NotHandled {
    /// Handled for what it is: the person is told to try again (their replies, if
    /// any, are in [`Handled`]).
    pub handled: Handled,
    /// Whether it may work when sent again: the store failed for a passing reason. (A
    /// panic or an unreadable stored value would fail the same way again.)
    pub passing: bool,
    pub error: HandleError,
}

/// Handles one update through the engine, the one path for long polling and webhooks
/// alike: update → input → [`Engine::handle_once`]. `Ok` once its transaction committed
/// (or when there was nothing to store); nothing is sent yet: [`answer`] does that.
pub async fn handle_update(engine: &Engine, update: &Update) -> Result<Handled, Box<NotHandled>> {
    let started = std::time::Instant::now();
    let kind = kind_of(update);
    let route = route(update);
    let Route::Input {
        user,
        input,
        pressed,
        ..
    } = &route
    else {
        tracing::debug!(id = update.id.0, "update without an input");
        observe::update_handled(kind, Outcome::Ok, started.elapsed());
        return Ok(Handled {
            route,
            queued: None,
        });
    };
    let lang = language_of(Some(user));
    let user_id = i64::try_from(user.id.0).unwrap_or(i64::MAX);
    let incoming = Incoming {
        user: user_id,
        lang,
        input: input.clone(),
    };
    let pressed = pressed.map(|(_, id)| i64::from(id.0));
    let update_id = i64::from(update.id.0);
    // Catching even a panic outside the core (a bug anywhere): the person is told to try
    // again and the bot goes on serving everyone.
    let handled =
        AssertUnwindSafe(engine.handle_once(Some(update_id), pressed, &incoming, Utc::now()))
            .catch_unwind()
            .await;
    let error = match handled {
        Ok(Ok(queued)) => {
            let outcome = if queued.duplicate {
                Outcome::Duplicate
            } else {
                Outcome::Ok
            };
            observe::update_handled(kind, outcome, started.elapsed());
            return Ok(Handled {
                route,
                queued: Some(queued),
            });
        }
        Ok(Err(error)) => error,
        Err(_) => HandleError::Panicked("a panic outside the core"),
    };
    observe::update_handled(kind, Outcome::Error, started.elapsed());
    tracing::error!(user = user_id, %error, "handling failed");
    let passing =
        matches!(&error, HandleError::Store(e) if !e.is_unreadable() && !e.says_damaged());
    Err(Box::new(NotHandled {
        handled: Handled {
            route,
            queued: Some(Queued::failure(user_id, lang, Some(&error))),
        },
        passing,
        error,
    }))
}

/// Sends what a handled update left to send: the press answered, the answered
/// question's buttons taken away, the replies delivered (from the outbox, or straight
/// away if nothing was kept), or the goodbye to a group.
pub async fn answer(engine: &Engine, transport: &TelegramTransport, handled: Handled) {
    let bot = transport.bot();
    let (callback, pressed) = match &handled.route {
        Route::Input {
            callback, pressed, ..
        } => (callback.as_ref(), *pressed),
        Route::Ignore { callback } => (callback.as_ref(), None),
        Route::LeaveGroup(msg) => {
            if let Err(error) = leave_group(bot, msg).await {
                tracing::debug!(%error, "could not leave a group");
            }
            return;
        }
    };
    // Stop the client's spinner, whatever happened.
    if let Some(query) = callback
        && let Err(error) = bot.answer_callback_query(query.id.clone()).await
    {
        tracing::debug!(%error, "answerCallbackQuery failed");
    }
    let Some(queued) = handled.queued else {
        return;
    };
    let redrawn = queued.messages.first().is_some_and(|m| m.in_place);
    if let Some((chat, id)) = pressed
        && !redrawn
        && !queued.duplicate
    {
        // The question is answered: take its buttons away so that they cannot be
        // pressed twice. Cosmetic: a stale press is refused anyway.
        if let Err(error) = bot.edit_message_reply_markup(chat, id).await {
            tracing::debug!(%error, "could not remove the buttons of an answered message");
        }
    }
    delivery::deliver(engine, transport, &queued).await;
}

/// Long polling's handler: the update handled and answered at once; a failure is
/// answered with "try again" (Telegram does not send it again).
async fn on_update(front: Front, update: Update) -> Result<(), HandlerError> {
    let handled = match handle_update(&front.engine, &update).await {
        Ok(handled) => handled,
        Err(failed) => failed.handled,
    };
    answer(&front.engine, &front.transport, handled).await;
    Ok(())
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

/// Messages to Telegram: replies and reminders alike go through its one limiter.
pub struct TelegramTransport {
    bot: Bot,
    limiter: Limiter,
    /// Reminders go with `allow_paid_broadcast` (`--paid-broadcast`); replies never do.
    paid_broadcast: bool,
    /// The measuring page's URL (`--public-url`), which its buttons open.
    page: Option<reqwest::Url>,
}

impl TelegramTransport {
    /// Sends through `bot` within Telegram's limits.
    pub fn new(bot: Bot) -> TelegramTransport {
        TelegramTransport::with_limiter(bot, Limiter::telegram())
    }

    /// Sends through `bot` within other limits (tests of the handlers use none).
    pub fn with_limiter(bot: Bot, limiter: Limiter) -> TelegramTransport {
        TelegramTransport {
            bot,
            limiter,
            paid_broadcast: false,
            page: None,
        }
    }

    /// The same transport, with the measuring page's buttons opening `page`.
    pub fn with_page(self, page: Option<reqwest::Url>) -> TelegramTransport {
        TelegramTransport { page, ..self }
    }

    /// Sends through `bot` at `rate` messages a second overall (Telegram's paid
    /// broadcast, up to 1,000), reminders with `allow_paid_broadcast`; one a second per
    /// chat as ever.
    pub fn paid_broadcast(bot: Bot, rate: u32) -> TelegramTransport {
        TelegramTransport {
            paid_broadcast: true,
            ..TelegramTransport::with_limiter(bot, Limiter::telegram_at(rate))
        }
    }

    pub fn bot(&self) -> &Bot {
        &self.bot
    }
}

impl Transport for TelegramTransport {
    fn limiter(&self) -> Option<&Limiter> {
        Some(&self.limiter)
    }

    async fn send(&self, chat: i64, piece: &Piece) -> Result<(), SendError> {
        self.send_piece(ChatId(chat), piece, false).await
    }

    async fn send_reminder(&self, chat: i64, piece: &Piece) -> Result<(), SendError> {
        self.send_piece(ChatId(chat), piece, self.paid_broadcast)
            .await
    }

    async fn send_keeping_id(&self, chat: i64, piece: &Piece) -> Result<Option<i64>, SendError> {
        let Piece::Text(message) = piece else {
            return self.send_reminder(chat, piece).await.map(|()| None);
        };
        self.bot
            .send_message(ChatId(chat), &message.text)
            .reply_markup(markup(message, self.page.as_ref()))
            .allow_paid_broadcast(self.paid_broadcast)
            .await
            .map(|sent| Some(i64::from(sent.id.0)))
            .map_err(send_error)
    }

    async fn clear_buttons(&self, chat: i64, message_id: i64) -> Result<(), SendError> {
        let id = MessageId(i32::try_from(message_id).unwrap_or_default());
        match self.bot.edit_message_reply_markup(ChatId(chat), id).await {
            Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
            Err(error) => Err(send_error(error)),
        }
    }
}

impl TelegramTransport {
    /// Sends a piece; `paid`: as a paid broadcast.
    async fn send_piece(&self, chat: ChatId, piece: &Piece, paid: bool) -> Result<(), SendError> {
        let sent = match piece {
            Piece::Text(message) => self.send_text(chat, message, paid).await,
            Piece::Photo(file) => {
                let photo = InputFile::memory(file.bytes.clone()).file_name(file.name.clone());
                let send = self.bot.send_photo(chat, photo);
                send.allow_paid_broadcast(paid).await.map(drop)
            }
            Piece::Document(file) => {
                let document = InputFile::memory(file.bytes.clone()).file_name(file.name.clone());
                let send = self.bot.send_document(chat, document);
                send.allow_paid_broadcast(paid).await.map(drop)
            }
            Piece::Redraw {
                message_id,
                message,
            } => {
                let id = MessageId(i32::try_from(*message_id).unwrap_or_default());
                let edit = self.bot.edit_message_text(chat, id, &message.text);
                let edit = match markup(message, self.page.as_ref()) {
                    ReplyMarkup::InlineKeyboard(keyboard) => edit.reply_markup(keyboard),
                    _ => edit,
                };
                match edit.await {
                    Ok(_) | Err(RequestError::Api(ApiError::MessageNotModified)) => Ok(()),
                    // Too old to edit, or gone: the question comes as a new message.
                    Err(RequestError::Api(_)) => self.send_text(chat, message, paid).await,
                    Err(error) => Err(error),
                }
            }
        };
        sent.map_err(send_error)
    }

    async fn send_text(
        &self,
        chat: ChatId,
        message: &Rendered,
        paid: bool,
    ) -> Result<(), RequestError> {
        self.bot
            .send_message(chat, &message.text)
            .reply_markup(markup(message, self.page.as_ref()))
            .allow_paid_broadcast(paid)
            .await
            .map(drop)
    }
}

/// What a failed request means for the message. The error's own text is not kept when
/// it may quote the message (an unreadable answer carries the raw response).
fn send_error(error: RequestError) -> SendError {
    match error {
        RequestError::RetryAfter(wait) => SendError::RetryAfter(wait.duration()),
        RequestError::Api(
            ApiError::BotBlocked
            | ApiError::UserDeactivated
            | ApiError::ChatNotFound
            | ApiError::BotKicked,
        ) => SendError::Blocked,
        // Not one of the errors teloxide knows: most likely a 5xx from a proxy.
        RequestError::Api(ApiError::Unknown(_)) => SendError::Failed(observe::SERVER_ERROR.into()),
        RequestError::Api(error) => SendError::Rejected(error.to_string()),
        RequestError::Network(error) => SendError::Unreachable(format!(
            "network: {}",
            if error.is_timeout() {
                "timeout"
            } else if error.is_connect() {
                "cannot connect"
            } else {
                "request failed"
            }
        )),
        RequestError::InvalidJson { .. } => {
            SendError::Failed("unreadable answer from the Bot API".into())
        }
        RequestError::Io(_) => SendError::Failed("i/o error".into()),
        RequestError::MigrateToChatId(_) => SendError::Rejected("chat migrated".into()),
    }
}

/// `page`: the measuring page's URL; without it, a message offering the page goes without
/// its button (it cannot be opened).
fn markup(message: &Rendered, page: Option<&reqwest::Url>) -> ReplyMarkup {
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
        Keyboard::Reply(rows) => {
            // The measuring page's button stays in view until the question moves on: a
            // person who closed the page without sending finds it where it was.
            let stays = rows.iter().flatten().any(|b| b.measures.is_some());
            let rows: Vec<Vec<KeyboardButton>> = rows
                .iter()
                .map(|row| {
                    row.iter()
                        .filter_map(|b| {
                            let button = KeyboardButton::new(b.label.clone());
                            Some(match b.measures {
                                Some(measure) => {
                                    let url = webapp::page_for(page?, &measure);
                                    button.request(ButtonRequest::WebApp(WebAppInfo { url }))
                                }
                                None if b.shares_location => {
                                    button.request(ButtonRequest::Location)
                                }
                                None => button,
                            })
                        })
                        .collect()
                })
                .filter(|row: &Vec<KeyboardButton>| !row.is_empty())
                .collect();
            if rows.is_empty() {
                return ReplyMarkup::KeyboardRemove(KeyboardRemove::new());
            }
            let keyboard = KeyboardMarkup::new(rows).resize_keyboard();
            ReplyMarkup::Keyboard(if stays {
                keyboard
            } else {
                keyboard.one_time_keyboard()
            })
        }
    }
}
