//! Process-wide periodic jobs, in UTC, on tokio-cron-scheduler: a safety sweep every minute
//! that wakes the delivery loop (in case a wake-up was missed) and checks, a slice of
//! people at a time, that everyone active has their next reminders planned; and nightly
//! database maintenance. Never one job per person, never a time-zone job: people's reminders are
//! rows in the database (see `delivery`).

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Utc};
use tokio_cron_scheduler::{Job, JobScheduler, JobSchedulerError};

use crate::core::person::schedule;
use crate::engine::Engine;
use crate::store::StoreError;

/// How many people the minutely sweep looks at: 100,000 people are all seen in under
/// three hours (ours).
const SWEEP_SLICE: i64 = 600;

/// Starts the jobs; they run until the returned scheduler is shut down or dropped.
pub async fn start(engine: &Engine) -> Result<JobScheduler, JobSchedulerError> {
    let scheduler = JobScheduler::new().await?;
    let sweeper = engine.clone();
    let cursor = Arc::new(AtomicI64::new(0));
    scheduler
        .add(Job::new_async("0 * * * * *", move |_, _| {
            let engine = sweeper.clone();
            let cursor = cursor.clone();
            Box::pin(async move {
                let after = cursor.load(Ordering::Relaxed);
                match plan_missing(&engine, Utc::now(), after, SWEEP_SLICE).await {
                    Ok(sweep) => cursor.store(sweep.last.unwrap_or(0), Ordering::Relaxed),
                    Err(error) => tracing::warn!(%error, "reminder sweep failed"),
                }
                engine.wake().notify_one();
            })
        })?)
        .await?;
    let store = engine.store().clone();
    scheduler
        .add(Job::new_async("0 30 3 * * *", move |_, _| {
            let store = store.clone();
            Box::pin(async move {
                if let Err(error) = store.maintain().await {
                    tracing::warn!(%error, "database maintenance failed");
                }
            })
        })?)
        .await?;
    scheduler.start().await?;
    Ok(scheduler)
}

/// What one round of the reminder sweep did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sweep {
    /// How many people were looked at.
    pub checked: usize,
    /// Who had reminders missing and got them planned again.
    pub replanned: Vec<i64>,
    /// The last person looked at: the next round starts after them (`None`: start over).
    pub last: Option<i64>,
}

/// The invariant: every active person whose schedule says a reminder is next has it
/// planned. Looks at up to `limit` people after user id `after`; a person whose stored
/// state cannot be read is passed over (they are planned again when they write).
pub async fn plan_missing(
    engine: &Engine,
    now: DateTime<Utc>,
    after: i64,
    limit: i64,
) -> Result<Sweep, StoreError> {
    let people = engine.store().active_people_after(after, limit).await?;
    let mut sweep = Sweep {
        checked: people.len(),
        last: people.last().copied(),
        ..Sweep::default()
    };
    for user in people {
        let mut tx = engine.store().begin().await?;
        let person = match tx.load_person(user).await {
            Ok(Some(person)) => person,
            Ok(None) => continue,
            Err(error) if error.is_unreadable() => continue,
            Err(error) => return Err(error),
        };
        let due = schedule::next_all(&person, now);
        let planned = tx.planned_kinds(user).await?;
        if due.iter().all(|d| planned.contains(&d.kind)) {
            tx.commit().await?;
            continue;
        }
        tracing::warn!(user, "reminders were missing; planned again");
        tx.replan_reminders(user, &due, now).await?;
        tx.commit().await?;
        sweep.replanned.push(user);
    }
    if !sweep.replanned.is_empty() {
        engine.wake().notify_one();
    }
    Ok(sweep)
}
