//! The request a sample or an exercise check sends and what it expects back, as written
//! (`[[verify]]`, `[[urls]]`, `[[checks]]`): split from `raw` so each file keeps to one
//! concern.
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

use super::Text;

/// How `tests/django` proves a sample; the Rust side only checks its shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyEntry {
    pub fragment: Option<Text>,
    #[serde(default)]
    pub models: Vec<Text>,
    #[serde(default)]
    pub urls: Vec<UrlEntry>,
    #[serde(default)]
    pub requests: Vec<RequestEntry>,
    /// Error handlers the sample defines, by status ("404" = "json_404").
    pub handlers: Option<BTreeMap<String, String>>,
    /// Test classes the sample defines; tests/django runs them and they must pass.
    #[serde(default)]
    pub tests: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrlEntry {
    pub path: Text,
    pub view: Text,
    #[expect(dead_code, reason = "tests/django reads it; parsing here checks its shape")]
    pub name: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestEntry {
    pub method: Option<Text>,
    pub path: Text,
    pub user: Option<Text>,
    pub form: Option<BTreeMap<String, String>>,
    pub json: Option<Text>,
    pub headers: Option<BTreeMap<String, String>>,
    pub csrf: Option<Text>,
    #[serde(default)]
    pub setup: Vec<Text>,
    /// One status (`status = 409`), or every defensible one (`status = [400, 422]`): exercises only.
    pub status: Spanned<StatusEntry>,
    /// Per accepted status (`[checks.accepted.422]`): its trade-off and what only it must carry.
    pub accepted: Option<Spanned<BTreeMap<String, Spanned<AcceptedEntry>>>>,
    pub expect_headers: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub present_headers: Vec<Text>,
    #[serde(default)]
    pub absent_headers: Vec<Text>,
    /// A JSON document the body must contain (at least these keys).
    pub expect_json: Option<Text>,
    /// The JSON value the body must be (exactly these keys; key order free).
    pub expect_json_exact: Option<Text>,
    #[serde(default)]
    pub body_contains: Vec<Text>,
    /// The body must be empty.
    pub body_empty: Option<bool>,
    /// The database after the request, by model (`[checks.expect_db.Article]`): exercises only.
    pub expect_db: Option<Spanned<BTreeMap<String, Spanned<DbEntry>>>>,
    /// Log records the request must cause ("ERROR django.request: Internal Server Error"),
    /// whether `got_request_exception` fires, how many mails ADMINS get: tests/django checks them.
    #[serde(default)]
    pub expect_logs: Vec<Text>,
    pub expect_signal: Option<bool>,
    pub expect_mails: Option<Spanned<u32>>,
    /// The exception class the view must raise (it reaches Django: a 500).
    pub expect_exception: Option<Text>,
}

/// `status = 409` or `status = [400, 422]`, each number with its place for messages.
#[derive(Debug)]
pub enum StatusEntry {
    One(i64),
    Many(Vec<Spanned<i64>>),
}

// By hand: an untagged enum buffers its content, which loses the spans of the list's items.
impl<'de> Deserialize<'de> for StatusEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = StatusEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a status code or a list of status codes")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<StatusEntry, E> {
                Ok(StatusEntry::One(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<StatusEntry, E> {
                Ok(StatusEntry::One(i64::try_from(v).unwrap_or(i64::MAX)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<StatusEntry, A::Error> {
                let mut codes = Vec::new();
                while let Some(code) = seq.next_element()? {
                    codes.push(code);
                }
                Ok(StatusEntry::Many(codes))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// `[checks.accepted.422]`: why a learner may answer this status, and what only this answer
/// must carry besides the check's other expectations (a 200's body that a 204 has not).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptedEntry {
    pub why: Text,
    pub expect_headers: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub present_headers: Vec<Text>,
    #[serde(default)]
    pub absent_headers: Vec<Text>,
    pub expect_json: Option<Text>,
    pub expect_json_exact: Option<Text>,
    #[serde(default)]
    pub body_contains: Vec<Text>,
    pub body_empty: Option<bool>,
}

/// One model's rows after a request (`[checks.expect_db.Product]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DbEntry {
    pub count: Option<Spanned<i64>>,
    #[serde(default)]
    pub unchanged: bool,
    /// Each a table of column = value: some row has them.
    #[serde(default)]
    pub rows: Vec<Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
    /// Each a table of column = value: no row has them.
    #[serde(default)]
    pub absent: Vec<Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
}
