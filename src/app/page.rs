//! The open page: laid out for the terminal's width, the reader's place in it (kept for
//! the next launch; the page is read once its end was seen), and opening a page or a
//! contents entry.
use super::{App, Entry, Focus, Overlay, Screen};
use crate::layout;
use crate::lines::document::Document;
use ratatui::layout::Rect;

impl App {
    pub(super) fn page_height(&self) -> usize {
        usize::from(self.areas().page.height)
    }

    pub(super) fn max_scroll(&self) -> usize {
        self.document.lines.len().saturating_sub(self.page_height())
    }

    /// The title of the page after the open one, once the open page's end is in view:
    /// the reader's cue to press →.
    pub fn next_page_cue(&self) -> Option<&str> {
        let at_end = self.screen == Screen::Reader && self.overlay == Overlay::None && self.scroll >= self.max_scroll();
        let next = self.course.pages.get(self.page + 1).filter(|_| at_end)?;
        Some(next.title.split(" - ").next().unwrap_or(&next.title))
    }

    /// Percentage of pages read, 0-100.
    pub fn percent_read(&self) -> usize {
        let read = self.course.pages.iter().filter(|p| self.progress.pages_read.contains(&p.id)).count();
        (read * 100).checked_div(self.course.pages.len()).unwrap_or(0)
    }

    pub fn is_read(&self, page: usize) -> bool {
        self.course.pages.get(page).is_some_and(|p| self.progress.pages_read.contains(&p.id))
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        self.relayout();
    }

    /// Re-lays out the open page when the page or the width changed, and keeps the
    /// scroll position inside it.
    pub(super) fn relayout(&mut self) {
        // Only the reader shows the page; laying it out earlier would slow the launch.
        if self.screen != Screen::Reader {
            return;
        }
        let width = self.areas().page.width;
        if self.document_key != (self.page, width) || self.document_expanded != self.verified_expanded {
            self.load_blocks(self.page);
            if let Some(page) = self.course.pages.get(self.page) {
                self.document = Document::build_with(&self.course, page, width, &self.theme, self.verified_expanded);
            }
            self.document_key = (self.page, width);
            self.document_expanded = self.verified_expanded;
        }
        self.scroll = self.scroll.min(self.max_scroll());
        self.note_position();
    }

    /// Records the position for the next launch, and marks the page read once its end was seen.
    pub(super) fn note_position(&mut self) {
        if self.screen != Screen::Reader || layout::too_small(self.size) {
            return;
        }
        let Some(page) = self.course.pages.get(self.page) else { return };
        let scroll = u16::try_from(self.scroll).unwrap_or(u16::MAX);
        let end_seen = self.scroll + self.page_height() >= self.document.lines.len();
        // Asked before `edit`, so a key that moves nothing is no change to save.
        if self.progress.last_page.as_deref() != Some(page.id.as_str()) || self.progress.scroll != scroll {
            self.progress.edit().set_position(&page.id, scroll);
        }
        let read = end_seen && !self.progress.pages_read.contains(&page.id) && self.progress.edit().mark_read(&page.id);
        if read {
            self.offer_section_round();
        }
    }

    pub fn open_page(&mut self, page: usize, scroll: usize) {
        if page >= self.course.pages.len() {
            return;
        }
        self.screen = Screen::Reader;
        self.page = page;
        self.scroll = scroll;
        self.cursor = self.entry_of_page(page);
        self.relayout();
    }

    pub(super) fn entry_of_page(&self, page: usize) -> usize {
        self.entries.iter().position(|e| *e == Entry::Page(page)).unwrap_or(0)
    }

    pub(super) fn open_entry(&mut self, entry: usize) {
        match self.entries.get(entry) {
            Some(Entry::Page(page)) => {
                let page = *page;
                self.focus = Focus::Page;
                self.jump(page, 0);
            }
            Some(Entry::Quiz) => self.start_quiz(),
            Some(Entry::Practice) => self.open_practice(None),
            _ => {}
        }
    }
}
