//! Inline-button payloads. Telegram hands `callback_data` back verbatim from the client,
//! so it is parsed like any other untrusted input and checked against the dialog state.
//!
//! Every inline button the bot sends is stamped with the question it belongs to
//! (`<stamp>|<action>`, the stamp the person's question counter in base 36, see
//! [`stamp`]); `core::step` refuses a press whose stamp is not the current one before
//! anything else reads it.

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

/// Between the stamp and the action in `callback_data`.
const STAMP_SEPARATOR: char = '|';

/// The longest stamp: `u32::MAX` in base 36 has 7 digits, so a stamped action stays
/// under 7 + 1 + 2 + 40 = 50 bytes.
const MAX_STAMP: usize = 7;

/// `data` (an encoded action) marked as belonging to question number `asked`.
pub fn stamp(asked: u32, data: &str) -> String {
    format!("{}{STAMP_SEPARATOR}{data}", base36(asked))
}

/// Splits stamped `callback_data` into the question number and the action's data.
/// `None` for data without a well-formed stamp (sent before stamps, or made up).
pub fn unstamp(data: &str) -> Option<(u32, &str)> {
    let (stamp, rest) = data.split_once(STAMP_SEPARATOR)?;
    let well_formed = !stamp.is_empty()
        && stamp.len() <= MAX_STAMP
        && stamp
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && (stamp == "0" || !stamp.starts_with('0'));
    if !well_formed {
        return None;
    }
    let asked = u32::from_str_radix(stamp, 36).ok()?;
    Some((asked, rest))
}

fn base36(mut n: u32) -> String {
    let mut digits = Vec::new();
    loop {
        let d = (n % 36) as u8;
        digits.push(if d < 10 { b'0' + d } else { b'a' + d - 10 });
        n /= 36;
        if n == 0 {
            break;
        }
    }
    digits.reverse();
    String::from_utf8(digits).unwrap_or_default()
}

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

    #[test]
    fn stamps_round_trip_and_stay_under_the_limit() {
        let longest = Action::Choose("a".repeat(MAX_CODE)).encode();
        for asked in [0, 1, 35, 36, 1295, 46_656, u32::MAX] {
            let data = stamp(asked, &longest);
            assert!(data.len() <= 64, "{data}");
            assert_eq!(unstamp(&data), Some((asked, longest.as_str())));
        }
        assert_eq!(stamp(36, "o:p7"), "10|o:p7");
        // A stamped action is not an action: only the step that checked the stamp reads it.
        assert_eq!(Action::decode(&stamp(3, "o:p7")), None);
    }

    #[test]
    fn unstamped_or_malformed_stamps_are_refused() {
        for junk in [
            "o:p7",
            "c:y",
            "|o:p7",
            "A|o:p7",
            "-1|o:p7",
            "01|o:p7",
            " 1|o:p7",
            "zzzzzzzz|o:p7",
            "1zzzzzz|o:p7", // over u32::MAX
            "",
        ] {
            assert_eq!(unstamp(junk), None, "{junk}");
        }
    }
}
