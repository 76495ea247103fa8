//! What the coaching decides: the assessment, the program, progression, safety and
//! reminder timing. Rules never name a message or a reply.

pub mod assessment;
pub mod catalog;
pub mod choice;
pub mod program;
pub mod progression;
pub mod safety;
