//! `check` refuses a status that is no real HTTP status code, in codes.toml and so in every
//! `[[django]]` entry that names one (`explain` would otherwise teach it).
use status_tutor::content::{CourseFiles, embedded, load};
use std::fs;
use std::path::Path;

fn copy_valid() -> tempfile::TempDir {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid");
    let temp = tempfile::tempdir().expect("a temporary folder");
    for sub in ["", "pages", "quiz"] {
        fs::create_dir_all(temp.path().join(sub)).expect("create the folder");
        for entry in fs::read_dir(from.join(sub)).expect("read the fixture").flatten() {
            if entry.path().is_file() {
                fs::copy(entry.path(), temp.path().join(sub).join(entry.file_name())).expect("copy");
            }
        }
    }
    temp
}

fn problems_after(edit: impl Fn(String) -> String) -> Vec<String> {
    let dir = copy_valid();
    let codes = dir.path().join("codes.toml");
    let text = fs::read_to_string(&codes).expect("codes.toml");
    fs::write(&codes, edit(text)).expect("write codes.toml");
    let files = CourseFiles::read_dir(dir.path()).expect("readable");
    match load(&files) {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().map(|p| format!("{}:{}: {}", p.file, p.line, p.message)).collect(),
    }
}

#[test]
fn an_unregistered_code_in_codes_toml_is_refused() {
    let found =
        problems_after(|t| t.replacen("code = 404", "code = 299", 1).replacen("status = 404", "status = 299", 1));
    assert!(
        found.iter().any(|p| p.contains("299 is not a registered HTTP status code")),
        "expected a refusal of 299, got {found:#?}"
    );
}

#[test]
fn a_django_name_with_an_unregistered_status_is_refused() {
    let found = problems_after(|t| t.replacen("status = 404", "status = 499", 1));
    assert!(found.iter().any(|p| p.contains("499 is not a registered HTTP status code")), "{found:#?}");
}

#[test]
fn registered_codes_still_load() {
    assert!(problems_after(|t| t).is_empty());
    assert!(load(&embedded::files()).is_ok(), "the built-in course uses only registered codes");
}
