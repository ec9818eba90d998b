//! The view: draws the model, never changes it. One file per screen or widget.
pub mod code;
pub mod document;
pub mod help;
pub mod practice;
pub mod quiz;
mod quiz_results;
mod reader;
mod search;
mod sidebar;
mod status_bar;
pub mod text;
pub mod verified;
mod welcome;

use crate::app::{App, Overlay, Screen};
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
            Screen::Quiz => quiz::render(self, area, buf),
            Screen::Practice => practice::render(self, area, buf),
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
        Line::styled("Enlarge the window, or press q to quit.", app.theme.dim),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let inner = Rect::new(area.x, area.y + top, area.width, area.height - top);
    Paragraph::new(lines).alignment(Alignment::Center).wrap(Wrap { trim: true }).render(inner, buf);
}

/// A centred rectangle of at most `width` x `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect::new(area.x + (area.width - width) / 2, area.y + (area.height - height) / 2, width, height)
}
