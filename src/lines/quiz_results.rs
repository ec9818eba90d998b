//! The quiz results screen: the round's score, what the learner knows per class and
//! topic (learned or still shaky, due tomorrow), and answers per day over 30 days.
use super::quiz::QuizParts;
use super::text::{inline, wrap};
use crate::keys::{Action, Context, key_for};
use crate::progress::review::{DayTally, Standing};
use crate::quiz::{RoundKind, Score, plain};
use crate::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, BarGroup, Widget};
use unicode_width::UnicodeWidthStr;

/// Rows of the 30-day chart (bars only; the legend is one more line).
const CHART_HEIGHT: u16 = 6;

pub fn results(view: &QuizParts, score: &Score, width: u16) -> Vec<Line<'static>> {
    let theme = &view.theme;
    let title = match view.session.kind() {
        RoundKind::Full => "Results".to_owned(),
        RoundKind::Retry => "Results of the retry".to_owned(),
        RoundKind::Review => "Results of the review".to_owned(),
        RoundKind::Topic(topics) => format!("Results on {}", topics.join(", ")),
    };
    let mut lines = vec![Line::styled(title, theme.heading), Line::default()];
    let style = if score.percent >= 80 {
        theme.right
    } else if score.percent >= 50 {
        theme.heading
    } else {
        theme.wrong
    };
    let head = if score.complete {
        format!("{} of {} correct · {}%", score.correct, score.total, score.percent)
    } else if score.answered == 0 {
        "No question answered".to_owned()
    } else {
        format!("{} of {} answered correct · {}%", score.correct, score.answered, score.percent)
    };
    lines.push(Line::from(vec![
        Span::styled(head, style),
        Span::styled(format!(" · {}", plain::format_elapsed(score.elapsed_ms)), theme.dim),
    ]));
    if !score.complete {
        let not_reached = score.total - score.answered;
        lines.push(Line::styled(
            format!("Left early: {not_reached} question(s) not reached, not counted as wrong."),
            theme.dim,
        ));
    }
    if *view.session.kind() != RoundKind::Full || !score.complete {
        lines.push(Line::styled("Only complete full rounds count for the best score.", theme.dim));
    }
    lines.push(Line::default());
    lines.push(Line::styled("This round, by tag", theme.title));
    lines.extend(tag_grid(theme, score, width));
    if !score.missed.is_empty() {
        lines.push(Line::default());
        lines.push(Line::styled("Missed", theme.title));
        for rq in view.session.round().iter().filter(|rq| score.missed.contains(&rq.question.id)) {
            let prompt = inline(&rq.question.prompt, theme.text, theme);
            lines.extend(wrap(
                &prompt,
                usize::from(width),
                vec![Span::styled("  • ", theme.wrong)],
                vec![Span::raw("    ")],
            ));
        }
        lines.extend(wrap(&missed_how(view, score), usize::from(width), vec![], vec![]));
    }
    let now = view.now;
    let standings = view.progress.review.standings(view.session.bank(), now);
    lines.push(Line::default());
    // Counted per question: a question with several tags is due once.
    let ids: Vec<&str> = view.session.bank().iter().map(|q| q.id.as_str()).collect();
    let outlook = crate::progress::forecast::outlook(&view.progress.review, &ids, now);
    let due = outlook.now + outlook.later_today + outlook.tomorrow;
    lines.extend(knowledge(theme, &standings, due, width));
    lines.push(Line::default());
    lines.extend(chart(theme, &view.progress.review.last_days(now), width));
    lines
}

/// How to go over the missed questions again, and when review brings them back.
fn missed_how(view: &QuizParts, score: &Score) -> Vec<Span<'static>> {
    let theme = &view.theme;
    let next = score.missed.iter().filter_map(|id| view.progress.review.cards.get(id)).map(|m| m.due).min();
    let mut spans =
        vec![Span::styled(key_for(Context::Results, Action::RetryMissed), theme.key), Span::raw(" retries them now; ")];
    if let Some(due) = next {
        spans.push(Span::raw(format!("spaced review brings them back {} (", crate::quiz::when(due, view.now))));
        spans.push(Span::styled(key_for(Context::Reader, Action::StartReview), theme.key));
        spans.push(Span::raw("), then again tomorrow."));
    }
    spans
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
                // The name carries the class colour; the bar counts right answers, in the colour of right.
                let name = crate::content::StatusClass::from_label(&tag.tag).map_or(theme.text, |c| theme.class(c));
                let count = format!("{}/{}", tag.correct, tag.total);
                // Padded outside the style: an underline stays under the word.
                let pad = 11usize.saturating_sub(tag.tag.width());
                spans.push(Span::raw("  "));
                spans.push(Span::styled(tag.tag.clone(), name));
                spans.push(Span::raw(" ".repeat(pad)));
                spans.push(Span::styled("█".repeat(filled), theme.right));
                spans.push(Span::styled("░".repeat(BAR - filled), theme.border));
                spans.push(Span::raw(format!(" {count:<5}")));
            }
            Line::from(spans)
        })
        .collect()
}

/// "What you know": per class, then per topic already met, how many questions are
/// learned (right last time, not due) and how many still shaky, and what is due tomorrow.
fn knowledge(theme: &Theme, standings: &[Standing], due: usize, width: u16) -> Vec<Line<'static>> {
    const BAR: usize = 10;
    let mut lines = vec![Line::from(vec![
        Span::styled("What you know", theme.title),
        Span::styled(format!("   {due} question(s) due by tomorrow"), theme.dim),
    ])];
    let shown = standings.iter().filter(|s| crate::quiz::is_class_tag(&s.tag) || s.learned + s.shaky > 0);
    for standing in shown {
        let total = standing.learned + standing.shaky + standing.unseen;
        // Rounded, but never to nothing: one shaky question in forty still shows.
        let cells = |n: usize| if n == 0 { 0 } else { ((BAR * n + total / 2) / total.max(1)).max(1) };
        let learned = cells(standing.learned).min(BAR);
        let shaky = cells(standing.shaky).min(BAR - learned);
        let mut spans = vec![
            Span::styled(format!("  {:<14}", standing.tag), theme.text),
            Span::styled("█".repeat(learned), theme.right),
            Span::styled("▒".repeat(shaky), theme.wrong),
            Span::styled("░".repeat(BAR - learned - shaky), theme.border),
            Span::raw(format!(" {} learned · {} learning · {} new", standing.learned, standing.shaky, standing.unseen)),
        ];
        // Due counts on the classes only: a question has one class but several topics,
        // so topics' counts would add up to more than the total.
        if standing.due_tomorrow > 0 && usize::from(width) >= 70 && crate::quiz::is_class_tag(&standing.tag) {
            spans.push(Span::styled(format!(" · {} due", standing.due_tomorrow), theme.dim));
        }
        lines.push(Line::from(spans));
    }
    let legend = "█ learned: FSRS expects you to remember it three weeks on · ▒ learning: missed lately or \
                  not yet that sure · ░ new: never answered";
    lines.extend(wrap(&[Span::styled(legend, theme.dim)], usize::from(width), vec![], vec![]));
    lines
}

/// Answered (dim) and right (green) per day as a bar chart, drawn by ratatui's
/// `BarChart` into a scratch buffer and turned into lines, so it scrolls with the rest.
fn chart(theme: &Theme, days: &[(String, DayTally)], width: u16) -> Vec<Line<'static>> {
    // Two columns a day: a narrow terminal shows the most recent days that fit.
    let shown = days.len().min(usize::from(width) / 2);
    let days = &days[days.len() - shown..];
    let mut lines = vec![Line::styled(format!("Answered and right, the last {shown} days"), theme.title)];
    let groups: Vec<BarGroup<'static>> = days
        .iter()
        .map(|(_, tally)| {
            BarGroup::new(vec![
                Bar::new(u64::from(tally.answered)).style(theme.dim).text_value(String::new()),
                Bar::new(u64::from(tally.right)).style(theme.right).text_value(String::new()),
            ])
        })
        .collect();
    let chart_width = u16::try_from(days.len() * 2).unwrap_or(u16::MAX).min(width);
    let area = Rect::new(0, 0, chart_width, CHART_HEIGHT);
    let mut buf = Buffer::empty(area);
    let mut barchart = BarChart::default().bar_width(1).bar_gap(0).group_gap(0);
    for group in groups {
        barchart = barchart.data(group);
    }
    barchart.render(area, &mut buf);
    lines.extend((0..area.height).map(|y| buffer_row(&buf, y, area.width)));
    let most = days.iter().map(|(_, t)| t.answered).max().unwrap_or(0);
    let first = days.first().map_or("", |(day, _)| day.as_str());
    let last = days.last().map_or("", |(day, _)| day.as_str());
    let gap = usize::from(chart_width).saturating_sub(first.len() + last.len()).max(1);
    lines.push(Line::styled(format!("{first}{}{last}", " ".repeat(gap)), theme.dim));
    lines.push(Line::from(vec![
        Span::styled("▮", theme.dim),
        Span::raw(" answered  "),
        Span::styled("▮", theme.right),
        Span::raw(format!(" right   (the tallest bar: {most} a day)")),
    ]));

    lines
}

/// One row of a buffer as a line, consecutive cells of one style as one span.
pub(super) fn buffer_row(buf: &Buffer, y: u16, width: u16) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let mut text = String::new();
    let mut style = Style::default();
    for x in 0..width {
        let Some(cell) = buf.cell((x, y)) else { continue };
        if cell.style() != style && !text.is_empty() {
            spans.push(Span::styled(std::mem::take(&mut text), style));
        }
        style = cell.style();
        text.push_str(cell.symbol());
    }
    if !text.is_empty() {
        spans.push(Span::styled(text, style));
    }
    Line::from(spans)
}
