//! `status-tutor list`: the table of contents, with the pages read (✓) and each page's
//! exercises, done or not.
use super::paint::Paint;
use crate::content::Course;
use crate::progress::Progress;
use crate::sanitize::printable;
use std::io::{self, Write};

pub fn run(course: &Course, progress: &Progress, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", paint.bold(&printable(&course.title)))?;
    let mut number = 0;
    for section in &course.sections {
        writeln!(out, "\n{}", paint.bold(&printable(&section.title)))?;
        for &index in &section.pages {
            number += 1;
            let page = &course.pages[index];
            let read = if progress.pages_read.contains(&page.id) { "✓" } else { " " };
            let id = paint.dim(&format!("({})", printable(&page.id)));
            writeln!(out, "{read} {number:>2}. {}  {id}", printable(&page.title))?;
            for exercise in course.exercises.iter().filter(|e| e.page == index) {
                let state = if progress.practice.done.contains(&exercise.id) { "done" } else { "todo" };
                let command = paint.dim(&format!("(status-tutor practice check {})", printable(&exercise.id)));
                let level = exercise.difficulty.label();
                writeln!(out, "        practice ({level}), {state}: {}  {command}", printable(&exercise.title))?;
            }
        }
    }
    let read = course.pages.iter().filter(|p| progress.pages_read.contains(&p.id)).count();
    let done = course.exercises.iter().filter(|e| progress.practice.done.contains(&e.id)).count();
    writeln!(out, "\n{read}/{} pages read (✓), {done}/{} exercises done", course.pages.len(), course.exercises.len())?;
    writeln!(out, "\n{}", paint.bold("Test your knowledge"))?;
    writeln!(out, "      quiz: {} questions  {}", course.questions.len(), paint.dim("(status-tutor quiz)"))?;
    Ok(())
}
