//! Rules on exception handlers that turn into responses.
use super::{Hit, RESPONSES, Rule};
use crate::audit::module::{Function, Module};
use crate::audit::py::{children, dotted, last_name, own_nodes, text};
use crate::audit::status;
use tree_sitter::Node;

/// The `except` clauses of a function, each with the names it catches (empty: bare).
fn except_clauses<'t>(function: &Function<'t>, source: &str) -> Vec<(Node<'t>, Vec<String>)> {
    function
        .nodes
        .iter()
        .filter(|n| n.kind() == "except_clause")
        .map(|clause| {
            let caught = children(*clause)
                .into_iter()
                .filter(|c| !matches!(c.kind(), "block" | "comment"))
                .flat_map(|c| {
                    // `except (A, B) as e`, `except A as e`, `except A`
                    let first = if c.kind() == "as_pattern" { children(c).into_iter().next() } else { Some(c) };
                    first.into_iter().flat_map(|e| match e.kind() {
                        "tuple" | "parenthesized_expression" => children(e),
                        _ => vec![e],
                    })
                })
                .filter(|e| !matches!(e.kind(), "as_pattern_target") && clause.child_by_field_name("alias") != Some(*e))
                .map(|e| last_name(e, source).to_string())
                .collect();
            (*clause, caught)
        })
        .collect()
}

/// The response calls a handler returns (directly, or through a name bound in it).
fn returned_responses<'t>(handler: Node<'t>, scope: &[Node<'t>], source: &str) -> Vec<Node<'t>> {
    let inner = own_nodes(handler);
    let mut out = Vec::new();
    for ret in inner.iter().filter(|n| n.kind() == "return_statement") {
        let Some(value) = children(*ret).into_iter().next() else { continue };
        if status::class_of(value, source).is_some() || matches!(last_name(value, source), "redirect") {
            out.push(value);
        } else if value.kind() == "identifier" {
            let values = status::assigned(text(value, source), scope, source);
            out.extend(values.into_iter().filter(|v| within(*v, handler) && status::class_of(*v, source).is_some()));
        }
    }
    out
}

fn within(inner: Node<'_>, outer: Node<'_>) -> bool {
    crate::audit::py::within(inner, outer)
}

/// Whether a handler logs, reports or re-raises what it caught.
fn reports(handler: Node<'_>, source: &str) -> bool {
    own_nodes(handler).iter().any(|n| match n.kind() {
        "raise_statement" => true,
        "call" => {
            let name = dotted(*n, source);
            let last = last_name(*n, source);
            name.starts_with("log")
                || name.contains("logger")
                || name.contains("sentry")
                || name.contains("traceback")
                || [
                    "exception",
                    "error",
                    "warning",
                    "critical",
                    "capture_exception",
                    "capture_message",
                    "report",
                    "notify",
                    "print_exc",
                    "send",
                ]
                .contains(&last)
        }
        _ => false,
    })
}

pub struct BroadExcept;

impl Rule for BroadExcept {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[&["except"], &["Response", "render(", "redirect"]]
    }
    fn passage(&self) -> Option<&'static str> {
        Some("except Exception -> JsonResponse(500)")
    }
    fn id(&self) -> &'static str {
        "broad-except-response"
    }
    fn page(&self) -> &'static str {
        "500-internal-server-error"
    }
    fn why(&self) -> &'static str {
        "except Exception that answers hides bugs: no traceback, no got_request_exception for Sentry"
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        let source = module.source;
        for function in module.functions.iter().filter(|f| f.is_view()) {
            for (clause, caught) in except_clauses(function, source) {
                let broad = caught.is_empty() || caught.iter().any(|c| c == "Exception" || c == "BaseException");
                if !broad || reports(clause, source) || returned_responses(clause, &function.nodes, source).is_empty() {
                    continue;
                }
                let what = if caught.is_empty() { "a bare except" } else { "except Exception" };
                out.push(Hit::at(
                    clause,
                    format!("{what} answers with a response and logs nothing: a bug becomes a quiet answer, with no traceback and no got_request_exception signal (Sentry). Catch what you expect, or log with logger.exception()."),
                ));
            }
        }
    }
}

/// Exceptions that mean the client sent something wrong.
const CLIENT_ERRORS: &[&str] =
    &["ValueError", "KeyError", "JSONDecodeError", "ValidationError", "MultiValueDictKeyError"];
/// Of those, the ones that could as well be a server bug unless the input came from the request.
const AMBIGUOUS: &[&str] = &["ValueError", "KeyError"];

pub struct ClientError5xx;

impl Rule for ClientError5xx {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[&["except"], RESPONSES]
    }
    fn passage(&self) -> Option<&'static str> {
        Some("400, 422 or 415?")
    }
    fn id(&self) -> &'static str {
        "client-error-5xx"
    }
    fn page(&self) -> &'static str {
        "400-bad-request"
    }
    fn why(&self) -> &'static str {
        "bad input is the client's fault: a 4xx; a 5xx pages the on-call and invites retries"
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        let source = module.source;
        for function in module.functions.iter().filter(|f| f.is_view()) {
            for (clause, caught) in except_clauses(function, source) {
                let Some(name) = caught.iter().find(|c| CLIENT_ERRORS.contains(&c.as_str())) else { continue };
                if caught.iter().any(|c| c == "Exception" || c == "BaseException") {
                    continue;
                }
                // The try's own body must read the request for ValueError/KeyError to be about input.
                let tried = clause.parent().and_then(|t| t.child_by_field_name("body"));
                let reads_request = tried.is_some_and(|b| {
                    own_nodes(b).iter().any(|n| n.kind() == "identifier" && text(*n, source) == "request")
                        || text(b, source).contains("loads(")
                });
                if AMBIGUOUS.contains(&name.as_str())
                    && caught.iter().all(|c| AMBIGUOUS.contains(&c.as_str()))
                    && !reads_request
                {
                    continue;
                }
                for call in returned_responses(clause, &function.nodes, source) {
                    let Some(class) = status::class_of(call, source) else { continue };
                    let code = status::status_of(call, class, &function.nodes, source).code;
                    if code.is_some_and(|c| c >= 500) {
                        out.push(Hit::at(
                            call,
                            format!("{name} (bad client input) answered with {}; the client's mistake is a 4xx (400, or 422 for valid syntax with invalid data).", code.unwrap_or(500)),
                        ));
                    }
                }
            }
        }
    }
}
