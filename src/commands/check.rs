//! `status-tutor check`: every problem in a course, one per line, and an exit status.
use crate::content::{CourseFiles, LevelCounts, Problem, load};
use crate::sanitize::one_line;
use std::io::{self, Write};

/// Prints the problems (with their excerpts; at most 20 of a file, then how many more)
/// and a summary; returns true when there is no error.
pub fn run(files: Result<CourseFiles, Vec<Problem>>, out: &mut impl Write) -> io::Result<bool> {
    let (problems, summary) = match files.map(|f| load(&f)) {
        Ok(Ok(loaded)) => {
            let c = &loaded.course;
            let summary = format!(
                "{}: {} sections, {} pages, {} status codes, {} Django names, {} quiz questions, {} exercises",
                one_line(&c.title),
                c.sections.len(),
                c.pages.len(),
                c.codes.len(),
                c.django.len(),
                c.questions.len(),
                c.exercises.len()
            );
            let levels = LevelCounts::of(c.questions.iter().map(|q| q.level));
            let summary = match levels.applied_percent() {
                Some(percent) if levels.missing < c.questions.len() => format!(
                    "{summary}; quiz levels: recall {}, apply {}, analyse {}, none {} ({percent}% apply or analyse)",
                    levels.recall, levels.apply, levels.analyse, levels.missing
                ),
                _ => summary,
            };
            (loaded.warnings, Some(summary))
        }
        Ok(Err(problems)) | Err(problems) => (problems, None),
    };
    for problem in &problems {
        writeln!(out, "{problem}")?;
        if let Some(excerpt) = &problem.excerpt {
            writeln!(out, "{excerpt}")?;
        }
    }
    // A line may stand for many problems not shown (a file holds at most 20 lines).
    let errors: usize = problems.iter().filter(|p| p.is_error()).map(Problem::count).sum();
    let warnings = problems.iter().filter(|p| !p.is_error()).map(Problem::count).sum::<usize>();
    match summary {
        Some(summary) => writeln!(out, "ok: {summary}; {warnings} warning(s)")?,
        None => writeln!(out, "{errors} error(s), {warnings} warning(s)")?,
    }
    Ok(errors == 0)
}
