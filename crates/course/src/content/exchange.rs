//! One request a Django test client sends and what must come back: the model verified
//! samples (`[[blocks.verify.requests]]`) and practice checks (`[[checks]]`) share.
//! Re-exported by `model`; built only by `validate`.
use serde::{Deserialize, Serialize};

/// Which user the test client is logged in as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Client {
    Anonymous,
    User,
    Staff,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RequestBody {
    Empty,
    /// Form-encoded fields, in the order written.
    Form(Vec<(String, String)>),
    /// A body sent as application/json, as written (possibly malformed on purpose).
    Json(String),
}

/// One request a Django test client sends: a verified sample's or a practice check's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClientRequest {
    pub method: String,
    pub path: String,
    pub user: Client,
    pub headers: Vec<(String, String)>,
    pub body: RequestBody,
    /// Sends a valid CSRF token (the test client then enforces CSRF checks either way).
    pub csrf_token: bool,
    /// Rows created before the request ("article", "product").
    pub setup: Vec<String>,
}

/// What must come back for a request, compared as HTTP means it (content/README.md,
/// "What a check compares"): header values by their kind, JSON as values.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Expectation {
    pub status: u16,
    /// Headers that must be present with this value (name, value), by the header's meaning:
    /// a media type by type/subtype, `Allow` as a set, `Location` as a target...
    pub headers: Vec<(String, String)>,
    /// Headers that must be present, whatever their value.
    pub present_headers: Vec<String>,
    /// Headers that must be absent.
    pub absent_headers: Vec<String>,
    /// A JSON document the body must hold: at least these keys (`expect_json`), or exactly
    /// this value when `json_exact` (`expect_json_exact`). Key order never matters.
    pub json: Option<String>,
    pub json_exact: bool,
    /// Texts the body must contain.
    pub body_contains: Vec<String>,
    /// The body must be empty (a 204, a 304).
    pub body_empty: bool,
    /// Whether `got_request_exception` fires: the error reached Django (`expect_signal`).
    pub signal: Option<bool>,
    /// The exception class (or a base class) that must reach Django (`expect_exception`).
    pub exception: Option<String>,
    /// The database after the request, one entry per model (`[checks.expect_db.Model]`).
    pub db: Vec<RowsExpectation>,
}

/// The rows of one test model after the request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RowsExpectation {
    /// "Article" or "Product".
    pub model: String,
    /// How many rows there are.
    pub count: Option<u32>,
    /// Every row is as it was before the request: nothing created, deleted or changed.
    pub unchanged: bool,
    /// Each: some row has these field values (other fields free).
    pub rows: Vec<Vec<(String, FieldValue)>>,
    /// Each: no row has these field values.
    pub absent: Vec<Vec<(String, FieldValue)>>,
}

/// A column value a row expectation names; compared as the column's type (a decimal
/// column equals the text "9.99").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FieldValue {
    Text(String),
    Integer(i64),
    Bool(bool),
}

/// A request and what must come back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exchange {
    pub request: ClientRequest,
    pub expect: Expectation,
}
