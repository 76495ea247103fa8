//! The time zone: asked, confirmed by the local time it gives. A near miss (`Berln`) or
//! an abbreviation used in several places (`IST`) asks which place first.

use crate::core::ask::{RETYPE, zone_keyboard};
use chrono::{DateTime, Utc};

use crate::core::ask;
use crate::core::dialog::intake::advance;
use crate::core::event::{Event, Updated};
use crate::core::person::{Dialog, Person};
use crate::core::read::action::Action;
use crate::core::read::parse;
use crate::core::say::msg::{Msg, ProfileField};
use crate::core::say::reply::Reply;
use crate::core::transition::Transition;
use crate::core::values::zone::{self, Reading, ZoneChoice, ZoneError, ZoneVia};

pub(crate) fn zone_answer(
    mut person: Person,
    read: Result<Reading, ZoneError>,
    typed: &str,
    now: DateTime<Utc>,
) -> Transition {
    match read {
        Ok(Reading::Zone(zone)) => {
            person.dialog = Dialog::ConfirmZone { zone, via: None };
            let question = ask::prompt(&person, now);
            Transition::save(person).say_all(question)
        }
        Ok(Reading::Abbreviation { abbrev, place }) => {
            person.dialog = Dialog::ConfirmZone {
                zone: place.zone,
                via: Some(ZoneVia {
                    abbrev: parse::quote(&abbrev),
                    place: place.place,
                }),
            };
            let question = ask::prompt(&person, now);
            Transition::save(person).say_all(question)
        }
        Ok(Reading::Ambiguous { abbrev, places }) => {
            person.dialog = Dialog::PickZone {
                typed: parse::quote(&abbrev),
                choices: places,
                abbrev: true,
            };
            let question = ask::prompt(&person, now);
            Transition::save(person).say_all(question)
        }
        Ok(Reading::NearMiss(near)) => {
            person.dialog = Dialog::PickZone {
                typed: parse::quote(typed),
                choices: near,
                abbrev: false,
            };
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

/// A press under "did you mean": a place goes to the usual local-time confirmation (with
/// the abbreviation's note when it was one); "none of these" asks for the place again.
pub(crate) fn pick_zone(
    mut person: Person,
    typed: String,
    choices: Vec<ZoneChoice>,
    abbrev: bool,
    action: Option<Action>,
    now: DateTime<Utc>,
) -> Transition {
    let Some(Action::Choose(code)) = action else {
        return Transition::expired(&person);
    };
    if code == RETYPE {
        person.dialog = Dialog::AskZone;
        let question = ask::prompt(&person, now);
        return Transition::save(person).say_all(question);
    }
    let Some(choice) = code
        .parse::<usize>()
        .ok()
        .and_then(|i| choices.get(i).cloned())
    else {
        return Transition::expired(&person);
    };
    let via = abbrev.then(|| ZoneVia {
        abbrev: typed,
        place: choice.place.clone(),
    });
    person.dialog = Dialog::ConfirmZone {
        zone: choice.zone,
        via,
    };
    let question = ask::prompt(&person, now);
    Transition::save(person).say_all(question)
}

/// A typed answer under "did you mean": yes takes the place named in the question (the
/// first), no asks for the place again; anything else is read as a new answer.
pub(crate) fn pick_zone_text(
    person: Person,
    typed: String,
    choices: Vec<ZoneChoice>,
    abbrev: bool,
    text: &str,
    now: DateTime<Utc>,
) -> Transition {
    match (parse::yes_no(text), abbrev) {
        (Some(true), false) => pick_zone(
            person,
            typed,
            choices,
            abbrev,
            Some(Action::Choose("0".into())),
            now,
        ),
        (Some(false), _) => pick_zone(
            person,
            typed,
            choices,
            abbrev,
            Some(Action::Choose(RETYPE.into())),
            now,
        ),
        _ => zone_answer(person, zone::read(text), text, now),
    }
}

pub(crate) fn confirm_zone(
    mut person: Person,
    zone: crate::core::values::zone::Zone,
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
