//! The shell, one test binary: the store, the engine, delivery, the console and the
//! Telegram front end against the project's own fake Bot API server; the benchmarks
//! (ignored in the normal run, see README "Benchmarks").

/// Helpers shared by the test binaries, in `tests/support/`.
#[path = "../support"]
mod support {
    pub mod answers;
    pub mod backend;
    pub mod fake_bot_api;
    pub mod press;
    pub mod profile;
    pub mod sim;
}

mod bench_reminders;
mod bench_replies;
mod copy;
mod delivery_telegram;
mod durable_replies;
mod instances;
mod measuring_page;
mod paid_broadcast;
mod program_simulation;
mod reminder_console;
mod reply_property;
mod safety_console;
mod stale_buttons;
mod store;
mod store_recovery;
mod telegram_mock;
mod trust;
mod webhook;
