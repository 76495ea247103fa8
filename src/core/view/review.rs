//! The week in review (a weekly reminder) and /stats (the same on demand): sessions done
//! of those planned, movement breaks done, snoozed and skipped, the pain trend, the
//! decision of the week, with the /progress chart. It prescribes nothing.
//!
//! A week is the seven local days that end on the person's review day
//! (`schedule::review_slot`: the last working day of their week, or Sunday), so every day
//! falls in exactly one review.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use crate::core::person::Person;
use crate::core::person::schedule::review_slot;
use crate::core::say::msg::{Msg, Trend};
use crate::core::say::reply::Reply;
use crate::core::say::shown::Shown;
use crate::core::view::progress::chart;

/// What a week held, counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WeekCounts {
    pub done: i64,
    pub planned: i64,
    pub breaks_done: i64,
    pub snoozed: i64,
    pub skipped: i64,
}

impl WeekCounts {
    fn empty(&self) -> bool {
        self.done == 0 && self.breaks_done == 0 && self.snoozed == 0 && self.skipped == 0
    }
}

fn local(person: &Person, at: DateTime<Utc>) -> NaiveDate {
    person.local(at).date()
}

/// The review day on or after `date`.
fn review_day_from(person: &Person, date: NaiveDate) -> NaiveDate {
    let (day, _) = review_slot(person);
    let ahead = (i64::from(day.num_days_from_monday())
        - i64::from(date.weekday().num_days_from_monday()))
    .rem_euclid(7);
    date + Duration::days(ahead)
}

/// Sessions planned and done, breaks answered, from `from` to `to` (local dates, both
/// included); sessions are planned on training days up to `planned_to`.
fn counts(person: &Person, from: NaiveDate, to: NaiveDate, planned_to: NaiveDate) -> WeekCounts {
    let days = person.profile.training_days();
    let planned = (0..7)
        .map(|d| from + Duration::days(d))
        .filter(|d| *d <= planned_to && days.contains(d.weekday()))
        .count();
    let within = |date: NaiveDate| date >= from && date <= to;
    let done = person
        .sessions
        .iter()
        .filter(|s| s.completed_at.is_some() && within(s.local_date))
        .count();
    let answers = |names: &[&str]| {
        person
            .recent
            .breaks
            .iter()
            .filter(|b| within(local(person, b.at)) && names.contains(&b.answer.as_str()))
            .count()
    };
    let n = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
    WeekCounts {
        done: n(done),
        planned: n(planned),
        breaks_done: n(answers(&["done"])),
        snoozed: n(answers(&["snooze"])),
        // "In a meeting" skips the next break: counted with the skipped ones.
        skipped: n(answers(&["skip", "meeting"])),
    }
}

/// First against last score of the week, in words; `None` with fewer than two.
fn trend(scores: &[u8]) -> Option<Trend> {
    let (first, last) = (scores.first()?, scores.last()?);
    if scores.len() < 2 {
        return None;
    }
    Some(match last.cmp(first) {
        std::cmp::Ordering::Less => Trend::Lower,
        std::cmp::Ordering::Equal => Trend::Same,
        std::cmp::Ordering::Greater => Trend::Higher,
    })
}

/// The lines of one week: numbers, pain trend, the decision; `None` for a week with
/// nothing on record.
fn week_lines(person: &Person, from: NaiveDate, to: NaiveDate, c: WeekCounts) -> Option<Vec<Msg>> {
    if c.empty() {
        return None;
    }
    let within = |date: NaiveDate| date >= from && date <= to;
    let sessions: Vec<_> = person
        .sessions
        .iter()
        .filter(|s| within(s.local_date))
        .collect();
    let during: Vec<u8> = sessions.iter().filter_map(|s| s.pain_during).collect();
    let morning: Vec<u8> = sessions.iter().filter_map(|s| s.pain_morning).collect();
    let mut lines = vec![
        Msg::ReviewSessions {
            done: c.done,
            planned: c.planned,
        },
        Msg::ReviewBreaks {
            done: c.breaks_done,
            snoozed: c.snoozed,
            skipped: c.skipped,
        },
    ];
    if let Some(trend) = trend(&during) {
        lines.push(Msg::ReviewPainDuring { trend });
    }
    if let Some(trend) = trend(&morning) {
        lines.push(Msg::ReviewPainMorning { trend });
    }
    let decided = person
        .recent
        .decisions
        .iter()
        .rev()
        .find(|d| within(local(person, d.at)));
    match (decided, &person.program) {
        (Some(d), _) => lines.push(Msg::Decided {
            rule: d.rule,
            phase: i64::from(d.phase),
            level: i64::from(d.level),
        }),
        (None, Some(program)) => lines.push(Msg::ReviewNoChange {
            phase: i64::from(program.position.phase.number()),
            level: i64::from(program.position.level),
        }),
        (None, None) => {}
    }
    Some(lines)
}

/// The week in review, sent on the review day: the seven days ending today.
pub(crate) fn review_reply(person: &Person, now: DateTime<Utc>) -> Reply {
    let today = local(person, now);
    let from = today - Duration::days(6);
    let c = counts(person, from, today, today);
    let title = Msg::ReviewTitle {
        from: Shown::day(from, today),
        to: Shown::day(today, today),
    };
    match week_lines(person, from, today, c) {
        Some(lines) => {
            let mut reply = Reply::new(title).with(Msg::Lines(lines));
            reply.chart = chart(person);
            reply.with(Msg::ReviewFooter)
        }
        None => Reply::new(title).with(Msg::ReviewQuiet),
    }
}

/// /stats: this week so far (since the last review day), and a line for last week.
pub(crate) fn stats_reply(person: &Person, now: DateTime<Utc>) -> Reply {
    let today = local(person, now);
    let end = review_day_from(person, today);
    let from = end - Duration::days(6);
    let c = counts(person, from, today, end);
    let mut reply = Reply::new(Msg::StatsTitle {
        from: Shown::day(from, today),
    });
    match week_lines(person, from, today, c) {
        Some(lines) => {
            reply = reply.with(Msg::Lines(lines));
            reply.chart = chart(person);
        }
        None => reply = reply.with(Msg::StatsQuiet),
    }
    let last_to = from - Duration::days(1);
    let last_from = last_to - Duration::days(6);
    let last = counts(person, last_from, last_to, last_to);
    reply.with(if last.empty() {
        Msg::StatsLastWeekQuiet
    } else {
        Msg::StatsLastWeek {
            done: last.done,
            planned: last.planned,
            breaks: last.breaks_done,
        }
    })
}
