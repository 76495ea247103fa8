//! SQLite through sqlx: the only module that speaks SQL. This file opens the pool (one
//! writer per file, a quick check first) and says why the store failed; the rest is split
//! by what it keeps:
//!
//! - `people`: a person and everything an input writes about them, in one transaction;
//! - `rows`: columns back into the core's values, forgiving what this version cannot read;
//! - `reminders`: the reminder queue, and reminders that wait out a back-off;
//! - `outbox`: every message waiting to be sent, claimed before it is sent;
//! - `export`: everything kept about a person, and forgetting them;
//! - `maintenance`: the integrity check, backups, checkpoints and renewing connections.

mod export;
mod maintenance;
mod outbox;
mod people;
pub mod probe;
mod reminders;
mod rows;

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteArguments, SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous,
};
use sqlx::{Sqlite, SqlitePool, Transaction};

pub use outbox::{CLAIM_LEASE, Claim, OutboxRow};

use maintenance::{damaged, fit_for_use, quick_check};
use reminders::Held;

/// A statement with its values bound, ready to run.
type Statement<'q> = sqlx::query::Query<'q, Sqlite, SqliteArguments<'q>>;

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
        maintenance::renew_connections_after(&error);
        StoreError::Database(error)
    }
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

    /// Runs one statement on the pool, in a transaction of its own; returns how many rows
    /// it changed.
    async fn run(&self, statement: Statement<'_>) -> Result<u64, StoreError> {
        Ok(statement.execute(&self.pool).await?.rows_affected())
    }

    /// Closes every connection, finishing the WAL, and lets go of the writer lock.
    pub async fn close(&self) {
        self.pool.close().await;
        if let Ok(mut writer) = self.writer.lock() {
            writer.take();
        }
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
    /// Runs one statement in this transaction; returns how many rows it changed.
    async fn run(&mut self, statement: Statement<'_>) -> Result<u64, StoreError> {
        Ok(statement.execute(&mut *self.tx).await?.rows_affected())
    }

    pub async fn commit(self) -> Result<(), StoreError> {
        self.tx.commit().await?;
        Ok(())
    }
}
