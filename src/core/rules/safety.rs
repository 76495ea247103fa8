//! The safety hold: one fact about a person that every output obeys.
//!
//! A hold stands when a professional should look before any training: red flags at the
//! intake screen or reported later, strong pain during the self-tests, the stop rule
//! (repeated severe pain in sessions), or an age under 18. While it stands, nothing
//! prescribes a drill: no session, no session reminder, no morning check-in about drills,
//! no movement break. The person's "I've been checked" lifts every hold but the age one,
//! and from then on the rules count only what came after the check.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use strum::{EnumIter, EnumString, IntoStaticStr};

use crate::core::values::profile::RedFlag;

/// Why the program is on hold.
#[derive(Serialize, Deserialize, EnumIter, EnumString, IntoStaticStr)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum HoldCause {
    /// Red flags ticked at the intake's safety screen (coaching.md, "Safety floor").
    #[default]
    IntakeRedFlags,
    /// Pain over 5/10 during the self-tests, first or re-test (seed 000: sharp pain or
    /// discomfort in a test is a reason to see a professional; over 5 = high, Ageberg 2010).
    TestPain,
    /// The stop rule: pain over 5/10 in two sessions within 14 days (rule table).
    RepeatedPain,
    /// Red flags reported after the intake: /symptoms, "it hurts", or free text.
    Symptoms,
    /// Under 18: the seeds write for adults, and a growing hip needs a doctor first
    /// (coaching.md, "Age"; the project's rule). A check does not lift this one.
    Minor,
}

/// A hold on the program: its cause, since when, and the red flags behind it (if any).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hold {
    /// The first reason (`Minor` when age is the only one).
    pub cause: HoldCause,
    pub since: DateTime<Utc>,
    pub flags: Vec<RedFlag>,
    /// Under 18, whatever else holds: no check lifts it, only a corrected age.
    pub minor: bool,
}

impl Hold {
    /// Whether "I've been checked" lifts it: every cause but age.
    pub fn clearable(&self) -> bool {
        !self.minor
    }
}

/// The youngest age the coach takes on (the project's rule, coaching.md "Age").
pub const ADULT_AGE: u8 = 18;
