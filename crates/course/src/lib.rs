//! status-tutor's course: TOML files -> a validated `Course`, and the compact form it is
//! stored in. A crate of its own so that build.rs checks and embeds the built-in course
//! with the very loader and validator the program runs, as an ordinary dependency.
//!
//! The modules keep the paths they have in the program, which re-exports them:
//! `status_tutor::content::model` is `status_tutor_course::content::model`.
//! Nothing here knows of the terminal, the progress file or the practice checker.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used)]

pub mod content;
pub mod quiz;
pub mod sanitize;
