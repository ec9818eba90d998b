//! The progress screen (`%`) as lines: pages read per section, practice, quiz rounds
//! over time (a line chart), the review forecast and retention (bar charts) and the
//! topics that need work. The charts are ratatui's own widgets, drawn into a scratch
//! buffer and turned into lines, so the screen scrolls as one. Wide terminals get two
//! columns.
use super::quiz_results::buffer_row;
use super::text::wrap;
use crate::keys::{Action, Context, key_for};
use crate::progress::Standing;
use crate::stats::Stats;
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Bar, BarChart, BarGroup, Chart, Dataset, GraphType, Widget};

/// Rows of each chart.
const CHART_HEIGHT: u16 = 8;

/// From this width the panels stand in two columns.
pub const TWO_COLUMNS: u16 = 150;

/// The widest a column gets (wider would only stretch the charts).
const MAX_COLUMN: u16 = 100;

/// The screen's text column in `area` (above the status bar): centred, at most two
/// columns' worth wide.
#[must_use]
pub fn column(area: Rect) -> Rect {
    let limit = if area.width >= TWO_COLUMNS { 2 * MAX_COLUMN + 4 } else { MAX_COLUMN };
    let width = area.width.saturating_sub(4).min(limit);
    Rect::new(area.x + (area.width - width) / 2, area.y + 1, width, area.height.saturating_sub(2))
}

/// Every line of the screen for a column `width` wide.
#[must_use]
pub fn lines(theme: &Theme, stats: &Stats, width: u16) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled("Your progress", theme.heading), summary(theme, stats, width), Line::default()];
    if width >= TWO_COLUMNS {
        let half = (width - 4) / 2;
        let mut left = pages(theme, stats, half);
        left.push(Line::default());
        left.extend(topics(theme, stats, half));
        let mut right = rounds(theme, stats, half);
        right.push(Line::default());
        right.extend(forecast(theme, stats, half));
        right.push(Line::default());
        right.extend(retention(theme, stats, half));
        lines.extend(side_by_side(left, right, usize::from(half) + 4));
    } else {
        for part in [pages(theme, stats, width), rounds(theme, stats, width), forecast(theme, stats, width)] {
            lines.extend(part);
            lines.push(Line::default());
        }
        lines.extend(retention(theme, stats, width));
        lines.push(Line::default());
        lines.extend(topics(theme, stats, width));
    }
    lines
}

/// How far the screen scrolls in `area` (0 when it fits).
#[must_use]
pub fn max_scroll(theme: &Theme, stats: &Stats, area: Rect) -> usize {
    let column = column(area);
    lines(theme, stats, column.width).len().saturating_sub(usize::from(column.height))
}

fn summary(theme: &Theme, stats: &Stats, width: u16) -> Line<'static> {
    let review = &stats.review;
    let mut text = format!("{}/{} pages read", stats.pages_read, stats.pages);
    if stats.practice_total > 0 {
        text.push_str(&format!(
            " · practice {}/{} done, {} passing",
            stats.practice_done, stats.practice_total, stats.practice_passing
        ));
    }
    text.push_str(&format!(
        " · {} round(s) · {} learned, {} learning, {} new · {} due now",
        stats.rounds.len(),
        review.learned,
        review.learning,
        review.new,
        review.due_now
    ));
    super::text::ellipsized(Line::styled(text, theme.dim), usize::from(width))
}

fn heading(theme: &Theme, text: &str) -> Line<'static> {
    Line::styled(text.to_owned(), theme.title)
}

/// A bar of `width` cells, `part` of `whole` filled.
fn bar(theme: &Theme, part: usize, whole: usize, width: usize) -> Vec<Span<'static>> {
    let filled = (part * width).checked_div(whole).unwrap_or(0).min(width);
    vec![Span::styled("█".repeat(filled), theme.right), Span::styled("░".repeat(width - filled), theme.border)]
}

fn pages(theme: &Theme, stats: &Stats, width: u16) -> Vec<Line<'static>> {
    let mut lines = vec![heading(theme, "Pages read, per section")];
    let name = usize::from(width).saturating_sub(22).clamp(8, 26);
    for section in &stats.sections {
        let title: String = crate::sanitize::printable(&section.title).chars().take(name).collect();
        let mut spans = vec![Span::raw(format!("  {title:<name$} "))];
        spans.extend(bar(theme, section.read, section.pages, 10));
        spans.push(Span::raw(format!(" {}/{}", section.read, section.pages)));
        lines.push(Line::from(spans));
    }
    if stats.practice_total > 0 {
        // One line, so the quiz chart still starts on the first screen at 80x24.
        let mut spans = vec![Span::raw(format!("  {:<name$} ", "Practice: passing now"))];
        spans.extend(bar(theme, stats.practice_passing, stats.practice_total, 10));
        spans.push(Span::raw(format!(
            " {}/{} (done {})",
            stats.practice_passing, stats.practice_total, stats.practice_done
        )));
        lines.push(Line::default());
        lines.push(super::text::ellipsized(Line::from(spans), usize::from(width)));
        lines.extend(practice_standing(theme, stats, width));
    }
    lines
}

/// The exercises that fail or changed since their last check, by name (a count when
/// there are many), so "passing now" says which are not.
fn practice_standing(theme: &Theme, stats: &Stats, width: u16) -> Vec<Line<'static>> {
    const NAMED: usize = 5;
    let mut lines = Vec::new();
    for (standing, style) in [(Standing::Failing, theme.wrong), (Standing::Changed, theme.dim)] {
        let these: Vec<&str> =
            stats.exercises.iter().filter(|e| e.standing == standing).map(|e| e.title.as_str()).collect();
        if these.is_empty() {
            continue;
        }
        let mut names: Vec<String> =
            these.iter().take(NAMED).map(|t| crate::sanitize::printable(t).into_owned()).collect();
        if these.len() > NAMED {
            names.push(format!("and {} more", these.len() - NAMED));
        }
        let text = format!("  {} {}: {}", these.len(), standing.word(), names.join(", "));
        lines.push(super::text::ellipsized(Line::styled(text, style), usize::from(width)));
    }
    lines
}

/// Score per round as a line chart (ratatui's `Chart`), oldest round on the left.
fn rounds(theme: &Theme, stats: &Stats, width: u16) -> Vec<Line<'static>> {
    let mut lines = vec![heading(theme, "Quiz rounds: score per round (%)")];
    if stats.rounds.len() < 2 {
        let text = match stats.rounds.first() {
            Some(r) => format!(
                "One round so far: {}/{} ({}%). The chart starts with the second.",
                r.correct, r.total, r.percent
            ),
            None => {
                format!("No full round yet: {} in the lessons starts one.", key_for(Context::Reader, Action::StartQuiz))
            }
        };
        lines.extend(wrap(&[Span::styled(text, theme.dim)], usize::from(width), vec![], vec![]));
        return lines;
    }
    let points: Vec<(f64, f64)> =
        stats.rounds.iter().enumerate().map(|(at, r)| ((at + 1) as f64, f64::from(r.percent))).collect();
    let last = stats.rounds.len() as f64;
    let first_day = stats.rounds.first().map_or("", |r| r.date.get(..10).unwrap_or(""));
    let last_day = stats.rounds.last().map_or("", |r| r.date.get(..10).unwrap_or(""));
    let chart = Chart::new(vec![
        Dataset::default().marker(Marker::Braille).graph_type(GraphType::Line).style(theme.right).data(&points),
    ])
    .x_axis(
        Axis::default()
            .bounds([1.0, last.max(2.0)])
            .style(theme.border)
            .labels([Span::styled(first_day.to_owned(), theme.dim), Span::styled(last_day.to_owned(), theme.dim)]),
    )
    .y_axis(Axis::default().bounds([0.0, 100.0]).style(theme.border).labels([
        Span::styled("0", theme.dim),
        Span::styled("50", theme.dim),
        Span::styled("100", theme.dim),
    ]));
    lines.extend(draw(chart, width.min(72), CHART_HEIGHT + 1));
    let best = stats.rounds.iter().map(|r| r.percent).max().unwrap_or(0);
    let last = stats.rounds.last().map_or(0, |r| r.percent);
    lines.push(Line::styled(format!("  {} rounds · last {last}% · best {best}%", stats.rounds.len()), theme.dim));
    lines
}

/// Questions due per day, the next 14 days, as a bar chart with the day of the month.
fn forecast(theme: &Theme, stats: &Stats, width: u16) -> Vec<Line<'static>> {
    let total: usize = stats.forecast.iter().map(|d| d.due).sum();
    let mut lines = vec![heading(theme, &format!("Review forecast: {total} question(s) due in the next 14 days"))];
    if total == 0 {
        lines.push(Line::styled("  Nothing scheduled: answer some questions (t, R) first.", theme.dim));
        return lines;
    }
    let bar_width = ((usize::from(width) / stats.forecast.len().max(1)).saturating_sub(1)).clamp(2, 4) as u16;
    let bars: Vec<Bar<'static>> = stats
        .forecast
        .iter()
        .enumerate()
        .map(|(at, day)| {
            let label = if at == 0 { "now".to_owned() } else { day.date.get(8..10).unwrap_or("").to_owned() };
            let style = if at == 0 { theme.wrong } else { theme.heading };
            Bar::new(day.due as u64).label(Line::styled(label, theme.dim)).style(style).value_style(theme.selected)
        })
        .collect();
    let chart = BarChart::default().bar_width(bar_width).bar_gap(1).data(BarGroup::new(bars));
    let chart_width = (u16::try_from(stats.forecast.len()).unwrap_or(14) * (bar_width + 1)).min(width);
    lines.extend(draw(chart, chart_width, CHART_HEIGHT));
    lines.push(Line::styled("  today (overdue included), then the day of the month", theme.dim));
    lines
}

/// Share right per week as a bar chart (percent), oldest week first.
fn retention(theme: &Theme, stats: &Stats, width: u16) -> Vec<Line<'static>> {
    let mut lines = vec![heading(theme, "Retention: share of answers right, per week")];
    if stats.retention.iter().all(|w| w.percent.is_none()) {
        lines.push(Line::styled("  No answers in the last 8 weeks.", theme.dim));
        return lines;
    }
    let bars: Vec<Bar<'static>> = stats
        .retention
        .iter()
        .map(|week| {
            let value = u64::from(week.percent.unwrap_or(0));
            let shown = week.percent.map_or_else(|| "–".to_owned(), |p| format!("{p}"));
            let label = week.from.get(5..10).unwrap_or("").to_owned();
            Bar::new(value)
                .label(Line::styled(label, theme.dim))
                .style(theme.right)
                .value_style(theme.selected)
                .text_value(shown)
        })
        .collect();
    let chart = BarChart::default().bar_width(5).bar_gap(1).max(100).data(BarGroup::new(bars));
    let chart_width = (u16::try_from(stats.retention.len()).unwrap_or(8) * 6).min(width);
    lines.extend(draw(chart, chart_width, CHART_HEIGHT));
    lines.push(Line::styled("  each bar: the week from that day; – no answers that week", theme.dim));
    lines
}

fn topics(theme: &Theme, stats: &Stats, width: u16) -> Vec<Line<'static>> {
    let mut lines = vec![heading(theme, "Topics that need work")];
    if stats.weak_topics.is_empty() {
        lines.push(Line::styled("  None yet: missed questions show their topics here.", theme.dim));
        return lines;
    }
    for (at, topic) in stats.weak_topics.iter().enumerate() {
        let name: String = crate::sanitize::printable(&topic.topic).chars().take(18).collect();
        let spans = vec![
            Span::styled(format!("  {} ", at + 1), theme.key),
            Span::raw(format!("{name:<18} ")),
            Span::styled(
                format!("{} learning · {} new · {} learned", topic.learning, topic.new, topic.learned),
                theme.dim,
            ),
        ];
        lines.push(super::text::ellipsized(Line::from(spans), usize::from(width)));
    }
    let hint = [
        Span::styled(key_for(Context::Progress, Action::Digit(0)), theme.key),
        Span::raw(" quiz that topic · "),
        Span::styled(key_for(Context::Progress, Action::StartReview), theme.key),
        Span::raw(" review what is due"),
    ];
    lines.extend(wrap(&hint, usize::from(width), vec![Span::raw("  ")], vec![Span::raw("  ")]));
    lines
}

/// A widget drawn into a scratch buffer `width` x `height`, as lines.
fn draw(widget: impl Widget, width: u16, height: u16) -> Vec<Line<'static>> {
    let area = Rect::new(0, 0, width.max(1), height);
    let mut buf = Buffer::empty(area);
    widget.render(area, &mut buf);
    (0..height).map(|y| buffer_row(&buf, y, area.width)).collect()
}

/// Two lists of lines side by side, the left one padded to `left_width`.
fn side_by_side(left: Vec<Line<'static>>, right: Vec<Line<'static>>, left_width: usize) -> Vec<Line<'static>> {
    let rows = left.len().max(right.len());
    let mut left = left.into_iter();
    let mut right = right.into_iter();
    (0..rows)
        .map(|_| {
            let mut line = left.next().unwrap_or_default();
            let pad = left_width.saturating_sub(line.width());
            line.spans.push(Span::raw(" ".repeat(pad)));
            if let Some(other) = right.next() {
                line.spans.extend(other.spans);
            }
            line
        })
        .collect()
}
