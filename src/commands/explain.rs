//! `status-tutor explain`: a compact card for a code, a class, a Django name, a page or a topic.
use super::paint::Paint;
use crate::content::{Block, Course, DjangoName, Page, StatusClass, StatusCode};
use crate::sanitize::printable;
use std::io::{self, Write};

/// What a query names, once matched against the course.
#[derive(Debug, PartialEq)]
pub enum Subject<'a> {
    Code(&'a StatusCode),
    Class(StatusClass),
    Name(&'a DjangoName),
    /// A page, by id (`404-not-found`) or by the one page a topic names.
    Page(&'a Page),
    /// A topic several pages teach (`drf`, `redirects`): the topic and those pages.
    Topic(String, Vec<&'a Page>),
}

/// Finds what `query` names: a code (`404`), a class (`4xx`), a Django name
/// (`login_required`, `@login_required`, `redirect()`, `rest_framework.exceptions.PermissionDenied`),
/// a page id (`404-not-found`), an HTTPStatus name or a reason phrase, or a topic (`csrf`, `drf`).
pub fn find<'a>(course: &'a Course, query: &str) -> Result<Subject<'a>, String> {
    // A dotted name picks between two names in different modules (Django's and DRF's PermissionDenied).
    let dotted = query.trim().trim_start_matches('@').trim_end_matches("()");
    if let Some(name) = course.django.iter().find(|d| format!("{}.{}", d.module, d.name) == dotted) {
        return Ok(Subject::Name(name));
    }
    if let Some(page) = course.pages.iter().find(|p| p.id.eq_ignore_ascii_case(query.trim())) {
        return Ok(Subject::Page(page));
    }
    let wanted = normalize(query);
    if let Ok(number) = wanted.parse::<u16>() {
        return course.code(number).map(Subject::Code).ok_or_else(|| unknown_code(course, number));
    }
    if let Some(class) = StatusClass::from_label(&wanted) {
        return Ok(Subject::Class(class));
    }
    if let Some(name) = course.django.iter().find(|d| d.name.eq_ignore_ascii_case(&wanted)) {
        return Ok(Subject::Name(name));
    }
    let by_phrase = course.codes.iter().find(|c| {
        c.http_status.eq_ignore_ascii_case(wanted.trim_start_matches("HTTPStatus."))
            || c.reason.eq_ignore_ascii_case(&wanted)
    });
    if let Some(code) = by_phrase {
        return Ok(Subject::Code(code));
    }
    let mut pages = topic_pages(course, query.trim());
    match pages.len() {
        0 => {}
        1 => return Ok(Subject::Page(pages.remove(0))),
        _ => return Ok(Subject::Topic(query.trim().to_string(), pages)),
    }
    Err(format!(
        "`{query}` is not a status code, class, Django name, page or topic this course teaches.{}",
        closest(course, &wanted)
    ))
}

/// The pages whose id, title or section title has `topic` as a whole word (`csrf`, `drf`,
/// `redirects`), in reading order.
fn topic_pages<'a>(course: &'a Course, topic: &str) -> Vec<&'a Page> {
    let topic = topic.to_lowercase();
    if topic.len() < 3 || topic.chars().all(|c| c.is_ascii_digit()) {
        return Vec::new();
    }
    let has_word = |text: &str| {
        let lower = text.to_lowercase();
        lower == topic || lower.split(|c: char| !c.is_alphanumeric()).any(|w| w == topic)
    };
    let mut found: Vec<&Page> = course
        .sections
        .iter()
        .flat_map(|s| s.pages.iter().filter_map(|&p| course.pages.get(p)).map(move |p| (s, p)))
        .filter(|(section, page)| has_word(&page.id) || has_word(&page.title) || has_word(&section.title))
        .map(|(_, page)| page)
        .collect();
    found.dedup_by(|a, b| a.id == b.id);
    found
}

/// `@login_required` -> `login_required`, `redirect()` -> `redirect`, `django.http.Http404` -> `Http404`.
fn normalize(query: &str) -> String {
    let q = query.trim().trim_start_matches('@').trim_end_matches("()");
    let q = if q.contains('.') && !q.starts_with("HTTPStatus.") { q.rsplit('.').next().unwrap_or(q) } else { q };
    q.to_string()
}

fn unknown_code(course: &Course, number: u16) -> String {
    if !(100..=599).contains(&number) {
        return format!("{number} is not an HTTP status code: they run from 100 to 599.");
    }
    let mut near: Vec<&StatusCode> = course.codes.iter().filter(|c| c.code / 100 == number / 100).collect();
    near.sort_by_key(|c| c.code.abs_diff(number));
    let list: Vec<String> = near.iter().take(3).map(|c| format!("{} {}", c.code, c.reason)).collect();
    let hint = if list.is_empty() { String::new() } else { format!(" Closest: {}.", list.join(", ")) };
    format!("{number} is not taught in this course.{hint}")
}

/// " Did you mean: a, b, c?" from every name, code name and reason, nearest first.
/// The topics `explain` takes besides names: the page ids (`csrf`) and the questions'
/// tags (`drf`).
fn topic_words(course: &Course) -> impl Iterator<Item = String> + '_ {
    let ids = course.pages.iter().map(|p| p.id.as_str());
    let tags = course.questions.iter().flat_map(|q| q.tags.iter().map(String::as_str));
    ids.chain(tags).map(str::to_string)
}

fn closest(course: &Course, wanted: &str) -> String {
    let wanted = wanted.to_lowercase();
    let mut candidates: Vec<(usize, String)> = course
        .django
        .iter()
        .map(|d| d.name.clone())
        .chain(course.codes.iter().map(|c| c.http_status.clone()))
        .chain(topic_words(course))
        .filter_map(|name| {
            let lower = name.to_lowercase();
            // Two letters swapped (`csfr`) count as one typo.
            let distance = strsim::osa_distance(&wanted, &lower);
            // Close in spelling: about one typo per three letters of the shorter word, so
            // "foo" does not suggest "OK"; or one contains the other ("gone" ->
            // HttpResponseGone), when the part is long enough to mean something.
            let typos = (wanted.len().min(lower.len()) / 3).max(1);
            let related =
                (wanted.len() >= 3 && lower.contains(&wanted)) || (lower.len() >= 4 && wanted.contains(&lower));
            (related || distance <= typos).then_some((distance, name))
        })
        .collect();
    candidates.sort();
    candidates.dedup();
    let names: Vec<String> = candidates.into_iter().take(3).map(|(_, n)| n).collect();
    if names.is_empty() {
        " Try a number such as 404, a class such as 4xx, or `status-tutor list`.".to_string()
    } else {
        format!(" Did you mean: {}?", names.join(", "))
    }
}

pub fn write_card(course: &Course, subject: &Subject<'_>, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    match subject {
        Subject::Code(code) => code_card(course, code, paint, out),
        Subject::Class(class) => class_card(course, *class, paint, out),
        Subject::Name(name) => name_card(course, name, paint, out),
        Subject::Page(page) => page_card(course, page, paint, out),
        Subject::Topic(topic, pages) => topic_card(topic, pages, paint, out),
    }
}

fn page_card(course: &Course, page: &Page, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}  {}", paint.bold(&page.title), paint.dim(&format!("(page {})", page.id)))?;
    writeln!(out, "  {}", wrapped(&page.summary, paint, 2))?;
    if let Some(section) = course.sections.get(page.section) {
        row(out, paint, "Section", &section.title)?;
    }
    let codes: Vec<String> =
        page.codes.iter().filter_map(|c| course.code(*c)).map(|c| format!("{} {}", c.code, c.reason)).collect();
    if !codes.is_empty() {
        row(out, paint, "Codes", &codes.join(", "))?;
    }
    let here = course.page_index(&page.id);
    let names: Vec<String> = course
        .django
        .iter()
        .filter(|d| d.page.is_some() && d.page == here)
        .map(|d| format!("{} ({})", d.name, d.kind))
        .collect();
    if !names.is_empty() {
        row(out, paint, "Names", &names.join(", "))?;
    }
    // The samples not to copy, marked as the reader marks them.
    for sample in page.blocks.iter().filter_map(|b| match b {
        Block::Code(sample) if sample.flawed => Some(sample),
        _ => None,
    }) {
        row(out, paint, "Flawed", &format!("✗ {}", sample.caption.as_deref().unwrap_or("a sample not to copy")))?;
    }
    Ok(())
}

fn topic_card(topic: &str, pages: &[&Page], paint: Paint, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}  {}", paint.bold(topic), paint.dim(&format!("{} pages", pages.len())))?;
    for page in pages {
        writeln!(
            out,
            "  {}",
            wrapped(&format!("{}  {}", page.title, paint.dim(&format!("(page {})", page.id))), paint, 4)
        )?;
    }
    writeln!(out, "  {}", paint.dim("status-tutor explain PAGE-ID for one of them"))
}

fn code_card(course: &Course, code: &StatusCode, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    let class = code.class();
    writeln!(
        out,
        "{}  {}",
        paint.class(class, &format!("{} {}", code.code, code.reason)),
        paint.dim(&format!("{} {}", class.label(), class.name()))
    )?;
    writeln!(out, "  {}", wrapped(&printable(&code.meaning), paint, 2))?;
    row(out, paint, "RFC", &printable(&code.rfc))?;
    row(out, paint, "Python", &format!("http.HTTPStatus.{}", printable(&code.http_status)))?;
    if let Some(django) = &code.django {
        row(out, paint, "Django", &printable(django))?;
    }
    let names: Vec<String> = course
        .django
        .iter()
        .filter(|d| d.status == Some(code.code))
        .map(|d| format!("{} ({})", printable(&d.name), d.kind))
        .collect();
    if !names.is_empty() {
        row(out, paint, "Names", &names.join(", "))?;
    }
    match code.page.or_else(|| course.page_for_code(code.code)) {
        Some(page) => read_row(course, Some(page), paint, out),
        // the reader says the same when the learner types this code
        None => row(out, paint, "Read", &format!("{} is not taught in this course: no page covers it", code.code)),
    }
}

fn class_card(course: &Course, class: StatusClass, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", paint.class(class, &format!("{} {}", class.label(), class.name())))?;
    for code in course.codes.iter().filter(|c| c.class() == class) {
        // Pad before painting: escape sequences have no width.
        let reason = paint.class(class, &format!("{:<30}", format!("{} {}", code.code, code.reason)));
        let meaning = match course.page_for_code(code.code) {
            Some(_) => printable(&code.meaning).into_owned(),
            None => format!("{} (not taught here: no page)", printable(&code.meaning)),
        };
        writeln!(out, "  {reason}  {}", wrapped(&meaning, paint, 34))?;
    }
    writeln!(out, "  {}", paint.dim("status-tutor explain CODE for one of them"))
}

fn name_card(course: &Course, name: &DjangoName, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}  {}", paint.bold(&name.name), paint.dim(name.kind))?;
    writeln!(out, "  {}", wrapped(&printable(&name.summary), paint, 2))?;
    row(out, paint, "Import", &format!("from {} import {}", printable(&name.module), printable(&name.name)))?;
    let others: Vec<String> = course
        .django
        .iter()
        .filter(|d| d.name == name.name && d.module != name.module)
        .map(|d| format!("{}.{}", printable(&d.module), printable(&d.name)))
        .collect();
    if !others.is_empty() {
        row(out, paint, "Also", &format!("{} (explain it by that name)", others.join(", ")))?;
    }
    if let Some(code) = name.status.and_then(|s| course.code(s)) {
        row(out, paint, "Status", &paint.class(code.class(), &format!("{} {}", code.code, code.reason)))?;
    }
    read_row(course, name.page, paint, out)
}

fn read_row(course: &Course, page: Option<usize>, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    match page.and_then(|p| course.pages.get(p)) {
        Some(page) => row(
            out,
            paint,
            "Read",
            &format!("{}  {}", printable(&page.title), paint.dim(&format!("(page {})", page.id))),
        ),
        None => Ok(()),
    }
}

/// `  Label    value`, the value wrapped under itself on a terminal (painted values are short
/// and left whole: their escape sequences have no width).
fn row(out: &mut impl Write, paint: Paint, label: &str, value: &str) -> io::Result<()> {
    writeln!(out, "  {}  {}", paint.dim(&format!("{label:<7}")), wrapped(value, paint, 11))
}

/// `text` wrapped at the terminal's width, continuation lines indented by `indent`
/// columns (the first line is assumed to start there too). Unchanged when piped, and
/// for painted text, whose escape sequences would count as width.
/// Text that is not painted is made printable here, so every card field goes through the
/// sanitiser (painted text was, by `Paint`).
fn wrapped(text: &str, paint: Paint, indent: usize) -> String {
    if text.contains('\x1b') {
        return text.to_string();
    }
    let text = printable(text);
    let Some(width) = paint.width.filter(|w| *w > indent + 20) else {
        return text.into_owned();
    };
    let mut lines = vec![String::new()];
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(current) if current.is_empty() => current.push_str(word),
            Some(current) if current.chars().count() + 1 + word.chars().count() <= width - indent => {
                current.push(' ');
                current.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines.join(&format!("\n{}", " ".repeat(indent)))
}

#[cfg(test)]
mod tests;
