//! "Have you been checked?": lifts a hold a check can lift, and resumes one step easier.

use crate::core::dialog::decisions::resume_program;
use crate::core::say::buttons;
use chrono::{DateTime, Utc};

use crate::core::ask;
use crate::core::dialog::intake::advance;
use crate::core::event::Event;
use crate::core::person::hold;
use crate::core::person::{Dialog, Person};
use crate::core::read::parse::checked_answer;
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::transition::Transition;
use crate::core::values::input::Input;

pub(crate) fn cleared_answer(mut person: Person, input: &Input, now: DateTime<Utc>) -> Transition {
    let choice = match input {
        Input::Text(text) => Some(checked_answer(text)),
        _ => buttons::CLEARED.read(input),
    };
    let Some(choice) = choice else {
        return Transition::expired(&person);
    };
    match choice {
        Some(true) => {
            if !hold::clear(&mut person, now) {
                // No hold a check can lift (an old question): it closes.
                person.dialog = hold::resting(&person);
                let question = ask::prompt(&person, now);
                return Transition::save(person)
                    .say(Reply::new(Msg::ButtonExpired))
                    .say_all(question);
            }
            let before = person.program.as_ref().map(|p| p.position);
            if resume_program(&mut person, now) {
                person.dialog = Dialog::Idle;
                let after = person.program.as_ref().map(|p| p.position);
                let resumed = if before == after {
                    Msg::ProgramResumedGentlest
                } else {
                    Msg::ProgramResumed
                };
                return Transition::save(person)
                    .say(Reply::new(Msg::ClearedThanks).with(resumed))
                    .event(Event::RedFlagsCleared);
            }
            // Whatever is still missing comes next: the time zone first, then the intake.
            let mut next = if person.zone.is_none() {
                person.dialog = Dialog::AskZone;
                let question = ask::prompt(&person, now);
                Transition::save(person).say_all(question)
            } else {
                advance(person, now)
            }
            .event(Event::RedFlagsCleared);
            if let Some(first) = next.replies.first_mut() {
                first.parts.insert(0, Msg::ClearedThanks);
            }
            next
        }
        Some(false) => {
            person.dialog = Dialog::Idle;
            Transition::save(person).say(Reply::new(Msg::NotYetCleared))
        }
        None => Transition::retry(&person, Msg::ChoiceNotUnderstood),
    }
}
