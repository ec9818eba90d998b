//! The exchanges tests/django proves for a code sample, shown under its "the client
//! receives" panel: one line each when folded, every detail when expanded (`v`).
use super::document::Document;
use super::text::{plain, wrap};
use crate::content::{Client, Course, Exchange, RequestBody};
use crate::theme::Theme;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// The lines for `exchanges` at `width` columns; none when the sample proves nothing by request.
pub fn lines(
    course: &Course,
    exchanges: &[Exchange],
    width: usize,
    expanded: bool,
    theme: &Theme,
) -> Vec<Line<'static>> {
    if exchanges.is_empty() {
        return Vec::new();
    }
    let hint = if expanded { "v: fold" } else { "v: details" };
    let heading = format!("verified against a real Django: {} request(s) · {hint}", exchanges.len());
    let mut out = vec![Line::styled(truncate(&heading, width), theme.dim)];
    for exchange in exchanges {
        if expanded {
            out.extend(details(course, exchange, width, theme));
        } else {
            out.push(folded(course, exchange, width, theme));
        }
    }
    out
}

/// For a sample made of test classes: which ones tests/django runs (and they pass).
pub fn tests(classes: &[String], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    if classes.is_empty() {
        return Vec::new();
    }
    let text = format!("verified: tests/django runs {} against a real Django, and they pass", classes.join(", "));
    wrap(&[Span::styled(text, theme.dim)], width, vec![], vec![Span::raw("  ")])
}

/// `✓ POST /articles/ · user → 201 Created · Location: /articles/1/`, cut to one line.
fn folded(course: &Course, exchange: &Exchange, width: usize, theme: &Theme) -> Line<'static> {
    let request = &exchange.request;
    let mut spans = vec![
        // The mark says "checked and right": the colour of right, whatever the status.
        Span::styled("  ✓ ", theme.right),
        Span::styled(format!("{} {}", request.method, request.path), theme.text),
    ];
    if request.user != Client::Anonymous {
        spans.push(Span::styled(format!(" · {}", user(request.user)), theme.dim));
    }
    if request.csrf_token {
        spans.push(Span::styled(" · CSRF token", theme.dim));
    }
    // what tells this request from its neighbours: the headers it sends, and a JSON body
    for (name, value) in &request.headers {
        spans.push(Span::styled(format!(" · {name}: {value}"), theme.dim));
    }
    if let RequestBody::Json(json) = &request.body {
        spans.push(Span::styled(format!(" · {json}"), theme.dim));
    }
    spans.push(Span::styled(" → ", theme.dim));
    spans.push(Span::styled(status_text(course, exchange.expect.status), theme.status(exchange.expect.status)));
    for (name, value) in &exchange.expect.headers {
        spans.push(Span::styled(format!(" · {name}: {value}"), theme.dim));
    }
    for name in &exchange.expect.absent_headers {
        spans.push(Span::styled(format!(" · no {name}"), theme.dim));
    }
    Line::from(cut(spans, width))
}

/// The request as sent and everything the harness checks on the answer, wrapped.
fn details(course: &Course, exchange: &Exchange, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let request = &exchange.request;
    let expect = &exchange.expect;
    let status = theme.status(expect.status);
    let mut out = wrap(
        &[
            Span::styled(format!("{} {}", request.method, request.path), theme.text),
            Span::styled(" → ", theme.dim),
            Span::styled(status_text(course, expect.status), status),
        ],
        width,
        vec![Span::styled("  ✓ ", theme.right)],
        vec![Span::raw("      ")],
    );
    let mut rows: Vec<(&str, String)> = Vec::new();
    let mut who = user(request.user).to_string();
    if request.csrf_token {
        who.push_str(", with a CSRF token");
    }
    rows.push(("as", who));
    if !request.setup.is_empty() {
        rows.push(("rows", request.setup.join(", ")));
    }
    for (name, value) in &request.headers {
        rows.push(("sends", format!("{name}: {value}")));
    }
    match &request.body {
        RequestBody::Empty => {}
        RequestBody::Form(fields) => {
            let form: Vec<String> = fields.iter().map(|(k, v)| format!("{k}={v}")).collect();
            rows.push(("form", form.join("&")));
        }
        RequestBody::Json(json) => rows.push(("json", json.clone())),
    }
    for (name, value) in &expect.headers {
        rows.push(("header", format!("{name}: {value}")));
    }
    for name in &expect.present_headers {
        rows.push(("header", format!("{name} (any value)")));
    }
    for name in &expect.absent_headers {
        rows.push(("no header", name.clone()));
    }
    if let Some(json) = &expect.json {
        rows.push((if expect.json_exact { "body is" } else { "body has" }, json.clone()));
    }
    if expect.body_empty {
        rows.push(("body", "empty".to_string()));
    }
    for text in &expect.body_contains {
        rows.push(("body has", format!("\"{text}\"")));
    }
    for (label, value) in rows {
        let first = vec![Span::raw("      "), Span::styled(format!("{label}: "), theme.dim)];
        out.extend(wrap(&[Span::styled(value, theme.text)], width, first, vec![Span::raw("        ")]));
    }
    out
}

/// A line of a document named by its text and which occurrence of that text it is (box
/// borders repeat), so it can be found again after the layout changed.
pub struct Anchor {
    text: String,
    nth: usize,
}

pub fn anchor(doc: &Document, line: usize) -> Option<Anchor> {
    let text = plain(&doc.lines.get(line)?.spans);
    let nth = doc.lines[..line].iter().filter(|l| plain(&l.spans) == text).count();
    Some(Anchor { text, nth })
}

/// Where the anchored line is now; None when it is gone (a folded line that expanded).
pub fn find_anchor(doc: &Document, anchor: &Anchor) -> Option<usize> {
    (0..doc.lines.len()).filter(|&i| plain(&doc.lines[i].spans) == anchor.text).nth(anchor.nth)
}

fn user(client: Client) -> &'static str {
    match client {
        Client::Anonymous => "anonymous",
        Client::User => "logged-in user",
        Client::Staff => "staff user",
    }
}

fn status_text(course: &Course, status: u16) -> String {
    match course.code(status) {
        Some(code) => format!("{status} {}", code.reason),
        None => status.to_string(),
    }
}

fn truncate(text: &str, width: usize) -> String {
    let line = cut(vec![Span::raw(text.to_string())], width);
    line.into_iter().map(|s| s.content.into_owned()).collect()
}

/// Keeps the spans that fit in `width` columns; the last visible character becomes `…`
/// when something was cut.
fn cut(spans: Vec<Span<'static>>, width: usize) -> Vec<Span<'static>> {
    let total: usize = spans.iter().map(Span::width).sum();
    if total <= width {
        return spans;
    }
    let room = width.saturating_sub(1);
    let mut used = 0;
    let mut out = Vec::new();
    for span in spans {
        let mut text = String::new();
        for c in span.content.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > room {
                break;
            }
            text.push(c);
            used += w;
        }
        let full = text.chars().count() == span.content.chars().count();
        out.push(Span::styled(text, span.style));
        if !full {
            break;
        }
    }
    out.push(Span::raw("…"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::ThemeName;
    use crate::content::{ClientRequest, Expectation};
    use crate::theme::Theme;

    fn exchange(path: &str, status: u16, headers: &[(&str, &str)]) -> Exchange {
        Exchange {
            request: ClientRequest {
                method: "POST".to_string(),
                path: path.to_string(),
                user: Client::User,
                headers: vec![("Content-Type".to_string(), "text/plain".to_string())],
                body: RequestBody::Json("{\"title\": \"Hello\"}".to_string()),
                csrf_token: true,
                setup: vec!["article".to_string()],
            },
            expect: Expectation {
                status,
                headers: headers.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
                present_headers: vec![],
                absent_headers: vec!["WWW-Authenticate".to_string()],
                json: Some("{\"id\": 1}".to_string()),
                body_contains: vec![],
                ..Expectation::default()
            },
        }
    }

    fn text(lines: &[Line<'_>]) -> Vec<String> {
        lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect()
    }

    fn course() -> Course {
        crate::content::load(&crate::content::embedded::files()).expect("the built-in course loads").course
    }

    #[test]
    fn folded_is_one_line_per_exchange_within_the_width() {
        let theme = Theme::new(ThemeName::Dark, true);
        let course = course();
        let exchanges = vec![
            exchange("/articles/", 201, &[("Location", "/articles/1/")]),
            exchange(&format!("/{}/", "long".repeat(30)), 415, &[]),
        ];
        let wide = text(&lines(&course, &exchanges, 200, false, &theme));
        assert_eq!(wide.len(), 3, "{wide:#?}");
        assert_eq!(
            wide[1],
            "  ✓ POST /articles/ · logged-in user · CSRF token · Content-Type: text/plain · {\"title\": \"Hello\"} → 201 Created · Location: /articles/1/ · no WWW-Authenticate"
        );
        let narrow = lines(&course, &exchanges, 60, false, &theme);
        let shown = text(&narrow);
        assert_eq!(shown.len(), 3, "{shown:#?}");
        assert!(shown[1].ends_with('…') && shown[2].ends_with('…'), "{shown:#?}");
        assert!(narrow.iter().all(|l| l.width() <= 60), "{shown:#?}");
    }

    #[test]
    fn expanded_shows_what_is_sent_and_every_check() {
        let theme = Theme::new(ThemeName::Dark, true);
        let course = course();
        let exchanges = vec![exchange("/articles/", 201, &[("Location", "/articles/1/")])];
        let shown = text(&lines(&course, &exchanges, 50, true, &theme)).join("\n");
        for expected in [
            "as: logged-in user, with a CSRF token",
            "rows: article",
            "sends: Content-Type: text/plain",
            "json: {\"title\": \"Hello\"}",
            "header: Location: /articles/1/",
            "no header: WWW-Authenticate",
            "body has: {\"id\": 1}",
        ] {
            assert!(shown.contains(expected), "missing {expected:?} in\n{shown}");
        }
    }

    #[test]
    fn nothing_for_a_sample_without_requests() {
        let theme = Theme::new(ThemeName::Dark, true);
        assert!(lines(&course(), &[], 80, true, &theme).is_empty());
    }
}
