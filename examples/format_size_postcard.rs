//! What the program links for its compact form today: postcard's decode of the course
//! without blocks and of a page's blocks, and the encode of a cache. The file read is
//! `benches/formats.rs`'s postcard head; see `format_size_none`.
use status_tutor::content::compact;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(path)?;
    let (mut course, slots) = compact::decode_head(&bytes)?;
    let blocks = compact::decode_blocks(&bytes, slots.first().ok_or("no pages")?).unwrap_or_default();
    if let Some(page) = course.pages.first_mut() {
        page.blocks = blocks;
    }
    let (head, blobs) = compact::encode_split(&mut course)?;
    println!("{} pages, {} bytes", course.pages.len(), head.len() + blobs.len());
    Ok(())
}
