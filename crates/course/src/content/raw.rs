//! The files as written: serde types that mirror the TOML, with spans kept for messages.
//!
//! Blocks and questions are flat structs with a `kind` rather than serde-tagged enums:
//! tagged enums buffer their fields, which loses every span inside them.
//! `validate` turns these into the checked model in `model.rs`.
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

pub type Text = Spanned<String>;

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

/// How `tests/django` proves a sample; the Rust side only checks its shape.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyEntry {
    pub fragment: Option<Text>,
    #[serde(default)]
    pub models: Vec<Text>,
    #[serde(default)]
    pub urls: Vec<UrlEntry>,
    #[serde(default)]
    pub requests: Vec<RequestEntry>,
    /// Error handlers the sample defines, by status ("404" = "json_404").
    pub handlers: Option<BTreeMap<String, String>>,
    /// Test classes the sample defines; tests/django runs them and they must pass.
    #[serde(default)]
    pub tests: Vec<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UrlEntry {
    pub path: Text,
    pub view: Text,
    #[expect(dead_code, reason = "tests/django reads it; parsing here checks its shape")]
    pub name: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RequestEntry {
    pub method: Option<Text>,
    pub path: Text,
    pub user: Option<Text>,
    pub form: Option<BTreeMap<String, String>>,
    pub json: Option<Text>,
    pub headers: Option<BTreeMap<String, String>>,
    pub csrf: Option<Text>,
    #[serde(default)]
    pub setup: Vec<Text>,
    /// One status (`status = 409`), or every defensible one (`status = [400, 422]`): exercises only.
    pub status: Spanned<StatusEntry>,
    /// Per accepted status (`[checks.accepted.422]`): its trade-off and what only it must carry.
    pub accepted: Option<Spanned<BTreeMap<String, Spanned<AcceptedEntry>>>>,
    pub expect_headers: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub present_headers: Vec<Text>,
    #[serde(default)]
    pub absent_headers: Vec<Text>,
    /// A JSON document the body must contain (at least these keys).
    pub expect_json: Option<Text>,
    /// The JSON value the body must be (exactly these keys; key order free).
    pub expect_json_exact: Option<Text>,
    #[serde(default)]
    pub body_contains: Vec<Text>,
    /// The body must be empty.
    pub body_empty: Option<bool>,
    /// The database after the request, by model (`[checks.expect_db.Article]`): exercises only.
    pub expect_db: Option<Spanned<BTreeMap<String, Spanned<DbEntry>>>>,
    /// Log records the request must cause ("ERROR django.request: Internal Server Error"),
    /// whether `got_request_exception` fires, how many mails ADMINS get: tests/django checks them.
    #[serde(default)]
    pub expect_logs: Vec<Text>,
    pub expect_signal: Option<bool>,
    pub expect_mails: Option<Spanned<u32>>,
    /// The exception class the view must raise (it reaches Django: a 500).
    pub expect_exception: Option<Text>,
}

/// `status = 409` or `status = [400, 422]`, each number with its place for messages.
#[derive(Debug)]
pub enum StatusEntry {
    One(i64),
    Many(Vec<Spanned<i64>>),
}

// By hand: an untagged enum buffers its content, which loses the spans of the list's items.
impl<'de> Deserialize<'de> for StatusEntry {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = StatusEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a status code or a list of status codes")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<StatusEntry, E> {
                Ok(StatusEntry::One(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<StatusEntry, E> {
                Ok(StatusEntry::One(i64::try_from(v).unwrap_or(i64::MAX)))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<StatusEntry, A::Error> {
                let mut codes = Vec::new();
                while let Some(code) = seq.next_element()? {
                    codes.push(code);
                }
                Ok(StatusEntry::Many(codes))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// `[checks.accepted.422]`: why a learner may answer this status, and what only this answer
/// must carry besides the check's other expectations (a 200's body that a 204 has not).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptedEntry {
    pub why: Text,
    pub expect_headers: Option<BTreeMap<String, String>>,
    #[serde(default)]
    pub present_headers: Vec<Text>,
    #[serde(default)]
    pub absent_headers: Vec<Text>,
    pub expect_json: Option<Text>,
    pub expect_json_exact: Option<Text>,
    #[serde(default)]
    pub body_contains: Vec<Text>,
    pub body_empty: Option<bool>,
}

/// One model's rows after a request (`[checks.expect_db.Product]`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DbEntry {
    pub count: Option<Spanned<i64>>,
    #[serde(default)]
    pub unchanged: bool,
    /// Each a table of column = value: some row has them.
    #[serde(default)]
    pub rows: Vec<Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
    /// Each a table of column = value: no row has them.
    #[serde(default)]
    pub absent: Vec<Spanned<BTreeMap<String, Spanned<toml::Value>>>>,
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
