//! The help overlay's state: where it opens and how it scrolls.
use super::{App, Overlay, Update};
use crate::keys::Action;
use crate::layout;

impl App {
    /// The help, opened at the keys of the screen it was opened from.
    pub(super) fn open_help(&mut self) {
        let context = self.context();
        let max = crate::lines::help::max_scroll(&self.theme, self.size);
        let scroll = crate::lines::help::start_of(&self.theme, self.size, context).min(max);
        self.overlay = Overlay::Help { scroll };
    }

    /// Scrolls the help (no change at its ends) or closes it.
    pub(super) fn update_help(&mut self, action: Action) -> Update {
        let max = crate::lines::help::max_scroll(&self.theme, self.size);
        let screenful = usize::from(layout::help_popup(self.size).height.saturating_sub(3)).max(1);
        let Overlay::Help { scroll } = &mut self.overlay else { return Update::NotChanged };
        let before = *scroll;
        match action {
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll = (*scroll + 1).min(max),
            Action::PageUp => *scroll = scroll.saturating_sub(screenful),
            Action::PageDown => *scroll = (*scroll + screenful).min(max),
            Action::HalfPageUp => *scroll = scroll.saturating_sub(screenful.div_ceil(2)),
            Action::HalfPageDown => *scroll = (*scroll + screenful.div_ceil(2)).min(max),
            Action::Top => *scroll = 0,
            Action::Bottom => *scroll = max,
            Action::Close => self.overlay = Overlay::None,
            _ => {}
        }
        Update::from(self.overlay != (Overlay::Help { scroll: before }))
    }
}
