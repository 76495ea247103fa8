//! Rerunnable benchmarks of reminders: scheduling at scale, a burst of deliveries within
//! Telegram's limits, and how late reminders arrive. Each prints a small table; nothing
//! asserts on wall-clock time (only on correctness: nothing lost, nothing twice).
//!
//! ```text
//! cargo test --release --test shell bench_reminders -- --ignored --nocapture --test-threads=1
//! ```
//!
//! One benchmark: `cargo test --release --test shell bench_reminders::bench_2 -- --ignored ...`.
//! A quick smoke run at a tenth of the sizes: `HIPCOACH_BENCH_QUICK=1 cargo test ...`.
//! Memory is measured in child processes (this test binary run again with
//! `HIPCOACH_BENCH_CHILD` set), so that each figure starts from a clean process.

use crate::support::backend::{Backend, TestDb};
use crate::support::fake_bot_api;
use crate::support::profile as profile_support;

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::Arc;
use std::time::{Duration as StdDuration, Instant, UNIX_EPOCH};

use chrono::{DateTime, Duration, NaiveTime, Offset, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::TZ_VARIANTS;
use fake_bot_api::{FakeBotApi, Limits};
use hipcoach::core::person::schedule;
use hipcoach::core::rules::assessment::Track;
use hipcoach::core::rules::program::Program;
use hipcoach::core::values::measures::{Weekdays, WorkingHours};
use hipcoach::core::values::profile::Lunch;
use hipcoach::core::values::reminders::{Due, ReminderKind};
use hipcoach::core::{Dialog, Lang, Person, Zone};
use hipcoach::delivery::{self, Drained};
use hipcoach::engine::Engine;
use hipcoach::i18n::Piece;
use hipcoach::store::Store;
use hipcoach::telegram::{self, TelegramTransport};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Executor, SqlitePool};

const TOKEN: &str = "123456:BENCH-TOKEN";
const CHILD_ENV: &str = "HIPCOACH_BENCH_CHILD";
/// Every benchmark runs this many times, to show the run-to-run spread.
const RUNS: usize = 2;

/// `HIPCOACH_BENCH_QUICK` set: every size divided by 10 (a smoke run of the benchmarks).
fn scaled(n: usize) -> usize {
    if std::env::var_os("HIPCOACH_BENCH_QUICK").is_some() {
        (n / 10).max(1)
    } else {
        n
    }
}

fn caveat(title: &str) {
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!();
    println!("=== {title} ===");
    println!(
        "machine: {cores} core(s), shared with whatever else runs (builds, other tests): \
         figures are indicative; compare the runs below for the spread."
    );
}

// ---------------------------------------------------------------------------------------
// Small tools

/// splitmix64: a fixed seed gives the same people in every run and in the children.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

fn rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn median(values: &mut [f64]) -> f64 {
    percentile(values, 50.0)
}

/// Nearest-rank percentile.
fn percentile(values: &mut [f64], p: f64) -> f64 {
    if values.is_empty() {
        return f64::NAN;
    }
    values.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * values.len() as f64).ceil() as usize;
    values[rank.clamp(1, values.len()) - 1]
}

fn ms(d: StdDuration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn hm(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap()
}

fn sqlite_url(dir: &tempfile::TempDir, name: &str) -> String {
    format!("sqlite://{}", dir.path().join(name).display())
}

/// The instant the scheduling benchmark plans from (a Tuesday).
fn plan_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 10, 11, 47, 13).unwrap()
}

/// A person with a random zone, working days and hours, break interval, lunch and drill
/// time, on a program (so they get a daily session as well as movement breaks).
fn random_person(rng: &mut Rng, id: i64, now: DateTime<Utc>) -> Person {
    let since = now - Duration::days(30);
    let mut person = Person::new(id, Lang::En, since);
    person.zone = Some(Zone::Named(TZ_VARIANTS[rng.below(TZ_VARIANTS.len())]));
    person.dialog = Dialog::Idle;
    let days = match rng.below(10) {
        0..=6 => Weekdays::MON_FRI,
        7 => Weekdays::from_days([
            Weekday::Sun,
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
        ]),
        8 => Weekdays::from_days([
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
        ]),
        _ => Weekdays::from_bits((rng.below(127) + 1) as u8).unwrap(),
    };
    let start = 6 * 60 + 30 * rng.below(10) as u32;
    let end = start + 60 * (6 + rng.below(5) as u32);
    person.profile.working_hours = Some(WorkingHours {
        days,
        start: hm(start / 60, start % 60),
        end: hm(end / 60, end % 60),
    });
    person.profile.lunch = Some(if rng.below(2) == 0 {
        Lunch::Break {
            start: hm(12, 0),
            end: hm(13, 0),
        }
    } else {
        Lunch::None
    });
    let drill = 6 * 60 + 15 * rng.below(64) as u32;
    person.profile.drill_time = Some(hm(drill / 60, drill % 60));
    profile_support::answer_the_rest(&mut person.profile);
    person.settings.break_minutes = rng.pick(&[30, 45, 60, 60, 60, 90, 120]);
    person.program = Some(Program::start(
        rng.pick(&[Track::LimitedInternalRotation, Track::InternallyRotatedHip]),
        1 + rng.below(3) as u8,
        since,
    ));
    person
}

/// One tokio-cron-scheduler expression (UTC, with seconds) for a person's movement breaks:
/// their break hours turned to UTC at today's offset, on their working days.
fn cron_expression(person: &Person, now: DateTime<Utc>) -> String {
    let work = person.profile.working_hours.unwrap();
    let offset = match person.zone.unwrap() {
        Zone::Named(tz) => tz.offset_from_utc_datetime(&now.naive_utc()).fix(),
        Zone::Fixed(offset) => offset,
    };
    let offset_minutes = offset.local_minus_utc() / 60;
    let spread = schedule::spread(person.id).num_seconds() as i32;
    let start = (work.start.num_seconds_from_midnight() / 60) as i32;
    let end = (work.end.num_seconds_from_midnight() / 60) as i32;
    let minute_of_day = (start - offset_minutes + spread / 60).rem_euclid(1440);
    let mut hours: Vec<i32> = ((start / 60 + 1)..=(end / 60 - 1))
        .map(|h| (h * 60 - offset_minutes).rem_euclid(1440) / 60)
        .collect();
    hours.sort_unstable();
    hours.dedup();
    if hours.is_empty() {
        hours.push(minute_of_day / 60);
    }
    let hours: Vec<String> = hours.iter().map(i32::to_string).collect();
    let days: Vec<&str> = work
        .days
        .iter()
        .map(|d| match d {
            Weekday::Mon => "MON",
            Weekday::Tue => "TUE",
            Weekday::Wed => "WED",
            Weekday::Thu => "THU",
            Weekday::Fri => "FRI",
            Weekday::Sat => "SAT",
            Weekday::Sun => "SUN",
        })
        .collect();
    format!(
        "{} {} {} * * {}",
        spread % 60,
        minute_of_day % 60,
        hours.join(","),
        days.join(",")
    )
}

async fn insert_pool(url: &str) -> SqlitePool {
    let options = SqliteConnectOptions::from_str(url)
        .unwrap()
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .foreign_keys(true);
    SqlitePoolOptions::new()
        .max_connections(1)
        .connect_with(options)
        .await
        .unwrap()
}

/// `INSERT INTO table (columns) VALUES (?, ..), (?, ..) ...` for `rows` rows.
fn multi_insert(table: &str, columns: &[&str], rows: usize) -> String {
    let one = format!("({})", vec!["?"; columns.len()].join(", "));
    format!(
        "INSERT INTO {table} ({}) VALUES {}",
        columns.join(", "),
        vec![one; rows].join(", ")
    )
}

const PEOPLE_COLUMNS: [&str; 16] = [
    "user_id",
    "lang",
    "consented_at",
    "zone",
    "dialog",
    "created_at",
    "updated_at",
    "work_days",
    "work_start",
    "work_end",
    "lunch",
    "drill_time",
    "program_track",
    "program_phase",
    "program_level",
    "program_started_at",
];
const PEOPLE_PER_STATEMENT: usize = 400;
const REMINDERS_PER_STATEMENT: usize = 2_000;

/// Writes people and their reminder rows in one transaction, many rows a statement.
async fn insert_chunk(pool: &SqlitePool, people: &[Person], due: &[(i64, Due)]) {
    let mut tx = pool.begin().await.unwrap();
    let hhmm = |t: NaiveTime| t.format("%H:%M").to_string();
    for batch in people.chunks(PEOPLE_PER_STATEMENT) {
        let sql = multi_insert("people", &PEOPLE_COLUMNS, batch.len());
        let mut query = sqlx::query(&sql);
        for p in batch {
            let work = p.profile.working_hours.unwrap();
            let program = p.program.as_ref().unwrap();
            let lunch = match p.profile.lunch {
                Some(Lunch::Break { start, end }) => format!("{}-{}", hhmm(start), hhmm(end)),
                _ => "none".to_owned(),
            };
            let zone = match p.zone.unwrap() {
                Zone::Named(tz) => tz.name().to_owned(),
                Zone::Fixed(offset) => offset.to_string(),
            };
            query = query
                .bind(p.id)
                .bind("en")
                .bind(p.consented_at)
                .bind(zone)
                .bind(r#"{"step":"idle"}"#)
                .bind(p.consented_at)
                .bind(p.consented_at)
                .bind(i64::from(work.days.bits()))
                .bind(hhmm(work.start))
                .bind(hhmm(work.end))
                .bind(lunch)
                .bind(p.profile.drill_time.map(hhmm))
                .bind(<&str>::from(program.track))
                .bind(i64::from(program.position.phase.number()))
                .bind(i64::from(program.position.level))
                .bind(program.started_at);
        }
        tx.execute(query).await.unwrap();
    }
    for batch in due.chunks(REMINDERS_PER_STATEMENT) {
        let sql = multi_insert("reminders", &["user_id", "kind", "due_at"], batch.len());
        let mut query = sqlx::query(&sql);
        for (user, d) in batch {
            query = query
                .bind(*user)
                .bind(<&str>::from(d.kind))
                .bind(d.at.timestamp());
        }
        tx.execute(query).await.unwrap();
    }
    tx.commit().await.unwrap();
}

/// The two queries of one wake of the delivery loop, as `delivery::run` makes them.
/// Returns the time of both, the time of `MIN(due_at)` alone, and the rows due.
async fn wake(store: &Store, at: DateTime<Utc>) -> (StdDuration, StdDuration, usize) {
    let start = Instant::now();
    let next = store.next_due().await.unwrap();
    let min = start.elapsed();
    let due = store.due_reminders(at, 500).await.unwrap();
    let took = start.elapsed();
    assert!(next.is_some());
    (took, min, due.len())
}

// ---------------------------------------------------------------------------------------
// 1. Scheduling at scale

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];
const CHUNK: usize = 10_000;
const WAKES: usize = 21;

struct ScaleRow {
    people: usize,
    rows: usize,
    build: StdDuration,
    insert: StdDuration,
    wake_median: StdDuration,
    min_median: StdDuration,
    wake_max: StdDuration,
    due_rows: usize,
    db_mb: f64,
}

/// Builds `n` people's schedules into a fresh file; returns the figures, the file (kept
/// alive by the directory) and the wake instant at which ~1% of the rows are due.
async fn scale(n: usize) -> (ScaleRow, tempfile::TempDir, DateTime<Utc>) {
    let dir = tempfile::tempdir().unwrap();
    let url = sqlite_url(&dir, "scale.db");
    let store = Store::open(&url).await.unwrap();
    let pool = insert_pool(&url).await;
    let now = plan_now();
    let mut rng = Rng(0x5EED);
    let mut build = StdDuration::ZERO;
    let mut insert = StdDuration::ZERO;
    let mut all_due: Vec<i64> = Vec::with_capacity(n * 2);
    let mut next_id = 1_000_000_i64;
    let mut left = n;
    while left > 0 {
        let size = left.min(CHUNK);
        left -= size;
        let people: Vec<Person> = (0..size)
            .map(|_| {
                next_id += 1;
                random_person(&mut rng, next_id, now)
            })
            .collect();
        let started = Instant::now();
        let due: Vec<(i64, Due)> = people
            .iter()
            .flat_map(|p| schedule::next_all(p, now).into_iter().map(|d| (p.id, d)))
            .collect();
        build += started.elapsed();
        all_due.extend(due.iter().map(|(_, d)| d.at.timestamp()));
        let started = Instant::now();
        insert_chunk(&pool, &people, &due).await;
        insert += started.elapsed();
    }
    pool.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        .await
        .unwrap();
    pool.close().await;
    all_due.sort_unstable();
    let one_percent = all_due[all_due.len() / 100];
    let at = DateTime::from_timestamp(one_percent, 0).unwrap();
    // Warm up, then time.
    for _ in 0..3 {
        wake(&store, at).await;
    }
    let mut times = Vec::with_capacity(WAKES);
    let mut mins = Vec::with_capacity(WAKES);
    let mut due_rows = 0;
    for _ in 0..WAKES {
        let (took, min, rows) = wake(&store, at).await;
        times.push(ms(took));
        mins.push(ms(min));
        due_rows = rows;
    }
    store.close().await;
    let db_bytes = std::fs::metadata(dir.path().join("scale.db")).map_or(0, |m| m.len());
    let max = times.iter().copied().fold(0.0, f64::max);
    let row = ScaleRow {
        people: n,
        rows: all_due.len(),
        build,
        insert,
        wake_median: StdDuration::from_secs_f64(median(&mut times) / 1e3),
        min_median: StdDuration::from_secs_f64(median(&mut mins) / 1e3),
        wake_max: StdDuration::from_secs_f64(max / 1e3),
        due_rows,
        db_mb: db_bytes as f64 / 1e6,
    };
    (row, dir, at)
}

/// What a child process measured.
struct ChildReport {
    rss_before_kb: u64,
    rss_after_kb: u64,
    setup: StdDuration,
}

fn run_child(mode: &str) -> ChildReport {
    let exe = std::env::current_exe().unwrap();
    // The test's name in this binary: its module path without the crate's name.
    let module = module_path!().split_once("::").map_or("", |(_, m)| m);
    let output = std::process::Command::new(exe)
        .arg(format!("{module}::child_process"))
        .args(["--exact", "--ignored", "--nocapture", "--test-threads=1"])
        .env(CHILD_ENV, mode)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("CHILD ").map(|(_, rest)| rest))
        .unwrap_or_else(|| {
            panic!(
                "child {mode:?} reported nothing:\n{stdout}\n{}",
                String::from_utf8_lossy(&output.stderr)
            )
        });
    let numbers: Vec<u64> = line
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    ChildReport {
        rss_before_kb: numbers[0],
        rss_after_kb: numbers[1],
        setup: StdDuration::from_micros(numbers[2]),
    }
}

/// The child's side: `ours <url> <unix wake>` opens the store and wakes as the delivery
/// loop does; `cron <n>` adds one tokio-cron-scheduler job per person. Prints
/// `CHILD <rss before kB> <rss after kB> <setup µs>`. Does nothing in a normal test run.
#[test]
#[ignore = "entry point of the benchmarks' child processes"]
fn child_process() {
    let Ok(mode) = std::env::var(CHILD_ENV) else {
        return;
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let words: Vec<&str> = mode.split_whitespace().collect();
    let (before, after, setup) = runtime.block_on(async {
        match words.as_slice() {
            ["ours", url, at] => {
                let at = DateTime::from_timestamp(at.parse().unwrap(), 0).unwrap();
                let before = rss_kb();
                let started = Instant::now();
                let engine = Engine::new(Store::open(url).await.unwrap());
                for _ in 0..50 {
                    wake(engine.store(), at).await;
                }
                let setup = started.elapsed();
                (before, rss_kb(), setup)
            }
            ["cron", n] => {
                use tokio_cron_scheduler::{Job, JobScheduler};
                let n: usize = n.parse().unwrap();
                let now = plan_now();
                let mut rng = Rng(0x5EED);
                let expressions: Vec<String> = (0..n)
                    .map(|i| {
                        cron_expression(&random_person(&mut rng, 1_000_001 + i as i64, now), now)
                    })
                    .collect();
                let before = rss_kb();
                let started = Instant::now();
                let scheduler = JobScheduler::new().await.unwrap();
                for expression in expressions {
                    let job =
                        Job::new_async(expression.as_str(), |_id, _scheduler| Box::pin(async {}))
                            .unwrap_or_else(|e| panic!("{expression}: {e:?}"));
                    scheduler.add(job).await.unwrap();
                }
                let setup = started.elapsed();
                // Running: a few of its 500 ms ticks over every job.
                scheduler.start().await.unwrap();
                tokio::time::sleep(StdDuration::from_secs(2)).await;
                (before, rss_kb(), setup)
            }
            _ => panic!("unknown child mode {mode:?}"),
        }
    });
    println!("CHILD {before} {after} {}", setup.as_micros());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark"]
async fn bench_1_scheduling_at_scale() {
    caveat("1. Scheduling at scale: schedules as rows, one wake of the delivery loop");
    println!(
        "people: random zone of {} IANA zones, working days and hours, lunch, break interval, \
         drill time; schedule::next_all at {}; rows inserted in one transaction per {CHUNK} \
         people. wake = SELECT MIN(due_at) + due_reminders(t, 500) at t where ~1% of rows \
         are due; median and max of {WAKES}.",
        TZ_VARIANTS.len(),
        plan_now()
    );
    for run in 1..=RUNS {
        println!("\nrun {run}");
        println!(
            "{:>9} | {:>9} | {:>8} | {:>9} | {:>8} | {:>11} | {:>11} | {:>10} | {:>8} | {:>6}",
            "people",
            "rows",
            "build s",
            "µs/person",
            "insert s",
            "wake ms p50",
            "wake ms max",
            "MIN ms p50",
            "due rows",
            "db MB"
        );
        let mut memory = Vec::new();
        for n in SIZES.map(scaled) {
            let (row, dir, at) = scale(n).await;
            println!(
                "{:>9} | {:>9} | {:>8.2} | {:>9.2} | {:>8.2} | {:>11.3} | {:>11.3} | {:>10.3} | {:>8} | {:>6.1}",
                row.people,
                row.rows,
                row.build.as_secs_f64(),
                row.build.as_secs_f64() * 1e6 / row.people as f64,
                row.insert.as_secs_f64(),
                ms(row.wake_median),
                ms(row.wake_max),
                ms(row.min_median),
                row.due_rows,
                row.db_mb
            );
            let url = sqlite_url(&dir, "scale.db");
            let ours = run_child(&format!("ours {url} {}", at.timestamp()));
            let cron = (n <= scaled(100_000)).then(|| run_child(&format!("cron {n}")));
            memory.push((n, ours, cron));
        }
        println!(
            "\nresident memory (VmRSS) added in a fresh child process. ours: Store::open + \
             Engine::new + 50 wakes (SQLite page cache, sqlx; nothing per person). cron: \
             JobScheduler::new + one Job::new_async per person (UTC cron of their break \
             hours), then started for 2 s.\n\
             {:>9} | {:>17} | {:>10} | {:>22} | {:>9} | {:>13} | {:>10}",
            "people",
            "ours: store+wakes",
            "ours setup",
            "cron: 1 job per person",
            "bytes/job",
            "cron add jobs",
            "cron/ours"
        );
        for (n, ours, cron) in memory {
            let ours_kb = ours.rss_after_kb.saturating_sub(ours.rss_before_kb);
            let (cron_text, per_job, cron_setup, ratio) = match cron {
                Some(c) => {
                    let kb = c.rss_after_kb.saturating_sub(c.rss_before_kb);
                    (
                        format!("{:.1} MB", kb as f64 / 1024.0),
                        format!("{:.0}", kb as f64 * 1024.0 / n as f64),
                        format!("{:.1} s", c.setup.as_secs_f64()),
                        format!("{:.1}x", kb as f64 / ours_kb.max(1) as f64),
                    )
                }
                None => ("(not run)".into(), "-".into(), "-".into(), "-".into()),
            };
            println!(
                "{:>9} | {:>17} | {:>10} | {:>22} | {:>9} | {:>13} | {:>10}",
                n,
                format!("{:.1} MB", ours_kb as f64 / 1024.0),
                format!("{:.2} s", ours.setup.as_secs_f64()),
                cron_text,
                per_job,
                cron_setup,
                ratio
            );
        }
    }
}

// ---------------------------------------------------------------------------------------
// Delivery fixtures

/// A fresh database and an engine within Telegram's limits, talking to a fake Bot API
/// that enforces 30/s overall and 1/s per chat.
struct Rig {
    _dir: tempfile::TempDir,
    engine: Engine,
    fake: FakeBotApi,
    transport: Arc<TelegramTransport>,
}

impl Rig {
    async fn new() -> Rig {
        let dir = tempfile::tempdir().unwrap();
        let engine = Engine::new(Store::open(&sqlite_url(&dir, "delivery.db")).await.unwrap());
        let fake = FakeBotApi::start_with(Limits::TELEGRAM).await;
        let bot = telegram::bot(TOKEN.to_owned(), Some(fake.url().parse().unwrap())).unwrap();
        Rig {
            _dir: dir,
            engine,
            fake,
            transport: Arc::new(TelegramTransport::new(bot)),
        }
    }

    /// Saves people in UTC with no schedule of their own (firing plans nothing new), each
    /// with a movement break due at `due` when given.
    async fn add_people(&self, ids: &[i64], due: Option<DateTime<Utc>>) {
        save_people(&self.engine, ids, due).await;
    }
}

/// Saves people in UTC with no schedule of their own (firing plans nothing new), each with
/// a movement break due at `due` when given.
async fn save_people(engine: &Engine, ids: &[i64], due: Option<DateTime<Utc>>) {
    let consented = Utc::now() - Duration::days(7);
    for batch in ids.chunks(500) {
        let mut tx = engine.store().begin().await.unwrap();
        for id in batch {
            let mut person = Person::new(*id, Lang::En, consented);
            person.zone = Some(Zone::UTC);
            person.dialog = Dialog::Idle;
            tx.save_person(&person, consented).await.unwrap();
            if let Some(at) = due {
                let due = Due {
                    kind: ReminderKind::MovementBreak,
                    at,
                };
                tx.replace_reminders(*id, &[due]).await.unwrap();
            }
        }
        tx.commit().await.unwrap();
    }
}

// ---------------------------------------------------------------------------------------
// 2. Delivery of a burst

const BURST: usize = 3_000;

struct BurstRow {
    doubled: usize,
    expected: usize,
    fire: StdDuration,
    total: StdDuration,
    server_rate: f64,
    too_many: usize,
    lost: usize,
    duplicates: usize,
    drained: Drained,
}

/// 3,000 movement breaks due at once, fired and drained to the fake; `doubled` chats get
/// a second message queued with their first (two messages to one chat at once).
async fn burst(doubled: usize) -> BurstRow {
    let rig = Rig::new().await;
    let ids: Vec<i64> = (0..scaled(BURST) as i64).map(|i| 5_000_000 + i).collect();
    let due = Utc::now().with_nanosecond(0).unwrap() - Duration::seconds(1);
    rig.add_people(&ids, Some(due)).await;

    let started = Instant::now();
    let mut expected: HashMap<i64, usize> = HashMap::new();
    // The doubled chats first, each followed at once by a second message to the same
    // chat, so the two are next to each other in the outbox.
    for id in &ids[..doubled] {
        let now = Utc::now();
        let fired = rig
            .engine
            .fire(*id, ReminderKind::MovementBreak, due, now)
            .await
            .unwrap()
            .expect("due");
        let mut tx = rig.engine.store().begin().await.unwrap();
        tx.queue(
            *id,
            Some((ReminderKind::DailySession, due)),
            &Piece::Text(fired.queued.messages[0].clone()),
            now,
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
        *expected.entry(*id).or_default() += fired.queued.rows.len() + 1;
    }
    let fired = delivery::fire_due(&rig.engine, Utc::now()).await.unwrap();
    for f in &fired {
        *expected.entry(f.queued.user).or_default() += f.queued.rows.len();
    }
    let fire = started.elapsed();

    let mut drained = Drained::default();
    let deadline = Instant::now() + StdDuration::from_secs(600);
    loop {
        let d = delivery::drain(&rig.engine, &rig.transport, Utc::now)
            .await
            .unwrap();
        drained.sent += d.sent;
        drained.retried += d.retried;
        drained.blocked += d.blocked;
        let Some(next) = rig.engine.store().next_outbox().await.unwrap() else {
            break;
        };
        assert!(Instant::now() < deadline, "{}", rig.fake.summary());
        let wait = (next - Utc::now())
            .to_std()
            .unwrap_or_default()
            .max(StdDuration::from_millis(20));
        tokio::time::sleep(wait).await;
    }
    let total = started.elapsed();

    let sent = rig.fake.sent();
    let mut got: HashMap<i64, usize> = HashMap::new();
    for m in &sent {
        *got.entry(m.chat_id).or_default() += 1;
    }
    let mut lost = 0;
    let mut duplicates = 0;
    for id in &ids {
        let want = expected.get(id).copied().unwrap_or(0);
        let have = got.get(id).copied().unwrap_or(0);
        lost += want.saturating_sub(have);
        duplicates += have.saturating_sub(want);
    }
    duplicates += got.keys().filter(|c| !expected.contains_key(c)).count();
    let span = match (sent.first(), sent.last()) {
        (Some(first), Some(last)) => (last.at - first.at).as_secs_f64(),
        _ => 0.0,
    };
    BurstRow {
        doubled,
        expected: expected.values().sum(),
        fire,
        total,
        server_rate: if span > 0.0 {
            (sent.len() - 1) as f64 / span
        } else {
            0.0
        },
        too_many: rig.fake.too_many_requests(),
        lost,
        duplicates,
        drained,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark"]
async fn bench_2_delivery_of_a_burst() {
    caveat(
        "2. Delivery: 3,000 reminders due at once, fake Bot API enforcing 30/s and 1/s per chat",
    );
    println!(
        "fire_due + drain (TelegramTransport, the engine's Telegram limiter) until the outbox \
         is empty. rate = messages accepted by the server / time from its first to its last \
         (goal >= 95% of 30/s = 28.5/s). The second line of each run has 10 chats with two \
         messages queued back to back (first in the outbox)."
    );
    println!(
        "{:>3} | {:>7} | {:>8} | {:>7} | {:>7} | {:>8} | {:>7} | {:>5} | {:>4} | {:>4} | {:>7}",
        "run",
        "2-chats",
        "messages",
        "fire s",
        "total s",
        "rate/s",
        "of 30/s",
        "429s",
        "lost",
        "dup",
        "retried"
    );
    let mut all = Vec::new();
    for run in 1..=RUNS {
        for doubled in [0, 10] {
            let r = burst(doubled).await;
            println!(
                "{:>3} | {:>7} | {:>8} | {:>7.2} | {:>7.1} | {:>8.2} | {:>6.1}% | {:>5} | {:>4} | {:>4} | {:>7}",
                run,
                r.doubled,
                r.expected,
                r.fire.as_secs_f64(),
                r.total.as_secs_f64(),
                r.server_rate,
                r.server_rate / 30.0 * 100.0,
                r.too_many,
                r.lost,
                r.duplicates,
                r.drained.retried
            );
            all.push(r);
        }
    }
    for r in &all {
        assert_eq!(r.lost, 0, "messages lost");
        assert_eq!(r.duplicates, 0, "messages sent twice");
    }
}

// ---------------------------------------------------------------------------------------
// 3. Lateness

const LATE_SAMPLES: usize = 200;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark"]
async fn bench_3_lateness() {
    caveat("3. Lateness: due -> received at the fake Bot API, delivery::run on the real clock");
    println!(
        "{LATE_SAMPLES} reminders for distinct people, one every 150-350 ms, each due at a whole \
         second 0.1-2 s ahead (due_at is in whole seconds): the row is written, then \
         engine.wake() is notified, as a schedule change does. \
         Reminders due in the same second leave 34 ms apart (the limiter's global spacing), \
         which is most of p90/p99."
    );
    println!(
        "{:>3} | {:>7} | {:>7} | {:>7} | {:>7} | {:>7} | {:>5}",
        "run", "min ms", "p50 ms", "p90 ms", "p99 ms", "max ms", "lost"
    );
    for run in 1..=RUNS {
        let rig = Rig::new().await;
        let samples = scaled(LATE_SAMPLES);
        let ids: Vec<i64> = (0..samples as i64).map(|i| 7_000_000 + i).collect();
        rig.add_people(&ids, None).await;
        let loop_task = tokio::spawn(delivery::run(rig.engine.clone(), rig.transport.clone()));
        tokio::time::sleep(StdDuration::from_millis(200)).await;
        let mut rng = Rng(run as u64);
        let mut due_of: HashMap<i64, i64> = HashMap::new();
        for id in &ids {
            let now = Utc::now();
            let earliest = (now + Duration::milliseconds(100)).timestamp() + 1;
            let latest = (now + Duration::milliseconds(2_000)).timestamp();
            let choices: Vec<i64> = (earliest..=latest.max(earliest)).collect();
            let second = rng.pick(&choices);
            let at = DateTime::from_timestamp(second, 0).unwrap();
            let mut tx = rig.engine.store().begin().await.unwrap();
            let due = Due {
                kind: ReminderKind::MovementBreak,
                at,
            };
            tx.replace_reminders(*id, &[due]).await.unwrap();
            tx.commit().await.unwrap();
            rig.engine.wake().notify_one();
            due_of.insert(*id, second);
            tokio::time::sleep(StdDuration::from_millis(150 + rng.below(201) as u64)).await;
        }
        let _ = rig
            .fake
            .wait_for_sent(samples, StdDuration::from_secs(10))
            .await;
        loop_task.abort();
        let sent = rig.fake.sent();
        let mut late: Vec<f64> = sent
            .iter()
            .filter_map(|m| {
                let due = *due_of.get(&m.chat_id)?;
                let received = m.received.duration_since(UNIX_EPOCH).ok()?.as_secs_f64();
                Some((received - due as f64) * 1e3)
            })
            .collect();
        let lost = samples.saturating_sub(late.len());
        let min = late.iter().copied().fold(f64::INFINITY, f64::min);
        println!(
            "{:>3} | {:>7.1} | {:>7.1} | {:>7.1} | {:>7.1} | {:>7.1} | {:>5}",
            run,
            min,
            percentile(&mut late, 50.0),
            percentile(&mut late, 90.0),
            percentile(&mut late, 99.0),
            percentile(&mut late, 100.0),
            lost
        );
        assert_eq!(lost, 0, "{}", rig.fake.summary());
        assert_eq!(sent.len(), samples, "nothing twice");
    }
}

// ---------------------------------------------------------------------------------------
// 4. Delivery rates: free (30/s) and paid broadcast (1,000/s)

const FREE_PEOPLE: usize = 3_000;
const PAID_PEOPLE: usize = 30_000;
/// The fake Bot API answers every request this late: sends must overlap to reach 1,000/s.
const FAKE_LATENCY: StdDuration = StdDuration::from_millis(20);

/// What one delivery run measured.
struct RateRow {
    messages: usize,
    /// The overall rate allowed: 30/s free, the paid rate with the paid broadcast.
    allowed: f64,
    /// Messages accepted by the server / time from its first to its last.
    rate: f64,
    too_many: usize,
    lost: usize,
    doubled: usize,
    /// From the loop's start (every reminder was due by then) to the first and the last
    /// message at the server, and the median and 99th percentile in between.
    first: StdDuration,
    last: StdDuration,
    late_p50: f64,
    late_p99: f64,
}

/// `people` movement breaks, one each for as many people, due when the delivery loop
/// starts; `delivery::run` (the loop `hipcoach run` runs) on the store at `url`, through
/// `TelegramTransport` to a fake Bot API that enforces Telegram's limits (30/s free,
/// 1,000/s paid, 1/s per chat) and answers after [`FAKE_LATENCY`]. `paid`: with the paid
/// broadcast at that rate. Waits until every message arrived (or a generous time out).
///
/// `instances` > 1: that many instances on the (PostgreSQL) store, each with its own
/// transport and limiter, each running `delivery::lead` as `hipcoach run` does: one of
/// them holds the delivery lock and sends.
async fn delivery_rate(url: &str, people: usize, paid: Option<u32>, instances: usize) -> RateRow {
    let engine = Engine::new(Store::open(url).await.unwrap());
    let ids: Vec<i64> = (0..people as i64).map(|i| 9_000_000 + i).collect();
    let due = Utc::now().with_nanosecond(0).unwrap() - Duration::seconds(1);
    save_people(&engine, &ids, Some(due)).await;

    let fake = FakeBotApi::start_with(Limits::TELEGRAM).await;
    fake.set_latency(FAKE_LATENCY);
    let bot = telegram::bot(TOKEN.to_owned(), Some(fake.url().parse().unwrap())).unwrap();
    let (transport, allowed) = match paid {
        Some(rate) => (TelegramTransport::paid_broadcast(bot, rate), rate),
        None => (TelegramTransport::new(bot), 30),
    };
    let started = std::time::SystemTime::now();
    let mut others = Vec::new();
    let delivery = if instances > 1 {
        for _ in 1..instances {
            let other = Engine::new(Store::open(url).await.unwrap());
            let bot = telegram::bot(TOKEN.to_owned(), Some(fake.url().parse().unwrap())).unwrap();
            let transport = match paid {
                Some(rate) => TelegramTransport::paid_broadcast(bot, rate),
                None => TelegramTransport::new(bot),
            };
            others.push(tokio::spawn(delivery::lead(other, Arc::new(transport))));
        }
        tokio::spawn(delivery::lead(engine.clone(), Arc::new(transport)))
    } else {
        tokio::spawn(delivery::run(engine.clone(), Arc::new(transport)))
    };
    // Three times the time the rate allows, and a minute to start.
    let patience = StdDuration::from_secs_f64(people as f64 / f64::from(allowed) * 3.0 + 60.0);
    let arrived = fake.wait_for_sent(people, patience).await;
    // A little longer: anything sent twice would come now.
    tokio::time::sleep(StdDuration::from_millis(500)).await;
    delivery.abort();
    let _ = delivery.await;
    for other in others {
        other.abort();
        let _ = other.await;
    }
    engine.store().close().await;
    if let Err(summary) = arrived {
        println!("    (timed out) {summary}");
    }

    let sent = fake.sent();
    let mut got: HashMap<i64, usize> = HashMap::new();
    for m in &sent {
        *got.entry(m.chat_id).or_default() += 1;
    }
    let lost = ids.iter().filter(|id| !got.contains_key(id)).count();
    let doubled = got.values().map(|n| n.saturating_sub(1)).sum::<usize>()
        + got
            .keys()
            .filter(|c| !(9_000_000..9_000_000 + people as i64).contains(*c))
            .count();
    let span = match (sent.first(), sent.last()) {
        (Some(first), Some(last)) => (last.at - first.at).as_secs_f64(),
        _ => 0.0,
    };
    let rate = if span > 0.0 {
        (sent.len() - 1) as f64 / span
    } else {
        0.0
    };
    let mut late: Vec<f64> = sent
        .iter()
        .filter_map(|m| m.received.duration_since(started).ok())
        .map(|d| d.as_secs_f64())
        .collect();
    let since = |m: Option<&fake_bot_api::SentMessage>| {
        m.and_then(|m| m.received.duration_since(started).ok())
            .unwrap_or_default()
    };
    RateRow {
        messages: sent.len(),
        allowed: f64::from(allowed),
        rate,
        too_many: fake.too_many_requests(),
        lost,
        doubled,
        first: since(sent.first()),
        last: since(sent.last()),
        late_p50: percentile(&mut late, 50.0),
        late_p99: percentile(&mut late, 99.0),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "benchmark"]
async fn bench_4_delivery_rates() {
    caveat("4. Delivery rates: 3,000 reminders at 30/s (free), 30,000 at 1,000/s (paid broadcast)");
    println!(
        "one movement break per person, all due when delivery starts (SQLite in a \
         temporary file; PostgreSQL with one instance, or three each running delivery::lead, \
         one of which holds the lock and sends); TelegramTransport (with --paid-broadcast at 1000 for the paid \
         runs) to a fake Bot API enforcing 30/s free, 1,000/s paid, 1/s per chat, answering \
         after {} ms. rate = messages at the server / time from its first to its last \
         (goal >= 95% of the allowed rate). late = from the loop's start to arrival.",
        FAKE_LATENCY.as_millis()
    );
    let mut columns: Vec<(String, RateRow)> = Vec::new();
    // HIPCOACH_BENCH_ONLY=free|paid runs one half (each half takes minutes).
    let only = std::env::var("HIPCOACH_BENCH_ONLY").unwrap_or_default();
    for (name, people, paid) in [
        ("free", scaled(FREE_PEOPLE), None),
        ("paid", scaled(PAID_PEOPLE), Some(1_000)),
    ] {
        if !only.is_empty() && only != name {
            continue;
        }
        for (backend, instances, short) in [
            (Backend::Sqlite, 1, "sqlite"),
            (Backend::Postgres, 1, "pg"),
            (Backend::Postgres, 3, "pg x3"),
        ] {
            for run in 1..=RUNS {
                let Some(db) = TestDb::on(backend).await else {
                    continue;
                };
                let row = delivery_rate(&db.url, people, paid, instances).await;
                columns.push((format!("{name} {short} {run}"), row));
            }
        }
    }
    let line = |label: &str, cell: &dyn Fn(&RateRow) -> String| {
        let cells: Vec<String> = columns
            .iter()
            .map(|(_, r)| format!("{:>13}", cell(r)))
            .collect();
        println!("{label:>14} | {}", cells.join(" | "));
    };
    let names: Vec<String> = columns.iter().map(|(n, _)| format!("{n:>13}")).collect();
    println!("{:>14} | {}", "", names.join(" | "));
    line("messages", &|r| r.messages.to_string());
    line("allowed /s", &|r| format!("{:.0}", r.allowed));
    line("rate /s", &|r| format!("{:.1}", r.rate));
    line("of allowed", &|r| {
        format!("{:.1}%", r.rate / r.allowed * 100.0)
    });
    line("429s", &|r| r.too_many.to_string());
    line("lost", &|r| r.lost.to_string());
    line("doubled", &|r| r.doubled.to_string());
    line("first s", &|r| format!("{:.2}", r.first.as_secs_f64()));
    line("late p50 s", &|r| format!("{:.2}", r.late_p50));
    line("late p99 s", &|r| format!("{:.2}", r.late_p99));
    line("last s", &|r| format!("{:.2}", r.last.as_secs_f64()));
    for (name, r) in &columns {
        assert_eq!(r.too_many, 0, "{name}: 429s");
        assert_eq!(r.lost, 0, "{name}: messages lost");
        assert_eq!(r.doubled, 0, "{name}: messages sent twice");
    }
}
