//! The safety hold through the pure core: once a red flag, a painful test, the stop rule or
//! an age under 18 holds the program, nothing prescribes a drill (no session, no session
//! reminder, no morning check-in, no movement break) until a professional's check lifts
//! it; after the check, only what came after counts. Re-tests count like the first test.

use crate::support::answers;
use crate::support::chat;

use chat::{Chat, ids};
use chrono::Duration;
use hipcoach::core::assessment::Track;
use hipcoach::core::schedule::{ReminderKind, next_all};
use hipcoach::core::{Dialog, Event, Input, Msg};

/// Consent and the Berlin time zone on Monday 2026-11-23, 08:00 UTC.
fn at_intake() -> Chat {
    let mut chat = Chat::new("2026-11-23T08:00:00Z");
    chat.say("/start");
    chat.send(Input::Button("c:y".into()));
    chat.say("Berlin");
    chat.send(Input::Button("z:y".into()));
    chat
}

/// Through the intake and tests of `answers.rs`: a program at 1.2 on the common track.
fn with_program() -> Chat {
    let mut chat = at_intake();
    for answer in answers::INTAKE_AND_TESTS {
        chat.say(answer);
    }
    assert_eq!(chat.person().program.as_ref().unwrap().position.level, 2);
    chat
}

/// The same person at 18:00 Berlin time, when the drills are due.
fn evening_with_program() -> Chat {
    let mut chat = with_program();
    chat.now = "2026-11-23T17:00:00Z".parse().unwrap();
    chat
}

/// Two sessions at 7/10 on two evenings: the stop rule holds the program.
fn stopped_by_pain() -> Chat {
    let mut chat = evening_with_program();
    session(&mut chat, 7);
    chat.now += Duration::days(1);
    session(&mut chat, 7);
    chat
}

/// Nothing any reminder kind could bring prescribes a drill, now or over the next days.
fn assert_no_drill_reminders(chat: &mut Chat) {
    let planned = next_all(chat.person(), chat.now);
    assert!(
        planned.is_empty(),
        "reminders planned under a hold: {planned:?}"
    );
    for kind in [
        ReminderKind::MovementBreak,
        ReminderKind::DailySession,
        ReminderKind::MorningCheckin,
    ] {
        let due = chat.now;
        let r = chat.send(Input::Reminder { kind, due });
        assert!(
            r.iter().all(|r| !r.prescribes_drill()),
            "{kind:?} under a hold: {:?}",
            ids(&r)
        );
    }
}

fn started(chat: &Chat) -> Vec<u8> {
    chat.events
        .iter()
        .filter_map(|e| match e {
            Event::SessionStarted { level, .. } => Some(*level),
            _ => None,
        })
        .collect()
}

/// /today, every exercise done, the pain score during; returns the level it ran at.
fn session(chat: &mut Chat, during: u8) -> u8 {
    let mut r = chat.say("/today");
    if matches!(chat.dialog(), Dialog::MorningPain { .. }) {
        // The morning score owed from the last session: as bad as the session was.
        r = chat.say(&during.to_string());
    }
    let level = *started(chat)
        .first()
        .unwrap_or_else(|| panic!("no session started: {:?}", ids(&r)));
    while matches!(chat.dialog(), Dialog::Session { ref run } if run.step == hipcoach::core::session::RunStep::Exercise)
    {
        chat.tap(Msg::OutcomeDone);
    }
    chat.say(&during.to_string());
    level
}

/// A re-test through /assess: seated degrees, prone skipped, feet outward, screens
/// passed, this test pain.
fn retest(chat: &mut Chat, left: &str, right: &str, pain: &str) -> Vec<hipcoach::core::Reply> {
    chat.say("/assess");
    chat.say(left);
    chat.say(right);
    for step in ["skip", "skip", "skip", "skip", "out", "yes", "yes"] {
        chat.say(step);
    }
    let mut r = chat.say(pain);
    // A re-test may ask for today's usual pain at the end.
    if matches!(chat.dialog(), Dialog::Test { .. }) {
        r = chat.say("1");
    }
    r
}

#[test]
fn a_red_flag_at_intake_holds_every_drill_and_every_break() {
    let mut chat = at_intake();
    // Everything but the red-flag screen, which comes last.
    for answer in &answers::intake()[..answers::INTAKE_LEN - 1] {
        chat.say(answer);
    }
    chat.code("locking_or_giving_way");
    chat.code("done");
    assert!(chat.person().hold.is_some(), "the screen holds the program");
    assert!(chat.person().program.is_none());
    // Two hours later, and on each of the next days at 11:00 Berlin time.
    for day in 0..3 {
        chat.now = "2026-11-23T10:00:00Z"
            .parse::<chrono::DateTime<chrono::Utc>>()
            .unwrap()
            + Duration::days(day);
        assert_no_drill_reminders(&mut chat);
        let r = chat.say("/today");
        assert!(started(&chat).is_empty(), "{:?}", ids(&r));
        assert!(r.iter().all(|r| !r.prescribes_drill()));
    }
}

#[test]
fn the_stop_rule_holds_every_drill_and_every_break() {
    let mut chat = stopped_by_pain();
    assert!(
        chat.events.iter().any(|e| matches!(e, Event::ProgressionDecided { rule, .. } if rule == "stop_repeated_severe")),
        "{:?}",
        chat.events
    );
    for _ in 0..3 {
        chat.now += Duration::hours(17);
        assert_no_drill_reminders(&mut chat);
        let r = chat.say("/today");
        assert!(started(&chat).is_empty(), "{:?}", ids(&r));
    }
}

#[test]
fn a_retest_that_hurts_holds_the_program() {
    let mut chat = with_program();
    chat.now += Duration::days(1);
    retest(&mut chat, "25", "28", "7");
    assert!(chat.person().hold.is_some());
    chat.now += Duration::days(1);
    assert_no_drill_reminders(&mut chat);
    let r = chat.say("/today");
    assert!(started(&chat).is_empty(), "{:?}", ids(&r));
    // /today, /progress, /reminders and /profile each say so.
    for command in ["/today", "/progress", "/reminders", "/profile"] {
        let r = chat.say(command);
        assert!(
            r.iter()
                .flat_map(|r| &r.parts)
                .any(|m| matches!(m, Msg::HoldNote { .. })),
            "{command}: {:?}",
            ids(&r)
        );
    }
}

#[test]
fn after_the_check_only_what_came_after_counts() {
    let mut chat = stopped_by_pain();
    assert!(chat.person().hold.is_some());
    chat.now += Duration::days(2);
    chat.say("/today");
    chat.tap(Msg::ClearedYes);
    assert!(chat.person().hold.is_none());
    let level = session(&mut chat, 1);
    assert_eq!(level, 1, "one level easier than where it stopped");
    assert!(
        chat.person().hold.is_none(),
        "the old sessions do not stop it again"
    );
    assert!(!chat.events.iter().any(
        |e| matches!(e, Event::ProgressionDecided { rule, .. } if rule == "stop_repeated_severe")
    ),);
}

#[test]
fn a_retest_sets_the_level_and_the_track() {
    let mut chat = with_program();
    chat.now += Duration::days(28);
    // The tests hurt a little (3/10): gently, level 1, as a first test would say.
    let r = retest(&mut chat, "25", "28", "3");
    let shown = chat::text(hipcoach::core::Lang::En, &r);
    assert!(shown.contains("level 1"), "{shown}");
    assert_eq!(chat.person().program.as_ref().unwrap().position.level, 1);
    chat.now += Duration::hours(9);
    assert_eq!(session(&mut chat, 1), 1, "/today follows the re-test");

    // A pattern that points to the other track switches the track.
    chat.now += Duration::days(28);
    chat.say("/assess");
    for step in [
        "skip", "skip", "60", "60", "20", "20", "in", "yes", "yes", "0",
    ] {
        chat.say(step);
    }
    if matches!(chat.dialog(), Dialog::Test { .. }) {
        chat.say("1");
    }
    assert_eq!(
        chat.person().program.as_ref().unwrap().track,
        Track::InternallyRotatedHip
    );
}

#[test]
fn a_big_drop_asks_what_happened() {
    let mut chat = at_intake();
    for answer in answers::intake() {
        chat.say(answer);
    }
    for step in [
        "40", "42", "skip", "skip", "skip", "skip", "out", "yes", "yes", "0",
    ] {
        chat.say(step);
    }
    assert!(chat.person().program.is_some());
    chat.now += Duration::days(7);
    let r = retest(&mut chat, "7", "40", "0");
    assert!(
        r.iter()
            .flat_map(|r| &r.parts)
            .any(|m| *m == Msg::RangeDropped),
        "{:?}",
        ids(&r)
    );
    assert!(matches!(chat.keyboard, hipcoach::core::Keyboard::Inline(_)));
    chat.tap(Msg::CheckSymptoms);
    assert!(
        matches!(chat.dialog(), Dialog::Ask { .. }),
        "the symptom check: {:?}",
        chat.dialog()
    );
}

#[test]
fn a_change_under_ten_degrees_is_no_real_change() {
    let mut chat = with_program();
    chat.now += Duration::days(28);
    let r = retest(&mut chat, "31", "28", "0");
    let shown = chat::text(hipcoach::core::Lang::En, &r);
    assert!(
        shown.contains("Left: +6° since the last test: no real change"),
        "{shown}"
    );
}

#[test]
fn under_eighteen_gets_a_referral_and_no_program() {
    let mut chat = at_intake();
    let r = chat.say("12");
    assert!(
        r.iter()
            .flat_map(|r| &r.parts)
            .any(|m| *m == Msg::MinorReferral),
        "{:?}",
        ids(&r)
    );
    assert!(chat.person().hold.is_some());
    // Whatever they do next, no tests, no program, no reminders.
    for text in ["/today", "/assess", "/start", "desk work", "/settings"] {
        let r = chat.say(text);
        assert!(
            r.iter().all(|r| !r.prescribes_drill()),
            "{text}: {:?}",
            ids(&r)
        );
        assert!(!matches!(chat.dialog(), Dialog::Test { .. }), "{text}");
    }
    assert!(chat.person().program.is_none());
    assert!(next_all(chat.person(), chat.now).is_empty());
}

#[test]
fn the_age_question_says_the_coach_is_for_adults() {
    let mut chat = Chat::new("2026-11-23T08:00:00Z");
    chat.say("/start");
    chat.send(Input::Button("c:y".into()));
    chat.say("Berlin");
    let r = chat.send(Input::Button("z:y".into()));
    let shown = chat::text(hipcoach::core::Lang::En, &r);
    assert!(shown.contains("adults"), "{shown}");
}

#[test]
fn all_tests_skipped_draw_no_conclusion() {
    let mut chat = at_intake();
    for answer in answers::intake() {
        chat.say(answer);
    }
    let mut r = Vec::new();
    for _ in 0..9 {
        r = chat.say("skip");
    }
    r.extend(chat.say("0"));
    let shown = chat::text(hipcoach::core::Lang::En, &r);
    assert!(!shown.contains("less than they could"), "{shown}");
    assert!(
        r.iter()
            .flat_map(|r| &r.parts)
            .any(|m| *m == Msg::ResultNothingMeasured),
        "{:?}",
        ids(&r)
    );
    assert_eq!(chat.person().program.as_ref().unwrap().position.level, 1);
}

#[test]
fn progress_compares_each_side_with_itself() {
    let mut chat = at_intake();
    for answer in answers::intake() {
        chat.say(answer);
    }
    // Left stiffer at first, right stiffer later: the stiffer side's "gain" would mix sides.
    for step in [
        "20", "35", "skip", "skip", "skip", "skip", "out", "yes", "yes", "0",
    ] {
        chat.say(step);
    }
    chat.now += Duration::days(28);
    retest(&mut chat, "36", "31", "0");
    let r = chat.say("/progress");
    let shown = chat::text(hipcoach::core::Lang::En, &r);
    // Left 20° → 36°, right 35° → 31°: each side with itself.
    assert!(
        shown.contains("Left: +16° since your first test, a real gain."),
        "{shown}"
    );
    assert!(
        shown.contains("Right: −4° since your first test: no real change yet"),
        "{shown}"
    );
}

#[test]
fn a_red_flag_named_in_a_message_is_confirmed_then_holds() {
    let mut chat = with_program();
    chat.now += Duration::days(16);
    let r = chat.say("my knee is swollen and locked up this morning");
    assert_eq!(ids(&r), [["confirm-flags", "lines", "confirm-flags-right"]]);
    assert!(
        chat.person().hold.is_none(),
        "nothing before the confirmation"
    );
    let r = chat.tap(Msg::Yes);
    assert!(ids(&r)[0].contains(&"red-flag-stop"), "{:?}", ids(&r));
    let hold = chat.person().hold.clone().expect("a hold");
    assert_eq!(
        hold.flags,
        [
            hipcoach::core::profile::RedFlag::Swelling,
            hipcoach::core::profile::RedFlag::LockingOrGivingWay
        ]
    );
    assert!(
        chat.events
            .iter()
            .any(|e| matches!(e, Event::RedFlagsReported { .. }))
    );
    assert_no_drill_reminders(&mut chat);
}

#[test]
fn a_red_flag_in_german_and_a_denial_are_told_apart() {
    let mut chat = with_program();
    chat.now += Duration::days(3);
    let r = chat.say("keine Schwellung, alles gut");
    assert!(!ids(&r)[0].contains(&"confirm-flags"), "{:?}", ids(&r));
    let r = chat.say("das Knie ist geschwollen");
    assert_eq!(ids(&r)[0][0], "confirm-flags");
    chat.say("ja");
    assert!(chat.person().hold.is_some());
}

#[test]
fn no_at_the_confirmation_changes_nothing() {
    let mut chat = with_program();
    chat.say("my leg went numb");
    let before = chat.person().clone();
    chat.tap(Msg::No);
    assert!(chat.person().hold.is_none());
    assert_eq!(chat.person().program, before.program);
    assert_eq!(chat.dialog(), Dialog::Idle);
}

#[test]
fn symptoms_command_ticks_then_holds() {
    let mut chat = with_program();
    let r = chat.say("/symptoms");
    assert_eq!(ids(&r)[0][..2], ["symptoms-intro", "ask-symptoms-now"]);
    chat.code("night_pain");
    chat.code("done");
    assert!(chat.person().hold.is_some());
    assert_no_drill_reminders(&mut chat);
    // "None of these" from the same check changes nothing.
    let mut chat = with_program();
    chat.say("/symptoms");
    let r = chat.code("none");
    assert_eq!(ids(&r), [["symptoms-none"]]);
    assert!(chat.person().hold.is_none());
}

#[test]
fn the_symptom_check_is_in_settings() {
    let mut chat = with_program();
    chat.say("/settings");
    let r = chat.code("red_flags");
    assert_eq!(ids(&r)[0][1], "ask-symptoms-now", "{:?}", ids(&r));
}

#[test]
fn something_else_while_it_hurts_opens_the_symptom_check() {
    let mut chat = evening_with_program();
    chat.say("/today");
    chat.tap(Msg::OutcomeHurts);
    chat.say("4");
    let r = chat.tap(Msg::SomethingElse);
    assert!(
        r.iter()
            .flat_map(|r| &r.parts)
            .any(|m| *m == Msg::AskSymptomsNow),
        "{:?}",
        ids(&r)
    );
    let kept = chat.person().sessions.last().expect("the session is kept");
    assert!(kept.stopped_early);
    assert_eq!(kept.pain_during, Some(4));
    chat.code("swelling");
    chat.code("done");
    assert!(chat.person().hold.is_some());
    assert_no_drill_reminders(&mut chat);
}

#[test]
fn a_red_flag_in_the_middle_of_a_session_ends_it() {
    let mut chat = evening_with_program();
    chat.say("/today");
    chat.tap(Msg::OutcomeDone);
    chat.say("ouch, the knee just gave way");
    let r = chat.tap(Msg::Yes);
    assert!(r.iter().all(|r| !r.prescribes_drill()), "{:?}", ids(&r));
    assert!(!matches!(chat.dialog(), Dialog::Session { .. }));
    let kept = chat
        .person()
        .sessions
        .last()
        .expect("what was done is kept");
    assert_eq!(kept.outcomes.len(), 1);
    // The old session's buttons are dead now.
    let r = chat.code("done");
    assert!(r.iter().all(|r| !r.prescribes_drill()), "{:?}", ids(&r));
}

#[test]
fn a_retest_that_measures_nothing_changes_nothing() {
    let mut chat = with_program();
    let before = chat.person().program.clone().unwrap();
    chat.now += Duration::days(28);
    chat.say("/assess");
    let mut r = Vec::new();
    for _ in 0..9 {
        r = chat.say("skip");
    }
    r.extend(chat.say("0"));
    r.extend(chat.say("1"));
    let after = chat.person().program.clone().unwrap();
    assert_eq!(
        (after.track, after.position),
        (before.track, before.position)
    );
    assert!(
        r.iter()
            .flat_map(|r| &r.parts)
            .any(|m| *m == Msg::RetestNothingMeasured),
        "{:?}",
        ids(&r)
    );
    assert!(
        !chat
            .events
            .iter()
            .any(|e| e.name() == "progression_decided"),
        "{:?}",
        chat.events
    );
}

#[test]
fn a_morning_decision_does_not_hide_the_session_that_follows() {
    let mut chat = evening_with_program();
    session(&mut chat, 1);
    // The next evening: /today asks the morning score first (5, usual 1: not settled),
    // then the session starts at once and hurts 8/10.
    chat.now += Duration::days(1);
    chat.say("/today");
    assert!(matches!(chat.dialog(), Dialog::MorningPain { .. }));
    chat.say("5");
    assert!(matches!(chat.dialog(), Dialog::Session { .. }));
    while matches!(chat.dialog(), Dialog::Session { ref run } if run.step == hipcoach::core::session::RunStep::Exercise)
    {
        chat.tap(Msg::OutcomeDone);
    }
    // The morning already took the level to 1.1, the gentlest: the painful session is
    // still seen (before, it fell outside "sessions since the last change").
    let r = chat.say("8");
    assert!(
        r.iter().flat_map(|r| &r.parts).any(|m| *m
            == Msg::GentlestAlready {
                rule: hipcoach::core::progression::Rule::RegressHighPain
            }),
        "{:?}",
        ids(&r)
    );
}

#[test]
fn an_age_corrected_to_an_adult_keeps_a_hold_from_red_flags() {
    let mut chat = at_intake();
    chat.say("16");
    assert!(chat.person().hold.is_some());
    chat.say("my knee is swollen");
    chat.tap(Msg::Yes);
    chat.say("/settings");
    chat.code("age");
    chat.say("36");
    let hold = chat
        .person()
        .hold
        .clone()
        .expect("the swelling still holds");
    assert_eq!(hold.cause, hipcoach::core::safety::HoldCause::Symptoms);
    // And a minor's hold is never lifted by "I've been checked".
    let mut chat = with_program();
    chat.say("/symptoms");
    chat.code("swelling");
    chat.code("done");
    chat.say("/settings");
    chat.code("age");
    chat.say("12");
    chat.say("/today");
    let r = chat.code("cleared");
    assert!(chat.person().hold.is_some(), "{:?}", ids(&r));
    assert!(chat.person().hold.as_ref().unwrap().minor);
}

#[test]
fn a_second_yes_right_after_the_confirmation_does_not_lift_the_hold() {
    for (sign, yes) in [
        ("my knee is swollen", "yes"),
        ("mein Knie ist geschwollen", "ja"),
    ] {
        let mut chat = with_program();
        chat.now = "2026-11-23T17:00:00Z".parse().unwrap();
        chat.say(sign);
        let r = chat.say(yes);
        assert!(
            r.iter()
                .flat_map(|r| &r.parts)
                .all(|m| *m != Msg::AskCleared),
            "the check question does not come with the referral: {:?}",
            ids(&r)
        );
        chat.say(yes);
        assert!(
            chat.person().hold.is_some(),
            "{sign}: lifted by a repeated yes"
        );
        let r = chat.say("/today");
        assert!(started(&chat).is_empty(), "{:?}", ids(&r));
        // Coming back, the question is asked, and answering it is deliberate.
        assert!(
            r.iter()
                .flat_map(|r| &r.parts)
                .any(|m| *m == Msg::AskCleared)
        );
    }
}

#[test]
fn a_sign_waiting_for_its_confirmation_is_not_dropped() {
    let mut chat = evening_with_program();
    chat.say("my knee is swollen");
    // /today, and the daily reminder's Start, ask the confirmation again.
    let r = chat.say("/today");
    assert!(started(&chat).is_empty(), "{:?}", ids(&r));
    assert_eq!(ids(&r)[0][0], "confirm-flags");
    let r = chat.code("start_session");
    assert!(started(&chat).is_empty(), "{:?}", ids(&r));
    // More signs named meanwhile join the confirmation.
    let r = chat.say("and it gives way sometimes");
    assert_eq!(ids(&r)[0][0], "confirm-flags");
    chat.tap(Msg::Yes);
    assert_eq!(
        chat.person().hold.as_ref().unwrap().flags,
        [
            hipcoach::core::profile::RedFlag::Swelling,
            hipcoach::core::profile::RedFlag::LockingOrGivingWay
        ]
    );
}

#[test]
fn a_sign_typed_at_the_time_zone_question_is_heard() {
    let mut chat = with_program();
    chat.say("/timezone");
    let r = chat.say("my knee is swollen");
    assert_eq!(ids(&r)[0][0], "confirm-flags", "{:?}", ids(&r));
}

#[test]
fn today_in_the_middle_of_the_tests_keeps_the_answers() {
    let mut chat = with_program();
    chat.say("/assess");
    chat.say("30");
    chat.say("31");
    let r = chat.say("/today");
    assert!(started(&chat).is_empty(), "{:?}", ids(&r));
    match chat.dialog() {
        Dialog::Test { answers, .. } => assert_eq!(answers.len(), 2),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_stale_morning_question_does_not_block_today() {
    let mut chat = evening_with_program();
    session(&mut chat, 1);
    // The morning check-in opens the question; nobody answers for a week.
    chat.now += Duration::hours(16);
    chat.send(Input::Reminder {
        kind: ReminderKind::MorningCheckin,
        due: chat.now,
    });
    assert!(matches!(chat.dialog(), Dialog::MorningPain { .. }));
    chat.now += Duration::days(7);
    chat.say("/today");
    assert_eq!(started(&chat).len(), 1, "the session starts");
}

#[test]
fn a_session_cut_short_by_a_sign_is_not_today_s_session() {
    let mut chat = evening_with_program();
    chat.say("/today");
    chat.tap(Msg::OutcomeDone);
    chat.say("it just locked up");
    chat.tap(Msg::Yes);
    chat.say("/today");
    chat.tap(Msg::ClearedYes);
    let r = chat.say("/today");
    assert_eq!(started(&chat).len(), 1, "{:?}", ids(&r));
}

#[test]
fn a_first_test_with_everything_skipped_names_no_track() {
    let mut chat = at_intake();
    for answer in answers::intake() {
        chat.say(answer);
    }
    for _ in 0..9 {
        chat.say("skip");
    }
    chat.say("0");
    let Event::AssessmentCompleted { track, level, .. } = chat.assessment_event().clone() else {
        unreachable!()
    };
    assert_eq!((track, level), (None, Some(1)));
    assert!(
        chat.person().program.is_some(),
        "a gentle start all the same"
    );
}

fn parts(r: &[hipcoach::core::Reply]) -> Vec<Msg> {
    r.iter().flat_map(|r| r.parts.clone()).collect()
}

#[test]
fn a_check_in_the_same_minute_as_the_stop_still_counts_only_what_follows() {
    let mut chat = stopped_by_pain();
    assert!(chat.person().hold.is_some());
    // Held and cleared at the very instant of the second session (a virtual clock).
    chat.say("/today");
    chat.tap(Msg::ClearedYes);
    assert!(chat.person().hold.is_none());
    chat.now += Duration::days(2);
    session(&mut chat, 6);
    assert!(
        chat.person().hold.is_none(),
        "one painful session after the check"
    );
}

#[test]
fn no_to_the_confirmation_always_answers() {
    let mut chat = with_program();
    chat.say("the swelling is gone");
    let r = chat.tap(Msg::No);
    assert_eq!(ids(&r), [["flags-not-noted"]]);
}

#[test]
fn a_typed_something_else_is_the_choice_not_a_report() {
    let mut chat = evening_with_program();
    chat.say("/today");
    chat.tap(Msg::OutcomeHurts);
    chat.say("4");
    let r = chat.say("Something else: swelling, locking, numbness…");
    assert!(parts(&r).contains(&Msg::AskSymptomsNow), "{:?}", ids(&r));
    // None of these: the session was cut short, not done; /today starts one again.
    chat.code("none");
    chat.say("/today");
    assert_eq!(started(&chat).len(), 1);
}

#[test]
fn telling_the_bot_about_the_check_in_words() {
    let mut chat = with_program();
    chat.say("my knee is swollen");
    chat.tap(Msg::Yes);
    chat.now += Duration::days(3);
    // While idle under the hold, what they write brings the question.
    let r = chat.say("I've been checked");
    assert!(parts(&r).contains(&Msg::AskCleared), "{:?}", ids(&r));
    let r = chat.say("not yet");
    assert_eq!(ids(&r), [["not-yet-cleared"]]);
    chat.say("/today");
    let r = chat.say("yes, but it is swollen again");
    assert!(
        chat.person().hold.is_some(),
        "a yes naming a sign lifts nothing"
    );
    assert_eq!(ids(&r)[0][0], "confirm-flags");
    chat.tap(Msg::Yes);
    chat.now += Duration::days(3);
    chat.say("/today");
    chat.say("the doctor said it's fine");
    assert!(chat.person().hold.is_none());
}

#[test]
fn two_age_edits_do_not_lift_a_stop() {
    let mut chat = stopped_by_pain();
    for age in ["16", "61"] {
        chat.say("/settings");
        chat.code("age");
        chat.say(age);
    }
    let hold = chat.person().hold.clone().expect("the stop still holds");
    assert_eq!(hold.cause, hipcoach::core::safety::HoldCause::RepeatedPain);
    assert!(!hold.minor);
}

#[test]
fn a_morning_that_stops_the_program_sends_the_referral_alone() {
    let mut chat = evening_with_program();
    session(&mut chat, 7);
    chat.now += Duration::days(1);
    session(&mut chat, 3);
    // The next evening, the morning score owed for yesterday is the second over 5.
    chat.now += Duration::days(1);
    chat.say("/today");
    assert!(matches!(chat.dialog(), Dialog::MorningPain { .. }));
    let r = chat.say("8");
    assert!(chat.person().hold.is_some());
    assert!(!parts(&r).contains(&Msg::AskCleared), "{:?}", ids(&r));
    assert!(started(&chat).is_empty());
}

#[test]
fn a_no_that_names_a_sign_is_a_sign_first() {
    let mut chat = with_program();
    chat.now += Duration::days(28);
    chat.say("/today");
    assert_eq!(chat.dialog(), Dialog::OfferRetest);
    let r = chat.say("no, my knee is swollen today");
    assert_eq!(ids(&r)[0][0], "confirm-flags", "{:?}", ids(&r));
    assert!(started(&chat).is_empty());
}
