//! The reminder settings /settings can change, each with its own question.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoStaticStr};

/// A reminder setting, as a /settings entry and the question that changes it.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, EnumIter, IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ReminderSetting {
    /// Minutes between movement breaks (/breaks).
    #[default]
    Breaks,
    /// Quiet hours (/quiet).
    Quiet,
    /// The morning check-in's time (/morning).
    Morning,
    /// A pause, and until when (/pause, /resume).
    Pause,
    /// The week in review, on or off (/stats on, /stats off).
    Review,
}

/// `on` or `off` (English and German), as /stats and the /settings switch read it.
pub fn on_off(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "on" | "an" | "ein" | "yes" | "ja" => Some(true),
        "off" | "aus" | "no" | "nein" => Some(false),
        _ => None,
    }
}
