//! `status-tutor stats [--json]`: progress as a whole, as plain text or JSON (the same
//! numbers as the progress screen, `%`).
use super::paint::Paint;
use crate::content::Course;
use crate::progress::{Progress, Standing};
use crate::sanitize::printable;
use crate::stats::Stats;
use std::io::{self, Write};

/// Eight heights of a bar, for the round scores and the forecast in plain text.
const TICKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// The stats of `progress` now (`STATUS_TUTOR_NOW` sets it), as JSON or as text.
pub fn write(course: &Course, progress: &Progress, json: bool, out: &mut impl Write) -> io::Result<()> {
    let now = i64::try_from(crate::progress::unix_seconds()).unwrap_or(0);
    let workspace = crate::practice::service::workspace_for(None, progress.practice.workspace.as_deref());
    let files = crate::practice::service::file_hashes(&workspace, &course.exercises);
    let stats = crate::stats::compute(course, progress, now, Some(&files));
    if json { self::json(&stats, out) } else { text(&stats, Paint::for_stdout(), out) }
}

/// The stats as JSON (pretty, one object).
pub fn json(stats: &Stats, out: &mut impl Write) -> io::Result<()> {
    let text = serde_json::to_string_pretty(stats).map_err(io::Error::other)?;
    writeln!(out, "{text}")
}

/// The stats as text, one part after another.
pub fn text(stats: &Stats, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{} {}", paint.bold("Your progress"), paint.dim(&format!("({})", stats.now)))?;
    writeln!(out, "\n{} {}/{}", paint.bold("Pages read"), stats.pages_read, stats.pages)?;
    let widest = stats.sections.iter().map(|s| s.title.chars().count()).max().unwrap_or(0).min(40);
    for section in &stats.sections {
        let title: String = printable(&section.title).chars().take(40).collect();
        let count = format!("{}/{}", section.read, section.pages);
        writeln!(out, "  {title:<widest$}  {count:>5}  {}", bar(section.read, section.pages, 10))?;
    }
    if stats.practice_total > 0 {
        writeln!(
            out,
            "\n{} {}/{} done (checks all passed once)",
            paint.bold("Practice"),
            stats.practice_done,
            stats.practice_total
        )?;
        let unchecked = stats.exercises.iter().filter(|e| e.standing == Standing::Unchecked).count();
        writeln!(
            out,
            "  now: {} passing · {} failing · {} changed since last check · {} not checked",
            stats.practice_passing, stats.practice_failing, stats.practice_changed, unchecked
        )?;
        for exercise in stats.exercises.iter().filter(|e| matches!(e.standing, Standing::Failing | Standing::Changed)) {
            let when = exercise.checked_at.as_deref().map(day).unwrap_or_default();
            let title = printable(&exercise.title);
            let id = paint.dim(&format!("({}, checked {when})", printable(&exercise.id)));
            writeln!(out, "    {}: {title}  {id}", exercise.standing.word())?;
        }
    }
    writeln!(out, "\n{} {}", paint.bold("Quiz rounds"), stats.rounds.len())?;
    if let Some(last) = stats.rounds.last() {
        let scores: String = stats.rounds.iter().map(|r| tick(u64::from(r.percent), 100)).collect();
        writeln!(out, "  score per round, oldest first: {scores}")?;
        writeln!(out, "  last: {}/{} ({}%) on {}", last.correct, last.total, last.percent, day(&last.date))?;
    }
    let review = &stats.review;
    writeln!(
        out,
        "\n{} {} questions: {} learned · {} learning · {} new · {} due now",
        paint.bold("Review"),
        review.questions,
        review.learned,
        review.learning,
        review.new,
        review.due_now
    )?;
    let most = stats.forecast.iter().map(|d| d.due).max().unwrap_or(0) as u64;
    let ticks: String =
        stats.forecast.iter().map(|d| if d.due == 0 { '·' } else { tick(d.due as u64, most) }).collect();
    let total: usize = stats.forecast.iter().map(|d| d.due).sum();
    writeln!(out, "  due in the next 14 days: {ticks}  ({total} in all, the most on one day: {most})")?;
    for day in stats.forecast.iter().filter(|d| d.due > 0).take(5) {
        writeln!(out, "    {}  {}", day.date, day.due)?;
    }
    let weeks: Vec<String> =
        stats.retention.iter().map(|w| w.percent.map_or_else(|| "–".to_owned(), |p| format!("{p}%"))).collect();
    writeln!(out, "  right per week, the last {}: {}", weeks.len(), weeks.join(" "))?;
    if stats.weak_topics.is_empty() {
        writeln!(out, "\n{} none yet", paint.bold("Topics that need work"))?;
    } else {
        writeln!(out, "\n{}", paint.bold("Topics that need work"))?;
        for topic in &stats.weak_topics {
            let name = printable(&topic.topic);
            writeln!(out, "  {name:<16} {} learning  {}", topic.learning, paint.dim(&topic.command))?;
        }
    }
    Ok(())
}

/// `YYYY-MM-DD` of an RFC 3339 date.
fn day(date: &str) -> &str {
    date.get(..10).unwrap_or(date)
}

fn tick(value: u64, most: u64) -> char {
    let at = (value * 7).checked_div(most.max(1)).unwrap_or(0).min(7);
    TICKS[usize::try_from(at).unwrap_or(0)]
}

fn bar(part: usize, whole: usize, width: usize) -> String {
    let filled = (part * width).checked_div(whole).unwrap_or(0).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}
