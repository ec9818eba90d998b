//! The course as the program holds it. The model, loader and validator are the
//! `status-tutor-course` crate (crates/course), which build.rs uses too; they are
//! re-exported here, so `crate::content::model` and the rest name them. Only what the
//! program alone needs lives here: the built-in course and the cache.
pub mod cache;
pub mod embedded;

pub use status_tutor_course::content::*;
