//! The files as written: serde types that mirror the TOML, with spans kept for messages.
//!
//! Blocks and questions are flat structs with a `kind` rather than serde-tagged enums:
//! tagged enums buffer their fields, which loses every span inside them.
//! `validate` turns these into the checked model in `model.rs`.
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

pub type Text = Spanned<String>;

mod exchange;
pub use exchange::{AcceptedEntry, DbEntry, RequestEntry, StatusEntry, VerifyEntry};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseFile {
    pub format_version: Spanned<i64>,
    pub id: Text,
    pub title: Text,
    #[serde(default)]
    pub intro: Option<Text>,
    /// The course's own rule: each page that teaches a code is practised by at least this
    /// many quiz questions (`check` refuses fewer).
    #[serde(default)]
    pub questions_per_code_page: Option<Spanned<i64>>,
    /// The course's own rule: RFC section citations (`§`) sit only in a page's footer, a
    /// paragraph that starts with "References:" (`check` refuses one in running text).
    #[serde(default)]
    pub citations_in_footer: bool,
    /// The course's own rule: no page takes longer than this many minutes to read (as
    /// the contents show it); `check` refuses a longer one, to be split.
    #[serde(default)]
    pub max_page_minutes: Option<Spanned<i64>>,
    /// The course's own rule: every quiz question has a `level`, and at least this percent
    /// of them are `apply` or `analyse` (`check` refuses less).
    #[serde(default)]
    pub applied_percent: Option<Spanned<i64>>,
    /// Page ids of the core path, read first; the other pages are reference.
    #[serde(default)]
    pub core: Vec<Text>,
    /// Page ids the welcome screen points to ("why did I get this code?").
    #[serde(default)]
    pub signposts: Vec<Text>,
    /// Terms and the page that defines them: no earlier page may use one unnamed.
    #[serde(default)]
    pub glossary: Vec<GlossaryEntry>,
    pub sections: Vec<SectionEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub term: Text,
    /// The id of the page that defines the term.
    pub page: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionEntry {
    pub title: Text,
    pub pages: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFile {
    pub id: Text,
    pub title: Text,
    pub summary: Text,
    #[serde(default)]
    pub codes: Vec<Spanned<i64>>,
    pub blocks: Vec<Spanned<BlockEntry>>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    List,
    Code,
    Categories,
    Callout,
    Table,
}

/// Every field any block kind may have; `validate` says which belong to which kind.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockEntry {
    pub kind: Spanned<BlockKind>,
    /// A name for the block, unique in its page, that a quiz `anchor` can use.
    pub id: Option<Text>,
    pub text: Option<Text>,
    pub heading: Option<Text>,
    pub items: Option<Spanned<Vec<Text>>>,
    pub language: Option<Text>,
    pub source: Option<Text>,
    pub caption: Option<Text>,
    /// A code sample that shows what not to do (the source's, kept to be corrected).
    pub flawed: Option<Spanned<bool>>,
    pub response: Option<Spanned<ResponseEntry>>,
    pub verify: Option<Spanned<VerifyEntry>>,
    pub cards: Option<Spanned<Vec<Spanned<CardEntry>>>>,
    pub style: Option<Spanned<CalloutStyleEntry>>,
    pub title: Option<Text>,
    pub header: Option<Spanned<Vec<Text>>>,
    pub rows: Option<Spanned<Vec<Spanned<Vec<Text>>>>>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum CalloutStyleEntry {
    Note,
    Tip,
    Correction,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponseEntry {
    pub status: Spanned<i64>,
    pub reason: Option<Text>,
    #[serde(default)]
    pub headers: Vec<Text>,
    pub body: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardEntry {
    pub class: Text,
    pub name: Text,
    pub description: Text,
    #[serde(default)]
    pub codes: Vec<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodesFile {
    #[serde(default)]
    pub code: Vec<Spanned<CodeEntry>>,
    #[serde(default)]
    pub django: Vec<Spanned<DjangoEntry>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeEntry {
    pub code: Spanned<i64>,
    pub reason: Text,
    pub meaning: Text,
    pub rfc: Text,
    pub http_status: Text,
    pub django: Option<Text>,
    pub page: Option<Text>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum DjangoKindEntry {
    Class,
    Shortcut,
    Decorator,
    Exception,
    Mixin,
    Function,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DjangoEntry {
    pub name: Text,
    pub kind: Spanned<DjangoKindEntry>,
    pub module: Text,
    pub status: Option<Spanned<i64>>,
    pub summary: Text,
    pub page: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizFile {
    #[serde(default)]
    pub question: Vec<Spanned<QuestionEntry>>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKindEntry {
    Single,
    Multiple,
    TrueFalse,
    TypeCode,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionEntry {
    pub id: Text,
    pub kind: Spanned<QuestionKindEntry>,
    pub prompt: Text,
    pub choices: Option<Spanned<Vec<Spanned<ChoiceEntry>>>>,
    /// `true`/`false` for true_false, a status code for type_code.
    pub answer: Option<Spanned<toml::Value>>,
    pub explanation: Text,
    pub page: Text,
    #[serde(default)]
    pub tags: Vec<Text>,
    /// The passage that answers it: a block index (0-based) or a heading of the page.
    pub anchor: Option<Spanned<toml::Value>>,
    /// `recall`, `apply` or `analyse`: what the question asks of the learner.
    pub level: Option<Spanned<LevelEntry>>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum LevelEntry {
    Recall,
    Apply,
    Analyse,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceEntry {
    pub text: Text,
    #[serde(default)]
    pub correct: bool,
}

/// `exercises/NN_slug.toml`: one practice exercise. Its checks are requests in the same
/// shape as `[[blocks.verify.requests]]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseFile {
    pub id: Text,
    pub title: Text,
    pub page: Text,
    pub task: Text,
    pub starter: Text,
    pub solution: Text,
    pub hints: Spanned<Vec<Text>>,
    /// `warm-up`, `core` or `stretch`: how much the learner writes and decides.
    pub difficulty: Spanned<crate::content::model::Difficulty>,
    #[serde(default)]
    pub models: Vec<Text>,
    pub urls: Spanned<Vec<ExerciseUrl>>,
    /// A view exercise's requests (none for a test-writing exercise).
    pub checks: Option<Spanned<Vec<RequestEntry>>>,
    /// `view` (default): the learner writes the view; `tests`: the learner writes tests.
    pub kind: Option<Spanned<ExerciseKindEntry>>,
    /// `write` (default), `choose` or `diagnose`: whether the task names the statuses.
    pub asks: Option<Spanned<crate::content::model::Asks>>,
    /// Settings overridden while the views run (`[settings.REST_FRAMEWORK]`).
    pub settings: Option<Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
    /// A test-writing exercise's right view (Python source).
    pub view: Option<Text>,
    /// A test-writing exercise's wrong views.
    pub wrong_views: Option<Spanned<Vec<WrongViewEntry>>>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ExerciseKindEntry {
    View,
    Tests,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrongViewEntry {
    /// What makes it wrong, completing "it ...".
    pub description: Text,
    pub source: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseUrl {
    pub path: Text,
    pub view: Text,
}
