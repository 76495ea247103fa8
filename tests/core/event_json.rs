//! The events' JSON is a stable interface (README, "Console scripting interface"): every
//! variant, and every value a coded field can take, is pinned here byte for byte.

use hipcoach::core::Event;
use hipcoach::core::rules::assessment::Track;
use hipcoach::core::rules::catalog::{ExerciseId, Phase};
use hipcoach::core::rules::program::{Outcome, Position};
use hipcoach::core::rules::progression::{Decision, Rule};
use hipcoach::core::say::msg::ProfileField;
use hipcoach::core::values::profile::RedFlag;
use hipcoach::core::values::reminders::ReminderKind;

fn json(event: &Event) -> String {
    serde_json::to_string(event).expect("events serialise")
}

fn code<T: Into<&'static str>>(value: T) -> String {
    value.into().to_string()
}

#[test]
fn every_event_variant_keeps_its_json() {
    let cases = [
        (Event::ConsentGiven, r#"{"event":"consent_given"}"#),
        (Event::ConsentDeclined, r#"{"event":"consent_declined"}"#),
        (
            Event::TimezoneSet {
                tz: "Asia/Kathmandu".into(),
            },
            r#"{"event":"timezone_set","tz":"Asia/Kathmandu"}"#,
        ),
        (
            Event::ProfileUpdated {
                field: code(ProfileField::WorkingHours),
            },
            r#"{"event":"profile_updated","field":"working_hours"}"#,
        ),
        (
            Event::AssessmentCompleted {
                left_ir: Some(30),
                right_ir: Some(41),
                left_er: None,
                right_er: Some(45),
                asymmetry: Some(11),
                track: Some(code(Track::LimitedInternalRotation)),
                level: Some(2),
                red_flags: Vec::new(),
                retest: false,
            },
            r#"{"event":"assessment_completed","left_ir":30,"right_ir":41,"left_er":null,"right_er":45,"asymmetry":11,"track":"limited_internal_rotation","level":2,"red_flags":[],"retest":false}"#,
        ),
        (
            Event::AssessmentCompleted {
                left_ir: None,
                right_ir: None,
                left_er: None,
                right_er: None,
                asymmetry: None,
                track: None,
                level: None,
                red_flags: vec![code(RedFlag::NightPain), code(RedFlag::Swelling)],
                retest: true,
            },
            r#"{"event":"assessment_completed","left_ir":null,"right_ir":null,"left_er":null,"right_er":null,"asymmetry":null,"track":null,"level":null,"red_flags":["night_pain","swelling"],"retest":true}"#,
        ),
        (Event::RedFlagsCleared, r#"{"event":"red_flags_cleared"}"#),
        (
            Event::RedFlagsReported {
                red_flags: vec![code(RedFlag::SharpPain)],
            },
            r#"{"event":"red_flags_reported","red_flags":["sharp_pain"]}"#,
        ),
        (
            Event::SessionStarted {
                phase: 1,
                level: 3,
                exercises: vec![
                    code(ExerciseId::Seated9090Stretch),
                    code(ExerciseId::GluteBridge),
                ],
                minutes: 14,
            },
            r#"{"event":"session_started","phase":1,"level":3,"exercises":["seated9090_stretch","glute_bridge"],"minutes":14}"#,
        ),
        (
            Event::ExerciseDone {
                exercise: code(ExerciseId::Figure4Stretch),
                outcome: code(Outcome::TooHard),
            },
            r#"{"event":"exercise_done","exercise":"figure4_stretch","outcome":"too_hard"}"#,
        ),
        (
            Event::SessionCompleted {
                done: 4,
                planned: 5,
                stopped_early: true,
            },
            r#"{"event":"session_completed","done":4,"planned":5,"stopped_early":true}"#,
        ),
        (
            Event::PainReported {
                when: "morning".into(),
                score: 3,
            },
            r#"{"event":"pain_reported","when":"morning","score":3}"#,
        ),
        (
            Event::ProgressionDecided {
                decision: code(Decision::Advance),
                from: Position::new(Phase::Activation, 3).code(),
                to: Position::new(Phase::Movement, 1).code(),
                rule: code(Rule::AdvancePhase),
            },
            r#"{"event":"progression_decided","decision":"advance","from":"1.3","to":"2.1","rule":"advance_phase"}"#,
        ),
        (
            Event::ReminderSent {
                kind: code(ReminderKind::MorningCheckin),
                local_time: "07:05".into(),
            },
            r#"{"event":"reminder_sent","kind":"morning_checkin","local_time":"07:05"}"#,
        ),
        (
            Event::ReminderAnswered {
                kind: code(ReminderKind::DailySession),
                button: "not_today".into(),
            },
            r#"{"event":"reminder_answered","kind":"daily_session","button":"not_today"}"#,
        ),
        (Event::DataExported, r#"{"event":"data_exported"}"#),
        (Event::DataDeleted, r#"{"event":"data_deleted"}"#),
    ];
    let mut names = Vec::new();
    for (event, expected) in &cases {
        assert_eq!(json(event), *expected, "{event:?}");
        names.push(event.name());
    }
    names.dedup();
    assert_eq!(names.len(), 16, "every variant once: {names:?}");
}

/// The `field` of a `profile_updated` event: its value in the JSON.
fn field_json(event: Event) -> String {
    let value = serde_json::to_value(&event).expect("events serialise");
    value["field"].as_str().expect("a field").to_string()
}

#[test]
fn every_coded_value_keeps_its_spelling() {
    let profile = [
        (ProfileField::Timezone, "timezone"),
        (ProfileField::Age, "age"),
        (ProfileField::Activities, "activities"),
        (ProfileField::Sitting, "sitting"),
        (ProfileField::WorkingHours, "working_hours"),
        (ProfileField::Lunch, "lunch"),
        (ProfileField::DrillTime, "drill_time"),
        (ProfileField::TrainingDays, "training_days"),
        (ProfileField::PainSites, "pain_sites"),
        (ProfileField::UsualPain, "usual_pain"),
        (ProfileField::Equipment, "equipment"),
        (ProfileField::Language, "language"),
    ];
    for (field, expected) in profile {
        let event = Event::ProfileUpdated { field: code(field) };
        assert_eq!(field_json(event), expected);
    }
    for (track, expected) in [
        (Track::LimitedInternalRotation, "limited_internal_rotation"),
        (Track::InternallyRotatedHip, "internally_rotated_hip"),
    ] {
        assert_eq!(code(track), expected);
    }
    for (outcome, expected) in [
        (Outcome::Done, "done"),
        (Outcome::TooEasy, "too_easy"),
        (Outcome::TooHard, "too_hard"),
        (Outcome::Hurt, "hurt"),
        (Outcome::Skipped, "skipped"),
        (Outcome::DidEasier, "did_easier"),
    ] {
        let event = Event::ExerciseDone {
            exercise: code(ExerciseId::Lunge),
            outcome: code(outcome),
        };
        assert_eq!(
            json(&event),
            format!(r#"{{"event":"exercise_done","exercise":"lunge","outcome":"{expected}"}}"#)
        );
    }
    for (decision, expected) in [
        (Decision::Advance, "advance"),
        (Decision::Hold, "hold"),
        (Decision::Regress, "regress"),
        (Decision::Stop, "stop"),
        (Decision::Switch, "switch"),
    ] {
        assert_eq!(code(decision), expected);
    }
    for (kind, expected) in [
        (ReminderKind::MovementBreak, "movement_break"),
        (ReminderKind::DailySession, "daily_session"),
        (ReminderKind::MorningCheckin, "morning_checkin"),
    ] {
        assert_eq!(code(kind), expected);
    }
    for (exercise, expected) in [
        (ExerciseId::HipSwitches9090, "hip_switches9090"),
        (ExerciseId::Liftoff9090, "liftoff9090"),
        (ExerciseId::IrPailsRails, "ir_pails_rails"),
        (ExerciseId::TflLean, "tfl_lean"),
    ] {
        assert_eq!(code(exercise), expected);
    }
}
