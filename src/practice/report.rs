//! The checker's report (its stdout), read with serde. Every string in it is untrusted
//! (learner output, exception messages, response bodies): sanitise before display.
use serde::Deserialize;

/// The report format version this release reads.
pub const REPORT_VERSION: u32 = 1;

/// One run of an exercise's checks.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Report {
    pub version: u32,
    /// Set when the learner's file does not load (syntax error, import error, missing view):
    /// then no request was sent and every check is reported as not run.
    #[serde(default)]
    pub load_error: Option<PyError>,
    #[serde(default)]
    pub checks: Vec<CheckResult>,
    /// What the learner's code printed, capped at 4 KB by the checker.
    #[serde(default)]
    pub output: String,
}

/// A Python exception, with the traceback frames that are in the learner's file.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct PyError {
    /// The exception class ("KeyError", "SyntaxError", or "MissingView" for a view not defined).
    pub kind: String,
    #[serde(default)]
    pub message: String,
    /// Outermost first, at most three.
    #[serde(default)]
    pub frames: Vec<Frame>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Frame {
    pub file: String,
    pub line: u32,
    #[serde(default)]
    pub function: String,
    /// The source line, stripped.
    #[serde(default)]
    pub text: String,
}

/// One check: the request sent and what came back.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct CheckResult {
    /// Index into `Exercise::checks`.
    pub index: usize,
    /// The request as one line: `POST /articles/ {"title": "Hi"} (CSRF token)`.
    pub request: String,
    pub passed: bool,
    /// None when no response came back (the file did not load, the request failed).
    #[serde(default)]
    pub status: Option<u16>,
    /// Response headers in order (name, value).
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    /// The first 500 characters of the body.
    #[serde(default)]
    pub body: String,
    /// Each way the response differs from the expectation ("expected status 201, got 400").
    #[serde(default)]
    pub differences: Vec<String>,
    /// An exception the view raised (Django turned it into a response, usually 500); for a
    /// test-writing exercise, the first failure of the learner's tests against the right view.
    #[serde(default)]
    pub exception: Option<PyError>,
    /// A test-writing exercise's verdict on one view: how the learner's tests did there.
    #[serde(default)]
    pub tests: Option<TestRun>,
    /// For a check that says why each accepted status may be chosen: the one the learner's
    /// view answered, and its trade-off.
    #[serde(default)]
    pub chosen: Option<Chosen>,
}

/// The accepted status a learner chose, and what that choice means.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Chosen {
    pub status: u16,
    #[serde(default)]
    pub why: String,
}

/// The learner's tests against one view.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct TestRun {
    pub ran: u32,
    /// Against the right view: the tests that failed; against a wrong view: the tests that
    /// caught it (they pass against the right view and fail here).
    #[serde(default)]
    pub failed: Vec<String>,
}

/// Why checker output is not a usable report.
#[derive(Debug)]
pub enum ReportError {
    Json(serde_json::Error),
    Version(u32),
}

impl std::fmt::Display for ReportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReportError::Json(e) => write!(f, "the checker's report is not valid JSON: {e}"),
            ReportError::Version(v) => {
                write!(f, "the checker wrote report version {v}; this status-tutor reads version {REPORT_VERSION}")
            }
        }
    }
}

impl std::error::Error for ReportError {}

impl Report {
    /// Parses the checker's stdout.
    pub fn parse(stdout: &str) -> Result<Report, ReportError> {
        let report: Report = serde_json::from_str(stdout.trim()).map_err(ReportError::Json)?;
        if report.version != REPORT_VERSION {
            return Err(ReportError::Version(report.version));
        }
        Ok(report)
    }

    /// Every check passed (and there was at least one, and the file loaded).
    pub fn all_passed(&self) -> bool {
        self.load_error.is_none() && !self.checks.is_empty() && self.checks.iter().all(|c| c.passed)
    }

    pub fn passed_count(&self) -> usize {
        self.checks.iter().filter(|c| c.passed).count()
    }
}

impl CheckResult {
    /// The value of a response header, by case-insensitive name.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FAILING: &str = r#"{"version": 1, "load_error": null, "checks": [
        {"index": 0, "request": "POST /articles/ {\"title\": \"Hi\"}", "passed": false, "status": 201,
         "headers": [["Content-Type", "application/json"]], "body": "{\"id\": 1}",
         "differences": ["missing header Location"], "exception": null},
        {"index": 1, "request": "POST /articles/ {}", "passed": false, "status": 500, "headers": [],
         "body": "", "differences": ["expected status 400, got 500"],
         "exception": {"kind": "KeyError", "message": "'title'", "frames": [
            {"file": "/w/exercises/07.py", "line": 8, "function": "create_article", "text": "data[\"title\"]"}]}}
    ], "output": "hi\n"}"#;

    #[test]
    fn a_failing_run_reads_with_its_differences_and_frames() {
        let report = Report::parse(FAILING).expect("valid report");
        assert!(!report.all_passed());
        assert_eq!(report.passed_count(), 0);
        assert_eq!(report.checks[0].status, Some(201));
        assert_eq!(report.checks[0].header("content-type"), Some("application/json"));
        assert_eq!(report.checks[0].differences, ["missing header Location"]);
        let exception = report.checks[1].exception.as_ref().expect("exception");
        assert_eq!((exception.kind.as_str(), exception.frames[0].line), ("KeyError", 8));
        assert_eq!(report.output, "hi\n");
    }

    #[test]
    fn optional_fields_default_and_unknown_fields_are_ignored() {
        let text = r#"{"version": 1, "checks": [{"index": 0, "request": "GET /", "passed": true, "later": 1}]}"#;
        let report = Report::parse(text).expect("valid report");
        assert!(report.all_passed());
        assert_eq!(report.checks[0].status, None);
        assert!(report.load_error.is_none());
    }

    #[test]
    fn a_test_writing_verdict_reads_its_test_run() {
        let text = r#"{"version": 1, "checks": [
            {"index": 0, "request": "your tests against the right view", "passed": true, "tests": {"ran": 3, "failed": []}},
            {"index": 1, "request": "your tests against wrong view 1", "passed": true,
             "tests": {"ran": 3, "failed": ["Created.test_status"]}}]}"#;
        let report = Report::parse(text).expect("valid report");
        assert!(report.all_passed());
        let caught = report.checks[1].tests.as_ref().expect("a test run");
        assert_eq!((caught.ran, caught.failed.as_slice()), (3, ["Created.test_status".to_string()].as_slice()));
        assert_eq!(report.checks[0].status, None);
    }

    #[test]
    fn a_chosen_status_reads_with_its_trade_off() {
        let text = r#"{"version": 1, "checks": [{"index": 0, "request": "POST /", "passed": true, "status": 422,
            "chosen": {"status": 422, "why": "names the problem precisely"}}]}"#;
        let report = Report::parse(text).expect("valid report");
        let chosen = report.checks[0].chosen.as_ref().expect("a chosen status");
        assert_eq!((chosen.status, chosen.why.as_str()), (422, "names the problem precisely"));
        let plain = Report::parse(r#"{"version": 1, "checks": [{"index": 0, "request": "GET /", "passed": true}]}"#);
        assert_eq!(plain.expect("valid report").checks[0].chosen, None);
    }

    #[test]
    fn a_load_error_is_never_all_passed() {
        let text = r#"{"version": 1, "load_error": {"kind": "SyntaxError", "message": "invalid syntax",
            "frames": [{"file": "x.py", "line": 3}]}, "checks": [], "output": ""}"#;
        let report = Report::parse(text).expect("valid report");
        assert!(!report.all_passed());
        assert_eq!(report.load_error.as_ref().map(|e| e.frames[0].line), Some(3));
    }

    #[test]
    fn garbage_and_other_versions_are_errors_not_panics() {
        assert!(matches!(Report::parse("Traceback (most recent call last):"), Err(ReportError::Json(_))));
        assert!(matches!(Report::parse(r#"{"version": 2, "checks": []}"#), Err(ReportError::Version(2))));
        assert!(matches!(Report::parse(r#"{"version": 1, "checks": [{"index": -1}]}"#), Err(ReportError::Json(_))));
    }
}
