//! `status-tutor stats [--json]`: the real binary, the clock set by `STATUS_TUTOR_NOW`.

#[path = "support/clocked.rs"]
mod clocked;
use clocked::{NOW, run};

#[test]
fn stats_json_counts_what_was_answered_and_forecasts_it() {
    let data = tempfile::tempdir().expect("tempdir");
    // A topic round on 410-gone, every question skipped: all missed, back in minutes.
    let out = run(NOW, &["quiz", "--plain", "--topic", "410-gone", "--all"], &"s\n".repeat(20), data.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = run("2026-11-20T10:05:00Z", &["stats", "--json"], "", data.path());
    assert!(out.status.success());
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats --json is JSON");
    let review = &stats["review"];
    let learning = review["learning"].as_u64().expect("learning");
    assert!(learning > 0);
    assert_eq!(review["due_now"].as_u64(), Some(learning), "skipped: due again after a minute");
    assert_eq!(review["learned"].as_u64(), Some(0));
    let questions = review["questions"].as_u64().expect("questions");
    assert_eq!(review["new"].as_u64(), Some(questions - learning));
    let forecast = stats["forecast"].as_array().expect("forecast");
    assert_eq!(forecast.len(), 14);
    assert_eq!(forecast[0]["date"], "2026-11-20");
    assert_eq!(forecast[0]["due"].as_u64(), Some(learning));
    let retention = stats["retention"].as_array().expect("retention");
    assert_eq!(retention.len(), 8);
    assert_eq!(retention[7]["percent"].as_u64(), Some(0), "every answer of this week was a skip");
    assert_eq!(stats["now"], "2026-11-20T10:05:00Z");
    assert_eq!(
        stats["pages"].as_u64(),
        Some(stats["sections"].as_array().expect("sections").iter().map(|s| s["pages"].as_u64().unwrap_or(0)).sum())
    );
    let weak = stats["weak_topics"].as_array().expect("weak topics");
    assert!(weak.iter().all(|t| t["command"].as_str().is_some_and(|c| c.starts_with("status-tutor quiz --topic "))));
}

#[test]
fn stats_text_piped_has_no_escape_sequences() {
    let data = tempfile::tempdir().expect("tempdir");
    let out = run(NOW, &["stats"], "", data.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(text.starts_with("Your progress (2026-11-20T10:00:00Z)"), "{text}");
    let course = status_tutor::content::load(&status_tutor::content::embedded::files()).expect("course").course;
    let (pages, questions) = (course.pages.len(), course.questions.len());
    assert!(text.contains(&format!("Pages read 0/{pages}")), "{text}");
    assert!(text.contains(&format!("Review {questions} questions")), "{text}");
    assert!(!text.contains('\x1b'), "{text:?}");
}
