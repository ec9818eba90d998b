//! The view: draws the model, never changes it. One file per screen or widget.
mod cells;
pub mod help;
pub mod practice;
mod progress;
mod quiz_screen;
mod reader;
mod search;
mod sidebar;
mod status_bar;
mod welcome;

// Laid-out text moved to `crate::lines` (the app uses it too); the old paths still work.
pub use crate::lines::{code, document, quiz, text};

use crate::app::{App, Overlay, Screen};
use crate::keys::{Action, Context, key_for};
use crate::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if layout::too_small(area) {
            too_small(self, area, buf);
            return;
        }
        match self.screen {
            Screen::Welcome => welcome::render(self, area, buf),
            Screen::Reader => reader::render(self, area, buf),
            Screen::Quiz => quiz_screen::render(self, area, buf),
            Screen::Practice => practice::render(self, area, buf),
            Screen::Progress => progress::render(self, area, buf),
        }
        match &self.overlay {
            Overlay::None => {}
            Overlay::Help { scroll } => help::render(self, *scroll, area, buf),
            Overlay::Search(state) => search::render(self, state, area, buf),
        }
    }
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = vec![
        Line::styled("Terminal too small", app.theme.heading),
        Line::raw(format!(
            "{}x{} here; status-tutor needs {}x{}.",
            area.width,
            area.height,
            layout::MIN_WIDTH,
            layout::MIN_HEIGHT
        )),
        Line::styled(
            format!("Enlarge the window, or press {} to quit.", key_for(Context::TooSmall, Action::Quit)),
            app.theme.dim,
        ),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let inner = Rect::new(area.x, area.y + top, area.width, area.height - top);
    Paragraph::new(lines).alignment(Alignment::Center).wrap(Wrap { trim: true }).render(inner, buf);
}

pub use crate::layout::centered;
