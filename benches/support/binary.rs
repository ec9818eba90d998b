//! Which status-tutor a bench drives: `STATUS_TUTOR_BIN`, else the release build under
//! `cargo bench` (numbers only mean something there), else the test build (a smoke run).
use std::error::Error;
use std::path::PathBuf;

pub fn binary(bench: bool) -> Result<String, Box<dyn Error>> {
    if let Ok(bin) = std::env::var("STATUS_TUTOR_BIN") {
        return Ok(bin);
    }
    if !bench {
        return Ok(env!("CARGO_BIN_EXE_status-tutor").to_string());
    }
    let bin = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/release/status-tutor");
    if !bin.exists() {
        return Err(format!("{} is missing: run `cargo build --release` first", bin.display()).into());
    }
    Ok(bin.display().to_string())
}
