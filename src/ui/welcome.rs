//! The first screen: what the course is, and the keys that matter.
use super::{centered, status_bar};
use crate::app::App;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let course = &app.course;
    let mut lines = vec![Line::styled(course.title.clone(), theme.heading), Line::default()];
    lines.push(Line::styled(course.intro.clone(), theme.text));
    lines.push(Line::default());
    let returning = app.progress.welcomed && app.progress.last_page.is_some();
    if returning {
        let title = course.pages.get(app.page).map_or("", |p| p.title.as_str());
        lines.push(Line::from(vec![
            Span::raw("Welcome back. "),
            Span::styled(format!("{}% read.", app.percent_read()), theme.dim),
            Span::styled(practice_done(app), theme.dim),
        ]));
        lines.push(Line::from(vec![
            Span::styled("Enter", theme.key),
            Span::raw(" continue where you left off: "),
            Span::styled(title.to_string(), theme.title),
        ]));
    } else {
        lines.push(Line::styled("What you will learn", theme.title));
        for section in &course.sections {
            lines.push(Line::from(vec![Span::styled("  • ", theme.heading), Span::raw(section.title.clone())]));
        }
        let mut quiz = vec![
            Span::styled("  • ", theme.heading),
            Span::raw(format!("a quiz of {} questions to test yourself", course.questions.len())),
        ];
        // On the quiz's line: the screen has no row to spare at 80x24.
        if !course.exercises.is_empty() {
            quiz.push(Span::raw(format!(", {} views to write (", course.exercises.len())));
            quiz.push(Span::styled("x", theme.key));
            quiz.push(Span::raw(")"));
        }
        lines.push(Line::from(quiz));
        lines.push(Line::default());
        lines.push(Line::from(vec![Span::styled("Enter", theme.key), Span::raw(" start reading")]));
    }
    lines.extend(super::quiz::welcome_lines(app));
    lines.push(Line::default());
    lines.push(Line::styled("The keys that matter", theme.title));
    for (key, what) in [
        ("↑ ↓", "scroll"),
        ("← →", "previous / next page"),
        ("?", "every other key: search, jump to a code, the quiz..."),
        ("q", "quit; you come back to the same spot"),
    ] {
        lines.push(Line::from(vec![Span::styled(format!("  {key:<5}"), theme.key), Span::raw(what)]));
    }
    let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    let box_area = centered(body, 72, body.height);
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(box_area, buf);
    status_bar::render(app, Rect::new(area.x, area.bottom() - 1, area.width, 1), buf);
}

/// " Practice: 5/18 done." when the course has exercises.
fn practice_done(app: &App) -> String {
    let (done, total) = app.practice_done();
    if total == 0 { String::new() } else { format!(" Practice: {done}/{total} done.") }
}
