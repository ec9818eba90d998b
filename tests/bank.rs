//! The question bank: `check` warns about question shapes that let a learner guess, and
//! checks the anchors `r` jumps to. Each case copies the review fixture course into a
//! temporary folder and appends one question.
#[path = "support/course_copy.rs"]
mod course_copy;
use std::fs;

use status_tutor::content::{Anchor, CourseFiles, Loaded, Problem, Severity, load};

/// The review fixture course plus `extra` appended to its quiz file.
fn with_question(extra: &str) -> Result<Loaded, Vec<Problem>> {
    let temp = course_copy::fixture("review-course");
    let quiz = temp.path().join("quiz/q.toml");
    let text = fs::read_to_string(&quiz).expect("quiz file") + extra;
    fs::write(&quiz, text).expect("write");
    CourseFiles::read_dir(temp.path()).and_then(|files| load(&files))
}

fn warnings(extra: &str) -> Vec<String> {
    let loaded = with_question(extra).unwrap_or_else(|p| panic!("loads: {p:?}"));
    loaded.warnings.iter().filter(|p| p.severity == Severity::Warning).map(ToString::to_string).collect()
}

fn choices_question(kind: &str, choices: &str) -> String {
    format!(
        "\n[[question]]\nid = \"extra\"\nkind = \"{kind}\"\nprompt = \"Which?\"\nchoices = [{choices}]\n\
         explanation = \"Because.\"\npage = \"code\"\ntags = [\"2xx\"]\n"
    )
}

#[test]
fn the_fixture_itself_is_clean() {
    assert_eq!(warnings(""), Vec::<String>::new());
}

#[test]
fn a_right_choice_by_far_the_longest_is_a_warning() {
    let long = choices_question(
        "single",
        r#"{ text = "201 Created, with a Location header naming the new resource", correct = true }, { text = "200 OK" }, { text = "204 No Content" }"#,
    );
    let found = warnings(&long);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("q.toml:") && found[0].contains("question `extra`: the right choice is by far the longest")
    );
    // Choices of similar length, or a long wrong one, are fine.
    let fair = choices_question(
        "single",
        r#"{ text = "201 Created, with a Location header", correct = true }, { text = "200 OK, with the new object in the body" }, { text = "204 No Content" }"#,
    );
    assert_eq!(warnings(&fair), Vec::<String>::new());
    // Markup does not count towards the length.
    let marked =
        choices_question("single", r#"{ text = "**`201`**", correct = true }, { text = "200 OK" }, { text = "204" }"#);
    assert_eq!(warnings(&marked), Vec::<String>::new());
}

#[test]
fn a_multiple_select_with_all_but_one_or_all_right_is_a_warning() {
    let all_but_one = choices_question(
        "multiple",
        r#"{ text = "a", correct = true }, { text = "b", correct = true }, { text = "c" }"#,
    );
    let found = warnings(&all_but_one);
    assert!(found.len() == 1 && found[0].contains("2 of the 3 choices are right"), "{found:?}");
    let all = choices_question(
        "multiple",
        r#"{ text = "a", correct = true }, { text = "b", correct = true }, { text = "c", correct = true }"#,
    );
    let found = warnings(&all);
    assert!(found.len() == 1 && found[0].contains("every one of the 3 choices is right"), "{found:?}");
    let half = choices_question(
        "multiple",
        r#"{ text = "a", correct = true }, { text = "b", correct = true }, { text = "c" }, { text = "d" }"#,
    );
    assert_eq!(warnings(&half), Vec::<String>::new());
}

fn anchored(anchor: &str) -> String {
    format!(
        "\n[[question]]\nid = \"extra\"\nkind = \"true_false\"\nprompt = \"True?\"\nanswer = true\n\
         explanation = \"Because.\"\npage = \"callouts\"\nanchor = {anchor}\ntags = [\"3xx\"]\n"
    )
}

#[test]
fn anchors_name_a_block_or_a_heading_of_the_page() {
    let loaded = with_question(&anchored("2")).expect("a block index in range");
    let question = loaded.course.questions.iter().find(|q| q.id == "extra").expect("the question");
    assert_eq!(question.anchor, Some(Anchor::Block(2)));
    // ... still read, but warned about: it moves when a block is added above it.
    let found: Vec<String> = loaded.warnings.iter().map(ToString::to_string).collect();
    assert!(found.iter().any(|w| w.contains("anchor 2 is a block index")), "{found:?}");
    let loaded = with_question(&anchored("\"Use HTTPStatus\"")).expect("a heading of the page");
    let question = loaded.course.questions.iter().find(|q| q.id == "extra").expect("the question");
    assert_eq!(question.anchor, Some(Anchor::Heading("Use HTTPStatus".into())));
    let loaded = with_question(&anchored("\"a-note\"")).expect("a block id of the page");
    let question = loaded.course.questions.iter().find(|q| q.id == "extra").expect("the question");
    assert_eq!(question.anchor, Some(Anchor::Block(0)));
    assert!(!loaded.warnings.iter().any(|w| w.to_string().contains("block index")), "{:?}", loaded.warnings);
}

#[test]
fn a_wrong_anchor_is_an_error_that_says_what_exists() {
    let problems = with_question(&anchored("7")).expect_err("block 7 does not exist");
    let text = problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(text.contains("page `callouts` has blocks 0 to 2; there is no block 7"), "{text}");
    let problems = with_question(&anchored("\"Use HTTP\"")).expect_err("no such heading");
    let text = problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(
        text.contains(
            "no heading or block id `Use HTTP`; it has: `Use HTTPStatus`, `@login_required never sends 401`, `a-note`"
        ),
        "{text}"
    );
    let problems = with_question(&anchored("true")).expect_err("a boolean is no anchor");
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().contains("an anchor is a block id, a heading or a block index, not boolean"))
    );
}

#[test]
fn a_block_id_is_unique_in_its_page() {
    let temp = course_copy::fixture("review-course");
    let page = temp.path().join("pages/callouts.toml");
    let text = fs::read_to_string(&page).expect("page");
    fs::write(&page, text.replace("style = \"tip\"", "id = \"a-note\"\nstyle = \"tip\"")).expect("write");
    let problems = CourseFiles::read_dir(temp.path()).and_then(|files| load(&files)).expect_err("a duplicate id");
    let text = problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n");
    assert!(text.contains("pages/callouts.toml:") && text.contains("block id `a-note` is used twice"), "{text}");
}

/// `count` multiple selects, the i-th with `wrong(i)` wrong choices beside two right ones.
fn multiples(count: usize, wrong: impl Fn(usize) -> usize) -> String {
    (0..count)
        .map(|i| {
            let wrongs: String = (0..wrong(i)).map(|w| format!(r#", {{ text = "w{w}" }}"#)).collect();
            format!(
                "\n[[question]]\nid = \"multi-{i}\"\nkind = \"multiple\"\nprompt = \"Which?\"\n\
                 choices = [{{ text = \"a\", correct = true }}, {{ text = \"b\", correct = true }}{wrongs}]\n\
                 explanation = \"Because.\"\npage = \"code\"\ntags = [\"2xx\"]\n"
            )
        })
        .collect()
}

/// True/false items with these answers.
fn true_false(answers: &[bool]) -> String {
    answers
        .iter()
        .enumerate()
        .map(|(i, answer)| {
            format!(
                "\n[[question]]\nid = \"tf-{i}\"\nkind = \"true_false\"\nprompt = \"True?\"\nanswer = {answer}\n\
                 explanation = \"Because.\"\npage = \"code\"\ntags = [\"2xx\"]\n"
            )
        })
        .collect()
}

#[test]
fn multiple_selects_that_all_leave_the_same_number_unticked_are_a_warning() {
    // With the fixture's own (two right, two wrong), seven of seven leave two unticked.
    let found = warnings(&multiples(6, |_| 2));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("question `multi-5`: 7 of the 7 multiple selects have exactly 2 wrong"), "{found:?}");
    // Two, three and four wrong choices in turn: no pattern to play.
    assert_eq!(warnings(&multiples(6, |i| 2 + i % 3)), Vec::<String>::new());
}

#[test]
fn true_false_items_mostly_one_answer_are_a_warning() {
    // The fixture's one item is false; six more false make seven of seven.
    let found = warnings(&true_false(&[false; 6]));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("question `tf-5`: 7 of the 7 true/false items are false"), "{found:?}");
    let mixed = [true, true, true, false, false, false];
    assert_eq!(warnings(&true_false(&mixed)), Vec::<String>::new());
}
