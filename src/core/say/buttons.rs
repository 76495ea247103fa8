//! Buttons defined once for the question that asks them and the dialog that reads them:
//! each label and code is written here, and nowhere else.

use std::str::FromStr;

use strum::{EnumString, IntoStaticStr};

use crate::core::read::action::Action;
use crate::core::read::parse;
use crate::core::say::msg::Msg;
use crate::core::say::reply::{InlineButton, Keyboard, option};
use crate::core::values::input::Input;

/// A yes-or-no question: its two buttons, and the reading of a press or a typed yes or no.
pub struct TwoWay {
    yes: (Msg, &'static str),
    no: (Msg, &'static str),
}

impl TwoWay {
    const fn new(yes: Msg, yes_code: &'static str, no: Msg, no_code: &'static str) -> TwoWay {
        TwoWay {
            yes: (yes, yes_code),
            no: (no, no_code),
        }
    }

    /// The question's buttons, yes first.
    pub fn row(&self) -> Vec<InlineButton<Msg>> {
        vec![
            option(self.yes.0.clone(), self.yes.1),
            option(self.no.0.clone(), self.no.1),
        ]
    }

    /// The answer: `None` for a button of another question; `Some(None)` when the text says
    /// neither yes nor no.
    pub fn read(&self, input: &Input) -> Option<Option<bool>> {
        match input {
            Input::Button(data) => match Action::decode(data) {
                Some(Action::Choose(code)) if code == self.yes.1 => Some(Some(true)),
                Some(Action::Choose(code)) if code == self.no.1 => Some(Some(false)),
                _ => None,
            },
            Input::Text(text) => Some(parse::yes_no(text)),
            _ => Some(None),
        }
    }

    /// The press that answers yes.
    pub fn yes_press(&self) -> Input {
        Input::Button(Action::Choose(self.yes.1.to_string()).encode())
    }
}

/// After a drop in range: did something happen?
pub const DROP: TwoWay = TwoWay::new(
    Msg::CheckSymptoms,
    "drop_check",
    Msg::NothingHappened,
    "drop_fine",
);
/// Warning signs read from a message: are these right?
pub const FLAGS: TwoWay = TwoWay::new(Msg::Yes, "flags_yes", Msg::No, "flags_no");
/// /delete: erase everything?
pub const DELETE: TwoWay = TwoWay::new(Msg::DeleteYes, "delete_all", Msg::DeleteNo, "keep_all");
/// /start mid-way: continue, or start over?
pub const RESUME: TwoWay = TwoWay::new(Msg::Continue, "continue", Msg::StartOver, "restart");
/// Has a professional checked you?
pub const CLEARED: TwoWay = TwoWay::new(Msg::ClearedYes, "cleared", Msg::ClearedNotYet, "notyet");
/// The monthly re-test is due: re-test now (yes), or the session first?
pub const RETEST: TwoWay = TwoWay::new(Msg::RetestNow, "retest", Msg::SessionFirst, "session");

/// The buttons of a session: an exercise's outcomes, and the choices after "it hurts".
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumString, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum SessionKey {
    Done,
    TooEasy,
    TooHard,
    Hurts,
    Skip,
    /// After "it hurts": the easier exercise instead.
    Easier,
    /// After "it hurts": stop for today.
    Stop,
    /// After "it hurts": something else (the symptom check).
    Symptoms,
}

impl SessionKey {
    /// The button, with this label.
    pub fn button(self, label: Msg) -> InlineButton<Msg> {
        option(label, self.into())
    }

    /// The key a button's code names, if any.
    pub fn from_code(code: &str) -> Option<SessionKey> {
        SessionKey::from_str(code).ok()
    }
}

/// The choices offered to someone who asks the bot to stop writing.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumString, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum StopChoice {
    /// Nothing for a week, then everything as before.
    PauseWeek,
    /// No more movement breaks; the sessions stay.
    BreaksOff,
    /// Erase everything (asks once more, as /delete does).
    Delete,
    /// Everything stays as it is.
    CarryOn,
}

impl StopChoice {
    pub const ALL: [StopChoice; 4] = [
        StopChoice::PauseWeek,
        StopChoice::BreaksOff,
        StopChoice::Delete,
        StopChoice::CarryOn,
    ];

    pub fn label(self) -> Msg {
        match self {
            StopChoice::PauseWeek => Msg::StopPauseWeek,
            StopChoice::BreaksOff => Msg::StopBreaksOff,
            StopChoice::Delete => Msg::StopDelete,
            StopChoice::CarryOn => Msg::StopCarryOn,
        }
    }

    /// The buttons, one per row: only deleting or carrying on for someone to whom nothing
    /// is sent yet (`reminders`), no "no more breaks" without breaks.
    pub fn keyboard(reminders: bool, breaks: bool) -> Keyboard<Msg> {
        Keyboard::Inline(
            StopChoice::ALL
                .iter()
                .filter(|c| c.offered(reminders, breaks))
                .map(|c| vec![option(c.label(), (*c).into())])
                .collect(),
        )
    }

    /// The choice a button's code names, if any.
    pub fn from_code(code: &str) -> Option<StopChoice> {
        StopChoice::from_str(code).ok()
    }

    /// Whether this choice is offered (see [`StopChoice::keyboard`]).
    pub fn offered(self, reminders: bool, breaks: bool) -> bool {
        match self {
            StopChoice::PauseWeek => reminders,
            StopChoice::BreaksOff => reminders && breaks,
            StopChoice::Delete | StopChoice::CarryOn => true,
        }
    }

    /// The choice typed: its label or a few words of it, in English or German, or its
    /// number in the list as offered (`reminders`, `breaks`: see [`StopChoice::keyboard`]).
    pub fn typed(text: &str, reminders: bool, breaks: bool) -> Option<StopChoice> {
        let t = text
            .trim()
            .trim_end_matches(['.', '!'])
            .trim()
            .to_lowercase();
        if let Ok(n) = t.parse::<usize>() {
            let offered = StopChoice::ALL
                .into_iter()
                .filter(|c| c.offered(reminders, breaks));
            return offered.into_iter().nth(n.checked_sub(1)?);
        }
        let words: Vec<&str> = t
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
        if has(&["delete", "erase", "löschen", "loeschen", "lösch"]) {
            Some(StopChoice::Delete)
        } else if has(&["breaks", "break", "bewegungspausen", "pausen"])
            && has(&["no", "off", "stop", "keine", "aus", "mehr"])
        {
            Some(StopChoice::BreaksOff)
        } else if has(&["pause", "week", "woche", "pausieren", "silence", "ruhe"]) {
            Some(StopChoice::PauseWeek)
        } else if has(&[
            "carry", "continue", "keep", "before", "weiter", "bisher", "nothing",
        ]) || ["no", "nein", "as before", "go on"].contains(&t.as_str())
        {
            Some(StopChoice::CarryOn)
        } else {
            None
        }
    }
}
