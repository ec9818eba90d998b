//! The line-oriented commands under hostile plumbing: a reader that goes away is a quiet
//! success, and `quiz --plain` reads answers with bounded memory.
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_status-tutor");

/// Runs the binary with its stdout a pipe whose reading end is already closed.
fn with_closed_stdout(args: &[&str]) -> (Option<i32>, String) {
    let data = tempfile::tempdir().expect("a data folder");
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let out = Command::new(BIN)
        .args(args)
        .env("STATUS_TUTOR_DATA_DIR", data.path())
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("run status-tutor");
    (out.status.code(), String::from_utf8_lossy(&out.stderr).into_owned())
}

#[test]
fn a_closed_stdout_is_a_quiet_success_for_every_command() {
    for args in [&["list"][..], &["explain", "404"], &["explain", "4xx"], &["check"], &["quiz", "--plain", "--all"]] {
        let (code, stderr) = with_closed_stdout(args);
        assert_eq!(code, Some(0), "{args:?}: {stderr}");
        assert!(!stderr.contains("Broken pipe") && !stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// Runs `quiz --plain` with `input` on stdin and a deadline.
fn plain_quiz(input: impl FnOnce(std::process::ChildStdin) + Send + 'static) -> (Option<i32>, String, Duration) {
    let data = tempfile::tempdir().expect("a data folder");
    let started = Instant::now();
    let mut child = Command::new(BIN)
        .args(["quiz", "--plain", "--questions", "2", "--seed", "1"])
        .env("STATUS_TUTOR_DATA_DIR", data.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run status-tutor");
    let stdin = child.stdin.take().expect("stdin");
    std::thread::spawn(move || input(stdin));
    let deadline = started + Duration::from_secs(20);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("quiz --plain still reading after 20 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("output");
    (out.status.code(), String::from_utf8_lossy(&out.stdout).into_owned(), started.elapsed())
}

#[test]
fn endless_zeros_on_stdin_end_the_round_instead_of_filling_memory() {
    // Like `< /dev/zero`, but through a pipe we control: 64 MiB at most, no line break.
    let (code, stdout, _) = plain_quiz(|mut stdin| {
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..64 {
            if stdin.write_all(&zeros).is_err() {
                return; // the quiz stopped reading: what we want
            }
        }
    });
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("The input is not answers"), "{stdout}");
    assert!(stdout.contains("Results"), "the round still ends with its results: {stdout}");
}

#[test]
fn dev_zero_on_stdin_ends_the_round() {
    let data = tempfile::tempdir().expect("a data folder");
    let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
    let out = Command::new(BIN)
        .args(["quiz", "--plain", "--questions", "1"])
        .env("STATUS_TUTOR_DATA_DIR", data.path())
        .stdin(zero)
        .output()
        .expect("run status-tutor");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("The input is not answers"));
}

#[test]
fn an_overlong_answer_is_refused_and_the_next_line_is_read() {
    let (code, stdout, _) = plain_quiz(|mut stdin| {
        let mut text = "7".repeat(10_000);
        text.push('\n');
        text.push_str("s\ns\n");
        let _ = stdin.write_all(text.as_bytes());
    });
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.contains("That answer is too long (more than 4096 bytes)."), "{stdout}");
    assert_eq!(stdout.matches("Skipped.").count(), 2, "{stdout}");
}
