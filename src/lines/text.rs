//! Inline markup (`code`, **emphasis**) and word wrapping that keeps styles.
use crate::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Splits `text` into spans: `code` in the inline-code style, **emphasis** in bold,
/// the rest in `base`. An unclosed marker is shown as written and the rest still parsed.
/// Tabs become four spaces (a terminal cell cannot hold one).
pub fn inline(text: &str, base: Style, theme: &Theme) -> Vec<Span<'static>> {
    let text = text.replace('\t', "    ");
    let mut spans = Vec::new();
    let mut rest = text.as_str();
    while !rest.is_empty() {
        let next_code = rest.find('`');
        let next_bold = rest.find("**");
        let (start, marker, style) = match (next_code, next_bold) {
            (Some(c), Some(b)) if b < c => (b, "**", base.patch(theme.emphasis)),
            (Some(c), _) => (c, "`", theme.inline_code),
            (None, Some(b)) => (b, "**", base.patch(theme.emphasis)),
            (None, None) => break,
        };
        let after = &rest[start + marker.len()..];
        let Some(end) = after.find(marker) else {
            spans.push(Span::styled(rest[..start + marker.len()].to_string(), base));
            rest = after;
            continue;
        };
        if start > 0 {
            spans.push(Span::styled(rest[..start].to_string(), base));
        }
        spans.push(Span::styled(after[..end].to_string(), style));
        rest = &after[end + marker.len()..];
    }
    if !rest.is_empty() {
        spans.push(Span::styled(rest.to_string(), base));
    }
    spans
}

/// The line in the selection's style, over each span's own colours too: a line style
/// alone loses to the spans' (white text on the white bar of the high-contrast theme).
pub fn selected(mut line: Line<'static>, style: Style) -> Line<'static> {
    for span in &mut line.spans {
        span.style = span.style.patch(style);
    }
    line.style = line.style.patch(style);
    line
}

/// The text of spans without styles.
pub fn plain(spans: &[Span<'_>]) -> String {
    spans.iter().map(|s| s.content.as_ref()).collect()
}

/// Greedy word wrap of styled spans to `width` columns. The first line starts with
/// `first`, the following ones with `rest` (hanging indents for lists and callouts).
/// Newlines in the text are hard breaks; words wider than a line are cut.
pub fn wrap(
    spans: &[Span<'_>],
    width: usize,
    first: Vec<Span<'static>>,
    rest: Vec<Span<'static>>,
) -> Vec<Line<'static>> {
    let mut out = Wrapper::new(width, first, rest);
    // Spaces that open a line of the text (not one made by wrapping) are indentation:
    // kept, so a code excerpt in a quiz prompt keeps its Python blocks.
    let mut fresh_line = true;
    for span in spans {
        for (i, segment) in span.content.split('\n').enumerate() {
            if i > 0 {
                out.break_line();
                fresh_line = true;
            }
            let mut segment = segment;
            if fresh_line {
                let body = segment.trim_start_matches(' ');
                let indent = segment.len() - body.len();
                if indent > 0 && !body.is_empty() {
                    out.indent(indent, span.style);
                }
                if !body.is_empty() {
                    fresh_line = false;
                }
                segment = body;
            }
            for (j, word) in segment.split(' ').enumerate() {
                if j > 0 {
                    out.pending_space = true;
                }
                if !word.is_empty() {
                    out.word(word, span.style);
                }
            }
        }
    }
    out.finish()
}

struct Wrapper {
    width: usize,
    rest_prefix: Vec<Span<'static>>,
    lines: Vec<Line<'static>>,
    current: Vec<Span<'static>>,
    used: usize,
    /// Width of the prefix: the line has no content while `used == prefix_width`.
    prefix_width: usize,
    /// How many spans of `current` are the prefix.
    prefix_spans: usize,
    /// Where in `current` the word being written began: spans that touch without a
    /// space between them (`(` then `code`) are one word and wrap together.
    word_start: usize,
    pending_space: bool,
}

impl Wrapper {
    fn new(width: usize, first: Vec<Span<'static>>, rest: Vec<Span<'static>>) -> Wrapper {
        let used = first.iter().map(|s| s.content.width()).sum();
        let prefix_spans = first.len();
        Wrapper {
            width: width.max(1),
            rest_prefix: rest,
            lines: Vec::new(),
            current: first,
            used,
            prefix_width: used,
            prefix_spans,
            word_start: prefix_spans,
            pending_space: false,
        }
    }

    fn word(&mut self, word: &str, style: Style) {
        let w = word.width();
        let glued = !self.pending_space && self.used > self.prefix_width;
        if glued && self.used + w > self.width && self.word_start > self.prefix_spans {
            self.carry_word_over();
        }
        if !glued {
            self.word_start = self.current.len() + usize::from(self.pending_space && self.used > self.prefix_width);
        }
        let space = usize::from(self.pending_space && self.used > self.prefix_width);
        if self.used + space + w > self.width && self.used > self.prefix_width {
            self.break_line();
            if !glued {
                self.word_start = self.current.len();
            }
        } else if space == 1 {
            self.current.push(Span::raw(" "));
            self.used += 1;
        }
        self.pending_space = false;
        if self.used + w <= self.width {
            self.current.push(Span::styled(word.to_string(), style));
            self.used += w;
            return;
        }
        // Longer than a whole line: cut it at the edge, as many times as needed; a path is
        // cut after its last separator on the line rather than inside a name.
        let rest_width: usize = self.rest_prefix.iter().map(|s| s.content.width()).sum();
        let mut piece = String::new();
        for c in word.chars() {
            let cw = c.width().unwrap_or(0);
            if self.used + cw > self.width && (self.used > self.prefix_width || !piece.is_empty()) {
                let carried = match piece.rfind(['/', '\\']) {
                    Some(at) if at + 1 < piece.len() && rest_width + piece[at + 1..].width() + cw <= self.width => {
                        piece.split_off(at + 1)
                    }
                    _ => String::new(),
                };
                self.current.push(Span::styled(std::mem::take(&mut piece), style));
                self.break_line();
                self.word_start = self.current.len(); // a cut word is not carried again
                self.used += carried.width();
                piece = carried;
            }
            piece.push(c);
            self.used += cw;
        }
        if !piece.is_empty() {
            self.current.push(Span::styled(piece, style));
        }
    }

    /// Leading spaces of a line of the text, kept when they fit (dropped on a line so
    /// narrow that they would leave no room).
    fn indent(&mut self, spaces: usize, style: Style) {
        if self.used + spaces < self.width {
            self.current.push(Span::styled(" ".repeat(spaces), style));
            self.used += spaces;
            self.word_start = self.current.len();
        }
    }

    /// Moves the word begun on this line, and the space before it, to a new line.
    fn carry_word_over(&mut self) {
        let carried = self.current.split_off(self.word_start.min(self.current.len()));
        if self.current.last().is_some_and(|s| s.content == " ") {
            self.current.pop();
        }
        self.break_line();
        self.word_start = self.current.len();
        self.used += carried.iter().map(|s| s.content.width()).sum::<usize>();
        self.current.extend(carried);
    }

    fn break_line(&mut self) {
        let prefix = self.rest_prefix.clone();
        self.prefix_spans = prefix.len();
        self.prefix_width = prefix.iter().map(|s| s.content.width()).sum();
        self.used = self.prefix_width;
        self.lines.push(Line::from(std::mem::replace(&mut self.current, prefix)));
        self.pending_space = false;
    }

    fn finish(mut self) -> Vec<Line<'static>> {
        self.lines.push(Line::from(self.current));
        self.lines
    }
}

/// A file path wrapped to `width` columns at its separators (`/`, `\\`), which end their
/// line: a folder name is cut only when it is wider than a whole line by itself. The first
/// line starts with `first`, the following ones with `rest`.
pub fn wrap_path(
    path: &str,
    style: Style,
    width: usize,
    first: Vec<Span<'static>>,
    rest: Vec<Span<'static>>,
) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let mut prefix = first;
    let mut text = String::new();
    let room = |prefix: &[Span<'static>]| width.saturating_sub(prefix.iter().map(|s| s.content.width()).sum());
    let mut finish_line = |prefix: &mut Vec<Span<'static>>, text: &mut String| {
        let mut spans = std::mem::replace(prefix, rest.clone());
        spans.push(Span::styled(std::mem::take(text), style));
        lines.push(Line::from(spans));
    };
    for part in path.split_inclusive(['/', '\\']) {
        if !text.is_empty() && text.width() + part.width() > room(&prefix) {
            finish_line(&mut prefix, &mut text);
        }
        for c in part.chars() {
            if !text.is_empty() && text.width() + c.width().unwrap_or(0) > room(&prefix) {
                finish_line(&mut prefix, &mut text);
            }
            text.push(c);
        }
    }
    finish_line(&mut prefix, &mut text);
    lines
}

/// The line cut to `width` columns, ending in `…` when something was cut.
pub fn ellipsized(line: Line<'static>, width: usize) -> Line<'static> {
    if line.width() <= width {
        return line;
    }
    let style = line.style;
    let mut spans = Vec::new();
    let mut used = 0;
    for span in line.spans {
        let mut text = String::new();
        for c in span.content.chars() {
            let w = UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w + 1 > width {
                break;
            }
            text.push(c);
            used += w;
        }
        let full = text.len() == span.content.len();
        spans.push(Span::styled(text, span.style));
        if !full {
            spans.push(Span::styled("…", span.style));
            break;
        }
    }
    Line::from(spans).style(style)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::ThemeName;

    fn words(text: &str) -> Vec<String> {
        inline(text, Style::new(), &Theme::new(ThemeName::Dark, false)).iter().map(|s| s.content.to_string()).collect()
    }

    #[test]
    fn markup_after_an_unclosed_marker_still_works() {
        assert_eq!(words("a `b **c** d"), ["a `", "b ", "c", " d"]);
        assert_eq!(words("`code` and **bold**"), ["code", " and ", "bold"]);
    }

    #[test]
    fn touching_spans_wrap_as_one_word() {
        let theme = Theme::new(ThemeName::Dark, false);
        let spans = inline("The exceptions (`BadRequest`, `Http404`) are raised", Style::new(), &theme);
        let lines: Vec<String> = wrap(&spans, 20, vec![], vec![]).iter().map(|l| plain(&l.spans)).collect();
        assert_eq!(lines, ["The exceptions", "(BadRequest,", "Http404) are raised"]);
    }

    #[test]
    fn what_does_not_fit_ends_with_an_ellipsis() {
        let line = Line::from(vec![Span::raw("python · "), Span::raw("answers 302, not 401")]);
        assert_eq!(plain(&ellipsized(line.clone(), 16).spans), "python · answer…");
        assert_eq!(plain(&ellipsized(line.clone(), 29).spans), "python · answers 302, not 401");
        assert_eq!(ellipsized(line, 16).width(), 16);
    }

    #[test]
    fn a_code_excerpt_keeps_its_indentation() {
        let theme = Theme::new(ThemeName::Dark, false);
        let spans = inline("Given:\n`def f(request):\n    if x:\n        return y`", Style::new(), &theme);
        let lines: Vec<String> = wrap(&spans, 40, vec![], vec![]).iter().map(|l| plain(&l.spans)).collect();
        assert_eq!(lines, ["Given:", "def f(request):", "    if x:", "        return y"]);
        // A line made by wrapping is not indented.
        let spans = inline("aaa bbb ccc", Style::new(), &theme);
        let lines: Vec<String> = wrap(&spans, 4, vec![], vec![]).iter().map(|l| plain(&l.spans)).collect();
        assert_eq!(lines, ["aaa", "bbb", "ccc"]);
    }

    #[test]
    fn a_path_wraps_after_its_separators_not_inside_a_name() {
        let path = "/tmp/a-rather-long-folder-name/another_level_of_folders/exercises/01_json_list.py";
        let lines = wrap_path(path, Style::default(), 40, vec![Span::raw("Edit ")], vec![Span::raw("     ")]);
        let text: Vec<String> = lines.iter().map(|l| plain(&l.spans)).collect();
        assert_eq!(
            text,
            [
                "Edit /tmp/a-rather-long-folder-name/",
                "     another_level_of_folders/exercises/",
                "     01_json_list.py",
            ]
        );
        assert_eq!(text.concat().replace("Edit ", "").replace("     ", ""), path, "nothing lost");
    }

    #[test]
    fn a_path_in_a_sentence_is_cut_after_a_separator() {
        let text = "a virtualenv in /home/learner/status-tutor-practice/venv-for-django now";
        let lines = wrap(&[Span::raw(text)], 40, Vec::new(), Vec::new());
        let text: Vec<String> = lines.iter().map(|l| plain(&l.spans)).collect();
        assert_eq!(text, ["a virtualenv in", "/home/learner/status-tutor-practice/", "venv-for-django now"]);
    }

    #[test]
    fn a_name_wider_than_a_line_is_cut_and_a_short_path_stays_whole() {
        let lines = wrap_path("/x/abcdefghij", Style::default(), 6, Vec::new(), Vec::new());
        let text: Vec<String> = lines.iter().map(|l| plain(&l.spans)).collect();
        assert_eq!(text, ["/x/", "abcdef", "ghij"]);
        let short = wrap_path("C:\\ws\\a.py", Style::default(), 40, vec![Span::raw("Edit ")], Vec::new());
        assert_eq!(short.len(), 1);
        assert_eq!(plain(&short[0].spans), "Edit C:\\ws\\a.py");
    }

    #[test]
    fn tabs_become_spaces() {
        assert_eq!(words("a\tb"), ["a    b"]);
    }

    proptest::proptest! {
        #[test]
        fn any_text_wraps_within_the_width_and_keeps_every_word(
            text in "[a-z`*( ),.]{0,80}",
            width in 3usize..40,
        ) {
            let theme = Theme::new(ThemeName::Dark, false);
            let spans = inline(&text, Style::new(), &theme);
            let lines = wrap(&spans, width, vec![Span::raw("• ")], vec![Span::raw("  ")]);
            let joined: String = lines.iter().map(|l| plain(&l.spans)).collect::<Vec<_>>().join(" ");
            let squash = |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != '•').collect::<String>();
            proptest::prop_assert_eq!(squash(&joined), squash(&plain(&spans)));
            for line in &lines {
                let words_fit = plain(&line.spans).split(' ').all(|w| w.chars().count() <= width);
                proptest::prop_assert!(line.width() <= width || !words_fit, "{:?}", line);
            }
        }
    }

    #[test]
    fn wrapping_never_exceeds_the_width() {
        let spans =
            inline("supercalifragilistic words `and code` here", Style::new(), &Theme::new(ThemeName::Dark, false));
        // From the prefix plus one column; narrower, each line still carries one character.
        for width in 3..30 {
            for line in wrap(&spans, width, vec![Span::raw("• ")], vec![Span::raw("  ")]) {
                assert!(line.width() <= width, "{width}: {line:?}");
            }
        }
    }
}
