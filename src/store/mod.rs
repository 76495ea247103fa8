//! SQLite through sqlx: the only module that speaks SQL.

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, Sqlite, SqlitePool, Transaction};

use crate::core::{Dialog, Lang, Person, Zone};

/// Why the store failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
}

/// A pool of connections to one database, migrated to the current schema.
#[derive(Clone, Debug)]
pub struct Store {
    pool: SqlitePool,
}

/// One transaction: every change an input causes is written together or not at all.
pub struct StoreTx {
    tx: Transaction<'static, Sqlite>,
}

impl Store {
    /// Opens (creating if missing) and migrates the database at `url`.
    /// `sqlite::memory:` gives a throwaway database that lives as long as the store.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        let in_memory = url.contains(":memory:") || url.contains("mode=memory");
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
                .max_connections(4)
                .connect_with(options)
                .await?
        };
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Store { pool })
    }

    /// Starts a write transaction. `BEGIN IMMEDIATE` takes the write lock up front, so a
    /// read-then-write never fails half-way with SQLITE_BUSY.
    pub async fn begin(&self) -> Result<StoreTx, StoreError> {
        let tx = self.pool.begin_with("BEGIN IMMEDIATE").await?;
        Ok(StoreTx { tx })
    }

    /// Closes every connection, finishing the WAL.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

impl StoreTx {
    /// Loads a person; `None` if we keep nothing about them. A dialog that this version
    /// cannot read comes back as [`Dialog::Lost`] instead of an error, so the person is
    /// never locked out.
    pub async fn load_person(&mut self, user_id: i64) -> Result<Option<Person>, StoreError> {
        let row =
            sqlx::query("SELECT lang, consented_at, zone, dialog FROM people WHERE user_id = ?")
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
        Ok(Some(Person {
            id: user_id,
            lang: Lang::from_code(Some(&lang)),
            consented_at,
            zone: zone.as_deref().and_then(Zone::from_name),
            dialog,
        }))
    }

    /// Inserts or replaces a person.
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
        sqlx::query(
            "INSERT INTO people (user_id, lang, consented_at, zone, dialog, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
             ON CONFLICT (user_id) DO UPDATE SET
                lang = excluded.lang, consented_at = excluded.consented_at,
                zone = excluded.zone, dialog = excluded.dialog, updated_at = excluded.updated_at",
        )
        .bind(person.id)
        .bind(person.lang.code())
        .bind(person.consented_at)
        .bind(person.zone.map(|z| z.name()))
        .bind(dialog)
        .bind(now)
        .execute(&mut *self.tx)
        .await?;
        Ok(())
    }

    /// Erases every row about a person.
    pub async fn forget_person(&mut self, user_id: i64) -> Result<(), StoreError> {
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
