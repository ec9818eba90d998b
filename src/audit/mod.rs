//! `status-tutor audit`: reads a Django project's Python files statically (never importing
//! or running them) and reports status-code mistakes, each linked to the lesson that
//! explains it. Files are parsed with tree-sitter-python on all cores.
pub mod factory;
pub mod module;
pub mod output;
pub mod py;
pub mod rules;
pub mod status;
pub mod walk;

use rules::Rule;
use serde::Serialize;
use tree_sitter::{Node, Parser};

/// One finding: where, which rule, what to do, and the lesson to read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Finding {
    pub file: String,
    pub line: usize,
    /// 1-based, in characters.
    pub col: usize,
    pub rule: &'static str,
    pub message: String,
    pub page: &'static str,
    /// The source line the finding is on.
    pub source: String,
}

/// What an audit of a tree found, and what it could not read.
#[derive(Debug, Default)]
pub struct Report {
    pub findings: Vec<Finding>,
    /// Files skipped or read only in part, and why; sorted.
    pub notes: Vec<String>,
    pub files: usize,
    /// Whether any file names django or rest_framework.
    pub django: bool,
}

/// The rules to run: `select` (or every rule on by default when empty; `all` selects every
/// rule), less `ignore`. An unknown rule id is an error naming it.
pub fn selection(select: &[String], ignore: &[String]) -> Result<Vec<&'static dyn Rule>, String> {
    for id in select.iter().chain(ignore) {
        if id != "all" && rules::find(id).is_none() {
            let known: Vec<&str> = rules::ALL.iter().map(|r| r.id()).collect();
            return Err(format!("unknown rule \"{id}\"; the rules are: {}", known.join(", ")));
        }
    }
    let everything = select.iter().any(|s| s == "all");
    Ok(rules::ALL
        .iter()
        .copied()
        .filter(|r| if select.is_empty() { r.default_on() } else { everything || select.iter().any(|s| s == r.id()) })
        .filter(|r| !ignore.iter().any(|i| i == r.id()))
        .collect())
}

/// A new parser for Python (None only if the grammar and the library disagree on versions).
pub fn python_parser() -> Option<Parser> {
    let mut parser = Parser::new();
    parser.set_language(&tree_sitter_python::LANGUAGE.into()).ok()?;
    Some(parser)
}

/// What auditing one file gave.
#[derive(Debug, Default)]
pub struct FileResult {
    pub findings: Vec<Finding>,
    pub note: Option<String>,
    pub django: bool,
}

/// Audits one file's text; `name` is how findings name the file.
pub fn audit_source(parser: &mut Parser, name: &str, source: &str, rules: &[&'static dyn Rule]) -> FileResult {
    let mut seen: Vec<(&'static str, bool)> = Vec::new();
    let mut has = |word: &'static str| match seen.iter().find(|(w, _)| *w == word) {
        Some((_, found)) => *found,
        None => {
            let found = memchr::memmem::find(source.as_bytes(), word.as_bytes()).is_some();
            seen.push((word, found));
            found
        }
    };
    let mut result = FileResult { django: has("django") || has("rest_framework"), ..FileResult::default() };
    // Most files build no response: those that lack every enabled rule's words are not parsed.
    let rules: Vec<&'static dyn Rule> = rules.iter().copied().filter(|r| rules::may_apply(*r, &mut has)).collect();
    if rules.is_empty() {
        return result;
    }
    let Some(tree) = parser.parse(source, None) else {
        result.note = Some(format!("{name}: could not be parsed; skipped"));
        return result;
    };
    let root = tree.root_node();
    if root.has_error() {
        let line = first_error(root).map_or(1, |n| n.start_position().row + 1);
        result.note = Some(format!(
            "{name}: could not read fully (the parser lost track near line {line}); findings there may be missing"
        ));
    }
    let module = module::Module::read(&tree, name, source);
    let lines: Vec<&str> = source.lines().collect();
    for rule in &rules {
        let mut hits = Vec::new();
        rule.check(&module, &mut hits);
        for hit in hits {
            let text = lines.get(hit.row).copied().unwrap_or("");
            if ignored_inline(text, rule.id()) {
                continue;
            }
            let col = text.get(..hit.byte_column).map_or(hit.byte_column, |before| before.chars().count()) + 1;
            result.findings.push(Finding {
                file: name.to_string(),
                line: hit.row + 1,
                col,
                rule: rule.id(),
                message: hit.message,
                page: rule.page(),
                source: text.to_string(),
            });
        }
    }
    result.findings.sort();
    result.findings.dedup();
    result
}

/// The first node tree-sitter could not fit into the grammar. A loop, not recursion: a
/// file of nested brackets makes a tree a million levels deep.
fn first_error(root: Node<'_>) -> Option<Node<'_>> {
    let mut node = root;
    loop {
        if node.is_error() || node.is_missing() {
            return Some(node);
        }
        let mut cursor = node.walk();
        let next = node.children(&mut cursor).find(|c| c.has_error() || c.is_missing());
        node = next?;
    }
}

/// Whether `line` carries `# status-tutor: ignore` (every rule) or `ignore[a, b]` naming `rule`.
pub fn ignored_inline(line: &str, rule: &str) -> bool {
    let Some(at) = line.find("status-tutor: ignore") else { return false };
    if !line[..at].contains('#') {
        return false;
    }
    let rest = &line[at + "status-tutor: ignore".len()..];
    match rest.strip_prefix('[') {
        Some(list) => list.split(']').next().unwrap_or("").split(',').any(|r| r.trim() == rule),
        None => true,
    }
}
