//! The HTTP server of `hipcoach run` (axum): Telegram's webhook, and what an operator or an
//! orchestrator asks: `/healthz` (the process lives), `/readyz` (it can serve) and
//! `/metrics` (Prometheus text).
//!
//! A webhook update is answered only after its transaction committed: 200 then, and its
//! replies go out in a task of their own; 500 when the store failed for a passing reason,
//! so that Telegram sends it again (the handled-updates table makes a repeat of a committed
//! update a no-op). See ARCHITECTURE.md, "Webhooks".

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::Utc;
use subtle::ConstantTimeEq;
use teloxide::types::Update;

use crate::engine::Engine;
use crate::observe;
use crate::telegram::{self, TelegramTransport};

/// The header Telegram sends the webhook's secret in.
pub const SECRET_HEADER: &str = "X-Telegram-Bot-Api-Secret-Token";

/// The port the server listens on when a webhook URL is given without `--listen`.
pub const DEFAULT_LISTEN: &str = "0.0.0.0:8080";

/// The delivery loop sleeps at most 60 s between rounds (`delivery::MAX_SLEEP`); silent for
/// longer than this, it is taken for stuck (ours: the sleep and half a minute more).
pub const HEARTBEAT_STALE: Duration = Duration::from_secs(90);

/// Where Telegram's updates come in, and the secret they carry.
#[derive(Clone, Debug)]
pub struct Webhook {
    /// The route: the path of the webhook URL, e.g. `/telegram`.
    pub path: String,
    pub secret: String,
}

impl Webhook {
    /// The route for `url` with `secret`, both checked: the secret as Telegram allows it
    /// (1–256 of `A-Za-z0-9_-`).
    pub fn new(url: &reqwest::Url, secret: &str) -> Result<Webhook, String> {
        check_secret(secret)?;
        let path = match url.path() {
            "" => "/".to_owned(),
            path => path.to_owned(),
        };
        if ["/healthz", "/readyz", "/metrics"].contains(&path.as_str())
            || path == "/app"
            || path.starts_with(crate::webapp::PATH)
        {
            return Err(format!(
                "the webhook URL's path {path} is taken by the server itself"
            ));
        }
        Ok(Webhook {
            path,
            secret: secret.to_owned(),
        })
    }
}

/// Telegram's rule for a webhook's secret token: 1–256 characters of `A-Za-z0-9_-`.
pub fn check_secret(secret: &str) -> Result<(), String> {
    if secret.is_empty() {
        return Err("the webhook secret is missing (--webhook-secret or \
                    HIPCOACH_WEBHOOK_SECRET): it is required with a webhook URL"
            .into());
    }
    if secret.len() > 256 {
        return Err("the webhook secret is longer than 256 characters".into());
    }
    if !secret
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
    {
        return Err("the webhook secret may hold only A-Z, a-z, 0-9, _ and -".into());
    }
    Ok(())
}

/// What the handlers work with.
#[derive(Clone)]
struct Web {
    engine: Engine,
    transport: Arc<TelegramTransport>,
    secret: Option<Arc<str>>,
}

/// The server's routes: `/healthz`, `/readyz`, `/metrics`, and the webhook's, if given.
pub fn router(
    engine: Engine,
    transport: Arc<TelegramTransport>,
    webhook: Option<&Webhook>,
) -> Router {
    // Installed before the first update is counted.
    observe::handle();
    let web = Web {
        engine,
        transport,
        secret: webhook.map(|w| Arc::from(w.secret.as_str())),
    };
    let mut router = Router::new()
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/readyz", get(readyz))
        .route("/metrics", get(metrics))
        .merge(crate::webapp::routes());
    if let Some(webhook) = webhook {
        router = router.route(&webhook.path, post(on_webhook));
    }
    router.with_state(web)
}

/// Serves `router` on `listener` until `stop` resolves; then takes no new requests and
/// lets those in flight finish (an update being handled commits and is answered).
pub async fn serve(
    listener: tokio::net::TcpListener,
    router: Router,
    stop: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router)
        .with_graceful_shutdown(stop)
        .await
}

/// One update from Telegram.
async fn on_webhook(State(web): State<Web>, headers: HeaderMap, body: Bytes) -> StatusCode {
    let Some(secret) = &web.secret else {
        return StatusCode::NOT_FOUND;
    };
    let given = headers
        .get(SECRET_HEADER)
        .map(|v| v.as_bytes())
        .unwrap_or_default();
    // Constant time over the secret's bytes (its length is no secret: Telegram's rule).
    if !bool::from(given.ct_eq(secret.as_bytes())) {
        tracing::warn!("a webhook request without the right secret; refused");
        return StatusCode::UNAUTHORIZED;
    }
    let update: Update = match serde_json::from_slice(&body) {
        Ok(update) => update,
        Err(error) => {
            // Telegram would send it again for ever: taken, and nothing done.
            tracing::warn!(%error, bytes = body.len(), "an unreadable webhook update; ignored");
            return StatusCode::OK;
        }
    };
    match telegram::handle_update(&web.engine, &update).await {
        Ok(handled) => {
            tokio::spawn(async move {
                telegram::answer(&web.engine, &web.transport, handled).await;
            });
            StatusCode::OK
        }
        // Telegram sends it again, with back-off; nothing was written.
        Err(failed) if failed.passing => StatusCode::INTERNAL_SERVER_ERROR,
        Err(failed) => {
            // It would fail the same way again: the person is told to try again.
            tokio::spawn(async move {
                telegram::answer(&web.engine, &web.transport, failed.handled).await;
            });
            StatusCode::OK
        }
    }
}

/// 200 when the database answers with every migration applied and the delivery loop went
/// round lately; else 503, saying why.
async fn readyz(State(web): State<Web>) -> Response {
    match ready(&web.engine).await {
        Ok(()) => (StatusCode::OK, "ready\n").into_response(),
        Err(why) => (
            StatusCode::SERVICE_UNAVAILABLE,
            format!("not ready: {why}\n"),
        )
            .into_response(),
    }
}

/// Whether `engine` can serve; `Err` says why not.
pub async fn ready(engine: &Engine) -> Result<(), String> {
    engine.store().ready().await?;
    let Some(beat) = engine.last_beat() else {
        return Err("the delivery loop has not started".into());
    };
    let silent = (Utc::now() - beat).to_std().unwrap_or_default();
    if silent > HEARTBEAT_STALE {
        return Err(format!(
            "the delivery loop has been silent for {} s",
            silent.as_secs()
        ));
    }
    Ok(())
}

async fn metrics(State(web): State<Web>) -> Response {
    let counts = match web.engine.store().counts().await {
        Ok(counts) => Some(counts),
        Err(error) => {
            tracing::debug!(%error, "no counts for /metrics");
            None
        }
    };
    (
        [(header::CONTENT_TYPE, "text/plain; version=0.0.4")],
        observe::render(counts),
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_is_one_to_256_of_telegrams_characters() {
        assert!(check_secret("a").is_ok());
        assert!(check_secret("Az09_-").is_ok());
        assert!(check_secret(&"x".repeat(256)).is_ok());
        assert!(check_secret("").unwrap_err().contains("missing"));
        assert!(check_secret(&"x".repeat(257)).unwrap_err().contains("256"));
        for bad in ["with space", "slash/", "ümlaut", "dot.", "colon:"] {
            assert!(check_secret(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_route_is_the_urls_path_and_not_one_of_the_servers_own() {
        let url = |u: &str| reqwest::Url::parse(u).unwrap();
        let hook = Webhook::new(&url("https://bot.example/hooks/telegram?x=1"), "s").unwrap();
        assert_eq!(hook.path, "/hooks/telegram");
        assert_eq!(
            Webhook::new(&url("https://bot.example"), "s").unwrap().path,
            "/"
        );
        assert!(Webhook::new(&url("https://bot.example/metrics"), "s").is_err());
        assert!(Webhook::new(&url("https://bot.example/telegram"), "").is_err());
    }
}
