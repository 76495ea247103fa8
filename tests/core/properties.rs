//! Property tests: every reader of what people send takes any string without panicking,
//! and the core's step never panics and never changes state on input it rejects.

use crate::support::answers;

use hipcoach::console::parse_duration;
use hipcoach::core::read::action::{self, Action};
use hipcoach::core::read::command::Command;
use hipcoach::core::read::parse;
use hipcoach::core::read::symptoms;
use hipcoach::core::rules::choice::{self, ACTIVITY_STEMS, PAIN_SITE_STEMS};
use hipcoach::core::{Incoming, Input, Lang, Persist, Person, Zone, step};
use proptest::prelude::*;

/// A button press on the question open now: bare data stamped with the person's
/// question number, as the buttons shown to them carry it.
fn on_open_question(person: Option<&Person>, input: Input) -> Input {
    match input {
        Input::Button(data) => Input::Button(action::stamp(person.map_or(0, |p| p.asked), &data)),
        other => other,
    }
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 2_000,
        ..ProptestConfig::default()
    }
}

/// Plausible chat text: letters, digits, punctuation people use, some Unicode.
fn chat_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-zA-Z0-9:+\\-/ .,°äöüß]{0,30}",
        "/[a-z@_]{0,20}"
    ]
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn readers_never_panic(text in chat_text()) {
        let _ = Zone::parse(&text);
        let _ = Command::parse(&text);
        let _ = Action::decode(&text);
        let _ = parse::yes_no(&text);
        let _ = parse::quote(&text);
        let _ = parse_duration(&text);
        let _ = choice::read(&text, ACTIVITY_STEMS);
        let _ = choice::read(&text, PAIN_SITE_STEMS);
        let _ = symptoms::read(&text);
        let _ = symptoms::is_none_answer(&text);
        let _ = hipcoach::core::read::answers::parse_days(&text);
    }

    #[test]
    fn an_accepted_offset_is_within_utc_minus_12_and_plus_14(text in "(UTC|GMT)?[+-][0-9]{1,2}(:[0-9]{2})?") {
        if let Ok(zone) = Zone::parse(&text) {
            let offset = zone.offset_at(chrono::Utc::now()).local_minus_utc();
            prop_assert!((-12 * 3600..=14 * 3600).contains(&offset));
            prop_assert_eq!(Zone::from_name(&zone.name()), Some(zone));
        }
    }

    #[test]
    fn quotes_stay_short(text in any::<String>()) {
        prop_assert!(parse::quote(&text).chars().count() <= 40);
    }

    #[test]
    fn decoded_button_data_re_encodes_to_itself(data in "[a-z]:[a-z0-9_]{0,45}") {
        if let Some(action) = Action::decode(&data) {
            prop_assert_eq!(action.encode(), data);
        }
    }

    /// Whatever a person sends at any point of the first conversation, the core answers,
    /// and when it keeps the state it really changed nothing.
    #[test]
    fn the_step_always_answers(inputs in prop::collection::vec(input(), 1..12)) {
        let now = "2026-11-21T08:20:00Z".parse().unwrap();
        let mut person: Option<Person> = None;
        for input in inputs {
            let input = on_open_question(person.as_ref(), input);
            let t = step(person.clone(), &Incoming { user: 1, lang: Lang::En, input }, now);
            prop_assert!(!t.replies.is_empty(), "never silence");
            match t.persist {
                Persist::Keep => {}
                Persist::Save(p) => person = Some(*p),
                Persist::Forget => person = None,
            }
        }
    }
}

/// A person in the middle of a drill session (after intake, tests and /today).
fn mid_session() -> Person {
    let mut person: Option<Person> = None;
    let mut now: chrono::DateTime<chrono::Utc> = "2026-11-23T08:00:00Z".parse().unwrap();
    let send = |person: &mut Option<Person>, input: Input, now| {
        let input = on_open_question(person.as_ref(), input);
        let t = step(
            person.clone(),
            &Incoming {
                user: 1,
                lang: Lang::En,
                input,
            },
            now,
        );
        if let Persist::Save(p) = t.persist {
            *person = Some(*p);
        }
    };
    send(&mut person, Input::Text("/start".into()), now);
    send(&mut person, Input::Button("c:y".into()), now);
    send(&mut person, Input::Text("Berlin".into()), now);
    send(&mut person, Input::Button("z:y".into()), now);
    for text in answers::INTAKE_AND_TESTS {
        send(&mut person, Input::Text(text.into()), now);
    }
    now += chrono::Duration::hours(9);
    send(&mut person, Input::Text("/today".into()), now);
    send(&mut person, Input::Button("o:done".into()), now);
    let person = person.expect("a person");
    assert!(
        matches!(person.dialog, hipcoach::core::Dialog::Session { .. }),
        "the answers lead into a session: {:?}",
        person.dialog
    );
    person
}

proptest! {
    #![proptest_config(config())]

    /// Mid-session, whatever arrives (session buttons, pain numbers, junk), the core
    /// answers; rejected input leaves the person exactly as they were.
    #[test]
    fn a_session_survives_any_input(inputs in prop::collection::vec(session_input(), 1..12)) {
        let now = "2026-11-23T17:30:00Z".parse().unwrap();
        let mut person = mid_session();
        for input in inputs {
            let input = on_open_question(Some(&person), input);
            let t = step(Some(person.clone()), &Incoming { user: 1, lang: Lang::En, input }, now);
            prop_assert!(!t.replies.is_empty(), "never silence");
            match t.persist {
                Persist::Keep => prop_assert!(t.writes.is_empty(), "kept state writes nothing"),
                Persist::Save(p) => person = *p,
                Persist::Forget => prop_assert!(false, "nothing forgets a person here"),
            }
        }
    }
}

fn session_input() -> impl Strategy<Value = Input> {
    prop_oneof![
        input(),
        prop_oneof![
            Just("o:done"),
            Just("o:too_easy"),
            Just("o:too_hard"),
            Just("o:hurts"),
            Just("o:skip"),
            Just("o:easier"),
            Just("o:stop"),
            Just("o:retest"),
            Just("o:session"),
            Just("o:p0"),
            Just("o:p4"),
            Just("o:p9"),
            Just("o:p11"),
        ]
        .prop_map(|s| Input::Button(s.to_string())),
        prop_oneof![
            Just("/today"),
            Just("/history"),
            Just("/progress"),
            Just("3"),
            Just("done"),
            Just("8/10"),
        ]
        .prop_map(|s| Input::Text(s.to_string())),
    ]
}

fn input() -> impl Strategy<Value = Input> {
    prop_oneof![
        chat_text().prop_map(Input::Text),
        prop_oneof![
            Just("c:y".to_string()),
            Just("c:n".to_string()),
            Just("z:y".to_string()),
            Just("z:n".to_string()),
            "o:[a-z0-9_]{1,12}",
            any::<String>()
        ]
        .prop_map(Input::Button),
        prop_oneof![
            Just("Berlin"),
            Just("Kathmandu"),
            Just("+5"),
            Just("yes"),
            Just("34"),
            Just("none"),
            Just("/start"),
            Just("/assess")
        ]
        .prop_map(|s| Input::Text(s.to_string())),
        (-100.0..100.0f64, -200.0..200.0f64).prop_map(|(latitude, longitude)| Input::Location {
            latitude,
            longitude
        }),
        Just(Input::Unsupported),
        Just(Input::Edited),
    ]
}
