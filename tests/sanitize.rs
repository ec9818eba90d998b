//! The sanitiser: whatever goes in, nothing that can drive a terminal comes out, and the
//! text stays readable (every other character kept, in order).
use proptest::prelude::*;
use status_tutor::sanitize::{self, printable};

/// Characters from the ranges that matter: controls, DEL, C1, bidi, separators, tab,
/// ASCII, wide and combining characters, plus anything at all.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap_or('?')),
        (0x7fu32..0xa0).prop_map(|c| char::from_u32(c).unwrap_or('?')),
        prop::sample::select(vec!['\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{200e}', '\u{2028}', '\u{2029}']),
        prop::sample::select(vec!['\t', '\n', '\\', 'é', '界', '\u{301}', ' ']),
        prop::char::range(' ', '~'),
        any::<char>(),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..64).prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #[test]
    fn nothing_that_drives_a_terminal_comes_out(text in hostile_text()) {
        let out = printable(&text);
        for b in out.bytes() {
            prop_assert!(b >= 0x20 || b == b'\n', "control byte {b:#x} in {out:?}");
            prop_assert!(b != 0x7f, "DEL in {out:?}");
        }
        for c in out.chars() {
            prop_assert!(!('\u{80}'..='\u{9f}').contains(&c), "C1 {c:?} in {out:?}");
            prop_assert!(!sanitize::is_bidi_control(c), "bidi {c:?} in {out:?}");
            prop_assert!(!sanitize::is_line_separator(c), "separator {c:?} in {out:?}");
        }
    }

    #[test]
    fn the_text_stays_readable(text in hostile_text()) {
        let out = printable(&text);
        // What is printable already comes out unchanged and in order.
        let kept: String = text.chars().filter(|&c| c != '\t' && !sanitize::must_escape(c)).collect();
        let shown: String = out.chars().filter(|&c| c != ' ').collect();
        let kept_no_space: String = kept.chars().filter(|&c| c != ' ').collect();
        prop_assert!(is_subsequence(&kept_no_space, &shown), "{text:?} -> {out:?}");
        // Lines are kept: a newline in is a newline out.
        prop_assert_eq!(text.matches('\n').count(), out.matches('\n').count());
        // Every escaped character is named, so a reader can tell what was there.
        for c in text.chars().filter(|&c| sanitize::must_escape(c)) {
            let name = format!("\\u{{{:x}}}", u32::from(c));
            prop_assert!(out.contains(&name), "{c:?} not shown in {out:?}");
        }
        // Applying it twice changes nothing more: the output is already printable.
        let again = printable(&out).into_owned();
        prop_assert_eq!(again.as_str(), out.as_ref());
    }
}

proptest! {
    /// For a file name or a message: one line, nothing that drives a terminal, nothing lost.
    #[test]
    fn one_line_is_one_printable_line(text in hostile_text()) {
        let out = sanitize::one_line(&text);
        for b in out.bytes() {
            prop_assert!(b >= 0x20 && b != 0x7f, "control byte {b:#x} in {out:?}");
        }
        for c in out.chars() {
            prop_assert!(!sanitize::must_escape(c), "{c:?} in {out:?}");
        }
        for c in text.chars().filter(|&c| c == '\n' || c == '\t' || sanitize::must_escape(c)) {
            let name = format!("\\u{{{:x}}}", u32::from(c));
            prop_assert!(out.contains(&name), "{c:?} not shown in {out:?}");
        }
    }
}

fn is_subsequence(needle: &str, haystack: &str) -> bool {
    let mut rest = haystack.chars();
    needle.chars().all(|c| rest.any(|h| h == c))
}

#[test]
fn tabs_become_spaces_not_nothing() {
    assert_eq!(printable("a\tb"), "a   b");
}

#[test]
fn what_the_line_commands_paint_is_made_printable_first() {
    use status_tutor::commands::paint::Paint;
    let paint = Paint::plain();
    assert_eq!(paint.bold("Not\u{1b}]0;X\u{7} Found"), "Not\\u{1b}]0;X\\u{7} Found");
    assert_eq!(paint.dim("(page \u{202e}x)"), "(page \\u{202e}x)");
}
