//! Which calls build a response, and what status a status expression stands for, followed
//! a little: a literal, an `HTTPStatus` or DRF `status` name, or a local name assigned once.
use super::py::{Args, children, last_name, string_value, text};
use tree_sitter::Node;

/// How a status was written, for the style rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spelling {
    /// Not given: the class's default.
    Default,
    /// A bare integer literal (`status=404`).
    Number,
    /// A string literal (`status="404"`).
    Text,
    /// A name (`HTTPStatus.NOT_FOUND`, `status.HTTP_404_NOT_FOUND`, a variable).
    Named,
}

/// A status as far as it can be known without running the code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    /// None when it depends on something not followed (a parameter, a condition).
    pub code: Option<u16>,
    pub spelling: Spelling,
}

/// A response class (or shortcut) this audit knows: its name, default status, and the
/// position its status may be passed at.
pub struct Class {
    pub name: &'static str,
    pub default: u16,
    pub status_at: Option<usize>,
    /// Whether a body is JSON (for the rules on error bodies and API views).
    pub json: bool,
}

const fn class(name: &'static str, default: u16, status_at: Option<usize>, json: bool) -> Class {
    Class { name, default, status_at, json }
}

/// `Response` is DRF's; the rest are Django's (django.http, django.shortcuts, templates).
pub const CLASSES: &[Class] = &[
    class("HttpResponse", 200, Some(2), false),
    class("JsonResponse", 200, None, true),
    class("Response", 200, Some(1), true),
    class("HttpResponseBadRequest", 400, Some(2), false),
    class("HttpResponseNotFound", 404, Some(2), false),
    class("HttpResponseForbidden", 403, Some(2), false),
    class("HttpResponseGone", 410, Some(2), false),
    class("HttpResponseServerError", 500, Some(2), false),
    class("HttpResponseNotAllowed", 405, None, false),
    class("HttpResponseRedirect", 302, None, false),
    class("HttpResponsePermanentRedirect", 301, None, false),
    class("HttpResponseNotModified", 304, None, false),
    class("StreamingHttpResponse", 200, Some(2), false),
    class("FileResponse", 200, None, false),
    class("TemplateResponse", 200, Some(3), false),
    class("render", 200, Some(4), false),
];

/// The response class `call` builds, if it is one of [`CLASSES`].
pub fn class_of(call: Node<'_>, source: &str) -> Option<&'static Class> {
    if call.kind() != "call" {
        return None;
    }
    let name = last_name(call, source);
    CLASSES.iter().find(|c| c.name == name)
}

/// The status of a response built by `call` of `class`, following names assigned in
/// `scope` (the function's own nodes).
pub fn status_of(call: Node<'_>, class: &Class, scope: &[Node<'_>], source: &str) -> Status {
    let args = Args::of(call, source);
    let given = args.keyword("status").or_else(|| class.status_at.and_then(|at| args.positional.get(at).copied()));
    match given {
        None => Status { code: Some(class.default), spelling: Spelling::Default },
        Some(value) => resolve(value, scope, source, 0),
    }
}

/// What status `node` stands for.
pub fn resolve(node: Node<'_>, scope: &[Node<'_>], source: &str, depth: u8) -> Status {
    let unknown = Status { code: None, spelling: Spelling::Named };
    match node.kind() {
        "integer" => Status { code: text(node, source).parse().ok(), spelling: Spelling::Number },
        "string" => {
            Status { code: string_value(node, source).and_then(|s| s.trim().parse().ok()), spelling: Spelling::Text }
        }
        "attribute" => Status { code: named_code(last_name(node, source)), spelling: Spelling::Named },
        "parenthesized_expression" => children(node).first().map_or(unknown, |n| resolve(*n, scope, source, depth)),
        "identifier" if depth < 3 => {
            let name = text(node, source);
            let mut values = assigned(name, scope, source);
            match (values.pop(), values.is_empty()) {
                (Some(value), true) => Status { spelling: Spelling::Named, ..resolve(value, scope, source, depth + 1) },
                _ => unknown,
            }
        }
        _ => unknown,
    }
}

/// The right-hand sides of every `name = value` in `scope` (empty when the name is also
/// changed another way, such as `+=` or a `for` target, so it cannot be followed).
pub fn assigned<'t>(name: &str, scope: &[Node<'t>], source: &str) -> Vec<Node<'t>> {
    let mut values = Vec::new();
    for node in scope {
        let (target, plain) = match node.kind() {
            "assignment" => (node.child_by_field_name("left"), true),
            "augmented_assignment" | "for_statement" => (node.child_by_field_name("left"), false),
            "named_expression" => (node.child_by_field_name("name"), false),
            _ => continue,
        };
        let Some(target) = target else { continue };
        let names_it = if target.kind() == "identifier" {
            text(target, source) == name
        } else {
            super::py::own_nodes(target).iter().any(|n| n.kind() == "identifier" && text(*n, source) == name)
        };
        if !names_it {
            continue;
        }
        match node.child_by_field_name("right") {
            Some(right) if plain && target.kind() == "identifier" => values.push(right),
            _ => return Vec::new(),
        }
    }
    values
}

/// The code of `HTTPStatus.NAME` or DRF's `status.HTTP_404_NOT_FOUND`.
pub fn named_code(name: &str) -> Option<u16> {
    if let Some(rest) = name.strip_prefix("HTTP_") {
        return rest.get(..3).and_then(|digits| digits.parse().ok());
    }
    HTTP_STATUS.iter().find(|(n, _)| *n == name).map(|(_, code)| *code)
}

/// The `http.HTTPStatus` name for a code, for the style rule's advice.
pub fn http_status_name(code: u16) -> Option<&'static str> {
    HTTP_STATUS.iter().find(|(_, c)| *c == code).map(|(n, _)| *n)
}

const HTTP_STATUS: &[(&str, u16)] = &[
    ("OK", 200),
    ("CREATED", 201),
    ("ACCEPTED", 202),
    ("NO_CONTENT", 204),
    ("MOVED_PERMANENTLY", 301),
    ("FOUND", 302),
    ("SEE_OTHER", 303),
    ("NOT_MODIFIED", 304),
    ("TEMPORARY_REDIRECT", 307),
    ("PERMANENT_REDIRECT", 308),
    ("BAD_REQUEST", 400),
    ("UNAUTHORIZED", 401),
    ("PAYMENT_REQUIRED", 402),
    ("FORBIDDEN", 403),
    ("NOT_FOUND", 404),
    ("METHOD_NOT_ALLOWED", 405),
    ("NOT_ACCEPTABLE", 406),
    ("CONFLICT", 409),
    ("GONE", 410),
    ("PRECONDITION_FAILED", 412),
    ("REQUEST_ENTITY_TOO_LARGE", 413),
    ("CONTENT_TOO_LARGE", 413),
    ("UNSUPPORTED_MEDIA_TYPE", 415),
    ("UNPROCESSABLE_ENTITY", 422),
    ("UNPROCESSABLE_CONTENT", 422),
    ("TOO_MANY_REQUESTS", 429),
    ("INTERNAL_SERVER_ERROR", 500),
    ("NOT_IMPLEMENTED", 501),
    ("BAD_GATEWAY", 502),
    ("SERVICE_UNAVAILABLE", 503),
    ("GATEWAY_TIMEOUT", 504),
];
