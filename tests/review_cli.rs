//! `quiz --topic` and `review` from the command line, in plain mode: the real binary.
use status_tutor::content::{embedded, load};
use status_tutor::quiz_bank::quiz_bank;
use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], script: &str, data: &std::path::Path) -> Output {
    run_at("", args, script, data)
}

/// `run` with the clock set by `STATUS_TUTOR_NOW` (the system clock when `now` is empty).
fn run_at(now: &str, args: &[&str], script: &str, data: &std::path::Path) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_status-tutor"));
    if !now.is_empty() {
        command.env("STATUS_TUTOR_NOW", now);
    }
    let mut child = command
        .args(args)
        .env("STATUS_TUTOR_DATA_DIR", data)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child.stdin.take().expect("stdin").write_all(script.as_bytes()).expect("script written");
    child.wait_with_output().expect("the binary ends")
}

#[test]
fn an_unknown_topic_is_a_usage_error_listing_the_valid_ones() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = run(&["quiz", "--plain", "--topic", "csrf,nope"], "", data.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("unknown topic `nope`"), "{stderr}");
    assert!(stderr.contains("Topics (tags): 1xx, 2xx, 3xx, 4xx, 5xx,"), "{stderr}");
    assert!(stderr.contains("Pages: 200-ok, 201-created,"), "{stderr}");
}

#[test]
fn a_topic_round_asks_only_that_topic_and_skipping_brings_it_back_in_minutes() {
    let data = tempfile::tempdir().expect("tempdir");
    // Two topics (a tag and a page id); every question skipped.
    let args = ["quiz", "--plain", "--topic", "csrf", "--topic", "410-gone", "--all"];
    let out = run_at("2026-11-20T10:00:00Z", &args, &"s\n".repeat(40), data.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.starts_with("Quiz on csrf, 410-gone: "), "{stdout}");
    // Exactly the questions tagged csrf or taught on 410-gone, each once.
    let course = load(&embedded::files()).expect("the built-in course loads").course;
    let bank = quiz_bank(&course);
    let wanted: Vec<&str> = bank
        .iter()
        .filter(|q| q.tags.iter().any(|t| t == "csrf") || q.page == "410-gone")
        .map(|q| q.prompt.as_str())
        .collect();
    assert!(stdout.contains(&format!("Quiz on csrf, 410-gone: {} questions.", wanted.len())), "{stdout}");
    for prompt in wanted {
        let shown = prompt.replace("**", "");
        assert_eq!(stdout.matches(&format!("\n{shown}\n")).count(), 1, "{shown}");
    }
    let saved = std::fs::read_to_string(data.path().join("django-http-status.toml")).expect("progress saved");
    let progress: toml::Table = saved.parse().expect("progress parses");
    let cards = progress["review"]["cards"].as_table().expect("cards");
    assert!(cards.contains_key("csrf-missing-token") && cards.contains_key("410-gone-class"), "{saved}");
    assert!(progress["review"]["records"].as_table().is_some_and(|r| r.contains_key("topic:410-gone+csrf")), "{saved}");
    assert!(progress["quiz"].get("best").is_none(), "a topic round is not the best score");
    // Skipped counts as missed: a learning step of a minute, so nothing is due at once
    // (the review says when), and two minutes later every one is.
    let out = run_at("2026-11-20T10:00:10Z", &["review", "--plain"], "", data.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(stdout.starts_with("Nothing is due for review. The next question is due in 1 min ("), "{stdout}");
    let out = run_at("2026-11-20T10:02:00Z", &["review", "--plain", "--questions", "99"], "", data.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with(&format!("Review: {} questions, the ones due first.", cards.len())), "{stdout}");
    // Each question is headed as a review, as in the full screen.
    assert!(stdout.contains(&format!("\nReview 1 of {}\n", cards.len())), "{stdout}");
    assert!(!stdout.contains("Question 1 of"), "{stdout}");
}

#[test]
fn review_with_nothing_answered_and_nothing_read_says_how_to_start() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = run(&["review", "--plain", "--json"], "", data.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(stdout.contains("Nothing to review yet"), "{stdout}");
}
