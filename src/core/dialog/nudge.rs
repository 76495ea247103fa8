//! Reminders as the person meets them: a movement break with a desk drill, the daily
//! session, the morning check-in; the answers to a break's buttons; /pause, /resume,
//! /reminders, /quiet and /breaks.

use crate::core::person::due::{pending_morning, today_local};
use crate::core::read::calendar::day_named;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};

use crate::core::ask;
use crate::core::dialog::session;
use crate::core::event::{Event, ReminderButton, Updated};
use crate::core::person::hold;
use crate::core::person::recent::BreakAnswer;
use crate::core::person::schedule::{self, grace, next_all, next_break};
use crate::core::person::{Dialog, Person};
use crate::core::read::answers::parse_time_of_day;
use crate::core::rules::catalog;
use crate::core::say::msg::Msg;
use crate::core::say::reply::option as button;
use crate::core::say::reply::{Keyboard, Reply};
use crate::core::say::shown::Shown;
use crate::core::transition::{Transition, Write};
use crate::core::values::reminders::{BREAK_MINUTES, ReminderKind};
use crate::core::view::review::review_reply;

/// The person's wall-clock time at `at`, to the minute (UTC without a zone).
fn local_minute(person: &Person, at: DateTime<Utc>) -> NaiveTime {
    let local = person.local(at);
    NaiveTime::from_hms_opt(local.hour(), local.minute(), 0).unwrap_or_default()
}

/// A reminder fell due. Stale ones (after downtime) are dropped without a word; the rest
/// speak, and the shell sends what they say.
pub fn fire(
    mut person: Person,
    kind: ReminderKind,
    due: DateTime<Utc>,
    now: DateTime<Utc>,
) -> Transition {
    let silent = Transition::new_keep(person.lang);
    let allowed = person.zone.is_none_or(|z| person.settings.allows(z, now));
    // A reminder planned before a hold began says nothing (safety: no drill while held),
    // and closes a drill question still open.
    if hold::close_drill_dialog(&mut person) {
        return Transition::save(person);
    }
    if now - due > grace(kind) || !person.settings.active || !allowed || person.hold.is_some() {
        return silent;
    }
    let reply = match kind {
        ReminderKind::MovementBreak => {
            person.settings.last_break = Some(due);
            person.settings.break_answered = false;
            if person.settings.snoozed_until.is_some_and(|s| s <= now) {
                person.settings.snoozed_until = None;
            }
            if person.settings.breaks_after.is_some_and(|b| b <= now) {
                person.settings.breaks_after = None;
            }
            if count_ignored_days(&mut person, due) {
                less_often_question(&mut person, due)
            } else {
                break_reply(&person, due)
            }
        }
        ReminderKind::DailySession => {
            let done_today = person.sessions.last().is_some_and(|s| {
                person
                    .zone
                    .is_some_and(|z| z.local(now).date() == s.local_date)
                    && s.completed_at.is_some()
            });
            let program = person.program.as_ref();
            if done_today || program.is_none() {
                return silent;
            }
            let minutes = i64::from(crate::core::rules::program::minutes(&session::todays_plan(
                &person,
            )));
            // A week after the last session: a kind check-in instead, once.
            let today = today_local(&person, now);
            let last = schedule::last_session_day(&person);
            let msg = match (schedule::daily_nudge(&person, today), last) {
                (schedule::DailyNudge::CheckIn, Some(last)) => Msg::ComeBackCheckIn {
                    days: (today - last).num_days(),
                    minutes,
                },
                _ => Msg::DailyNudge { minutes },
            };
            Reply::new(msg).keyboard(Keyboard::Inline(vec![vec![
                button(Msg::StartSession, "start_session"),
                button(Msg::NotToday, "not_today"),
            ]]))
        }
        ReminderKind::WeeklyReview if !person.settings.weekly_review => return silent,
        ReminderKind::WeeklyReview => review_reply(&person, now),
        ReminderKind::MorningCheckin => {
            let Some(pending) = pending_morning(&person, now) else {
                return silent;
            };
            if person.dialog != Dialog::Idle {
                return silent;
            }
            person.dialog = Dialog::MorningPain {
                session: pending.started_at,
                then_today: false,
            };
            match ask::session::prompt(&person, now) {
                Some(reply) => reply,
                None => return silent,
            }
        }
    };
    let local_time = local_minute(&person, due);
    Transition::save(person)
        .say(reply)
        .event(Event::ReminderSent { kind, local_time })
}

/// Working days in a row with every break unanswered before "shall I come less often?"
/// is asked, and how long after it was asked or answered it is not asked again (ours).
pub const IGNORED_DAYS: u8 = 3;
pub const LESS_OFTEN_QUIET_DAYS: i64 = 14;

/// A break goes out: on the first break of a new working day, the day before is counted
/// (all its breaks unanswered, or not). True when the question is due now: three working
/// days in a row ignored, and not asked or answered in the last two weeks.
fn count_ignored_days(person: &mut Person, due: DateTime<Utc>) -> bool {
    let s = &mut person.settings;
    let day = person
        .zone
        .map_or(due.date_naive(), |z| z.local(due).date());
    if s.break_day == Some(day) {
        return false;
    }
    if s.break_day.is_some() {
        s.ignored_days = if s.break_day_answered {
            0
        } else {
            s.ignored_days.saturating_add(1)
        };
    }
    s.break_day = Some(day);
    s.break_day_answered = false;
    // Asked once: not again while it waits for an answer, nor for two weeks after.
    let quiet = s.less_often_open
        || s.less_often_at
            .is_some_and(|at| due - at < Duration::days(LESS_OFTEN_QUIET_DAYS));
    s.ignored_days >= IGNORED_DAYS && !quiet
}

/// "Shall I come less often?", once, instead of the break: every two hours, breaks off,
/// or keep as is. Its buttons name the question's minute, as a break's do.
fn less_often_question(person: &mut Person, due: DateTime<Utc>) -> Reply {
    person.settings.less_often_at = Some(due);
    person.settings.less_often_open = true;
    person.settings.ignored_days = 0;
    let id = due.timestamp() / 60;
    let b = |label, what: &str| button(label, &format!("brk_{what}_{id}"));
    Reply::new(Msg::LessOftenAsk {
        days: i64::from(IGNORED_DAYS),
    })
    .keyboard(Keyboard::Inline(vec![
        vec![b(Msg::LessOftenTwoHours, "less2h")],
        vec![b(Msg::LessOftenOff, "lessoff")],
        vec![b(Msg::LessOftenKeep, "lesskeep")],
    ]))
}

/// The answer to "shall I come less often?"; only the open question's buttons count.
fn less_often_answer(mut person: Person, what: &str, id: i64, now: DateTime<Utc>) -> Transition {
    let open = person.settings.less_often_open
        && person
            .settings
            .less_often_at
            .is_some_and(|at| at.timestamp() / 60 == id);
    if !open {
        return Transition::expired(&person);
    }
    person.settings.less_often_open = false;
    person.settings.less_often_at = Some(now);
    person.settings.break_day_answered = true;
    let msg = match what {
        "less2h" => {
            person.settings.break_minutes = BREAK_MINUTES.1;
            Msg::BreaksSet {
                minutes: i64::from(BREAK_MINUTES.1),
            }
        }
        "lessoff" => {
            person.settings.breaks_off = true;
            Msg::BreaksOff
        }
        _ => Msg::LessOftenKept {
            minutes: i64::from(person.settings.break_minutes),
        },
    };
    Transition::save(person)
        .say(Reply::new(msg))
        .event(Event::ProfileUpdated {
            field: Updated::BreakInterval,
        })
}

/// The drill for a break: the desk drills in turn, hour by hour and day by day.
fn break_reply(person: &Person, due: DateTime<Utc>) -> Reply {
    let local = person.local(due);
    let usual = person.profile.usual_pain.map_or(0, |p| p.value());
    let settled = crate::core::rules::program::had_settled_morning(&person.sessions, usual);
    let drills: Vec<_> = catalog::break_drills(settled).collect();
    let turn = (local.ordinal() as usize * 7 + local.hour() as usize) % drills.len().max(1);
    let Some(drill) = drills.get(turn) else {
        return Reply::new(Msg::BreakNudgeWalk);
    };
    let level = person.program.as_ref().map_or(1, |p| p.position.level);
    let dose = drill.break_dose(level);
    Reply::new(Msg::BreakNudge {
        name: Box::new(Msg::ExerciseName(drill.id)),
    })
    .with(Msg::dose(&dose))
    .with(Msg::ExerciseHow(drill.id))
    .keyboard(Keyboard::Inline({
        // Each break's buttons name it (by its due minute), so that an older break's
        // button cannot answer a newer one.
        let id = due.timestamp() / 60;
        let b = |label, what: &str| button(label, &format!("brk_{what}_{id}"));
        vec![
            vec![b(Msg::BreakDone, "done"), b(Msg::BreakSnooze, "snooze")],
            vec![b(Msg::BreakMeeting, "meeting"), b(Msg::Skip, "skip")],
            vec![b(Msg::BreakMoved, "moved")],
        ]
    }))
}

/// Whether a button code belongs to the reminders (answered whatever the open dialog).
pub fn is_reminder_code(code: &str) -> bool {
    code.starts_with("brk_")
        || code.starts_with("quiet_")
        || code == "start_session"
        || code == "not_today"
}

/// A press on a reminder's button. A break's buttons count only for the latest break,
/// once, and while it is current (within its interval).
pub fn answer(mut person: Person, code: &str, now: DateTime<Utc>) -> Transition {
    match code {
        "start_session" => {
            return session::today(person, now).event(Event::ReminderAnswered {
                kind: ReminderKind::DailySession,
                button: ReminderButton::Start,
            });
        }
        "quiet_move" | "quiet_keep" => return quiet_session_answer(person, code),
        "not_today" => {
            return Transition::save(person)
                .say(Reply::new(Msg::NotTodayOk))
                .event(Event::ReminderAnswered {
                    kind: ReminderKind::DailySession,
                    button: ReminderButton::NotToday,
                });
        }
        _ => {}
    }
    let interval = Duration::minutes(i64::from(person.settings.break_minutes));
    let Some((what, id)) = code
        .strip_prefix("brk_")
        .and_then(|rest| rest.rsplit_once('_'))
        .and_then(|(what, id)| Some((what, id.parse::<i64>().ok()?)))
    else {
        return Transition::expired(&person);
    };
    if what.starts_with("less") {
        return less_often_answer(person, what, id, now);
    }
    let current = person.settings.last_break.is_some_and(|at| {
        at.timestamp() / 60 == id && now >= at && now - at <= interval + Duration::minutes(15)
    }) && !person.settings.break_answered;
    if !current {
        return Transition::expired(&person);
    }
    let (answer, msg) = match what {
        "done" => (ReminderButton::Done, Msg::BreakThanks),
        "skip" => (ReminderButton::Skip, Msg::BreakSkipped),
        "snooze" => {
            person.settings.snoozed_until = Some(now + Duration::minutes(15));
            (ReminderButton::Snooze, Msg::BreakSnoozed)
        }
        "meeting" => {
            // Skip the next one: breaks resume after it.
            person.settings.breaks_after = next_break(&person, now);
            (ReminderButton::Meeting, Msg::BreakMeetingOk)
        }
        "moved" => {
            restart_break_timer(&mut person, now);
            (ReminderButton::Moved, moved_note(&person, now))
        }
        _ => return Transition::expired(&person),
    };
    person.settings.break_answered = true;
    person.recent.breaks.push(BreakAnswer {
        at: now,
        answer: <&str>::from(answer).into(),
    });
    person.settings.break_day_answered = true;
    person.settings.ignored_days = 0;
    person.settings.less_often_open = false;
    Transition::save(person)
        .say(Reply::new(msg))
        .event(Event::ReminderAnswered {
            kind: ReminderKind::MovementBreak,
            button: answer,
        })
        .write(Write::BreakAnswer {
            at: now,
            answer: <&str>::from(answer).into(),
        })
}

/// Whether typed text is "I already moved" for someone whose movement breaks are on.
pub fn is_already_moved(person: &Person, text: &str) -> bool {
    person.profile.working_hours.is_some()
        && !person.settings.breaks_off
        && crate::core::read::answers::says_already_moved(text)
}

/// "I already moved", typed: the timer starts again, so the next break comes one interval
/// from now (Stretchly #177). The latest break, if still open, counts as answered.
pub fn already_moved(mut person: Person, now: DateTime<Utc>) -> Transition {
    restart_break_timer(&mut person, now);
    let open = person.settings.last_break.is_some_and(|at| {
        now >= at && now - at <= Duration::minutes(i64::from(person.settings.break_minutes))
    }) && !person.settings.break_answered;
    if open {
        person.settings.break_answered = true;
        person.settings.break_day_answered = true;
        person.settings.ignored_days = 0;
        person.settings.less_often_open = false;
    }
    let note = moved_note(&person, now);
    let mut next = Transition::save(person).say(Reply::new(note));
    if open {
        next = next
            .event(Event::ReminderAnswered {
                kind: ReminderKind::MovementBreak,
                button: ReminderButton::Moved,
            })
            .write(Write::BreakAnswer {
                at: now,
                answer: <&str>::from(ReminderButton::Moved).into(),
            });
    }
    next
}

/// The next break one interval from now: exactly then while at work; otherwise the first
/// break after that instant (the next shift).
fn restart_break_timer(person: &mut Person, now: DateTime<Utc>) {
    let at = now + Duration::minutes(i64::from(person.settings.break_minutes));
    person.settings.snoozed_until = None;
    person.settings.breaks_after = None;
    if schedule::at_work(person, at) {
        person.settings.snoozed_until = Some(at);
    } else {
        person.settings.breaks_after = Some(at);
    }
}

/// "Good, the next break comes at …".
fn moved_note(person: &Person, now: DateTime<Utc>) -> Msg {
    match (person.zone, next_break(person, now)) {
        (Some(zone), Some(at)) => Msg::BreakMovedOk {
            when: Shown::at(zone.local(at), zone.local(now).date()),
        },
        _ => Msg::BreakThanks,
    }
}

/// Reads how long to pause: `2h`, `45m`, `3d`, `today`, `tomorrow`, `a week`,
/// `until friday`, `until 2026-12-01` (English and German words). Returns the instant
/// reminders resume.
pub fn parse_pause(text: &str, person: &Person, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let zone = person.zone?;
    let text = text.trim().to_lowercase();
    let text = text.trim_end_matches('.');
    let today = zone.local(now).date();
    let midnight = |date: NaiveDate| schedule::at_local(zone, date, NaiveTime::MIN);
    let rest = text
        .strip_prefix("until ")
        .or_else(|| text.strip_prefix("bis "))
        .map(str::trim);
    if let Some(rest) = rest {
        if let Ok(date) = NaiveDate::parse_from_str(rest, "%Y-%m-%d") {
            // A year at most, as for "366d": a pause, not a way to leave (and no date at
            // the end of the calendar for the schedule to overflow on).
            let latest = today.checked_add_signed(Duration::days(366))?;
            return (date > today && date <= latest).then(|| midnight(date));
        }
        let weekday = day_named(rest)?;
        let mut date = today + Duration::days(1);
        while date.weekday() != weekday {
            date += Duration::days(1);
        }
        return Some(midnight(date));
    }
    match text {
        "today" | "heute" => return Some(midnight(today + Duration::days(1))),
        "tomorrow" | "morgen" => return Some(midnight(today + Duration::days(2))),
        "a week" | "1 week" | "week" | "eine woche" | "1 woche" => {
            let wall = zone.local(now);
            return Some(schedule::at_local(
                zone,
                wall.date() + Duration::days(7),
                wall.time(),
            ));
        }
        _ => {}
    }
    let (number, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit())?);
    let n: i64 = number.parse().ok().filter(|n| *n > 0 && *n <= 366)?;
    let unit = unit.trim();
    // Minutes and hours are elapsed time; days and weeks are local days at the same wall
    // time, so that a pause across a DST change ends at the time it says.
    let local_days = |days: i64| {
        let wall = zone.local(now);
        schedule::at_local(zone, wall.date() + Duration::days(days), wall.time())
    };
    match unit {
        "m" | "min" | "mins" | "minutes" | "minuten" => Some(now + Duration::minutes(n)),
        "h" | "hour" | "hours" | "std" | "stunde" | "stunden" => Some(now + Duration::hours(n)),
        "d" | "day" | "days" | "tag" | "tage" => Some(local_days(n)),
        "w" | "week" | "weeks" | "woche" | "wochen" if 7 * n <= 366 => Some(local_days(7 * n)),
        _ => None,
    }
}

/// A pause read as a number and a unit that comes to more than 366 days (`400d`,
/// `60 weeks`, `9000h`).
fn pause_too_long(text: &str) -> bool {
    let text = text.trim().to_lowercase();
    let Some(split) = text.find(|c: char| !c.is_ascii_digit()) else {
        return false;
    };
    let (number, unit) = text.split_at(split);
    let Ok(n) = number.parse::<u64>() else {
        return !number.is_empty();
    };
    let days = match unit.trim() {
        "m" | "min" | "mins" | "minutes" | "minuten" => n / (24 * 60),
        "h" | "hour" | "hours" | "std" | "stunde" | "stunden" => n / 24,
        "d" | "day" | "days" | "tag" | "tage" => n,
        "w" | "week" | "weeks" | "woche" | "wochen" => n.saturating_mul(7),
        _ => return false,
    };
    days > 366
}

/// The argument after a command: `/pause 2h` → `2h`.
pub fn argument(text: &str) -> &str {
    text.trim()
        .split_once(char::is_whitespace)
        .map_or("", |(_, rest)| rest.trim())
}

pub fn pause(mut person: Person, arg: &str, now: DateTime<Utc>) -> Transition {
    if arg.is_empty() {
        return Transition::new_keep(person.lang).say(Reply::new(Msg::PauseHowLong));
    }
    match parse_pause(arg, &person, now) {
        Some(until) if until > now => {
            person.settings.paused_until = Some(until);
            let when = person
                .zone
                .map(|z| Shown::at(z.local(until), z.local(now).date()))
                .unwrap_or_default();
            Transition::save(person)
                .say(Reply::new(Msg::Paused { until: when }))
                .event(Event::ProfileUpdated {
                    field: Updated::Pause,
                })
        }
        // Read, but longer than a year (366 days at most): say so, not "didn't get it".
        _ if pause_too_long(arg) => {
            Transition::new_keep(person.lang).say(Reply::new(Msg::PauseTooLong))
        }
        _ => Transition::new_keep(person.lang).say(Reply::new(Msg::PauseNotUnderstood)),
    }
}

pub fn resume(mut person: Person) -> Transition {
    person.settings.paused_until = None;
    person.settings.snoozed_until = None;
    person.settings.breaks_after = None;
    Transition::save(person)
        .say(Reply::new(Msg::Resumed))
        .event(Event::ProfileUpdated {
            field: Updated::Pause,
        })
}

/// /quiet 22:00-07:00, /quiet off.
pub fn quiet(mut person: Person, arg: &str) -> Transition {
    let lower = arg.trim().to_lowercase();
    if ["off", "aus", "none", "no"].contains(&lower.as_str()) {
        person.settings.quiet = None;
        return Transition::save(person)
            .say(Reply::new(Msg::QuietOff))
            .event(Event::ProfileUpdated {
                field: Updated::QuietHours,
            });
    }
    let parsed = lower
        .split_once(['-', '–'])
        .and_then(|(a, b)| {
            Some((
                parse_time_of_day(a.trim()).ok()?,
                parse_time_of_day(b.trim()).ok()?,
            ))
        })
        .filter(|(a, b)| a != b);
    match parsed {
        Some((from, to)) => {
            person.settings.quiet = Some((from, to));
            let warning = session_in_quiet(&person);
            Transition::save(person)
                .say(Reply::new(Msg::QuietSet { from, to }))
                .say_all(warning)
                .event(Event::ProfileUpdated {
                    field: Updated::QuietHours,
                })
        }
        None => Transition::new_keep(person.lang).say(Reply::new(Msg::QuietHowTo)),
    }
}

/// How long before the quiet hours a session moved out of them starts (ours).
pub const BEFORE_QUIET_MINUTES: i64 = 30;

/// When the drill time falls in the quiet hours, the daily reminder would never come: say
/// so, and offer to move the session to just before them, or keep it (no reminder).
pub fn session_in_quiet(person: &Person) -> Option<Reply> {
    let time = person.profile.drill_time?;
    let (from, _) = person.settings.quiet?;
    person.program.as_ref()?;
    if !person.settings.quiet_at(time) {
        return None;
    }
    let earlier = before_quiet(from);
    let mut rows = vec![vec![button(Msg::KeepSessionTime, "quiet_keep")]];
    // Quiet nearly all day: there is no "just before" to offer.
    if !person.settings.quiet_at(earlier) {
        let label = Msg::MoveSessionBeforeQuiet { time: earlier };
        rows.insert(0, vec![button(label, "quiet_move")]);
    }
    Some(Reply::new(Msg::QuietSwallowsSession { time, from }).keyboard(Keyboard::Inline(rows)))
}

/// Just before the quiet hours start.
fn before_quiet(from: NaiveTime) -> NaiveTime {
    from.overflowing_sub_signed(Duration::minutes(BEFORE_QUIET_MINUTES))
        .0
}

/// The answer to [`session_in_quiet`]'s buttons.
fn quiet_session_answer(mut person: Person, code: &str) -> Transition {
    let Some((from, _)) = person.settings.quiet else {
        return Transition::expired(&person);
    };
    if person
        .profile
        .drill_time
        .is_none_or(|t| !person.settings.quiet_at(t))
    {
        return Transition::expired(&person);
    }
    if code == "quiet_keep" {
        return Transition::save(person).say(Reply::new(Msg::SessionTimeKept));
    }
    let time = before_quiet(from);
    if person.settings.quiet_at(time) {
        return Transition::expired(&person);
    }
    person.profile.drill_time = Some(time);
    Transition::save(person)
        .say(Reply::new(Msg::SessionMoved { time }))
        .event(Event::ProfileUpdated {
            field: Updated::Profile(crate::core::say::msg::ProfileField::DrillTime),
        })
}

/// /breaks off, /breaks on, /breaks 45 (30–120 minutes). `off` stops movement breaks only:
/// the daily session and the morning check-in stay. `on` (or a number while they are off)
/// brings them back, and asks for working hours when there are none. Every saved change
/// says what is set now; a number out of range says what is allowed.
pub fn breaks(mut person: Person, arg: &str) -> Transition {
    let lower = arg.trim().to_lowercase();
    let word = lower.trim_end_matches(['.', '!']);
    let (low, high) = (i64::from(BREAK_MINUTES.0), i64::from(BREAK_MINUTES.1));
    if ["off", "aus", "stop", "no", "nein", "none", "keine"].contains(&word) {
        person.settings.breaks_off = true;
        return Transition::save(person)
            .say(Reply::new(Msg::BreaksOff))
            .event(Event::ProfileUpdated {
                field: Updated::BreakInterval,
            });
    }
    if ["on", "an", "ein", "yes", "ja"].contains(&word) {
        return breaks_on(person);
    }
    let number = word
        .trim_end_matches(|c: char| c.is_alphabetic() || c.is_whitespace())
        .parse::<i64>();
    match number {
        Ok(m) if m < low => {
            Transition::new_keep(person.lang).say(Reply::new(Msg::BreaksTooShort {
                minutes: m,
                low,
                high,
            }))
        }
        Ok(m) if m > high => {
            Transition::new_keep(person.lang).say(Reply::new(Msg::BreaksTooLong {
                minutes: m,
                low,
                high,
            }))
        }
        Ok(m) => {
            person.settings.break_minutes = u16::try_from(m).unwrap_or(BREAK_MINUTES.0);
            if person.settings.breaks_off {
                return breaks_on(person);
            }
            Transition::save(person)
                .say(Reply::new(Msg::BreaksSet { minutes: m }))
                .event(Event::ProfileUpdated {
                    field: Updated::BreakInterval,
                })
        }
        Err(_) => {
            let now = if person.settings.breaks_off {
                Msg::BreaksAreOff
            } else {
                Msg::BreaksSet {
                    minutes: i64::from(person.settings.break_minutes),
                }
            };
            let how = Msg::BreaksHowTo {
                minutes: i64::from(person.settings.break_minutes),
            };
            let parts = if word.is_empty() {
                vec![now, how]
            } else {
                vec![how]
            };
            Transition::new_keep(person.lang).say(Reply::of(parts))
        }
    }
}

/// Movement breaks on again; without working hours, the working-hours question first
/// (its answer turns them on, `intake::breaks_follow_hours`).
fn breaks_on(mut person: Person) -> Transition {
    person.settings.breaks_off = false;
    let Some(work) = person.profile.working_hours else {
        let question = crate::core::person::question::Question::WorkingHours;
        let ask = ask::ask_question(&question, true);
        person.dialog = Dialog::Ask {
            question,
            setting: true,
        };
        // One message: the interval taken, and the hours asked for.
        let minutes = i64::from(person.settings.break_minutes);
        return Transition::save(person).say(ask.with_first(Msg::BreaksNeedHours { minutes }));
    };
    let minutes = i64::from(person.settings.break_minutes);
    Transition::save(person)
        .say(Reply::of(vec![
            Msg::BreaksOn { minutes },
            Msg::WorkTimes {
                days: work.days,
                from: work.start,
                to: work.end,
            },
        ]))
        .event(Event::ProfileUpdated {
            field: Updated::BreakInterval,
        })
}

/// The longest vacation, in days from today (as for a pause: a break, not a way to leave).
pub const LONGEST_VACATION_DAYS: i64 = 366;

/// Reads a vacation (local dates, both included): `2026-12-21..2027-01-03`,
/// `until 2027-01-03` / `bis 2027-01-03` (from today), `2w`, `10d` (from today). `None`
/// when it cannot be read or ends before it starts, in the past, or over a year ahead.
pub fn parse_vacation(text: &str, today: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    let text = text.trim().to_lowercase();
    let text = text.trim_end_matches('.');
    let date = |t: &str| NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok();
    let (from, to) = if let Some((a, b)) = text.split_once("..") {
        (date(a)?, date(b)?)
    } else if let Some(rest) = text
        .strip_prefix("until ")
        .or_else(|| text.strip_prefix("bis "))
    {
        (today, date(rest)?)
    } else {
        let (number, unit) = text.split_at(text.find(|c: char| !c.is_ascii_digit())?);
        let n: i64 = number.parse().ok().filter(|n| *n > 0 && *n <= 366)?;
        let days = match unit.trim() {
            "d" | "day" | "days" | "tag" | "tage" => n,
            "w" | "week" | "weeks" | "woche" | "wochen" => 7 * n,
            _ => return None,
        };
        (today, today.checked_add_signed(Duration::days(days - 1))?)
    };
    let latest = today.checked_add_signed(Duration::days(LONGEST_VACATION_DAYS))?;
    (from <= to && to >= today && to <= latest).then_some((from, to))
}

/// /vacation 2026-12-21..2027-01-03, /vacation until 2027-01-03, /vacation 2w,
/// /vacation off: no movement breaks on those days (no work); the daily session reminder
/// still comes (people exercise on holiday) unless they also /pause.
pub fn vacation(mut person: Person, arg: &str, now: DateTime<Utc>) -> Transition {
    let today = today_local(&person, now);
    let lower = arg.trim().to_lowercase();
    if ["off", "aus", "none", "keine", "no"].contains(&lower.as_str()) {
        person.settings.vacation = None;
        return Transition::save(person)
            .say(Reply::new(Msg::VacationOff))
            .event(Event::ProfileUpdated {
                field: Updated::BreakInterval,
            });
    }
    match parse_vacation(arg, today) {
        Some((from, to)) => {
            person.settings.vacation = Some((from, to));
            Transition::save(person)
                .say(Reply::new(Msg::VacationSet {
                    from: Shown::day(from, today),
                    to: Shown::day(to, today),
                }))
                .event(Event::ProfileUpdated {
                    field: Updated::BreakInterval,
                })
        }
        None => Transition::new_keep(person.lang).say(Reply::new(Msg::VacationHowTo)),
    }
}

/// /morning 07:30: when the morning check-in comes (default: the start of work).
pub fn morning(mut person: Person, arg: &str) -> Transition {
    match parse_time_of_day(arg) {
        Ok(time) => {
            person.settings.morning_time = Some(time);
            Transition::save(person)
                .say(Reply::new(Msg::MorningTimeSet { time }))
                .event(Event::ProfileUpdated {
                    field: Updated::MorningTime,
                })
        }
        Err(e) => Transition::new_keep(person.lang)
            .say(Reply::new(Msg::retry_for(e, Msg::MorningTimeHowTo))),
    }
}

/// /reminders: what comes next, in local times.
pub fn list(person: &Person, now: DateTime<Utc>) -> Reply {
    if let Some(hold) = &person.hold {
        return Reply::new(hold.note());
    }
    let mut due = next_all(person, now);
    due.sort_by_key(|d| d.at);
    let Some(zone) = person.zone else {
        return Reply::new(Msg::NoReminders);
    };
    let mut parts = Vec::new();
    if let Some(until) = person.settings.paused_until.filter(|u| *u > now) {
        parts.push(Msg::PausedUntil {
            until: Shown::at(zone.local(until), zone.local(now).date()),
        });
    }
    let set_up = person.program.is_some()
        && crate::core::person::question::next_question(&person.profile).is_none();
    if due.is_empty() && set_up {
        // Set up, yet nothing comes: say so plainly, and why where we know.
        parts.push(Msg::NothingPlanned);
    } else if due.is_empty() {
        parts.push(Msg::NoReminders);
    } else {
        parts.push(Msg::RemindersTitle);
        parts.push(Msg::Lines(
            due.iter()
                .map(|d| Msg::ReminderLine {
                    kind: d.kind,
                    when: Shown::at(zone.local(d.at), zone.local(now).date()),
                })
                .collect(),
        ));
    }
    if person.settings.breaks_off {
        parts.push(Msg::BreaksAreOff);
    }
    if let (Some(time), Some((from, _))) = (person.profile.drill_time, person.settings.quiet)
        && person.program.is_some()
        && person.settings.quiet_at(time)
    {
        parts.push(Msg::DrillTimeIsQuiet { time, from });
    }
    let today = zone.local(now).date();
    if let Some((from, to)) = person.settings.vacation.filter(|v| v.1 >= today) {
        parts.push(Msg::VacationLine {
            from: Shown::day(from, today),
            to: Shown::day(to, today),
        });
    }
    parts.push(Msg::RemindersHelp);
    Reply::of(parts)
}
