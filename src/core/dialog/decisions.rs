//! Progression decisions carried out: the rules (`rules::progression`) decide; this applies
//! the verdict to the program, records it and says why.

use crate::core::event::Event;
use crate::core::person::Person;
use crate::core::person::due::today_local;
use crate::core::person::hold;
use crate::core::person::recent::Decided;
use crate::core::rules::assessment::{Assessment, Track};
use crate::core::rules::program::Program;
use crate::core::rules::progression::{self, Decision, Facts, Rule, Trigger, Verdict};
use crate::core::rules::safety::HoldCause;
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::transition::{Persist, Transition, Write};
use chrono::{DateTime, Duration, Utc};

/// Facts for a decision, from the person's record. Nothing is decided while a hold
/// stands, and after a professional's check only the sessions since count.
pub(crate) fn decide(person: &Person, trigger: Trigger, now: DateTime<Utc>) -> Option<Verdict> {
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
pub(crate) fn apply(
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
    person.recent.decisions.push(Decided {
        at: now,
        rule: verdict.rule,
        phase: verdict.to.phase.number(),
        level: verdict.to.level,
    });
    t.writes.push(Write::Decision { verdict, at: now });
    t.events.push(Event::ProgressionDecided {
        decision: verdict.decision,
        from: verdict.from,
        to: verdict.to,
        rule: verdict.rule,
    });
    t.replies.push(reply);
    t
}

/// A transition that saves the person, built after every change to them is made.
pub(crate) fn saved(person: &Person) -> Transition {
    Transition::save(person.clone())
}

/// Re-saves the person into a transition built earlier (after `apply` changed them).
pub(crate) fn resave(mut t: Transition, person: Person) -> Transition {
    t.persist = Persist::Save(Box::new(person));
    t
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
        // The first session's length, from the same estimate /today shows.
        let minutes =
            crate::core::rules::program::minutes(&crate::core::person::due::todays_plan(&person));
        return resave(t, person).say(Reply::new(Msg::ProgramStarted {
            level: i64::from(level),
            minutes: i64::from(minutes),
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
