//! Measured and chosen values: a pain score, an angle, a set of weekdays, working hours.
//! Each keeps its own invariant (a score is 0–10, an angle at most 90°); the readers in
//! `read::answers` make them from text.

use std::fmt;

use chrono::{NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

/// Left or right.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Side {
    #[default]
    Left,
    Right,
}

/// A test the measuring page can take: its `test` value in the page's URL and answer.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumIter,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum PhoneTest {
    #[default]
    Seated,
    ProneInternal,
    ProneExternal,
}

/// A number outside the scale a value allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("out of range")]
pub struct OutOfRange;

/// A whole number on a scale from 0 to `$max`: `new` refuses anything above it, and serde
/// reads it through the same check.
macro_rules! scale {
    ($(#[$doc:meta])* $name:ident, $max:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(try_from = "u8", into = "u8")]
        pub struct $name(u8);

        impl $name {
            /// The highest value on the scale.
            pub const MAX: u8 = $max;

            /// The value, if it is on the scale.
            pub fn new(value: u8) -> Option<Self> {
                (value <= Self::MAX).then_some($name(value))
            }

            /// The value as a number.
            pub fn value(self) -> u8 {
                self.0
            }
        }

        impl TryFrom<u8> for $name {
            type Error = OutOfRange;

            fn try_from(value: u8) -> Result<Self, Self::Error> {
                $name::new(value).ok_or(OutOfRange)
            }
        }

        impl From<$name> for u8 {
            fn from(value: $name) -> u8 {
                value.0
            }
        }
    };
}

scale!(
    /// Pain on the 0–10 numeric rating scale.
    PainScore,
    10
);

scale!(
    /// Degrees of hip rotation, 0–90: the largest rotation we record.
    Degrees,
    90
);

impl PainScore {
    /// No pain.
    pub const ZERO: PainScore = PainScore(0);
}

/// The days of the week, Monday first, in the order of their bits.
pub const WEEK: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// English abbreviations, in the order of [`WEEK`].
const SHORT_NAMES: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Days of the week as a set (bit 0 = Monday ... bit 6 = Sunday).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Weekdays(u8);

impl Weekdays {
    /// Monday to Friday.
    pub const MON_FRI: Weekdays = Weekdays(0b001_1111);
    /// Saturday and Sunday.
    pub(crate) const WEEKEND: Weekdays = Weekdays(0b110_0000);
    /// All seven days.
    pub const EVERY_DAY: Weekdays = Weekdays(0b111_1111);
    /// No day at all.
    pub(crate) const NONE: Weekdays = Weekdays(0);

    /// The set holding exactly the given days.
    pub fn from_days(days: impl IntoIterator<Item = Weekday>) -> Self {
        days.into_iter()
            .fold(Weekdays::NONE, |set, day| set.with(day))
    }

    /// True when `day` is in the set.
    pub fn contains(self, day: Weekday) -> bool {
        self.0 & bit(day) != 0
    }

    /// True when the set holds no day.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many days the set holds.
    pub fn count(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The set with `day` added if it was missing, or taken out if it was there.
    pub fn toggled(self, day: Weekday) -> Self {
        Weekdays(self.0 ^ bit(day))
    }

    /// The days in the set, Monday first.
    pub fn iter(self) -> impl Iterator<Item = Weekday> {
        WEEK.into_iter().filter(move |day| self.contains(*day))
    }

    /// The set as bits: bit 0 is Monday, bit 6 is Sunday.
    pub fn bits(self) -> u8 {
        self.0
    }

    /// The set from bits made by [`Weekdays::bits`]; `None` if bit 7 is set.
    pub fn from_bits(bits: u8) -> Option<Self> {
        (bits & 0b1000_0000 == 0).then_some(Weekdays(bits))
    }

    pub(crate) fn with(self, day: Weekday) -> Self {
        Weekdays(self.0 | bit(day))
    }

    pub(crate) fn union(self, other: Weekdays) -> Self {
        Weekdays(self.0 | other.0)
    }

    /// The days from `first` to `last`, both included, going round the end of the week
    /// when needed: Sunday to Thursday is five days.
    pub(crate) fn span(first: Weekday, last: Weekday) -> Self {
        let mut set = Weekdays::NONE.with(first);
        let mut day = first;
        while day != last {
            day = day.succ();
            set = set.with(day);
        }
        set
    }

    pub(crate) fn contains_index(self, index: usize) -> bool {
        WEEK.get(index % 7).is_some_and(|day| self.contains(*day))
    }
}

fn bit(day: Weekday) -> u8 {
    1 << day.num_days_from_monday()
}

impl TryFrom<u8> for Weekdays {
    type Error = OutOfRange;

    fn try_from(bits: u8) -> Result<Self, Self::Error> {
        Weekdays::from_bits(bits).ok_or(OutOfRange)
    }
}

impl From<Weekdays> for u8 {
    fn from(days: Weekdays) -> u8 {
        days.0
    }
}

impl Weekdays {
    /// The days as runs, in reading order: three or more days in a row are one run
    /// (`Mon–Fri`, which may run over the weekend, `Sat–Mon`, and then comes first); other
    /// days stand alone (a run of one). Every day is one run, Monday to Sunday.
    pub fn runs(self) -> Vec<(Weekday, Weekday)> {
        if self == Weekdays::EVERY_DAY {
            return vec![(Weekday::Mon, Weekday::Sun)];
        }
        let day = |index: usize| WEEK[index % 7];
        // Each piece is (sort key, run); a run over the weekend sorts first.
        let mut pieces: Vec<(isize, (Weekday, Weekday))> = Vec::new();
        for start in 0..7 {
            let starts_run = self.contains_index(start) && !self.contains_index(start + 6);
            if !starts_run {
                continue;
            }
            let length = (0..7)
                .take_while(|offset| self.contains_index(start + offset))
                .count();
            let wraps = start + length > 7;
            if length >= 3 {
                let key = if wraps { -1 } else { start as isize };
                pieces.push((key, (day(start), day(start + length - 1))));
            } else {
                for offset in 0..length {
                    let index = (start + offset) % 7;
                    pieces.push((index as isize, (day(index), day(index))));
                }
            }
        }
        pieces.sort_by_key(|(key, _)| *key);
        pieces.into_iter().map(|(_, run)| run).collect()
    }
}

impl fmt::Display for Weekdays {
    /// Writes the days compactly in English, for logs and tests (people read them through
    /// i18n, in their language): `Mon–Fri`, `Sun–Thu`, `Mon, Wed, Fri`; `none` when empty.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("none");
        }
        let name = |day: Weekday| SHORT_NAMES[day.num_days_from_monday() as usize];
        let texts: Vec<String> = self
            .runs()
            .into_iter()
            .map(|(first, last)| {
                if first == last {
                    name(first).to_string()
                } else {
                    format!("{}–{}", name(first), name(last))
                }
            })
            .collect();
        f.write_str(&texts.join(", "))
    }
}

/// When someone works: on which days, and from when to when (the same hours each day).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkingHours {
    /// The working days; never empty when parsed.
    pub days: Weekdays,
    /// When work starts.
    pub start: NaiveTime,
    /// When work ends; at least an hour after `start` when parsed.
    pub end: NaiveTime,
}
