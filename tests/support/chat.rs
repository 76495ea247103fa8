//! A person talking to the pure core, for transcript tests: the state is kept the way the
//! store would keep it, and buttons are pressed by their label, as a client would.
#![allow(dead_code)] // Each test file uses a different part of this helper.

use chrono::{DateTime, Utc};
use hipcoach::core::action::Action;
use hipcoach::core::{
    Dialog, Event, Incoming, Input, Keyboard, Lang, Msg, Persist, Person, Reply, Write, step,
};
use hipcoach::i18n;

pub struct Chat {
    pub person: Option<Person>,
    pub lang: Lang,
    pub now: DateTime<Utc>,
    /// The latest keyboard shown.
    pub keyboard: Keyboard<Msg>,
    /// What the latest step emitted and wrote.
    pub events: Vec<Event>,
    pub writes: Vec<Write>,
    pub last_persist: Option<Persist>,
}

impl Chat {
    pub fn new(now: &str) -> Chat {
        Chat {
            person: None,
            lang: Lang::En,
            now: now.parse().unwrap(),
            keyboard: Keyboard::None,
            events: Vec::new(),
            writes: Vec::new(),
            last_persist: None,
        }
    }

    pub fn send(&mut self, input: Input) -> Vec<Reply> {
        let incoming = Incoming {
            user: 42,
            lang: self.lang,
            input,
        };
        let transition = step(self.person.clone(), &incoming, self.now);
        match &transition.persist {
            Persist::Keep => {}
            Persist::Save(person) => self.person = Some((**person).clone()),
            Persist::Forget => self.person = None,
        }
        self.last_persist = Some(transition.persist.clone());
        self.events = transition.events.clone();
        self.writes = transition.writes.clone();
        if let Some(reply) = transition
            .replies
            .iter()
            .rev()
            .find(|r| !r.keyboard.is_empty())
        {
            self.keyboard = reply.keyboard.clone();
        }
        transition.replies
    }

    pub fn say(&mut self, text: &str) -> Vec<Reply> {
        self.send(Input::Text(text.to_string()))
    }

    /// Presses the button with this label on the latest keyboard.
    pub fn tap(&mut self, label: Msg) -> Vec<Reply> {
        let input = match &self.keyboard {
            Keyboard::Inline(rows) => rows
                .iter()
                .flatten()
                .find(|b| b.label == label)
                .map(|b| Input::Button(b.data.clone())),
            Keyboard::Reply(rows) => rows
                .iter()
                .flatten()
                .find(|b| b.label == label)
                .map(|b| Input::Text(i18n::render(self.lang, &b.label))),
            Keyboard::None => None,
        };
        let input = input.unwrap_or_else(|| panic!("no button {label:?} in {:?}", self.keyboard));
        self.send(input)
    }

    /// Presses an option button by its code, as a client that knows the code would.
    pub fn code(&mut self, code: &str) -> Vec<Reply> {
        self.send(Input::Button(Action::Choose(code.into()).encode()))
    }

    pub fn person(&self) -> &Person {
        self.person.as_ref().expect("a stored person")
    }

    pub fn dialog(&self) -> Dialog {
        self.person().dialog.clone()
    }

    /// The latest step wrote nothing.
    pub fn kept_state(&self) -> bool {
        self.last_persist == Some(Persist::Keep)
    }

    pub fn assessment_event(&self) -> &Event {
        self.events
            .iter()
            .find(|e| e.name() == "assessment_completed")
            .expect("assessment_completed")
    }
}

/// The message ids of each reply, in order.
pub fn ids(replies: &[Reply]) -> Vec<Vec<&'static str>> {
    replies
        .iter()
        .map(|r| r.parts.iter().map(Msg::id).collect())
        .collect()
}

/// The replies rendered, separated by `---`.
pub fn text(lang: Lang, replies: &[Reply]) -> String {
    replies
        .iter()
        .map(|r| i18n::render_reply(lang, r).text)
        .collect::<Vec<_>>()
        .join("\n---\n")
}
