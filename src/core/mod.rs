//! The coaching core: every decision, as plain functions of state, input and time.
//!
//! Invariant: nothing in here performs I/O, reads the clock, or names a teloxide or
//! sqlx type. The shells (`telegram`, `console`, `store`) call in and carry out the result.
//!
//! The folders are layers, listed here from the bottom up; a module imports only from
//! its own layer's lower files or from layers below it (`tests/core/core_purity.rs` checks):
//!
//! - [`values`]: plain domain values (language, profile answers, zone, inputs).
//! - [`read`]: text and button data to values; total, never panics.
//! - [`rules`]: what the coaching decides (assessment, program, progression, safety);
//!   never names a message or a reply.
//! - [`say`]: the words as values: message ids with typed arguments, replies, keyboards.
//! - [`person`]: one person's stored state and what follows from it alone (holds,
//!   reminders due).
//! - [`event`]: what happened, for the console's `--json` stream and the logs; its
//!   fields are the domain's types.
//! - [`transition`]: the outcome of a step.
//! - [`ask`]: each open question as a reply; [`view`]: /profile, /progress, /history.
//! - [`dialog`]: one file per conversation; each answer returns a transition.
//! - [`conversation`]: the dispatcher, [`step`].

pub mod ask;
pub mod conversation;
pub mod dialog;
pub mod event;
pub mod person;
pub mod read;
pub mod rules;
pub mod say;
pub mod transition;
pub mod values;
pub mod view;

pub use conversation::{offer_phone, step};
pub use event::Event;
pub use person::{Dialog, History, Person};
pub use say::msg::Msg;
pub use say::reply::{Keyboard, Reply};
pub use transition::{Persist, Transition, Write};
pub use values::input::{Incoming, Input};
pub use values::lang::Lang;
pub use values::zone::Zone;
