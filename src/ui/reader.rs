//! The reading screen: contents, the page, the status bar.
use super::{sidebar, status_bar};
use crate::app::{App, Focus};
use crate::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    // The area given, not `app.size`: they differ for a moment if the terminal is resized
    // between an event and the draw, and drawing outside the buffer would panic.
    let areas = layout::areas(area, app.sidebar_mode());
    page(app, areas.page, areas.scrollbar, buf);
    // Drawn after the page: a floating sidebar covers it.
    if let Some(sidebar_area) = areas.sidebar {
        sidebar::render(app, sidebar_area, buf);
    }
    status_bar::render(app, areas.status, buf);
}

fn page(app: &App, area: Rect, bar: Rect, buf: &mut Buffer) {
    let visible = app.document.lines.iter().skip(app.scroll).take(usize::from(area.height));
    for (row, line) in visible.enumerate() {
        buf.set_line(area.x, area.y + row as u16, line, area.width);
    }
    let total = app.document.lines.len();
    if total > usize::from(area.height) && bar.x >= area.right() {
        let mut state = ScrollbarState::new(total.saturating_sub(usize::from(area.height))).position(app.scroll);
        let style = if app.focus == Focus::Page { app.theme.focused_border } else { app.theme.border };
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .thumb_symbol("┃")
            .style(style)
            .render(bar, buf, &mut state);
    }
}
