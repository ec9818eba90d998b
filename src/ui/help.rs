//! The help overlay, generated from the key table.
use super::centered;
use crate::app::App;
use crate::keys::{self, Context};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

const SHOWN: [Context; 7] = [
    Context::Global,
    Context::Reader,
    Context::Search,
    Context::Quiz,
    Context::QuizTyping,
    Context::Results,
    Context::Help,
];

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut lines = vec![Line::from(vec![
        Span::raw("Mouse: "),
        Span::styled("the wheel scrolls the pane under the pointer; a click opens a contents entry", theme.dim),
    ])];
    for context in SHOWN {
        lines.push(Line::default());
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
    lines.remove(0); // the blank line before the first group
    let popup = centered(area, 76, area.height.saturating_sub(2));
    let inner_height = usize::from(popup.height.saturating_sub(2));
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    Clear.render(popup, buf);
    Paragraph::new(lines)
        .scroll((scroll as u16, 0))
        .block(
            Block::bordered()
                .title(" Keys ")
                .title_bottom(Line::from(" ↑↓ scroll · Esc close ").right_aligned())
                .border_style(theme.focused_border),
        )
        .render(popup, buf);
}
