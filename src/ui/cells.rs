//! `Buffer::set_line` with a fast path for ASCII spans. ratatui splits every span into
//! grapheme clusters (unicode-segmentation), which was a fifth of a page's render; an
//! ASCII span is one cell per printable byte, so it is written cell by cell. Other spans
//! go through ratatui. The result is the same buffer (a property test checks it).
use ratatui::buffer::Buffer;
use ratatui::text::Line;

/// As `buf.set_line(x, y, line, max_width)`.
pub fn set_line(buf: &mut Buffer, x: u16, y: u16, line: &Line<'_>, max_width: u16) -> (u16, u16) {
    let mut remaining = max_width;
    let mut x = x;
    for span in line {
        if remaining == 0 {
            break;
        }
        let style = line.style.patch(span.style);
        let text = span.content.as_ref();
        let end = if text.is_ascii() {
            // Control bytes take no cell (ratatui drops them); the rest take one each.
            let room = buf.area.right().saturating_sub(x).min(remaining);
            let mut at = x;
            for byte in text.bytes().filter(|b| !b.is_ascii_control()) {
                if at - x == room {
                    break;
                }
                buf[(at, y)].set_char(char::from(byte)).set_style(style);
                at += 1;
            }
            at
        } else {
            buf.set_stringn(x, y, text, usize::from(remaining), style).0
        };
        remaining = remaining.saturating_sub(end.saturating_sub(x));
        x = end;
    }
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::{Color, Modifier, Style};
    use ratatui::text::Span;

    fn span() -> impl Strategy<Value = Span<'static>> {
        let text = prop_oneof!["[ -~]{0,12}", "[ -~\t\r\n\x1b]{0,12}", "[a-z é世界👍\u{301}]{0,8}",];
        let style = prop_oneof![
            Just(Style::default()),
            Just(Style::default().fg(Color::Red)),
            Just(Style::default().bg(Color::Indexed(25)).add_modifier(Modifier::BOLD)),
        ];
        (text, style).prop_map(|(text, style)| Span::styled(text, style))
    }

    proptest! {
        #[test]
        fn the_same_cells_as_ratatui(
            spans in prop::collection::vec(span(), 0..6),
            line_bold in any::<bool>(),
            x in 0u16..14,
            y in 0u16..3,
            max_width in 0u16..30,
        ) {
            let mut line = Line::from(spans);
            if line_bold {
                line = line.style(Style::default().add_modifier(Modifier::BOLD).fg(Color::Blue));
            }
            let area = Rect::new(2, 0, 20, 3);
            let x = x + area.x;
            let mut theirs = Buffer::empty(area);
            let mut ours = Buffer::empty(area);
            let expected = theirs.set_line(x, y, &line, max_width);
            let got = set_line(&mut ours, x, y, &line, max_width);
            prop_assert_eq!(got, expected);
            prop_assert_eq!(ours, theirs);
        }
    }
}
