//! Rerunnable benchmarks of handling inputs, on SQLite and on PostgreSQL:
//!
//! - `bench_inputs`: inputs handled per second by the engine (load, step, write, queue the
//!   replies, commit) with many people writing at once, and each input's handling latency;
//! - `bench_reply_latency`: from the moment an update is available to the bot (pushed to
//!   the project's fake Bot API server) to the moment the bot's answer reaches that server,
//!   through the real dispatcher, engine, store and transport (on PostgreSQL the reply goes
//!   through the delivery holder's notice).
//!
//! Each prints percentiles and the worst case; nothing asserts on wall-clock time (only
//! that every input got its answer). The PostgreSQL rows need `HIPCOACH_TEST_POSTGRES`
//! (run through `.ci/with-postgres`).
//!
//! ```text
//! cargo test --release --test shell bench_replies -- --ignored --nocapture --test-threads=1
//! ```
//!
//! `HIPCOACH_BENCH_QUICK=1` divides the sizes by 10.

use crate::support::answers;
use crate::support::backend::{Backend, TestDb};
use crate::support::fake_bot_api;
use crate::support::press;

use std::time::{Duration, Instant};

use chrono::Utc;
use fake_bot_api::FakeBotApi;
use hipcoach::core::{Incoming, Input, Lang};
use hipcoach::engine::Engine;
use hipcoach::store::Store;
use hipcoach::telegram;

const TOKEN: &str = "123456:BENCH-TOKEN";
const RUNS: usize = 2;

fn scaled(n: usize) -> usize {
    if std::env::var_os("HIPCOACH_BENCH_QUICK").is_some() {
        (n / 10).max(1)
    } else {
        n
    }
}

fn percentile(values: &mut [f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

struct Row {
    inputs: usize,
    p50: f64,
    p90: f64,
    p99: f64,
    max: f64,
}

/// `people` people, `waves` inputs each: every wave, all of them write at once and each
/// waits for their answer before the next wave (as people in a chat do). The inputs are a
/// stranger's first steps: /start, /help, "hello", then the consent button.
async fn latency(db: &TestDb, people: usize, waves: usize) -> Row {
    let api = FakeBotApi::start().await;
    let engine = Engine::new(Store::open(&db.url).await.unwrap());
    let bot = telegram::bot(TOKEN.into(), Some(reqwest::Url::parse(api.url()).unwrap())).unwrap();
    let running = tokio::spawn(hipcoach::app::serve_telegram(
        engine.clone(),
        telegram::TelegramTransport::new(bot),
    ));
    let mut samples = Vec::new();
    let users: Vec<i64> = (0..people as i64).map(|i| 700_000 + i).collect();
    for wave in 0..waves {
        let before: Vec<usize> = users.iter().map(|u| api.sent_to(*u).len()).collect();
        let mut pushed = Vec::new();
        for user in &users {
            let text = match wave % 3 {
                0 => "/start",
                1 => "/help",
                _ => "hello",
            };
            pushed.push(Instant::now());
            api.push_text(*user, text);
        }
        for (i, user) in users.iter().enumerate() {
            let deadline = Instant::now() + Duration::from_secs(120);
            loop {
                let sent = api.sent_to(*user);
                if sent.len() > before[i] {
                    let at = sent[before[i]].at.into_std();
                    samples.push(at.saturating_duration_since(pushed[i]).as_secs_f64() * 1e3);
                    break;
                }
                assert!(Instant::now() < deadline, "no answer to user {user}");
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
        }
        // Let every answer of this wave arrive and the per-chat spacing pass, so the next
        // wave measures the path, not the flood limits.
        tokio::time::sleep(Duration::from_millis(1_200)).await;
    }
    running.abort();
    let inputs = samples.len();
    Row {
        inputs,
        p50: percentile(&mut samples, 50.0),
        p90: percentile(&mut samples, 90.0),
        p99: percentile(&mut samples, 99.0),
        max: percentile(&mut samples, 100.0),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark"]
async fn bench_reply_latency() {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!();
    println!("=== reply latency: update available -> answer at the Bot API ===");
    println!(
        "machine: {cores} core(s), shared with whatever else runs: figures are indicative; \
         compare the runs for the spread."
    );
    for backend in [Backend::Sqlite, Backend::Postgres] {
        for (people, waves) in [(1, scaled(60)), (scaled(50), 6)] {
            for run in 1..=RUNS {
                let Some(db) = TestDb::on(backend).await else {
                    continue;
                };
                let row = latency(&db, people, waves).await;
                println!(
                    "{backend:<8?} run {run}: {people:>3} people x {waves:>2} waves = {:>4} answers   p50 {:>7.1} ms   p90 {:>7.1} ms   p99 {:>7.1} ms   max {:>7.1} ms",
                    row.inputs, row.p50, row.p90, row.p99, row.max
                );
            }
        }
    }
}

/// `people` new people each go through consent, the place, the intake and the self-tests
/// (25 inputs), `tasks` of them at a time, straight into the engine. Returns the inputs,
/// the wall time and each input's handling time in milliseconds.
async fn inputs(db: &TestDb, people: usize, tasks: usize) -> (usize, Duration, Vec<f64>) {
    let engine = Engine::new(Store::open(&db.url).await.unwrap());
    let people: Vec<i64> = (0..people as i64).map(|i| 900_000 + i).collect();
    let started = Instant::now();
    let mut running = tokio::task::JoinSet::new();
    for share in people.chunks(people.len().div_ceil(tasks)) {
        let share = share.to_vec();
        let engine = engine.clone();
        running.spawn(async move {
            let mut took = Vec::new();
            for user in share {
                let mut steps = vec![
                    Input::Text("/start".into()),
                    Input::Button("c:y".into()),
                    Input::Text("Berlin".into()),
                    Input::Button("z:y".into()),
                ];
                steps.extend(
                    answers::INTAKE_AND_TESTS
                        .iter()
                        .map(|a| Input::Text((*a).into())),
                );
                for input in steps {
                    let input = press::on_open_question(&engine, user, input).await;
                    let incoming = Incoming {
                        user,
                        lang: Lang::En,
                        input,
                    };
                    let t = Instant::now();
                    let queued = engine.handle(&incoming, Utc::now()).await.unwrap();
                    took.push(t.elapsed().as_secs_f64() * 1e3);
                    assert!(!queued.messages.is_empty(), "every input is answered");
                }
            }
            took
        });
    }
    let mut took = Vec::new();
    while let Some(done) = running.join_next().await {
        took.extend(done.unwrap());
    }
    engine.store().close().await;
    (took.len(), started.elapsed(), took)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark"]
async fn bench_inputs() {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!();
    println!("=== inputs handled by the engine: throughput and handling latency ===");
    println!(
        "machine: {cores} core(s), shared with whatever else runs (the PostgreSQL server too): \
         figures are indicative; compare the runs for the spread."
    );
    let (people, tasks) = (scaled(200), 16);
    for backend in [Backend::Sqlite, Backend::Postgres] {
        for run in 1..=RUNS {
            let Some(db) = TestDb::on(backend).await else {
                println!("{backend:?}: no server, skipped");
                continue;
            };
            let (n, wall, mut took) = inputs(&db, people, tasks).await;
            println!(
                "{backend:<8?} run {run}: {n:>5} inputs ({people} people x 25, {tasks} at once) in {:>6.2} s = {:>6.0} inputs/s   p50 {:>6.2} ms   p99 {:>6.2} ms   max {:>6.1} ms",
                wall.as_secs_f64(),
                n as f64 / wall.as_secs_f64(),
                percentile(&mut took, 50.0),
                percentile(&mut took, 99.0),
                percentile(&mut took, 100.0),
            );
        }
    }
}
