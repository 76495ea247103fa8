//! The conversation: given a person's state, one input and the time, decide what to say
//! and what to remember. Pure: no I/O, no clock, no Telegram or SQL types.

use chrono::{DateTime, Utc};

use crate::core::ask;
use crate::core::ask::{SETTINGS, ask_question, confirm_keyboard, zone_keyboard};
use crate::core::dialog::intake::{self, Answered};
use crate::core::dialog::nudge;
use crate::core::dialog::selftest;
use crate::core::dialog::session;
use crate::core::person::hold;
use crate::core::person::question::{self, Question};
use crate::core::person::{Dialog, Person};
use crate::core::read::action::{self, Action};
use crate::core::read::command::{Command, Slash};
use crate::core::read::parse;
use crate::core::read::symptoms;
use crate::core::rules::assessment::Change;
use crate::core::rules::assessment::{
    self, Assessment, Side, SideResult, TestAnswer, TestAnswers, TestStep,
};
use crate::core::rules::program::SessionRecord;
use crate::core::rules::progression::Range;
use crate::core::rules::safety::HoldCause;
use crate::core::say::msg::{Msg, ProfileField};
use crate::core::say::reply::Chart;
use crate::core::say::reply::{InlineButton, Keyboard, Reply};
use crate::core::transition::{Again, Persist, Transition, Write};
use crate::core::values::event::Event;
use crate::core::values::input::{Incoming, Input};
use crate::core::values::measures::PainScore;
use crate::core::values::profile::{AgeBand, Lunch, Profile, RedFlag};
use crate::core::values::zone::{Zone, ZoneError};

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
                return session::held(person, now);
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
    match &incoming.input {
        Input::Button(data) => match Action::decode(data) {
            Some(Action::Consent(true)) => {
                let person = Person::new(incoming.user, lang, now);
                let mut ask =
                    ask::prompt(&person, now).unwrap_or_else(|| Reply::new(Msg::AskTimezone));
                ask.parts.insert(0, Msg::ConsentThanks);
                Transition::save(person).say(ask).event(Event::ConsentGiven)
            }
            Some(Action::Consent(false)) => Transition::new(Persist::Forget, lang)
                .say(Reply::new(Msg::ConsentDeclined))
                .event(Event::ConsentDeclined),
            _ => Transition::new(Persist::Keep, lang).say(welcome()),
        },
        Input::Text(text) if Command::parse(text) == Some(Slash::Known(Command::Help)) => {
            Transition::new(Persist::Keep, lang).say(help().with(Msg::StrangerHelp))
        }
        Input::Text(text)
            if matches!(
                Command::parse(text),
                Some(Slash::Known(Command::Export | Command::Delete))
            ) =>
        {
            Transition::new(Persist::Keep, lang).say(Reply::new(Msg::NothingStored))
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
    if hold::close_drill_dialog(&mut person) {
        // A hold with a drill question still open (a row from before the hold existed):
        // the question closes, and the answer meant for it is not taken for another.
        return session::held(person, now);
    }
    if person.dialog == Dialog::Lost {
        person.dialog = resting_dialog(&person);
        let question = ask::prompt(&person, now);
        return Transition::save(person)
            .say(Reply::new(Msg::StateReset))
            .say_all(question.or_else(|| Some(Reply::new(Msg::SetupDone))));
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
    let input = &incoming.input;
    match (person.dialog.clone(), input) {
        (_, Input::Reminder { kind, due }) => nudge::fire(person, *kind, *due, now),
        (Dialog::Aside { trip, back }, _) => {
            person.dialog = *trip;
            come_back(known(person, incoming, now), back, now)
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
        (Dialog::AskZone, Input::Text(text)) => zone_answer(person, Zone::parse(text), text, now),
        (Dialog::ConfirmZone { zone }, Input::Text(text)) => match parse::yes_no(text) {
            Some(answer) => confirm_zone(person, zone, answer, now),
            None => match Zone::parse(text) {
                Ok(other) => zone_answer(person, Ok(other), text, now),
                Err(_) => Transition::unchanged(&person)
                    .say(Reply::new(Msg::ConfirmTimezoneAgain).keyboard(confirm_keyboard())),
            },
        },
        (Dialog::ConfirmZone { zone }, Input::Button(data)) => match Action::decode(data) {
            Some(Action::ConfirmZone(answer)) => confirm_zone(person, zone, answer, now),
            _ => Transition::expired(&person),
        },
        (
            Dialog::AskZone | Dialog::ConfirmZone { .. },
            Input::Location {
                latitude,
                longitude,
            },
        ) => match Zone::at_location(*latitude, *longitude) {
            Some(zone) => zone_answer(person, Ok(zone), "", now),
            None => Transition::unchanged(&person)
                .say(Reply::new(Msg::LocationUnknown).keyboard(zone_keyboard(person.lang))),
        },
        (_, Input::Location { .. }) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(Reply::new(Msg::LocationNotNeeded))
                .say_all(question)
        }
        (Dialog::Session { run }, _) => session::answer(person, run, input, now),
        (
            Dialog::MorningPain {
                session: started,
                then_today,
            },
            _,
        ) => session::morning_answer(person, started, then_today, input, now),
        (Dialog::OfferRetest, _) => session::retest_offer_answer(person, input, now),
        (Dialog::ConfirmDelete { back }, _) => delete_answer(person, *back, input, now),
        (Dialog::ConfirmFlags { flags, back }, _) => {
            confirm_flags_answer(person, flags, *back, input, now)
        }
        (Dialog::Ask { question, setting }, _) => {
            intake_answer(person, question, setting, input, now)
        }
        (
            Dialog::Test {
                test,
                answers,
                retest,
            },
            _,
        ) => test_answer(person, test, answers, retest, input, now),
        (Dialog::Resume { resume }, _) => resume_answer(person, *resume, input, now),
        (Dialog::Settings, _) => settings_answer(person, input, now),
        (Dialog::Cleared, _) => cleared_answer(person, input, now),
        (Dialog::AskDrop, _) => drop_answer(person, input),
        (_, Input::Button(_)) => Transition::expired(&person),
        (Dialog::Idle | Dialog::Lost, Input::Text(_)) if person.hold.is_some() => {
            // "Tell me once you've been checked": whatever they write now, the hold's
            // sentence and, where a check can lift it, the question.
            session::held(person, now)
        }
        (Dialog::Idle | Dialog::Lost, Input::Text(text)) => {
            session::idle_number(&person, text, now).unwrap_or_else(|| {
                Transition::unchanged(&person).say(Reply::new(Msg::NotUnderstood))
            })
        }
    }
}

/// Whether a message in this dialog is read for warning signs first. Not where the
/// text is the answer to the safety question itself, or already its confirmation (which
/// reads it itself), nor at /delete's last question.
fn reads_flags_in_text(dialog: &Dialog) -> bool {
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
fn answers_yes_or_no(dialog: &Dialog, text: &str) -> bool {
    matches!(
        dialog,
        Dialog::Cleared | Dialog::AskDrop | Dialog::OfferRetest | Dialog::Resume { .. }
    ) && yes_no_naming_no_sign(text).is_some()
}

/// The "Something else: swelling, locking…" button typed out: a choice, not a report.
fn is_something_else_label(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    t.starts_with("something else") || t.starts_with("etwas anderes")
}

/// A yes or no, alone or leading a longer answer whose rest names no warning sign ("yes,
/// the doctor saw me" is a yes; "no, my knee is swollen today" is a sign, first).
fn yes_no_naming_no_sign(text: &str) -> Option<bool> {
    parse::yes_no(text).or_else(|| {
        let (answer, rest) = parse::leading_yes_no(text)?;
        symptoms::detect(rest).is_empty().then_some(answer)
    })
}

/// The answer to "have you been checked?": a yes or no (as above), or words that say it
/// ("I've been checked", "the doctor said it's fine", "ich wurde untersucht"). Never a yes
/// when the text names a warning sign.
fn checked_answer(text: &str) -> Option<bool> {
    if !symptoms::detect(text).is_empty() {
        return None;
    }
    if let Some(answer) = yes_no_naming_no_sign(text) {
        return Some(answer);
    }
    let t = text.to_lowercase();
    const SAID: &[&str] = &[
        "checked",
        "cleared",
        "go-ahead",
        "go ahead",
        "said it's fine",
        "said its fine",
        "untersucht",
        "freigegeben",
        "darf trainieren",
        "grünes licht",
    ];
    const NOT: &[&str] = &["not", "n't", "nicht", "noch kein", "yet"];
    if ["not yet", "noch nicht"].iter().any(|w| t.trim() == *w) {
        return Some(false);
    }
    SAID.iter()
        .any(|w| t.contains(w))
        .then(|| !NOT.iter().any(|w| t.contains(w)))
}

/// Warning signs being reported (a confirmation, or the symptom checklist), at any depth.
pub(super) fn reports_signs(dialog: &Dialog) -> bool {
    match dialog {
        Dialog::ConfirmFlags { .. }
        | Dialog::Ask {
            question: Question::RedFlags { .. },
            setting: true,
        } => true,
        Dialog::Aside { trip, back } => reports_signs(trip) || reports_signs(back),
        _ => false,
    }
}

fn command(mut person: Person, slash: Slash, arg: &str, now: DateTime<Utc>) -> Transition {
    if reports_signs(&person.dialog)
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
                Dialog::ConfirmDelete { back } => back,
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
            Dialog::MorningPain { .. } if session::pending_morning(&person, now).is_none() => {
                person.dialog = Dialog::Idle;
                session::today(person, now, true)
            }
            Dialog::Session { .. }
            | Dialog::MorningPain { .. }
            | Dialog::OfferRetest
            | Dialog::Test { .. } => {
                let question = ask::prompt(&person, now);
                Transition::unchanged(&person).say_all(question)
            }
            _ => session::today(person, now, true),
        },
        Slash::Known(Command::History) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(session::history_reply(&person, now))
                .say_all(question)
        }
        Slash::Known(Command::Progress) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(with_hold_note(&person, progress_reply(&person, now)))
                .say_all(question)
        }
        Slash::Known(Command::Profile) => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(with_hold_note(&person, profile_reply(&person)))
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
fn with_hold_note(person: &Person, mut reply: Reply) -> Reply {
    if let Some(hold) = &person.hold {
        reply.parts.retain(|m| *m != Msg::ProgressEmpty);
        reply.parts.insert(0, hold.note());
    }
    reply
}

/// /start from someone we know: pick up where they are.
fn start_again(mut person: Person, now: DateTime<Utc>) -> Transition {
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
        | Dialog::Resume { .. }
        | Dialog::Cleared
        | Dialog::Session { .. }
        | Dialog::MorningPain { .. }
        | Dialog::OfferRetest
        | Dialog::AskDrop
        | Dialog::ConfirmDelete { .. } => {
            let question = ask::prompt(&person, now);
            Transition::unchanged(&person)
                .say(Reply::new(Msg::WelcomeBack))
                .say_all(question)
        }
        Dialog::Idle
        | Dialog::Settings
        | Dialog::Aside { .. }
        | Dialog::Ask { setting: true, .. }
        | Dialog::Lost => {
            person.dialog = resting_dialog(&person);
            match ask::prompt(&person, now) {
                Some(question) => Transition::save(person)
                    .say(Reply::new(Msg::WelcomeBack))
                    .say(question),
                None => {
                    let next = match &person.hold {
                        Some(hold) => hold.note(),
                        None => Msg::SetupDone,
                    };
                    Transition::save(person).say(Reply::new(Msg::WelcomeBack).with(next))
                }
            }
        }
    }
}

/// Where a person rests when no question is open: the first thing still missing.
fn resting_dialog(person: &Person) -> Dialog {
    if person.zone.is_none() {
        Dialog::AskZone
    } else if person.hold.is_some() {
        hold::resting(person)
    } else if let Some(question) = question::next_question(&person.profile) {
        // The question already open stays open, with its ticks.
        match open_intake(&person.dialog) {
            Some(open) if is_question(&open, &question) => *open,
            _ => Dialog::Ask {
                question,
                setting: false,
            },
        }
    } else if person.history.last.is_none() {
        Dialog::Test {
            test: TestStep::first(),
            answers: TestAnswers::new(),
            retest: false,
        }
    } else {
        Dialog::Idle
    }
}

/// The unfinished intake question in a dialog (with its ticks, or the signs typed for it
/// and waiting for a yes), if there is one.
fn open_intake(dialog: &Dialog) -> Option<Box<Dialog>> {
    match dialog {
        Dialog::Ask { setting: false, .. } | Dialog::ConfirmFlags { .. } => {
            Some(Box::new(dialog.clone()))
        }
        Dialog::Aside { back, .. } => Some(back.clone()),
        _ => None,
    }
}

/// Whether an open dialog is this intake question (whatever is ticked).
fn is_question(open: &Dialog, question: &Question) -> bool {
    match open {
        Dialog::Ask { question: q, .. } => {
            std::mem::discriminant(q) == std::mem::discriminant(question)
        }
        Dialog::ConfirmFlags { back, .. } => is_question(back, question),
        _ => false,
    }
}

/// `to`, as a side trip when an intake question is open, so that the question and its
/// ticks are there again when the trip ends.
fn aside(from: &Dialog, to: Dialog) -> Dialog {
    match open_intake(from) {
        Some(back) => Dialog::Aside {
            trip: Box::new(to),
            back,
        },
        None => to,
    }
}

/// After a step on a side trip: still on it, or back at the intake question.
fn come_back(mut t: Transition, back: Box<Dialog>, now: DateTime<Utc>) -> Transition {
    if let Persist::Save(person) = &mut t.persist {
        match person.dialog {
            Dialog::Idle => {
                person.dialog = *back;
                person.dialog = resting_dialog(person);
                t.replies.extend(ask::prompt(person, now));
            }
            Dialog::Settings
            | Dialog::Ask { setting: true, .. }
            | Dialog::AskZone
            | Dialog::ConfirmZone { .. } => {
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

/// Commands that need the time zone and the intake first send the person there.
fn needs_setup(mut person: Person, now: DateTime<Utc>) -> Transition {
    person.dialog = resting_dialog(&person);
    let question = ask::prompt(&person, now);
    Transition::save(person)
        .say(Reply::new(Msg::NeedsIntake))
        .say_all(question)
}

/// /today before there is a program: whatever comes first (setup, the red-flag check, the
/// self-tests).
pub(super) fn needs_program(mut person: Person, now: DateTime<Utc>) -> Transition {
    if person.hold.is_some() {
        return session::held(person, now);
    }
    let ready = person.zone.is_some() && question::next_question(&person.profile).is_none();
    if !ready {
        return needs_setup(person, now);
    }
    person.dialog = Dialog::Test {
        test: TestStep::first(),
        answers: TestAnswers::new(),
        retest: person.history.last.is_some(),
    };
    let mut first = ask::selftest::ask(TestStep::first());
    first.parts.insert(0, Msg::TestsIntro);
    Transition::save(person)
        .say(Reply::new(Msg::NoProgramYet))
        .say(first)
}

/// /progress: range per side over time against the normal band, pain over time, and a
/// short summary.
fn progress_reply(person: &Person, now: DateTime<Utc>) -> Reply {
    let ranges = &person.history.ranges;
    if ranges.is_empty() && person.sessions.is_empty() {
        return Reply::new(Msg::ProgressEmpty);
    }
    let band = person.profile.age_band.unwrap_or(AgeBand::From20To50);
    let points = |pick: fn(&Range) -> Option<u8>| {
        ranges
            .iter()
            .filter_map(|r| pick(r).map(|d| (r.taken_at, d)))
            .collect()
    };
    let pain = |pick: fn(&SessionRecord) -> Option<u8>| {
        person
            .sessions
            .iter()
            .filter_map(|s| pick(s).map(|p| (s.started_at, p)))
            .collect()
    };
    let chart = Chart {
        normal: band.normal_internal_rotation(),
        left: points(|r| r.left_ir),
        right: points(|r| r.right_ir),
        during: pain(|s| s.pain_during),
        morning: pain(|s| s.pain_morning),
    };
    let mut reply = Reply::new(Msg::ProgressTitle);
    reply.parts.extend(session::progress_summary(person, now));
    reply.chart = Some(chart);
    reply
}

fn assess(mut person: Person, now: DateTime<Utc>) -> Transition {
    if person.hold.is_some() {
        return session::held(person, now);
    }
    let ready = person.zone.is_some() && question::next_question(&person.profile).is_none();
    if !ready {
        return needs_setup(person, now);
    }
    let retest = person.history.last.is_some();
    person.dialog = Dialog::Test {
        test: TestStep::first(),
        answers: TestAnswers::new(),
        retest,
    };
    let mut first = ask::selftest::ask(TestStep::first());
    first.parts.insert(0, Msg::TestsIntro);
    Transition::save(person).say(first)
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

fn confirm_zone(mut person: Person, zone: Zone, answer: bool, now: DateTime<Utc>) -> Transition {
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
        let mut next = advance(person, now).event(Event::TimezoneSet { tz: zone.name() });
        next.replies.insert(0, saved);
        next
    } else {
        person.dialog = Dialog::Idle;
        Transition::save(person)
            .say(saved)
            .event(Event::TimezoneSet { tz: zone.name() })
            .event(Event::ProfileUpdated {
                field: "timezone".into(),
            })
    }
}

/// Moves on after an intake answer: the next question, the red-flag stop, or the tests.
fn advance(mut person: Person, now: DateTime<Utc>) -> Transition {
    if let Some(question) = question::next_question(&person.profile) {
        let intro = person.profile == Profile::default();
        let mut reply = ask::intake::ask(&question);
        if intro {
            reply.parts.insert(0, Msg::IntakeIntro);
        }
        person.dialog = Dialog::Ask {
            question,
            setting: false,
        };
        return Transition::save(person).say(reply);
    }
    let flags = person.profile.red_flags.clone().unwrap_or_default();
    if !flags.is_empty() && person.profile.cleared_at.is_none() {
        let band = person.profile.age_band.unwrap_or(AgeBand::From20To50);
        let stopped = Assessment::stopped(now, band, flags.clone());
        hold::hold(&mut person, HoldCause::IntakeRedFlags, flags.clone(), now);
        person.dialog = Dialog::Idle;
        let event = assessment_event(&stopped);
        return Transition::save(person)
            .say(red_flag_stop(&flags))
            .event(event)
            .write(Write::Assessment(stopped));
    }
    person.dialog = Dialog::Test {
        test: TestStep::first(),
        answers: TestAnswers::new(),
        retest: false,
    };
    let mut first = ask::selftest::ask(TestStep::first());
    first.parts.insert(0, Msg::TestsIntro);
    Transition::save(person).say(first)
}

fn red_flag_stop(flags: &[RedFlag]) -> Reply {
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

fn intake_answer(
    mut person: Person,
    question: Question,
    setting: bool,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let flags_before = person.profile.red_flags.clone();
    match intake::answer(&question, input, &mut person.profile) {
        Answered::Done {
            field: ProfileField::RedFlags,
        } if setting => {
            // The symptom check: what is ticked now holds the program.
            let flags = person.profile.red_flags.clone().unwrap_or_default();
            if flags.is_empty() {
                person.profile.red_flags = flags_before;
                if person.hold.is_some() {
                    // Nothing new, but the hold stands: say so, not "carry on".
                    return session::held(person, now);
                }
                person.dialog = Dialog::Idle;
                return Transition::save(person).say(Reply::new(Msg::SymptomsNone));
            }
            report_flags(person, flags, now)
        }
        Answered::Minor => {
            hold::hold(&mut person, HoldCause::Minor, Vec::new(), now);
            Transition::save(person)
                .say(Reply::new(Msg::MinorReferral))
                .event(Event::ProfileUpdated {
                    field: "age".into(),
                })
        }
        Answered::Done {
            field: ProfileField::Age,
        } if person.hold.as_ref().is_some_and(|h| h.minor) => {
            // An age typed wrong and corrected: the coach is open to them again.
            hold::adult_now(&mut person);
            if person.hold.is_some() {
                return session::held(person, now);
            }
            let mut next = advance(person, now);
            next.events.push(Event::ProfileUpdated {
                field: "age".into(),
            });
            next
        }
        Answered::Done { field } if setting => {
            person.dialog = Dialog::Idle;
            Transition::save(person)
                .say(Reply::new(Msg::SettingSaved))
                .event(Event::ProfileUpdated {
                    field: <&str>::from(field).to_string(),
                })
        }
        Answered::Done { .. } => advance(person, now),
        Answered::Ticked(question) => {
            let mut reply = ask_question(&question, setting);
            reply.in_place = matches!(input, Input::Button(_));
            person.dialog = Dialog::Ask { question, setting };
            Transition::save(person).say(reply)
        }
        Answered::Language(lang) => {
            person.lang = lang;
            person.dialog = Dialog::Idle;
            Transition::save(person)
                .say(Reply::new(Msg::SettingSaved))
                .event(Event::ProfileUpdated {
                    field: "language".into(),
                })
        }
        Answered::Retry(msg) => Transition::retry(&person, msg),
        Answered::ConfirmFlags(flags) => {
            person.dialog = Dialog::ConfirmFlags {
                flags,
                back: Box::new(Dialog::Ask { question, setting }),
            };
            let ask = ask::prompt(&person, now);
            Transition::save(person).say_all(ask)
        }
    }
}

/// Red flags read from a typed answer: yes stores them as ticking them would have, no
/// goes back to the question.
fn confirm_flags_answer(
    mut person: Person,
    flags: Vec<RedFlag>,
    back: Dialog,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let Some(choice) = two_way(input, "flags_yes", "flags_no") else {
        return Transition::expired(&person);
    };
    if let Input::Text(text) = input {
        // Signs named in the answer: the same ones again ("yes, it is swollen") confirm
        // them; others join them and are asked about, whatever yes or no came with them.
        let more = symptoms::detect(text);
        let leading = parse::leading_yes_no(text).map(|(answer, _)| answer);
        if !more.is_empty() && more.iter().all(|f| flags.contains(f)) && leading != Some(false) {
            return confirm_flags_answer(
                person,
                flags,
                back,
                &Input::Button(Action::Choose("flags_yes".into()).encode()),
                now,
            );
        }
        if !more.is_empty() {
            let mut all = flags.clone();
            all.extend(more);
            all.sort();
            all.dedup();
            person.dialog = Dialog::ConfirmFlags {
                flags: all,
                back: Box::new(back),
            };
            let ask = ask::prompt(&person, now);
            return Transition::save(person).say_all(ask);
        }
    }
    match choice {
        Some(true) => match back {
            // At the intake's safety screen: stored as its answer; the intake goes on
            // to the hold.
            Dialog::Ask {
                question: Question::RedFlags { .. },
                setting: false,
            } => {
                intake::record_red_flags(&mut person.profile, flags);
                advance(person, now)
            }
            // Any time later (the symptom check, or named in a message): the hold.
            back => {
                person.dialog = back;
                report_flags(person, flags, now)
            }
        },
        Some(false) => {
            person.dialog = back;
            let question = ask::prompt(&person, now);
            let noted = Reply::new(Msg::FlagsNotNoted);
            match question {
                Some(question) => Transition::save(person).say(question),
                None => Transition::save(person).say(noted),
            }
        }
        None => Transition::retry(&person, Msg::ChoiceNotUnderstood),
    }
}

fn test_answer(
    mut person: Person,
    test: TestStep,
    mut answers: TestAnswers,
    retest: bool,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let answer = match selftest::read(test, input) {
        Ok(answer) => answer,
        Err(msg) => return Transition::retry(&person, msg),
    };
    answers.insert(test, answer);
    // The usual pain is asked again at re-tests only (the intake just asked it), and not
    // after tests that hurt over 5: the hold and its referral come first.
    let hurt_a_lot = matches!(answer, TestAnswer::Pain { score } if score > assessment::HIGH_PAIN)
        && test == TestStep::TestPain;
    let next = test
        .next()
        .filter(|n| (retest && !hurt_a_lot) || *n != TestStep::UsualPain);
    match next {
        Some(next) => {
            let mut reply = ask::selftest::ask(next);
            if answer == TestAnswer::Hurt {
                reply.parts.insert(0, Msg::TestHurtNote);
            }
            person.dialog = Dialog::Test {
                test: next,
                answers,
                retest,
            };
            Transition::save(person).say(reply)
        }
        None => finish_tests(person, answers, retest, now),
    }
}

fn finish_tests(
    mut person: Person,
    answers: TestAnswers,
    retest: bool,
    now: DateTime<Utc>,
) -> Transition {
    let band = person.profile.age_band.unwrap_or(AgeBand::From20To50);
    if let Some(TestAnswer::Pain { score }) = answers.get(&TestStep::UsualPain) {
        person.profile.usual_pain = PainScore::new(*score).or(person.profile.usual_pain);
    }
    let usual = person.profile.usual_pain.map(|p| p.value());
    let result = assessment::evaluate(&answers, band, usual, now, retest);
    let reply = result_reply(&result, &person);
    // A drop of 10° or more on a side since the last test, measured the same way: ask
    // whether something happened (coaching.md: under 10° is no change).
    let latest = Range::of(&result);
    let dropped = result.red_flags.is_empty()
        && person.history.ranges.last().is_some_and(|last| {
            [Side::Left, Side::Right]
                .into_iter()
                .any(|side| last.change_to(&latest, side) == Some(Change::Loss))
        });
    person.history.first = person.history.first.take().or_else(|| Some(result.clone()));
    person.history.last = Some(result.clone());
    person.dialog = Dialog::Idle;
    person.history.ranges.push(Range::of(&result));
    let event = assessment_event(&result);
    let t = Transition::save(person.clone())
        .say(reply)
        .event(event)
        .write(Write::Assessment(result.clone()));
    let mut t = session::after_assessment(t, person, &result, now);
    if dropped
        && let Persist::Save(person) = &mut t.persist
        && person.hold.is_none()
    {
        person.dialog = Dialog::AskDrop;
        t.replies.extend(ask::prompt(person, now));
    }
    t
}

/// After a drop in range: "something happened?" Check the symptoms, or carry on.
fn drop_answer(mut person: Person, input: &Input) -> Transition {
    let Some(choice) = two_way(input, "drop_check", "drop_fine") else {
        return Transition::expired(&person);
    };
    match choice {
        Some(true) => symptom_check(person),
        Some(false) => {
            person.dialog = Dialog::Idle;
            Transition::save(person).say(Reply::new(Msg::DropNoted))
        }
        None => Transition::retry(&person, Msg::ChoiceNotUnderstood),
    }
}

/// Red flags reported after the intake, confirmed: the hold, with the one kind
/// referral. A session under way ends here; what was done of it is kept.
pub(super) fn report_flags(
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
    t.say(reply).event(Event::RedFlagsReported {
        red_flags: flags.iter().map(|f| <&str>::from(*f).to_string()).collect(),
    })
}

/// The symptom check (/symptoms, "something else" while it hurts, a drop in range): the
/// red-flag list, to tick what applies now.
pub(super) fn symptom_check(mut person: Person) -> Transition {
    let reply = open_symptom_check(&mut person);
    Transition::save(person).say(reply)
}

/// Opens the symptom check on a person: the dialog it waits in, and its question.
pub(super) fn open_symptom_check(person: &mut Person) -> Reply {
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

fn assessment_event(a: &Assessment) -> Event {
    Event::AssessmentCompleted {
        left_ir: a.left.internal,
        right_ir: a.right.internal,
        left_er: a.left.external,
        right_er: a.right.external,
        asymmetry: a.asymmetry,
        track: a.track.map(|t| <&str>::from(t).to_string()),
        level: a.level,
        red_flags: a
            .red_flags
            .iter()
            .map(|f| <&str>::from(*f).to_string())
            .collect(),
        retest: a.retest,
    }
}

fn side_line(side: &SideResult, band: AgeBand) -> Msg {
    let (low, high) = band.normal_internal_rotation();
    match (side.internal, side.verdict) {
        (Some(degrees), Some(verdict)) => Msg::ResultSide {
            side: side.side,
            degrees: i64::from(degrees),
            estimate: side.internal_is_estimate,
            verdict,
            low: i64::from(low),
            high: i64::from(high),
        },
        _ => Msg::ResultSideMissing { side: side.side },
    }
}

/// The short summary after the tests: numbers, what they mean, what comes next.
fn result_reply(result: &Assessment, person: &Person) -> Reply {
    let mut parts = vec![
        Msg::ResultTitle,
        Msg::Lines(vec![
            side_line(&result.left, result.age_band),
            side_line(&result.right, result.age_band),
        ]),
    ];
    if let Some(difference) = result.asymmetry {
        parts.push(if result.asymmetry_flagged {
            Msg::ResultAsymmetry {
                difference: i64::from(difference),
            }
        } else {
            Msg::ResultEven {
                difference: i64::from(difference),
            }
        });
    }
    let changes = changes(result, person);
    if !changes.is_empty() {
        parts.push(Msg::Lines(changes));
    }
    if !result.red_flags.is_empty() {
        parts.push(Msg::ResultStop {
            score: i64::from(result.test_pain.unwrap_or(0)),
        });
        return Reply::of(parts);
    }
    let turns_well = [&result.left, &result.right].iter().all(|s| {
        matches!(
            s.verdict,
            Some(assessment::Verdict::Within | assessment::Verdict::Above)
        )
    });
    if result.measured_nothing() {
        // No conclusion from nothing: the gentlest start, and measure when they can (a
        // re-test: nothing to compare, the program stays).
        parts.push(if result.retest {
            Msg::RetestNothingMeasured
        } else {
            Msg::ResultNothingMeasured
        });
        if result.any_test_hurt() {
            parts.push(Msg::ResultHurtNote);
        }
        return Reply::of(parts);
    }
    match result.track {
        Some(assessment::Track::LimitedInternalRotation) if turns_well => {
            parts.push(Msg::ResultTrackFine)
        }
        Some(track) => parts.push(Msg::ResultTrack { track }),
        None => {}
    }
    // After a re-test, the decision that follows says where the program goes.
    if let Some(level) = result.level.filter(|_| !result.retest) {
        parts.push(Msg::ResultLevel {
            level: i64::from(level),
        });
    }
    if result.any_test_hurt() {
        parts.push(Msg::ResultHurtNote);
    }
    parts.push(Msg::ResultNext);
    Reply::of(parts)
}

/// Change per side since the last test, each side with itself, like with like: under 10°
/// is no real change, and an estimate is not compared with a measured number.
fn changes(result: &Assessment, person: &Person) -> Vec<Msg> {
    let Some(last) = person.history.ranges.last() else {
        return Vec::new();
    };
    let latest = Range::of(result);
    [Side::Left, Side::Right]
        .into_iter()
        .filter_map(|side| {
            let kind = last.change_to(&latest, side)?;
            let (before, _) = last.internal(side);
            let (after, _) = latest.internal(side);
            Some(Msg::ResultChange {
                side,
                change: i64::from(after?) - i64::from(before?),
                kind,
            })
        })
        .collect()
}

/// A two-way question: its `yes` and `no` buttons, or a typed yes or no. `None` for a
/// button that belongs to another question; `Some(None)` when the text says neither.
pub(super) fn two_way(input: &Input, yes: &str, no: &str) -> Option<Option<bool>> {
    match input {
        Input::Button(data) => match Action::decode(data) {
            Some(Action::Choose(code)) if code == yes => Some(Some(true)),
            Some(Action::Choose(code)) if code == no => Some(Some(false)),
            _ => None,
        },
        Input::Text(text) => Some(parse::yes_no(text)),
        _ => Some(None),
    }
}

/// /delete, confirmed: everything about the person goes, in one transaction; or kept.
fn delete_answer(
    mut person: Person,
    back: Dialog,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let Some(choice) = two_way(input, "delete_all", "keep_all") else {
        return Transition::expired(&person);
    };
    match choice {
        Some(true) => Transition::new(Persist::Forget, person.lang)
            .say(Reply::new(Msg::Deleted))
            .event(Event::DataDeleted),
        Some(false) => {
            person.dialog = back;
            let question = ask::prompt(&person, now);
            Transition::save(person)
                .say(Reply::new(Msg::DeleteKept))
                .say_all(question)
        }
        None => Transition::retry(&person, Msg::ChoiceNotUnderstood),
    }
}

fn resume_answer(
    mut person: Person,
    resume: Dialog,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let Some(choice) = two_way(input, "continue", "restart") else {
        return Transition::expired(&person);
    };
    match choice {
        Some(true) => {
            person.dialog = resume;
            let question = ask::prompt(&person, now);
            Transition::save(person).say_all(question)
        }
        Some(false) => match resume {
            Dialog::Test { retest, .. } => {
                person.dialog = Dialog::Test {
                    test: TestStep::first(),
                    answers: TestAnswers::new(),
                    retest,
                };
                let question = ask::prompt(&person, now);
                Transition::save(person).say_all(question)
            }
            _ => {
                person.profile = Profile::default();
                advance(person, now)
            }
        },
        None => Transition::retry(&person, Msg::ChoiceNotUnderstood),
    }
}

fn settings_answer(mut person: Person, input: &Input, now: DateTime<Utc>) -> Transition {
    let Input::Button(data) = input else {
        return Transition::retry(&person, Msg::ChoiceNotUnderstood);
    };
    let field = match Action::decode(data) {
        Some(Action::Choose(code)) => SETTINGS.iter().find(|f| <&str>::from(**f) == code).copied(),
        _ => None,
    };
    match field {
        None => Transition::expired(&person),
        Some(ProfileField::RedFlags) => symptom_check(person),
        Some(ProfileField::Timezone) => {
            person.dialog = Dialog::AskZone;
            let question = ask::prompt(&person, now);
            Transition::save(person).say_all(question)
        }
        Some(field) => match question::question_for(field, &person.profile) {
            Some(question) => {
                let reply = ask::intake::ask(&question);
                person.dialog = Dialog::Ask {
                    question,
                    setting: true,
                };
                Transition::save(person).say(reply)
            }
            None => Transition::expired(&person),
        },
    }
}

fn cleared_answer(mut person: Person, input: &Input, now: DateTime<Utc>) -> Transition {
    let choice = match input {
        Input::Text(text) => Some(checked_answer(text)),
        _ => two_way(input, "cleared", "notyet"),
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
            if session::resume_program(&mut person, now) {
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

/// Everything the bot knows, one line per answer.
fn profile_reply(person: &Person) -> Reply {
    let p = &person.profile;
    let missing = || Msg::NotAnswered;
    let lit = |s: String| Msg::Literal(s);
    let hhmm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let list = |msgs: Vec<Msg>, empty: Msg| {
        if msgs.is_empty() {
            empty
        } else {
            Msg::Join(msgs)
        }
    };
    let line = |field, value| Msg::ProfileLine {
        field,
        value: Box::new(value),
    };
    let age = match (p.age, p.age_band) {
        (Some(age), _) => lit(age.to_string()),
        (None, Some(AgeBand::Under20)) => Msg::AgeUnder20,
        (None, Some(AgeBand::From20To50)) => Msg::Age20To50,
        (None, Some(AgeBand::Over50)) => Msg::AgeOver50,
        (None, None) => missing(),
    };
    let lines = vec![
        line(
            ProfileField::Timezone,
            person.zone.map(|z| lit(z.name())).unwrap_or_else(missing),
        ),
        line(ProfileField::Language, Msg::LanguageName),
        line(ProfileField::Age, age),
        line(
            ProfileField::Activities,
            p.activities
                .as_ref()
                .map(|a| {
                    list(
                        a.iter().map(|x| Msg::Activity(*x)).collect(),
                        Msg::NoneOfThese,
                    )
                })
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::Sitting,
            p.sitting_hours
                .map(|h| Msg::SittingHours {
                    hours: i64::from(h),
                })
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::WorkingHours,
            p.working_hours
                .map(|w| lit(format!("{} {}–{}", w.days, hhmm(w.start), hhmm(w.end))))
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::Lunch,
            match p.lunch {
                Some(Lunch::Break { start, end }) => lit(format!("{}–{}", hhmm(start), hhmm(end))),
                Some(Lunch::None) => Msg::NoLunch,
                None => missing(),
            },
        ),
        line(
            ProfileField::DrillTime,
            p.drill_time.map(|t| lit(hhmm(t))).unwrap_or_else(missing),
        ),
        // Never chosen after a finished intake: every day, as the reminders have it.
        line(
            ProfileField::TrainingDays,
            p.training_days
                .or_else(|| {
                    question::next_question(p)
                        .is_none()
                        .then(|| p.training_days())
                })
                .map(Msg::days)
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::PainSites,
            p.pain_sites
                .as_ref()
                .map(|s| list(s.iter().map(|x| Msg::PainSite(*x)).collect(), Msg::Nowhere))
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::UsualPain,
            p.usual_pain
                .map(|s| lit(format!("{}/10", s.value())))
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::Equipment,
            p.equipment
                .as_ref()
                .map(|e| {
                    list(
                        e.iter().map(|x| Msg::Equipment(*x)).collect(),
                        Msg::NoneOfThese,
                    )
                })
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::RedFlags,
            p.red_flags
                .as_ref()
                .map(|f| {
                    list(
                        f.iter().map(|x| Msg::RedFlag(*x)).collect(),
                        Msg::NoneOfThese,
                    )
                })
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::Assessment,
            match &person.history.last {
                Some(a) => {
                    let deg =
                        |d: Option<u8>| d.map(|d| format!("{d}°")).unwrap_or_else(|| "–".into());
                    let mut parts = vec![lit(format!(
                        "{} · L {} · R {}",
                        a.taken_at.format("%Y-%m-%d"),
                        deg(a.left.internal),
                        deg(a.right.internal)
                    ))];
                    parts.extend(a.track.map(Msg::TrackName));
                    Msg::Join(parts)
                }
                None => missing(),
            },
        ),
    ];
    Reply::new(Msg::ProfileTitle)
        .with(Msg::Lines(lines))
        .with(Msg::ProfileFooter)
}
