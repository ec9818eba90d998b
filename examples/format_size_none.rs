//! The baseline for `format_size_postcard` and `format_size_rkyv`: reads the file and
//! decodes nothing. The three binaries' sizes differ by the format's code (README,
//! "The course at launch"): `cargo build --profile bench --examples --features measure-formats`.
fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).unwrap_or_default();
    let bytes = std::fs::read(path)?;
    println!("{} bytes", bytes.len());
    Ok(())
}
