//! The interface's text laid out as lines for a width: pages, code, the quiz screens and
//! the help. Pure (no terminal, no app state), so both the app (scroll limits, mouse hit
//! tests, search) and the view (drawing) use it, and `app` never imports `ui`.
pub mod code;
pub mod code_wrap;
pub mod contents;
pub mod document;
pub mod help;
pub mod practice;
pub mod progress_screen;
pub mod quiz;
mod quiz_results;
mod quiz_review;
pub mod text;
pub mod verified;
