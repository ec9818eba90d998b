//! Rules about the course as a path for learners: course.toml's `questions_per_code_page`
//! is enforced page by page, and a page that speaks to course authors is flagged. Each
//! case copies the review fixture course into a temporary folder and changes one thing.
#[path = "support/course_copy.rs"]
mod course_copy;
use std::fs;
use std::path::Path;

use status_tutor::content::{CourseFiles, Loaded, Problem, Severity, load};

/// The review fixture course, with `edit` applied to the copy before loading.
fn fixture_with(edit: impl FnOnce(&Path)) -> Result<Loaded, Vec<Problem>> {
    let temp = course_copy::fixture("review-course");
    edit(temp.path());
    CourseFiles::read_dir(temp.path()).and_then(|files| load(&files))
}

fn append(path: &Path, text: &str) {
    let old = fs::read_to_string(path).expect("fixture file");
    fs::write(path, old + text).expect("write");
}

fn insert_course_key(dir: &Path, line: &str) {
    let course = dir.join("course.toml");
    let text = fs::read_to_string(&course).expect("course.toml");
    fs::write(&course, text.replacen("\n[[sections]]", &format!("\n{line}\n\n[[sections]]"), 1)).expect("write");
}

fn question(id: &str, page: &str) -> String {
    format!(
        "\n[[question]]\nid = \"{id}\"\nkind = \"type_code\"\nprompt = \"Which?\"\nanswer = 200\n\
         explanation = \"Because.\"\npage = \"{page}\"\ntags = [\"2xx\"]\n"
    )
}

#[test]
fn without_the_key_a_thin_quiz_is_no_problem() {
    let loaded = fixture_with(|_| {}).expect("the fixture loads");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn questions_per_code_page_refuses_each_code_page_below_it() {
    let problems = fixture_with(|dir| insert_course_key(dir, "questions_per_code_page = 2")).expect_err("refused");
    let messages: Vec<String> = problems.iter().filter(|p| p.is_error()).map(ToString::to_string).collect();
    // text (200) has no question, code (201) and table (404) one each; the cards and
    // callouts pages teach no code, so their questions do not count for them.
    assert_eq!(messages.len(), 3, "{messages:?}");
    assert!(messages.iter().any(|m| m.contains("pages/text.toml:1:") && m.contains("0 quiz question(s)")));
    assert!(messages.iter().any(|m| m.contains("pages/code.toml:1:") && m.contains("1 quiz question(s)")));
    assert!(messages.iter().any(|m| m.contains("pages/table.toml:1:")));
    assert!(messages.iter().all(|m| m.contains("questions_per_code_page")));

    // One more question for each of them, and the course loads.
    let loaded = fixture_with(|dir| {
        insert_course_key(dir, "questions_per_code_page = 2");
        let more: String = [("t1", "text"), ("t2", "text"), ("c1", "code"), ("b1", "table")]
            .iter()
            .map(|(id, page)| question(id, page))
            .collect();
        append(&dir.join("quiz/q.toml"), &more);
    })
    .expect("loads once every code page has two questions");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
}

#[test]
fn questions_per_code_page_must_be_a_sensible_count() {
    for bad in ["0", "-1", "1000"] {
        let problems = fixture_with(|dir| insert_course_key(dir, &format!("questions_per_code_page = {bad}")))
            .expect_err("refused");
        assert!(problems.iter().any(|p| p.to_string().contains("a count from 1 to 100")), "{bad}: {problems:?}");
    }
}

#[test]
fn a_page_that_speaks_to_course_authors_is_flagged() {
    let loaded = fixture_with(|dir| {
        append(
            &dir.join("pages/callouts.toml"),
            "\n[[blocks]]\nkind = \"paragraph\"\ntext = \"The Harness proves every sample.\"\n",
        )
    })
    .expect("a warning, not an error");
    let warnings: Vec<String> =
        loaded.warnings.iter().filter(|p| p.severity == Severity::Warning).map(ToString::to_string).collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(warnings[0].contains("pages/callouts.toml:1:") && warnings[0].contains("\"the harness\""));
}

#[test]
fn the_built_in_course_asks_for_three_questions_per_code_page() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let loaded = load(&CourseFiles::read_dir(&dir).expect("content")).expect("the built-in course loads");
    for (index, page) in loaded.course.pages.iter().enumerate() {
        if page.codes.is_empty() {
            continue;
        }
        let asked = loaded.course.questions.iter().filter(|q| q.page == index).count();
        assert!(asked >= 3, "{} has {asked} questions", page.id);
    }
    let course = fs::read_to_string(dir.join("course.toml")).expect("course.toml");
    assert!(course.contains("\nquestions_per_code_page = 3\n"));
}

fn paragraph(dir: &Path, page: &str, text: &str) {
    append(
        &dir.join(format!("pages/{page}.toml")),
        &format!("\n[[blocks]]\nkind = \"paragraph\"\ntext = \"{text}\"\n"),
    );
}

fn errors(result: Result<Loaded, Vec<Problem>>) -> Vec<String> {
    match result {
        Ok(_) => Vec::new(),
        Err(problems) => problems.iter().filter(|p| p.is_error()).map(ToString::to_string).collect(),
    }
}

#[test]
fn a_glossary_term_used_before_its_page_must_name_that_page() {
    let glossary = "glossary = [{ term = \"widget\", page = \"code\" }]";
    // "text" is read before "code", which defines the word.
    let used_early = errors(fixture_with(|dir| {
        insert_course_key(dir, glossary);
        paragraph(dir, "code", "A **widget** is a thing.");
        paragraph(dir, "text", "Widgets are everywhere.");
    }));
    assert_eq!(used_early.len(), 1, "{used_early:?}");
    assert!(used_early[0].contains("page `text` uses \"widget\" before page `code` defines it"), "{used_early:?}");

    // Naming the defining page is the link that makes the early use fine.
    let linked = errors(fixture_with(|dir| {
        insert_course_key(dir, glossary);
        paragraph(dir, "code", "A **widget** is a thing.");
        paragraph(dir, "text", "Widgets: see 201 Created - Code and response.");
    }));
    assert_eq!(linked, Vec::<String>::new());

    // A use after the definition, or inside a code sample, needs nothing.
    let later = errors(fixture_with(|dir| {
        insert_course_key(dir, "glossary = [{ term = \"widget\", page = \"text\" }]");
        paragraph(dir, "text", "A **widget** is a thing.");
        paragraph(dir, "code", "Widgets again.");
    }));
    assert_eq!(later, Vec::<String>::new());
}

#[test]
fn a_glossary_page_must_exist_and_use_its_term() {
    let unknown = errors(fixture_with(|dir| insert_course_key(dir, "glossary = [{ term = \"x\", page = \"nope\" }]")));
    assert!(unknown.iter().any(|e| e.contains("no page has id `nope`")), "{unknown:?}");
    let unused =
        errors(fixture_with(|dir| insert_course_key(dir, "glossary = [{ term = \"gizmo\", page = \"code\" }]")));
    assert!(
        unused.iter().any(|e| e.contains("page `code` is to define \"gizmo\" but never uses the word")),
        "{unused:?}"
    );
}
