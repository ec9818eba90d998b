//! Drawing the audit browser: only reads the model. Everything that came from the audited
//! tree or the course passes through the sanitiser.
use super::{Browser, Mode};
use crate::sanitize::printable;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

/// The marker beside the finding's line in the code view.
pub const MARK: &str = ">>";

impl Widget for &Browser {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [body, bar] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        match self.mode {
            Mode::List => list(self, body, buf),
            Mode::Detail => detail(self, body, buf),
        }
        let hints = match self.mode {
            Mode::List => "Enter: code and lesson   e: edit   j/k: move   q: quit",
            Mode::Detail => "e: edit at the line   j/k: next/previous finding   Esc: back to the list",
        };
        let text = match &self.notice {
            Some(notice) => printable(notice).into_owned(),
            None => hints.to_string(),
        };
        Paragraph::new(text).style(Style::new().add_modifier(Modifier::REVERSED)).render(bar, buf);
    }
}

fn list(browser: &Browser, area: Rect, buf: &mut Buffer) {
    let title = format!(" {} findings in {} ", browser.findings.len(), printable(&browser.root));
    let block = Block::new().borders(Borders::TOP).title(title);
    let inner = block.inner(area);
    block.render(area, buf);
    if browser.findings.is_empty() {
        Paragraph::new("No findings: nothing to teach from here.").render(inner, buf);
        return;
    }
    let rows = usize::from(inner.height).max(1);
    // Keep the selected row on screen.
    let first = browser.selected.saturating_sub(rows - 1);
    let lines: Vec<Line> = browser
        .findings
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(index, f)| {
            let style =
                if index == browser.selected { Style::new().add_modifier(Modifier::REVERSED) } else { Style::new() };
            Line::from(vec![
                Span::raw(format!("{}:{}:{} ", printable(&f.file), f.line, f.col)),
                Span::styled(f.rule, Style::new().add_modifier(Modifier::BOLD)),
                Span::raw(format!(": {}", printable(&f.message))),
            ])
            .style(style)
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

fn detail(browser: &Browser, area: Rect, buf: &mut Buffer) {
    let Some(finding) = browser.current() else { return };
    let [head, main] = Layout::vertical([Constraint::Length(3), Constraint::Min(1)]).areas(area);
    let header = vec![
        Line::from(vec![
            Span::styled(finding.rule, Style::new().add_modifier(Modifier::BOLD)),
            Span::raw(format!("  {}:{}:{}", printable(&finding.file), finding.line, finding.col)),
        ]),
        Line::from(printable(&finding.message).into_owned()),
    ];
    Paragraph::new(header).wrap(Wrap { trim: false }).render(head, buf);
    let [left, right] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(main);
    code(browser, finding.line, left, buf);
    lesson(browser, right, buf);
}

fn code(browser: &Browser, line: usize, area: Rect, buf: &mut Buffer) {
    let block = Block::new().borders(Borders::ALL).title(" code ");
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(code) = &browser.code else {
        Paragraph::new("(the file could not be read)").render(inner, buf);
        return;
    };
    let rows = usize::from(inner.height).max(1);
    let first = line.saturating_sub(rows / 2).max(1);
    let width = (first + rows).to_string().len();
    let lines: Vec<Line> = code
        .iter()
        .enumerate()
        .skip(first - 1)
        .take(rows)
        .map(|(index, text)| {
            let number = index + 1;
            let marked = number == line;
            let mark = if marked { MARK } else { "  " };
            let style =
                if marked { Style::new().add_modifier(Modifier::BOLD | Modifier::REVERSED) } else { Style::new() };
            Line::from(vec![
                Span::raw(format!("{mark}{number:>width$} ")),
                Span::styled(printable(text).into_owned(), style),
            ])
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}

fn lesson(browser: &Browser, area: Rect, buf: &mut Buffer) {
    let Some(lesson) = browser.lesson() else {
        let block = Block::new().borders(Borders::ALL).title(" lesson ");
        Paragraph::new("(this course has no page for the rule)").block(block).render(area, buf);
        return;
    };
    let block = Block::new().borders(Borders::ALL).title(format!(" lesson: {} ", printable(&lesson.page)));
    let mut lines = vec![
        Line::styled(printable(&lesson.page_title).into_owned(), Style::new().add_modifier(Modifier::BOLD)),
        Line::styled(printable(&lesson.title).into_owned(), Style::new().add_modifier(Modifier::ITALIC)),
        Line::raw(""),
    ];
    for paragraph in &lesson.paragraphs {
        lines.push(Line::raw(printable(paragraph).into_owned()));
    }
    Paragraph::new(lines).block(block).wrap(Wrap { trim: false }).render(area, buf);
}
