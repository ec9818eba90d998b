//! Wrapping a line of code that does not fit: at a token boundary, never inside a name.
//! A break goes after a space when there is one in the second half of the line, else
//! between a name and punctuation (`foo(` | `bar`), and only a single token wider than
//! the whole line is cut. Continuation pieces are indented past the line's own indent,
//! so the shape of the code stays readable (the gutter marks them).
use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

/// Extra indent of a continuation piece, beyond the line's own.
const HANG: usize = 4;

/// Part of a name or a string: quotes stay with what they quote.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '_' | '\'' | '"')
}

/// Whether a piece may end between `before` and `after`: not inside a word, and not
/// just before punctuation that closes or continues what came before (`)`, `,`, `:`).
fn can_break(before: char, after: char) -> bool {
    let inside_a_word = is_word(before) && is_word(after);
    let closes = matches!(after, ')' | ']' | '}' | ',' | ':' | ';');
    !inside_a_word && !closes
}

/// Splits a line of code spans into pieces of at most `width` columns.
pub fn wrap_code(spans: &[Span<'static>], width: usize) -> Vec<Vec<Span<'static>>> {
    let width = width.max(1);
    let chars: Vec<(char, Style)> = spans.iter().flat_map(|s| s.content.chars().map(move |c| (c, s.style))).collect();
    let col = |c: char| c.width().unwrap_or(0);
    let total: usize = chars.iter().map(|(c, _)| col(*c)).sum();
    if total <= width {
        return vec![spans.to_vec()];
    }
    let indent = chars.iter().take_while(|(c, _)| *c == ' ').count();
    let hang = (indent + HANG).min(width / 2);
    let mut pieces = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        // Less hang when the next name would not fit after it.
        let token: usize = chars[start..].iter().take_while(|(c, _)| is_word(*c)).map(|(c, _)| col(*c)).sum();
        let prefix = if pieces.is_empty() { 0 } else { hang.min(width.saturating_sub(token + 1)) };
        let room = width.saturating_sub(prefix).max(1);
        // The furthest end that fits.
        let mut end = start;
        let mut used = 0;
        while end < chars.len() && used + col(chars[end].0) <= room {
            used += col(chars[end].0);
            end += 1;
        }
        if end == start {
            end += 1; // a character wider than the room: show it anyway
        }
        if end < chars.len() {
            let half = start + (end - start) / 2;
            // A piece holds some code, not only indentation.
            let first_code = (start..end).find(|&i| chars[i].0 != ' ').unwrap_or(end);
            let after_space = (first_code + 1..=end).rev().find(|&i| chars[i - 1].0 == ' ' && chars[i].0 != ' ');
            let boundary = (first_code + 1..=end).rev().find(|&i| can_break(chars[i - 1].0, chars[i].0));
            end = match (after_space, boundary) {
                (Some(i), _) if i > half => i,
                (_, Some(i)) => i,
                (Some(i), None) => i,
                (None, None) => end, // one token longer than the line: cut it
            };
        }
        let mut piece = Vec::new();
        if prefix > 0 {
            piece.push(Span::raw(" ".repeat(prefix)));
        }
        piece.extend(runs(&chars[start..end]));
        pieces.push(piece);
        start = end;
    }
    pieces
}

/// Characters back into spans, one per run of the same style.
fn runs(chars: &[(char, Style)]) -> Vec<Span<'static>> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style = None;
    for &(c, s) in chars {
        if style.is_some_and(|st| st != s) {
            spans.push(Span::styled(std::mem::take(&mut text), style.unwrap_or_default()));
        }
        style = Some(s);
        text.push(c);
    }
    if !text.is_empty() {
        spans.push(Span::styled(text, style.unwrap_or_default()));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(line: &str, width: usize) -> Vec<String> {
        wrap_code(&[Span::raw(line.to_string())], width)
            .iter()
            .map(|p| p.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn a_line_that_fits_is_untouched() {
        assert_eq!(pieces("return x", 8), ["return x"]);
    }

    #[test]
    fn breaks_after_a_space_or_at_punctuation_never_inside_a_name() {
        assert_eq!(
            pieces("    return JsonResponse(data, status=HTTPStatus.CREATED)", 30),
            ["    return JsonResponse(data, ", "        status=HTTPStatus.", "        CREATED)"]
        );
        for piece in pieces("    return JsonResponse(data, status=HTTPStatus.CREATED)", 30) {
            assert!(piece.len() <= 30);
        }
    }

    #[test]
    fn strings_keep_their_quotes_and_closing_punctuation_stays_on_its_line() {
        assert_eq!(
            pieces("        title=request.POST.get('title'),", 39),
            ["        title=request.POST.get(", "            'title'),"]
        );
    }

    #[test]
    fn only_a_token_longer_than_the_line_is_cut() {
        assert_eq!(pieces("abcdefghij", 4), ["abcd", "efgh", " ij"]);
    }
}
