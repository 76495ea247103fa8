//! One place builds the tracing subscriber. Logs go to stderr (stdout belongs to the
//! console's conversation), are filtered by `RUST_LOG`, and never contain the bot token.

use std::io::{self, Write};

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// Installs the global subscriber. `default_filter` applies when `RUST_LOG` is unset.
/// `secret` (the bot token) is replaced by `[redacted]` wherever it would appear.
pub fn init(default_filter: &str, secret: Option<String>) {
    let filter =
        EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(default_filter));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(Redacting::new(secret, io::stderr))
        .try_init();
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
}
