//! The command line: `hipcoach [run]` for Telegram, `hipcoach console` for the terminal.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::builder::FalseyValueParser;
use clap::{Args, Parser, Subcommand, value_parser};

use crate::app;
use crate::console::ConsoleOptions;
use crate::core::Lang;
use crate::limiter::{PAID_RATE_MAX, PAID_RATE_MIN};

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
    Run(RunArgs),
    /// Talk to the bot in the terminal: no Telegram, no token.
    Console(ConsoleArgs),
    /// Write a consistent copy of the database to a new file; works while the bot runs.
    Backup {
        /// The new file (an existing one is never overwritten).
        path: std::path::PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Send reminders as Telegram's paid broadcast (`allow_paid_broadcast`: 0.1 Stars a
    /// message above the free 30 a second), up to --broadcast-rate messages a second
    /// overall. Replies are never paid; one message a second per chat as ever.
    #[arg(long, env = "HIPCOACH_PAID_BROADCAST", value_parser = FalseyValueParser::new())]
    pub paid_broadcast: bool,
    /// Messages a second overall with --paid-broadcast: 31 to 1000 (default 1000).
    #[arg(
        long,
        env = "HIPCOACH_BROADCAST_RATE",
        value_name = "N",
        requires = "paid_broadcast",
        value_parser = value_parser!(u32).range(i64::from(PAID_RATE_MIN)..=i64::from(PAID_RATE_MAX))
    )]
    pub broadcast_rate: Option<u32>,
}

impl RunArgs {
    /// The paid broadcast's overall rate, when it is on.
    pub fn paid_rate(&self) -> Option<u32> {
        self.paid_broadcast
            .then(|| self.broadcast_rate.unwrap_or(PAID_RATE_MAX))
    }
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
    let mode = match cli.command {
        Some(mode) => mode,
        // `run`'s settings from the environment, as `hipcoach run` would read them.
        None => Mode::Run(RunArgs::from_env()),
    };
    match mode {
        Mode::Run(args) => match telegram_settings() {
            Ok((token, api_url)) => {
                app::run_telegram(&cli.database_url, token, api_url, args.paid_rate()).await
            }
            Err(code) => code,
        },
        Mode::Console(args) => app::run_console(&cli.database_url, args.options()).await,
        Mode::Backup { path } => app::backup(&cli.database_url, &path).await,
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

impl RunArgs {
    /// The settings of `hipcoach run` without a command line: from the environment only
    /// (a wrong value ends the program, as on the command line).
    fn from_env() -> RunArgs {
        match Cli::try_parse_from(["hipcoach", "run"]) {
            Ok(Cli {
                command: Some(Mode::Run(args)),
                ..
            }) => args,
            Ok(_) => unreachable!("`run` parses as run"),
            Err(error) => error.exit(),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn paid_rate(args: &[&str]) -> Result<Option<u32>, clap::error::ErrorKind> {
        match Cli::try_parse_from(args) {
            Ok(Cli {
                command: Some(Mode::Run(run)),
                ..
            }) => Ok(run.paid_rate()),
            Ok(other) => panic!("not run: {other:?}"),
            Err(error) => Err(error.kind()),
        }
    }

    /// The tests that parse hold this: one of them sets the environment.
    static ENV: std::sync::Mutex<()> = std::sync::Mutex::new(());

    #[test]
    fn the_paid_broadcast_is_off_unless_asked_for() {
        let _env = ENV.lock().unwrap_or_else(|e| e.into_inner());
        assert_eq!(paid_rate(&["hipcoach", "run"]), Ok(None));
        assert_eq!(
            paid_rate(&["hipcoach", "run", "--paid-broadcast"]),
            Ok(Some(1_000))
        );
        assert_eq!(
            paid_rate(&[
                "hipcoach",
                "run",
                "--paid-broadcast",
                "--broadcast-rate",
                "31"
            ]),
            Ok(Some(31))
        );
        assert_eq!(
            paid_rate(&[
                "hipcoach",
                "run",
                "--paid-broadcast",
                "--broadcast-rate=1000"
            ]),
            Ok(Some(1_000))
        );
    }

    #[test]
    fn a_broadcast_rate_out_of_range_or_alone_is_refused() {
        let _env = ENV.lock().unwrap_or_else(|e| e.into_inner());
        for rate in ["30", "1001", "0", "fast"] {
            let args = [
                "hipcoach",
                "run",
                "--paid-broadcast",
                "--broadcast-rate",
                rate,
            ];
            assert_eq!(
                paid_rate(&args),
                Err(clap::error::ErrorKind::ValueValidation),
                "{rate}"
            );
        }
        assert_eq!(
            paid_rate(&["hipcoach", "run", "--broadcast-rate", "500"]),
            Err(clap::error::ErrorKind::MissingRequiredArgument)
        );
    }

    #[test]
    fn the_paid_broadcast_from_the_environment() {
        let _env = ENV.lock().unwrap_or_else(|e| e.into_inner());
        let with = |paid: &str, rate: Option<&str>| {
            // SAFETY: the only tests that read these variables hold `ENV`.
            unsafe {
                std::env::set_var("HIPCOACH_PAID_BROADCAST", paid);
                match rate {
                    Some(rate) => std::env::set_var("HIPCOACH_BROADCAST_RATE", rate),
                    None => std::env::remove_var("HIPCOACH_BROADCAST_RATE"),
                }
            }
            let parsed = paid_rate(&["hipcoach", "run"]);
            // SAFETY: as above.
            unsafe {
                std::env::remove_var("HIPCOACH_PAID_BROADCAST");
                std::env::remove_var("HIPCOACH_BROADCAST_RATE");
            }
            parsed
        };
        assert_eq!(with("1", None), Ok(Some(1_000)));
        assert_eq!(with("true", Some("400")), Ok(Some(400)));
        assert_eq!(with("0", None), Ok(None));
        assert_eq!(with("false", None), Ok(None));
        assert_eq!(
            with("1", Some("2000")),
            Err(clap::error::ErrorKind::ValueValidation)
        );
    }
}
