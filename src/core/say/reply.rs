//! What the bot says back: typed messages and keyboards, rendered to text by `i18n`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::core::read::action::Action;
use crate::core::say::msg::Msg;
use crate::core::values::lang::Lang;
use crate::core::values::measures::{PhoneTest, Side};

/// One message from the bot.
#[derive(Clone, Debug, PartialEq)]
pub struct Reply {
    /// Paragraphs, rendered and joined with a blank line.
    pub parts: Vec<Msg>,
    pub keyboard: Keyboard<Msg>,
    /// Replace the message whose button was pressed instead of sending a new one
    /// (ticking options of a multi-choice question).
    pub in_place: bool,
    /// A progress chart to send with the message (as a photo; the text is its caption).
    pub chart: Option<Chart>,
    /// Attach the person's data export (JSON and CSV), gathered by the shell.
    pub export: bool,
}

/// The data of a progress chart; the shell draws it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Chart {
    /// The normal internal rotation for the person's age band, in degrees.
    pub normal: (u8, u8),
    pub left: Vec<(DateTime<Utc>, u8)>,
    pub right: Vec<(DateTime<Utc>, u8)>,
    /// Pain during sessions and the next morning, 0–10.
    pub during: Vec<(DateTime<Utc>, u8)>,
    pub morning: Vec<(DateTime<Utc>, u8)>,
}

/// Buttons under a message. Labels are typed messages in the core and strings once rendered.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Keyboard<L> {
    None,
    /// Buttons attached to the message; a press sends back `data`.
    Inline(Vec<Vec<InlineButton<L>>>),
    /// Buttons shown in place of the phone's keyboard; a press sends the label as text,
    /// or the person's location.
    Reply(Vec<Vec<ReplyButton<L>>>),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InlineButton<L> {
    pub label: L,
    pub data: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReplyButton<L> {
    pub label: L,
    pub shares_location: bool,
    /// Opens the measuring page for this test and side (Telegram: a `web_app` button,
    /// whose page answers with `web_app_data`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures: Option<Measure>,
}

/// What the measuring page is opened for: one test, one side, in the person's language, for
/// the question numbered `asked` (the page sends the number back; see `read::phone`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Measure {
    pub test: PhoneTest,
    pub side: Side,
    #[serde(default)]
    pub lang: Lang,
    #[serde(default)]
    pub asked: u32,
}

impl<L> ReplyButton<L> {
    /// A button that sends its label as text.
    pub fn text(label: L) -> ReplyButton<L> {
        ReplyButton {
            label,
            shares_location: false,
            measures: None,
        }
    }
}

/// An inline button that chooses the option `code` of the open question.
pub fn option(label: Msg, code: &str) -> InlineButton<Msg> {
    InlineButton::of(label, Action::Choose(code.to_string()))
}

impl InlineButton<Msg> {
    /// A button that sends this action.
    pub fn of(label: Msg, action: Action) -> InlineButton<Msg> {
        InlineButton {
            label,
            data: action.encode(),
        }
    }
}

impl Reply {
    pub fn new(msg: Msg) -> Reply {
        Reply {
            parts: vec![msg],
            keyboard: Keyboard::None,
            in_place: false,
            chart: None,
            export: false,
        }
    }

    /// Puts a paragraph in front.
    pub fn with_first(mut self, msg: Msg) -> Reply {
        self.parts.insert(0, msg);
        self
    }

    /// A message of several paragraphs, without buttons.
    pub fn of(parts: Vec<Msg>) -> Reply {
        Reply {
            parts,
            ..Reply::new(Msg::Literal(String::new()))
        }
    }

    pub fn with(mut self, msg: Msg) -> Reply {
        self.parts.push(msg);
        self
    }

    pub fn keyboard(mut self, keyboard: Keyboard<Msg>) -> Reply {
        self.keyboard = keyboard;
        self
    }
}

impl<L> Keyboard<L> {
    /// Turns every label into another type, keeping the layout.
    pub fn map<M>(&self, mut f: impl FnMut(&L) -> M) -> Keyboard<M> {
        match self {
            Keyboard::None => Keyboard::None,
            Keyboard::Inline(rows) => Keyboard::Inline(
                rows.iter()
                    .map(|row| {
                        row.iter()
                            .map(|b| InlineButton {
                                label: f(&b.label),
                                data: b.data.clone(),
                            })
                            .collect()
                    })
                    .collect(),
            ),
            Keyboard::Reply(rows) => Keyboard::Reply(
                rows.iter()
                    .map(|row| {
                        row.iter()
                            .map(|b| ReplyButton {
                                label: f(&b.label),
                                shares_location: b.shares_location,
                                measures: b.measures,
                            })
                            .collect()
                    })
                    .collect(),
            ),
        }
    }

    /// The labels, row by row.
    pub fn labels(&self) -> Vec<Vec<&L>> {
        match self {
            Keyboard::None => Vec::new(),
            Keyboard::Inline(rows) => rows
                .iter()
                .map(|r| r.iter().map(|b| &b.label).collect())
                .collect(),
            Keyboard::Reply(rows) => rows
                .iter()
                .map(|r| r.iter().map(|b| &b.label).collect())
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.labels().iter().all(Vec::is_empty)
    }

    /// Marks every inline button as belonging to question number `asked`
    /// ([`crate::core::read::action::stamp`]).
    pub fn stamp(&mut self, asked: u32) {
        if let Keyboard::Inline(rows) = self {
            for button in rows.iter_mut().flatten() {
                button.data = crate::core::read::action::stamp(asked, &button.data);
            }
        }
    }
}

/// Whether a reply prescribes a drill: a session, an exercise, a movement break with a
/// desk drill, or the daily session reminder. The hold's invariant is stated with it.
impl Reply {
    pub fn prescribes_drill(&self) -> bool {
        self.parts.iter().any(|m| {
            matches!(
                m,
                Msg::SessionIntro { .. }
                    | Msg::ExerciseHeader { .. }
                    | Msg::ExerciseHow(_)
                    | Msg::BreakNudge { .. }
                    | Msg::BreakNudgeWalk
                    | Msg::DailyNudge { .. }
                    | Msg::AskMorningPain { .. }
            )
        })
    }
}
