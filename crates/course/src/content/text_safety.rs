//! Characters a course may not hold, because they would drive or deceive a terminal:
//! controls (but newline and tab), bidi controls, the Unicode line and paragraph
//! separators, and grapheme clusters long enough to flood every redraw.
use crate::sanitize;
use unicode_width::UnicodeWidthChar;

/// The most zero-width characters (combining marks, joiners, variation selectors) that
/// may follow one base character: Unicode's Stream-Safe Text Format allows 30 non-starters
/// in a row, and no real text comes close.
pub const MAX_COMBINING: usize = 30;

/// Whether `c` may not appear in course text.
pub fn is_forbidden(c: char) -> bool {
    sanitize::must_escape(c)
}

/// How a problem names a forbidden character: `U+001B (ESC)`.
pub fn describe(c: char) -> String {
    let name = match c {
        '\u{1b}' => " (ESC)",
        '\u{7}' => " (BEL)",
        '\u{8}' => " (backspace)",
        '\r' => " (carriage return)",
        '\u{7f}' => " (DEL)",
        '\u{80}'..='\u{9f}' => " (a C1 control)",
        '\u{2028}' => " (LINE SEPARATOR)",
        '\u{2029}' => " (PARAGRAPH SEPARATOR)",
        c if sanitize::is_bidi_control(c) => " (a bidi control, which reorders what is shown)",
        _ => "",
    };
    format!("U+{:04X}{name}", c as u32)
}

/// A forbidden character named for a message: `control character U+001B (ESC)`.
pub fn name(c: char) -> String {
    let what = if c.is_control() { "control character" } else { "character" };
    format!("{what} {}", describe(c))
}

/// Whether `bytes` may hold a forbidden character; false is certain, true means look closer.
/// Simple folds without early exit over equal-length slices, so they vectorize: start-up
/// time is mostly this and parsing.
pub fn may_hold_forbidden(bytes: &[u8]) -> bool {
    // C0 and DEL (a CR sends CRLF files down the careful path).
    let c0 = bytes.iter().fold(false, |found, &b| found | ((b < 0x20) & (b != b'\n') & (b != b'\t')) | (b == 0x7f));
    // C1 controls are C2 80..9F; U+061C is D8 9C.
    let pairs = bytes.iter().zip(bytes.get(1..).unwrap_or_default());
    let c1 = pairs.fold(false, |found, (&a, &b)| {
        found | ((a == 0xc2) & (0x80..=0x9f).contains(&b)) | ((a == 0xd8) & (b == 0x9c))
    });
    // U+200E/F and U+2028-202E are E2 80 8E/8F/A8..AE; U+2066-9 are E2 81 A6..A9.
    let rest = bytes.get(1..).unwrap_or_default().iter().zip(bytes.get(2..).unwrap_or_default());
    let triples = bytes.iter().zip(rest);
    let other = triples.fold(false, |found, (&a, (&b, &c))| {
        found
            | ((a == 0xe2) & (b == 0x80) & ((c == 0x8e) | (c == 0x8f) | (0xa8..=0xae).contains(&c)))
            | ((a == 0xe2) & (b == 0x81) & (0xa6..=0xa9).contains(&c))
    });
    c0 || c1 || other
}

/// The byte offset and length of the first run of more than [`MAX_COMBINING`] zero-width
/// characters in `text`, if there is one.
pub fn overlong_cluster(text: &str) -> Option<(usize, usize)> {
    // Start-up time: zero-width characters are all non-ASCII (2+ bytes each), so only a
    // run of 2 * (MAX_COMBINING + 1) non-ASCII bytes can hold one; decode only those.
    const MIN_BYTES: usize = 2 * (MAX_COMBINING + 1);
    let bytes = text.as_bytes();
    // Such a run covers at least one aligned 16-byte chunk of non-ASCII bytes (the AND of
    // a chunk has its high bit set); a fold that vectorizes rules the usual text out.
    let chunk_all_high = |chunk: &[u8]| chunk.iter().fold(0xff_u8, |all, &b| all & b) >= 0x80;
    if !bytes.chunks_exact(16).fold(false, |found, chunk| found | chunk_all_high(chunk)) {
        return None;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().chain(std::iter::once(&0)).enumerate() {
        if b >= 0x80 {
            continue;
        }
        if i - start >= MIN_BYTES
            && let Some((at, len)) = text.get(start..i).and_then(zero_width_run)
        {
            return Some((start + at, len));
        }
        start = i + 1;
    }
    None
}

/// The first overlong zero-width run in `text` (which holds no ASCII).
fn zero_width_run(text: &str) -> Option<(usize, usize)> {
    let mut run_start = 0;
    let mut run = 0;
    for (i, c) in text.char_indices() {
        if !c.is_control() && c.width() == Some(0) {
            if run == 0 {
                run_start = i;
            }
            run += 1;
        } else if run > MAX_COMBINING {
            return Some((run_start, i - run_start));
        } else {
            run = 0;
        }
    }
    (run > MAX_COMBINING).then(|| (run_start, text.len() - run_start))
}

/// The message for an overlong cluster.
pub fn overlong_message(text: &str, (start, len): (usize, usize)) -> String {
    let count = text.get(start..start + len).map_or(0, |run| run.chars().count());
    format!(
        "{count} combining characters in a row; at most {MAX_COMBINING} may follow one character \
         (a longer cluster floods the terminal on every redraw)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_what_the_char_test_refuses() {
        for c in ['\u{1b}', '\u{9b}', '\u{202e}', '\u{2066}', '\u{2069}', '\u{2028}', '\u{200f}', '\u{61c}'] {
            let text = format!("plain {c} text");
            assert!(is_forbidden(c), "{c:?}");
            assert!(may_hold_forbidden(text.as_bytes()), "{c:?} slipped past the scan");
        }
        assert!(!may_hold_forbidden("Café, naïve, 界 — “quoted”, tab\there\n".as_bytes()));
    }

    #[test]
    fn thirty_combining_marks_pass_and_thirty_one_do_not() {
        let ok = format!("e{}x", "\u{301}".repeat(MAX_COMBINING));
        assert_eq!(overlong_cluster(&ok), None);
        let long = format!("ab e{} x", "\u{301}".repeat(MAX_COMBINING + 1));
        assert_eq!(overlong_cluster(&long), Some((4, 2 * (MAX_COMBINING + 1))));
        let at_end = format!("e{}", "\u{301}".repeat(500));
        assert_eq!(overlong_cluster(&at_end), Some((1, 1000)));
    }
}
