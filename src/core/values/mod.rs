//! Plain domain values: what a person told us, with no behaviour beyond
//! their own invariants.

pub mod input;
pub mod lang;
pub mod measures;
pub mod profile;
pub mod reminders;
pub mod settings;
pub mod zone;
