//! One file per conversation: each reads an answer and returns a transition.

pub mod intake;
pub mod nudge;
pub mod selftest;
pub mod session;
