//! What the bot says back and the dates it shows: a person's text echoed inside the bot's
//! sentences cannot reorder them, a session dated after `now` (a clock moved back) does not
//! count, and a date in another year shows its year.

use crate::support::answers;
use crate::support::chat;

use chat::{Chat, ids, text};
use chrono::Duration;
use hipcoach::core::{Dialog, Input, Lang, Msg};

/// The bidirectional controls that can reorder the text around them.
fn bidi_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| {
            matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
        })
        .collect()
}

/// Consent on Monday 2026-11-23, 08:00 UTC: the time zone question is open.
fn at_the_zone_question() -> Chat {
    let mut chat = Chat::new("2026-11-23T08:00:00Z");
    chat.say("/start");
    chat.send(Input::Button("c:y".into()));
    chat
}

#[test]
fn a_right_to_left_override_typed_as_a_city_is_not_echoed() {
    for lang in [Lang::En, Lang::De] {
        let mut chat = at_the_zone_question();
        chat.lang = lang;
        let r = chat.say("\u{202E}Nowhereville\u{2066}\u{200F}\u{061C} yaw");
        assert_eq!(ids(&r), [["timezone-unknown"]]);
        let shown = text(lang, &r);
        assert!(shown.contains("Nowhereville"), "{shown}");
        assert_eq!(bidi_controls(&shown), Vec::<char>::new(), "{shown:?}");
    }
}

#[test]
fn a_right_to_left_override_in_an_unknown_command_is_not_echoed() {
    let mut chat = at_the_zone_question();
    let r = chat.say("/ko\u{202E}ent\u{202A}");
    assert_eq!(ids(&r)[0], ["unknown-command"]);
    let shown = text(Lang::En, &r);
    assert!(shown.contains("/koent"), "{shown}");
    assert_eq!(bidi_controls(&shown), Vec::<char>::new(), "{shown:?}");
}

/// Through the intake and tests of `answers.rs`, then one whole session at 18:00 Berlin time
/// on Monday 2026-11-23.
fn after_one_session() -> Chat {
    let mut chat = at_the_zone_question();
    chat.say("Berlin");
    chat.send(Input::Button("z:y".into()));
    for answer in answers::INTAKE_AND_TESTS {
        chat.say(answer);
    }
    chat.now = "2026-11-23T17:00:00Z".parse().unwrap();
    chat.say("/today");
    while matches!(chat.dialog(), Dialog::Session { ref run } if run.step == hipcoach::core::session::RunStep::Exercise)
    {
        chat.tap(Msg::OutcomeDone);
    }
    chat.say("2");
    assert_eq!(chat.person().sessions.len(), 1);
    chat
}

/// The sessions this week and the streak that /progress shows.
fn week_and_streak(chat: &mut Chat) -> (i64, i64) {
    let r = chat.say("/progress");
    r.iter()
        .flat_map(|r| &r.parts)
        .find_map(|m| match m {
            Msg::ProgressWeek { sessions, streak } => Some((*sessions, *streak)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no week line in {:?}", ids(&r)))
}

#[test]
fn a_session_after_now_does_not_count_when_the_clock_moves_back() {
    let mut chat = after_one_session();
    assert_eq!(week_and_streak(&mut chat), (1, 1));
    // The clock set back a day: the session lies in the future.
    chat.now -= Duration::days(1);
    assert_eq!(week_and_streak(&mut chat), (0, 0));
    // Set back an hour: the same local day, but the session has not happened yet.
    chat.now += Duration::days(1) - Duration::hours(1);
    assert_eq!(week_and_streak(&mut chat), (0, 0));
}

/// Consent and the Berlin time zone on Monday 2026-11-23, 08:00 UTC, in `lang`.
fn in_berlin(lang: Lang) -> Chat {
    let mut chat = Chat::new("2026-11-23T08:00:00Z");
    chat.lang = lang;
    chat.say("/start");
    chat.send(Input::Button("c:y".into()));
    chat.say("Berlin");
    chat.send(Input::Button("z:y".into()));
    chat
}

#[test]
fn a_pause_into_next_year_shows_the_year_in_the_persons_language() {
    for (lang, paused, listed) in [
        (
            Lang::En,
            "Wed 10 Feb 2027, 00:00",
            "Paused until Wed 10 Feb 2027, 00:00.",
        ),
        (
            Lang::De,
            "Mi., 10. Februar 2027, 00:00",
            "Pausiert bis Mi., 10. Februar 2027, 00:00.",
        ),
    ] {
        let mut chat = in_berlin(lang);
        let shown = text(lang, &chat.say("/pause until 2027-02-10"));
        assert!(shown.contains(paused), "{shown}");
        let shown = text(lang, &chat.say("/reminders"));
        assert!(shown.contains(listed), "{shown}");
    }
}

#[test]
fn a_date_this_year_shows_no_year() {
    for (lang, paused) in [
        (Lang::En, "Thu 26 Nov, 09:00"),
        (Lang::De, "Do., 26. November, 09:00"),
    ] {
        let mut chat = in_berlin(lang);
        let shown = text(lang, &chat.say("/pause 3d"));
        assert!(shown.contains(paused), "{shown}");
        assert!(!shown.contains("2026"), "{shown}");
    }
}
