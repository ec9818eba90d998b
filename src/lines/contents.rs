//! The contents sidebar's entries as text, and how wide they want to be.
use crate::content::Course;
use unicode_width::UnicodeWidthStr;

/// "404 Not Found - Resource Missing" -> "404 Not Found": the sidebar is narrow.
pub fn short_title(title: &str) -> String {
    title.split_once(" - ").map_or(title, |(short, _)| short).to_string()
}

/// Columns a page entry uses before its title: the current mark and the read mark.
pub const PAGE_MARKS: usize = 4;

/// The width that shows every entry whole, the right border included.
pub fn natural_width(course: &Course) -> u16 {
    let sections = course.sections.iter().map(|s| s.title.width());
    let pages = course.pages.iter().map(|p| PAGE_MARKS + short_title(&p.title).width());
    // "Test your knowledge  best 12/12"
    let widest = sections.chain(pages).chain([31]).max().unwrap_or(0);
    u16::try_from(widest + 1).unwrap_or(u16::MAX)
}
