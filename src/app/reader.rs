//! Keys on the welcome screen and in the reader.
use super::*;
use crate::keys::{Context, key_for};

impl App {
    pub(super) fn update_welcome(&mut self, action: Action) -> Update {
        match action {
            Action::Open => {
                self.progress.edit().welcomed = true;
                let (page, scroll) = (self.page, self.scroll);
                self.open_page(page, scroll);
            }
            Action::StartQuiz => {
                self.progress.edit().welcomed = true;
                self.start_quiz();
            }
            Action::StartReview => {
                self.progress.edit().welcomed = true;
                self.start_review();
            }
            Action::Help => self.open_help(),
            Action::Progress => self.open_stats(),
            Action::Practice => {
                self.progress.edit().welcomed = true;
                self.open_practice(None);
            }
            Action::Quit => self.quit = true,
            // The reading keys work here too: they open the page, then act on it.
            Action::Close | Action::Confirm | Action::Decline => return Update::NotChanged,
            _ => return self.update_welcome(Action::Open) | self.update_reader(action, false),
        }
        Update::Changed
    }

    /// Scrolls the page; no change at its top or end (unless the position noted changed).
    pub(super) fn scroll_by(&mut self, delta: isize) -> Update {
        let before = (self.scroll, self.progress.edits());
        self.scroll = self.scroll.saturating_add_signed(delta).min(self.max_scroll());
        self.note_position();
        Update::from(before != (self.scroll, self.progress.edits()))
    }

    /// Moves the contents' highlight to the next page or quiz line; no change at either end.
    pub(super) fn move_cursor(&mut self, delta: isize) -> Update {
        let mut next = self.cursor;
        loop {
            let Some(candidate) = next.checked_add_signed(delta).filter(|&c| c < self.entries.len()) else {
                return Update::NotChanged;
            };
            next = candidate;
            if !matches!(self.entries[next], Entry::Section(_)) {
                self.cursor = next;
                return Update::Changed;
            }
        }
    }

    /// Highlights the contents' entry at `entry`; no change when it already is.
    fn highlight(&mut self, entry: usize) -> Update {
        let before = std::mem::replace(&mut self.cursor, entry);
        Update::from(before != entry)
    }

    /// Esc in the contents: the list closes (a docked one too, until c or Tab opens it).
    fn close_contents(&mut self) {
        self.focus = Focus::Page;
        if self.sidebar_mode() == SidebarMode::Docked {
            self.sidebar_choice = Some(false);
            self.progress.edit().sidebar = self.sidebar_choice;
        }
        self.relayout();
    }

    /// The reader's and the contents' keys. Arms that may find nothing to do (a scroll at
    /// the end, an action this screen ignores) return their own answer; the rest changed.
    pub(super) fn update_reader(&mut self, action: Action, pending: bool) -> Update {
        let screenful = self.page_height().saturating_sub(2).max(1) as isize;
        let sidebar = self.focus == Focus::Sidebar;
        match action {
            Action::Up if sidebar => return self.move_cursor(-1),
            Action::Down if sidebar => return self.move_cursor(1),
            Action::Up => return self.scroll_by(-1),
            Action::Down => return self.scroll_by(1),
            Action::PageUp => return self.scroll_by(-screenful),
            Action::PageDown => return self.scroll_by(screenful),
            Action::HalfPageUp => return self.scroll_by(-(screenful / 2).max(1)),
            Action::HalfPageDown => return self.scroll_by((screenful / 2).max(1)),
            Action::Top if sidebar => return self.highlight(1.min(self.entries.len() - 1)),
            Action::Bottom if sidebar => return self.highlight(self.entries.len() - 1),
            Action::Top => return self.scroll_by(-(self.scroll as isize)),
            Action::Bottom => return self.scroll_by(self.max_scroll() as isize),
            Action::PrevPage if self.page > 0 => self.open_page(self.page - 1, 0),
            Action::NextPage if self.page + 1 < self.course.pages.len() => self.open_page(self.page + 1, 0),
            Action::NextPage => {
                let quiz = key_for(Context::Reader, Action::StartQuiz);
                self.message = Some(format!("That was the last page: press {quiz} for the quiz"));
            }
            Action::SwitchFocus => {
                self.focus = if sidebar { Focus::Page } else { Focus::Sidebar };
                self.cursor = if sidebar { self.cursor } else { self.entry_of_page(self.page) };
                self.relayout();
            }
            Action::Open if sidebar => self.open_entry(self.cursor),
            Action::Digit(d) => self.type_digit(d),
            Action::Search => self.overlay = Overlay::Search(SearchState::default()),
            Action::Help => self.open_help(),
            Action::Back => self.go_back(),
            Action::NextMatch if self.last_search.is_some() => self.next_match(true),
            Action::NextMatch => return self.update_reader(Action::NextPage, pending),
            Action::PrevMatch if self.last_search.is_some() => self.next_match(false),
            Action::PrevMatch => {
                self.message = Some("No search yet: / searches, then n and N go through the matches".to_string())
            }
            Action::ToggleSidebar => {
                self.sidebar_choice = Some(self.sidebar_mode() != SidebarMode::Docked);
                // Remembered for the next launch.
                self.progress.edit().sidebar = self.sidebar_choice;
                if self.sidebar_choice == Some(false) {
                    self.focus = Focus::Page;
                }
                self.relayout();
            }
            Action::StartQuiz => self.start_quiz(),
            Action::Practice => self.practice_from_reader(),
            Action::ToggleVerified => {
                // Keep the line at the top of the screen in place: find it again in the new layout.
                let anchor = verified::anchor(&self.document, self.scroll);
                self.verified_expanded = !self.verified_expanded;
                self.relayout();
                if let Some(line) = anchor.and_then(|a| verified::find_anchor(&self.document, &a)) {
                    self.scroll = line.min(self.max_scroll());
                    self.note_position();
                }
            }
            Action::StartReview => self.start_review(),
            Action::Progress => self.open_stats(),
            // Esc cancels, innermost first; it never quits (q does).
            Action::Close if sidebar => self.close_contents(),
            // The last search is forgotten with its marks: n and N turn pages again.
            Action::Close if self.last_search.is_some() => {
                self.last_search = None;
                self.match_at = None;
                self.message = Some("Search forgotten: n and N turn pages again".to_string());
            }
            // What Esc cancels was on screen: `update` answers for it.
            Action::Close if pending => return Update::NotChanged,
            Action::Close => {
                let (close, quit) = (key_for(Context::Reader, Action::Close), key_for(Context::Reader, Action::Quit));
                self.message = Some(format!("{close} cancels; {quit} quits (you will come back to this spot)"));
            }
            // Reading for the quiz (`r` from an answer): q goes back to it, not out.
            Action::Quit if self.quiz_waiting() => self.start_quiz(),
            Action::Quit => self.quit = true,
            _ => return Update::NotChanged,
        }
        Update::Changed
    }
}
