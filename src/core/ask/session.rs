//! The open question of a session, the morning check-in or the re-test offer.

use chrono::{DateTime, Utc};

use crate::core::ask::intake::pain_keyboard;
use crate::core::person::run::{RunStep, SessionRun};
use crate::core::person::{Dialog, Person};
use crate::core::rules::catalog::{self, ExerciseId};
use crate::core::rules::program::easier_fitted;
use crate::core::say::buttons::{self, SessionKey};
use crate::core::say::msg::{DayPart, Msg};
use crate::core::say::reply::{Keyboard, Reply};

pub(crate) fn exercise_reply(run: &SessionRun) -> Reply {
    let Some(planned) = run.record.plan.get(run.index) else {
        return Reply::new(Msg::TryAgainLater);
    };
    let exercise = catalog::exercise(planned.exercise);
    let dose = planned.dose;
    Reply::new(Msg::ExerciseHeader {
        number: run.index as i64 + 1,
        total: run.record.plan.len() as i64,
        name: Box::new(Msg::ExerciseName(planned.exercise)),
    })
    .with(Msg::dose(&dose))
    .with(Msg::ExerciseHow(planned.exercise))
    .with(Msg::Works(Box::new(Msg::Join(
        exercise.muscles.iter().map(|m| Msg::Muscle(*m)).collect(),
    ))))
    .keyboard(Keyboard::Inline(vec![
        vec![
            SessionKey::Done.button(Msg::OutcomeDone),
            SessionKey::TooEasy.button(Msg::OutcomeTooEasy),
        ],
        vec![
            SessionKey::TooHard.button(Msg::OutcomeTooHard),
            SessionKey::Hurts.button(Msg::OutcomeHurts),
        ],
        vec![SessionKey::Skip.button(Msg::Skip)],
    ]))
}

pub(crate) fn pain_reply(msg: Msg) -> Reply {
    Reply::new(msg).keyboard(Keyboard::Inline(pain_keyboard()))
}

/// The open question of a coaching dialog, asked again.
pub fn prompt(person: &Person, now: DateTime<Utc>) -> Option<Reply> {
    match &person.dialog {
        Dialog::Session { run } => Some(match run.step {
            RunStep::Exercise => exercise_reply(run),
            RunStep::HurtScore => pain_reply(Msg::AskHurtScore),
            RunStep::HurtChoice { score } => hurt_choice(person, run, score),
            RunStep::Pain => pain_reply(Msg::AskSessionPain),
        }),
        Dialog::MorningPain { .. } => {
            let usual = person.profile.usual_pain.map(|p| p.value()).unwrap_or(0);
            let mut reply = pain_reply(Msg::AskMorningPain {
                usual: i64::from(usual),
                greeting: DayPart::at(person.local(now).time()),
            });
            if let Keyboard::Inline(rows) = &mut reply.keyboard {
                rows.push(vec![SessionKey::Skip.button(Msg::Skip)]);
            }
            Some(reply)
        }
        Dialog::OfferRetest => Some(
            Reply::new(Msg::OfferRetest).keyboard(Keyboard::Inline(vec![buttons::RETEST.row()])),
        ),
        _ => None,
    }
}

/// The easier neighbour of the exercise shown, as the person can do it with their
/// equipment (its substitute if need be, as in a plan), or none.
pub(crate) fn easier_for(person: &Person, run: &SessionRun) -> Option<ExerciseId> {
    let have = person.profile.equipment.clone().unwrap_or_default();
    let current = run.record.plan.get(run.index)?;
    easier_fitted(catalog::exercise(current.exercise), &have).map(|e| e.id)
}

pub(crate) fn hurt_choice(person: &Person, run: &SessionRun, score: u8) -> Reply {
    let easier = easier_for(person, run);
    let mut row = Vec::new();
    if let Some(easier) = easier {
        row.push(SessionKey::Easier.button(Msg::TryEasier(Box::new(Msg::ExerciseName(easier)))));
    }
    row.push(SessionKey::Skip.button(Msg::SkipThisOne));
    Reply::new(Msg::HurtChoice {
        score: i64::from(score),
    })
    .keyboard(Keyboard::Inline(vec![
        row,
        vec![SessionKey::Stop.button(Msg::StopForToday)],
        vec![SessionKey::Symptoms.button(Msg::SomethingElse)],
    ]))
}
