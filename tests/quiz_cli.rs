//! `status-tutor quiz --plain --seed N` with a scripted stdin: the real binary prints the
//! expected score, records the round, and `--json` gives machine-readable results.
use status_tutor::content::{embedded, load};
use status_tutor::quiz::{QuestionKind, RoundQuestion, draw_round};
use status_tutor::quiz_bank::quiz_bank;
use std::io::Write;
use std::process::{Command, Output, Stdio};

const SEED: u64 = 2026;
const COUNT: usize = 6;

/// The round the binary will ask, drawn the same way from the same seed.
fn round() -> Vec<RoundQuestion> {
    let course = load(&embedded::files()).expect("the built-in course loads").course;
    draw_round(&quiz_bank(&course), Some(COUNT), SEED)
}

/// The reply a learner who knows everything would type.
fn right_reply(rq: &RoundQuestion) -> String {
    match &rq.question.kind {
        QuestionKind::Single { .. } | QuestionKind::Multiple { .. } => {
            rq.correct_choices().iter().map(|i| (i + 1).to_string()).collect::<Vec<_>>().join(" ")
        }
        QuestionKind::TrueFalse { answer } => if *answer { "t" } else { "f" }.to_string(),
        QuestionKind::TypeCode { answer } => answer.to_string(),
    }
}

fn quiz(script: &str, extra: &[&str], data: &std::path::Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_status-tutor"))
        .args(["quiz", "--plain", "--seed", &SEED.to_string(), "--questions", &COUNT.to_string()])
        .args(extra)
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
fn all_right_answers_score_full_marks_and_are_saved() {
    let data = tempfile::tempdir().expect("tempdir");
    let script: String = round().iter().map(|rq| right_reply(rq) + "\n").collect();
    let out = quiz(&script, &[], data.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    assert!(stdout.contains(&format!("Score: {COUNT} of {COUNT} correct (100%)")), "{stdout}");
    assert!(!stdout.contains('\x1b'), "plain mode never sends escape sequences");
    let saved = std::fs::read_to_string(data.path().join("django-http-status.toml")).expect("progress saved");
    assert!(saved.contains(&format!("correct = {COUNT}")), "{saved}");
}

#[test]
fn skipping_half_and_ending_early_scores_what_was_answered() {
    let data = tempfile::tempdir().expect("tempdir");
    let round = round();
    // Right, skipped, right, then the input ends: 2 of 6, the rest unanswered.
    let script = format!("{}\ns\n{}\n", right_reply(&round[0]), right_reply(&round[2]));
    let out = quiz(&script, &[], data.path());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    // Three answered (one skipped, which counts as wrong), three never reached.
    assert!(stdout.contains("Score: 2 of 3 answered correct (67%)"), "{stdout}");
    assert!(stdout.contains("3 of 6 questions not reached (not counted as wrong)"), "{stdout}");
    assert!(stdout.contains("End of input"), "{stdout}");
}

#[test]
fn json_results_on_stdout_and_the_transcript_on_stderr() {
    let data = tempfile::tempdir().expect("tempdir");
    let script: String = round().iter().map(|rq| right_reply(rq) + "\n").collect();
    let out = quiz(&script, &["--json"], data.path());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json["correct"], COUNT);
    assert_eq!(json["total"], COUNT);
    assert_eq!(json["seed"], SEED);
    assert_eq!(json["complete"], true);
    assert!(String::from_utf8_lossy(&out.stderr).contains("Question 1 of"));
}

#[test]
fn the_same_seed_asks_the_same_questions() {
    let data = tempfile::tempdir().expect("tempdir");
    let first = String::from_utf8_lossy(&quiz("", &[], data.path()).stdout).into_owned();
    let second = String::from_utf8_lossy(&quiz("", &[], data.path()).stdout).into_owned();
    assert_eq!(first, second);
    assert!(first.contains(&round()[0].question.prompt.chars().take(30).collect::<String>()));
}

#[path = "support/clocked.rs"]
mod clocked;
use clocked::{NOW, run};

#[test]
fn retry_missed_asks_the_last_full_rounds_missed_questions() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = run(NOW, &["quiz", "--plain", "--retry-missed"], "", data.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Nothing to retry"));
    // A full round of 4, every question skipped: all 4 missed.
    let out =
        run(NOW, &["quiz", "--plain", "--questions", "4", "--seed", "3", "--json"], &"s\n".repeat(4), data.path());
    let score: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the round's JSON");
    let missed: Vec<&str> = score["missed"].as_array().expect("missed").iter().filter_map(|m| m.as_str()).collect();
    assert_eq!(missed.len(), 4);
    let out = run(NOW, &["quiz", "--plain", "--retry-missed", "--json"], &"s\n".repeat(4), data.path());
    let retry: serde_json::Value = serde_json::from_slice(&out.stdout).expect("the retry's JSON");
    let mut asked: Vec<&str> =
        retry["questions"].as_array().expect("questions").iter().filter_map(|q| q["id"].as_str()).collect();
    let mut wanted = missed.clone();
    asked.sort_unstable();
    wanted.sort_unstable();
    assert_eq!(asked, wanted);
}

#[test]
fn the_results_say_how_to_go_over_the_missed_ones_and_when_they_come_back() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = run(NOW, &["quiz", "--plain", "--questions", "3", "--seed", "3"], &"s\n".repeat(3), data.path());
    let said = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains("Missed ones: `status-tutor quiz --plain --retry-missed` retries them now; spaced review")
            && said.contains("brings them back in ")
            && said.contains(" min, then again tomorrow."),
        "{said}"
    );
    // A review round is no full round: --retry-missed would not retry it, so it is not offered.
    let later = "2026-11-20T11:00:00Z";
    let out = run(later, &["review", "--plain"], &"s\n".repeat(20), data.path());
    let said = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("Missed ones: spaced review (`status-tutor review`)"), "{said}");
}
