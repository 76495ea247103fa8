//! The words as values: message ids with typed arguments, replies and keyboards. The
//! shell (`i18n`) turns them into text in the person's language.

pub mod args;
pub mod buttons;
pub mod msg;
pub mod reply;
pub mod samples;
pub mod shown;
