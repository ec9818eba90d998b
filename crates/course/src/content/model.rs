//! The checked course: what every other part of the program reads. Built only by `validate`
//! (or decoded from the compact form `validate` output was stored in: see `compact`).
use serde::{Deserialize, Serialize};

/// The request model verified samples and practice checks share lives beside this one.
pub use super::exchange::{
    AcceptedStatus, Client, ClientRequest, Exchange, Expectation, FieldValue, RequestBody, RowsExpectation,
};

/// A whole course, validated: every reference resolves, every text is safe to print.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Course {
    pub id: String,
    pub title: String,
    pub intro: String,
    pub sections: Vec<Section>,
    /// Every page in reading order; sections index into it.
    pub pages: Vec<Page>,
    pub codes: Vec<StatusCode>,
    pub django: Vec<DjangoName>,
    pub questions: Vec<Question>,
    /// Practice exercises in lesson order (content/exercises/*.toml).
    pub exercises: Vec<Exercise>,
    /// Pages the welcome screen points to for a learner puzzled by a status
    /// (course.toml `signposts`), indices into `pages`.
    pub signposts: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub title: String,
    /// Indices into `Course::pages`, in order.
    pub pages: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub codes: Vec<u16>,
    pub blocks: Vec<Block>,
    /// Index into `Course::sections`.
    pub section: usize,
    /// Estimated reading time in seconds (`content::reading`).
    pub reading_seconds: u32,
    /// On the course's core path (course.toml `core`): read first, the rest is reference.
    pub core: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    Paragraph(String),
    List { heading: Option<String>, items: Vec<String> },
    Code(CodeSample),
    Categories(Vec<CategoryCard>),
    Callout { style: CalloutStyle, title: Option<String>, text: String },
    Table { caption: Option<String>, header: Vec<String>, rows: Vec<Vec<String>> },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CalloutStyle {
    Note,
    Tip,
    Correction,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeSample {
    pub language: String,
    pub source: String,
    pub caption: Option<String>,
    /// Shows what not to do (`flawed = true`): drawn apart from the samples to keep.
    pub flawed: bool,
    pub response: Option<ExampleResponse>,
    /// The exchanges tests/django proves against a real Django (`[[blocks.verify.requests]]`).
    pub verified: Vec<Exchange>,
    /// Test classes the sample defines and tests/django runs (`[blocks.verify] tests`).
    pub tests: Vec<String>,
}

/// A practice exercise: the learner writes a view, a real Django answers the checks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    /// Index into `Course::pages`: the page it practises.
    pub page: usize,
    /// What to do, in the course's markup.
    pub task: String,
    /// The file the learner starts from (with a TODO where the work is).
    pub starter: String,
    /// The reference solution.
    pub solution: String,
    /// Each more concrete than the last.
    pub hints: Vec<String>,
    /// How much the learner writes and decides; ramps up within each section.
    pub difficulty: Difficulty,
    /// Test models the view needs ("Article", "Product").
    pub models: Vec<String>,
    /// URL routes mounted for the view: (route without leading '/', view function name).
    pub urls: Vec<(String, String)>,
    /// The requests a view exercise sends; empty for a test-writing exercise.
    pub checks: Vec<Exchange>,
    /// Settings the checker overrides while the views run: (name, value as JSON text),
    /// e.g. `REST_FRAMEWORK`.
    pub settings: Vec<(String, String)>,
    pub kind: ExerciseKind,
    /// Whether the task names the statuses or leaves them to the learner.
    pub asks: Asks,
}

/// What an exercise leaves to the learner: `asks = "choose"` or `"diagnose"` keep the
/// expected statuses out of the title, the task, the early hints and the checks list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Asks {
    /// The task names the statuses; the learner writes the code (the default).
    #[default]
    Write,
    /// The task describes a situation; the learner picks the code.
    Choose,
    /// A project answers the wrong code; the learner finds why and fixes it.
    Diagnose,
}

impl Asks {
    /// The expected statuses stay hidden until the learner has run their view.
    pub fn hides_status(self) -> bool {
        self != Asks::Write
    }
}

/// An exercise's level: the practice list ramps from warm-up to stretch within a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Difficulty {
    /// A few lines, the idea named in the task.
    WarmUp,
    /// Several lines and a choice to make.
    Core,
    /// A whole view, or a decision across several statuses.
    Stretch,
}

impl Difficulty {
    /// As written in an exercise file and in listings.
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::WarmUp => "warm-up",
            Difficulty::Core => "core",
            Difficulty::Stretch => "stretch",
        }
    }

    /// One cell for the practice list: fuller is harder.
    pub fn mark(self) -> &'static str {
        match self {
            Difficulty::WarmUp => "○",
            Difficulty::Core => "◐",
            Difficulty::Stretch => "●",
        }
    }
}

/// What the learner writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ExerciseKind {
    /// A view, answered by the exercise's checks.
    View,
    /// A test module, run against the right view (all pass) and each wrong one (one fails).
    Tests { right_view: String, wrong_views: Vec<WrongView> },
}

/// A view a test-writing exercise's tests must catch, and what makes it wrong (shown when
/// it survives; its code never is).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WrongView {
    /// Completes "it ...": "answers 200 instead of 201".
    pub description: String,
    pub source: String,
}

impl Exercise {
    /// How many verdicts a run gives: one per check, or for a test-writing exercise one for
    /// the right view and one per wrong view.
    pub fn verdicts(&self) -> usize {
        match &self.kind {
            ExerciseKind::View => self.checks.len(),
            ExerciseKind::Tests { wrong_views, .. } => 1 + wrong_views.len(),
        }
    }
}

/// The HTTP response a client receives from a sample.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExampleResponse {
    pub status: u16,
    /// From codes.toml, so it always agrees with the reference.
    pub reason: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryCard {
    pub class: StatusClass,
    pub name: String,
    pub description: String,
    pub codes: Vec<u16>,
}

/// The five classes of status codes, named by their first digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StatusClass {
    Informational,
    Success,
    Redirection,
    ClientError,
    ServerError,
}

impl StatusClass {
    pub const ALL: [StatusClass; 5] = [
        StatusClass::Informational,
        StatusClass::Success,
        StatusClass::Redirection,
        StatusClass::ClientError,
        StatusClass::ServerError,
    ];

    /// The class of a code in 100..=599, or None outside it.
    pub fn of(code: u16) -> Option<StatusClass> {
        match code {
            100..=199 => Some(StatusClass::Informational),
            200..=299 => Some(StatusClass::Success),
            300..=399 => Some(StatusClass::Redirection),
            400..=499 => Some(StatusClass::ClientError),
            500..=599 => Some(StatusClass::ServerError),
            _ => None,
        }
    }

    /// "1xx" ... "5xx".
    pub fn label(self) -> &'static str {
        match self {
            StatusClass::Informational => "1xx",
            StatusClass::Success => "2xx",
            StatusClass::Redirection => "3xx",
            StatusClass::ClientError => "4xx",
            StatusClass::ServerError => "5xx",
        }
    }

    pub fn from_label(label: &str) -> Option<StatusClass> {
        StatusClass::ALL.into_iter().find(|c| c.label().eq_ignore_ascii_case(label))
    }

    pub fn name(self) -> &'static str {
        match self {
            StatusClass::Informational => "Informational",
            StatusClass::Success => "Success",
            StatusClass::Redirection => "Redirection",
            StatusClass::ClientError => "Client error",
            StatusClass::ServerError => "Server error",
        }
    }
}

/// One status code as codes.toml describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusCode {
    pub code: u16,
    pub reason: String,
    pub meaning: String,
    pub rfc: String,
    pub http_status: String,
    pub django: Option<String>,
    /// Index into `Course::pages`.
    pub page: Option<usize>,
}

impl StatusCode {
    pub fn class(&self) -> StatusClass {
        // validate guarantees 100..=599
        StatusClass::of(self.code).unwrap_or(StatusClass::ServerError)
    }
}

/// Every `DjangoName::kind` there is.
pub const DJANGO_KINDS: [&str; 6] = ["class", "shortcut", "decorator", "exception", "mixin", "function"];

/// A Django class, shortcut, decorator, exception or mixin the course teaches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DjangoName {
    pub name: String,
    /// One of `DJANGO_KINDS`.
    pub kind: &'static str,
    pub module: String,
    pub status: Option<u16>,
    pub summary: String,
    pub page: Option<usize>,
}

/// `DjangoName` as stored, with `kind` owned: the compact form is not `'static` data.
#[derive(Deserialize)]
struct DjangoNameData {
    name: String,
    kind: String,
    module: String,
    status: Option<u16>,
    summary: String,
    page: Option<usize>,
}

// By hand: a derived impl would borrow `kind` from input that must live for `'static`.
impl<'de> Deserialize<'de> for DjangoName {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let d = DjangoNameData::deserialize(deserializer)?;
        let kind = DJANGO_KINDS.into_iter().find(|k| *k == d.kind);
        let kind = kind.ok_or_else(|| serde::de::Error::custom(format!("unknown Django kind `{}`", d.kind)))?;
        Ok(DjangoName { name: d.name, kind, module: d.module, status: d.status, summary: d.summary, page: d.page })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub prompt: String,
    pub explanation: String,
    /// Index into `Course::pages`.
    pub page: usize,
    pub tags: Vec<String>,
    /// The passage of the page that answers it, for `r` from the feedback.
    pub anchor: Option<Anchor>,
    /// What the question asks of the learner; None when the file gives no `level`.
    #[serde(default)]
    pub level: Option<Level>,
}

/// A question's cognitive level (content/README.md says what each means).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Level {
    /// Remember a fact or a name.
    Recall,
    /// Use a rule on a concrete situation or piece of code.
    Apply,
    /// Compare, diagnose or trace several parts together.
    Analyse,
}

/// How many questions of a bank sit at each level, and how many have none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LevelCounts {
    pub recall: usize,
    pub apply: usize,
    pub analyse: usize,
    pub missing: usize,
}

impl LevelCounts {
    pub fn of(levels: impl IntoIterator<Item = Option<Level>>) -> Self {
        let mut counts = LevelCounts::default();
        for level in levels {
            match level {
                Some(Level::Recall) => counts.recall += 1,
                Some(Level::Apply) => counts.apply += 1,
                Some(Level::Analyse) => counts.analyse += 1,
                None => counts.missing += 1,
            }
        }
        counts
    }

    /// The share (0 to 100, rounded down) of all questions at apply or analyse; None for
    /// an empty bank.
    #[must_use]
    pub fn applied_percent(&self) -> Option<usize> {
        let total = self.recall + self.apply + self.analyse + self.missing;
        (total > 0).then(|| (self.apply + self.analyse) * 100 / total)
    }
}

/// Where on its page a question's answer is taught.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Anchor {
    /// A block of the page, by position (0-based, as in the page file).
    Block(usize),
    /// A heading: a list heading, callout title, table or code caption.
    Heading(String),
}

/// The kinds are the quiz engine's own (plain data, no I/O), so a checked question
/// goes to the quiz without a copy of the type.
pub use crate::quiz::{Choice, QuestionKind};

impl Course {
    pub fn page_index(&self, id: &str) -> Option<usize> {
        self.pages.iter().position(|p| p.id == id)
    }

    pub fn code(&self, code: u16) -> Option<&StatusCode> {
        self.codes.iter().find(|c| c.code == code)
    }

    /// The page that teaches `code`: the one codes.toml names, else the first listing it.
    pub fn page_for_code(&self, code: u16) -> Option<usize> {
        self.code(code).and_then(|c| c.page).or_else(|| self.pages.iter().position(|p| p.codes.contains(&code)))
    }
}

impl Course {
    /// The learner's file for exercise `index`: `07_created_with_location.py`.
    pub fn exercise_file_name(&self, index: usize) -> Option<String> {
        let exercise = self.exercises.get(index)?;
        Some(format!("{}.py", exercise_stem(index, &exercise.id)))
    }
}

/// The one name of exercise `index` (0-based, lesson order) with `id`, given to the
/// learner's file (`exercises/07_created_with_location.py` in the workspace) and
/// required of the exercise's TOML file: its number from 1, then its id as a Python
/// module name (see [`module_name`]).
pub fn exercise_stem(index: usize, id: &str) -> String {
    format!("{:02}_{}", index + 1, module_name(id))
}

/// `id` with every character that is not an ASCII letter or digit made `_`: a valid
/// Python module name, and nothing in it can leave a folder, whatever the id says.
pub fn module_name(id: &str) -> String {
    id.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect()
}
