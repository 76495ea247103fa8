//! The daily drill session, the pain scores after it and the next morning, and the
//! decisions they lead to. Pure, like the rest of the core.

use crate::core::dialog::decisions::{apply, decide, resave, saved};
use crate::core::dialog::setup::first_test;
use crate::core::person::due::{pending_morning, retest_due, today_local};
use crate::core::say::buttons;
use crate::core::say::buttons::SessionKey;
use chrono::{DateTime, Utc};

use crate::core::ask;
use crate::core::ask::session::{easier_for, exercise_reply, hurt_choice, pain_reply};
use crate::core::dialog::setup::needs_program;
use crate::core::dialog::symptoms::{held, open_symptom_check};
use crate::core::event::{Event, PainWhen};
use crate::core::person::run::{RunStep, SessionRun};
use crate::core::person::{Dialog, Person};
use crate::core::read::action::Action;
use crate::core::read::answers::parse_pain;
use crate::core::rules::catalog::{self, ExerciseId};
use crate::core::rules::program::{Outcome, Planned, SessionRecord, minutes};
use crate::core::rules::progression::Trigger;
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::transition::{Transition, Write};
use crate::core::values::input::Input;

/// /today: the morning score if one is owed, the monthly re-test offer, then the session.
pub fn today(mut person: Person, now: DateTime<Utc>) -> Transition {
    if person.dialog.reports_signs() {
        // Warning signs wait for their confirmation: that comes before any drill.
        let question = ask::prompt(&person, now);
        return Transition::new_keep(person.lang).say_all(question);
    }
    if person.hold.is_some() {
        return held(person, now);
    }
    if person.program.is_none() {
        return needs_program(person, now);
    }
    if let Some(session) = pending_morning(&person, now) {
        person.dialog = Dialog::MorningPain {
            session: session.started_at,
            then_today: true,
        };
        let question = ask::prompt(&person, now);
        return Transition::save(person).say_all(question);
    }
    let today = today_local(&person, now);
    if person
        .sessions
        .last()
        .is_some_and(|s| s.local_date == today && s.completed_at.is_some())
    {
        person.dialog = Dialog::Idle;
        return saved(&person).say(Reply::new(Msg::SessionAlreadyDone));
    }
    if retest_due(&person, now) {
        person.dialog = Dialog::OfferRetest;
        let question = ask::prompt(&person, now);
        return Transition::save(person).say_all(question);
    }
    start(person, now)
}

pub use crate::core::person::due::todays_plan;

fn start(mut person: Person, now: DateTime<Utc>) -> Transition {
    if person.hold.is_some() {
        return held(person, now);
    }
    let mut t = Transition::new_keep(person.lang);
    if let Some(verdict) = decide(&person, Trigger::Return, now) {
        t = apply(t, &mut person, verdict, Trigger::Return, now);
    }
    let Some(program) = person.program.clone() else {
        return t;
    };
    let plan = todays_plan(&person);
    if plan.is_empty() {
        return resave(t, person.clone()).say(Reply::new(Msg::TryAgainLater));
    }
    let record = SessionRecord {
        started_at: now,
        local_date: today_local(&person, now),
        track: program.track,
        position: program.position,
        plan: plan.clone(),
        outcomes: Vec::new(),
        stopped_early: false,
        completed_at: None,
        pain_during: None,
        pain_morning: None,
        morning_skipped: false,
    };
    let names = plan
        .iter()
        .map(|p| Msg::Bullet(Box::new(Msg::ExerciseName(p.exercise))))
        .collect();
    let intro = Reply::new(Msg::SessionIntro {
        phase: i64::from(program.position.phase.number()),
        level: i64::from(program.position.level),
        count: plan.len() as i64,
        minutes: i64::from(minutes(&plan)),
    })
    .with(Msg::Lines(names))
    .with(Msg::SessionHowTo);
    let run = SessionRun {
        record,
        index: 0,
        step: RunStep::Exercise,
    };
    let first = exercise_reply(&run);
    person.dialog = Dialog::Session { run };
    let event = Event::SessionStarted {
        position: program.position,
        exercises: plan.iter().map(|p| p.exercise).collect(),
        minutes: minutes(&plan),
    };
    resave(t, person).say(intro).say(first).event(event)
}

/// The exercise at the run's index: name, dose, how, muscles, buttons.
/// Reads a tap (by its code) or, where a number is asked, a typed pain score.
pub(crate) enum Answer {
    Key(SessionKey),
    Pain(u8),
    /// A button of another question.
    Other,
}

pub(crate) fn read(input: &Input, numbers: bool) -> Result<Answer, Msg> {
    match input {
        Input::Button(data) => match Action::decode(data) {
            Some(Action::Choose(code)) => match code.strip_prefix('p').map(str::parse::<u8>) {
                Some(Ok(n)) if numbers && n <= 10 => Ok(Answer::Pain(n)),
                _ => Ok(SessionKey::from_code(&code).map_or(Answer::Other, Answer::Key)),
            },
            _ => Err(Msg::ButtonExpired),
        },
        Input::Text(text) if numbers => parse_pain(text)
            .map(|p| Answer::Pain(p.value()))
            .map_err(|e| Msg::retry_for(e, Msg::PainNotUnderstood)),
        Input::Text(text) => typed_outcome(text)
            .map(Answer::Key)
            .ok_or(Msg::TapAnOutcome),
        _ => Err(if numbers {
            Msg::PainNotUnderstood
        } else {
            Msg::TapAnOutcome
        }),
    }
}

/// An outcome typed instead of tapped: `done`, `too easy`, `too hard`, `hurts`, `skip`,
/// in English or German.
fn typed_outcome(text: &str) -> Option<SessionKey> {
    let words: String = text
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let code = match words.as_str() {
        "done" | "ok" | "okay" | "finished" | "erledigt" | "fertig" | "geschafft" => {
            SessionKey::Done
        }
        "too easy" | "easy" | "zu leicht" | "leicht" => SessionKey::TooEasy,
        "too hard" | "hard" | "zu schwer" | "schwer" => SessionKey::TooHard,
        "it hurts" | "hurts" | "pain" | "ouch" | "tut weh" | "schmerzt" | "schmerz" => {
            SessionKey::Hurts
        }
        "skip" | "next" | "überspringen" | "weiter" | "skip this one" | "diese überspringen" => {
            SessionKey::Skip
        }
        "stop" | "stop for today" | "aufhören" | "für heute aufhören" => SessionKey::Stop,
        w if w.starts_with("something else") || w.starts_with("etwas anderes") => {
            SessionKey::Symptoms
        }
        // "My knee hurts", "tut weh beim Drehen": the same as the button.
        w if crate::core::read::talk::read(w) == Some(crate::core::read::talk::Talk::Hurts) => {
            SessionKey::Hurts
        }
        _ => return None,
    };
    Some(code)
}

/// An answer during a session.
pub fn answer(
    mut person: Person,
    mut run: SessionRun,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let numbers = matches!(run.step, RunStep::HurtScore | RunStep::Pain);
    let answer = match read(input, numbers) {
        Ok(answer) => answer,
        // After "it hurts" the choices are others than an exercise's.
        Err(Msg::TapAnOutcome) if matches!(run.step, RunStep::HurtChoice { .. }) => {
            return Transition::retry(&person, Msg::ChoiceNotUnderstood);
        }
        Err(msg) => return Transition::retry(&person, msg),
    };
    let current = run.record.plan.get(run.index).map(|p| p.exercise);
    match (run.step, answer) {
        (RunStep::Exercise, Answer::Key(key)) => {
            let outcome = match key {
                SessionKey::Done => Outcome::Done,
                SessionKey::TooEasy => Outcome::TooEasy,
                SessionKey::TooHard => Outcome::TooHard,
                SessionKey::Skip => Outcome::Skipped,
                SessionKey::Hurts => {
                    run.step = RunStep::HurtScore;
                    let ask = pain_reply(Msg::AskHurtScore);
                    person.dialog = Dialog::Session { run };
                    return Transition::save(person).say(ask);
                }
                _ => return Transition::expired(&person),
            };
            record_outcome(person, run, outcome, current, now)
        }
        (RunStep::HurtScore, Answer::Pain(score)) => {
            let mut t =
                Transition::new_keep(person.lang).event(exercise_event(current, Outcome::Hurt));
            run.record.outcomes.push(Outcome::Hurt);
            if score > crate::core::rules::assessment::HIGH_PAIN {
                // Over 5 is high (Ageberg 2010): stop the session, whatever else.
                run.record.stopped_early = true;
                t.replies.push(Reply::new(Msg::StopHighPain {
                    score: i64::from(score),
                }));
                return finish(t, person, run, score, now);
            }
            run.step = RunStep::HurtChoice { score };
            let ask = hurt_choice(&person, &run, score);
            person.dialog = Dialog::Session { run };
            resave(t, person).say(ask)
        }
        (RunStep::HurtChoice { .. }, Answer::Key(key)) => match key {
            SessionKey::Easier => {
                let Some(easier) = easier_for(&person, &run) else {
                    return Transition::expired(&person);
                };
                let level = run.record.position.level;
                run.record.plan.insert(
                    run.index + 1,
                    Planned {
                        exercise: easier,
                        dose: catalog::exercise(easier).dose(level),
                    },
                );
                next_exercise(Transition::new_keep(person.lang), person, run, now)
            }
            SessionKey::Skip => next_exercise(Transition::new_keep(person.lang), person, run, now),
            SessionKey::Symptoms => {
                // Swelling, locking…: the session ends here with the pain just given,
                // and the symptom check follows (a red flag there holds the program).
                let RunStep::HurtChoice { score } = run.step else {
                    return Transition::expired(&person);
                };
                // Kept as cut short, with the pain given, but not as a session done.
                let mut record = run.record;
                record.stopped_early = true;
                record.pain_during = Some(score);
                let t = Transition::new_keep(person.lang)
                    .event(exercise_event(current, Outcome::Hurt))
                    .write(Write::Session(record.clone()));
                person.sessions.push(record);
                let question = open_symptom_check(&mut person);
                resave(t, person).say(question)
            }
            SessionKey::Stop => {
                run.record.stopped_early = true;
                run.step = RunStep::Pain;
                person.dialog = Dialog::Session { run };
                Transition::save(person).say(pain_reply(Msg::AskSessionPain))
            }
            _ => Transition::expired(&person),
        },
        (RunStep::Pain, Answer::Pain(score)) => {
            finish(Transition::new_keep(person.lang), person, run, score, now)
        }
        _ => Transition::expired(&person),
    }
}

fn exercise_event(exercise: Option<ExerciseId>, outcome: Outcome) -> Event {
    Event::ExerciseDone { exercise, outcome }
}

fn record_outcome(
    person: Person,
    mut run: SessionRun,
    outcome: Outcome,
    current: Option<ExerciseId>,
    now: DateTime<Utc>,
) -> Transition {
    run.record.outcomes.push(outcome);
    let t = Transition::new_keep(person.lang).event(exercise_event(current, outcome));
    next_exercise(t, person, run, now)
}

fn next_exercise(
    t: Transition,
    mut person: Person,
    mut run: SessionRun,
    _now: DateTime<Utc>,
) -> Transition {
    run.index += 1;
    if run.index < run.record.plan.len() {
        run.step = RunStep::Exercise;
        let reply = exercise_reply(&run);
        person.dialog = Dialog::Session { run };
        return resave(t, person).say(reply);
    }
    run.step = RunStep::Pain;
    // Praise only for work done: a session of skips ends without it.
    let end = if run.record.outcomes.iter().any(|o| o.counts_as_done()) {
        Msg::SessionWellDone
    } else {
        Msg::SessionOver
    };
    person.dialog = Dialog::Session { run };
    resave(t, person).say(pain_reply(Msg::AskSessionPain).with_first(end))
}

/// The session is over with this pain score: keep it, and decide at once if it hurt too much.
fn finish(
    mut t: Transition,
    mut person: Person,
    run: SessionRun,
    score: u8,
    now: DateTime<Utc>,
) -> Transition {
    let mut record = run.record;
    record.completed_at = Some(now);
    record.pain_during = Some(score);
    let done = record.outcomes.iter().filter(|o| o.as_prescribed()).count();
    t.events.push(Event::SessionCompleted {
        done: done as u32,
        planned: record.plan.len() as u32,
        stopped_early: record.stopped_early,
    });
    t.events.push(Event::PainReported {
        when: PainWhen::Session,
        score,
    });
    t.writes.push(Write::Session(record.clone()));
    person.sessions.push(record);
    person.dialog = Dialog::Idle;
    match decide(&person, Trigger::SessionEnd, now) {
        Some(verdict) => {
            t = apply(t, &mut person, verdict, Trigger::SessionEnd, now);
            resave(t, person)
        }
        None => {
            t.replies.push(Reply::new(Msg::SessionSaved {
                score: i64::from(score),
            }));
            resave(t, person)
        }
    }
}

/// The monthly re-test offer before a session.
pub fn retest_offer_answer(mut person: Person, input: &Input, now: DateTime<Utc>) -> Transition {
    let choice = match Transition::yes_or_no(&person, input, &buttons::RETEST) {
        Ok(choice) => choice,
        Err(refused) => return refused,
    };
    match choice {
        true => first_test(person, true),
        false => {
            person.dialog = Dialog::Idle;
            start(person, now)
        }
    }
}
