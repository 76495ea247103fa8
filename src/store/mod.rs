//! SQLite through sqlx: the only module that speaks SQL.

use std::collections::HashMap;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, AtomicU64, Ordering};
use std::time::Duration;

use chrono::{DateTime, NaiveTime, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{Row, Sqlite, SqlitePool, Transaction};

use crate::core::answers::{PainScore, Weekdays, WorkingHours};
use crate::core::assessment::Assessment;
use crate::core::assessment::{Source, Track};
use crate::core::catalog::Phase;
use crate::core::profile::{self, AgeBand, Lunch, Profile};
use crate::core::program::{Position, Program, SessionRecord};
use crate::core::progression::{Range, Verdict};
use crate::core::safety::{Hold, HoldCause};
use crate::core::schedule::{BREAK_MINUTES, Due, ReminderKind, ReminderSettings};
use crate::core::{Dialog, History, Lang, Person, Zone};
use crate::i18n::{Attachment, Piece, Rendered};

/// How many recent sessions a person is loaded with: enough for every rule (two weeks and
/// more), the rotation and /history.
const RECENT_SESSIONS: i64 = 60;

/// Connections to a database file: SQLite has one writer at a time anyway; a few readers
/// (the delivery loop, exports) go on meanwhile (ours).
const MAX_CONNECTIONS: u32 = 4;

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(sqlx::Error),
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error(
        "another hipcoach ({}) is already using this database; only one process may \
         write to it. Stop that one first (lock file {})",
        match .pid { Some(pid) => format!("pid {pid}"), None => "pid unknown".into() },
        .lock.display()
    )]
    Locked { lock: PathBuf, pid: Option<u32> },
    #[error(
        "the database file is damaged (PRAGMA quick_check: {0}). Nothing was changed. \
         Restore it from a backup: stop hipcoach, copy the backup over the file, remove \
         the file's -wal and -shm companions, and start again (see \"Backup and restore\" \
         in the README)"
    )]
    Corrupt(String),
    /// A file beside the database (its lock, a backup): what went wrong with it.
    #[error("{}: {error}", .path.display())]
    File {
        path: PathBuf,
        error: std::io::Error,
    },
}

impl StoreError {
    /// The file is (or may be) damaged: SQLITE_CORRUPT or NOTADB, or a check said so.
    pub fn says_damaged(&self) -> bool {
        const CORRUPT: i64 = 11;
        const NOTADB: i64 = 26;
        match self {
            StoreError::Corrupt(_) => true,
            StoreError::Database(sqlx::Error::Database(db)) => db
                .code()
                .and_then(|code| code.parse::<i64>().ok())
                .is_some_and(|code| [CORRUPT, NOTADB].contains(&(code & 0xff))),
            _ => false,
        }
    }

    /// A stored value this version cannot read: trying again will not help.
    pub fn is_unreadable(&self) -> bool {
        matches!(
            self,
            StoreError::Database(
                sqlx::Error::ColumnDecode { .. }
                    | sqlx::Error::Decode(_)
                    | sqlx::Error::ColumnNotFound(_)
                    | sqlx::Error::ColumnIndexOutOfBounds { .. }
                    | sqlx::Error::TypeNotFound { .. }
            )
        )
    }
}

impl From<sqlx::Error> for StoreError {
    fn from(error: sqlx::Error) -> StoreError {
        if leaves_connection_unfit(&error) {
            // Every connection open now may be read-only or hold a broken file handle:
            // each is closed when next taken from the pool (see `fit_for_use`).
            let now = monotonic_micros();
            RECYCLE_BEFORE.fetch_max(now, Ordering::AcqRel);
            tracing::warn!(%error, "database error; the pool's connections are renewed");
        }
        StoreError::Database(error)
    }
}

/// Connections opened at or before this instant (µs on the process's monotonic clock,
/// see `monotonic_micros`) are closed when next taken
/// from a pool. One value for the process: a spurious renewal costs a reconnect, nothing
/// more, and in-memory databases (which a new connection would lose) never look at it.
static RECYCLE_BEFORE: AtomicU64 = AtomicU64::new(0);

/// See `fit_for_use` (ours).
const RECYCLE_MARGIN_US: u64 = 5_000;

fn monotonic_micros() -> u64 {
    // Monotonic, from the first call in this process: the wall clock may jump (NTP, a VM
    // resumed), and a connection's age is measured on the monotonic clock too.
    static ORIGIN: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let origin = *ORIGIN.get_or_init(|| {
        std::time::Instant::now()
            .checked_sub(Duration::from_secs(3600))
            .unwrap_or_else(std::time::Instant::now)
    });
    u64::try_from(origin.elapsed().as_micros()).unwrap_or(u64::MAX)
}
/// Errors after which the connection itself may stay unusable although the cause is gone:
/// READONLY (a connection opened while the file was not writable stays read-only), IOERR,
/// CANTOPEN, CORRUPT and NOTADB (a file handle that may no longer be good). FULL and BUSY
/// leave a good connection once its transaction is rolled back (see `fit_for_use`).
fn leaves_connection_unfit(error: &sqlx::Error) -> bool {
    const READONLY: i64 = 8;
    const IOERR: i64 = 10;
    const CORRUPT: i64 = 11;
    const CANTOPEN: i64 = 14;
    const NOTADB: i64 = 26;
    match error {
        sqlx::Error::Database(db) => db
            .code()
            .and_then(|code| code.parse::<i64>().ok())
            .is_some_and(|code| {
                [READONLY, IOERR, CORRUPT, CANTOPEN, NOTADB].contains(&(code & 0xff))
            }),
        sqlx::Error::Io(_) => true,
        _ => false,
    }
}

/// Whether a connection may be handed out again. After SQLITE_FULL, IOERR, BUSY or
/// READONLY SQLite may roll the transaction back by itself; sqlx's ROLLBACK then fails
/// and sqlx still counts the connection as inside a transaction, so every `BEGIN` on it
/// would fail ("begin_with at non-zero transaction depth") until the pool retires it half
/// an hour later. Such a connection, and one opened before an error that can leave a
/// connection unfit, is closed instead; the pool opens a fresh one.
fn fit_for_use(conn: &sqlx::SqliteConnection, age: Duration) -> bool {
    use sqlx::Connection;
    if conn.is_in_transaction() {
        tracing::warn!("a connection left inside a transaction is closed");
        return false;
    }
    let opened =
        monotonic_micros().saturating_sub(u64::try_from(age.as_micros()).unwrap_or(u64::MAX));
    // A few milliseconds of margin: a connection opened just before the error was seen may
    // have been opened before its cause went away; renewing it once costs little.
    opened
        > RECYCLE_BEFORE
            .load(Ordering::Acquire)
            .saturating_add(RECYCLE_MARGIN_US)
}

/// A message waiting in the outbox.
#[derive(Clone, Debug)]
pub struct OutboxRow {
    pub id: i64,
    pub user: i64,
    /// The reminder it belongs to; `None` for a reply.
    pub kind: Option<ReminderKind>,
    pub due: DateTime<Utc>,
    pub piece: Piece,
    pub attempts: i64,
}

/// One delivery loop's claim on outbox rows (see [`Store::claim_outbox`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim(i64);

impl Claim {
    /// A claim no other in this process or any other holds: the process id and a counter.
    pub fn fresh() -> Claim {
        static NEXT: AtomicI64 = AtomicI64::new(0);
        let count = NEXT.fetch_add(1, Ordering::Relaxed) & 0xFFFF_FFFF;
        Claim((i64::from(std::process::id()) << 32) | count)
    }
}

/// How long a claim on an outbox row lasts unless renewed: well over the longest send
/// (teloxide's client gives up after 17 s), so a live claim is never taken over; short
/// enough that a row claimed by a process that died goes out within a minute (ours).
pub const CLAIM_LEASE: chrono::Duration = chrono::Duration::seconds(60);

/// The pieces that keep their order: nothing after one of them goes before it.
const IN_ORDER: &str = "('text', 'redraw')";

/// The `kind` of a reply in the outbox.
const REPLY_KIND: &str = "reply";

/// The outbox columns a row is read from.
const OUTBOX_COLUMNS: &str =
    "id, user_id, kind, due_at, message, attempts, part, file_name, file, redraw_message";

fn outbox_row(r: &SqliteRow) -> Option<OutboxRow> {
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

/// A pool of connections to one database, migrated to the current schema.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
    /// The lock on `<db>.lock`, held until the store is closed or its last clone dropped
    /// (a file database only): one writer per database file.
    writer: Arc<std::sync::Mutex<Option<std::fs::File>>>,
    /// Reminders that failed to fire for a passing reason, by person and kind: how often
    /// in a row, and not before when they are tried again (kept in memory: a restart
    /// simply tries them at once).
    held: Arc<std::sync::Mutex<Held>>,
    /// Tests only: a statement every new connection runs (see [`Store::on_every_connection`]).
    on_connect: Arc<std::sync::Mutex<Option<String>>>,
    /// How to open a connection of its own (the nightly check reads the file afresh).
    options: SqliteConnectOptions,
    /// Set when a check found the file damaged: from then on nothing is written (every
    /// transaction is refused with [`StoreError::Corrupt`]) until an operator restores a
    /// backup and restarts.
    damaged: Arc<std::sync::Mutex<Option<String>>>,
}

/// Per person and kind: tries in a row, and the earliest next try.
type Held = HashMap<(i64, ReminderKind), (i64, DateTime<Utc>)>;

/// One transaction: every change an input causes is written together or not at all.
pub struct StoreTx {
    tx: Transaction<'static, Sqlite>,
}

impl Store {
    /// Opens (creating if missing) and migrates the database at `url`.
    /// `sqlite::memory:` gives a throwaway database that lives as long as the store.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        Store::open_with(url, Duration::from_secs(5)).await
    }

    /// Opens with another wait for a busy database (tests use a short one).
    pub async fn open_with(url: &str, busy_timeout: Duration) -> Result<Store, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            // Deleted rows are overwritten with zeros, so /delete leaves nothing behind.
            .pragma("secure_delete", "ON")
            .busy_timeout(busy_timeout);
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
        let writer = if in_memory {
            None
        } else {
            Some(lock_writer(options.get_filename())?)
        };
        if !in_memory {
            quick_check(&options).await?;
        }
        let kept_options = options.clone();
        let on_connect: Arc<std::sync::Mutex<Option<String>>> = Arc::default();
        let sticky = on_connect.clone();
        let pool = if in_memory {
            // Every new connection would see a different empty database: keep exactly one.
            SqlitePoolOptions::new()
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None)
                .connect_with(options)
                .await?
        } else {
            SqlitePoolOptions::new()
                .max_connections(MAX_CONNECTIONS)
                .before_acquire(|conn, meta| {
                    let fit = fit_for_use(conn, meta.age);
                    Box::pin(async move { Ok(fit) })
                })
                .after_connect(move |conn, _| {
                    let sql = sticky.lock().ok().and_then(|s| s.clone());
                    Box::pin(async move {
                        if let Some(sql) = sql {
                            sqlx::query(&sql).execute(&mut *conn).await?;
                        }
                        Ok(())
                    })
                })
                .connect_with(options)
                .await
                .map_err(damaged)?
        };
        sqlx::migrate!("./migrations")
            .run(&pool)
            .await
            .map_err(|error| match error {
                sqlx::migrate::MigrateError::Execute(error) => damaged(error),
                error => error.into(),
            })?;
        Ok(Store {
            pool,
            writer: Arc::new(std::sync::Mutex::new(writer)),
            on_connect,
            held: Arc::default(),
            options: kept_options,
            damaged: Arc::default(),
        })
    }

    /// `PRAGMA quick_check` on a connection of its own, which reads the file afresh (the
    /// pool's connections may hold good pages in their caches). A damaged file is logged
    /// at ERROR and stops all writes: people are told the coach cannot save anything for
    /// now instead of "try again" for ever. In-memory databases are not checked.
    pub async fn check_integrity(&self) -> Result<(), StoreError> {
        if self
            .options
            .get_filename()
            .to_string_lossy()
            .contains(":memory:")
        {
            return Ok(());
        }
        match quick_check(&self.options).await {
            Err(StoreError::Corrupt(what)) => {
                tracing::error!(problem = %what, "the database file is damaged; writes stop until it is restored from a backup");
                if let Ok(mut damaged) = self.damaged.lock() {
                    *damaged = Some(what.clone());
                }
                Err(StoreError::Corrupt(what))
            }
            other => other,
        }
    }

    /// After an input failed: an error that says the file may be damaged (SQLITE_CORRUPT,
    /// NOTADB) has the file checked at once, so that a damaged file stops writes now rather
    /// than at the nightly check.
    pub async fn after_failure(&self, error: &StoreError) {
        if error.says_damaged()
            && let Err(error) = self.check_integrity().await
        {
            tracing::debug!(%error, "integrity check after a failure");
        }
    }

    /// A consistent copy of the database at `url` in the new file `to` (`VACUUM INTO`),
    /// taken through a read-only connection of its own: it works while the bot runs (it
    /// does not take the writer lock) and never overwrites an existing file.
    pub async fn backup(url: &str, to: &Path) -> Result<(), StoreError> {
        use sqlx::{ConnectOptions, Connection};
        if to.exists() {
            return Err(StoreError::File {
                path: to.to_path_buf(),
                error: std::io::Error::new(
                    std::io::ErrorKind::AlreadyExists,
                    "the file exists; choose a new name",
                ),
            });
        }
        let options = SqliteConnectOptions::from_str(url)?
            .read_only(true)
            .busy_timeout(Duration::from_secs(30));
        let mut conn = options.connect().await?;
        let copied = sqlx::query("VACUUM INTO ?")
            .bind(to.to_string_lossy().into_owned())
            .execute(&mut conn)
            .await;
        conn.close().await.ok();
        copied?;
        Ok(())
    }

    /// Until when a reminder that failed to fire waits before it is tried again.
    pub fn reminder_held_until(&self, user_id: i64, kind: ReminderKind) -> Option<DateTime<Utc>> {
        let held = self.held.lock().ok()?;
        held.get(&(user_id, kind)).map(|(_, until)| *until)
    }

    /// A reminder failed to fire for a passing reason (busy, full, I/O): it stays planned
    /// and waits before the next try, 2 s doubling to 5 minutes, so that one stuck person
    /// neither spins the delivery loop nor holds up anyone else. Returns the tries so far
    /// and when the next one is.
    pub fn hold_reminder(
        &self,
        user_id: i64,
        kind: ReminderKind,
        now: DateTime<Utc>,
    ) -> (i64, DateTime<Utc>) {
        let Ok(mut held) = self.held.lock() else {
            return (0, now);
        };
        let entry = held.entry((user_id, kind)).or_insert((0, now));
        entry.1 = now + crate::retry::backoff(entry.0);
        entry.0 += 1;
        *entry
    }

    /// A reminder fired (or is gone): it waits for nothing any more.
    pub fn release_reminder(&self, user_id: i64, kind: ReminderKind) {
        if let Ok(mut held) = self.held.lock() {
            held.remove(&(user_id, kind));
        }
    }

    /// Tests only: runs `sql` on every connection of the pool (opening all it may have),
    /// and, if `sticky`, on every connection opened from now on; otherwise new connections
    /// run nothing. This is how a test makes the disk "full" (`PRAGMA max_page_count`) for
    /// every connection, or a file read-only (`PRAGMA query_only`), without root.
    #[doc(hidden)]
    pub async fn on_every_connection(&self, sql: &str, sticky: bool) -> Result<(), StoreError> {
        if let Ok(mut on_connect) = self.on_connect.lock() {
            *on_connect = sticky.then(|| sql.to_owned());
        }
        let mut held = Vec::new();
        for _ in 0..self.pool.options().get_max_connections() {
            let mut conn = self.pool.acquire().await?;
            sqlx::raw_sql(sql).execute(&mut *conn).await?;
            held.push(conn);
        }
        Ok(())
    }

    /// Starts a write transaction. `BEGIN IMMEDIATE` takes the write lock up front, so a
    /// read-then-write never fails half-way with SQLITE_BUSY.
    pub async fn begin(&self) -> Result<StoreTx, StoreError> {
        if let Some(what) = self.damaged.lock().ok().and_then(|d| d.clone()) {
            return Err(StoreError::Corrupt(what));
        }
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok(StoreTx { tx })
    }

    /// The earliest reminder due, if any.
    /// A reminder waiting for its back-off counts from when it may be tried again.
    pub async fn next_due(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let held = self.held.lock().map(|h| h.clone()).unwrap_or_default();
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
            sqlx::query_as("SELECT user_id, kind, due_at FROM reminders ORDER BY due_at LIMIT ?")
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
            "SELECT user_id, kind, due_at FROM reminders WHERE due_at <= ? ORDER BY due_at LIMIT ?",
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
                    sqlx::query("DELETE FROM reminders WHERE user_id = ? AND kind = ?")
                        .bind(user)
                        .bind(&kind)
                        .execute(&self.pool)
                        .await?;
                }
            }
        }
        Ok(due)
    }

    /// People reminders may go to (consented, not blocked, not held), by user id after
    /// `after`, at most `limit`: the safety sweep goes through them a slice at a time.
    pub async fn active_people_after(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<i64>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT user_id FROM people WHERE active = 1 AND hold_cause IS NULL AND user_id > ?
             ORDER BY user_id LIMIT ?",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Takes a reminder off the schedule without firing it.
    pub async fn drop_reminder(&self, user_id: i64, kind: ReminderKind) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM reminders WHERE user_id = ? AND kind = ?")
            .bind(user_id)
            .bind(<&str>::from(kind))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The earliest time an outbox message may be (re)tried: only the first waiting
    /// message of each person counts (the others wait for it), and a claimed one not
    /// before its claim runs out.
    pub async fn next_outbox(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let at: Option<i64> = sqlx::query_scalar(&format!(
            "SELECT MIN(MAX(o.not_before, COALESCE(o.claimed_until, 0))) FROM outbox o
             WHERE NOT EXISTS (
                 SELECT 1 FROM outbox e
                 WHERE e.user_id = o.user_id AND e.id < o.id AND e.part IN {IN_ORDER})"
        ))
        .fetch_one(&self.pool)
        .await?;
        Ok(at.and_then(|s| DateTime::from_timestamp(s, 0)))
    }

    /// Messages ready to send at `now`, oldest first, without claiming them (the console,
    /// the only process on its file, prints them).
    pub async fn ready_outbox(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let rows = sqlx::query(&format!(
            "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE not_before <= ? ORDER BY id LIMIT ?"
        ))
        .bind(now.timestamp())
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        self.read_outbox(rows).await
    }

    /// Claims up to `limit` messages ready at `now` (only `user`'s, if given) for
    /// `claim`, until `now + lease`, and returns them oldest first. Each person's messages
    /// are claimed in order: never one whose earlier text waits for a retry or is held by
    /// another claim, so no text overtakes another. (A chart or a file that failed does
    /// not hold up the texts after it: it comes late rather than keep them back.) Two
    /// loops never claim one row.
    pub async fn claim_outbox(
        &self,
        claim: Claim,
        now: DateTime<Utc>,
        user: Option<i64>,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        let mut tx = self.begin().await?;
        let rows = sqlx::query(&format!(
            "UPDATE outbox SET claimed_by = ?1, claimed_until = ?2
             WHERE id IN (
                 SELECT o.id FROM outbox o
                 WHERE o.not_before <= ?3
                   AND (o.claimed_until IS NULL OR o.claimed_until <= ?3)
                   AND (?4 IS NULL OR o.user_id = ?4)
                   AND NOT EXISTS (
                       SELECT 1 FROM outbox e
                       WHERE e.user_id = o.user_id AND e.id < o.id AND e.part IN {IN_ORDER}
                         AND (e.not_before > ?3 OR e.claimed_until > ?3))
                 ORDER BY o.id LIMIT ?5)
             RETURNING {OUTBOX_COLUMNS}"
        ))
        .bind(claim.0)
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

    /// Renews `claim` on a message just before it is sent; false if the claim ran out and
    /// the message was taken (or sent) by someone else meanwhile: then it must not be sent.
    pub async fn confirm_claim(
        &self,
        id: i64,
        claim: Claim,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done =
            sqlx::query("UPDATE outbox SET claimed_until = ? WHERE id = ? AND claimed_by = ?")
                .bind((now + CLAIM_LEASE).timestamp())
                .bind(id)
                .bind(claim.0)
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Gives up every claim. Only for a process that holds the database alone, at start:
    /// what a killed run had claimed is sent at once instead of after the lease.
    pub async fn release_claims(&self) -> Result<u64, StoreError> {
        let done = sqlx::query(
            "UPDATE outbox SET claimed_by = NULL, claimed_until = NULL
             WHERE claimed_by IS NOT NULL",
        )
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// The person wrote: their messages waiting for a retry are tried now (Telegram just
    /// reached us, and their new reply must not overtake them).
    pub async fn hurry_outbox(&self, user_id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query("UPDATE outbox SET not_before = ? WHERE user_id = ? AND not_before > ?")
            .bind(now.timestamp())
            .bind(user_id)
            .bind(now.timestamp())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn read_outbox(&self, rows: Vec<SqliteRow>) -> Result<Vec<OutboxRow>, StoreError> {
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
            "SELECT {OUTBOX_COLUMNS} FROM outbox WHERE user_id = ? ORDER BY id"
        ))
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        self.read_outbox(rows).await
    }

    /// A message was delivered (or refused for good): it leaves the outbox.
    pub async fn outbox_done(&self, id: i64) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM outbox WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A message could not be sent now: try again from `not_before` (claim given up).
    pub async fn outbox_retry(&self, id: i64, not_before: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE outbox SET attempts = attempts + 1, not_before = ?,
                    claimed_by = NULL, claimed_until = NULL
             WHERE id = ?",
        )
        .bind(not_before.timestamp())
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// A claimed message was not tried (an earlier one to the same person failed): it goes
    /// back as it was, no attempt counted.
    pub async fn outbox_release(&self, id: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE outbox SET claimed_by = NULL, claimed_until = NULL WHERE id = ?")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Telegram said the person blocked the bot (or is gone): send nothing more until
    /// they write again.
    pub async fn deactivate(&self, user_id: i64) -> Result<(), StoreError> {
        let mut tx = self.begin().await?;
        sqlx::query("UPDATE people SET active = 0 WHERE user_id = ?")
            .bind(user_id)
            .execute(&mut *tx.tx)
            .await?;
        for table in ["reminders", "outbox"] {
            sqlx::query(&format!("DELETE FROM {table} WHERE user_id = ?"))
                .bind(user_id)
                .execute(&mut *tx.tx)
                .await?;
        }
        tx.commit().await
    }

    /// Everything kept about a person, table by table, as JSON (every column of every
    /// row), and the measurements as CSV for a spreadsheet. `None` for a stranger.
    pub async fn export(
        &self,
        user_id: i64,
    ) -> Result<Option<(serde_json::Value, String)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        export_from(&mut conn, user_id).await
    }

    /// Folds the WAL back into the database file and truncates it. While another
    /// connection reads (an operator's sqlite3 shell, a backup), SQLite cannot finish and
    /// says so only in its result row: then it is tried again in the background, with a
    /// warning each time, until it completes, so that after /delete no copy of the
    /// person's pages stays in the file or its log once the reader is gone.
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        if self.try_checkpoint().await? {
            return Ok(());
        }
        tracing::warn!(
            "the WAL cannot be folded back while another connection reads; trying again in the background"
        );
        let store = self.clone();
        tokio::spawn(async move { store.checkpoint_until_done().await });
        Ok(())
    }

    /// One TRUNCATE checkpoint; whether it completed.
    async fn try_checkpoint(&self) -> Result<bool, StoreError> {
        let (busy, _log, _done): (i64, i64, i64) =
            sqlx::query_as("PRAGMA wal_checkpoint(TRUNCATE)")
                .fetch_one(&self.pool)
                .await?;
        Ok(busy == 0)
    }

    /// Retries the checkpoint, 200 ms doubling to 30 s apart (ours), until it completes
    /// or the store is closed.
    async fn checkpoint_until_done(&self) {
        let mut wait = Duration::from_millis(200);
        for tries in 1u32.. {
            tokio::time::sleep(wait).await;
            if self.pool.is_closed() {
                return;
            }
            match self.try_checkpoint().await {
                Ok(true) => {
                    tracing::info!(tries, "the WAL is folded back and truncated");
                    return;
                }
                Ok(false) => {
                    tracing::warn!(
                        tries,
                        "the WAL still cannot be folded back: another connection is reading"
                    )
                }
                Err(error) => tracing::warn!(tries, %error, "checkpoint failed; trying again"),
            }
            wait = (wait * 2).min(Duration::from_secs(30));
        }
    }

    /// Nightly maintenance: refresh the planner's statistics and fold the WAL back into
    /// the database file.
    pub async fn maintain(&self) -> Result<(), StoreError> {
        self.check_integrity().await?;
        let week_ago = (Utc::now() - chrono::Duration::days(7)).timestamp();
        sqlx::query("DELETE FROM handled_updates WHERE at < ?")
            .bind(week_ago)
            .execute(&self.pool)
            .await?;
        sqlx::query("PRAGMA optimize").execute(&self.pool).await?;
        self.checkpoint().await?;
        tracing::info!("database maintenance done");
        Ok(())
    }

    /// Closes every connection, finishing the WAL, and lets go of the writer lock.
    pub async fn close(&self) {
        self.pool.close().await;
        if let Ok(mut writer) = self.writer.lock() {
            writer.take();
        }
    }
}

/// `PRAGMA quick_check`: the structure of every page, without the slower cross-checks of
/// the indexes. A damaged file is an error that says what is wrong.
async fn quick_check(options: &SqliteConnectOptions) -> Result<(), StoreError> {
    use sqlx::{ConnectOptions, Connection};
    // On a connection of its own, closed before the pool's connections see the schema.
    let mut conn = options.connect().await.map_err(damaged)?;
    let lines: Result<Vec<String>, _> = sqlx::query_scalar("PRAGMA quick_check(20)")
        .fetch_all(&mut conn)
        .await;
    conn.close().await.ok();
    let lines = lines.map_err(damaged)?;
    if lines.iter().all(|l| l == "ok") {
        Ok(())
    } else {
        Err(StoreError::Corrupt(lines.join("; ")))
    }
}

/// SQLITE_CORRUPT and SQLITE_NOTADB (a file too damaged to even be checked) as
/// [`StoreError::Corrupt`]; any other error as it is.
fn damaged(error: sqlx::Error) -> StoreError {
    match &error {
        sqlx::Error::Database(db)
            if db
                .code()
                .and_then(|c| c.parse::<i64>().ok())
                .is_some_and(|c| matches!(c & 0xff, 11 | 26)) =>
        {
            StoreError::Corrupt(db.message().to_owned())
        }
        _ => error.into(),
    }
}

/// Takes the advisory lock on `<db>.lock` and writes our pid into it, or names the pid of
/// the process that holds it. The lock goes with the process (the kernel drops it on exit,
/// even after a kill); the file stays, and is only ever locked, never trusted by its being
/// there.
fn lock_writer(db: &Path) -> Result<std::fs::File, StoreError> {
    let mut name = db.as_os_str().to_owned();
    name.push(".lock");
    let lock = PathBuf::from(name);
    let failed = |error| StoreError::File {
        path: lock.clone(),
        error,
    };
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock)
        .map_err(failed)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(std::fs::TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            return Err(StoreError::Locked {
                pid: text.trim().parse().ok(),
                lock,
            });
        }
        Err(std::fs::TryLockError::Error(error)) => return Err(failed(error)),
    }
    file.set_len(0).map_err(failed)?;
    file.seek(SeekFrom::Start(0)).map_err(failed)?;
    writeln!(file, "{}", std::process::id()).map_err(failed)?;
    file.flush().map_err(failed)?;
    Ok(file)
}

impl StoreTx {
    /// Loads a person; `None` if we keep nothing about them. A dialog that this version
    /// cannot read comes back as [`Dialog::Lost`] instead of an error, so the person is
    /// never locked out; so does any single profile value this version cannot read.
    pub async fn load_person(&mut self, user_id: i64) -> Result<Option<Person>, StoreError> {
        let row = sqlx::query("SELECT * FROM people WHERE user_id = ?")
            .bind(user_id)
            .fetch_optional(&mut *self.tx)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let lang: String = row.try_get("lang")?;
        let consented_at: DateTime<Utc> = row.try_get("consented_at")?;
        let zone: Option<String> = row.try_get("zone")?;
        let dialog: String = row.try_get("dialog")?;
        let dialog = serde_json::from_str(&dialog).unwrap_or_else(|error| {
            tracing::warn!(user_id, %error, "stored dialog unreadable; resetting it");
            Dialog::Lost
        });
        let profile = read_profile(&row)?;
        let program = read_program(&row)?;
        let settings = read_settings(&row)?;
        let hold = read_hold(&row)?;
        let asked: i64 = row.try_get("asked")?;
        let history = self.load_history(user_id).await?;
        let sessions = self.load_sessions(user_id).await?;
        Ok(Some(Person {
            id: user_id,
            lang: Lang::from_code(Some(&lang)),
            consented_at,
            zone: zone.as_deref().and_then(Zone::from_name),
            profile,
            dialog,
            history,
            program,
            sessions,
            settings,
            hold,
            asked: u32::try_from(asked).unwrap_or(0),
        }))
    }

    /// The first and the latest assessment that measured something.
    async fn load_history(&mut self, user_id: i64) -> Result<History, StoreError> {
        let query = |order: &str| {
            format!(
                "SELECT result FROM assessments WHERE user_id = ? \
                 AND (left_ir IS NOT NULL OR right_ir IS NOT NULL OR track IS NOT NULL \
                      OR level IS NOT NULL) \
                 ORDER BY taken_at {order}, id {order} LIMIT 1"
            )
        };
        let mut pick = async |order: &str| -> Result<Option<Assessment>, StoreError> {
            let row = sqlx::query(&query(order))
                .bind(user_id)
                .fetch_optional(&mut *self.tx)
                .await?;
            Ok(row
                .and_then(|r| r.try_get::<String, _>("result").ok())
                .and_then(|json| serde_json::from_str(&json).ok()))
        };
        let first = pick("ASC").await?;
        let last = pick("DESC").await?;
        let rows = sqlx::query(
            "SELECT taken_at, age_band, left_ir, right_ir, left_er, right_er, result
             FROM assessments
             WHERE user_id = ? AND (left_ir IS NOT NULL OR right_ir IS NOT NULL)
             ORDER BY taken_at, id",
        )
        .bind(user_id)
        .fetch_all(&mut *self.tx)
        .await?;
        let mut ranges = Vec::with_capacity(rows.len());
        for row in rows {
            // The whole result says how each number was taken; the columns are the
            // fallback for a result this version cannot read.
            let result: Option<String> = row.try_get("result")?;
            if let Some(a) = result
                .as_deref()
                .and_then(|json| serde_json::from_str::<Assessment>(json).ok())
            {
                ranges.push(Range::of(&a));
                continue;
            }
            let degrees = |column: &str| -> Result<Option<u8>, StoreError> {
                let n: Option<i64> = row.try_get(column)?;
                Ok(n.and_then(|n| u8::try_from(n).ok()))
            };
            let band: String = row.try_get("age_band")?;
            ranges.push(Range {
                taken_at: row.try_get("taken_at")?,
                left_ir: degrees("left_ir")?,
                right_ir: degrees("right_ir")?,
                left_er: degrees("left_er")?,
                right_er: degrees("right_er")?,
                left_source: Source::default(),
                right_source: Source::default(),
                left_er_source: Source::default(),
                right_er_source: Source::default(),
                normal: band
                    .parse::<AgeBand>()
                    .unwrap_or(AgeBand::From20To50)
                    .normal_internal_rotation(),
            });
        }
        Ok(History {
            first,
            last,
            ranges,
        })
    }

    /// The latest sessions, oldest first. A row this version cannot read is left out.
    async fn load_sessions(&mut self, user_id: i64) -> Result<Vec<SessionRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT * FROM (SELECT * FROM sessions WHERE user_id = ?
                ORDER BY started_at DESC LIMIT ?) ORDER BY started_at",
        )
        .bind(user_id)
        .bind(RECENT_SESSIONS)
        .fetch_all(&mut *self.tx)
        .await?;
        Ok(rows.iter().filter_map(read_session).collect())
    }

    /// Inserts a session, or updates it (a pain score added) if it is already kept.
    pub async fn upsert_session(
        &mut self,
        user_id: i64,
        s: &SessionRecord,
    ) -> Result<(), StoreError> {
        let plan = serde_json::to_string(&s.plan).unwrap_or_else(|_| "[]".into());
        let outcomes = serde_json::to_string(&s.outcomes).unwrap_or_else(|_| "[]".into());
        sqlx::query(
            "INSERT INTO sessions (user_id, started_at, local_date, track, phase, level, plan,
                outcomes, stopped_early, completed_at, pain_during, pain_morning, morning_skipped)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
             ON CONFLICT (user_id, started_at) DO UPDATE SET
                outcomes = excluded.outcomes, stopped_early = excluded.stopped_early,
                completed_at = excluded.completed_at, pain_during = excluded.pain_during,
                pain_morning = excluded.pain_morning, morning_skipped = excluded.morning_skipped",
        )
        .bind(user_id)
        .bind(s.started_at)
        .bind(s.local_date.format("%Y-%m-%d").to_string())
        .bind(<&str>::from(s.track))
        .bind(i64::from(s.position.phase.number()))
        .bind(i64::from(s.position.level))
        .bind(plan)
        .bind(outcomes)
        .bind(s.stopped_early)
        .bind(s.completed_at)
        .bind(s.pain_during.map(i64::from))
        .bind(s.pain_morning.map(i64::from))
        .bind(s.morning_skipped)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    /// Records a Telegram update as handled; false if it was handled before.
    pub async fn first_time(
        &mut self,
        update: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done =
            sqlx::query("INSERT OR IGNORE INTO handled_updates (update_id, at) VALUES (?, ?)")
                .bind(update)
                .bind(now.timestamp())
                .execute(&mut *self.tx)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Takes a due reminder off the schedule; false if it is gone or has moved (someone
    /// else handled it, or the person's schedule changed), so it is never sent twice.
    pub async fn claim_reminder(
        &mut self,
        user_id: i64,
        kind: ReminderKind,
        due: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let done =
            sqlx::query("DELETE FROM reminders WHERE user_id = ? AND kind = ? AND due_at = ?")
                .bind(user_id)
                .bind(<&str>::from(kind))
                .bind(due.timestamp())
                .execute(&mut *self.tx)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    /// The kinds of reminder planned for a person (due or not).
    pub async fn planned_kinds(&mut self, user_id: i64) -> Result<Vec<ReminderKind>, StoreError> {
        let kinds: Vec<String> = sqlx::query_scalar("SELECT kind FROM reminders WHERE user_id = ?")
            .bind(user_id)
            .fetch_all(&mut *self.tx)
            .await?;
        Ok(kinds.iter().filter_map(|k| k.parse().ok()).collect())
    }

    /// Sets a person's reminders, one per kind, replacing all there were.
    pub async fn replace_reminders(&mut self, user_id: i64, due: &[Due]) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM reminders WHERE user_id = ?")
            .bind(user_id)
            .execute(&mut *self.tx)
            .await?;
        self.replan_reminders(user_id, due, DateTime::<Utc>::MIN_UTC)
            .await
    }

    /// Sets a person's upcoming reminders, one per kind, replacing what was planned. A
    /// reminder already due (not yet fired, say after downtime) stays, so that the delivery
    /// loop still sends it (or drops it) by its grace window.
    pub async fn replan_reminders(
        &mut self,
        user_id: i64,
        due: &[Due],
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM reminders WHERE user_id = ? AND due_at > ?")
            .bind(user_id)
            .bind(now.timestamp())
            .execute(&mut *self.tx)
            .await?;
        for d in due {
            sqlx::query("INSERT OR IGNORE INTO reminders (user_id, kind, due_at) VALUES (?, ?, ?)")
                .bind(user_id)
                .bind(<&str>::from(d.kind))
                .bind(d.at.timestamp())
                .execute(&mut *self.tx)
                .await?;
        }
        Ok(())
    }

    /// Queues one piece of a message for sending, after this transaction commits: a
    /// reminder's (`reminder` = its kind and due time) or a reply's. Returns its id.
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
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
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

    /// Everything kept about the person as this transaction sees it (see [`Store::export`]).
    pub async fn export(
        &mut self,
        user_id: i64,
    ) -> Result<Option<(serde_json::Value, String)>, StoreError> {
        export_from(&mut self.tx, user_id).await
    }

    /// Records an answer to a movement break.
    pub async fn insert_break_answer(
        &mut self,
        user_id: i64,
        at: DateTime<Utc>,
        answer: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("INSERT INTO break_answers (user_id, at, answer) VALUES (?, ?, ?)")
            .bind(user_id)
            .bind(at)
            .bind(answer)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Records a progression decision.
    pub async fn insert_decision(
        &mut self,
        user_id: i64,
        verdict: &Verdict,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO decisions (user_id, decided_at, decision, rule, from_step, to_step)
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(user_id)
        .bind(at)
        .bind(<&str>::from(verdict.decision))
        .bind(verdict.rule.id())
        .bind(verdict.from.code())
        .bind(verdict.to.code())
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    /// Inserts or replaces a person and their profile.
    pub async fn save_person(
        &mut self,
        person: &Person,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        let dialog = match person.dialog {
            Dialog::Lost => serde_json::to_string(&Dialog::Idle),
            ref dialog => serde_json::to_string(dialog),
        }
        .unwrap_or_else(|_| r#"{"step":"idle"}"#.to_string());
        let p = &person.profile;
        let hhmm = |t: NaiveTime| t.format("%H:%M").to_string();
        let lunch = p.lunch.map(|l| match l {
            Lunch::None => "none".to_string(),
            Lunch::Break { start, end } => format!("{}-{}", hhmm(start), hhmm(end)),
        });
        sqlx::query(
            "INSERT INTO people (user_id, lang, consented_at, zone, dialog, created_at, updated_at,
                age, age_band, activities, sitting_hours, work_days, work_start, work_end, lunch,
                drill_time, pain_sites, usual_pain, equipment, red_flags, cleared_at,
                program_track, program_phase, program_level, program_started_at, program_since,
                phase_since, hold_cause, break_minutes, paused_until, quiet_from, quiet_to,
                morning_time, active, snoozed_until, breaks_after, last_break, break_answered,
                hold_since, hold_flags, hold_minor)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
                ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37, ?38, ?39, ?40)
             ON CONFLICT (user_id) DO UPDATE SET
                lang = excluded.lang, consented_at = excluded.consented_at,
                zone = excluded.zone, dialog = excluded.dialog, updated_at = excluded.updated_at,
                age = excluded.age, age_band = excluded.age_band, activities = excluded.activities,
                sitting_hours = excluded.sitting_hours, work_days = excluded.work_days,
                work_start = excluded.work_start, work_end = excluded.work_end, lunch = excluded.lunch,
                drill_time = excluded.drill_time, pain_sites = excluded.pain_sites,
                usual_pain = excluded.usual_pain, equipment = excluded.equipment,
                red_flags = excluded.red_flags, cleared_at = excluded.cleared_at,
                program_track = excluded.program_track, program_phase = excluded.program_phase,
                program_level = excluded.program_level,
                program_started_at = excluded.program_started_at,
                program_since = excluded.program_since, phase_since = excluded.phase_since,
                hold_cause = excluded.hold_cause, hold_since = excluded.hold_since,
                hold_flags = excluded.hold_flags, hold_minor = excluded.hold_minor,
                break_minutes = excluded.break_minutes, paused_until = excluded.paused_until,
                quiet_from = excluded.quiet_from, quiet_to = excluded.quiet_to,
                morning_time = excluded.morning_time, active = excluded.active,
                snoozed_until = excluded.snoozed_until, breaks_after = excluded.breaks_after,
                last_break = excluded.last_break, break_answered = excluded.break_answered",
        )
        .bind(person.id)
        .bind(person.lang.code())
        .bind(person.consented_at)
        .bind(person.zone.map(|z| z.name()))
        .bind(dialog)
        .bind(now)
        .bind(p.age.map(i64::from))
        .bind(p.age_band.map(<&str>::from))
        .bind(p.activities.as_deref().map(profile::codes))
        .bind(p.sitting_hours.map(i64::from))
        .bind(p.working_hours.map(|w| i64::from(w.days.bits())))
        .bind(p.working_hours.map(|w| hhmm(w.start)))
        .bind(p.working_hours.map(|w| hhmm(w.end)))
        .bind(lunch)
        .bind(p.drill_time.map(hhmm))
        .bind(p.pain_sites.as_deref().map(profile::codes))
        .bind(p.usual_pain.map(|s| i64::from(s.value())))
        .bind(p.equipment.as_deref().map(profile::codes))
        .bind(p.red_flags.as_deref().map(profile::codes))
        .bind(p.cleared_at)
        .bind(person.program.as_ref().map(|g| <&str>::from(g.track)))
        .bind(person.program.as_ref().map(|g| i64::from(g.position.phase.number())))
        .bind(person.program.as_ref().map(|g| i64::from(g.position.level)))
        .bind(person.program.as_ref().map(|g| g.started_at))
        .bind(person.program.as_ref().map(|g| g.since))
        .bind(person.program.as_ref().map(|g| g.phase_since))
        .bind(person.hold.as_ref().map(|h| <&str>::from(h.cause)))
        .bind(i64::from(person.settings.break_minutes))
        .bind(person.settings.paused_until)
        .bind(person.settings.quiet.map(|q| hhmm(q.0)))
        .bind(person.settings.quiet.map(|q| hhmm(q.1)))
        .bind(person.settings.morning_time.map(hhmm))
        .bind(person.settings.active)
        .bind(person.settings.snoozed_until)
        .bind(person.settings.breaks_after)
        .bind(person.settings.last_break)
        .bind(person.settings.break_answered)
        .bind(person.hold.as_ref().map(|h| h.since))
        .bind(person.hold.as_ref().map(|h| profile::codes(&h.flags)))
        .bind(person.hold.as_ref().is_some_and(|h| h.minor))
        .execute(&mut *self.tx)
        .await?;
        // The training days, in a statement of their own (NULL: never chosen).
        sqlx::query("UPDATE people SET training_days = ? WHERE user_id = ?")
            .bind(p.training_days.map(|d| i64::from(d.bits())))
            .bind(person.id)
            .execute(&mut *self.tx)
            .await?;
        // The question counter the buttons are stamped with.
        sqlx::query("UPDATE people SET asked = ? WHERE user_id = ?")
            .bind(i64::from(person.asked))
            .bind(person.id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Records one assessment: every raw answer and the derived values.
    pub async fn insert_assessment(
        &mut self,
        user_id: i64,
        a: &Assessment,
    ) -> Result<(), StoreError> {
        let answers = serde_json::to_string(&a.answers).unwrap_or_else(|_| "{}".into());
        let result = serde_json::to_string(a).unwrap_or_else(|_| "{}".into());
        sqlx::query(
            "INSERT INTO assessments (user_id, taken_at, retest, age_band, answers, left_ir, right_ir,
                left_er, right_er, asymmetry, track, level, test_pain, red_flags, result)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        )
        .bind(user_id)
        .bind(a.taken_at)
        .bind(a.retest)
        .bind(<&str>::from(a.age_band))
        .bind(answers)
        .bind(a.left.internal.map(i64::from))
        .bind(a.right.internal.map(i64::from))
        .bind(a.left.external.map(i64::from))
        .bind(a.right.external.map(i64::from))
        .bind(a.asymmetry.map(i64::from))
        .bind(a.track.map(<&str>::from))
        .bind(a.level.map(i64::from))
        .bind(a.test_pain.map(i64::from))
        .bind(profile::codes(&a.red_flags))
        .bind(result)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    /// Erases every row about a person.
    pub async fn forget_person(&mut self, user_id: i64) -> Result<(), StoreError> {
        for table in [
            "assessments",
            "sessions",
            "decisions",
            "reminders",
            "outbox",
            "break_answers",
        ] {
            sqlx::query(&format!("DELETE FROM {table} WHERE user_id = ?"))
                .bind(user_id)
                .execute(&mut *self.tx)
                .await?;
        }
        sqlx::query("DELETE FROM people WHERE user_id = ?")
            .bind(user_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    /// Overwrites a person's stored dialog with raw text (for tests of old or damaged rows).
    #[doc(hidden)]
    pub async fn set_raw_dialog(&mut self, user_id: i64, raw: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE people SET dialog = ? WHERE user_id = ?")
            .bind(raw)
            .bind(user_id)
            .execute(&mut *self.tx)
            .await?;
        Ok(())
    }

    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }
}

/// Reads the intake's columns. A value this version cannot read counts as not answered,
/// so the intake simply asks for it again.
fn read_profile(row: &SqliteRow) -> Result<Profile, StoreError> {
    let time = |column: &str| -> Result<Option<NaiveTime>, StoreError> {
        let text: Option<String> = row.try_get(column)?;
        Ok(text.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M").ok()))
    };
    let number = |column: &str| -> Result<Option<u8>, StoreError> {
        let n: Option<i64> = row.try_get(column)?;
        Ok(n.and_then(|n| u8::try_from(n).ok()))
    };
    let text = |column: &str| -> Result<Option<String>, StoreError> { Ok(row.try_get(column)?) };
    let work_days: Option<i64> = row.try_get("work_days")?;
    let working_hours = match (
        work_days
            .and_then(|d| u8::try_from(d).ok())
            .and_then(Weekdays::from_bits),
        time("work_start")?,
        time("work_end")?,
    ) {
        (Some(days), Some(start), Some(end)) if start < end && !days.is_empty() => {
            Some(WorkingHours { days, start, end })
        }
        _ => None,
    };
    let lunch = text("lunch")?.and_then(|l| {
        if l == "none" {
            return Some(Lunch::None);
        }
        let (a, b) = l.split_once('-')?;
        let start = NaiveTime::parse_from_str(a, "%H:%M").ok()?;
        let end = NaiveTime::parse_from_str(b, "%H:%M").ok()?;
        Some(Lunch::Break { start, end })
    });
    Ok(Profile {
        age: number("age")?,
        age_band: text("age_band")?.and_then(|b| b.parse::<AgeBand>().ok()),
        activities: text("activities")?.map(|t| profile::from_codes(&t)),
        sitting_hours: number("sitting_hours")?,
        working_hours,
        lunch,
        drill_time: time("drill_time")?,
        training_days: number("training_days")?
            .and_then(Weekdays::from_bits)
            .filter(|d| !d.is_empty()),
        pain_sites: text("pain_sites")?.map(|t| profile::from_codes(&t)),
        usual_pain: number("usual_pain")?.and_then(PainScore::new),
        equipment: text("equipment")?.map(|t| profile::from_codes(&t)),
        red_flags: text("red_flags")?.map(|t| profile::from_codes(&t)),
        cleared_at: row.try_get("cleared_at")?,
    })
}

/// Reads the safety hold. A cause this version does not know still holds (as red flags):
/// safety never lapses because a row came from another version.
fn read_hold(row: &SqliteRow) -> Result<Option<Hold>, StoreError> {
    let cause: Option<String> = row.try_get("hold_cause")?;
    let since: Option<DateTime<Utc>> = row.try_get("hold_since")?;
    let flags: Option<String> = row.try_get("hold_flags")?;
    let minor: bool = row.try_get("hold_minor")?;
    Ok(cause.map(|cause| {
        let cause = cause.parse().unwrap_or(HoldCause::Symptoms);
        Hold {
            cause,
            since: since.unwrap_or(DateTime::<Utc>::MIN_UTC),
            flags: flags
                .as_deref()
                .map(profile::from_codes)
                .unwrap_or_default(),
            minor: minor || cause == HoldCause::Minor,
        }
    }))
}

/// Reads the program's columns; a program this version cannot read counts as none, so the
/// next assessment starts a fresh one.
fn read_program(row: &SqliteRow) -> Result<Option<Program>, StoreError> {
    let track: Option<String> = row.try_get("program_track")?;
    let phase: Option<i64> = row.try_get("program_phase")?;
    let level: Option<i64> = row.try_get("program_level")?;
    let started_at: Option<DateTime<Utc>> = row.try_get("program_started_at")?;
    let since: Option<DateTime<Utc>> = row.try_get("program_since")?;
    let phase_since: Option<DateTime<Utc>> = row.try_get("phase_since")?;
    let track = track.and_then(|t| match t.as_str() {
        "limited_internal_rotation" => Some(Track::LimitedInternalRotation),
        "internally_rotated_hip" => Some(Track::InternallyRotatedHip),
        _ => None,
    });
    let phase = phase
        .and_then(|p| u8::try_from(p).ok())
        .and_then(Phase::from_number);
    let level = level
        .and_then(|l| u8::try_from(l).ok())
        .filter(|l| (1..=3).contains(l));
    Ok(match (track, phase, level, started_at) {
        (Some(track), Some(phase), Some(level), Some(started_at)) => Some(Program {
            track,
            position: Position::new(phase, level),
            started_at,
            since: since.unwrap_or(started_at),
            phase_since: phase_since.unwrap_or(started_at),
        }),
        _ => None,
    })
}

/// Reads one session row; `None` if any part of it cannot be read.
fn read_session(row: &SqliteRow) -> Option<SessionRecord> {
    let track: String = row.try_get("track").ok()?;
    let track = match track.as_str() {
        "limited_internal_rotation" => Track::LimitedInternalRotation,
        "internally_rotated_hip" => Track::InternallyRotatedHip,
        _ => return None,
    };
    let phase: i64 = row.try_get("phase").ok()?;
    let level: i64 = row.try_get("level").ok()?;
    let local_date: String = row.try_get("local_date").ok()?;
    let plan: String = row.try_get("plan").ok()?;
    let outcomes: String = row.try_get("outcomes").ok()?;
    let small = |column: &str| -> Option<u8> {
        row.try_get::<Option<i64>, _>(column)
            .ok()
            .flatten()
            .and_then(|n| u8::try_from(n).ok())
    };
    Some(SessionRecord {
        started_at: row.try_get("started_at").ok()?,
        local_date: chrono::NaiveDate::parse_from_str(&local_date, "%Y-%m-%d").ok()?,
        track,
        position: Position::new(
            Phase::from_number(u8::try_from(phase).ok()?)?,
            u8::try_from(level).ok()?,
        ),
        plan: serde_json::from_str(&plan).ok()?,
        outcomes: serde_json::from_str(&outcomes).ok()?,
        stopped_early: row.try_get("stopped_early").ok()?,
        completed_at: row.try_get("completed_at").ok()?,
        pain_during: small("pain_during"),
        pain_morning: small("pain_morning"),
        morning_skipped: row.try_get("morning_skipped").unwrap_or(false),
    })
}

/// Reads the reminder settings; an unreadable value falls back to its default.
fn read_settings(row: &SqliteRow) -> Result<ReminderSettings, StoreError> {
    let time = |column: &str| -> Result<Option<NaiveTime>, StoreError> {
        let text: Option<String> = row.try_get(column)?;
        Ok(text.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M").ok()))
    };
    let minutes: i64 = row.try_get("break_minutes")?;
    let defaults = ReminderSettings::default();
    Ok(ReminderSettings {
        break_minutes: u16::try_from(minutes)
            .ok()
            .filter(|m| (BREAK_MINUTES.0..=BREAK_MINUTES.1).contains(m))
            .unwrap_or(defaults.break_minutes),
        paused_until: row.try_get("paused_until")?,
        quiet: time("quiet_from")?.zip(time("quiet_to")?),
        morning_time: time("morning_time")?,
        active: row.try_get("active")?,
        snoozed_until: row.try_get("snoozed_until")?,
        breaks_after: row.try_get("breaks_after")?,
        last_break: row.try_get("last_break")?,
        break_answered: row.try_get("break_answered")?,
    })
}

/// One row as a JSON object: integers as numbers, text as strings (JSON columns parsed),
/// NULL as null.
/// Everything kept about a person, read on `conn` (see [`Store::export`]).
async fn export_from(
    conn: &mut sqlx::SqliteConnection,
    user_id: i64,
) -> Result<Option<(serde_json::Value, String)>, StoreError> {
    let mut tables = serde_json::Map::new();
    for (table, order) in [
        ("people", "user_id"),
        ("assessments", "taken_at, id"),
        ("sessions", "started_at"),
        ("decisions", "decided_at, id"),
        ("break_answers", "at, id"),
        ("reminders", "due_at"),
        // Messages queued for the person and not yet sent; `SELECT *` like the others,
        // so a column added later is exported too.
        ("outbox", "id"),
    ] {
        let rows = sqlx::query(&format!(
            "SELECT * FROM {table} WHERE user_id = ? ORDER BY {order}"
        ))
        .bind(user_id)
        .fetch_all(&mut *conn)
        .await?;
        tables.insert(table.into(), rows.iter().map(row_json).collect());
    }
    let person = tables
        .get("people")
        .and_then(|p| p.as_array())
        .and_then(|p| p.first())
        .cloned();
    let Some(person) = person else {
        return Ok(None);
    };
    tables.insert("people".into(), person);
    let csv = measurements_csv(&tables);
    Ok(Some((serde_json::Value::Object(tables), csv)))
}

fn row_json(row: &SqliteRow) -> serde_json::Value {
    use sqlx::Column;
    let mut object = serde_json::Map::new();
    for column in row.columns() {
        let name = column.name();
        let value = if let Ok(Some(n)) = row.try_get::<Option<i64>, _>(name) {
            serde_json::Value::from(n)
        } else if let Ok(Some(text)) = row.try_get::<Option<String>, _>(name) {
            match text.chars().next() {
                Some('{' | '[') => {
                    serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text))
                }
                _ => serde_json::Value::String(text),
            }
        } else {
            serde_json::Value::Null
        };
        object.insert(name.to_string(), value);
    }
    serde_json::Value::Object(object)
}

/// The measurements a physiotherapist wants in a spreadsheet: one line per assessment
/// (range) and per session (pain).
fn measurements_csv(tables: &serde_json::Map<String, serde_json::Value>) -> String {
    let cell = |v: Option<&serde_json::Value>| match v {
        Some(serde_json::Value::String(s)) => s.replace([',', '\n', '"'], " "),
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => String::new(),
    };
    let rows = |name: &str| {
        tables
            .get(name)
            .and_then(|t| t.as_array())
            .cloned()
            .unwrap_or_default()
    };
    let mut out = String::from(
        "date,kind,left_ir_deg,right_ir_deg,left_er_deg,right_er_deg,asymmetry_deg,track,phase,level,pain_during,pain_next_morning\n",
    );
    for a in rows("assessments") {
        let get = |k: &str| cell(a.get(k));
        out.push_str(&format!(
            "{},{},{},{},{},{},{},{},,{},{},\n",
            get("taken_at"),
            if get("retest") == "1" {
                "retest"
            } else {
                "assessment"
            },
            get("left_ir"),
            get("right_ir"),
            get("left_er"),
            get("right_er"),
            get("asymmetry"),
            get("track"),
            get("level"),
            get("test_pain"),
        ));
    }
    for s in rows("sessions") {
        let get = |k: &str| cell(s.get(k));
        out.push_str(&format!(
            "{},session,,,,,,{},{},{},{},{}\n",
            get("started_at"),
            get("track"),
            get("phase"),
            get("level"),
            get("pain_during"),
            get("pain_morning"),
        ));
    }
    out
}
