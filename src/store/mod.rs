//! The store: the only module that speaks SQL. One interface ([`Store`], [`StoreTx`]) with
//! two backends, chosen by the database URL:
//!
//! - `sqlite`: one file, one process (the embedded default): the writer lock, the quick
//!   check, backups, checkpoints, renewing connections after an error;
//! - `postgres`: one database, any number of instances: a per-person lock for each input,
//!   one delivery holder by advisory lock, `FOR UPDATE SKIP LOCKED` claims, and
//!   LISTEN/NOTIFY to wake the holder.
//!
//! The SQL itself is written once, in `sql/`, and compiled for each backend (each backend
//! module includes those files with its own `Db`, so the code is checked against each
//! driver's types): `people` (a person and what an input writes about them), `rows`
//! (columns back into the core's values, forgiving what this version cannot read),
//! `reminders` (the queue), `outbox` (messages, claimed before they are sent), `export`
//! (everything kept about a person, and forgetting them). Each backend has its own
//! migrations (`migrations/sqlite`, `migrations/postgres`); schema differences stay there.
//! Here: the dispatch, the errors, and what is kept in memory (`reminders`: reminders that
//! wait out a back-off).

mod copy;
mod outbox;
mod postgres;
mod reminders;
mod sqlite;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::core::Person;
use crate::core::rules::assessment::Assessment;
use crate::core::rules::program::SessionRecord;
use crate::core::rules::progression::Verdict;
use crate::core::values::reminders::{Due, ReminderKind};
use crate::i18n::Piece;

pub use copy::Copied;
pub use outbox::{CLAIM_LEASE, Claim, OutboxRow};
pub use postgres::{LEAD_RETRY, Leadership, Notice, Notices};

use reminders::Held;

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
    /// Something only the other backend can do (a file backup of PostgreSQL).
    #[error("{0}")]
    Unsupported(&'static str),
}

impl StoreError {
    /// The file is (or may be) damaged: SQLITE_CORRUPT or NOTADB, or a check said so.
    pub fn says_damaged(&self) -> bool {
        match self {
            StoreError::Corrupt(_) => true,
            StoreError::Database(error) => sqlite::says_damaged(error),
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
        sqlite::renew_connections_after(&error);
        StoreError::Database(error)
    }
}

/// Counts the `/metrics` gauges show, refreshed on each scrape.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Messages waiting in the outbox (replies and reminders).
    pub outbox: i64,
    /// People the bot still writes to (not blocked, not forgotten).
    pub active_people: i64,
}

/// Which backend a store runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    /// One file, one process.
    Sqlite,
    /// One database, any number of instances.
    Postgres,
}

impl Backend {
    /// The backend a database URL names: `postgres://` or `postgresql://` is PostgreSQL,
    /// anything else SQLite.
    pub fn of(url: &str) -> Backend {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        }
    }
}

/// A pool of connections to one database, migrated to the current schema. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Store {
    db: Db,
    /// Reminders that failed to fire for a passing reason, by person and kind: how often
    /// in a row, and not before when they are tried again (kept in memory: a restart
    /// simply tries them at once).
    held: Arc<std::sync::Mutex<Held>>,
}

#[derive(Clone, Debug)]
enum Db {
    Sqlite(Box<sqlite::Pool>),
    Postgres(postgres::Pool),
}

/// One transaction: every change an input causes is written together or not at all.
pub struct StoreTx(Tx);

enum Tx {
    Sqlite(sqlite::Tx),
    Postgres(postgres::Tx),
}

/// The same call on whichever backend the store runs on.
macro_rules! on_db {
    ($store:expr, $pool:ident => $call:expr) => {
        match &$store.db {
            Db::Sqlite($pool) => $call,
            Db::Postgres($pool) => $call,
        }
    };
}

/// The same call in whichever backend's transaction this is.
macro_rules! on_tx {
    ($tx:expr, $t:ident => $call:expr) => {
        match &mut $tx.0 {
            Tx::Sqlite($t) => $call,
            Tx::Postgres($t) => $call,
        }
    };
}

impl Store {
    /// Opens (creating if missing) and migrates the database at `url`: a SQLite file or
    /// `sqlite::memory:` (a throwaway database that lives as long as the store), or a
    /// PostgreSQL database (`postgres://…`).
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        Store::open_with(url, Duration::from_secs(5)).await
    }

    /// Opens with another wait for a busy database (tests use a short one).
    pub async fn open_with(url: &str, busy_timeout: Duration) -> Result<Store, StoreError> {
        let db = match Backend::of(url) {
            Backend::Sqlite => Db::Sqlite(Box::new(sqlite::Pool::open(url, busy_timeout).await?)),
            Backend::Postgres => Db::Postgres(postgres::Pool::open(url).await?),
        };
        Ok(Store {
            db,
            held: Arc::default(),
        })
    }

    /// Applies the migrations the database lacks and nothing else (`hipcoach migrate`).
    /// Returns how many were applied.
    pub async fn migrate(url: &str) -> Result<usize, StoreError> {
        match Backend::of(url) {
            Backend::Sqlite => sqlite::Pool::migrate_only(url).await,
            Backend::Postgres => postgres::Pool::migrate_only(url).await,
        }
    }

    pub fn backend(&self) -> Backend {
        match self.db {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Whether other processes may write to the same database (PostgreSQL): then only the
    /// delivery holder sends, and the others hand their replies over (see
    /// [`StoreTx::hand_over_replies`]).
    pub fn is_shared(&self) -> bool {
        self.backend() == Backend::Postgres
    }

    /// Tests only: runs `sql` on every connection of the pool (opening all it may have),
    /// and, if `sticky`, on every connection opened from now on; otherwise new connections
    /// run nothing. This is how a test makes the disk "full" (`PRAGMA max_page_count`) for
    /// every connection, or a file read-only (`PRAGMA query_only`), without root. On
    /// PostgreSQL the statement runs on every new connection if `sticky`, else on none.
    #[doc(hidden)]
    pub async fn on_every_connection(&self, sql: &str, sticky: bool) -> Result<(), StoreError> {
        on_db!(self, pool => pool.on_every_connection(sql, sticky).await)
    }

    /// Starts a write transaction (on SQLite `BEGIN IMMEDIATE`, which takes the write lock
    /// up front, so a read-then-write never fails half-way with SQLITE_BUSY).
    pub async fn begin(&self) -> Result<StoreTx, StoreError> {
        Ok(StoreTx(match &self.db {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin().await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        }))
    }

    /// Closes every connection (on SQLite finishing the WAL and letting go of the writer
    /// lock).
    pub async fn close(&self) {
        on_db!(self, pool => pool.close().await)
    }

    /// Whether the database answers and its migrations are the ones this version ships:
    /// `Err` says what is wrong (`/readyz`).
    pub async fn ready(&self) -> Result<(), String> {
        on_db!(self, pool => pool.ready().await)
    }

    /// The integrity check (SQLite's `PRAGMA quick_check`; a damaged file stops all
    /// writes). PostgreSQL checks its own pages.
    pub async fn check_integrity(&self) -> Result<(), StoreError> {
        match &self.db {
            Db::Sqlite(pool) => pool.check_integrity().await,
            Db::Postgres(_) => Ok(()),
        }
    }

    /// After an input failed: an error that says the file may be damaged has it checked
    /// at once.
    pub async fn after_failure(&self, error: &StoreError) {
        if let Db::Sqlite(pool) = &self.db {
            pool.after_failure(error).await;
        }
    }

    /// A consistent copy of the SQLite database at `url` in the new file `to`; works while
    /// the bot runs. (PostgreSQL has pg_dump.)
    pub async fn backup(url: &str, to: &Path) -> Result<(), StoreError> {
        match Backend::of(url) {
            Backend::Sqlite => sqlite::Pool::backup(url, to).await,
            Backend::Postgres => Err(StoreError::Unsupported(
                "backups of PostgreSQL are pg_dump's job: pg_dump --format=custom …",
            )),
        }
    }

    /// After /delete: SQLite folds the WAL back so that no copy of the rows' pages stays
    /// in the log (retried in the background until it completes).
    pub async fn checkpoint(&self) -> Result<(), StoreError> {
        match &self.db {
            Db::Sqlite(pool) => pool.checkpoint().await,
            Db::Postgres(_) => Ok(()),
        }
    }

    /// Nightly maintenance: the integrity check, old handled updates pruned, the
    /// planner's statistics refreshed.
    pub async fn maintain(&self) -> Result<(), StoreError> {
        on_db!(self, pool => pool.maintain().await)
    }

    /// Tries to become the one instance that delivers (fires reminders and sends the
    /// outbox). SQLite: always (one process). PostgreSQL: an advisory lock held on a
    /// connection of its own, gone when that connection is (the holder died); `None` while
    /// another instance holds it.
    pub async fn lead_delivery(&self) -> Result<Option<Leadership>, StoreError> {
        match &self.db {
            Db::Sqlite(_) => Ok(Some(Leadership::alone())),
            Db::Postgres(pool) => pool.lead_delivery().await,
        }
    }

    /// What other instances ask of the delivery holder (PostgreSQL's LISTEN): wake up, or
    /// send a person's replies. `None` on SQLite, where there are no others.
    pub async fn notices(&self) -> Result<Option<Notices>, StoreError> {
        match &self.db {
            Db::Sqlite(_) => Ok(None),
            Db::Postgres(pool) => pool.notices().await.map(Some),
        }
    }

    /// The earliest time an outbox message may be (re)tried: only the first waiting
    /// message of each person counts (the others wait for it), and a claimed one not
    /// before its claim runs out.
    pub async fn next_outbox(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        on_db!(self, pool => pool.next_outbox().await)
    }

    /// Messages ready to send at `now`, oldest first, without claiming them (the console,
    /// the only process on its file, prints them).
    pub async fn ready_outbox(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<OutboxRow>, StoreError> {
        on_db!(self, pool => pool.ready_outbox(now, limit).await)
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
        on_db!(self, pool => pool.claim_outbox(claim, now, user, limit).await)
    }

    /// Renews `claim` on a message just before it is sent; false if the claim ran out and
    /// the message was taken (or sent) by someone else meanwhile: then it must not be sent.
    pub async fn confirm_claim(
        &self,
        id: i64,
        claim: Claim,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        on_db!(self, pool => pool.confirm_claim(id, claim, now).await)
    }

    /// Gives up every claim. Only for the one process that sends: at the start of a
    /// SQLite process (it holds the file alone), or when an instance becomes the delivery
    /// holder (only the holder claims): what a killed holder had claimed is sent at once
    /// instead of after the lease.
    pub async fn release_claims(&self) -> Result<u64, StoreError> {
        on_db!(self, pool => pool.release_claims().await)
    }

    /// The person wrote: their messages waiting for a retry are tried now (Telegram just
    /// reached us, and their new reply must not overtake them).
    pub async fn hurry_outbox(&self, user_id: i64, now: DateTime<Utc>) -> Result<(), StoreError> {
        on_db!(self, pool => pool.hurry_outbox(user_id, now).await)
    }

    /// Every message still waiting for `user`, oldest first (tests, the console).
    pub async fn outbox_of(&self, user_id: i64) -> Result<Vec<OutboxRow>, StoreError> {
        on_db!(self, pool => pool.outbox_of(user_id).await)
    }

    /// A message was delivered (or refused for good): it leaves the outbox.
    pub async fn outbox_done(&self, id: i64) -> Result<(), StoreError> {
        on_db!(self, pool => pool.outbox_done(id).await)
    }

    /// A message could not be sent now: try again from `not_before` (claim given up).
    pub async fn outbox_retry(&self, id: i64, not_before: DateTime<Utc>) -> Result<(), StoreError> {
        on_db!(self, pool => pool.outbox_retry(id, not_before).await)
    }

    /// A claimed message was not tried (an earlier one to the same person failed): it goes
    /// back as it was, no attempt counted.
    pub async fn outbox_release(&self, id: i64) -> Result<(), StoreError> {
        on_db!(self, pool => pool.outbox_release(id).await)
    }

    /// The outbox depth and the number of active people (the gauges of /metrics).
    pub async fn counts(&self) -> Result<Counts, StoreError> {
        Ok(Counts {
            outbox: on_db!(self, pool => pool.outbox_depth().await)?,
            active_people: on_db!(self, pool => pool.active_people().await)?,
        })
    }

    /// Telegram said the person blocked the bot (or is gone): send nothing more until
    /// they write again.
    pub async fn deactivate(&self, user_id: i64) -> Result<(), StoreError> {
        on_db!(self, pool => pool.deactivate(user_id).await)
    }

    /// The Telegram message id of the person's latest movement break that still has its
    /// buttons, if one was kept.
    pub async fn break_message(&self, user_id: i64) -> Result<Option<i64>, StoreError> {
        on_db!(self, pool => pool.break_message(user_id).await)
    }

    /// Keeps (or forgets) the message id of the person's latest movement break.
    pub async fn set_break_message(
        &self,
        user_id: i64,
        message_id: Option<i64>,
    ) -> Result<(), StoreError> {
        on_db!(self, pool => pool.set_break_message(user_id, message_id).await)
    }

    /// Everything kept about a person, table by table, as JSON (every column of every
    /// row), and the measurements as CSV for a spreadsheet. `None` for a stranger.
    pub async fn export(
        &self,
        user_id: i64,
    ) -> Result<Option<(serde_json::Value, String)>, StoreError> {
        on_db!(self, pool => pool.export(user_id).await)
    }

    /// The earliest reminder due, if any. A reminder waiting for its back-off counts from
    /// when it may be tried again.
    pub async fn next_due(&self) -> Result<Option<DateTime<Utc>>, StoreError> {
        let held = self.held.lock().map(|h| h.clone()).unwrap_or_default();
        on_db!(self, pool => pool.next_due(&held).await)
    }

    /// Reminders due at `now`, earliest first.
    pub async fn due_reminders(
        &self,
        now: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<(i64, ReminderKind, DateTime<Utc>)>, StoreError> {
        on_db!(self, pool => pool.due_reminders(now, limit).await)
    }

    /// People reminders may go to (consented, not blocked, not held), by user id after
    /// `after`, at most `limit`: the safety sweep goes through them a slice at a time.
    pub async fn active_people_after(
        &self,
        after: i64,
        limit: i64,
    ) -> Result<Vec<i64>, StoreError> {
        on_db!(self, pool => pool.active_people_after(after, limit).await)
    }

    /// Takes a reminder off the schedule without firing it.
    pub async fn drop_reminder(&self, user_id: i64, kind: ReminderKind) -> Result<(), StoreError> {
        on_db!(self, pool => pool.drop_reminder(user_id, kind).await)
    }
}

impl StoreTx {
    pub async fn commit(self) -> Result<(), StoreError> {
        match self.0 {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }

    /// Takes the person's lock for the rest of this transaction, so that two instances
    /// never interleave one person's steps (PostgreSQL: a transaction-level advisory lock
    /// on the user id; SQLite's `BEGIN IMMEDIATE` already lets one writer in at a time).
    pub async fn lock_person(&mut self, user_id: i64) -> Result<(), StoreError> {
        on_tx!(self, tx => tx.lock_person(user_id).await)
    }

    /// Tells the delivery holder, when this transaction commits, that a schedule changed
    /// (wake up) or, with `replies_for`, that this person's replies wait in the outbox
    /// (send them now). Nothing on SQLite, where this process is the holder.
    pub async fn hand_over(&mut self, replies_for: Option<i64>) -> Result<(), StoreError> {
        on_tx!(self, tx => tx.hand_over(replies_for).await)
    }

    /// Everything kept about the person as this transaction sees it (see [`Store::export`]).
    pub async fn export(
        &mut self,
        user_id: i64,
    ) -> Result<Option<(serde_json::Value, String)>, StoreError> {
        on_tx!(self, tx => tx.export(user_id).await)
    }

    /// Erases every row about a person.
    pub async fn forget_person(&mut self, user_id: i64) -> Result<(), StoreError> {
        on_tx!(self, tx => tx.forget_person(user_id).await)
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
        on_tx!(self, tx => tx.queue(user_id, reminder, piece, now).await)
    }

    /// Loads a person; `None` if we keep nothing about them. A dialog that this version
    /// cannot read comes back as `Dialog::Lost` instead of an error, so the person is
    /// never locked out; so does any single profile value this version cannot read.
    pub async fn load_person(&mut self, user_id: i64) -> Result<Option<Person>, StoreError> {
        on_tx!(self, tx => tx.load_person(user_id).await)
    }

    /// Inserts a session, or updates it (a pain score added) if it is already kept.
    pub async fn upsert_session(
        &mut self,
        user_id: i64,
        session: &SessionRecord,
    ) -> Result<(), StoreError> {
        on_tx!(self, tx => tx.upsert_session(user_id, session).await)
    }

    /// Records a Telegram update as handled; false if it was handled before.
    pub async fn first_time(
        &mut self,
        update: i64,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        on_tx!(self, tx => tx.first_time(update, now).await)
    }

    /// Records an answer to a movement break.
    pub async fn insert_break_answer(
        &mut self,
        user_id: i64,
        at: DateTime<Utc>,
        answer: &str,
    ) -> Result<(), StoreError> {
        on_tx!(self, tx => tx.insert_break_answer(user_id, at, answer).await)
    }

    /// Records a progression decision.
    pub async fn insert_decision(
        &mut self,
        user_id: i64,
        verdict: &Verdict,
        at: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_tx!(self, tx => tx.insert_decision(user_id, verdict, at).await)
    }

    /// Inserts or replaces a person and their profile.
    pub async fn save_person(
        &mut self,
        person: &Person,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        on_tx!(self, tx => tx.save_person(person, now).await)
    }

    /// Records one assessment: every raw answer and the derived values.
    pub async fn insert_assessment(
        &mut self,
        user_id: i64,
        assessment: &Assessment,
    ) -> Result<(), StoreError> {
        on_tx!(self, tx => tx.insert_assessment(user_id, assessment).await)
    }

    /// Overwrites a person's stored dialog with raw text (for tests of old or damaged rows).
    #[doc(hidden)]
    pub async fn set_raw_dialog(&mut self, user_id: i64, raw: &str) -> Result<(), StoreError> {
        on_tx!(self, tx => tx.set_raw_dialog(user_id, raw).await)
    }

    /// Takes a due reminder off the schedule; false if it is gone or has moved (someone
    /// else handled it, or the person's schedule changed), so it is never sent twice.
    pub async fn claim_reminder(
        &mut self,
        user_id: i64,
        kind: ReminderKind,
        due: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        on_tx!(self, tx => tx.claim_reminder(user_id, kind, due).await)
    }

    /// The kinds of reminder planned for a person (due or not).
    pub async fn planned_kinds(&mut self, user_id: i64) -> Result<Vec<ReminderKind>, StoreError> {
        on_tx!(self, tx => tx.planned_kinds(user_id).await)
    }

    /// Sets a person's reminders, one per kind, replacing all there were.
    pub async fn replace_reminders(&mut self, user_id: i64, due: &[Due]) -> Result<(), StoreError> {
        on_tx!(self, tx => tx.replace_reminders(user_id, due).await)
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
        on_tx!(self, tx => tx.replan_reminders(user_id, due, now).await)
    }
}
