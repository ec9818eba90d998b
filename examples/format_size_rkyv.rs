//! What the program would link with rkyv as its compact form: checked access and
//! deserialisation of the course without blocks and of a page's blocks, and the encode of
//! a cache. See `format_size_none`.
use rkyv::rancor::Error;
use status_tutor::content::{Block, Course};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_default();
    let mut bytes = rkyv::util::AlignedVec::<16>::new();
    bytes.extend_from_slice(&std::fs::read(path)?);
    let mut course = rkyv::from_bytes::<Course, Error>(&bytes)?;
    let blocks = rkyv::from_bytes::<Vec<Block>, Error>(&bytes).unwrap_or_default();
    if let Some(page) = course.pages.first_mut() {
        page.blocks = blocks;
    }
    let head = rkyv::to_bytes::<Error>(&course)?;
    let blobs = rkyv::to_bytes::<Error>(&course.pages.first().map(|p| p.blocks.clone()).unwrap_or_default())?;
    // A cache keeps its CRC-32 whatever the format (bytecheck proves safety, not integrity).
    let crc = crc32fast::hash(&head) ^ crc32fast::hash(&blobs);
    println!("{} pages, {} bytes, {crc:08x}", course.pages.len(), head.len() + blobs.len());
    Ok(())
}
