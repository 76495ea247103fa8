//! Reminder values: what a reminder is for, when one falls due, and the person's reminder
//! settings (interval, pause, quiet hours, morning time).

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::core::values::zone::Zone;

/// What a reminder is for.
#[derive(Serialize, Deserialize, EnumIter, EnumString, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ReminderKind {
    /// A nudge to move, with a desk drill, during working hours.
    #[default]
    MovementBreak,
    /// The day's drill session, at the chosen time.
    DailySession,
    /// The morning after a session: pain compared with usual.
    MorningCheckin,
    /// The week in review, once a week (`schedule::next_review`).
    WeeklyReview,
}

/// One reminder that falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub kind: ReminderKind,
    pub at: DateTime<Utc>,
}

/// Movement-break interval bounds, in minutes (issue: 30–120; default hourly).
pub const BREAK_MINUTES: (u16, u16) = (30, 120);
pub const DEFAULT_BREAK_MINUTES: u16 = 60;
/// The person's reminder settings.
#[derive(Clone, Debug, PartialEq)]
pub struct ReminderSettings {
    /// Minutes between movement breaks (30–120).
    pub break_minutes: u16,
    /// Nothing is sent before this instant.
    pub paused_until: Option<DateTime<Utc>>,
    /// Local quiet hours: nothing is sent from the first time until the second (may wrap
    /// midnight).
    pub quiet: Option<(NaiveTime, NaiveTime)>,
    /// When to ask the morning question, if not at the start of work.
    pub morning_time: Option<NaiveTime>,
    /// False after Telegram said the person blocked the bot; true again when they write.
    pub active: bool,
    /// "Snooze 15 min": the next break comes at this instant instead.
    pub snoozed_until: Option<DateTime<Utc>>,
    /// "In a meeting": breaks resume after this instant (the next one is skipped).
    pub breaks_after: Option<DateTime<Utc>>,
    /// The latest movement break sent, and whether it was answered: its buttons count
    /// only while it is current, and once.
    pub last_break: Option<DateTime<Utc>>,
    pub break_answered: bool,
    /// `/breaks off` (or no fixed working hours): no movement breaks; the daily session
    /// and the morning check-in still come.
    pub breaks_off: bool,
    /// The week in review (`schedule::next_review`): off after /stats off.
    pub weekly_review: bool,
    /// Working days in a row whose breaks all went unanswered (before `break_day`).
    pub ignored_days: u8,
    /// The local date of the latest break sent, and whether any break that day was
    /// answered.
    pub break_day: Option<NaiveDate>,
    pub break_day_answered: bool,
    /// When "shall I come less often?" was last asked or answered, and whether it is open.
    pub less_often_at: Option<DateTime<Utc>>,
    pub less_often_open: bool,
    /// `/vacation`: local dates, both included, without movement breaks (the daily session
    /// still comes).
    pub vacation: Option<(NaiveDate, NaiveDate)>,
}

impl Default for ReminderSettings {
    fn default() -> ReminderSettings {
        ReminderSettings {
            break_minutes: DEFAULT_BREAK_MINUTES,
            paused_until: None,
            quiet: None,
            morning_time: None,
            active: true,
            snoozed_until: None,
            breaks_after: None,
            last_break: None,
            break_answered: false,
            breaks_off: false,
            weekly_review: true,
            ignored_days: 0,
            break_day: None,
            break_day_answered: false,
            less_often_at: None,
            less_often_open: false,
            vacation: None,
        }
    }
}

impl ReminderSettings {
    /// Where to start looking for the next reminder: after a pause, not before (so a
    /// pause of any length ends with reminders planned again).
    pub(crate) fn search_from(&self, after: DateTime<Utc>) -> DateTime<Utc> {
        match self.paused_until {
            Some(until) if until > after => until - Duration::seconds(1),
            _ => after,
        }
    }

    /// Whether a local date is a vacation day.
    pub fn on_vacation(&self, date: NaiveDate) -> bool {
        self.vacation
            .is_some_and(|(from, to)| date >= from && date <= to)
    }

    /// Whether a local wall time falls in the quiet hours.
    pub fn quiet_at(&self, t: NaiveTime) -> bool {
        match self.quiet {
            Some((from, to)) if from <= to => t >= from && t < to,
            Some((from, to)) => t >= from || t < to,
            None => false,
        }
    }

    /// Whether a reminder may go out at this instant: not paused, not in quiet hours.
    pub fn allows(&self, zone: Zone, at: DateTime<Utc>) -> bool {
        if self.paused_until.is_some_and(|until| at < until) {
            return false;
        }
        match self.quiet {
            Some((from, to)) => {
                let t = zone.local(at).time();
                let quiet = if from <= to {
                    t >= from && t < to
                } else {
                    t >= from || t < to
                };
                !quiet
            }
            None => true,
        }
    }
}
