//! The help overlay, generated from the key table.
use super::centered;
use crate::app::App;
use crate::keys::{self, Context};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// Every binding of every screen, grouped by screen, then the mouse.
fn lines(theme: &Theme) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for context in Context::ALL {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(context.title(), theme.heading));
        for binding in keys::bindings(context) {
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<12}", binding.label), theme.key),
                Span::raw(binding.description),
            ]));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled("Mouse", theme.heading));
    for (what, does) in
        [("wheel", "scrolls the pane under the pointer"), ("click", "opens a contents entry; answers a quiz choice")]
    {
        lines.push(Line::from(vec![Span::styled(format!("  {what:<12}"), theme.key), Span::raw(does)]));
    }
    lines
}

fn popup(area: Rect) -> Rect {
    centered(area, 76, area.height.saturating_sub(2))
}

/// The furthest the help can scroll in a terminal of this size.
pub fn max_scroll(theme: &Theme, area: Rect) -> usize {
    lines(theme).len().saturating_sub(usize::from(popup(area).height.saturating_sub(2)))
}

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let popup = popup(area);
    let scroll = scroll.min(max_scroll(theme, area));
    Clear.render(popup, buf);
    Paragraph::new(lines(theme))
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .block(
            Block::bordered()
                .title(" Keys ")
                .title_bottom(Line::from(" ↑↓ scroll · Esc close ").right_aligned())
                .border_style(theme.focused_border),
        )
        .render(popup, buf);
}
