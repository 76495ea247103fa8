//! The outbox: every message waiting to be sent, one row per piece, queued in the same
//! transaction as the state it follows, and claimed before it is sent.

use chrono::{DateTime, Utc};
use sqlx::Row;

use super::{DbRow, Pool, SKIP_LOCKED, Tx};
use crate::core::values::reminders::ReminderKind;
use crate::i18n::{Attachment, Piece, Rendered};
use crate::store::StoreError;
use crate::store::outbox::{CLAIM_LEASE, Claim, IN_ORDER, OUTBOX_COLUMNS, OutboxRow, REPLY_KIND};

fn outbox_row(r: &DbRow) -> Option<OutboxRow> {
    let kind: String = r.try_get("kind").ok()?;
    let kind = match kind.as_str() {
        REPLY_KIND => None,
        other => Some(other.parse::<ReminderKind>().ok()?),
    };
    let part: String = r.try_get("part").ok()?;
    let file = || -> Option<Attachment> {
        Some(Attachment {
            name: r.try_get::<Option<String>, _>("file_name").ok()??,
            bytes: r.try_get::<Option<Vec<u8>>, _>("file").ok()??,
        })
    };
    let message =
        || serde_json::from_str::<Rendered>(&r.try_get::<String, _>("message").ok()?).ok();
    let piece = match part.as_str() {
        "text" => Piece::Text(message()?),
        "redraw" => Piece::Redraw {
            message_id: r.try_get::<Option<i64>, _>("redraw_message").ok()??,
            message: message()?,
        },
        "photo" => Piece::Photo(file()?),
        "document" => Piece::Document(file()?),
        _ => return None,
    };
    Some(OutboxRow {
        id: r.try_get("id").ok()?,
        user: r.try_get("user_id").ok()?,
        kind,
        due: DateTime::from_timestamp(r.try_get("due_at").ok()?, 0)?,
        piece,
        attempts: r.try_get("attempts").ok()?,
    })
}

impl Pool {
    /// See [`Store::next_outbox`](crate::store::Store::next_outbox).
    pub async fn next_outbox(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let at: Option<i64> = sqlx::query_scalar(&format!(
            "SELECT MIN(CASE WHEN o.claimed_until > o.not_before THEN o.claimed_until
                             ELSE o.not_before END) FROM outbox o
             WHERE NOT EXISTS (
                 SELECT 1 FROM outbox e
                 WHERE e.user_id = o.user_id AND e.id < o.id AND e.part IN {IN_ORDER})"
        ))
        .fetch_one(&self.pool)
        .await?;
        Ok(at.and_then(|s| DateTime::from_timestamp(s, 0)))
    }

    /// See [`Store::ready_outbox`](crate::store::Store::ready_outbox).
    pub async fn ready_outbox(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE not_before <= $1 ORDER BY id LIMIT $2"
        ))
        .bind(now.timestamp())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        self.read_outbox(rows).await
    }

    /// See [`Store::claim_outbox`](crate::store::Store::claim_outbox).
    pub async fn claim_outbox(
        &self,
        claim: Claim,
        now: DateTime<Utc>,
        user: Option<i64>,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let mut tx = self.begin().await?;
        let rows = sqlx::query(&format!(
            "UPDATE outbox SET claimed_by = $1, claimed_until = $2
             WHERE id IN (
                 SELECT o.id FROM outbox o
                 WHERE o.not_before <= $3
                   AND (o.claimed_until IS NULL OR o.claimed_until <= $3)
                   AND ($4 IS NULL OR o.user_id = $4)
                   AND NOT EXISTS (
                       SELECT 1 FROM outbox e
                       WHERE e.user_id = o.user_id AND e.id < o.id AND e.part IN {IN_ORDER}
                         AND (e.not_before > $3 OR e.claimed_until > $3))
                 ORDER BY o.id LIMIT $5 {SKIP_LOCKED})
             RETURNING {OUTBOX_COLUMNS}"
        ))
        .bind(claim.id())
        .bind((now + CLAIM_LEASE).timestamp())
        .bind(now.timestamp())
        .bind(user)
        .bind(limit)
        .fetch_all(&mut *tx.tx)
        .await?;
        tx.commit().await?;
        let mut rows = self.read_outbox(rows).await?;
        rows.sort_by_key(|r| r.id);
        Ok(rows)
    }

    /// See [`Store::confirm_claim`](crate::store::Store::confirm_claim).
    pub async fn confirm_claim(
        &self,
        id: i64,
        claim: Claim,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let sql = "UPDATE outbox SET claimed_until = $1 WHERE id = $2 AND claimed_by = $3";
        let until = (now + CLAIM_LEASE).timestamp();
        let renewed = self
            .run(sqlx::query(sql).bind(until).bind(id).bind(claim.id()))
            .await?;
        Ok(renewed == 1)
    }

    /// Gives up every claim. Only for a process that holds the database alone, at start:
    /// what a killed run had claimed is sent at once instead of after the lease.
    pub async fn release_claims(&self) -> Result<u64, StoreError> {
        let statement = sqlx::query(
            "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL
             WHERE claimed_by IS NOT NULL",
        );
        self.run(statement).await
    }

    /// See [`Store::hurry_outbox`](crate::store::Store::hurry_outbox).
    pub async fn hurry_outbox(&self, user_id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        let statement =
            sqlx::query("UPDATE outbox SET not_before = $1 WHERE user_id = $2 AND not_before > $3")
                .bind(now.timestamp())
                .bind(user_id)
                .bind(now.timestamp());
        self.run(statement).await?;
        Ok(())
    }

    async fn read_outbox(&self, rows: Vec<DbRow>) -> Result<Vec<OutboxRow>, StoreError> {
        let mut out = Vec::with_capacity(rows.len());
        for r in rows {
            let id: i64 = r.try_get("id")?;
            match outbox_row(&r) {
                Some(row) => out.push(row),
                None => {
                    // Written by another version: it can never be sent.
                    tracing::warn!(id, "unreadable outbox row dropped");
                    self.outbox_done(id).await?;
                }
            }
        }
        Ok(out)
    }

    /// Every message still waiting for `user`, oldest first (tests, the console).
    pub async fn outbox_of(&self, user_id: i64) -> Result<Vec<OutboxRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE user_id = $1 ORDER BY id"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        self.read_outbox(rows).await
    }

    /// A message was delivered (or refused for good): it leaves the outbox.
    pub async fn outbox_done(&self, id: i64) -> Result<(), StoreError> {
        let statement = sqlx::query("DELETE FROM outbox WHERE id = $1").bind(id);
        self.run(statement).await?;
        Ok(())
    }

    /// A message could not be sent now: try again from `not_before` (claim given up).
    pub async fn outbox_retry(&self, id: i64, not_before: DateTime<Utc>) -> Result<(), StoreError> {
        let statement = sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, not_before = $1,
                    claimed_by = NULL, claimed_until = NULL
             WHERE id = $2",
        )
        .bind(not_before.timestamp())
        .bind(id);
        self.run(statement).await?;
        Ok(())
    }

    /// See [`Store::outbox_release`](crate::store::Store::outbox_release).
    pub async fn outbox_release(&self, id: i64) -> Result<(), StoreError> {
        let statement =
            sqlx::query("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = $1")
                .bind(id);
        self.run(statement).await?;
        Ok(())
    }
}

impl Tx {
    /// See [`StoreTx::queue`](crate::store::StoreTx::queue).
    pub async fn queue(
        &mut self,
        user_id: i64,
        reminder: Option<(ReminderKind, DateTime<Utc>)>,
        piece: &Piece,
        now: DateTime<Utc>,
    ) -> Result<i64, StoreError> {
        let (kind, due) = match reminder {
            Some((kind, due)) => (<&str>::from(kind), due),
            None => (REPLY_KIND, now),
        };
        let (message, file, redraw) = match piece {
            Piece::Text(message) => (Some(message), None, None),
            Piece::Redraw {
                message_id,
                message,
            } => (Some(message), None, Some(*message_id)),
            Piece::Photo(file) | Piece::Document(file) => (None, Some(file), None),
        };
        let json = message
            .map(|m| serde_json::to_string(m).unwrap_or_default())
            .unwrap_or_else(|| "{}".into());
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO outbox
                 (user_id, kind, due_at, message, not_before, part, file_name, file, redraw_message)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
             RETURNING id",
        )
        .bind(user_id)
        .bind(kind)
        .bind(due.timestamp())
        .bind(json)
        .bind(now.timestamp())
        .bind(piece.part())
        .bind(file.map(|f| f.name.as_str()))
        .bind(file.map(|f| f.bytes.as_slice()))
        .bind(redraw)
        .fetch_one(&mut *self.tx)
        .await?;
        Ok(id)
    }
}
