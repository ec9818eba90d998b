//! A check as one line, the way the lessons' "the client receives" panel reads:
//! `POST /articles/ {"title": "Hi"}  -> expected 201 with Location, got 400 {...}`.
//! Shared by the practice screen and `practice check`.
use super::report::CheckResult;
use crate::content::{Exchange, RequestBody};
use crate::sanitize::printable;

/// The request of a check as written in the exercise: method, path, body.
pub fn request_text(check: &Exchange) -> String {
    let r = &check.request;
    let body = match &r.body {
        RequestBody::Empty => String::new(),
        RequestBody::Json(json) => format!(" {json}"),
        RequestBody::Form(fields) => {
            format!(" {}", fields.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("&"))
        }
    };
    format!("{} {}{body}", r.method, r.path)
}

/// "expected 201 with Location" from the check's expectation.
pub fn expected_text(check: &Exchange) -> String {
    let e = &check.expect;
    let mut with: Vec<String> = e.present_headers.clone();
    with.extend(e.headers.iter().map(|(k, v)| format!("{k}: {v}")));
    let mut text = format!("expected {}", e.status);
    if !with.is_empty() {
        text.push_str(&format!(" with {}", with.join(", ")));
    }
    if let Some(json) = &e.json {
        text.push_str(&format!(" {json}"));
    }
    text
}

/// "400 {"error": "title required"}": the status and the start of the body.
pub fn got_text(result: &CheckResult) -> String {
    let status = result.status.map_or("no response".to_string(), |s| s.to_string());
    let body: String = result.body.split_whitespace().collect::<Vec<_>>().join(" ");
    let body: String = body.chars().take(80).collect();
    printable(&format!("{status} {body}")).trim_end().to_string()
}
