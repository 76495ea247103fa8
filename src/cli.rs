//! The command line: `hipcoach [run]` for Telegram, `hipcoach console` for the terminal.

use std::process::ExitCode;

use chrono::{DateTime, Utc};
use clap::builder::FalseyValueParser;
use clap::{Args, Parser, Subcommand, value_parser};

use crate::app::{self, WebOptions};
use crate::console::ConsoleOptions;
use crate::core::Lang;
use crate::limiter::{PAID_RATE_MAX, PAID_RATE_MIN};
use crate::web::{self, Webhook};
use crate::webapp;

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
    /// Run the Telegram bot (the default): long polling, or updates by webhook with
    /// --webhook-url. Needs TELOXIDE_TOKEN.
    Run(RunArgs),
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
    /// Register, remove or show the webhook at Telegram (deploy steps; `run` never does
    /// this itself). Needs TELOXIDE_TOKEN.
    Webhook {
        #[command(subcommand)]
        action: WebhookAction,
    },
    /// Ask a running bot whether it is ready (its /readyz): exit 0 if so, 1 if not.
    Health {
        #[arg(long, default_value = "http://127.0.0.1:8080/readyz")]
        url: reqwest::Url,
    },
}

#[derive(Debug, Args, Default)]
pub struct RunArgs {
    /// Serve HTTP (/healthz, /readyz, /metrics, and the webhook) on this address
    /// [default with a webhook URL: 0.0.0.0:8080].
    #[arg(long, env = "HIPCOACH_LISTEN")]
    pub listen: Option<std::net::SocketAddr>,
    /// Take updates by webhook at this public URL (its path is the route) instead of long
    /// polling. Register it once with `hipcoach webhook set`.
    #[arg(long, env = "HIPCOACH_WEBHOOK_URL")]
    pub webhook_url: Option<reqwest::Url>,
    /// The secret Telegram sends with every update (1–256 of A-Za-z0-9_-); required with
    /// a webhook URL.
    #[arg(long, env = "HIPCOACH_WEBHOOK_SECRET", hide_env_values = true)]
    pub webhook_secret: Option<String>,
    /// The bot's public HTTPS address (the reverse proxy's, reaching --listen): the
    /// seated and face-down tests then offer the measuring page at <URL>/app/, served by
    /// this server [default listen address: 0.0.0.0:8080].
    #[arg(long, env = "HIPCOACH_PUBLIC_URL")]
    pub public_url: Option<reqwest::Url>,
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

#[derive(Debug, Subcommand)]
pub enum WebhookAction {
    /// setWebhook: Telegram sends updates to URL with SECRET (pending updates are kept).
    Set {
        #[arg(long, env = "HIPCOACH_WEBHOOK_URL")]
        url: reqwest::Url,
        #[arg(long, env = "HIPCOACH_WEBHOOK_SECRET", hide_env_values = true)]
        secret: String,
    },
    /// deleteWebhook: back to long polling (pending updates are kept).
    Delete,
    /// getWebhookInfo: the URL, how many updates wait, the last error.
    Info,
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
    let command = match cli.command {
        Some(command) => command,
        // `hipcoach` alone is `hipcoach run`, with its settings from the environment.
        None => match Cli::try_parse_from(["hipcoach", "run"]) {
            Ok(Cli {
                command: Some(command),
                ..
            }) => command,
            Ok(_) => Mode::Run(RunArgs::default()),
            Err(error) => error.exit(),
        },
    };
    match command {
        Mode::Run(args) => {
            let paid_rate = args.paid_rate();
            let web = match args.web() {
                Ok(web) => web,
                Err(error) => {
                    eprintln!("hipcoach: {error}");
                    return ExitCode::from(2);
                }
            };
            match telegram_settings() {
                Ok((token, api_url)) => {
                    app::run_telegram(&cli.database_url, token, api_url, web, paid_rate).await
                }
                Err(code) => code,
            }
        }
        Mode::Console(args) => app::run_console(&cli.database_url, args.options()).await,
        Mode::Backup { path } => app::backup(&cli.database_url, &path).await,
        Mode::Migrate => app::migrate(&cli.database_url).await,
        Mode::Copy { from, to } => app::copy(&from, &to).await,
        Mode::Webhook { action } => match telegram_settings() {
            Ok((token, api_url)) => app::webhook(token, api_url, action).await,
            Err(code) => code,
        },
        Mode::Health { url } => app::health(url).await,
    }
}

impl RunArgs {
    /// The paid broadcast's overall rate, when it is on.
    pub fn paid_rate(&self) -> Option<u32> {
        self.paid_broadcast
            .then(|| self.broadcast_rate.unwrap_or(PAID_RATE_MAX))
    }

    /// The server and the webhook these settings ask for, checked.
    fn web(self) -> Result<WebOptions, String> {
        let webhook = match self.webhook_url {
            Some(url) => Some(Webhook::new(
                &url,
                self.webhook_secret.as_deref().unwrap_or_default(),
            )?),
            None => None,
        };
        let page = match &self.public_url {
            Some(url) => Some(webapp::page_url(url)?),
            None => None,
        };
        let listen = match (self.listen, webhook.is_some() || page.is_some()) {
            (Some(listen), _) => Some(listen),
            (None, true) => Some(web::DEFAULT_LISTEN.parse().map_err(|e| format!("{e}"))?),
            (None, false) => None,
        };
        Ok(WebOptions {
            listen,
            webhook,
            page,
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    fn web(args: &[&str]) -> Result<WebOptions, String> {
        let cli = Cli::try_parse_from(["hipcoach", "run"].iter().chain(args)).unwrap();
        match cli.command {
            Some(Mode::Run(run)) => run.web(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_webhook_url_listens_on_8080_unless_told_otherwise() {
        let hook = web(&[
            "--webhook-url=https://b.example/telegram",
            "--webhook-secret=s",
        ])
        .unwrap();
        assert_eq!(hook.listen, Some("0.0.0.0:8080".parse().unwrap()));
        assert_eq!(hook.webhook.unwrap().path, "/telegram");
        let told = web(&[
            "--webhook-url=https://b.example/telegram",
            "--webhook-secret=s",
            "--listen=127.0.0.1:9000",
        ])
        .unwrap();
        assert_eq!(told.listen, Some("127.0.0.1:9000".parse().unwrap()));
    }

    #[test]
    fn long_polling_stays_the_default_with_or_without_a_server() {
        if std::env::var_os("HIPCOACH_WEBHOOK_URL").is_some()
            || std::env::var_os("HIPCOACH_LISTEN").is_some()
        {
            return;
        }
        let plain = web(&[]).unwrap();
        assert!(plain.listen.is_none() && plain.webhook.is_none());
        let health = web(&["--listen=127.0.0.1:9000"]).unwrap();
        assert!(health.listen.is_some() && health.webhook.is_none());
        assert!(web(&["--webhook-url=https://b.example/t"]).is_err());
    }

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
