//! `status-tutor list`: the table of contents.
use super::paint::Paint;
use crate::content::Course;
use crate::sanitize::printable;
use std::io::{self, Write};

pub fn run(course: &Course, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", paint.bold(&course.title))?;
    let mut number = 0;
    for section in &course.sections {
        writeln!(out, "\n{}", paint.bold(&section.title))?;
        for &index in &section.pages {
            number += 1;
            let page = &course.pages[index];
            writeln!(out, "  {number:>2}. {}  {}", printable(&page.title), paint.dim(&format!("({})", page.id)))?;
        }
    }
    writeln!(out, "\n{}", paint.bold("Test your knowledge"))?;
    writeln!(out, "      quiz: {} questions  {}", course.questions.len(), paint.dim("(status-tutor quiz)"))?;
    Ok(())
}
