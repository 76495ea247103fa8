//! What a person can send, as the core sees it: no Telegram types.

use crate::core::values::lang::Lang;

/// One thing the person did.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    /// A typed message, or a reply-keyboard button (which sends its label as text).
    Text(String),
    /// An inline button press. The data comes from the client and is not trusted.
    Button(String),
    /// A shared location.
    Location { latitude: f64, longitude: f64 },
    /// What the measuring page sent back (Telegram's `web_app_data`): untrusted JSON,
    /// read by `read::phone`.
    WebAppData(String),
    /// Anything else: a sticker, photo, voice note, file…
    Unsupported,
    /// An earlier message was edited.
    Edited,
    /// A reminder fell due (from the schedule, not from the person).
    Reminder {
        kind: crate::core::values::reminders::ReminderKind,
        due: chrono::DateTime<chrono::Utc>,
    },
}

/// An input together with who sent it.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    /// The Telegram user id (equal to the private chat id), or the console's user.
    pub user: i64,
    /// The language the client reports (Telegram's `language_code`).
    pub lang: Lang,
    pub input: Input,
}
