//! Inline-button payloads. Telegram hands `callback_data` back verbatim from the client,
//! so it is parsed like any other untrusted input and checked against the dialog state.

/// What an inline button means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// Agree (or not) to keeping health data.
    Consent(bool),
    /// The local time shown for a time zone is right (or not).
    ConfirmZone(bool),
    /// One option of the open question, by its short code (`running`, `done`, `p3`).
    /// The question decides whether the code means anything.
    Choose(String),
}

/// The longest option code; keeps `callback_data` well under Telegram's 64 bytes.
const MAX_CODE: usize = 40;

impl Action {
    /// The short, opaque `callback_data`.
    pub fn encode(&self) -> String {
        let yes_no = |b: bool| if b { 'y' } else { 'n' };
        match self {
            Action::Consent(b) => format!("c:{}", yes_no(*b)),
            Action::ConfirmZone(b) => format!("z:{}", yes_no(*b)),
            Action::Choose(code) => format!("o:{code}"),
        }
    }

    /// Reads `callback_data`; anything unexpected is `None`.
    pub fn decode(data: &str) -> Option<Action> {
        let (kind, value) = data.split_once(':')?;
        let flag = || match value {
            "y" => Some(true),
            "n" => Some(false),
            _ => None,
        };
        match kind {
            "c" => flag().map(Action::Consent),
            "z" => flag().map(Action::ConfirmZone),
            "o" if is_code(value) => Some(Action::Choose(value.to_string())),
            _ => None,
        }
    }
}

fn is_code(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_CODE
        && value
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_junk() {
        for action in [
            Action::Consent(true),
            Action::Consent(false),
            Action::ConfirmZone(true),
            Action::ConfirmZone(false),
            Action::Choose("pain_during_tests".into()),
        ] {
            assert_eq!(Action::decode(&action.encode()), Some(action.clone()));
            assert!(action.encode().len() <= 64);
        }
        for junk in [
            "",
            "c",
            "c:",
            "c:maybe",
            "x:y",
            "::",
            "c:y:z",
            "o:",
            "o:UPPER",
            "o:a b",
            &format!("o:{}", "a".repeat(41)),
        ] {
            assert_eq!(Action::decode(junk), None, "{junk}");
        }
    }
}
