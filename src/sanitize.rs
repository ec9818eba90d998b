//! The one gate between text from outside (course files, progress, learner code, Python
//! output, file names) and the terminal: nothing that could move the cursor, change
//! colours or reorder text reaches it.
use std::borrow::Cow;

/// `text` with control characters (except newline and tab) and bidirectional overrides
/// written as visible escapes (`\u{1b}`), so they show instead of acting.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}')
}

#[cfg(test)]
mod tests {
    use super::printable;

    #[test]
    fn escapes_and_overrides_become_visible() {
        assert_eq!(printable("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(printable("x\u{202e}y\r"), "x\\u{202e}y\\u{d}");
        assert_eq!(printable("tab\tand\nnewline stay"), "tab\tand\nnewline stay");
        assert!(matches!(printable("plain"), std::borrow::Cow::Borrowed(_)));
    }
}
