//! What the week in review reads besides the sessions: the answers to movement breaks and
//! the progression decisions of the last weeks. The store loads them with the person (as
//! it loads the sessions); a step that writes one also adds it here.

use chrono::{DateTime, Utc};

use crate::core::rules::progression::Rule;

/// The latest break answers and decisions, oldest first.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recent {
    pub breaks: Vec<BreakAnswer>,
    pub decisions: Vec<Decided>,
}

/// An answer to a movement break: `done`, `snooze`, `meeting` or `skip`, as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct BreakAnswer {
    pub at: DateTime<Utc>,
    pub answer: String,
}

/// A progression decision: the rule that fired and the step it left the program at.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Decided {
    pub at: DateTime<Utc>,
    pub rule: Rule,
    pub phase: u8,
    pub level: u8,
}

/// How many of each the store loads: several weeks' worth (ours: ten breaks a working
/// day for three weeks; decisions are a few a week).
pub const RECENT_BREAKS: i64 = 200;
pub const RECENT_DECISIONS: i64 = 30;
