//! The dialogs of the safety question as the store keeps them (JSON): written and read back
//! unchanged. Not a conversation, so not a transcript.

use hipcoach::core::Dialog;
use hipcoach::core::person::question::Question;
use hipcoach::core::values::profile::RedFlag;

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

#[test]
fn the_zone_dialogs_are_stored_and_read_back_and_old_rows_still_read() {
    use hipcoach::core::Zone;
    use hipcoach::core::values::zone::{ZoneChoice, ZoneVia};
    let berlin = Zone::from_name("Europe/Berlin").unwrap();
    for dialog in [
        Dialog::ConfirmZone {
            zone: berlin,
            via: Some(ZoneVia {
                abbrev: "CET".into(),
                place: "Berlin".into(),
            }),
        },
        Dialog::PickZone {
            typed: "Berln".into(),
            choices: vec![ZoneChoice {
                place: "Berlin".into(),
                zone: berlin,
            }],
            abbrev: false,
        },
    ] {
        let json = serde_json::to_string(&dialog).unwrap();
        let read: Dialog = serde_json::from_str(&json).unwrap();
        assert_eq!(read, dialog, "{json}");
    }
    // A row written before `via` existed.
    let old: Dialog =
        serde_json::from_str(r#"{"step":"confirm_zone","zone":"Europe/Berlin"}"#).unwrap();
    assert_eq!(
        old,
        Dialog::ConfirmZone {
            zone: berlin,
            via: None
        }
    );
}
