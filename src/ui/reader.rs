//! The reading screen: contents, the page, the status bar.
use super::text::plain;
use super::{sidebar, status_bar};
use crate::app::{App, Focus};
use crate::layout;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget};
use unicode_width::UnicodeWidthChar;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    // The area given, not `app.size`: they differ for a moment if the terminal is resized
    // between an event and the draw, and drawing outside the buffer would panic.
    let areas = layout::areas_for(area, app.sidebar_mode(), app.sidebar_natural);
    page(app, areas.page, areas.scrollbar, buf);
    // Drawn after the page: a floating sidebar covers it.
    if let Some(sidebar_area) = areas.sidebar {
        sidebar::render(app, sidebar_area, buf);
    }
    status_bar::render(app, areas.status, buf);
}

/// Marks every case-insensitive occurrence of `needle` in a drawn row of `text`.
fn mark_matches(buf: &mut Buffer, row: Rect, text: &str, needle: &str, style: Style) {
    // One lower-case char per char, so positions in `lower` are positions in `text`.
    let fold = |c: char| c.to_lowercase().next().unwrap_or(c);
    let chars: Vec<char> = text.chars().collect();
    let lower: Vec<char> = chars.iter().copied().map(fold).collect();
    let wanted: Vec<char> = needle.chars().map(fold).collect();
    if wanted.is_empty() || wanted.len() > lower.len() {
        return;
    }
    let width = |cs: &[char]| cs.iter().map(|c| c.width().unwrap_or(0)).sum::<usize>();
    for start in 0..=lower.len() - wanted.len() {
        if lower[start..start + wanted.len()] == wanted[..] {
            let x = row.x as usize + width(&chars[..start]);
            let w = width(&chars[start..start + wanted.len()]);
            let cell = Rect::new(u16::try_from(x).unwrap_or(u16::MAX), row.y, u16::try_from(w).unwrap_or(0), 1);
            buf.set_style(cell.intersection(row), style);
        }
    }
}

fn page(app: &App, area: Rect, bar: Rect, buf: &mut Buffer) {
    let visible = app.document.lines.iter().skip(app.scroll).take(usize::from(area.height));
    for (row, line) in visible.enumerate() {
        let y = area.y + row as u16;
        super::cells::set_line(buf, area.x, y, line, area.width);
        if let Some(needle) = &app.found {
            mark_matches(buf, Rect::new(area.x, y, area.width, 1), &plain(&line.spans), needle, app.theme.search_match);
        }
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
