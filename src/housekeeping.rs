//! Process-wide periodic jobs, in UTC, on tokio-cron-scheduler: a safety sweep that wakes
//! the delivery loop every minute (in case a wake-up was missed), and nightly database
//! maintenance. Never one job per person, never a time-zone job: people's reminders are
//! rows in the database (see `delivery`).

use tokio_cron_scheduler::{Job, JobScheduler, JobSchedulerError};

use crate::engine::Engine;

/// Starts the jobs; they run until the returned scheduler is shut down or dropped.
pub async fn start(engine: &Engine) -> Result<JobScheduler, JobSchedulerError> {
    let scheduler = JobScheduler::new().await?;
    let wake = engine.wake().clone();
    scheduler
        .add(Job::new_async("0 * * * * *", move |_, _| {
            let wake = wake.clone();
            Box::pin(async move { wake.notify_one() })
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
