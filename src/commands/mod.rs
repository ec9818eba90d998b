//! The commands: the line-oriented ones write to any `Write`; `tutorial` launches the full screen.
pub mod audit;
pub mod audit_tui;
pub mod check;
pub mod console;
pub mod course_source;
pub mod explain;
pub mod list;
pub mod open;
pub mod paint;
pub mod practice;
pub mod quiz;
pub mod reset;
pub mod stats;
pub mod tutorial;
