//! The deploy steps through the real binary: `hipcoach migrate` on its own, and
//! `hipcoach copy` from SQLite to PostgreSQL with the counts it checks.

use std::process::Command;

use chrono::Utc;
use hipcoach::core::{Incoming, Input, Lang};
use hipcoach::engine::Engine;
use hipcoach::store::Store;

use crate::support::backend::TestDb;
use crate::support::press;

/// Runs `hipcoach ARGS` to its end; (success, stderr).
fn hipcoach(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hipcoach"))
        .args(args)
        .env_remove("DATABASE_URL")
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test]
async fn migrate_applies_what_is_missing_once() {
    let _cpu = crate::together().await;
    let sqlite = TestDb::sqlite();
    let (ok, said) = hipcoach(&["--db", &sqlite.url, "migrate"]);
    assert!(ok, "{said}");
    assert!(said.contains("11 migration(s) applied"), "{said}");
    let (ok, said) = hipcoach(&["--db", &sqlite.url, "migrate"]);
    assert!(ok && said.contains("0 migration(s) applied"), "{said}");

    if let Some(pg) = TestDb::postgres().await {
        let (ok, said) = hipcoach(&["--db", &pg.url, "migrate"]);
        assert!(ok && said.contains("1 migration(s) applied"), "{said}");
        let (ok, said) = hipcoach(&["--db", &pg.url, "migrate"]);
        assert!(ok && said.contains("0 migration(s) applied"), "{said}");
    }
}

#[tokio::test]
async fn copy_moves_a_sqlite_database_to_postgres_and_checks_the_counts() {
    let _cpu = crate::together().await;
    let Some(pg) = TestDb::postgres().await else {
        return;
    };
    let sqlite = TestDb::sqlite();
    {
        let engine = Engine::new(Store::open(&sqlite.url).await.unwrap());
        for user in [7, 8] {
            for input in [Input::Text("/start".into()), Input::Button("c:y".into())] {
                let input = press::on_open_question(&engine, user, input).await;
                let incoming = Incoming {
                    user,
                    lang: Lang::En,
                    input,
                };
                engine.handle(&incoming, Utc::now()).await.unwrap();
            }
        }
        engine.store().close().await;
    }
    let (ok, said) = hipcoach(&["copy", "--from", &sqlite.url, "--to", &pg.url]);
    assert!(ok, "{said}");
    assert!(said.contains("people: 2 -> 2 ok"), "{said}");
    assert!(said.contains("the counts match"), "{said}");
    // Into a database that already holds people: refused, nothing merged.
    let (ok, said) = hipcoach(&["copy", "--from", &sqlite.url, "--to", &pg.url]);
    assert!(!ok && said.contains("already holds people"), "{said}");
}
