//! `hipcoach copy --from … --to …`: every table of one database into another (SQLite to
//! PostgreSQL, or back), row by row in batches, with the counts checked at the end. The
//! columns are listed here once, with what each holds, so that a value keeps its meaning
//! across the two schemas (SQLite's RFC 3339 text becomes a TIMESTAMPTZ, its 0/1 a
//! BOOLEAN, and back).

use super::{Db, Store, StoreError};

/// What a column holds, whichever backend keeps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Int,
    Bool,
    Text,
    Instant,
    Bytes,
}

/// One value read from a row.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Value {
    Int(Option<i64>),
    Bool(Option<bool>),
    Text(Option<String>),
    Instant(Option<chrono::DateTime<chrono::Utc>>),
    Bytes(Option<Vec<u8>>),
}

/// A table: its name, the column rows are walked by (unique), and every column.
pub(super) struct Table {
    pub name: &'static str,
    pub key: &'static str,
    pub columns: &'static [(&'static str, Kind)],
}

use Kind::{Bool, Bytes, Instant, Int, Text};

/// Every table, parents first (the others refer to `people`).
pub(super) const TABLES: &[Table] = &[
    Table {
        name: "people",
        key: "user_id",
        columns: &[
            ("user_id", Int),
            ("lang", Text),
            ("consented_at", Instant),
            ("zone", Text),
            ("dialog", Text),
            ("created_at", Instant),
            ("updated_at", Instant),
            ("age", Int),
            ("age_band", Text),
            ("activities", Text),
            ("sitting_hours", Int),
            ("work_days", Int),
            ("work_start", Text),
            ("work_end", Text),
            ("lunch", Text),
            ("drill_time", Text),
            ("pain_sites", Text),
            ("usual_pain", Int),
            ("equipment", Text),
            ("red_flags", Text),
            ("cleared_at", Instant),
            ("program_track", Text),
            ("program_phase", Int),
            ("program_level", Int),
            ("program_started_at", Instant),
            ("program_since", Instant),
            ("phase_since", Instant),
            ("break_minutes", Int),
            ("paused_until", Instant),
            ("quiet_from", Text),
            ("quiet_to", Text),
            ("morning_time", Text),
            ("active", Bool),
            ("snoozed_until", Instant),
            ("breaks_after", Instant),
            ("last_break", Instant),
            ("break_answered", Bool),
            ("hold_cause", Text),
            ("hold_since", Instant),
            ("hold_flags", Text),
            ("hold_minor", Bool),
            ("training_days", Int),
            ("asked", Int),
            ("work_none", Bool),
            ("breaks_off", Bool),
            ("break_message", Int),
            ("ignored_days", Int),
            ("break_day", Text),
            ("break_day_answered", Bool),
            ("less_often_at", Instant),
            ("less_often_open", Bool),
            ("vacation_from", Text),
            ("vacation_to", Text),
            ("weekly_review", Bool),
        ],
    },
    Table {
        name: "assessments",
        key: "id",
        columns: &[
            ("id", Int),
            ("user_id", Int),
            ("taken_at", Instant),
            ("retest", Bool),
            ("age_band", Text),
            ("answers", Text),
            ("left_ir", Int),
            ("right_ir", Int),
            ("left_er", Int),
            ("right_er", Int),
            ("asymmetry", Int),
            ("track", Text),
            ("level", Int),
            ("test_pain", Int),
            ("red_flags", Text),
            ("result", Text),
        ],
    },
    Table {
        name: "sessions",
        key: "id",
        columns: &[
            ("id", Int),
            ("user_id", Int),
            ("started_at", Instant),
            ("local_date", Text),
            ("track", Text),
            ("phase", Int),
            ("level", Int),
            ("plan", Text),
            ("outcomes", Text),
            ("stopped_early", Bool),
            ("completed_at", Instant),
            ("pain_during", Int),
            ("pain_morning", Int),
            ("morning_skipped", Bool),
        ],
    },
    Table {
        name: "decisions",
        key: "id",
        columns: &[
            ("id", Int),
            ("user_id", Int),
            ("decided_at", Instant),
            ("decision", Text),
            ("rule", Text),
            ("from_step", Text),
            ("to_step", Text),
        ],
    },
    Table {
        name: "reminders",
        key: "user_id, kind",
        columns: &[("user_id", Int), ("kind", Text), ("due_at", Int)],
    },
    Table {
        name: "outbox",
        key: "id",
        columns: &[
            ("id", Int),
            ("user_id", Int),
            ("kind", Text),
            ("due_at", Int),
            ("message", Text),
            ("attempts", Int),
            ("not_before", Int),
            ("part", Text),
            ("file_name", Text),
            ("file", Bytes),
            ("redraw_message", Int),
            ("claimed_by", Int),
            ("claimed_until", Int),
        ],
    },
    Table {
        name: "break_answers",
        key: "id",
        columns: &[
            ("id", Int),
            ("user_id", Int),
            ("at", Instant),
            ("answer", Text),
        ],
    },
    Table {
        name: "handled_updates",
        key: "update_id",
        columns: &[("update_id", Int), ("at", Int)],
    },
];

/// Rows per batch (ours): one transaction each on the destination.
pub(super) const BATCH: i64 = 500;

/// What `hipcoach copy` did, table by table: rows in the source and in the destination.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Copied {
    pub tables: Vec<(&'static str, i64, i64)>,
}

impl Copied {
    /// Whether every table arrived whole.
    pub fn complete(&self) -> bool {
        self.tables.iter().all(|(_, from, to)| from == to)
    }
}

impl Store {
    /// Copies every row of `from` into `to`, which must hold nobody yet (a copy never
    /// merges two databases), then counts both sides table by table.
    pub async fn copy(from: &Store, to: &Store) -> Result<Copied, StoreError> {
        if to.count("people").await? > 0 {
            return Err(StoreError::Unsupported(
                "the destination already holds people; copy only into a new, empty database",
            ));
        }
        for table in TABLES {
            let mut offset = 0;
            loop {
                let rows = match &from.db {
                    Db::Sqlite(pool) => pool.read_rows(table, offset, BATCH).await?,
                    Db::Postgres(pool) => pool.read_rows(table, offset, BATCH).await?,
                };
                if rows.is_empty() {
                    break;
                }
                offset += i64::try_from(rows.len()).unwrap_or(BATCH);
                match &to.db {
                    Db::Sqlite(pool) => pool.write_rows(table, &rows).await?,
                    Db::Postgres(pool) => pool.write_rows(table, &rows).await?,
                }
            }
        }
        if let Db::Postgres(pool) = &to.db {
            pool.after_copy().await?;
        }
        let mut copied = Copied::default();
        for table in TABLES {
            copied.tables.push((
                table.name,
                from.count(table.name).await?,
                to.count(table.name).await?,
            ));
        }
        Ok(copied)
    }

    /// How many rows `table` holds.
    async fn count(&self, table: &str) -> Result<i64, StoreError> {
        match &self.db {
            Db::Sqlite(pool) => pool.count(table).await,
            Db::Postgres(pool) => pool.count(table).await,
        }
    }
}
