//! The SQLite backend: one file, one writing process. Opening the file (the writer lock
//! `<db>.lock`, `PRAGMA quick_check`, WAL), and in `maintenance` keeping it healthy. The
//! SQL shared with PostgreSQL is compiled here from `sql/` with `Db = Sqlite`.

#[path = "sql/copy.rs"]
mod copy;
#[path = "sql/export.rs"]
mod export;
mod maintenance;
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

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::migrate::Migrator;
use sqlx::sqlite::{
    SqliteArguments, SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};
use sqlx::{Sqlite, SqlitePool, Transaction};

use super::StoreError;
use maintenance::{damaged, fit_for_use, quick_check};

pub(super) use maintenance::renew_connections_after;

/// The database the shared SQL in `sql/` is compiled for here.
type Db = Sqlite;
/// One row as this driver returns it.
type DbRow = SqliteRow;
/// A statement with its values bound, ready to run.
type Statement<'q> = sqlx::query::Query<'q, Sqlite, SqliteArguments<'q>>;
/// How a claim skips rows another transaction holds: SQLite has one writer at a time, so
/// there is nothing to skip.
const SKIP_LOCKED: &str = "";

/// SQLite's own schema history.
static MIGRATOR: Migrator = sqlx::migrate!("./migrations/sqlite");

/// Connections to a database file: SQLite has one writer at a time anyway; a few readers
/// (the delivery loop, exports) go on meanwhile (ours).
const MAX_CONNECTIONS: u32 = 4;

/// A pool of connections to one SQLite database.
#[derive(Clone, Debug)]
pub(super) struct Pool {
    pool: SqlitePool,
    /// The lock on `<db>.lock`, held until the store is closed or its last clone dropped
    /// (a file database only): one writer per database file.
    writer: Arc<std::sync::Mutex<Option<std::fs::File>>>,
    /// Tests only: a statement every new connection runs (see [`Pool::on_every_connection`]).
    on_connect: Arc<std::sync::Mutex<Option<String>>>,
    /// How to open a connection of its own (the nightly check reads the file afresh).
    options: SqliteConnectOptions,
    /// Set when a check found the file damaged: from then on nothing is written (every
    /// transaction is refused with [`StoreError::Corrupt`]) until an operator restores a
    /// backup and restarts.
    damaged: Arc<std::sync::Mutex<Option<String>>>,
}

/// One SQLite transaction.
pub(super) struct Tx {
    tx: Transaction<'static, Sqlite>,
}

/// The file's error says it is damaged: SQLITE_CORRUPT or NOTADB.
pub(super) fn says_damaged(error: &sqlx::Error) -> bool {
    const CORRUPT: i64 = 11;
    const NOTADB: i64 = 26;
    sqlite_code(error).is_some_and(|code| [CORRUPT, NOTADB].contains(&(code & 0xff)))
}

/// SQLite's result code of an error from the SQLite driver (never another driver's).
fn sqlite_code(error: &sqlx::Error) -> Option<i64> {
    match error {
        sqlx::Error::Database(db) => db
            .try_downcast_ref::<sqlx::sqlite::SqliteError>()
            .and_then(sqlx::error::DatabaseError::code)
            .and_then(|code| code.parse::<i64>().ok()),
        _ => None,
    }
}

impl Pool {
    /// Opens (creating if missing) and migrates the database at `url`.
    pub(super) async fn open(url: &str, busy_timeout: Duration) -> Result<Pool, StoreError> {
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
        MIGRATOR.run(&pool).await.map_err(|error| match error {
            sqlx::migrate::MigrateError::Execute(error) => damaged(error),
            error => error.into(),
        })?;
        Ok(Pool {
            pool,
            writer: Arc::new(std::sync::Mutex::new(writer)),
            on_connect,
            options: kept_options,
            damaged: Arc::default(),
        })
    }

    /// Applies the migrations the file lacks (creating it if missing); how many.
    pub(super) async fn migrate_only(url: &str) -> Result<usize, StoreError> {
        use sqlx::{ConnectOptions, Connection};
        let mut conn = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .connect()
            .await?;
        let applied = probe::migrate(&mut conn, &MIGRATOR).await;
        conn.close().await.ok();
        applied
    }

    /// See [`super::Store::on_every_connection`].
    pub(super) async fn on_every_connection(
        &self,
        sql: &str,
        sticky: bool,
    ) -> Result<(), StoreError> {
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
    pub(super) async fn begin(&self) -> Result<Tx, StoreError> {
        if let Some(what) = self.damaged.lock().ok().and_then(|d| d.clone()) {
            return Err(StoreError::Corrupt(what));
        }
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok(Tx { tx })
    }

    /// Runs one statement on the pool, in a transaction of its own; returns how many rows
    /// it changed.
    async fn run(&self, statement: Statement<'_>) -> Result<u64, StoreError> {
        Ok(statement.execute(&self.pool).await?.rows_affected())
    }

    /// Closes every connection, finishing the WAL, and lets go of the writer lock.
    pub(super) async fn close(&self) {
        self.pool.close().await;
        if let Ok(mut writer) = self.writer.lock() {
            writer.take();
        }
    }

    /// See [`super::Store::ready`].
    pub(super) async fn ready(&self) -> Result<(), String> {
        if let Some(what) = self.damaged.lock().ok().and_then(|d| d.clone()) {
            return Err(format!("the database file is damaged: {what}"));
        }
        let mut conn = self
            .pool
            .acquire()
            .await
            .map_err(|e| format!("database unreachable: {e}"))?;
        probe::current(&mut conn, &MIGRATOR).await
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

    /// `BEGIN IMMEDIATE` lets one writer in at a time: every person is locked already.
    pub(super) async fn lock_person(&mut self, _user_id: i64) -> Result<(), StoreError> {
        Ok(())
    }

    /// This process delivers: nobody to tell.
    pub(super) async fn hand_over(&mut self, _replies_for: Option<i64>) -> Result<(), StoreError> {
        Ok(())
    }
}

/// One value of an exported row: integers as numbers, text as text (the caller parses
/// JSON columns), NULL and blobs as null.
fn column_json(row: &SqliteRow, name: &str) -> serde_json::Value {
    use sqlx::Row;
    if let Ok(Some(n)) = row.try_get::<Option<i64>, _>(name) {
        serde_json::Value::from(n)
    } else if let Ok(Some(text)) = row.try_get::<Option<String>, _>(name) {
        serde_json::Value::String(text)
    } else {
        serde_json::Value::Null
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
