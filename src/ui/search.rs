//! The search overlay: the query and live results.
use super::centered;
use crate::app::{App, SearchState};
use crate::sanitize::printable;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

pub fn render(app: &App, state: &SearchState, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let popup = centered(area, 80, area.height.saturating_sub(4).min(20));
    let mut lines = vec![Line::from(vec![
        Span::styled("/ ", theme.key),
        Span::raw(printable(&state.query).into_owned()), // a paste can hold bidi controls
        Span::styled("▏", theme.key),
    ])];
    lines.push(Line::default());
    let room = usize::from(popup.height.saturating_sub(4)) / 2;
    if state.query.trim().is_empty() {
        lines.push(Line::styled("Type to search page titles and text.", theme.dim));
    } else if state.hits.is_empty() {
        lines.push(Line::styled("No page mentions that.", theme.dim));
    }
    let first = state.selected.saturating_sub(room.saturating_sub(1));
    for (i, hit) in state.hits.iter().enumerate().skip(first).take(room) {
        let title = app.course.pages[hit.page].title.clone();
        let mut title_line = Line::from(vec![
            Span::raw(if i == state.selected { "› " } else { "  " }),
            Span::styled(title, theme.title),
        ]);
        if i == state.selected {
            title_line = title_line.patch_style(theme.selected);
        }
        lines.push(title_line);
        lines.push(Line::styled(format!("    {}", hit.excerpt), theme.dim));
    }
    Clear.render(popup, buf);
    let count = format!(" {} page(s) ", state.hits.len());
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .title(" Search ")
                .title_bottom(Line::from(count).right_aligned())
                .border_style(theme.focused_border),
        )
        .render(popup, buf);
}
