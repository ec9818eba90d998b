//! Helpers shared by more than one test or bench crate (the one support folder; some
//! crates take a single file by `#[path]`).

pub mod course_copy;
pub mod pty;
