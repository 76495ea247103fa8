//! The pure core, one test binary: conversations as transcript files
//! (`tests/transcripts/`, run by `support::check`), property tests, rule tables and the
//! core's purity. Nothing here opens a database or a socket.

/// Helpers shared by the test binaries, in `tests/support/`.
#[path = "../support"]
mod support {
    pub mod answers;
    pub mod chat;
    pub mod check;
    pub mod profile;
}

mod break_drills;
mod button_property;
mod core_purity;
mod decision_property;
mod dialog_storage;
mod event_json;
mod hold_property;
mod progression_rules;
mod properties;
mod schedule_limits;
mod schedule_table;
mod session_catalog;
mod transcripts;
