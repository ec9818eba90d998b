//! Code samples as styled lines: the highlighter's tokens in the theme's colours.
use crate::highlight::{self, TokenKind};
use crate::theme::Theme;
use ratatui::style::Style;
use ratatui::text::Span;

/// One Vec of spans per source line (tabs as four spaces).
pub fn highlight(language: &str, source: &str, theme: &Theme) -> Vec<Vec<Span<'static>>> {
    highlight::highlight(language, source)
        .into_iter()
        .map(|line| {
            line.into_iter().map(|(kind, text)| Span::styled(text.replace('\t', "    "), style(kind, theme))).collect()
        })
        .collect()
}

fn style(kind: TokenKind, theme: &Theme) -> Style {
    match kind {
        TokenKind::Keyword => theme.code_keyword,
        TokenKind::Builtin => theme.code_builtin,
        TokenKind::String => theme.code_string,
        TokenKind::Comment => theme.code_comment,
        TokenKind::Number | TokenKind::Constant => theme.code_number,
        TokenKind::Decorator => theme.code_decorator,
        TokenKind::Function | TokenKind::Class => theme.code_function,
        TokenKind::Operator | TokenKind::Punctuation | TokenKind::Plain => theme.text,
    }
}
