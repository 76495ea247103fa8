//! What the bot says back and the dates it shows: a person's text echoed inside the bot's
//! sentences cannot reorder them, a session dated after `now` (a clock moved back) does not
//! count, and a date in another year shows its year.

#[path = "support/chat.rs"]
mod chat;

use chat::{Chat, ids, text};
use hipcoach::core::{Input, Lang};

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
