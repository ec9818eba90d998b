//! One parsed Python file, read into what the rules ask about: its functions (with their
//! decorators and class), and the responses each function builds.
use super::py::{children, dotted, last_name, own_nodes, parameters, text};
use super::status::{self, Class as ResponseClass, Status};
use tree_sitter::{Node, Tree};

/// Methods through which a class-based view or a DRF view/viewset answers a request.
pub const HANDLER_METHODS: &[&str] = &[
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "head",
    "options",
    "dispatch",
    "create",
    "update",
    "partial_update",
    "destroy",
    "list",
    "retrieve",
];

/// Base classes that make a class a DRF view (its responses pass through DRF's finalize).
const DRF_BASES: &[&str] = &[
    "APIView",
    "GenericAPIView",
    "ViewSet",
    "GenericViewSet",
    "ModelViewSet",
    "ReadOnlyModelViewSet",
    "ViewSetMixin",
    "CreateAPIView",
    "ListAPIView",
    "RetrieveAPIView",
    "DestroyAPIView",
    "UpdateAPIView",
    "ListCreateAPIView",
    "RetrieveUpdateAPIView",
    "RetrieveDestroyAPIView",
    "RetrieveUpdateDestroyAPIView",
];

/// Statements that hold blocks, where definitions can sit.
const COMPOUND: &[&str] = &[
    "block",
    "if_statement",
    "elif_clause",
    "else_clause",
    "try_statement",
    "except_clause",
    "except_group_clause",
    "finally_clause",
    "with_statement",
    "for_statement",
    "while_statement",
    "match_statement",
    "case_clause",
];

pub struct Module<'t> {
    /// How findings name the file (its path under the audited folder).
    pub name: &'t str,
    pub source: &'t str,
    pub root: Node<'t>,
    pub functions: Vec<Function<'t>>,
    /// Whether the file names Django REST framework at all.
    pub uses_drf: bool,
}

pub struct Class<'t> {
    pub name: String,
    /// The last names of the base classes (`LoginRequiredMixin`, `View`).
    pub bases: Vec<String>,
    pub decorators: Vec<Node<'t>>,
}

pub struct Function<'t> {
    pub node: Node<'t>,
    pub name: String,
    /// The decorator expressions, outermost first.
    pub decorators: Vec<Node<'t>>,
    pub class: Option<Class<'t>>,
    pub params: Vec<String>,
    /// Every node of the function's own body, in source order (nested definitions left out).
    pub nodes: Vec<Node<'t>>,
    /// The responses it builds, with their status followed (computed once for all rules).
    pub responses: Vec<Response<'t>>,
}

/// A response built in a function.
#[derive(Clone)]
pub struct Response<'t> {
    pub call: Node<'t>,
    pub class: &'static ResponseClass,
    pub status: Status,
    /// The name it is assigned to (`response = HttpResponse(...)`), if any.
    pub bound: Option<String>,
    /// Built by a helper in the same file (`error("no key", 401)`): the call is the
    /// helper's, so its arguments are not the response's body.
    pub factory: bool,
}

impl<'t> Module<'t> {
    pub fn read(tree: &'t Tree, name: &'t str, source: &'t str) -> Module<'t> {
        let root = tree.root_node();
        let mut functions = Vec::new();
        collect(root, source, None, &mut functions);
        let uses_drf = source.contains("rest_framework");
        for function in &mut functions {
            function.responses = function.find_responses(source, uses_drf);
        }
        let factories = super::factory::find(&functions, source);
        for function in &mut functions {
            let more = super::factory::calls(function, &factories, source);
            function.responses.extend(more);
        }
        Module { name, source, root, functions, uses_drf }
    }
}

/// Every function definition under `node`, with the class it is a method of.
fn collect<'t>(node: Node<'t>, source: &str, class: Option<&Class<'t>>, out: &mut Vec<Function<'t>>) {
    for child in children(node) {
        let (definition, decorators) = match child.kind() {
            "decorated_definition" => {
                let decorators = children(child)
                    .into_iter()
                    .filter(|d| d.kind() == "decorator")
                    .filter_map(|d| children(d).into_iter().find(|e| e.kind() != "comment"))
                    .collect();
                match child.child_by_field_name("definition") {
                    Some(definition) => (definition, decorators),
                    None => continue,
                }
            }
            _ => (child, Vec::new()),
        };
        match definition.kind() {
            "function_definition" => {
                let name = definition.child_by_field_name("name").map_or("", |n| text(n, source)).to_string();
                let body = definition.child_by_field_name("body");
                out.push(Function {
                    node: definition,
                    name,
                    decorators,
                    class: class.map(|c| Class {
                        name: c.name.clone(),
                        bases: c.bases.clone(),
                        decorators: c.decorators.clone(),
                    }),
                    params: parameters(definition, source),
                    nodes: body.map(own_nodes).unwrap_or_default(),
                    responses: Vec::new(),
                });
                if let Some(body) = body {
                    collect(body, source, None, out);
                }
            }
            "class_definition" => {
                let name = definition.child_by_field_name("name").map_or("", |n| text(n, source)).to_string();
                let bases = definition
                    .child_by_field_name("superclasses")
                    .map(|list| children(list).into_iter().map(|b| last_name(b, source).to_string()).collect())
                    .unwrap_or_default();
                let inner = Class { name, bases, decorators };
                if let Some(body) = definition.child_by_field_name("body") {
                    collect(body, source, Some(&inner), out);
                }
            }
            // Definitions inside if/try/with blocks; expressions hold none worth following.
            kind if COMPOUND.contains(&kind) => collect(definition, source, class, out),
            _ => {}
        }
    }
}

/// The name a decorator expression applies: `login_required` for `@login_required`,
/// `@auth.login_required` and `@login_required(login_url=...)`.
pub fn decorator_name<'s>(decorator: Node<'_>, source: &'s str) -> &'s str {
    last_name(decorator, source)
}

impl<'t> Function<'t> {
    pub fn has_decorator(&self, name: &str, source: &str) -> bool {
        self.decorators.iter().any(|d| decorator_name(*d, source) == name)
    }

    /// Whether this is a method of a class named like a DRF view, or a DRF function view.
    pub fn is_drf(&self, source: &str) -> bool {
        self.has_decorator("api_view", source)
            || self.has_decorator("action", source)
            || self.class.as_ref().is_some_and(|c| {
                c.bases
                    .iter()
                    .any(|b| DRF_BASES.contains(&b.as_str()) || b.ends_with("APIView") || b.ends_with("ViewSet"))
            })
    }

    /// Whether this function answers requests: its first parameter (after `self`) is the
    /// request, or it is a handler method of a class.
    pub fn is_view(&self) -> bool {
        let first = match self.class {
            Some(_) => self.params.get(1),
            None => self.params.first(),
        };
        first.is_some_and(|p| p == "request" || p == "req")
            || (self.class.is_some() && HANDLER_METHODS.contains(&self.name.as_str()))
    }

    /// The responses this function builds, with their status followed. DRF's `Response`
    /// counts only in a file that names rest_framework (`drf`).
    fn find_responses(&self, source: &str, drf: bool) -> Vec<Response<'t>> {
        let mut out = Vec::new();
        for node in &self.nodes {
            let Some(class) = status::class_of(*node, source) else { continue };
            if class.name == "Response" && !drf {
                continue;
            }
            let bound = node
                .parent()
                .filter(|p| p.kind() == "assignment")
                .and_then(|p| p.child_by_field_name("left"))
                .filter(|left| left.kind() == "identifier")
                .map(|left| text(left, source).to_string());
            let mut status = status::status_of(*node, class, &self.nodes, source);
            if let Some(name) = &bound {
                // `response.status_code = ...` later wins over the constructor's status.
                let changed: Vec<Node<'t>> = self
                    .nodes
                    .iter()
                    .filter(|n| n.kind() == "assignment")
                    .filter(|n| {
                        n.child_by_field_name("left").is_some_and(|l| text(l, source) == format!("{name}.status_code"))
                    })
                    .filter_map(|n| n.child_by_field_name("right"))
                    .collect();
                match changed.as_slice() {
                    [] => {}
                    [value] => status = status::resolve(*value, &self.nodes, source, 0),
                    _ => status.code = None,
                }
            }
            out.push(Response { call: *node, class, status, bound, factory: false });
        }
        out
    }

    /// Whether any plain string literal in the function equals `wanted` (any case): used to
    /// see a header named anywhere, such as `response["Allow"]` or `headers={"Allow": ...}`.
    pub fn names_string(&self, wanted: &str, source: &str) -> bool {
        self.nodes.iter().any(|n| n.kind() == "string_content" && text(*n, source).trim().eq_ignore_ascii_case(wanted))
    }

    /// Calls in the function whose dotted name ends with `suffix` (`objects.create`).
    pub fn calls_ending<'a>(&'a self, suffix: &'a str, source: &'a str) -> impl Iterator<Item = Node<'t>> + 'a {
        self.nodes.iter().copied().filter(move |n| n.kind() == "call" && dotted(*n, source).ends_with(suffix))
    }
}

/// Whether `node` runs only when the request's method is one of `methods`: it sits in the
/// body of an `if` (or `elif`) on `request.method` that names only those methods.
pub fn in_method_branch(node: Node<'_>, stop: Node<'_>, source: &str, methods: &[&str]) -> bool {
    let mut current = node;
    while let Some(parent) = current.parent() {
        if parent.id() == stop.id() {
            return false;
        }
        if matches!(parent.kind(), "if_statement" | "elif_clause")
            && parent.child_by_field_name("consequence").is_some_and(|c| c.id() == current.id())
            && parent.child_by_field_name("condition").is_some_and(|c| tests_methods(c, source, methods))
        {
            return true;
        }
        current = parent;
    }
    false
}

/// Whether a condition compares `.method` with quoted method names, all in `methods`.
fn tests_methods(condition: Node<'_>, source: &str, methods: &[&str]) -> bool {
    let text = text(condition, source);
    if !text.contains(".method") || text.contains(" not ") || text.contains("!=") || text.contains(" or ") {
        return false;
    }
    let named: Vec<String> = own_nodes(condition)
        .into_iter()
        .filter(|n| n.kind() == "string")
        .filter_map(|n| super::py::string_value(n, source))
        .collect();
    !named.is_empty() && named.iter().all(|m| methods.iter().any(|x| m.eq_ignore_ascii_case(x)))
}
