//! The /settings list: every setting with its current value and a button to change it,
//! and each value as the person reads it (also /profile's lines and the reply to a change).

use crate::core::ask::SETTINGS;
use crate::core::ask::cancel_row;
use crate::core::person::Person;
use crate::core::person::question::{self};
use crate::core::say::msg::{Msg, ProfileField};
use crate::core::say::reply::option as choose;
use crate::core::say::reply::{InlineButton, Keyboard, Reply};
use crate::core::say::shown::Shown;
use crate::core::values::profile::{AgeBand, Lunch};
use crate::core::values::settings::ReminderSetting;
use chrono::{DateTime, Utc};
use strum::IntoEnumIterator;

/// The button code of a reminder setting in the /settings menu.
pub(crate) fn reminder_code(setting: ReminderSetting) -> String {
    format!("r_{}", <&str>::from(setting))
}

/// /settings: every setting with its value, one button each, and Cancel.
pub(crate) fn menu(person: &Person, now: DateTime<Utc>) -> Reply {
    let mut lines: Vec<Msg> = SETTINGS
        .iter()
        .map(|field| Msg::ProfileLine {
            field: *field,
            value: Box::new(field_value(person, *field, now)),
        })
        .collect();
    lines.extend(ReminderSetting::iter().map(|setting| Msg::SettingLine {
        setting,
        value: Box::new(reminder_value(person, setting, now)),
    }));
    let empty = || Box::new(Msg::Literal(String::new()));
    let mut buttons: Vec<InlineButton<Msg>> = SETTINGS
        .iter()
        .map(|f| {
            choose(
                Msg::ProfileLine {
                    field: *f,
                    value: empty(),
                },
                (*f).into(),
            )
        })
        .collect();
    buttons.extend(ReminderSetting::iter().map(|setting| {
        choose(
            Msg::SettingLine {
                setting,
                value: empty(),
            },
            &reminder_code(setting),
        )
    }));
    let mut rows: Vec<_> = buttons.chunks(2).map(<[_]>::to_vec).collect();
    rows.push(cancel_row());
    Reply::new(Msg::SettingsMenu)
        .with(Msg::Lines(lines))
        .keyboard(Keyboard::Inline(rows))
}

/// A reminder setting's value as the person reads it.
pub(crate) fn reminder_value(person: &Person, setting: ReminderSetting, now: DateTime<Utc>) -> Msg {
    let s = &person.settings;
    match setting {
        ReminderSetting::Breaks => Msg::EveryMinutes {
            minutes: i64::from(s.break_minutes),
        },
        ReminderSetting::Quiet => match s.quiet {
            Some((from, to)) => Msg::TimeSpan { from, to },
            None => Msg::SettingOff,
        },
        ReminderSetting::Morning => match s.morning_time {
            Some(time) => Msg::Clock { time },
            None => Msg::AtStartOfWork,
        },
        ReminderSetting::Pause => match (s.paused_until.filter(|u| *u > now), person.zone) {
            (Some(until), Some(zone)) => Msg::UntilDate {
                until: Shown::at(zone.local(until), zone.local(now).date()),
            },
            _ => Msg::NotPaused,
        },
        ReminderSetting::Review => match s.weekly_review {
            true => Msg::SettingOn,
            false => Msg::SettingOff,
        },
    }
}

/// One answer as the person reads it: /profile's line, the /settings list, and the reply
/// to a changed setting.
pub(crate) fn field_value(person: &Person, field: ProfileField, now: DateTime<Utc>) -> Msg {
    let local = |at: DateTime<Utc>| person.local(at).date();
    let today = local(now);
    let p = &person.profile;
    let missing = || Msg::NotAnswered;
    let lit = |s: String| Msg::Literal(s);
    let list = |msgs: Vec<Msg>, empty: Msg| {
        if msgs.is_empty() {
            empty
        } else {
            Msg::Join(msgs)
        }
    };
    match field {
        ProfileField::Timezone => person.zone.map(|z| lit(z.name())).unwrap_or_else(missing),
        ProfileField::Language => Msg::LanguageName,
        ProfileField::Age => match (p.age, p.age_band) {
            (Some(age), _) => lit(age.to_string()),
            (None, Some(AgeBand::Under20)) => Msg::AgeUnder20,
            (None, Some(AgeBand::From20To50)) => Msg::Age20To50,
            (None, Some(AgeBand::Over50)) => Msg::AgeOver50,
            (None, None) => missing(),
        },
        ProfileField::Activities => p
            .activities
            .as_ref()
            .map(|a| {
                list(
                    a.iter().map(|x| Msg::Activity(*x)).collect(),
                    Msg::NoneOfThese,
                )
            })
            .unwrap_or_else(missing),
        ProfileField::Sitting => p
            .sitting_hours
            .map(|h| Msg::SittingHours {
                hours: i64::from(h),
            })
            .unwrap_or_else(missing),
        ProfileField::WorkingHours => p
            .working_hours
            .map(|w| Msg::WorkTimes {
                days: w.days,
                from: w.start,
                to: w.end,
            })
            .or(p.no_fixed_hours.then_some(Msg::NoFixedHours))
            .unwrap_or_else(missing),
        ProfileField::Lunch => match p.lunch {
            Some(Lunch::Break { start, end }) => Msg::TimeSpan {
                from: start,
                to: end,
            },
            Some(Lunch::None) => Msg::NoLunch,
            None => missing(),
        },
        ProfileField::DrillTime => p
            .drill_time
            .map(|time| Msg::Clock { time })
            .unwrap_or_else(missing),
        // Never chosen after a finished intake: every day, as the reminders have it.
        ProfileField::TrainingDays => p
            .training_days
            .or_else(|| {
                question::next_question(p)
                    .is_none()
                    .then(|| p.training_days())
            })
            .map(Msg::days)
            .unwrap_or_else(missing),
        ProfileField::PainSites => p
            .pain_sites
            .as_ref()
            .map(|s| list(s.iter().map(|x| Msg::PainSite(*x)).collect(), Msg::Nowhere))
            .unwrap_or_else(missing),
        ProfileField::UsualPain => p
            .usual_pain
            .map(|s| Msg::OutOfTen {
                score: i64::from(s.value()),
            })
            .unwrap_or_else(missing),
        ProfileField::Equipment => p
            .equipment
            .as_ref()
            .map(|e| {
                list(
                    e.iter().map(|x| Msg::Equipment(*x)).collect(),
                    Msg::NoneOfThese,
                )
            })
            .unwrap_or_else(missing),
        ProfileField::RedFlags => p
            .red_flags
            .as_ref()
            .map(|f| {
                list(
                    f.iter().map(|x| Msg::RedFlag(*x)).collect(),
                    Msg::NoneOfThese,
                )
            })
            .unwrap_or_else(missing),
        ProfileField::Assessment => match &person.history.last {
            Some(a) => {
                let mut parts = vec![Msg::RangeSummary {
                    date: Shown::day(local(a.taken_at), today),
                    left: a.left.internal,
                    right: a.right.internal,
                }];
                parts.extend(a.track.map(Msg::TrackName));
                Msg::Join(parts)
            }
            None => missing(),
        },
    }
}
