//! The shape of a code sample's `[blocks.verify]`, the requests tests/django sends.
use super::Checker;
use crate::content::model::*;
use crate::content::problem::SourceFile;
use crate::content::raw;
use toml::Spanned;

impl Checker<'_> {
    /// The shape of `[blocks.verify]`; tests/django runs it. A claimed status without it is a warning.
    pub(super) fn verify(
        &mut self,
        source: &SourceFile<'_>,
        block: &raw::BlockEntry,
        response: Option<&ExampleResponse>,
    ) {
        let Some(verify) = &block.verify else {
            if let Some(response) = response {
                let message = format!(
                    "this sample claims status {} but has no [blocks.verify]; tests/django cannot prove it",
                    response.status
                );
                self.problems.push(source.warning(block.kind.span(), message));
            }
            return;
        };
        let v = verify.get_ref();
        match (&v.fragment, v.requests.is_empty()) {
            (Some(fragment), false) => {
                self.problems.push(source.error(fragment.span(), "a fragment has no requests; remove one or the other"))
            }
            (None, true) => self
                .problems
                .push(source.error(verify.span(), "verify needs `fragment = \"why\"` or [[blocks.verify.requests]]")),
            _ => {}
        }
        for model in &v.models {
            if !["Article", "Product"].contains(&model.get_ref().as_str()) {
                let message = format!("unknown test model `{}` (known: Article, Product)", model.get_ref());
                self.problems.push(source.error(model.span(), message));
            }
        }
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
            self.status(source, &request.status);
            let choices: [(&Option<Spanned<String>>, &[&str]); 3] = [
                (&request.method, &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]),
                (&request.user, &["anonymous", "user", "staff"]),
                (&request.csrf, &["token"]),
            ];
            for (value, allowed) in choices {
                if let Some(value) = value
                    && !allowed.contains(&value.get_ref().as_str())
                {
                    let message = format!("`{}` is not one of: {}", value.get_ref(), allowed.join(", "));
                    self.problems.push(source.error(value.span(), message));
                }
            }
            for header in &request.absent_headers {
                self.text(source, header, "header name");
            }
            if request.form.is_some() && request.json.is_some() {
                self.problems.push(source.error(request.path.span(), "a request sends `form` or `json`, not both"));
            }
            for row in &request.setup {
                if !["article", "product"].contains(&row.get_ref().as_str()) {
                    self.problems.push(
                        source
                            .error(row.span(), format!("unknown setup `{}` (known: article, product)", row.get_ref())),
                    );
                }
            }
        }
    }
}
