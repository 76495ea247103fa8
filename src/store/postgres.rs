//! The PostgreSQL backend: one database, any number of instances. What several instances
//! need beyond the shared SQL (compiled here from `sql/` with `Db = Postgres`):
//!
//! - each input takes a transaction-level advisory lock on the person (`lock_person`), so
//!   two instances never interleave one person's steps;
//! - one instance delivers: it holds a session-level advisory lock on a connection of its
//!   own ([`Leadership`]); when it dies its connection does, the lock is free and another
//!   instance, trying every [`LEAD_RETRY`], takes over;
//! - reminders and outbox rows are claimed with `FOR UPDATE SKIP LOCKED`;
//! - a transaction that changed a schedule or queued replies notifies the holder on
//!   commit (`NOTIFY hipcoach`, [`Notices`]); the minutely safety sweep stays as the
//!   backstop for a notice lost while a connection was down.

#[path = "sql/copy.rs"]
mod copy;
#[path = "sql/export.rs"]
mod export;
#[path = "sql/outbox.rs"]
mod outbox;
#[path = "sql/people.rs"]
mod people;
#[path = "sql/probe.rs"]
mod probe;
#[path = "sql/reminders.rs"]
mod reminders;
#[path = "sql/rows.rs"]
mod rows;

use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::migrate::Migrator;
use sqlx::postgres::{PgArguments, PgListener, PgPoolOptions, PgRow};
use sqlx::{Connection, PgConnection, PgPool, Postgres, Row, Transaction};

use super::StoreError;

/// The database the shared SQL in `sql/` is compiled for here.
type Db = Postgres;
/// One row as this driver returns it.
type DbRow = PgRow;
/// A statement with its values bound, ready to run.
type Statement<'q> = sqlx::query::Query<'q, Postgres, PgArguments>;
/// A claim passes over rows another instance's transaction holds instead of waiting.
const SKIP_LOCKED: &str = "FOR UPDATE SKIP LOCKED";

/// PostgreSQL's own schema history (the schema of SQLite's 0011, then the same numbers).
static MIGRATOR: Migrator = sqlx::migrate!("./migrations/postgres");

/// Connections per instance (ours): inputs hold one each for a few milliseconds; three
/// instances stay far below PostgreSQL's default of 100.
const MAX_CONNECTIONS: u32 = 16;

/// The delivery holder's advisory lock: two 32-bit keys, a space apart from the per-person
/// locks (one 64-bit key each), as PostgreSQL keeps the two forms apart. "hc", 1.
const LEAD_LOCK: (i32, i32) = (0x6863, 1);

/// How often a waiting instance tries to become the holder, and the holder checks that
/// its lock's connection lives (ours): a dead holder is replaced within about this long.
pub const LEAD_RETRY: Duration = Duration::from_secs(2);

/// The channel instances notify the delivery holder on.
const CHANNEL: &str = "hipcoach";

/// A pool of connections to one PostgreSQL database.
#[derive(Clone, Debug)]
pub(super) struct Pool {
    pool: PgPool,
    /// For connections of its own: the holder's lock, the listener.
    url: String,
}

/// One PostgreSQL transaction (read committed).
pub(super) struct Tx {
    tx: Transaction<'static, Postgres>,
}

impl Pool {
    /// Connects and migrates (sqlx's migrator takes an advisory lock of its own, so
    /// instances starting together migrate once).
    pub(super) async fn open(url: &str) -> Result<Pool, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await?;
        MIGRATOR.run(&pool).await?;
        Ok(Pool {
            pool,
            url: url.to_owned(),
        })
    }

    /// Applies the migrations the database lacks; how many.
    pub(super) async fn migrate_only(url: &str) -> Result<usize, StoreError> {
        let mut conn = PgConnection::connect(url).await?;
        let applied = probe::migrate(&mut conn, &MIGRATOR).await;
        conn.close().await.ok();
        applied
    }

    /// Failure injection is SQLite's (see [`super::Store::on_every_connection`]).
    pub(super) async fn on_every_connection(
        &self,
        _sql: &str,
        _sticky: bool,
    ) -> Result<(), StoreError> {
        Err(StoreError::Unsupported(
            "statements on every connection are for tests of the SQLite store",
        ))
    }

    pub(super) async fn begin(&self) -> Result<Tx, StoreError> {
        Ok(Tx {
            tx: self.pool.begin().await?,
        })
    }

    /// Runs one statement on the pool, in a transaction of its own; returns how many rows
    /// it changed.
    async fn run(&self, statement: Statement<'_>) -> Result<u64, StoreError> {
        Ok(statement.execute(&self.pool).await?.rows_affected())
    }

    pub(super) async fn close(&self) {
        self.pool.close().await;
    }

    /// See [`super::Store::ready`].
    pub(super) async fn ready(&self) -> Result<(), String> {
        let mut conn = self
            .pool
            .acquire()
            .await
            .map_err(|e| format!("database unreachable: {e}"))?;
        probe::current(&mut conn, &MIGRATOR).await
    }

    /// Nightly: old handled updates pruned (PostgreSQL's autovacuum keeps the statistics).
    pub(super) async fn maintain(&self) -> Result<(), StoreError> {
        self.prune_handled(Utc::now()).await?;
        tracing::info!("database maintenance done");
        Ok(())
    }

    /// After `hipcoach copy` wrote ids of its own: each identity column goes on after the
    /// highest id copied.
    pub(super) async fn after_copy(&self) -> Result<(), StoreError> {
        for table in [
            "assessments",
            "sessions",
            "decisions",
            "outbox",
            "break_answers",
        ] {
            let sql = format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                               COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
            );
            sqlx::query(&sql).execute(&self.pool).await?;
        }
        Ok(())
    }

    /// See [`super::Store::lead_delivery`].
    pub(super) async fn lead_delivery(&self) -> Result<Option<Leadership>, StoreError> {
        let mut conn = PgConnection::connect(&self.url).await?;
        let won: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1, $2)")
            .bind(LEAD_LOCK.0)
            .bind(LEAD_LOCK.1)
            .fetch_one(&mut conn)
            .await?;
        if won {
            // A holder that stops answering (frozen, cut off) keeps its connection open;
            // the server ends the session once it has been silent for three checks, and
            // the lock goes with it (ours: 3 x LEAD_RETRY; PostgreSQL 14 and later).
            let silent = (3 * LEAD_RETRY).as_millis().to_string();
            let _ = sqlx::query("SELECT set_config('idle_session_timeout', $1, false)")
                .bind(silent)
                .execute(&mut conn)
                .await;
            Ok(Some(Leadership { conn: Some(conn) }))
        } else {
            conn.close().await.ok();
            Ok(None)
        }
    }

    /// See [`super::Store::notices`].
    pub(super) async fn notices(&self) -> Result<Notices, StoreError> {
        let mut listener = PgListener::connect(&self.url).await?;
        listener.listen(CHANNEL).await?;
        Ok(Notices { listener })
    }
}

impl Tx {
    /// Runs one statement in this transaction; returns how many rows it changed.
    async fn run(&mut self, statement: Statement<'_>) -> Result<u64, StoreError> {
        Ok(statement.execute(&mut *self.tx).await?.rows_affected())
    }

    pub(super) async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }

    /// The person's lock until this transaction ends: another instance's input for the
    /// same person waits here.
    pub(super) async fn lock_person(&mut self, user_id: i64) -> Result<(), StoreError> {
        self.run(sqlx::query("SELECT pg_advisory_xact_lock($1)").bind(user_id))
            .await?;
        Ok(())
    }

    /// `NOTIFY hipcoach` on commit: the person's id when their replies wait, else empty
    /// (a schedule changed). PostgreSQL folds equal notices of one transaction into one.
    pub(super) async fn hand_over(&mut self, replies_for: Option<i64>) -> Result<(), StoreError> {
        let payload = replies_for.map(|u| u.to_string()).unwrap_or_default();
        self.run(
            sqlx::query("SELECT pg_notify($1, $2)")
                .bind(CHANNEL)
                .bind(payload),
        )
        .await?;
        Ok(())
    }
}

/// One value of an exported row, as the SQLite store exports it: integers and yes/no
/// (0 or 1) as numbers, instants as RFC 3339 text, text as text, NULL and bytes as null.
fn column_json(row: &PgRow, name: &str) -> serde_json::Value {
    if let Ok(Some(n)) = row.try_get::<Option<i64>, _>(name) {
        serde_json::Value::from(n)
    } else if let Ok(Some(b)) = row.try_get::<Option<bool>, _>(name) {
        serde_json::Value::from(i64::from(b))
    } else if let Ok(Some(at)) = row.try_get::<Option<DateTime<Utc>>, _>(name) {
        serde_json::Value::String(at.to_rfc3339_opts(SecondsFormat::AutoSi, false))
    } else if let Ok(Some(text)) = row.try_get::<Option<String>, _>(name) {
        serde_json::Value::String(text)
    } else {
        serde_json::Value::Null
    }
}

/// The right to deliver: held while it lives (see [`super::Store::lead_delivery`]).
#[derive(Debug)]
pub struct Leadership {
    /// PostgreSQL: the connection the advisory lock lives on; SQLite: none (one process).
    conn: Option<PgConnection>,
}

impl Leadership {
    /// The one process on a SQLite file always delivers.
    pub(super) fn alone() -> Leadership {
        Leadership { conn: None }
    }

    /// Returns when the lock is lost (its connection failed a check); never for SQLite.
    pub async fn lost(&mut self) {
        let Some(conn) = self.conn.as_mut() else {
            return std::future::pending().await;
        };
        loop {
            tokio::time::sleep(LEAD_RETRY).await;
            if let Err(error) = conn.ping().await {
                tracing::warn!(%error, "the delivery lock's connection failed; delivery stops here");
                return;
            }
        }
    }

    /// Lets go of the lock at once (a clean stop), so another instance takes over without
    /// waiting for the connection to time out.
    pub async fn release(self) {
        if let Some(mut conn) = self.conn {
            let _ = sqlx::query("SELECT pg_advisory_unlock($1, $2)")
                .bind(LEAD_LOCK.0)
                .bind(LEAD_LOCK.1)
                .execute(&mut conn)
                .await;
            conn.close().await.ok();
        }
    }
}

/// What another instance asks of the delivery holder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A schedule changed: look at the earliest due reminder again.
    Wake,
    /// This person's replies wait in the outbox: send them now.
    Replies(i64),
}

/// The notices for the delivery holder, as they arrive (PostgreSQL's LISTEN).
#[derive(Debug)]
pub struct Notices {
    listener: PgListener,
}

impl Notices {
    /// The next notice. After a lost connection the listener reconnects on the next call;
    /// notices sent meanwhile are gone (the safety sweep and the outbox's own timing
    /// catch up on them).
    pub async fn next(&mut self) -> Result<Notice, StoreError> {
        let notification = self.listener.recv().await?;
        Ok(match notification.payload().parse::<i64>() {
            Ok(user) => Notice::Replies(user),
            Err(_) => Notice::Wake,
        })
    }
}
