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

/// The progress file of the built-in course in `data`.
fn progress_file(data: &std::path::Path) -> std::path::PathBuf {
    let course = status_tutor::content::load(&status_tutor::content::embedded::files()).expect("course").course;
    data.join(status_tutor::progress::course_file_name(&course.id))
}

#[test]
fn stats_json_tells_passing_now_from_failing_and_changed_since_the_last_check() {
    use status_tutor::practice::{service, workspace::Workspace};
    use status_tutor::progress::checks::file_hash;
    let data = tempfile::tempdir().expect("tempdir");
    let ws_dir = tempfile::tempdir().expect("workspace");
    let course = status_tutor::content::load(&status_tutor::content::embedded::files()).expect("course").course;
    let ws = Workspace::new(ws_dir.path());
    let mut toml = format!("version = 1\n[practice]\nworkspace = {:?}\ndone = [", ws_dir.path().to_string_lossy());
    toml.push_str(&format!("{:?}, {:?}]\n", course.exercises[0].id, course.exercises[2].id));
    for (index, (passed, edited)) in [(true, false), (false, false), (true, true)].into_iter().enumerate() {
        let exercise = &course.exercises[index];
        let file = service::learner_file(&ws, index, exercise);
        std::fs::create_dir_all(file.parent().expect("folder")).expect("folder");
        let checked = format!("def view(request): return {index}\n");
        let now = if edited { format!("{checked}# edited\n") } else { checked.clone() };
        std::fs::write(&file, now).expect("file");
        toml.push_str(&format!(
            "[practice.checks.{:?}]\npassed = {passed}\nat = \"2026-11-19T08:00:00Z\"\nfile = {:?}\n",
            exercise.id,
            file_hash(checked.as_bytes())
        ));
    }
    std::fs::write(progress_file(data.path()), toml).expect("progress written");
    let out = run(NOW, &["stats", "--json"], "", data.path());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).expect("stats --json is JSON");
    assert_eq!(stats["practice_done"].as_u64(), Some(2));
    assert_eq!(stats["practice_passing"].as_u64(), Some(1));
    assert_eq!(stats["practice_failing"].as_u64(), Some(1));
    assert_eq!(stats["practice_changed"].as_u64(), Some(1));
    let exercises = stats["exercises"].as_array().expect("exercises");
    assert_eq!(exercises.len(), course.exercises.len());
    let standings: Vec<&str> = exercises.iter().take(4).map(|e| e["standing"].as_str().unwrap_or("?")).collect();
    assert_eq!(standings, ["passing", "failing", "changed", "unchecked"]);
    assert_eq!(exercises[0]["checked_at"], "2026-11-19T08:00:00Z");
    assert_eq!(exercises[3]["checked_at"], serde_json::Value::Null);
    assert_eq!(exercises[2]["done"], true);
    // The text says the same, and names the ones not passing.
    let out = run(NOW, &["stats"], "", data.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("now: 1 passing · 1 failing · 1 changed since last check"), "{text}");
    assert!(text.contains(&format!("failing: {}", course.exercises[1].title)), "{text}");
}
