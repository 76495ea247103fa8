//! The reminder queue: one row per person and kind, due times in Unix seconds.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{Pool, SKIP_LOCKED, Tx};
use crate::core::values::reminders::{Due, ReminderKind};
use crate::store::StoreError;
use crate::store::reminders::Held;

impl Pool {
    /// The earliest reminder due, if any.
    /// A reminder waiting for its back-off counts from when it may be tried again.
    pub async fn next_due(&self, held: &Held) -> Result<Option<DateTime<Utc>>, StoreError> {
        if held.is_empty() {
            let at: Option<i64> = sqlx::query_scalar("SELECT MIN(due_at) FROM reminders")
                .fetch_one(&self.pool)
                .await?;
            return Ok(at.and_then(|s| DateTime::from_timestamp(s, 0)));
        }
        // The earliest rows, enough to get past every held one.
        let limit = i64::try_from(held.len())
            .unwrap_or(i64::MAX)
            .saturating_add(1);
        let rows: Vec<(i64, String, i64)> =
            sqlx::query_as("SELECT user_id, kind, due_at FROM reminders ORDER BY due_at LIMIT $1")
                .bind(limit)
                .fetch_all(&self.pool)
                .await?;
        let mut next: Option<DateTime<Utc>> = None;
        for (user, kind, due) in rows {
            let Some(due) = DateTime::from_timestamp(due, 0) else {
                continue;
            };
            let until = kind
                .parse::<ReminderKind>()
                .ok()
                .and_then(|kind| held.get(&(user, kind)))
                .map(|(_, until)| *until);
            let at = until.map_or(due, |until| until.max(due));
            next = Some(next.map_or(at, |n| n.min(at)));
            if until.is_none() {
                // Every later row is due no earlier than this one.
                break;
            }
        }
        Ok(next)
    }

    /// Reminders due at `now`, earliest first.
    pub async fn due_reminders(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<(i64, ReminderKind, DateTime<Utc>)>, StoreError> {
        let rows = sqlx::query(
            "SELECT user_id, kind, due_at FROM reminders WHERE due_at <= $1 ORDER BY due_at LIMIT $2",
        )
        .bind(now.timestamp())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        let mut due = Vec::with_capacity(rows.len());
        for r in rows {
            let user: i64 = r.try_get("user_id")?;
            let kind: String = r.try_get("kind")?;
            let at: i64 = r.try_get("due_at")?;
            match (
                kind.parse::<ReminderKind>(),
                DateTime::from_timestamp(at, 0),
            ) {
                (Ok(kind), Some(at)) => due.push((user, kind, at)),
                _ => {
                    // Written by another version: it can never fire, so it must not stay
                    // first in line.
                    tracing::warn!(user, "unreadable reminder row dropped");
                    let statement =
                        sqlx::query("DELETE FROM reminders WHERE user_id = $1 AND kind = $2")
                            .bind(user)
                            .bind(&kind);
                    self.run(statement).await?;
                }
            }
        }
        Ok(due)
    }

    /// See [`Store::active_people_after`](crate::store::Store::active_people_after).
    pub async fn active_people_after(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT user_id FROM people WHERE active AND hold_cause IS NULL AND user_id > $1
             ORDER BY user_id LIMIT $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Takes a reminder off the schedule without firing it.
    pub async fn drop_reminder(&self, user_id: i64, kind: ReminderKind) -> Result<(), StoreError> {
        let statement = sqlx::query("DELETE FROM reminders WHERE user_id = $1 AND kind = $2")
            .bind(user_id)
            .bind(<&str>::from(kind));
        self.run(statement).await?;
        Ok(())
    }
}

impl Tx {
    /// See [`StoreTx::claim_reminder`](crate::store::StoreTx::claim_reminder).
    pub async fn claim_reminder(
        &mut self,
        user_id: i64,
        kind: ReminderKind,
        due: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let sql = format!(
            "DELETE FROM reminders WHERE (user_id, kind) IN (
                 SELECT user_id, kind FROM reminders
                 WHERE user_id = $1 AND kind = $2 AND due_at = $3 {SKIP_LOCKED})"
        );
        let kind = <&str>::from(kind);
        let deleted = self
            .run(
                sqlx::query(&sql)
                    .bind(user_id)
                    .bind(kind)
                    .bind(due.timestamp()),
            )
            .await?;
        Ok(deleted == 1)
    }

    /// The kinds of reminder planned for a person (due or not).
    pub async fn planned_kinds(&mut self, user_id: i64) -> Result<Vec<ReminderKind>, StoreError> {
        let kinds: Vec<String> =
            sqlx::query_scalar("SELECT kind FROM reminders WHERE user_id = $1")
                .bind(user_id)
                .fetch_all(&mut *self.tx)
                .await?;
        Ok(kinds.iter().filter_map(|k| k.parse().ok()).collect())
    }

    /// Sets a person's reminders, one per kind, replacing all there were.
    pub async fn replace_reminders(&mut self, user_id: i64, due: &[Due]) -> Result<(), StoreError> {
        let statement = sqlx::query("DELETE FROM reminders WHERE user_id = $1").bind(user_id);
        self.run(statement).await?;
        self.replan_reminders(user_id, due, DateTime::<Utc>::MIN_UTC)
            .await
    }

    /// See [`StoreTx::replan_reminders`](crate::store::StoreTx::replan_reminders).
    pub async fn replan_reminders(
        &mut self,
        user_id: i64,
        due: &[Due],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let statement = sqlx::query("DELETE FROM reminders WHERE user_id = $1 AND due_at > $2")
            .bind(user_id)
            .bind(now.timestamp());
        self.run(statement).await?;
        for d in due {
            let statement = sqlx::query(
                "INSERT INTO reminders (user_id, kind, due_at) VALUES ($1, $2, $3)
                 ON CONFLICT DO NOTHING",
            )
            .bind(user_id)
            .bind(<&str>::from(d.kind))
            .bind(d.at.timestamp());
            self.run(statement).await?;
        }
        Ok(())
    }
}
