//! `hipcoach copy`: a SQLite database moved to PostgreSQL (and back) keeps every person as
//! they were, and the copy goes on working.

use chrono::{DateTime, Utc};
use hipcoach::core::{Incoming, Input, Lang};
use hipcoach::engine::Engine;
use hipcoach::store::Store;

use crate::support::answers;
use crate::support::backend::TestDb;
use crate::support::press;

fn now() -> DateTime<Utc> {
    "2026-11-23T08:20:00Z".parse().unwrap()
}

async fn say(engine: &Engine, user: i64, input: Input) {
    let input = press::on_open_question(engine, user, input).await;
    let incoming = Incoming {
        user,
        lang: Lang::En,
        input,
    };
    engine.handle(&incoming, now()).await.unwrap();
}

async fn join(engine: &Engine, user: i64) {
    say(engine, user, Input::Text("/start".into())).await;
    say(engine, user, Input::Button("c:y".into())).await;
}

/// Everything kept about `user`, as the person and as their export.
async fn everything(store: &Store, user: i64) -> (hipcoach::core::Person, serde_json::Value) {
    let mut tx = store.begin().await.unwrap();
    let person = tx.load_person(user).await.unwrap().unwrap();
    drop(tx);
    let (export, _) = store.export(user).await.unwrap().unwrap();
    (person, export)
}

#[tokio::test]
async fn a_sqlite_database_copied_to_postgres_and_back_keeps_everyone_as_they_were() {
    let Some(pg) = TestDb::postgres().await else {
        return;
    };
    let sqlite = TestDb::sqlite();
    let source = Engine::new(Store::open(&sqlite.url).await.unwrap());
    join(&source, 7).await;
    say(&source, 7, Input::Text("Berlin".into())).await;
    say(&source, 7, Input::Button("z:y".into())).await;
    for answer in answers::INTAKE_AND_TESTS {
        say(&source, 7, Input::Text(answer.into())).await;
    }
    join(&source, 8).await;
    let before = everything(source.store(), 7).await;
    assert!(before.0.program.is_some(), "person 7 has a program");

    let target = Store::open(&pg.url).await.unwrap();
    let copied = Store::copy(source.store(), &target).await.unwrap();
    assert!(copied.complete(), "{copied:?}");
    let rows = |table: &str| copied.tables.iter().find(|t| t.0 == table).unwrap().2;
    assert_eq!(rows("people"), 2);
    assert!(rows("assessments") >= 1);
    assert!(rows("reminders") >= 1);
    assert_eq!(
        everything(&target, 7).await,
        before,
        "the same person on PostgreSQL"
    );

    // A second copy into the same database would merge two: refused.
    assert!(Store::copy(source.store(), &target).await.is_err());

    // The copy goes on: new rows take ids after the copied ones.
    let copy = Engine::new(target.clone());
    join(&copy, 9).await;
    say(&copy, 7, Input::Text("/progress".into())).await;
    assert!(!target.outbox_of(9).await.unwrap().is_empty());

    // And back to a new SQLite file.
    let again = TestDb::sqlite();
    let back = Store::open(&again.url).await.unwrap();
    let copied = Store::copy(&target, &back).await.unwrap();
    assert!(copied.complete(), "{copied:?}");
    assert_eq!(
        everything(&back, 8).await,
        everything(source.store(), 8).await
    );
}
