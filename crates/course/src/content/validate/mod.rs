//! Cross-file rules: turns parsed files into a `Course`, reporting every problem at once.
use super::load::{CourseFiles, parse_file};
use super::model::*;
use super::parallel;
use super::problem::{self, Problem, SourceFile};
use super::raw;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

mod asks;
mod choices;
mod codes;
mod exercise_kind;
mod exercises;
mod fields;
mod giveaway;
mod glossary;
mod learning;
mod pages;
mod quiz;
mod ramp;
mod verify;

/// The only `format_version` this release reads.
pub const FORMAT_VERSION: i64 = 1;

/// A course that loaded, with the warnings found on the way.
#[derive(Debug)]
pub struct Loaded {
    pub course: Course,
    pub warnings: Vec<Problem>,
}

/// Parses and checks every file. Errors (and warnings) come back sorted by file and line.
pub fn load(files: &CourseFiles) -> Result<Loaded, Vec<Problem>> {
    let mut checker = Checker {
        files,
        problems: Vec::new(),
        unparsed_pages: HashSet::new(),
        suggestions_left: SUGGESTIONS,
        block_ids: HashMap::new(),
    };
    let course = checker.course();
    let problems = if checker.problems.is_empty() {
        checker.problems
    } else {
        let texts: HashMap<String, &str> =
            files.files.iter().map(|(rel, text)| (files.display_name(rel), text.as_str())).collect();
        problem::settle(checker.problems, |name| texts.get(name).copied())
    };
    match course {
        Some(course) if !problems.iter().any(Problem::is_error) => Ok(Loaded { course, warnings: problems }),
        _ => Err(problems),
    }
}

struct Checker<'a> {
    files: &'a CourseFiles,
    problems: Vec<Problem>,
    /// Ids (file stems) of page files that did not parse: their own error says why, so
    /// references to them are not reported again as unknown pages.
    unparsed_pages: HashSet<String>,
    /// "Did you mean" suggestions still to make (see `SUGGESTIONS`).
    suggestions_left: usize,
    /// Each page's block ids (page id -> block id -> block index), for quiz anchors.
    block_ids: HashMap<String, HashMap<String, usize>>,
}

/// A parsed file together with its name and text (borrowed from the `CourseFiles`: a big
/// course's 80 MB are not copied), for locating later problems.
struct Parsed<'a, T> {
    name: String,
    text: &'a str,
    value: T,
}

impl<T> Parsed<'_, T> {
    fn source(&self) -> SourceFile<'_> {
        SourceFile { name: &self.name, text: self.text }
    }
}

/// Everything the course refers to by name, for resolving references.
struct Index {
    pages: HashMap<String, usize>,
    codes: HashMap<u16, String>,
    /// Each code's `HTTPStatus` member name, to spot a hint that gives it away.
    http_status: HashMap<u16, String>,
}

impl<'a> Checker<'a> {
    fn course(&mut self) -> Option<Course> {
        let course_file = self.parse_one::<raw::CourseFile>("course.toml");
        let codes_file = self.parse_one::<raw::CodesFile>("codes.toml");
        let pages = self.parse_all::<raw::PageFile>("pages/");
        let parsed: HashSet<&str> = pages.iter().map(|p| p.name.as_str()).collect();
        self.unparsed_pages = self
            .files
            .files
            .iter()
            .filter(|(rel, _)| rel.starts_with("pages/") && !parsed.contains(self.files.display_name(rel).as_str()))
            .filter_map(|(rel, _)| rel.strip_prefix("pages/")?.strip_suffix(".toml").map(str::to_string))
            .collect();
        let quizzes = self.parse_all::<raw::QuizFile>("quiz/");
        let exercise_files = self.parse_all::<raw::ExerciseFile>("exercises/");

        let course_file = course_file?;
        let codes_file = codes_file?;
        self.format_version(&course_file);
        let order = self.page_order(&course_file, &pages);
        let index = Index {
            pages: order.iter().enumerate().map(|(i, &p)| (pages[p].value.id.get_ref().clone(), i)).collect(),
            codes: self.known_codes(&codes_file),
            http_status: giveaway::http_status_names(&codes_file.value),
        };

        // Each page file in course order, with the section that lists it first.
        let mut placed = Vec::new();
        let mut sections = Vec::new();
        for (section_index, section) in course_file.value.sections.iter().enumerate() {
            let title = self.text(&course_file.source(), &section.title, "section title");
            let mut members = Vec::new();
            for reference in &section.pages {
                if let Some(&page_index) = index.pages.get(reference.get_ref()) {
                    if !members.contains(&page_index) && page_index == placed.len() {
                        placed.push((order[page_index], section_index));
                    }
                    members.push(page_index);
                }
            }
            members.dedup();
            sections.push(Section { title, pages: members });
        }
        let spots = learning::PageSpots::new(&pages);
        let mut checked_pages = self.pages(pages, &placed, &index);
        for page in self.page_list(&course_file.source(), &course_file.value.core, &index) {
            checked_pages[page].core = true;
        }
        let signposts = self.page_list(&course_file.source(), &course_file.value.signposts, &index);

        let codes = self.codes(&codes_file, &index);
        let django = self.django_names(&codes_file, &index);
        let questions = self.questions(&quizzes, &index, &checked_pages, &codes);
        self.levels(&course_file, &quizzes, &questions);
        let minimum = self.questions_per_code_page(&course_file);
        self.learning_path(&checked_pages, &questions, &spots, minimum);
        if course_file.value.citations_in_footer {
            self.citations_in_footer(&checked_pages, &spots);
        }
        if let Some(limit) = self.max_page_minutes(&course_file) {
            self.page_length(&checked_pages, &spots, limit);
        }
        self.glossary(&course_file, &checked_pages, &index);
        let exercise_names: Vec<String> = self
            .files
            .files
            .iter()
            .filter(|(rel, _)| rel.starts_with("exercises/"))
            .map(|(rel, _)| self.files.display_name(rel))
            .collect();
        let exercises = self.exercises(&exercise_files, &exercise_names, &index);
        self.difficulty_ramp(&exercise_files, &exercises, &sections);
        self.choice_pages(&exercise_files, &exercises, &checked_pages);
        let course = &course_file.value;
        let source = course_file.source();
        Some(Course {
            id: self.id(&source, &course.id),
            title: self.text(&source, &course.title, "course title"),
            intro: course.intro.as_ref().map(|i| i.get_ref().trim().to_string()).unwrap_or_default(),
            sections,
            pages: checked_pages,
            codes,
            django,
            questions,
            exercises,
            signposts,
        })
    }

    fn parse_one<T: serde::de::DeserializeOwned>(&mut self, rel: &str) -> Option<Parsed<'a, T>> {
        let files = self.files;
        let Some((_, text)) = files.files.iter().find(|(name, _)| name == rel) else {
            self.problems
                .push(Problem::in_file(&self.files.display_name(rel), "this file is missing; every course needs it"));
            return None;
        };
        self.parse_text(rel, text)
    }

    fn parse_all<T: serde::de::DeserializeOwned + Send>(&mut self, prefix: &str) -> Vec<Parsed<'a, T>> {
        let files = self.files;
        let chosen: Vec<&'a (String, String)> =
            files.files.iter().filter(|(name, _)| name.starts_with(prefix)).collect();
        // A big course (thousands of pages) parses on every core; for a small one a thread
        // costs more than it saves (measured: see README).
        let results = parallel::map_parts(chosen, |part| {
            part.into_iter()
                .map(|(rel, text)| {
                    let mut problems = Vec::new();
                    let name = files.display_name(rel);
                    let value = parse_file(&SourceFile { name: &name, text }, &mut problems);
                    (value.map(|value| Parsed { name, text: text.as_str(), value }), problems)
                })
                .collect()
        });
        let mut parsed = Vec::with_capacity(results.len());
        for (value, problems) in results {
            self.problems.extend(problems);
            parsed.extend(value);
        }
        parsed
    }

    fn parse_text<T: serde::de::DeserializeOwned>(&mut self, rel: &str, text: &'a str) -> Option<Parsed<'a, T>> {
        let name = self.files.display_name(rel);
        let value = parse_file(&SourceFile { name: &name, text }, &mut self.problems)?;
        Some(Parsed { name, text, value })
    }

    fn format_version(&mut self, course: &Parsed<raw::CourseFile>) {
        let version = &course.value.format_version;
        if *version.get_ref() != FORMAT_VERSION {
            let message = format!(
                "format_version {} is not supported; this release of status-tutor reads format_version {FORMAT_VERSION}",
                version.get_ref()
            );
            self.problems.push(course.source().error(version.span(), message));
        }
    }

    /// Page files in the order course.toml lists them; reports unknown, repeated and unlisted pages.
    fn page_order(&mut self, course: &Parsed<raw::CourseFile>, pages: &[Parsed<raw::PageFile>]) -> Vec<usize> {
        let mut by_id: HashMap<&str, usize> = HashMap::new();
        for (i, page) in pages.iter().enumerate() {
            let id = page.value.id.get_ref().as_str();
            if let Some(&first) = by_id.get(id) {
                let message = format!("page id `{id}` is also used by {}", pages[first].name);
                self.problems.push(page.source().error(page.value.id.span(), message));
            } else {
                by_id.insert(id, i);
            }
        }
        let mut order = Vec::new();
        let mut listed: HashMap<&str, Range<usize>> = HashMap::new();
        if course.value.sections.is_empty() {
            let message = "the course has no sections; add [[sections]] with the pages to read";
            self.problems.push(course.source().error(course.value.title.span(), message));
        }
        for section in &course.value.sections {
            if section.pages.is_empty() {
                self.problems.push(course.source().error(section.title.span(), "this section lists no pages"));
            }
            for reference in &section.pages {
                let id = reference.get_ref().as_str();
                if listed.contains_key(id) {
                    let message = format!("page `{id}` is listed twice; a page belongs to one place in the course");
                    self.problems.push(course.source().error(reference.span(), message));
                    continue;
                }
                listed.insert(id, reference.span());
                match by_id.get(id) {
                    Some(&i) => order.push(i),
                    None if self.unparsed_pages.contains(id) => {}
                    None => {
                        let message = format!("no page has id `{id}`{}", self.suggestion(id, by_id.keys().copied()));
                        self.problems.push(course.source().error(reference.span(), message));
                    }
                }
            }
        }
        for page in pages {
            let id = page.value.id.get_ref();
            if !listed.contains_key(id.as_str()) {
                let message = format!("page `{id}` is not listed in any section of course.toml");
                self.problems.push(page.source().error(page.value.id.span(), message));
            }
        }
        order
    }
}

/// How many "did you mean" suggestions a course gets: each compares a name with every page
/// id, so a hostile course of unknown references would cost references × pages.
const SUGGESTIONS: usize = 100;
/// Names longer than this get no suggestion: the comparison costs their lengths' product.
const SUGGESTED_BYTES: usize = 64;

impl Checker<'_> {
    /// ", did you mean `x`?" when a known name is close to `wanted`.
    fn suggestion<'k>(&mut self, wanted: &str, known: impl Iterator<Item = &'k str>) -> String {
        if self.suggestions_left == 0 || wanted.len() > SUGGESTED_BYTES {
            return String::new();
        }
        self.suggestions_left -= 1;
        suggestion(wanted, known.filter(|k| k.len() <= SUGGESTED_BYTES))
    }
}

/// ", did you mean `x`?" when a known name is close to `wanted`.
fn suggestion<'a>(wanted: &str, known: impl Iterator<Item = &'a str>) -> String {
    known
        .map(|k| (strsim::levenshtein(wanted, k), k))
        .filter(|(d, _)| *d <= 3)
        .min()
        .map(|(_, k)| format!("; did you mean `{k}`?"))
        .unwrap_or_default()
}
