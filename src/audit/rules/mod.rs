//! The rules: each a small type with an id, whether it is on by default, the lesson page it
//! teaches from, a one-line why, and a check over one parsed file.
use super::module::Module;
use tree_sitter::Node;

mod errors;
mod responses;
mod style;
mod views;

/// Where a rule found something, and what to say about it.
pub struct Hit {
    /// 0-based row and byte column of the node the finding points at.
    pub row: usize,
    pub byte_column: usize,
    pub message: String,
}

impl Hit {
    pub fn at(node: Node<'_>, message: impl Into<String>) -> Hit {
        let point = node.start_position();
        Hit { row: point.row, byte_column: point.column, message: message.into() }
    }
}

pub trait Rule: Sync {
    /// The name used in output, `--select`, `--ignore` and inline `ignore[...]` comments.
    fn id(&self) -> &'static str;
    /// The course page that explains it (checked against the built-in course by a test).
    fn page(&self) -> &'static str;
    /// One line: why it matters (the docs' rules table).
    fn why(&self) -> &'static str;
    /// The start of the title of the passage in the lesson page that teaches the fix (a
    /// callout, list or code caption); None: the page's summary and first paragraph.
    fn passage(&self) -> Option<&'static str> {
        None
    }
    /// Style rules are off unless selected.
    fn default_on(&self) -> bool {
        true
    }
    /// Words the file must contain for the rule to have anything to find: every group
    /// must have one of its words present. Files that fail every enabled rule's triggers
    /// are not parsed at all (most files of a project build no response), so these must
    /// be exact supersets of what `check` looks for.
    fn triggers(&self) -> &'static [&'static [&'static str]];
    fn check(&self, module: &Module<'_>, out: &mut Vec<Hit>);
}

/// Every response class and shortcut contains one of these.
pub const RESPONSES: &[&str] = &["Response", "render("];

/// Whether `source` contains the words `rule` needs; `has` answers (and remembers) one word.
pub fn may_apply(rule: &dyn Rule, has: &mut impl FnMut(&'static str) -> bool) -> bool {
    rule.triggers().iter().all(|group| group.iter().any(|word| has(word)))
}

/// Every rule, in the order of the docs' table.
pub static ALL: &[&dyn Rule] = &[
    &responses::ErrorBody200,
    &responses::SerializerErrors200,
    &responses::AllowMissing,
    &errors::BroadExcept,
    &views::LoginRequiredApi,
    &views::PutReadsPost,
    &responses::NoContentBody,
    &responses::WwwAuthenticateMissing,
    &responses::Create200,
    &errors::ClientError5xx,
    &views::CsrfExemptSession,
    &style::MagicStatus,
];

/// The rule with this id.
pub fn find(id: &str) -> Option<&'static dyn Rule> {
    ALL.iter().copied().find(|r| r.id() == id)
}
