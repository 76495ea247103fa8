//! /progress and /history: range and pain over time, and the sessions so far.

use crate::core::person::due::today_local;
use crate::core::rules::program::SessionRecord;
use crate::core::rules::progression;
use crate::core::say::shown::Shown;
use chrono::Duration;
use chrono::NaiveDate;
use chrono::{DateTime, Utc};

use crate::core::person::Person;
use crate::core::rules::assessment::Side;
use crate::core::rules::progression::Range;
use crate::core::say::msg::Msg;
use crate::core::say::reply::{Chart, Reply};
use crate::core::values::profile::AgeBand;

/// /progress: range per side over time against the normal band, pain over time, and a
/// short summary.
pub(crate) fn progress_reply(person: &Person, now: DateTime<Utc>) -> Reply {
    if person.history.ranges.is_empty() && person.sessions.is_empty() {
        return Reply::new(Msg::ProgressEmpty);
    }
    let mut reply = Reply::new(Msg::ProgressTitle);
    reply.parts.extend(progress_summary(person, now));
    reply.chart = chart(person);
    reply
}

/// The /progress chart: range per side against the normal band, pain over time; `None`
/// with nothing measured or done yet.
pub(crate) fn chart(person: &Person) -> Option<Chart> {
    let ranges = &person.history.ranges;
    if ranges.is_empty() && person.sessions.is_empty() {
        return None;
    }
    let band = person.profile.age_band.unwrap_or(AgeBand::From20To50);
    let points = |pick: fn(&Range) -> Option<u8>| {
        ranges
            .iter()
            .filter_map(|r| pick(r).map(|d| (r.taken_at, d)))
            .collect()
    };
    let pain = |pick: fn(&SessionRecord) -> Option<u8>| {
        person
            .sessions
            .iter()
            .filter_map(|s| pick(s).map(|p| (s.started_at, p)))
            .collect()
    };
    Some(Chart {
        normal: band.normal_internal_rotation(),
        left: points(|r| r.left_ir),
        right: points(|r| r.right_ir),
        during: pain(|s| s.pain_during),
        morning: pain(|s| s.pain_morning),
    })
}

/// /history: the latest sessions with their pain scores.
pub fn history_reply(person: &Person, now: DateTime<Utc>) -> Reply {
    if person.sessions.is_empty() {
        return Reply::new(Msg::HistoryEmpty);
    }
    let zone = person.zone;
    let today = today_local(person, now);
    let lines = person
        .sessions
        .iter()
        .rev()
        .take(10)
        .map(|s| {
            let day = zone
                .map(|z| z.local(s.started_at).date())
                .unwrap_or(s.local_date);
            Msg::HistoryLine {
                date: Shown::day(day, today),
                phase: i64::from(s.position.phase.number()),
                level: i64::from(s.position.level),
                done: s.outcomes.iter().filter(|o| o.as_prescribed()).count() as i64,
                planned: s.plan.len() as i64,
                during: s.pain_during,
                morning: s.pain_morning,
            }
        })
        .collect();
    Reply::new(Msg::HistoryTitle).with(Msg::Lines(lines))
}

/// The short text under the /progress chart: sessions this week, streak, trend.
pub fn progress_summary(person: &Person, now: DateTime<Utc>) -> Vec<Msg> {
    let today = today_local(person, now);
    let week_start = today - Duration::days(6);
    // Only sessions finished by `now`: after a clock moved back, a later one has not happened.
    let done = || {
        person
            .sessions
            .iter()
            .filter(|s| s.completed_at.is_some_and(|at| at <= now) && s.local_date <= today)
    };
    let this_week = done().filter(|s| s.local_date >= week_start).count();
    // The streak: consecutive local days with a session, ending today or yesterday.
    let mut days: Vec<NaiveDate> = done().map(|s| s.local_date).collect();
    days.dedup();
    let mut streak = 0;
    let mut expect = today;
    for day in days.iter().rev() {
        if *day == expect || (streak == 0 && *day == today - Duration::days(1)) {
            streak += 1;
            expect = *day - Duration::days(1);
        } else if *day < expect {
            break;
        }
    }
    let mut parts = vec![Msg::ProgressWeek {
        sessions: this_week as i64,
        streak,
    }];
    // Each side since its first test, with itself and like with like (an estimate band
    // is compared with the first estimate, a measured number with the first number).
    let ranges = &person.history.ranges;
    for side in [Side::Left, Side::Right] {
        let measured: Vec<&progression::Range> = ranges
            .iter()
            .filter(|r| r.internal(side).0.is_some())
            .collect();
        let Some(last) = measured.last() else {
            continue;
        };
        let first = measured[..measured.len() - 1]
            .iter()
            .find(|r| r.internal(side).1 == last.internal(side).1)
            .or(measured.first().filter(|_| measured.len() > 1));
        let Some(first) = first else {
            continue;
        };
        if let (Some(kind), (Some(a), _), (Some(b), _)) = (
            first.change_to(last, side),
            first.internal(side),
            last.internal(side),
        ) {
            parts.push(Msg::ProgressSideChange {
                side,
                change: i64::from(b) - i64::from(a),
                kind,
            });
        }
    }
    let recent: Vec<u8> = person
        .sessions
        .iter()
        .rev()
        .take(3)
        .filter_map(|s| s.pain_during)
        .collect();
    if !recent.is_empty() {
        let avg = recent.iter().map(|&p| i64::from(p)).sum::<i64>() * 10 / recent.len() as i64;
        parts.push(Msg::ProgressPain { tenths: avg });
    }
    if let Some(program) = &person.program {
        parts.push(Msg::ProgressPosition {
            phase: i64::from(program.position.phase.number()),
            level: i64::from(program.position.level),
        });
    }
    parts
}
