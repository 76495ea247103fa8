//! The fourth invariant as a property: every saved answer gets its reply. Random
//! sequences of inputs from three people, deliveries through a transport that fails in
//! every way the Bot API can (a 5xx, the network, a 429, a refusal of one file), kills of
//! the process between the commit and the send or in the middle of a send, and restarts
//! on the same database file. Once the faults stop and the outbox drains, each person has
//! received every text the engine answered them, in order, each exactly once.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration as StdDuration;

use chrono::{Duration, Utc};
use hipcoach::core::{Incoming, Input, Lang};
use hipcoach::delivery::{self, SendError, Transport};
use hipcoach::engine::Engine;
use hipcoach::i18n::Piece;
use hipcoach::store::{Claim, Store};
use proptest::prelude::*;

use crate::support::backend::{Backend, TestDb};
use crate::support::press;

/// What the transport does with the next piece it is given.
#[derive(Clone, Debug)]
enum Outcome {
    Sent,
    BadGateway,
    Unreachable,
    TooManyRequests,
}

/// Records what arrived; fails as planned.
#[derive(Default)]
struct Flaky {
    plan: Mutex<VecDeque<Outcome>>,
    arrived: Mutex<Vec<(i64, String)>>,
}

impl Transport for Flaky {
    async fn send(&self, chat: i64, piece: &Piece) -> Result<(), SendError> {
        let outcome = self
            .plan
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or(Outcome::Sent);
        match outcome {
            Outcome::Sent => {
                if let Piece::Text(message) | Piece::Redraw { message, .. } = piece {
                    self.arrived
                        .lock()
                        .unwrap()
                        .push((chat, message.text.clone()));
                }
                Ok(())
            }
            Outcome::BadGateway => Err(SendError::Failed("502".into())),
            Outcome::Unreachable => Err(SendError::Unreachable("network".into())),
            Outcome::TooManyRequests => Err(SendError::RetryAfter(StdDuration::ZERO)),
        }
    }
}

#[derive(Clone, Debug)]
enum Op {
    /// A person writes or presses something; the engine saves and queues the answer.
    Say(i64, usize),
    /// The reply goes out the way the Telegram front end sends it, with these faults.
    Deliver(i64, Vec<Outcome>),
    /// The delivery loop runs a round, with these faults.
    Drain(Vec<Outcome>),
    /// The process dies after claiming someone's messages, before sending them.
    DieWhileSending(i64),
    /// The process dies (whatever was only in memory is gone) and starts again.
    Restart,
}

const INPUTS: &[&str] = &[
    "/start",
    "c:y",
    "Berlin",
    "z:y",
    "34",
    "desk work",
    "8",
    "hello",
    "/help",
    "/today",
    "/export",
    "/settings",
    "0",
    "??",
    "mon-fri 9-17",
];

fn input(text: &str) -> Input {
    match text {
        "c:y" | "z:y" => Input::Button(text.into()),
        _ => Input::Text(text.into()),
    }
}

fn outcomes() -> impl Strategy<Value = Vec<Outcome>> {
    prop::collection::vec(
        prop_oneof![
            3 => Just(Outcome::Sent),
            1 => Just(Outcome::BadGateway),
            1 => Just(Outcome::Unreachable),
            1 => Just(Outcome::TooManyRequests),
        ],
        0..4,
    )
}

fn op() -> impl Strategy<Value = Op> {
    let person = 1i64..=3;
    prop_oneof![
        6 => (person.clone(), 0..INPUTS.len()).prop_map(|(p, i)| Op::Say(p, i)),
        3 => (person.clone(), outcomes()).prop_map(|(p, o)| Op::Deliver(p, o)),
        2 => outcomes().prop_map(Op::Drain),
        1 => person.prop_map(Op::DieWhileSending),
        1 => Just(Op::Restart),
    ]
}

async fn open(url: &str) -> Engine {
    let engine = Engine::new(Store::open(url).await.unwrap());
    // As `hipcoach run` does at start: it holds the file alone.
    engine.store().release_claims().await.unwrap();
    engine
}

async fn run(ops: Vec<Op>, backend: Backend) -> Result<(), TestCaseError> {
    let Some(db) = TestDb::on(backend).await else {
        return Ok(());
    };
    let url = db.url.clone();
    let mut engine = open(&url).await;
    let transport = Arc::new(Flaky::default());
    let mut answered: HashMap<i64, Vec<String>> = HashMap::new();
    let mut update = 0;
    for op in ops {
        match op {
            Op::Say(user, i) => {
                update += 1;
                let incoming = Incoming {
                    user,
                    lang: Lang::En,
                    input: press::on_open_question(&engine, user, input(INPUTS[i])).await,
                };
                let outbox = engine
                    .handle_once(Some(update), None, &incoming, Utc::now())
                    .await
                    .unwrap();
                if outbox.is_queued() {
                    answered
                        .entry(user)
                        .or_default()
                        .extend(outbox.messages.iter().map(|m| m.text.clone()));
                }
            }
            Op::Deliver(user, faults) => {
                transport.plan.lock().unwrap().extend(faults);
                delivery::deliver_now(&engine, &*transport, user)
                    .await
                    .unwrap();
            }
            Op::Drain(faults) => {
                transport.plan.lock().unwrap().extend(faults);
                delivery::drain(&engine, &transport, Utc::now)
                    .await
                    .unwrap();
            }
            Op::DieWhileSending(user) => {
                engine
                    .store()
                    .claim_outbox(Claim::fresh(), Utc::now(), Some(user), 100)
                    .await
                    .unwrap();
                engine.store().close().await;
                engine = open(&url).await;
            }
            Op::Restart => {
                engine.store().close().await;
                engine = open(&url).await;
            }
        }
        transport.plan.lock().unwrap().clear();
    }
    // The faults stop; the loop runs until the outbox is empty (back-offs have passed).
    let later = || Utc::now() + Duration::days(1);
    delivery::drain(&engine, &transport, later).await.unwrap();
    for user in 1..=3 {
        prop_assert!(
            engine.store().outbox_of(user).await.unwrap().is_empty(),
            "the outbox of {} empties",
            user
        );
    }
    let arrived = transport.arrived.lock().unwrap().clone();
    for user in 1..=3 {
        let got: Vec<&String> = arrived
            .iter()
            .filter(|(chat, _)| *chat == user)
            .map(|(_, text)| text)
            .collect();
        let want: Vec<&String> = answered
            .get(&user)
            .map(|a| a.iter().collect())
            .unwrap_or_default();
        prop_assert_eq!(got, want, "person {}", user);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_saved_answer_gets_its_reply(ops in prop::collection::vec(op(), 1..18)) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(run(ops, Backend::Sqlite))?;
    }

    /// The same on PostgreSQL (skipped without a server, see `support::backend`).
    #[test]
    fn every_saved_answer_gets_its_reply_on_postgres(ops in prop::collection::vec(op(), 1..18)) {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(run(ops, Backend::Postgres))?;
    }
}
