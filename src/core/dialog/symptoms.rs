//! Warning signs reported after the intake, and the safety hold they lead to: the symptom
//! check, the one kind referral, and what the coach says while a hold stands.

use crate::core::ask::ask_question;
use chrono::{DateTime, Utc};

use crate::core::ask;
use crate::core::event::Event;
use crate::core::person::hold;
use crate::core::person::question::Question;
use crate::core::person::{Dialog, Person};
use crate::core::rules::safety::{Hold, HoldCause};
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::transition::{Persist, Transition, Write};
use crate::core::values::profile::RedFlag;

pub(crate) fn red_flag_stop(flags: &[RedFlag]) -> Reply {
    let list = Msg::Lines(
        flags
            .iter()
            .map(|f| Msg::Bullet(Box::new(Msg::RedFlag(*f))))
            .collect(),
    );
    Reply::new(Msg::RedFlagStop)
        .with(list)
        .with(Msg::RedFlagComeBack)
}

/// Red flags reported after the intake, confirmed: the hold, with the one kind
/// referral. A session under way ends here; what was done of it is kept.
pub(crate) fn report_flags(
    mut person: Person,
    flags: Vec<RedFlag>,
    now: DateTime<Utc>,
) -> Transition {
    let mut t = Transition::new_keep(person.lang);
    if let Dialog::Session { run } = &person.dialog {
        // Kept as begun and cut short, not as a session done: it never counts as
        // today's session, for the streak, or for a morning score.
        let mut record = run.record.clone();
        record.stopped_early = true;
        t.writes.push(Write::Session(record.clone()));
        person.sessions.push(record);
    }
    person.profile.red_flags = Some(flags.clone());
    hold::hold(&mut person, HoldCause::Symptoms, flags.clone(), now);
    let reply = red_flag_stop(&flags);
    t.persist = Persist::Save(Box::new(person));
    t.say(reply)
        .event(Event::RedFlagsReported { red_flags: flags })
}

/// The symptom check (/symptoms, "something else" while it hurts, a drop in range): the
/// red-flag list, to tick what applies now.
pub(crate) fn symptom_check(mut person: Person) -> Transition {
    let reply = open_symptom_check(&mut person);
    Transition::save(person).say(reply)
}

/// Opens the symptom check on a person: the dialog it waits in, and its question.
pub(crate) fn open_symptom_check(person: &mut Person) -> Reply {
    let question = Question::RedFlags {
        selected: Vec::new(),
    };
    let reply = ask_question(&question, true).with_first(Msg::SymptomsIntro);
    person.dialog = Dialog::Ask {
        question,
        setting: true,
    };
    reply
}

/// What /today (or a reminder's Start) says while a hold stands: the one sentence why,
/// then the "have you been checked?" question where a check can lift it.
pub fn held(mut person: Person, now: DateTime<Utc>) -> Transition {
    person.dialog = hold::resting(&person);
    let mut reply = Reply::of(person.hold.iter().map(Hold::note).collect());
    if let Some(question) = ask::prompt(&person, now) {
        reply.parts.extend(question.parts);
        reply.keyboard = question.keyboard;
    }
    Transition::save(person).say(reply)
}
