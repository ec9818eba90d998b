//! `status-tutor list`: the table of contents, with each page's reading time and each
//! section's total, the pages read (✓) and the unread ones of the core path (•), and each page's exercises: done or not, and how
//! their last check stands now (passing, failing, changed since).
use super::paint::Paint;
use crate::content::Course;
use crate::content::reading::minutes;
use crate::lines::contents::{core_path, section_time};
use crate::practice::service;
use crate::progress::checks::standing;
use crate::progress::{Progress, Standing};
use crate::sanitize::printable;
use std::collections::BTreeMap;
use std::io::{self, Write};

/// The listing of `course` with `progress`, the exercise files read from the workspace
/// progress remembers (to tell "passing" from "changed since the last check").
pub fn run(course: &Course, progress: &Progress, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    let workspace = service::workspace_for(None, progress.practice.workspace.as_deref());
    let files = service::file_hashes(&workspace, &course.exercises);
    write(course, progress, &files, paint, out)
}

/// The listing, the exercise files' hashes given (see [`service::file_hashes`]).
pub fn write(
    course: &Course,
    progress: &Progress,
    files: &BTreeMap<String, String>,
    paint: Paint,
    out: &mut impl Write,
) -> io::Result<()> {
    writeln!(out, "{}", paint.bold(&printable(&course.title)))?;
    let all: u64 = course.pages.iter().map(|p| u64::from(p.reading_seconds)).sum();
    let (core_pages, core_minutes) = core_path(course);
    let mut reading = format!("about {} min of reading", minutes(all));
    if core_pages > 0 {
        reading.push_str(&format!("; the core path (•): {core_pages} pages, {core_minutes} min"));
    }
    writeln!(out, "{}", paint.dim(&reading))?;
    let mut number = 0;
    let mut passing = 0;
    for (at, section) in course.sections.iter().enumerate() {
        let total = section_time(course, at);
        writeln!(out, "\n{}{}", paint.bold(&printable(&section.title)), paint.dim(&printable(&total)))?;
        for &index in &section.pages {
            number += 1;
            let page = &course.pages[index];
            let read = match (progress.pages_read.contains(&page.id), page.core) {
                (true, _) => "✓",
                (false, true) => "•",
                (false, false) => " ",
            };
            let time = match minutes(u64::from(page.reading_seconds)) {
                0 => String::new(),
                n => format!("  {n} min"),
            };
            let id = paint.dim(&format!("({})", printable(&page.id)));
            writeln!(out, "{read} {number:>2}. {}{time}  {id}", printable(&page.title))?;
            for exercise in course.exercises.iter().filter(|e| e.page == index) {
                let done = if progress.practice.done.contains(&exercise.id) { "done" } else { "todo" };
                let last = progress.practice.checks.get(&exercise.id);
                let now = standing(last, files.get(&exercise.id).map(String::as_str), true);
                passing += usize::from(now == Standing::Passing);
                let state = match now {
                    Standing::Unchecked => done.to_owned(),
                    other => format!("{done}, {}", other.word()),
                };
                let command = paint.dim(&format!("(status-tutor practice check {})", printable(&exercise.id)));
                let level = exercise.difficulty.label();
                writeln!(out, "        practice ({level}), {state}: {}  {command}", printable(&exercise.title))?;
            }
        }
    }
    let read = course.pages.iter().filter(|p| progress.pages_read.contains(&p.id)).count();
    let done = course.exercises.iter().filter(|e| progress.practice.done.contains(&e.id)).count();
    writeln!(
        out,
        "\n{read}/{} pages read (✓), {done}/{} exercises done, {passing} passing now",
        course.pages.len(),
        course.exercises.len()
    )?;
    writeln!(out, "\n{}", paint.bold("Test your knowledge"))?;
    writeln!(out, "      quiz: {} questions  {}", course.questions.len(), paint.dim("(status-tutor quiz)"))?;
    Ok(())
}
