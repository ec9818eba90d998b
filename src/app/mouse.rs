//! Mouse: the wheel scrolls the pane under the pointer; clicks open entries and answer.
use super::*;

impl App {
    /// The wheel scrolls the pane under the pointer; a click on the contents opens the entry.
    /// Moves and clicks on nothing that reacts change nothing.
    pub fn on_mouse(&mut self, event: MouseEvent) -> Update {
        let at = Position::new(event.column, event.row);
        // Nothing is shown but "terminal too small": nothing to click or scroll.
        if self.overlay != Overlay::None || layout::too_small(self.size) {
            return Update::NotChanged;
        }
        if self.screen == Screen::Quiz {
            let clicked = matches!(event.kind, MouseEventKind::Down(MouseButton::Left))
                .then(|| self.quiz_lines())
                .flatten()
                .and_then(|view| crate::lines::quiz::choice_at(&view, self.size, at));
            let choice = clicked.and_then(|n| u8::try_from(n).ok());
            return choice.map_or(Update::NotChanged, |n| self.update(Action::Pick(n)));
        }
        if self.screen == Screen::Practice {
            return self.practice_mouse(event);
        }
        if self.screen != Screen::Reader {
            return Update::NotChanged;
        }
        let areas = self.areas();
        let in_sidebar = areas.sidebar.filter(|s| s.contains(at));
        match (event.kind, in_sidebar) {
            (MouseEventKind::ScrollDown, Some(_)) => self.move_cursor(1),
            (MouseEventKind::ScrollUp, Some(_)) => self.move_cursor(-1),
            (MouseEventKind::ScrollDown, None) => self.scroll_by(3),
            (MouseEventKind::ScrollUp, None) => self.scroll_by(-3),
            (MouseEventKind::Down(MouseButton::Left), Some(sidebar)) => {
                let list = layout::sidebar_list(sidebar, self.sidebar_mode());
                let offset = layout::list_offset(self.cursor, usize::from(list.height), self.entries.len());
                let row = offset + usize::from(event.row.saturating_sub(list.y));
                if !list.contains(at) || row >= self.entries.len() {
                    return Update::NotChanged;
                }
                self.focus = Focus::Sidebar;
                self.cursor = row;
                self.open_entry(row);
                Update::Changed
            }
            _ => Update::NotChanged,
        }
    }
}
