//! SQLite through sqlx: the only module that speaks SQL.

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, NaiveTime, Utc};
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteRow, SqliteSynchronous,
};
use sqlx::{Row, Sqlite, SqlitePool, Transaction};

use crate::core::answers::{PainScore, Weekdays, WorkingHours};
use crate::core::assessment::Assessment;
use crate::core::profile::{self, AgeBand, Lunch, Profile};
use crate::core::{Dialog, History, Lang, Person, Zone};

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
        let history = self.load_history(user_id).await?;
        Ok(Some(Person {
            id: user_id,
            lang: Lang::from_code(Some(&lang)),
            consented_at,
            zone: zone.as_deref().and_then(Zone::from_name),
            profile,
            dialog,
            history,
        }))
    }

    /// The first and the latest assessment that measured something.
    async fn load_history(&mut self, user_id: i64) -> Result<History, StoreError> {
        let query = |order: &str| {
            format!(
                "SELECT result FROM assessments WHERE user_id = ? \
                 AND (left_ir IS NOT NULL OR right_ir IS NOT NULL OR track IS NOT NULL) \
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
        Ok(History { first, last })
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
                drill_time, pain_sites, usual_pain, equipment, red_flags, cleared_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)
             ON CONFLICT (user_id) DO UPDATE SET
                lang = excluded.lang, consented_at = excluded.consented_at,
                zone = excluded.zone, dialog = excluded.dialog, updated_at = excluded.updated_at,
                age = excluded.age, age_band = excluded.age_band, activities = excluded.activities,
                sitting_hours = excluded.sitting_hours, work_days = excluded.work_days,
                work_start = excluded.work_start, work_end = excluded.work_end, lunch = excluded.lunch,
                drill_time = excluded.drill_time, pain_sites = excluded.pain_sites,
                usual_pain = excluded.usual_pain, equipment = excluded.equipment,
                red_flags = excluded.red_flags, cleared_at = excluded.cleared_at",
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
        sqlx::query("DELETE FROM assessments WHERE user_id = ?")
            .bind(user_id)
            .execute(&mut *self.tx)
            .await?;
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
        pain_sites: text("pain_sites")?.map(|t| profile::from_codes(&t)),
        usual_pain: number("usual_pain")?.and_then(PainScore::new),
        equipment: text("equipment")?.map(|t| profile::from_codes(&t)),
        red_flags: text("red_flags")?.map(|t| profile::from_codes(&t)),
        cleared_at: row.try_get("cleared_at")?,
    })
}
