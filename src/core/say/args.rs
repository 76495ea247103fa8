//! The typed arguments of a message, and the dates it shows: what `i18n` formats in the
//! person's language.

use crate::core::say::msg::Msg;
use crate::core::say::shown::Shown;
use crate::core::values::measures::Weekdays;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

/// A value handed to a Fluent message.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// What the person typed, or a name (a time zone, a command): shown as it is.
    Text(String),
    Number(i64),
    /// A time of day, in the language's clock format.
    Time(NaiveTime),
    /// Weekdays, named in the language.
    Days(Weekdays),
    /// An angle in degrees, or a dash when not measured.
    Degrees(Option<u8>),
    /// A pain score, or `none` (for a Fluent selector) when not given.
    Score(Option<u8>),
    /// Rendered as [`Msg::Date`] in the message's language.
    Date(Shown),
}

impl Shown {
    /// A day, seen from the person's `today`.
    pub fn day(date: NaiveDate, today: NaiveDate) -> Shown {
        let far = (date - today).num_days().abs() > 300;
        Shown {
            date,
            time: None,
            year: far || date.year() != today.year(),
        }
    }

    /// A day and a wall time, seen from the person's `today`.
    pub fn at(at: NaiveDateTime, today: NaiveDate) -> Shown {
        Shown {
            time: Some(at.time()),
            ..Shown::day(at.date(), today)
        }
    }

    /// The message that renders it.
    pub fn msg(&self) -> Msg {
        Msg::Date {
            weekday: i64::from(self.date.weekday().number_from_monday()),
            day: i64::from(self.date.day()),
            month: i64::from(self.date.month()),
            year: if self.year {
                i64::from(self.date.year())
            } else {
                0
            },
            hour: self.time.map_or(-1, |t| i64::from(t.hour())),
            time: self.time.unwrap_or_default(),
        }
    }
}

impl Msg {
    /// The arguments the Fluent message uses.
    pub fn args(&self) -> Vec<(&'static str, Arg)> {
        let text = |s: &String| Arg::Text(s.clone());
        let word = |s: &'static str| Arg::Text(s.to_string());
        match self {
            Msg::TimezoneUnknown { input } => vec![("input", text(input))],
            Msg::ConfirmTimezone { time, zone } => {
                vec![("time", Arg::Time(*time)), ("zone", text(zone))]
            }
            Msg::TimezoneSaved { zone } => vec![("zone", text(zone))],
            Msg::ZoneDidYouMean { input, place, zone } => vec![
                ("input", text(input)),
                ("place", text(place)),
                ("zone", text(zone)),
            ],
            Msg::ZoneAbbreviationWhich { abbrev } => vec![("abbrev", text(abbrev))],
            Msg::ZoneAbbreviationNote { abbrev, place }
            | Msg::ZoneAbbreviationNoteNoDst { abbrev, place } => {
                vec![("abbrev", text(abbrev)), ("place", text(place))]
            }
            Msg::ZoneChoice { place, zone } => vec![("place", text(place)), ("zone", text(zone))],
            Msg::UnknownCommand { command } => vec![("command", text(command))],
            Msg::SittingHours { hours } => vec![("hours", Arg::Number(*hours))],
            Msg::TestAskSide { side } | Msg::ResultSideMissing { side } => {
                vec![("side", word(side.into()))]
            }
            Msg::ResultSide {
                side,
                degrees,
                how,
                verdict,
                low,
                high,
            } => vec![
                ("side", word(side.into())),
                ("degrees", Arg::Number(*degrees)),
                ("how", word(how.into())),
                ("verdict", word(verdict.into())),
                ("low", Arg::Number(*low)),
                ("high", Arg::Number(*high)),
            ],
            Msg::PhoneMeasured {
                side,
                degrees,
                low,
                high,
            } => vec![
                ("side", word(side.into())),
                ("degrees", Arg::Degrees(u8::try_from(*degrees).ok())),
                ("low", Arg::Degrees(u8::try_from(*low).ok())),
                ("high", Arg::Degrees(u8::try_from(*high).ok())),
            ],
            Msg::PhoneWrongStep { test, side } => {
                vec![("test", word(test.into())), ("side", word(side.into()))]
            }
            Msg::PhoneOutOfRange { degrees } => vec![("degrees", Arg::Number(*degrees))],
            Msg::ResultAsymmetry { difference } | Msg::ResultEven { difference } => {
                vec![("difference", Arg::Number(*difference))]
            }
            Msg::ResultTrack { track } => vec![("track", word(track.into()))],
            Msg::ResultLevel { level } => vec![("level", Arg::Number(*level))],
            Msg::ResultStop { score } => vec![("score", Arg::Number(*score))],
            Msg::ResultChange { side, change, kind }
            | Msg::ProgressSideChange { side, change, kind } => vec![
                ("side", word(side.into())),
                ("kind", word(kind.into())),
                ("change", Arg::Number(change.abs())),
                (
                    "sign",
                    word(match change.signum() {
                        1 => "+",
                        -1 => "−",
                        _ => "±",
                    }),
                ),
            ],
            Msg::HoldNote { cause } => vec![("cause", word(cause.into()))],
            Msg::GentlestAlready { rule } => vec![("rule", word(rule.id()))],
            Msg::RetestKeeps { phase, level } => vec![
                ("phase", Arg::Number(*phase)),
                ("level", Arg::Number(*level)),
            ],
            Msg::ProfileLine { field, .. } => vec![("field", word(field.into()))],
            Msg::ProgramStarted { level, minutes } => vec![
                ("level", Arg::Number(*level)),
                ("minutes", Arg::Number(*minutes)),
            ],
            Msg::SessionIntro {
                phase,
                level,
                count,
                minutes,
            } => vec![
                ("phase", Arg::Number(*phase)),
                ("level", Arg::Number(*level)),
                ("count", Arg::Number(*count)),
                ("minutes", Arg::Number(*minutes)),
            ],
            Msg::ExerciseHeader { number, total, .. } => {
                vec![
                    ("number", Arg::Number(*number)),
                    ("total", Arg::Number(*total)),
                ]
            }
            Msg::DoseLine {
                sets,
                amount,
                unit,
                per_side,
                hold,
            } => vec![
                ("sets", Arg::Number(*sets)),
                ("amount", Arg::Number(*amount)),
                ("unit", word(unit.into())),
                ("per_side", word(if *per_side { "yes" } else { "no" })),
                ("hold", Arg::Number(*hold)),
            ],
            Msg::HurtChoice { score }
            | Msg::StopHighPain { score }
            | Msg::SessionSaved { score } => vec![("score", Arg::Number(*score))],
            Msg::AskMorningPain { usual, greeting } => vec![
                ("usual", Arg::Number(*usual)),
                ("greeting", word(greeting.into())),
            ],
            Msg::Hello { greeting } => vec![("greeting", word(greeting.into()))],
            Msg::NextSession { minutes } => vec![("minutes", Arg::Number(*minutes))],
            Msg::Decided { phase, level, .. } | Msg::ProgressPosition { phase, level } => {
                vec![
                    ("phase", Arg::Number(*phase)),
                    ("level", Arg::Number(*level)),
                ]
            }
            Msg::HistoryLine {
                date,
                phase,
                level,
                done,
                planned,
                during,
                morning,
            } => vec![
                ("date", Arg::Date(date.clone())),
                ("phase", Arg::Number(*phase)),
                ("level", Arg::Number(*level)),
                ("done", Arg::Number(*done)),
                ("planned", Arg::Number(*planned)),
                ("during", Arg::Score(*during)),
                ("morning", Arg::Score(*morning)),
            ],
            Msg::ProgressWeek { sessions, streak } => vec![
                ("sessions", Arg::Number(*sessions)),
                ("streak", Arg::Number(*streak)),
            ],
            Msg::MorningTimeSet { time } | Msg::Clock { time } => vec![("time", Arg::Time(*time))],
            Msg::DailyNudge { minutes } => vec![("minutes", Arg::Number(*minutes))],
            Msg::SettingLine { setting, .. } | Msg::AskSetting { setting } => {
                vec![("setting", word(setting.into()))]
            }
            Msg::ReviewTitle { from, to } => {
                vec![
                    ("from", Arg::Date(from.clone())),
                    ("to", Arg::Date(to.clone())),
                ]
            }
            Msg::StatsTitle { from } => vec![("from", Arg::Date(from.clone()))],
            Msg::ReviewSessions { done, planned } => {
                vec![
                    ("done", Arg::Number(*done)),
                    ("planned", Arg::Number(*planned)),
                ]
            }
            Msg::ReviewBreaks {
                done,
                snoozed,
                skipped,
            } => vec![
                ("done", Arg::Number(*done)),
                ("snoozed", Arg::Number(*snoozed)),
                ("skipped", Arg::Number(*skipped)),
            ],
            Msg::ReviewPainDuring { trend } | Msg::ReviewPainMorning { trend } => {
                vec![("trend", word(trend.into()))]
            }
            Msg::ReviewNoChange { phase, level } => {
                vec![
                    ("phase", Arg::Number(*phase)),
                    ("level", Arg::Number(*level)),
                ]
            }
            Msg::StatsLastWeek {
                done,
                planned,
                breaks,
            } => vec![
                ("done", Arg::Number(*done)),
                ("planned", Arg::Number(*planned)),
                ("breaks", Arg::Number(*breaks)),
            ],
            Msg::SettingSavedValue { field, .. } => vec![("field", word(field.into()))],
            Msg::EveryMinutes { minutes } => vec![("minutes", Arg::Number(*minutes))],
            Msg::Paused { until } | Msg::PausedUntil { until } | Msg::UntilDate { until } => {
                vec![("until", Arg::Date(until.clone()))]
            }
            Msg::Date {
                weekday,
                day,
                month,
                year,
                hour,
                time,
            } => vec![
                ("weekday", Arg::Number(*weekday)),
                ("day", Arg::Number(*day)),
                ("month", Arg::Number(*month)),
                ("year", Arg::Number(*year)),
                ("hour", Arg::Number(*hour)),
                ("time", Arg::Time(*time)),
            ],
            Msg::WorkTimes { days, from, to } => vec![
                ("days", Arg::Days(*days)),
                ("from", Arg::Time(*from)),
                ("to", Arg::Time(*to)),
            ],
            Msg::TimeSpan { from, to } => vec![("from", Arg::Time(*from)), ("to", Arg::Time(*to))],
            Msg::OutOfTen { score } => vec![("score", Arg::Number(*score))],
            Msg::RangeSummary { date, left, right } => vec![
                ("date", Arg::Date(date.clone())),
                ("left", Arg::Degrees(*left)),
                ("right", Arg::Degrees(*right)),
            ],
            Msg::BreaksNeedHours { minutes } => vec![("minutes", Arg::Number(*minutes))],
            Msg::DrillTimeIsQuiet { time, from } => {
                vec![("time", Arg::Time(*time)), ("from", Arg::Time(*from))]
            }
            Msg::QuietSet { from, to } => vec![("from", Arg::Time(*from)), ("to", Arg::Time(*to))],
            Msg::BreaksSet { minutes }
            | Msg::BreaksHowTo { minutes }
            | Msg::BreaksOn { minutes } => {
                vec![("minutes", Arg::Number(*minutes))]
            }
            Msg::ComeBackCheckIn { days, minutes } => vec![
                ("days", Arg::Number(*days)),
                ("minutes", Arg::Number(*minutes)),
            ],
            Msg::LessOftenAsk { days } => vec![("days", Arg::Number(*days))],
            Msg::LessOftenKept { minutes } => vec![("minutes", Arg::Number(*minutes))],
            Msg::QuietSwallowsSession { time, from } => {
                vec![("time", Arg::Time(*time)), ("from", Arg::Time(*from))]
            }
            Msg::MoveSessionBeforeQuiet { time } | Msg::SessionMoved { time } => {
                vec![("time", Arg::Time(*time))]
            }
            Msg::VacationSet { from, to } | Msg::VacationLine { from, to } => vec![
                ("from", Arg::Date(from.clone())),
                ("to", Arg::Date(to.clone())),
            ],
            Msg::BreakMovedOk { when } => vec![("when", Arg::Date(when.clone()))],
            Msg::BreaksTooShort { minutes, low, high }
            | Msg::BreaksTooLong { minutes, low, high } => vec![
                ("minutes", Arg::Number(*minutes)),
                ("low", Arg::Number(*low)),
                ("high", Arg::Number(*high)),
            ],
            Msg::ReminderLine { kind, when } => {
                vec![
                    ("kind", word(kind.into())),
                    ("when", Arg::Date(when.clone())),
                ]
            }
            Msg::ProgressPain { tenths } => vec![
                ("whole", Arg::Number(tenths / 10)),
                ("tenth", Arg::Number(tenths % 10)),
            ],
            _ => Vec::new(),
        }
    }
}
