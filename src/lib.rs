//! status-tutor: a terminal tutorial of HTTP status codes for Django developers.
#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used)]

pub mod content;
pub mod cli;
pub mod commands;
pub mod progress;
