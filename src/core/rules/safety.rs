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

use crate::core::person::{Dialog, Person};
use crate::core::say::msg::Msg;
use crate::core::say::reply::Reply;
use crate::core::values::profile::RedFlag;

/// Why the program is on hold.
#[derive(
    Clone,
    Copy,
    Debug,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    EnumIter,
    EnumString,
    IntoStaticStr,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
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

/// The youngest age the coach takes on (the project's rule, coaching.md "Age").
pub const ADULT_AGE: u8 = 18;

/// Puts a person on hold (or adds to the hold that stands). Ends a session under way and
/// any question about drills: what they would lead to is held.
///
/// One hold, several reasons: the flags of every cause are kept together; the first
/// cause stays the reason shown, except that age, which no check can lift, always wins.
pub fn hold(person: &mut Person, cause: HoldCause, flags: Vec<RedFlag>, now: DateTime<Utc>) {
    match person.hold.as_mut() {
        None => {
            person.hold = Some(Hold {
                cause,
                since: now,
                flags,
                minor: cause == HoldCause::Minor,
            });
        }
        Some(h) => {
            for flag in flags {
                if !h.flags.contains(&flag) {
                    h.flags.push(flag);
                }
            }
            h.flags.sort();
            if cause == HoldCause::Minor {
                h.minor = true;
            }
        }
    }
    // Idle, not yet "have you been checked?": that question comes when they come back
    // (/today, /start, a button), never in the message that sends them to be checked, so
    // that a second "yes" typed right after the first cannot lift the hold.
    person.dialog = Dialog::Idle;
}

/// An age typed wrong and corrected to an adult one: the age hold goes; red flags
/// reported meanwhile still hold (as reported signs, which a check can lift).
pub fn adult_now(person: &mut Person) {
    if let Some(h) = person.hold.as_mut() {
        h.minor = false;
        if h.cause == HoldCause::Minor {
            if h.flags.is_empty() {
                person.hold = None;
            } else {
                h.cause = HoldCause::Symptoms;
            }
        }
    }
}

/// Closes a drill question left open under a hold (a session, a morning score, a re-test
/// offer or the tests, kept from before the hold existed). Returns whether it changed.
pub fn close_drill_dialog(person: &mut Person) -> bool {
    let open = matches!(
        person.dialog,
        Dialog::Session { .. }
            | Dialog::MorningPain { .. }
            | Dialog::OfferRetest
            | Dialog::Test { .. }
            | Dialog::AskDrop
    );
    if person.hold.is_some() && open {
        person.dialog = resting(person);
        return true;
    }
    false
}

/// Where a held person rests: the "have you been checked?" question, or nothing for
/// a hold no check can lift.
pub fn resting(person: &Person) -> Dialog {
    match &person.hold {
        Some(h) if h.clearable() => Dialog::Cleared,
        _ => Dialog::Idle,
    }
}

/// Lifts a hold after the person said a professional checked them. Returns false for a
/// hold that a check cannot lift (age), or when there is none.
pub fn clear(person: &mut Person, now: DateTime<Utc>) -> bool {
    match &person.hold {
        Some(h) if h.clearable() => {
            person.hold = None;
            person.profile.cleared_at = Some(now);
            true
        }
        _ => false,
    }
}

/// Whether a reply prescribes a drill: a session, an exercise, a movement break with a
/// desk drill, or the daily session reminder. The hold's invariant is stated with it.
impl Reply {
    pub fn prescribes_drill(&self) -> bool {
        self.parts.iter().any(|m| {
            matches!(
                m,
                Msg::SessionIntro { .. }
                    | Msg::ExerciseHeader { .. }
                    | Msg::ExerciseHow(_)
                    | Msg::BreakNudge { .. }
                    | Msg::BreakNudgeWalk
                    | Msg::DailyNudge { .. }
                    | Msg::AskMorningPain { .. }
            )
        })
    }
}
