//! The quiz screens: intro, a question of each kind, feedback, results and review.
use super::status_bar;
use super::text::{inline, wrap};
use crate::app::{App, QuizView};
use crate::quiz::{Answer, Input, Phase, QuestionKind, RoundKind, RoundQuestion, Verdict, plain};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

const COLUMN_WIDTH: u16 = 86;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(quiz) = &app.quiz else { return };
    let column = column(area);
    let lines = screen_lines(app, quiz, column.width);
    let first = first_line(app, quiz, column, lines.len());
    for (row, line) in lines.iter().skip(first).take(usize::from(column.height)).enumerate() {
        buf.set_line(column.x, column.y + row as u16, line, column.width);
    }
    status_bar::render(app, Rect::new(area.x, area.bottom() - 1, area.width, 1), buf);
    if quiz.confirm_leave {
        confirm(app, area, buf);
    }
}

/// The lines of the quiz screen for the current phase, at `width` columns.
fn screen_lines(app: &App, quiz: &QuizView, width: u16) -> Vec<Line<'static>> {
    match quiz.session.phase() {
        Phase::Intro => intro(app, quiz, width),
        Phase::Asking { index, input } => asking(app, quiz, *index, input, width),
        Phase::Feedback { index, verdict } => feedback(app, quiz, *index, *verdict, width, "Question"),
        Phase::Results => super::quiz_results::results(app, &quiz.session.score(), quiz, width),
        Phase::Review { index } => {
            let verdict = quiz.session.record(*index).map_or(Verdict::Skipped, |r| r.verdict);
            feedback(app, quiz, *index, verdict, width, "Review")
        }
    }
}

/// How far the learner can scroll this screen (0 when it fits).
pub fn max_scroll(app: &App) -> usize {
    let Some(quiz) = &app.quiz else { return 0 };
    let column = column(app.size);
    screen_lines(app, quiz, column.width).len().saturating_sub(usize::from(column.height))
}

/// The first line shown: while a question is asked, whatever keeps the answer being
/// chosen in view (small terminals); otherwise the learner's own scrolling.
fn first_line(app: &App, quiz: &QuizView, column: Rect, total: usize) -> usize {
    let height = usize::from(column.height);
    let max = total.saturating_sub(height);
    let Phase::Asking { index, input } = quiz.session.phase() else { return quiz.scroll.min(max) };
    let Some(rq) = quiz.session.round().get(*index) else { return 0 };
    let focus_row = question_header_height(&app.theme, rq, column.width, false)
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
pub fn choice_at(app: &App, area: Rect, at: Position) -> Option<usize> {
    let quiz = app.quiz.as_ref()?;
    let Phase::Asking { index, .. } = quiz.session.phase() else { return None };
    let column = column(area);
    let rq = quiz.session.round().get(*index)?;
    let first = first_line(app, quiz, column, screen_lines(app, quiz, column.width).len());
    // Rows on screen -> lines of the screen -> the choice on that line.
    let line = usize::from(at.y.checked_sub(column.y)?) + first;
    let choice = line.checked_sub(question_header_height(&app.theme, rq, column.width, false))?;
    (column.contains(at) && choice < choice_labels(rq).len()).then_some(choice)
}

fn intro(app: &App, quiz: &QuizView, width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let n = quiz.session.round().len();
    let bank = quiz.session.bank().len();
    let (title, what) = match quiz.session.kind() {
        RoundKind::Retry => ("Retry", format!("A retry of the {n} question(s) you missed.")),
        RoundKind::Review => {
            let cards = &app.progress.review.cards;
            let due = quiz.session.round().iter().filter(|rq| cards.contains_key(&rq.question.id)).count();
            let new = n - due;
            (
                "Review",
                format!("{due} question(s) due for review, most overdue first, then {new} new from pages you read."),
            )
        }
        RoundKind::Topic(topics) => ("Topic quiz", format!("{n} question(s) on {}.", topics.join(", "))),
        RoundKind::Full => (
            "Test your knowledge",
            format!("{n} questions drawn from a bank of {bank}, spread over the classes, in a shuffled order."),
        ),
    };
    let mut lines = vec![Line::styled(title, theme.heading), Line::default()];
    lines.extend(wrap(&[Span::raw(what)], usize::from(width), vec![], vec![]));
    let record = match quiz.session.kind() {
        RoundKind::Full => app.progress.quiz.best.as_ref(),
        other => app.progress.review.records.get(&other.key()),
    };
    if let Some(best) = record {
        // The one rounding rule of the quiz (the numbers come from an editable file).
        let percent = crate::quiz::percent(best.correct as usize, best.total as usize);
        let which = if *quiz.session.kind() == RoundKind::Full { "full round" } else { "round of this kind" };
        lines.push(Line::styled(format!("Your best {which}: {}/{} ({percent}%)", best.correct, best.total), theme.dim));
    }
    if let Some(offer) = &quiz.offer {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled("t", theme.key),
            Span::raw(format!(" only {}: {} question(s)", offer.label, offer.pool.len())),
        ]));
    }
    lines.push(Line::default());
    lines.push(Line::styled("How to answer", theme.title));
    for (keys, what) in [
        ("1-9 a-d", "pick an answer (one click or key answers a single choice)"),
        ("↑ ↓ Enter", "move, then submit"),
        ("Space", "multiple select: toggle the answer under the cursor"),
        ("0-9", "type a status code; Backspace edits"),
        ("s", "skip a question (counts as wrong)"),
        ("p", "pause the round; t resumes it, also after quitting"),
        ("r", "after answering: read the page that teaches it, t comes back"),
    ] {
        lines.push(Line::from(vec![Span::styled(format!("  {keys:<10}"), theme.key), Span::raw(what)]));
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

/// "Question 3 of 12", the progress bar and the prompt. The tags ("4xx · gotchas")
/// only once answered (`show_tags`): while asked, they would hint at the answer.
fn question_header(
    theme: &Theme,
    label: &str,
    (index, total): (usize, usize),
    rq: &RoundQuestion,
    width: u16,
    show_tags: bool,
) -> Vec<Line<'static>> {
    let mut head = vec![Span::styled(format!("{label} {} of {total}", index + 1), theme.heading)];
    if show_tags {
        head.push(Span::styled(format!("   {}", rq.question.tags.join(" · ")), theme.dim));
    }
    let mut lines = vec![Line::from(head)];
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

fn question_header_height(theme: &Theme, rq: &RoundQuestion, width: u16, show_tags: bool) -> usize {
    question_header(theme, "", (0, 1), rq, width, show_tags).len()
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

fn asking(app: &App, quiz: &QuizView, index: usize, input: &Input, width: u16) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let Some(rq) = quiz.session.round().get(index) else { return vec![] };
    let mut lines = question_header(theme, "Question", (index, quiz.session.round().len()), rq, width, false);
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
            lines.push(Line::styled("  Type the three digits, then Enter; s skips.", theme.dim));
        }
        Input::Multiple { .. } => {
            lines.push(Line::default());
            lines.push(Line::styled("  Select every answer that applies (Space or 1-9), then Enter.", theme.dim));
        }
        _ => {}
    }
    lines
}

fn feedback(app: &App, quiz: &QuizView, index: usize, verdict: Verdict, width: u16, label: &str) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let Some(rq) = quiz.session.round().get(index) else { return vec![] };
    let answer = quiz.session.record(index).map(|r| r.answer.clone());
    let mut lines = question_header(theme, label, (index, quiz.session.round().len()), rq, width, true);
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
        // The choice's markup rendered as in the question, in the verdict's colour.
        let mut spans = inline(text, if right || chosen { style } else { theme.text }, theme);
        spans.push(Span::styled(you, theme.dim));
        let mark = vec![Span::styled(format!("  {mark} "), style)];
        lines.extend(wrap(&spans, usize::from(width), mark, vec![Span::raw("    ")]));
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
        head.push(Span::raw(" The answer: "));
        head.extend(inline(&plain::correct_answer(rq), theme.text, theme));
    }
    lines.extend(wrap(&head, usize::from(width), vec![], vec![]));
    lines.extend(wrap(&inline(&rq.question.explanation, theme.text, theme), usize::from(width), vec![], vec![]));
    lines.push(Line::default());
    if let Some(page) = app.course.page_index(&rq.question.page) {
        lines.push(Line::from(vec![
            Span::styled("r", theme.key),
            Span::raw(" read "),
            Span::styled(app.course.pages[page].title.clone(), theme.title),
        ]));
    }
    let next = if label == "Review" { "← → previous / next answer · q results" } else { "Enter next" };
    lines.push(Line::styled(next, theme.dim));
    lines
}

fn confirm(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let popup = super::centered(area, 52, 7);
    Clear.render(popup, buf);
    let lines = vec![
        Line::raw("Leave this round? Your answers so far count;"),
        Line::raw("the rest are not reached (p pauses it instead)."),
        Line::default(),
        Line::from(vec![
            Span::styled("y", theme.key),
            Span::raw(" leave    "),
            Span::styled("n", theme.key),
            Span::raw(" keep going"),
        ]),
    ];
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(Block::bordered().title(" Leave the quiz? ").border_style(theme.focused_border))
        .style(Style::new())
        .render(popup, buf);
}

/// Lines for the welcome screen: a paused round to resume, questions due for review.
pub fn welcome_lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = Vec::new();
    if let Some(paused) = &app.progress.review.paused {
        lines.push(Line::default());
        lines.push(Line::from(vec![
            Span::styled("t", theme.key),
            Span::raw(format!(
                " resume your paused round ({} of {} answered)",
                paused.answered(),
                paused.questions.len()
            )),
        ]));
    }
    let due = app.due_count();
    if due > 0 {
        if app.progress.review.paused.is_none() {
            lines.push(Line::default());
        }
        let noun = if due == 1 { "question" } else { "questions" };
        lines.push(Line::from(vec![Span::styled("R", theme.key), Span::raw(format!(" {due} {noun} due for review"))]));
    }
    lines
}
