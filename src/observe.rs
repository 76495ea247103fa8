//! The numbers an operator watches (`/metrics`, Prometheus text): one recorder for the
//! process, and one function per thing counted, so that the names and labels live in one
//! place. Labels are kinds and outcomes only: never a user id, never a health value.

use std::sync::OnceLock;
use std::time::Duration;

use metrics::{counter, gauge, histogram};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

use crate::core::values::reminders::ReminderKind;
use crate::delivery::SendError;
use crate::store::Counts;

/// Buckets for the handling latency (seconds): a handled input takes milliseconds; a busy
/// database can take seconds (ours).
const LATENCY_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];
/// Buckets for reminder lateness (seconds): within the second is on time; a backlog at
/// Telegram's 30 messages a second spreads over minutes (ours).
const LATENESS_BUCKETS: &[f64] = &[
    0.5, 1.0, 2.0, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 900.0, 3600.0,
];

static HANDLE: OnceLock<PrometheusHandle> = OnceLock::new();

/// The process's recorder, installed on first use. If another recorder was installed
/// first (a test's), the metrics go there and `/metrics` renders an empty page.
pub fn handle() -> &'static PrometheusHandle {
    HANDLE.get_or_init(|| {
        let builder = PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full("hipcoach_update_handling_seconds".into()),
                LATENCY_BUCKETS,
            )
            .and_then(|b| {
                b.set_buckets_for_metric(
                    Matcher::Full("hipcoach_reminder_lateness_seconds".into()),
                    LATENESS_BUCKETS,
                )
            })
            .unwrap_or_else(|_| PrometheusBuilder::new());
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        if metrics::set_global_recorder(recorder).is_err() {
            tracing::warn!("a metrics recorder was already installed; /metrics stays empty");
        }
        handle
    })
}

/// The Prometheus text of every metric, with the store's gauges as `counts` says.
pub fn render(counts: Option<Counts>) -> String {
    if let Some(counts) = counts {
        gauge!("hipcoach_outbox_depth").set(counts.outbox as f64);
        gauge!("hipcoach_active_people").set(counts.active_people as f64);
    }
    handle().render()
}

/// What became of one update: `ok`, `duplicate` (handled before) or `error`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Duplicate,
    Error,
}

/// One update handled: its kind (`message`, `callback`, `edited`, `other`), how it ended,
/// and how long it took.
pub fn update_handled(kind: &'static str, outcome: Outcome, took: Duration) {
    let outcome = match outcome {
        Outcome::Ok => "ok",
        Outcome::Duplicate => "duplicate",
        Outcome::Error => "error",
    };
    counter!("hipcoach_updates_handled_total", "kind" => kind, "outcome" => outcome).increment(1);
    histogram!("hipcoach_update_handling_seconds", "kind" => kind).record(took.as_secs_f64());
}

/// A reminder fired, `late` after it fell due.
pub fn reminder_fired(kind: ReminderKind, late: chrono::Duration) {
    let kind: &'static str = kind.into();
    counter!("hipcoach_reminders_fired_total", "kind" => kind).increment(1);
    lateness("fire", late);
}

/// A reminder set aside (it can never fire).
pub fn reminder_dropped(kind: ReminderKind) {
    let kind: &'static str = kind.into();
    counter!("hipcoach_reminders_dropped_total", "kind" => kind).increment(1);
}

/// A reminder's message went out, `late` after the reminder fell due.
pub fn reminder_sent(late: chrono::Duration) {
    lateness("send", late);
}

fn lateness(stage: &'static str, late: chrono::Duration) {
    let seconds = late.to_std().unwrap_or_default().as_secs_f64();
    histogram!("hipcoach_reminder_lateness_seconds", "stage" => stage).record(seconds);
}

/// One send to Telegram and what came of it.
pub fn sent(result: &Result<(), SendError>) {
    counter!("hipcoach_sends_total", "result" => send_result(result)).increment(1);
}

/// The label of a send's result: `ok`, `429`, `403`, `5xx`, `network` or `error`.
pub fn send_result(result: &Result<(), SendError>) -> &'static str {
    match result {
        Ok(()) => "ok",
        Err(SendError::RetryAfter(_)) => "429",
        Err(SendError::Blocked) => "403",
        Err(SendError::Unreachable(_)) => "network",
        Err(SendError::Failed(why)) if why.starts_with(SERVER_ERROR) => "5xx",
        Err(_) => "error",
    }
}

/// How [`crate::telegram`] words a failure that most likely was a 5xx.
pub const SERVER_ERROR: &str = "unknown Bot API error";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn send_results_have_the_documented_labels() {
        let labels: Vec<&str> = [
            Ok(()),
            Err(SendError::RetryAfter(Duration::from_secs(3))),
            Err(SendError::Blocked),
            Err(SendError::Failed(SERVER_ERROR.into())),
            Err(SendError::Unreachable("network: timeout".into())),
            Err(SendError::Rejected("Bad Request".into())),
            Err(SendError::Failed("i/o error".into())),
        ]
        .iter()
        .map(send_result)
        .collect();
        assert_eq!(
            labels,
            ["ok", "429", "403", "5xx", "network", "error", "error"]
        );
    }
}
