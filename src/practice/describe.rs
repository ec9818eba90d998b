//! A check as one line, the way the lessons' "the client receives" panel reads:
//! `POST /articles/ {"title": "Hi"}  -> expected 201 with Location, got 400 {...}`.
//! Shared by the practice screen and `practice check`.
use super::report::CheckResult;
use crate::content::{Asks, Exchange, Exercise, ExerciseKind, Expectation, FieldValue, RequestBody, RowsExpectation};
use crate::sanitize::printable;

/// The heading above an exercise's verdicts.
pub fn verdicts_heading(exercise: &Exercise) -> &'static str {
    match exercise.kind {
        ExerciseKind::View => "Checks",
        ExerciseKind::Tests { .. } => "Your tests against the views",
    }
}

/// Verdict `index` of `exercise` as one line, before a run (`result` None), passed or
/// failed: for a check, the request and what came back; for a test-writing exercise, the
/// view the tests ran against and how they did. Sanitised.
pub fn verdict_text(exercise: &Exercise, index: usize, result: Option<&CheckResult>) -> String {
    if let ExerciseKind::Tests { .. } = exercise.kind {
        return test_verdict_text(index, result);
    }
    let Some(check) = exercise.checks.get(index) else { return String::new() };
    if exercise.asks.hides_status() {
        return chosen_verdict_text(exercise.asks, check, result);
    }
    let expected = expected_text(check);
    match result {
        None => format!("{}  -> {expected}", request_text(check)),
        Some(r) if r.passed => format!("{}  -> {}", printable(&r.request), got_text(r)),
        Some(r) => format!("{}  -> {expected}, got {}", printable(&r.request), got_text(r)),
    }
}

/// A check of an exercise that leaves the status to the learner: nothing of the answer
/// before a run ("-> ? (you choose)"), what was accepted once the view has answered.
fn chosen_verdict_text(asks: Asks, check: &Exchange, result: Option<&CheckResult>) -> String {
    let accepted = format!("accepted: {}", expectation_text(check));
    match result {
        None if asks == Asks::Diagnose => format!("{}  -> ? (you find out)", request_text(check)),
        None => format!("{}  -> ? (you choose)", request_text(check)),
        Some(r) if r.passed => format!("{}  -> {}; {accepted}", printable(&r.request), got_text(r)),
        Some(r) => format!("{}  -> got {}; {accepted}", printable(&r.request), got_text(r)),
    }
}

fn test_verdict_text(index: usize, result: Option<&CheckResult>) -> String {
    let view = if index == 0 { "the right view".to_string() } else { format!("wrong view {index}") };
    let Some(r) = result else {
        let want = if index == 0 { "every test passes" } else { "a test fails" };
        return format!("your tests against {view}  -> expected: {want}");
    };
    let (ran, failed) = r.tests.as_ref().map_or((0, &[][..]), |t| (t.ran, t.failed.as_slice()));
    let said = match (index, r.passed) {
        (0, true) if ran == 1 => "its one test passes".to_string(),
        (0, true) => format!("all {ran} tests pass"),
        (0, false) if failed.is_empty() => "not run".to_string(),
        (0, false) => format!("{} of {ran} tests fail", failed.len()),
        (_, true) => format!("caught by {}", failed.join(", ")),
        (_, false) if ran == 0 => "not run".to_string(),
        (_, false) => "survived: no test failed".to_string(),
    };
    printable(&format!("your tests against {view}  -> {said}")).into_owned()
}

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

/// "expected 201 with Location" from the check's expectation; a check with several
/// accepted statuses lists each with what only it carries: "expected 200 {...} or 204".
pub fn expected_text(check: &Exchange) -> String {
    format!("expected {}", expectation_text(check))
}

/// "201 with Location, Article: 1 row(s)": the statuses and what the response must carry.
fn expectation_text(check: &Exchange) -> String {
    let e = &check.expect;
    let answers: Vec<String> = if e.accepted.is_empty() {
        vec![e.status.to_string()]
    } else {
        e.accepted.iter().map(|a| format!("{}{}", a.status, carried_text(&a.extra))).collect()
    };
    // then what every accepted answer carries
    let mut text = format!("{}{}", one_of(&answers), carried_text(e));
    if e.signal == Some(true) || e.exception.is_some() {
        text.push_str(" from an error Django handles");
    }
    for rows in &e.db {
        text.push_str(&format!(", {}", rows_text(rows)));
    }
    text
}

/// The headers and body a response must have: " with Location {...}".
fn carried_text(e: &Expectation) -> String {
    let mut with: Vec<String> = e.present_headers.clone();
    with.extend(e.headers.iter().map(|(k, v)| format!("{k}: {v}")));
    let mut text = String::new();
    if !with.is_empty() {
        text.push_str(&format!(" with {}", with.join(", ")));
    }
    if let Some(json) = &e.json {
        text.push_str(&format!(" {json}"));
    }
    if e.body_empty {
        text.push_str(" and no body");
    }
    text
}

/// "400", "400 or 422", "400, 409 or 422".
pub fn one_of(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

/// The trade-off of the accepted status the learner's view chose, as a line under its
/// verdict: "you chose 422: ..." (or "why 409: ..." where it was the one answer). None when
/// the check says nothing about it. Sanitised.
pub fn chosen_text(exercise: &Exercise, result: &CheckResult) -> Option<String> {
    let chosen = result.chosen.as_ref().filter(|c| !c.why.trim().is_empty())?;
    let several = exercise.checks.get(result.index).is_some_and(|c| c.expect.statuses().len() > 1);
    let said = if several { "you chose" } else { "why" };
    Some(printable(&format!("{said} {}: {}", chosen.status, chosen.why.trim())).into_owned())
}

/// "Article rows: 1, unchanged": what a check states about one model's rows.
fn rows_text(rows: &RowsExpectation) -> String {
    let mut said = Vec::new();
    if let Some(count) = rows.count {
        said.push(format!("{count} row(s)"));
    }
    if rows.unchanged {
        said.push("unchanged".to_string());
    }
    let fields = |row: &[(String, FieldValue)]| {
        let shown: Vec<String> = row
            .iter()
            .map(|(k, v)| match v {
                FieldValue::Text(t) => format!("{k}=\"{t}\""),
                FieldValue::Integer(n) => format!("{k}={n}"),
                FieldValue::Bool(b) => format!("{k}={b}"),
            })
            .collect();
        shown.join(" ")
    };
    said.extend(rows.rows.iter().map(|r| format!("a row {}", fields(r))));
    said.extend(rows.absent.iter().map(|r| format!("no row {}", fields(r))));
    format!("{}: {}", rows.model, said.join(", "))
}

/// "400 {"error": "title required"}": the status and the start of the body.
pub fn got_text(result: &CheckResult) -> String {
    let status = result.status.map_or("no response".to_string(), |s| s.to_string());
    let body = match html_title(&result.body) {
        // Django's error pages: the title says it all, the markup only adds noise.
        Some(title) => format!("(an HTML page: \"{title}\")"),
        None => result.body.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(80).collect(),
    };
    printable(&format!("{status} {body}")).trim_end().to_string()
}

/// The `<title>` of a body that is an HTML page.
fn html_title(body: &str) -> Option<String> {
    let lower = body.trim_start().to_ascii_lowercase();
    if !(lower.starts_with("<!doctype html") || lower.starts_with("<html")) {
        return None;
    }
    let start = lower.find("<title>")? + "<title>".len();
    let end = start + lower.get(start..)?.find("</title>")?;
    let offset = body.len() - body.trim_start().len();
    let title = body.get(offset + start..offset + end)?.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An anonymous request with no body, headers or setup rows.
    fn anonymous(method: &str, path: &str) -> crate::content::ClientRequest {
        crate::content::ClientRequest {
            method: method.into(),
            path: path.into(),
            user: crate::content::Client::Anonymous,
            headers: vec![],
            body: RequestBody::Empty,
            csrf_token: false,
            setup: vec![],
        }
    }

    fn result(status: u16, body: &str) -> CheckResult {
        let json = serde_json::json!({"index": 0, "request": "GET /", "passed": false, "status": status, "body": body});
        serde_json::from_value(json).expect("check result")
    }

    #[test]
    fn a_django_error_page_is_shown_by_its_title_and_json_as_it_is() {
        let page = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <title>Server Error (500)</title>\n</head";
        assert_eq!(got_text(&result(500, page)), "500 (an HTML page: \"Server Error (500)\")");
        assert_eq!(got_text(&result(400, "{\"error\":\n \"title required\"}")), "400 {\"error\": \"title required\"}");
        assert_eq!(got_text(&result(200, "<html><body>no title")), "200 <html><body>no title");
        assert_eq!(got_text(&result(200, "bell \u{7}")), "200 bell \\u{7}");
    }

    #[test]
    fn a_test_writing_verdict_says_how_the_tests_did_against_that_view() {
        let verdict = |index: usize, passed: bool, ran: u32, failed: &[&str]| -> CheckResult {
            let json = serde_json::json!({"index": index, "request": "x", "passed": passed,
                "tests": {"ran": ran, "failed": failed}});
            serde_json::from_value(json).expect("verdict")
        };
        assert_eq!(test_verdict_text(0, None), "your tests against the right view  -> expected: every test passes");
        assert_eq!(test_verdict_text(2, None), "your tests against wrong view 2  -> expected: a test fails");
        assert_eq!(
            test_verdict_text(0, Some(&verdict(0, true, 3, &[]))),
            "your tests against the right view  -> all 3 tests pass"
        );
        assert_eq!(
            test_verdict_text(0, Some(&verdict(0, false, 3, &["T.test_a"]))),
            "your tests against the right view  -> 1 of 3 tests fail"
        );
        assert_eq!(
            test_verdict_text(1, Some(&verdict(1, true, 3, &["T.test_a", "T.test_b"]))),
            "your tests against wrong view 1  -> caught by T.test_a, T.test_b"
        );
        assert_eq!(
            test_verdict_text(1, Some(&verdict(1, false, 3, &[]))),
            "your tests against wrong view 1  -> survived: no test failed"
        );
    }

    #[test]
    fn a_check_with_several_answers_lists_each_with_its_own_body_then_what_all_carry() {
        use crate::content::AcceptedStatus;
        let answer = |status: u16, json: Option<&str>| AcceptedStatus {
            status,
            why: format!("why {status}"),
            extra: Expectation { status, json: json.map(String::from), ..Expectation::default() },
        };
        let mut check = Exchange {
            request: anonymous("PUT", "/a/1/"),
            expect: Expectation {
                status: 200,
                accepted: vec![answer(200, Some("{\"title\": \"Hi\"}")), answer(204, None)],
                absent_headers: vec![],
                present_headers: vec!["ETag".into()],
                ..Expectation::default()
            },
        };
        assert_eq!(expected_text(&check), "expected 200 {\"title\": \"Hi\"} or 204 with ETag");
        check.expect.accepted.push(answer(205, None));
        check.expect.present_headers.clear();
        assert_eq!(expected_text(&check), "expected 200 {\"title\": \"Hi\"}, 204 or 205");
    }

    #[test]
    fn the_chosen_status_is_shown_with_its_trade_off_sanitised() {
        use crate::content::AcceptedStatus;
        let answer = |status: u16| AcceptedStatus { status, why: "w".into(), ..AcceptedStatus::default() };
        let request = anonymous("POST", "/");
        let expect = Expectation { status: 422, accepted: vec![answer(422), answer(400)], ..Expectation::default() };
        let one = Expectation { status: 409, accepted: vec![answer(409)], ..Expectation::default() };
        let exercise = Exercise {
            id: "x".into(),
            title: "x".into(),
            page: 0,
            task: String::new(),
            starter: String::new(),
            solution: String::new(),
            hints: vec![],
            models: vec![],
            urls: vec![],
            checks: vec![Exchange { request: request.clone(), expect }, Exchange { request, expect: one }],
            settings: vec![],
            kind: ExerciseKind::View,
            asks: Asks::Write,
            difficulty: crate::content::Difficulty::Core,
        };
        let mut r = result(422, "{}");
        assert_eq!(chosen_text(&exercise, &r), None);
        r.chosen = Some(crate::practice::report::Chosen { status: 422, why: " precise \u{1b}[2J".into() });
        assert_eq!(chosen_text(&exercise, &r).as_deref(), Some("you chose 422: precise \\u{1b}[2J"));
        r.index = 1;
        r.chosen = Some(crate::practice::report::Chosen { status: 409, why: "the state clashes".into() });
        assert_eq!(chosen_text(&exercise, &r).as_deref(), Some("why 409: the state clashes"));
        r.chosen = Some(crate::practice::report::Chosen { status: 400, why: "  ".into() });
        assert_eq!(chosen_text(&exercise, &r), None);
    }

    #[test]
    fn a_check_left_to_the_learner_hides_its_statuses_until_a_run_then_says_what_was_accepted() {
        use crate::content::{AcceptedStatus, ClientRequest};
        let answer = |status: u16| AcceptedStatus { status, why: "w".into(), ..AcceptedStatus::default() };
        let check = Exchange {
            request: ClientRequest {
                body: RequestBody::Json("{\"name\": \"\"}".into()),
                ..anonymous("POST", "/api/products/")
            },
            expect: Expectation {
                status: 422,
                accepted: vec![answer(422), answer(400)],
                headers: vec![("Accept".into(), "application/json".into())],
                ..Expectation::default()
            },
        };
        let before = chosen_verdict_text(Asks::Choose, &check, None);
        assert_eq!(before, "POST /api/products/ {\"name\": \"\"}  -> ? (you choose)");
        assert_eq!(
            chosen_verdict_text(Asks::Diagnose, &check, None),
            "POST /api/products/ {\"name\": \"\"}  -> ? (you find out)"
        );
        let mut r = result(400, "{}");
        r.request = "POST /api/products/".into();
        r.passed = true;
        assert_eq!(
            chosen_verdict_text(Asks::Choose, &check, Some(&r)),
            "POST /api/products/  -> 400 {}; accepted: 422 or 400 with Accept: application/json"
        );
        r.passed = false;
        r.status = Some(201);
        assert_eq!(
            chosen_verdict_text(Asks::Choose, &check, Some(&r)),
            "POST /api/products/  -> got 201 {}; accepted: 422 or 400 with Accept: application/json"
        );
        // an exercise that names its statuses keeps saying what it expects before a run
        assert_eq!(
            expected_text(&check),
            "expected 422 or 400 with Accept: application/json",
            "the same words follow `expected`"
        );
    }

    #[test]
    fn the_expectation_names_the_rows_and_the_signal_it_checks() {
        use crate::content::Expectation;
        let check = Exchange {
            request: anonymous("POST", "/p/"),
            expect: Expectation {
                status: 409,
                headers: vec![("Allow".into(), "POST".into())],
                signal: Some(true),
                db: vec![
                    RowsExpectation { model: "Product".into(), unchanged: true, ..RowsExpectation::default() },
                    RowsExpectation {
                        model: "Article".into(),
                        count: Some(1),
                        rows: vec![vec![
                            ("id".into(), FieldValue::Integer(1)),
                            ("title".into(), FieldValue::Text("Hi".into())),
                        ]],
                        absent: vec![vec![("draft".into(), FieldValue::Bool(true))]],
                        ..RowsExpectation::default()
                    },
                ],
                ..Expectation::default()
            },
        };
        assert_eq!(
            expected_text(&check),
            "expected 409 with Allow: POST from an error Django handles, Product: unchanged, \
             Article: 1 row(s), a row id=1 title=\"Hi\", no row draft=true"
        );
    }
}
