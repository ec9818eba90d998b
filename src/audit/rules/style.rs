//! Style: statuses written as numbers or strings (off unless selected).
use super::{Hit, RESPONSES, Rule};
use crate::audit::module::Module;
use crate::audit::status::{Spelling, http_status_name};

pub struct MagicStatus;

impl Rule for MagicStatus {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[RESPONSES]
    }
    fn id(&self) -> &'static str {
        "magic-status"
    }
    fn page(&self) -> &'static str {
        "httpstatus"
    }
    fn why(&self) -> &'static str {
        "HTTPStatus.NOT_FOUND reads better than 404 and catches typos; \"404\" as a string only works by accident"
    }
    fn default_on(&self) -> bool {
        false
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        for function in &module.functions {
            for response in function.responses.iter().cloned() {
                let (Some(code), spelling) = (response.status.code, response.status.spelling) else { continue };
                let how = match spelling {
                    Spelling::Number => "a number",
                    Spelling::Text => "a string",
                    Spelling::Default | Spelling::Named => continue,
                };
                let better = http_status_name(code)
                    .map_or_else(|| "an HTTPStatus member".to_string(), |n| format!("HTTPStatus.{n}"));
                out.push(Hit::at(response.call, format!("status {code} given as {how}; {better} says what it means.")));
            }
        }
    }
}
