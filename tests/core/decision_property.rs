//! One session never produces two decisions, however the clock moves: random weeks of
//! sessions (pain, outcomes), morning scores given late, skipped or never, through the
//! pure core. Each session's decisions (at its end and on its morning) are counted; only
//! the stop rule, which is safety, may follow another decision on the same session.
//! And a step easier at the gentlest level records nothing.

use crate::support::answers;
use crate::support::chat;

use chat::Chat;
use chrono::Duration;
use hipcoach::core::rules::program::Position;
use hipcoach::core::rules::progression::{Decision, Rule};
use hipcoach::core::{Dialog, Input, Write};
use proptest::prelude::*;

/// Through consent, Berlin, the intake and the tests of answers.rs: a program at 1.2.
fn onboarded() -> Chat {
    let mut chat = Chat::new("2026-11-23T08:00:00Z");
    chat.say("/start");
    chat.send(Input::Button("c:y".into()));
    chat.say("Berlin");
    chat.send(Input::Button("z:y".into()));
    for a in answers::INTAKE_AND_TESTS {
        chat.say(a);
    }
    chat
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
        let mut chat = onboarded();
        chat.now = "2026-11-23T17:00:00Z".parse().unwrap();
        for d in days {
            chat.now += Duration::days(d.gap) + Duration::minutes(30);
            if chat.person().hold.is_some() {
                break;
            }
            chat.say("/today");
            if matches!(chat.dialog(), Dialog::MorningPain { .. }) {
                chat.code("skip");
                chat.say("/today");
            }
            if !matches!(chat.dialog(), Dialog::Session { .. }) {
                continue;
            }
            for _ in 0..6 {
                if matches!(&chat.dialog(), Dialog::Session { run } if run.index < run.record.plan.len()
                    && run.step == hipcoach::core::person::run::RunStep::Exercise)
                {
                    chat.send(Input::Button(d.outcome.into()));
                }
            }
            chat.say(&d.during.to_string());
            let mut on_this = decisions(&chat.writes);
            if let Some((score, hours)) = d.morning {
                let evening = chat.now;
                chat.now += Duration::hours(hours);
                chat.say(&score.to_string());
                on_this.extend(decisions(&chat.writes));
                chat.now = evening;
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
