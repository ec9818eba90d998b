//! Practice in the progress file: a file written before practice existed loads with no
//! exercises done, and done marks and the workspace survive a save and a load.
use status_tutor::progress::{Store, course_file_name};

#[test]
fn an_old_progress_file_loads_and_practice_survives_a_round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = "version = 1\nwelcomed = true\nlast_page = \"404-not-found\"\nscroll = 3\npages_read = [\"intro\"]\n\n[quiz]\nhistory = []\n";
    std::fs::write(dir.path().join(course_file_name("c")), old).expect("write");
    let (mut store, mut progress, warnings) = Store::open(Some(dir.path()), "c");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(progress.welcomed && progress.pages_read.contains("intro"));
    assert!(progress.practice.done.is_empty() && progress.practice.workspace.is_none());

    progress.practice.done.insert("created-with-location".into());
    progress.practice.workspace = Some("/home/learner/status-tutor-practice".into());
    assert_eq!(store.save(&progress), None);
    let (_, again, warnings) = Store::open(Some(dir.path()), "c");
    assert!(warnings.is_empty(), "{warnings:?}");
    assert_eq!(again, progress);
}
