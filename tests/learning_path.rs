//! Rules about the course as a path for learners: course.toml's `questions_per_code_page`
//! is enforced page by page, `applied_percent` asks every quiz question for a level and
//! enough apply/analyse ones, a page that speaks to course authors is refused, and so is
//! an RFC citation outside a page's footer when course.toml asks for that. Each
//! case copies the review fixture course into a temporary folder and changes one thing.
#[path = "support/course_copy.rs"]
mod course_copy;
use std::fs;
use std::path::Path;

use status_tutor::content::{CourseFiles, Level, LevelCounts, Loaded, Problem, load};

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
fn a_page_that_speaks_to_course_authors_is_refused() {
    for words in ["The Harness proves every sample.", "A note for course authors: keep it short."] {
        let problems = fixture_with(|dir| paragraph(dir, "callouts", words)).expect_err("refused");
        let messages: Vec<String> = problems.iter().filter(|p| p.is_error()).map(ToString::to_string).collect();
        assert_eq!(messages.len(), 1, "{words}: {messages:?}");
        assert!(messages[0].contains("pages/callouts.toml:1:") && messages[0].contains("words for course authors"));
    }
}

#[test]
fn citations_in_footer_refuses_a_section_sign_in_running_text() {
    let cited = |dir: &Path| {
        paragraph(dir, "text", "RFC 9110 §15.3.1 says so, and §15.3.2 too.");
        paragraph(dir, "code", "References: RFC 9110 §15.3.2.");
    };
    // Without the key a citation anywhere is fine.
    assert_eq!(errors(fixture_with(cited)), Vec::<String>::new());

    let with_key = errors(fixture_with(|dir| {
        insert_course_key(dir, "citations_in_footer = true");
        cited(dir);
    }));
    // The footer of `code` is allowed; the two in `text`'s running text are one error.
    assert_eq!(with_key.len(), 1, "{with_key:?}");
    assert!(with_key[0].contains("pages/text.toml:1:") && with_key[0].contains("2 RFC section citation(s)"));
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

#[test]
fn a_prompt_that_says_its_answers_reason_phrase_is_flagged() {
    let asked = |prompt: &str| {
        let prompt = prompt.to_string();
        let loaded = fixture_with(move |dir| {
            append(
                &dir.join("quiz/q.toml"),
                &format!(
                    "\n[[question]]\nid = \"cue\"\nkind = \"type_code\"\nprompt = '''{prompt}'''\nanswer = 201\n\
                     explanation = \"Because.\"\npage = \"code\"\ntags = [\"2xx\"]\n"
                ),
            )
        })
        .expect("a warning at most");
        loaded.warnings.iter().map(ToString::to_string).collect::<Vec<_>>()
    };
    let cued = asked("The row was **created**. Which status?");
    assert_eq!(cued.len(), 1, "{cued:?}");
    assert!(cued[0].contains("question `cue`") && cued[0].contains("\"Created\""), "{cued:?}");
    // The situation described without the phrase, or the phrase only in code, is fine.
    assert_eq!(asked("A POST saved a new row. Which status?"), Vec::<String>::new());
    assert_eq!(
        asked("Which status?\n    return JsonResponse({}, status=HTTPStatus.CREATED)  # Created"),
        Vec::<String>::new()
    );
}

#[test]
fn max_page_minutes_refuses_a_longer_page() {
    // 600 words more on `text`: about 3 minutes, over a limit of 2.
    let long = |dir: &Path| paragraph(dir, "text", &"word ".repeat(600));
    assert_eq!(errors(fixture_with(long)), Vec::<String>::new());
    let refused = errors(fixture_with(|dir| {
        insert_course_key(dir, "max_page_minutes = 2");
        long(dir);
    }));
    assert_eq!(refused.len(), 1, "{refused:?}");
    assert!(refused[0].contains("pages/text.toml:1:") && refused[0].contains("course.toml allows 2"), "{refused:?}");
    let bad = errors(fixture_with(|dir| insert_course_key(dir, "max_page_minutes = 0")));
    assert!(bad.iter().any(|e| e.contains("max_page_minutes is a count from 1 to 600")), "{bad:?}");
}

/// Gives the fixture's four questions these levels, in file order (None: no `level`).
fn set_levels(dir: &Path, levels: [Option<&str>; 4]) {
    let path = dir.join("quiz/q.toml");
    let text = fs::read_to_string(&path).expect("quiz");
    let mut at = 0;
    let mut out = String::new();
    for line in text.lines() {
        out.push_str(line);
        out.push('\n');
        if line.starts_with("kind = ") {
            if let Some(level) = levels[at] {
                out.push_str(&format!("level = \"{level}\"\n"));
            }
            at += 1;
        }
    }
    fs::write(&path, out).expect("write");
}

#[test]
fn without_applied_percent_levels_are_optional_and_counted() {
    let loaded = fixture_with(|dir| set_levels(dir, [Some("recall"), Some("apply"), None, Some("analyse")]))
        .expect("loads without the key");
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    let levels: Vec<Option<Level>> = loaded.course.questions.iter().map(|q| q.level).collect();
    assert_eq!(levels, [Some(Level::Recall), Some(Level::Apply), None, Some(Level::Analyse)]);
    let counts = LevelCounts::of(levels);
    assert_eq!((counts.recall, counts.apply, counts.analyse, counts.missing), (1, 1, 1, 1));
    assert_eq!(counts.applied_percent(), Some(50));
}

#[test]
fn applied_percent_refuses_a_question_without_a_level() {
    let problems = fixture_with(|dir| {
        insert_course_key(dir, "applied_percent = 50");
        set_levels(dir, [Some("apply"), Some("apply"), None, Some("analyse")]);
    })
    .expect_err("refused");
    let messages: Vec<String> = problems.iter().filter(|p| p.is_error()).map(ToString::to_string).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    // Line 20 of the fixture, below the two levels added above it.
    assert!(messages[0].contains("quiz/q.toml:22:"), "{}", messages[0]);
    assert!(messages[0].contains("`login-required` has no `level`"), "{}", messages[0]);
}

#[test]
fn applied_percent_refuses_too_few_apply_or_analyse_questions() {
    // Two of four apply or analyse: 50% passes a 50% rule and fails a 51% one.
    let levels = [Some("recall"), Some("apply"), Some("recall"), Some("analyse")];
    fixture_with(|dir| {
        insert_course_key(dir, "applied_percent = 50");
        set_levels(dir, levels);
    })
    .expect("50% reaches 50%");
    let problems = fixture_with(|dir| {
        insert_course_key(dir, "applied_percent = 51");
        set_levels(dir, levels);
    })
    .expect_err("50% is below 51%");
    let messages: Vec<String> = problems.iter().filter(|p| p.is_error()).map(ToString::to_string).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(messages[0].contains("course.toml:"), "{}", messages[0]);
    assert!(messages[0].contains("50% of the quiz questions are apply or analyse (recall 2, apply 1, analyse 1)"));
    for bad in ["0", "101"] {
        let problems =
            fixture_with(|dir| insert_course_key(dir, &format!("applied_percent = {bad}"))).expect_err("refused");
        assert!(problems.iter().any(|p| p.to_string().contains("a percent from 1 to 100")), "{bad}");
    }
}

#[test]
fn an_unknown_level_is_refused() {
    let problems = fixture_with(|dir| set_levels(dir, [Some("understand"), None, None, None])).expect_err("refused");
    assert!(problems.iter().any(|p| p.is_error() && p.to_string().contains("quiz/q.toml")), "{problems:?}");
}

#[test]
fn the_built_in_course_asks_every_question_for_a_level_and_mostly_apply_or_analyse() {
    // course.toml's `applied_percent` makes `check` refuse less; this says the built-in
    // course keeps the rule switched on, at the 70%.
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let course_toml = fs::read_to_string(dir.join("course.toml")).expect("course.toml");
    assert!(course_toml.lines().any(|l| l.trim() == "applied_percent = 70"), "the rule is on");
    let loaded = load(&CourseFiles::read_dir(&dir).expect("content")).expect("the built-in course loads");
    let counts = LevelCounts::of(loaded.course.questions.iter().map(|q| q.level));
    assert_eq!(counts.missing, 0, "{counts:?}");
    let percent = counts.applied_percent().expect("some questions");
    assert!(percent >= 70, "{percent}% apply or analyse: {counts:?}");
}
