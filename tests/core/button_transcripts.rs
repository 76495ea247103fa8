//! A button answers only its own question, through the pure core: a press on a message
//! whose question has moved on (an older scale, a second tap of the same "Done", buttons
//! left under a question answered by typing, a leftover reminder) is refused politely,
//! the open question is asked again, and nothing changes.

use crate::support::answers;

use crate::support::chat;

use chat::{Chat, ids};
use hipcoach::core::assessment::{TestAnswer, TestStep};
use hipcoach::core::schedule::ReminderKind;
use hipcoach::core::session::RunStep;
use hipcoach::core::{Dialog, Input, Msg, Persist, Reply};

/// Consent and the time zone (Berlin), ready for the intake.
fn consented() -> Chat {
    let mut chat = Chat::new("2026-11-23T08:00:00Z");
    chat.say("/start");
    chat.send(Input::Button("c:y".into()));
    chat.say("Berlin");
    chat.send(Input::Button("z:y".into()));
    chat
}

/// Through the intake and the tests to a program; the clock at the drill time (18:00 in
/// Berlin on a Monday, a training day).
fn with_program() -> Chat {
    let mut chat = consented();
    for answer in answers::INTAKE_AND_TESTS {
        chat.say(answer);
    }
    assert!(chat.person().program.is_some(), "a program after the tests");
    chat.now = "2026-11-23T17:00:00Z".parse().unwrap();
    chat
}

fn number(n: u8) -> Msg {
    Msg::Literal(n.to_string())
}

/// The press was refused: the "earlier question" note, the open question again, and
/// nothing stored, written or recorded.
fn assert_refused(chat: &Chat, replies: &[Reply]) {
    assert_eq!(
        replies.first().map(|r| r.parts[0].id()),
        Some("button-expired"),
        "{:?}",
        ids(replies)
    );
    assert!(
        replies.len() >= 2 && !replies[1].keyboard.is_empty(),
        "the open question is asked again: {:?}",
        ids(replies)
    );
    assert_eq!(chat.last_persist, Some(Persist::Keep));
    assert!(chat.writes.is_empty(), "{:?}", chat.writes);
    assert!(chat.events.is_empty(), "{:?}", chat.events);
}

#[test]
fn a_seven_on_the_old_usual_pain_scale_does_not_answer_the_test_pain_question() {
    let mut chat = consented();
    let usual = answers::INTAKE_AND_TESTS
        .iter()
        .position(|a| *a == "1")
        .expect("the usual pain answer");
    let mut usual_scale = Vec::new();
    for (i, answer) in answers::INTAKE_AND_TESTS.iter().enumerate() {
        if i == answers::INTAKE_AND_TESTS.len() - 1 {
            break;
        }
        let replies = chat.say(answer);
        if i + 1 == usual {
            usual_scale = replies;
        }
    }
    assert!(
        ids(&usual_scale).concat().contains(&"ask-usual-pain"),
        "{:?}",
        ids(&usual_scale)
    );
    let before = chat.person().clone();
    assert!(matches!(
        before.dialog,
        Dialog::Test {
            test: TestStep::TestPain,
            ..
        }
    ));

    // The "7" of the usual-pain scale sends the same code as the "7" of this one.
    let r = chat.tap_in(&usual_scale, number(7));
    assert_refused(&chat, &r);
    assert_eq!(chat.person(), &before, "no red flag, no hold, nothing");
    assert!(chat.person().hold.is_none());

    // The question's own buttons still answer it.
    chat.tap(number(0));
    assert!(chat.person().program.is_some());
}

#[test]
fn a_double_tap_on_done_and_a_later_press_record_one_exercise() {
    let mut chat = with_program();
    let first = chat.say("/today");
    chat.tap_in(&first, Msg::OutcomeDone);
    let after_one = chat.person().clone();
    let Dialog::Session { run } = &after_one.dialog else {
        panic!("{:?}", after_one.dialog)
    };
    assert_eq!((run.index, run.step), (1, RunStep::Exercise));

    // The second callback of the same tap, and one more press later, on the first
    // exercise's message.
    for _ in 0..2 {
        let r = chat.tap_in(&first, Msg::OutcomeDone);
        assert_refused(&chat, &r);
        assert_eq!(chat.person(), &after_one);
    }

    // The second exercise's own Done counts.
    chat.tap(Msg::OutcomeDone);
    let Dialog::Session { run } = chat.dialog() else {
        panic!("{:?}", chat.dialog())
    };
    assert_eq!((run.index, run.step), (2, RunStep::Exercise));
    assert_eq!(run.record.outcomes.len(), 2);
}

#[test]
fn left_leg_buttons_left_under_a_typed_answer_do_not_answer_for_the_right_leg() {
    let mut chat = consented();
    let mut left = Vec::new();
    for answer in answers::intake() {
        left = chat.say(answer);
    }
    assert!(matches!(
        chat.dialog(),
        Dialog::Test {
            test: TestStep::SeatedLeft,
            ..
        }
    ));
    chat.say("25");
    let before = chat.person().clone();
    // A band button ("30–40°"): the same code for the left and the right leg.
    let label = match &left.last().expect("the left-leg question").keyboard {
        hipcoach::core::Keyboard::Inline(rows) => rows[0][2].label.clone(),
        other => panic!("{other:?}"),
    };
    let r = chat.tap_in(&left, label);
    assert_refused(&chat, &r);
    assert_eq!(chat.person(), &before);
    let Dialog::Test { test, answers, .. } = chat.dialog() else {
        panic!("{:?}", chat.dialog())
    };
    assert_eq!(test, TestStep::SeatedRight);
    assert_eq!(
        answers.get(&TestStep::SeatedLeft),
        Some(&TestAnswer::Measured { degrees: 25 })
    );
    assert_eq!(answers.get(&TestStep::SeatedRight), None);
}

#[test]
fn a_leftover_start_mid_session_keeps_the_session() {
    let mut chat = with_program();
    let due = chat.now;
    let nudge = chat.send(Input::Reminder {
        kind: ReminderKind::DailySession,
        due,
    });
    assert_eq!(ids(&nudge), [vec!["daily-nudge"]]);
    // Its Start is the right answer now: it starts the session.
    chat.tap_in(&nudge, Msg::StartSession);
    chat.tap(Msg::OutcomeDone);
    let in_session = chat.person().clone();
    let Dialog::Session { run } = &in_session.dialog else {
        panic!("{:?}", in_session.dialog)
    };
    assert_eq!(run.index, 1);

    // The same Start pressed again from the reminder: the session goes on where it was.
    let r = chat.tap_in(&nudge, Msg::StartSession);
    assert_refused(&chat, &r);
    assert_eq!(chat.person(), &in_session);
}

#[test]
fn a_movement_break_while_idle_leaves_the_daily_start_live() {
    let mut chat = with_program();
    let due = chat.now;
    let nudge = chat.send(Input::Reminder {
        kind: ReminderKind::DailySession,
        due,
    });
    // A break fires between the reminder and the press; it asks no question of its own
    // in the dialog, so the session reminder's Start is still the open answer.
    chat.now += chrono::Duration::minutes(5);
    let due = chat.now;
    let brk = chat.send(Input::Reminder {
        kind: ReminderKind::MovementBreak,
        due,
    });
    assert!(!brk.is_empty(), "the break speaks");
    chat.tap_in(&nudge, Msg::StartSession);
    assert!(
        matches!(chat.dialog(), Dialog::Session { .. }),
        "{:?}",
        chat.dialog()
    );
}

#[test]
fn data_without_a_stamp_is_refused() {
    let mut chat = consented();
    chat.say("34");
    let before = chat.person().clone();
    // What a button sent before stamps carried, or a client making data up.
    let r = chat.send_exact(Input::Button("o:desk_work".into()));
    assert_refused(&chat, &r);
    assert_eq!(chat.person(), &before);
}

#[test]
fn ticks_in_a_row_each_count_and_a_doubled_tick_counts_once() {
    use hipcoach::core::intake::Question;
    use hipcoach::core::profile::Activity;
    let mut chat = consented();
    chat.say("34");
    let shown = chat.tap(Msg::Activity(Activity::Running));
    assert!(shown[0].in_place, "a tick redraws the question in place");
    // The redrawn question's buttons are the live ones: tick two more, one after the other.
    chat.tap(Msg::Activity(Activity::Cycling));
    let redrawn = chat.tap(Msg::Activity(Activity::Golf));
    // The second callback of that last tap carries the stamp it was sent with before the
    // redraw: refused, so the tick is not undone.
    let before = chat.person().clone();
    let r = chat.tap_in(&shown, Msg::Activity(Activity::Golf));
    assert_refused(&chat, &r);
    assert_eq!(chat.person(), &before);
    let selected = match chat.dialog() {
        Dialog::Ask {
            question: Question::Activities { selected },
            ..
        } => selected,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        selected,
        [Activity::Running, Activity::Cycling, Activity::Golf]
    );
    // The latest redraw's Done finishes the question.
    chat.tap_in(&redrawn, Msg::Done);
    assert_eq!(
        chat.person().profile.activities,
        Some(vec![Activity::Running, Activity::Cycling, Activity::Golf])
    );
}

#[test]
fn a_break_that_fired_mid_session_can_be_answered_after_the_next_exercise() {
    let mut chat = with_program();
    let first = chat.say("/today");
    let due = chat.now;
    let brk = chat.send(Input::Reminder {
        kind: ReminderKind::MovementBreak,
        due,
    });
    chat.tap_in(&first, Msg::OutcomeDone);
    assert!(matches!(chat.dialog(), Dialog::Session { run } if run.index == 1));
    // The break's buttons name the break itself; the session moving on leaves them live.
    chat.tap_in(&brk, Msg::BreakDone);
    assert!(chat.person().settings.break_answered);
    assert_eq!(chat.writes.len(), 1, "{:?}", chat.writes);
    // Once, though.
    let before = chat.person().clone();
    let r = chat.tap_in(&brk, Msg::BreakDone);
    assert_refused(&chat, &r);
    assert_eq!(chat.person(), &before);
}
