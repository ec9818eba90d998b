//! `status-tutor 404`, `status-tutor csrf`, `status-tutor 404-not-found`: which page the
//! tutorial opens at. Accepts a page id (the ids `explain` and `list` print) or anything
//! `explain` understands (a code, a class, a Django or HTTPStatus name).
use super::explain::{self, Subject};
use crate::content::Course;

/// The page `query` names, or why there is none (with the closest page ids).
pub fn page_for(course: &Course, query: &str) -> Result<usize, String> {
    let wanted = query.trim();
    if let Some(page) = course.pages.iter().position(|p| p.id.eq_ignore_ascii_case(wanted)) {
        return Ok(page);
    }
    let subject = explain::find(course, wanted);
    let page = match &subject {
        Ok(Subject::Code(code)) => code.page.or_else(|| course.page_for_code(code.code)),
        Ok(Subject::Name(name)) => name.page.or_else(|| name.status.and_then(|c| course.page_for_code(c))),
        Ok(Subject::Class(class)) => course
            .pages
            .iter()
            .position(|p| p.codes.iter().any(|&c| crate::content::StatusClass::of(c) == Some(*class))),
        Ok(Subject::Page(page)) => course.page_index(&page.id),
        // a topic several pages teach: its first page in reading order
        Ok(Subject::Topic(_, pages)) => pages.iter().filter_map(|p| course.page_index(&p.id)).min(),
        Err(_) => None,
    };
    if let Some(page) = page {
        return Ok(page);
    }
    let mut near: Vec<(usize, &str)> = course
        .pages
        .iter()
        .map(|p| (strsim::levenshtein(&wanted.to_lowercase(), &p.id), p.id.as_str()))
        .filter(|(d, id)| *d <= (id.len() / 3).max(1) || id.contains(&wanted.to_lowercase()) && wanted.len() >= 3)
        .collect();
    near.sort();
    let hint = match near.first() {
        Some(_) => format!(" Did you mean: {}?", near.iter().take(3).map(|n| n.1).collect::<Vec<_>>().join(", ")),
        None => " `status-tutor list` shows every page.".to_string(),
    };
    Err(match subject {
        Err(message) if wanted.parse::<u16>().is_ok() => message,
        Ok(_) => format!("`{wanted}` has no page of its own in this course.{hint}"),
        Err(_) => format!("`{wanted}` is not a page, code or name of this course.{hint}"),
    })
}
