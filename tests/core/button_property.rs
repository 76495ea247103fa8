//! The invariant "a button answers only its own question", as a property. From a person
//! at the start of the intake, with a program, or in the middle of a session, random
//! sequences of typed answers, presses on the buttons shown now, reminders and waits;
//! in between, presses on buttons of any earlier reply whose question has since moved on
//! (the dialog changed after that reply was sent), and bare data without a question
//! stamp. Every such press is refused: the same stored person, nothing written, nothing
//! recorded, and an answer that is not silent.
//!
//! "Moved on" is judged here from outside, by watching the stored dialog change; a
//! movement break's own buttons are left out of the claim (they name their break and are
//! checked against it, whatever the dialog: tests/button_transcripts.rs).

use crate::support::answers;
use crate::support::chat;

use chat::Chat;
use chrono::Duration;
use hipcoach::core::values::reminders::ReminderKind;
use hipcoach::core::{Dialog, Input, Keyboard, Persist, Reply};
use proptest::prelude::*;

/// Consent and the time zone: the intake's first question is open.
fn consented() -> Chat {
    let mut chat = Chat::new("2026-11-23T08:00:00Z");
    chat.say("/start");
    chat.send(Input::Button("c:y".into()));
    chat.say("Berlin");
    chat.send(Input::Button("z:y".into()));
    chat
}

/// The starting points: 0 at the intake, 1 with a program at the drill time, 2 in the
/// middle of a session.
fn start(which: usize) -> Chat {
    let mut chat = consented();
    if which == 0 {
        return chat;
    }
    for a in answers::INTAKE_AND_TESTS {
        chat.say(a);
    }
    chat.now = "2026-11-23T17:00:00Z".parse().unwrap();
    if which == 2 {
        chat.say("/today");
        chat.code("done");
        assert!(matches!(chat.dialog(), Dialog::Session { .. }));
    }
    chat
}

#[derive(Clone, Debug)]
enum Act {
    Say(&'static str),
    /// A press on the keyboard shown now (the button at this index, wrapped).
    Tap(usize),
    /// A press on a button of any reply so far (at this index of all of them, wrapped).
    Old(usize),
    /// Bare data, as sent before stamps or made up.
    Bare(&'static str),
    Fire(ReminderKind),
    Wait(i64),
}

fn act() -> impl Strategy<Value = Act> {
    prop_oneof![
        3 => prop_oneof![
            Just("/today"),
            Just("/start"),
            Just("/assess"),
            Just("/settings"),
            Just("/history"),
            Just("/help"),
            Just("yes"),
            Just("no"),
            Just("0"),
            Just("2"),
            Just("7"),
            Just("25"),
            Just("34"),
            Just("done"),
            Just("skip"),
            Just("none"),
            Just("desk work"),
            Just("stop"),
            Just("hello"),
            Just("carry on"),
        ]
        .prop_map(Act::Say),
        4 => any::<usize>().prop_map(Act::Tap),
        4 => any::<usize>().prop_map(Act::Old),
        1 => prop_oneof![
            Just("o:done"),
            Just("o:p7"),
            Just("o:b2"),
            Just("o:start_session"),
            Just("c:y"),
            Just("z:y"),
        ]
        .prop_map(Act::Bare),
        1 => prop_oneof![
            Just(ReminderKind::MovementBreak),
            Just(ReminderKind::DailySession),
            Just(ReminderKind::MorningCheckin),
        ]
        .prop_map(Act::Fire),
        1 => (1i64..30).prop_map(Act::Wait),
    ]
}

/// The inline buttons' data of these replies.
fn inline_data(replies: &[Reply]) -> Vec<String> {
    replies
        .iter()
        .flat_map(|r| match &r.keyboard {
            Keyboard::Inline(rows) => rows.iter().flatten().map(|b| b.data.clone()).collect(),
            _ => Vec::new(),
        })
        .collect()
}

fn is_break_button(data: &str) -> bool {
    data.contains("|o:brk_")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn a_button_answers_only_its_own_question(
        which in 0usize..3,
        acts in prop::collection::vec(act(), 1..24),
    ) {
        let mut chat = start(which);
        // How often the dialog has changed, as seen from here; every button seen so far,
        // with that count when it was shown.
        let mut moved = 0u32;
        let mut shown: Vec<(u32, String)> = Vec::new();
        let mut latest: Vec<String> = Vec::new();
        for act in acts {
            let Some(before) = chat.person.clone() else { break };
            // The press, and whether it is one the claim is about.
            let (input, stale) = match act {
                Act::Say(text) => (Input::Text(text.into()), false),
                Act::Tap(i) if !latest.is_empty() => {
                    (Input::Button(latest[i % latest.len()].clone()), false)
                }
                Act::Tap(_) => continue,
                Act::Old(i) if !shown.is_empty() => {
                    let (at, data) = shown[i % shown.len()].clone();
                    (Input::Button(data.clone()), at != moved && !is_break_button(&data))
                }
                Act::Old(_) => continue,
                Act::Bare(data) => (Input::Button(data.into()), true),
                Act::Fire(kind) => (Input::Reminder { kind, due: chat.now }, false),
                Act::Wait(hours) => {
                    chat.now += Duration::hours(hours);
                    continue;
                }
            };
            let replies = chat.send_exact(input.clone());
            if stale {
                prop_assert_eq!(
                    &chat.last_persist, &Some(Persist::Keep),
                    "a press on an earlier question was taken: {:?} in {:?}", input, before.dialog
                );
                prop_assert_eq!(chat.person.as_ref(), Some(&before));
                prop_assert!(chat.writes.is_empty(), "{:?} wrote {:?}", input, chat.writes);
                prop_assert!(chat.events.is_empty(), "{:?} recorded {:?}", input, chat.events);
                prop_assert!(!replies.is_empty(), "{:?} was answered with silence", input);
            }
            if chat.person.as_ref().map(|p| &p.dialog) != Some(&before.dialog) {
                moved += 1;
            }
            let data = inline_data(&replies);
            if !data.is_empty() {
                latest = data.clone();
            }
            shown.extend(data.into_iter().map(|d| (moved, d)));
        }
    }
}
