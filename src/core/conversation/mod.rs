//! The conversation: given a person's state, one input and the time, decide what to say
//! and what to remember. Pure: no I/O, no clock, no Telegram or SQL types.

mod route;

use crate::core::ask::{help, welcome};
use crate::core::read::parse::yes_no_naming_no_sign;
use chrono::{DateTime, Utc};
use route::known;

use crate::core::ask;
use crate::core::dialog::nudge;
use crate::core::dialog::symptoms::held;
use crate::core::event::Event;
use crate::core::person::hold;
use crate::core::person::{Dialog, Person};
use crate::core::read::action::{self, Action};
use crate::core::read::command::{Command, Slash};
use crate::core::say::msg::Msg;
use crate::core::say::reply::{Keyboard, Reply};
use crate::core::transition::{Again, Persist, Transition};
use crate::core::values::input::{Incoming, Input};

/// Handles one input from one person. `stored` is `None` for someone we keep nothing about.
///
/// A button answers only its own question: a press whose stamp is not the person's
/// current question number (strangers: 0) is refused before anything reads it, and
/// changes nothing. After the step, the number goes up if the open dialog changed, and
/// every inline button of the replies is stamped with it.
pub fn step(stored: Option<Person>, incoming: &Incoming, now: DateTime<Utc>) -> Transition {
    let asked = stored.as_ref().map_or(0, |p| p.asked);
    let pressed;
    let incoming = match &incoming.input {
        Input::Button(data) => match action::unstamp(data) {
            Some((stamp, bare)) if stamp == asked || is_break_press(bare) => {
                pressed = Incoming {
                    input: Input::Button(bare.to_string()),
                    ..incoming.clone()
                };
                &pressed
            }
            _ => {
                let refused = stale(stored.clone(), incoming, now);
                return stamped(settle(refused, stored.as_ref(), now), asked);
            }
        },
        _ => incoming,
    };
    let before = stored.as_ref().map(|p| p.dialog.clone());
    let transition = dispatch(stored.clone(), incoming, now);
    let mut transition = settle(transition, stored.as_ref(), now);
    let mut current = asked;
    if let Persist::Save(person) = &mut transition.persist {
        person.asked = if before.as_ref() == Some(&person.dialog) {
            asked
        } else {
            asked.wrapping_add(1)
        };
        current = person.asked;
    }
    stamped(transition, current)
}

/// The measuring page offered where the shell can open it (Telegram with a public HTTPS
/// address; the engine applies this after [`step`]): a step that leaves the person at a
/// seated or face-down question ends with the page's button, whenever the question is
/// new or a plain message took the keyboard away (Telegram removes a reply keyboard with
/// any message without buttons). A step that leaves those questions takes the button
/// away, with a line of its own if no plain message does it. `before` is the person as
/// stored before the step.
pub fn offer_phone(mut t: Transition, before: Option<&Person>) -> Transition {
    let after = match &t.persist {
        Persist::Save(person) => Some(&**person),
        Persist::Keep => before,
        Persist::Forget => None,
    };
    let measuring = |person: Option<&Person>| match person.map(|p| &p.dialog) {
        Some(Dialog::Test { test, .. }) if test.phone().is_some() => Some(*test),
        _ => None,
    };
    let (was, now) = (measuring(before), measuring(after));
    let (lang, asked) = after.map_or((t.lang, 0), |p| (p.lang, p.asked));
    let removes = t
        .replies
        .iter()
        .any(|r| r.keyboard == Keyboard::None && !r.in_place);
    match now {
        Some(step) if removes || was != now => {
            t.replies
                .extend(ask::selftest::phone_offer(step, lang, asked));
        }
        Some(_) => {}
        None if was.is_some() && !removes && !t.replies.is_empty() => {
            t.replies.insert(0, Reply::new(Msg::MeasureDone));
        }
        None => {}
    }
    t
}

/// A movement break's buttons name the break itself (its due minute), and
/// `nudge::answer` takes them only for the latest break, once, within its interval: they
/// stay good while the dialog moves on (a break that fires mid-session can be answered
/// after the next exercise).
fn is_break_press(bare: &str) -> bool {
    matches!(Action::decode(bare), Some(Action::Choose(code)) if code.starts_with("brk_"))
}

/// Carries out the step's [`Again`], once: the open question of the state the step leaves
/// (the stored one when nothing changed), after the replies or as the last reply's buttons.
fn settle(mut t: Transition, stored: Option<&Person>, now: DateTime<Utc>) -> Transition {
    let again = std::mem::take(&mut t.again);
    let person = match &t.persist {
        Persist::Save(person) => Some(&**person),
        Persist::Keep => stored,
        Persist::Forget => None,
    };
    let question = match (again, person) {
        (Again::Nothing, _) | (_, None) => return t,
        (_, Some(person)) => ask::prompt(person, now),
    };
    match again {
        Again::Question => t.replies.extend(question),
        _ => {
            let keyboard = question.map_or(Keyboard::None, |q| q.keyboard);
            if let Some(last) = t.replies.last_mut() {
                last.keyboard = keyboard;
            }
        }
    }
    t
}

/// Every inline button of the replies marked with question number `asked`.
fn stamped(mut transition: Transition, asked: u32) -> Transition {
    for reply in &mut transition.replies {
        reply.keyboard.stamp(asked);
    }
    transition
}

/// A press on a button of an earlier question (or a doubled one): the polite refusal
/// and the open question again; nothing stored, written or recorded.
fn stale(stored: Option<Person>, incoming: &Incoming, now: DateTime<Utc>) -> Transition {
    match stored {
        None => Transition::new(Persist::Keep, incoming.lang).say(welcome()),
        Some(mut person) => {
            if hold::close_drill_dialog(&mut person) {
                // A drill question left open under a hold closes on any input (safety
                // first, as in `known`); it is not asked again.
                return held(person, now);
            }
            Transition::expired(&person)
        }
    }
}

fn dispatch(stored: Option<Person>, incoming: &Incoming, now: DateTime<Utc>) -> Transition {
    match (stored, &incoming.input) {
        // A reminder for someone no longer kept: nothing to say.
        (None, Input::Reminder { .. }) => Transition::new(Persist::Keep, incoming.lang),
        (None, _) => stranger(incoming, now),
        (Some(person), Input::Reminder { kind, due }) => nudge::fire(person, *kind, *due, now),
        (Some(mut person), _) if !person.settings.active => {
            // They write again after blocking the bot: reminders resume.
            person.settings.active = true;
            let mut t = known(person.clone(), incoming, now);
            if t.persist == Persist::Keep {
                t.persist = Persist::Save(Box::new(person));
            } else if let Persist::Save(p) = &mut t.persist {
                p.settings.active = true;
            }
            t
        }
        (Some(person), _) => known(person, incoming, now),
    }
}

fn stranger(incoming: &Incoming, now: DateTime<Utc>) -> Transition {
    let lang = incoming.lang;
    let consent = match &incoming.input {
        Input::Button(data) => match Action::decode(data) {
            Some(Action::Consent(answer)) => Some(answer),
            _ => None,
        },
        Input::Text(text) if Command::parse(text) == Some(Slash::Known(Command::Help)) => {
            return Transition::new(Persist::Keep, lang).say(help().with(Msg::StrangerHelp));
        }
        Input::Text(text)
            if matches!(
                Command::parse(text),
                Some(Slash::Known(Command::Export | Command::Delete))
            ) =>
        {
            return Transition::new(Persist::Keep, lang).say(Reply::new(Msg::NothingStored));
        }
        // The consent question answered in words ("ok", "yes, fine", "ja"); a command or
        // anything else is not an answer to it.
        Input::Text(text) if Command::parse(text).is_none() => yes_no_naming_no_sign(text),
        _ => None,
    };
    match consent {
        Some(true) => {
            let person = Person::new(incoming.user, lang, now);
            let mut ask = ask::prompt(&person, now).unwrap_or_else(|| Reply::new(Msg::AskTimezone));
            ask.parts.insert(0, Msg::ConsentThanks);
            Transition::save(person).say(ask).event(Event::ConsentGiven)
        }
        Some(false) => Transition::new(Persist::Forget, lang)
            .say(Reply::new(Msg::ConsentDeclined))
            .event(Event::ConsentDeclined),
        None => Transition::new(Persist::Keep, lang).say(welcome()),
    }
}
