//! The real binary with its clock set by `STATUS_TUTOR_NOW`, a script on stdin and its own
//! data folder: for the command-line tests of review, stats and retries.
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// A fixed "now" for tests that do not move the clock.
pub const NOW: &str = "2026-11-20T10:00:00Z";

/// The binary with `args`, `script` on stdin and the clock set to `now`.
pub fn run(now: &str, args: &[&str], script: &str, data: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_status-tutor"))
        .args(args)
        .env("STATUS_TUTOR_DATA_DIR", data)
        .env("STATUS_TUTOR_NOW", now)
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child.stdin.take().expect("stdin").write_all(script.as_bytes()).expect("script written");
    child.wait_with_output().expect("the binary ends")
}
