//! Every message the bot can say, as a typed value. `i18n` turns each into text from
//! `messages/<lang>/*.ftl`; the Fluent id is the variant name in kebab-case
//! (`Msg::ConsentDeclined` → `consent-declined`), and the fields are its arguments.
//! Tests assert on these values, so rewording a text never breaks a test of behaviour.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use strum::{EnumIter, IntoEnumIterator, IntoStaticStr};

use crate::core::values::measures::Weekdays;

use crate::core::rules::assessment::{Band, Change, RangeVerdict, Side, Track};
use crate::core::rules::safety::{Hold, HoldCause};

use crate::core::read::command::Command;
use crate::core::rules::catalog::{Dose, ExerciseId, Muscle, Unit};
use crate::core::rules::progression::Rule;
use crate::core::values::profile::{Activity, Equipment, PainSite, RedFlag};
use crate::core::values::reminders::ReminderKind;

#[derive(Clone, Debug, PartialEq, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Msg {
    // Building blocks that are not Fluent messages of their own.
    /// Text shown as is: a city name on a button, a time.
    Literal(String),
    /// From one to the other: `Mo–Fr`.
    Span(Box<Msg>, Box<Msg>),
    /// `/name — description` for one command.
    CommandLine(Command),
    /// Several messages, one per line.
    Lines(Vec<Msg>),
    /// Several messages on one line, separated by commas.
    Join(Vec<Msg>),
    /// A selected option on a button: `✓ label`.
    Checked(Box<Msg>),
    /// A list item: `• text`.
    Bullet(Box<Msg>),
    /// The names of choices; Fluent ids `activity-…`, `pain-site-…`, `equipment-…`,
    /// `red-flag-…`, `band-…`, `track-…`.
    Activity(Activity),
    PainSite(PainSite),
    Equipment(Equipment),
    RedFlag(RedFlag),
    Band(Band),
    TrackName(Track),
    /// An exercise's name (`ex-<code>`), its steps and cues (`ex-<code>-how`), a muscle
    /// (`muscle-<code>`); codes in kebab-case.
    ExerciseName(ExerciseId),
    ExerciseHow(ExerciseId),
    Muscle(Muscle),

    // First contact and consent.
    Welcome,
    ConsentAgree,
    ConsentDecline,
    ConsentDeclined,
    ConsentThanks,
    StrangerHelp,

    // Time zone.
    AskTimezone,
    ShareLocation,
    TimezoneUnknown {
        input: String,
    },
    TimezoneOffsetRange,
    LocationUnknown,
    LocationNotNeeded,
    ConfirmTimezone {
        time: NaiveTime,
        zone: String,
    },
    ConfirmTimezoneAgain,
    FixedOffsetNote,
    Yes,
    No,
    NoChangeIt,
    TimezoneSaved {
        zone: String,
    },

    // Intake.
    IntakeIntro,
    AskAge,
    AgeUnder20,
    AgeUnder18,
    Age18To50,
    Age20To50,
    AgeOver50,
    AgeNotUnderstood,
    AskActivities,
    ActivitiesNeedOne,
    AskSitting,
    SittingHours {
        hours: i64,
    },
    HoursNotUnderstood,
    AskWorkingHours,
    WorkingHoursNotUnderstood,
    AskLunch,
    NoLunch,
    LunchNotUnderstood,
    AskDrillTime,
    TimeNotUnderstood,
    AskTrainingDays,
    TrainingDaysTooFew,
    TrainingDaysNotUnderstood,
    EveryDay,
    /// Short weekday names: the training-day buttons, /profile.
    WeekdayMon,
    WeekdayTue,
    WeekdayWed,
    WeekdayThu,
    WeekdayFri,
    WeekdaySat,
    WeekdaySun,
    AskPainSites,
    Nowhere,
    AskUsualPain,
    PainNotUnderstood,
    AskEquipment,
    NoneOfThese,
    AskRedFlags,
    AskSymptomsNow,
    TapWhichApplies,
    AnyOtherSigns,
    RedFlagsNothingTicked,
    /// Signs read from a typed answer, before they are stored: the list follows, then
    /// `ConfirmFlagsRight`.
    ConfirmFlags,
    ConfirmFlagsRight,
    ChoiceNotUnderstood,
    Done,
    RedFlagStop,
    RedFlagComeBack,
    AskCleared,
    ClearedYes,
    ClearedNotYet,
    NotYetCleared,
    ClearedThanks,
    /// Why there are no drills now, in one kind sentence (`safety::Hold`).
    HoldNote {
        cause: HoldCause,
    },
    MinorReferral,
    SymptomsIntro,
    SymptomsNone,
    FlagsNotNoted,
    AskLanguage,
    AskResume,
    Continue,
    StartOver,

    // Self-tests.
    TestsIntro,
    TestSeated,
    TestProneInternal,
    TestProneExternal,
    TestAskSide {
        side: Side,
    },
    TestSupine,
    FeetInward,
    FeetOutward,
    FeetEven,
    TestFigure4,
    TestButterfly,
    PassYes,
    FailNo,
    TestPain,
    AskUsualPainNow,
    Skip,
    ItHurt,
    CannotPosition,
    TestHurtNote,
    DegreesNotUnderstood,

    // The result.
    ResultTitle,
    ResultSide {
        side: Side,
        degrees: i64,
        estimate: bool,
        verdict: RangeVerdict,
        low: i64,
        high: i64,
    },
    ResultSideMissing {
        side: Side,
    },
    ResultAsymmetry {
        difference: i64,
    },
    ResultEven {
        difference: i64,
    },
    ResultTrack {
        track: Track,
    },
    ResultTrackFine,
    ResultLevel {
        level: i64,
    },
    ResultHurtNote,
    ResultStop {
        score: i64,
    },
    ResultNext,
    /// A side since the last test: the change in degrees, and what it means.
    ResultChange {
        side: Side,
        change: i64,
        kind: Change,
    },
    ResultNothingMeasured,
    RetestNothingMeasured,
    RangeDropped,
    CheckSymptoms,
    NothingHappened,
    DropNoted,
    RetestKeeps {
        phase: i64,
        level: i64,
    },

    // Profile and settings.
    ProfileTitle,
    ProfileFooter,
    ProfileLine {
        field: ProfileField,
        value: Box<Msg>,
    },
    NotAnswered,
    SettingsMenu,
    SettingSaved,
    LanguageName,

    // The program and its sessions.
    ProgramStarted {
        level: i64,
    },
    NoProgramYet,
    SessionIntro {
        phase: i64,
        level: i64,
        count: i64,
        minutes: i64,
    },
    SessionHowTo,
    ExerciseHeader {
        number: i64,
        total: i64,
        name: Box<Msg>,
    },
    DoseLine {
        sets: i64,
        amount: i64,
        unit: Unit,
        per_side: bool,
        hold: i64,
    },
    Works(Box<Msg>),
    OutcomeDone,
    OutcomeTooEasy,
    OutcomeTooHard,
    OutcomeHurts,
    TapAnOutcome,
    AskHurtScore,
    HurtChoice {
        score: i64,
    },
    TryEasier(Box<Msg>),
    SkipThisOne,
    StopForToday,
    SomethingElse,
    StopHighPain {
        score: i64,
    },
    SessionWellDone,
    AskSessionPain,
    SessionSaved {
        score: i64,
    },
    SessionAlreadyDone,
    AskMorningPain {
        usual: i64,
    },
    MorningThanks,
    MorningSkipped,
    OfferRetest,
    RetestNow,
    SessionFirst,
    /// A progression decision, told in one or two sentences: Fluent id `rule-<id>`.
    Decided {
        rule: Rule,
        phase: i64,
        level: i64,
    },
    /// A step easier was due, but this is already the gentlest one.
    GentlestAlready {
        rule: Rule,
    },
    ProgramStoppedComeBack,
    ProgramResumed,
    ProgramResumedGentlest,
    HistoryTitle,
    HistoryEmpty,
    HistoryLine {
        date: Shown,
        phase: i64,
        level: i64,
        done: i64,
        planned: i64,
        /// `None` when not given.
        during: Option<u8>,
        morning: Option<u8>,
    },
    ProgressTitle,
    ProgressEmpty,
    ProgressWeek {
        sessions: i64,
        streak: i64,
    },
    /// One side since the first test, each side with itself.
    ProgressSideChange {
        side: Side,
        change: i64,
        kind: Change,
    },
    /// Mean pain of the last sessions, in tenths.
    ProgressPain {
        tenths: i64,
    },
    ProgressPosition {
        phase: i64,
        level: i64,
    },
    ChartRange,
    ChartPain,
    ChartLeft,
    ChartRight,
    ChartNormal,
    ChartDuring,
    ChartMorning,

    // Reminders.
    BreakNudge {
        name: Box<Msg>,
    },
    BreakNudgeWalk,
    BreakDone,
    BreakSnooze,
    BreakMeeting,
    BreakThanks,
    BreakSkipped,
    BreakSnoozed,
    BreakMeetingOk,
    DailyNudge {
        minutes: i64,
    },
    StartSession,
    NotToday,
    NotTodayOk,
    PauseHowLong,
    Paused {
        until: Shown,
    },
    PauseNotUnderstood,
    Resumed,
    PausedUntil {
        until: Shown,
    },
    QuietOff,
    QuietSet {
        from: NaiveTime,
        to: NaiveTime,
    },
    QuietHowTo,
    BreaksSet {
        minutes: i64,
    },
    BreaksHowTo {
        minutes: i64,
    },
    MorningTimeSet {
        time: NaiveTime,
    },
    MorningTimeHowTo,
    NoReminders,
    RemindersTitle,
    ReminderLine {
        kind: ReminderKind,
        when: Shown,
    },
    /// A date as the person reads it (see [`Shown`]): weekday 1 (Monday) to 7, month 1 to
    /// 12; `year` 0 is left out, and the time when `hour` is -1.
    Date {
        weekday: i64,
        day: i64,
        month: i64,
        year: i64,
        hour: i64,
        time: NaiveTime,
    },
    /// Working days and hours: `Mo–Fr 09:00–17:00`.
    WorkTimes {
        days: Weekdays,
        from: NaiveTime,
        to: NaiveTime,
    },
    /// A stretch of the day: `12:00–13:00`.
    TimeSpan {
        from: NaiveTime,
        to: NaiveTime,
    },
    /// A time of day.
    Clock {
        time: NaiveTime,
    },
    /// A pain score on the 0–10 scale: `2/10`.
    OutOfTen {
        score: i64,
    },
    /// The latest self-test in one line: its date and the inward rotation per side.
    RangeSummary {
        date: Shown,
        left: Option<u8>,
        right: Option<u8>,
    },
    RemindersHelp,

    // The person's data.
    ExportReady,
    AskDelete,
    DeleteYes,
    DeleteNo,
    Deleted,
    DeleteKept,
    NothingStored,

    // Around the conversation.
    SetupDone,
    WelcomeBack,
    Help,
    NotUnderstood,
    UnknownCommand {
        command: String,
    },
    MediaNotSupported,
    EditNotRead,
    ButtonExpired,
    StateReset,
    PrivateOnly,
    TryAgainLater,
    /// The database was found damaged: nothing can be saved until it is restored.
    UnderMaintenance,
    NeedsIntake,
}

impl Default for Msg {
    /// Needed to list every variant in tests; never shown on its own.
    fn default() -> Msg {
        Msg::NotAnswered
    }
}

/// A line of /profile, and an entry of the /settings menu.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum ProfileField {
    #[default]
    Timezone,
    Age,
    Activities,
    Sitting,
    WorkingHours,
    Lunch,
    DrillTime,
    TrainingDays,
    PainSites,
    UsualPain,
    Equipment,
    Language,
    RedFlags,
    Assessment,
}

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

/// A local date, and perhaps a time, shown to the person: in their language's format, and
/// with the year when it is not this year or lies more than 300 days away (ours: a weekday,
/// day and month alone would read as the coming one).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub year: bool,
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
    /// The line that says how much: `2 × 12 reps per side, hold 5 s each`.
    pub fn dose(dose: &Dose) -> Msg {
        Msg::DoseLine {
            sets: i64::from(dose.sets),
            amount: i64::from(dose.amount),
            unit: dose.unit,
            per_side: dose.per_side,
            hold: i64::from(dose.hold.unwrap_or(0)),
        }
    }

    /// A weekday's short name.
    pub fn weekday(day: Weekday) -> Msg {
        match day {
            Weekday::Mon => Msg::WeekdayMon,
            Weekday::Tue => Msg::WeekdayTue,
            Weekday::Wed => Msg::WeekdayWed,
            Weekday::Thu => Msg::WeekdayThu,
            Weekday::Fri => Msg::WeekdayFri,
            Weekday::Sat => Msg::WeekdaySat,
            Weekday::Sun => Msg::WeekdaySun,
        }
    }

    /// A set of days: their short names, or "every day" for all seven.
    pub fn days(days: Weekdays) -> Msg {
        if days == Weekdays::EVERY_DAY {
            return Msg::EveryDay;
        }
        Msg::Join(
            days.runs()
                .into_iter()
                .map(|(first, last)| {
                    if first == last {
                        Msg::weekday(first)
                    } else {
                        Msg::Span(Box::new(Msg::weekday(first)), Box::new(Msg::weekday(last)))
                    }
                })
                .collect(),
        )
    }

    /// The Fluent message id.
    pub fn id(&self) -> &'static str {
        self.into()
    }

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
            Msg::UnknownCommand { command } => vec![("command", text(command))],
            Msg::SittingHours { hours } => vec![("hours", Arg::Number(*hours))],
            Msg::TestAskSide { side } | Msg::ResultSideMissing { side } => {
                vec![("side", word(side.into()))]
            }
            Msg::ResultSide {
                side,
                degrees,
                estimate,
                verdict,
                low,
                high,
            } => vec![
                ("side", word(side.into())),
                ("degrees", Arg::Number(*degrees)),
                ("estimate", word(if *estimate { "yes" } else { "no" })),
                ("verdict", word(verdict.into())),
                ("low", Arg::Number(*low)),
                ("high", Arg::Number(*high)),
            ],
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
            Msg::ProgramStarted { level } => vec![("level", Arg::Number(*level))],
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
            Msg::AskMorningPain { usual } => vec![("usual", Arg::Number(*usual))],
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
            Msg::Paused { until } | Msg::PausedUntil { until } => {
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
            Msg::QuietSet { from, to } => vec![("from", Arg::Time(*from)), ("to", Arg::Time(*to))],
            Msg::BreaksSet { minutes } | Msg::BreaksHowTo { minutes } => {
                vec![("minutes", Arg::Number(*minutes))]
            }
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

    /// One example of every message, with every value of the enums that choose a text,
    /// for the test that renders them all.
    pub fn samples() -> Vec<Msg> {
        let mut all: Vec<Msg> = Msg::iter().collect();
        all.extend(Activity::iter().map(Msg::Activity));
        all.extend(PainSite::iter().map(Msg::PainSite));
        all.extend(Equipment::iter().map(Msg::Equipment));
        all.extend(RedFlag::iter().map(Msg::RedFlag));
        all.extend(Band::iter().map(Msg::Band));
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
            for verdict in [
                RangeVerdict::Below,
                RangeVerdict::Within,
                RangeVerdict::Above,
            ] {
                for estimate in [true, false] {
                    all.push(Msg::ResultSide {
                        side,
                        degrees: 30,
                        estimate,
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
        all
    }
}

impl Hold {
    /// The one kind sentence that says why there are no drills now.
    pub fn note(&self) -> Msg {
        let cause = if self.minor {
            HoldCause::Minor
        } else {
            self.cause
        };
        Msg::HoldNote { cause }
    }
}
