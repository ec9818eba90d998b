//! `r` from an answer lands on the passage: every anchored question of the built-in
//! course finds its passage on its page as laid out at 80 and at 200 columns, below the
//! page's top when the anchor is not the first block. Every question names its passage.
use status_tutor::cli::ThemeName;
use status_tutor::content::{Anchor, anchor_text, embedded, load};
use status_tutor::lines::document::Document;
use status_tutor::theme::Theme;

#[test]
fn every_question_names_its_passage() {
    let course = load(&embedded::files()).expect("the built-in course").course;
    let missing: Vec<&str> = course.questions.iter().filter(|q| q.anchor.is_none()).map(|q| q.id.as_str()).collect();
    assert!(missing.is_empty(), "questions without an anchor: {missing:?}");
}

#[test]
fn every_anchor_is_found_on_its_laid_out_page() {
    let course = load(&embedded::files()).expect("the built-in course").course;
    let theme = Theme::new(ThemeName::Dark, false);
    let anchored: Vec<_> = course.questions.iter().filter(|q| q.anchor.is_some()).collect();
    for width in [76, 196] {
        for question in &anchored {
            let anchor = question.anchor.as_ref().expect("anchored");
            let page = &course.pages[question.page];
            let needle = anchor_text(&course, question.page, anchor).expect("a passage to look for");
            let document = Document::build_with(&course, page, width, &theme, false);
            let line = document.find(&needle, 0);
            assert!(line.is_some(), "{}: {needle:?} not found on {} at {width}", question.id, page.id);
            if matches!(anchor, Anchor::Block(at) if *at > 1) {
                assert!(line > Some(0), "{}: {needle:?} is at the top of {}", question.id, page.id);
            }
        }
    }
}
