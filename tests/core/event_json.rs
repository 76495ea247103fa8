//! The events' JSON is a stable interface (README, "Console scripting interface"): every
//! variant, and every value a coded field can take, is pinned here byte for byte.

use chrono::NaiveTime;
use hipcoach::core::event::{PainWhen, ReminderButton, Updated};
use hipcoach::core::rules::assessment::Track;
use hipcoach::core::rules::catalog::{ExerciseId, Phase};
use hipcoach::core::rules::program::{Outcome, Position};
use hipcoach::core::rules::progression::{Decision, Rule};
use hipcoach::core::say::msg::ProfileField;
use hipcoach::core::values::profile::RedFlag;
use hipcoach::core::values::reminders::ReminderKind;
use hipcoach::core::{Event, Zone};

fn json(event: &Event) -> String {
    serde_json::to_string(event).expect("events serialise")
}

#[test]
fn every_event_variant_keeps_its_json() {
    let cases = [
        (Event::ConsentGiven, r#"{"event":"consent_given"}"#),
        (Event::ConsentDeclined, r#"{"event":"consent_declined"}"#),
        (
            Event::TimezoneSet {
                tz: Zone::from_name("Asia/Kathmandu").expect("a zone"),
            },
            r#"{"event":"timezone_set","tz":"Asia/Kathmandu"}"#,
        ),
        (
            Event::ProfileUpdated {
                field: Updated::Profile(ProfileField::WorkingHours),
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
                track: Some(Track::LimitedInternalRotation),
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
                red_flags: vec![RedFlag::NightPain, RedFlag::Swelling],
                retest: true,
            },
            r#"{"event":"assessment_completed","left_ir":null,"right_ir":null,"left_er":null,"right_er":null,"asymmetry":null,"track":null,"level":null,"red_flags":["night_pain","swelling"],"retest":true}"#,
        ),
        (Event::RedFlagsCleared, r#"{"event":"red_flags_cleared"}"#),
        (
            Event::RedFlagsReported {
                red_flags: vec![RedFlag::SharpPain],
            },
            r#"{"event":"red_flags_reported","red_flags":["sharp_pain"]}"#,
        ),
        (
            Event::SessionStarted {
                position: Position::new(Phase::Activation, 3),
                exercises: vec![ExerciseId::Seated9090Stretch, ExerciseId::GluteBridge],
                minutes: 14,
            },
            r#"{"event":"session_started","phase":1,"level":3,"exercises":["seated9090_stretch","glute_bridge"],"minutes":14}"#,
        ),
        (
            Event::ExerciseDone {
                exercise: Some(ExerciseId::Figure4Stretch),
                outcome: Outcome::TooHard,
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
                when: PainWhen::Morning,
                score: 3,
            },
            r#"{"event":"pain_reported","when":"morning","score":3}"#,
        ),
        (
            Event::ProgressionDecided {
                decision: Decision::Advance,
                from: Position::new(Phase::Activation, 3),
                to: Position::new(Phase::Movement, 1),
                rule: Rule::AdvancePhase,
            },
            r#"{"event":"progression_decided","decision":"advance","from":"1.3","to":"2.1","rule":"advance_phase"}"#,
        ),
        (
            Event::ReminderSent {
                kind: ReminderKind::MorningCheckin,
                local_time: NaiveTime::from_hms_opt(7, 5, 0).expect("a time"),
            },
            r#"{"event":"reminder_sent","kind":"morning_checkin","local_time":"07:05"}"#,
        ),
        (
            Event::ReminderAnswered {
                kind: ReminderKind::DailySession,
                button: ReminderButton::NotToday,
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

/// The value of `key` in an event's JSON, as written.
fn field(event: Event, key: &str) -> String {
    let value = serde_json::to_value(&event).expect("events serialise");
    value[key].to_string()
}

/// Every `field` a `profile_updated` event can carry, with its value in the JSON.
fn every_update() -> [(Updated, &'static str); 16] {
    [
        (Updated::Profile(ProfileField::Timezone), "timezone"),
        (Updated::Profile(ProfileField::Age), "age"),
        (Updated::Profile(ProfileField::Activities), "activities"),
        (Updated::Profile(ProfileField::Sitting), "sitting"),
        (
            Updated::Profile(ProfileField::WorkingHours),
            "working_hours",
        ),
        (Updated::Profile(ProfileField::Lunch), "lunch"),
        (Updated::Profile(ProfileField::DrillTime), "drill_time"),
        (
            Updated::Profile(ProfileField::TrainingDays),
            "training_days",
        ),
        (Updated::Profile(ProfileField::PainSites), "pain_sites"),
        (Updated::Profile(ProfileField::UsualPain), "usual_pain"),
        (Updated::Profile(ProfileField::Equipment), "equipment"),
        (Updated::Profile(ProfileField::Language), "language"),
        (Updated::Pause, "pause"),
        (Updated::QuietHours, "quiet_hours"),
        (Updated::BreakInterval, "break_interval"),
        (Updated::MorningTime, "morning_time"),
    ]
}

/// README's table of events lists every value of `profile_updated`'s `field`.
#[test]
fn the_readme_lists_every_profile_field_an_event_names() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md is readable");
    let row = readme
        .lines()
        .find(|l| l.starts_with("| `profile_updated` |"))
        .expect("README has a row for profile_updated");
    let missing: Vec<&str> = every_update()
        .iter()
        .map(|(_, code)| *code)
        .filter(|code| !row.contains(&format!("`{code}`")))
        .collect();
    assert!(missing.is_empty(), "README does not list {missing:?}");
}

#[test]
fn every_coded_value_keeps_its_spelling() {
    for (updated, expected) in every_update() {
        let event = Event::ProfileUpdated { field: updated };
        assert_eq!(field(event, "field"), format!("\"{expected}\""));
    }
    let assessed = |track| Event::AssessmentCompleted {
        left_ir: None,
        right_ir: None,
        left_er: None,
        right_er: None,
        asymmetry: None,
        track,
        level: None,
        red_flags: vec![
            RedFlag::SharpPain,
            RedFlag::Swelling,
            RedFlag::LockingOrGivingWay,
            RedFlag::Numbness,
            RedFlag::NightPain,
            RedFlag::InjuryOrSurgery,
            RedFlag::PainDuringTests,
        ],
        retest: false,
    };
    for (track, expected) in [
        (
            Track::LimitedInternalRotation,
            r#""limited_internal_rotation""#,
        ),
        (Track::InternallyRotatedHip, r#""internally_rotated_hip""#),
    ] {
        assert_eq!(field(assessed(Some(track)), "track"), expected);
    }
    assert_eq!(
        field(assessed(None), "red_flags"),
        r#"["sharp_pain","swelling","locking_or_giving_way","numbness","night_pain","injury_or_surgery","pain_during_tests"]"#
    );
    for (outcome, expected) in [
        (Outcome::Done, "done"),
        (Outcome::TooEasy, "too_easy"),
        (Outcome::TooHard, "too_hard"),
        (Outcome::Hurt, "hurt"),
        (Outcome::Skipped, "skipped"),
        (Outcome::DidEasier, "did_easier"),
    ] {
        let event = Event::ExerciseDone {
            exercise: Some(ExerciseId::Lunge),
            outcome,
        };
        assert_eq!(
            json(&event),
            format!(r#"{{"event":"exercise_done","exercise":"lunge","outcome":"{expected}"}}"#)
        );
    }
    // No exercise current: written as an empty string, as before the fields had types.
    let none = Event::ExerciseDone {
        exercise: None,
        outcome: Outcome::Hurt,
    };
    assert_eq!(
        json(&none),
        r#"{"event":"exercise_done","exercise":"","outcome":"hurt"}"#
    );
    for (exercise, expected) in [
        (ExerciseId::HipSwitches9090, "hip_switches9090"),
        (ExerciseId::Liftoff9090, "liftoff9090"),
        (ExerciseId::IrPailsRails, "ir_pails_rails"),
        (ExerciseId::TflLean, "tfl_lean"),
    ] {
        let event = Event::ExerciseDone {
            exercise: Some(exercise),
            outcome: Outcome::Done,
        };
        assert_eq!(field(event, "exercise"), format!("\"{expected}\""));
    }
    let decided = |decision, rule| Event::ProgressionDecided {
        decision,
        from: Position::new(Phase::Loaded, 2),
        to: Position::new(Phase::Loaded, 1),
        rule,
    };
    for (decision, expected) in [
        (Decision::Advance, "advance"),
        (Decision::Hold, "hold"),
        (Decision::Regress, "regress"),
        (Decision::Stop, "stop"),
        (Decision::Switch, "switch"),
    ] {
        let event = decided(decision, Rule::HoldTop);
        assert_eq!(field(event, "decision"), format!("\"{expected}\""));
    }
    for (rule, expected) in [
        (Rule::StopRepeatedSevere, "stop_repeated_severe"),
        (Rule::SimplifyAfterBreak, "simplify_after_break"),
        (Rule::RetestTrack, "retest_track"),
    ] {
        let event = decided(Decision::Hold, rule);
        assert_eq!(
            json(&event),
            format!(
                r#"{{"event":"progression_decided","decision":"hold","from":"3.2","to":"3.1","rule":"{expected}"}}"#
            )
        );
    }
    for (kind, expected) in [
        (ReminderKind::MovementBreak, "movement_break"),
        (ReminderKind::DailySession, "daily_session"),
        (ReminderKind::MorningCheckin, "morning_checkin"),
        (ReminderKind::WeeklyReview, "weekly_review"),
    ] {
        let event = Event::ReminderSent {
            kind,
            local_time: NaiveTime::from_hms_opt(23, 59, 0).expect("a time"),
        };
        assert_eq!(
            json(&event),
            format!(r#"{{"event":"reminder_sent","kind":"{expected}","local_time":"23:59"}}"#)
        );
    }
    for (button, expected) in [
        (ReminderButton::Done, "done"),
        (ReminderButton::Snooze, "snooze"),
        (ReminderButton::Meeting, "meeting"),
        (ReminderButton::Skip, "skip"),
        (ReminderButton::Start, "start"),
        (ReminderButton::NotToday, "not_today"),
    ] {
        let event = Event::ReminderAnswered {
            kind: ReminderKind::MovementBreak,
            button,
        };
        assert_eq!(field(event, "button"), format!("\"{expected}\""));
    }
    let fixed = Event::TimezoneSet {
        tz: Zone::parse("+05:45").expect("an offset"),
    };
    assert_eq!(field(fixed, "tz"), r#""UTC+05:45""#);
}
