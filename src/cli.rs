//! The command line: `hipcoach [run]` for Telegram, `hipcoach console` for the terminal.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::{Args, Parser, Subcommand};

use crate::app;
use crate::console::ConsoleOptions;
use crate::core::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "hipcoach",
    version,
    about = "A Telegram coach for stiff hips that load the knees"
)]
pub struct Cli {
    /// The database: a SQLite file (created if missing; `sqlite::memory:` for a throwaway
    /// run) or a PostgreSQL database (`postgres://user:password@host/name`) that several
    /// instances may share.
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
    /// Apply the database's migrations and exit (a deploy step; `run` applies them too).
    Migrate,
    /// Copy every table of one database into a new, empty one, e.g. from SQLite to
    /// PostgreSQL, and check the counts. Stop the bot first.
    Copy {
        /// The database to copy from (sqlite://… or postgres://…).
        #[arg(long)]
        from: String,
        /// The new database to copy into (it must hold nobody yet).
        #[arg(long)]
        to: String,
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
        Mode::Run => match telegram_settings() {
            Ok((token, api_url)) => app::run_telegram(&cli.database_url, token, api_url).await,
            Err(code) => code,
        },
        Mode::Console(args) => app::run_console(&cli.database_url, args.options()).await,
        Mode::Backup { path } => app::backup(&cli.database_url, &path).await,
        Mode::Migrate => app::migrate(&cli.database_url).await,
        Mode::Copy { from, to } => app::copy(&from, &to).await,
    }
}

/// The token and the Bot API server from the environment (`TELOXIDE_TOKEN`,
/// `TELOXIDE_API_URL`); what is missing or wrong is said on stderr, with exit code 2.
fn telegram_settings() -> Result<(String, Option<reqwest::Url>), ExitCode> {
    let token = std::env::var("TELOXIDE_TOKEN").unwrap_or_default();
    if token.trim().is_empty() {
        eprintln!("{NO_TOKEN}");
        return Err(ExitCode::from(2));
    }
    let api_url = match std::env::var("TELOXIDE_API_URL") {
        Ok(url) if !url.trim().is_empty() => match reqwest::Url::parse(url.trim()) {
            Ok(url) => Some(url),
            Err(error) => {
                eprintln!("hipcoach: TELOXIDE_API_URL is not a valid URL ({error}).");
                return Err(ExitCode::from(2));
            }
        },
        _ => None,
    };
    Ok((token, api_url))
}

impl ConsoleArgs {
    /// How the console is to run.
    fn options(self) -> ConsoleOptions {
        ConsoleOptions {
            clock: self.clock,
            json: self.json,
            user: self.user,
            lang: Lang::from_code(Some(&self.lang)),
            files: self.files.unwrap_or_else(std::env::temp_dir),
        }
    }
}
