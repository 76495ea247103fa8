//! The desk drills of the movement breaks, through the pure core: the one-leg stand-to-sit
//! loads one knee, so it waits for the person's first settled morning and never goes
//! above its level-1 dose.

use crate::support::answers;

use crate::support::chat;

use chat::Chat;
use chrono::{DateTime, Duration, Utc};
use hipcoach::core::person::schedule::next_break;
use hipcoach::core::rules::catalog::ExerciseId;
use hipcoach::core::values::reminders::ReminderKind;
use hipcoach::core::{Dialog, Input, Msg};

fn at(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// Through consent, intake and tests to a program (usual pain 1/10, Mon–Fri 9–17 in Berlin).
fn with_program() -> Chat {
    let mut chat = Chat::new("2026-11-23T08:00:00Z");
    chat.say("/start");
    chat.send(Input::Button("c:y".into()));
    chat.say("Berlin");
    chat.send(Input::Button("z:y".into()));
    for answer in answers::INTAKE_AND_TESTS {
        chat.say(answer);
    }
    assert!(chat.person().program.is_some(), "a program after the tests");
    chat
}

/// Every movement break from `from` for `days` days, fired as it falls due: the drill each
/// one offered, with its dose line.
fn breaks(chat: &mut Chat, from: &str, days: i64) -> Vec<(ExerciseId, Msg)> {
    let end = at(from) + Duration::days(days);
    let mut after = at(from);
    let mut offered = Vec::new();
    while let Some(due) = next_break(chat.person(), after).filter(|due| *due < end) {
        chat.now = due;
        let replies = chat.send(Input::Reminder {
            kind: ReminderKind::MovementBreak,
            due,
        });
        let parts = &replies.first().expect("the break speaks").parts;
        after = due;
        // Unanswered for three working days: once, "shall I come less often?" instead.
        if matches!(parts[0], Msg::LessOftenAsk { .. }) {
            continue;
        }
        let (Msg::BreakNudge { name }, Some(dose)) = (&parts[0], parts.get(1)) else {
            panic!("not a break with a drill: {parts:?}")
        };
        let Msg::ExerciseName(drill) = **name else {
            panic!("{name:?}")
        };
        offered.push((drill, dose.clone()));
    }
    offered
}

/// A session done in the evening, and the next morning's score.
fn session_and_morning(chat: &mut Chat, evening: &str, morning_score: &str) {
    chat.now = at(evening);
    chat.say("/today");
    if chat.dialog() == Dialog::OfferRetest {
        chat.tap(Msg::SessionFirst);
    }
    assert!(matches!(chat.dialog(), Dialog::Session { .. }));
    while matches!(chat.dialog(), Dialog::Session { .. }) {
        match chat.dialog() {
            Dialog::Session { run } if run.step == hipcoach::core::person::run::RunStep::Pain => {
                chat.say("1");
            }
            _ => {
                chat.tap(Msg::OutcomeDone);
            }
        }
    }
    chat.now += Duration::hours(14);
    chat.say(morning_score);
    let last = chat.person().sessions.last().unwrap();
    assert_eq!(
        last.pain_morning.map(|p| p.to_string()).as_deref(),
        Some(morning_score)
    );
}

#[test]
fn the_one_leg_stand_to_sit_waits_for_a_settled_morning_and_stays_at_level_one() {
    let mut chat = with_program();
    let usual = chat.person().profile.usual_pain.map(|p| p.value());
    assert_eq!(usual, Some(1));

    // A program, no session yet: a working day of breaks.
    let first = breaks(&mut chat, "2026-11-23T08:00:00Z", 1);
    // A session whose next morning did not settle (3/10, usual 1/10), then a week.
    session_and_morning(&mut chat, "2026-11-23T17:00:00Z", "3");
    let week = breaks(&mut chat, "2026-11-24T08:00:00Z", 7);
    let before: Vec<ExerciseId> = first.iter().chain(&week).map(|(d, _)| *d).collect();
    assert!(before.len() >= 30, "a week of breaks: {}", before.len());
    assert!(
        !before.contains(&ExerciseId::SingleLegStandToSit),
        "{before:?}"
    );
    // The other drills still take turns.
    for drill in [
        ExerciseId::SeatedChairRotation,
        ExerciseId::LegExtensionTwist,
        ExerciseId::DeskAnkleCircles,
        ExerciseId::WalkingBreak,
    ] {
        assert!(before.contains(&drill), "{drill:?} never came: {before:?}");
    }

    // A session with a settled morning (1/10, as usual), then a week at the top level.
    session_and_morning(&mut chat, "2026-12-01T17:00:00Z", "1");
    chat.person
        .as_mut()
        .unwrap()
        .program
        .as_mut()
        .unwrap()
        .position
        .level = 3;
    let after = breaks(&mut chat, "2026-12-02T08:00:00Z", 7);
    let stand_to_sit: Vec<&Msg> = after
        .iter()
        .filter(|(d, _)| *d == ExerciseId::SingleLegStandToSit)
        .map(|(_, dose)| dose)
        .collect();
    assert!(
        !stand_to_sit.is_empty(),
        "never offered after a settled morning"
    );
    let level_one = Msg::dose(&ExerciseId::SingleLegStandToSit.get().dose(1));
    assert!(
        stand_to_sit.iter().all(|d| **d == level_one),
        "{stand_to_sit:?}"
    );
    // The other drills follow the level.
    let (drill, dose) = after
        .iter()
        .find(|(d, _)| *d == ExerciseId::SeatedChairRotation)
        .expect("the chair rotation");
    assert_eq!(*dose, Msg::dose(&drill.get().dose(3)));
}
