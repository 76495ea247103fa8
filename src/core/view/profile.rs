//! /profile: everything the bot knows, one line per answer.

use crate::core::person::Person;
use crate::core::person::question::{self};
use crate::core::say::msg::{Msg, ProfileField};
use crate::core::say::reply::Reply;
use crate::core::say::shown::Shown;
use crate::core::values::profile::{AgeBand, Lunch};
use chrono::{DateTime, Utc};

/// Everything the bot knows, one line per answer.
pub(crate) fn profile_reply(person: &Person, now: DateTime<Utc>) -> Reply {
    let local = |at: DateTime<Utc>| person.zone.map_or(at.date_naive(), |z| z.local(at).date());
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
    let line = |field, value| Msg::ProfileLine {
        field,
        value: Box::new(value),
    };
    let age = match (p.age, p.age_band) {
        (Some(age), _) => lit(age.to_string()),
        (None, Some(AgeBand::Under20)) => Msg::AgeUnder20,
        (None, Some(AgeBand::From20To50)) => Msg::Age20To50,
        (None, Some(AgeBand::Over50)) => Msg::AgeOver50,
        (None, None) => missing(),
    };
    let lines = vec![
        line(
            ProfileField::Timezone,
            person.zone.map(|z| lit(z.name())).unwrap_or_else(missing),
        ),
        line(ProfileField::Language, Msg::LanguageName),
        line(ProfileField::Age, age),
        line(
            ProfileField::Activities,
            p.activities
                .as_ref()
                .map(|a| {
                    list(
                        a.iter().map(|x| Msg::Activity(*x)).collect(),
                        Msg::NoneOfThese,
                    )
                })
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::Sitting,
            p.sitting_hours
                .map(|h| Msg::SittingHours {
                    hours: i64::from(h),
                })
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::WorkingHours,
            p.working_hours
                .map(|w| Msg::WorkTimes {
                    days: w.days,
                    from: w.start,
                    to: w.end,
                })
                .or(p.no_fixed_hours.then_some(Msg::NoFixedHours))
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::Lunch,
            match p.lunch {
                Some(Lunch::Break { start, end }) => Msg::TimeSpan {
                    from: start,
                    to: end,
                },
                Some(Lunch::None) => Msg::NoLunch,
                None => missing(),
            },
        ),
        line(
            ProfileField::DrillTime,
            p.drill_time
                .map(|time| Msg::Clock { time })
                .unwrap_or_else(missing),
        ),
        // Never chosen after a finished intake: every day, as the reminders have it.
        line(
            ProfileField::TrainingDays,
            p.training_days
                .or_else(|| {
                    question::next_question(p)
                        .is_none()
                        .then(|| p.training_days())
                })
                .map(Msg::days)
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::PainSites,
            p.pain_sites
                .as_ref()
                .map(|s| list(s.iter().map(|x| Msg::PainSite(*x)).collect(), Msg::Nowhere))
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::UsualPain,
            p.usual_pain
                .map(|s| Msg::OutOfTen {
                    score: i64::from(s.value()),
                })
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::Equipment,
            p.equipment
                .as_ref()
                .map(|e| {
                    list(
                        e.iter().map(|x| Msg::Equipment(*x)).collect(),
                        Msg::NoneOfThese,
                    )
                })
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::RedFlags,
            p.red_flags
                .as_ref()
                .map(|f| {
                    list(
                        f.iter().map(|x| Msg::RedFlag(*x)).collect(),
                        Msg::NoneOfThese,
                    )
                })
                .unwrap_or_else(missing),
        ),
        line(
            ProfileField::Assessment,
            match &person.history.last {
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
        ),
    ];
    Reply::new(Msg::ProfileTitle)
        .with(Msg::Lines(lines))
        .with(Msg::ProfileFooter)
}
