//! Transcript tests through the pure core: what the person sends, what the bot answers.
//! Replies are compared as message ids (`Msg` variants in kebab-case), so rewording a text
//! never breaks a test of behaviour; a few checks look at the rendered English as well.

use crate::support::chat;

use chat::{Chat, ids, text};
use hipcoach::core::action::Action;
use hipcoach::core::{Dialog, Event, Input, Keyboard, Lang, Msg, Persist, Zone};

/// A person who has agreed and is being asked for their time zone.
fn consented(now: &str) -> Chat {
    let mut chat = Chat::new(now);
    chat.say("/start");
    chat.tap(Msg::ConsentAgree);
    chat
}

#[test]
fn start_consent_and_time_zone_happy_path() {
    let mut chat = Chat::new("2026-11-21T08:20:00Z");

    let r = chat.say("/start");
    assert_eq!(ids(&r), [["welcome"]]);
    assert_eq!(
        chat.keyboard.labels(),
        [[&Msg::ConsentAgree, &Msg::ConsentDecline]]
    );
    let welcome = text(Lang::En, &r);
    assert!(welcome.contains("not a doctor"), "{welcome}");
    assert!(welcome.contains("pain scores and hip ranges"), "{welcome}");
    assert!(chat.person.is_none(), "nothing is stored before consent");

    let r = chat.tap(Msg::ConsentAgree);
    assert_eq!(ids(&r), [["consent-thanks", "ask-timezone"]]);
    assert_eq!(chat.events, [Event::ConsentGiven]);
    assert_eq!(chat.dialog(), Dialog::AskZone);
    assert!(matches!(chat.keyboard, Keyboard::Reply(ref rows) if rows[0][0].shares_location));

    let r = chat.say("Berlin");
    assert_eq!(ids(&r), [["confirm-timezone"]]);
    assert!(text(Lang::En, &r).contains("it is 09:20 for you now (Europe/Berlin)"));
    assert!(
        chat.events.is_empty(),
        "nothing is set before the person confirms"
    );

    let r = chat.tap(Msg::Yes);
    assert_eq!(
        ids(&r),
        [vec!["timezone-saved"], vec!["intake-intro", "ask-age"]],
        "the intake follows"
    );
    assert_eq!(
        chat.events,
        [Event::TimezoneSet {
            tz: "Europe/Berlin".into()
        }]
    );
    let person = chat.person.as_ref().unwrap();
    assert_eq!(person.zone, Some(Zone::parse("Europe/Berlin").unwrap()));
    assert_eq!(person.consented_at, chat.now);
}

#[test]
fn declining_consent_keeps_nothing_and_says_how_to_come_back() {
    let mut chat = Chat::new("2026-11-21T08:20:00Z");
    chat.say("/start");
    let r = chat.tap(Msg::ConsentDecline);
    assert_eq!(ids(&r), [["consent-declined"]]);
    assert_eq!(chat.events, [Event::ConsentDeclined]);
    assert_eq!(chat.last_persist, Some(Persist::Forget));
    assert!(chat.person.is_none());
    assert!(text(Lang::En, &r).contains("/start"));

    // Coming back later starts afresh.
    assert_eq!(ids(&chat.say("/start")), [["welcome"]]);
}

#[test]
fn a_stranger_always_gets_the_welcome_and_a_way_in() {
    for input in [
        Input::Text("hello".into()),
        Input::Text("yes".into()),
        Input::Unsupported,
        Input::Edited,
        Input::Button("z:y".into()),
        Input::Button("garbage".into()),
        Input::Location {
            latitude: 1.0,
            longitude: 2.0,
        },
    ] {
        let mut chat = Chat::new("2026-11-21T08:20:00Z");
        assert_eq!(ids(&chat.send(input.clone())), [["welcome"]], "{input:?}");
        assert!(chat.person.is_none(), "{input:?} must not create a person");
    }
    let mut chat = Chat::new("2026-11-21T08:20:00Z");
    let r = chat.say("/help");
    assert_eq!(ids(&r), [["help", "lines", "stranger-help"]]);
}

#[test]
fn every_documented_way_of_giving_a_time_zone() {
    // 2026-11-21 08:20 UTC.
    let cases = [
        ("Europe/Berlin", "Europe/Berlin", "09:20"),
        ("Berlin", "Europe/Berlin", "09:20"),
        ("New York", "America/New_York", "03:20"),
        ("Kathmandu", "Asia/Kathmandu", "14:05"),
        ("+2", "UTC+02:00", "10:20"),
        ("UTC-5", "UTC-05:00", "03:20"),
        ("+05:45", "UTC+05:45", "14:05"),
    ];
    for (typed, zone, time) in cases {
        let mut chat = consented("2026-11-21T08:20:00Z");
        let r = chat.say(typed);
        assert_eq!(
            chat.dialog(),
            Dialog::ConfirmZone {
                zone: Zone::from_name(zone).unwrap()
            },
            "{typed}"
        );
        let shown = text(Lang::En, &r);
        assert!(
            shown.contains(&format!("it is {time} for you now ({zone})")),
            "{typed}: {shown}"
        );
        let offset_note = ids(&r)[0].contains(&"fixed-offset-note");
        assert_eq!(offset_note, zone.starts_with("UTC"), "{typed}");
    }
}

#[test]
fn a_shared_location_gives_the_zone_there() {
    let mut chat = consented("2026-11-21T08:20:00Z");
    let r = chat.send(Input::Location {
        latitude: 40.7128,
        longitude: -74.006,
    });
    assert_eq!(ids(&r), [["confirm-timezone"]]);
    assert!(text(Lang::En, &r).contains("America/New_York"));

    // At sea there is only an offset.
    let mut chat = consented("2026-11-21T08:20:00Z");
    let r = chat.send(Input::Location {
        latitude: 0.0,
        longitude: -30.0,
    });
    assert_eq!(ids(&r), [["confirm-timezone", "fixed-offset-note"]]);
    assert!(text(Lang::En, &r).contains("(UTC-02:00)"));

    // A location no zone covers (a broken client) is refused and the question stays.
    let mut chat = consented("2026-11-21T08:20:00Z");
    let r = chat.send(Input::Location {
        latitude: 91.0,
        longitude: 0.0,
    });
    assert_eq!(ids(&r), [["location-unknown"]]);
    assert!(chat.kept_state());
    assert_eq!(chat.dialog(), Dialog::AskZone);
}

#[test]
fn a_zone_not_understood_is_asked_again_with_examples_and_the_state_stays() {
    let mut chat = consented("2026-11-21T08:20:00Z");
    let r = chat.say("Berlinn");
    assert_eq!(ids(&r), [["timezone-unknown"]]);
    let shown = text(Lang::En, &r);
    assert!(
        shown.contains("“Berlinn”") && shown.contains("Europe/Berlin"),
        "{shown}"
    );
    assert!(chat.kept_state());
    assert_eq!(chat.dialog(), Dialog::AskZone);
    assert!(
        matches!(chat.keyboard, Keyboard::Reply(_)),
        "the buttons stay available"
    );

    let r = chat.say("+15");
    assert_eq!(ids(&r), [["timezone-offset-range"]]);
    assert!(chat.kept_state());

    // A city button sends its name as text and is read like typing.
    let r = chat.tap(Msg::Literal("London".into()));
    assert_eq!(ids(&r), [["confirm-timezone"]]);
}

#[test]
fn saying_no_to_the_local_time_asks_again_and_typing_works_too() {
    let mut chat = consented("2026-11-21T08:20:00Z");
    chat.say("London");
    let r = chat.tap(Msg::NoChangeIt);
    assert_eq!(ids(&r), [["ask-timezone"]]);
    assert_eq!(chat.dialog(), Dialog::AskZone);

    chat.say("Kathmandu");
    let r = chat.say("maybe");
    assert_eq!(ids(&r), [["confirm-timezone-again"]]);
    assert!(chat.kept_state());

    // Another zone instead of yes or no is read as a correction.
    let r = chat.say("Berlin");
    assert_eq!(ids(&r), [["confirm-timezone"]]);
    let r = chat.say("yes");
    assert_eq!(
        ids(&r),
        [vec!["timezone-saved"], vec!["intake-intro", "ask-age"]]
    );
    assert_eq!(
        chat.events,
        [Event::TimezoneSet {
            tz: "Europe/Berlin".into()
        }]
    );
}

#[test]
fn unexpected_input_always_gets_a_helpful_answer_and_changes_nothing() {
    let mut chat = consented("2026-11-21T08:20:00Z");
    let r = chat.send(Input::Unsupported);
    assert_eq!(ids(&r), [vec!["media-not-supported"], vec!["ask-timezone"]]);
    assert!(chat.kept_state());
    let r = chat.send(Input::Edited);
    assert_eq!(ids(&r), [vec!["edit-not-read"], vec!["ask-timezone"]]);
    let r = chat.say("/dance");
    assert_eq!(ids(&r), [vec!["unknown-command"], vec!["ask-timezone"]]);
    assert!(text(Lang::En, &r).contains("/dance"));
    let r = chat.say("/help");
    assert_eq!(ids(&r), [vec!["help", "lines"], vec!["ask-timezone"]]);
    assert!(text(Lang::En, &r).contains("/start — "));

    chat.say("Berlin");
    chat.tap(Msg::Yes);
    for text_in in ["hello", "what now?", "🙂"] {
        let r = chat.say(text_in);
        assert_eq!(ids(&r), [["age-not-understood"]], "{text_in}");
        assert!(chat.kept_state());
    }
    let r = chat.send(Input::Location {
        latitude: 52.5,
        longitude: 13.4,
    });
    assert_eq!(ids(&r), [vec!["location-not-needed"], vec!["ask-age"]]);
}

#[test]
fn old_and_forged_buttons_are_refused_politely() {
    let mut chat = consented("2026-11-21T08:20:00Z");
    let before = chat.person.clone();
    for data in ["z:y", "c:y", "c:n", "", "x".repeat(64).as_str(), "\u{0}"] {
        let r = chat.send(Input::Button(data.to_string()));
        assert_eq!(
            ids(&r),
            [vec!["button-expired"], vec!["ask-timezone"]],
            "{data:?}"
        );
        assert!(chat.kept_state());
        assert_eq!(chat.person, before);
    }
    // Consent, once given, cannot be withdrawn by replaying the old button.
    assert!(chat.person.is_some());
}

#[test]
fn start_again_picks_up_where_the_person_left_off() {
    let mut chat = consented("2026-11-21T08:20:00Z");
    chat.say("Kathmandu");
    let r = chat.say("/start");
    assert_eq!(ids(&r), [vec!["welcome-back"], vec!["confirm-timezone"]]);
    chat.tap(Msg::Yes);
    let r = chat.say("/start");
    assert_eq!(
        ids(&r),
        [vec!["welcome-back"], vec!["ask-resume"]],
        "the intake is under way"
    );
}

#[test]
fn an_unreadable_stored_state_is_answered_with_an_apology_and_a_fresh_question() {
    let mut chat = consented("2026-11-21T08:20:00Z");
    chat.person.as_mut().unwrap().dialog = Dialog::Lost;
    let r = chat.say("Berlin");
    assert_eq!(ids(&r), [vec!["state-reset"], vec!["ask-timezone"]]);
    assert_eq!(chat.dialog(), Dialog::AskZone);

    let mut chat = consented("2026-11-21T08:20:00Z");
    chat.say("Berlin");
    chat.tap(Msg::Yes);
    chat.person.as_mut().unwrap().dialog = Dialog::Lost;
    let r = chat.say("hi");
    assert_eq!(
        ids(&r),
        [vec!["state-reset"], vec!["ask-age"]],
        "back to the first open question"
    );
}

#[test]
fn the_person_is_answered_in_their_language() {
    let mut chat = Chat::new("2026-11-21T08:20:00Z");
    chat.lang = Lang::De;
    let r = chat.say("/start");
    assert!(text(Lang::De, &r).contains("kein Arzt"));
    chat.tap(Msg::ConsentAgree);
    assert_eq!(chat.person.as_ref().unwrap().lang, Lang::De);
    // The German city buttons are read by the same parser.
    let r = chat.tap(Msg::Literal("Wien".into()));
    assert!(text(Lang::De, &r).contains("09:20 Uhr (Europe/Vienna)"));
}

#[test]
fn consent_buttons_carry_their_encoded_actions() {
    let mut chat = Chat::new("2026-11-21T08:20:00Z");
    chat.say("/start");
    let Keyboard::Inline(rows) = &chat.keyboard else {
        panic!("inline buttons expected")
    };
    // A stranger's buttons carry question number 0.
    let stamped = |a: Action| hipcoach::core::action::stamp(0, &a.encode());
    assert_eq!(rows[0][0].data, stamped(Action::Consent(true)));
    assert_eq!(rows[0][1].data, stamped(Action::Consent(false)));
}

#[test]
fn the_time_zone_can_be_changed_later() {
    let mut chat = consented("2026-11-21T08:20:00Z");
    chat.say("Berlin");
    chat.tap(Msg::Yes);

    let r = chat.say("/timezone");
    assert_eq!(ids(&r), [["ask-timezone"]]);
    chat.say("Kathmandu");
    let r = chat.tap(Msg::Yes);
    assert_eq!(
        ids(&r),
        [vec!["timezone-saved"], vec!["ask-age"]],
        "the intake question left open is asked again"
    );
    assert_eq!(
        chat.events,
        [
            Event::TimezoneSet {
                tz: "Asia/Kathmandu".into()
            },
            Event::ProfileUpdated {
                field: "timezone".into()
            }
        ]
    );
    assert_eq!(
        chat.person.as_ref().unwrap().zone,
        Zone::from_name("Asia/Kathmandu")
    );
}
