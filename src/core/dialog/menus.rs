//! The small menus: /delete's confirmation, "continue or start over?", /settings.

pub(crate) use crate::core::ask::CANCEL;
use crate::core::ask::SETTINGS;
use crate::core::ask::settings::reminder_code;
use crate::core::dialog::nudge;
use crate::core::read::action::Action;
use crate::core::say::buttons;
use crate::core::transition::Again;
use crate::core::values::settings::{ReminderSetting, on_off};
use chrono::{DateTime, Utc};
use strum::IntoEnumIterator;

use crate::core::ask;
use crate::core::dialog::intake::advance;
use crate::core::dialog::setup::resting_dialog;
use crate::core::dialog::symptoms::symptom_check;
use crate::core::event::Event;
use crate::core::person::question::{self};
use crate::core::person::{Dialog, Person};
use crate::core::rules::assessment::{TestAnswers, TestStep};
use crate::core::say::msg::{Msg, ProfileField};
use crate::core::say::reply::Reply;
use crate::core::transition::{Persist, Transition};
use crate::core::values::input::Input;
use crate::core::values::profile::Profile;

/// /delete, confirmed: everything about the person goes, in one transaction; or kept.
pub(crate) fn delete_answer(
    mut person: Person,
    back: Dialog,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let choice = match Transition::yes_or_no(&person, input, &buttons::DELETE) {
        Ok(choice) => choice,
        Err(refused) => return refused,
    };
    match choice {
        true => Transition::new(Persist::Forget, person.lang)
            .say(Reply::new(Msg::Deleted))
            .event(Event::DataDeleted),
        false => {
            person.dialog = back;
            let question = ask::prompt(&person, now);
            Transition::save(person)
                .say(Reply::new(Msg::DeleteKept))
                .say_all(question)
        }
    }
}

pub(crate) fn resume_answer(
    mut person: Person,
    resume: Dialog,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let choice = match Transition::yes_or_no(&person, input, &buttons::RESUME) {
        Ok(choice) => choice,
        Err(refused) => return refused,
    };
    match choice {
        true => {
            person.dialog = resume;
            let question = ask::prompt(&person, now);
            Transition::save(person).say_all(question)
        }
        false => match resume {
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
    }
}

pub(crate) fn settings_answer(mut person: Person, input: &Input, now: DateTime<Utc>) -> Transition {
    let Input::Button(data) = input else {
        return Transition::retry(&person, Msg::ChoiceNotUnderstood);
    };
    let code = match Action::decode(data) {
        Some(Action::Choose(code)) => code,
        _ => String::new(),
    };
    if let Some(setting) = ReminderSetting::iter().find(|s| reminder_code(*s) == code) {
        person.dialog = Dialog::Setting { setting };
        let question = ask::prompt(&person, now);
        return Transition::save(person).say_all(question);
    }
    let field = SETTINGS.iter().find(|f| <&str>::from(**f) == code).copied();
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
                let reply = ask::ask_question(&question, true);
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

/// /cancel, or the Cancel button: leaves the open question with nothing changed. The
/// menus and questions opened from /settings, /timezone and /delete go back to where the
/// person was (the intake question a side trip left, or nothing); the first intake has
/// nothing to go back to, so it is asked again; a question that must be answered (a
/// session's, the morning score, warning signs being reported) stays open.
pub(crate) fn cancel(mut person: Person, now: DateTime<Utc>) -> Transition {
    let first_intake = person.zone.is_none();
    let back = match person.dialog.clone() {
        Dialog::Idle | Dialog::Lost => {
            return Transition::unchanged(&person).say(Reply::new(Msg::NothingToCancel));
        }
        dialog if dialog.reports_signs() => None,
        Dialog::Aside { back, .. } => Some(*back),
        Dialog::ConfirmDelete { back } | Dialog::OfferStop { back } => Some(*back),
        // A re-test is the person's own choice: leaving it keeps the last result as it is.
        Dialog::Test { retest: true, .. } | Dialog::OfferRetest => Some(Dialog::Idle),
        Dialog::AskZone | Dialog::ConfirmZone { .. } if !first_intake => Some(Dialog::Idle),
        Dialog::Settings | Dialog::Setting { .. } | Dialog::Ask { setting: true, .. } => {
            Some(Dialog::Idle)
        }
        Dialog::AskZone
        | Dialog::ConfirmZone { .. }
        | Dialog::Ask { setting: false, .. }
        | Dialog::Test { retest: false, .. }
        | Dialog::Resume { .. } => {
            return Transition::unchanged(&person)
                .say(Reply::new(Msg::CancelFirstIntake))
                .ask_again();
        }
        _ => None,
    };
    let Some(back) = back else {
        return Transition::unchanged(&person)
            .say(Reply::new(Msg::CancelNotHere))
            .ask_again();
    };
    person.dialog = back;
    if person.dialog == Dialog::Idle {
        person.dialog = resting_dialog(&person);
    }
    let question = ask::prompt(&person, now);
    Transition::save(person)
        .say(Reply::new(Msg::Cancelled))
        .say_all(question)
}

/// `/stats on`, `/stats off` and the /settings switch: the week in review, stored.
pub(crate) fn review_switch(mut person: Person, arg: &str) -> Transition {
    match on_off(arg) {
        Some(on) => {
            person.settings.weekly_review = on;
            Transition::save(person).say(Reply::new(if on {
                Msg::ReviewOn
            } else {
                Msg::ReviewOff
            }))
        }
        None => Transition::unchanged(&person).say(Reply::new(Msg::StatsHowTo)),
    }
}

/// The answer to a reminder setting's question, read as its command reads it: saved
/// (the reply says the new value), or the command's explanation with Cancel, and the
/// question stays open.
pub(crate) fn setting_answer(
    person: Person,
    setting: ReminderSetting,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let text = match (input, setting) {
        (Input::Text(text), _) => text.as_str(),
        (Input::Button(data), ReminderSetting::Review) => match Action::decode(data) {
            Some(Action::Choose(code)) if code == "on" => "on",
            Some(Action::Choose(code)) if code == "off" => "off",
            _ => return Transition::expired(&person),
        },
        _ => return Transition::expired(&person),
    };
    let off = ["off", "aus", "resume", "weiter"].contains(&text.trim().to_lowercase().as_str());
    let mut t = match setting {
        ReminderSetting::Breaks => nudge::breaks(person, text),
        ReminderSetting::Quiet => nudge::quiet(person, text),
        ReminderSetting::Morning => nudge::morning(person, text),
        ReminderSetting::Pause if off => nudge::resume(person),
        ReminderSetting::Pause => nudge::pause(person, text, now),
        ReminderSetting::Review => review_switch(person, text),
    };
    match &mut t.persist {
        Persist::Save(saved) => saved.dialog = Dialog::Idle,
        _ => t.again = Again::Buttons,
    }
    t
}
