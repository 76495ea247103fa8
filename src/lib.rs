//! hipcoach: a Telegram coach for people whose stiff hips load their knees.
//!
//! The crate is a pure coaching [`core`] inside thin shells: [`telegram`] and [`console`]
//! turn the outside world into core inputs, [`store`] keeps state in SQLite or PostgreSQL, and
//! [`engine`] is the one path every input takes. See ARCHITECTURE.md.

// The store's SQL (`store/sql/*.rs`) is written once and compiled once per database
// backend, each with its own driver types: the same file as two modules, on purpose.
#![allow(clippy::duplicate_mod)]

pub mod app;
pub mod chart;
pub mod cli;
pub mod console;
pub mod core;
pub mod delivery;
pub mod engine;
pub mod housekeeping;
pub mod i18n;
pub mod limiter;
pub mod observe;
pub mod retry;
pub mod store;
pub mod telegram;
pub mod telemetry;
pub mod web;
pub mod webapp;
