//! The progression rule table, row by row: each rule fires where it should, and the
//! near misses next to it fire another rule (or none).

use chrono::{DateTime, Duration, NaiveDate, Utc, Weekday};
use hipcoach::core::rules::assessment::{Source, Track};
use hipcoach::core::rules::catalog::{ExerciseId, Phase};
use hipcoach::core::rules::program::{Outcome, Planned, Position, Program, SessionRecord};
use hipcoach::core::rules::progression::{Decision, Facts, Range, Rule, Trigger, decide};
use hipcoach::core::values::measures::Weekdays;
use strum::IntoEnumIterator;

fn day(n: i64) -> DateTime<Utc> {
    "2026-01-01T18:00:00Z".parse::<DateTime<Utc>>().unwrap() + Duration::days(n)
}

/// A session on day `n` with pain during and the next morning; `all_done` or one skipped.
fn s(n: i64, during: u8, morning: Option<u8>, all_done: bool) -> SessionRecord {
    let plan = vec![
        Planned {
            exercise: ExerciseId::GluteBridge,
            dose: ExerciseId::GluteBridge.get().dose(1),
        };
        3
    ];
    let mut outcomes = vec![Outcome::Done; 3];
    if !all_done {
        outcomes[2] = Outcome::Skipped;
    }
    SessionRecord {
        started_at: day(n),
        local_date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + Duration::days(n),
        track: Track::LimitedInternalRotation,
        position: Position::new(Phase::Activation, 1),
        plan,
        outcomes,
        stopped_early: false,
        completed_at: Some(day(n)),
        pain_during: Some(during),
        pain_morning: morning,
        morning_skipped: morning.is_none(),
    }
}

fn range(n: i64, left: u8, right: u8) -> Range {
    Range {
        taken_at: day(n),
        left_ir: Some(left),
        right_ir: Some(right),
        left_er: Some(40),
        right_er: Some(40),
        left_source: Source::default(),
        right_source: Source::default(),
        left_er_source: Source::default(),
        right_er_source: Source::default(),
        normal: (35, 45),
    }
}

struct Row {
    name: &'static str,
    trigger: Trigger,
    level: u8,
    phase: Phase,
    /// Day the position (and phase) began.
    since: i64,
    phase_since: i64,
    sessions: Vec<SessionRecord>,
    ranges: Vec<Range>,
    usual: u8,
    /// "Now": the day after the last session unless given.
    now: Option<i64>,
    /// The days the person trains on; `None` when never chosen.
    training_days: Option<Weekdays>,
    expect: Option<Rule>,
}

fn row(name: &'static str, sessions: Vec<SessionRecord>, expect: Option<Rule>) -> Row {
    Row {
        name,
        trigger: Trigger::Morning,
        level: 1,
        phase: Phase::Activation,
        since: 0,
        phase_since: 0,
        sessions,
        ranges: vec![range(0, 25, 30)],
        usual: 2,
        now: None,
        training_days: None,
        expect,
    }
}

fn mon_wed_fri() -> Option<Weekdays> {
    Some(Weekdays::from_days([
        Weekday::Mon,
        Weekday::Wed,
        Weekday::Fri,
    ]))
}

fn every_day() -> Option<Weekdays> {
    Some(Weekdays::EVERY_DAY)
}

/// A re-test at the top level on the same track.
const RETEST: Trigger = Trigger::Retest {
    track: Track::LimitedInternalRotation,
    level: 3,
};

fn good(days: &[i64]) -> Vec<SessionRecord> {
    days.iter().map(|&d| s(d, 1, Some(1), true)).collect()
}

fn table() -> Vec<Row> {
    use Rule::*;
    vec![
        // Stop and refer.
        row(
            "two sessions over 5 within two weeks stop",
            vec![s(1, 6, Some(3), true), s(3, 2, Some(7), true)],
            Some(StopRepeatedSevere),
        ),
        row(
            "two over 5 but 20 days apart: only the latest regresses",
            vec![s(1, 7, Some(3), true), s(21, 7, Some(2), true)],
            Some(RegressHighPain),
        ),
        // Regressions.
        Row {
            trigger: Trigger::SessionEnd,
            ..row(
                "over 5 during regresses at once",
                vec![s(1, 6, None, true)],
                Some(RegressHighPain),
            )
        },
        Row {
            trigger: Trigger::SessionEnd,
            ..row(
                "exactly 5 during: nothing yet at the session's end",
                vec![s(1, 5, None, true)],
                None,
            )
        },
        row(
            "morning above usual regresses",
            vec![s(1, 2, Some(4), true)],
            Some(RegressUnsettled),
        ),
        Row {
            usual: 4,
            ..row(
                "morning 4 with usual 4 has settled (back to usual)",
                vec![s(1, 2, Some(4), true)],
                Some(HoldKeepGoing),
            )
        },
        Row {
            usual: 0,
            ..row(
                "morning 2 with usual 0 has not settled: worse than a usual day",
                vec![s(1, 1, Some(2), true)],
                Some(RegressUnsettled),
            )
        },
        row(
            "mean pain up a point week on week regresses",
            vec![
                s(1, 1, Some(1), true),
                s(3, 1, Some(1), true),
                s(8, 3, Some(1), true),
                s(10, 3, Some(2), true),
            ],
            Some(RegressWeeklyRise),
        ),
        row(
            "a rise with one session last week is not a trend",
            vec![
                s(3, 1, Some(1), true),
                s(8, 3, Some(1), true),
                s(10, 3, Some(2), true),
            ],
            Some(HoldAcceptablePain),
        ),
        row(
            "three sessions in a row below the prescription simplify",
            vec![
                s(1, 1, Some(1), false),
                s(2, 1, Some(1), false),
                s(3, 1, Some(1), false),
            ],
            Some(SimplifyBelowPrescription),
        ),
        row(
            "no morning score never stops the simplify rule",
            vec![
                s(1, 1, None, false),
                s(2, 1, None, false),
                s(3, 1, None, false),
            ],
            Some(SimplifyBelowPrescription),
        ),
        Row {
            trigger: Trigger::SessionEnd,
            ..row(
                "three below the prescription simplify at the session's end, not waiting for a morning",
                vec![
                    s(1, 1, None, false),
                    s(2, 1, None, false),
                    s(3, 1, None, false),
                ],
                Some(SimplifyBelowPrescription),
            )
        },
        row(
            "two below and one full: keep going",
            vec![
                s(1, 1, Some(1), false),
                s(2, 1, Some(1), true),
                s(3, 1, Some(1), false),
            ],
            Some(HoldKeepGoing),
        ),
        Row {
            trigger: Trigger::Return,
            now: Some(9),
            ..row(
                "a week without a session simplifies",
                good(&[1]),
                Some(SimplifyAfterBreak),
            )
        },
        Row {
            trigger: Trigger::Return,
            now: Some(7),
            ..row("six days off is no break", good(&[1]), None)
        },
        // Training days (2026-01-05, day 4, is a Monday; "now" on day k is the morning of
        // the local date k + 1): missed training days count, not calendar days.
        Row {
            trigger: Trigger::Return,
            now: Some(12),
            training_days: mon_wed_fri(),
            ..row(
                "Mon/Wed/Fri, last on Monday, Wed, Fri and Mon missed: simplified on Wednesday",
                good(&[4]),
                Some(SimplifyAfterBreak),
            )
        },
        Row {
            trigger: Trigger::Return,
            now: Some(10),
            training_days: mon_wed_fri(),
            ..row(
                "Mon/Wed/Fri, last on Monday, only Wed and Fri missed: a week later is no break",
                good(&[4]),
                None,
            )
        },
        Row {
            trigger: Trigger::Return,
            now: Some(7),
            training_days: every_day(),
            ..row(
                "every day, last on Monday, Tue, Wed, Thu missed: simplified on Friday",
                good(&[4]),
                Some(SimplifyAfterBreak),
            )
        },
        Row {
            trigger: Trigger::Return,
            now: Some(6),
            training_days: every_day(),
            ..row(
                "every day, last on Monday, Tue and Wed missed: no break on Thursday",
                good(&[4]),
                None,
            )
        },
        // Holds.
        row(
            "no morning score holds",
            vec![s(1, 1, None, true)],
            Some(HoldNoMorning),
        ),
        row(
            "pain 3–5 during holds",
            vec![
                s(1, 1, Some(1), true),
                s(2, 1, Some(1), true),
                s(3, 4, Some(1), true),
            ],
            Some(HoldAcceptablePain),
        ),
        row(
            "fewer than three sessions at this level: keep going",
            good(&[1, 2]),
            Some(HoldKeepGoing),
        ),
        // Advancing a level.
        row(
            "three good sessions advance a level",
            good(&[1, 2, 3]),
            Some(AdvanceLevel),
        ),
        Row {
            since: 2,
            ..row(
                "sessions before the level began do not count",
                good(&[1, 2, 3]),
                Some(HoldKeepGoing),
            )
        },
        row(
            "never advance after a session over 5",
            vec![
                s(1, 1, Some(1), true),
                s(2, 1, Some(1), true),
                s(3, 6, Some(1), true),
            ],
            Some(RegressHighPain),
        ),
        // The phase: pain and range together.
        Row {
            level: 3,
            now: Some(10),
            ..row(
                "top level before 14 days holds",
                good(&[7, 8, 9]),
                Some(HoldPhaseTime),
            )
        },
        Row {
            level: 3,
            ..row(
                "top level without a re-test asks for one",
                good(&[14, 15, 16]),
                Some(HoldNeedsRetest),
            )
        },
        Row {
            level: 3,
            ranges: vec![range(0, 25, 30), range(15, 31, 30)],
            ..row(
                "a 6° gain is within measurement error: holds",
                good(&[14, 15, 16]),
                Some(HoldRange),
            )
        },
        Row {
            level: 3,
            ranges: vec![range(0, 25, 30), range(15, 35, 32)],
            ..row(
                "a re-test with a 10° gain on the stiffer side moves the phase",
                good(&[14, 15, 16]),
                Some(AdvancePhase),
            )
        },
        Row {
            level: 3,
            trigger: RETEST,
            now: Some(17),
            ranges: vec![range(0, 25, 30), range(17, 36, 38)],
            ..row(
                "a re-test into the normal range moves the phase when pain allows",
                good(&[14, 15, 16]),
                Some(AdvancePhase),
            )
        },
        Row {
            level: 2,
            trigger: Trigger::Retest {
                track: Track::LimitedInternalRotation,
                level: 2,
            },
            now: Some(17),
            ranges: vec![range(0, 25, 30), range(17, 36, 38)],
            ..row(
                "a re-test below the top level decides nothing",
                good(&[14, 15, 16]),
                None,
            )
        },
        Row {
            level: 3,
            trigger: Trigger::Retest {
                track: Track::LimitedInternalRotation,
                level: 1,
            },
            now: Some(17),
            ..row(
                "a re-test that starts at level 1 brings level 3 down to it",
                good(&[14, 15, 16]),
                Some(RetestLevel),
            )
        },
        Row {
            level: 2,
            phase: Phase::Movement,
            trigger: Trigger::Retest {
                track: Track::InternallyRotatedHip,
                level: 2,
            },
            now: Some(17),
            ..row(
                "a re-test that finds the other pattern switches the track",
                good(&[14, 15, 16]),
                Some(RetestTrack),
            )
        },
        Row {
            level: 3,
            phase: Phase::Loaded,
            ..row(
                "the last level of the last phase holds",
                good(&[14, 15, 16]),
                Some(HoldTop),
            )
        },
    ]
}

fn run(r: &Row) -> Option<(Rule, Decision, Position, Position)> {
    let program = Program {
        track: Track::LimitedInternalRotation,
        position: Position::new(r.phase, r.level),
        started_at: day(0),
        since: day(r.since),
        phase_since: day(r.phase_since),
    };
    let now = day(r.now.unwrap_or_else(|| {
        r.sessions
            .last()
            .map(|s| (s.started_at - day(0)).num_days() + 1)
            .unwrap_or(1)
    })) + Duration::hours(14);
    let facts = Facts {
        program: &program,
        sessions: &r.sessions,
        ranges: &r.ranges,
        usual_pain: r.usual,
        training_days: r.training_days,
        // The rows live in UTC: the local date is the UTC date.
        today: now.date_naive(),
        since_date: program.since.date_naive(),
        now,
    };
    decide(r.trigger, &facts).map(|v| (v.rule, v.decision, v.from, v.to))
}

#[test]
fn each_rule_fires_where_it_should_and_nowhere_else() {
    let mut failures = Vec::new();
    for r in table() {
        let got = run(&r).map(|(rule, ..)| rule);
        if got != r.expect {
            failures.push(format!(
                "{}: expected {:?}, got {:?}",
                r.name, r.expect, got
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_rule_has_a_row() {
    let covered: Vec<Rule> = table().iter().filter_map(|r| r.expect).collect();
    for rule in Rule::iter() {
        assert!(covered.contains(&rule), "no row fires {rule:?}");
    }
}

#[test]
fn decisions_move_the_level_one_step_at_a_time() {
    for r in table() {
        let Some((rule, decision, from, to)) = run(&r) else {
            continue;
        };
        assert_eq!(decision, rule.decision(), "{}", r.name);
        match decision {
            Decision::Advance if rule == Rule::AdvancePhase => {
                assert_eq!(to.level, 1, "{}", r.name);
                assert_eq!(to.phase.number(), from.phase.number() + 1, "{}", r.name);
            }
            Decision::Advance => assert_eq!((to.phase, to.level), (from.phase, from.level + 1)),
            Decision::Regress if rule == Rule::RetestLevel => {
                assert_eq!(to.phase, from.phase, "{}", r.name);
                assert!(to.level < from.level, "{}", r.name);
            }
            Decision::Regress => assert_eq!(to, from.easier(), "{}", r.name),
            Decision::Switch => assert_eq!(to.phase, Phase::Activation, "{}", r.name),
            Decision::Hold | Decision::Stop => assert_eq!(to, from, "{}", r.name),
        }
    }
}

#[test]
fn every_rule_names_its_source() {
    for rule in Rule::iter() {
        let (when, source) = rule.describe();
        assert!(!when.is_empty() && !source.is_empty(), "{rule:?}");
    }
}

#[test]
fn the_readme_shows_every_rule_as_the_code_has_it() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    for (n, rule) in Rule::iter().enumerate() {
        let (when, source) = rule.describe();
        let row = format!("| {} | `{}` |", n + 1, rule.id());
        assert!(readme.contains(&row), "README lacks {row}");
        assert!(
            readme.contains(when),
            "README lacks the condition of {rule:?}"
        );
        assert!(
            readme.contains(source),
            "README lacks the source of {rule:?}"
        );
    }
}
