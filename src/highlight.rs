//! Syntax highlighting of code samples, as spans of [`TokenKind`] per line. No terminal types:
//! the UI maps each kind to a style from the theme.
//!
//! Python is parsed with `tree-sitter-python` (the grammar behind GitHub's and most editors'
//! highlighting) and classified by walking the syntax tree with the small tables below, rather
//! than through `tree-sitter-highlight`'s query engine. Chosen by measurement on this 2-core
//! machine (under load from other builds): a 31-line Django view with decorators, an f-string,
//! docstrings and comments; release builds; cold = first call in a fresh process, median of 41
//! processes; binary = release size added to a 0.5 MB program; build = CPU seconds (user+sys)
//! of a clean release build of the highlighter's crates.
//!
//! | candidate                                   | cold 1st call | per call | binary  | build  |
//! |---------------------------------------------|--------------:|---------:|--------:|-------:|
//! | tree-sitter-python 0.25, tree walk (chosen) |       0.26 ms |  0.14 ms | +0.6 MB |   19 s |
//! | tree-sitter-highlight 0.27 + stock query    |       5.9 ms  |  0.15 ms | +3.1 MB |   32 s |
//! | syntect 5.3 + onig, default syntaxes        |       3.7 ms  |  0.78 ms | +1.2 MB |   24 s |
//! | syntect 5.3 + fancy-regex, default syntaxes |      29 ms    |  1.7 ms  | +3.2 MB |   35 s |
//!
//! In status-tutor itself the release binary grows from 3.89 MB to 4.54 MB, a clean release
//! build takes about 17 CPU seconds more, and `cargo bench --bench highlight` shows 0.26 ms cold
//! and 0.12 ms warm for that view (about 4 us a line).
//!
//! `tree-sitter-highlight` spends 4 to 6 ms compiling its query (1.5 ms even for a one-pattern
//! query: query analysis walks the whole Python parse table), which alone would break the 6 ms
//! launch-to-first-frame budget whenever the first page shows code. syntect compiles its regexes
//! on first use and is 5 times slower per call; a Python-only syntect set is not practical, since
//! a linked `SyntaxSet` cannot be subset and the Sublime sources are not in the crate. The tree
//! walk has no one-time initialisation at all (the grammar is a static table), so there is
//! nothing to make lazy. `tree-sitter` is 0.26, the newest release within this crate's
//! `rust-version` (0.27 needs Rust 1.90), built without its `std` feature: we never run its
//! queries, and that drops regex's `perf` dependencies from the build.
use tree_sitter::{Node, Parser, TreeCursor};

/// What a piece of source text is, for choosing its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// `def`, `return`, `import`, `match` (where it is a keyword)...
    Keyword,
    /// A built-in function or type (`len`, `dict`), unless it is an attribute or a keyword argument.
    Builtin,
    /// String literals, including docstrings and the literal parts of f-strings.
    String,
    Comment,
    Number,
    /// `@login_required`, `@require_http_methods` (the name, not its arguments).
    Decorator,
    /// A function or method name where it is defined or called.
    Function,
    /// A class name where it is defined, and names that start with a capital (`JsonResponse`).
    Class,
    /// `=`, `==`, `+`, `and`, `not in`, `->`...
    Operator,
    /// Brackets, commas, colons, dots.
    Punctuation,
    /// `None`, `True`, `False`, `...`, and ALL_CAPS names.
    Constant,
    /// Everything else: names, whitespace, text of unknown languages.
    Plain,
}

/// One line of highlighted source: spans whose texts concatenate to the line.
pub type HighlightedLine = Vec<(TokenKind, String)>;

/// Sources longer than this are shown plain: code samples are a few dozen lines, and the cap
/// bounds the time a pathological input can take (about 40 ms for 64 KiB of nested brackets;
/// 2,200 lines of real code take 9 ms).
const MAX_SOURCE_BYTES: usize = 64 * 1024;

/// Highlights `source` as `language` (`python`, `py`, `python3`, any case); any other language
/// comes back as one [`TokenKind::Plain`] span per non-empty line.
///
/// The result has one entry per `source.lines()` line, and each line's spans concatenate to
/// exactly that line. Never panics.
#[must_use]
pub fn highlight(language: &str, source: &str) -> Vec<HighlightedLine> {
    if is_python(language) { highlight_python(source) } else { plain(source) }
}

/// Whether [`highlight`] knows `language` (otherwise it returns plain text).
#[must_use]
pub fn is_supported(language: &str) -> bool {
    is_python(language)
}

fn is_python(language: &str) -> bool {
    ["python", "py", "python3"].iter().any(|name| language.trim().eq_ignore_ascii_case(name))
}

/// Highlights Python source (3.x; invalid code is highlighted as far as it parses).
///
/// The result has one entry per `source.lines()` line, and each line's spans concatenate to
/// exactly that line. Never panics.
#[must_use]
pub fn highlight_python(source: &str) -> Vec<HighlightedLine> {
    let mut kinds = vec![TokenKind::Plain; source.len()];
    if source.len() <= MAX_SOURCE_BYTES {
        classify(source, &mut kinds);
    }
    split_lines(source, &kinds)
}

/// Every line as a single plain span (no span for an empty line).
fn plain(source: &str) -> Vec<HighlightedLine> {
    source
        .lines()
        .map(|line| if line.is_empty() { Vec::new() } else { vec![(TokenKind::Plain, line.to_string())] })
        .collect()
}

/// Parses `source` and writes the kind of every byte into `kinds` (same length as `source`).
fn classify(source: &str, kinds: &mut [TokenKind]) {
    let mut parser = Parser::new();
    if parser.set_language(&tree_sitter_python::LANGUAGE.into()).is_err() {
        return;
    }
    let Some(tree) = parser.parse(source, None) else { return };
    Walk { source, kinds, decorator: 0..0 }.run(&mut tree.walk());
}

/// A node on the path from the root to the cursor: its kind and its field in its parent.
#[derive(Clone, Copy)]
struct Frame<'tree> {
    kind: &'tree str,
    field: Option<&'tree str>,
}

struct Walk<'a> {
    source: &'a str,
    kinds: &'a mut [TokenKind],
    /// The bytes of the decorator name being walked (`@name` or `@a.b`, without arguments).
    decorator: std::ops::Range<usize>,
}

impl Walk<'_> {
    /// Visits every node in document order without recursion (deep nesting cannot overflow).
    fn run(&mut self, cursor: &mut TreeCursor) {
        let mut ancestors: Vec<Frame> = Vec::new();
        loop {
            let node = cursor.node();
            let field = cursor.field_name();
            if self.visit(node, field, &ancestors) && cursor.goto_first_child() {
                ancestors.push(Frame { kind: node.kind(), field });
                continue;
            }
            loop {
                if cursor.goto_next_sibling() {
                    break;
                }
                if !cursor.goto_parent() {
                    return;
                }
                ancestors.pop();
            }
        }
    }

    /// Colours `node` if its kind decides its colour; returns whether to visit its children.
    fn visit(&mut self, node: Node, field: Option<&str>, ancestors: &[Frame]) -> bool {
        let in_decorator = self.decorator.start <= node.start_byte() && node.end_byte() <= self.decorator.end;
        match node.kind() {
            "comment" => self.fill(node, TokenKind::Comment),
            // A string's children are its quotes, text and escapes; only f-string
            // interpolations inside it get colours of their own.
            "string" => {
                self.fill(node, TokenKind::String);
                return true;
            }
            "string_start" | "string_content" | "string_end" | "escape_sequence" | "escape_interpolation" => {}
            "interpolation" => {
                self.fill(node, TokenKind::Plain);
                return true;
            }
            "format_specifier" => {
                self.fill(node, TokenKind::String);
                return true;
            }
            "type_conversion" => self.fill(node, TokenKind::Operator),
            "integer" | "float" => self.fill(node, TokenKind::Number),
            "true" | "false" | "none" | "ellipsis" => self.fill(node, TokenKind::Constant),
            "line_continuation" => self.fill(node, TokenKind::Punctuation),
            "decorator" => {
                let end = match node.named_child(0) {
                    Some(call) if call.kind() == "call" => {
                        call.child_by_field_name("function").map_or(call.end_byte(), |f| f.end_byte())
                    }
                    Some(expression) => expression.end_byte(),
                    None => node.end_byte(),
                };
                self.decorator = node.start_byte()..end;
                if let Some(bytes) = self.kinds.get_mut(self.decorator.clone()) {
                    bytes.fill(TokenKind::Decorator);
                }
                return true;
            }
            // Already coloured as part of the decorator's name.
            _ if in_decorator => return true,
            "identifier" => {
                let text = self.source.get(node.start_byte()..node.end_byte()).unwrap_or_default();
                self.fill(node, identifier_kind(text, field, ancestors));
            }
            token if !node.is_named() => {
                if let Some(kind) = token_kind(token) {
                    self.fill(node, kind);
                }
            }
            // Statements, expressions, ERROR nodes: their children decide.
            _ => return true,
        }
        false
    }

    fn fill(&mut self, node: Node, kind: TokenKind) {
        if let Some(bytes) = self.kinds.get_mut(node.start_byte()..node.end_byte()) {
            bytes.fill(kind);
        }
    }
}

/// The kind of an identifier, from where it stands (`field` in its parent, the ancestors) and
/// its spelling.
fn identifier_kind(text: &str, field: Option<&str>, ancestors: &[Frame]) -> TokenKind {
    let parent = ancestors.last();
    let grandparent = ancestors.len().checked_sub(2).and_then(|i| ancestors.get(i));
    match (parent.map(|p| p.kind), field) {
        (Some("function_definition"), Some("name")) => return TokenKind::Function,
        (Some("class_definition"), Some("name")) => return TokenKind::Class,
        (Some("call"), Some("function")) if !BUILTINS.contains(&text) && !starts_upper(text) => {
            return TokenKind::Function;
        }
        // `obj.method(...)`: the identifier is the attribute of the call's function.
        (Some("attribute"), Some("attribute"))
            if parent.and_then(|p| p.field) == Some("function") && grandparent.map(|g| g.kind) == Some("call") =>
        {
            return if starts_upper(text) { TokenKind::Class } else { TokenKind::Function };
        }
        // `obj.id`, `status=...`: names that only look like built-ins.
        (Some("attribute"), Some("attribute")) | (Some("keyword_argument"), Some("name")) => {}
        (Some("type"), _) if !BUILTINS.contains(&text) => return TokenKind::Class,
        _ if BUILTINS.contains(&text) => return TokenKind::Builtin,
        _ => {}
    }
    if text.len() > 1
        && starts_upper(text)
        && text.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        TokenKind::Constant
    } else if starts_upper(text) {
        TokenKind::Class
    } else {
        TokenKind::Plain
    }
}

fn starts_upper(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase())
}

/// The kind of an anonymous token (keyword, operator, bracket...), by its text.
fn token_kind(token: &str) -> Option<TokenKind> {
    if KEYWORDS.contains(&token) {
        Some(TokenKind::Keyword)
    } else if OPERATORS.contains(&token) {
        Some(TokenKind::Operator)
    } else if PUNCTUATION.contains(&token) {
        Some(TokenKind::Punctuation)
    } else if token == "print" || token == "exec" {
        // Python 2 statements in the grammar; built-in functions in Python 3.
        Some(TokenKind::Builtin)
    } else {
        None
    }
}

/// Keywords, including the soft ones (`match`, `case`, `type`), which the grammar only
/// produces as tokens where they act as keywords.
const KEYWORDS: &[&str] = &[
    "as", "assert", "async", "await", "break", "case", "class", "continue", "def", "del", "elif", "else", "except",
    "finally", "for", "from", "global", "if", "import", "lambda", "match", "nonlocal", "pass", "raise", "return",
    "try", "type", "while", "with", "yield",
];

const OPERATORS: &[&str] = &[
    "-", "-=", "!=", "*", "**", "**=", "*=", "/", "//", "//=", "/=", "&", "&=", "%", "%=", "^", "^=", "+", "->", "+=",
    "<", "<<", "<<=", "<=", "<>", "=", ":=", "==", ">", ">=", ">>", ">>=", "|", "|=", "~", "@", "@=", "and", "in",
    "is", "not", "or", "is not", "not in",
];

const PUNCTUATION: &[&str] = &["(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "\\"];

/// Built-in functions and types (Python 3.13), as in tree-sitter-python's highlights query.
const BUILTINS: &[&str] = &[
    "abs",
    "aiter",
    "all",
    "anext",
    "any",
    "ascii",
    "bin",
    "bool",
    "breakpoint",
    "bytearray",
    "bytes",
    "callable",
    "chr",
    "classmethod",
    "compile",
    "complex",
    "delattr",
    "dict",
    "dir",
    "divmod",
    "enumerate",
    "eval",
    "exec",
    "filter",
    "float",
    "format",
    "frozenset",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "help",
    "hex",
    "id",
    "input",
    "int",
    "isinstance",
    "issubclass",
    "iter",
    "len",
    "list",
    "locals",
    "map",
    "max",
    "memoryview",
    "min",
    "next",
    "object",
    "oct",
    "open",
    "ord",
    "pow",
    "print",
    "property",
    "range",
    "repr",
    "reversed",
    "round",
    "set",
    "setattr",
    "slice",
    "sorted",
    "staticmethod",
    "str",
    "sum",
    "super",
    "tuple",
    "type",
    "vars",
    "zip",
    "__import__",
];

/// Cuts `source` into lines exactly as [`str::lines`] does and groups each line's bytes into
/// spans of one kind. A span only ends on a character boundary, so no slice can panic.
fn split_lines(source: &str, kinds: &[TokenKind]) -> Vec<HighlightedLine> {
    let mut lines = Vec::new();
    let mut line_start = 0;
    for raw in source.split_inclusive('\n') {
        let line = match raw.strip_suffix('\n') {
            Some(line) => line.strip_suffix('\r').unwrap_or(line),
            None => raw,
        };
        let kind_at = |i: usize| kinds.get(line_start + i).copied().unwrap_or(TokenKind::Plain);
        let mut spans = Vec::new();
        let mut span_start = 0;
        for (i, _) in line.char_indices().skip(1) {
            if kind_at(i) != kind_at(span_start) {
                spans.push((kind_at(span_start), line.get(span_start..i).unwrap_or_default().to_string()));
                span_start = i;
            }
        }
        if span_start < line.len() {
            spans.push((kind_at(span_start), line.get(span_start..).unwrap_or_default().to_string()));
        }
        lines.push(spans);
        line_start += raw.len();
    }
    lines
}
