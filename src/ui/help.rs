//! The help overlay, generated from the key table (see `lines::help`).
use crate::app::App;
use crate::keys::Context;
use crate::layout;
use crate::lines::help::{inner_width, lines, max_scroll};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

pub fn render(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let popup = layout::help_popup(area);
    let scroll = scroll.min(max_scroll(theme, area));
    Clear.render(popup, buf);
    // The keys of the help itself, from the table like the rest.
    let hints: Vec<String> = crate::keys::hints(Context::Help).map(|(keys, word)| format!("{keys} {word}")).collect();
    Paragraph::new(lines(theme, inner_width(area)))
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
        .block(
            Block::bordered()
                .title(" Keys ")
                .title_bottom(Line::from(format!(" {} ", hints.join(" · "))).right_aligned())
                .border_style(theme.focused_border),
        )
        .render(popup, buf);
}
