//! The help overlay's text, generated from the key table, and how far it scrolls.
use super::text::wrap;
use crate::keys::{self, Context};
use crate::layout;
use crate::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Every binding of every screen, grouped by screen, then the mouse; descriptions wrap
/// under themselves to fit `width`.
pub fn lines(theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let entry = |keys: &str, what: &'static str| {
        let first = vec![Span::styled(format!("  {keys:<17} "), theme.key)];
        wrap(&[Span::raw(what)], width, first, vec![Span::raw(" ".repeat(20))])
    };
    let mut lines = Vec::new();
    for context in Context::ALL {
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::styled(context.title(), theme.heading));
        // Quit, help and search first, so they show wherever the help opens.
        let mut bindings: Vec<_> = keys::bindings(context).collect();
        bindings.sort_by_key(|b| keys::essential(b.action).unwrap_or(usize::MAX));
        for binding in bindings {
            lines.extend(entry(&binding.label(), binding.description));
        }
    }
    lines.push(Line::default());
    lines.push(Line::styled("Mouse", theme.heading));
    for (what, does) in
        [("wheel", "scrolls the pane under the pointer"), ("click", "opens a contents entry; answers a quiz choice")]
    {
        lines.extend(entry(what, does));
    }
    lines
}

/// The line where the keys of `context` start (0 for the global ones).
pub fn start_of(theme: &Theme, area: Rect, context: Context) -> usize {
    let title = context.title();
    lines(theme, inner_width(area)).iter().position(|l| l.spans.len() == 1 && l.spans[0].content == title).unwrap_or(0)
}

/// The furthest the help can scroll in a terminal of this size.
pub fn max_scroll(theme: &Theme, area: Rect) -> usize {
    lines(theme, inner_width(area)).len().saturating_sub(usize::from(layout::help_popup(area).height.saturating_sub(2)))
}

/// The text width inside the help's border.
pub fn inner_width(area: Rect) -> usize {
    usize::from(layout::help_popup(area).width.saturating_sub(2))
}
