//! The bottom line: where you are, how far you got, and the keys that matter here.
use crate::app::{App, Screen};
use crate::keys;
use crate::sanitize::printable;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    buf.set_style(area, theme.status_bar);
    let left = match (&app.message, app.digits.is_empty(), &app.quiz) {
        // A warning can quote a file name or an OS error: shown, never sent.
        (Some(message), _, _) => format!(" {} ", printable(message)),
        (None, false, _) => format!(" go to status {}_ ", app.digits),
        (None, true, Some(quiz)) if app.screen == Screen::Quiz => {
            let score = quiz.session.score();
            let name = if *quiz.session.kind() == crate::quiz::RoundKind::Review { "Review" } else { "Quiz" };
            format!(" {name} · {}/{} answered · {} right ", score.answered, score.total, score.correct)
        }
        (None, true, _) if app.screen == Screen::Progress => " Your progress ".to_owned(),
        (None, true, _) if app.quiz_waiting() => {
            let (back, quit) = (
                keys::key_for(keys::Context::Reader, keys::Action::StartQuiz),
                keys::key_for(keys::Context::Reader, keys::Action::Quit),
            );
            format!(" Reading for the quiz: {back} or {quit} back to the question ")
        }
        (None, true, _) if app.screen == Screen::Practice => {
            let (done, total) = app.practice_done();
            format!(" Practice · {done}/{total} done ")
        }
        (None, true, _) => match app.next_page_cue() {
            Some(next) => format!(" {}/{} · → next: {} ", app.page + 1, app.course.pages.len(), printable(next)),
            None => format!(" {}/{} · {}% read ", app.page + 1, app.course.pages.len(), app.percent_read()),
        },
    };
    // On a page with questions due: how many, and the key that reviews them.
    let due = if app.message.is_none() && app.screen == Screen::Reader { app.due_count() } else { 0 };
    let left = if due > 0 { format!("{left}· {due} due ") } else { left };
    // A message longer than the bar ends with an ellipsis.
    let left =
        crate::lines::text::plain(&crate::lines::text::ellipsized(Line::raw(left), usize::from(area.width)).spans);
    let mut spans = vec![Span::raw(left.clone())];
    let mut used = left.width();
    if due > 0 {
        let review = keys::key_for(keys::Context::Reader, keys::Action::StartReview);
        used += review.width() + " review ".width();
        spans.push(Span::styled(review, theme.key));
        spans.push(Span::raw(" review "));
    }
    for (keys, word) in keys::hints(app.context()) {
        let hint = format!(" {keys} {word} ");
        if used + hint.width() > usize::from(area.width) {
            break;
        }
        used += hint.width();
        spans.push(Span::styled(format!(" {keys}"), theme.key));
        spans.push(Span::raw(format!(" {word} ")));
    }
    super::cells::set_line(buf, area.x, area.y, &Line::from(spans).patch_style(theme.status_bar), area.width);
}
