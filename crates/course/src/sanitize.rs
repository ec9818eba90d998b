//! The one sanitiser: text from outside (a course, the progress file, learner code, Python
//! output, file names, OS errors) passes through [`printable`] before it reaches a terminal,
//! so it can never move the cursor, retitle the window, hide text or reorder it.
use std::borrow::Cow;
use std::fmt::Write as _;
use unicode_width::UnicodeWidthChar;

/// Columns between tab stops when a tab is expanded.
pub const TAB_STOP: usize = 4;

/// `text` with every character that could drive a terminal shown escaped (`\u{1b}`):
/// C0 controls but newline, DEL and the C1 controls, bidi embeddings, overrides, isolates
/// and marks, and the Unicode line and paragraph separators. Tabs are expanded to spaces
/// (stops every [`TAB_STOP`] columns, counted from the last newline). Borrowed when nothing
/// had to change, which is the usual case.
pub fn printable(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find(|c: char| c == '\t' || must_escape(c)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    let mut column = column_after(&text[..first]);
    for c in text[first..].chars() {
        match c {
            '\n' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            c if must_escape(c) => {
                let before = out.len();
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
                column += out.len() - before;
            }
            c => {
                out.push(c);
                column += c.width().unwrap_or(0);
            }
        }
    }
    Cow::Owned(out)
}

/// `text` for one line (a file name, a message): as [`printable`], and newlines and tabs
/// escaped too, so a name cannot break the line or forge the lines after it.
pub fn one_line(text: &str) -> Cow<'_, str> {
    let Some(first) = text.find(|c: char| c == '\n' || c == '\t' || must_escape(c)) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        if c == '\n' || c == '\t' || must_escape(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Whether `c` is a control, bidi or separator character that [`printable`] escapes (tab
/// and newline are not: a tab is expanded, a newline kept).
pub fn must_escape(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_bidi_control(c) || is_line_separator(c)
}

/// The bidi controls that reorder what a reader sees (the "Trojan Source" characters):
/// embeddings and overrides U+202A-E, isolates U+2066-9, and the marks U+200E, U+200F, U+061C.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

/// U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: some terminals and editors break
/// the line there, so a line could hide what follows.
pub fn is_line_separator(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
}

fn column_after(text: &str) -> usize {
    let line = text.rsplit('\n').next().unwrap_or(text);
    line.chars().map(|c| c.width().unwrap_or(0)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(printable("Not Found: café 404\n"), Cow::Borrowed(_)));
    }

    #[test]
    fn an_osc_title_change_is_shown_not_sent() {
        assert_eq!(printable("kind \u{1b}]0;X\u{7} here"), "kind \\u{1b}]0;X\\u{7} here");
    }

    #[test]
    fn c1_del_bidi_and_separators_are_escaped() {
        assert_eq!(printable("a\u{9b}b\u{7f}c"), "a\\u{9b}b\\u{7f}c");
        assert_eq!(printable("x\u{202e}y\u{2066}z"), "x\\u{202e}y\\u{2066}z");
        assert_eq!(printable("p\u{2028}q\u{2029}r\rs"), "p\\u{2028}q\\u{2029}r\\u{d}s");
    }

    #[test]
    fn one_line_escapes_newlines_and_tabs_too() {
        assert!(matches!(one_line("pages/café.toml"), Cow::Borrowed(_)));
        assert_eq!(one_line("a\nb\tc\u{1b}d"), "a\\u{a}b\\u{9}c\\u{1b}d");
    }

    #[test]
    fn tabs_are_expanded_to_the_next_stop() {
        assert_eq!(printable("\tx"), "    x");
        assert_eq!(printable("ab\tc\n\td"), "ab  c\n    d");
        assert_eq!(printable("abcd\te"), "abcd    e");
    }
}
