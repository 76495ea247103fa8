//! A person who agreed to be coached, and where they are in the conversation.

pub mod due;
pub mod hold;
pub mod question;
pub mod recent;
pub mod run;
pub mod schedule;

use chrono::{DateTime, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::core::person::question::Question;
use crate::core::person::recent::Recent;
use crate::core::person::run::SessionRun;
use crate::core::rules::assessment::{Assessment, TestAnswers, TestStep};
use crate::core::rules::program::{Program, SessionRecord};
use crate::core::rules::progression::Range;
use crate::core::rules::safety::Hold;
use crate::core::values::lang::Lang;
use crate::core::values::profile::{Profile, RedFlag};
use crate::core::values::reminders::ReminderSettings;
use crate::core::values::settings::ReminderSetting;
use crate::core::values::zone::{Zone, ZoneChoice, ZoneVia};

/// Everything the core knows about one person. Only people who gave consent exist here;
/// before that, nothing about them is kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    /// Telegram user id (equal to the private chat id).
    pub id: i64,
    pub lang: Lang,
    pub consented_at: DateTime<Utc>,
    pub zone: Option<Zone>,
    pub profile: Profile,
    pub dialog: Dialog,
    /// Earlier assessments, for comparisons (read-only here; new ones are written as rows).
    pub history: History,
    /// The drill program, once an assessment without red flags gave a track.
    pub program: Option<Program>,
    /// Recent sessions, oldest first (the store loads the last few weeks).
    pub sessions: Vec<SessionRecord>,
    /// Movement-break interval, pause, quiet hours; whether Telegram still delivers.
    pub settings: ReminderSettings,
    /// Recent break answers and progression decisions, for the week in review.
    pub recent: Recent,
    /// The safety hold: while it stands, nothing prescribes a drill (`safety`).
    pub hold: Option<Hold>,
    /// How many questions have been asked: one more each time the dialog changes. Every
    /// inline button carries the number of the question it was sent with, and a press
    /// with any other number is refused (`conversation::step`).
    pub asked: u32,
}

/// The first and the latest assessment with measurements.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    pub first: Option<Assessment>,
    pub last: Option<Assessment>,
    /// Every range measurement, oldest first: for the phase rule and the chart.
    pub ranges: Vec<Range>,
}

impl Person {
    /// The person's wall-clock time at an instant (UTC until their zone is known).
    pub fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        self.zone
            .map(|z| z.local(at))
            .unwrap_or_else(|| at.naive_utc())
    }

    /// A person who just agreed to be coached.
    pub fn new(id: i64, lang: Lang, consented_at: DateTime<Utc>) -> Person {
        Person {
            id,
            lang,
            consented_at,
            zone: None,
            profile: Profile::default(),
            dialog: Dialog::AskZone,
            history: History::default(),
            program: None,
            sessions: Vec::new(),
            settings: ReminderSettings::default(),
            recent: Recent::default(),
            hold: None,
            asked: 0,
        }
    }
}

/// Where the person is in the conversation: the question the bot is waiting on.
///
/// Stored as JSON, so it is a compatibility boundary: variants may be added freely;
/// renaming or removing one makes old rows unreadable, which the store turns into
/// [`Dialog::Lost`] and the core answers with an apology and a fresh question.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "step", rename_all = "snake_case")]
pub enum Dialog {
    /// Not waiting for anything.
    #[default]
    Idle,
    /// Waiting for a time zone.
    AskZone,
    /// Waiting for the person to confirm the local time in this zone; `via` the
    /// abbreviation it was read from (`EST`: New York's clock), said in the question.
    ConfirmZone {
        zone: Zone,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        via: Option<ZoneVia>,
    },
    /// Which of these places? The cities a near miss may mean (`Berln`), or the places an
    /// abbreviation is used in (`IST`, then `abbrev` is true).
    PickZone {
        typed: String,
        choices: Vec<ZoneChoice>,
        abbrev: bool,
    },
    /// An intake question; `setting` when it changes one answer from /settings.
    Ask { question: Question, setting: bool },
    /// A step of the self-tests, with the answers so far.
    Test {
        test: TestStep,
        answers: TestAnswers,
        retest: bool,
    },
    /// /start in the middle of the intake or the tests: continue or start over?
    Resume { resume: Box<Dialog> },
    /// /settings: which answer to change?
    Settings,
    /// A reminder setting's question, from /settings (`dialog::menus::setting_answer`).
    Setting { setting: ReminderSetting },
    /// After a red flag, or a program stopped by a safety rule: has a professional
    /// checked them?
    Cleared,
    /// A drill session under way.
    Session { run: SessionRun },
    /// Waiting for the next morning's pain score for the session started at `session`;
    /// `then_today` goes on to today's session after it.
    MorningPain {
        session: DateTime<Utc>,
        then_today: bool,
    },
    /// A re-test found a drop of 10° or more: did something happen?
    AskDrop,
    /// The weekly re-test is due: re-test first, or the session first?
    OfferRetest,
    /// /delete: erase everything? (The dialog to come back to if not.)
    ConfirmDelete { back: Box<Dialog> },
    /// Red flags read from a typed answer: are these right? Yes stores them, no goes
    /// `back` to the question (with its ticks).
    ConfirmFlags {
        flags: Vec<RedFlag>,
        back: Box<Dialog>,
    },
    /// A side trip (/settings, a setting, /timezone) from an unfinished intake question:
    /// `trip` is the open dialog; `back` (the question with its ticks) is asked again when
    /// the trip ends.
    Aside {
        trip: Box<Dialog>,
        back: Box<Dialog>,
    },
    /// "Stop sending me messages": pause, no breaks, delete, or carry on? (The dialog to
    /// come back to.)
    OfferStop { back: Box<Dialog> },
    /// The stored state could not be read (written by an older or newer version).
    #[serde(skip)]
    Lost,
}

impl Dialog {
    /// Warning signs being reported (a confirmation, or the symptom checklist), at any
    /// depth.
    pub fn reports_signs(&self) -> bool {
        match self {
            Dialog::ConfirmFlags { .. }
            | Dialog::Ask {
                question: Question::RedFlags { .. },
                setting: true,
            } => true,
            Dialog::Aside { trip, back } => trip.reports_signs() || back.reports_signs(),
            // A question asked on top of the report: the report still waits behind it.
            Dialog::ConfirmDelete { back } | Dialog::OfferStop { back } => back.reports_signs(),
            _ => false,
        }
    }
}
