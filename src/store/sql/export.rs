//! Everything kept about a person, as JSON and as a CSV of the measurements (/export),
//! and forgetting them (/delete).

use sqlx::Row;

use super::{DbRow, Pool, Tx, column_json};
use crate::store::StoreError;

impl Pool {
    /// Everything kept about a person, table by table, as JSON (every column of every
    /// row), and the measurements as CSV for a spreadsheet. `None` for a stranger.
    pub async fn export(
        &self,
        user_id: i64,
    ) -> Result<Option<(serde_json::Value, String)>, StoreError> {
        let mut conn = self.pool.acquire().await?;
        export_from(&mut conn, user_id).await
    }
}

impl Tx {
    /// Everything kept about the person as this transaction sees it (see [`Store::export`]).
    pub async fn export(
        &mut self,
        user_id: i64,
    ) -> Result<Option<(serde_json::Value, String)>, StoreError> {
        export_from(&mut self.tx, user_id).await
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
            let delete = format!("DELETE FROM {table} WHERE user_id = $1");
            self.run(sqlx::query(&delete).bind(user_id)).await?;
        }
        let statement = sqlx::query("DELETE FROM people WHERE user_id = $1").bind(user_id);
        self.run(statement).await?;
        Ok(())
    }
}

/// Everything kept about a person, read on `conn` (see [`Store::export`]).
async fn export_from(
    conn: &mut <super::Db as sqlx::Database>::Connection,
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
            "SELECT * FROM {table} WHERE user_id = $1 ORDER BY {order}"
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

/// One row as a JSON object: integers (and yes/no as 0 or 1) as numbers, instants and
/// text as strings (JSON columns parsed), NULL as null; the same on both backends.
fn row_json(row: &DbRow) -> serde_json::Value {
    use sqlx::Column;
    let mut object = serde_json::Map::new();
    for column in row.columns() {
        let name = column.name();
        let value = match column_json(row, name) {
            serde_json::Value::String(text) if text.starts_with(['{', '[']) => {
                serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text))
            }
            value => value,
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
