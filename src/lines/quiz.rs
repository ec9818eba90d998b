//! The quiz screens as lines: intro, a question of each kind, feedback, results and
//! review, and where they go on screen. The view draws these; the app uses the same
//! geometry for scroll limits and mouse clicks, so the two always agree.
use super::text::{ellipsized, inline, wrap};
use crate::content::Course;
use crate::progress::Progress;
use crate::quiz::{Answer, Input, Phase, QuestionKind, RoundQuestion, Score, Session, Verdict, plain};
use crate::theme::Theme;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

const COLUMN_WIDTH: u16 = 86;

/// What the quiz screens are made of (the app's quiz, course and progress, borrowed).
pub struct View<'a> {
    pub theme: &'a Theme,
    pub course: &'a Course,
    pub progress: &'a Progress,
    pub session: &'a Session,
    /// Lines the learner scrolled off the top (feedback, results, review).
    pub scroll: usize,
}

/// The lines to draw in `area`'s quiz column, from the first visible one. Scrolled down,
/// a question keeps its "Question N of M" line at the top.
pub fn visible(view: &View, area: Rect) -> (Rect, Vec<Line<'static>>) {
    let column = column(area);
    let mut lines = screen_lines(view, view, column.width);
    let first = first_line(view, view, column, lines.len());
    let height = usize::from(column.height);
    if pinned(view, first) && !lines.is_empty() {
        let header = lines.swap_remove(0);
        let rest = lines.into_iter().skip(first).take(height.saturating_sub(1));
        return (column, std::iter::once(header).chain(rest).collect());
    }
    (column, lines.into_iter().skip(first).take(height).collect())
}

/// Whether the first line is pinned: a question (or its verdict) scrolled down.
fn pinned(view: &View, first: usize) -> bool {
    first > 0 && matches!(view.session.phase(), Phase::Asking { .. } | Phase::Feedback { .. } | Phase::Review { .. })
}

/// The lines of the quiz screen for the current phase, at `width` columns.
fn screen_lines(app: &View, quiz: &View, width: u16) -> Vec<Line<'static>> {
    match quiz.session.phase() {
        Phase::Intro => intro(app, quiz, width),
        Phase::Asking { index, input } => asking(app, quiz, *index, input, width),
        Phase::Feedback { index, verdict } => feedback(app, quiz, *index, *verdict, width, "Question"),
        Phase::Results => results(app, &quiz.session.score(), quiz, width),
        Phase::Review { index } => {
            let verdict = quiz.session.record(*index).map_or(Verdict::Skipped, |r| r.verdict);
            feedback(app, quiz, *index, verdict, width, "Review")
        }
    }
}

/// How far the learner can scroll this screen (0 when it fits).
pub fn max_scroll(view: &View, area: Rect) -> usize {
    let column = column(area);
    screen_lines(view, view, column.width).len().saturating_sub(usize::from(column.height))
}

/// The first line shown: while a question is asked, whatever keeps the answer being
/// chosen in view (small terminals); otherwise the learner's own scrolling.
fn first_line(app: &View, quiz: &View, column: Rect, total: usize) -> usize {
    let height = usize::from(column.height);
    let max = total.saturating_sub(height);
    let Phase::Asking { index, input } = quiz.session.phase() else { return quiz.scroll.min(max) };
    let Some(rq) = quiz.session.round().get(*index) else { return 0 };
    let focus_row = question_header_height(app.theme, rq, column.width)
        + match input {
            Input::Single { selected } => selected.unwrap_or(0),
            Input::Multiple { cursor, .. } => *cursor,
            Input::TrueFalse { selected } => usize::from(*selected == Some(false)),
            Input::TypeCode { .. } => 0,
        };
    (focus_row + 2).saturating_sub(height).min(max)
}

/// The text column of the quiz, centred, above the status bar.
fn column(area: Rect) -> Rect {
    let width = COLUMN_WIDTH.min(area.width.saturating_sub(4));
    let x = area.x + (area.width - width) / 2;
    Rect::new(x, area.y + 1, width, area.height.saturating_sub(2))
}

/// The choice under a mouse click, if any: same geometry as the drawing.
pub fn choice_at(view: &View, area: Rect, at: Position) -> Option<usize> {
    let (app, quiz) = (view, view);
    let Phase::Asking { index, .. } = quiz.session.phase() else { return None };
    let column = column(area);
    let rq = quiz.session.round().get(*index)?;
    let first = first_line(app, quiz, column, screen_lines(app, quiz, column.width).len());
    // Rows on screen -> lines of the screen -> the choice on that line.
    let row = usize::from(at.y.checked_sub(column.y)?);
    if row == 0 && pinned(view, first) {
        return None; // the pinned "Question N of M"
    }
    let line = row + first;
    let choice = line.checked_sub(question_header_height(app.theme, rq, column.width))?;
    (column.contains(at) && choice < choice_labels(rq).len()).then_some(choice)
}

fn intro(app: &View, quiz: &View, width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let n = quiz.session.round().len();
    let bank = quiz.session.bank().len();
    let mut lines = vec![Line::styled("Test your knowledge", theme.heading), Line::default()];
    let what = if quiz.session.is_retry() {
        format!("A retry of the {n} question(s) you missed.")
    } else {
        format!("{n} questions drawn from a bank of {bank}, spread over 1xx to 5xx, in a shuffled order.")
    };
    lines.extend(wrap(&[Span::raw(what)], usize::from(width), vec![], vec![]));
    if let Some(best) = &app.progress.quiz.best {
        // u64: the numbers come from a file the learner can edit.
        let percent = (u64::from(best.correct) * 100).checked_div(u64::from(best.total)).unwrap_or(0);
        lines.push(Line::styled(format!("Your best so far: {}/{} ({percent}%)", best.correct, best.total), theme.dim));
    }
    lines.push(Line::default());
    lines.push(Line::styled("How to answer", theme.title));
    for (keys, what) in [
        ("1-9 a-d", "pick an answer (one click or key answers a single choice)"),
        ("↑ ↓ Enter", "move, then submit"),
        ("Space", "multiple select: toggle the answer under the cursor"),
        ("0-9", "type a status code; Backspace edits"),
        ("s", "skip a question (counts as wrong)"),
        ("r", "after answering: read the page that teaches it, t comes back"),
    ] {
        let first = vec![Span::styled(format!("  {keys:<10} "), theme.key)];
        lines.extend(wrap(&[Span::raw(what)], usize::from(width), first, vec![Span::raw(" ".repeat(13))]));
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled("Enter", theme.key),
        Span::raw(" start    "),
        Span::styled("q", theme.key),
        Span::raw(" back to the lessons"),
    ]));
    lines
}

/// "Question 3 of 12 · 4xx · decorators", the progress bar and the prompt.
fn question_header(
    theme: &Theme,
    label: &str,
    index: usize,
    total: usize,
    rq: &RoundQuestion,
    width: u16,
) -> Vec<Line<'static>> {
    let tags = rq.question.tags.join(" · ");
    // "Question N of M" always shows whole; the tags give way with an ellipsis.
    let count = Span::styled(format!("{label} {} of {total}", index + 1), theme.heading);
    let room = usize::from(width).saturating_sub(count.width());
    let tags = ellipsized(Line::styled(format!("   {tags}"), theme.dim), room);
    let mut spans = vec![count];
    spans.extend(tags.spans.into_iter().map(|s| s.patch_style(theme.dim)));
    let mut lines = vec![Line::from(spans)];
    let filled = (usize::from(width) * index).checked_div(total).unwrap_or(0);
    lines.push(Line::from(vec![
        Span::styled("━".repeat(filled), theme.focused_border),
        Span::styled("─".repeat(usize::from(width).saturating_sub(filled)), theme.border),
    ]));
    lines.push(Line::default());
    lines.extend(wrap(&inline(&rq.question.prompt, theme.title, theme), usize::from(width), vec![], vec![]));
    lines.push(Line::default());
    lines
}

fn question_header_height(theme: &Theme, rq: &RoundQuestion, width: u16) -> usize {
    question_header(theme, "", 0, 1, rq, width).len()
}

/// The choices as the learner sees them: True/False for true_false, none for type_code.
fn choice_labels(rq: &RoundQuestion) -> Vec<String> {
    match &rq.question.kind {
        QuestionKind::Single { choices } | QuestionKind::Multiple { choices } => {
            choices.iter().map(|c| c.text.clone()).collect()
        }
        QuestionKind::TrueFalse { .. } => vec!["True".to_string(), "False".to_string()],
        QuestionKind::TypeCode { .. } => vec![],
    }
}

fn asking(app: &View, quiz: &View, index: usize, input: &Input, width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let Some(rq) = quiz.session.round().get(index) else { return vec![] };
    let mut lines = question_header(theme, "Question", index, quiz.session.round().len(), rq, width);
    let labels = choice_labels(rq);
    for (i, label) in labels.iter().enumerate() {
        let (mark, under_cursor) = match input {
            Input::Single { selected } => (if *selected == Some(i) { "(•)" } else { "( )" }, *selected == Some(i)),
            Input::TrueFalse { selected } => {
                let chosen = *selected == Some(i == 0);
                (if chosen { "(•)" } else { "( )" }, chosen)
            }
            Input::Multiple { cursor, selected } => {
                (if selected.get(i).copied().unwrap_or(false) { "[x]" } else { "[ ]" }, *cursor == i)
            }
            Input::TypeCode { .. } => ("", false),
        };
        let key = if i < 9 { format!("{}", i + 1) } else { " ".to_string() };
        let mut spans = vec![Span::styled(format!("  {key} "), theme.key), Span::raw(format!("{mark} "))];
        spans.extend(inline(label, theme.text, theme));
        let mut line = Line::from(spans);
        if under_cursor {
            line = line.patch_style(theme.selected);
        }
        lines.push(line);
    }
    match input {
        Input::TypeCode { digits } => {
            let shown = format!("{digits:_<3}");
            lines.push(Line::from(vec![Span::raw("  Your answer: "), Span::styled(shown, theme.heading)]));
            lines.push(Line::default());
            lines.push(Line::styled("  Type the three digits, then Enter; s or Tab skips.", theme.dim));
        }
        Input::Multiple { .. } => {
            lines.push(Line::default());
            lines.push(Line::styled("  Select every answer that applies (Space or 1-9), then Enter.", theme.dim));
        }
        _ => {}
    }
    lines
}

fn feedback(app: &View, quiz: &View, index: usize, verdict: Verdict, width: u16, label: &str) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let Some(rq) = quiz.session.round().get(index) else { return vec![] };
    let answer = quiz.session.record(index).map(|r| r.answer.clone());
    let mut lines = question_header(theme, label, index, quiz.session.round().len(), rq, width);
    let correct = rq.correct_choices();
    let labels = choice_labels(rq);
    for (i, text) in labels.iter().enumerate() {
        let chosen = match &answer {
            Some(Answer::Single(c)) => *c == i,
            Some(Answer::Multiple(cs)) => cs.contains(&i),
            Some(Answer::TrueFalse(b)) => *b == (i == 0),
            _ => false,
        };
        let right = match &rq.question.kind {
            QuestionKind::TrueFalse { answer } => *answer == (i == 0),
            _ => correct.contains(&i),
        };
        let (mark, style) = match (right, chosen) {
            (true, _) => ("✓", theme.right),
            (false, true) => ("✗", theme.wrong),
            (false, false) => (" ", theme.dim),
        };
        let you = if chosen { "  ← your answer" } else { "" };
        lines.push(Line::from(vec![
            Span::styled(format!("  {mark} "), style),
            Span::styled(text.clone(), if right || chosen { style } else { theme.text }),
            Span::styled(you, theme.dim),
        ]));
    }
    if let QuestionKind::TypeCode { answer: code } = &rq.question.kind {
        let typed = match &answer {
            Some(Answer::TypeCode(typed)) => typed.to_string(),
            _ => "nothing".to_string(),
        };
        lines.push(Line::from(vec![
            Span::raw("  You typed "),
            Span::styled(typed, theme.title),
            Span::raw("; the answer is "),
            Span::styled(code.to_string(), theme.status(*code)),
        ]));
    }
    lines.push(Line::default());
    let (word, style) = match verdict {
        Verdict::Correct => ("✓ Right.", theme.right),
        Verdict::Wrong => ("✗ Not quite.", theme.wrong),
        Verdict::Skipped => ("Skipped (counts as wrong).", theme.wrong),
    };
    let mut head = vec![Span::styled(word, style)];
    if verdict != Verdict::Correct {
        head.push(Span::raw(format!(" The answer: {}", plain::correct_answer(rq))));
    }
    lines.extend(wrap(&head, usize::from(width), vec![], vec![]));
    lines.extend(wrap(&inline(&rq.question.explanation, theme.text, theme), usize::from(width), vec![], vec![]));
    lines.push(Line::default());
    if let Some(page) = app.course.page_index(&rq.question.page) {
        let read = [
            Span::styled("r", theme.key),
            Span::raw(" read "),
            Span::styled(app.course.pages[page].title.clone(), theme.title),
        ];
        lines.extend(wrap(&read, usize::from(width), vec![], vec![Span::raw("  ")]));
    }
    let next = if label == "Review" { "← → previous / next answer · q results" } else { "Enter next" };
    lines.push(Line::styled(next, theme.dim));
    lines
}

fn results(app: &View, score: &Score, quiz: &View, width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = vec![Line::styled("Results", theme.heading), Line::default()];
    let style = if score.percent >= 80 {
        theme.right
    } else if score.percent >= 50 {
        theme.heading
    } else {
        theme.wrong
    };
    lines.push(Line::from(vec![
        Span::styled(format!("{} of {} correct · {}%", score.correct, score.total, score.percent), style),
        Span::styled(format!(" · {}", plain::format_elapsed(score.elapsed_ms)), theme.dim),
    ]));
    if !score.complete {
        lines.push(Line::styled("The round was left early: unanswered questions count as wrong.", theme.dim));
    }
    lines.push(Line::default());
    lines.push(Line::styled("By tag", theme.title));
    lines.extend(tag_grid(theme, score, width));
    if !score.missed.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Missed", theme.title));
        for rq in quiz.session.round().iter().filter(|rq| score.missed.contains(&rq.question.id)) {
            let prompt = inline(&rq.question.prompt, theme.text, theme);
            lines.extend(wrap(
                &prompt,
                usize::from(width),
                vec![Span::styled("  • ", theme.wrong)],
                vec![Span::raw("    ")],
            ));
        }
    }
    lines
}

/// Every tag as a small bar, in as many columns as fit: classes first, then topics.
fn tag_grid(theme: &Theme, score: &Score, width: u16) -> Vec<Line<'static>> {
    const CELL: usize = 28;
    const BAR: usize = 8;
    let columns = (usize::from(width) / CELL).max(1);
    score
        .tags
        .chunks(columns)
        .map(|row| {
            let mut spans = Vec::new();
            for tag in row {
                let filled = (BAR * tag.correct).checked_div(tag.total).unwrap_or(0);
                let style = crate::content::StatusClass::from_label(&tag.tag).map_or(theme.heading, |c| theme.class(c));
                let count = format!("{}/{}", tag.correct, tag.total);
                spans.push(Span::styled(format!("  {:<11}", tag.tag), theme.text));
                spans.push(Span::styled("█".repeat(filled), style));
                spans.push(Span::styled("░".repeat(BAR - filled), theme.border));
                spans.push(Span::raw(format!(" {count:<5}")));
            }
            Line::from(spans)
        })
        .collect()
}
