//! /profile: everything the bot knows, one line per answer.

use crate::core::ask::settings::field_value;
use crate::core::person::Person;
use crate::core::say::msg::{Msg, ProfileField};
use crate::core::say::reply::Reply;
use chrono::{DateTime, Utc};

/// Everything the bot knows, one line per answer.
pub(crate) fn profile_reply(person: &Person, now: DateTime<Utc>) -> Reply {
    let fields = [
        ProfileField::Timezone,
        ProfileField::Language,
        ProfileField::Age,
        ProfileField::Activities,
        ProfileField::Sitting,
        ProfileField::WorkingHours,
        ProfileField::Lunch,
        ProfileField::DrillTime,
        ProfileField::TrainingDays,
        ProfileField::PainSites,
        ProfileField::UsualPain,
        ProfileField::Equipment,
        ProfileField::RedFlags,
        ProfileField::Assessment,
    ];
    let lines = fields
        .into_iter()
        .map(|field| Msg::ProfileLine {
            field,
            value: Box::new(field_value(person, field, now)),
        })
        .collect();
    Reply::new(Msg::ProfileTitle)
        .with(Msg::Lines(lines))
        .with(Msg::ProfileFooter)
}
