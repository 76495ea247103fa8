//! The wiring, in one place (as zero2prod's `startup`): open the store, build the engine,
//! start the delivery loop, the housekeeping jobs and a front end, and close the store
//! when the front end ends. `cli` only reads the command line and calls in here.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::cli::WebhookAction;
use crate::console::{self, ConsoleOptions};
use crate::engine::Engine;
use crate::store::Store;
use crate::telegram::{self, TelegramTransport};
use crate::web::{self, Webhook};
use crate::{delivery, housekeeping, telemetry};
use tokio::sync::watch;

/// `hipcoach run`: the bot on Telegram with `token` (and another Bot API server at
/// `api_url`, if given), by long polling or, with a webhook, on the HTTP server `web`
/// says; until Ctrl-C or SIGTERM. `paid_rate`: reminders as a paid broadcast at up to that
/// many messages a second overall.
pub async fn run_telegram(
    database_url: &str,
    token: String,
    api_url: Option<reqwest::Url>,
    web: WebOptions,
    paid_rate: Option<u32>,
) -> ExitCode {
    telemetry::init("info", Some(token.clone()));
    let listener = match web.listen {
        Some(address) => match tokio::net::TcpListener::bind(address).await {
            Ok(listener) => Some(listener),
            Err(error) => {
                eprintln!("hipcoach: cannot listen on {address}: {error}");
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let Some(engine) = open(database_url).await else {
        return ExitCode::FAILURE;
    };
    let engine = engine.with_phone_page(web.page.is_some());
    let bot = match telegram::bot(token, api_url) {
        Ok(bot) => bot,
        Err(error) => {
            eprintln!("hipcoach: cannot set up the Telegram client: {error}");
            return ExitCode::FAILURE;
        }
    };
    // A SQLite file is this process's alone now: what a killed run had claimed in the
    // outbox goes out at once instead of after the claim's lease. (On PostgreSQL other
    // instances may be sending: claims are released by the instance that becomes the
    // delivery holder, see `delivery::lead`.)
    if !engine.store().is_shared() {
        match engine.store().release_claims().await {
            Ok(0) => {}
            Ok(released) => tracing::info!(
                released,
                "messages a previous run had claimed are sent again"
            ),
            Err(error) => tracing::warn!(%error, "could not release old outbox claims"),
        }
    }
    let transport = match paid_rate {
        Some(rate) => {
            tracing::info!(rate, "reminders go as a paid broadcast");
            TelegramTransport::paid_broadcast(bot, rate)
        }
        None => TelegramTransport::new(bot),
    };
    if let Some(page) = &web.page {
        tracing::info!(%page, "the self-test offers the measuring page");
    }
    let transport = transport.with_page(web.page);
    let server = listener.map(|listener| Server {
        listener,
        webhook: web.webhook,
    });
    match &server {
        Some(Server {
            listener,
            webhook: Some(webhook),
        }) => tracing::info!(
            listen = %listener.local_addr().map(|a| a.to_string()).unwrap_or_default(),
            path = %webhook.path,
            "hipcoach is running on Telegram (webhook)"
        ),
        _ => tracing::info!("hipcoach is running on Telegram"),
    }
    let result = serve(engine.clone(), transport, server, stop_signal()).await;
    finish(&engine, result).await
}

/// How `hipcoach run` takes updates, and whether it serves HTTP.
#[derive(Debug, Default)]
pub struct WebOptions {
    /// Where the HTTP server listens; `None`: no server (long polling only).
    pub listen: Option<std::net::SocketAddr>,
    /// Updates by webhook on this route (then nothing polls); `None`: long polling.
    pub webhook: Option<Webhook>,
    /// The measuring page's public URL (`--public-url`); `None`: not offered.
    pub page: Option<reqwest::Url>,
}

/// The HTTP server: bound already, with the webhook's route if updates come that way.
pub struct Server {
    pub listener: tokio::net::TcpListener,
    pub webhook: Option<Webhook>,
}

/// Everything the bot runs on Telegram, on `engine`, by long polling until Ctrl-C or
/// SIGTERM (see [`serve`]).
pub async fn serve_telegram(engine: Engine, transport: TelegramTransport) -> anyhow::Result<()> {
    serve(engine, transport, None, stop_signal()).await
}

/// Everything the bot runs on Telegram, on `engine`, until `stop` says so: the front end
/// (the webhook route on `server`, or long polling and the handler tree), `/healthz`,
/// `/readyz` and `/metrics` on `server` if given, the delivery loop and the housekeeping
/// jobs. Replies and reminders go out through `transport` and its one limiter. On stop, no
/// new update is taken, those being handled finish, then delivery and housekeeping stop.
pub async fn serve(
    engine: Engine,
    transport: TelegramTransport,
    server: Option<Server>,
    stop: watch::Receiver<bool>,
) -> anyhow::Result<()> {
    let transport = Arc::new(transport);
    telegram::connect(transport.bot()).await?;
    let mut housekeeping = match housekeeping::start(&engine).await {
        Ok(scheduler) => Some(scheduler),
        Err(error) => {
            tracing::warn!(%error, "housekeeping jobs did not start");
            None
        }
    };
    let delivery = tokio::spawn(delivery::lead(engine.clone(), transport.clone()));
    let result = match server {
        Some(Server {
            listener,
            webhook: Some(webhook),
        }) => {
            let router = web::router(engine.clone(), transport.clone(), Some(&webhook));
            web::serve(listener, router, stopped(stop))
                .await
                .map_err(anyhow::Error::from)
        }
        Some(Server {
            listener,
            webhook: None,
        }) => {
            let router = web::router(engine.clone(), transport.clone(), None);
            let http = tokio::spawn(web::serve(listener, router, stopped(stop.clone())));
            let result = telegram::dispatch(engine, transport, stopped(stop)).await;
            if let Err(error) = http.await.map_err(anyhow::Error::from).and_then(|r| Ok(r?)) {
                tracing::warn!(%error, "the HTTP server failed");
            }
            result
        }
        None => telegram::dispatch(engine, transport, stopped(stop)).await,
    };
    delivery.abort();
    let _ = delivery.await;
    if let Some(scheduler) = housekeeping.as_mut()
        && let Err(error) = scheduler.shutdown().await
    {
        tracing::debug!(%error, "housekeeping shutdown");
    }
    tracing::info!("hipcoach stopped");
    result
}

/// A stop signal that turns `true` on Ctrl-C or SIGTERM (as `docker stop` sends).
pub fn stop_signal() -> watch::Receiver<bool> {
    let (tx, rx) = watch::channel(false);
    tokio::spawn(async move {
        let ctrl_c = tokio::signal::ctrl_c();
        #[cfg(unix)]
        {
            let mut term =
                match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                    Ok(term) => term,
                    Err(error) => {
                        tracing::warn!(%error, "cannot listen for SIGTERM");
                        let _ = ctrl_c.await;
                        let _ = tx.send(true);
                        return;
                    }
                };
            tokio::select! {
                _ = ctrl_c => {}
                _ = term.recv() => {}
            }
        }
        #[cfg(not(unix))]
        let _ = ctrl_c.await;
        tracing::info!("stopping: no new updates; finishing those in hand");
        let _ = tx.send(true);
    });
    rx
}

/// Resolves once `stop` turned `true` (or its sender is gone for good).
async fn stopped(mut stop: watch::Receiver<bool>) {
    let _ = stop.wait_for(|stop| *stop).await;
}

/// `hipcoach console`: the bot on stdin and stdout.
pub async fn run_console(database_url: &str, options: ConsoleOptions) -> ExitCode {
    telemetry::init("warn", None);
    let Some(engine) = open(database_url).await else {
        return ExitCode::FAILURE;
    };
    let stdin = tokio::io::BufReader::new(tokio::io::stdin());
    let result = console::run(&engine, options, stdin, tokio::io::stdout()).await;
    finish(&engine, result).await
}

/// `hipcoach backup PATH`: a consistent copy of the database in a new file.
pub async fn backup(database_url: &str, path: &Path) -> ExitCode {
    match Store::backup(database_url, path).await {
        Ok(()) => {
            eprintln!("hipcoach: backup written to {}", path.display());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("hipcoach: no backup of {database_url}: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `hipcoach webhook set|delete|info`: the webhook at Telegram, as a deploy step.
pub async fn webhook(
    token: String,
    api_url: Option<reqwest::Url>,
    action: WebhookAction,
) -> ExitCode {
    use teloxide::prelude::*;
    use teloxide::types::AllowedUpdate;
    let bot = match telegram::bot(token, api_url) {
        Ok(bot) => bot,
        Err(error) => {
            eprintln!("hipcoach: cannot set up the Telegram client: {error}");
            return ExitCode::FAILURE;
        }
    };
    let done = match action {
        WebhookAction::Set { url, secret } => {
            if let Err(error) = web::check_secret(&secret) {
                eprintln!("hipcoach: {error}");
                return ExitCode::from(2);
            }
            let set = bot
                .set_webhook(url.clone())
                .secret_token(secret)
                .allowed_updates(vec![
                    AllowedUpdate::Message,
                    AllowedUpdate::EditedMessage,
                    AllowedUpdate::CallbackQuery,
                ])
                .drop_pending_updates(false)
                .await;
            set.map(|_| println!("webhook set: {url}"))
        }
        WebhookAction::Delete => bot
            .delete_webhook()
            .drop_pending_updates(false)
            .await
            .map(|_| println!("webhook deleted; updates wait for long polling")),
        WebhookAction::Info => bot.get_webhook_info().await.map(|info| {
            let url = info
                .url
                .map_or_else(|| "(none)".to_owned(), |u| u.to_string());
            println!("url: {url}");
            println!("pending updates: {}", info.pending_update_count);
            match info.last_error_message {
                Some(error) => println!(
                    "last error: {error}{}",
                    info.last_error_date
                        .map(|at| format!(" (at {})", at.to_rfc3339()))
                        .unwrap_or_default()
                ),
                None => println!("last error: none"),
            }
        }),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hipcoach: the Bot API refused: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `hipcoach health`: GETs `url` (a running bot's /readyz); exit 0 on 200, 1 otherwise,
/// with one line on stderr. The container's HEALTHCHECK (the slim image has no curl).
pub async fn health(url: reqwest::Url) -> ExitCode {
    let client = match reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(5))
        .build()
    {
        Ok(client) => client,
        Err(error) => {
            eprintln!("hipcoach: {error}");
            return ExitCode::FAILURE;
        }
    };
    match client.get(url.clone()).send().await {
        Ok(response) => {
            let status = response.status();
            let body = response.text().await.unwrap_or_default();
            let body = body.lines().next().unwrap_or_default();
            eprintln!("hipcoach: {url}: {} {body}", status.as_u16());
            if status == reqwest::StatusCode::OK {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!("hipcoach: {url}: no answer ({error})");
            ExitCode::FAILURE
        }
    }
}

/// `hipcoach migrate`: the migrations alone, for a deploy step before the new instances
/// start.
pub async fn migrate(database_url: &str) -> ExitCode {
    match Store::migrate(database_url).await {
        Ok(applied) => {
            eprintln!("hipcoach: {applied} migration(s) applied; the database is current");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("hipcoach: cannot migrate {database_url}: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `hipcoach copy --from … --to …`: every table into a new database, counts checked.
pub async fn copy(from: &str, to: &str) -> ExitCode {
    let (source, target) = match (Store::open(from).await, Store::open(to).await) {
        (Ok(source), Ok(target)) => (source, target),
        (Err(error), _) => {
            eprintln!("hipcoach: cannot open {from}: {error}");
            return ExitCode::FAILURE;
        }
        (_, Err(error)) => {
            eprintln!("hipcoach: cannot open {to}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let copied = Store::copy(&source, &target).await;
    source.close().await;
    target.close().await;
    match copied {
        Ok(copied) => {
            for (table, rows_from, rows_to) in &copied.tables {
                let mark = if rows_from == rows_to {
                    "ok"
                } else {
                    "MISSING ROWS"
                };
                eprintln!("{table:>16}: {rows_from} -> {rows_to} {mark}");
            }
            if copied.complete() {
                eprintln!("hipcoach: every table copied; the counts match");
                ExitCode::SUCCESS
            } else {
                eprintln!("hipcoach: the counts differ; do not switch to the copy");
                ExitCode::FAILURE
            }
        }
        Err(error) => {
            eprintln!("hipcoach: copy failed: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Opens the store and builds the engine on it; a store that cannot be opened is said on
/// stderr.
async fn open(database_url: &str) -> Option<Engine> {
    match Store::open(database_url).await {
        Ok(store) => Some(Engine::new(store)),
        Err(error) => {
            eprintln!("hipcoach: cannot open the database {database_url}: {error}");
            None
        }
    }
}

/// Closes the store after the front end ended, and says how it ended.
async fn finish(engine: &Engine, result: anyhow::Result<()>) -> ExitCode {
    engine.store().close().await;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hipcoach: {error}");
            ExitCode::FAILURE
        }
    }
}
