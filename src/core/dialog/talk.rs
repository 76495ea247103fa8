//! Messages that mean something by themselves, answered wherever the person is: "stop"
//! offers a pause, no more breaks or deletion; "thanks" and "hello" get a kind word and the
//! open question again; with nothing open, the answer says what to do next.

use chrono::{DateTime, Datelike, Utc};

use crate::core::ask;
use crate::core::dialog::nudge;
use crate::core::dialog::session::todays_plan;
use crate::core::person::due::today_local;
use crate::core::person::{Dialog, Person};
use crate::core::read::action::Action;
use crate::core::rules::program;
use crate::core::say::buttons::StopChoice;
use crate::core::say::msg::{DayPart, Msg};
use crate::core::say::reply::Reply;
use crate::core::transition::{Persist, Transition};
use crate::core::values::input::Input;

/// "Stop sending me messages": the choices, with the open question kept to come back to.
pub(crate) fn offer_stop(mut person: Person, now: DateTime<Utc>) -> Transition {
    let back = match std::mem::take(&mut person.dialog) {
        Dialog::OfferStop { back } => back,
        other => Box::new(other),
    };
    person.dialog = Dialog::OfferStop { back };
    let question = ask::prompt(&person, now);
    Transition::save(person).say_all(question)
}

/// The answer to the stop offer, tapped or typed.
pub(crate) fn stop_answer(
    mut person: Person,
    back: Dialog,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let (reminders, breaks) = ask::stop_offered(&person);
    let choice = match input {
        Input::Button(data) => match Action::decode(data) {
            Some(Action::Choose(code)) => StopChoice::from_code(&code),
            _ => None,
        },
        Input::Text(text) => StopChoice::typed(text, reminders, breaks),
        _ => None,
    };
    let choice = choice.filter(|c| c.offered(reminders, breaks));
    let Some(choice) = choice else {
        return match input {
            Input::Text(_) => Transition::retry(&person, Msg::ChoiceNotUnderstood),
            _ => Transition::expired(&person),
        };
    };
    match choice {
        StopChoice::Delete => {
            person.dialog = Dialog::ConfirmDelete {
                back: Box::new(back),
            };
            let question = ask::prompt(&person, now);
            Transition::save(person).say_all(question)
        }
        StopChoice::PauseWeek => {
            person.dialog = back;
            back_with(nudge::pause(person.clone(), "1w", now), person)
        }
        StopChoice::BreaksOff => {
            person.dialog = back;
            back_with(nudge::breaks(person.clone(), "off"), person)
        }
        StopChoice::CarryOn => {
            person.dialog = back;
            Transition::save(person)
                .say(Reply::new(Msg::StopCarryingOn))
                .ask_again()
        }
    }
}

/// A setting's answer, with the offer closed even where the setting was refused.
fn back_with(mut t: Transition, person: Person) -> Transition {
    if t.persist == Persist::Keep {
        t.persist = Persist::Save(Box::new(person));
    }
    t.ask_again()
}

/// The greeting for the person's local time now.
pub(crate) fn greeting(person: &Person, now: DateTime<Utc>) -> DayPart {
    DayPart::at(person.local(now).time())
}

/// What someone with nothing open can do next: the hold's sentence while one stands, the
/// self-test before a program, then today's session (with its length, from the same
/// estimate as /today), a rest day, or a day already done.
pub(crate) fn next_step(person: &Person, now: DateTime<Utc>) -> Msg {
    if let Some(hold) = &person.hold {
        return hold.note();
    }
    if person.program.is_none() {
        return Msg::NextAssess;
    }
    let today = today_local(person, now);
    if person
        .sessions
        .last()
        .is_some_and(|s| s.local_date == today && s.completed_at.is_some())
    {
        return Msg::NextDoneToday;
    }
    if !person.profile.training_days().contains(today.weekday()) {
        return Msg::NextRestDay;
    }
    Msg::NextSession {
        minutes: i64::from(program::minutes(&todays_plan(person))),
    }
}

/// "Thanks" and "hello": a kind word, then the open question, or with nothing open what to
/// do next.
pub(crate) fn small_talk(person: &Person, first: Msg, now: DateTime<Utc>) -> Transition {
    let t = Transition::unchanged(person);
    match person.dialog {
        Dialog::Idle => t.say(Reply::new(first).with(next_step(person, now))),
        _ => t.say(Reply::new(first)).ask_again(),
    }
}
