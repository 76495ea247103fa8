//! One value of every message shape, for the tests that render every message in every
//! language.

use crate::core::rules::assessment::{Band, Change, PhoneTest, RangeVerdict, Side, Taken, Track};
use crate::core::rules::catalog::{ExerciseId, Muscle, Unit};
use crate::core::rules::progression::Rule;
use crate::core::rules::safety::HoldCause;
use crate::core::say::msg::{ProfileField, Trend};
use crate::core::say::shown::Shown;
use crate::core::values::measures::Weekdays;
use crate::core::values::profile::{Activity, Equipment, PainSite, RedFlag};
use crate::core::values::reminders::ReminderKind;
use crate::core::values::settings::ReminderSetting;
use chrono::{NaiveDate, NaiveTime};
use strum::IntoEnumIterator;

use crate::core::say::msg::{DayPart, Msg};

impl Msg {
    /// One example of every message, with every value of the enums that choose a text,
    /// for the test that renders them all.
    pub fn samples() -> Vec<Msg> {
        let mut all: Vec<Msg> = Msg::iter().collect();
        all.extend(Activity::iter().map(Msg::Activity));
        all.extend(PainSite::iter().map(Msg::PainSite));
        all.extend(Equipment::iter().map(Msg::Equipment));
        all.extend(RedFlag::iter().map(Msg::RedFlag));
        all.extend(Band::iter().map(Msg::Band));
        for greeting in DayPart::iter() {
            all.push(Msg::Hello { greeting });
            all.push(Msg::AskMorningPain { usual: 2, greeting });
        }
        all.push(Msg::ProgressWeek {
            sessions: 0,
            streak: 0,
        });
        all.push(Msg::ProgressWeek {
            sessions: 3,
            streak: 1,
        });
        all.extend(ExerciseId::iter().map(Msg::ExerciseName));
        all.extend(ExerciseId::iter().map(Msg::ExerciseHow));
        all.extend(Muscle::iter().map(Msg::Muscle));
        all.extend(Rule::iter().map(|rule| Msg::Decided {
            rule,
            phase: 2,
            level: 1,
        }));
        for unit in [Unit::Reps, Unit::Seconds, Unit::Steps, Unit::Cycles] {
            for per_side in [true, false] {
                for hold in [0, 5] {
                    all.push(Msg::DoseLine {
                        sets: 2,
                        amount: 10,
                        unit,
                        per_side,
                        hold,
                    });
                }
            }
        }
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let sample_day = Shown::day(today, today);
        // Every weekday and month, with the year and without, with a time and without.
        for days in [
            0, 1, 2, 3, 4, 5, 6, 30, 61, 91, 122, 152, 183, 214, 244, 275, 305, 336,
        ] {
            let date = today + chrono::Duration::days(days);
            let at = date.and_hms_opt(10, 0, 0).unwrap_or_default();
            all.push(Shown::day(date, today).msg());
            all.push(Shown::at(at, today).msg());
            all.push(Msg::Paused {
                until: Shown::at(at, today),
            });
            all.push(Msg::BreakMovedOk {
                when: Shown::at(at, today),
            });
            all.push(Msg::VacationSet {
                from: Shown::day(date, today),
                to: Shown::day(date, today),
            });
            all.push(Msg::VacationLine {
                from: Shown::day(date, today),
                to: Shown::day(date, today),
            });
        }
        for (during, morning) in [(None, None), (Some(3), None), (Some(3), Some(1))] {
            all.push(Msg::HistoryLine {
                date: sample_day.clone(),
                phase: 1,
                level: 2,
                done: 3,
                planned: 4,
                during,
                morning,
            });
        }
        all.push(Msg::RangeSummary {
            date: sample_day.clone(),
            left: Some(35),
            right: None,
        });
        all.push(Msg::WorkTimes {
            days: Weekdays::MON_FRI,
            from: NaiveTime::from_hms_opt(9, 0, 0).unwrap_or_default(),
            to: NaiveTime::from_hms_opt(17, 0, 0).unwrap_or_default(),
        });
        for kind in ReminderKind::iter() {
            all.push(Msg::ReminderLine {
                kind,
                when: sample_day.clone(),
            });
        }
        for side in [Side::Left, Side::Right] {
            for (change, kind) in [
                (12, Change::Gain),
                (-14, Change::Loss),
                (3, Change::Same),
                (0, Change::Same),
                (-5, Change::Unlike),
            ] {
                all.push(Msg::ResultChange { side, change, kind });
                all.push(Msg::ProgressSideChange { side, change, kind });
            }
        }
        all.extend(HoldCause::iter().map(|cause| Msg::HoldNote { cause }));
        all.extend(Rule::iter().map(|rule| Msg::GentlestAlready { rule }));
        all.extend(
            [Track::LimitedInternalRotation, Track::InternallyRotatedHip].map(Msg::TrackName),
        );
        all.extend(
            [Track::LimitedInternalRotation, Track::InternallyRotatedHip]
                .map(|track| Msg::ResultTrack { track }),
        );
        for side in [Side::Left, Side::Right] {
            all.push(Msg::TestAskSide { side });
            all.push(Msg::ResultSideMissing { side });
            all.push(Msg::PhoneMeasured {
                side,
                degrees: 38,
                low: 37,
                high: 40,
            });
            all.extend(PhoneTest::iter().map(|test| Msg::PhoneWrongStep { test, side }));
            for verdict in [
                RangeVerdict::Below,
                RangeVerdict::Within,
                RangeVerdict::Above,
            ] {
                for how in Taken::iter() {
                    all.push(Msg::ResultSide {
                        side,
                        degrees: 30,
                        how,
                        verdict,
                        low: 35,
                        high: 45,
                    });
                }
            }
        }
        all.extend(ProfileField::iter().map(|field| Msg::ProfileLine {
            field,
            value: Box::new(Msg::NotAnswered),
        }));
        all.extend(ProfileField::iter().map(|field| Msg::SettingSavedValue {
            field,
            value: Box::new(Msg::Literal("19:30".into())),
        }));
        for trend in Trend::iter() {
            all.push(Msg::ReviewPainDuring { trend });
            all.push(Msg::ReviewPainMorning { trend });
        }
        all.push(Msg::ReviewTitle {
            from: sample_day.clone(),
            to: sample_day.clone(),
        });
        all.push(Msg::StatsTitle {
            from: sample_day.clone(),
        });
        for setting in ReminderSetting::iter() {
            all.push(Msg::AskSetting { setting });
            all.push(Msg::SettingLine {
                setting,
                value: Box::new(Msg::SettingOff),
            });
        }
        all
    }
}
