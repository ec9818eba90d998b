//! Keys on the welcome screen and in the reader.
use super::*;

impl App {
    pub(super) fn update_welcome(&mut self, action: Action) {
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
            Action::Close | Action::Confirm | Action::Decline => {}
            _ => {
                self.update_welcome(Action::Open);
                self.update_reader(action, false);
            }
        }
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

    pub(super) fn update_reader(&mut self, action: Action, pending: bool) {
        let screenful = self.page_height().saturating_sub(2).max(1) as isize;
        let sidebar = self.focus == Focus::Sidebar;
        match action {
            Action::Up if sidebar => self.move_cursor(-1),
            Action::Down if sidebar => self.move_cursor(1),
            Action::Up => self.scroll_by(-1),
            Action::Down => self.scroll_by(1),
            Action::PageUp => self.scroll_by(-screenful),
            Action::PageDown => self.scroll_by(screenful),
            Action::HalfPageUp => self.scroll_by(-(screenful / 2).max(1)),
            Action::HalfPageDown => self.scroll_by((screenful / 2).max(1)),
            Action::Top if sidebar => self.cursor = 1.min(self.entries.len() - 1),
            Action::Bottom if sidebar => self.cursor = self.entries.len() - 1,
            Action::Top => self.scroll_by(-(self.scroll as isize)),
            Action::Bottom => self.scroll_by(self.max_scroll() as isize),
            Action::PrevPage if self.page > 0 => self.open_page(self.page - 1, 0),
            Action::NextPage if self.page + 1 < self.course.pages.len() => self.open_page(self.page + 1, 0),
            Action::NextPage => self.message = Some("That was the last page: press t for the quiz".to_string()),
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
            Action::NextMatch => self.update_reader(Action::NextPage, pending),
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
            Action::Close if pending => {}
            Action::Close => self.message = Some("Esc cancels; q quits (you will come back to this spot)".to_string()),
            // Reading for the quiz (`r` from an answer): q goes back to it, not out.
            Action::Quit if self.quiz_waiting() => self.start_quiz(),
            Action::Quit => self.quit = true,
            _ => {}
        }
    }
}
