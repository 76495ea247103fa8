//! A drill session under way: the record so far, the exercise shown, what is asked.

use serde::{Deserialize, Serialize};

use crate::core::rules::program::SessionRecord;

/// A session under way: the record so far, the exercise shown, and what is asked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SessionRun {
    pub record: SessionRecord,
    pub index: usize,
    pub step: RunStep,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "ask", rename_all = "snake_case")]
pub enum RunStep {
    /// The exercise at `index`: Done / Too easy / Too hard / It hurts / Skip.
    Exercise,
    /// "It hurts": how much, 0–10?
    HurtScore,
    /// It hurts this much (up to 5): easier one, skip it, or stop?
    HurtChoice { score: u8 },
    /// The end: pain during the session, 0–10.
    Pain,
}
