//! Several instances on one PostgreSQL database, at the level of the store and the
//! engine: one person's steps never interleave, one instance delivers and another takes
//! over, a committed input tells the holder, and two claims never take one row. (The
//! whole binary, three processes and a kill: `tests/process/instances.rs`.)

use std::collections::HashSet;
use std::time::Duration;

use chrono::Utc;
use hipcoach::core::{Incoming, Input, Lang};
use hipcoach::engine::Engine;
use hipcoach::store::{Claim, Notice, Store};

use crate::support::backend::TestDb;
use crate::support::press;

/// Two stores on one new PostgreSQL database, as two instances have; `None` without a
/// server.
async fn two_instances() -> Option<(TestDb, Store, Store)> {
    let db = TestDb::postgres().await?;
    let a = Store::open(&db.url).await.unwrap();
    let b = Store::open(&db.url).await.unwrap();
    Some((db, a, b))
}

async fn consent(engine: &Engine, user: i64) {
    for input in [Input::Text("/start".into()), Input::Button("c:y".into())] {
        let input = press::on_open_question(engine, user, input).await;
        let incoming = Incoming {
            user,
            lang: Lang::En,
            input,
        };
        engine.handle(&incoming, Utc::now()).await.unwrap();
    }
}

#[tokio::test]
async fn an_input_for_a_person_waits_while_another_instance_handles_one_for_them() {
    let Some((_db, a, b)) = two_instances().await else {
        return;
    };
    let mut first = a.begin().await.unwrap();
    first.lock_person(7).await.unwrap();

    // Someone else goes on at once.
    let mut other = b.begin().await.unwrap();
    tokio::time::timeout(Duration::from_secs(10), other.lock_person(8))
        .await
        .expect("another person's input is not held up")
        .unwrap();
    other.commit().await.unwrap();

    // The same person waits until the first instance's transaction ends.
    let second = tokio::spawn(async move {
        let mut second = b.begin().await.unwrap();
        second.lock_person(7).await.unwrap();
        second.commit().await.unwrap();
    });
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        !second.is_finished(),
        "the second instance went on while the first held the person"
    );
    first.commit().await.unwrap();
    tokio::time::timeout(Duration::from_secs(10), second)
        .await
        .expect("the second instance goes on once the first committed")
        .unwrap();
}

#[tokio::test]
async fn one_instance_delivers_and_another_takes_over_when_it_is_gone() {
    let Some((_db, a, b)) = two_instances().await else {
        return;
    };
    let held = a
        .lead_delivery()
        .await
        .unwrap()
        .expect("the first to ask delivers");
    assert!(
        b.lead_delivery().await.unwrap().is_none(),
        "only one instance delivers"
    );
    // The holder dies: its lock's connection goes with it.
    drop(held);
    let mut took_over = None;
    for _ in 0..50 {
        if let Some(lead) = b.lead_delivery().await.unwrap() {
            took_over = Some(lead);
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let lead = took_over.expect("the other instance takes over within seconds");
    assert!(a.lead_delivery().await.unwrap().is_none());
    lead.release().await;
    assert!(
        a.lead_delivery().await.unwrap().is_some(),
        "a clean stop lets go at once"
    );
}

#[tokio::test]
async fn a_committed_reply_is_handed_to_the_delivery_holder() {
    let Some((_db, a, b)) = two_instances().await else {
        return;
    };
    let mut notices = b.notices().await.unwrap().expect("PostgreSQL has notices");
    let engine = Engine::new(a);
    consent(&engine, 7).await;
    let notice = tokio::time::timeout(Duration::from_secs(10), notices.next())
        .await
        .expect("the holder hears of the reply")
        .unwrap();
    assert_eq!(notice, Notice::Replies(7));
    assert!(
        !b.outbox_of(7).await.unwrap().is_empty(),
        "the reply waits for the holder"
    );
}

#[tokio::test]
async fn two_instances_claiming_at_once_never_take_the_same_message() {
    let Some((_db, a, b)) = two_instances().await else {
        return;
    };
    let engine = Engine::new(a.clone());
    for user in 1..=40 {
        consent(&engine, user).await;
    }
    let queued: usize = {
        let mut n = 0;
        for user in 1..=40 {
            n += b.outbox_of(user).await.unwrap().len();
        }
        n
    };
    let (ca, cb) = (Claim::fresh(), Claim::fresh());
    let mut ids = HashSet::new();
    let mut total = 0;
    loop {
        let (x, y) = tokio::join!(
            a.claim_outbox(ca, Utc::now(), None, 7),
            b.claim_outbox(cb, Utc::now(), None, 7)
        );
        let (x, y) = (x.unwrap(), y.unwrap());
        if x.is_empty() && y.is_empty() {
            break;
        }
        for row in x.iter().chain(&y) {
            total += 1;
            assert!(ids.insert(row.id), "message {} claimed twice", row.id);
            // Sent: the person's next text may be claimed now.
            a.outbox_done(row.id).await.unwrap();
        }
    }
    // Each person's texts are claimed in order, one round after another; in the end
    // every message was claimed exactly once.
    assert_eq!(total, queued);
}
