//! The line-oriented commands: check, list, explain, audit. They write to any `Write`.
pub mod audit;
pub mod audit_tui;
pub mod check;
pub mod course_source;
pub mod explain;
pub mod list;
pub mod open;
pub mod paint;
pub mod practice;
pub mod rounds;
pub mod stats;
