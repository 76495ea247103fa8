//! Keeping the file healthy: the integrity check, backups, checkpoints, nightly
//! maintenance, and renewing connections that an error may have left unfit.

use std::path::Path;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use chrono::Utc;
use sqlx::sqlite::SqliteConnectOptions;

use super::{Pool, StoreError, sqlite_code};

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

/// After an error that can leave a connection unfit, every connection open now is closed
/// when next taken from a pool (see `fit_for_use`).
pub(in crate::store) fn renew_connections_after(error: &sqlx::Error) {
    if leaves_connection_unfit(error) {
        // Every connection open now may be read-only or hold a broken file handle:
        // each is closed when next taken from the pool (see `fit_for_use`).
        let now = monotonic_micros();
        RECYCLE_BEFORE.fetch_max(now, Ordering::AcqRel);
        tracing::warn!(%error, "database error; the pool's connections are renewed");
    }
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
        sqlx::Error::Io(_) => true,
        error => sqlite_code(error).is_some_and(|code| {
            [READONLY, IOERR, CORRUPT, CANTOPEN, NOTADB].contains(&(code & 0xff))
        }),
    }
}

/// Whether a connection may be handed out again. After SQLITE_FULL, IOERR, BUSY or
/// READONLY SQLite may roll the transaction back by itself; sqlx's ROLLBACK then fails
/// and sqlx still counts the connection as inside a transaction, so every `BEGIN` on it
/// would fail ("begin_with at non-zero transaction depth") until the pool retires it half
/// an hour later. Such a connection, and one opened before an error that can leave a
/// connection unfit, is closed instead; the pool opens a fresh one.
pub(super) fn fit_for_use(conn: &sqlx::SqliteConnection, age: Duration) -> bool {
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

impl Pool {
    /// `PRAGMA quick_check` on a connection of its own, which reads the file afresh (the
    /// pool's connections may hold good pages in their caches). A damaged file is logged
    /// at ERROR and stops all writes: people are told the coach cannot save anything for
    /// now instead of "try again" for ever. In-memory databases are not checked.
    pub(in crate::store) async fn check_integrity(&self) -> Result<(), StoreError> {
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
    pub(in crate::store) async fn after_failure(&self, error: &StoreError) {
        if error.says_damaged()
            && let Err(error) = self.check_integrity().await
        {
            tracing::debug!(%error, "integrity check after a failure");
        }
    }

    /// A consistent copy of the database at `url` in the new file `to` (`VACUUM INTO`),
    /// taken through a read-only connection of its own: it works while the bot runs (it
    /// does not take the writer lock) and never overwrites an existing file.
    pub(in crate::store) async fn backup(url: &str, to: &Path) -> Result<(), StoreError> {
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

    /// Folds the WAL back into the database file and truncates it. While another
    /// connection reads (an operator's sqlite3 shell, a backup), SQLite cannot finish and
    /// says so only in its result row: then it is tried again in the background, with a
    /// warning each time, until it completes, so that after /delete no copy of the
    /// person's pages stays in the file or its log once the reader is gone.
    pub(in crate::store) async fn checkpoint(&self) -> Result<(), StoreError> {
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
    pub(in crate::store) async fn maintain(&self) -> Result<(), StoreError> {
        self.check_integrity().await?;
        self.prune_handled(Utc::now()).await?;
        self.run(sqlx::query("PRAGMA optimize")).await?;
        self.checkpoint().await?;
        tracing::info!("database maintenance done");
        Ok(())
    }
}

/// `PRAGMA quick_check`: the structure of every page, without the slower cross-checks of
/// the indexes. A damaged file is an error that says what is wrong.
pub(super) async fn quick_check(options: &SqliteConnectOptions) -> Result<(), StoreError> {
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
pub(super) fn damaged(error: sqlx::Error) -> StoreError {
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
