//! Inline-button payloads. Telegram hands `callback_data` back verbatim from the client,
//! so it is parsed like any other untrusted input and checked against the dialog state.

/// What an inline button means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Agree (or not) to keeping health data.
    Consent(bool),
    /// The local time shown for a time zone is right (or not).
    ConfirmZone(bool),
}

impl Action {
    /// The short, opaque `callback_data` (at most 64 bytes).
    pub fn encode(self) -> String {
        let yes_no = |b: bool| if b { 'y' } else { 'n' };
        match self {
            Action::Consent(b) => format!("c:{}", yes_no(b)),
            Action::ConfirmZone(b) => format!("z:{}", yes_no(b)),
        }
    }

    /// Reads `callback_data`; anything unexpected is `None`.
    pub fn decode(data: &str) -> Option<Action> {
        let (kind, value) = data.split_once(':')?;
        let flag = match value {
            "y" => true,
            "n" => false,
            _ => return None,
        };
        match kind {
            "c" => Some(Action::Consent(flag)),
            "z" => Some(Action::ConfirmZone(flag)),
            _ => None,
        }
    }
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
        ] {
            assert_eq!(Action::decode(&action.encode()), Some(action));
            assert!(action.encode().len() <= 64);
        }
        for junk in ["", "c", "c:", "c:maybe", "x:y", "::", "c:y:z"] {
            assert_eq!(Action::decode(junk), None, "{junk}");
        }
    }
}
