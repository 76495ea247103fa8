//! A fresh database per test on either backend, and `on_both!`, which turns one test body
//! into a test on SQLite and a test on PostgreSQL.
//!
//! PostgreSQL comes from `HIPCOACH_TEST_POSTGRES` (a server URL whose user may create
//! databases; `.ci/with-postgres` starts a throwaway cluster and sets it). Without it the
//! PostgreSQL half of each test says so and passes, unless `HIPCOACH_REQUIRE_POSTGRES` is
//! set (CI sets it): then a missing server fails the test.

// Each test binary that includes this file uses a different part of it.
#![allow(dead_code)]

use std::sync::atomic::{AtomicU32, Ordering};

use sqlx::Connection;
use tempfile::TempDir;

/// Which store a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database of its own for one test: a SQLite file in a temporary directory, or a new
/// database on the test server (left behind: the server is a throwaway one).
pub struct TestDb {
    pub url: String,
    pub backend: Backend,
    _dir: Option<TempDir>,
}

impl TestDb {
    /// A new SQLite file.
    pub fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("hipcoach.db").display());
        TestDb {
            url,
            backend: Backend::Sqlite,
            _dir: Some(dir),
        }
    }

    /// A new, empty PostgreSQL database; `None` when no server is configured (and none
    /// is required).
    pub async fn postgres() -> Option<TestDb> {
        let Some(server) = postgres_server() else {
            eprintln!(
                "no PostgreSQL (HIPCOACH_TEST_POSTGRES unset): the PostgreSQL half of this test is skipped"
            );
            return None;
        };
        static COUNT: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "hc_{}_{}_{}",
            std::process::id(),
            COUNT.fetch_add(1, Ordering::Relaxed),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos()
        );
        let mut admin = sqlx::PgConnection::connect(&server)
            .await
            .expect("the PostgreSQL server in HIPCOACH_TEST_POSTGRES answers");
        sqlx::query(&format!("CREATE DATABASE {name}"))
            .execute(&mut admin)
            .await
            .unwrap();
        admin.close().await.ok();
        let (base, _) = server.rsplit_once('/').unwrap();
        Some(TestDb {
            url: format!("{base}/{name}"),
            backend: Backend::Postgres,
            _dir: None,
        })
    }

    /// A new database on `backend` (see [`TestDb::postgres`] for `None`).
    pub async fn on(backend: Backend) -> Option<TestDb> {
        match backend {
            Backend::Sqlite => Some(TestDb::sqlite()),
            Backend::Postgres => TestDb::postgres().await,
        }
    }
}

/// The PostgreSQL server for tests, if any; panics when one is required but missing.
pub fn postgres_server() -> Option<String> {
    match std::env::var("HIPCOACH_TEST_POSTGRES") {
        Ok(url) if !url.trim().is_empty() => Some(url.trim().to_owned()),
        _ if std::env::var_os("HIPCOACH_REQUIRE_POSTGRES").is_some() => panic!(
            "HIPCOACH_REQUIRE_POSTGRES is set but HIPCOACH_TEST_POSTGRES is not: \
             run the tests through .ci/with-postgres"
        ),
        _ => None,
    }
}

/// `on_both!(async fn name(db) { … })`: the body runs once on a fresh SQLite file
/// (`name::sqlite`) and once on a fresh PostgreSQL database (`name::postgres`); `db` is
/// the [`TestDb`].
#[allow(unused_macros)] // Not every test binary that includes this file uses it.
macro_rules! on_both {
    ($(#[$meta:meta])* async fn $name:ident($db:ident) $body:block) => {
        $(#[$meta])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn body($db: $crate::support::backend::TestDb) $body

            #[tokio::test]
            async fn sqlite() {
                body($crate::support::backend::TestDb::sqlite()).await
            }

            #[tokio::test]
            async fn postgres() {
                if let Some(db) = $crate::support::backend::TestDb::postgres().await {
                    body(db).await
                }
            }
        }
    };
}
#[allow(unused_imports)]
pub(crate) use on_both;
