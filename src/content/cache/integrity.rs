//! What a course read back from a cache must hold before it is used. The checksum only
//! tells a damaged file; a forged one (or one a buggy build wrote) can have a valid
//! checksum and any content, while the rest of the program trusts what `validate`
//! guarantees: every index in range, every list it reads from non-empty.
use crate::content::compact::Slot;
use crate::content::model::{Course, QuestionKind, StatusClass};

/// Why a decoded course cannot be used, if it cannot.
pub fn check(course: &Course, slots: &[Slot], blobs_len: u64) -> Result<(), &'static str> {
    sections(course)?;
    let page = |index: usize| index < course.pages.len();
    if !course.codes.iter().all(|c| StatusClass::of(c.code).is_some() && c.page.is_none_or(page)) {
        return Err("a status code out of range");
    }
    if !course.django.iter().all(|d| d.page.is_none_or(page)) {
        return Err("a Django name's page out of range");
    }
    for question in &course.questions {
        let answerable = match &question.kind {
            QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => !choices.is_empty(),
            QuestionKind::TrueFalse { .. } => true,
            QuestionKind::TypeCode { answer } => StatusClass::of(*answer).is_some(),
        };
        if !page(question.page) || !answerable {
            return Err("a question out of range");
        }
    }
    // Something to judge: a view exercise's checks, a test-writing one's wrong views.
    let judged = |e: &crate::content::Exercise| match &e.kind {
        crate::content::ExerciseKind::View => !e.checks.is_empty(),
        crate::content::ExerciseKind::Tests { wrong_views, .. } => !wrong_views.is_empty(),
    };
    let complete = |e: &crate::content::Exercise| !(e.hints.is_empty() || e.urls.is_empty()) && judged(e);
    if !course.exercises.iter().all(|e| page(e.page) && complete(e)) {
        return Err("an exercise out of range");
    }
    let inside = |s: &Slot| s.offset.checked_add(u64::from(s.len)).is_some_and(|end| end <= blobs_len);
    if slots.len() != course.pages.len() || !slots.iter().all(inside) {
        return Err("a page's blocks out of range");
    }
    Ok(())
}

/// The sections list every page once, in reading order, and each page names its section.
fn sections(course: &Course) -> Result<(), &'static str> {
    let mut next = 0;
    for (index, section) in course.sections.iter().enumerate() {
        if section.pages.is_empty() {
            return Err("a section without pages");
        }
        for &page in &section.pages {
            if page != next || course.pages.get(page).is_none_or(|p| p.section != index) {
                return Err("the sections do not list the pages in reading order");
            }
            next += 1;
        }
    }
    if next != course.pages.len() || next == 0 {
        return Err("the sections do not list every page");
    }
    Ok(())
}
