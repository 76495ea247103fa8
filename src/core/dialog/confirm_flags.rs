//! Warning signs read from a typed answer: are these right? Yes stores them (at the intake)
//! or holds the program (later); no goes back to the question.

use crate::core::dialog::intake;
use crate::core::say::buttons;
use chrono::{DateTime, Utc};

use crate::core::ask;
use crate::core::dialog::intake::advance;
use crate::core::dialog::symptoms::report_flags;
use crate::core::person::question::Question;
use crate::core::person::{Dialog, Person};
use crate::core::read::parse;
use crate::core::read::symptoms;
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::transition::Transition;
use crate::core::values::input::Input;
use crate::core::values::profile::RedFlag;

/// Red flags read from a typed answer: yes stores them as ticking them would have, no
/// goes back to the question.
pub(crate) fn confirm_flags_answer(
    mut person: Person,
    flags: Vec<RedFlag>,
    back: Dialog,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let Some(choice) = buttons::FLAGS.read(input) else {
        return Transition::expired(&person);
    };
    if let Input::Text(text) = input {
        // Signs named in the answer: the same ones again ("yes, it is swollen") confirm
        // them; others join them and are asked about, whatever yes or no came with them.
        let more = symptoms::detect(text);
        let leading = parse::leading_yes_no(text).map(|(answer, _)| answer);
        if !more.is_empty() && more.iter().all(|f| flags.contains(f)) && leading != Some(false) {
            return confirm_flags_answer(person, flags, back, &buttons::FLAGS.yes_press(), now);
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
