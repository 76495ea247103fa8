//! Slash commands: one table feeds the parser, /help and the Telegram command menu.

use strum::{EnumIter, IntoEnumIterator, IntoStaticStr};

/// A command the person can send.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Command {
    #[default]
    Start,
    Today,
    Progress,
    Stats,
    History,
    Assess,
    Symptoms,
    Profile,
    Settings,
    Timezone,
    Reminders,
    Pause,
    Resume,
    Quiet,
    Breaks,
    Vacation,
    Morning,
    Export,
    Delete,
    Cancel,
    Help,
}

/// What a message that starts with `/` turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Slash {
    Known(Command),
    Unknown(String),
}

impl Command {
    /// The name without the slash, as typed and as shown in the menu.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Every command, in menu order.
    pub fn all() -> impl Iterator<Item = Command> {
        Command::iter()
    }

    /// Reads `/start`, `/Help`, `/start@hipcoach_bot` and `/start payload`; `None` when the
    /// text is not a command at all.
    pub fn parse(text: &str) -> Option<Slash> {
        let rest = text.trim_start().strip_prefix('/')?;
        let word = rest
            .split_whitespace()
            .next()
            .filter(|w| rest.starts_with(w))?;
        let name = word.split('@').next().unwrap_or_default().to_lowercase();
        if name.is_empty() {
            return None;
        }
        Some(
            Command::all()
                .find(|c| c.name() == name)
                .map(Slash::Known)
                .unwrap_or_else(|| Slash::Unknown(name.chars().take(32).collect())),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_commands_as_telegram_sends_them() {
        assert_eq!(Command::parse("/start"), Some(Slash::Known(Command::Start)));
        assert_eq!(Command::parse("/START"), Some(Slash::Known(Command::Start)));
        assert_eq!(
            Command::parse("/help@hipcoach_bot"),
            Some(Slash::Known(Command::Help))
        );
        assert_eq!(
            Command::parse("/start ref123"),
            Some(Slash::Known(Command::Start))
        );
        assert_eq!(
            Command::parse("/dance"),
            Some(Slash::Unknown("dance".into()))
        );
        assert_eq!(Command::parse("start"), None);
        assert_eq!(Command::parse("/"), None);
        assert_eq!(Command::parse("/ start"), None);
    }
}
