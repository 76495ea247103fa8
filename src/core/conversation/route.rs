//! Routing a known person's input: a command, a warning sign in a message, or the answer
//! to the open dialog.

use crate::core::ask;
use crate::core::ask::help;
use crate::core::ask::{confirm_keyboard, is_cancel_label, zone_keyboard};
use crate::core::dialog::cleared::cleared_answer;
use crate::core::dialog::confirm_flags::confirm_flags_answer;
use crate::core::dialog::intake::intake_answer;
use crate::core::dialog::menus::{self, delete_answer, resume_answer, settings_answer};
use crate::core::dialog::morning::{idle_number, morning_answer};
use crate::core::dialog::nudge;
use crate::core::dialog::selftest::{drop_answer, test_answer};
use crate::core::dialog::session;
use crate::core::dialog::setup::{assess, needs_setup, open_intake, resting_dialog};
use crate::core::dialog::symptoms::{held, symptom_check};
use crate::core::dialog::talk::{greeting, next_step, offer_stop, small_talk, stop_answer};
use crate::core::dialog::zone::{confirm_zone, pick_zone, pick_zone_text, zone_answer};
use crate::core::event::Event;
use crate::core::person::due::pending_morning;
use crate::core::person::hold;
use crate::core::person::question::Question;
use crate::core::person::{Dialog, Person};
use crate::core::read::action::Action;
use crate::core::read::command::{Command, Slash};
use crate::core::read::parse;
use crate::core::read::parse::yes_no_naming_no_sign;
use crate::core::read::symptoms;
use crate::core::read::talk::{self, Talk};
use crate::core::say::buttons::StopChoice;
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::transition::{Persist, Transition};
use crate::core::values::input::{Incoming, Input};
use crate::core::values::zone::{self, Reading, Zone};
use crate::core::view::profile::profile_reply;
use crate::core::view::progress::{history_reply, progress_reply};
use crate::core::view::review::stats_reply;
use chrono::{DateTime, Utc};

pub(crate) fn known(mut person: Person, incoming: &Incoming, now: DateTime<Utc>) -> Transition {
    // The stop offer is answered by its choices; anything else (a command, "hi", an answer
    // to the question behind it) closes it, and is read as if it had never been asked.
    if let Dialog::OfferStop { back } = &person.dialog
        && !answers_stop_offer(&person, &incoming.input)
    {
        person.dialog = (**back).clone();
        let closed = person.clone();
        let mut t = known(person, incoming, now);
        if t.persist == Persist::Keep {
            t.persist = Persist::Save(Box::new(closed));
        }
        return t;
    }
    if hold::close_drill_dialog(&mut person) {
        // A hold with a drill question still open (a row from before the hold existed):
        // the question closes, and the answer meant for it is not taken for another.
        return held(person, now);
    }
    if person.dialog == Dialog::Lost {
        person.dialog = resting_dialog(&person);
        let question =
            ask::prompt(&person, now).unwrap_or_else(|| Reply::new(next_step(&person, now)));
        return Transition::save(person)
            .say(Reply::new(Msg::StateReset))
            .say(question);
    }
    if let Input::Text(text) = &incoming.input
        && let Some(slash) = Command::parse(text)
    {
        return command(person, slash, nudge::argument(text), now);
    }
    if let Input::Button(data) = &incoming.input
        && let Some(Action::Choose(code)) = Action::decode(data)
        && nudge::is_reminder_code(&code)
    {
        return nudge::answer(person, &code, now);
    }
    if let Input::Button(data) = &incoming.input
        && Action::decode(data) == Some(Action::Choose(menus::CANCEL.into()))
    {
        return menus::cancel(person, now);
    }
    if let Input::Text(text) = &incoming.input
        && person.dialog == Dialog::Idle
        && nudge::is_already_moved(&person, text)
    {
        return nudge::already_moved(person, now);
    }
    if let Input::Text(text) = &incoming.input
        && reads_flags_in_text(&person.dialog)
        && !answers_yes_or_no(&person.dialog, text)
        && !is_something_else_label(text)
    {
        let flags = symptoms::detect(text);
        if !flags.is_empty() {
            // A warning sign named in a message, at any point: one short confirmation,
            // then the hold. The open question waits behind it.
            person.dialog = Dialog::ConfirmFlags {
                flags,
                back: Box::new(person.dialog.clone()),
            };
            let ask = ask::prompt(&person, now);
            return Transition::save(person).say_all(ask);
        }
    }
    let refusal_answered_by = match &incoming.input {
        // Pain words are not read again where the question is itself about signs.
        Input::Text(text) => talk::read(text)
            .filter(|talk| *talk != Talk::Hurts || reads_flags_in_text(&person.dialog))
            .map(|talk| (person.clone(), talk)),
        _ => None,
    };
    if let (Some((person, talk)), Input::Text(text)) = (&refusal_answered_by, &incoming.input)
        && asks_for_a_place(&person.dialog)
        && Zone::parse(text).is_err()
    {
        // A place question would offer near misses for "hello" (Bello) or "stop"
        // (Stoke): words that mean something by themselves are not taken for a place
        // unless they are one.
        return talk_answer(person.clone(), *talk, now);
    }
    let t = answer_open(person, incoming, now);
    match refusal_answered_by {
        // The open question did not take the text, but the text means something by
        // itself: answer that instead (the question comes again after it).
        Some((person, talk)) if t.is_refusal() => talk_answer(person, talk, now),
        _ => t,
    }
}

/// Whether this input answers the stop offer: a button (its own, or a stale one the offer
/// refuses), or one of the offered choices in words.
fn answers_stop_offer(person: &Person, input: &Input) -> bool {
    match input {
        Input::Button(_) => true,
        Input::Text(text) if Command::parse(text).is_none() => {
            let (reminders, breaks) = ask::stop_offered(person);
            StopChoice::typed(text, reminders, breaks).is_some_and(|c| c.offered(reminders, breaks))
        }
        _ => false,
    }
}

/// Whether the open question reads a typed place (and offers near misses for it).
fn asks_for_a_place(dialog: &Dialog) -> bool {
    match dialog {
        Dialog::AskZone | Dialog::ConfirmZone { .. } | Dialog::PickZone { .. } => true,
        Dialog::Aside { trip, .. } => asks_for_a_place(trip),
        _ => false,
    }
}

/// What a message that means something by itself gets, where the open question refused it.
fn talk_answer(person: Person, talk: Talk, now: DateTime<Utc>) -> Transition {
    match talk {
        Talk::Stop => offer_stop(person, now),
        Talk::Hurts => command(person, Slash::Known(Command::Symptoms), "", now),
        Talk::Help => command(person, Slash::Known(Command::Help), "", now),
        Talk::Thanks => small_talk(&person, Msg::YoureWelcome, now),
        Talk::Hello => {
            let hello = Msg::Hello {
                greeting: greeting(&person, now),
            };
            small_talk(&person, hello, now)
        }
    }
}

/// The answer to the open dialog (or a reminder falling due).
fn answer_open(mut person: Person, incoming: &Incoming, now: DateTime<Utc>) -> Transition {
    let input = &incoming.input;
    match (person.dialog.clone(), input) {
        (_, Input::Reminder { kind, due }) => nudge::fire(person, *kind, *due, now),
        (Dialog::Aside { trip, back }, _) => {
            // Commands, warning signs and reminders were read above, for the whole trip.
            person.dialog = *trip;
            come_back(answer_open(person, incoming, now), back, now)
        }
        (_, Input::Unsupported | Input::Edited) => {
            let note = if *input == Input::Edited {
                Msg::EditNotRead
            } else {
                Msg::MediaNotSupported
            };
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(Reply::new(note))
                .say_all(question)
        }
        (Dialog::AskZone, Input::Text(text)) if person.zone.is_some() && is_cancel_label(text) => {
            menus::cancel(person, now)
        }
        (Dialog::AskZone, Input::Text(text)) => zone_answer(person, zone::read(text), text, now),
        (
            Dialog::PickZone {
                typed,
                choices,
                abbrev,
            },
            Input::Text(text),
        ) => pick_zone_text(person, typed, choices, abbrev, text, now),
        (Dialog::ConfirmZone { zone, .. }, Input::Text(text)) => match parse::yes_no(text) {
            Some(answer) => confirm_zone(person, zone, answer, now),
            None => match zone::read_exact(text) {
                Ok(Some(other)) => zone_answer(person, Ok(other), text, now),
                _ => Transition::unchanged(&person)
                    .say(Reply::new(Msg::ConfirmTimezoneAgain).keyboard(confirm_keyboard())),
            },
        },
        (Dialog::ConfirmZone { zone, .. }, Input::Button(data)) => match Action::decode(data) {
            Some(Action::ConfirmZone(answer)) => confirm_zone(person, zone, answer, now),
            _ => Transition::expired(&person),
        },
        (
            Dialog::PickZone {
                typed,
                choices,
                abbrev,
            },
            Input::Button(data),
        ) => pick_zone(person, typed, choices, abbrev, Action::decode(data), now),
        (
            Dialog::AskZone | Dialog::ConfirmZone { .. } | Dialog::PickZone { .. },
            Input::Location {
                latitude,
                longitude,
            },
        ) => match Zone::at_location(*latitude, *longitude) {
            Some(zone) => zone_answer(person, Ok(Reading::Zone(zone)), "", now),
            None => Transition::unchanged(&person)
                .say(Reply::new(Msg::LocationUnknown).keyboard(zone_keyboard(person.lang))),
        },
        (_, Input::Location { .. }) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(Reply::new(Msg::LocationNotNeeded))
                .say_all(question)
        }
        (
            Dialog::Test {
                test,
                answers,
                retest,
            },
            _,
        ) => test_answer(person, test, answers, retest, input, now),
        (_, Input::WebAppData(_)) => {
            // Only the self-test, just above, takes the page's answer.
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(Reply::new(Msg::MeasureNotAsked))
                .say_all(question)
        }
        (Dialog::Session { run }, _) => session::answer(person, run, input, now),
        (
            Dialog::MorningPain {
                session: started,
                then_today,
            },
            _,
        ) => morning_answer(person, started, then_today, input, now),
        (Dialog::OfferRetest, _) => session::retest_offer_answer(person, input, now),
        (Dialog::ConfirmDelete { back }, _) => delete_answer(person, *back, input, now),
        (Dialog::OfferStop { back }, _) => stop_answer(person, *back, input, now),
        (Dialog::ConfirmFlags { flags, back }, _) => {
            confirm_flags_answer(person, flags, *back, input, now)
        }
        (Dialog::Ask { question, setting }, _) => {
            intake_answer(person, question, setting, input, now)
        }
        (Dialog::Resume { resume }, _) => resume_answer(person, *resume, input, now),
        (Dialog::Settings, _) => settings_answer(person, input, now),
        (Dialog::Setting { setting }, _) => menus::setting_answer(person, setting, input, now),
        (Dialog::Cleared, _) => cleared_answer(person, input, now),
        (Dialog::AskDrop, _) => drop_answer(person, input),
        (_, Input::Button(_)) => Transition::expired(&person),
        (Dialog::Idle | Dialog::Lost, Input::Text(_)) if person.hold.is_some() => {
            // "Tell me once you've been checked": whatever they write now, the hold's
            // sentence and, where a check can lift it, the question.
            held(person, now)
        }
        (Dialog::Idle | Dialog::Lost, Input::Text(text)) => idle_number(&person, text, now)
            .unwrap_or_else(|| {
                Transition::unchanged(&person)
                    .say(Reply::new(Msg::NotUnderstood).with(next_step(&person, now)))
            }),
    }
}

/// Whether a message in this dialog is read for warning signs first. Not where the
/// text is the answer to the safety question itself, or already its confirmation (which
/// reads it itself), nor at /delete's last question.
pub(crate) fn reads_flags_in_text(dialog: &Dialog) -> bool {
    !matches!(
        dialog,
        Dialog::Ask {
            question: Question::RedFlags { .. },
            ..
        } | Dialog::ConfirmFlags { .. }
            | Dialog::ConfirmDelete { .. }
    )
}

/// A plain yes or no to a yes-or-no question is its answer, even when it names a sign
/// ("yes, the doctor checked the swelling").
pub(crate) fn answers_yes_or_no(dialog: &Dialog, text: &str) -> bool {
    matches!(
        dialog,
        Dialog::Cleared | Dialog::AskDrop | Dialog::OfferRetest | Dialog::Resume { .. }
    ) && yes_no_naming_no_sign(text).is_some()
}

/// The "Something else: swelling, locking…" button typed out: a choice, not a report.
pub(crate) fn is_something_else_label(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t.starts_with("something else") || t.starts_with("etwas anderes")
}

pub(crate) fn command(
    mut person: Person,
    slash: Slash,
    arg: &str,
    now: DateTime<Utc>,
) -> Transition {
    if person.dialog.reports_signs()
        && matches!(
            slash,
            Slash::Known(
                Command::Assess
                    | Command::Settings
                    | Command::Timezone
                    | Command::Start
                    | Command::Symptoms
            )
        )
    {
        // Signs being reported come first: nothing that would start a drill, or lose
        // them, until they are answered.
        let question = ask::prompt(&person, now);
        return Transition::unchanged(&person).say_all(question);
    }
    match slash {
        Slash::Known(Command::Export) => {
            let mut reply = Reply::new(Msg::ExportReady);
            reply.export = true;
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(reply)
                .say_all(question)
                .event(Event::DataExported)
        }
        Slash::Known(Command::Delete) => {
            let back = match person.dialog.clone() {
                Dialog::ConfirmDelete { back } | Dialog::OfferStop { back } => back,
                other => Box::new(other),
            };
            person.dialog = Dialog::ConfirmDelete { back };
            let question = ask::prompt(&person, now);
            Transition::save(person).say_all(question)
        }
        Slash::Known(Command::Pause) => nudge::pause(person, arg, now),
        Slash::Known(Command::Resume) => {
            // Reminders resume, but not while a hold stands: say so.
            let note = person.hold.as_ref().map(|h| h.note());
            let mut t = nudge::resume(person);
            if let (Some(note), Some(first)) = (note, t.replies.first_mut()) {
                first.parts.push(note);
            }
            t
        }
        Slash::Known(Command::Quiet) => nudge::quiet(person, arg),
        Slash::Known(Command::Breaks) => nudge::breaks(person, arg),
        Slash::Known(Command::Vacation) => nudge::vacation(person, arg, now),
        Slash::Known(Command::Morning) => nudge::morning(person, arg),
        Slash::Known(Command::Reminders) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(nudge::list(&person, now))
                .say_all(question)
        }
        Slash::Known(Command::Start) => start_again(person, now),
        Slash::Known(Command::Timezone) => {
            person.dialog = aside(&person.dialog, Dialog::AskZone);
            let question = ask::prompt(&person, now);
            Transition::save(person).say_all(question)
        }
        Slash::Known(Command::Assess) => assess(person, now),
        Slash::Known(Command::Symptoms) => symptom_check(person),
        Slash::Known(Command::Today) => match person.dialog {
            // Already in a session, the self-tests or their questions: carry on there.
            // A morning question whose session is past its window is not owed any more.
            Dialog::MorningPain { .. } if pending_morning(&person, now).is_none() => {
                person.dialog = Dialog::Idle;
                session::today(person, now)
            }
            Dialog::Session { .. }
            | Dialog::MorningPain { .. }
            | Dialog::OfferRetest
            | Dialog::Test { .. } => {
                let question = ask::prompt(&person, now);
                Transition::unchanged(&person).say_all(question)
            }
            _ => session::today(person, now),
        },
        Slash::Known(Command::History) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(history_reply(&person, now))
                .say_all(question)
        }
        Slash::Known(Command::Progress) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(with_hold_note(&person, progress_reply(&person, now)))
                .say_all(question)
        }
        Slash::Known(Command::Stats) if !arg.is_empty() => menus::review_switch(person, arg),
        Slash::Known(Command::Stats) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(with_hold_note(&person, stats_reply(&person, now)))
                .say_all(question)
        }
        Slash::Known(Command::Profile) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(with_hold_note(&person, profile_reply(&person, now)))
                .say_all(question)
        }
        Slash::Known(Command::Settings) => {
            if person.zone.is_none() {
                return needs_setup(person, now);
            }
            person.dialog = aside(&person.dialog, Dialog::Settings);
            let menu = ask::prompt(&person, now);
            Transition::save(person).say_all(menu)
        }
        Slash::Known(Command::Cancel) => menus::cancel(person, now),
        Slash::Known(Command::Help) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person).say(help()).say_all(question)
        }
        Slash::Unknown(name) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(Reply::new(Msg::UnknownCommand {
                    command: format!("/{name}"),
                }))
                .say_all(question)
        }
    }
}

/// A reply with the hold's one sentence first, while a hold stands (and without an
/// invitation to /assess or /today, which the hold refuses).
pub(crate) fn with_hold_note(person: &Person, mut reply: Reply) -> Reply {
    if let Some(hold) = &person.hold {
        reply.parts.retain(|m| *m != Msg::ProgressEmpty);
        reply.parts.insert(0, hold.note());
    }
    reply
}

/// /start from someone we know: pick up where they are.
pub(crate) fn start_again(mut person: Person, now: DateTime<Utc>) -> Transition {
    match person.dialog.clone() {
        dialog @ (Dialog::Ask { setting: false, .. }
        | Dialog::Test { .. }
        | Dialog::ConfirmFlags { .. }) => {
            person.dialog = Dialog::Resume {
                resume: Box::new(dialog),
            };
            let question = ask::prompt(&person, now);
            Transition::save(person)
                .say(Reply::new(Msg::WelcomeBack))
                .say_all(question)
        }
        Dialog::AskZone
        | Dialog::ConfirmZone { .. }
        | Dialog::PickZone { .. }
        | Dialog::Resume { .. }
        | Dialog::Cleared
        | Dialog::Session { .. }
        | Dialog::MorningPain { .. }
        | Dialog::OfferRetest
        | Dialog::AskDrop
        | Dialog::ConfirmDelete { .. }
        | Dialog::OfferStop { .. } => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(Reply::new(Msg::WelcomeBack))
                .say_all(question)
        }
        Dialog::Idle
        | Dialog::Settings
        | Dialog::Setting { .. }
        | Dialog::Aside { .. }
        | Dialog::Ask { setting: true, .. }
        | Dialog::Lost => {
            person.dialog = resting_dialog(&person);
            match ask::prompt(&person, now) {
                Some(question) => Transition::save(person)
                    .say(Reply::new(Msg::WelcomeBack))
                    .say(question),
                None => {
                    // Set up: what they can do now (the hold's sentence while one stands).
                    let next = next_step(&person, now);
                    Transition::save(person)
                        .say(Reply::new(Msg::WelcomeBack).with(next).with(Msg::NextHelp))
                }
            }
        }
    }
}

/// `to`, as a side trip when an intake question is open, so that the question and its
/// ticks are there again when the trip ends.
pub(crate) fn aside(from: &Dialog, to: Dialog) -> Dialog {
    match open_intake(from) {
        Some(back) => Dialog::Aside {
            trip: Box::new(to),
            back,
        },
        None => to,
    }
}

/// After a step on a side trip: still on it, or back at the intake question.
pub(crate) fn come_back(mut t: Transition, back: Box<Dialog>, now: DateTime<Utc>) -> Transition {
    if let Persist::Save(person) = &mut t.persist {
        match person.dialog {
            Dialog::Idle => {
                person.dialog = *back;
                person.dialog = resting_dialog(person);
                t.replies.extend(ask::prompt(person, now));
            }
            Dialog::Settings
            | Dialog::Setting { .. }
            | Dialog::Ask { setting: true, .. }
            | Dialog::AskZone
            | Dialog::ConfirmZone { .. }
            | Dialog::PickZone { .. } => {
                let trip = std::mem::take(&mut person.dialog);
                person.dialog = Dialog::Aside {
                    trip: Box::new(trip),
                    back,
                };
            }
            _ => {}
        }
    }
    t
}
