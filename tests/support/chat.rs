//! A person talking to the pure core, for transcript tests: the state is kept the way the
//! store would keep it, and buttons are pressed by their label, as a client would.
#![allow(dead_code)] // Each test file uses a different part of this helper.

use chrono::{DateTime, Utc};
use hipcoach::core::read::action::{self, Action};
use hipcoach::core::values::reminders::ReminderKind;
use hipcoach::core::{
    Dialog, Event, Incoming, Input, Keyboard, Lang, Msg, Persist, Person, Reply, Write,
    offer_phone, step,
};
use hipcoach::i18n;

#[derive(Clone)]
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
    /// The language the latest step's replies are rendered in.
    pub reply_lang: Lang,
    /// The measuring page can be opened (as the engine with `--public-url`).
    pub phone_page: bool,
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
            reply_lang: Lang::En,
            phone_page: false,
        }
    }

    /// Sends an input. Button data given bare (an action without a question stamp, as
    /// tests write it) is pressed on the question open now, stamped as the client would
    /// have received it; stamped data is sent as it is.
    pub fn send(&mut self, input: Input) -> Vec<Reply> {
        let input = match input {
            Input::Button(data) if action::unstamp(&data).is_none() => {
                Input::Button(action::stamp(self.asked(), &data))
            }
            other => other,
        };
        self.send_exact(input)
    }

    /// The question number the buttons shown now carry (0 before consent).
    pub fn asked(&self) -> u32 {
        self.person.as_ref().map_or(0, |p| p.asked)
    }

    /// Sends an input exactly as given: button data without a stamp stays without one.
    pub fn send_exact(&mut self, input: Input) -> Vec<Reply> {
        let incoming = Incoming {
            user: 42,
            lang: self.lang,
            input,
        };
        let mut transition = step(self.person.clone(), &incoming, self.now);
        if self.phone_page {
            transition = offer_phone(transition, self.person.as_ref());
        }
        match &transition.persist {
            Persist::Keep => {}
            Persist::Save(person) => self.person = Some((**person).clone()),
            Persist::Forget => self.person = None,
        }
        self.last_persist = Some(transition.persist.clone());
        self.events = transition.events.clone();
        self.writes = transition.writes.clone();
        self.reply_lang = transition.lang;
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

    /// Presses the button with this label on an older message, exactly as it was sent
    /// then: a stale or repeated press, as a client that still shows that message sends it.
    pub fn tap_in(&mut self, replies: &[Reply], label: Msg) -> Vec<Reply> {
        let data = button_data(replies, &label)
            .unwrap_or_else(|| panic!("no button {label:?} in {replies:?}"));
        self.send_exact(Input::Button(data))
    }

    /// A reminder of this kind falls due now.
    pub fn remind(&mut self, kind: ReminderKind) -> Vec<Reply> {
        let due = self.now;
        self.send(Input::Reminder { kind, due })
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

/// The data of the inline button with this label in these replies (the last one found).
pub fn button_data(replies: &[Reply], label: &Msg) -> Option<String> {
    replies.iter().rev().find_map(|r| match &r.keyboard {
        Keyboard::Inline(rows) => rows
            .iter()
            .flatten()
            .find(|b| b.label == *label)
            .map(|b| b.data.clone()),
        _ => None,
    })
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
