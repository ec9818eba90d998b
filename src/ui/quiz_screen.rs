//! The quiz screen: the lines of `lines::quiz` in their column, the status bar, and the
//! "leave this round?" confirmation.
use super::status_bar;
use crate::app::App;
use crate::keys::{Action, Context, key_for};
use crate::lines::quiz::visible;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = app.quiz_lines() else { return };
    let (column, lines) = visible(&view, area);
    for (row, line) in lines.iter().enumerate() {
        super::cells::set_line(buf, column.x, column.y + row as u16, line, column.width);
    }
    status_bar::render(app, Rect::new(area.x, area.bottom() - 1, area.width, 1), buf);
    if app.quiz.as_ref().is_some_and(|q| q.confirm_leave) {
        confirm(app, area, buf);
    }
}

fn confirm(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    // Narrower than the text, it wraps: two more rows keep the answer line in the box.
    let popup = super::centered(area, 52, if area.width < 52 { 9 } else { 7 });
    Clear.render(popup, buf);
    let block = Block::bordered().title(" Leave the quiz? ").border_style(theme.focused_border);
    let inner = block.inner(popup);
    block.render(popup, buf);
    let lines = vec![
        Line::raw("Leave this round? Your answers so far count;"),
        Line::raw(format!("the rest are not reached ({} pauses it instead).", key_for(Context::Quiz, Action::Pause))),
    ];
    let text = Rect { height: inner.height.saturating_sub(2), ..inner };
    Paragraph::new(lines).wrap(Wrap { trim: false }).style(Style::new()).render(text, buf);
    // The answer keys always show, on the box's last row, whatever the text needed.
    let answer = Line::from(vec![
        Span::styled(key_for(Context::Confirm, Action::Confirm), theme.key),
        Span::raw(" leave    "),
        Span::styled(key_for(Context::Confirm, Action::Decline), theme.key),
        Span::raw(" keep going"),
    ]);
    if inner.height > 0 {
        super::cells::set_line(buf, inner.x, inner.bottom() - 1, &answer, inner.width);
    }
}

/// Lines for the welcome screen: a paused round to resume, questions due for review.
pub(super) fn welcome_lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    if let Some(paused) = &app.progress.review.paused {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled(key_for(Context::Welcome, Action::StartQuiz), theme.key),
            Span::raw(format!(
                " resume your paused round ({} of {} answered)",
                paused.answered(),
                paused.questions.len()
            )),
        ]));
    }
    // "3 due now · 1 tomorrow — R reviews them", or when the next review is.
    if let Some(line) = app.outlook().line(app.clock.unix()) {
        if app.progress.review.paused.is_none() {
            lines.push(Line::default());
        }
        let review = key_for(Context::Welcome, Action::StartReview);
        let said = format!("{review} reviews them");
        let (head, tail) = line.split_once(&said).unwrap_or((line.as_str(), ""));
        let mut spans = vec![Span::raw(head.to_owned())];
        if line.contains(&said) {
            spans.push(Span::styled(review, theme.key));
            spans.push(Span::raw(format!(" reviews them{tail}")));
        }
        lines.push(Line::from(spans));
    }
    lines
}
