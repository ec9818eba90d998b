//! Checks the built-in course with the program's own loader and validator (the
//! `status-tutor-course` crate, a build-dependency), fails the build with `check`'s
//! file:line:col messages when it is broken, and embeds it twice: the validated `Course` in
//! the compact split form (the course without its pages' blocks, decoded at launch, and
//! each page's blocks, decoded when it is opened), and the TOML files, which `check` and
//! the tests read.
use status_tutor_course::content;
use std::{env, fs, path::Path, process};

fn main() {
    // Cargo runs build scripts in the package folder: messages read `content/pages/x.toml:3:7`.
    let root = Path::new("content");
    // A folder is scanned whole, files added or removed included.
    println!("cargo:rerun-if-changed=content");
    let files = content::load::CourseFiles::read_dir(root).unwrap_or_else(|problems| fail(&problems));
    let mut loaded = content::validate::load(&files).unwrap_or_else(|problems| fail(&problems));
    for warning in &loaded.warnings {
        println!("cargo:warning={warning}");
    }
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).to_path_buf();
    let (head, blobs) = content::compact::encode_split(&mut loaded.course).expect("a checked course encodes");
    write_new(&out.join("course.head"), &head);
    write_new(&out.join("course.blobs"), &blobs);

    // Read when the script runs, not when it was compiled: a build script compiled for
    // another checkout must still embed this one's files.
    let manifest = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("content");
    let mut text = String::from("/// Every course file, as (path relative to content/, text).\n");
    text.push_str("pub static FILES: &[(&str, &str)] = &[\n");
    for (rel, _) in &files.files {
        let abs = manifest.join(rel).display().to_string();
        text.push_str(&format!("    ({rel:?}, include_str!({abs:?})),\n"));
    }
    text.push_str("];\n");
    write_new(&out.join("embedded_content.rs"), text.as_bytes());
}

/// Writes a new file and renames it over `path`, never writing into the old one: where
/// build folders are hard-linked copies of each other (a seeded `target/`), writing in
/// place would change every copy's embedded course at once.
fn write_new(path: &Path, bytes: &[u8]) {
    let fresh = path.with_extension("new");
    fs::write(&fresh, bytes).expect("OUT_DIR is writable");
    fs::rename(&fresh, path).expect("OUT_DIR is writable");
}

/// Prints every problem as `check` does and stops the build.
fn fail(problems: &[content::problem::Problem]) -> ! {
    eprintln!("the built-in course (content/) is broken; `status-tutor check content` says the same:");
    for problem in problems {
        eprintln!("{problem}");
        if let Some(excerpt) = &problem.excerpt {
            eprintln!("{excerpt}");
        }
    }
    process::exit(1);
}
