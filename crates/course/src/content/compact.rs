//! The compact binary form of a validated `Course` (postcard): how build.rs embeds the
//! built-in course and how `cache` stores a `--content` course, so neither is parsed as
//! TOML again. Only ever written from a course `validate` accepted.
//!
//! Split form: the course without its pages' blocks (the head: ids, titles, codes,
//! questions... and a `Slot` per page), then each page's blocks, read when it is opened.
//!
//! build.rs compiles this file too, so the form written at build time is the one read here.
use super::model::{Block, Course};
use serde::{Deserialize, Serialize};

/// The course in its compact form, whole.
pub fn encode(course: &Course) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(course)
}

/// The course back from `encode`'s bytes; an error (never a panic) for anything else.
/// The bytes must be trusted to be `encode`'s: damaged bytes that still decode give a
/// different course, which is why the cache checks a checksum first.
pub fn decode(bytes: &[u8]) -> Result<Course, postcard::Error> {
    postcard::from_bytes(bytes)
}

/// Where one page's blocks are among the blobs, and their CRC-32.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Slot {
    pub offset: u64,
    pub len: u32,
    pub crc: u32,
}

/// The split form: (head, blobs). The blocks are taken out of `course` while the head is
/// encoded and put back, never copied.
pub fn encode_split(course: &mut Course) -> Result<(Vec<u8>, Vec<u8>), postcard::Error> {
    let taken: Vec<Vec<Block>> = course.pages.iter_mut().map(|p| std::mem::take(&mut p.blocks)).collect();
    let encoded = encode_parts(course, &taken);
    for (page, blocks) in course.pages.iter_mut().zip(taken) {
        page.blocks = blocks;
    }
    encoded
}

/// The split form of a course whose pages' blocks were taken out (`course`'s are empty)
/// and are `blocks`, one entry per page.
pub fn encode_parts(course: &Course, blocks: &[Vec<Block>]) -> Result<(Vec<u8>, Vec<u8>), postcard::Error> {
    let mut blobs = Vec::new();
    let mut slots = Vec::with_capacity(blocks.len());
    for page in blocks {
        let blob = postcard::to_allocvec(page)?;
        let len = u32::try_from(blob.len()).unwrap_or(u32::MAX);
        slots.push(Slot { offset: blobs.len() as u64, len, crc: crc32fast::hash(&blob) });
        blobs.extend(blob);
    }
    Ok((postcard::to_allocvec(&(course, &slots))?, blobs))
}

/// The course without blocks and its slots, from a split form's head.
pub fn decode_head(head: &[u8]) -> Result<(Course, Vec<Slot>), String> {
    let (course, slots): (Course, Vec<Slot>) = postcard::from_bytes(head).map_err(|e| e.to_string())?;
    if slots.len() != course.pages.len() {
        return Err("a slot per page was expected".to_string());
    }
    Ok((course, slots))
}

/// One page's blocks, from the bytes `slot` describes.
pub fn decode_blocks(blob: &[u8], slot: &Slot) -> Result<Vec<Block>, String> {
    if blob.len() != slot.len as usize || crc32fast::hash(blob) != slot.crc {
        return Err("the stored page is damaged".to_string());
    }
    postcard::from_bytes(blob).map_err(|e| e.to_string())
}
