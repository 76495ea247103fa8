//! Each open question as a reply: what the bot asks, with its buttons. Used to ask a
//! question the first time and again (after a restart, an unexpected message, /help);
//! the dialogs read the answers (`dialog`).

use crate::core::read::command::Command;
use chrono::{DateTime, NaiveTime, Timelike, Utc};

use crate::core::ask;
use crate::core::person::question::Question;
use crate::core::person::{Dialog, Person};
use crate::core::read::action::Action;
use crate::core::say::buttons;
use crate::core::say::msg::{Msg, ProfileField};
use crate::core::say::reply::option as choose;
use crate::core::say::reply::{InlineButton, Keyboard, Reply, ReplyButton};
use crate::core::values::lang::Lang;
use crate::core::values::settings::ReminderSetting;
use crate::core::values::zone::ZoneChoice;

pub mod intake;
pub mod selftest;
pub mod session;
pub mod settings;

pub(crate) const SETTINGS: [ProfileField; 13] = [
    ProfileField::Timezone,
    ProfileField::WorkingHours,
    ProfileField::Lunch,
    ProfileField::DrillTime,
    ProfileField::TrainingDays,
    ProfileField::Language,
    ProfileField::Equipment,
    ProfileField::Activities,
    ProfileField::Age,
    ProfileField::Sitting,
    ProfileField::PainSites,
    ProfileField::UsualPain,
    ProfileField::RedFlags,
];

/// The Cancel button's code: on /settings, a setting's question, a new time zone to
/// confirm (`dialog::menus::cancel`).
pub(crate) const CANCEL: &str = "cancel";

/// The Cancel button, as a row of its own.
pub(crate) fn cancel_row() -> Vec<InlineButton<Msg>> {
    vec![choose(Msg::Cancel, CANCEL)]
}

/// The Cancel button of the time zone's phone keyboard, sent back as text.
pub(crate) fn is_cancel_label(text: &str) -> bool {
    matches!(text.trim().to_lowercase().as_str(), "cancel" | "abbrechen")
}

/// Adds the Cancel button under an inline keyboard.
pub(crate) fn with_cancel(mut reply: Reply) -> Reply {
    match &mut reply.keyboard {
        Keyboard::Inline(rows) => rows.push(cancel_row()),
        Keyboard::None => reply.keyboard = Keyboard::Inline(vec![cancel_row()]),
        Keyboard::Reply(_) => {}
    }
    reply
}

/// An intake question; the safety screen asked again later is about now, not "before we
/// measure".
pub(crate) fn ask_question(question: &Question, setting: bool) -> Reply {
    let mut reply = ask::intake::ask(question);
    if setting && matches!(question, Question::RedFlags { .. }) {
        for part in &mut reply.parts {
            if *part == Msg::AskRedFlags {
                *part = Msg::AskSymptomsNow;
            }
        }
    } else if setting {
        reply = with_cancel(reply);
    }
    reply
}

/// The open question, asked again: used after a restart, after an unexpected message and
/// after /help, so that nobody is ever left without a way forward.
/// What the stop offer can offer this person: a pause (once reminders may come: before the
/// set-up is complete nothing is sent unasked), and no more breaks (with breaks to stop).
pub(crate) fn stop_offered(person: &Person) -> (bool, bool) {
    let reminders = person.zone.is_some()
        && crate::core::person::question::next_question(&person.profile).is_none();
    let breaks = person.profile.working_hours.is_some() && !person.settings.breaks_off;
    (reminders, breaks)
}

pub fn prompt(person: &Person, now: DateTime<Utc>) -> Option<Reply> {
    match &person.dialog {
        Dialog::Idle | Dialog::Lost => None,
        Dialog::Session { .. } | Dialog::MorningPain { .. } | Dialog::OfferRetest => {
            ask::session::prompt(person, now)
        }
        Dialog::AskDrop => Some(
            Reply::new(Msg::RangeDropped).keyboard(Keyboard::Inline(vec![buttons::DROP.row()])),
        ),
        Dialog::ConfirmFlags { flags, .. } => Some(
            Reply::new(Msg::ConfirmFlags)
                .with(Msg::Lines(
                    flags
                        .iter()
                        .map(|f| Msg::Bullet(Box::new(Msg::RedFlag(*f))))
                        .collect(),
                ))
                .with(Msg::ConfirmFlagsRight)
                .keyboard(Keyboard::Inline(vec![buttons::FLAGS.row()])),
        ),
        Dialog::Aside { trip, .. } => {
            let mut there = person.clone();
            there.dialog = (**trip).clone();
            ask::prompt(&there, now)
        }
        Dialog::OfferStop { .. } => {
            let (reminders, breaks) = stop_offered(person);
            let msg = if reminders {
                Msg::StopOffer
            } else {
                Msg::StopOfferNew
            };
            Some(Reply::new(msg).keyboard(buttons::StopChoice::keyboard(reminders, breaks)))
        }
        Dialog::ConfirmDelete { .. } => {
            Some(Reply::new(Msg::AskDelete).keyboard(Keyboard::Inline(vec![buttons::DELETE.row()])))
        }
        Dialog::AskZone => {
            let mut keyboard = zone_keyboard(person.lang);
            // A new zone for someone who has one (/timezone, /settings): they may keep
            // theirs. The button sends its label as text (`is_cancel_label`).
            if let (Keyboard::Reply(rows), Some(_)) = (&mut keyboard, person.zone) {
                rows.push(vec![ReplyButton::text(Msg::Cancel)]);
            }
            Some(Reply::new(Msg::AskTimezone).keyboard(keyboard))
        }
        Dialog::ConfirmZone { zone, via } => {
            let local = zone.local(now);
            let time = NaiveTime::from_hms_opt(local.hour(), local.minute(), 0).unwrap_or_default();
            let mut reply = Reply::new(Msg::ConfirmTimezone {
                time,
                zone: zone.name(),
            });
            if let Some(via) = via {
                let (abbrev, place) = (via.abbrev.clone(), via.place.clone());
                reply = reply.with(if zone.keeps_daylight_saving(now) {
                    Msg::ZoneAbbreviationNote { abbrev, place }
                } else {
                    Msg::ZoneAbbreviationNoteNoDst { abbrev, place }
                });
            }
            if zone.is_fixed_offset() {
                reply = reply.with(Msg::FixedOffsetNote);
            }
            let reply = reply.keyboard(confirm_keyboard());
            // A new zone for someone who has one: they may keep theirs.
            Some(match person.zone {
                Some(_) => with_cancel(reply),
                None => reply,
            })
        }
        Dialog::PickZone {
            typed,
            choices,
            abbrev,
        } => Some(pick_zone(typed, choices, *abbrev)),
        Dialog::Ask { question, setting } => Some(ask_question(question, *setting)),
        Dialog::Test { test, .. } => Some(ask::selftest::ask(*test)),
        Dialog::Resume { .. } => {
            Some(Reply::new(Msg::AskResume).keyboard(Keyboard::Inline(vec![buttons::RESUME.row()])))
        }
        Dialog::Settings => Some(settings::menu(person, now)),
        Dialog::Setting { setting } => {
            let mut reply = Reply::new(Msg::AskSetting { setting: *setting });
            if *setting == ReminderSetting::Review {
                reply = reply.keyboard(Keyboard::Inline(vec![vec![
                    choose(Msg::SettingOn, "on"),
                    choose(Msg::SettingOff, "off"),
                ]]));
            }
            Some(with_cancel(reply))
        }
        Dialog::Cleared => {
            let flags = person
                .hold
                .as_ref()
                .map(|h| h.flags.clone())
                .unwrap_or_default();
            let mut reply = Reply::new(Msg::AskCleared);
            if !flags.is_empty() {
                reply = reply.with(Msg::Join(flags.into_iter().map(Msg::RedFlag).collect()));
            }
            Some(reply.keyboard(Keyboard::Inline(vec![buttons::CLEARED.row()])))
        }
    }
}

/// The button code of "none of these" under the places (the others are their numbers).
pub(crate) const RETYPE: &str = "retype";

/// "Did you mean…?" (naming the closest, most populous) or "which one?": a button for each place (its number as the code),
/// then one that asks again; the location keyboard stays under the chat meanwhile.
fn pick_zone(typed: &str, choices: &[ZoneChoice], abbrev: bool) -> Reply {
    let question = match (abbrev, choices.first()) {
        (false, Some(best)) => Msg::ZoneDidYouMean {
            input: typed.to_string(),
            place: best.place.clone(),
            zone: best.zone.name(),
        },
        _ => Msg::ZoneAbbreviationWhich {
            abbrev: typed.to_string(),
        },
    };
    let mut rows: Vec<Vec<InlineButton<Msg>>> = choices
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![choose(
                Msg::ZoneChoice {
                    place: c.place.clone(),
                    zone: c.zone.name(),
                },
                &i.to_string(),
            )]
        })
        .collect();
    rows.push(vec![choose(Msg::ZoneNoneOfThese, RETYPE)]);
    Reply::new(question).keyboard(Keyboard::Inline(rows))
}

pub(crate) fn confirm_keyboard() -> Keyboard<Msg> {
    Keyboard::Inline(vec![vec![
        InlineButton::of(Msg::Yes, Action::ConfirmZone(true)),
        InlineButton::of(Msg::NoChangeIt, Action::ConfirmZone(false)),
    ]])
}

/// A location button and a few likely cities for the person's language. The cities are
/// sent back as text and read by the same parser as anything typed.
pub(crate) fn zone_keyboard(lang: Lang) -> Keyboard<Msg> {
    let cities: &[&str] = match lang {
        Lang::En => &["London", "New York", "Los Angeles"],
        Lang::De => &["Berlin", "Wien", "Zürich"],
    };
    let city = |name: &&str| ReplyButton::text(Msg::Literal((*name).to_string()));
    Keyboard::Reply(vec![
        vec![ReplyButton {
            shares_location: true,
            ..ReplyButton::text(Msg::ShareLocation)
        }],
        cities.iter().map(city).collect(),
    ])
}

pub(crate) fn welcome() -> Reply {
    Reply::new(Msg::Welcome).keyboard(Keyboard::Inline(vec![vec![
        InlineButton::of(Msg::ConsentAgree, Action::Consent(true)),
        InlineButton::of(Msg::ConsentDecline, Action::Consent(false)),
    ]]))
}

pub(crate) fn help() -> Reply {
    let lines = Command::all().map(Msg::CommandLine).collect();
    Reply::new(Msg::Help).with(Msg::Lines(lines))
}
