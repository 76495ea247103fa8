//! Simulated people over weeks through the console (`--json`, a virtual clock, a real
//! SQLite file, the real delivery of reminders on `:wait`): a red flag on day 9 stops
//! every drill and reminder in the same minute; a professional's check resumes one level
//! easier; a painful re-test holds; someone cleared is not stopped again by the sessions
//! from before the check.

use crate::support::answers;
use crate::support::sim;

use chrono::{Duration, NaiveDate};
use serde_json::Value;
use sim::{Sim, events, texts};

/// Day 0 is Monday 2026-01-05 (Berlin, UTC+1).
fn date(day: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 5).unwrap() + Duration::days(day)
}

fn at(day: i64, hh_mm_utc: &str) -> String {
    format!("{}T{hh_mm_utc}:00Z", date(day))
}

/// Consent, Berlin, the intake (Mon–Fri 9–17, drills at 18:00) and the tests: 1.2.
async fn onboard() -> Sim {
    let mut sim = Sim::start(&at(-1, "08:00")).await;
    sim.say("/start").await;
    sim.tap("Yes, that's okay").await;
    sim.say("Berlin").await;
    sim.tap("Yes").await;
    for answer in answers::INTAKE_AND_TESTS {
        sim.say(answer).await;
    }
    sim
}

/// 18:00 Berlin: /today, every exercise done, this pain; the next morning's score at
/// 08:30 Berlin.
async fn session(sim: &mut Sim, day: i64, during: u8, morning: u8) -> Vec<Value> {
    let mut out = sim.at(&at(day, "17:00")).await;
    out.extend(sim.say("/today").await);
    if texts(&out)
        .last()
        .is_some_and(|t| t.contains("How do your hip and knee feel today"))
    {
        out.extend(sim.say(&morning.to_string()).await);
        if events(&out, "session_started").is_empty() {
            out.extend(sim.say("/today").await);
        }
    }
    let mut guard = 0;
    while sim.has_button("✅ Done") {
        out.extend(sim.tap("✅ Done").await);
        guard += 1;
        assert!(guard < 10);
    }
    out.extend(sim.say(&during.to_string()).await);
    out.extend(sim.at(&at(day + 1, "07:30")).await);
    if texts(&out)
        .last()
        .is_some_and(|t| t.contains("How do your hip and knee feel today"))
    {
        out.extend(sim.say(&morning.to_string()).await);
    }
    out
}

fn sent(printed: &[Value]) -> Vec<String> {
    events(printed, "reminder_sent")
        .iter()
        .map(|e| e["kind"].as_str().unwrap().to_string())
        .collect()
}

fn decisions(printed: &[Value]) -> Vec<String> {
    events(printed, "progression_decided")
        .iter()
        .map(|e| e["rule"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn a_red_flag_on_day_9_stops_every_drill_then_a_check_resumes_one_level_easier() {
    let mut sim = onboard().await;
    let mut before = Vec::new();
    for day in 0..9 {
        before.extend(session(&mut sim, day, 1, 1).await);
    }
    assert!(
        sent(&before).iter().any(|k| k == "movement_break"),
        "breaks ran before: {:?}",
        sent(&before)
    );
    let level_before = events(&before, "session_started").last().unwrap()["level"]
        .as_u64()
        .unwrap();

    // Day 9, 10:30 Berlin: a sign named in a message, confirmed.
    sim.at(&at(9, "09:30")).await;
    let out = sim
        .say("my knee is swollen and locked up this morning")
        .await;
    assert!(texts(&out)[0].contains("Swelling"), "{:?}", texts(&out));
    let out = sim.tap("Yes").await;
    assert_eq!(events(&out, "red_flags_reported").len(), 1, "{out:?}");

    // Three days of the virtual clock: not one reminder of any kind, no session.
    let out = sim.line(":wait 3d").await;
    assert!(
        sent(&out).is_empty(),
        "reminders under a hold: {:?}",
        sent(&out)
    );
    let out = sim.say("/today").await;
    assert!(events(&out, "session_started").is_empty());
    assert!(
        sim.has_button("Yes, I've been checked"),
        "{:?}",
        sim.buttons
    );
    let out = sim.say("/reminders").await;
    assert!(texts(&out)[0].contains("paused"), "{:?}", texts(&out));

    // The check: one level easier, and reminders come back.
    sim.tap("Yes, I've been checked").await;
    let out = sim.say("/today").await;
    let started = events(&out, "session_started");
    assert_eq!(started.len(), 1, "{:?}", texts(&out));
    assert_eq!(started[0]["level"].as_u64().unwrap(), level_before - 1);
    // Saturday now: from Monday, breaks and the training-day reminders come back.
    let out = sim.line(":wait 3d").await;
    assert!(!sent(&out).is_empty(), "reminders again after the check");
}

#[tokio::test]
async fn a_painful_retest_holds_until_a_check() {
    let mut sim = onboard().await;
    session(&mut sim, 0, 1, 1).await;
    sim.at(&at(1, "17:00")).await;
    sim.say("/assess").await;
    for answer in
        &answers::INTAKE_AND_TESTS[answers::INTAKE_LEN..answers::INTAKE_AND_TESTS.len() - 1]
    {
        sim.say(answer).await;
    }
    let out = sim.say("7").await;
    assert!(
        texts(&out).iter().any(|t| t.contains("hurt a lot (7/10)")),
        "{:?}",
        texts(&out)
    );
    let out = sim.line(":wait 2d").await;
    assert!(sent(&out).is_empty(), "{:?}", sent(&out));
    let out = sim.say("/today").await;
    assert!(events(&out, "session_started").is_empty());
}

#[tokio::test]
async fn after_the_check_the_old_sessions_do_not_stop_it_again() {
    let mut sim = onboard().await;
    let mut out = session(&mut sim, 0, 7, 6).await;
    out.extend(session(&mut sim, 1, 7, 6).await);
    assert!(
        decisions(&out).contains(&"stop_repeated_severe".to_string()),
        "{:?}",
        decisions(&out)
    );
    let quiet = sim.line(":wait 2d").await;
    assert!(sent(&quiet).is_empty(), "{:?}", sent(&quiet));
    sim.say("/today").await;
    sim.tap("Yes, I've been checked").await;
    // Three easy days after the check, within two weeks of the two bad sessions.
    let mut after = Vec::new();
    for day in 4..7 {
        after.extend(session(&mut sim, day, 1, 1).await);
    }
    assert_eq!(events(&after, "session_started").len(), 3);
    assert!(
        !decisions(&after).contains(&"stop_repeated_severe".to_string()),
        "{:?}",
        decisions(&after)
    );
}

#[tokio::test]
async fn the_safety_question_keeps_its_ticks_through_commands_and_wants_none_said() {
    let mut sim = Sim::start(&at(-1, "08:00")).await;
    sim.say("/start").await;
    sim.tap("Yes, that's okay").await;
    sim.say("Berlin").await;
    sim.tap("Yes").await;
    for answer in &answers::intake()[..answers::INTAKE_LEN - 1] {
        sim.say(answer).await;
    }
    // Done with nothing ticked is not "none of these".
    let out = sim.tap("Done").await;
    assert!(events(&out, "assessment_completed").is_empty(), "{out:?}");
    assert!(sim.has_button("None of these"), "{:?}", sim.buttons);
    // Two ticks, then commands in between; the ticks stay.
    sim.tap("Swelling in the knee or hip").await;
    sim.tap("The knee locks or gives way").await;
    for command in ["/help", "/today", "/profile"] {
        sim.say(command).await;
    }
    assert!(
        sim.has_button("✓ Swelling in the knee or hip"),
        "{:?}",
        sim.buttons
    );
    let out = sim.tap("Done").await;
    let done = events(&out, "assessment_completed");
    assert_eq!(done.len(), 1, "{out:?}");
    assert_eq!(
        done[0]["red_flags"],
        serde_json::json!(["swelling", "locking_or_giving_way"])
    );
    // And from then on: nothing, for days.
    let quiet = sim.line(":wait 4d").await;
    assert!(sent(&quiet).is_empty(), "{:?}", sent(&quiet));
}
