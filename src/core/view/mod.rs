//! Read-only views of a person: /profile, /progress, /history.

pub mod profile;
pub mod progress;
pub mod review;
