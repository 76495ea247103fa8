//! The outcome of one step: the state to keep, what to say, what to record, what happened.
//! Built by the dialogs, completed once by the dispatcher.

use chrono::{DateTime, Utc};

use crate::core::event::Event;
use crate::core::person::Person;
use crate::core::rules::assessment::Assessment;
use crate::core::rules::program::SessionRecord;
use crate::core::rules::progression::Verdict;
use crate::core::say::buttons::TwoWay;
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::values::input::Input;
use crate::core::values::lang::Lang;

/// What to do with the stored person after a step.
#[derive(Clone, Debug, PartialEq)]
pub enum Persist {
    /// Nothing changed: write nothing.
    Keep,
    /// Store this state.
    Save(Box<Person>),
    /// Erase everything about the person.
    Forget,
}

/// A row to add, besides the person's own.
#[derive(Clone, Debug, PartialEq)]
pub enum Write {
    Assessment(Assessment),
    /// A session, new or with a pain score added (keyed by its start).
    Session(SessionRecord),
    /// A progression decision, with the rule that fired.
    Decision {
        verdict: Verdict,
        at: DateTime<Utc>,
    },
    /// An answer to a movement break (adherence): done, snooze, meeting, skip.
    BreakAnswer {
        at: DateTime<Utc>,
        answer: String,
    },
}

/// The outcome of one step: the new state, what to say, what to record, what happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Transition {
    pub persist: Persist,
    /// The language to render the replies in.
    pub lang: Lang,
    pub replies: Vec<Reply>,
    pub events: Vec<Event>,
    pub writes: Vec<Write>,
    /// What the dispatcher adds once, after the step: the open question again.
    pub again: Again,
}

/// "Ask the open question again", as data: a dialog never builds the question itself; the
/// dispatcher (`conversation::step`) adds it once, for the state the step leaves.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Again {
    /// Nothing more.
    #[default]
    Nothing,
    /// The open question, as its own reply after the others.
    Question,
    /// The open question's buttons, on the last reply (an answer not taken: why, and the
    /// same buttons again).
    Buttons,
}

impl Transition {
    /// Nothing to store (yet); later steps may replace `persist`.
    pub fn new_keep(lang: Lang) -> Transition {
        Transition::new(Persist::Keep, lang)
    }

    pub fn new(persist: Persist, lang: Lang) -> Transition {
        Transition {
            persist,
            lang,
            replies: Vec::new(),
            events: Vec::new(),
            writes: Vec::new(),
            again: Again::Nothing,
        }
    }

    pub fn save(person: Person) -> Transition {
        let lang = person.lang;
        Transition::new(Persist::Save(Box::new(person)), lang)
    }

    pub fn say(mut self, reply: Reply) -> Transition {
        self.replies.push(reply);
        self
    }

    pub fn say_all(mut self, replies: impl IntoIterator<Item = Reply>) -> Transition {
        self.replies.extend(replies);
        self
    }

    pub fn event(mut self, event: Event) -> Transition {
        self.events.push(event);
        self
    }

    pub fn write(mut self, write: Write) -> Transition {
        self.writes.push(write);
        self
    }

    /// Adds the open question after the replies (see [`Again`]).
    pub fn ask_again(mut self) -> Transition {
        self.again = Again::Question;
        self
    }

    /// Nothing stored, written or recorded: the only way to refuse.
    pub fn unchanged(person: &Person) -> Transition {
        Transition::new(Persist::Keep, person.lang)
    }

    /// A button that does not belong to the open question: refused, nothing changes, and
    /// the question again.
    pub fn expired(person: &Person) -> Transition {
        Transition::unchanged(person)
            .say(Reply::new(Msg::ButtonExpired))
            .ask_again()
    }

    /// The answer to a yes-or-no question, or the refusal that keeps everything: a button
    /// of another question (expired), or a text that says neither (why, and the buttons).
    pub fn yes_or_no(
        person: &Person,
        input: &Input,
        question: &TwoWay,
    ) -> Result<bool, Transition> {
        match question.read(input) {
            None => Err(Transition::expired(person)),
            Some(None) => Err(Transition::retry(person, Msg::ChoiceNotUnderstood)),
            Some(Some(answer)) => Ok(answer),
        }
    }

    /// Whether this step refused its input: nothing stored, written or recorded (the
    /// shapes `unchanged`, `expired` and `retry` build).
    pub fn is_refusal(&self) -> bool {
        self.persist == Persist::Keep && self.events.is_empty() && self.writes.is_empty()
    }

    /// An answer not taken: why, with the question's buttons again; nothing changes.
    pub fn retry(person: &Person, msg: Msg) -> Transition {
        if msg == Msg::ButtonExpired {
            return Transition::expired(person);
        }
        let mut t = Transition::unchanged(person).say(Reply::new(msg));
        t.again = Again::Buttons;
        t
    }
}
