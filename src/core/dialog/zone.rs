//! The time zone: asked, confirmed by the local time it gives.

use crate::core::ask::zone_keyboard;
use chrono::{DateTime, Utc};

use crate::core::ask;
use crate::core::dialog::intake::advance;
use crate::core::event::{Event, Updated};
use crate::core::person::{Dialog, Person};
use crate::core::read::parse;
use crate::core::say::msg::{Msg, ProfileField};
use crate::core::say::reply::Reply;
use crate::core::transition::Transition;
use crate::core::values::zone::{Zone, ZoneError};

pub(crate) fn zone_answer(
    mut person: Person,
    parsed: Result<Zone, ZoneError>,
    typed: &str,
    now: DateTime<Utc>,
) -> Transition {
    match parsed {
        Ok(zone) => {
            person.dialog = Dialog::ConfirmZone { zone };
            let question = ask::prompt(&person, now);
            Transition::save(person).say_all(question)
        }
        Err(ZoneError::OffsetOutOfRange) => Transition::unchanged(&person)
            .say(Reply::new(Msg::TimezoneOffsetRange).keyboard(zone_keyboard(person.lang))),
        Err(_) => Transition::unchanged(&person).say(
            Reply::new(Msg::TimezoneUnknown {
                input: parse::quote(typed),
            })
            .keyboard(zone_keyboard(person.lang)),
        ),
    }
}

pub(crate) fn confirm_zone(
    mut person: Person,
    zone: Zone,
    answer: bool,
    now: DateTime<Utc>,
) -> Transition {
    if !answer {
        person.dialog = Dialog::AskZone;
        let question = ask::prompt(&person, now);
        return Transition::save(person).say_all(question);
    }
    let first_time = person.zone.is_none();
    person.zone = Some(zone);
    let saved = Reply::new(Msg::TimezoneSaved { zone: zone.name() });
    if first_time {
        // A message of its own: in Telegram, a message without buttons also takes away
        // the time-zone keyboard, which the next question's inline buttons cannot do.
        let mut next = advance(person, now).event(Event::TimezoneSet { tz: zone });
        next.replies.insert(0, saved);
        next
    } else {
        person.dialog = Dialog::Idle;
        Transition::save(person)
            .say(saved)
            .event(Event::TimezoneSet { tz: zone })
            .event(Event::ProfileUpdated {
                field: Updated::Profile(ProfileField::Timezone),
            })
    }
}
