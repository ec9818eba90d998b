//! The practice screen as lines: the current exercise's task, file, run state, checks
//! (as "the client receives" lines), hints and solution, and where the list and the details
//! go. Pure: the view draws these, the app uses the same geometry for scrolling and clicks.
//! Everything that came from outside (the report, the learner's code, paths) goes through
//! `sanitize::printable` here.
use super::{code, text};
use crate::content::{Course, Exercise};
use crate::keys::{Action, Context, key_for};
use crate::practice::describe::{chosen_text, verdict_text, verdicts_heading};
use crate::practice::report::{PyError, Report};
use crate::practice::runner::RunError;
use crate::practice::service::{self, Remedy};
use crate::practice::session::{Item, PracticeSession, RunState};
use crate::practice::workspace::Workspace;
use crate::sanitize::printable;
use crate::theme::Theme;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::path::Path;

pub const SPINNER: [&str; 8] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧"];
/// The list shows beside the details from this width.
const LIST_FROM: u16 = 70;
/// The solution shows beside the learner's code from this width of the details pane.
const SIDE_BY_SIDE_FROM: usize = 96;

/// What the practice screen is made of (the app's practice state, borrowed).
pub struct PracticeParts<'a> {
    pub theme: &'a Theme,
    pub course: &'a Course,
    pub session: &'a PracticeSession,
    pub workspace: &'a Workspace,
    pub python: &'a Path,
    pub scroll: usize,
    pub spinner: usize,
    pub watch_note: Option<&'a str>,
    pub workspace_error: Option<&'a str>,
    pub learner_code: Option<&'a str>,
}

impl PracticeParts<'_> {
    pub fn spinner(&self) -> &'static str {
        SPINNER[self.spinner % SPINNER.len()]
    }
}

/// The list (when there is room for it) and the details, in the screen less its status bar.
pub fn areas(area: Rect) -> (Option<Rect>, Rect) {
    let body = Rect::new(area.x, area.y, area.width, area.height.saturating_sub(1));
    match (body.width >= LIST_FROM).then(|| (body.width / 3).clamp(24, 36)) {
        Some(width) => (
            Some(Rect::new(body.x, body.y, width, body.height)),
            Rect::new(body.x + width + 1, body.y, body.width.saturating_sub(width + 1), body.height),
        ),
        None => (None, body),
    }
}

/// How far the details can scroll in a screen of `size`.
pub fn max_scroll(view: &PracticeParts, size: Rect) -> usize {
    let (_, details) = areas(size);
    detail_lines(view, usize::from(details.width)).len().saturating_sub(usize::from(details.height))
}

/// The list's first row of exercises, below its heading and a blank line.
pub const LIST_TOP: u16 = 2;

/// The exercise whose line in the list is at `at`, if any.
pub fn exercise_at(view: &PracticeParts, size: Rect, at: Position) -> Option<usize> {
    let list = areas(size).0?;
    let rows = list.height.saturating_sub(LIST_TOP);
    if !list.contains(at) || at.y < list.y + LIST_TOP || at.y - list.y - LIST_TOP >= rows {
        return None;
    }
    let total = view.session.items.len();
    let index = list_offset(view, list) + usize::from(at.y - list.y - LIST_TOP);
    (index < total).then_some(index)
}

/// The first exercise shown in a list of this area (the current one stays in view).
pub fn list_offset(view: &PracticeParts, list: Rect) -> usize {
    let rows = usize::from(list.height.saturating_sub(LIST_TOP));
    crate::layout::list_offset(view.session.current, rows, view.session.items.len())
}

/// The details pane as lines, before scrolling.
pub fn detail_lines(view: &PracticeParts, width: usize) -> Vec<Line<'static>> {
    let theme = view.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    let (Some(item), Some(exercise)) = (view.session.current(), view.course.exercises.get(view.session.current)) else {
        return out;
    };
    if view.session.confirm.is_some() {
        out.push(Line::from(vec![
            Span::styled("Show the reference solution before you solved it? ", theme.heading),
            Span::styled(key_for(Context::Confirm, Action::Confirm), theme.key),
            Span::raw(" yes  "),
            Span::styled(key_for(Context::Confirm, Action::Decline), theme.key),
            Span::raw(" no"),
        ]));
        out.push(Line::default());
    }
    let number = view.session.current + 1;
    let done = if item.done { Span::styled("  ✓ done", theme.right) } else { Span::raw("") };
    out.push(Line::from(vec![Span::styled(format!("{number}. {}", exercise.title), theme.heading), done]));
    if let Some(page) = view.course.pages.get(exercise.page) {
        out.push(Line::from(vec![
            Span::styled("Practises ", theme.dim),
            Span::styled(page.title.clone(), theme.dim),
            Span::styled("  (l reads it)", theme.dim),
        ]));
    }
    let level = exercise.difficulty;
    out.push(Line::styled(
        format!("Level: {} {}  (○ warm-up, ◐ core, ● stretch)", level.mark(), level.label()),
        theme.dim,
    ));
    out.push(Line::default());
    for (n, paragraph) in exercise.task.trim().split("\n\n").enumerate() {
        if n > 0 {
            out.push(Line::default());
        }
        // Lines of a paragraph are joined and wrapped to the pane, as on the lesson pages.
        let joined = paragraph.lines().map(str::trim).collect::<Vec<_>>().join(" ");
        out.extend(text::wrap(&text::inline(&joined, theme.text, theme), width, Vec::new(), Vec::new()));
    }
    out.push(Line::default());
    let file = printable(&service::learner_file(view.workspace, view.session.current, exercise).display().to_string())
        .into_owned();
    // Wrapped at its separators: a folder name cut in two reads as two names.
    out.extend(text::wrap_path(
        &file,
        theme.inline_code,
        width,
        vec![Span::styled("Edit ", theme.title)],
        vec![Span::raw("     ")],
    ));
    let edit = key_for(Context::Practice, Action::Edit);
    let how = if view.watch_note.is_some() {
        format!("{edit} opens it, {} runs the checks", key_for(Context::Practice, Action::RunChecks))
    } else {
        format!("{edit} opens it; every save reruns the checks")
    };
    out.push(Line::styled(how, theme.dim));
    if let Some(note) = view.watch_note {
        out.push(Line::styled(note.to_string(), theme.dim));
    }
    if let Some(error) = view.workspace_error {
        out.extend(wrapped(&printable(error), width, theme.wrong, ""));
    }
    out.push(Line::default());
    out.extend(state_lines(view, item, theme, width));
    match item.report.as_ref().and_then(|r| r.load_error.as_ref()) {
        // The reason first: the checks did not run, listing them would only push it down.
        Some(failure) => {
            out.push(Line::default());
            out.extend(wrapped(&format!("Your file does not load: {}", describe(failure)), width, theme.wrong, ""));
            out.extend(frame_lines(failure, theme, width));
            let count = exercise.checks.len();
            out.push(Line::styled(format!("None of the {count} checks ran."), theme.dim));
        }
        None => out.extend(check_lines(exercise, item.report.as_ref(), theme, width)),
    }
    if let Some(report) = &item.report {
        let output = report.output.trim_end();
        if !output.is_empty() {
            out.push(Line::default());
            out.push(Line::styled("Your code printed:", theme.title));
            for line in printable(output).lines().take(20) {
                out.extend(wrapped(line, width, theme.text, "  "));
            }
        }
    }
    for (n, hint) in exercise.hints.iter().take(item.hints_shown).enumerate() {
        out.push(Line::default());
        let first = vec![Span::styled(format!("Hint {}: ", n + 1), theme.key)];
        out.extend(text::wrap(&text::inline(hint, theme.text, theme), width, first, vec![Span::raw("  ")]));
    }
    if item.hints_shown < item.hints && !item.solution_shown {
        out.push(Line::default());
        let left = item.hints - item.hints_shown;
        out.push(Line::styled(
            format!("{} shows a hint ({left} left)", key_for(Context::Practice, Action::Hint)),
            theme.dim,
        ));
    }
    if item.solution_shown {
        out.push(Line::default());
        out.extend(solution_lines(view, exercise, theme, width));
    }
    out
}

/// A run error as the practice screen says it (S sets Django up).
fn run_error(view: &PracticeParts, error: &RunError) -> String {
    let timeout = crate::practice::runner::TIMEOUT;
    service::run_error_text(error, view.python, view.workspace, timeout, Remedy::Key)
}

fn state_lines(view: &PracticeParts, item: &Item, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let failing = item.report.as_ref().map_or(0, |r| r.checks.iter().filter(|c| !c.passed).count());
    let text = match &item.state {
        RunState::Idle if item.done => ("✓ Solved before. Save the file to check it again.".to_string(), theme.right),
        RunState::Idle => {
            let run = key_for(Context::Practice, Action::RunChecks);
            (format!("Not run yet: save the file (or press {run}) to run the checks."), theme.dim)
        }
        RunState::Running(_) => (format!("{} running the checks…", view.spinner()), theme.key),
        RunState::Passed => (format!("✓ All {} checks pass. Well done!", item.checks), theme.right),
        RunState::Failed if failing == 0 || item.report.as_ref().is_some_and(|r| r.load_error.is_some()) => {
            ("✗ Your file did not load, so no check could run.".to_string(), theme.wrong)
        }
        RunState::Failed => (format!("✗ {failing} of {} checks fail", item.checks), theme.wrong),
        RunState::Timeout => (format!("✗ {}", run_error(view, &RunError::Timeout)), theme.wrong),
        RunState::Error(error @ (RunError::DjangoMissing(_) | RunError::NoPython(_) | RunError::Checker(_))) => {
            (run_error(view, error), theme.wrong)
        }
        RunState::Error(error @ RunError::LearnerExit(_)) => (format!("✗ {}", run_error(view, error)), theme.wrong),
        RunState::Error(RunError::Timeout | RunError::Cancelled) => ("Stopped.".to_string(), theme.dim),
    };
    let mut lines = wrapped(&printable(&text.0), width, text.1, "");
    if item.state == RunState::Passed {
        let next = match view.session.next_undone() {
            Some(n) => format!(
                "Next: {} opens {}. {}",
                practice_keys(Action::NextPage),
                n + 1,
                view.course.exercises.get(n).map_or("", |e| e.title.as_str())
            ),
            None => format!(
                "Every exercise is done. {} goes back to the lessons.",
                key_for(Context::Practice, Action::Quit)
            ),
        };
        lines.extend(wrapped(&printable(&next), width, theme.key, ""));
    }
    if item.failed_runs >= crate::practice::session::FAILS_BEFORE_SOLUTION && !item.solution_shown && !item.done {
        let (hint, solution) =
            (key_for(Context::Practice, Action::Hint), key_for(Context::Practice, Action::ShowSolution));
        lines.push(Line::styled(
            format!("Stuck? {hint} gives a hint, {solution} shows the reference solution."),
            theme.dim,
        ));
    }
    lines
}

/// One line per check, like the lessons' "the client receives" panel, with what differed.
/// Every key of a practice binding, "n or Enter".
fn practice_keys(action: Action) -> String {
    crate::keys::bindings(Context::Practice)
        .find(|b| b.action == action)
        .map(|b| b.label().replace(' ', " or "))
        .unwrap_or_default()
}

fn check_lines(exercise: &Exercise, report: Option<&Report>, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::default(), Line::styled(verdicts_heading(exercise), theme.title)];
    for index in 0..exercise.verdicts() {
        let result = report.and_then(|r| r.checks.iter().find(|c| c.index == index));
        let text = verdict_text(exercise, index, result);
        let (mark, style) = match result {
            None => ("·", theme.text),
            Some(r) if r.passed => ("✓", theme.right),
            Some(_) => ("✗", theme.wrong),
        };
        out.extend(text::wrap(
            &[Span::styled(text, style)],
            width,
            vec![Span::styled(format!("{mark} "), style)],
            vec![Span::raw("  ")],
        ));
        if let Some(chosen) = result.and_then(|r| chosen_text(exercise, r)) {
            // the trade-off of the status the learner chose, passed or not
            out.extend(wrapped(&chosen, width, theme.text, "    "));
        }
        let Some(r) = result.filter(|r| !r.passed) else { continue };
        for difference in &r.differences {
            out.extend(wrapped(&format!("- {}", printable(difference)), width, theme.text, "    "));
        }
        if let Some(failure) = &r.exception {
            out.extend(wrapped(&format!("exception: {}", describe(failure)), width, theme.wrong, "    "));
            out.extend(frame_lines(failure, theme, width));
        }
    }
    out
}

fn describe(failure: &PyError) -> String {
    printable(&format!("{}: {}", failure.kind, failure.message)).into_owned()
}

fn frame_lines(failure: &PyError, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for frame in &failure.frames {
        let file =
            std::path::Path::new(&frame.file).file_name().map_or(frame.file.clone(), |n| n.to_string_lossy().into());
        let place = format!("{file}:{} in {}", frame.line, frame.function);
        out.extend(wrapped(&printable(&place), width, theme.dim, "      "));
        if !frame.text.trim().is_empty() {
            out.extend(wrapped(&printable(frame.text.trim()), width, theme.inline_code, "        "));
        }
    }
    out
}

/// The reference solution beside the learner's code when there is room, else below it.
fn solution_lines(view: &PracticeParts, exercise: &Exercise, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let mine = view.learner_code.map(|c| printable(c).into_owned()).unwrap_or_default();
    let mine = code::highlight("python", &mine, theme);
    let solution = code::highlight("python", &exercise.solution, theme);
    let mut out = Vec::new();
    if width >= SIDE_BY_SIDE_FROM {
        let half = (width - 3) / 2;
        out.push(Line::from(vec![
            Span::styled(format!("{:<half$}", "Your code"), theme.title),
            Span::styled(" │ ", theme.border),
            Span::styled("Reference solution", theme.title),
        ]));
        for row in 0..mine.len().max(solution.len()) {
            let mut spans = cut(mine.get(row).cloned().unwrap_or_default(), half);
            spans.push(Span::styled(" │ ", theme.border));
            spans.extend(cut(solution.get(row).cloned().unwrap_or_default(), half));
            out.push(Line::from(spans));
        }
    } else {
        for (title, lines) in [("Reference solution", solution), ("Your code", mine)] {
            out.push(Line::styled(title, theme.title));
            out.extend(lines.into_iter().map(|spans| Line::from(cut(spans, width))));
            out.push(Line::default());
        }
    }
    out
}

/// Spans cut or padded to exactly `width` columns.
fn cut(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let mut out = Vec::new();
    let mut used = 0;
    for span in spans {
        let mut text = String::new();
        for c in span.content.chars() {
            let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
            if used + w > width {
                break;
            }
            text.push(c);
            used += w;
        }
        out.push(Span::styled(text, span.style));
    }
    if used < width {
        out.push(Span::raw(" ".repeat(width - used)));
    }
    out
}

fn wrapped(text: &str, width: usize, style: Style, indent: &'static str) -> Vec<Line<'static>> {
    text::wrap(&[Span::styled(text.to_string(), style)], width, vec![Span::raw(indent)], vec![Span::raw(indent)])
}
