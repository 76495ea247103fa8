//! Stored columns back into the core's values. What this version cannot read falls back
//! to "not answered", a default, or none, so that nobody is locked out by an old row.

use super::DbRow;
use crate::core::rules::assessment::Track;
use crate::core::rules::catalog::Phase;
use crate::core::rules::program::{Position, Program, SessionRecord};
use crate::core::rules::safety::{Hold, HoldCause};
use crate::core::values::measures::{PainScore, Weekdays, WorkingHours};
use crate::core::values::profile::{self, AgeBand, Lunch, Profile};
use crate::core::values::reminders::{BREAK_MINUTES, ReminderSettings};
use crate::store::StoreError;
use chrono::{DateTime, NaiveTime, Utc};
use sqlx::Row;

/// Reads the intake's columns. A value this version cannot read counts as not answered,
/// so the intake simply asks for it again.
pub(super) fn read_profile(row: &DbRow) -> Result<Profile, StoreError> {
    let time = |column: &str| -> Result<Option<NaiveTime>, StoreError> {
        let text: Option<String> = row.try_get(column)?;
        Ok(text.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M").ok()))
    };
    let number = |column: &str| -> Result<Option<u8>, StoreError> {
        let n: Option<i64> = row.try_get(column)?;
        Ok(n.and_then(|n| u8::try_from(n).ok()))
    };
    let text = |column: &str| -> Result<Option<String>, StoreError> { Ok(row.try_get(column)?) };
    let work_days: Option<i64> = row.try_get("work_days")?;
    let working_hours = match (
        work_days
            .and_then(|d| u8::try_from(d).ok())
            .and_then(Weekdays::from_bits),
        time("work_start")?,
        time("work_end")?,
    ) {
        // A shift may cross midnight (`22:00-06:00`): the end is then before the start.
        (Some(days), Some(start), Some(end)) if start != end && !days.is_empty() => {
            Some(WorkingHours { days, start, end })
        }
        _ => None,
    };
    let lunch = text("lunch")?.and_then(|l| {
        if l == "none" {
            return Some(Lunch::None);
        }
        let (a, b) = l.split_once('-')?;
        let start = NaiveTime::parse_from_str(a, "%H:%M").ok()?;
        let end = NaiveTime::parse_from_str(b, "%H:%M").ok()?;
        Some(Lunch::Break { start, end })
    });
    Ok(Profile {
        age: number("age")?,
        age_band: text("age_band")?.and_then(|b| b.parse::<AgeBand>().ok()),
        activities: text("activities")?.map(|t| profile::from_codes(&t)),
        sitting_hours: number("sitting_hours")?,
        working_hours,
        no_fixed_hours: row.try_get("work_none")?,
        lunch,
        drill_time: time("drill_time")?,
        training_days: number("training_days")?
            .and_then(Weekdays::from_bits)
            .filter(|d| !d.is_empty()),
        pain_sites: text("pain_sites")?.map(|t| profile::from_codes(&t)),
        usual_pain: number("usual_pain")?.and_then(PainScore::new),
        equipment: text("equipment")?.map(|t| profile::from_codes(&t)),
        red_flags: text("red_flags")?.map(|t| profile::from_codes(&t)),
        cleared_at: row.try_get("cleared_at")?,
    })
}

/// Reads the safety hold. A cause this version does not know still holds (as red flags):
/// safety never lapses because a row came from another version.
pub(super) fn read_hold(row: &DbRow) -> Result<Option<Hold>, StoreError> {
    let cause: Option<String> = row.try_get("hold_cause")?;
    let since: Option<DateTime<Utc>> = row.try_get("hold_since")?;
    let flags: Option<String> = row.try_get("hold_flags")?;
    let minor: bool = row.try_get("hold_minor")?;
    Ok(cause.map(|cause| {
        let cause = cause.parse().unwrap_or(HoldCause::Symptoms);
        Hold {
            cause,
            since: since.unwrap_or(DateTime::<Utc>::MIN_UTC),
            flags: flags
                .as_deref()
                .map(profile::from_codes)
                .unwrap_or_default(),
            minor: minor || cause == HoldCause::Minor,
        }
    }))
}

/// Reads the program's columns; a program this version cannot read counts as none, so the
/// next assessment starts a fresh one.
pub(super) fn read_program(row: &DbRow) -> Result<Option<Program>, StoreError> {
    let track: Option<String> = row.try_get("program_track")?;
    let phase: Option<i64> = row.try_get("program_phase")?;
    let level: Option<i64> = row.try_get("program_level")?;
    let started_at: Option<DateTime<Utc>> = row.try_get("program_started_at")?;
    let since: Option<DateTime<Utc>> = row.try_get("program_since")?;
    let phase_since: Option<DateTime<Utc>> = row.try_get("phase_since")?;
    let track = track.and_then(|t| match t.as_str() {
        "limited_internal_rotation" => Some(Track::LimitedInternalRotation),
        "internally_rotated_hip" => Some(Track::InternallyRotatedHip),
        _ => None,
    });
    let phase = phase
        .and_then(|p| u8::try_from(p).ok())
        .and_then(Phase::from_number);
    let level = level
        .and_then(|l| u8::try_from(l).ok())
        .filter(|l| (1..=3).contains(l));
    Ok(match (track, phase, level, started_at) {
        (Some(track), Some(phase), Some(level), Some(started_at)) => Some(Program {
            track,
            position: Position::new(phase, level),
            started_at,
            since: since.unwrap_or(started_at),
            phase_since: phase_since.unwrap_or(started_at),
        }),
        _ => None,
    })
}

/// Reads one session row; `None` if any part of it cannot be read.
pub(super) fn read_session(row: &DbRow) -> Option<SessionRecord> {
    let track: String = row.try_get("track").ok()?;
    let track = match track.as_str() {
        "limited_internal_rotation" => Track::LimitedInternalRotation,
        "internally_rotated_hip" => Track::InternallyRotatedHip,
        _ => return None,
    };
    let phase: i64 = row.try_get("phase").ok()?;
    let level: i64 = row.try_get("level").ok()?;
    let local_date: String = row.try_get("local_date").ok()?;
    let plan: String = row.try_get("plan").ok()?;
    let outcomes: String = row.try_get("outcomes").ok()?;
    let small = |column: &str| -> Option<u8> {
        row.try_get::<Option<i64>, _>(column)
            .ok()
            .flatten()
            .and_then(|n| u8::try_from(n).ok())
    };
    Some(SessionRecord {
        started_at: row.try_get("started_at").ok()?,
        local_date: chrono::NaiveDate::parse_from_str(&local_date, "%Y-%m-%d").ok()?,
        track,
        position: Position::new(
            Phase::from_number(u8::try_from(phase).ok()?)?,
            u8::try_from(level).ok()?,
        ),
        plan: serde_json::from_str(&plan).ok()?,
        outcomes: serde_json::from_str(&outcomes).ok()?,
        stopped_early: row.try_get("stopped_early").ok()?,
        completed_at: row.try_get("completed_at").ok()?,
        pain_during: small("pain_during"),
        pain_morning: small("pain_morning"),
        morning_skipped: row.try_get("morning_skipped").unwrap_or(false),
    })
}

/// Reads the reminder settings; an unreadable value falls back to its default.
pub(super) fn read_settings(row: &DbRow) -> Result<ReminderSettings, StoreError> {
    let time = |column: &str| -> Result<Option<NaiveTime>, StoreError> {
        let text: Option<String> = row.try_get(column)?;
        Ok(text.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M").ok()))
    };
    let minutes: i64 = row.try_get("break_minutes")?;
    let defaults = ReminderSettings::default();
    Ok(ReminderSettings {
        break_minutes: u16::try_from(minutes)
            .ok()
            .filter(|m| (BREAK_MINUTES.0..=BREAK_MINUTES.1).contains(m))
            .unwrap_or(defaults.break_minutes),
        paused_until: row.try_get("paused_until")?,
        quiet: time("quiet_from")?.zip(time("quiet_to")?),
        morning_time: time("morning_time")?,
        active: row.try_get("active")?,
        snoozed_until: row.try_get("snoozed_until")?,
        breaks_after: row.try_get("breaks_after")?,
        last_break: row.try_get("last_break")?,
        break_answered: row.try_get("break_answered")?,
        breaks_off: row.try_get("breaks_off")?,
        weekly_review: row.try_get("weekly_review")?,
        ignored_days: u8::try_from(row.try_get::<i64, _>("ignored_days")?).unwrap_or(0),
        break_day: row
            .try_get::<Option<String>, _>("break_day")?
            .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        break_day_answered: row.try_get("break_day_answered")?,
        less_often_at: row.try_get("less_often_at")?,
        less_often_open: row.try_get("less_often_open")?,
        vacation: {
            let date = |column: &str| -> Result<Option<chrono::NaiveDate>, StoreError> {
                let text: Option<String> = row.try_get(column)?;
                Ok(text.and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()))
            };
            date("vacation_from")?
                .zip(date("vacation_to")?)
                .filter(|(from, to)| from <= to)
        },
    })
}
