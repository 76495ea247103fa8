//! Reminders through the console (`--json`, a virtual clock, a real SQLite file): a week
//! of movement breaks and daily-session reminders across the spring-forward day in
//! London, the break buttons, a restart mid-day, and the commands that change the
//! schedule.
//!
//! The console's person is user 1, whose breaks come 289 s after each slot (the spread),
//! so a 10:00 slot is sent at 10:04:49 and reported as local time "10:04". London is UTC
//! until Sunday 29 March 2026 01:00 UTC, then UTC+1.

use crate::support::sim;

use serde_json::Value;
use sim::{Sim, events, texts};

/// Consent, time zone, the intake with these working hours, lunch, drill time and
/// training days, and the self-tests (a program at level 2), all at `clock`.
async fn onboard(clock: &str, zone: &str, work: &str, lunch: &str, drill: &str, days: &str) -> Sim {
    let mut sim = Sim::start(clock).await;
    sim.say("/start").await;
    sim.tap("Yes, that's okay").await;
    sim.say(zone).await;
    let out = sim.tap("Yes").await;
    assert_eq!(events(&out, "timezone_set").len(), 1, "{out:?}");
    for answer in [
        "34",
        "desk work",
        "8",
        work,
        lunch,
        drill,
        days,
        "left knee",
        "1",
        "band",
        "none",
        "25",
        "28",
    ] {
        sim.say(answer).await;
    }
    for _ in 0..4 {
        sim.tap("Skip").await;
    }
    sim.tap("Outward").await;
    sim.tap("Yes").await;
    sim.tap("Yes").await;
    let out = sim.say("0").await;
    assert_eq!(
        events(&out, "assessment_completed")[0]["level"],
        2,
        "{out:?}"
    );
    sim
}

/// The person of most tests: London, Mon–Fri 9–17, lunch 12:30–13:30, drills at 18:00
/// every day (so the drills' reminder comes daily), onboarded on Wednesday 25 March 2026
/// at 07:00 (GMT).
async fn londoner() -> Sim {
    onboard(
        "2026-03-25T07:00:00Z",
        "London",
        "mon-fri 9-17",
        "12:30-13:30",
        "18:00",
        "every day",
    )
    .await
}

/// Every reminder sent among printed lines: (kind, local time, instant).
fn sent(printed: &[Value]) -> Vec<(String, String, String)> {
    events(printed, "reminder_sent")
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_string(),
                e["local_time"].as_str().unwrap().to_string(),
                e["at"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The local times of the movement breaks sent.
fn break_times(printed: &[Value]) -> Vec<String> {
    sent(printed)
        .into_iter()
        .filter(|(kind, ..)| kind == "movement_break")
        .map(|(_, local, _)| local)
        .collect()
}

/// The buttons answered among printed lines: (kind, button).
fn answered(printed: &[Value]) -> Vec<(String, String)> {
    events(printed, "reminder_answered")
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap().to_string(),
                e["button"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn row(kind: &str, local: &str, at: &str) -> (String, String, String) {
    (kind.to_string(), local.to_string(), at.to_string())
}

/// The one message printed, as text.
fn only_text(printed: &[Value]) -> String {
    let texts = texts(printed);
    assert_eq!(texts.len(), 1, "{texts:?}");
    texts[0].clone()
}

/// Rows written to `break_answers` (the adherence record), read from the SQLite file.
async fn break_answers(sim: &Sim) -> i64 {
    let pool = sqlx::SqlitePool::connect(&sim.db).await.unwrap();
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM break_answers WHERE user_id = 1")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

const EXPIRED: &str = "That button belongs to an earlier question.";

/// The slots of a working day, as sent: 10, 11, 12, (13:00 is lunch), 14, 15, 16; 17:00 is
/// the end. `utc_hour_offset` is London's offset that day.
fn working_day(day: &str, utc_hour_offset: u32) -> Vec<(String, String, String)> {
    [10, 11, 12, 14, 15, 16]
        .iter()
        .map(|hour| {
            row(
                "movement_break",
                &format!("{hour:02}:04"),
                &format!("{day}T{:02}:04:49Z", hour - utc_hour_offset),
            )
        })
        .collect()
}

#[tokio::test]
async fn a_week_across_the_spring_forward_keeps_the_local_slots() {
    let mut sim = londoner().await;
    let days = [
        "2026-03-25",
        "2026-03-26",
        "2026-03-27",
        "2026-03-28",
        "2026-03-29",
        "2026-03-30",
        "2026-03-31",
    ];
    let mut all = Vec::new();
    for day in days {
        // :at to noon UTC, then :wait to midnight UTC.
        all.extend(sim.at(&format!("{day}T12:00:00Z")).await);
        all.extend(sim.line(":wait 12h").await);
    }

    let daily = |day: &str, utc: &str| row("daily_session", "18:00", &format!("{day}T{utc}Z"));
    let mut expected = Vec::new();
    // Wed–Fri in GMT: local = UTC.
    for day in ["2026-03-25", "2026-03-26", "2026-03-27"] {
        expected.extend(working_day(day, 0));
        if day == "2026-03-27" {
            // The week in review: the end of work on Friday, the last working day.
            expected.push(row("weekly_review", "17:00", "2026-03-27T17:00:00Z"));
        }
        expected.push(daily(day, "18:00:00"));
    }
    // The weekend: no movement breaks; the drills still come at 18:00 local, which is
    // 17:00 UTC from Sunday (the day of the change).
    expected.push(daily("2026-03-28", "18:00:00"));
    expected.push(daily("2026-03-29", "17:00:00"));
    // Mon–Tue in BST: the same local slots, an hour earlier in UTC.
    for day in ["2026-03-30", "2026-03-31"] {
        expected.extend(working_day(day, 1));
        expected.push(daily(day, "17:00:00"));
    }
    assert_eq!(sent(&all), expected);

    // Spelled out: the 10:04 break is 10:04:49 UTC before the change, 09:04:49 after.
    let ten = |d: &str| {
        sent(&all)
            .into_iter()
            .find(|(k, l, at)| k == "movement_break" && l == "10:04" && at.starts_with(d))
            .map(|(.., at)| at)
    };
    assert_eq!(ten("2026-03-27").as_deref(), Some("2026-03-27T10:04:49Z"));
    assert_eq!(ten("2026-03-30").as_deref(), Some("2026-03-30T09:04:49Z"));

    // Every break message came with its five buttons, and nothing else was said.
    let break_messages = all
        .iter()
        .filter(|v| v["type"] == "message")
        .filter(|v| v["text"].as_str().unwrap().starts_with("Time to move!"))
        .count();
    // The first break of the fourth working day, all ignored before, asks instead
    // whether to come less often.
    assert_eq!(break_messages, 5 * 6 - 1);
    let asked = all
        .iter()
        .filter(|v| v["type"] == "message")
        .filter(|v| {
            v["text"]
                .as_str()
                .unwrap()
                .contains("Shall I come less often?")
        })
        .count();
    assert_eq!(asked, 1);
    // Five working days of breaks (one of them the question), seven drills and Friday's
    // week in review.
    assert_eq!(texts(&all).len(), 5 * 6 + 7 + 1, "{:?}", texts(&all));
    assert!(events(&all, "reminder_answered").is_empty());
}

#[tokio::test]
async fn break_buttons_done_snooze_meeting_skip_and_stale_presses() {
    let mut sim = londoner().await;

    // Wednesday goes by; Thursday 26 March (GMT). 10:04:49: the break, with its four
    // buttons.
    sim.at("2026-03-26T00:00:00Z").await;
    let out = sim.at("2026-03-26T10:05:00Z").await;
    assert_eq!(break_times(&out), ["10:04"]);
    assert_eq!(
        sim.buttons,
        [
            "✅ Done",
            "Snooze 15 min",
            "In a meeting",
            "Skip",
            "🚶 I already moved"
        ]
    );
    let out = sim.tap("✅ Done").await;
    assert_eq!(only_text(&out), "Nice, well done! 👍");
    assert_eq!(answered(&out), [("movement_break".into(), "done".into())]);
    assert_eq!(break_answers(&sim).await, 1);

    // Pressed twice: refused politely, nothing recorded.
    let out = sim.tap("✅ Done").await;
    assert_eq!(texts(&out)[0], EXPIRED);
    assert!(answered(&out).is_empty());
    assert_eq!(break_answers(&sim).await, 1);
    let out = sim.tap("Skip").await;
    assert_eq!(
        texts(&out)[0],
        EXPIRED,
        "another button of the answered break"
    );
    assert!(answered(&out).is_empty());

    // 11:04:49, pressed at 11:06: snoozed to 11:21, which replaces the slot.
    let out = sim.at("2026-03-26T11:06:00Z").await;
    assert_eq!(break_times(&out), ["11:04"]);
    let out = sim.tap("Snooze 15 min").await;
    assert_eq!(only_text(&out), "I'll remind you again in 15 minutes.");
    assert_eq!(answered(&out), [("movement_break".into(), "snooze".into())]);
    let out = sim.say("/reminders").await;
    assert!(
        only_text(&out).contains("Thu 26 Mar, 11:21 · movement break"),
        "{out:?}"
    );
    let out = sim.at("2026-03-26T11:30:00Z").await;
    assert_eq!(
        sent(&out),
        [row("movement_break", "11:21", "2026-03-26T11:21:00Z")]
    );

    // 12:04:49, "in a meeting": the next one (14:04; 13:00 is lunch) is skipped.
    let out = sim.at("2026-03-26T12:06:00Z").await;
    assert_eq!(break_times(&out), ["12:04"]);
    let out = sim.tap("In a meeting").await;
    assert_eq!(
        only_text(&out),
        "Good luck with the meeting. I'll skip the next break."
    );
    assert_eq!(
        answered(&out),
        [("movement_break".into(), "meeting".into())]
    );
    let out = sim.at("2026-03-26T15:06:00Z").await;
    assert_eq!(
        sent(&out),
        [row("movement_break", "15:04", "2026-03-26T15:04:49Z")]
    );

    // Skip.
    let out = sim.tap("Skip").await;
    assert_eq!(only_text(&out), "No problem. Until the next one.");
    assert_eq!(answered(&out), [("movement_break".into(), "skip".into())]);
    assert_eq!(break_answers(&sim).await, 4);

    // 16:04:49, the last of the day, left unanswered until its time is over (an hour and
    // a quarter): the press is refused and nothing is recorded.
    let out = sim.at("2026-03-26T17:20:00Z").await;
    assert_eq!(break_times(&out), ["16:04"]);
    let out = sim.tap("✅ Done").await;
    assert_eq!(texts(&out)[0], EXPIRED);
    assert!(answered(&out).is_empty());
    assert_eq!(break_answers(&sim).await, 4);

    // Friday: the 10:04 break left unanswered; when 11:04 came, the buttons answer the
    // latest break (11:04) once, and the next press is refused.
    let out = sim.at("2026-03-27T11:05:00Z").await;
    assert_eq!(break_times(&out), ["10:04", "11:04"]);
    let out = sim.tap("✅ Done").await;
    assert_eq!(answered(&out), [("movement_break".into(), "done".into())]);
    let out = sim.tap("✅ Done").await;
    assert_eq!(texts(&out)[0], EXPIRED);
    assert!(answered(&out).is_empty());
    assert_eq!(break_answers(&sim).await, 5);

    // The daily reminder's buttons: "Not today".
    let out = sim.at("2026-03-27T18:01:00Z").await;
    assert_eq!(
        sent(&out)
            .into_iter()
            .filter(|(k, ..)| k == "daily_session")
            .collect::<Vec<_>>(),
        [row("daily_session", "18:00", "2026-03-27T18:00:00Z")]
    );
    assert_eq!(sim.buttons, ["Start", "Not today"]);
    let out = sim.tap("Not today").await;
    assert_eq!(
        answered(&out),
        [("daily_session".into(), "not_today".into())]
    );
}

#[tokio::test]
async fn a_restart_sends_nothing_twice_catches_up_a_recent_daily_and_drops_stale_breaks() {
    let mut sim = londoner().await;
    let mut all = Vec::new();

    // Wednesday goes by; Thursday 26 March (GMT). The 10:04 break, then a restart at 10:30.
    sim.at("2026-03-26T00:00:00Z").await;
    all.extend(sim.at("2026-03-26T10:10:00Z").await);
    sim.restart("2026-03-26T10:30:00Z").await;
    let out = sim.line(":wait 0s").await;
    assert!(sent(&out).is_empty(), "the 10:04 break again: {out:?}");
    let out = sim.at("2026-03-26T11:10:00Z").await;
    assert_eq!(break_times(&out), ["11:04"]);
    all.extend(out);

    // Down from 11:10 to 13:50: the 12:04 break is stale and dropped, not sent late.
    sim.restart("2026-03-26T13:50:00Z").await;
    let out = sim.at("2026-03-26T13:50:00Z").await;
    assert!(sent(&out).is_empty(), "a stale break was sent: {out:?}");
    let out = sim.at("2026-03-26T14:10:00Z").await;
    assert_eq!(break_times(&out), ["14:04"]);
    all.extend(out);

    // Down from 14:10 to 15:12: the 15:04 break is 7 minutes old, within its 10 minutes:
    // sent once, late.
    sim.restart("2026-03-26T15:12:00Z").await;
    let out = sim.at("2026-03-26T15:12:00Z").await;
    assert_eq!(
        sent(&out),
        [row("movement_break", "15:04", "2026-03-26T15:12:00Z")]
    );
    all.extend(out);
    all.extend(sim.at("2026-03-26T16:10:00Z").await);

    // Down from 16:10 to 20:30: the 18:00 drills are 2.5 hours late, within the three
    // hours: sent once at 20:30.
    sim.restart("2026-03-26T20:30:00Z").await;
    let out = sim.at("2026-03-26T20:30:00Z").await;
    assert_eq!(
        sent(&out),
        [row("daily_session", "18:00", "2026-03-26T20:30:00Z")]
    );
    all.extend(out);
    all.extend(sim.at("2026-03-26T23:00:00Z").await);
    sim.restart("2026-03-26T23:00:00Z").await;
    all.extend(sim.at("2026-03-27T00:00:00Z").await);

    // Friday: up until 17:50, then down to 21:30: the 18:00 drills are 3.5 hours late
    // and not sent; Saturday's come as usual.
    all.extend(sim.at("2026-03-27T17:50:00Z").await);
    sim.restart("2026-03-27T21:30:00Z").await;
    let out = sim.at("2026-03-27T21:30:00Z").await;
    assert!(sent(&out).is_empty(), "drills 3.5 h late: {out:?}");
    all.extend(sim.at("2026-03-28T19:00:00Z").await);

    let mut expected = vec![
        row("movement_break", "10:04", "2026-03-26T10:04:49Z"),
        row("movement_break", "11:04", "2026-03-26T11:04:49Z"),
        row("movement_break", "14:04", "2026-03-26T14:04:49Z"),
        row("movement_break", "15:04", "2026-03-26T15:12:00Z"),
        row("movement_break", "16:04", "2026-03-26T16:04:49Z"),
        row("daily_session", "18:00", "2026-03-26T20:30:00Z"),
    ];
    expected.extend(working_day("2026-03-27", 0));
    // The week in review at the end of Friday's work (up then).
    expected.push(row("weekly_review", "17:00", "2026-03-27T17:00:00Z"));
    expected.push(row("daily_session", "18:00", "2026-03-28T18:00:00Z"));
    assert_eq!(sent(&all), expected);
    // Across the whole log (restarts included), no reminder twice.
    let log = sent(&sim.log);
    let mut seen = std::collections::HashSet::new();
    for (kind, local, at) in &log {
        assert!(
            seen.insert((kind.clone(), at[..10].to_string(), local.clone())),
            "{kind} {local} on {} sent twice",
            &at[..10]
        );
    }
}

#[tokio::test]
async fn pause_and_resume_change_the_list_and_what_arrives() {
    let mut sim = londoner().await;

    // Wednesday 25 March, 09:30 (GMT): /pause 2h.
    sim.at("2026-03-25T09:30:00Z").await;
    let out = sim.say("/pause 2h").await;
    assert_eq!(
        only_text(&out),
        "Paused. I'll be back on Wed 25 Mar, 11:30 (your time). /resume turns me on earlier."
    );
    assert_eq!(events(&out, "profile_updated")[0]["field"], "pause");
    let list = only_text(&sim.say("/reminders").await);
    assert!(list.contains("Paused until Wed 25 Mar, 11:30."), "{list}");
    assert!(
        list.contains("Wed 25 Mar, 12:04 · movement break"),
        "{list}"
    );
    assert!(
        list.contains("Wed 25 Mar, 18:00 · today's drills"),
        "{list}"
    );
    let out = sim.at("2026-03-25T13:00:00Z").await;
    assert_eq!(break_times(&out), ["12:04"], "10:04 and 11:04 were paused");

    // Something not understood changes nothing.
    let out = sim.say("/pause soon").await;
    assert!(
        only_text(&out).starts_with("I didn't get how long."),
        "{out:?}"
    );
    assert!(events(&out, "profile_updated").is_empty());

    // /pause until friday, on a Wednesday: back on Friday at 00:00.
    let out = sim.say("/pause until friday").await;
    assert_eq!(
        only_text(&out),
        "Paused. I'll be back on Fri 27 Mar, 00:00 (your time). /resume turns me on earlier."
    );
    let list = only_text(&sim.say("/reminders").await);
    assert!(list.contains("Paused until Fri 27 Mar, 00:00."), "{list}");
    assert!(
        list.contains("Fri 27 Mar, 10:04 · movement break"),
        "{list}"
    );
    assert!(
        list.contains("Fri 27 Mar, 18:00 · today's drills"),
        "{list}"
    );
    let out = sim.at("2026-03-26T12:00:00Z").await;
    assert!(sent(&out).is_empty(), "sent while paused: {out:?}");

    // /resume on Thursday at noon: the rest of Thursday comes.
    let out = sim.say("/resume").await;
    assert_eq!(only_text(&out), "Reminders are on again.");
    let list = only_text(&sim.say("/reminders").await);
    assert!(!list.contains("Paused"), "{list}");
    assert!(
        list.contains("Thu 26 Mar, 12:04 · movement break"),
        "{list}"
    );
    assert!(
        list.contains("Thu 26 Mar, 18:00 · today's drills"),
        "{list}"
    );
    let out = sim.at("2026-03-26T19:00:00Z").await;
    assert_eq!(
        sent(&out),
        [
            row("movement_break", "12:04", "2026-03-26T12:04:49Z"),
            row("movement_break", "14:04", "2026-03-26T14:04:49Z"),
            row("movement_break", "15:04", "2026-03-26T15:04:49Z"),
            row("movement_break", "16:04", "2026-03-26T16:04:49Z"),
            row("daily_session", "18:00", "2026-03-26T18:00:00Z"),
        ]
    );

    // Paused on Thursday evening until Friday: Friday's first break arrives on time.
    sim.say("/pause until friday").await;
    let out = sim.at("2026-03-27T10:30:00Z").await;
    assert_eq!(
        sent(&out),
        [row("movement_break", "10:04", "2026-03-27T10:04:49Z")]
    );
}

#[tokio::test]
async fn quiet_hours_hold_back_what_falls_in_them() {
    // Works 05:00–14:00, drills at 22:30.
    let mut sim = onboard(
        "2026-03-25T04:00:00Z",
        "London",
        "mon-fri 05:00-14:00",
        "12:30-13:30",
        "22:30",
        "every day",
    )
    .await;
    let list = only_text(&sim.say("/reminders").await);
    assert!(
        list.contains("Wed 25 Mar, 06:04 · movement break"),
        "{list}"
    );
    assert!(
        list.contains("Wed 25 Mar, 22:30 · today's drills"),
        "{list}"
    );

    // The drills at 22:30 fall in them: said, with the offer to move them.
    let out = sim.say("/quiet 22:00-07:00").await;
    let said = texts(&out);
    assert_eq!(
        said[0],
        "Quiet hours: 22:00 to 07:00. I won't send reminders then."
    );
    assert!(
        said[1].starts_with("Heads-up: your drills are at 22:30"),
        "{said:?}"
    );
    assert_eq!(said.len(), 2);
    assert_eq!(events(&out, "profile_updated")[0]["field"], "quiet_hours");
    let list = only_text(&sim.say("/reminders").await);
    assert!(
        list.contains("Wed 25 Mar, 07:04 · movement break"),
        "{list}"
    );
    assert!(!list.contains("today's drills"), "{list}");

    // A day: 06:00 is quiet, 13:00 is lunch; the drills at 22:30 are quiet.
    let out = sim.at("2026-03-25T23:00:00Z").await;
    assert_eq!(
        break_times(&out),
        ["07:04", "08:04", "09:04", "10:04", "11:04", "12:04"]
    );
    assert!(
        sent(&out).iter().all(|(kind, ..)| kind == "movement_break"),
        "{:?}",
        sent(&out)
    );

    let out = sim.say("/quiet off").await;
    assert_eq!(only_text(&out), "Quiet hours are off.");
    let list = only_text(&sim.say("/reminders").await);
    assert!(
        list.contains("Thu 26 Mar, 06:04 · movement break"),
        "{list}"
    );
    assert!(
        list.contains("Thu 26 Mar, 22:30 · today's drills"),
        "{list}"
    );
    let out = sim.at("2026-03-26T23:00:00Z").await;
    assert_eq!(
        break_times(&out),
        [
            "06:04", "07:04", "08:04", "09:04", "10:04", "11:04", "12:04"
        ]
    );
    assert_eq!(
        sent(&out).last(),
        Some(&row("daily_session", "22:30", "2026-03-26T22:30:00Z"))
    );
}

#[tokio::test]
async fn breaks_every_90_minutes() {
    let mut sim = londoner().await;
    sim.at("2026-03-26T08:00:00Z").await;
    let out = sim.say("/breaks 90").await;
    assert_eq!(
        only_text(&out),
        "Movement breaks every 90 minutes during work."
    );
    assert_eq!(
        events(&out, "profile_updated")[0]["field"],
        "break_interval"
    );
    let list = only_text(&sim.say("/reminders").await);
    assert!(
        list.contains("Thu 26 Mar, 10:34 · movement break"),
        "{list}"
    );

    // Out of range: explained, nothing changes.
    let out = sim.say("/breaks 20").await;
    assert_eq!(
        only_text(&out),
        "20 minutes is shorter than I go: choose 30 to 120, e.g. /breaks 45."
    );
    assert!(events(&out, "profile_updated").is_empty());

    // 10:30, 12:00, 13:30 (lunch ends at 13:30), 15:00, 16:30.
    let out = sim.at("2026-03-26T17:00:00Z").await;
    assert_eq!(
        break_times(&out),
        ["10:34", "12:04", "13:34", "15:04", "16:34"]
    );
}

#[tokio::test]
async fn a_new_time_zone_or_new_working_hours_reschedule_at_once() {
    let mut sim = londoner().await;
    // Thursday 26 March, 08:00 in London.
    sim.at("2026-03-26T08:00:00Z").await;
    let list = only_text(&sim.say("/reminders").await);
    assert!(
        list.contains("Thu 26 Mar, 10:04 · movement break"),
        "{list}"
    );

    // Off to New York (EDT, UTC-4, since 8 March): it is 04:00 there.
    sim.say("/timezone").await;
    sim.say("New York").await;
    let out = sim.tap("Yes").await;
    assert_eq!(events(&out, "timezone_set")[0]["tz"], "America/New_York");
    let list = only_text(&sim.say("/reminders").await);
    assert!(
        list.contains("Thu 26 Mar, 10:04 · movement break"),
        "{list}"
    );
    assert!(
        list.contains("Thu 26 Mar, 18:00 · today's drills"),
        "{list}"
    );
    // Nothing at London's 10:04–12:04; the first break at 10:04 New York time.
    let out = sim.at("2026-03-26T14:10:00Z").await;
    assert_eq!(
        sent(&out),
        [row("movement_break", "10:04", "2026-03-26T14:04:49Z")]
    );

    // New working hours, 13:00–18:00, from /settings: the next break is 14:04.
    sim.say("/settings").await;
    sim.tap("Working hours").await;
    let out = sim.say("mon-fri 13-18").await;
    assert_eq!(only_text(&out), "Working hours saved: Mon–Fri 13:00–18:00");
    assert_eq!(events(&out, "profile_updated")[0]["field"], "working_hours");
    let list = only_text(&sim.say("/reminders").await);
    assert!(
        list.contains("Thu 26 Mar, 14:04 · movement break"),
        "{list}"
    );
    let out = sim.at("2026-03-26T22:30:00Z").await;
    assert_eq!(
        sent(&out),
        [
            row("movement_break", "14:04", "2026-03-26T18:04:49Z"),
            row("movement_break", "15:04", "2026-03-26T19:04:49Z"),
            row("movement_break", "16:04", "2026-03-26T20:04:49Z"),
            row("movement_break", "17:04", "2026-03-26T21:04:49Z"),
            row("daily_session", "18:00", "2026-03-26T22:00:00Z"),
        ]
    );
}

#[tokio::test]
async fn no_drills_reminder_after_today_s_session_and_the_morning_check_in_follows() {
    let mut sim = londoner().await;
    sim.at("2026-03-26T00:00:00Z").await;
    // Thursday 17:00: today's session, done before the 18:00 reminder.
    sim.at("2026-03-26T17:00:00Z").await;
    let out = sim.say("/today").await;
    assert_eq!(events(&out, "session_started").len(), 1, "{out:?}");
    let mut guard = 0;
    while sim.has_button("✅ Done") {
        sim.tap("✅ Done").await;
        guard += 1;
        assert!(guard < 10, "too many exercises");
    }
    let out = sim.say("1").await;
    assert_eq!(events(&out, "pain_reported")[0]["when"], "session");
    let list = only_text(&sim.say("/reminders").await);
    assert!(
        list.contains("Fri 27 Mar, 09:00 · morning check-in"),
        "{list}"
    );

    // 18:00 passes in silence: the session is done.
    let out = sim.at("2026-03-26T23:00:00Z").await;
    assert!(sent(&out).is_empty(), "{:?}", sent(&out));
    assert!(texts(&out).is_empty(), "{:?}", texts(&out));

    // Friday 09:00, the start of work: the morning question, then the day as usual.
    let out = sim.at("2026-03-27T09:30:00Z").await;
    assert_eq!(
        sent(&out),
        [row("morning_checkin", "09:00", "2026-03-27T09:00:00Z")]
    );
    let out = sim.say("1").await;
    assert_eq!(events(&out, "pain_reported")[0]["when"], "morning");
    let out = sim.at("2026-03-27T18:30:00Z").await;
    let mut expected = working_day("2026-03-27", 0);
    expected.push(row("weekly_review", "17:00", "2026-03-27T17:00:00Z"));
    expected.push(row("daily_session", "18:00", "2026-03-27T18:00:00Z"));
    assert_eq!(sent(&out), expected);
}

#[tokio::test]
async fn a_long_pause_ends_and_reminders_come_back() {
    {
        let mut sim = londoner().await;
        let out = sim.say("/pause until 2026-04-10").await;
        assert!(only_text(&out).contains("Fri 10 Apr, 00:00"), "{out:?}");
        let list = only_text(&sim.say("/reminders").await);
        assert!(
            list.contains("Fri 10 Apr, 10:04 · movement break"),
            "{list}"
        );
        let out = sim.at("2026-04-10T12:00:00Z").await;
        assert_eq!(
            sent(&out),
            [
                row("movement_break", "10:04", "2026-04-10T09:04:49Z"),
                row("movement_break", "11:04", "2026-04-10T10:04:49Z"),
                row("movement_break", "12:04", "2026-04-10T11:04:49Z"),
            ]
        );
    }
}

#[tokio::test]
async fn a_pause_after_a_snooze_holds_the_snoozed_break() {
    {
        let mut sim = londoner().await;
        sim.at("2026-03-26T10:05:00Z").await;
        sim.tap("Snooze 15 min").await;
        sim.say("/pause 2h").await;
        let out = sim.at("2026-03-26T12:06:00Z").await;
        assert!(sent(&out).is_empty(), "sent while paused: {:?}", sent(&out));
    }
}

#[tokio::test]
async fn the_drills_reminder_comes_only_on_the_training_days_over_two_weeks() {
    // The londoner's hours, training Mon, Wed and Fri; two weeks from Wednesday 25 March,
    // across the change to BST on Sunday 29 March.
    let mut sim = onboard(
        "2026-03-25T07:00:00Z",
        "London",
        "mon-fri 9-17",
        "12:30-13:30",
        "18:00",
        "mon wed fri",
    )
    .await;
    let mut all = Vec::new();
    let mut lists = Vec::new();
    for day in 25..=31 {
        let day = format!("2026-03-{day}");
        all.extend(sim.at(&format!("{day}T12:00:00Z")).await);
        lists.push(only_text(&sim.say("/reminders").await));
        all.extend(sim.line(":wait 12h").await);
    }
    for day in 1..=7 {
        all.extend(sim.at(&format!("2026-04-{day:02}T12:00:00Z")).await);
        all.extend(sim.line(":wait 12h").await);
    }
    let daily: Vec<_> = sent(&all)
        .into_iter()
        .filter(|(kind, ..)| kind == "daily_session")
        .collect();
    let at = |at: &str| row("daily_session", "18:00", at);
    assert_eq!(
        daily,
        [
            at("2026-03-25T18:00:00Z"), // Wed, GMT
            at("2026-03-27T18:00:00Z"), // Fri
            at("2026-03-30T17:00:00Z"), // Mon, BST
            at("2026-04-01T17:00:00Z"), // Wed
            at("2026-04-03T17:00:00Z"), // Fri
            at("2026-04-06T17:00:00Z"), // Mon
        ]
    );
    // The movement breaks keep to the working days: ten of them, six breaks each.
    assert_eq!(break_times(&all).len(), 10 * 6);
    // /reminders on Thursday names Friday's drills; on Saturday, Monday's.
    assert!(
        lists[1].contains("Fri 27 Mar, 18:00 · today's drills"),
        "{}",
        lists[1]
    );
    assert!(
        lists[3].contains("Mon 30 Mar, 18:00 · today's drills"),
        "{}",
        lists[3]
    );
}
