//! What the health and metrics endpoints ask of the store: is it ready, and how much is
//! waiting. Read-only, small, and plain SQL so that it carries over to every backend.

use sqlx::Row;

use super::{Store, StoreError};

/// Counts the `/metrics` gauges show, refreshed on each scrape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Messages waiting in the outbox (replies and reminders).
    pub outbox: i64,
    /// People the bot still writes to (not blocked, not forgotten).
    pub active_people: i64,
}

impl Store {
    /// Whether the store can serve: the database answers, and every migration this build
    /// knows was applied (and none failed half-way). `Err` says why not.
    pub async fn ready(&self) -> Result<(), String> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map_err(|error| format!("database unreachable: {error}"))?;
        let applied: Vec<(i64, bool)> =
            sqlx::query("SELECT version, success FROM _sqlx_migrations ORDER BY version")
                .fetch_all(&self.pool)
                .await
                .map_err(|error| format!("migrations unreadable: {error}"))?
                .iter()
                .map(|row| (row.get::<i64, _>(0), row.get::<bool, _>(1)))
                .collect();
        let missing = sqlx::migrate!("./migrations")
            .iter()
            .filter(|m| m.migration_type.is_up_migration())
            .filter(|m| !applied.contains(&(m.version, true)))
            .count();
        if missing > 0 {
            return Err(format!("{missing} migration(s) not applied"));
        }
        Ok(())
    }

    /// The outbox depth and the number of active people.
    pub async fn counts(&self) -> Result<Counts, StoreError> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM outbox), \
                    (SELECT COUNT(*) FROM people WHERE active = $1)",
        )
        .bind(1_i64)
        .fetch_one(&self.pool)
        .await?;
        Ok(Counts {
            outbox: row.get(0),
            active_people: row.get(1),
        })
    }
}
