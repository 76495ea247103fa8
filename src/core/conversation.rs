//! The conversation: given a person's state, one input and the time, decide what to say
//! and what to remember. Pure: no I/O, no clock, no Telegram or SQL types.

use chrono::{DateTime, Utc};

use super::Lang;
use super::action::Action;
use super::command::{Command, Slash};
use super::event::Event;
use super::input::{Incoming, Input};
use super::msg::Msg;
use super::parse;
use super::person::{Dialog, Person};
use super::reply::{InlineButton, Keyboard, Reply, ReplyButton};
use super::zone::{Zone, ZoneError};

/// What to do with the stored person after a step.
#[derive(Clone, Debug, PartialEq)]
pub enum Persist {
    /// Nothing changed: write nothing.
    Keep,
    /// Store this state.
    Save(Person),
    /// Erase everything about the person.
    Forget,
}

/// The outcome of one step: the new state, what to say, and what happened.
#[derive(Clone, Debug, PartialEq)]
pub struct Transition {
    pub persist: Persist,
    /// The language to render the replies in.
    pub lang: Lang,
    pub replies: Vec<Reply>,
    pub events: Vec<Event>,
}

impl Transition {
    fn new(persist: Persist, lang: Lang) -> Transition {
        Transition {
            persist,
            lang,
            replies: Vec::new(),
            events: Vec::new(),
        }
    }

    fn say(mut self, reply: Reply) -> Transition {
        self.replies.push(reply);
        self
    }

    fn say_all(mut self, replies: impl IntoIterator<Item = Reply>) -> Transition {
        self.replies.extend(replies);
        self
    }

    fn event(mut self, event: Event) -> Transition {
        self.events.push(event);
        self
    }
}

/// Handles one input from one person. `stored` is `None` for someone we keep nothing about.
pub fn step(stored: Option<Person>, incoming: &Incoming, now: DateTime<Utc>) -> Transition {
    match stored {
        None => stranger(incoming, now),
        Some(person) => known(person, incoming, now),
    }
}

fn stranger(incoming: &Incoming, now: DateTime<Utc>) -> Transition {
    let lang = incoming.lang;
    match &incoming.input {
        Input::Button(data) => match Action::decode(data) {
            Some(Action::Consent(true)) => {
                let person = Person {
                    id: incoming.user,
                    lang,
                    consented_at: now,
                    zone: None,
                    dialog: Dialog::AskZone,
                };
                let mut ask = prompt(&person, now).unwrap_or_else(|| Reply::new(Msg::AskTimezone));
                ask.parts.insert(0, Msg::ConsentThanks);
                Transition::new(Persist::Save(person), lang)
                    .say(ask)
                    .event(Event::ConsentGiven)
            }
            Some(Action::Consent(false)) => Transition::new(Persist::Forget, lang)
                .say(Reply::new(Msg::ConsentDeclined))
                .event(Event::ConsentDeclined),
            _ => Transition::new(Persist::Keep, lang).say(welcome()),
        },
        Input::Text(text) if Command::parse(text) == Some(Slash::Known(Command::Help)) => {
            Transition::new(Persist::Keep, lang).say(help().with(Msg::StrangerHelp))
        }
        _ => Transition::new(Persist::Keep, lang).say(welcome()),
    }
}

fn welcome() -> Reply {
    Reply::new(Msg::Welcome).keyboard(Keyboard::Inline(vec![vec![
        InlineButton {
            label: Msg::ConsentAgree,
            data: Action::Consent(true).encode(),
        },
        InlineButton {
            label: Msg::ConsentDecline,
            data: Action::Consent(false).encode(),
        },
    ]]))
}

fn help() -> Reply {
    let lines = Command::all().map(Msg::CommandLine).collect();
    Reply::new(Msg::Help).with(Msg::Lines(lines))
}

fn known(mut person: Person, incoming: &Incoming, now: DateTime<Utc>) -> Transition {
    if person.dialog == Dialog::Lost {
        person.dialog = resting_dialog(&person);
        let question = prompt(&person, now);
        let lang = person.lang;
        return Transition::new(Persist::Save(person), lang)
            .say(Reply::new(Msg::StateReset))
            .say_all(question.or_else(|| Some(Reply::new(Msg::SetupDone))));
    }
    if let Input::Text(text) = &incoming.input
        && let Some(slash) = Command::parse(text)
    {
        return command(person, slash, now);
    }
    match (person.dialog.clone(), &incoming.input) {
        (_, Input::Button(data)) => button(person, Action::decode(data), now),
        (Dialog::AskZone, Input::Text(text)) => zone_answer(person, Zone::parse(text), text, now),
        (Dialog::ConfirmZone { zone }, Input::Text(text)) => match parse::yes_no(text) {
            Some(answer) => confirm_zone(person, zone, answer, now),
            None => match Zone::parse(text) {
                Ok(other) => zone_answer(person, Ok(other), text, now),
                Err(_) => unchanged(&person)
                    .say(Reply::new(Msg::ConfirmTimezoneAgain).keyboard(confirm_keyboard())),
            },
        },
        (
            Dialog::AskZone | Dialog::ConfirmZone { .. },
            Input::Location {
                latitude,
                longitude,
            },
        ) => match Zone::at_location(*latitude, *longitude) {
            Some(zone) => zone_answer(person, Ok(zone), "", now),
            None => unchanged(&person)
                .say(Reply::new(Msg::LocationUnknown).keyboard(zone_keyboard(person.lang))),
        },
        (Dialog::Idle | Dialog::Lost, Input::Location { .. }) => {
            unchanged(&person).say(Reply::new(Msg::LocationNotNeeded))
        }
        (_, Input::Unsupported | Input::Edited) => {
            let note = match incoming.input {
                Input::Edited => Msg::EditNotRead,
                _ => Msg::MediaNotSupported,
            };
            let question = prompt(&person, now);
            unchanged(&person).say(Reply::new(note)).say_all(question)
        }
        (Dialog::Idle | Dialog::Lost, Input::Text(_)) => {
            unchanged(&person).say(Reply::new(Msg::NotUnderstood))
        }
    }
}

/// A transition that keeps the stored state as it is.
fn unchanged(person: &Person) -> Transition {
    Transition::new(Persist::Keep, person.lang)
}

fn command(mut person: Person, slash: Slash, now: DateTime<Utc>) -> Transition {
    match slash {
        Slash::Known(Command::Start) => {
            if person.dialog == Dialog::Idle && person.zone.is_none() {
                person.dialog = Dialog::AskZone;
            }
            let question = prompt(&person, now);
            let lang = person.lang;
            let persist = if question.is_some() {
                Persist::Save(person)
            } else {
                Persist::Keep
            };
            Transition::new(persist, lang)
                .say(Reply::new(Msg::WelcomeBack))
                .say_all(question.or_else(|| Some(Reply::new(Msg::SetupDone))))
        }
        Slash::Known(Command::Timezone) => {
            person.dialog = Dialog::AskZone;
            let question = prompt(&person, now);
            let lang = person.lang;
            Transition::new(Persist::Save(person), lang).say_all(question)
        }
        Slash::Known(Command::Help) => {
            let question = prompt(&person, now);
            unchanged(&person).say(help()).say_all(question)
        }
        Slash::Unknown(name) => {
            let question = prompt(&person, now);
            unchanged(&person)
                .say(Reply::new(Msg::UnknownCommand {
                    command: format!("/{name}"),
                }))
                .say_all(question)
        }
    }
}

fn button(person: Person, action: Option<Action>, now: DateTime<Utc>) -> Transition {
    match (person.dialog.clone(), action) {
        (Dialog::ConfirmZone { zone }, Some(Action::ConfirmZone(answer))) => {
            confirm_zone(person, zone, answer, now)
        }
        _ => {
            let question = prompt(&person, now);
            unchanged(&person)
                .say(Reply::new(Msg::ButtonExpired))
                .say_all(question)
        }
    }
}

fn zone_answer(
    mut person: Person,
    parsed: Result<Zone, ZoneError>,
    typed: &str,
    now: DateTime<Utc>,
) -> Transition {
    match parsed {
        Ok(zone) => {
            person.dialog = Dialog::ConfirmZone { zone };
            let question = prompt(&person, now);
            let lang = person.lang;
            Transition::new(Persist::Save(person), lang).say_all(question)
        }
        Err(ZoneError::OffsetOutOfRange) => unchanged(&person)
            .say(Reply::new(Msg::TimezoneOffsetRange).keyboard(zone_keyboard(person.lang))),
        Err(_) => unchanged(&person).say(
            Reply::new(Msg::TimezoneUnknown {
                input: parse::quote(typed),
            })
            .keyboard(zone_keyboard(person.lang)),
        ),
    }
}

fn confirm_zone(mut person: Person, zone: Zone, answer: bool, now: DateTime<Utc>) -> Transition {
    let lang = person.lang;
    if answer {
        let first_time = person.zone.is_none();
        person.zone = Some(zone);
        person.dialog = Dialog::Idle;
        let saved = Reply::new(Msg::TimezoneSaved { zone: zone.name() });
        let transition = Transition::new(Persist::Save(person), lang)
            .event(Event::TimezoneSet { tz: zone.name() });
        if first_time {
            transition.say(saved.with(Msg::SetupDone))
        } else {
            transition.say(saved).event(Event::ProfileUpdated {
                field: "timezone".into(),
            })
        }
    } else {
        person.dialog = Dialog::AskZone;
        let question = prompt(&person, now);
        Transition::new(Persist::Save(person), lang).say_all(question)
    }
}

/// Where a person rests when no question is open.
fn resting_dialog(person: &Person) -> Dialog {
    if person.zone.is_none() {
        Dialog::AskZone
    } else {
        Dialog::Idle
    }
}

/// The open question, asked again: used after a restart, after an unexpected message and
/// after /help, so that nobody is ever left without a way forward.
pub fn prompt(person: &Person, now: DateTime<Utc>) -> Option<Reply> {
    match &person.dialog {
        Dialog::Idle | Dialog::Lost => None,
        Dialog::AskZone => Some(Reply::new(Msg::AskTimezone).keyboard(zone_keyboard(person.lang))),
        Dialog::ConfirmZone { zone } => {
            let time = zone.local(now).format("%H:%M").to_string();
            let mut reply = Reply::new(Msg::ConfirmTimezone {
                time,
                zone: zone.name(),
            });
            if zone.is_fixed_offset() {
                reply = reply.with(Msg::FixedOffsetNote);
            }
            Some(reply.keyboard(confirm_keyboard()))
        }
    }
}

fn confirm_keyboard() -> Keyboard<Msg> {
    Keyboard::Inline(vec![vec![
        InlineButton {
            label: Msg::Yes,
            data: Action::ConfirmZone(true).encode(),
        },
        InlineButton {
            label: Msg::NoChangeIt,
            data: Action::ConfirmZone(false).encode(),
        },
    ]])
}

/// A location button and a few likely cities for the person's language. The cities are
/// sent back as text and read by the same parser as anything typed.
fn zone_keyboard(lang: Lang) -> Keyboard<Msg> {
    let cities: &[&str] = match lang {
        Lang::En => &["London", "New York", "Los Angeles"],
        Lang::De => &["Berlin", "Wien", "Zürich"],
    };
    let city = |name: &&str| ReplyButton {
        label: Msg::Literal((*name).to_string()),
        shares_location: false,
    };
    Keyboard::Reply(vec![
        vec![ReplyButton {
            label: Msg::ShareLocation,
            shares_location: true,
        }],
        cities.iter().map(city).collect(),
    ])
}
