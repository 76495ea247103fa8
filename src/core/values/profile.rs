//! What the intake learns about a person. Each answer is `None` until given, so the next
//! intake question is always "the first one not answered yet": derived, never stored.

use chrono::{DateTime, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoEnumIterator, IntoStaticStr};

use crate::core::values::measures::{PainScore, Weekdays, WorkingHours};

/// A main activity (several allowed).
#[derive(Serialize, Deserialize, EnumIter, EnumString, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Activity {
    #[default]
    DeskWork,
    Running,
    Cycling,
    Racket,
    Golf,
    TeamSports,
    Throwing,
    Lifting,
    Other,
}

/// Where it hurts (several allowed; none is an answer too).
#[derive(Serialize, Deserialize, EnumIter, EnumString, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PainSite {
    #[default]
    KneeLeft,
    KneeRight,
    Hip,
    Groin,
    LowerBack,
}

/// Equipment at hand besides the floor and a chair (none is an answer too).
#[derive(Serialize, Deserialize, EnumIter, EnumString, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Equipment {
    #[default]
    Band,
    Wall,
    Cable,
}

/// Signs that a professional should look first (coaching.md, "Safety floor"; seeds 000,
/// 001, 003: sharp or worsening pain, swelling, locking or giving way, numbness, night
/// pain, a recent injury or surgery).
#[derive(Serialize, Deserialize, EnumIter, EnumString, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RedFlag {
    #[default]
    SharpPain,
    Swelling,
    LockingOrGivingWay,
    Numbness,
    NightPain,
    InjuryOrSurgery,
    /// Strong pain during the self-tests (recorded by the assessment, not asked).
    PainDuringTests,
}

/// The working day's lunch break, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Lunch {
    None,
    Break { start: NaiveTime, end: NaiveTime },
}

/// A set of choices, kept sorted and without repeats.
pub fn toggle<T: Ord + Copy>(set: &mut Vec<T>, item: T) {
    match set.binary_search(&item) {
        Ok(i) => {
            set.remove(i);
        }
        Err(i) => set.insert(i, item),
    }
}

/// Writes a set of choices as `a,b,c` for storage.
pub fn codes<T: Copy + Into<&'static str>>(set: &[T]) -> String {
    set.iter()
        .map(|t| (*t).into())
        .collect::<Vec<&str>>()
        .join(",")
}

/// Reads `a,b,c`; unknown codes (from a newer or older version) are dropped, not fatal.
pub fn from_codes<T: Ord + Copy + std::str::FromStr>(text: &str) -> Vec<T> {
    let mut set: Vec<T> = text
        .split(',')
        .filter_map(|c| c.trim().parse().ok())
        .collect();
    set.sort();
    set.dedup();
    set
}

/// Every value of a choice enum, in order.
pub fn all<T: IntoEnumIterator>() -> Vec<T> {
    T::iter().collect()
}

/// Everything the intake asks, as answered so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// The exact age, when typed.
    pub age: Option<u8>,
    /// The age band: from the age, or tapped directly.
    pub age_band: Option<AgeBand>,
    pub activities: Option<Vec<Activity>>,
    pub sitting_hours: Option<u8>,
    pub working_hours: Option<WorkingHours>,
    /// "I don't have fixed hours", "retired", "I don't work": the working-hours question
    /// answered without hours (then `working_hours` is `None` and no breaks come).
    pub no_fixed_hours: bool,
    pub lunch: Option<Lunch>,
    pub drill_time: Option<NaiveTime>,
    /// The days the person trains on. `None` for people who joined before the question
    /// was asked: they keep getting the session reminder every day (`trains_on`).
    pub training_days: Option<Weekdays>,
    pub pain_sites: Option<Vec<PainSite>>,
    pub usual_pain: Option<PainScore>,
    pub equipment: Option<Vec<Equipment>>,
    /// The answer to the red-flag screen; empty when none applies.
    pub red_flags: Option<Vec<RedFlag>>,
    /// When the person said a professional had checked them after a red flag.
    pub cleared_at: Option<DateTime<Utc>>,
}

/// The age bands of the normal ranges (seed 002).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, EnumString, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum AgeBand {
    Under20,
    From20To50,
    Over50,
}

impl AgeBand {
    pub fn of(age: u8) -> AgeBand {
        match age {
            0..=19 => AgeBand::Under20,
            20..=50 => AgeBand::From20To50,
            _ => AgeBand::Over50,
        }
    }

    /// Normal hip internal rotation for the band, in degrees (seed 002: teens 45–50°,
    /// adults 20–50 35–45°, over 50 25–35°).
    pub fn normal_internal_rotation(self) -> (u8, u8) {
        match self {
            AgeBand::Under20 => (45, 50),
            AgeBand::From20To50 => (35, 45),
            AgeBand::Over50 => (25, 35),
        }
    }
}

impl Profile {
    /// The days the person trains on: every day when never chosen, so that nothing
    /// changes for someone who joined before the question was asked.
    pub fn training_days(&self) -> Weekdays {
        self.training_days.unwrap_or(Weekdays::EVERY_DAY)
    }

    /// Red flags that still stand: reported and not yet cleared by a professional.
    pub fn open_red_flags(&self) -> Vec<RedFlag> {
        match (&self.red_flags, self.cleared_at) {
            (Some(flags), None) => flags.clone(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_toggle_and_round_trip_through_codes() {
        let mut set = vec![];
        toggle(&mut set, Activity::Running);
        toggle(&mut set, Activity::DeskWork);
        toggle(&mut set, Activity::Golf);
        toggle(&mut set, Activity::Running);
        assert_eq!(set, [Activity::DeskWork, Activity::Golf]);
        assert_eq!(codes(&set), "desk_work,golf");
        assert_eq!(
            from_codes::<Activity>("golf,desk_work,unknown_thing,golf"),
            set
        );
        assert_eq!(from_codes::<Activity>(""), Vec::<Activity>::new());
    }

    #[test]
    fn age_bands_follow_the_seed() {
        assert_eq!(AgeBand::of(19), AgeBand::Under20);
        assert_eq!(AgeBand::of(20), AgeBand::From20To50);
        assert_eq!(AgeBand::of(50), AgeBand::From20To50);
        assert_eq!(AgeBand::of(51), AgeBand::Over50);
        assert_eq!(AgeBand::Over50.normal_internal_rotation(), (25, 35));
    }
}
