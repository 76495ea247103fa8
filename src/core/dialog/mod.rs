//! One file per conversation: each reads an answer and returns a transition. A dialog
//! never asks the open question itself: it says `ask_again` and the dispatcher does.
//!
//! Within this layer the files import only downwards, in this order (bottom first):
//! symptoms, setup, decisions, session, morning, nudge, selftest, intake, confirm_flags, cleared, zone, menus, talk.

pub mod cleared;
pub mod confirm_flags;
pub mod decisions;
pub mod intake;
pub mod menus;
pub mod morning;
pub mod nudge;
pub mod selftest;
pub mod session;
pub mod setup;
pub mod symptoms;
pub mod talk;
pub mod zone;
