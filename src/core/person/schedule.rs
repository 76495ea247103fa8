//! When reminders fall due: movement breaks in working hours, the daily session, the
//! morning check-in. Pure schedule maths on local dates and wall times in the person's
//! zone; the shell keeps one row per person and kind, and a delivery loop sends them.

use chrono::{
    DateTime, Datelike, Duration, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
    Timelike, Utc,
};

use crate::core::person::Person;
use crate::core::values::measures::{Weekdays, WorkingHours};
use crate::core::values::profile::Lunch;
use crate::core::values::reminders::{BREAK_MINUTES, Due, ReminderKind};
use crate::core::values::zone::Zone;

/// The spread of breaks across people: up to this many seconds after the slot (ours; keeps
/// a large base from all falling due at :00).
pub const SPREAD_SECONDS: i64 = 300;
/// The morning check-in without working hours that day (ours).
pub const DEFAULT_MORNING: (u32, u32) = (9, 0);

/// How late a reminder may still be sent after downtime: a movement break is worthless
/// late; a daily session or morning check-in is still useful within three hours.
pub fn grace(kind: ReminderKind) -> Duration {
    match kind {
        ReminderKind::MovementBreak => Duration::minutes(10),
        ReminderKind::DailySession | ReminderKind::MorningCheckin => Duration::hours(3),
        // Ours: a week's summary is still worth reading the same evening.
        ReminderKind::WeeklyReview => Duration::hours(6),
    }
}

/// The instant of a wall time on a local date. A time that does not exist (spring
/// forward) is the first instant after the gap; one that happens twice (fall back) is the
/// earlier one.
pub fn at_local(zone: Zone, date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let wall = date.and_time(time);
    let resolve = |ndt: NaiveDateTime| -> Option<DateTime<Utc>> {
        match zone {
            Zone::Named(tz) => match tz.from_local_datetime(&ndt) {
                LocalResult::Single(t) => Some(t.with_timezone(&Utc)),
                LocalResult::Ambiguous(early, _) => Some(early.with_timezone(&Utc)),
                LocalResult::None => None,
            },
            Zone::Fixed(offset) => offset
                .from_local_datetime(&ndt)
                .single()
                .map(|t| t.with_timezone(&Utc)),
        }
    };
    if let Some(t) = resolve(wall) {
        return t;
    }
    // In a gap: the first wall minute that exists again is where the gap ends (gaps start
    // and end on whole minutes).
    let minute = wall
        - Duration::seconds(i64::from(wall.second()))
        - Duration::nanoseconds(i64::from(wall.nanosecond()));
    (1..=24 * 60)
        .find_map(|m| resolve(minute.checked_add_signed(Duration::minutes(m))?))
        .unwrap_or_else(|| Utc.from_utc_datetime(&wall))
}

/// A small offset that is the same for a person every day, so that breaks spread out.
pub fn spread(user: i64) -> Duration {
    let mixed = (user as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40;
    Duration::seconds((mixed % SPREAD_SECONDS as u64) as i64)
}

/// The next movement break strictly after `after`: every `interval` minutes from the start
/// of work (the first an interval in), before the end, outside the lunch break, on working
/// days, in the person's zone.
pub fn next_break(person: &Person, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let zone = person.zone?;
    let work = person.profile.working_hours?;
    if person.settings.breaks_off {
        return None;
    }
    // Not before the intake is complete: a break carries a desk drill, and the safety
    // screen comes at the end of the intake.
    if crate::core::person::question::next_question(&person.profile).is_some() {
        return None;
    }
    let interval = Duration::minutes(i64::from(
        person
            .settings
            .break_minutes
            .clamp(BREAK_MINUTES.0, BREAK_MINUTES.1),
    ));
    if let Some(snoozed) = person.settings.snoozed_until
        && snoozed > after
        && person.settings.allows(zone, snoozed)
    {
        return Some(snoozed);
    }
    let after = person.settings.breaks_after.map_or(after, |b| b.max(after));
    let after = person.settings.search_from(after);
    // On vacation: look from the end of it (it may be longer than the days scanned below).
    let after = match person.settings.vacation {
        Some((from, to)) if (from..=to).contains(&zone.local(after).date()) => to
            .succ_opt()
            .map_or(after, |d| at_local(zone, d, NaiveTime::MIN).max(after)),
        _ => after,
    };
    let offset = spread(person.id);
    // Dates at the end of the calendar (a far pause stored by an older version) plan
    // nothing rather than overflow.
    let first_day = zone.local(after).date().pred_opt()?;
    // Vacation days are passed over, so the days scanned grow by their number.
    let vacation_days = person
        .settings
        .vacation
        .map_or(0, |(from, to)| (to - from).num_days() + 1)
        .clamp(0, 400);
    for d in 0..9 + vacation_days {
        let date = first_day.checked_add_signed(Duration::days(d))?;
        if !work.days.contains(date.weekday()) || person.settings.on_vacation(date) {
            continue;
        }
        // A shift that ends before it starts runs past midnight: the one that starts on a
        // working day ends the next morning.
        let start = date.and_time(work.start);
        let end = if work.end > work.start {
            date.and_time(work.end)
        } else {
            date.succ_opt()?.and_time(work.end)
        };
        let mut slot = start.checked_add_signed(interval)?;
        while slot < end {
            let in_lunch = matches!(person.profile.lunch,
                Some(Lunch::Break { start, end }) if slot.time() >= start && slot.time() < end);
            if !in_lunch {
                let at = at_local(zone, slot.date(), slot.time()) + offset;
                if at > after && person.settings.allows(zone, at) {
                    return Some(at);
                }
            }
            slot = slot.checked_add_signed(interval)?;
        }
    }
    None
}

/// Whether `at` falls in one of the person's shifts (outside the lunch break): a break
/// may come then. The shift that starts the day before counts when it runs past midnight.
pub fn at_work(person: &Person, at: DateTime<Utc>) -> bool {
    let (Some(zone), Some(work)) = (person.zone, person.profile.working_hours) else {
        return false;
    };
    let local = zone.local(at);
    let in_lunch = matches!(person.profile.lunch,
        Some(Lunch::Break { start, end }) if local.time() >= start && local.time() < end);
    let in_shift = |date: NaiveDate| {
        if !work.days.contains(date.weekday()) {
            return false;
        }
        let start = date.and_time(work.start);
        let end = if overnight(work) {
            date.succ_opt().map(|d| d.and_time(work.end))
        } else {
            Some(date.and_time(work.end))
        };
        end.is_some_and(|end| local >= start && local < end)
    };
    !in_lunch && (in_shift(local.date()) || local.date().pred_opt().is_some_and(in_shift))
}

/// Whether a shift runs past midnight (`22:00-06:00`).
fn overnight(work: WorkingHours) -> bool {
    work.end < work.start
}

/// Coming back after days without a session (all thresholds ours): from the 7th day one
/// kind check-in instead of the usual nudge, once; from the 14th the nudge every other
/// training day; from the 28th once a week. Any session brings the usual rhythm back.
pub const CHECK_IN_AFTER_DAYS: i64 = 7;
pub const EVERY_OTHER_AFTER_DAYS: i64 = 14;
pub const WEEKLY_AFTER_DAYS: i64 = 28;

/// What the daily reminder on a date is, after a gap in sessions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DailyNudge {
    /// The usual nudge.
    Usual,
    /// A kind check-in instead of it: the first training day a week after the last session.
    CheckIn,
    /// No reminder that day (eased: every other training day, then once a week).
    Eased,
}

/// The daily reminder on `date` for someone whose last session was on `last` (a local
/// date) and who trains on `days`. Pure, over dates only.
pub fn coming_back(last: NaiveDate, date: NaiveDate, days: Weekdays) -> DailyNudge {
    let gap = (date - last).num_days();
    let from = |n: i64| last.checked_add_signed(Duration::days(n));
    // Training days in [start, date).
    let count = |start: NaiveDate| {
        start
            .iter_days()
            .take_while(|d| *d < date)
            .filter(|d| days.contains(d.weekday()))
            .count()
    };
    if gap < CHECK_IN_AFTER_DAYS {
        DailyNudge::Usual
    } else if gap < EVERY_OTHER_AFTER_DAYS {
        // The first training day on or after day 7 gets the check-in.
        match from(CHECK_IN_AFTER_DAYS) {
            Some(start) if count(start) == 0 => DailyNudge::CheckIn,
            _ => DailyNudge::Usual,
        }
    } else if gap < WEEKLY_AFTER_DAYS {
        match from(EVERY_OTHER_AFTER_DAYS) {
            Some(start) if count(start) % 2 == 0 => DailyNudge::Usual,
            _ => DailyNudge::Eased,
        }
    } else {
        // The first training day of each week counted from day 28.
        let week = (gap - WEEKLY_AFTER_DAYS) / 7;
        match from(WEEKLY_AFTER_DAYS + 7 * week) {
            Some(start) if count(start) == 0 => DailyNudge::Usual,
            _ => DailyNudge::Eased,
        }
    }
}

/// The local date of the person's latest completed session.
pub fn last_session_day(person: &Person) -> Option<NaiveDate> {
    person
        .sessions
        .iter()
        .rev()
        .find(|s| s.completed_at.is_some())
        .map(|s| s.local_date)
}

/// The person's daily reminder on a local date: eased after a gap since their last
/// completed session. Before the first session there is nothing to come back from (ours):
/// the usual nudge.
pub fn daily_nudge(person: &Person, date: NaiveDate) -> DailyNudge {
    match last_session_day(person) {
        Some(last) => coming_back(last, date, person.profile.training_days()),
        None => DailyNudge::Usual,
    }
}

/// The next daily session reminder strictly after `after`, at the chosen drill time, on
/// the person's training days (every day if never chosen), eased after a gap
/// ([`coming_back`]).
pub fn next_daily(person: &Person, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let zone = person.zone?;
    let time = person.profile.drill_time?;
    person.program.as_ref()?;
    // No nudge on a day whose session is already done.
    let done = person
        .sessions
        .last()
        .filter(|s| s.completed_at.is_some())
        .map(|s| s.local_date);
    let after = person.settings.search_from(after);
    let first_day = zone.local(after).date().pred_opt()?;
    // Two weeks and a day: once a week, the next reminder may be 13 days away.
    (0..16)
        .map_while(|d| first_day.checked_add_signed(Duration::days(d)))
        .filter(|date| Some(*date) != done)
        .filter(|date| person.profile.training_days().contains(date.weekday()))
        .filter(|date| daily_nudge(person, *date) != DailyNudge::Eased)
        .map(|date| at_local(zone, date, time))
        .find(|at| *at > after && person.settings.allows(zone, *at))
}

/// The morning check-in after the latest session, if its morning score is still missing:
/// at the chosen check-in time, or the start of work on a working day (the end of a night
/// shift after a working night), or 09:00.
pub fn next_morning(person: &Person, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let zone = person.zone?;
    let last = person.sessions.last()?;
    if last.pain_morning.is_some() || last.completed_at.is_none() {
        return None;
    }
    if person
        .profile
        .cleared_at
        .is_some_and(|c| last.started_at <= c)
    {
        return None;
    }
    let date = last.local_date.succ_opt()?;
    let time = person
        .settings
        .morning_time
        .unwrap_or_else(|| match person.profile.working_hours {
            // Night shifts (ours): at the end of the night's shift, when the person is
            // awake and their working night is over; a night off, as on a free day.
            Some(w) if overnight(w) => match date.pred_opt() {
                Some(eve) if w.days.contains(eve.weekday()) => w.end,
                _ => NaiveTime::from_hms_opt(DEFAULT_MORNING.0, DEFAULT_MORNING.1, 0)
                    .unwrap_or(NaiveTime::MIN),
            },
            Some(w) if w.days.contains(date.weekday()) => w.start,
            _ => NaiveTime::from_hms_opt(DEFAULT_MORNING.0, DEFAULT_MORNING.1, 0)
                .unwrap_or(NaiveTime::MIN),
        });
    let at = at_local(zone, date, time);
    (at > after && person.settings.allows(zone, at)).then_some(at)
}

/// The week in review, strictly after `after` (ours): at the end of work on the last
/// working day of the person's week (the last day of their working days whose next day is
/// off: Friday for Mon–Fri, Thursday for Sun–Thu), or Sunday 18:00 without working hours
/// or with every day worked. Only once a program exists.
pub fn next_review(person: &Person, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let zone = person.zone?;
    person.program.as_ref()?;
    if !person.settings.weekly_review {
        return None;
    }
    let (day, time) = review_slot(person);
    let after = person.settings.search_from(after);
    let first_day = zone.local(after).date().pred_opt()?;
    (0..16)
        .map_while(|d| first_day.checked_add_signed(Duration::days(d)))
        .filter(|date| date.weekday() == day)
        .map(|date| at_local(zone, date, time))
        .find(|at| *at > after && person.settings.allows(zone, *at))
}

/// The weekday and wall time of the week in review (see [`next_review`]).
pub fn review_slot(person: &Person) -> (chrono::Weekday, NaiveTime) {
    let evening = NaiveTime::from_hms_opt(18, 0, 0).unwrap_or(NaiveTime::MIN);
    let Some(work) = person.profile.working_hours else {
        return (chrono::Weekday::Sun, evening);
    };
    crate::core::values::measures::WEEK
        .iter()
        .rev()
        .find(|day| work.days.contains(**day) && !work.days.contains(day.succ()))
        .map_or((chrono::Weekday::Sun, evening), |day| (*day, work.end))
}

/// Everything that falls due next for a person, one per kind.
///
/// Nothing while a safety hold stands (`safety`): no session reminder, no morning
/// check-in, and no movement break either. A break carries a desk drill, and even a plain
/// "walk a few steps" is movement advice for someone just told to have a swollen, locking
/// or painful joint checked first; the referral is the one message that should stand.
/// Breaks come back the moment the hold is lifted, since the schedule is rewritten with
/// the person.
pub fn next_all(person: &Person, after: DateTime<Utc>) -> Vec<Due> {
    if !person.settings.active || person.hold.is_some() {
        return Vec::new();
    }
    [
        (ReminderKind::MovementBreak, next_break(person, after)),
        (ReminderKind::DailySession, next_daily(person, after)),
        (ReminderKind::MorningCheckin, next_morning(person, after)),
        (ReminderKind::WeeklyReview, next_review(person, after)),
    ]
    .into_iter()
    .filter_map(|(kind, at)| at.map(|at| Due { kind, at }))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Weekday;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    /// What the daily reminder is on each of the `n` days after `last`.
    fn run(last: &str, days: Weekdays, n: i64) -> Vec<(i64, DailyNudge)> {
        let last = day(last);
        (1..=n)
            .map(|i| last + Duration::days(i))
            .filter(|d| days.contains(d.weekday()))
            .map(|d| ((d - last).num_days(), coming_back(last, d, days)))
            .collect()
    }

    fn sent(rows: &[(i64, DailyNudge)], from: i64, to: i64) -> Vec<i64> {
        rows.iter()
            .filter(|(gap, kind)| (from..to).contains(gap) && *kind != DailyNudge::Eased)
            .map(|(gap, _)| *gap)
            .collect()
    }

    #[test]
    fn every_day_eases_after_one_two_and_four_weeks() {
        // Last session Monday 2 March 2026; trains every day.
        let rows = run("2026-03-02", Weekdays::EVERY_DAY, 60);
        // Days 1–6 as usual; day 7 the check-in, once; days 8–13 as usual again.
        assert_eq!(sent(&rows, 1, 7), vec![1, 2, 3, 4, 5, 6]);
        let check_ins: Vec<_> = rows
            .iter()
            .filter(|(_, k)| *k == DailyNudge::CheckIn)
            .map(|(gap, _)| *gap)
            .collect();
        assert_eq!(check_ins, vec![7]);
        assert_eq!(sent(&rows, 8, 14), vec![8, 9, 10, 11, 12, 13]);
        // Days 14–27: every other day.
        assert_eq!(sent(&rows, 14, 28), vec![14, 16, 18, 20, 22, 24, 26]);
        // From day 28: once a week.
        assert_eq!(sent(&rows, 28, 61), vec![28, 35, 42, 49, 56]);
    }

    #[test]
    fn three_training_days_ease_by_training_days() {
        // Mon, Wed, Fri; last session Friday 6 March 2026.
        let days = Weekdays::from_days([Weekday::Mon, Weekday::Wed, Weekday::Fri]);
        let rows = run("2026-03-06", days, 50);
        // The check-in on the first training day from day 7 (Friday 13th, day 7).
        let check_in: Vec<_> = rows
            .iter()
            .filter(|(_, k)| *k == DailyNudge::CheckIn)
            .map(|(gap, _)| *gap)
            .collect();
        assert_eq!(check_in, vec![7]);
        // Days 14–27 (Fri 20 Mar to Thu 2 Apr: days 14, 17, 19, 21, 24, 26): every other
        // training day.
        assert_eq!(sent(&rows, 14, 28), vec![14, 19, 24]);
        // From day 28 (Friday 3 April): the first training day of each week.
        assert_eq!(sent(&rows, 28, 51), vec![28, 35, 42, 49]);
    }

    #[test]
    fn the_check_in_waits_for_a_training_day() {
        // Last session Wednesday 4 March; trains Mon, Wed, Fri: day 7 is Wednesday 11th.
        // With Tue and Thu only, day 7 (Wed) is no training day: Thursday 12th, day 8.
        let days = Weekdays::from_days([Weekday::Tue, Weekday::Thu]);
        let last = day("2026-03-04");
        assert_eq!(
            coming_back(last, day("2026-03-10"), days),
            DailyNudge::Usual
        );
        assert_eq!(
            coming_back(last, day("2026-03-12"), days),
            DailyNudge::CheckIn
        );
        assert_eq!(
            coming_back(last, day("2026-03-17"), days),
            DailyNudge::Usual
        );
    }

    #[test]
    fn nothing_eases_within_a_week() {
        let last = day("2026-03-02");
        for n in 0..7 {
            let date = last + Duration::days(n);
            assert_eq!(
                coming_back(last, date, Weekdays::EVERY_DAY),
                DailyNudge::Usual
            );
        }
    }
}
