//! Domain events: what happened, for the console's `--json` stream and the logs.
//!
//! The fields carry the domain's types; the serde attributes keep the JSON exactly as
//! README.md documents it (`tests/core/event_json.rs` pins every variant).

use chrono::NaiveTime;
use serde::{Serialize, Serializer};
use strum::IntoStaticStr;

use crate::core::rules::assessment::{Assessment, Track};
use crate::core::rules::catalog::ExerciseId;
use crate::core::rules::program::{Outcome, Position};
use crate::core::rules::progression::{Decision, Rule};
use crate::core::say::msg::ProfileField;
use crate::core::values::profile::RedFlag;
use crate::core::values::reminders::ReminderKind;
use crate::core::values::zone::Zone;

/// Something that happened to a person's record. The names and fields are a stable,
/// documented interface (README.md, "Console scripting interface").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    ConsentGiven,
    ConsentDeclined,
    TimezoneSet {
        tz: Zone,
    },
    ProfileUpdated {
        field: Updated,
    },
    /// The self-tests (or the red-flag screen that stopped them) are done. Degrees are
    /// `None` where a side was not measured; `track` and `level` are `None` when a red
    /// flag stopped the program.
    AssessmentCompleted {
        left_ir: Option<u8>,
        right_ir: Option<u8>,
        left_er: Option<u8>,
        right_er: Option<u8>,
        asymmetry: Option<u8>,
        track: Option<Track>,
        level: Option<u8>,
        red_flags: Vec<RedFlag>,
        retest: bool,
    },
    /// The person said a professional checked them after a red flag.
    RedFlagsCleared,
    /// Red flags reported after the intake and confirmed: the program is on hold.
    RedFlagsReported {
        red_flags: Vec<RedFlag>,
    },
    /// A drill session began: its step (as `phase` and `level` numbers) and exercises
    /// (catalog codes).
    SessionStarted {
        #[serde(flatten, serialize_with = "phase_and_level")]
        position: Position,
        exercises: Vec<ExerciseId>,
        minutes: u32,
    },
    /// One exercise of a session and how it went. `exercise` is written as an empty
    /// string when no exercise was current.
    ExerciseDone {
        #[serde(serialize_with = "exercise_or_empty")]
        exercise: Option<ExerciseId>,
        outcome: Outcome,
    },
    /// The session ended (all exercises, or stopped early for pain).
    SessionCompleted {
        done: u32,
        planned: u32,
        stopped_early: bool,
    },
    /// A pain score, 0–10, and when it was given.
    PainReported {
        when: PainWhen,
        score: u8,
    },
    /// The program moved (or stayed): `from`/`to` written as `phase.level`, and the rule
    /// that fired.
    ProgressionDecided {
        decision: Decision,
        #[serde(serialize_with = "position_code")]
        from: Position,
        #[serde(serialize_with = "position_code")]
        to: Position,
        #[serde(serialize_with = "rule_id")]
        rule: Rule,
    },
    /// A reminder went out, at `local_time` (written HH:MM, in the person's zone, when it
    /// fell due).
    ReminderSent {
        kind: ReminderKind,
        #[serde(serialize_with = "hh_mm")]
        local_time: NaiveTime,
    },
    /// A reminder's button was pressed.
    ReminderAnswered {
        kind: ReminderKind,
        button: ReminderButton,
    },
    /// The person asked for their data (/export).
    DataExported,
    /// The person erased everything kept about them (/delete).
    DataDeleted,
}

/// What a `profile_updated` event says was changed: an answer of the profile, or one of
/// the reminder settings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Updated {
    Profile(ProfileField),
    Pause,
    QuietHours,
    BreakInterval,
    MorningTime,
}

impl Updated {
    /// The value of the `field` in the JSON.
    pub fn code(self) -> &'static str {
        match self {
            Updated::Profile(field) => field.into(),
            Updated::Pause => "pause",
            Updated::QuietHours => "quiet_hours",
            Updated::BreakInterval => "break_interval",
            Updated::MorningTime => "morning_time",
        }
    }
}

impl Serialize for Updated {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// When a pain score was given: at the end of a session, or the next morning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PainWhen {
    Session,
    Morning,
}

/// A reminder's button: `done`, `snooze`, `meeting`, `skip`, `moved` on a movement break,
/// `start`, `not_today` on the daily session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ReminderButton {
    Done,
    Snooze,
    Meeting,
    Skip,
    Start,
    NotToday,
    /// "I already moved": the break timer starts again.
    Moved,
}

fn phase_and_level<S: Serializer>(position: &Position, serializer: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = serializer.serialize_map(Some(2))?;
    map.serialize_entry("phase", &position.phase.number())?;
    map.serialize_entry("level", &position.level)?;
    map.end()
}

fn exercise_or_empty<S: Serializer>(
    exercise: &Option<ExerciseId>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(exercise.map_or("", ExerciseId::code))
}

fn position_code<S: Serializer>(position: &Position, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&position.code())
}

fn rule_id<S: Serializer>(rule: &Rule, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(rule.id())
}

fn hh_mm<S: Serializer>(time: &NaiveTime, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(&time.format("%H:%M"))
}

impl Event {
    /// What a run of the self-tests (or the red-flag screen that stopped it) found.
    pub fn assessment(a: &Assessment) -> Event {
        Event::AssessmentCompleted {
            left_ir: a.left.internal,
            right_ir: a.right.internal,
            left_er: a.left.external,
            right_er: a.right.external,
            asymmetry: a.asymmetry,
            track: a.track,
            level: a.level,
            red_flags: a.red_flags.clone(),
            retest: a.retest,
        }
    }

    /// The event's name, for logs.
    pub fn name(&self) -> &'static str {
        match self {
            Event::ConsentGiven => "consent_given",
            Event::ConsentDeclined => "consent_declined",
            Event::TimezoneSet { .. } => "timezone_set",
            Event::ProfileUpdated { .. } => "profile_updated",
            Event::AssessmentCompleted { .. } => "assessment_completed",
            Event::RedFlagsCleared => "red_flags_cleared",
            Event::RedFlagsReported { .. } => "red_flags_reported",
            Event::SessionStarted { .. } => "session_started",
            Event::ExerciseDone { .. } => "exercise_done",
            Event::SessionCompleted { .. } => "session_completed",
            Event::PainReported { .. } => "pain_reported",
            Event::ProgressionDecided { .. } => "progression_decided",
            Event::ReminderSent { .. } => "reminder_sent",
            Event::ReminderAnswered { .. } => "reminder_answered",
            Event::DataExported => "data_exported",
            Event::DataDeleted => "data_deleted",
        }
    }
}
