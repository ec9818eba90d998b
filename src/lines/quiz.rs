//! The quiz screens as lines: intro, a question of each kind, feedback, results and
//! review, and where they go on screen. The view draws these; the app uses the same
//! geometry for scroll limits and mouse clicks, so the two always agree.
use super::text::{ellipsized, inline, wrap};
use crate::content::Course;
use crate::keys::{Action, Context, key_for};
use crate::progress::Progress;
use crate::quiz::{Answer, Draft, Phase, QuestionKind, RoundKind, RoundQuestion, Session, Verdict, plain};
use crate::theme::Theme;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};

const COLUMN_WIDTH: u16 = 86;

/// What the quiz screens are made of (the app's quiz, course and progress, borrowed).
pub struct QuizParts<'a> {
    pub theme: &'a Theme,
    pub course: &'a Course,
    pub progress: &'a Progress,
    pub session: &'a Session,
    /// Lines the learner scrolled off the top (feedback, results, review).
    pub scroll: usize,
    /// The smaller round the intro offers: its label and how many questions.
    pub offer: Option<(&'a str, usize)>,
    /// Seconds since the Unix epoch (spaced review on the results screen).
    pub now: i64,
    /// A paused round shown before it is resumed.
    pub resuming: bool,
}

/// The lines to draw in `area`'s quiz column, from the first visible one. Scrolled down,
/// a question keeps its "Question N of M" line at the top.
pub fn visible(view: &QuizParts, area: Rect) -> (Rect, Vec<Line<'static>>) {
    let column = column(area);
    let mut lines = screen_lines(view, column.width);
    let first = first_line(view, column, lines.len());
    let height = usize::from(column.height);
    if pinned(view, first) && !lines.is_empty() {
        let header = lines.swap_remove(0);
        let rest = lines.into_iter().skip(first).take(height.saturating_sub(1));
        return (column, std::iter::once(header).chain(rest).collect());
    }
    (column, lines.into_iter().skip(first).take(height).collect())
}

/// Whether the first line is pinned: a question (or its verdict) scrolled down.
fn pinned(view: &QuizParts, first: usize) -> bool {
    first > 0 && matches!(view.session.phase(), Phase::Asking { .. } | Phase::Feedback { .. } | Phase::Review { .. })
}

/// The lines of the quiz screen for the current phase, at `width` columns.
fn screen_lines(view: &QuizParts, width: u16) -> Vec<Line<'static>> {
    if view.resuming {
        return super::quiz_review::resume_intro(view, width);
    }
    match view.session.phase() {
        Phase::Intro => intro(view, width),
        Phase::Asking { index, input } => asking(view, *index, input, width),
        Phase::Feedback { index, verdict } => feedback(view, *index, *verdict, width, label(view)),
        Phase::Results => super::quiz_results::results(view, &view.session.score(), width),
        Phase::Review { index } => {
            let verdict = view.session.record(*index).map_or(Verdict::Skipped, |r| r.verdict);
            feedback(view, *index, verdict, width, "Answer")
        }
    }
}

/// What a question of this round is called: review rounds say "Review", not "Question".
fn label(view: &QuizParts) -> &'static str {
    view.session.kind().question_label()
}

/// How far the learner can scroll this screen (0 when it fits).
pub fn max_scroll(view: &QuizParts, area: Rect) -> usize {
    let column = column(area);
    screen_lines(view, column.width).len().saturating_sub(usize::from(column.height))
}

/// The first line shown: while a question is asked, whatever keeps the answer being
/// chosen in view (small terminals); otherwise the learner's own scrolling.
fn first_line(view: &QuizParts, column: Rect, total: usize) -> usize {
    let height = usize::from(column.height);
    let max = total.saturating_sub(height);
    let Phase::Asking { index, input } = view.session.phase() else { return view.scroll.min(max) };
    if view.resuming {
        return view.scroll.min(max);
    }
    let Some(rq) = view.session.round().get(*index) else { return 0 };
    let focus_row = question_header_height(view.theme, rq, column.width, false)
        + match input {
            Draft::Single { selected } => selected.unwrap_or(0),
            Draft::Multiple { cursor, .. } => *cursor,
            Draft::TrueFalse { selected } => usize::from(*selected == Some(false)),
            Draft::TypeCode { .. } => 0,
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
pub fn choice_at(view: &QuizParts, area: Rect, at: Position) -> Option<usize> {
    let Phase::Asking { index, .. } = view.session.phase() else { return None };
    if view.resuming {
        return None;
    }
    let column = column(area);
    let rq = view.session.round().get(*index)?;
    let first = first_line(view, column, screen_lines(view, column.width).len());
    // Rows on screen -> lines of the screen -> the choice on that line.
    let row = usize::from(at.y.checked_sub(column.y)?);
    if row == 0 && pinned(view, first) {
        return None; // the pinned "Question N of M"
    }
    let line = row + first;
    let choice = line.checked_sub(question_header_height(view.theme, rq, column.width, false))?;
    (column.contains(at) && choice < choice_labels(rq).len()).then_some(choice)
}

fn intro(view: &QuizParts, width: u16) -> Vec<Line<'static>> {
    let theme = &view.theme;
    let n = view.session.round().len();
    let bank = view.session.bank().len();
    let (title, what) = match view.session.kind() {
        RoundKind::Retry => ("Retry", format!("A retry of the {n} question(s) you missed.")),
        RoundKind::Review => {
            let cards = &view.progress.review.cards;
            let due = view.session.round().iter().filter(|rq| cards.contains_key(&rq.question.id)).count();
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
    let record = match view.session.kind() {
        RoundKind::Full => view.progress.quiz.best.as_ref(),
        other => view.progress.review.records.get(&other.key()),
    };
    if let Some(best) = record {
        // The one rounding rule of the quiz (the numbers come from an editable file).
        let percent = crate::quiz::percent(best.correct as usize, best.total as usize);
        let which = if *view.session.kind() == RoundKind::Full { "full round" } else { "round of this kind" };
        lines.push(Line::styled(format!("Your best {which}: {}/{} ({percent}%)", best.correct, best.total), theme.dim));
    }
    if let Some((label, count)) = view.offer {
        lines.push(Line::default());
        let only = key_for(Context::QuizIntro, Action::StartQuiz);
        let offer = [Span::styled(only, theme.key), Span::raw(format!(" only {label}: {count} question(s)"))];
        lines.extend(wrap(&offer, usize::from(width), vec![], vec![Span::raw("  ")]));
    }
    lines.push(Line::default());
    lines.push(Line::styled("How to answer", theme.title));
    let key = |context, action| key_for(context, action);
    let quiz = |action| key(Context::Quiz, action);
    let resume = key(Context::Reader, Action::StartQuiz);
    for (keys, what) in [
        (quiz(Action::Pick(0)), "pick an answer (one click or key answers a single choice)".to_owned()),
        (format!("{} {} {}", quiz(Action::Up), quiz(Action::Down), quiz(Action::Open)), "move, then submit".to_owned()),
        (quiz(Action::Toggle), "multiple select: toggle the answer under the cursor".to_owned()),
        (
            key(Context::QuizTyping, Action::Digit(0)),
            format!("type a status code; {} edits", key(Context::QuizTyping, Action::Backspace)),
        ),
        (quiz(Action::Skip), "skip a question (counts as wrong)".to_owned()),
        (quiz(Action::Pause), format!("pause the round; {resume} resumes it, also after quitting")),
        (
            key(Context::QuizFeedback, Action::ReadPage),
            format!("after answering: read the page that teaches it, {resume} comes back"),
        ),
    ] {
        let first = vec![Span::styled(format!("  {keys:<10} "), theme.key)];
        lines.extend(wrap(&[Span::raw(what)], usize::from(width), first, vec![Span::raw(" ".repeat(13))]));
    }
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::styled(key_for(Context::QuizIntro, Action::Open), theme.key),
        Span::raw(" start    "),
        Span::styled(key_for(Context::QuizIntro, Action::Quit), theme.key),
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
    // "Question N of M" always shows whole; the tags give way with an ellipsis.
    let count = Span::styled(format!("{label} {} of {total}", index + 1), theme.heading);
    let room = usize::from(width).saturating_sub(count.width());
    let mut head = vec![count];
    if show_tags {
        let tags = ellipsized(Line::raw(format!("   {}", rq.question.tags.join(" · "))), room);
        head.extend(tags.spans.into_iter().map(|s| s.style(theme.dim)));
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

fn asking(view: &QuizParts, index: usize, input: &Draft, width: u16) -> Vec<Line<'static>> {
    let theme = &view.theme;
    let Some(rq) = view.session.round().get(index) else { return vec![] };
    let mut lines = question_header(theme, label(view), (index, view.session.round().len()), rq, width, false);
    if *view.session.kind() == RoundKind::Review
        && let Some(head) = lines.first_mut()
    {
        head.spans.push(Span::styled(format!("   {}", super::quiz_review::standing(view, &rq.question.id)), theme.dim));
    }
    let labels = choice_labels(rq);
    for (i, label) in labels.iter().enumerate() {
        let (mark, under_cursor) = match input {
            Draft::Single { selected } => (if *selected == Some(i) { "(•)" } else { "( )" }, *selected == Some(i)),
            Draft::TrueFalse { selected } => {
                let chosen = *selected == Some(i == 0);
                (if chosen { "(•)" } else { "( )" }, chosen)
            }
            Draft::Multiple { cursor, selected } => {
                (if selected.get(i).copied().unwrap_or(false) { "[x]" } else { "[ ]" }, *cursor == i)
            }
            Draft::TypeCode { .. } => ("", false),
        };
        let key = if i < 9 { format!("{}", i + 1) } else { " ".to_string() };
        let mut spans = vec![Span::styled(format!("  {key} "), theme.key), Span::raw(format!("{mark} "))];
        spans.extend(inline(label, theme.text, theme));
        let mut line = Line::from(spans);
        if under_cursor {
            line = super::text::selected(line, theme.selected);
        }
        lines.push(line);
    }
    match input {
        Draft::TypeCode { digits } => {
            let shown = format!("{digits:_<3}");
            lines.push(Line::from(vec![Span::raw("  Your answer: "), Span::styled(shown, theme.heading)]));
            lines.push(Line::default());
            let (submit, skip) =
                (key_for(Context::QuizTyping, Action::Open), key_for(Context::QuizTyping, Action::Skip));
            lines.push(Line::styled(format!("  Type the three digits, then {submit}; {skip} skips."), theme.dim));
        }
        Draft::Multiple { .. } => {
            lines.push(Line::default());
            let (toggle, submit) = (key_for(Context::Quiz, Action::Toggle), key_for(Context::Quiz, Action::Open));
            let text = format!("  Select every answer that applies ({toggle} or 1-9), then {submit}.");
            lines.push(Line::styled(text, theme.dim));
        }
        _ => {}
    }
    lines
}

fn feedback(view: &QuizParts, index: usize, verdict: Verdict, width: u16, label: &str) -> Vec<Line<'static>> {
    feedback_and_verdict(view, index, verdict, width, label).0
}

/// The scroll a new feedback starts at: 0 when the verdict and the start of its
/// explanation fit below the question, else just enough to show them. A long question
/// (a traced view) would otherwise fill a small screen and hide whether you were right.
pub fn feedback_scroll(view: &QuizParts, area: Rect) -> usize {
    let Phase::Feedback { index, verdict } = view.session.phase() else { return 0 };
    let column = column(area);
    let (lines, verdict_at) = feedback_and_verdict(view, *index, *verdict, column.width, label(view));
    let height = usize::from(column.height);
    // the verdict and two lines of its explanation in view, below the pinned header line
    (verdict_at + 4).saturating_sub(height).min(lines.len().saturating_sub(height))
}

/// A feedback's lines and the index of its verdict line ("✓ Right.", "✗ Not quite.").
fn feedback_and_verdict(
    view: &QuizParts,
    index: usize,
    verdict: Verdict,
    width: u16,
    label: &str,
) -> (Vec<Line<'static>>, usize) {
    let theme = &view.theme;
    let Some(rq) = view.session.round().get(index) else { return (vec![], 0) };
    let answer = view.session.record(index).map(|r| r.answer.clone());
    let mut lines = question_header(theme, label, (index, view.session.round().len()), rq, width, true);
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
        // A right choice left out of a multiple-select answer is pointed out.
        let missed = right && !chosen && matches!(answer, Some(Answer::Multiple(_)));
        let you = match (chosen, missed) {
            (true, _) => "  ← your answer",
            (false, true) => "  ← you missed this",
            _ => "",
        };
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
    let verdict_at = lines.len();
    let mut head = vec![Span::styled(word, style)];
    if verdict != Verdict::Correct {
        head.push(Span::raw(" The answer: "));
        head.extend(inline(&plain::correct_answer(rq), theme.text, theme));
    }
    lines.extend(wrap(&head, usize::from(width), vec![], vec![]));
    lines.extend(wrap(&inline(&rq.question.explanation, theme.text, theme), usize::from(width), vec![], vec![]));
    lines.push(Line::default());
    let spent = view.session.record(index).map_or(0, |r| r.spent_ms);
    lines.extend(wrap(
        &[Span::styled(super::quiz_review::comes_back(view, &rq.question.id, verdict, spent), theme.dim)],
        usize::from(width),
        vec![],
        vec![],
    ));
    if let Some(page) = view.course.page_index(&rq.question.page) {
        let read = [
            Span::styled(key_for(Context::QuizFeedback, Action::ReadPage), theme.key),
            Span::raw(" read "),
            Span::styled(view.course.pages[page].title.clone(), theme.title),
        ];
        lines.extend(wrap(&read, usize::from(width), vec![], vec![Span::raw("  ")]));
    }
    let next = if matches!(view.session.phase(), Phase::Review { .. }) {
        let review = |action| key_for(Context::Review, action);
        let (prev, next, quit) = (review(Action::PrevPage), review(Action::NextPage), review(Action::Quit));
        format!("{prev} {next} previous / next answer · {quit} results")
    } else {
        format!("{} next", key_for(Context::QuizFeedback, Action::Open))
    };
    lines.push(Line::styled(next, theme.dim));
    (lines, verdict_at)
}
