//! The command line: `hipcoach [run]` for Telegram, `hipcoach console` for the terminal.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand};

use crate::console::{self, ConsoleOptions};
use crate::core::Lang;
use crate::engine::Engine;
use crate::store::Store;
use crate::{telegram, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "hipcoach",
    version,
    about = "A Telegram coach for stiff hips that load the knees"
)]
pub struct Cli {
    /// The SQLite database (created if missing); `sqlite::memory:` for a throwaway run.
    #[arg(
        long = "db",
        env = "DATABASE_URL",
        default_value = "sqlite://hipcoach.db",
        global = true
    )]
    pub database_url: String,

    #[command(subcommand)]
    pub command: Option<Mode>,
}

#[derive(Debug, Subcommand)]
pub enum Mode {
    /// Run the Telegram bot with long polling (the default). Needs TELOXIDE_TOKEN.
    Run,
    /// Talk to the bot in the terminal: no Telegram, no token.
    Console(ConsoleArgs),
    /// Write a consistent copy of the database to a new file; works while the bot runs.
    Backup {
        /// The new file (an existing one is never overwritten).
        path: std::path::PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct ConsoleArgs {
    /// Run on a virtual clock starting at this RFC 3339 time (default: real time).
    #[arg(long, value_parser = parse_rfc3339)]
    pub clock: Option<DateTime<Utc>>,
    /// Print one JSON object per line: messages and domain events.
    #[arg(long)]
    pub json: bool,
    /// The user id to speak as at first.
    #[arg(long, default_value_t = 1)]
    pub user: i64,
    /// The language the simulated client reports (en, de).
    #[arg(long, default_value = "en")]
    pub lang: String,
    /// Where files the bot sends (charts, exports) are written (default: the system's
    /// temporary directory).
    #[arg(long)]
    pub files: Option<std::path::PathBuf>,
}

fn parse_rfc3339(text: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("{e} (expected e.g. 2026-03-30T09:00:00+01:00)"))
}

const NO_TOKEN: &str = "\
hipcoach: TELOXIDE_TOKEN is not set.

To run on Telegram, get a bot token from @BotFather (send it /newbot), then:
    TELOXIDE_TOKEN=123456:ABC-your-token hipcoach run

To try the bot without Telegram, no token needed:
    hipcoach console";

/// Runs the program; the binary's `main` only calls this.
pub async fn main(cli: Cli) -> ExitCode {
    match cli.command.unwrap_or(Mode::Run) {
        Mode::Run => run_telegram(&cli.database_url).await,
        Mode::Console(args) => run_console(&cli.database_url, args).await,
        Mode::Backup { path } => match Store::backup(&cli.database_url, &path).await {
            Ok(()) => {
                eprintln!("hipcoach: backup written to {}", path.display());
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("hipcoach: no backup of {}: {error}", cli.database_url);
                ExitCode::FAILURE
            }
        },
    }
}

async fn run_telegram(database_url: &str) -> ExitCode {
    let token = std::env::var("TELOXIDE_TOKEN").unwrap_or_default();
    if token.trim().is_empty() {
        eprintln!("{NO_TOKEN}");
        return ExitCode::from(2);
    }
    telemetry::init("info", Some(token.clone()));
    let api_url = match std::env::var("TELOXIDE_API_URL") {
        Ok(url) if !url.trim().is_empty() => match reqwest::Url::parse(url.trim()) {
            Ok(url) => Some(url),
            Err(error) => {
                eprintln!("hipcoach: TELOXIDE_API_URL is not a valid URL ({error}).");
                return ExitCode::from(2);
            }
        },
        _ => None,
    };
    let Some(engine) = open_engine(database_url).await else {
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
    tracing::info!("hipcoach is running on Telegram");
    let result = telegram::run(telegram::TelegramTransport::new(bot), engine.clone()).await;
    engine.store().close().await;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hipcoach: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn run_console(database_url: &str, args: ConsoleArgs) -> ExitCode {
    telemetry::init("warn", None);
    let Some(engine) = open_engine(database_url).await else {
        return ExitCode::FAILURE;
    };
    let options = ConsoleOptions {
        clock: args.clock,
        json: args.json,
        user: args.user,
        lang: Lang::from_code(Some(&args.lang)),
        files: args.files.unwrap_or_else(std::env::temp_dir),
    };
    let stdin = tokio::io::BufReader::new(tokio::io::stdin());
    let result = console::run(&engine, options, stdin, tokio::io::stdout()).await;
    engine.store().close().await;
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("hipcoach: {error}");
            ExitCode::FAILURE
        }
    }
}

async fn open_engine(database_url: &str) -> Option<Engine> {
    match Store::open(database_url).await {
        Ok(store) => Some(Engine::new(store)),
        Err(error) => {
            eprintln!("hipcoach: cannot open the database {database_url}: {error}");
            None
        }
    }
}
