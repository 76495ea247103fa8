//! Reading and writing whole rows for `hipcoach copy` (see `store/copy.rs`).

use sqlx::Row;

use super::Pool;
use crate::store::StoreError;
use crate::store::copy::{Kind, Table, Value};

impl Pool {
    /// Up to `limit` rows of `table` from `offset` on, in the order of its key.
    pub(in crate::store) async fn read_rows(
        &self,
        table: &Table,
        offset: i64,
        limit: i64,
    ) -> Result<Vec<Vec<Value>>, StoreError> {
        let columns: Vec<&str> = table.columns.iter().map(|(name, _)| *name).collect();
        let sql = format!(
            "SELECT {} FROM {} ORDER BY {} LIMIT $1 OFFSET $2",
            columns.join(", "),
            table.name,
            table.key
        );
        let rows = sqlx::query(&sql)
            .bind(limit)
            .bind(offset)
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in rows {
            let mut values = Vec::with_capacity(columns.len());
            for (name, kind) in table.columns {
                values.push(match kind {
                    Kind::Int => Value::Int(row.try_get(*name)?),
                    Kind::Bool => Value::Bool(row.try_get(*name)?),
                    Kind::Text => Value::Text(row.try_get(*name)?),
                    Kind::Instant => Value::Instant(row.try_get(*name)?),
                    Kind::Bytes => Value::Bytes(row.try_get(*name)?),
                });
            }
            out.push(values);
        }
        Ok(out)
    }

    /// Inserts `rows` into `table`, in one transaction.
    pub(in crate::store) async fn write_rows(
        &self,
        table: &Table,
        rows: &[Vec<Value>],
    ) -> Result<(), StoreError> {
        let columns: Vec<&str> = table.columns.iter().map(|(name, _)| *name).collect();
        let places: Vec<String> = (1..=columns.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "INSERT INTO {} ({}) VALUES ({})",
            table.name,
            columns.join(", "),
            places.join(", ")
        );
        let mut tx = self.begin().await?;
        for row in rows {
            let mut statement = sqlx::query(&sql);
            for value in row {
                statement = match value {
                    Value::Int(v) => statement.bind(*v),
                    Value::Bool(v) => statement.bind(*v),
                    Value::Text(v) => statement.bind(v.clone()),
                    Value::Instant(v) => statement.bind(*v),
                    Value::Bytes(v) => statement.bind(v.clone()),
                };
            }
            tx.run(statement).await?;
        }
        tx.commit().await
    }

    /// How many rows `table` holds.
    pub(in crate::store) async fn count(&self, table: &str) -> Result<i64, StoreError> {
        Ok(sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&self.pool)
            .await?)
    }
}
