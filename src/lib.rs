//! status-tutor: a terminal tutorial of HTTP status codes for Django developers.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used)]

pub mod app;
pub mod audit;
pub mod audit_view;
pub mod cli;
pub mod clock;
pub mod commands;
pub mod content;
pub mod highlight;
pub mod input;
pub mod keys;
pub mod layout;
pub mod lines;
pub mod practice;
pub mod progress;
pub mod quiz;
pub mod quiz_bank;
/// The one sanitiser, in the course crate because the loader needs it too.
pub use status_tutor_course::sanitize;
pub mod search;
pub mod stats;
pub mod theme;
pub mod theme_choice;
pub mod tui;
pub mod ui;
