//! The built-in course, compiled in by build.rs: checked at build time with the same
//! loader and validator, and stored in the compact form, so a launch parses no TOML.
use super::compact;
use super::load::CourseFiles;
use super::model::Course;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded_content.rs"));
}

/// The validated course, as build.rs encoded it.
static COURSE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/course.postcard"));

/// The built-in course, decoded (about 0.1 ms; no parsing, no checks left to do).
pub fn course() -> Result<Course, String> {
    compact::decode(COURSE).map_err(|e| format!("the built-in course is damaged ({e}); rebuild status-tutor"))
}

impl CourseFiles {
    /// The TOML files of the built-in course, for `check` and tests.
    pub fn embedded() -> CourseFiles {
        CourseFiles {
            origin: "<built-in>".to_string(),
            files: generated::FILES.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect(),
        }
    }
}
