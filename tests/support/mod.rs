//! Helpers shared by more than one test or bench crate.

pub mod course_copy;
pub mod pty;
