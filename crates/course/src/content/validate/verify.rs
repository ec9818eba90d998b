//! The shape of a code sample's `[blocks.verify]`, the requests tests/django sends, and the
//! request model (`Exchange`) that verified samples and practice checks share.
use super::Checker;
use crate::content::model::*;
use crate::content::problem::SourceFile;
use crate::content::raw;
use toml::Spanned;

const METHODS: &[&str] = &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];
const USERS: &[&str] = &["anonymous", "user", "staff"];
const SETUPS: &[&str] = &["article", "article-2", "product", "product-2", "token"];
/// The columns of each test model a row expectation may name (`values()` names: `author_id`).
const COLUMNS: &[(&str, &[&str])] =
    &[("Article", &["id", "title", "content", "author_id"]), ("Product", &["id", "name", "price"])];

impl Checker<'_> {
    /// The shape of `[blocks.verify]`; tests/django runs it. A claimed status without it is a
    /// warning. Returns the exchanges it proves, for the reader to show.
    pub(super) fn verify(
        &mut self,
        source: &SourceFile<'_>,
        block: &raw::BlockEntry,
        response: Option<&ExampleResponse>,
    ) -> Vec<Exchange> {
        let Some(verify) = &block.verify else {
            if let Some(response) = response {
                let message = format!(
                    "this sample claims status {} but has no [blocks.verify]; tests/django cannot prove it",
                    response.status
                );
                self.problems.push(source.warning(block.kind.span(), message));
            }
            return Vec::new();
        };
        let v = verify.get_ref();
        // test classes (`tests`) prove a sample as well as requests do
        match (&v.fragment, v.requests.is_empty() && v.tests.is_empty()) {
            (Some(fragment), false) => self
                .problems
                .push(source.error(fragment.span(), "a fragment has no requests or tests; remove one or the other")),
            (None, true) => self.problems.push(source.error(
                verify.span(),
                "verify needs `fragment = \"why\"`, [[blocks.verify.requests]] or `tests = [\"TestClass\"]`",
            )),
            _ => {}
        }
        for test in &v.tests {
            self.text(source, test, "test class name");
        }
        self.models(source, &v.models);
        for status in v.handlers.iter().flat_map(|h| h.keys()) {
            if !["400", "403", "404", "500"].contains(&status.as_str()) {
                let message = format!("handlers are for \"400\", \"403\", \"404\" and \"500\", not \"{status}\"");
                self.problems.push(source.error(verify.span(), message));
            }
        }
        for url in &v.urls {
            self.text(source, &url.path, "url path");
            self.text(source, &url.view, "view name");
        }
        for request in &v.requests {
            if let Some(db) = &request.expect_db {
                // the sample harness has its own project; rows are checked for exercises
                self.problems.push(source.error(db.span(), "expect_db is for exercise checks only"));
            }
        }
        v.requests.iter().filter_map(|request| self.exchange(source, request)).collect()
    }

    /// Test models a sample or an exercise needs.
    pub(super) fn models(&mut self, source: &SourceFile<'_>, models: &[Spanned<String>]) -> Vec<String> {
        for model in models {
            if !["Article", "Product"].contains(&model.get_ref().as_str()) {
                let message = format!("unknown test model `{}` (known: Article, Product)", model.get_ref());
                self.problems.push(source.error(model.span(), message));
            }
        }
        models.iter().map(|m| m.get_ref().clone()).collect()
    }

    /// One request and what must come back; None (with the problems reported) when it is malformed.
    pub(super) fn exchange(&mut self, source: &SourceFile<'_>, request: &raw::RequestEntry) -> Option<Exchange> {
        let before = self.problems.len();
        let status = self.status(source, &request.status);
        let method = self.one_of(source, request.method.as_ref(), METHODS).unwrap_or("GET");
        let user = match self.one_of(source, request.user.as_ref(), USERS) {
            Some("user") => Client::User,
            Some("staff") => Client::Staff,
            _ => Client::Anonymous,
        };
        let csrf_token = self.one_of(source, request.csrf.as_ref(), &["token"]).is_some();
        for header in request.absent_headers.iter().chain(&request.present_headers) {
            self.text(source, header, "header name");
        }
        for log in request.expect_logs.iter().chain(&request.expect_exception) {
            self.text(source, log, "expected log line or exception");
        }
        if request.form.is_some() && request.json.is_some() {
            self.problems.push(source.error(request.path.span(), "a request sends `form` or `json`, not both"));
        }
        // a request's own `json` may be malformed on purpose (to show a 400); an expectation may not
        for json in request.expect_json.iter().chain(&request.expect_json_exact) {
            if let Err(e) = serde_json::from_str::<serde_json::Value>(json.get_ref()) {
                self.problems.push(source.error(json.span(), format!("this is not valid JSON: {e}")));
            }
        }
        if let (Some(_), Some(exact)) = (&request.expect_json, &request.expect_json_exact) {
            let message = "`expect_json` (at least these keys) or `expect_json_exact` (exactly these), not both";
            self.problems.push(source.error(exact.span(), message));
        }
        let db = self.expect_db(source, request.expect_db.as_ref());
        if request.body_empty == Some(true)
            && (method == "HEAD" || matches!(request.status.get_ref(), 100..=199 | 204 | 304))
        {
            // the test client drops those bodies, as servers do: the check could never fail
            let message = "a HEAD response, a 1xx, a 204 and a 304 never carry a body to the client: body_empty proves nothing here";
            self.problems.push(source.error(request.status.span(), message));
        }
        for row in &request.setup {
            if !SETUPS.contains(&row.get_ref().as_str()) {
                let message = format!("unknown setup `{}` (known: {})", row.get_ref(), SETUPS.join(", "));
                self.problems.push(source.error(row.span(), message));
            }
        }
        let pairs = |map: Option<&std::collections::BTreeMap<String, String>>| -> Vec<(String, String)> {
            map.into_iter().flatten().map(|(k, v)| (k.clone(), v.clone())).collect()
        };
        let body = match (&request.form, &request.json) {
            (Some(form), _) => RequestBody::Form(pairs(Some(form))),
            (None, Some(json)) => RequestBody::Json(json.get_ref().clone()),
            (None, None) => RequestBody::Empty,
        };
        let exchange = Exchange {
            request: ClientRequest {
                method: method.to_string(),
                path: request.path.get_ref().clone(),
                user,
                headers: pairs(request.headers.as_ref()),
                body,
                csrf_token,
                setup: request.setup.iter().map(|s| s.get_ref().clone()).collect(),
            },
            expect: Expectation {
                status: status?,
                headers: pairs(request.expect_headers.as_ref()),
                present_headers: request.present_headers.iter().map(|h| h.get_ref().trim().to_string()).collect(),
                absent_headers: request.absent_headers.iter().map(|h| h.get_ref().trim().to_string()).collect(),
                json: request.expect_json.as_ref().or(request.expect_json_exact.as_ref()).map(|j| j.get_ref().clone()),
                json_exact: request.expect_json_exact.is_some(),
                body_contains: request.body_contains.iter().map(|b| b.get_ref().clone()).collect(),
                body_empty: request.body_empty.unwrap_or(false),
                signal: request.expect_signal,
                exception: request.expect_exception.as_ref().map(|e| e.get_ref().clone()),
                db,
            },
        };
        (self.problems.len() == before).then_some(exchange)
    }

    /// `[checks.expect_db.Model]` tables: known models and columns, values a column can hold.
    fn expect_db(
        &mut self,
        source: &SourceFile<'_>,
        db: Option<&Spanned<std::collections::BTreeMap<String, Spanned<raw::DbEntry>>>>,
    ) -> Vec<RowsExpectation> {
        let mut out = Vec::new();
        for (model, entry) in db.into_iter().flat_map(|d| d.get_ref()) {
            let Some((_, columns)) = COLUMNS.iter().find(|(m, _)| m == model) else {
                let message = format!("unknown test model `{model}` (known: Article, Product)");
                self.problems.push(source.error(entry.span(), message));
                continue;
            };
            let e = entry.get_ref();
            if e.count.is_none() && !e.unchanged && e.rows.is_empty() && e.absent.is_empty() {
                let message = format!("expect_db.{model} states nothing: give count, unchanged, rows or absent");
                self.problems.push(source.error(entry.span(), message));
            }
            let count = e.count.as_ref().and_then(|c| {
                let n = u32::try_from(*c.get_ref()).ok();
                if n.is_none() {
                    self.problems.push(source.error(c.span(), "a row count is 0 or more"));
                }
                n
            });
            let rows = e.rows.iter().map(|r| self.row_fields(source, r, model, columns)).collect();
            let absent = e.absent.iter().map(|r| self.row_fields(source, r, model, columns)).collect();
            out.push(RowsExpectation { model: model.clone(), count, unchanged: e.unchanged, rows, absent });
        }
        out
    }

    fn row_fields(
        &mut self,
        source: &SourceFile<'_>,
        row: &Spanned<std::collections::BTreeMap<String, Spanned<toml::Value>>>,
        model: &str,
        columns: &[&str],
    ) -> Vec<(String, FieldValue)> {
        if row.get_ref().is_empty() {
            self.problems.push(source.error(row.span(), "a row names at least one column"));
        }
        let mut fields = Vec::new();
        for (column, value) in row.get_ref() {
            if !columns.contains(&column.as_str()) {
                let message = format!("{model} has no column `{column}` (columns: {})", columns.join(", "));
                self.problems.push(source.error(value.span(), message));
                continue;
            }
            let field = match value.get_ref() {
                toml::Value::String(text) => FieldValue::Text(text.clone()),
                toml::Value::Integer(n) => FieldValue::Integer(*n),
                toml::Value::Boolean(b) => FieldValue::Bool(*b),
                _ => {
                    let message = "a column value is text, an integer or a boolean (write a decimal as text: \"9.99\")";
                    self.problems.push(source.error(value.span(), message));
                    continue;
                }
            };
            fields.push((column.clone(), field));
        }
        fields
    }

    /// A value that must be one of `allowed`; reports it otherwise.
    fn one_of(
        &mut self,
        source: &SourceFile<'_>,
        value: Option<&Spanned<String>>,
        allowed: &[&'static str],
    ) -> Option<&'static str> {
        let value = value?;
        let found = allowed.iter().find(|a| **a == value.get_ref().as_str()).copied();
        if found.is_none() {
            let message = format!("`{}` is not one of: {}", value.get_ref(), allowed.join(", "));
            self.problems.push(source.error(value.span(), message));
        }
        found
    }
}
