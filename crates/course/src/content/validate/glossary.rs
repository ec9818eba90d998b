//! course.toml's `[[glossary]]`: a term is defined on one page, and a page read before it
//! may use the term only if it names that page (its title), so the learner knows where
//! the word is explained. Only prose counts: code samples use names freely.
use super::{Checker, Index, Parsed};
use crate::content::model::{Block, Page};
use crate::content::raw;

impl Checker<'_> {
    pub(super) fn glossary(&mut self, course: &Parsed<'_, raw::CourseFile>, pages: &[Page], index: &Index) {
        let source = course.source();
        for entry in &course.value.glossary {
            let term = entry.term.get_ref().trim();
            if term.is_empty() {
                self.problems.push(source.error(entry.term.span(), "a glossary term is empty"));
                continue;
            }
            let Some(&defining) = index.pages.get(entry.page.get_ref()) else {
                let message = format!("no page has id `{}`", entry.page.get_ref());
                self.problems.push(source.error(entry.page.span(), message));
                continue;
            };
            let Some(definer) = pages.get(defining) else { continue };
            if !prose(definer).iter().any(|text| uses(text, term)) {
                let message = format!("page `{}` is to define \"{term}\" but never uses the word", definer.id);
                self.problems.push(source.error(entry.page.span(), message));
            }
            for page in &pages[..defining.min(pages.len())] {
                let texts = prose(page);
                if texts.iter().any(|text| uses(text, term)) && !texts.iter().any(|text| text.contains(&definer.title))
                {
                    let message = format!(
                        "page `{}` uses \"{term}\" before page `{}` defines it: define it there, name \"{}\" \
                         on that page, or define it earlier",
                        page.id, definer.id, definer.title
                    );
                    self.problems.push(source.error(entry.term.span(), message));
                }
            }
        }
    }
}

/// The learner-facing words of a page: everything but code sources (the author-words
/// check adds those).
pub(super) fn prose(page: &Page) -> Vec<&str> {
    let mut texts: Vec<&str> = vec![&page.title, &page.summary];
    for block in &page.blocks {
        match block {
            Block::Paragraph(text) => texts.push(text),
            Block::List { heading, items } => {
                texts.extend(heading.as_deref());
                texts.extend(items.iter().map(String::as_str));
            }
            Block::Code(sample) => texts.extend(sample.caption.as_deref()),
            Block::Categories(cards) => texts.extend(cards.iter().map(|c| c.description.as_str())),
            Block::Callout { title, text, .. } => {
                texts.extend(title.as_deref());
                texts.push(text);
            }
            Block::Table { caption, header, rows } => {
                texts.extend(caption.as_deref());
                texts.extend(header.iter().map(String::as_str));
                texts.extend(rows.iter().flatten().map(String::as_str));
            }
        }
    }
    texts
}

/// `term` occurs in `text` at the start of a word, in any case ("CSRF" in "CSRF's",
/// "decorator" in "decorators", not "middleware" in "XMiddleware").
fn uses(text: &str, term: &str) -> bool {
    let (text, term) = (text.to_lowercase(), term.to_lowercase());
    text.match_indices(&term).any(|(at, _)| !text[..at].chars().next_back().is_some_and(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::uses;

    #[test]
    fn a_term_is_used_at_the_start_of_a_word_in_any_case() {
        assert!(uses("Django's CSRF check", "csrf"));
        assert!(uses("two decorators", "decorator"));
        assert!(!uses("CsrfViewMiddleware answers", "middleware"));
        assert!(!uses("nothing here", "csrf"));
    }
}
