//! What a person is owed on a given day: the morning question for a recent session, the
//! monthly re-test.

use crate::core::person::Person;
use crate::core::rules::program::{Planned, SessionRecord, plan_session};
use chrono::{DateTime, Duration, NaiveDate, Utc};

/// How long a morning score is still asked for after a session (ours).
pub(crate) const MORNING_WINDOW_DAYS: i64 = 2;

/// The re-test is offered every four weeks (seed 002: re-measure monthly; coaching.md:
/// a weekly re-test measures mostly noise). /assess measures any time.
pub const RETEST_DAYS: i64 = 28;

pub(crate) fn today_local(person: &Person, now: DateTime<Utc>) -> NaiveDate {
    person.local(now).date()
}

/// The session waiting for a morning score now, if any: the latest one, from an earlier
/// local day within the window, without a morning score.
pub fn pending_morning(person: &Person, now: DateTime<Utc>) -> Option<&SessionRecord> {
    let last = person.sessions.last()?;
    let today = today_local(person, now);
    // A session from before a professional's check is not asked about afterwards.
    let before_check = person
        .profile
        .cleared_at
        .is_some_and(|c| last.started_at <= c);
    (last.pain_morning.is_none()
        && !last.morning_skipped
        && !before_check
        && last.local_date < today
        && today - last.local_date <= Duration::days(MORNING_WINDOW_DAYS))
    .then_some(last)
}

/// Whether /today should offer the monthly re-test first.
pub(crate) fn retest_due(person: &Person, now: DateTime<Utc>) -> bool {
    // The latest test, even one that measured nothing: it was the month's re-test.
    let latest = person
        .history
        .ranges
        .last()
        .map(|r| r.taken_at)
        .max(person.history.last.as_ref().map(|a| a.taken_at));
    latest.is_some_and(|at| now - at >= Duration::days(RETEST_DAYS))
}

/// Today's plan for the person as they stand: what /today would start.
pub fn todays_plan(person: &Person) -> Vec<Planned> {
    let Some(program) = &person.program else {
        return Vec::new();
    };
    let equipment = person.profile.equipment.clone().unwrap_or_default();
    plan_session(
        program.track,
        program.position,
        &equipment,
        person.sessions.len(),
    )
}
