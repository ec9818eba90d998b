//! The compact binary form of a validated `Course` (postcard): how build.rs embeds the
//! built-in course and how `cache` stores a `--content` course, so neither is parsed as
//! TOML again. Only ever written from a course `validate` accepted.
//!
//! build.rs compiles this file too, so the form written at build time is the one read here.
use super::model::Course;

/// The course in its compact form.
pub fn encode(course: &Course) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(course)
}

/// The course back from `encode`'s bytes; an error (never a panic) for anything else.
/// The bytes must be trusted to be `encode`'s: damaged bytes that still decode give a
/// different course, which is why the cache checks a checksum first.
pub fn decode(bytes: &[u8]) -> Result<Course, postcard::Error> {
    postcard::from_bytes(bytes)
}
