//! Putting a person on hold and lifting it: what the safety hold (`rules::safety`) does to
//! a person's state. While a hold stands, nothing prescribes a drill.

use chrono::{DateTime, Utc};

use crate::core::person::{Dialog, Person};
use crate::core::rules::safety::{Hold, HoldCause};
use crate::core::values::profile::RedFlag;

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
