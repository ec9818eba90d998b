//! The search overlay: the query and live results.
use super::centered;
use crate::app::{App, SearchState};
use crate::keys::{Action, Context, key_for};
use crate::lines::text::ellipsized;
use crate::sanitize::printable;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

pub fn render(app: &App, state: &SearchState, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let popup = centered(area, 80, area.height.saturating_sub(4).min(20));
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{} ", key_for(Context::Reader, Action::Search)), theme.key),
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
            title_line = crate::lines::text::selected(title_line, theme.selected);
        }
        let inner = usize::from(popup.width.saturating_sub(2));
        lines.push(ellipsized(title_line, inner));
        let mut excerpt = vec![Span::styled("    ", theme.dim)];
        excerpt.extend(marked(&hit.excerpt, state.query.trim(), theme.dim, theme.search_match));
        lines.push(ellipsized(Line::from(excerpt), inner));
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

/// `text` as spans, every case-insensitive occurrence of `needle` in `mark`.
fn marked(text: &str, needle: &str, base: Style, mark: Style) -> Vec<Span<'static>> {
    let lower = text.to_lowercase();
    let wanted = needle.to_lowercase();
    // Lower-casing can change byte lengths (rare scripts): then mark nothing rather than cut a char.
    if wanted.is_empty() || lower.len() != text.len() {
        return vec![Span::styled(text.to_string(), base)];
    }
    let mut spans = Vec::new();
    let mut at = 0;
    for (start, _) in lower.match_indices(&wanted) {
        if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(start + wanted.len()) {
            continue;
        }
        spans.push(Span::styled(text[at..start].to_string(), base));
        spans.push(Span::styled(text[start..start + wanted.len()].to_string(), mark));
        at = start + wanted.len();
    }
    spans.push(Span::styled(text[at..].to_string(), base));
    spans.retain(|s| !s.content.is_empty());
    spans
}

#[cfg(test)]
mod tests {
    use super::marked;
    use ratatui::style::{Color, Style};

    #[test]
    fn every_match_is_marked_whatever_its_case() {
        let (base, mark) = (Style::new(), Style::new().bg(Color::Yellow));
        let spans = marked("CSRF token: csrf_exempt", "csrf", base, mark);
        let shown: Vec<(&str, bool)> = spans.iter().map(|s| (s.content.as_ref(), s.style == mark)).collect();
        assert_eq!(shown, [("CSRF", true), (" token: ", false), ("csrf", true), ("_exempt", false)]);
        assert_eq!(marked("ünïcode", "x", base, mark).len(), 1);
    }
}
