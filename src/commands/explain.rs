//! `status-tutor explain`: a compact card for a code, a class or a Django name.
use super::paint::Paint;
use crate::content::{Course, DjangoName, StatusClass, StatusCode};
use crate::sanitize::printable;
use std::io::{self, Write};

/// What a query names, once matched against the course.
#[derive(Debug, PartialEq)]
pub enum Subject<'a> {
    Code(&'a StatusCode),
    Class(StatusClass),
    Name(&'a DjangoName),
}

/// Finds what `query` names: a code (`404`), a class (`4xx`), a Django name
/// (`login_required`, `@login_required`, `redirect()`), an HTTPStatus name or a reason phrase.
pub fn find<'a>(course: &'a Course, query: &str) -> Result<Subject<'a>, String> {
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
    Err(format!(
        "`{query}` is not a status code, class or Django name this course teaches.{}",
        closest(course, &wanted)
    ))
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
fn closest(course: &Course, wanted: &str) -> String {
    let wanted = wanted.to_lowercase();
    let mut candidates: Vec<(usize, String)> = course
        .django
        .iter()
        .map(|d| d.name.clone())
        .chain(course.codes.iter().map(|c| c.http_status.clone()))
        .filter_map(|name| {
            let lower = name.to_lowercase();
            let distance = strsim::levenshtein(&wanted, &lower);
            // Close in spelling, or one contains the other ("gone" -> HttpResponseGone).
            let related = lower.contains(&wanted) || wanted.contains(&lower);
            (related || distance <= (name.len() / 2).max(2)).then_some((distance, name))
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
    }
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
    read_row(course, code.page.or_else(|| course.page_for_code(code.code)), paint, out)
}

fn class_card(course: &Course, class: StatusClass, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}", paint.class(class, &format!("{} {}", class.label(), class.name())))?;
    for code in course.codes.iter().filter(|c| c.class() == class) {
        // Pad before painting: escape sequences have no width.
        let reason = paint.class(class, &format!("{:<30}", format!("{} {}", code.code, code.reason)));
        writeln!(out, "  {reason}  {}", printable(&code.meaning))?;
    }
    writeln!(out, "  {}", paint.dim("status-tutor explain CODE for one of them"))
}

fn name_card(course: &Course, name: &DjangoName, paint: Paint, out: &mut impl Write) -> io::Result<()> {
    writeln!(out, "{}  {}", paint.bold(&name.name), paint.dim(name.kind))?;
    writeln!(out, "  {}", wrapped(&printable(&name.summary), paint, 2))?;
    row(out, paint, "Import", &format!("from {} import {}", printable(&name.module), printable(&name.name)))?;
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
fn wrapped(text: &str, paint: Paint, indent: usize) -> String {
    let Some(width) = paint.width.filter(|w| *w > indent + 20 && !text.contains('\x1b')) else {
        return text.to_string();
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
mod tests {
    use super::{Paint, wrapped};

    #[test]
    fn rows_wrap_at_the_terminal_width_under_themselves() {
        let mut paint = Paint::plain();
        paint.width = Some(40);
        let text = "HttpResponseNotFound (class), get_object_or_404 (shortcut), Http404 (exception)";
        let out = wrapped(text, paint, 11);
        assert!(out.lines().all(|l| l.trim_start().chars().count() <= 29), "{out}");
        assert!(out.lines().skip(1).all(|l| l.starts_with(&" ".repeat(11))), "{out}");
        assert_eq!(out.split_whitespace().collect::<Vec<_>>(), text.split_whitespace().collect::<Vec<_>>());
    }

    #[test]
    fn piped_output_is_never_wrapped() {
        assert_eq!(wrapped("a long line", Paint::plain(), 11), "a long line");
    }
}
