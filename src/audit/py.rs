//! Small readers over a tree-sitter-python syntax tree: names of calls, keyword arguments,
//! string values, and a walk that stays inside one function.
use tree_sitter::Node;

/// The source text of `node` ("" when the bytes are not on a character boundary).
pub fn text<'s>(node: Node<'_>, source: &'s str) -> &'s str {
    source.get(node.byte_range()).unwrap_or("")
}

/// The named children of `node`, collected (tree-sitter iterates through a cursor).
pub fn children(node: Node<'_>) -> Vec<Node<'_>> {
    let mut cursor = node.walk();
    node.named_children(&mut cursor).collect()
}

/// The last name of a dotted expression: `HttpResponse` for `http.HttpResponse`, or for a
/// call, of what is called.
pub fn last_name<'s>(node: Node<'_>, source: &'s str) -> &'s str {
    match node.kind() {
        "identifier" => text(node, source),
        "attribute" => node.child_by_field_name("attribute").map_or("", |n| text(n, source)),
        "call" => node.child_by_field_name("function").map_or("", |n| last_name(n, source)),
        _ => "",
    }
}

/// The whole dotted name of an identifier or attribute chain (`models.Thing.objects.create`),
/// or of what a call calls; "" for anything else.
pub fn dotted<'s>(node: Node<'_>, source: &'s str) -> &'s str {
    match node.kind() {
        "identifier" | "attribute" => text(node, source),
        "call" => node.child_by_field_name("function").map_or("", |n| dotted(n, source)),
        _ => "",
    }
}

/// A call's arguments: positional ones in order, and the keyword ones by name.
pub struct Args<'t> {
    pub positional: Vec<Node<'t>>,
    pub keywords: Vec<(String, Node<'t>)>,
}

impl<'t> Args<'t> {
    pub fn of(call: Node<'t>, source: &str) -> Args<'t> {
        let mut args = Args { positional: Vec::new(), keywords: Vec::new() };
        let Some(list) = call.child_by_field_name("arguments") else { return args };
        for arg in children(list) {
            match arg.kind() {
                "keyword_argument" => {
                    if let (Some(name), Some(value)) =
                        (arg.child_by_field_name("name"), arg.child_by_field_name("value"))
                    {
                        args.keywords.push((text(name, source).to_string(), value));
                    }
                }
                "comment" | "list_splat" | "dictionary_splat" => {}
                _ => args.positional.push(arg),
            }
        }
        args
    }

    pub fn keyword(&self, name: &str) -> Option<Node<'t>> {
        self.keywords.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
    }

    /// The argument passed by keyword `name`, else at position `index`.
    pub fn get(&self, name: &str, index: usize) -> Option<Node<'t>> {
        self.keyword(name).or_else(|| self.positional.get(index).copied())
    }
}

/// The value of a plain string literal (no interpolation), without its quotes.
pub fn string_value(node: Node<'_>, source: &str) -> Option<String> {
    if node.kind() != "string" {
        return None;
    }
    let mut value = String::new();
    for part in children(node) {
        match part.kind() {
            "string_start" | "string_end" => {}
            "string_content" => value.push_str(text(part, source)),
            _ => return None,
        }
    }
    Some(value)
}

/// Whether `node` is a string of some kind (literal, f-string, concatenation), or a call
/// to a translation function on one (`_("...")`, `gettext("...")`).
pub fn is_text(node: Node<'_>, source: &str) -> bool {
    match node.kind() {
        "string" | "concatenated_string" => true,
        "call" => {
            let name = last_name(node, source);
            ["_", "gettext", "gettext_lazy", "ugettext", "gettext_noop", "str"].contains(&name)
                && Args::of(node, source).positional.first().is_some_and(|a| is_text(*a, source) || name == "str")
        }
        _ => false,
    }
}

/// Every node under `node` (itself included) in source order, without entering nested
/// functions, classes or lambdas: what one function's own body does.
pub fn own_nodes(node: Node<'_>) -> Vec<Node<'_>> {
    let mut out = vec![node];
    // One cursor for the whole walk: no allocation per node (this runs on every function).
    let mut cursor = node.walk();
    if !cursor.goto_first_child() {
        return out;
    }
    loop {
        let current = cursor.node();
        let enter = current.is_named()
            && !matches!(
                current.kind(),
                "function_definition" | "class_definition" | "lambda" | "decorated_definition"
            );
        if enter {
            out.push(current);
            if cursor.goto_first_child() {
                continue;
            }
        }
        while !cursor.goto_next_sibling() {
            if !cursor.goto_parent() {
                return out;
            }
        }
    }
}

/// Whether `inner` lies inside `outer` (or is it).
pub fn within(inner: Node<'_>, outer: Node<'_>) -> bool {
    outer.start_byte() <= inner.start_byte() && inner.end_byte() <= outer.end_byte()
}

/// The parameter names of a function definition, in order (`self` included).
pub fn parameters(function: Node<'_>, source: &str) -> Vec<String> {
    let Some(list) = function.child_by_field_name("parameters") else { return Vec::new() };
    children(list)
        .into_iter()
        .filter_map(|p| match p.kind() {
            "identifier" => Some(text(p, source).to_string()),
            "typed_parameter" => children(p).first().map(|n| text(*n, source).to_string()),
            "default_parameter" | "typed_default_parameter" => {
                p.child_by_field_name("name").map(|n| text(n, source).to_string())
            }
            _ => None,
        })
        .collect()
}
