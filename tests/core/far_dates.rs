//! A date far away never crashes the bot (seen: `/pause until +262142-12-31` with Saturday
//! work panicked in the schedule, and the next message stopped the whole process). Through
//! the core, in several zones, and for a far pause an older version may have stored.

use crate::support::answers;
use crate::support::chat;

use chat::{Chat, ids};
use chrono::{DateTime, Utc};
use hipcoach::core::schedule::next_all;
use hipcoach::core::{Input, Msg};

fn onboarded(zone: &str, work: &str, drills: &str) -> Chat {
    let mut chat = Chat::new("2026-11-23T08:00:00Z");
    chat.say("/start");
    chat.send(Input::Button("c:y".into()));
    chat.say(zone);
    chat.send(Input::Button("z:y".into()));
    for (i, answer) in answers::INTAKE_AND_TESTS.iter().enumerate() {
        let answer = match i {
            3 => work,
            5 => drills,
            _ => answer,
        };
        chat.say(answer);
    }
    assert!(chat.person().program.is_some());
    chat
}

#[test]
fn a_pause_until_a_far_date_is_refused_kindly() {
    for (zone, work, drills) in [
        ("Berlin", "sat 9-17", "18:00"),
        ("Los Angeles", "mon-fri 9-17", "18:00"),
        ("UTC-12", "mon-fri 9-17", "18:00"),
        ("New York", "mon-fri 9-17", "20:00"),
    ] {
        let mut chat = onboarded(zone, work, drills);
        let before = chat.person().clone();
        let r = chat.say("/pause until +262142-12-31");
        assert!(!r.is_empty(), "{zone}: an answer");
        assert_eq!(
            chat.person().settings,
            before.settings,
            "{zone}: nothing paused"
        );
        let r = chat.say("/pause until 2300-01-01");
        assert!(!r.is_empty());
        assert_eq!(
            chat.person().settings,
            before.settings,
            "{zone}: a year at most"
        );
        // The next message works as ever.
        let r = chat.say("/reminders");
        assert!(!ids(&r).is_empty());
    }
}

#[test]
fn a_far_pause_stored_earlier_crashes_nothing() {
    let mut chat = onboarded("Berlin", "sat 9-17", "18:00");
    let far: DateTime<Utc> = "+262142-12-31T00:00:00Z".parse().unwrap();
    chat.person.as_mut().unwrap().settings.paused_until = Some(far);
    // Nothing before the pause ends, and no overflow at the end of the calendar.
    let planned = next_all(chat.person(), chat.now);
    assert!(planned.iter().all(|d| d.at >= far), "{planned:?}");
    chat.person.as_mut().unwrap().settings.quiet = Some((
        chrono::NaiveTime::from_hms_opt(0, 0, 0).unwrap(),
        chrono::NaiveTime::from_hms_opt(23, 59, 0).unwrap(),
    ));
    let planned = next_all(chat.person(), chat.now);
    assert!(planned.iter().all(|d| d.at >= far), "{planned:?}");
    // An ordinary settings change afterwards.
    chat.say("/settings");
    chat.code("drill_time");
    let r = chat.say("19:00");
    assert!(
        r.iter()
            .flat_map(|r| &r.parts)
            .any(|m| *m == Msg::SettingSaved),
        "{:?}",
        ids(&r)
    );
    let r = chat.say("/resume");
    assert!(!r.is_empty());
    chat.person.as_mut().unwrap().settings.quiet = None;
    assert!(
        !next_all(chat.person(), chat.now).is_empty(),
        "planned again after /resume"
    );
}
