//! The progress screen (`%`): the lines of `lines::progress_screen` in their column,
//! scrolled, and the status bar.
use super::status_bar;
use crate::app::App;
use crate::lines::progress_screen::{column, lines};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let column = column(area);
    let scroll = app.stats_view.map_or(0, |view| view.scroll);
    let all = lines(&app.theme, &app.stats(), column.width);
    for (row, line) in all.iter().skip(scroll).take(usize::from(column.height)).enumerate() {
        super::cells::set_line(buf, column.x, column.y + row as u16, line, column.width);
    }
    status_bar::render(app, Rect::new(area.x, area.bottom() - 1, area.width, 1), buf);
}
