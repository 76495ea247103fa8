//! The intake's safety question (the red flags), through the pure core: typed answers are
//! read for signs and denials, signs read from text are confirmed before they are stored,
//! "Done" with nothing ticked is not "none of these", and commands keep the ticks.

use crate::support::answers;
use crate::support::chat;

use chat::{Chat, ids};
use hipcoach::core::intake::Question;
use hipcoach::core::msg::ProfileField;
use hipcoach::core::profile::RedFlag;
use hipcoach::core::{Dialog, Event, Lang, Msg};

/// Consent, time zone and every intake answer before the safety question.
fn at_safety_question() -> Chat {
    let mut chat = Chat::new("2026-11-23T08:00:00Z");
    chat.say("/start");
    chat.tap(Msg::ConsentAgree);
    chat.say("Berlin");
    chat.tap(Msg::Yes);
    let before = answers::intake().len() - 1;
    for answer in &answers::intake()[..before] {
        chat.say(answer);
    }
    assert_eq!(
        chat.dialog(),
        Dialog::Ask {
            question: Question::RedFlags { selected: vec![] },
            setting: false
        }
    );
    chat
}

fn recorded(chat: &Chat) -> Option<Vec<RedFlag>> {
    chat.person().profile.red_flags.clone()
}

/// The reply that starts the self-tests, as after "None of these".
const TESTS_START: [&str; 3] = ["tests-intro", "test-seated", "test-ask-side"];
/// The reply that stops before the tests, as after ticking a red flag.
const STOP: [&str; 3] = ["red-flag-stop", "lines", "red-flag-come-back"];
const CONFIRM: [&str; 3] = ["confirm-flags", "lines", "confirm-flags-right"];

#[test]
fn typed_denials_are_none_of_these() {
    for typed in [
        "none",
        "None of these.",
        "nothing like that",
        "nichts davon",
        "Nein",
    ] {
        let mut chat = at_safety_question();
        let r = chat.say(typed);
        assert_eq!(ids(&r), [TESTS_START], "{typed}");
        assert_eq!(recorded(&chat), Some(vec![]), "{typed}");
    }
}

#[test]
fn denying_some_signs_records_none_and_asks_about_the_others() {
    for typed in [
        "no numbness, no night pain",
        "no swelling, it never locks",
        "keine Schwellung und kein Taubheitsgefühl",
    ] {
        let mut chat = at_safety_question();
        let before = chat.person.clone();
        let r = chat.say(typed);
        assert_eq!(ids(&r), [["any-other-signs"]], "{typed}");
        assert!(!r[0].keyboard.is_empty(), "{typed}: the buttons come along");
        assert_eq!(chat.person, before, "{typed}: nothing recorded");
    }
}

#[test]
fn typed_text_that_names_nothing_is_asked_again() {
    for typed in [
        "number",
        "my numbers are fine",
        "lockdown",
        "good night",
        "banana",
    ] {
        let mut chat = at_safety_question();
        let before = chat.person.clone();
        let r = chat.say(typed);
        assert_eq!(ids(&r), [["tap-which-applies"]], "{typed}");
        assert!(chat.kept_state(), "{typed}");
        assert_eq!(chat.person, before, "{typed}");
        assert!(
            !r[0].keyboard.is_empty(),
            "the buttons come with the re-ask"
        );
    }
}

#[test]
fn typed_signs_are_confirmed_before_they_are_stored() {
    let mut chat = at_safety_question();
    let r = chat.say("my knee is swollen and locked up this morning");
    assert_eq!(ids(&r), [CONFIRM]);
    let shown = chat::text(Lang::En, &r);
    assert!(
        shown.contains("Swelling in the knee or hip")
            && shown.contains("The knee locks or gives way")
            && shown.contains("Is that right?"),
        "{shown}"
    );
    assert_eq!(
        chat.keyboard.labels(),
        [[&Msg::Yes, &Msg::No]],
        "Yes and No buttons"
    );
    assert_eq!(
        recorded(&chat),
        None,
        "nothing is stored before the person confirms"
    );
    assert!(chat.writes.is_empty());

    let r = chat.tap(Msg::Yes);
    assert_eq!(ids(&r), [STOP]);
    assert_eq!(
        recorded(&chat),
        Some(vec![RedFlag::Swelling, RedFlag::LockingOrGivingWay])
    );
    assert!(matches!(
        chat.assessment_event(),
        Event::AssessmentCompleted { red_flags, .. }
            if *red_flags == ["swelling", "locking_or_giving_way"]
    ));
    assert_eq!(chat.dialog(), Dialog::Idle);
}

#[test]
fn no_goes_back_to_the_question_with_its_ticks() {
    let mut chat = at_safety_question();
    chat.tap(Msg::RedFlag(RedFlag::Numbness));
    let r = chat.say("it gives way on the stairs");
    assert_eq!(ids(&r), [CONFIRM]);
    let r = chat.tap(Msg::No);
    assert_eq!(ids(&r), [["ask-red-flags"]]);
    assert_eq!(
        chat.dialog(),
        Dialog::Ask {
            question: Question::RedFlags {
                selected: vec![RedFlag::Numbness]
            },
            setting: false
        },
        "the ticks made before typing are still there"
    );
    assert_eq!(recorded(&chat), None);
    let r = chat.tap(Msg::Done);
    assert_eq!(ids(&r), [STOP]);
    assert_eq!(recorded(&chat), Some(vec![RedFlag::Numbness]));
}

#[test]
fn the_confirmation_takes_a_typed_yes_or_no_in_both_languages() {
    let mut chat = at_safety_question();
    chat.say("mein Knie ist geschwollen");
    let r = chat.say("maybe");
    assert_eq!(ids(&r), [["choice-not-understood"]]);
    assert!(chat.kept_state());
    assert_eq!(chat.keyboard.labels(), [[&Msg::Yes, &Msg::No]]);
    let r = chat.say("nein");
    assert_eq!(ids(&r), [["ask-red-flags"]]);
    assert_eq!(recorded(&chat), None);

    chat.say("wakes me at night");
    let r = chat.say("yes");
    assert_eq!(ids(&r), [STOP]);
    assert_eq!(recorded(&chat), Some(vec![RedFlag::NightPain]));

    let mut chat = at_safety_question();
    chat.lang = Lang::De;
    chat.person.as_mut().unwrap().lang = Lang::De;
    let r = chat.say("das Knie blockiert");
    let shown = chat::text(Lang::De, &r);
    assert!(
        shown.contains("Das Knie blockiert oder knickt weg") && shown.contains("Stimmt das?"),
        "{shown}"
    );
    chat.say("ja");
    assert_eq!(recorded(&chat), Some(vec![RedFlag::LockingOrGivingWay]));
}

#[test]
fn done_with_nothing_ticked_is_not_none_of_these() {
    let mut chat = at_safety_question();
    let r = chat.tap(Msg::Done);
    assert_eq!(ids(&r), [["red-flags-nothing-ticked"]]);
    assert!(chat.kept_state());
    assert_eq!(recorded(&chat), None);
    let shown = chat::text(Lang::En, &r);
    assert!(shown.contains("None of these"), "{shown}");
    assert!(
        chat.keyboard
            .labels()
            .iter()
            .flatten()
            .any(|l| **l == Msg::NoneOfThese),
        "the question's buttons come with it"
    );
    let r = chat.tap(Msg::NoneOfThese);
    assert_eq!(ids(&r), [TESTS_START]);
    assert_eq!(recorded(&chat), Some(vec![]));
}

/// A step between ticking and tapping Done.
enum Step {
    Say(&'static str),
    Tap(Msg),
}

#[test]
fn commands_in_the_middle_keep_the_ticks() {
    use Step::{Say, Tap};
    let scenarios: Vec<Vec<Step>> = vec![
        vec![Say("/help")],
        vec![Say("/profile")],
        vec![Say("/export")],
        vec![Say("/reminders")],
        vec![Say("/history")],
        vec![Say("/progress")],
        vec![Say("/nonsense")],
        vec![Say("hello there")],
        vec![Say("/today")],
        vec![Say("/assess")],
        vec![Say("/start"), Tap(Msg::Continue)],
        vec![Say("/start"), Say("/start"), Tap(Msg::Continue)],
        vec![Say("/delete"), Tap(Msg::DeleteNo)],
        vec![Say("/settings"), Say("/start")],
        vec![Say("/settings"), Say("/help"), Say("/today")],
        vec![
            Say("/settings"),
            Tap(Msg::ProfileLine {
                field: ProfileField::DrillTime,
                value: Box::new(Msg::Literal(String::new())),
            }),
            Say("19:30"),
        ],
        vec![Say("/timezone"), Say("Vienna"), Tap(Msg::Yes)],
        vec![
            Say("/help"),
            Say("/today"),
            Say("/start"),
            Tap(Msg::Continue),
        ],
    ];
    let mut wiped = Vec::new();
    for steps in scenarios {
        let mut chat = at_safety_question();
        chat.tap(Msg::RedFlag(RedFlag::Swelling));
        chat.tap(Msg::RedFlag(RedFlag::NightPain));
        let mut seen = Vec::new();
        for step in &steps {
            let r = match step {
                Say(text) => chat.say(text),
                Tap(label) => chat.tap(label.clone()),
            };
            seen.push(ids(&r));
        }
        // Done on the question's message, which Telegram still shows whatever came after.
        let r = chat.code("done");
        let flags = recorded(&chat);
        if ids(&r) != [STOP] || flags != Some(vec![RedFlag::Swelling, RedFlag::NightPain]) {
            wiped.push(format!("after {seen:?}: {:?}, recorded {flags:?}", ids(&r)));
        }
    }
    assert!(wiped.is_empty(), "\n{}", wiped.join("\n"));
}

#[test]
fn a_side_trip_from_the_safety_question_comes_back_to_it() {
    let mut chat = at_safety_question();
    chat.tap(Msg::RedFlag(RedFlag::Swelling));
    let ticked = || Msg::Checked(Box::new(Msg::RedFlag(RedFlag::Swelling)));
    let has_tick = |chat: &Chat| {
        chat.keyboard
            .labels()
            .iter()
            .flatten()
            .any(|l| **l == ticked())
    };

    // A new language: saved, and the question asked again in it, ticks and all.
    assert_eq!(ids(&chat.say("/settings")), [["settings-menu"]]);
    assert!(matches!(chat.dialog(), Dialog::Aside { .. }));
    chat.tap(Msg::ProfileLine {
        field: ProfileField::Language,
        value: Box::new(Msg::Literal(String::new())),
    });
    let r = chat.tap(Msg::Literal("Deutsch".into()));
    assert_eq!(ids(&r), [vec!["setting-saved"], vec!["ask-red-flags"]]);
    assert_eq!(chat.person().lang, Lang::De);
    assert!(chat::text(Lang::De, &r).contains("Sicherheitsfrage"));
    assert!(has_tick(&chat));

    // A new time zone: the same.
    chat.say("/timezone");
    chat.say("Wien");
    let r = chat.tap(Msg::Yes);
    assert_eq!(ids(&r), [vec!["timezone-saved"], vec!["ask-red-flags"]]);
    assert!(has_tick(&chat));
    assert_eq!(
        chat.dialog(),
        Dialog::Ask {
            question: Question::RedFlags {
                selected: vec![RedFlag::Swelling]
            },
            setting: false
        }
    );

    // A typed sign waiting for a yes comes first: /settings and /start ask it again.
    chat.say("es kribbelt");
    let r = chat.say("/settings");
    assert_eq!(ids(&r), [CONFIRM.to_vec()], "the confirmation first");
    let r = chat.say("/start");
    assert_eq!(ids(&r), [CONFIRM.to_vec()], "back at the confirmation");
    chat.tap(Msg::Yes);
    assert_eq!(
        recorded(&chat),
        Some(vec![RedFlag::Swelling, RedFlag::Numbness])
    );
}

#[test]
fn the_new_dialogs_are_stored_and_read_back() {
    let back = Dialog::Ask {
        question: Question::RedFlags {
            selected: vec![RedFlag::NightPain],
        },
        setting: false,
    };
    for dialog in [
        Dialog::ConfirmFlags {
            flags: vec![RedFlag::Swelling, RedFlag::Numbness],
            back: Box::new(back.clone()),
        },
        Dialog::Aside {
            trip: Box::new(Dialog::Settings),
            back: Box::new(back.clone()),
        },
    ] {
        let json = serde_json::to_string(&dialog).unwrap();
        let read: Dialog = serde_json::from_str(&json).unwrap();
        assert_eq!(read, dialog, "{json}");
    }
}
