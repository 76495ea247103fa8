//! Domain events: what happened, for the console's `--json` stream and the logs.

use serde::Serialize;

/// Something that happened to a person's record. The names and fields are a stable,
/// documented interface (README.md, "Console scripting interface").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    ConsentGiven,
    ConsentDeclined,
    TimezoneSet {
        tz: String,
    },
    ProfileUpdated {
        field: String,
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
        track: Option<String>,
        level: Option<u8>,
        red_flags: Vec<String>,
        retest: bool,
    },
    /// The person said a professional checked them after a red flag.
    RedFlagsCleared,
    /// Red flags reported after the intake and confirmed: the program is on hold.
    RedFlagsReported {
        red_flags: Vec<String>,
    },
    /// A drill session began: its step and exercises (catalog codes).
    SessionStarted {
        phase: u8,
        level: u8,
        exercises: Vec<String>,
        minutes: u32,
    },
    /// One exercise of a session: `done`, `too_easy`, `too_hard`, `hurt` or `skipped`.
    ExerciseDone {
        exercise: String,
        outcome: String,
    },
    /// The session ended (all exercises, or stopped early for pain).
    SessionCompleted {
        done: u32,
        planned: u32,
        stopped_early: bool,
    },
    /// A pain score, 0–10: `when` is `session` or `morning`.
    PainReported {
        when: String,
        score: u8,
    },
    /// The program moved (or stayed): `decision` advance | hold | regress | stop,
    /// `from`/`to` as `phase.level`, and the rule that fired.
    ProgressionDecided {
        decision: String,
        from: String,
        to: String,
        rule: String,
    },
    /// A reminder went out: `kind` movement_break | daily_session | morning_checkin, at
    /// `local_time` (HH:MM in the person's zone, when it fell due).
    ReminderSent {
        kind: String,
        local_time: String,
    },
    /// A reminder's button was pressed.
    ReminderAnswered {
        kind: String,
        button: String,
    },
    /// The person asked for their data (/export).
    DataExported,
    /// The person erased everything kept about them (/delete).
    DataDeleted,
}

impl Event {
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
