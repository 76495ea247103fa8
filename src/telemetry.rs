//! One place builds the tracing subscriber. Logs go to stderr (stdout belongs to the
//! console's conversation), are filtered by `RUST_LOG`, and never contain the bot token.

use std::io::{self, Write};

use tracing::Subscriber;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::util::SubscriberInitExt;

/// Installs the global subscriber. `default_filter` applies when `RUST_LOG` is unset.
/// `secret` (the bot token) is replaced by `[redacted]` wherever it would appear.
pub fn init(default_filter: &str, secret: Option<String>) {
    let spec = std::env::var(EnvFilter::DEFAULT_ENV)
        .ok()
        .filter(|spec| !spec.trim().is_empty() && EnvFilter::try_new(spec).is_ok())
        .unwrap_or_else(|| default_filter.to_string());
    let _ = subscriber(&spec, Redacting::new(secret, io::stderr)).try_init();
    quiet_panics();
}

/// A panic (a bug; the handlers catch it and answer "try again") is logged where it
/// happened at ERROR, and its message only at debug: the default hook would print the
/// message to stderr whatever the level, and a message may quote what a person wrote.
fn quiet_panics() {
    std::panic::set_hook(Box::new(|info| {
        let at = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        tracing::error!(at = %at, "panic");
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|m| (*m).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::debug!(at = %at, %message, "panic message");
    }));
}

/// The subscriber `init` installs, for a filter `spec` (`RUST_LOG` syntax) and a writer.
pub fn subscriber<W>(spec: &str, writer: W) -> impl Subscriber + Send + Sync + 'static
where
    W: for<'a> MakeWriter<'a> + Send + Sync + 'static,
{
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::new(capped(spec)))
        .with_writer(writer)
        .finish()
}

/// Third-party crates whose log lines can carry what people wrote: teloxide's default error
/// handler prints a failed request with its raw response (`InvalidJson { raw }`: updates with
/// names and texts, or the message just sent), its dispatcher prints an update it cannot parse
/// or leaves unhandled, and teloxide-core traces whole responses. Their lines are at ERROR or
/// WARN, so a level cannot keep them quiet: below `debug` they are switched off, and
/// [`QuietErrors`] logs the errors they would have carried by kind only.
pub const CAPPED: [&str; 2] = ["teloxide", "teloxide_core"];

/// `spec` with the [`CAPPED`] targets switched off, unless it asks for `debug` or `trace`
/// everywhere, or names one of those targets itself.
pub fn capped(spec: &str) -> String {
    let asks_for_them = spec.split(',').map(str::trim).any(|directive| {
        let level = directive.to_ascii_lowercase();
        level == "debug"
            || level == "trace"
            || CAPPED.iter().any(|target| directive.starts_with(target))
    });
    if asks_for_them {
        return spec.to_string();
    }
    let mut spec = spec.trim().to_string();
    for target in CAPPED {
        if !spec.is_empty() {
            spec.push(',');
        }
        spec.push_str(target);
        spec.push_str("=off");
    }
    spec
}

/// teloxide's error handler without the update contents: logs the kind of error at ERROR
/// and the whole error (which may hold a raw response) only at `debug`.
pub struct QuietErrors {
    text: &'static str,
}

impl QuietErrors {
    pub fn new(text: &'static str) -> std::sync::Arc<Self> {
        std::sync::Arc::new(QuietErrors { text })
    }
}

impl<E> teloxide::error_handlers::ErrorHandler<E> for QuietErrors
where
    E: std::fmt::Debug + ErrorKind,
{
    fn handle_error(
        self: std::sync::Arc<Self>,
        error: E,
    ) -> std::pin::Pin<Box<dyn std::future::Future<Output = ()> + Send>> {
        tracing::error!(kind = %error.kind(), "{}", self.text);
        tracing::debug!(?error, "{}", self.text);
        Box::pin(async {})
    }
}

/// What went wrong, in words that cannot hold anything a person wrote.
pub trait ErrorKind {
    fn kind(&self) -> String;
}

impl ErrorKind for teloxide::RequestError {
    fn kind(&self) -> String {
        use teloxide::{ApiError, RequestError};
        match self {
            // Telegram's own description, unless it is one teloxide does not know.
            RequestError::Api(ApiError::Unknown(_)) => "the Bot API refused a request".into(),
            RequestError::Api(error) => format!("the Bot API refused a request: {error}"),
            RequestError::MigrateToChatId(_) => "the group moved to a supergroup".into(),
            RequestError::RetryAfter(after) => {
                format!("flood limit, retry after {}s", after.seconds())
            }
            RequestError::Network(error) if error.is_timeout() => "network: timed out".into(),
            RequestError::Network(error) if error.is_connect() => "network: cannot connect".into(),
            RequestError::Network(error) => match error.status() {
                Some(status) => format!("network: HTTP {status}"),
                None => "network error".into(),
            },
            RequestError::InvalidJson { .. } => "the Bot API answered JSON we cannot read".into(),
            RequestError::Io(error) => format!("i/o: {:?}", error.kind()),
        }
    }
}

impl ErrorKind for Box<dyn std::error::Error + Send + Sync> {
    fn kind(&self) -> String {
        match self.downcast_ref::<teloxide::RequestError>() {
            Some(error) => error.kind(),
            // Our own errors name what failed, never what was written.
            None => self.to_string(),
        }
    }
}

/// A writer that removes a secret from every log line before it reaches `inner`.
#[derive(Clone)]
pub struct Redacting<F> {
    secret: Option<String>,
    inner: F,
}

impl<F> Redacting<F> {
    pub fn new(secret: Option<String>, inner: F) -> Self {
        Redacting {
            secret: secret.filter(|s| !s.is_empty()),
            inner,
        }
    }
}

impl<'a, F, W> MakeWriter<'a> for Redacting<F>
where
    F: Fn() -> W + 'static,
    W: Write,
{
    type Writer = RedactingWriter<W>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter {
            secret: self.secret.clone(),
            inner: (self.inner)(),
            buffer: Vec::new(),
        }
    }
}

/// Buffers one log event and writes it, redacted, when dropped or flushed.
pub struct RedactingWriter<W: Write> {
    secret: Option<String>,
    inner: W,
    buffer: Vec<u8>,
}

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buffer.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.buffer.is_empty() {
            return self.inner.flush();
        }
        let text = String::from_utf8_lossy(&self.buffer);
        let text = match &self.secret {
            Some(secret) => text.replace(secret.as_str(), "[redacted]"),
            None => text.into_owned(),
        };
        self.buffer.clear();
        self.inner.write_all(text.as_bytes())?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for RedactingWriter<W> {
    fn drop(&mut self) {
        let _ = self.flush();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    #[derive(Clone, Default)]
    struct Sink(Arc<Mutex<Vec<u8>>>);

    impl Write for Sink {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_token_never_reaches_the_log() {
        let sink = Sink::default();
        let writer_sink = sink.clone();
        let make = Redacting::new(Some("123456:SECRET".into()), move || writer_sink.clone());
        let subscriber = tracing_subscriber::fmt()
            .with_writer(make)
            .with_ansi(false)
            .finish();
        tracing::subscriber::with_default(subscriber, || {
            tracing::info!(
                url = "https://api.telegram.org/bot123456:SECRET/getMe",
                "request"
            );
        });
        let logged = String::from_utf8(sink.0.lock().unwrap().clone()).unwrap();
        assert!(logged.contains("bot[redacted]/getMe"), "{logged}");
        assert!(!logged.contains("SECRET"));
    }

    /// What a person wrote, as teloxide would carry it inside a Bot API response.
    const PERSONAL: &str = "Anna Example: my left knee hurts when I climb stairs";

    fn logged_at(spec: &str, emit: impl FnOnce()) -> String {
        // teloxide logs through the `log` crate; the bot's `init` bridges it the same way.
        let _ = tracing_log::LogTracer::init();
        let sink = Sink::default();
        let writer_sink = sink.clone();
        let make = Redacting::new(None, move || writer_sink.clone());
        tracing::subscriber::with_default(subscriber(spec, make), emit);
        String::from_utf8(sink.0.lock().unwrap().clone()).unwrap()
    }

    fn unreadable_response() -> teloxide::RequestError {
        let raw = format!(
            r#"{{"ok":true,"result":[{{"update_id":7,"message":{{"text":"{PERSONAL}"}}}}]}}"#
        );
        teloxide::RequestError::InvalidJson {
            source: std::sync::Arc::new(serde_json::from_str::<u8>("[]").unwrap_err()),
            raw: raw.into(),
        }
    }

    #[test]
    fn third_party_lines_with_update_contents_stay_out_of_the_info_log() {
        use teloxide::error_handlers::{ErrorHandler, LoggingErrorHandler};
        let logged = logged_at("info", || {
            tracing::info!(user = 42, "our own line");
            // The error handler teloxide uses by default, for the listener and the handlers.
            drop(LoggingErrorHandler::new().handle_error(unreadable_response()));
            // The dispatcher's line for an update it cannot parse carries the update itself.
            tracing::error!(target: "teloxide::dispatching::dispatcher", "Cannot parse an update: {PERSONAL}");
        });
        assert!(logged.contains("our own line"), "{logged}");
        assert!(!logged.contains("my left knee"), "{logged}");
    }

    #[test]
    fn our_error_handler_logs_the_kind_and_keeps_the_contents_for_debug() {
        use teloxide::error_handlers::ErrorHandler;
        let handle = || {
            drop(
                QuietErrors::new("error while polling for updates")
                    .handle_error(unreadable_response()),
            );
        };
        let info = logged_at("info", handle);
        assert!(info.contains("error while polling for updates"), "{info}");
        assert!(info.contains("JSON we cannot read"), "{info}");
        assert!(!info.contains("my left knee"), "{info}");
        let debug = logged_at("debug", handle);
        assert!(debug.contains("my left knee"), "{debug}");
    }

    #[test]
    fn the_caps_give_way_to_debug_or_a_named_target() {
        assert_eq!(capped("info"), "info,teloxide=off,teloxide_core=off");
        assert_eq!(
            capped("warn,hipcoach=debug"),
            "warn,hipcoach=debug,teloxide=off,teloxide_core=off"
        );
        assert_eq!(capped("debug"), "debug");
        assert_eq!(capped("info,teloxide=debug"), "info,teloxide=debug");
    }
}
