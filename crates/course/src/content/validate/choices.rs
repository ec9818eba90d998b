//! A check's accepted statuses: `status = 409`, or every defensible answer
//! (`status = [400, 422]`), each explained in `[checks.accepted.422]` with its trade-off and
//! what only that answer must carry.
use super::Checker;
use crate::content::model::*;
use crate::content::problem::SourceFile;
use crate::content::raw::{self, StatusEntry};
use std::collections::BTreeMap;
use toml::Spanned;

impl Checker<'_> {
    /// The first accepted status and, when the check names several or says why, each one in
    /// the order written; None when something is malformed (reported).
    pub(super) fn accepted_statuses(
        &mut self,
        source: &SourceFile<'_>,
        request: &raw::RequestEntry,
    ) -> Option<(u16, Vec<AcceptedStatus>)> {
        let before = self.problems.len();
        let listed: Vec<Spanned<i64>> = match request.status.get_ref() {
            StatusEntry::One(code) => vec![Spanned::new(request.status.span(), *code)],
            StatusEntry::Many(codes) => codes.clone(),
        };
        if listed.is_empty() {
            let message = "an empty status list accepts nothing: give one status, or each defensible one";
            self.problems.push(source.error(request.status.span(), message));
        }
        let mut statuses: Vec<(u16, std::ops::Range<usize>)> = Vec::new();
        for code in &listed {
            let Some(status) = self.status(source, code) else { continue };
            if statuses.iter().any(|(s, _)| *s == status) {
                let message = format!("status {status} is listed twice");
                self.problems.push(source.error(code.span(), message));
                continue;
            }
            statuses.push((status, code.span()));
        }
        let said = self.accepted_entries(source, request, &statuses);
        let several = statuses.len() > 1;
        let mut accepted = Vec::new();
        for (status, span) in &statuses {
            match said.iter().find(|(s, _)| s == status) {
                Some((_, entry)) => accepted.push(entry.clone()),
                None if several => {
                    let message = format!(
                        "status {status} is one of several accepted answers: say why a learner may choose it \
                         in [checks.accepted.{status}] with `why = \"...\"`"
                    );
                    self.problems.push(source.error(span.clone(), message));
                }
                None => {}
            }
        }
        let first = statuses.first()?.0;
        (self.problems.len() == before).then_some((first, accepted))
    }

    /// `[checks.accepted.N]` tables, each for a status the check accepts.
    fn accepted_entries(
        &mut self,
        source: &SourceFile<'_>,
        request: &raw::RequestEntry,
        statuses: &[(u16, std::ops::Range<usize>)],
    ) -> Vec<(u16, AcceptedStatus)> {
        let mut out = Vec::new();
        let entries = request.accepted.as_ref().map(|a| a.get_ref());
        for (key, entry) in entries.into_iter().flatten() {
            let Ok(status) = key.parse::<u16>() else {
                let message = format!("[checks.accepted.{key}]: the key is a status code the check accepts");
                self.problems.push(source.error(entry.span(), message));
                continue;
            };
            if !statuses.iter().any(|(s, _)| *s == status) {
                let listed: Vec<String> = statuses.iter().map(|(s, _)| s.to_string()).collect();
                let message = format!(
                    "feedback for {status}, which this check does not accept (status = [{}])",
                    listed.join(", ")
                );
                self.problems.push(source.error(entry.span(), message));
                continue;
            }
            out.push((status, self.accepted_entry(source, request, status, entry)));
        }
        out
    }

    fn accepted_entry(
        &mut self,
        source: &SourceFile<'_>,
        request: &raw::RequestEntry,
        status: u16,
        entry: &Spanned<raw::AcceptedEntry>,
    ) -> AcceptedStatus {
        let e = entry.get_ref();
        let why = self.text(source, &e.why, "why");
        for header in e.absent_headers.iter().chain(&e.present_headers) {
            self.text(source, header, "header name");
        }
        for json in e.expect_json.iter().chain(&e.expect_json_exact) {
            if let Err(error) = serde_json::from_str::<serde_json::Value>(json.get_ref()) {
                self.problems.push(source.error(json.span(), format!("this is not valid JSON: {error}")));
            }
        }
        if let (Some(_), Some(exact)) = (&e.expect_json, &e.expect_json_exact) {
            let message = "`expect_json` (at least these keys) or `expect_json_exact` (exactly these), not both";
            self.problems.push(source.error(exact.span(), message));
        }
        let body_twice = e.expect_json.is_some() || e.expect_json_exact.is_some() || e.body_empty.is_some();
        if body_twice
            && (request.expect_json.is_some() || request.expect_json_exact.is_some() || request.body_empty.is_some())
        {
            let message = "the check already states the body for every status: state it here or there, not both";
            self.problems.push(source.error(entry.span(), message));
        }
        if e.body_empty == Some(true) && (matches!(status, 100..=199 | 204 | 304) || request_is_head(request)) {
            let message = format!("a {status} never carries a body to the client: body_empty proves nothing here");
            self.problems.push(source.error(entry.span(), message));
        }
        let pairs = |map: Option<&BTreeMap<String, String>>| -> Vec<(String, String)> {
            map.into_iter().flatten().map(|(k, v)| (k.clone(), v.clone())).collect()
        };
        let names = |list: &[Spanned<String>]| list.iter().map(|h| h.get_ref().trim().to_string()).collect();
        AcceptedStatus {
            status,
            why,
            extra: Expectation {
                status,
                headers: pairs(e.expect_headers.as_ref()),
                present_headers: names(&e.present_headers),
                absent_headers: names(&e.absent_headers),
                json: e.expect_json.as_ref().or(e.expect_json_exact.as_ref()).map(|j| j.get_ref().clone()),
                json_exact: e.expect_json_exact.is_some(),
                body_contains: e.body_contains.iter().map(|b| b.get_ref().clone()).collect(),
                body_empty: e.body_empty.unwrap_or(false),
                ..Expectation::default()
            },
        }
    }
}

fn request_is_head(request: &raw::RequestEntry) -> bool {
    request.method.as_ref().is_some_and(|m| m.get_ref() == "HEAD")
}
