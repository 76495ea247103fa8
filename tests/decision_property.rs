//! One session never produces two decisions, however the clock moves: random weeks of
//! sessions (pain, outcomes), morning scores given late, skipped or never, through the
//! pure core. Each session's decisions (at its end and on its morning) are counted; only
//! the stop rule, which is safety, may follow another decision on the same session.
//! And a step easier at the gentlest level records nothing.

#[path = "support/answers.rs"]
mod answers;

use chrono::{DateTime, Duration, Utc};
use hipcoach::core::program::Position;
use hipcoach::core::progression::{Decision, Rule};
use hipcoach::core::{Dialog, Incoming, Input, Lang, Persist, Person, Write, step};
use proptest::prelude::*;

fn send(person: &mut Person, input: Input, now: DateTime<Utc>) -> Vec<Write> {
    let t = step(
        Some(person.clone()),
        &Incoming {
            user: 1,
            lang: Lang::En,
            input,
        },
        now,
    );
    if let Persist::Save(p) = t.persist {
        *person = *p;
    }
    t.writes
}

fn onboarded() -> Person {
    let now: DateTime<Utc> = "2026-11-23T08:00:00Z".parse().unwrap();
    let t = |p: &mut Option<Person>, input: Input| {
        let t = step(
            p.clone(),
            &Incoming {
                user: 1,
                lang: Lang::En,
                input,
            },
            now,
        );
        if let Persist::Save(x) = t.persist {
            *p = Some(*x);
        }
    };
    let mut p = None;
    t(&mut p, Input::Text("/start".into()));
    t(&mut p, Input::Button("c:y".into()));
    t(&mut p, Input::Text("Berlin".into()));
    t(&mut p, Input::Button("z:y".into()));
    for a in answers::INTAKE_AND_TESTS {
        t(&mut p, Input::Text(a.into()));
    }
    p.expect("a person")
}

#[derive(Clone, Debug)]
struct Day {
    /// Days since the last one (0 = the same local day, later in the evening).
    gap: i64,
    outcome: &'static str,
    during: u8,
    /// The morning score, hours after the session: `None` never given.
    morning: Option<(u8, i64)>,
}

fn day() -> impl Strategy<Value = Day> {
    (
        prop_oneof![3 => Just(1i64), 1 => Just(0i64), 1 => 2i64..10],
        prop_oneof![
            Just("o:done"),
            Just("o:too_easy"),
            Just("o:too_hard"),
            Just("o:skip")
        ],
        prop_oneof![3 => 0u8..3, 1 => 3u8..11],
        prop::option::of((0u8..8, 10i64..40)),
    )
        .prop_map(|(gap, outcome, during, morning)| Day {
            gap,
            outcome,
            during,
            morning,
        })
}

fn decisions(writes: &[Write]) -> Vec<(Decision, Rule, Position, Position)> {
    writes
        .iter()
        .filter_map(|w| match w {
            Write::Decision { verdict, .. } => {
                Some((verdict.decision, verdict.rule, verdict.from, verdict.to))
            }
            _ => None,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn one_session_one_decision(days in prop::collection::vec(day(), 1..14)) {
        let mut person = onboarded();
        let mut now: DateTime<Utc> = "2026-11-23T17:00:00Z".parse().unwrap();
        for d in days {
            now += Duration::days(d.gap) + Duration::minutes(30);
            if person.hold.is_some() {
                break;
            }
            send(&mut person, Input::Text("/today".into()), now);
            if matches!(person.dialog, Dialog::MorningPain { .. }) {
                send(&mut person, Input::Button("o:skip".into()), now);
                send(&mut person, Input::Text("/today".into()), now);
            }
            if !matches!(person.dialog, Dialog::Session { .. }) {
                continue;
            }
            for _ in 0..6 {
                if matches!(&person.dialog, Dialog::Session { run } if run.index < run.record.plan.len()
                    && run.step == hipcoach::core::session::RunStep::Exercise)
                {
                    send(&mut person, Input::Button(d.outcome.into()), now);
                }
            }
            let mut on_this = decisions(&send(&mut person, Input::Text(d.during.to_string()), now));
            if let Some((score, hours)) = d.morning {
                let later = now + Duration::hours(hours);
                on_this.extend(decisions(&send(&mut person, Input::Text(score.to_string()), later)));
            }
            let others: Vec<_> = on_this.iter().filter(|x| x.0 != Decision::Stop).collect();
            prop_assert!(others.len() <= 1, "two decisions on one session: {:?}", on_this);
            for (decision, rule, from, to) in &on_this {
                if *decision == Decision::Regress {
                    prop_assert!(from != to, "{:?} recorded a step that changes nothing", rule);
                }
            }
        }
    }
}
