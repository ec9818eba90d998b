//! Response helpers followed one step: a module-level function whose one return builds a
//! response with `status=` one of its parameters (`def error(msg, status=400): return
//! JsonResponse({"error": msg}, status=status)`). A call `error("no key", 401)` in the
//! same file then counts as a 401 response, at the call.
use super::module::{Function, Response};
use super::py::{Args, children, text};
use super::status::{self, Class};
use tree_sitter::Node;

pub struct Factory<'t> {
    pub name: String,
    pub class: &'static Class,
    /// Where the status parameter is among the call's positional arguments, and its name.
    pub index: usize,
    pub param: String,
    pub default: Option<Node<'t>>,
}

/// The response helpers among `functions`. A helper that names a header anywhere
/// (`headers=...`, `response["Allow"]`) is not one: what it sends is not followed.
pub fn find<'t>(functions: &[Function<'t>], source: &str) -> Vec<Factory<'t>> {
    let mut out = Vec::new();
    for function in functions.iter().filter(|f| f.class.is_none()) {
        let returns: Vec<Node<'t>> =
            function.nodes.iter().copied().filter(|n| n.kind() == "return_statement").collect();
        let [only] = returns.as_slice() else { continue };
        let Some(call) = children(*only).into_iter().next() else { continue };
        let Some(class) = status::class_of(call, source) else { continue };
        let args = Args::of(call, source);
        if args.keyword("headers").is_some() || function.nodes.iter().any(|n| n.kind() == "subscript") {
            continue;
        }
        let given = args.keyword("status").or_else(|| class.status_at.and_then(|at| args.positional.get(at).copied()));
        let Some(given) = given.filter(|g| g.kind() == "identifier") else { continue };
        let param = text(given, source);
        let Some(index) = function.params.iter().position(|p| p == param) else { continue };
        out.push(Factory {
            name: function.name.clone(),
            class,
            index,
            param: param.to_string(),
            default: default_of(function.node, param, source),
        });
    }
    out
}

/// The default value of parameter `name` of a function definition.
fn default_of<'t>(function: Node<'t>, name: &str, source: &str) -> Option<Node<'t>> {
    let list = function.child_by_field_name("parameters")?;
    children(list).into_iter().find_map(|p| {
        let named = p.child_by_field_name("name").is_some_and(|n| text(n, source) == name);
        (matches!(p.kind(), "default_parameter" | "typed_default_parameter") && named)
            .then(|| p.child_by_field_name("value"))
            .flatten()
    })
}

/// The calls in `function` to one of `factories`, as responses with their status followed.
pub fn calls<'t>(function: &Function<'t>, factories: &[Factory<'t>], source: &str) -> Vec<Response<'t>> {
    let mut out = Vec::new();
    for node in function.nodes.iter().filter(|n| n.kind() == "call") {
        let Some(callee) = node.child_by_field_name("function").filter(|f| f.kind() == "identifier") else { continue };
        let Some(factory) = factories.iter().find(|f| f.name == text(callee, source) && f.name != function.name) else {
            continue;
        };
        let args = Args::of(*node, source);
        let status = match args.keyword(&factory.param).or_else(|| args.positional.get(factory.index).copied()) {
            Some(value) => status::resolve(value, &function.nodes, source, 0),
            None => match factory.default {
                Some(value) => {
                    status::Status { spelling: status::Spelling::Default, ..status::resolve(value, &[], source, 0) }
                }
                None => continue,
            },
        };
        out.push(Response { call: *node, class: factory.class, status, bound: None, factory: true });
    }
    out
}
