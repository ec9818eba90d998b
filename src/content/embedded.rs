//! The built-in course, compiled in by build.rs: checked at build time with the same
//! loader and validator, and stored in the compact split form, so a launch parses no TOML
//! and decodes only the course without its pages' blocks.
use super::cache::PageStore;
use super::compact;
use super::load::CourseFiles;
use super::model::Course;

mod generated {
    include!(concat!(env!("OUT_DIR"), "/embedded_content.rs"));
}

/// The checked course without its pages' blocks, and a slot per page.
static HEAD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/course.head"));
/// Each page's blocks.
static BLOBS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/course.blobs"));

fn damaged(e: String) -> String {
    format!("the built-in course is damaged ({e}); rebuild status-tutor")
}

/// The built-in course without its pages' blocks, which `PageStore` reads when a page is
/// opened (what the tutorial does).
pub fn course_and_pages() -> Result<(Course, PageStore), String> {
    let (course, slots) = compact::decode_head(HEAD).map_err(damaged)?;
    Ok((course, PageStore::in_memory(BLOBS, slots)))
}

/// The built-in course's id, without decoding the rest (the head begins with the course,
/// and the course with its id): the progress file is opened by it first.
pub fn course_id() -> Result<String, String> {
    postcard::take_from_bytes::<String>(HEAD).map(|(id, _)| id).map_err(|e| damaged(e.to_string()))
}

/// The whole built-in course, every page's blocks decoded.
pub fn course() -> Result<Course, String> {
    let (mut course, pages) = course_and_pages()?;
    for (i, page) in course.pages.iter_mut().enumerate() {
        page.blocks = pages.blocks(i).map_err(damaged)?;
    }
    Ok(course)
}

/// The TOML files of the built-in course, for `check` and tests.
pub fn files() -> CourseFiles {
    CourseFiles {
        origin: "<built-in>".to_string(),
        files: generated::FILES.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect(),
    }
}
