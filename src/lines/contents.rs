//! The contents sidebar's entries as text, and how wide they want to be.
use crate::content::Course;
use crate::content::reading::minutes;
use unicode_width::UnicodeWidthStr;

/// "404 Not Found - Resource Missing" -> "404 Not Found": the sidebar is narrow.
pub fn short_title(title: &str) -> String {
    title.split_once(" - ").map_or(title, |(short, _)| short).to_string()
}

/// Columns a page entry uses before its title: the current mark and the read mark.
pub const PAGE_MARKS: usize = 4;

/// The mark of an unread page on the core path (the read mark's place).
pub const CORE_MARK: &str = " • ";

/// "  14 min" after a section's title, "  14 min, core 9" when some of it is on the core
/// path (page reading times summed, then rounded).
pub fn section_time(course: &Course, section: usize) -> String {
    let Some(section) = course.sections.get(section) else { return String::new() };
    let pages = || section.pages.iter().filter_map(|&p| course.pages.get(p));
    let all: u64 = pages().map(|p| u64::from(p.reading_seconds)).sum();
    let core: u64 = pages().filter(|p| p.core).map(|p| u64::from(p.reading_seconds)).sum();
    match (minutes(all), minutes(core)) {
        (0, _) => String::new(),
        (all, core) if core == 0 || core == all => format!("  {all} min"),
        (all, core) => format!("  {all} min, core {core}"),
    }
}

/// The core path's pages and reading time in minutes: (0, 0) for a course without one.
pub fn core_path(course: &Course) -> (usize, u64) {
    let core = course.pages.iter().filter(|p| p.core);
    (core.clone().count(), minutes(core.map(|p| u64::from(p.reading_seconds)).sum()))
}

/// The width that shows every entry whole, the right border included.
pub fn natural_width(course: &Course) -> u16 {
    let sections =
        (0..course.sections.len()).map(|s| course.sections[s].title.width() + section_time(course, s).width());
    let pages = course.pages.iter().map(|p| PAGE_MARKS + short_title(&p.title).width());
    // "Test your knowledge  best 12/12"
    let widest = sections.chain(pages).chain([31]).max().unwrap_or(0);
    u16::try_from(widest + 1).unwrap_or(u16::MAX)
}
