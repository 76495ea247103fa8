//! The daily drill session, the pain scores after it and the next morning, and the
//! decisions they lead to. Pure, like the rest of the core.

use chrono::{DateTime, Duration, NaiveDate, Utc};

use crate::core::ask;
use crate::core::ask::session::{easier_for, exercise_reply, hurt_choice, pain_reply};
use crate::core::dialog::setup::needs_program;
use crate::core::dialog::symptoms::{held, open_symptom_check};
use crate::core::person::hold;
use crate::core::person::run::{RunStep, SessionRun};
use crate::core::person::{Dialog, Person};
use crate::core::read::action::Action;
use crate::core::read::action::two_way;
use crate::core::read::answers::parse_pain;
use crate::core::rules::assessment::{Assessment, TestAnswers, TestStep, Track};
use crate::core::rules::catalog::{self, ExerciseId};
use crate::core::rules::program::{
    Outcome, Planned, Program, SessionRecord, minutes, plan_session,
};
use crate::core::rules::progression::{self, Decision, Facts, Rule, Trigger, Verdict};
use crate::core::rules::safety::HoldCause;
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::transition::{Persist, Transition, Write};
use crate::core::values::event::Event;
use crate::core::values::input::Input;

/// How long a morning score is still asked for after a session (ours).
const MORNING_WINDOW_DAYS: i64 = 2;
/// The re-test is offered every four weeks (seed 002: re-measure monthly; coaching.md:
/// a weekly re-test measures mostly noise). /assess measures any time.
pub const RETEST_DAYS: i64 = 28;

pub(crate) fn today_local(person: &Person, now: DateTime<Utc>) -> NaiveDate {
    person
        .zone
        .map(|z| z.local(now).date())
        .unwrap_or_else(|| now.date_naive())
}

/// The session waiting for a morning score now, if any: the latest one, from an earlier
/// local day within the window, without a morning score.
pub fn pending_morning(person: &Person, now: DateTime<Utc>) -> Option<&SessionRecord> {
    let last = person.sessions.last()?;
    let today = today_local(person, now);
    // A session from before a professional's check is not asked about afterwards.
    let before_check = person
        .profile
        .cleared_at
        .is_some_and(|c| last.started_at <= c);
    (last.pain_morning.is_none()
        && !last.morning_skipped
        && !before_check
        && last.local_date < today
        && today - last.local_date <= Duration::days(MORNING_WINDOW_DAYS))
    .then_some(last)
}

/// Whether /today should offer the monthly re-test first.
fn retest_due(person: &Person, now: DateTime<Utc>) -> bool {
    // The latest test, even one that measured nothing: it was the month's re-test.
    let latest = person
        .history
        .ranges
        .last()
        .map(|r| r.taken_at)
        .max(person.history.last.as_ref().map(|a| a.taken_at));
    latest.is_some_and(|at| now - at >= Duration::days(RETEST_DAYS))
}

/// Facts for a decision, from the person's record. Nothing is decided while a hold
/// stands, and after a professional's check only the sessions since count.
fn decide(person: &Person, trigger: Trigger, now: DateTime<Utc>) -> Option<Verdict> {
    if person.hold.is_some() {
        return None;
    }
    let program = person.program.as_ref()?;
    let since_check = person
        .sessions
        .partition_point(|s| Some(s.started_at) <= person.profile.cleared_at);
    progression::decide(
        trigger,
        &Facts {
            program,
            sessions: &person.sessions[since_check..],
            ranges: &person.history.ranges,
            usual_pain: person.profile.usual_pain.map(|p| p.value()).unwrap_or(0),
            training_days: person.profile.training_days,
            today: today_local(person, now),
            since_date: today_local(person, program.since),
            now,
        },
    )
}

/// Applies a verdict: moves the program, records it, says why in one or two sentences.
fn apply(
    mut t: Transition,
    person: &mut Person,
    verdict: Verdict,
    trigger: Trigger,
    now: DateTime<Utc>,
) -> Transition {
    let Some(program) = person.program.as_mut() else {
        return t;
    };
    let decided = person.sessions.last().map(|s| s.started_at);
    let counts_from = match (trigger, decided) {
        (Trigger::SessionEnd | Trigger::Morning, Some(started)) => started + Duration::seconds(1),
        _ => now,
    };
    if verdict.decision == Decision::Regress && verdict.to == verdict.from {
        // Already at the gentlest step: say so, and record no decision that changes
        // nothing; this session has had its say (not again the next morning).
        program.since = counts_from;
        t.replies
            .push(Reply::new(Msg::GentlestAlready { rule: verdict.rule }));
        return t;
    }
    if verdict.to != verdict.from {
        if verdict.to.phase != verdict.from.phase {
            program.phase_since = now;
        }
        program.position = verdict.to;
        // The sessions that count start after this one: a session whose end or morning
        // moved the program never moves it again, even when its end, its morning and the
        // decision share one instant (a virtual clock). A session about to start (the
        // break rule) or a re-test counts from now.
        program.since = counts_from;
    }
    let mut reply = Reply::new(Msg::Decided {
        rule: verdict.rule,
        phase: i64::from(verdict.to.phase.number()),
        level: i64::from(verdict.to.level),
    });
    if verdict.decision == Decision::Stop {
        hold::hold(person, HoldCause::RepeatedPain, Vec::new(), now);
        reply = reply.with(Msg::ProgramStoppedComeBack);
    }
    t.writes.push(Write::Decision { verdict, at: now });
    t.events.push(Event::ProgressionDecided {
        decision: <&str>::from(verdict.decision).to_string(),
        from: verdict.from.code(),
        to: verdict.to.code(),
        rule: verdict.rule.id().to_string(),
    });
    t.replies.push(reply);
    t
}

/// A transition that saves the person, built after every change to them is made.
fn saved(person: &Person) -> Transition {
    Transition::save(person.clone())
}

/// Re-saves the person into a transition built earlier (after `apply` changed them).
fn resave(mut t: Transition, person: Person) -> Transition {
    t.persist = Persist::Save(Box::new(person));
    t
}

/// /today: the morning score if one is owed, the monthly re-test offer, then the session.
pub fn today(mut person: Person, now: DateTime<Utc>, offer_retest: bool) -> Transition {
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
    if offer_retest && retest_due(&person, now) {
        person.dialog = Dialog::OfferRetest;
        let question = ask::prompt(&person, now);
        return Transition::save(person).say_all(question);
    }
    start(person, now)
}

/// Today's plan for the person as they stand: what /today would start.
pub fn todays_plan(person: &Person) -> Vec<Planned> {
    let Some(program) = &person.program else {
        return Vec::new();
    };
    let equipment = person.profile.equipment.clone().unwrap_or_default();
    plan_session(
        program.track,
        program.position,
        &equipment,
        person.sessions.len(),
    )
}

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
        phase: program.position.phase.number(),
        level: program.position.level,
        exercises: plan.iter().map(|p| p.exercise.code().to_string()).collect(),
        minutes: minutes(&plan),
    };
    resave(t, person).say(intro).say(first).event(event)
}

/// The exercise at the run's index: name, dose, how, muscles, buttons.
/// Reads a tap (by its code) or, where a number is asked, a typed pain score.
enum Answer {
    Code(String),
    Pain(u8),
}

fn read(input: &Input, numbers: bool) -> Result<Answer, Msg> {
    match input {
        Input::Button(data) => match Action::decode(data) {
            Some(Action::Choose(code)) => match code.strip_prefix('p').map(str::parse::<u8>) {
                Some(Ok(n)) if numbers && n <= 10 => Ok(Answer::Pain(n)),
                _ => Ok(Answer::Code(code)),
            },
            _ => Err(Msg::ButtonExpired),
        },
        Input::Text(text) if numbers => parse_pain(text)
            .map(|p| Answer::Pain(p.value()))
            .map_err(|_| Msg::PainNotUnderstood),
        Input::Text(text) => typed_outcome(text)
            .map(|code| Answer::Code(code.to_string()))
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
fn typed_outcome(text: &str) -> Option<&'static str> {
    let words: String = text
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect();
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let code = match words.as_str() {
        "done" | "ok" | "okay" | "finished" | "erledigt" | "fertig" | "geschafft" => "done",
        "too easy" | "easy" | "zu leicht" | "leicht" => "too_easy",
        "too hard" | "hard" | "zu schwer" | "schwer" => "too_hard",
        "it hurts" | "hurts" | "pain" | "ouch" | "tut weh" | "schmerzt" | "schmerz" => "hurts",
        "skip" | "next" | "überspringen" | "weiter" | "skip this one" | "diese überspringen" => {
            "skip"
        }
        "stop" | "stop for today" | "aufhören" | "für heute aufhören" => "stop",
        w if w.starts_with("something else") || w.starts_with("etwas anderes") => "symptoms",
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
        (RunStep::Exercise, Answer::Code(code)) => {
            let outcome = match code.as_str() {
                "done" => Outcome::Done,
                "too_easy" => Outcome::TooEasy,
                "too_hard" => Outcome::TooHard,
                "skip" => Outcome::Skipped,
                "hurts" => {
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
        (RunStep::HurtChoice { .. }, Answer::Code(code)) => match code.as_str() {
            "easier" => {
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
            "skip" => next_exercise(Transition::new_keep(person.lang), person, run, now),
            "symptoms" => {
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
            "stop" => {
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
    Event::ExerciseDone {
        exercise: exercise.map(|e| e.code().to_string()).unwrap_or_default(),
        outcome: <&str>::from(outcome).to_string(),
    }
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
    person.dialog = Dialog::Session { run };
    resave(t, person).say(pain_reply(Msg::AskSessionPain).with_first(Msg::SessionWellDone))
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
        when: "session".into(),
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

/// The next morning's score (or "skip").
pub fn morning_answer(
    mut person: Person,
    session: DateTime<Utc>,
    then_today: bool,
    input: &Input,
    now: DateTime<Utc>,
) -> Transition {
    let score = match read(input, true) {
        Ok(Answer::Pain(score)) => Some(score),
        Ok(Answer::Code(code)) if code == "skip" => None,
        Ok(Answer::Code(_)) => return Transition::expired(&person),
        Err(msg) => return Transition::retry(&person, msg),
    };
    person.dialog = Dialog::Idle;
    let t = morning(person, session, score, now);
    let held = matches!(&t.persist, Persist::Save(p) if p.hold.is_some());
    if !then_today || held {
        // A morning that stopped the program ends here: the referral stands alone.
        return t;
    }
    let Persist::Save(person) = t.persist.clone() else {
        return t;
    };
    let mut next = today(*person, now, true);
    let mut replies = t.replies;
    replies.append(&mut next.replies);
    next.replies = replies;
    let mut events = t.events;
    events.append(&mut next.events);
    next.events = events;
    let mut writes = t.writes;
    writes.append(&mut next.writes);
    next.writes = writes;
    next
}

/// Records the morning score for a session and decides.
fn morning(
    mut person: Person,
    session: DateTime<Utc>,
    score: Option<u8>,
    now: DateTime<Utc>,
) -> Transition {
    let mut t = Transition::new_keep(person.lang);
    if let Some(record) = person.sessions.iter_mut().find(|s| s.started_at == session) {
        record.pain_morning = score;
        record.morning_skipped = score.is_none();
        if let Some(score) = score {
            t.events.push(Event::PainReported {
                when: "morning".into(),
                score,
            });
        }
        t.writes.push(Write::Session(record.clone()));
    }
    let thanks = match score {
        Some(_) => Msg::MorningThanks,
        None => Msg::MorningSkipped,
    };
    if let Some(verdict) = decide(&person, Trigger::Morning, now) {
        t = apply(t, &mut person, verdict, Trigger::Morning, now);
    }
    // One message: the thanks, then the decision and why.
    match t.replies.first_mut() {
        Some(first) => first.parts.insert(0, thanks),
        None => t.replies.push(Reply::new(thanks)),
    }
    resave(t, person)
}

/// A bare number while nothing is asked: the morning score, if one is owed.
pub fn idle_number(person: &Person, text: &str, now: DateTime<Utc>) -> Option<Transition> {
    let session = pending_morning(person, now)?.started_at;
    let score = parse_pain(text).ok()?;
    Some(morning(person.clone(), session, Some(score.value()), now))
}

/// The monthly re-test offer before a session.
pub fn retest_offer_answer(mut person: Person, input: &Input, now: DateTime<Utc>) -> Transition {
    let Some(choice) = two_way(input, "retest", "session") else {
        return Transition::expired(&person);
    };
    match choice {
        Some(true) => {
            person.dialog = Dialog::Test {
                test: TestStep::first(),
                answers: TestAnswers::new(),
                retest: true,
            };
            let mut first = ask::selftest::ask(TestStep::first());
            first.parts.insert(0, Msg::TestsIntro);
            Transition::save(person).say(first)
        }
        Some(false) => {
            person.dialog = Dialog::Idle;
            start(person, now)
        }
        None => Transition::retry(&person, Msg::ChoiceNotUnderstood),
    }
}

/// After the self-tests: start the program from the first result without red flags; after
/// a re-test, see whether the phase may move on.
pub fn after_assessment(
    t: Transition,
    mut person: Person,
    result: &Assessment,
    now: DateTime<Utc>,
) -> Transition {
    if !result.red_flags.is_empty() {
        hold::hold(
            &mut person,
            HoldCause::TestPain,
            result.red_flags.clone(),
            now,
        );
        return resave(t, person);
    }
    let (track, level) = match (result.track, result.level) {
        (Some(track), Some(level)) => (track, level),
        // Nothing measured at a first test: the common case, gently (ours; seeds 000–002
        // are about too little inward rotation, the common pattern of desk workers).
        (None, Some(level)) if result.measured_nothing() && person.program.is_none() => {
            (Track::LimitedInternalRotation, level)
        }
        // A re-test that measured nothing concludes nothing.
        (None, Some(_)) => {
            let Some(p) = &person.program else {
                return resave(t, person);
            };
            let keeps = Msg::RetestKeeps {
                phase: i64::from(p.position.phase.number()),
                level: i64::from(p.position.level),
            };
            return resave(t, person).say(Reply::new(keeps));
        }
        _ => return resave(t, person),
    };
    let Some(program) = person.program.clone() else {
        person.program = Some(Program::start(track, level, now));
        return resave(t, person).say(Reply::new(Msg::ProgramStarted {
            level: i64::from(level),
        }));
    };
    let from = program.position;
    let trigger = Trigger::Retest { track, level };
    // A re-test that measured nothing concludes nothing: the program stays as it is.
    let verdict = if result.measured_nothing() {
        None
    } else {
        decide(&person, trigger, now)
    };
    match verdict {
        Some(verdict) => {
            if verdict.rule == Rule::RetestTrack {
                person.program = Some(Program::start(track, level, now));
                if let Some(p) = person.program.as_mut() {
                    p.started_at = program.started_at;
                }
            }
            let t = apply(t, &mut person, verdict, trigger, now);
            resave(t, person)
        }
        None => resave(t, person).say(Reply::new(Msg::RetestKeeps {
            phase: i64::from(from.phase.number()),
            level: i64::from(from.level),
        })),
    }
}

/// A program stopped by a safety rule resumes after the person says they were checked:
/// one level easier than where it stopped (ours: start back gently).
pub fn resume_program(person: &mut Person, now: DateTime<Utc>) -> bool {
    let Some(program) = person.program.as_mut() else {
        return false;
    };
    program.position = program.position.easier();
    program.since = now;
    true
}
