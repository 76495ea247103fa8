//! Every message the bot can say, as a typed value. `i18n` turns each into text from
//! `messages/<lang>/*.ftl`; the Fluent id is the variant name in kebab-case
//! (`Msg::ConsentDeclined` → `consent-declined`), and the fields are its arguments.
//! Tests assert on these values, so rewording a text never breaks a test of behaviour.

use crate::core::say::shown::Shown;
use chrono::{NaiveTime, Weekday};
use strum::{EnumIter, IntoStaticStr};

use crate::core::values::measures::Weekdays;

use crate::core::rules::assessment::{Band, Change, PhoneTest, RangeVerdict, Side, Taken, Track};
use crate::core::rules::safety::{Hold, HoldCause};

use crate::core::read::command::Command;
use crate::core::read::tokens::AnswerError;
use crate::core::rules::catalog::{Dose, ExerciseId, Muscle, Unit};
use crate::core::rules::progression::Rule;
use crate::core::values::profile::{Activity, Equipment, PainSite, RedFlag};
use crate::core::values::reminders::ReminderKind;
use crate::core::values::settings::ReminderSetting;

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
    // Time zone: near misses and abbreviations (messages/*/zone.ftl).
    ZoneDidYouMean {
        input: String,
        place: String,
        zone: String,
    },
    ZoneAbbreviationWhich {
        abbrev: String,
    },
    ZoneAbbreviationNote {
        abbrev: String,
        place: String,
    },
    ZoneAbbreviationNoteNoDst {
        abbrev: String,
        place: String,
    },
    ZoneChoice {
        place: String,
        zone: String,
    },
    ZoneNoneOfThese,

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

    // The measuring page (a Telegram Mini App) for the seated and face-down tests.
    /// Under the question: the button below the typing field opens the page.
    MeasureOffer,
    /// The button's label.
    MeasureButton,
    /// The measuring questions are over: the button is taken away.
    MeasureDone,
    /// The page's number, taken.
    PhoneMeasured {
        side: Side,
        degrees: i64,
        low: i64,
        high: i64,
    },
    /// The page measured another test or side than the one asked now.
    PhoneWrongStep {
        test: PhoneTest,
        side: Side,
    },
    /// The page sent a number beyond what a hip turns.
    PhoneOutOfRange {
        degrees: i64,
    },
    /// The page's answer could not be read.
    PhoneUnreadable,
    /// The page was opened for an earlier question, or answered after the measuring.
    PhoneTooLate,
    /// A measurement arrived while no measuring question is open.
    MeasureNotAsked,

    // The result.
    ResultTitle,
    ResultSide {
        side: Side,
        degrees: i64,
        how: Taken,
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
    LanguageName,

    // The program and its sessions.
    ProgramStarted {
        level: i64,
        /// The first session's length, from the same estimate as /today's.
        minutes: i64,
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
    /// The end of a session in which nothing was done: no praise.
    SessionOver,
    AskSessionPain,
    SessionSaved {
        score: i64,
    },
    SessionAlreadyDone,
    AskMorningPain {
        usual: i64,
        /// The greeting, by the person's local time.
        greeting: DayPart,
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
    // The reminder rhythm (issue 12): messages/*/rhythm.ftl.
    NoFixedHours,
    NoFixedHoursBreaksOff,
    BreaksOn {
        minutes: i64,
    },
    BreaksOff,
    BreakMoved,
    VacationSet {
        from: Shown,
        to: Shown,
    },
    VacationLine {
        from: Shown,
        to: Shown,
    },
    VacationOff,
    VacationHowTo,
    QuietSwallowsSession {
        time: NaiveTime,
        from: NaiveTime,
    },
    MoveSessionBeforeQuiet {
        time: NaiveTime,
    },
    KeepSessionTime,
    SessionMoved {
        time: NaiveTime,
    },
    SessionTimeKept,
    LessOftenAsk {
        days: i64,
    },
    LessOftenTwoHours,
    LessOftenOff,
    LessOftenKeep,
    LessOftenKept {
        minutes: i64,
    },
    ComeBackCheckIn {
        days: i64,
        minutes: i64,
    },
    BreakMovedOk {
        when: Shown,
    },
    BreaksAreOff,
    BreaksNeedHours {
        minutes: i64,
    },
    BreaksTooShort {
        minutes: i64,
        low: i64,
        high: i64,
    },
    BreaksTooLong {
        minutes: i64,
        low: i64,
        high: i64,
    },
    MorningTimeSet {
        time: NaiveTime,
    },
    MorningTimeHowTo,
    NoReminders,
    /// Set up, but nothing falls due (breaks off, the drill time in quiet hours, a pause).
    NothingPlanned,
    /// The drill time lies in the quiet hours: no session reminder.
    DrillTimeIsQuiet {
        time: NaiveTime,
        from: NaiveTime,
    },
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

    // Free text that means something by itself (`read::talk`).
    /// "Stop sending me messages": what would suit them.
    StopOffer,
    /// The same before the set-up is complete: nothing is sent unasked yet.
    StopOfferNew,
    StopPauseWeek,
    StopBreaksOff,
    StopDelete,
    StopCarryOn,
    StopCarryingOn,
    YoureWelcome,
    Hello {
        greeting: DayPart,
    },
    /// What to do next, for someone with nothing open.
    NextSession {
        minutes: i64,
    },
    NextRestDay,
    NextDoneToday,
    NextAssess,
    NextHelp,

    // Leaving a question, the settings list, the week in review (`messages/*/review.ftl`).
    /// The Cancel button's label.
    Cancel,
    Cancelled,
    NothingToCancel,
    CancelFirstIntake,
    CancelNotHere,
    /// A reminder setting's line in /settings (its name alone on its button).
    SettingLine {
        setting: ReminderSetting,
        value: Box<Msg>,
    },
    /// A changed answer, with its new value.
    SettingSavedValue {
        field: ProfileField,
        value: Box<Msg>,
    },
    AskSetting {
        setting: ReminderSetting,
    },
    EveryMinutes {
        minutes: i64,
    },
    SettingOff,
    AtStartOfWork,
    UntilDate {
        until: Shown,
    },
    NotPaused,
    PainWholeNumber,
    HoursOutOfRange,
    WorkingHoursOutOfRange,
    TimeOutOfRange,
    PauseTooLong,
    /// The week in review: its days, then the lines below, the chart, a footer.
    ReviewTitle {
        from: Shown,
        to: Shown,
    },
    ReviewSessions {
        done: i64,
        planned: i64,
    },
    ReviewBreaks {
        done: i64,
        snoozed: i64,
        skipped: i64,
    },
    ReviewPainDuring {
        trend: Trend,
    },
    ReviewPainMorning {
        trend: Trend,
    },
    ReviewNoChange {
        phase: i64,
        level: i64,
    },
    ReviewQuiet,
    ReviewFooter,
    StatsTitle {
        from: Shown,
    },
    StatsQuiet,
    StatsLastWeek {
        done: i64,
        planned: i64,
        breaks: i64,
    },
    StatsLastWeekQuiet,
    SettingOn,
    ReviewOn,
    ReviewOff,
    StatsHowTo,
}

/// A pain trend over a week, first score against last.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Trend {
    Lower,
    #[default]
    Same,
    Higher,
}

/// The part of the day a greeting is for, by the person's local time (ours: morning from
/// 05:00, afternoon from 12:00, evening from 18:00, night from 23:00).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, EnumIter, IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum DayPart {
    #[default]
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub fn at(time: NaiveTime) -> DayPart {
        use chrono::Timelike;
        match time.hour() {
            5..=11 => DayPart::Morning,
            12..=17 => DayPart::Afternoon,
            18..=22 => DayPart::Evening,
            _ => DayPart::Night,
        }
    }
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

    /// What to say when an answer could not be taken: `usual`, the question's own
    /// explanation, unless the value was read but is out of range or not whole, which is
    /// said with what is allowed.
    pub fn retry_for(error: AnswerError, usual: Msg) -> Msg {
        match (error, &usual) {
            (AnswerError::NotWhole, _) => Msg::PainWholeNumber,
            (AnswerError::OutOfRange, Msg::HoursNotUnderstood) => Msg::HoursOutOfRange,
            (AnswerError::OutOfRange, Msg::WorkingHoursNotUnderstood) => {
                Msg::WorkingHoursOutOfRange
            }
            (
                AnswerError::OutOfRange,
                Msg::TimeNotUnderstood | Msg::MorningTimeHowTo | Msg::LunchNotUnderstood,
            ) => Msg::TimeOutOfRange,
            _ => usual,
        }
    }

    /// The Fluent message id.
    pub fn id(&self) -> &'static str {
        self.into()
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
