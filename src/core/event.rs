//! Domain events: what happened, for the console's `--json` stream and the logs.

use serde::Serialize;

/// Something that happened to a person's record. The names and fields are a stable,
/// documented interface (README.md, "Console scripting interface").
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum Event {
    ConsentGiven,
    ConsentDeclined,
    TimezoneSet { tz: String },
    ProfileUpdated { field: String },
}

impl Event {
    /// The event's name, for logs.
    pub fn name(&self) -> &'static str {
        match self {
            Event::ConsentGiven => "consent_given",
            Event::ConsentDeclined => "consent_declined",
            Event::TimezoneSet { .. } => "timezone_set",
            Event::ProfileUpdated { .. } => "profile_updated",
        }
    }
}
