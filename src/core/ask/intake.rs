//! The intake questions as messages with their buttons, and the codes the buttons carry.

use chrono::{NaiveTime, Weekday};

use crate::core::person::question::Question;
use crate::core::say::msg::Msg;
use crate::core::say::reply::{InlineButton, Keyboard, Reply};
use crate::core::values::measures::{WEEK, Weekdays};
use crate::core::values::profile::{self, Activity, Equipment, PainSite, RedFlag};

/// A weekday's button code.
pub(crate) fn day_code(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "mon",
        Weekday::Tue => "tue",
        Weekday::Wed => "wed",
        Weekday::Thu => "thu",
        Weekday::Fri => "fri",
        Weekday::Sat => "sat",
        Weekday::Sun => "sun",
    }
}

/// Common working hours offered as buttons.
pub(crate) const WORKING_HOURS: [(u32, u32, u32, u32); 3] =
    [(9, 0, 17, 0), (8, 0, 16, 0), (10, 0, 18, 0)];
/// Common lunch breaks.
pub(crate) const LUNCHES: [(u32, u32, u32, u32); 3] =
    [(12, 0, 13, 0), (12, 30, 13, 30), (13, 0, 14, 0)];
/// Common drill times.
pub(crate) const DRILL_TIMES: [(u32, u32); 4] = [(7, 0), (12, 30), (18, 0), (20, 0)];
/// Sitting hours offered as buttons.
pub(crate) const SITTING: [u8; 4] = [4, 6, 8, 10];

pub(crate) fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
}

pub(crate) fn button(label: Msg, code: &str) -> InlineButton<Msg> {
    crate::core::say::reply::option(label, code)
}

pub(crate) fn literal(text: String, code: &str) -> InlineButton<Msg> {
    button(Msg::Literal(text), code)
}

/// Buttons 0–10 for a pain score, in two rows.
pub fn pain_keyboard() -> Vec<Vec<InlineButton<Msg>>> {
    let b = |n: u8| literal(n.to_string(), &format!("p{n}"));
    vec![(0..=5).map(b).collect(), (6..=10).map(b).collect()]
}

pub(crate) fn ticks<T: Copy + PartialEq + Into<&'static str>>(
    all: &[T],
    selected: &[T],
    label: impl Fn(T) -> Msg,
) -> Vec<Vec<InlineButton<Msg>>> {
    let buttons: Vec<InlineButton<Msg>> = all
        .iter()
        .map(|t| {
            let name = label(*t);
            let shown = if selected.contains(t) {
                Msg::Checked(Box::new(name))
            } else {
                name
            };
            button(shown, (*t).into())
        })
        .collect();
    buttons.chunks(2).map(<[_]>::to_vec).collect()
}

/// The question as a message with its buttons.
pub fn ask(question: &Question) -> Reply {
    let done = || button(Msg::Done, "done");
    let none = |label| button(label, "none");
    let (text, rows) = match question {
        Question::Age => (
            Msg::AskAge,
            vec![vec![
                button(Msg::AgeUnder18, "age_u18"),
                button(Msg::Age18To50, "age_20_50"),
                button(Msg::AgeOver50, "age_o50"),
            ]],
        ),
        Question::Activities { selected } => {
            let mut rows = ticks(&profile::all::<Activity>(), selected, Msg::Activity);
            rows.push(vec![done()]);
            (Msg::AskActivities, rows)
        }
        Question::Sitting => (
            Msg::AskSitting,
            vec![
                SITTING
                    .iter()
                    .map(|h| {
                        button(
                            Msg::SittingHours {
                                hours: i64::from(*h),
                            },
                            &format!("sit{h}"),
                        )
                    })
                    .collect(),
            ],
        ),
        Question::WorkingHours => (
            Msg::AskWorkingHours,
            WORKING_HOURS
                .iter()
                .enumerate()
                .map(|(i, (sh, sm, eh, em))| {
                    vec![button(
                        Msg::WorkTimes {
                            days: Weekdays::MON_FRI,
                            from: time(*sh, *sm),
                            to: time(*eh, *em),
                        },
                        &format!("wh{i}"),
                    )]
                })
                .chain([vec![none(Msg::NoFixedHours)]])
                .collect(),
        ),
        Question::Lunch => {
            let mut row: Vec<_> = LUNCHES
                .iter()
                .enumerate()
                .map(|(i, (sh, sm, eh, em))| {
                    button(
                        Msg::TimeSpan {
                            from: time(*sh, *sm),
                            to: time(*eh, *em),
                        },
                        &format!("l{i}"),
                    )
                })
                .collect();
            row.push(none(Msg::NoLunch));
            (Msg::AskLunch, vec![row])
        }
        Question::DrillTime => (
            Msg::AskDrillTime,
            vec![
                DRILL_TIMES
                    .iter()
                    .enumerate()
                    .map(|(i, (h, m))| button(Msg::Clock { time: time(*h, *m) }, &format!("t{i}")))
                    .collect(),
            ],
        ),
        Question::TrainingDays { selected } => {
            let day = |day: &Weekday| {
                let name = Msg::weekday(*day);
                let shown = if selected.contains(*day) {
                    Msg::Checked(Box::new(name))
                } else {
                    name
                };
                button(shown, day_code(*day))
            };
            let (first, second) = WEEK.split_at(4);
            let rows = vec![
                first.iter().map(day).collect(),
                second.iter().map(day).collect(),
                vec![done()],
            ];
            (Msg::AskTrainingDays, rows)
        }
        Question::PainSites { selected } => {
            let mut rows = ticks(&profile::all::<PainSite>(), selected, Msg::PainSite);
            rows.push(vec![none(Msg::Nowhere), done()]);
            (Msg::AskPainSites, rows)
        }
        Question::UsualPain => (Msg::AskUsualPain, pain_keyboard()),
        Question::Equipment { selected } => {
            let mut rows = ticks(&profile::all::<Equipment>(), selected, Msg::Equipment);
            rows.push(vec![none(Msg::NoneOfThese), done()]);
            (Msg::AskEquipment, rows)
        }
        Question::RedFlags { selected } => {
            let asked: Vec<RedFlag> = profile::all::<RedFlag>()
                .into_iter()
                .filter(|f| *f != RedFlag::PainDuringTests)
                .collect();
            let mut rows: Vec<Vec<InlineButton<Msg>>> = ticks(&asked, selected, Msg::RedFlag)
                .into_iter()
                .flatten()
                .map(|b| vec![b])
                .collect();
            rows.push(vec![none(Msg::NoneOfThese), done()]);
            (Msg::AskRedFlags, rows)
        }
        Question::Language => (
            Msg::AskLanguage,
            vec![vec![
                literal("English".into(), "en"),
                literal("Deutsch".into(), "de"),
            ]],
        ),
    };
    Reply::new(text).keyboard(Keyboard::Inline(rows))
}
