//! The proof that each shipped exercise's checks are fair is stored beside it, in
//! content/exercises/alternatives/<exercise stem>/: correct solutions in other styles
//! (`ok_*.py`) and plausible mistakes (`wrong_*.py`). tests/django/harness runs them
//! through the checker (every ok passes, every wrong fails); this test makes sure none of
//! them can quietly disappear, which the harness alone would not notice.

use std::fs;
use std::path::{Path, PathBuf};

use status_tutor::content::{embedded, load};

const AT_LEAST: usize = 3;

#[derive(Debug, Default, PartialEq)]
struct Counts {
    ok: usize,
    wrong: usize,
    side_effect: usize,
}

fn alternatives_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content/exercises/alternatives")
}

/// Counts one exercise's alternatives; a file whose first line does not say what it is, or
/// says the opposite of its name, is a problem (its verdict could not be read).
fn count(dir: &Path, problems: &mut Vec<String>) -> Counts {
    let mut counts = Counts::default();
    let Ok(entries) = fs::read_dir(dir) else {
        problems.push(format!("{}: missing", dir.display()));
        return counts;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name == "__pycache__" {
            continue; // left by a Python that imported a file by hand; never a proof
        }
        let path = entry.path();
        let first = fs::read_to_string(&path).unwrap_or_default().lines().next().unwrap_or("").to_string();
        let said = ["# ok: ", "# wrong: ", "# wrong (side effect): "]
            .into_iter()
            .find(|prefix| first.starts_with(prefix) && first.len() > prefix.len());
        match (name.starts_with("ok_"), name.starts_with("wrong_"), said, name.ends_with(".py")) {
            (true, _, Some("# ok: "), true) => counts.ok += 1,
            (_, true, Some("# wrong: "), true) => counts.wrong += 1,
            (_, true, Some(_), true) => {
                counts.wrong += 1;
                counts.side_effect += 1;
            }
            _ => problems.push(format!(
                "{}: an ok_*.py or wrong_*.py whose first line says `# ok: ...`, `# wrong: ...` \
                 or `# wrong (side effect): ...`; found {first:?}",
                path.display()
            )),
        }
    }
    counts
}

#[test]
fn every_shipped_exercise_keeps_its_alternatives() {
    let course = load(&embedded::files()).expect("the built-in course loads").course;
    assert!(!course.exercises.is_empty(), "the built-in course has exercises");
    let mut problems = Vec::new();
    for (index, exercise) in course.exercises.iter().enumerate() {
        let file = course.exercise_file_name(index).expect("a file name");
        let dir = alternatives_dir().join(file.trim_end_matches(".py"));
        let counts = count(&dir, &mut problems);
        if counts.ok < AT_LEAST || counts.wrong < AT_LEAST {
            problems.push(format!(
                "{}: {} ok and {} wrong alternatives, at least {AT_LEAST} of each wanted",
                dir.display(),
                counts.ok,
                counts.wrong
            ));
        }
        // A view that touches the database can also get it wrong while answering right.
        if !exercise.models.is_empty() && counts.side_effect == 0 {
            problems.push(format!(
                "{}: uses {:?} but no wrong_ file is a side-effect mistake",
                dir.display(),
                exercise.models
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_count_reads_what_each_file_says_it_is() {
    let temp = tempfile::tempdir().expect("a temporary folder");
    let files = [
        ("ok_cbv.py", "# ok: a class-based view\n"),
        ("wrong_status.py", "# wrong: 200 instead of 201\n"),
        ("wrong_nothing_saved.py", "# wrong (side effect): never saved\n"),
        ("ok_mislabelled.py", "# wrong: says wrong, named ok\n"),
        ("wrong_silent.py", "import json\n"),
    ];
    for (name, text) in files {
        fs::write(temp.path().join(name), text).expect("write");
    }
    let mut problems = Vec::new();
    let counts = count(temp.path(), &mut problems);
    assert_eq!(counts, Counts { ok: 1, wrong: 2, side_effect: 1 });
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("ok_mislabelled.py")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("wrong_silent.py")), "{problems:?}");

    let mut problems = Vec::new();
    assert_eq!(count(&temp.path().join("absent"), &mut problems), Counts::default());
    assert!(problems[0].ends_with("absent: missing"), "{problems:?}");
}
