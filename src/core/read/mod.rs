//! Text and button data to domain values. Every reader is total: it takes any string
//! and never panics.

pub mod action;
pub mod answers;
pub mod calendar;
pub mod command;
pub mod parse;
pub mod phone;
pub mod sign_words;
pub mod symptoms;
pub mod talk;
pub mod tokens;
