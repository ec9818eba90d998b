//! The job the checker reads on stdin: an exercise's routes and checks, and the learner's file.
//! A test-writing exercise's job carries its views instead of checks, and the learner's file
//! is a test module (`test_file`).
use crate::content::{
    AcceptedStatus, Client, Exchange, Exercise, ExerciseKind, Expectation, FieldValue, RequestBody, RowsExpectation,
    WrongView,
};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use std::path::Path;

/// The job format version the shipped checker reads (its `JOB_VERSION`): 2 added
/// `json_exact`, `body_empty`, `signal`, `exception` and `db` to `expect`; 3 added `kind`
/// ("view" or "tests", with `test_file`, `right_view` and `wrong_views`) and `settings`;
/// 4 made `expect.status` the list of accepted statuses and added `expect.accepted` (each
/// status's `why` and what only it must carry).
pub const JOB_VERSION: u32 = 4;

/// The job as the checker reads it on stdin (the runner's `Job` carries it as JSON).
#[derive(Debug, Serialize)]
struct JobFile<'a> {
    version: u32,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    view_file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    test_file: Option<String>,
    models: &'a [String],
    urls: Vec<[&'a str; 2]>,
    settings: Settings<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    checks: Option<Vec<Check<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    right_view: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    wrong_views: Option<&'a [WrongView]>,
}

/// Settings by name, each value the JSON it was stored as.
#[derive(Debug)]
struct Settings<'a>(&'a [(String, String)]);

impl Serialize for Settings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, json) in self.0 {
            let value: serde_json::Value = serde_json::from_str(json).unwrap_or_default();
            map.serialize_entry(name, &value)?;
        }
        map.end()
    }
}

#[derive(Debug, Serialize)]
struct Check<'a> {
    method: &'a str,
    path: &'a str,
    user: &'static str,
    headers: Pairs<'a>,
    form: Option<Pairs<'a>>,
    json: Option<&'a str>,
    csrf_token: bool,
    setup: &'a [String],
    expect: Expect<'a>,
}

#[derive(Debug, Serialize)]
struct Expect<'a> {
    /// Every status that passes; any one of them.
    status: Vec<u16>,
    accepted: Vec<Accepted<'a>>,
    #[serde(flatten)]
    response: Response<'a>,
    signal: Option<bool>,
    exception: Option<&'a str>,
    db: Vec<Rows<'a>>,
}

/// One accepted status: its trade-off and what the response must carry when it is this one.
#[derive(Debug, Serialize)]
struct Accepted<'a> {
    status: u16,
    why: &'a str,
    #[serde(flatten)]
    response: Response<'a>,
}

/// What the response must carry, for the check as a whole and for each accepted status
/// (the same fields in the JSON at both places).
#[derive(Debug, Serialize)]
struct Response<'a> {
    headers: Pairs<'a>,
    present_headers: &'a [String],
    absent_headers: &'a [String],
    json: Option<&'a str>,
    json_exact: bool,
    body_contains: &'a [String],
    body_empty: bool,
}

fn response(e: &Expectation) -> Response<'_> {
    Response {
        headers: Pairs(&e.headers),
        present_headers: &e.present_headers,
        absent_headers: &e.absent_headers,
        json: e.json.as_deref(),
        json_exact: e.json_exact,
        body_contains: &e.body_contains,
        body_empty: e.body_empty,
    }
}

fn accepted(a: &AcceptedStatus) -> Accepted<'_> {
    Accepted { status: a.status, why: &a.why, response: response(&a.extra) }
}

#[derive(Debug, Serialize)]
struct Rows<'a> {
    model: &'a str,
    count: Option<u32>,
    unchanged: bool,
    rows: Vec<Fields<'a>>,
    absent: Vec<Fields<'a>>,
}

/// A row's (column, value) pairs as a JSON object: `{"id": 1, "title": "Hi"}`.
#[derive(Debug)]
struct Fields<'a>(&'a [(String, FieldValue)]);

impl Serialize for Fields<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (column, value) in self.0 {
            match value {
                FieldValue::Text(text) => map.serialize_entry(column, text)?,
                FieldValue::Integer(n) => map.serialize_entry(column, n)?,
                FieldValue::Bool(b) => map.serialize_entry(column, b)?,
            }
        }
        map.end()
    }
}

fn rows(expect: &RowsExpectation) -> Rows<'_> {
    Rows {
        model: &expect.model,
        count: expect.count,
        unchanged: expect.unchanged,
        rows: expect.rows.iter().map(|r| Fields(r)).collect(),
        absent: expect.absent.iter().map(|r| Fields(r)).collect(),
    }
}

/// (name, value) pairs written as a JSON object in their order (form fields keep theirs).
#[derive(Debug)]
struct Pairs<'a>(&'a [(String, String)]);

impl Serialize for Pairs<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

fn user(client: Client) -> &'static str {
    match client {
        Client::Anonymous => "anonymous",
        Client::User => "user",
        Client::Staff => "staff",
    }
}

fn check(exchange: &Exchange) -> Check<'_> {
    let request = &exchange.request;
    let expect = &exchange.expect;
    let (form, json) = match &request.body {
        RequestBody::Empty => (None, None),
        RequestBody::Form(fields) => (Some(Pairs(fields)), None),
        RequestBody::Json(text) => (None, Some(text.as_str())),
    };
    Check {
        method: &request.method,
        path: &request.path,
        user: user(request.user),
        headers: Pairs(&request.headers),
        form,
        json,
        csrf_token: request.csrf_token,
        setup: &request.setup,
        expect: Expect {
            status: expect.statuses(),
            accepted: expect.accepted.iter().map(accepted).collect(),
            response: response(expect),
            signal: expect.signal,
            exception: expect.exception.as_deref(),
            db: expect.db.iter().map(rows).collect(),
        },
    }
}

/// The job JSON for running `exercise`'s checks against the learner's `view_file`
/// (an absolute path is best: the checker runs with the workspace as its directory).
/// For a test-writing exercise, `view_file` is the learner's test module.
pub fn job_json(exercise: &Exercise, view_file: &Path) -> String {
    let file = Some(view_file.to_string_lossy().into_owned());
    let mut job = JobFile {
        version: JOB_VERSION,
        kind: "view",
        view_file: None,
        test_file: None,
        models: &exercise.models,
        urls: exercise.urls.iter().map(|(route, view)| [route.as_str(), view.as_str()]).collect(),
        settings: Settings(&exercise.settings),
        checks: None,
        right_view: None,
        wrong_views: None,
    };
    match &exercise.kind {
        ExerciseKind::View => {
            job.view_file = file;
            job.checks = Some(exercise.checks.iter().map(check).collect());
        }
        ExerciseKind::Tests { right_view, wrong_views } => {
            job.kind = "tests";
            job.test_file = file;
            job.right_view = Some(right_view);
            job.wrong_views = Some(wrong_views);
        }
    }
    // Strings, numbers, bools and maps with string keys: serialising cannot fail.
    serde_json::to_string(&job).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{AcceptedStatus, ClientRequest, Expectation};
    use serde_json::{Value, json};

    fn exercise() -> Exercise {
        let exchange = |body, user, csrf_token| Exchange {
            request: ClientRequest {
                method: "POST".into(),
                path: "/articles/".into(),
                user,
                headers: vec![("If-Match".into(), "\"v1\"".into())],
                body,
                csrf_token,
                setup: vec!["article".into()],
            },
            expect: Expectation {
                status: 201,
                accepted: vec![],
                headers: vec![("Allow".into(), "GET, HEAD".into())],
                present_headers: vec!["Location".into()],
                absent_headers: vec![],
                json: Some("{\"title\": \"Hi\"}".into()),
                json_exact: true,
                body_contains: vec!["Hi".into()],
                body_empty: false,
                signal: Some(false),
                exception: None,
                db: vec![RowsExpectation {
                    model: "Article".into(),
                    count: Some(1),
                    unchanged: false,
                    rows: vec![vec![
                        ("id".into(), FieldValue::Integer(1)),
                        ("title".into(), FieldValue::Text("Hi".into())),
                    ]],
                    absent: vec![vec![("title".into(), FieldValue::Text("".into()))]],
                }],
            },
        };
        Exercise {
            id: "created".into(),
            title: "201".into(),
            page: 0,
            task: String::new(),
            starter: String::new(),
            solution: String::new(),
            hints: vec![],
            difficulty: crate::content::Difficulty::Core,
            models: vec!["Article".into()],
            urls: vec![("articles/".into(), "create_article".into())],
            checks: vec![
                exchange(RequestBody::Json("{\"title\": \"Hi\"}".into()), Client::Staff, true),
                exchange(
                    RequestBody::Form(vec![("z".into(), "1".into()), ("a".into(), "2".into())]),
                    Client::Anonymous,
                    false,
                ),
            ],
            settings: vec![("REST_FRAMEWORK".into(), "{\"PAGE_SIZE\": 2}".into())],
            kind: ExerciseKind::View,
            asks: crate::content::Asks::Write,
        }
    }

    #[test]
    fn the_job_has_the_protocol_shape() {
        let job: Value = serde_json::from_str(&job_json(&exercise(), Path::new("/w/exercises/07.py"))).expect("json");
        assert_eq!(job["version"], JOB_VERSION);
        assert_eq!(job["kind"], "view");
        assert_eq!(job["view_file"], "/w/exercises/07.py");
        assert_eq!(job["settings"], json!({"REST_FRAMEWORK": {"PAGE_SIZE": 2}}));
        assert_eq!(job.get("test_file"), None);
        assert_eq!(job["urls"], json!([["articles/", "create_article"]]));
        assert_eq!(job["models"], json!(["Article"]));
        let first = &job["checks"][0];
        assert_eq!(first["user"], "staff");
        assert_eq!(first["json"], "{\"title\": \"Hi\"}");
        assert_eq!(first["form"], Value::Null);
        assert_eq!(first["csrf_token"], true);
        assert_eq!(first["headers"], json!({"If-Match": "\"v1\""}));
        assert_eq!(first["setup"], json!(["article"]));
        assert_eq!(
            first["expect"],
            json!({"status": [201], "accepted": [], "headers": {"Allow": "GET, HEAD"}, "present_headers": ["Location"],
                   "absent_headers": [], "json": "{\"title\": \"Hi\"}", "json_exact": true,
                   "body_contains": ["Hi"], "body_empty": false, "signal": false, "exception": null,
                   "db": [{"model": "Article", "count": 1, "unchanged": false,
                           "rows": [{"id": 1, "title": "Hi"}], "absent": [{"title": ""}]}]})
        );
        assert_eq!(job["checks"][1]["user"], "anonymous");
        assert_eq!(job["checks"][1]["json"], Value::Null);
    }

    #[test]
    fn a_test_writing_job_names_the_test_file_and_carries_the_views_not_checks() {
        let mut ex = exercise();
        ex.checks.clear();
        ex.kind = ExerciseKind::Tests {
            right_view: "def create_article(request): ...".into(),
            wrong_views: vec![WrongView {
                description: "answers 200".into(),
                source: "def create_article(r): 1".into(),
            }],
        };
        let job: Value = serde_json::from_str(&job_json(&ex, Path::new("/w/exercises/19.py"))).expect("json");
        assert_eq!(job["kind"], "tests");
        assert_eq!(job["test_file"], "/w/exercises/19.py");
        assert_eq!(job.get("view_file"), None);
        assert_eq!(job.get("checks"), None);
        assert_eq!(job["right_view"], "def create_article(request): ...");
        assert_eq!(job["wrong_views"], json!([{"description": "answers 200", "source": "def create_article(r): 1"}]));
        assert_eq!(job["urls"], json!([["articles/", "create_article"]]));
    }

    #[test]
    fn a_check_with_several_answers_sends_each_with_its_why_and_its_own_body() {
        let mut ex = exercise();
        let expect = &mut ex.checks[0].expect;
        expect.status = 200;
        let extra = Expectation { status: 200, json: Some("{\"title\": \"Hi\"}".into()), ..Expectation::default() };
        expect.accepted = vec![
            AcceptedStatus { status: 200, why: "the saved title back".into(), extra },
            AcceptedStatus {
                status: 204,
                why: "nothing to send".into(),
                extra: Expectation { status: 204, ..Expectation::default() },
            },
        ];
        let job: Value = serde_json::from_str(&job_json(&ex, Path::new("/w/x.py"))).expect("json");
        let sent = &job["checks"][0]["expect"];
        assert_eq!(sent["status"], json!([200, 204]));
        assert_eq!(sent["accepted"][0]["why"], "the saved title back");
        assert_eq!(sent["accepted"][0]["json"], "{\"title\": \"Hi\"}");
        assert_eq!(sent["accepted"][1]["status"], 204);
        assert_eq!(sent["accepted"][1]["json"], Value::Null);
        assert_eq!(job["checks"][1]["expect"]["status"], json!([201]));
    }

    #[test]
    fn form_fields_keep_their_order() {
        let text = job_json(&exercise(), Path::new("x.py"));
        let z = text.find("\"z\":\"1\"").expect("z");
        let a = text.find("\"a\":\"2\"").expect("a");
        assert!(z < a, "{text}");
    }
}
