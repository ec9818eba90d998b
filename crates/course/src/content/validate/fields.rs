//! Single fields: texts, ids, status codes and page references.
use super::{Checker, Index};
use crate::content::problem::SourceFile;
use toml::Spanned;

impl Checker<'_> {
    /// A status code in 100..=599.
    pub(super) fn status(&mut self, source: &SourceFile<'_>, value: &Spanned<i64>) -> Option<u16> {
        match u16::try_from(*value.get_ref()) {
            Ok(code) if REGISTERED.contains(&code) => Some(code),
            Ok(code) if (100..=599).contains(&code) => {
                let message = format!(
                    "{code} is not a registered HTTP status code (the IANA registry, as Python's http.HTTPStatus lists it)"
                );
                self.problems.push(source.error(value.span(), message));
                None
            }
            _ => {
                let message = format!("{} is not an HTTP status code (they run from 100 to 599)", value.get_ref());
                self.problems.push(source.error(value.span(), message));
                None
            }
        }
    }

    /// A status code that codes.toml describes.
    pub(super) fn known_status(&mut self, source: &SourceFile<'_>, value: &Spanned<i64>, index: &Index) -> Option<u16> {
        let code = self.status(source, value)?;
        if index.codes.contains_key(&code) {
            Some(code)
        } else {
            self.problems.push(source.error(value.span(), format!("status {code} is not described in codes.toml")));
            None
        }
    }

    pub(super) fn page_ref(&mut self, source: &SourceFile<'_>, id: &Spanned<String>, index: &Index) -> Option<usize> {
        let found = index.pages.get(id.get_ref()).copied();
        if found.is_none() && !self.unparsed_pages.contains(id.get_ref()) {
            let message = format!(
                "no page has id `{}`{}",
                id.get_ref(),
                self.suggestion(id.get_ref(), index.pages.keys().map(String::as_str))
            );
            self.problems.push(source.error(id.span(), message));
        }
        found
    }

    /// A required text: trimmed, and not empty.
    pub(super) fn text(&mut self, source: &SourceFile<'_>, value: &Spanned<String>, what: &str) -> String {
        let text = value.get_ref().trim();
        if text.is_empty() {
            self.problems.push(source.error(value.span(), format!("the {what} is empty")));
        }
        text.to_string()
    }

    /// An id: lowercase letters, digits and `-`.
    pub(super) fn id(&mut self, source: &SourceFile<'_>, value: &Spanned<String>) -> String {
        let id = self.text(source, value, "id");
        if !id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-') {
            let message = format!("id `{id}` may only use lowercase letters, digits and `-`");
            self.problems.push(source.error(value.span(), message));
        }
        id
    }

    /// A name or tag: one word, no spaces.
    pub(super) fn id_like(&mut self, source: &SourceFile<'_>, value: &Spanned<String>, what: &str) -> String {
        let text = self.text(source, value, what);
        if text.contains(char::is_whitespace) {
            self.problems.push(source.error(value.span(), format!("a {what} is one word, without spaces")));
        }
        text
    }
}

/// The registered status codes (IANA's registry as Python 3.11's `http.HTTPStatus` has them):
/// a course may only teach real ones, so `explain` never teaches a made-up code.
const REGISTERED: &[u16] = &[
    100, 101, 102, 103, 200, 201, 202, 203, 204, 205, 206, 207, 208, 226, 300, 301, 302, 303, 304, 305, 307, 308, 400,
    401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422, 423, 424, 425,
    426, 428, 429, 431, 451, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511,
];
