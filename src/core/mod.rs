//! The coaching core: every decision, as plain functions of state, input and time.
//!
//! Invariant: nothing in here performs I/O, reads the clock, or names a teloxide or
//! sqlx type. The shells (`telegram`, `console`, `store`) call in and carry out the result.

pub mod action;
pub mod answers;
pub mod assessment;
pub mod catalog;
pub mod choice;
pub mod command;
pub mod conversation;
pub mod event;
pub mod input;
pub mod intake;
pub mod lang;
pub mod msg;
pub mod nudge;
pub mod parse;
pub mod person;
pub mod profile;
pub mod program;
pub mod progression;
pub mod reply;
pub mod safety;
pub mod schedule;
pub mod selftest;
pub mod session;
pub mod symptoms;
pub mod zone;

pub use conversation::{Persist, Transition, Write, step};
pub use event::Event;
pub use input::{Incoming, Input};
pub use lang::Lang;
pub use msg::Msg;
pub use person::{Dialog, History, Person};
pub use reply::{Keyboard, Reply};
pub use zone::Zone;
