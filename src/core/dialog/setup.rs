//! What comes first when something is missing: the time zone, the intake, the self-tests.

use chrono::{DateTime, Utc};

use crate::core::ask;
use crate::core::dialog::symptoms::held;
use crate::core::person::hold;
use crate::core::person::question::{self, Question};
use crate::core::person::{Dialog, Person};
use crate::core::rules::assessment::{TestAnswers, TestStep};
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::transition::Transition;

/// Where a person rests when no question is open: the first thing still missing.
pub(crate) fn resting_dialog(person: &Person) -> Dialog {
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
pub(crate) fn open_intake(dialog: &Dialog) -> Option<Box<Dialog>> {
    match dialog {
        Dialog::Ask { setting: false, .. } | Dialog::ConfirmFlags { .. } => {
            Some(Box::new(dialog.clone()))
        }
        Dialog::Aside { back, .. } => Some(back.clone()),
        _ => None,
    }
}

/// Whether an open dialog is this intake question (whatever is ticked).
pub(crate) fn is_question(open: &Dialog, question: &Question) -> bool {
    match open {
        Dialog::Ask { question: q, .. } => {
            std::mem::discriminant(q) == std::mem::discriminant(question)
        }
        Dialog::ConfirmFlags { back, .. } => is_question(back, question),
        _ => false,
    }
}

/// Commands that need the time zone and the intake first send the person there.
pub(crate) fn needs_setup(mut person: Person, now: DateTime<Utc>) -> Transition {
    person.dialog = resting_dialog(&person);
    let question = ask::prompt(&person, now);
    Transition::save(person)
        .say(Reply::new(Msg::NeedsIntake))
        .say_all(question)
}

/// /today before there is a program: whatever comes first (setup, the red-flag check, the
/// self-tests).
pub(crate) fn needs_program(person: Person, now: DateTime<Utc>) -> Transition {
    begin_tests(person, now, Some(Msg::NoProgramYet))
}

/// /assess: the self-tests, once nothing comes before them.
pub(crate) fn assess(person: Person, now: DateTime<Utc>) -> Transition {
    begin_tests(person, now, None)
}

/// The self-tests from their first step (a re-test when there was a test before), after
/// `note`; or whatever must come first: the hold's sentence, the time zone, the intake.
fn begin_tests(person: Person, now: DateTime<Utc>, note: Option<Msg>) -> Transition {
    if person.hold.is_some() {
        return held(person, now);
    }
    let ready = person.zone.is_some() && question::next_question(&person.profile).is_none();
    if !ready {
        return needs_setup(person, now);
    }
    let retest = person.history.last.is_some();
    let mut t = first_test(person, retest);
    if let Some(note) = note {
        t.replies.insert(0, Reply::new(note));
    }
    t
}

/// The self-tests from their first step, with a word on what they are.
pub(crate) fn first_test(mut person: Person, retest: bool) -> Transition {
    person.dialog = Dialog::Test {
        test: TestStep::first(),
        answers: TestAnswers::new(),
        retest,
    };
    let mut first = ask::selftest::ask(TestStep::first());
    first.parts.insert(0, Msg::TestsIntro);
    Transition::save(person).say(first)
}
