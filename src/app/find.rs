//! Search: the live search box, and `n` and `N` after a search: the next or previous line
//! that mentions the searched text, on this page and then across pages, wrapping like `less`.
use crate::lines::document::Document;
use crate::lines::text::plain;

use super::{Action, App, Focus, Overlay, Update};

/// The lines of `doc` that contain `needle` (case-insensitive), in order.
pub fn matching_lines(doc: &Document, needle: &str) -> Vec<usize> {
    let needle = needle.to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    doc.lines
        .iter()
        .enumerate()
        .filter(|(_, line)| plain(&line.spans).to_lowercase().contains(&needle))
        .map(|(i, _)| i)
        .collect()
}

/// The page order to look in after `page`, forwards or backwards, ending with `page`
/// itself (the wrap-around).
pub fn pages_after(page: usize, count: usize, forward: bool) -> Vec<usize> {
    (1..=count).map(|step| if forward { (page + step) % count } else { (page + count * 2 - step) % count }).collect()
}

impl App {
    /// The search box's keys: typing, moving through the hits, opening one. Keys the box
    /// does not use change nothing; the rest are taken as changes.
    pub(super) fn update_search(&mut self, action: Action) -> Update {
        self.search_index();
        let Some(index) = &self.search_index else { return Update::NotChanged };
        let Overlay::Search(state) = &mut self.overlay else { return Update::NotChanged };
        match action {
            Action::Type(c) => {
                state.query.push(c);
                state.hits = index.search(&state.query);
                state.selected = 0;
            }
            Action::Backspace => {
                state.query.pop();
                state.hits = index.search(&state.query);
                state.selected = 0;
            }
            Action::Up => state.selected = state.selected.saturating_sub(1),
            Action::Down => state.selected = (state.selected + 1).min(state.hits.len().saturating_sub(1)),
            Action::Open => {
                if let Some(hit) = state.hits.get(state.selected).cloned() {
                    let query = state.query.clone();
                    self.overlay = Overlay::None;
                    self.focus = Focus::Page;
                    self.jump(hit.page, 0);
                    // A match wrapped over two lines: look for its longest word instead.
                    let longest = query.split_whitespace().max_by_key(|w| w.len()).unwrap_or_default();
                    let found = [query.trim(), longest]
                        .into_iter()
                        .find_map(|needle| self.document.find(needle, 0).map(|line| (line, needle.to_string())));
                    if let Some((line, needle)) = found {
                        let _ = self.scroll_by(line.saturating_sub(2) as isize); // the jump is the change
                        self.match_at = Some((self.page, line));
                        self.found = Some(needle.clone());
                        self.last_search = Some(needle);
                        self.message = Some("n and N: the next and previous match, across pages".to_string());
                    }
                }
            }
            Action::Close => self.overlay = Overlay::None,
            _ => return Update::NotChanged,
        }
        self.fill_excerpts();
        Update::Changed
    }

    /// Makes the open search's results again from the current index (a fuller one just
    /// arrived). The selection keeps its place: title matches, listed first, stay first.
    pub(super) fn refresh_search(&mut self) -> Update {
        let (Some(index), Overlay::Search(state)) = (&self.search_index, &mut self.overlay) else {
            return Update::NotChanged;
        };
        if state.query.trim().is_empty() {
            return Update::NotChanged;
        }
        state.hits = index.search(&state.query);
        state.selected = state.selected.min(state.hits.len().saturating_sub(1));
        self.fill_excerpts();
        Update::Changed
    }

    /// Excerpts for the open search's hits near the selected one.
    fn fill_excerpts(&mut self) {
        if let (Some(index), Overlay::Search(state)) = (&self.search_index, &mut self.overlay) {
            let (lazy, course) = (self.lazy.as_ref(), &self.course);
            index.fill_excerpts(&mut state.hits, state.selected, |page| super::lazy::page_text(lazy, course, page));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::pages_after;

    #[test]
    fn pages_wrap_around_and_end_on_the_start() {
        assert_eq!(pages_after(1, 4, true), [2, 3, 0, 1]);
        assert_eq!(pages_after(1, 4, false), [0, 3, 2, 1]);
        assert_eq!(pages_after(0, 1, true), [0]);
    }
}
