//! The quiz screens' spaced-review parts: where a question stands before it is asked,
//! when it comes back after an answer, and a paused round before it resumes.
use super::quiz::QuizParts;
use super::text::wrap;
use crate::keys::{Action, Context, key_for};
use crate::quiz::{RoundKind, Verdict};
use ratatui::text::{Line, Span};

/// Where a question stands in spaced review before it is answered: new, learning (missed
/// lately, in its steps), due, or not due yet.
pub(super) fn standing(view: &QuizParts, id: &str) -> &'static str {
    match view.progress.review.cards.get(id) {
        None => "new",
        Some(memory) if memory.in_steps() => "learning",
        Some(memory) if memory.is_due(view.now) => "due",
        Some(_) => "not due yet",
    }
}

/// "next: in 5 min", with the Easy rule where it applies (a right answer).
pub(super) fn comes_back(view: &QuizParts, id: &str, verdict: Verdict, spent_ms: u64) -> String {
    let Some(memory) = view.progress.review.cards.get(id) else { return String::new() };
    let next = format!("next: {}", crate::quiz::when(memory.due, view.now));
    let seconds = crate::quiz::EASY_WITHIN_MS / 1000;
    match verdict {
        Verdict::Correct if spent_ms > 0 && spent_ms <= crate::quiz::EASY_WITHIN_MS => {
            format!("{next} (right within {seconds} s counts as easy: it comes back later)")
        }
        Verdict::Correct => format!("{next} (right within {seconds} s would count as easy and come back later)"),
        _ => format!("{next} (missed: back in minutes, then tomorrow)"),
    }
}

/// A paused round before it is resumed: what it is, how far it got, and the choice.
pub(super) fn resume_intro(view: &QuizParts, width: u16) -> Vec<Line<'static>> {
    let theme = &view.theme;
    let score = view.session.score();
    let kind = match view.session.kind() {
        RoundKind::Full => "quiz round".to_owned(),
        RoundKind::Retry => "retry".to_owned(),
        RoundKind::Review => "review".to_owned(),
        RoundKind::Topic(topics) => format!("round on {}", topics.join(", ")),
    };
    let mut lines = vec![Line::styled(format!("Your paused {kind}"), theme.heading), Line::default()];
    let what = format!("{} of {} answered, {} right.", score.answered, score.total, score.correct);
    lines.extend(wrap(&[Span::raw(what)], usize::from(width), vec![], vec![]));
    lines.push(Line::default());
    for (key, what) in [
        (key_for(Context::QuizResume, Action::Open), format!("resume at question {}", score.answered + 1)),
        (
            key_for(Context::QuizResume, Action::Discard),
            "discard it and choose a new round (its answers still count for review)".to_owned(),
        ),
        (key_for(Context::QuizResume, Action::Quit), "back to the lessons (it stays paused)".to_owned()),
    ] {
        let first = vec![Span::styled(format!("  {key:<6} "), theme.key)];
        lines.extend(wrap(&[Span::raw(what)], usize::from(width), first, vec![Span::raw(" ".repeat(9))]));
    }
    lines
}
