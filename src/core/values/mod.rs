//! Plain domain values: what a person told us and what happens, with no behaviour beyond
//! their own invariants.

pub mod event;
pub mod input;
pub mod lang;
pub mod measures;
pub mod profile;
pub mod reminders;
pub mod zone;
