//! The languages hipcoach speaks.

use serde::{Deserialize, Serialize};
use strum::{EnumIter, IntoStaticStr};

/// A language with a complete set of texts in `messages/<code>/`.
#[derive(Serialize, Deserialize, EnumIter, IntoStaticStr)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    De,
}

impl Lang {
    /// The code used for the folder under `messages/` and in storage.
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// Picks a language from a Telegram `language_code` such as `de` or `en-GB`;
    /// anything we have no texts for falls back to English.
    pub fn from_code(code: Option<&str>) -> Lang {
        let primary = code
            .unwrap_or_default()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "de" => Lang::De,
            _ => Lang::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_telegram_language_codes() {
        assert_eq!(Lang::from_code(Some("de")), Lang::De);
        assert_eq!(Lang::from_code(Some("de-AT")), Lang::De);
        assert_eq!(Lang::from_code(Some("en-GB")), Lang::En);
        assert_eq!(Lang::from_code(Some("pt-br")), Lang::En);
        assert_eq!(Lang::from_code(None), Lang::En);
    }
}
