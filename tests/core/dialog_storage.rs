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
