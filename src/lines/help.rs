//! The help overlay's text, generated from the key table, and how far it scrolls.
use crate::keys::{self, Context};
use crate::layout;
use crate::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Every binding of every screen, grouped by screen, then the mouse.
pub fn lines(theme: &Theme) -> Vec<Line<'static>> {
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

/// The furthest the help can scroll in a terminal of this size.
pub fn max_scroll(theme: &Theme, area: Rect) -> usize {
    lines(theme).len().saturating_sub(usize::from(layout::help_popup(area).height.saturating_sub(2)))
}
