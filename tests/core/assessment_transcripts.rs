//! The intake and the self-tests, as conversations through the pure core.

use crate::support::chat;

use chat::{Chat, ids};
use hipcoach::core::answers::PainScore;
use hipcoach::core::assessment::{Band, TestAnswer, TestStep, Track};
use hipcoach::core::msg::ProfileField;
use hipcoach::core::profile::{Activity, AgeBand, Equipment, Lunch, PainSite, RedFlag};
use hipcoach::core::{Dialog, Event, Input, Lang, Msg, Reply, Write};
use hipcoach::i18n;
use strum::IntoEnumIterator;

use chrono::Weekday::{self, Fri, Mon, Sat, Sun, Thu, Tue, Wed};
use hipcoach::core::answers::Weekdays;

fn days(list: &[Weekday]) -> Weekdays {
    Weekdays::from_days(list.iter().copied())
}

fn text(replies: &[Reply]) -> String {
    chat::text(Lang::En, replies)
}

/// Consent and time zone done; the first intake question is open.
fn at_intake() -> Chat {
    let mut chat = Chat::new("2026-11-23T08:00:00Z");
    chat.say("/start");
    chat.send(Input::Button("c:y".into()));
    chat.say("Berlin");
    let r = chat.send(Input::Button("z:y".into()));
    assert_eq!(
        ids(&r),
        [vec!["timezone-saved"], vec!["intake-intro", "ask-age"]]
    );
    chat
}

/// Answers the whole intake by typing, as the examples do.
fn through_intake(chat: &mut Chat, age: &str, red_flags: &str) -> Vec<Reply> {
    assert_eq!(ids(&chat.say(age)), [["ask-activities"]]);
    assert_eq!(ids(&chat.say("desk work, running")), [["ask-sitting"]]);
    assert_eq!(ids(&chat.say("about 8")), [["ask-working-hours"]]);
    assert_eq!(ids(&chat.say("mon-fri 8:30-17")), [["ask-lunch"]]);
    assert_eq!(ids(&chat.say("12:30-13:15")), [["ask-drill-time"]]);
    assert_eq!(ids(&chat.say("7pm")), [["ask-training-days"]]);
    assert_eq!(ids(&chat.say("mon wed fri")), [["ask-pain-sites"]]);
    assert_eq!(ids(&chat.say("left knee")), [["ask-usual-pain"]]);
    assert_eq!(ids(&chat.say("2/10")), [["ask-equipment"]]);
    assert_eq!(ids(&chat.say("band")), [["ask-red-flags"]]);
    chat.say(red_flags)
}

/// Taps through the ten test steps with these answers (button codes).
fn through_tests(chat: &mut Chat, codes: &[&str]) -> Vec<Reply> {
    let mut last = Vec::new();
    for code in codes {
        last = chat.code(code);
    }
    last
}

#[test]
fn the_whole_intake_typed_then_the_tests_tapped() {
    let mut chat = at_intake();
    let r = through_intake(&mut chat, "34", "none");
    assert_eq!(ids(&r), [["tests-intro", "test-seated", "test-ask-side"]]);

    let p = &chat.person().profile;
    assert_eq!(p.age, Some(34));
    assert_eq!(p.age_band, Some(AgeBand::From20To50));
    assert_eq!(
        p.activities,
        Some(vec![Activity::DeskWork, Activity::Running])
    );
    assert_eq!(p.sitting_hours, Some(8));
    let work = p.working_hours.unwrap();
    assert_eq!(
        work.to_string_pair(),
        ("08:30".to_string(), "17:00".to_string())
    );
    assert!(matches!(p.lunch, Some(Lunch::Break { .. })));
    assert_eq!(
        p.drill_time.map(|t| t.format("%H:%M").to_string()),
        Some("19:00".into())
    );
    assert_eq!(p.training_days, Some(days(&[Mon, Wed, Fri])));
    assert_eq!(p.pain_sites, Some(vec![PainSite::KneeLeft]));
    assert_eq!(p.usual_pain, PainScore::new(2));
    assert_eq!(p.equipment, Some(vec![Equipment::Band]));
    assert_eq!(p.red_flags, Some(vec![]));

    // Left 20–30°, right 40–50°: a difference; prone both sides normal; feet even.
    let r = through_tests(
        &mut chat,
        &[
            "b1", "b3", "b2", "b2", "b2", "b2", "even", "pass", "fail", "p1",
        ],
    );
    assert_eq!(
        ids(&r)[0],
        [
            "result-title",
            "lines",
            "result-asymmetry",
            "result-track",
            "result-level",
            "result-next"
        ]
    );
    let shown = text(&r);
    assert!(
        shown.contains("Left: about 25°, below the usual 35–45° for your age."),
        "{shown}"
    );
    assert!(
        shown.contains("Right: about 45°, within the usual 35–45°"),
        "{shown}"
    );
    assert!(shown.contains("differ by 20°"), "{shown}");
    assert_eq!(
        *chat.assessment_event(),
        Event::AssessmentCompleted {
            left_ir: Some(25),
            right_ir: Some(45),
            left_er: Some(35),
            right_er: Some(35),
            asymmetry: Some(20),
            track: Some("limited_internal_rotation".into()),
            level: Some(2),
            red_flags: vec![],
            retest: false,
        }
    );
    let [Write::Assessment(saved)] = chat.writes.as_slice() else {
        panic!("one assessment row")
    };
    assert_eq!(saved.answers.len(), 10, "every raw answer is kept");
    assert_eq!(chat.person().dialog, Dialog::Idle);
}

trait Pair {
    fn to_string_pair(&self) -> (String, String);
}

impl Pair for hipcoach::core::answers::WorkingHours {
    fn to_string_pair(&self) -> (String, String) {
        (
            self.start.format("%H:%M").to_string(),
            self.end.format("%H:%M").to_string(),
        )
    }
}

#[test]
fn buttons_work_for_every_intake_question_and_ticks_redraw_in_place() {
    let mut chat = at_intake();
    assert_eq!(ids(&chat.tap(Msg::AgeOver50)), [["ask-activities"]]);
    let r = chat.tap(Msg::Activity(Activity::Golf));
    assert!(r[0].in_place, "a tick redraws the question");
    assert!(
        chat.keyboard
            .labels()
            .iter()
            .flatten()
            .any(|l| **l == Msg::Checked(Box::new(Msg::Activity(Activity::Golf))))
    );
    chat.tap(Msg::Activity(Activity::Cycling));
    chat.tap(Msg::Checked(Box::new(Msg::Activity(Activity::Golf))));
    assert_eq!(ids(&chat.tap(Msg::Done)), [["ask-sitting"]]);
    assert_eq!(
        chat.person().profile.activities,
        Some(vec![Activity::Cycling])
    );
    assert_eq!(
        ids(&chat.tap(Msg::SittingHours { hours: 6 })),
        [["ask-working-hours"]]
    );
    assert_eq!(ids(&chat.code("wh0")), [["ask-lunch"]]);
    assert_eq!(ids(&chat.tap(Msg::NoLunch)), [["ask-drill-time"]]);
    assert_eq!(ids(&chat.code("t0")), [["ask-training-days"]]);
    // Mon, Wed and Fri come ticked; Wednesday off, then Tuesday and Thursday on.
    let r = chat.tap(Msg::Checked(Box::new(Msg::WeekdayWed)));
    assert!(r[0].in_place, "a tick redraws the question");
    assert_eq!(ids(&r), [["ask-training-days"]]);
    chat.tap(Msg::WeekdayTue);
    chat.tap(Msg::WeekdayThu);
    assert_eq!(ids(&chat.tap(Msg::Done)), [["ask-pain-sites"]]);
    // Nowhere: the usual pain is 0 and not asked.
    assert_eq!(ids(&chat.tap(Msg::Nowhere)), [["ask-equipment"]]);
    assert_eq!(chat.person().profile.usual_pain, PainScore::new(0));
    assert_eq!(ids(&chat.tap(Msg::NoneOfThese)), [["ask-red-flags"]]);
    let r = chat.tap(Msg::NoneOfThese);
    assert_eq!(ids(&r)[0][0], "tests-intro");
    let p = &chat.person().profile;
    assert_eq!(p.age, None);
    assert_eq!(p.age_band, Some(AgeBand::Over50));
    assert_eq!(p.lunch, Some(Lunch::None));
    assert_eq!(p.training_days, Some(days(&[Mon, Tue, Thu, Fri])));
    assert_eq!(p.equipment, Some(vec![]));
}

#[test]
fn answers_not_understood_are_asked_again_and_change_nothing() {
    let mut chat = at_intake();
    for (typed, expected) in [
        ("banana", "age-not-understood"),
        ("3", "age-not-understood"),
        ("150", "age-not-understood"),
    ] {
        let before = chat.person.clone();
        let r = chat.say(typed);
        assert_eq!(ids(&r), [[expected]], "{typed}");
        assert!(chat.kept_state());
        assert_eq!(chat.person, before);
        assert!(
            !r[0].keyboard.is_empty(),
            "the buttons come with the re-ask"
        );
    }
    chat.say("40");
    chat.say("golf");
    chat.say("8");
    let r = chat.say("whenever");
    assert_eq!(ids(&r), [["working-hours-not-understood"]]);
    assert!(text(&r).contains("mon-fri 9-17"));
    chat.say("9-5:30");
    let work = chat.person().profile.working_hours.unwrap();
    assert_eq!(work.to_string_pair(), ("09:00".into(), "17:30".into()));
    let r = chat.code("done");
    assert_eq!(
        ids(&r),
        [vec!["button-expired"], vec!["ask-lunch"]],
        "a button from another question"
    );
}

#[test]
fn a_red_flag_stops_before_the_tests_and_the_person_can_come_back() {
    let mut chat = at_intake();
    let r = through_intake(&mut chat, "45", "my knee gives way and it swells");
    assert_eq!(
        ids(&r),
        [["confirm-flags", "lines", "confirm-flags-right"]],
        "signs read from text are confirmed first"
    );
    let r = chat.tap(Msg::Yes);
    assert_eq!(ids(&r), [["red-flag-stop", "lines", "red-flag-come-back"]]);
    let shown = text(&r);
    assert!(
        shown.contains("The knee locks or gives way") && shown.contains("Swelling"),
        "{shown}"
    );
    assert_eq!(
        *chat.assessment_event(),
        Event::AssessmentCompleted {
            left_ir: None,
            right_ir: None,
            left_er: None,
            right_er: None,
            asymmetry: None,
            track: None,
            level: None,
            red_flags: vec!["swelling".into(), "locking_or_giving_way".into()],
            retest: false,
        }
    );
    assert_eq!(chat.person().dialog, Dialog::Idle);

    // /assess and /start ask whether they have been checked.
    assert_eq!(
        ids(&chat.say("/assess")),
        [["hold-note", "ask-cleared", "join"]]
    );
    assert_eq!(ids(&chat.tap(Msg::ClearedNotYet)), [["not-yet-cleared"]]);
    assert_eq!(
        ids(&chat.say("/start")),
        [vec!["welcome-back"], vec!["ask-cleared", "join"]]
    );
    let r = chat.tap(Msg::ClearedYes);
    assert_eq!(
        ids(&r),
        [[
            "cleared-thanks",
            "tests-intro",
            "test-seated",
            "test-ask-side"
        ]]
    );
    assert_eq!(chat.events, [Event::RedFlagsCleared]);
    assert!(chat.person().profile.cleared_at.is_some());
}

#[test]
fn skipped_and_painful_tests_are_recorded_and_still_give_a_result() {
    let mut chat = at_intake();
    through_intake(&mut chat, "30", "none");
    let r = chat.code("hurt");
    assert_eq!(ids(&r), [["test-hurt-note", "test-ask-side"]]);
    let r = through_tests(
        &mut chat,
        &[
            "skip", "cant", "cant", "skip", "skip", "skip", "skip", "skip", "skip",
        ],
    );
    let shown = text(&r);
    assert!(
        shown.contains("Left: not measured.") && shown.contains("Right: not measured."),
        "{shown}"
    );
    assert!(ids(&r)[0].contains(&"result-hurt-note"));
    let Event::AssessmentCompleted {
        left_ir,
        level,
        track,
        ..
    } = chat.assessment_event().clone()
    else {
        unreachable!()
    };
    assert_eq!(
        (left_ir, level),
        (None, Some(1)),
        "a test that hurt starts gently"
    );
    // Nothing measured: no pattern concluded, but a gentle start on the common track.
    assert_eq!(track, None);
    assert_eq!(
        chat.person().program.as_ref().map(|p| p.track),
        Some(hipcoach::core::assessment::Track::LimitedInternalRotation)
    );
    let [Write::Assessment(a)] = chat.writes.as_slice() else {
        panic!()
    };
    assert_eq!(
        a.answers
            .values()
            .filter(|v| format!("{v:?}") == "Skipped")
            .count(),
        7
    );
}

#[test]
fn the_prone_test_and_the_feet_choose_the_internally_rotated_track() {
    let mut chat = at_intake();
    through_intake(&mut chat, "30", "none");
    // Seated skipped; prone: inward 55 and 50, outward 20 and 25 (typed, from a phone level).
    chat.code("skip");
    chat.code("skip");
    for typed in ["55", "50°", "20 deg", "about 25"] {
        chat.say(typed);
    }
    for code in ["in", "pass", "pass", "p0"] {
        chat.code(code);
    }
    let Event::AssessmentCompleted {
        left_ir,
        right_ir,
        left_er,
        right_er,
        track,
        ..
    } = chat.assessment_event().clone()
    else {
        unreachable!()
    };
    assert_eq!(
        (left_ir, right_ir, left_er, right_er),
        (Some(55), Some(50), Some(20), Some(25))
    );
    assert_eq!(track.as_deref(), Some("internally_rotated_hip"));
    assert_eq!(
        chat.person().history.last.as_ref().unwrap().track,
        Some(Track::InternallyRotatedHip)
    );
}

#[test]
fn each_age_band_has_its_own_normal_range() {
    // The same 30° on both sides reads differently by age (seed 002).
    for (age, expected) in [
        ("19", "below the usual 45–50°"),
        ("35", "below the usual 35–45°"),
        ("62", "within the usual 25–35°"),
    ] {
        let mut chat = at_intake();
        through_intake(&mut chat, age, "none");
        chat.say("30");
        chat.say("30");
        let r = through_tests(
            &mut chat,
            &["skip", "skip", "skip", "skip", "out", "pass", "pass", "p0"],
        );
        let shown = text(&r);
        assert!(
            shown.contains(&format!("Left: 30°, {expected}")),
            "{age}: {shown}"
        );
        assert!(shown.contains("sides are close: 0° apart"), "{shown}");
    }
}

#[test]
fn a_retest_is_compared_with_the_last_side_by_side() {
    let mut chat = at_intake();
    through_intake(&mut chat, "40", "none");
    for typed in ["25", "30"] {
        chat.say(typed);
    }
    through_tests(
        &mut chat,
        &["skip", "skip", "skip", "skip", "even", "pass", "pass", "p0"],
    );
    assert_eq!(
        chat.person().history.first.as_ref().unwrap().left.internal,
        Some(25)
    );

    // Each side with itself since the last test; under 10° is no real change.
    for (left, right, left_says, right_says) in [
        (
            "30",
            "32",
            "Left: +5° since the last test: no real change",
            "Right: +2° since the last test: no real change",
        ),
        (
            "28",
            "45",
            "Left: −2° since the last test: no real change",
            "Right: +13° since the last test, a real gain.",
        ),
    ] {
        chat.now += chrono::Duration::days(7);
        let r = chat.say("/assess");
        assert_eq!(ids(&r), [["tests-intro", "test-seated", "test-ask-side"]]);
        chat.say(left);
        chat.say(right);
        let r = through_tests(
            &mut chat,
            &[
                "skip", "skip", "skip", "skip", "even", "pass", "pass", "p0", "p1",
            ],
        );
        let shown = text(&r);
        assert!(shown.contains(left_says), "{shown}");
        assert!(shown.contains(right_says), "{shown}");
        let Event::AssessmentCompleted { retest, .. } = chat.assessment_event() else {
            unreachable!()
        };
        assert!(retest);
    }
}

#[test]
fn settings_change_one_answer_without_redoing_the_intake() {
    let mut chat = at_intake();
    through_intake(&mut chat, "40", "none");
    through_tests(
        &mut chat,
        &[
            "b2", "b2", "skip", "skip", "skip", "skip", "even", "pass", "pass", "p0",
        ],
    );

    let r = chat.say("/settings");
    assert_eq!(ids(&r), [["settings-menu"]]);
    let r = chat.tap(Msg::ProfileLine {
        field: ProfileField::DrillTime,
        value: Box::new(Msg::Literal(String::new())),
    });
    assert_eq!(ids(&r), [["ask-drill-time"]]);
    let r = chat.say("19.30");
    assert_eq!(ids(&r), [["setting-saved"]]);
    assert_eq!(
        chat.events,
        [Event::ProfileUpdated {
            field: "drill_time".into()
        }]
    );
    assert_eq!(
        chat.person()
            .profile
            .drill_time
            .unwrap()
            .format("%H:%M")
            .to_string(),
        "19:30"
    );
    assert_eq!(chat.person().dialog, Dialog::Idle);

    chat.say("/settings");
    chat.tap(Msg::ProfileLine {
        field: ProfileField::Equipment,
        value: Box::new(Msg::Literal(String::new())),
    });
    chat.tap(Msg::Equipment(Equipment::Wall));
    let r = chat.tap(Msg::Done);
    assert_eq!(ids(&r), [["setting-saved"]]);
    assert_eq!(
        chat.person().profile.equipment,
        Some(vec![Equipment::Band, Equipment::Wall])
    );

    chat.say("/settings");
    chat.tap(Msg::ProfileLine {
        field: ProfileField::Language,
        value: Box::new(Msg::Literal(String::new())),
    });
    let r = chat.tap(Msg::Literal("Deutsch".into()));
    assert_eq!(i18n::render_reply(Lang::De, &r[0]).text, "Gespeichert.");
    assert_eq!(chat.person().lang, Lang::De);
    assert_eq!(
        chat.events,
        [Event::ProfileUpdated {
            field: "language".into()
        }]
    );

    chat.say("/settings");
    chat.tap(Msg::ProfileLine {
        field: ProfileField::Timezone,
        value: Box::new(Msg::Literal(String::new())),
    });
    chat.say("Kathmandu");
    chat.send(Input::Button("z:y".into()));
    assert_eq!(
        chat.events,
        [
            Event::TimezoneSet {
                tz: "Asia/Kathmandu".into()
            },
            Event::ProfileUpdated {
                field: "timezone".into()
            }
        ]
    );

    // The rest of the profile is untouched.
    let p = &chat.person().profile;
    assert_eq!(
        p.activities,
        Some(vec![Activity::DeskWork, Activity::Running])
    );
    assert_eq!(p.red_flags, Some(vec![]));
}

#[test]
fn the_profile_shows_everything_known() {
    let mut chat = at_intake();
    through_intake(&mut chat, "40", "none");
    through_tests(
        &mut chat,
        &[
            "b2", "b1", "skip", "skip", "skip", "skip", "even", "pass", "pass", "p0",
        ],
    );
    let r = chat.say("/profile");
    let shown = text(&r);
    for line in [
        "Time zone: Europe/Berlin",
        "Age: 40",
        "Activities: Desk work, Running",
        "Sitting per day: 8 h",
        "Working hours: Mon–Fri 08:30–17:00",
        "Lunch break: 12:30–13:15",
        "Drill time: 19:00",
        "Training days: Mon, Wed, Fri",
        "Where it hurts: Left knee",
        "Usual pain: 2/10",
        "Equipment: Resistance band",
        "Safety check: None of these",
        "Last test: 2026-11-23 · L 35° · R 25°, stiff hips",
    ] {
        assert!(shown.contains(line), "missing {line:?} in\n{shown}");
    }
    assert!(chat.kept_state(), "/profile changes nothing");
}

#[test]
fn start_in_the_middle_asks_whether_to_continue_or_start_over() {
    let mut chat = at_intake();
    chat.say("40");
    chat.say("golf");
    let r = chat.say("/start");
    assert_eq!(ids(&r), [vec!["welcome-back"], vec!["ask-resume"]]);
    let r = chat.tap(Msg::Continue);
    assert_eq!(ids(&r), [["ask-sitting"]], "the same question again");

    chat.say("/start");
    let r = chat.tap(Msg::StartOver);
    assert_eq!(ids(&r), [["intake-intro", "ask-age"]]);
    assert_eq!(chat.person().profile.age, None);
    assert!(chat.person().zone.is_some(), "the time zone stays");

    // In the middle of the tests, starting over restarts the tests only.
    through_intake(&mut chat, "40", "none");
    chat.code("b1");
    chat.say("/start");
    let r = chat.tap(Msg::StartOver);
    assert_eq!(ids(&r), [["test-seated", "test-ask-side"]]);
    assert!(chat.person().profile.age.is_some());
}

#[test]
fn strong_pain_during_the_tests_refers_instead_of_starting() {
    let mut chat = at_intake();
    through_intake(&mut chat, "40", "none");
    let r = through_tests(
        &mut chat,
        &[
            "b1", "b1", "skip", "skip", "skip", "skip", "even", "pass", "pass", "p7",
        ],
    );
    assert!(ids(&r)[0].contains(&"result-stop"));
    assert!(text(&r).contains("hurt a lot (7/10)"));
    let hold = chat.person().hold.clone().expect("a safety hold");
    assert_eq!(hold.flags, [RedFlag::PainDuringTests]);
    assert_eq!(
        ids(&chat.say("/assess")),
        [["hold-note", "ask-cleared", "join"]]
    );
}

/// The answers so far in the self-test under way.
fn test_answers(chat: &Chat) -> hipcoach::core::assessment::TestAnswers {
    match chat.dialog() {
        Dialog::Test { answers, .. } => answers,
        other => panic!("not in the tests: {other:?}"),
    }
}

#[test]
fn an_adult_who_taps_more_than_fifty_face_down_gets_the_internally_rotated_track() {
    let mut chat = at_intake();
    through_intake(&mut chat, "34", "none");
    // Seated: within the adult range on both sides.
    chat.tap(Msg::Band(Band::From30To40));
    let r = chat.tap(Msg::Band(Band::From30To40));
    assert_eq!(ids(&r), [["test-prone-internal", "test-ask-side"]]);
    // Every degree question offers the same five bands.
    let bands: Vec<Msg> = Band::iter().map(Msg::Band).collect();
    let shown: Vec<Msg> = chat
        .keyboard
        .labels()
        .iter()
        .flatten()
        .map(|l| (*l).clone())
        .collect();
    for band in &bands {
        assert!(shown.contains(band), "{band:?} missing from {shown:?}");
    }
    // Face down: the left hip turns inward more than 50°, outward only 20–30°.
    chat.tap(Msg::Band(Band::Over50));
    chat.tap(Msg::Band(Band::From30To40));
    chat.tap(Msg::Band(Band::From20To30));
    chat.tap(Msg::Band(Band::From30To40));
    through_tests(&mut chat, &["even", "pass", "pass", "p0"]);
    let Event::AssessmentCompleted { track, .. } = chat.assessment_event() else {
        unreachable!()
    };
    assert_eq!(track.as_deref(), Some("internally_rotated_hip"));
    assert_eq!(
        chat.person().program.as_ref().map(|p| p.track),
        Some(Track::InternallyRotatedHip)
    );
}

#[test]
fn more_than_fifty_typed_reads_as_the_top_band() {
    for typed in [
        "over 50",
        "more than 50",
        "über 50",
        "mehr als 50°",
        ">50",
        "50+",
    ] {
        let mut chat = at_intake();
        through_intake(&mut chat, "34", "none");
        let r = chat.say(typed);
        assert_eq!(ids(&r), [["test-ask-side"]], "{typed}");
        assert_eq!(
            test_answers(&chat).get(&TestStep::SeatedLeft),
            Some(&TestAnswer::Estimate { band: Band::Over50 }),
            "{typed}"
        );
    }
}

#[test]
fn the_outward_half_of_the_face_down_test_comes_with_its_instructions() {
    let mut chat = at_intake();
    through_intake(&mut chat, "34", "none");
    let r = through_tests(&mut chat, &["b2", "b2", "b2", "b2"]);
    assert_eq!(ids(&r), [["test-prone-external", "test-ask-side"]]);
    let shown = text(&r);
    assert!(
        shown.contains("inward") && shown.contains("outward"),
        "{shown}"
    );
    // The right side follows without repeating them.
    let r = chat.code("b1");
    assert_eq!(ids(&r), [["test-ask-side"]]);
}

/// Consent, time zone and the intake up to the training-day question, all typed.
fn at_training_days() -> Chat {
    let mut chat = at_intake();
    for typed in ["34", "desk work", "8", "mon-fri 9-17", "12-13"] {
        chat.say(typed);
    }
    assert_eq!(ids(&chat.say("18:00")), [["ask-training-days"]]);
    chat
}

fn labels(chat: &Chat) -> Vec<Msg> {
    chat.keyboard
        .labels()
        .into_iter()
        .flatten()
        .cloned()
        .collect()
}

fn checked(msg: Msg) -> Msg {
    Msg::Checked(Box::new(msg))
}

#[test]
fn training_days_come_after_the_drill_time_with_mon_wed_fri_ticked() {
    let mut chat = at_training_days();
    assert_eq!(
        labels(&chat),
        [
            checked(Msg::WeekdayMon),
            Msg::WeekdayTue,
            checked(Msg::WeekdayWed),
            Msg::WeekdayThu,
            checked(Msg::WeekdayFri),
            Msg::WeekdaySat,
            Msg::WeekdaySun,
            Msg::Done,
        ]
    );
    // The short names in German.
    let german: Vec<String> = chat
        .keyboard
        .map(|label| i18n::render(Lang::De, label))
        .labels()
        .into_iter()
        .flatten()
        .cloned()
        .collect();
    assert_eq!(
        german,
        ["✓ Mo", "Di", "✓ Mi", "Do", "✓ Fr", "Sa", "So", "Fertig"]
    );
    // Done as ticked.
    assert_eq!(ids(&chat.tap(Msg::Done)), [["ask-pain-sites"]]);
    assert_eq!(
        chat.person().profile.training_days,
        Some(days(&[Mon, Wed, Fri]))
    );
}

#[test]
fn training_days_can_be_typed_in_english_and_german() {
    let every_day = days(&[Mon, Tue, Wed, Thu, Fri, Sat, Sun]);
    let mon_fri = days(&[Mon, Tue, Wed, Thu, Fri]);
    let mon_wed_fri = days(&[Mon, Wed, Fri]);
    for (typed, want) in [
        ("mon wed fri", mon_wed_fri),
        ("Mo Mi Fr", mon_wed_fri),
        ("mon-fri", mon_fri),
        ("every day", every_day),
        ("täglich", every_day),
        ("weekdays", mon_fri),
        ("werktags", mon_fri),
        ("Tuesday, Thursday and Saturday", days(&[Tue, Thu, Sat])),
        ("Di, Do, Sa, So", days(&[Tue, Thu, Sat, Sun])),
        // "Done" typed takes the days ticked.
        ("done", mon_wed_fri),
        ("Fertig", mon_wed_fri),
    ] {
        let mut chat = at_training_days();
        let r = chat.say(typed);
        assert_eq!(ids(&r), [["ask-pain-sites"]], "{typed}");
        assert_eq!(chat.person().profile.training_days, Some(want), "{typed}");
    }
}

#[test]
fn fewer_than_three_training_days_are_asked_again_kindly() {
    let mut chat = at_training_days();
    chat.tap(checked(Msg::WeekdayWed));
    let before = chat.person.clone();
    let r = chat.tap(Msg::Done);
    assert_eq!(ids(&r), [["training-days-too-few"]]);
    assert!(chat.kept_state());
    assert_eq!(chat.person, before);
    let shown = text(&r);
    assert!(shown.contains("3 to 5 sessions a week"), "{shown}");
    // The buttons come again as ticked, to add a day.
    let shown = labels(&chat);
    assert!(
        shown.contains(&checked(Msg::WeekdayMon)) && shown.contains(&Msg::WeekdayWed),
        "{shown:?}"
    );

    // Typed, the same.
    let r = chat.say("sat and sun");
    assert_eq!(ids(&r), [["training-days-too-few"]]);
    assert!(chat.kept_state());
    let r = chat.say("whenever I can");
    assert_eq!(ids(&r), [["training-days-not-understood"]]);
    assert!(chat.kept_state());
    assert!(
        !r[0].keyboard.is_empty(),
        "the buttons come with the re-ask"
    );
    assert_eq!(chat.person().profile.training_days, None);

    // More than five are welcome: daily practice helps.
    let r = chat.say("mon-sat");
    assert_eq!(ids(&r), [["ask-pain-sites"]]);
    assert_eq!(
        chat.person().profile.training_days,
        Some(days(&[Mon, Tue, Wed, Thu, Fri, Sat]))
    );
}

#[test]
fn training_days_change_in_settings_from_the_current_ones() {
    let mut chat = at_intake();
    through_intake(&mut chat, "40", "none");
    through_tests(
        &mut chat,
        &[
            "b2", "b2", "skip", "skip", "skip", "skip", "even", "pass", "pass", "p0",
        ],
    );
    chat.say("/settings");
    let r = chat.tap(Msg::ProfileLine {
        field: ProfileField::TrainingDays,
        value: Box::new(Msg::Literal(String::new())),
    });
    assert_eq!(ids(&r), [["ask-training-days"]]);
    assert!(labels(&chat).contains(&checked(Msg::WeekdayFri)));
    chat.tap(Msg::WeekdaySat);
    let r = chat.tap(Msg::Done);
    assert_eq!(ids(&r), [["setting-saved"]]);
    assert_eq!(
        chat.events,
        [Event::ProfileUpdated {
            field: "training_days".into()
        }]
    );
    assert_eq!(
        chat.person().profile.training_days,
        Some(days(&[Mon, Wed, Fri, Sat]))
    );
    assert_eq!(chat.person().dialog, Dialog::Idle);
    assert!(text(&chat.say("/profile")).contains("Training days: Mon, Wed, Fri, Sat"));
}

#[test]
fn someone_with_a_program_from_before_the_question_is_not_asked_again() {
    let mut chat = at_intake();
    through_intake(&mut chat, "40", "none");
    through_tests(
        &mut chat,
        &[
            "b2", "b2", "skip", "skip", "skip", "skip", "even", "pass", "pass", "p0",
        ],
    );
    assert!(chat.person().program.is_some());
    // As the store loads a person who joined before the question: no days (NULL).
    chat.person.as_mut().unwrap().profile.training_days = None;

    let r = chat.say("/start");
    assert_eq!(ids(&r), [["welcome-back", "setup-done"]]);
    assert_eq!(chat.person().dialog, Dialog::Idle);
    // A dialog this version cannot read rests where they are, not in the intake.
    chat.person.as_mut().unwrap().dialog = Dialog::Lost;
    let r = chat.say("hello");
    assert_eq!(ids(&r), [["state-reset"], ["setup-done"]]);
    assert_eq!(chat.person().dialog, Dialog::Idle);
    // /profile says what the reminders do for them: every day.
    assert!(text(&chat.say("/profile")).contains("Training days: every day"));
    // /today starts the session; /assess the tests.
    let r = chat.say("/today");
    assert_eq!(ids(&r)[0][0], "session-intro");
    // /settings starts from every day.
    chat.say("/settings");
    chat.tap(Msg::ProfileLine {
        field: ProfileField::TrainingDays,
        value: Box::new(Msg::Literal(String::new())),
    });
    assert!(labels(&chat).contains(&checked(Msg::WeekdaySun)));
    chat.tap(checked(Msg::WeekdaySat));
    chat.tap(checked(Msg::WeekdaySun));
    assert_eq!(ids(&chat.tap(Msg::Done)), [["setting-saved"]]);
    assert_eq!(
        chat.person().profile.training_days,
        Some(days(&[Mon, Tue, Wed, Thu, Fri]))
    );
}

#[test]
fn someone_in_the_middle_of_the_intake_at_the_update_is_asked_in_turn() {
    let mut chat = at_training_days();
    // As if they had reached the pain question before the training-day question existed.
    let person = chat.person.as_mut().unwrap();
    person.dialog = Dialog::Ask {
        question: hipcoach::core::intake::Question::PainSites {
            selected: Vec::new(),
        },
        setting: false,
    };
    assert_eq!(ids(&chat.say("left knee")), [["ask-training-days"]]);
    assert_eq!(ids(&chat.say("mon wed fri")), [["ask-usual-pain"]]);
}
