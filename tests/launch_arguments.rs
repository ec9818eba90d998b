//! The top-level arguments of the real binary: a page id, code or name opens that page,
//! and `--reset-progress` says what it did and takes `--yes` without a terminal.
use status_tutor::content::{embedded, load};

fn bin(args: &[&str], data_dir: &std::path::Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_status-tutor"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("STATUS_TUTOR_DATA_DIR", data_dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("the binary runs")
}

#[test]
fn a_page_id_code_or_name_opens_that_page() {
    let course = load(&embedded::files()).expect("the built-in course is valid").course;
    let id = |q: &str| status_tutor::commands::open::page_for(&course, q).map(|p| course.pages[p].id.clone());
    assert_eq!(id("404").as_deref(), Ok("404-not-found"));
    assert_eq!(id("404-not-found").as_deref(), Ok("404-not-found"));
    assert_eq!(id("csrf").as_deref(), Ok("csrf"));
    assert!(id("404-not-fond").is_err_and(|e| e.contains("Did you mean: 404-not-found")));
    assert!(id("451").is_err_and(|e| e.contains("not taught")));

    let dir = tempfile::tempdir().expect("temp dir");
    let unknown = bin(&["nosuch-page"], dir.path());
    assert_eq!(unknown.status.code(), Some(2), "an unknown page is a usage error");
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("not a page"));
    // A known page gets as far as needing a terminal.
    assert_eq!(bin(&["csrf"], dir.path()).status.code(), Some(2));
}

#[test]
fn reset_progress_says_what_it_did_and_takes_yes_without_a_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("django-http-status.toml");
    std::fs::write(&file, "welcomed = true\n").expect("write progress");
    let refused = bin(&["--reset-progress"], dir.path());
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--yes"));
    assert!(file.exists(), "without --yes and nobody to ask, nothing is forgotten");
    let done = bin(&["--reset-progress", "--yes"], dir.path());
    let said = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(0), "{said}");
    assert!(said.contains("Progress for \"Django HTTP Status Codes\" forgotten"), "{said}");
    assert!(!file.exists());
}
