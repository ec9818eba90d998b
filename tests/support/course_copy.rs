//! Courses copied into a temporary folder to change before loading: the built-in course's
//! TOML, with copies of one page, for tests of big `--content` courses (`compact.rs`,
//! `first_launch.rs`), and the small fixture courses under tests/ (`fixture`).
#![allow(dead_code)] // the other crates that include `support` do not use it
use std::fs;
use std::path::{Path, PathBuf};

/// The built-in course's source folder.
pub fn content_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("content")
}

/// The fixture course `tests/<name>` (e.g. `review-course`, `fixtures/valid`) copied into a
/// temporary folder, which lives as long as the returned value.
pub fn fixture(name: &str) -> tempfile::TempDir {
    let temp = tempfile::tempdir().expect("a temporary folder");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join(name), temp.path());
    temp
}

pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("creatable");
    for entry in fs::read_dir(from).expect("listable") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copyable");
        }
    }
}

/// The built-in course in `temp/course`, plus `copies` copies of the 200 OK page (ids
/// `copy-N`) in a last section. Returns the course folder.
pub fn with_copies(temp: &Path, copies: usize) -> PathBuf {
    let dir = temp.join("course");
    copy_tree(&content_dir(), &dir);
    if copies == 0 {
        return dir;
    }
    let page = fs::read_to_string(content_dir().join("pages/200-ok.toml")).expect("a page");
    let id_line = page.lines().find(|l| l.starts_with("id = ")).expect("an id line").to_string();
    let mut ids = Vec::new();
    for n in 0..copies {
        let id = format!("copy-{n}");
        fs::write(dir.join(format!("pages/{id}.toml")), page.replacen(&id_line, &format!("id = \"{id}\""), 1))
            .expect("writable");
        ids.push(format!("\"{id}\""));
    }
    // The copies have no quiz questions of their own: drop the built-in course's rule
    // that every code page has some, which is about its content, not about its size.
    let course = fs::read_to_string(dir.join("course.toml")).expect("course.toml");
    let mut course: String =
        course.lines().filter(|l| !l.starts_with("questions_per_code_page")).map(|l| format!("{l}\n")).collect();
    course.push_str(&format!("\n[[sections]]\ntitle = \"Copies\"\npages = [{}]\n", ids.join(", ")));
    fs::write(dir.join("course.toml"), course).expect("writable");
    dir
}
