//! Every message the bot can say, as a typed value. `i18n` turns each into text from
//! `messages/<lang>/*.ftl`; the Fluent id is the variant name in kebab-case
//! (`Msg::ConsentDeclined` → `consent-declined`), and the fields are its arguments.
//! Tests assert on these values, so rewording a text never breaks a test of behaviour.

use strum::{EnumIter, IntoStaticStr};

use super::command::Command;

#[derive(Clone, Debug, PartialEq, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Msg {
    // Building blocks that are not Fluent messages of their own.
    /// Text shown as is: a city name on a button.
    Literal(String),
    /// `/name — description` for one command.
    CommandLine(Command),
    /// Several messages, one per line.
    Lines(Vec<Msg>),

    // First contact and consent.
    Welcome,
    ConsentAgree,
    ConsentDecline,
    ConsentDeclined,
    ConsentThanks,
    StrangerHelp,

    // Time zone.
    AskTimezone,
    ShareLocation,
    TimezoneUnknown {
        input: String,
    },
    TimezoneOffsetRange,
    LocationUnknown,
    LocationNotNeeded,
    ConfirmTimezone {
        time: String,
        zone: String,
    },
    ConfirmTimezoneAgain,
    FixedOffsetNote,
    Yes,
    NoChangeIt,
    TimezoneSaved {
        zone: String,
    },

    // Around the conversation.
    SetupDone,
    WelcomeBack,
    Help,
    NotUnderstood,
    UnknownCommand {
        command: String,
    },
    MediaNotSupported,
    EditNotRead,
    ButtonExpired,
    StateReset,
    PrivateOnly,
    TryAgainLater,
}

/// A value handed to a Fluent message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl Msg {
    /// The Fluent message id.
    pub fn id(&self) -> &'static str {
        self.into()
    }

    /// The arguments the Fluent message uses.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        let text = |s: &String| Arg::Text(s.clone());
        match self {
            Msg::TimezoneUnknown { input } => vec![("input", text(input))],
            Msg::ConfirmTimezone { time, zone } => vec![("time", text(time)), ("zone", text(zone))],
            Msg::TimezoneSaved { zone } => vec![("zone", text(zone))],
            Msg::UnknownCommand { command } => vec![("command", text(command))],
            _ => Vec::new(),
        }
    }
}
