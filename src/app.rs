//! The wiring, in one place (as zero2prod's `startup`): open the store, build the engine,
//! start the delivery loop, the housekeeping jobs and a front end, and close the store
//! when the front end ends. `cli` only reads the command line and calls in here.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use crate::console::{self, ConsoleOptions};
use crate::engine::Engine;
use crate::store::Store;
use crate::telegram::{self, TelegramTransport};
use crate::{delivery, housekeeping, telemetry};

/// `hipcoach run`: the bot on Telegram with `token` (and another Bot API server at
/// `api_url`, if given), until Ctrl-C; `paid_rate`: reminders as a paid broadcast at up to
/// that many messages a second overall.
pub async fn run_telegram(
    database_url: &str,
    token: String,
    api_url: Option<reqwest::Url>,
    paid_rate: Option<u32>,
) -> ExitCode {
    telemetry::init("info", Some(token.clone()));
    let Some(engine) = open(database_url).await else {
        return ExitCode::FAILURE;
    };
    let bot = match telegram::bot(token, api_url) {
        Ok(bot) => bot,
        Err(error) => {
            eprintln!("hipcoach: cannot set up the Telegram client: {error}");
            return ExitCode::FAILURE;
        }
    };
    // This process holds the database alone now: what a killed run had claimed in the
    // outbox goes out at once instead of after the claim's lease.
    match engine.store().release_claims().await {
        Ok(0) => {}
        Ok(released) => tracing::info!(
            released,
            "messages a previous run had claimed are sent again"
        ),
        Err(error) => tracing::warn!(%error, "could not release old outbox claims"),
    }
    let transport = match paid_rate {
        Some(rate) => {
            tracing::info!(rate, "reminders go as a paid broadcast");
            TelegramTransport::paid_broadcast(bot, rate)
        }
        None => TelegramTransport::new(bot),
    };
    tracing::info!("hipcoach is running on Telegram");
    let result = serve_telegram(engine.clone(), transport).await;
    finish(&engine, result).await
}

/// Everything the bot runs on Telegram, on `engine`, until Ctrl-C: the front end (long
/// polling and the handler tree), the delivery loop and the housekeeping jobs. Replies
/// and reminders go out through `transport` and its one limiter.
pub async fn serve_telegram(engine: Engine, transport: TelegramTransport) -> anyhow::Result<()> {
    let transport = Arc::new(transport);
    telegram::connect(transport.bot()).await?;
    let mut housekeeping = match housekeeping::start(&engine).await {
        Ok(scheduler) => Some(scheduler),
        Err(error) => {
            tracing::warn!(%error, "housekeeping jobs did not start");
            None
        }
    };
    let delivery = tokio::spawn(delivery::run(engine.clone(), transport.clone()));
    let result = telegram::dispatch(engine, transport).await;
    delivery.abort();
    if let Some(scheduler) = housekeeping.as_mut()
        && let Err(error) = scheduler.shutdown().await
    {
        tracing::debug!(%error, "housekeeping shutdown");
    }
    result
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
