//! A page laid out as lines for a given width: the reader scrolls over this.
use super::text::{inline, plain, wrap};
use crate::content::{Block, CalloutStyle, CategoryCard, CodeSample, Course, ExampleResponse, Page, StatusClass};
use crate::theme::Theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The rendered lines of one page at one width.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub lines: Vec<Line<'static>>,
}

impl Document {
    /// Lays out `page` for `width` columns (at least 20), verified requests folded.
    pub fn build(course: &Course, page: &Page, width: u16, theme: &Theme) -> Document {
        Document::build_with(course, page, width, theme, false)
    }

    /// As `build`, with the samples' verified requests expanded or folded.
    pub fn build_with(course: &Course, page: &Page, width: u16, theme: &Theme, verified_expanded: bool) -> Document {
        let width = usize::from(width.max(20));
        let mut doc = Builder { lines: Vec::new(), width, theme, course, verified_expanded };
        doc.title(page);
        for block in &page.blocks {
            doc.block(block);
            doc.blank();
        }
        while doc.lines.last().is_some_and(|l| l.width() == 0) {
            doc.lines.pop();
        }
        Document { lines: doc.lines }
    }

    /// The first line at or after `from` whose text contains `needle` (case-insensitive).
    pub fn find(&self, needle: &str, from: usize) -> Option<usize> {
        let needle = needle.to_lowercase();
        (from..self.lines.len()).find(|&i| plain(&self.lines[i].spans).to_lowercase().contains(&needle))
    }
}

struct Builder<'a> {
    lines: Vec<Line<'static>>,
    width: usize,
    theme: &'a Theme,
    course: &'a Course,
    verified_expanded: bool,
}

impl Builder<'_> {
    fn blank(&mut self) {
        self.lines.push(Line::default());
    }

    fn paragraph(&mut self, text: &str, style: Style) {
        let spans = inline(text, style, self.theme);
        self.lines.extend(wrap(&spans, self.width, vec![], vec![]));
    }

    fn title(&mut self, page: &Page) {
        let spans = vec![Span::styled(page.title.clone(), self.theme.heading)];
        self.lines.extend(wrap(&spans, self.width, vec![], vec![]));
        self.paragraph(&page.summary, self.theme.dim);
        self.lines.push(Line::styled("─".repeat(self.width.min(60)), self.theme.border));
        self.blank();
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Paragraph(text) => self.paragraph(text, self.theme.text),
            Block::List { heading, items } => self.list(heading.as_deref(), items),
            Block::Code(sample) => self.code(sample),
            Block::Categories(cards) => self.categories(cards),
            Block::Callout { style, title, text } => self.callout(*style, title.as_deref(), text),
            Block::Table { caption, header, rows } => self.table(caption.as_deref(), header, rows),
        }
    }

    fn list(&mut self, heading: Option<&str>, items: &[String]) {
        if let Some(heading) = heading {
            self.lines.push(Line::styled(heading.to_string(), self.theme.title));
        }
        for item in items {
            let spans = inline(item, self.theme.text, self.theme);
            let bullet = vec![Span::styled("  • ", self.theme.heading)];
            self.lines.extend(wrap(&spans, self.width, bullet, vec![Span::raw("    ")]));
        }
    }

    fn callout(&mut self, style: CalloutStyle, title: Option<&str>, text: &str) {
        let accent = self.theme.callout(style);
        let label = match style {
            CalloutStyle::Note => "Note",
            CalloutStyle::Tip => "Tip",
            CalloutStyle::Correction => "Correction",
        };
        let bar = || vec![Span::styled("┃ ", accent)];
        let mut heading = vec![Span::styled(label, accent)];
        if let Some(title) = title {
            heading.push(Span::styled(": ", accent));
            heading.extend(inline(title, self.theme.title, self.theme));
        }
        self.lines.extend(wrap(&heading, self.width, bar(), bar()));
        let body = inline(text, self.theme.text, self.theme);
        self.lines.extend(wrap(&body, self.width, bar(), bar()));
    }

    fn code(&mut self, sample: &CodeSample) {
        let width = self.width.min(100);
        let (edges, border) = if sample.flawed { (HEAVY, self.theme.wrong) } else { (LIGHT, self.theme.border) };
        if sample.flawed {
            self.flawed_top(sample, width);
        } else {
            let label = match &sample.caption {
                Some(caption) => format!("{} · {caption}", sample.language),
                None => sample.language.clone(),
            };
            self.lines.push(box_top(&label, width, edges, border, self.theme.dim));
        }
        let numbers = sample.source.lines().count().max(1).to_string().len();
        let inner = width.saturating_sub(numbers + 5).max(8);
        for (n, spans) in super::code::highlight(&sample.language, &sample.source, self.theme).into_iter().enumerate() {
            let number = Span::styled(format!("{:>numbers$} ", n + 1), self.theme.line_number);
            // A wrapped line goes on under a continuation mark, broken between tokens.
            let blank = Span::styled(format!("{:>numbers$} ", "↪"), self.theme.line_number);
            for (i, piece) in super::code_wrap::wrap_code(&spans, inner).into_iter().enumerate() {
                let gutter = if i == 0 { number.clone() } else { blank.clone() };
                self.lines.push(boxed(piece, gutter, width, edges, border));
            }
        }
        self.lines.push(box_bottom(width, edges, border));
        if let Some(response) = &sample.response {
            self.response(response, width);
        }
        let verified = super::verified::lines(self.course, &sample.verified, width, self.verified_expanded, self.theme);
        self.lines.extend(verified);
        self.lines.extend(super::verified::tests(&sample.tests, width, self.theme));
    }

    /// A sample not to copy is set apart by heavy edges and a mark as well as by colour, so
    /// it stands out without colour (NO_COLOR) and in the high-contrast theme. Its caption
    /// says what is wrong: one too long for the top edge is written whole under it.
    fn flawed_top(&mut self, sample: &CodeSample, width: usize) {
        let (style, mark) = (self.theme.wrong, format!("✗ flawed · {}", sample.language));
        let Some(caption) = &sample.caption else {
            self.lines.push(box_top(&mark, width, HEAVY, style, style));
            return;
        };
        let label = format!("{mark} · {caption}");
        if label.width() <= width.saturating_sub(6) {
            self.lines.push(box_top(&label, width, HEAVY, style, style));
            return;
        }
        self.lines.push(box_top(&mark, width, HEAVY, style, style));
        for line in wrap(&[Span::styled(caption.clone(), style)], width.saturating_sub(4), vec![], vec![]) {
            self.lines.push(boxed(line.spans, Span::raw(""), width, HEAVY, style));
        }
        self.lines.push(Line::styled(format!("┠{}┨", "─".repeat(width.saturating_sub(2))), frame(style)));
    }

    fn response(&mut self, response: &ExampleResponse, width: usize) {
        let class = self.theme.status(response.status);
        self.lines.push(box_top("the client receives", width, LIGHT, class, self.theme.dim));
        let inner = width.saturating_sub(4);
        let status = vec![Span::styled(format!("HTTP/1.1 {} {}", response.status, response.reason), class)];
        let mut rows: Vec<Vec<Span<'static>>> = vec![status];
        for (name, value) in &response.headers {
            rows.push(vec![
                Span::styled(format!("{name}: "), self.theme.dim),
                Span::styled(value.clone(), self.theme.text),
            ]);
        }
        if let Some(body) = &response.body {
            rows.push(vec![]);
            rows.extend(body.lines().map(|l| vec![Span::styled(l.to_string(), self.theme.text)]));
        }
        for row in rows {
            for line in wrap(&row, inner, vec![], vec![Span::raw("  ")]) {
                self.lines.push(boxed(line.spans, Span::raw(""), width, LIGHT, class));
            }
        }
        self.lines.push(box_bottom(width, LIGHT, class));
    }

    fn categories(&mut self, cards: &[CategoryCard]) {
        const MIN_CARD: usize = 24;
        let columns = ((self.width + 1) / (MIN_CARD + 1)).clamp(1, cards.len().max(1));
        let card_width = (self.width + 1) / columns - 1;
        for row in cards.chunks(columns) {
            let rendered: Vec<Vec<Line<'static>>> = row.iter().map(|c| self.card(c, card_width)).collect();
            let height = rendered.iter().map(Vec::len).max().unwrap_or(0);
            for i in 0..height {
                let mut spans = Vec::new();
                for (n, card) in rendered.iter().enumerate() {
                    if n > 0 {
                        spans.push(Span::raw(" "));
                    }
                    match card.get(i) {
                        Some(line) => spans.extend(line.spans.iter().cloned()),
                        None => spans.push(Span::raw(" ".repeat(card_width))),
                    }
                }
                self.lines.push(Line::from(spans));
            }
        }
    }

    /// One category card, exactly `width` columns wide on every line.
    fn card(&self, card: &CategoryCard, width: usize) -> Vec<Line<'static>> {
        let style = self.theme.class(card.class);
        let inner = width.saturating_sub(4);
        let mut lines =
            vec![box_top(&format!("{} {}", class_symbol(card.class), card.class.label()), width, LIGHT, style, style)];
        let mut body: Vec<Line<'static>> = wrap(&[Span::styled(card.name.clone(), style)], inner, vec![], vec![]);
        body.extend(wrap(&inline(&card.description, self.theme.dim, self.theme), inner, vec![], vec![]));
        body.push(Line::default());
        for code in &card.codes {
            let reason = self.course.code(*code).map_or("", |c| c.reason.as_str());
            body.extend(wrap(
                &[Span::styled(format!("{code} {reason}"), self.theme.text)],
                inner,
                vec![],
                vec![Span::raw("    ")],
            ));
        }
        lines.extend(body.into_iter().map(|l| boxed(l.spans, Span::raw(""), width, LIGHT, style)));
        lines.push(box_bottom(width, LIGHT, style));
        lines
    }

    fn table(&mut self, caption: Option<&str>, header: &[String], rows: &[Vec<String>]) {
        if let Some(caption) = caption {
            let caption = inline(caption, self.theme.title, self.theme);
            self.lines.extend(wrap(&caption, self.width, vec![], vec![]));
        }
        let widths = column_widths(header, rows, self.width);
        let separator = Span::styled(" │ ", self.theme.border);
        let emit = |cells: &[String], style: Style, lines: &mut Vec<Line<'static>>| {
            let wrapped: Vec<Vec<Line<'static>>> = cells
                .iter()
                .zip(&widths)
                .map(|(cell, &w)| wrap(&inline(cell, style, self.theme), w, vec![], vec![]))
                .collect();
            let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
            for i in 0..height {
                let mut spans = vec![Span::raw(" ")];
                for (c, (cell, &w)) in wrapped.iter().zip(&widths).enumerate() {
                    if c > 0 {
                        spans.push(separator.clone());
                    }
                    let line = cell.get(i).cloned().unwrap_or_default();
                    let pad = w.saturating_sub(line.width());
                    spans.extend(line.spans);
                    spans.push(Span::raw(" ".repeat(pad)));
                }
                lines.push(Line::from(spans));
            }
        };
        emit(header, self.theme.title, &mut self.lines);
        let rule: Vec<String> = widths.iter().map(|&w| "─".repeat(w + 2)).collect();
        self.lines.push(Line::styled(rule.join("┼"), self.theme.border));
        for row in rows {
            emit(row, self.theme.text, &mut self.lines);
        }
    }
}

/// A symbol per class that is one column wide in every terminal (no emoji).
pub fn class_symbol(class: StatusClass) -> &'static str {
    match class {
        StatusClass::Informational => "i",
        StatusClass::Success => "✓",
        StatusClass::Redirection => ">",
        StatusClass::ClientError => "!",
        StatusClass::ServerError => "✗",
    }
}

/// Column widths that fit `total` columns: natural widths, the widest shrunk first.
fn column_widths(header: &[String], rows: &[Vec<String>], total: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = header
        .iter()
        .enumerate()
        .map(|(c, h)| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.replace(['`', '*'], "").width())
                .chain([h.width()])
                .max()
                .unwrap_or(1)
        })
        .collect();
    let available = total.saturating_sub(1 + 3 * widths.len().saturating_sub(1));
    while widths.iter().sum::<usize>() > available {
        let Some((widest, _)) = widths.iter().enumerate().max_by_key(|(_, w)| **w) else { break };
        if widths[widest] <= 4 {
            break;
        }
        widths[widest] -= 1;
    }
    widths
}

/// A box's frame keeps the colour of its style but never an underline (the high-contrast
/// theme underlines classes: the words, not the lines around them).
fn frame(style: Style) -> Style {
    style.remove_modifier(ratatui::style::Modifier::UNDERLINED)
}

/// The characters of a box: corners (top left, top right, bottom left, bottom right),
/// the horizontal and the vertical line.
#[derive(Clone, Copy)]
struct Edges {
    corners: [&'static str; 4],
    across: &'static str,
    down: &'static str,
}

/// Light and rounded: samples, responses, cards.
const LIGHT: Edges = Edges { corners: ["╭", "╮", "╰", "╯"], across: "─", down: "│" };
/// Heavy and square: a flawed sample.
const HEAVY: Edges = Edges { corners: ["┏", "┓", "┗", "┛"], across: "━", down: "┃" };

fn box_top(label: &str, width: usize, edges: Edges, border: Style, label_style: Style) -> Line<'static> {
    let border = frame(border);
    // A label that does not fit ends with an ellipsis, not in the middle of a word.
    let label =
        super::text::plain(&super::text::ellipsized(Line::raw(label.to_string()), width.saturating_sub(6)).spans);
    let fill = width.saturating_sub(5 + label.width());
    let [left, right, ..] = edges.corners;
    // The blanks around the label are the border's: an underlined label stops at its words.
    Line::from(vec![
        Span::styled(format!("{left}{} ", edges.across), border),
        Span::styled(label, label_style),
        Span::styled(format!(" {}{right}", edges.across.repeat(fill)), border),
    ])
}

fn box_bottom(width: usize, edges: Edges, border: Style) -> Line<'static> {
    let border = frame(border);
    let [.., left, right] = edges.corners;
    Line::styled(format!("{left}{}{right}", edges.across.repeat(width.saturating_sub(2))), border)
}

/// `│ gutter content… │`, padded to exactly `width` columns.
fn boxed(
    content: Vec<Span<'static>>,
    gutter: Span<'static>,
    width: usize,
    edges: Edges,
    border: Style,
) -> Line<'static> {
    let used = gutter.width() + content.iter().map(Span::width).sum::<usize>();
    let pad = width.saturating_sub(4 + used);
    let border = frame(border);
    let mut spans = vec![Span::styled(format!("{} ", edges.down), border), gutter];
    spans.extend(content);
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(format!(" {}", edges.down), border));
    Line::from(spans)
}
