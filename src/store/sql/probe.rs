//! What an operator asks of the store: is it ready, how full is the outbox, how many
//! people are served; and the migrations on their own (`hipcoach migrate`).

use chrono::{DateTime, Utc};
use sqlx::migrate::{Migrate, Migrator};

use super::{Db, Pool};
use crate::store::StoreError;

type Conn = <Db as sqlx::Database>::Connection;

/// Applies the migrations `conn`'s database lacks; how many.
pub(super) async fn migrate(conn: &mut Conn, migrator: &Migrator) -> Result<usize, StoreError> {
    conn.ensure_migrations_table().await?;
    let before = conn.list_applied_migrations().await?.len();
    migrator.run(&mut *conn).await?;
    let after = conn.list_applied_migrations().await?.len();
    Ok(after.saturating_sub(before))
}

/// Whether every migration this version ships is applied; if not, which are missing.
pub(super) async fn current(conn: &mut Conn, migrator: &Migrator) -> Result<(), String> {
    let applied = conn
        .list_applied_migrations()
        .await
        .map_err(|e| format!("cannot read the applied migrations: {e}"))?;
    let missing: Vec<String> = migrator
        .iter()
        .filter(|m| !applied.iter().any(|a| a.version == m.version))
        .map(|m| m.version.to_string())
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "migrations not applied: {} (run `hipcoach migrate`)",
            missing.join(", ")
        ))
    }
}

impl Pool {
    /// How many messages wait in the outbox.
    pub async fn outbox_depth(&self) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM outbox")
            .fetch_one(&self.pool)
            .await?)
    }

    /// How many people the bot still writes to: not blocked, not forgotten.
    pub async fn active_people(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM people WHERE active")
                .fetch_one(&self.pool)
                .await?,
        )
    }

    /// Forgets handled updates older than a week: Telegram redelivers an update for at
    /// most a day.
    pub(super) async fn prune_handled(&self, now: DateTime<Utc>) -> Result<(), StoreError> {
        let week_ago = (now - chrono::Duration::days(7)).timestamp();
        let statement = sqlx::query("DELETE FROM handled_updates WHERE at < $1").bind(week_ago);
        self.run(statement).await?;
        Ok(())
    }
}
