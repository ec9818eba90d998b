//! Jumps and the way back (the jump list), and `n` / `N` through the matches of the last
//! search, across pages.
use super::find;
use super::{App, Focus, Place};
use crate::lines::document::Document;

impl App {
    /// Opens a page as a jump: the place left is remembered for `Back`.
    pub(super) fn jump(&mut self, page: usize, scroll: usize) {
        let here = Place { page: self.page, scroll: self.scroll };
        if page < self.course.pages.len() && here != (Place { page, scroll }) {
            self.history.record(here);
        }
        self.match_at = None;
        self.open_page(page, scroll);
    }

    /// Back to the place before the last jump.
    pub(super) fn go_back(&mut self) {
        match self.history.back() {
            Some(place) => {
                self.focus = Focus::Page;
                self.open_page(place.page, place.scroll);
            }
            None => self.message = Some("Nothing to go back to yet".to_string()),
        }
    }

    /// `n` / `N`: the next or previous line mentioning the last search, across pages.
    pub(super) fn next_match(&mut self, forward: bool) {
        let Some(needle) = self.last_search.clone() else { return };
        let here = find::matching_lines(&self.document, &needle);
        // From the match shown, or else from the top of the screen.
        let from = match self.match_at {
            Some((page, line)) if page == self.page => Some(line),
            _ => None,
        };
        let on_this_page = if forward {
            here.iter().copied().find(|&l| from.map_or(l >= self.scroll, |f| l > f))
        } else {
            here.iter().rev().copied().find(|&l| l < from.unwrap_or(self.scroll))
        };
        let found = on_this_page.map(|line| (self.page, line, here.clone())).or_else(|| {
            let width = self.areas().page.width;
            find::pages_after(self.page, self.course.pages.len(), forward).into_iter().find_map(|p| {
                let doc = Document::build(&self.course, &*self.page_with_blocks(p)?, width, &self.theme);
                let lines = find::matching_lines(&doc, &needle);
                let line = if forward { lines.first() } else { lines.last() };
                line.map(|&l| (p, l, lines.clone()))
            })
        });
        let Some((page, line, lines)) = found else {
            self.message = Some(format!("\"{needle}\" is not on any page"));
            return;
        };
        if page != self.page {
            self.open_page(page, 0);
        }
        self.scroll = 0;
        let _ = self.scroll_by(line.saturating_sub(2) as isize); // the jump is the change
        self.match_at = Some((page, line));
        self.found = Some(needle.clone());
        let index = lines.iter().position(|&l| l == line).map_or(1, |i| i + 1);
        self.message = Some(format!("\"{needle}\" {index}/{} on this page · n next · N previous", lines.len()));
    }
}
