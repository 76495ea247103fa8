//! The schedule maths as tables, through the public API: `at_local` over the zones and
//! transitions of platform.md ("Time and DST"), `next_break` / `next_daily` /
//! `next_morning` on constructed people, `spread`, `parse_pause` and `fire`.
//!
//! Every expected instant is written out by hand (and was cross-checked against the IANA
//! data with Python's `zoneinfo`), never computed by the code under test. Offsets used:
//! London GMT +00:00 / BST +01:00 (2026: BST from Sun 29 March 01:00 UTC); New York
//! EST -05:00 / EDT -04:00; Lord Howe +10:30 / +11:00; Kathmandu +05:45; São Paulo 2018
//! -03:00 / -02:00; Riyadh +03:00.
//!
//! The spread of person 0 is 0 s, so the rows built on person 0 show the bare slots;
//! rows for other people give their spread by hand: 1 → 289 s, 42 → 68 s, 1000 → 236 s,
//! 123456789 → 76 s.

use crate::support::profile as profile_support;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use hipcoach::core::dialog::nudge::{fire, parse_pause};
use hipcoach::core::person::schedule::{
    SPREAD_SECONDS, at_local, grace, next_all, next_break, next_daily, next_morning, next_review,
    spread,
};
use hipcoach::core::rules::assessment::Track;
use hipcoach::core::rules::program::{Program, SessionRecord};
use hipcoach::core::values::measures::{Weekdays, WorkingHours};
use hipcoach::core::values::profile::Lunch;
use hipcoach::core::values::reminders::ReminderKind;
use hipcoach::core::{Dialog, Event, Lang, Persist, Person, Zone};

// ---------------------------------------------------------------------------------------
// Helpers

fn utc(text: &str) -> DateTime<Utc> {
    text.parse()
        .unwrap_or_else(|e| panic!("bad instant {text:?}: {e}"))
}

fn date(text: &str) -> NaiveDate {
    text.parse()
        .unwrap_or_else(|e| panic!("bad date {text:?}: {e}"))
}

fn time(text: &str) -> NaiveTime {
    NaiveTime::parse_from_str(text, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(text, "%H:%M"))
        .unwrap_or_else(|e| panic!("bad time {text:?}: {e}"))
}

fn zone(name: &str) -> Zone {
    Zone::from_name(name).unwrap_or_else(|| panic!("unknown zone {name:?}"))
}

fn hours(days: Weekdays, start: &str, end: &str) -> WorkingHours {
    WorkingHours {
        days,
        start: time(start),
        end: time(end),
    }
}

fn every_day() -> Weekdays {
    use Weekday::*;
    Weekdays::from_days([Mon, Tue, Wed, Thu, Fri, Sat, Sun])
}

fn sun_thu() -> Weekdays {
    use Weekday::*;
    Weekdays::from_days([Sun, Mon, Tue, Wed, Thu])
}

fn mon_wed_fri() -> Weekdays {
    use Weekday::*;
    Weekdays::from_days([Mon, Wed, Fri])
}

fn tue_thu_sun() -> Weekdays {
    use Weekday::*;
    Weekdays::from_days([Tue, Thu, Sun])
}

fn lunch(start: &str, end: &str) -> Option<Lunch> {
    Some(Lunch::Break {
        start: time(start),
        end: time(end),
    })
}

/// The base person of every table: id 0 (no spread), Europe/London, Mon–Fri 09:00–17:00,
/// lunch 12:30–13:30, breaks hourly, drill at 18:00, a program, past the intake.
fn london() -> Person {
    let since = utc("2025-01-01T00:00:00Z");
    let mut p = Person::new(0, Lang::En, since);
    p.dialog = Dialog::Idle;
    p.zone = Some(zone("Europe/London"));
    p.profile.working_hours = Some(hours(Weekdays::MON_FRI, "09:00", "17:00"));
    p.profile.lunch = lunch("12:30", "13:30");
    p.profile.drill_time = Some(time("18:00"));
    p.program = Some(Program::start(Track::LimitedInternalRotation, 2, since));
    profile_support::answer_the_rest(&mut p.profile);
    p
}

/// Works every day 08:00–17:00 without lunch, in `zone`: the 09:00 slot on both sides
/// of a change.
fn every_day_in(p: &mut Person, name: &str) {
    p.zone = Some(zone(name));
    p.profile.working_hours = Some(hours(every_day(), "08:00", "17:00"));
    p.profile.lunch = Some(Lunch::None);
}

/// A completed session on a local date, with or without its morning score.
/// A safety hold (red flags reported later) since `since`.
fn held(since: &str) -> hipcoach::core::rules::safety::Hold {
    hipcoach::core::rules::safety::Hold {
        cause: hipcoach::core::rules::safety::HoldCause::Symptoms,
        since: utc(since),
        flags: vec![hipcoach::core::values::profile::RedFlag::Swelling],
        minor: false,
    }
}

fn session_on(day: &str, completed: bool, morning: Option<u8>) -> SessionRecord {
    let started = date(day).and_time(time("18:00")).and_utc();
    let program = Program::start(Track::LimitedInternalRotation, 2, started);
    SessionRecord {
        started_at: started,
        local_date: date(day),
        track: program.track,
        position: program.position,
        plan: Vec::new(),
        outcomes: Vec::new(),
        stopped_early: false,
        completed_at: completed.then_some(started + Duration::minutes(12)),
        pain_during: completed.then_some(1),
        pain_morning: morning,
        morning_skipped: false,
    }
}

fn show(at: Option<DateTime<Utc>>) -> String {
    at.map_or("None".into(), |t| t.to_rfc3339())
}

/// A table row for the `next_*` functions: a change to the base person, the instant
/// after which to look, and the expected instant.
type Row = (
    &'static str,
    fn(&mut Person),
    &'static str,
    Option<&'static str>,
);

fn check_rows(
    name: &str,
    rows: &[Row],
    f: impl Fn(&Person, DateTime<Utc>) -> Option<DateTime<Utc>>,
) {
    let mut failures = Vec::new();
    for (what, tweak, after, expected) in rows {
        let mut person = london();
        tweak(&mut person);
        let got = f(&person, utc(after));
        let want = expected.map(utc);
        if got != want {
            failures.push(format!(
                "{name} {what}: after {after}: expected {}, got {}",
                show(want),
                show(got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

// ---------------------------------------------------------------------------------------
// at_local

/// (zone, local date, wall time, expected instant, why)
#[rustfmt::skip]
const AT_LOCAL: &[(&str, &str, &str, &str, &str)] = &[
    // Europe/London, spring forward 2025-03-30: 01:00 GMT → 02:00 BST.
    ("Europe/London", "2025-03-29", "09:00", "2025-03-29T09:00:00Z", "day before: GMT"),
    ("Europe/London", "2025-03-30", "00:00", "2025-03-30T00:00:00Z", "midnight, still GMT"),
    ("Europe/London", "2025-03-30", "00:59", "2025-03-30T00:59:00Z", "last minute before the gap"),
    ("Europe/London", "2025-03-30", "01:00", "2025-03-30T01:00:00Z", "gap start → 02:00 BST"),
    ("Europe/London", "2025-03-30", "01:30", "2025-03-30T01:00:00Z", "in the gap → 02:00 BST"),
    ("Europe/London", "2025-03-30", "01:59", "2025-03-30T01:00:00Z", "last gap minute → 02:00 BST"),
    ("Europe/London", "2025-03-30", "02:00", "2025-03-30T01:00:00Z", "gap end: BST"),
    ("Europe/London", "2025-03-30", "02:01", "2025-03-30T01:01:00Z", "just after the gap"),
    ("Europe/London", "2025-03-30", "09:00", "2025-03-30T08:00:00Z", "same day: BST"),
    ("Europe/London", "2025-03-31", "09:00", "2025-03-31T08:00:00Z", "day after: BST"),
    // Europe/London, fall back 2025-10-26: 02:00 BST → 01:00 GMT.
    ("Europe/London", "2025-10-25", "09:00", "2025-10-25T08:00:00Z", "day before: BST"),
    ("Europe/London", "2025-10-26", "00:00", "2025-10-25T23:00:00Z", "midnight, still BST"),
    ("Europe/London", "2025-10-26", "00:59", "2025-10-25T23:59:00Z", "before the repeat"),
    ("Europe/London", "2025-10-26", "01:00", "2025-10-26T00:00:00Z", "repeated: the earlier (BST)"),
    ("Europe/London", "2025-10-26", "01:30", "2025-10-26T00:30:00Z", "repeated: the earlier (BST)"),
    ("Europe/London", "2025-10-26", "01:59", "2025-10-26T00:59:00Z", "repeated: the earlier (BST)"),
    ("Europe/London", "2025-10-26", "02:00", "2025-10-26T02:00:00Z", "after the repeat: GMT"),
    ("Europe/London", "2025-10-26", "09:00", "2025-10-26T09:00:00Z", "same day: GMT"),
    ("Europe/London", "2025-10-27", "09:00", "2025-10-27T09:00:00Z", "day after: GMT"),
    // America/New_York, spring forward 2025-03-09: 02:00 EST → 03:00 EDT.
    ("America/New_York", "2025-03-08", "09:00", "2025-03-08T14:00:00Z", "day before: EST"),
    ("America/New_York", "2025-03-09", "01:59", "2025-03-09T06:59:00Z", "before the gap"),
    ("America/New_York", "2025-03-09", "02:00", "2025-03-09T07:00:00Z", "gap start → 03:00 EDT"),
    ("America/New_York", "2025-03-09", "02:30", "2025-03-09T07:00:00Z", "in the gap → 03:00 EDT"),
    ("America/New_York", "2025-03-09", "02:59", "2025-03-09T07:00:00Z", "last gap minute"),
    ("America/New_York", "2025-03-09", "03:00", "2025-03-09T07:00:00Z", "gap end: EDT"),
    ("America/New_York", "2025-03-09", "03:30", "2025-03-09T07:30:00Z", "after the gap"),
    ("America/New_York", "2025-03-09", "09:00", "2025-03-09T13:00:00Z", "same day: EDT"),
    ("America/New_York", "2025-03-10", "09:00", "2025-03-10T13:00:00Z", "day after: EDT"),
    // America/New_York, fall back 2025-11-02: 02:00 EDT → 01:00 EST.
    ("America/New_York", "2025-11-01", "09:00", "2025-11-01T13:00:00Z", "day before: EDT"),
    ("America/New_York", "2025-11-02", "00:59", "2025-11-02T04:59:00Z", "before the repeat"),
    ("America/New_York", "2025-11-02", "01:00", "2025-11-02T05:00:00Z", "repeated: earlier (EDT)"),
    ("America/New_York", "2025-11-02", "01:30", "2025-11-02T05:30:00Z", "repeated: earlier (EDT)"),
    ("America/New_York", "2025-11-02", "01:59", "2025-11-02T05:59:00Z", "repeated: earlier (EDT)"),
    ("America/New_York", "2025-11-02", "02:00", "2025-11-02T07:00:00Z", "after the repeat: EST"),
    ("America/New_York", "2025-11-02", "09:00", "2025-11-02T14:00:00Z", "same day: EST"),
    ("America/New_York", "2025-11-03", "09:00", "2025-11-03T14:00:00Z", "day after: EST"),
    // Australia/Lord_Howe, 30-minute spring forward 2025-10-05: 02:00 → 02:30.
    ("Australia/Lord_Howe", "2025-10-04", "09:00", "2025-10-03T22:30:00Z", "day before: +10:30"),
    ("Australia/Lord_Howe", "2025-10-05", "01:59", "2025-10-04T15:29:00Z", "before the gap"),
    ("Australia/Lord_Howe", "2025-10-05", "02:00", "2025-10-04T15:30:00Z", "gap start → 02:30"),
    ("Australia/Lord_Howe", "2025-10-05", "02:15", "2025-10-04T15:30:00Z", "in the gap → 02:30"),
    ("Australia/Lord_Howe", "2025-10-05", "02:29", "2025-10-04T15:30:00Z", "last gap minute"),
    ("Australia/Lord_Howe", "2025-10-05", "02:30", "2025-10-04T15:30:00Z", "gap end: +11:00"),
    ("Australia/Lord_Howe", "2025-10-05", "03:00", "2025-10-04T16:00:00Z", "after the gap"),
    ("Australia/Lord_Howe", "2025-10-05", "09:00", "2025-10-04T22:00:00Z", "same day: +11:00"),
    ("Australia/Lord_Howe", "2025-10-06", "09:00", "2025-10-05T22:00:00Z", "day after: +11:00"),
    // Australia/Lord_Howe, 30-minute fall back 2026-04-05: 02:00 → 01:30.
    ("Australia/Lord_Howe", "2026-04-04", "09:00", "2026-04-03T22:00:00Z", "day before: +11:00"),
    ("Australia/Lord_Howe", "2026-04-05", "01:29", "2026-04-04T14:29:00Z", "before the repeat"),
    ("Australia/Lord_Howe", "2026-04-05", "01:30", "2026-04-04T14:30:00Z", "repeated: earlier"),
    ("Australia/Lord_Howe", "2026-04-05", "01:45", "2026-04-04T14:45:00Z", "repeated: earlier"),
    ("Australia/Lord_Howe", "2026-04-05", "01:59", "2026-04-04T14:59:00Z", "repeated: earlier"),
    ("Australia/Lord_Howe", "2026-04-05", "02:00", "2026-04-04T15:30:00Z", "after: +10:30"),
    ("Australia/Lord_Howe", "2026-04-05", "09:00", "2026-04-04T22:30:00Z", "same day: +10:30"),
    ("Australia/Lord_Howe", "2026-04-06", "09:00", "2026-04-05T22:30:00Z", "day after: +10:30"),
    // Asia/Kathmandu, +05:45 all year.
    ("Asia/Kathmandu", "2025-06-15", "09:00", "2025-06-15T03:15:00Z", "+05:45"),
    ("Asia/Kathmandu", "2025-01-01", "00:00", "2024-12-31T18:15:00Z", "midnight: previous UTC day"),
    ("Asia/Kathmandu", "2025-12-31", "23:59", "2025-12-31T18:14:00Z", "last minute of the year"),
    ("Asia/Kathmandu", "2025-03-30", "01:30", "2025-03-29T19:45:00Z", "no gap here"),
    // America/Sao_Paulo, 2018-11-04: midnight did not exist (00:00 -03 → 01:00 -02).
    ("America/Sao_Paulo", "2018-11-03", "09:00", "2018-11-03T12:00:00Z", "day before: -03"),
    ("America/Sao_Paulo", "2018-11-03", "23:59", "2018-11-04T02:59:00Z", "before the gap"),
    ("America/Sao_Paulo", "2018-11-04", "00:00", "2018-11-04T03:00:00Z", "no midnight → 01:00 -02"),
    ("America/Sao_Paulo", "2018-11-04", "00:30", "2018-11-04T03:00:00Z", "in the gap"),
    ("America/Sao_Paulo", "2018-11-04", "00:59", "2018-11-04T03:00:00Z", "last gap minute"),
    ("America/Sao_Paulo", "2018-11-04", "01:00", "2018-11-04T03:00:00Z", "gap end: -02"),
    ("America/Sao_Paulo", "2018-11-04", "09:00", "2018-11-04T11:00:00Z", "same day: -02"),
    ("America/Sao_Paulo", "2018-11-05", "09:00", "2018-11-05T11:00:00Z", "day after: -02"),
    // ... and back on 2019-02-17 00:00 -02 → 2019-02-16 23:00 -03.
    ("America/Sao_Paulo", "2019-02-16", "23:30", "2019-02-17T01:30:00Z", "repeated: earlier (-02)"),
    ("America/Sao_Paulo", "2019-02-17", "00:00", "2019-02-17T03:00:00Z", "after the repeat: -03"),
    // Fixed offsets never change.
    ("UTC+05:30", "2025-03-30", "01:30", "2025-03-29T20:00:00Z", "fixed +05:30"),
    ("UTC-03:30", "2025-11-02", "01:30", "2025-11-02T05:00:00Z", "fixed -03:30"),
    ("UTC+14:00", "2025-01-01", "00:00", "2024-12-31T10:00:00Z", "fixed +14:00"),
    ("UTC-12:00", "2025-01-01", "12:00", "2025-01-02T00:00:00Z", "fixed -12:00"),
    ("UTC", "2025-03-30", "01:30", "2025-03-30T01:30:00Z", "UTC itself"),
];

#[test]
fn at_local_table() {
    let mut failures = Vec::new();
    for (name, day, wall, expected, why) in AT_LOCAL {
        let got = at_local(zone(name), date(day), time(wall));
        if got != utc(expected) {
            failures.push(format!(
                "{name} {day} {wall} ({why}): expected {expected}, got {}",
                got.to_rfc3339()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        AT_LOCAL.len(),
        failures.join("\n")
    );
}

#[test]
fn at_local_gap_with_seconds_is_the_first_instant_after_the_gap() {
    let rows = [
        (
            "Europe/London",
            "2025-03-30",
            "01:30:30",
            "2025-03-30T01:00:00Z",
        ),
        (
            "Australia/Lord_Howe",
            "2025-10-05",
            "02:10:15",
            "2025-10-04T15:30:00Z",
        ),
        (
            "America/Sao_Paulo",
            "2018-11-04",
            "00:00:01",
            "2018-11-04T03:00:00Z",
        ),
    ];
    for (name, day, wall, expected) in rows {
        assert_eq!(
            at_local(zone(name), date(day), time(wall)),
            utc(expected),
            "{name} {day} {wall}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// spread

#[test]
fn spread_table() {
    // (person, seconds): by hand from the documented mix.
    let rows: [(i64, i64); 9] = [
        (0, 0),
        (1, 289),
        (2, 263),
        (3, 253),
        (7, 164),
        (42, 68),
        (1000, 236),
        (123_456_789, 76),
        (5_000_000_000, 191),
    ];
    for (user, seconds) in rows {
        assert_eq!(spread(user), Duration::seconds(seconds), "person {user}");
        // The same person, the same offset, every time.
        assert_eq!(spread(user), spread(user), "person {user}");
    }
}

#[test]
fn spread_stays_within_300_seconds_and_differs_between_people() {
    assert_eq!(SPREAD_SECONDS, 300);
    let mut seen = std::collections::HashSet::new();
    for user in (0..20_000).chain([i64::MAX, -1, -1_001_234_567_890]) {
        let s = spread(user);
        assert!(
            s >= Duration::zero() && s < Duration::seconds(300),
            "person {user}: {s}"
        );
        seen.insert(s);
    }
    // 20,000 people use most of the 300 possible seconds.
    assert!(seen.len() > 250, "only {} distinct offsets", seen.len());
    let few: std::collections::HashSet<_> = (1..=10).map(spread).collect();
    assert!(few.len() >= 9, "ten people, {} offsets", few.len());
}

// ---------------------------------------------------------------------------------------
// next_break

/// Base: London (= UTC until 29 March 2026), Mon–Fri 09:00–17:00, lunch 12:30–13:30,
/// hourly, person 0. Wed 2026-03-18 is an ordinary working day.
#[rustfmt::skip]
const BREAKS: &[Row] = &[
    // Hourly: 10, 11, 12, (13 is lunch), 14, 15, 16; 17:00 is the end, not a slot.
    ("60: the first an interval after the start", |_| {}, "2026-03-18T08:00:00Z", Some("2026-03-18T10:00:00Z")),
    ("60: at the start of work", |_| {}, "2026-03-18T09:00:00Z", Some("2026-03-18T10:00:00Z")),
    ("60: a second before a slot", |_| {}, "2026-03-18T09:59:59Z", Some("2026-03-18T10:00:00Z")),
    ("60: strictly after a slot", |_| {}, "2026-03-18T10:00:00Z", Some("2026-03-18T11:00:00Z")),
    ("60: 12:00 is before lunch", |_| {}, "2026-03-18T11:30:00Z", Some("2026-03-18T12:00:00Z")),
    ("60: 13:00 is in lunch", |_| {}, "2026-03-18T12:00:00Z", Some("2026-03-18T14:00:00Z")),
    ("60: the last slot", |_| {}, "2026-03-18T15:00:00Z", Some("2026-03-18T16:00:00Z")),
    ("60: 17:00 is the end", |_| {}, "2026-03-18T16:00:00Z", Some("2026-03-19T10:00:00Z")),
    ("60: evening → next morning", |_| {}, "2026-03-18T20:00:00Z", Some("2026-03-19T10:00:00Z")),
    ("60: before dawn", |_| {}, "2026-03-19T03:00:00Z", Some("2026-03-19T10:00:00Z")),
    ("weekend: Friday evening → Monday", |_| {}, "2026-03-20T16:00:00Z", Some("2026-03-23T10:00:00Z")),
    ("weekend: Saturday → Monday", |_| {}, "2026-03-21T12:00:00Z", Some("2026-03-23T10:00:00Z")),
    ("weekend: Sunday night → Monday", |_| {}, "2026-03-22T23:59:00Z", Some("2026-03-23T10:00:00Z")),
    // Every 30: 09:30 … 12:00, (12:30 and 13:00 in lunch), 13:30 … 16:30.
    ("30: first", |p| p.settings.break_minutes = 30, "2026-03-18T09:00:00Z", Some("2026-03-18T09:30:00Z")),
    ("30: lunch skips 12:30 and 13:00", |p| p.settings.break_minutes = 30, "2026-03-18T12:00:00Z", Some("2026-03-18T13:30:00Z")),
    ("30: the last slot", |p| p.settings.break_minutes = 30, "2026-03-18T16:00:00Z", Some("2026-03-18T16:30:00Z")),
    ("30: after the last", |p| p.settings.break_minutes = 30, "2026-03-18T16:30:00Z", Some("2026-03-19T09:30:00Z")),
    // Every 90: 10:30, 12:00, 13:30 (lunch ends at 13:30), 15:00, 16:30.
    ("90: first", |p| p.settings.break_minutes = 90, "2026-03-18T08:00:00Z", Some("2026-03-18T10:30:00Z")),
    ("90: 12:00", |p| p.settings.break_minutes = 90, "2026-03-18T10:30:00Z", Some("2026-03-18T12:00:00Z")),
    ("90: 13:30, as lunch ends", |p| p.settings.break_minutes = 90, "2026-03-18T12:00:00Z", Some("2026-03-18T13:30:00Z")),
    ("90: 16:30", |p| p.settings.break_minutes = 90, "2026-03-18T15:00:00Z", Some("2026-03-18T16:30:00Z")),
    ("90: next day", |p| p.settings.break_minutes = 90, "2026-03-18T16:30:00Z", Some("2026-03-19T10:30:00Z")),
    // Every 120: 11:00, (13:00 lunch), 15:00.
    ("120: first", |p| p.settings.break_minutes = 120, "2026-03-18T08:00:00Z", Some("2026-03-18T11:00:00Z")),
    ("120: lunch skips 13:00", |p| p.settings.break_minutes = 120, "2026-03-18T11:00:00Z", Some("2026-03-18T15:00:00Z")),
    ("120: next day", |p| p.settings.break_minutes = 120, "2026-03-18T15:00:00Z", Some("2026-03-19T11:00:00Z")),
    // Every 45: 09:45, 10:30, 11:15, 12:00, (12:45 lunch), 13:30.
    ("45: after 12:00", |p| p.settings.break_minutes = 45, "2026-03-18T12:00:00Z", Some("2026-03-18T13:30:00Z")),
    ("10 is raised to 30", |p| p.settings.break_minutes = 10, "2026-03-18T09:00:00Z", Some("2026-03-18T09:30:00Z")),
    ("500 is lowered to 120", |p| p.settings.break_minutes = 500, "2026-03-18T08:00:00Z", Some("2026-03-18T11:00:00Z")),
    ("no lunch: 13:00 is a slot", |p| p.profile.lunch = Some(Lunch::None), "2026-03-18T12:00:00Z", Some("2026-03-18T13:00:00Z")),
    ("08:30–16:45: 16:30", |p| p.profile.working_hours = Some(hours(Weekdays::MON_FRI, "08:30", "16:45")), "2026-03-18T16:00:00Z", Some("2026-03-18T16:30:00Z")),
    ("08:30–16:45: next 09:30", |p| p.profile.working_hours = Some(hours(Weekdays::MON_FRI, "08:30", "16:45")), "2026-03-18T16:30:00Z", Some("2026-03-19T09:30:00Z")),
    // Sun–Thu in Riyadh (+03:00).
    ("Sun–Thu: Thursday evening → Sunday", |p| { p.zone = Some(zone("Asia/Riyadh")); p.profile.working_hours = Some(hours(sun_thu(), "09:00", "17:00")); }, "2026-03-19T13:30:00Z", Some("2026-03-22T07:00:00Z")),
    ("Sun–Thu: Friday → Sunday", |p| { p.zone = Some(zone("Asia/Riyadh")); p.profile.working_hours = Some(hours(sun_thu(), "09:00", "17:00")); }, "2026-03-20T06:00:00Z", Some("2026-03-22T07:00:00Z")),
    ("Sun–Thu: Sunday is a working day", |p| { p.zone = Some(zone("Asia/Riyadh")); p.profile.working_hours = Some(hours(sun_thu(), "09:00", "17:00")); }, "2026-03-22T06:00:00Z", Some("2026-03-22T07:00:00Z")),
    ("Kathmandu: 10:00 is 04:15Z", |p| p.zone = Some(zone("Asia/Kathmandu")), "2026-03-18T00:00:00Z", Some("2026-03-18T04:15:00Z")),
    ("Kathmandu: after work", |p| p.zone = Some(zone("Asia/Kathmandu")), "2026-03-18T11:00:00Z", Some("2026-03-19T04:15:00Z")),
    ("fixed -03:30: 10:00 is 13:30Z", |p| p.zone = Some(zone("UTC-03:30")), "2026-03-18T12:00:00Z", Some("2026-03-18T13:30:00Z")),
    // The spread: the same offset every day, different between people.
    ("spread 1 (289 s)", |p| p.id = 1, "2026-03-18T08:00:00Z", Some("2026-03-18T10:04:49Z")),
    ("spread 1: the slot itself moves", |p| p.id = 1, "2026-03-18T10:00:00Z", Some("2026-03-18T10:04:49Z")),
    ("spread 1: strictly after", |p| p.id = 1, "2026-03-18T10:04:49Z", Some("2026-03-18T11:04:49Z")),
    ("spread 1: after lunch", |p| p.id = 1, "2026-03-18T12:04:49Z", Some("2026-03-18T14:04:49Z")),
    ("spread 1: next day, same offset", |p| p.id = 1, "2026-03-18T16:04:49Z", Some("2026-03-19T10:04:49Z")),
    ("spread 1: Monday, same offset", |p| p.id = 1, "2026-03-20T16:30:00Z", Some("2026-03-23T10:04:49Z")),
    ("spread 42 (68 s)", |p| p.id = 42, "2026-03-18T08:00:00Z", Some("2026-03-18T10:01:08Z")),
    ("spread 42: next day", |p| p.id = 42, "2026-03-19T08:00:00Z", Some("2026-03-19T10:01:08Z")),
    ("spread 1000 (236 s)", |p| p.id = 1000, "2026-03-18T08:00:00Z", Some("2026-03-18T10:03:56Z")),
    ("spread 123456789 (76 s)", |p| p.id = 123_456_789, "2026-03-18T08:00:00Z", Some("2026-03-18T10:01:16Z")),
    ("spread 1 across the change: 10:04:49 BST", |p| p.id = 1, "2026-03-27T16:30:00Z", Some("2026-03-30T09:04:49Z")),
    // A pause.
    ("paused until 11:30", |p| p.settings.paused_until = Some(utc("2026-03-18T11:30:00Z")), "2026-03-18T08:00:00Z", Some("2026-03-18T12:00:00Z")),
    ("paused until exactly 11:00", |p| p.settings.paused_until = Some(utc("2026-03-18T11:00:00Z")), "2026-03-18T08:00:00Z", Some("2026-03-18T11:00:00Z")),
    ("paused until Friday 00:00", |p| p.settings.paused_until = Some(utc("2026-03-20T00:00:00Z")), "2026-03-18T08:00:00Z", Some("2026-03-20T10:00:00Z")),
    ("paused until Saturday → Monday", |p| p.settings.paused_until = Some(utc("2026-03-21T00:00:00Z")), "2026-03-18T08:00:00Z", Some("2026-03-23T10:00:00Z")),
    ("a pause that is over", |p| p.settings.paused_until = Some(utc("2026-03-17T00:00:00Z")), "2026-03-18T08:00:00Z", Some("2026-03-18T10:00:00Z")),
    // Quiet hours.
    ("quiet 11:30–14:30: 11:00 is before", |p| p.settings.quiet = Some((time("11:30"), time("14:30"))), "2026-03-18T10:00:00Z", Some("2026-03-18T11:00:00Z")),
    ("quiet 11:30–14:30: 12 quiet, 13 lunch, 14 quiet", |p| p.settings.quiet = Some((time("11:30"), time("14:30"))), "2026-03-18T11:00:00Z", Some("2026-03-18T15:00:00Z")),
    ("quiet 22:00–07:00 wraps: 06:00 quiet, 07:00 not", |p| { p.profile.working_hours = Some(hours(Weekdays::MON_FRI, "05:00", "10:00")); p.profile.lunch = Some(Lunch::None); p.settings.quiet = Some((time("22:00"), time("07:00"))); }, "2026-03-18T04:00:00Z", Some("2026-03-18T07:00:00Z")),
    ("quiet 15:30–10:30 wraps: 10:00 quiet", |p| p.settings.quiet = Some((time("15:30"), time("10:30"))), "2026-03-18T08:00:00Z", Some("2026-03-18T11:00:00Z")),
    ("quiet 15:30–10:30 wraps: 16:00 and 10:00 quiet", |p| p.settings.quiet = Some((time("15:30"), time("10:30"))), "2026-03-18T15:00:00Z", Some("2026-03-19T11:00:00Z")),
    // Snooze and meeting.
    ("snoozed to 10:15", |p| p.settings.snoozed_until = Some(utc("2026-03-18T10:15:00Z")), "2026-03-18T10:01:00Z", Some("2026-03-18T10:15:00Z")),
    ("snooze passed: back to the slots", |p| p.settings.snoozed_until = Some(utc("2026-03-18T10:15:00Z")), "2026-03-18T10:15:00Z", Some("2026-03-18T11:00:00Z")),
    ("snoozed past the end of work", |p| p.settings.snoozed_until = Some(utc("2026-03-18T17:05:00Z")), "2026-03-18T16:55:00Z", Some("2026-03-18T17:05:00Z")),
    ("meeting: 11:00 skipped", |p| p.settings.breaks_after = Some(utc("2026-03-18T11:00:00Z")), "2026-03-18T10:01:00Z", Some("2026-03-18T12:00:00Z")),
    ("meeting at 15:00: 16:00 skipped → tomorrow", |p| p.settings.breaks_after = Some(utc("2026-03-18T16:00:00Z")), "2026-03-18T15:01:00Z", Some("2026-03-19T10:00:00Z")),
    ("meeting over", |p| p.settings.breaks_after = Some(utc("2026-03-18T09:00:00Z")), "2026-03-18T10:01:00Z", Some("2026-03-18T11:00:00Z")),
    // Across the changes: 09:00 local stays 09:00 local (every day 08:00–17:00).
    ("London: Friday 09:00 GMT", |p| every_day_in(p, "Europe/London"), "2026-03-27T08:00:00Z", Some("2026-03-27T09:00:00Z")),
    ("London: Saturday 16:00 → Sunday 09:00 BST", |p| every_day_in(p, "Europe/London"), "2026-03-28T16:00:00Z", Some("2026-03-29T08:00:00Z")),
    ("London: Sunday 10:00 BST", |p| every_day_in(p, "Europe/London"), "2026-03-29T08:00:00Z", Some("2026-03-29T09:00:00Z")),
    ("London Mon–Fri: Friday → Monday 09:00 BST", |p| p.profile.working_hours = Some(hours(Weekdays::MON_FRI, "08:00", "17:00")), "2026-03-27T16:00:00Z", Some("2026-03-30T08:00:00Z")),
    ("London autumn: Saturday 09:00 BST", |p| every_day_in(p, "Europe/London"), "2025-10-25T07:30:00Z", Some("2025-10-25T08:00:00Z")),
    ("London autumn: Sunday 09:00 GMT", |p| every_day_in(p, "Europe/London"), "2025-10-25T15:30:00Z", Some("2025-10-26T09:00:00Z")),
    ("New York: Saturday 09:00 EST", |p| every_day_in(p, "America/New_York"), "2025-03-08T13:30:00Z", Some("2025-03-08T14:00:00Z")),
    ("New York: Sunday 09:00 EDT", |p| every_day_in(p, "America/New_York"), "2025-03-08T21:30:00Z", Some("2025-03-09T13:00:00Z")),
    ("New York autumn: Sunday 09:00 EST", |p| every_day_in(p, "America/New_York"), "2025-11-01T20:30:00Z", Some("2025-11-02T14:00:00Z")),
    ("Lord Howe: Sunday 09:00 +11:00", |p| every_day_in(p, "Australia/Lord_Howe"), "2025-10-04T06:00:00Z", Some("2025-10-04T22:00:00Z")),
    ("Lord Howe autumn: Sunday 09:00 +10:30", |p| every_day_in(p, "Australia/Lord_Howe"), "2026-04-04T05:30:00Z", Some("2026-04-04T22:30:00Z")),
    // Nothing to plan.
    ("no zone", |p| p.zone = None, "2026-03-18T08:00:00Z", None),
    ("no working hours", |p| p.profile.working_hours = None, "2026-03-18T08:00:00Z", None),
    ("no working days", |p| p.profile.working_hours = Some(hours(Weekdays::from_days([]), "09:00", "17:00")), "2026-03-18T08:00:00Z", None),
    ("/breaks off", |p| p.settings.breaks_off = true, "2026-03-18T08:00:00Z", None),
    ("no fixed hours", |p| { p.profile.working_hours = None; p.profile.no_fixed_hours = true; }, "2026-03-18T08:00:00Z", None),
    // Night shifts Mon–Fri 22:00–06:00: the shift that starts on a working day runs into
    // the next morning (Wednesday 18 March 2026, GMT).
    ("night: first an hour into the shift", night, "2026-03-18T20:00:00Z", Some("2026-03-18T23:00:00Z")),
    ("night: past midnight, the same shift", night, "2026-03-19T00:30:00Z", Some("2026-03-19T01:00:00Z")),
    ("night: Friday's shift runs into Saturday", night, "2026-03-21T04:30:00Z", Some("2026-03-21T05:00:00Z")),
    ("night: 06:00 ends it; no shift on Saturday or Sunday night", night, "2026-03-21T05:00:00Z", Some("2026-03-23T23:00:00Z")),
    ("night: Monday morning is Sunday's night, not a shift", night, "2026-03-23T00:00:00Z", Some("2026-03-23T23:00:00Z")),
    ("night: every 90", |p| { night(p); p.settings.break_minutes = 90; }, "2026-03-18T23:30:00Z", Some("2026-03-19T01:00:00Z")),
];

/// Night shifts Mon–Fri 22:00–06:00, no lunch break.
fn night(p: &mut Person) {
    p.profile.working_hours = Some(hours(Weekdays::MON_FRI, "22:00", "06:00"));
    p.profile.lunch = Some(Lunch::None);
}

#[test]
fn next_break_table() {
    check_rows("next_break", BREAKS, next_break);
}

/// Person 42 (68 s) every working day for two weeks across the change: the same
/// wall-clock slot, the same offset.
#[test]
fn next_break_same_offset_every_day_across_the_change() {
    let mut person = london();
    person.id = 42;
    let days = [
        ("2026-03-23", "2026-03-23T10:01:08Z"),
        ("2026-03-24", "2026-03-24T10:01:08Z"),
        ("2026-03-25", "2026-03-25T10:01:08Z"),
        ("2026-03-26", "2026-03-26T10:01:08Z"),
        ("2026-03-27", "2026-03-27T10:01:08Z"),
        ("2026-03-30", "2026-03-30T09:01:08Z"),
        ("2026-03-31", "2026-03-31T09:01:08Z"),
        ("2026-04-01", "2026-04-01T09:01:08Z"),
        ("2026-04-02", "2026-04-02T09:01:08Z"),
        ("2026-04-03", "2026-04-03T09:01:08Z"),
    ];
    for (day, expected) in days {
        // From 05:00 UTC, before work on either side of the change.
        let after = utc(&format!("{day}T05:00:00Z"));
        assert_eq!(next_break(&person, after), Some(utc(expected)), "{day}");
    }
}

/// Pauses the schedule cannot see past: it looks nine days ahead at most.
#[rustfmt::skip]
const LONG_PAUSE_BREAKS: &[Row] = &[
    ("paused 10 days → Monday 10:00 BST", |p| p.settings.paused_until = Some(utc("2026-03-28T00:00:00Z")), "2026-03-18T08:00:00Z", Some("2026-03-30T09:00:00Z")),
    // "/pause a week" on a Friday at 16:30: that Friday has no slot left after 16:30,
    // and the Monday after is ten days out.
    ("paused a week from Friday 16:30 → Monday 10:00 BST", |p| p.settings.paused_until = Some(utc("2026-03-27T16:30:00Z")), "2026-03-20T16:30:00Z", Some("2026-03-30T09:00:00Z")),
    ("paused until 2026-12-01 → Tue 10:00 GMT", |p| p.settings.paused_until = Some(utc("2026-12-01T00:00:00Z")), "2026-03-18T08:00:00Z", Some("2026-12-01T10:00:00Z")),
];

#[rustfmt::skip]
const LONG_PAUSE_DAILY: &[Row] = &[
    ("paused until 1 April → 18:00 BST", |p| p.settings.paused_until = Some(utc("2026-03-31T23:00:00Z")), "2026-03-18T12:00:00Z", Some("2026-04-01T17:00:00Z")),
];

#[test]
fn a_long_pause_still_resumes() {
    let breaks =
        std::panic::catch_unwind(|| check_rows("next_break", LONG_PAUSE_BREAKS, next_break));
    let daily = std::panic::catch_unwind(|| check_rows("next_daily", LONG_PAUSE_DAILY, next_daily));
    assert!(breaks.is_ok() && daily.is_ok(), "see the rows above");
}

#[test]
fn a_snooze_does_not_break_a_pause() {
    let rows: &[Row] = &[(
        "snoozed to 10:15, then paused until 12:00",
        |p| {
            p.settings.snoozed_until = Some(utc("2026-03-18T10:15:00Z"));
            p.settings.paused_until = Some(utc("2026-03-18T12:00:00Z"));
        },
        "2026-03-18T10:01:00Z",
        Some("2026-03-18T12:00:00Z"),
    )];
    check_rows("next_break", rows, next_break);
}

// ---------------------------------------------------------------------------------------
// next_daily

/// Base: London, drill at 18:00, every day (weekends too), with a program.
#[rustfmt::skip]
const DAILY: &[Row] = &[
    ("later today", |_| {}, "2026-03-18T12:00:00Z", Some("2026-03-18T18:00:00Z")),
    ("breaks off: the session still comes", |p| p.settings.breaks_off = true, "2026-03-18T12:00:00Z", Some("2026-03-18T18:00:00Z")),
    ("no fixed hours: the session still comes", |p| { p.profile.working_hours = None; p.profile.no_fixed_hours = true; }, "2026-03-18T12:00:00Z", Some("2026-03-18T18:00:00Z")),
    ("strictly after: tomorrow", |_| {}, "2026-03-18T18:00:00Z", Some("2026-03-19T18:00:00Z")),
    ("Saturday too", |_| {}, "2026-03-21T12:00:00Z", Some("2026-03-21T18:00:00Z")),
    ("18:00 BST on the day of the change", |_| {}, "2026-03-28T18:00:00Z", Some("2026-03-29T17:00:00Z")),
    ("18:00 BST the day after", |_| {}, "2026-03-29T17:00:00Z", Some("2026-03-30T17:00:00Z")),
    ("18:00 GMT after fall back", |_| {}, "2025-10-25T17:00:00Z", Some("2025-10-26T18:00:00Z")),
    ("drill 01:30 in the gap → 02:00 BST", |p| p.profile.drill_time = Some(time("01:30")), "2026-03-28T12:00:00Z", Some("2026-03-29T01:00:00Z")),
    ("drill 01:30 the day after the gap", |p| p.profile.drill_time = Some(time("01:30")), "2026-03-29T01:00:00Z", Some("2026-03-30T00:30:00Z")),
    ("drill 01:30 repeated → the earlier", |p| p.profile.drill_time = Some(time("01:30")), "2025-10-25T12:00:00Z", Some("2025-10-26T00:30:00Z")),
    ("drill 01:30 repeated: once, not again an hour later", |p| p.profile.drill_time = Some(time("01:30")), "2025-10-26T00:30:00Z", Some("2025-10-27T01:30:00Z")),
    ("New York drill 02:30 in the gap → 03:00 EDT", |p| { p.zone = Some(zone("America/New_York")); p.profile.drill_time = Some(time("02:30")); }, "2025-03-08T12:00:00Z", Some("2025-03-09T07:00:00Z")),
    ("New York drill 01:30 repeated: once", |p| { p.zone = Some(zone("America/New_York")); p.profile.drill_time = Some(time("01:30")); }, "2025-11-02T05:30:00Z", Some("2025-11-03T06:30:00Z")),
    ("Lord Howe drill 02:15 in the gap → 02:30", |p| { p.zone = Some(zone("Australia/Lord_Howe")); p.profile.drill_time = Some(time("02:15")); }, "2025-10-04T00:00:00Z", Some("2025-10-04T15:30:00Z")),
    ("Lord Howe drill 01:45 repeated → earlier", |p| { p.zone = Some(zone("Australia/Lord_Howe")); p.profile.drill_time = Some(time("01:45")); }, "2026-04-04T00:00:00Z", Some("2026-04-04T14:45:00Z")),
    ("Lord Howe drill 01:45: once, next day +10:30", |p| { p.zone = Some(zone("Australia/Lord_Howe")); p.profile.drill_time = Some(time("01:45")); }, "2026-04-04T14:45:00Z", Some("2026-04-05T15:15:00Z")),
    ("São Paulo drill 00:00 that did not exist → 01:00 -02", |p| { p.zone = Some(zone("America/Sao_Paulo")); p.profile.drill_time = Some(time("00:00")); }, "2018-11-03T12:00:00Z", Some("2018-11-04T03:00:00Z")),
    ("São Paulo drill 00:00 the day after", |p| { p.zone = Some(zone("America/Sao_Paulo")); p.profile.drill_time = Some(time("00:00")); }, "2018-11-04T03:00:00Z", Some("2018-11-05T02:00:00Z")),
    ("Kathmandu 18:00 → 12:15Z", |p| p.zone = Some(zone("Asia/Kathmandu")), "2026-03-18T00:00:00Z", Some("2026-03-18T12:15:00Z")),
    ("fixed +05:30 drill 07:00 → 01:30Z", |p| { p.zone = Some(zone("UTC+05:30")); p.profile.drill_time = Some(time("07:00")); }, "2026-03-18T00:00:00Z", Some("2026-03-18T01:30:00Z")),
    ("paused until Friday 00:00", |p| p.settings.paused_until = Some(utc("2026-03-20T00:00:00Z")), "2026-03-18T12:00:00Z", Some("2026-03-20T18:00:00Z")),
    ("paused until exactly 18:00", |p| p.settings.paused_until = Some(utc("2026-03-18T18:00:00Z")), "2026-03-18T12:00:00Z", Some("2026-03-18T18:00:00Z")),
    ("quiet 17:00–08:00 every day", |p| p.settings.quiet = Some((time("17:00"), time("08:00"))), "2026-03-18T12:00:00Z", None),
    ("quiet 22:00–07:00, drill 06:30", |p| { p.profile.drill_time = Some(time("06:30")); p.settings.quiet = Some((time("22:00"), time("07:00"))); }, "2026-03-18T00:00:00Z", None),
    ("quiet 22:00–07:00, drill 07:00", |p| { p.profile.drill_time = Some(time("07:00")); p.settings.quiet = Some((time("22:00"), time("07:00"))); }, "2026-03-18T00:00:00Z", Some("2026-03-18T07:00:00Z")),
    ("no program", |p| p.program = None, "2026-03-18T12:00:00Z", None),
    ("no drill time", |p| p.profile.drill_time = None, "2026-03-18T12:00:00Z", None),
    ("no zone", |p| p.zone = None, "2026-03-18T12:00:00Z", None),
    // Training days: the reminder comes only on the person's own days (seed 003: 3–5 a
    // week). 2026-03-18 is a Wednesday; London changes to BST on Sunday 29 March.
    ("Mon/Wed/Fri: Wednesday is one", |p| p.profile.training_days = Some(mon_wed_fri()), "2026-03-18T12:00:00Z", Some("2026-03-18T18:00:00Z")),
    ("Mon/Wed/Fri: Thursday skipped → Friday", |p| p.profile.training_days = Some(mon_wed_fri()), "2026-03-18T18:00:00Z", Some("2026-03-20T18:00:00Z")),
    ("Mon/Wed/Fri: Tuesday morning → Wednesday", |p| p.profile.training_days = Some(mon_wed_fri()), "2026-03-24T08:00:00Z", Some("2026-03-25T18:00:00Z")),
    ("Mon/Wed/Fri: Friday 18:00 GMT → Monday 18:00 BST over the change", |p| p.profile.training_days = Some(mon_wed_fri()), "2026-03-27T18:00:00Z", Some("2026-03-30T17:00:00Z")),
    ("Mon/Wed/Fri: Monday BST → Wednesday 18:00 BST", |p| p.profile.training_days = Some(mon_wed_fri()), "2026-03-30T17:00:00Z", Some("2026-04-01T17:00:00Z")),
    ("Mon/Wed/Fri: Monday's session done → Wednesday", |p| { p.profile.training_days = Some(mon_wed_fri()); p.sessions = vec![session_on("2026-03-30", true, None)]; }, "2026-03-30T12:00:00Z", Some("2026-04-01T17:00:00Z")),
    ("Mon/Wed/Fri: drill 01:30, Saturday → Monday 01:30 BST", |p| { p.profile.training_days = Some(mon_wed_fri()); p.profile.drill_time = Some(time("01:30")); }, "2026-03-28T12:00:00Z", Some("2026-03-30T00:30:00Z")),
    ("Tue/Thu/Sun: Thursday GMT → Sunday 18:00 BST, the day of the change", |p| p.profile.training_days = Some(tue_thu_sun()), "2026-03-26T18:00:00Z", Some("2026-03-29T17:00:00Z")),
    ("Tue/Thu/Sun: drill 01:30 in the gap on Sunday → 02:00 BST", |p| { p.profile.training_days = Some(tue_thu_sun()); p.profile.drill_time = Some(time("01:30")); }, "2026-03-27T12:00:00Z", Some("2026-03-29T01:00:00Z")),
    ("Tue/Thu/Sun: Sunday BST → Tuesday 18:00 BST", |p| p.profile.training_days = Some(tue_thu_sun()), "2026-03-29T17:00:00Z", Some("2026-03-31T17:00:00Z")),
    ("Mon/Wed/Fri: Friday 18:00 BST → Monday 18:00 GMT after fall back", |p| p.profile.training_days = Some(mon_wed_fri()), "2025-10-24T17:00:00Z", Some("2025-10-27T18:00:00Z")),
    ("Mon/Wed/Fri: paused until Tuesday 00:00 BST → Wednesday, not Tuesday", |p| { p.profile.training_days = Some(mon_wed_fri()); p.settings.paused_until = Some(utc("2026-03-30T23:00:00Z")); }, "2026-03-28T12:00:00Z", Some("2026-04-01T17:00:00Z")),
    ("Mon/Wed/Fri, Kathmandu: Friday → Monday 18:00 +05:45", |p| { p.profile.training_days = Some(mon_wed_fri()); p.zone = Some(zone("Asia/Kathmandu")); }, "2026-03-20T12:15:00Z", Some("2026-03-23T12:15:00Z")),
    ("never chosen: every day, as before", |p| p.profile.training_days = None, "2026-03-21T12:00:00Z", Some("2026-03-21T18:00:00Z")),
];

#[test]
fn next_daily_table() {
    check_rows("next_daily", DAILY, next_daily);
}

/// A zone typed as "EST" follows New York's clock, not a fixed UTC-5: the daily reminder
/// stays at 18:00 local over the March change (EST -05:00 → EDT -04:00 on Sunday
/// 8 March 2026), so it comes an hour earlier in UTC.
#[test]
fn next_daily_for_est_keeps_the_local_hour_across_the_change() {
    let mut person = london();
    person.zone = Some(Zone::parse("EST").expect("EST is read"));
    person.profile.training_days = None;
    let before = next_daily(&person, utc("2026-03-06T12:00:00Z"));
    let after = next_daily(&person, utc("2026-03-09T12:00:00Z"));
    assert_eq!(show(before), "2026-03-06T23:00:00+00:00");
    assert_eq!(show(after), "2026-03-09T22:00:00+00:00");
}

// ---------------------------------------------------------------------------------------
// next_morning

/// Base: London, Mon–Fri from 09:00; the last session's local date decides the morning.
#[rustfmt::skip]
const MORNING: &[Row] = &[
    ("after Wednesday: Thursday at the start of work", |p| p.sessions = vec![session_on("2026-03-18", true, None)], "2026-03-18T19:00:00Z", Some("2026-03-19T09:00:00Z")),
    ("after Friday: Saturday at 09:00", |p| p.sessions = vec![session_on("2026-03-20", true, None)], "2026-03-20T19:00:00Z", Some("2026-03-21T09:00:00Z")),
    ("after Saturday: Sunday 09:00 BST", |p| p.sessions = vec![session_on("2026-03-28", true, None)], "2026-03-28T19:00:00Z", Some("2026-03-29T08:00:00Z")),
    ("after Sunday: Monday 09:00 BST", |p| p.sessions = vec![session_on("2026-03-29", true, None)], "2026-03-29T19:00:00Z", Some("2026-03-30T08:00:00Z")),
    ("a chosen morning time", |p| { p.sessions = vec![session_on("2026-03-18", true, None)]; p.settings.morning_time = Some(time("07:30")); }, "2026-03-18T19:00:00Z", Some("2026-03-19T07:30:00Z")),
    ("work starts 08:30", |p| { p.sessions = vec![session_on("2026-03-18", true, None)]; p.profile.working_hours = Some(hours(Weekdays::MON_FRI, "08:30", "17:00")); }, "2026-03-18T19:00:00Z", Some("2026-03-19T08:30:00Z")),
    ("Sun–Thu from 08:00: after Thursday, Friday 09:00", |p| { p.zone = Some(zone("Asia/Riyadh")); p.profile.working_hours = Some(hours(sun_thu(), "08:00", "16:00")); p.sessions = vec![session_on("2026-03-19", true, None)]; }, "2026-03-19T16:00:00Z", Some("2026-03-20T06:00:00Z")),
    ("Sun–Thu from 08:00: after Saturday, Sunday 08:00", |p| { p.zone = Some(zone("Asia/Riyadh")); p.profile.working_hours = Some(hours(sun_thu(), "08:00", "16:00")); p.sessions = vec![session_on("2026-03-21", true, None)]; }, "2026-03-21T16:00:00Z", Some("2026-03-22T05:00:00Z")),
    ("night shift: after Wednesday, Thursday at the shift's end", |p| { night(p); p.sessions = vec![session_on("2026-03-18", true, None)]; }, "2026-03-18T19:00:00Z", Some("2026-03-19T06:00:00Z")),
    ("night shift: after Saturday, Sunday 09:00 (no shift that night)", |p| { night(p); p.sessions = vec![session_on("2026-03-21", true, None)]; }, "2026-03-21T19:00:00Z", Some("2026-03-22T09:00:00Z")),
    ("night shift: a chosen morning time wins", |p| { night(p); p.settings.morning_time = Some(time("14:00")); p.sessions = vec![session_on("2026-03-18", true, None)]; }, "2026-03-18T19:00:00Z", Some("2026-03-19T14:00:00Z")),
    ("Kathmandu: 09:00 is 03:15Z", |p| { p.zone = Some(zone("Asia/Kathmandu")); p.sessions = vec![session_on("2026-03-18", true, None)]; }, "2026-03-18T14:00:00Z", Some("2026-03-19T03:15:00Z")),
    ("the morning score is in", |p| p.sessions = vec![session_on("2026-03-18", true, Some(2))], "2026-03-18T19:00:00Z", None),
    ("the session was not finished", |p| p.sessions = vec![session_on("2026-03-18", false, None)], "2026-03-18T19:00:00Z", None),
    ("strictly after: that morning has come", |p| p.sessions = vec![session_on("2026-03-18", true, None)], "2026-03-19T09:00:00Z", None),
    ("paused through the morning", |p| { p.sessions = vec![session_on("2026-03-18", true, None)]; p.settings.paused_until = Some(utc("2026-03-19T12:00:00Z")); }, "2026-03-18T19:00:00Z", None),
    ("no session yet", |_| {}, "2026-03-18T19:00:00Z", None),
];

#[test]
fn next_morning_table() {
    check_rows("next_morning", MORNING, next_morning);
}

#[test]
fn next_all_is_one_per_kind_and_nothing_for_an_inactive_person() {
    let mut person = london();
    person.sessions = vec![session_on("2026-03-18", true, None)];
    let after = utc("2026-03-18T19:00:00Z");
    let due: Vec<(ReminderKind, String)> = next_all(&person, after)
        .into_iter()
        .map(|d| (d.kind, d.at.to_rfc3339()))
        .collect();
    assert_eq!(
        due,
        [
            (
                ReminderKind::MovementBreak,
                "2026-03-19T10:00:00+00:00".into()
            ),
            (
                ReminderKind::DailySession,
                "2026-03-19T18:00:00+00:00".into()
            ),
            (
                ReminderKind::MorningCheckin,
                "2026-03-19T09:00:00+00:00".into()
            ),
            (
                ReminderKind::WeeklyReview,
                "2026-03-20T17:00:00+00:00".into()
            ),
        ]
    );
    person.settings.active = false;
    assert!(next_all(&person, after).is_empty());
}

/// The week in review (ours): the end of work on the last working day before the days off,
/// or Sunday 18:00 without working hours; nothing without a program.
#[test]
fn next_review_table() {
    let after = utc("2026-03-18T19:00:00Z");
    let at = |p: &Person| next_review(p, after).map(|t| t.to_rfc3339());
    let person = london();
    assert_eq!(
        at(&person).as_deref(),
        Some("2026-03-20T17:00:00+00:00"),
        "Mon–Fri: Friday"
    );
    let mut sun_thu = london();
    if let Some(work) = &mut sun_thu.profile.working_hours {
        work.days = Weekdays::EVERY_DAY
            .toggled(Weekday::Fri)
            .toggled(Weekday::Sat);
    }
    assert_eq!(
        at(&sun_thu).as_deref(),
        Some("2026-03-19T17:00:00+00:00"),
        "Sun–Thu: Thursday"
    );
    let mut no_work = london();
    no_work.profile.working_hours = None;
    assert_eq!(
        at(&no_work).as_deref(),
        Some("2026-03-22T18:00:00+00:00"),
        "Sunday 18:00"
    );
    let mut no_program = london();
    no_program.program = None;
    assert_eq!(at(&no_program), None, "no program yet");
}

#[test]
fn grace_table() {
    for (kind, minutes) in [
        (ReminderKind::MovementBreak, 10),
        (ReminderKind::DailySession, 180),
        (ReminderKind::MorningCheckin, 180),
    ] {
        assert_eq!(grace(kind), Duration::minutes(minutes), "{kind:?}");
    }
}

// ---------------------------------------------------------------------------------------
// parse_pause

/// Now: Wednesday 2026-03-25 10:00 in London (GMT, = UTC); BST from Sunday the 29th.
const PAUSE_NOW: &str = "2026-03-25T10:00:00Z";

#[rustfmt::skip]
const PAUSES: &[(&str, Option<&str>)] = &[
    ("2h", Some("2026-03-25T12:00:00Z")),
    ("2 hours", Some("2026-03-25T12:00:00Z")),
    ("2 Stunden", Some("2026-03-25T12:00:00Z")),
    ("45m", Some("2026-03-25T10:45:00Z")),
    ("45 min", Some("2026-03-25T10:45:00Z")),
    ("90 minutes", Some("2026-03-25T11:30:00Z")),
    ("3d", Some("2026-03-28T10:00:00Z")),
    ("3 days", Some("2026-03-28T10:00:00Z")),
    ("3 Tage", Some("2026-03-28T10:00:00Z")),
    // Days and weeks are local days at the same wall time: 10:00 GMT → 10:00 BST.
    ("1w", Some("2026-04-01T09:00:00Z")),
    ("a week", Some("2026-04-01T09:00:00Z")),
    ("eine Woche", Some("2026-04-01T09:00:00Z")),
    ("366d", Some("2027-03-26T10:00:00Z")),
    ("today", Some("2026-03-26T00:00:00Z")),
    ("Today.", Some("2026-03-26T00:00:00Z")),
    ("heute", Some("2026-03-26T00:00:00Z")),
    // "tomorrow": today and tomorrow, back the morning after.
    ("tomorrow", Some("2026-03-27T00:00:00Z")),
    ("morgen", Some("2026-03-27T00:00:00Z")),
    ("until friday", Some("2026-03-27T00:00:00Z")),
    ("until Friday", Some("2026-03-27T00:00:00Z")),
    ("  until fri  ", Some("2026-03-27T00:00:00Z")),
    ("bis freitag", Some("2026-03-27T00:00:00Z")),
    ("bis Freitag.", Some("2026-03-27T00:00:00Z")),
    ("until thursday", Some("2026-03-26T00:00:00Z")),
    ("until monday", Some("2026-03-29T23:00:00Z")),
    ("until wednesday", Some("2026-03-31T23:00:00Z")),
    ("until 2026-12-01", Some("2026-12-01T00:00:00Z")),
    ("until 2026-03-26", Some("2026-03-26T00:00:00Z")),
    ("bis 2026-07-01", Some("2026-06-30T23:00:00Z")),
    // Not understood, or not in the future.
    ("", None),
    ("soon", None),
    ("2x", None),
    ("0h", None),
    ("-2h", None),
    ("h", None),
    ("367d", None),
    ("99999999999999999999h", None),
    ("until", None),
    ("until someday", None),
    ("until 2026-13-01", None),
    ("until 2026-03-25", None),
    ("until 2026-03-01", None),
    ("until 2020-01-01", None),
];

#[test]
fn parse_pause_table() {
    let person = london();
    let now = utc(PAUSE_NOW);
    let mut failures = Vec::new();
    for (text, expected) in PAUSES {
        let got = parse_pause(text, &person, now);
        let want = expected.map(utc);
        if got != want {
            failures.push(format!(
                "{text:?}: expected {}, got {}",
                show(want),
                show(got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        PAUSES.len(),
        failures.join("\n")
    );
    let mut nowhere = london();
    nowhere.zone = None;
    assert_eq!(parse_pause("2h", &nowhere, now), None, "no zone");
}

#[test]
fn pause_in_days_counts_local_days_across_the_change() {
    // Friday 27 March 10:00 GMT + 3 days = Monday 30 March 10:00 BST = 09:00 UTC
    // (platform.md: "Tomorrow at 09:00 is never now + 24 h").
    let now = utc("2026-03-27T10:00:00Z");
    assert_eq!(
        parse_pause("3d", &london(), now),
        Some(utc("2026-03-30T09:00:00Z"))
    );
}

// ---------------------------------------------------------------------------------------
// fire

/// (why, kind, change to the base person, due, now, Some(local time) if it speaks)
type FireRow = (
    &'static str,
    ReminderKind,
    fn(&mut Person),
    &'static str,
    &'static str,
    Option<&'static str>,
);

#[rustfmt::skip]
const FIRES: &[FireRow] = &[
    ("break on time", ReminderKind::MovementBreak, |_| {}, "2026-03-18T10:00:00Z", "2026-03-18T10:00:00Z", Some("10:00")),
    ("break 9 min late", ReminderKind::MovementBreak, |_| {}, "2026-03-18T10:00:00Z", "2026-03-18T10:09:00Z", Some("10:00")),
    ("break exactly 10 min late", ReminderKind::MovementBreak, |_| {}, "2026-03-18T10:00:00Z", "2026-03-18T10:10:00Z", Some("10:00")),
    ("stale break: 10 min 1 s late", ReminderKind::MovementBreak, |_| {}, "2026-03-18T10:00:00Z", "2026-03-18T10:10:01Z", None),
    ("stale break: 2 h late", ReminderKind::MovementBreak, |_| {}, "2026-03-18T10:00:00Z", "2026-03-18T12:00:00Z", None),
    ("break in BST: local 09:00", ReminderKind::MovementBreak, |_| {}, "2026-03-30T08:00:00Z", "2026-03-30T08:00:00Z", Some("09:00")),
    ("break with spread: local 10:04", ReminderKind::MovementBreak, |p| p.id = 1, "2026-03-18T10:04:49Z", "2026-03-18T10:04:49Z", Some("10:04")),
    ("daily on time", ReminderKind::DailySession, |_| {}, "2026-03-18T18:00:00Z", "2026-03-18T18:00:00Z", Some("18:00")),
    ("daily 3 h late", ReminderKind::DailySession, |_| {}, "2026-03-18T18:00:00Z", "2026-03-18T21:00:00Z", Some("18:00")),
    ("daily 3 h 1 s late", ReminderKind::DailySession, |_| {}, "2026-03-18T18:00:00Z", "2026-03-18T21:00:01Z", None),
    ("daily: today's session is done", ReminderKind::DailySession, |p| p.sessions = vec![session_on("2026-03-18", true, None)], "2026-03-18T18:00:00Z", "2026-03-18T18:00:00Z", None),
    ("daily: yesterday's session is done", ReminderKind::DailySession, |p| p.sessions = vec![session_on("2026-03-17", true, Some(1))], "2026-03-18T18:00:00Z", "2026-03-18T18:00:00Z", Some("18:00")),
    ("daily: no program", ReminderKind::DailySession, |p| p.program = None, "2026-03-18T18:00:00Z", "2026-03-18T18:00:00Z", None),
    ("daily: safety hold", ReminderKind::DailySession, |p| p.hold = Some(held("2026-03-17T00:00:00Z")), "2026-03-18T18:00:00Z", "2026-03-18T18:00:00Z", None),
    ("break: safety hold", ReminderKind::MovementBreak, |p| p.hold = Some(held("2026-03-17T00:00:00Z")), "2026-03-18T10:00:00Z", "2026-03-18T10:00:00Z", None),
    ("morning: safety hold", ReminderKind::MorningCheckin, |p| { p.hold = Some(held("2026-03-18T19:00:00Z")); p.sessions = vec![session_on("2026-03-18", true, None)]; }, "2026-03-19T09:00:00Z", "2026-03-19T09:00:00Z", None),
    ("morning on time", ReminderKind::MorningCheckin, |p| p.sessions = vec![session_on("2026-03-18", true, None)], "2026-03-19T09:00:00Z", "2026-03-19T09:00:00Z", Some("09:00")),
    ("morning 3 h 1 s late", ReminderKind::MorningCheckin, |p| p.sessions = vec![session_on("2026-03-18", true, None)], "2026-03-19T09:00:00Z", "2026-03-19T12:00:01Z", None),
    ("morning already scored", ReminderKind::MorningCheckin, |p| p.sessions = vec![session_on("2026-03-18", true, Some(2))], "2026-03-19T09:00:00Z", "2026-03-19T09:00:00Z", None),
    ("inactive: break", ReminderKind::MovementBreak, |p| p.settings.active = false, "2026-03-18T10:00:00Z", "2026-03-18T10:00:00Z", None),
    ("inactive: daily", ReminderKind::DailySession, |p| p.settings.active = false, "2026-03-18T18:00:00Z", "2026-03-18T18:00:00Z", None),
    ("inactive: morning", ReminderKind::MorningCheckin, |p| { p.settings.active = false; p.sessions = vec![session_on("2026-03-18", true, None)]; }, "2026-03-19T09:00:00Z", "2026-03-19T09:00:00Z", None),
];

#[test]
fn fire_table() {
    let mut failures = Vec::new();
    for (why, kind, tweak, due, now, speaks) in FIRES {
        let mut person = london();
        tweak(&mut person);
        let t = fire(person, *kind, utc(due), utc(now));
        match speaks {
            None => {
                if t.persist != Persist::Keep || !t.replies.is_empty() || !t.events.is_empty() {
                    failures.push(format!(
                        "{why}: expected silence, got {} replies, events {:?}",
                        t.replies.len(),
                        t.events
                    ));
                }
            }
            Some(local) => {
                let expected = vec![Event::ReminderSent {
                    kind: *kind,
                    local_time: chrono::NaiveTime::parse_from_str(local, "%H:%M")
                        .expect("a local time in the table"),
                }];
                if t.events != expected
                    || t.replies.is_empty()
                    || !matches!(t.persist, Persist::Save(_))
                {
                    failures.push(format!(
                        "{why}: expected {expected:?} with a reply, got {} replies, events {:?}",
                        t.replies.len(),
                        t.events
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        FIRES.len(),
        failures.join("\n")
    );
}

/// A break that speaks becomes the current one (its buttons count); a stale one changes
/// nothing at all.
#[test]
fn fire_marks_the_current_break_only_when_it_speaks() {
    let mut person = london();
    person.settings.last_break = Some(utc("2026-03-18T09:00:00Z"));
    person.settings.break_answered = true;
    let t = fire(
        person.clone(),
        ReminderKind::MovementBreak,
        utc("2026-03-18T10:00:00Z"),
        utc("2026-03-18T10:02:00Z"),
    );
    let Persist::Save(saved) = t.persist else {
        panic!("saved expected")
    };
    assert_eq!(saved.settings.last_break, Some(utc("2026-03-18T10:00:00Z")));
    assert!(!saved.settings.break_answered);

    let stale = fire(
        person,
        ReminderKind::MovementBreak,
        utc("2026-03-18T10:00:00Z"),
        utc("2026-03-18T10:30:00Z"),
    );
    assert_eq!(stale.persist, Persist::Keep);
}

// ---------------------------------------------------------------------------------------
// answer: a break's buttons count for the latest break, once, while it is current (its
// interval plus 15 minutes).

/// (why, change to the base person, code, pressed at, Some(button recorded) or refused)
type AnswerRow = (
    &'static str,
    fn(&mut Person),
    &'static str,
    &'static str,
    Option<&'static str>,
);

/// The base person after the 10:00 break of Wed 2026-03-18 went out.
fn after_the_10_break() -> Person {
    let t = fire(
        london(),
        ReminderKind::MovementBreak,
        utc("2026-03-18T10:00:00Z"),
        utc("2026-03-18T10:00:00Z"),
    );
    match t.persist {
        Persist::Save(p) => *p,
        other => panic!("the break should save the person: {other:?}"),
    }
}

#[rustfmt::skip]
const ANSWERS: &[AnswerRow] = &[
    ("done at once", |_| {}, "brk_done", "2026-03-18T10:00:00Z", Some("done")),
    ("snooze", |_| {}, "brk_snooze", "2026-03-18T10:05:00Z", Some("snooze")),
    ("meeting", |_| {}, "brk_meeting", "2026-03-18T10:05:00Z", Some("meeting")),
    ("skip", |_| {}, "brk_skip", "2026-03-18T10:05:00Z", Some("skip")),
    ("done at the end of its time (60 + 15 min)", |_| {}, "brk_done", "2026-03-18T11:15:00Z", Some("done")),
    ("done a second too late", |_| {}, "brk_done", "2026-03-18T11:15:01Z", None),
    ("90-minute breaks: current for 105 min", |p| p.settings.break_minutes = 90, "brk_done", "2026-03-18T11:45:00Z", Some("done")),
    ("90-minute breaks: then stale", |p| p.settings.break_minutes = 90, "brk_done", "2026-03-18T11:45:01Z", None),
    ("already answered", |p| p.settings.break_answered = true, "brk_skip", "2026-03-18T10:05:00Z", None),
    ("pressed before the break", |_| {}, "brk_done", "2026-03-18T09:59:00Z", None),
    ("an unknown code", |_| {}, "brk_nonsense", "2026-03-18T10:05:00Z", None),
    ("no break was ever sent", |p| p.settings.last_break = None, "brk_done", "2026-03-18T10:05:00Z", None),
];

/// A break button's code names its break by its due minute: `brk_done_<minute>`.
fn ten_o_clock(code: &str) -> String {
    format!("{code}_{}", utc("2026-03-18T10:00:00Z").timestamp() / 60)
}

#[test]
fn answer_table() {
    use hipcoach::core::dialog::nudge::answer;
    use hipcoach::core::{Msg, Write};
    let mut failures = Vec::new();
    for (why, tweak, code, now, recorded) in ANSWERS {
        let mut person = after_the_10_break();
        tweak(&mut person);
        let t = answer(person, &ten_o_clock(code), utc(now));
        let ok = match recorded {
            Some(button) => {
                matches!(
                    t.events.as_slice(),
                    [Event::ReminderAnswered {
                        kind: ReminderKind::MovementBreak,
                        button: pressed,
                    }] if <&str>::from(*pressed) == *button
                ) && t.writes
                    == [Write::BreakAnswer {
                        at: utc(now),
                        answer: (*button).into(),
                    }]
                    && matches!(&t.persist, Persist::Save(p) if p.settings.break_answered)
            }
            None => {
                t.persist == Persist::Keep
                    && t.events.is_empty()
                    && t.writes.is_empty()
                    && t.replies.first().map(|r| r.parts.first()) == Some(Some(&Msg::ButtonExpired))
            }
        };
        if !ok {
            failures.push(format!(
                "{why}: {code} at {now}: expected {recorded:?}, got events {:?}, writes {:?}",
                t.events, t.writes
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        ANSWERS.len(),
        failures.join("\n")
    );
}

#[test]
fn snooze_and_meeting_set_the_next_break() {
    use hipcoach::core::dialog::nudge::answer;
    let saved = |t: hipcoach::core::Transition| match t.persist {
        Persist::Save(p) => *p,
        other => panic!("saved expected: {other:?}"),
    };
    let snoozed = saved(answer(
        after_the_10_break(),
        &ten_o_clock("brk_snooze"),
        utc("2026-03-18T10:05:00Z"),
    ));
    assert_eq!(
        snoozed.settings.snoozed_until,
        Some(utc("2026-03-18T10:20:00Z"))
    );
    assert_eq!(
        next_break(&snoozed, utc("2026-03-18T10:05:00Z")),
        Some(utc("2026-03-18T10:20:00Z"))
    );
    let meeting = saved(answer(
        after_the_10_break(),
        &ten_o_clock("brk_meeting"),
        utc("2026-03-18T10:05:00Z"),
    ));
    assert_eq!(
        meeting.settings.breaks_after,
        Some(utc("2026-03-18T11:00:00Z"))
    );
    assert_eq!(
        next_break(&meeting, utc("2026-03-18T10:05:00Z")),
        Some(utc("2026-03-18T12:00:00Z")),
        "11:00 is skipped"
    );
}

/// In Telegram every earlier break message keeps its buttons: a press on the 10:00
/// message after the 11:00 one came must not count as an answer to the 11:00 break. (The
/// console can only tap the latest keyboard, so this is checked here, with the data of
/// the 10:00 message's own button.)
#[test]
fn an_older_break_s_button_is_refused_after_the_next_break_came() {
    use hipcoach::core::{Incoming, Input, Keyboard, Msg, step};
    let ten = fire(
        london(),
        ReminderKind::MovementBreak,
        utc("2026-03-18T10:00:00Z"),
        utc("2026-03-18T10:00:00Z"),
    );
    let Keyboard::Inline(rows) = &ten.replies[0].keyboard else {
        panic!("inline buttons expected")
    };
    let old_done = rows[0][0].data.clone();
    let Persist::Save(after_ten) = ten.persist else {
        panic!("saved expected")
    };
    let eleven = fire(
        *after_ten,
        ReminderKind::MovementBreak,
        utc("2026-03-18T11:00:00Z"),
        utc("2026-03-18T11:00:00Z"),
    );
    let Persist::Save(after_eleven) = eleven.persist else {
        panic!("saved expected")
    };
    let press = Incoming {
        user: 0,
        lang: Lang::En,
        input: Input::Button(old_done),
    };
    let t = step(Some(*after_eleven), &press, utc("2026-03-18T11:02:00Z"));
    assert!(t.events.is_empty(), "recorded: {:?}", t.events);
    assert!(t.writes.is_empty(), "recorded: {:?}", t.writes);
    assert_eq!(t.replies[0].parts[0], Msg::ButtonExpired);
}
