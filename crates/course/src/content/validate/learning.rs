//! Rules about the course as a learning path rather than about one file's shape: every
//! page that teaches a status code is practised by enough quiz questions (when
//! course.toml sets `questions_per_code_page`), no page speaks to course authors, and
//! (when course.toml sets them) RFC section citations stay out of the running text and no
//! page is longer to read than `max_page_minutes`. All errors, checked on the finished pages and questions, reported at
//! the page's `id`.
use super::{Checker, Parsed};
use crate::content::model::{Block, Page, Question};
use crate::content::raw;
use std::collections::HashMap;
use std::ops::Range;

/// Words that belong to the people who write and prove the course, not to learners: the
/// harness is the tool that runs the samples, which a learner never meets.
const AUTHOR_WORDS: &[&str] = &["harness", "course author"];

/// How a page's footer line starts; the only place a `§` citation may stand.
const FOOTER: &str = "References:";

/// Where each page's `id` is written, by page id, taken before the page files are consumed.
pub(super) struct PageSpots<'a> {
    spots: HashMap<String, (String, &'a str, Range<usize>)>,
}

impl<'a> PageSpots<'a> {
    pub(super) fn new(files: &[Parsed<'a, raw::PageFile>]) -> PageSpots<'a> {
        let spots =
            files.iter().map(|f| (f.value.id.get_ref().clone(), (f.name.clone(), f.text, f.value.id.span()))).collect();
        PageSpots { spots }
    }
}

impl Checker<'_> {
    /// `minimum`: course.toml's `questions_per_code_page`, if set.
    pub(super) fn learning_path(
        &mut self,
        pages: &[Page],
        questions: &[Question],
        spots: &PageSpots<'_>,
        minimum: Option<usize>,
    ) {
        let mut asked = vec![0usize; pages.len()];
        for question in questions {
            if let Some(count) = asked.get_mut(question.page) {
                *count += 1;
            }
        }
        for (page, &count) in pages.iter().zip(&asked) {
            let Some((name, text, span)) = spots.spots.get(&page.id) else { continue };
            let source = crate::content::problem::SourceFile { name, text };
            if let Some(minimum) = minimum.filter(|&m| !page.codes.is_empty() && count < m) {
                let message = format!(
                    "this page teaches a status code but {count} quiz question(s) send the learner here; \
                     course.toml asks for at least {minimum} (questions_per_code_page)"
                );
                self.problems.push(source.error(span.clone(), message));
            }
            if let Some(word) = author_words(page) {
                let message = format!("the page says \"{word}\": words for course authors do not belong on a page");
                self.problems.push(source.error(span.clone(), message));
            }
        }
    }
}

impl Checker<'_> {
    /// course.toml's `citations_in_footer`: a `§` anywhere in a page's words but its
    /// "References:" footer is an error, once per page, counting what is to move.
    pub(super) fn citations_in_footer(&mut self, pages: &[Page], spots: &PageSpots<'_>) {
        for page in pages {
            let Some((name, text, span)) = spots.spots.get(&page.id) else { continue };
            let in_running_text: usize = texts(page)
                .iter()
                .filter(|t| !t.trim_start().starts_with(FOOTER))
                .map(|t| t.matches('§').count())
                .sum();
            if in_running_text > 0 {
                let source = crate::content::problem::SourceFile { name, text };
                let message = format!(
                    "{in_running_text} RFC section citation(s) (§) in the running text: keep the page's \
                     words plain and move them to its footer, a paragraph that starts with \"{FOOTER}\""
                );
                self.problems.push(source.error(span.clone(), message));
            }
        }
    }
}

impl Checker<'_> {
    /// course.toml's `max_page_minutes`: a page whose reading time, in the whole minutes
    /// the contents show, is above the limit is an error (split it).
    pub(super) fn page_length(&mut self, pages: &[Page], spots: &PageSpots<'_>, limit: u64) {
        for page in pages {
            let minutes = crate::content::reading::minutes(u64::from(page.reading_seconds));
            let Some((name, text, span)) = spots.spots.get(&page.id).filter(|_| minutes > limit) else { continue };
            let source = crate::content::problem::SourceFile { name, text };
            let message = format!(
                "this page takes about {minutes} min to read; course.toml allows {limit} (max_page_minutes): \
                 split it by concern"
            );
            self.problems.push(source.error(span.clone(), message));
        }
    }

    /// course.toml's `max_page_minutes`: a count from 1 to 600, or nothing.
    pub(super) fn max_page_minutes(&mut self, course: &Parsed<'_, raw::CourseFile>) -> Option<u64> {
        let value = course.value.max_page_minutes.as_ref()?;
        match u64::try_from(*value.get_ref()) {
            Ok(n @ 1..=600) => Some(n),
            _ => {
                let message = "max_page_minutes is a count from 1 to 600";
                self.problems.push(course.source().error(value.span(), message));
                None
            }
        }
    }
}

/// The first author-only phrase any text of the page uses.
fn author_words(page: &Page) -> Option<&'static str> {
    let texts = texts(page);
    AUTHOR_WORDS.iter().copied().find(|word| texts.iter().any(|t| t.to_lowercase().contains(word)))
}

/// Every text of a page a learner reads: its prose (as the glossary check reads it) and
/// its code samples' sources.
fn texts(page: &Page) -> Vec<&str> {
    let sources = page.blocks.iter().filter_map(|block| match block {
        Block::Code(sample) => Some(sample.source.as_str()),
        _ => None,
    });
    super::glossary::prose(page).into_iter().chain(sources).collect()
}

impl Checker<'_> {
    /// course.toml's `questions_per_code_page`: a count from 1 to 100, or nothing.
    pub(super) fn questions_per_code_page(&mut self, course: &Parsed<'_, raw::CourseFile>) -> Option<usize> {
        let value = course.value.questions_per_code_page.as_ref()?;
        match usize::try_from(*value.get_ref()) {
            Ok(n @ 1..=100) => Some(n),
            _ => {
                let message = "questions_per_code_page is a count from 1 to 100";
                self.problems.push(course.source().error(value.span(), message));
                None
            }
        }
    }
}

impl Checker<'_> {
    /// Page ids listed in course.toml (`core`, `signposts`) as page indices; an unknown id
    /// is an error, a repeated one is kept once.
    pub(super) fn page_list(
        &mut self,
        source: &crate::content::problem::SourceFile<'_>,
        ids: &[raw::Text],
        index: &super::Index,
    ) -> Vec<usize> {
        let mut pages = Vec::new();
        for id in ids {
            match index.pages.get(id.get_ref()) {
                Some(&page) if !pages.contains(&page) => pages.push(page),
                Some(_) => {}
                None if self.unparsed_pages.contains(id.get_ref()) => {}
                None => {
                    let message = format!(
                        "no page has id `{}`{}",
                        id.get_ref(),
                        super::suggestion(id.get_ref(), index.pages.keys().map(String::as_str))
                    );
                    self.problems.push(source.error(id.span(), message));
                }
            }
        }
        pages
    }
}
