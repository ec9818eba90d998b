//! Rules on how a view is set up: decorators, mixins, and what it reads from the request.
use super::{Hit, Rule};
use crate::audit::module::{Function, HANDLER_METHODS, Module, decorator_name, in_method_branch};
use crate::audit::py::{own_nodes, string_value, text};
use tree_sitter::Node;

/// Whether every response a function builds is JSON (and it builds at least one).
fn answers_json(function: &Function<'_>, module: &Module<'_>) -> bool {
    let responses = &function.responses;
    !responses.is_empty()
        && responses.iter().all(|r| r.class.json)
        && function.calls_ending("redirect", module.source).next().is_none()
}

/// The decorator `name` of a class given through `@method_decorator(name, ...)`.
fn class_decorator<'t>(function: &Function<'t>, name: &str, source: &str) -> Option<Node<'t>> {
    function.class.as_ref()?.decorators.iter().copied().find(|d| {
        decorator_name(*d, source) == "method_decorator"
            && own_nodes(*d).iter().any(|n| n.kind() == "identifier" && text(*n, source) == name)
    })
}

/// Whether a view is meant for programs rather than a person's browser: it (or its class,
/// or its file) is named for an API, or it reads a request body. A JSON download that a
/// logged-in person opens in the browser is fine behind login_required.
fn looks_like_api(function: &Function<'_>, module: &Module<'_>) -> bool {
    let source = module.source;
    let named = |name: &str| {
        let lower = name.to_ascii_lowercase();
        lower.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| w == "api")
            || lower.starts_with("api")
            || lower.ends_with("api")
    };
    named(&function.name)
        || function.class.as_ref().is_some_and(|c| named(&c.name))
        || named(module.name)
        || function.nodes.iter().any(|n| n.kind() == "attribute" && text(*n, source).ends_with("request.body"))
}

pub struct LoginRequiredApi;

impl Rule for LoginRequiredApi {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[&["login_required", "LoginRequiredMixin"], &["Response"]]
    }
    fn passage(&self) -> Option<&'static str> {
        Some("@login_required never sends 401")
    }
    fn id(&self) -> &'static str {
        "login-required-api"
    }
    fn page(&self) -> &'static str {
        "401-unauthorized"
    }
    fn why(&self) -> &'static str {
        "login_required answers an API client with a 302 to an HTML login page, never 401"
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        let source = module.source;
        let mut classes_done: Vec<String> = Vec::new();
        for function in module.functions.iter().filter(|f| f.is_view() && !f.is_drf(source)) {
            let decorator =
                function.decorators.iter().copied().find(|d| decorator_name(*d, source) == "login_required");
            let mixin = function.class.as_ref().filter(|c| c.bases.iter().any(|b| b == "LoginRequiredMixin"));
            let at = match (decorator, mixin) {
                (Some(d), _) => d,
                (None, Some(class)) if HANDLER_METHODS.contains(&function.name.as_str()) => {
                    if classes_done.contains(&class.name) {
                        continue;
                    }
                    function.node
                }
                _ => continue,
            };
            if !answers_json(function, module) || !looks_like_api(function, module) {
                continue;
            }
            if let Some(class) = mixin {
                classes_done.push(class.name.clone());
            }
            out.push(Hit::at(
                at,
                "login_required in front of a JSON view: an anonymous client gets a 302 to the HTML login page, not a 401. Return a JSON 401 (with WWW-Authenticate) or 403 yourself.",
            ));
        }
    }
}

pub struct PutReadsPost;

/// Whether the function only takes PUT or PATCH, by its decorators.
fn put_only(function: &Function<'_>, source: &str) -> bool {
    (function.class.is_some() && matches!(function.name.as_str(), "put" | "patch"))
        || function.decorators.iter().any(|d| {
            decorator_name(*d, source) == "require_http_methods" && {
                let methods: Vec<String> = own_nodes(*d).into_iter().filter_map(|n| string_value(n, source)).collect();
                !methods.is_empty()
                    && methods.iter().all(|m| m.eq_ignore_ascii_case("put") || m.eq_ignore_ascii_case("patch"))
            }
        })
}

impl Rule for PutReadsPost {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[&["request.POST"]]
    }
    fn passage(&self) -> Option<&'static str> {
        Some("PUT reads request.POST")
    }
    fn id(&self) -> &'static str {
        "put-reads-post"
    }
    fn page(&self) -> &'static str {
        "rest-request-bodies"
    }
    fn why(&self) -> &'static str {
        "request.POST is empty for PUT and PATCH: the handler sees no data"
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        let source = module.source;
        for function in module.functions.iter().filter(|f| f.is_view() && !f.is_drf(source)) {
            let whole = put_only(function, source);
            for node in
                function.nodes.iter().filter(|n| n.kind() == "attribute" && text(**n, source).ends_with("request.POST"))
            {
                if whole || in_method_branch(*node, function.node, source, &["PUT", "PATCH"]) {
                    out.push(Hit::at(
                        *node,
                        "request.POST read in a PUT/PATCH handler; Django fills it only for form-encoded POST, so it is empty here. Parse request.body (json.loads, or QueryDict for forms).",
                    ));
                }
            }
        }
    }
}

/// Whether a view may take an unsafe method (CSRF guards only those): a class's
/// post/put/patch/delete/dispatch, or a function view not limited to GET and HEAD.
fn may_change_state(function: &Function<'_>, source: &str) -> bool {
    if function.class.is_some() {
        return matches!(function.name.as_str(), "post" | "put" | "patch" | "delete" | "dispatch");
    }
    let read_only = function.decorators.iter().any(|d| match decorator_name(*d, source) {
        "require_GET" | "require_safe" => true,
        "require_http_methods" => {
            let methods: Vec<String> = own_nodes(*d).into_iter().filter_map(|n| string_value(n, source)).collect();
            !methods.is_empty()
                && methods.iter().all(|m| m.eq_ignore_ascii_case("get") || m.eq_ignore_ascii_case("head"))
        }
        _ => false,
    });
    !read_only
}

pub struct CsrfExemptSession;

impl Rule for CsrfExemptSession {
    fn triggers(&self) -> &'static [&'static [&'static str]] {
        &[&["csrf_exempt"], &["request.user", "request.session"]]
    }
    fn passage(&self) -> Option<&'static str> {
        Some("Never exempt a cookie-authenticated view")
    }
    fn id(&self) -> &'static str {
        "csrf-exempt-session"
    }
    fn page(&self) -> &'static str {
        "csrf"
    }
    fn why(&self) -> &'static str {
        "csrf_exempt on a view that trusts the session user lets any site act as that user"
    }
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>) {
        let source = module.source;
        let mut classes_done: Vec<String> = Vec::new();
        for function in
            module.functions.iter().filter(|f| f.is_view() && !f.is_drf(source) && may_change_state(f, source))
        {
            let decorator = function
                .decorators
                .iter()
                .copied()
                .find(|d| decorator_name(*d, source) == "csrf_exempt")
                .or_else(|| class_decorator(function, "csrf_exempt", source));
            let Some(decorator) = decorator else { continue };
            if let Some(class) = &function.class
                && function.decorators.is_empty()
                && classes_done.contains(&class.name)
            {
                continue;
            }
            let session = function.nodes.iter().find(|n| {
                n.kind() == "attribute" && {
                    let t = text(**n, source);
                    t.ends_with("request.user") || t.ends_with("request.session")
                }
            });
            if let Some(session) = session {
                if let Some(class) = &function.class {
                    classes_done.push(class.name.clone());
                }
                let row = session.start_position().row + 1;
                out.push(Hit::at(
                    decorator,
                    format!("csrf_exempt on a view that uses the session ({} on line {row}): another site can post as the logged-in user. Keep CSRF and send the token, or authenticate by token.", text(*session, source)),
                ));
            }
        }
    }
}
