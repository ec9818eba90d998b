//! Rules on the responses themselves: what status goes with which body and headers.
use super::{Hit, RESPONSES, Rule};
use crate::audit::module::{Function, Module, Response, in_method_branch};
use crate::audit::py::{Args, children, is_text, last_name, own_nodes, string_value, text, within};
use tree_sitter::Node;

/// Values of a `status`/`result` key that say the request failed.
const FAILURE_WORDS: &[&str] = &["error", "fail", "failed", "failure"];

/// The body argument of a JSON response: `data`, or the first positional argument.
fn body<'t>(response: &Response<'t>, source: &str) -> Option<Node<'t>> {
    Args::of(response.call, source).get(if response.class.name == "HttpResponse" { "content" } else { "data" }, 0)
}

fn is_empty_value(node: Node<'_>, source: &str) -> bool {
    match node.kind() {
        "none" | "false" => true,
        "list" | "dictionary" | "tuple" => children(node).iter().all(|c| c.kind() == "comment"),
        "string" => string_value(node, source).is_some_and(|s| s.is_empty()),
        _ => false,
    }
}

/// The key of a dictionary literal that makes it an error body, if any: `error`, `errors`
/// or a `detail` text; else `status`/`result` saying "error" or "failed"; else `success` or
/// `ok` set to False next to a message (without one it is often a form re-rendered for a
/// page's own script, which rightly stays 200).
fn error_key(dict: Node<'_>, source: &str) -> Option<String> {
    let pairs: Vec<(String, Node<'_>)> = children(dict)
        .into_iter()
        .filter(|p| p.kind() == "pair")
        .filter_map(|p| {
            let key = string_value(p.child_by_field_name("key")?, source)?;
            Some((key.to_ascii_lowercase(), p.child_by_field_name("value")?))
        })
        .collect();
    let found = |test: &dyn Fn(&str, Node<'_>) -> bool| pairs.iter().find(|(k, v)| test(k, *v)).map(|(k, _)| k.clone());
    found(&|k, v| matches!(k, "error" | "errors") && !is_empty_value(v, source))
        .or_else(|| found(&|k, v| k == "detail" && is_text(v, source)))
        .or_else(|| {
            found(&|k, v| {
                matches!(k, "status" | "result")
                    && string_value(v, source).is_some_and(|v| FAILURE_WORDS.contains(&v.to_ascii_lowercase().as_str()))
            })
        })
        .or_else(|| {
            let message = found(&|k, v| matches!(k, "message" | "msg") && is_text(v, source)).is_some();
            found(&|k, v| matches!(k, "success" | "ok") && v.kind() == "false").filter(|_| message)
        })
}

pub struct ErrorBody200;

impl Rule for ErrorBody200 {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[&["Response"]]
    }
    fn id(&self) -> &'static str {
        "error-body-200"
    }
    fn page(&self) -> &'static str {
        "200-ok"
    }
    fn why(&self) -> &'static str {
        "an error body with 200 reads as success to clients, monitors and retries"
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        let source = module.source;
        for function in &module.functions {
            for response in function.responses.iter().cloned() {
                if response.factory || !response.class.json || response.status.code != Some(200) {
                    continue;
                }
                let Some(body) = body(&response, source) else { continue };
                let what = match body.kind() {
                    "dictionary" => error_key(body, source).map(|k| format!("key \"{k}\"")),
                    // DRF's own `Response(serializer.errors)` has its own rule.
                    "attribute" if last_name(body, source) == "errors" && response.class.name == "JsonResponse" => {
                        Some(format!("`{}`", text(body, source)))
                    }
                    _ => None,
                };
                if let Some(what) = what {
                    out.push(Hit::at(
                        response.call,
                        format!(
                            "an error body ({what}) sent with 200; clients and monitors read 200 as success. Send the 4xx that fits (400, 404, 409, 422)."
                        ),
                    ));
                }
            }
        }
    }
}

pub struct SerializerErrors200;

impl Rule for SerializerErrors200 {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[&["Response"]]
    }
    fn id(&self) -> &'static str {
        "serializer-errors-200"
    }
    fn page(&self) -> &'static str {
        "drf-responses"
    }
    fn why(&self) -> &'static str {
        "Response(serializer.errors) is a 200 unless told otherwise; invalid input is a 400"
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        let source = module.source;
        for function in &module.functions {
            for response in function.responses.iter().cloned() {
                if response.factory || response.class.name != "Response" || response.status.code != Some(200) {
                    continue;
                }
                if body(&response, source).is_some_and(|b| b.kind() == "attribute" && last_name(b, source) == "errors")
                {
                    out.push(Hit::at(
                        response.call,
                        "validation errors sent with 200 (Response's default). Pass status=status.HTTP_400_BAD_REQUEST, or use is_valid(raise_exception=True).",
                    ));
                }
            }
        }
    }
}

/// Whether the function sets a header named `header` anywhere, or hands the response to
/// something else that might (`add_headers(response)`): then the rule stays silent.
fn may_set_header(function: &Function<'_>, response: &Response<'_>, header: &str, source: &str) -> bool {
    if function.names_string(header, source) {
        return true;
    }
    let args = Args::of(response.call, source);
    if args.keyword("headers").is_some_and(|h| h.kind() != "dictionary") {
        return true;
    }
    let Some(name) = &response.bound else { return false };
    function.nodes.iter().any(|n| {
        n.kind() == "argument_list" && children(*n).iter().any(|a| a.kind() == "identifier" && text(*a, source) == name)
    })
}

pub struct AllowMissing;

impl Rule for AllowMissing {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[&["405", "METHOD_NOT_ALLOWED"], RESPONSES]
    }
    fn passage(&self) -> Option<&'static str> {
        Some("The hand-written 405 has no Allow header")
    }
    fn id(&self) -> &'static str {
        "allow-missing"
    }
    fn page(&self) -> &'static str {
        "405-method-not-allowed"
    }
    fn why(&self) -> &'static str {
        "a 405 MUST list the allowed methods in Allow (RFC 9110 §15.5.6)"
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        let source = module.source;
        for function in &module.functions {
            for response in function.responses.iter().cloned() {
                // HttpResponseNotAllowed sets Allow; DRF's views add it to every response.
                if response.status.code != Some(405)
                    || matches!(response.class.name, "HttpResponseNotAllowed" | "Response")
                    || may_set_header(function, &response, "allow", source)
                {
                    continue;
                }
                out.push(Hit::at(
                    response.call,
                    "a 405 without an Allow header; clients cannot learn which methods work (RFC 9110 §15.5.6). Use HttpResponseNotAllowed(methods).",
                ));
            }
        }
    }
}

pub struct WwwAuthenticateMissing;

impl Rule for WwwAuthenticateMissing {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[&["401", "UNAUTHORIZED"], RESPONSES]
    }
    fn passage(&self) -> Option<&'static str> {
        Some("A 401 MUST say how to authenticate")
    }
    fn id(&self) -> &'static str {
        "www-authenticate-missing"
    }
    fn page(&self) -> &'static str {
        "401-unauthorized"
    }
    fn why(&self) -> &'static str {
        "a 401 MUST say how to authenticate in WWW-Authenticate (RFC 9110 §15.5.2)"
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        let source = module.source;
        for function in &module.functions {
            for response in function.responses.iter().cloned() {
                // A login page re-rendered for a person (render, TemplateResponse) is left alone:
                // browsers ignore the header, and the fix there is the page, not a challenge.
                if response.status.code != Some(401)
                    || matches!(response.class.name, "render" | "TemplateResponse")
                    || may_set_header(function, &response, "www-authenticate", source)
                {
                    continue;
                }
                out.push(Hit::at(
                    response.call,
                    "a 401 without a WWW-Authenticate header; the client is not told how to authenticate (RFC 9110 §15.5.2). Set it (e.g. 'Bearer'), or answer 403 if credentials would not help.",
                ));
            }
        }
    }
}

pub struct NoContentBody;

impl Rule for NoContentBody {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[&["204", "NO_CONTENT"], &["Response"]]
    }
    fn passage(&self) -> Option<&'static str> {
        Some("Django does not strip a body you add")
    }
    fn id(&self) -> &'static str {
        "no-content-body"
    }
    fn page(&self) -> &'static str {
        "204-no-content"
    }
    fn why(&self) -> &'static str {
        "a 204 cannot have content; Django sends what you pass anyway, and clients may misread the next response"
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        let source = module.source;
        for function in &module.functions {
            for response in function.responses.iter().cloned() {
                if response.factory || response.status.code != Some(204) {
                    continue;
                }
                let has_body = match response.class.name {
                    "JsonResponse" => true,
                    "HttpResponse" | "Response" => body(&response, source).is_some_and(|b| !is_empty_value(b, source)),
                    _ => false,
                };
                if has_body {
                    out.push(Hit::at(
                        response.call,
                        "a 204 with a body; 204 means no content (RFC 9110 §15.3.5). Drop the body, or answer 200 with it.",
                    ));
                }
            }
        }
    }
}

pub struct Create200;

/// Whether the function handles only POST: a `post`/`create` method, `@require_POST`, or
/// `@require_http_methods(["POST"])`.
fn handles_post(function: &Function<'_>, source: &str) -> bool {
    (function.class.is_some() && matches!(function.name.as_str(), "post" | "create"))
        || function.has_decorator("require_POST", source)
        || function.decorators.iter().any(|d| {
            last_name(*d, source) == "require_http_methods" && {
                let methods: Vec<String> = own_nodes(*d).into_iter().filter_map(|n| string_value(n, source)).collect();
                !methods.is_empty() && methods.iter().all(|m| m.eq_ignore_ascii_case("post"))
            }
        })
}

/// The block statement list that directly holds `node`'s statement.
fn enclosing_block(node: Node<'_>) -> Option<Node<'_>> {
    let mut current = node.parent();
    while let Some(n) = current {
        if matches!(n.kind(), "block" | "module") {
            return Some(n);
        }
        current = n.parent();
    }
    None
}

impl Rule for Create200 {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[&["objects.create", ".save"], &["Response"]]
    }
    fn passage(&self) -> Option<&'static str> {
        Some("Say where the new resource lives")
    }
    fn id(&self) -> &'static str {
        "create-200"
    }
    fn page(&self) -> &'static str {
        "201-created"
    }
    fn why(&self) -> &'static str {
        "a POST that created something answers 201 Created (with Location), not 200"
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        let source = module.source;
        for function in module.functions.iter().filter(|f| f.is_view()) {
            let post_only = handles_post(function, source);
            // (the create call, the name that then holds what was created)
            let mut creates: Vec<(Node<'_>, String)> = Vec::new();
            for call in function.calls_ending("objects.create", source) {
                let target =
                    call.parent().filter(|p| p.kind() == "assignment").and_then(|p| p.child_by_field_name("left"));
                if let Some(target) = target.filter(|t| t.kind() == "identifier") {
                    creates.push((call, text(target, source).to_string()));
                }
            }
            for call in function.calls_ending(".save", source) {
                let Some(object) = call.child_by_field_name("function").and_then(|f| f.child_by_field_name("object"))
                else {
                    continue;
                };
                if object.kind() == "identifier" && text(object, source).contains("serializer") {
                    creates.push((call, format!("{}.data", text(object, source))));
                }
            }
            for (create, holder) in creates {
                if !post_only && !in_method_branch(create, function.node, source, &["POST"]) {
                    continue;
                }
                let Some(block) = enclosing_block(create) else { continue };
                for response in function.responses.iter().cloned() {
                    let mentions = Args::of(response.call, source)
                        .positional
                        .first()
                        .is_some_and(|b| own_nodes(*b).iter().any(|n| text(*n, source) == holder));
                    if !response.factory
                        && response.class.json
                        && response.status.code == Some(200)
                        && within(response.call, block)
                        && response.call.start_byte() > create.end_byte()
                        && mentions
                    {
                        out.push(Hit::at(
                            response.call,
                            "a create answered with 200; a new resource is 201 Created, with a Location header (RFC 9110 §15.3.2). Pass status=HTTPStatus.CREATED.",
                        ));
                    }
                }
            }
        }
    }
}
