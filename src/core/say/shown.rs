//! A date as the person reads it.

use chrono::{NaiveDate, NaiveTime};

/// A local date, and perhaps a time, shown to the person: in their language's format, and
/// with the year when it is not this year or lies more than 300 days away (ours: a weekday,
/// day and month alone would read as the coming one).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    pub date: NaiveDate,
    pub time: Option<NaiveTime>,
    pub year: bool,
}
