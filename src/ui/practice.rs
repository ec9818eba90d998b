//! The practice screen: the exercise list with done marks beside the current exercise,
//! laid out by `lines::practice`.
use super::status_bar;
use crate::app::App;
use crate::lines::practice::{self, LIST_TOP, PracticeParts};
use crate::lines::text::ellipsized;
use crate::practice::runner::RunError;
use crate::practice::session::RunState;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = app.practice_lines() else { return };
    let (list, details) = practice::areas(area);
    if let Some(list) = list {
        render_list(&view, list, buf);
    }
    let lines = practice::detail_lines(&view, usize::from(details.width));
    let scroll = view.scroll.min(lines.len().saturating_sub(usize::from(details.height)));
    for (row, line) in lines.iter().skip(scroll).take(usize::from(details.height)).enumerate() {
        super::cells::set_line(buf, details.x, details.y + row as u16, line, details.width);
    }
    status_bar::render(app, Rect::new(area.x, area.bottom() - 1, area.width, 1), buf);
}

fn render_list(view: &PracticeParts, area: Rect, buf: &mut Buffer) {
    let theme = view.theme;
    Block::new().borders(Borders::RIGHT).border_style(theme.border).render(area, buf);
    let inner = Rect::new(area.x, area.y, area.width.saturating_sub(1), area.height);
    let (done, total) = (view.session.done_count(), view.session.items.len());
    super::cells::set_line(
        buf,
        inner.x,
        inner.y,
        &Line::styled(format!("Practice: {done}/{total} done"), theme.heading),
        inner.width,
    );
    // What the marks mean, in the row between the heading and the list.
    super::cells::set_line(
        buf,
        inner.x,
        inner.y + 1,
        &Line::styled("✓ ✗ · now    * done once", theme.dim),
        inner.width,
    );
    let rows = usize::from(inner.height.saturating_sub(LIST_TOP));
    let offset = practice::list_offset(view, area);
    for (row, (index, item)) in view.session.items.iter().enumerate().skip(offset).take(rows).enumerate() {
        let exercise = view.course.exercises.get(index);
        let title = exercise.map_or("", |e| e.title.as_str());
        let level = exercise.map_or(" ", |e| e.difficulty.mark());
        // The state now (passing, failing, not run this time), apart from "done once".
        let now = match &item.state {
            RunState::Running(_) => Span::styled(format!("{} ", view.spinner()), theme.key),
            RunState::Passed => Span::styled("✓ ", theme.right),
            RunState::Failed | RunState::Timeout | RunState::Error(RunError::LearnerExit(_)) => {
                Span::styled("✗ ", theme.wrong)
            }
            // No Python or Django, a broken checker: not run, the details say why.
            RunState::Idle | RunState::Error(_) => Span::styled("· ", theme.dim),
        };
        let done = if item.done { Span::styled("* ", theme.read_mark) } else { Span::raw("  ") };
        let mut line = Line::from(vec![
            Span::raw(if index == view.session.current { "›" } else { " " }),
            now,
            Span::styled(format!("{:>2} ", index + 1), theme.dim),
            Span::styled(format!("{level} "), theme.dim),
            done,
            Span::raw(title.to_string()),
        ]);
        if index == view.session.current {
            line = crate::lines::text::selected(line, theme.selected);
        }
        let y = inner.y + LIST_TOP + row as u16;
        // a title that does not fit says so with an ellipsis
        super::cells::set_line(buf, inner.x, y, &ellipsized(line, usize::from(inner.width)), inner.width);
    }
}
