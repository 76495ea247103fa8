//! A person who agreed to be coached, and where they are in the conversation.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{Lang, Zone};

/// Everything the core knows about one person. Only people who gave consent exist here;
/// before that, nothing about them is kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// Telegram user id (equal to the private chat id).
    pub id: i64,
    pub lang: Lang,
    pub consented_at: DateTime<Utc>,
    pub zone: Option<Zone>,
    pub dialog: Dialog,
}

/// Where the person is in the conversation: the question the bot is waiting on.
///
/// Stored as JSON, so it is a compatibility boundary: variants may be added freely;
/// renaming or removing one makes old rows unreadable, which the store turns into
/// [`Dialog::Lost`] and the core answers with an apology and a fresh question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Dialog {
    /// Not waiting for anything.
    #[default]
    Idle,
    /// Waiting for a time zone.
    AskZone,
    /// Waiting for the person to confirm the local time in this zone.
    ConfirmZone { zone: super::Zone },
    /// The stored state could not be read (written by an older or newer version).
    #[serde(skip)]
    Lost,
}
