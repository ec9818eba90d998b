//! Practice exercises (`exercises/NN_slug.toml`): their fields, routes and checks.
use super::{Checker, Index, Parsed};
use crate::content::model::*;
use crate::content::problem::SourceFile;
use crate::content::raw;
use std::collections::HashMap;
use toml::Spanned;

/// How many hints an exercise gives, each more concrete than the last.
const HINTS: std::ops::RangeInclusive<usize> = 2..=3;

impl Checker<'_> {
    /// Every exercise file in order; `names` are all exercise files found (parsed or not),
    /// so one that does not parse does not shift the numbers of the others.
    pub(super) fn exercises(
        &mut self,
        files: &[Parsed<raw::ExerciseFile>],
        names: &[String],
        index: &Index,
    ) -> Vec<Exercise> {
        let mut seen: HashMap<String, String> = HashMap::new();
        let mut exercises = Vec::new();
        for file in files {
            let source = file.source();
            let position = names.iter().position(|n| *n == file.name).unwrap_or(0);
            let id = self.id(&source, &file.value.id);
            if let Some(first) = seen.get(&id) {
                let message = format!("exercise id `{id}` is also used by {first}");
                self.problems.push(source.error(file.value.id.span(), message));
            } else {
                seen.insert(id.clone(), file.name.clone());
            }
            let stem = exercise_stem(position, &id);
            let actual = file.name.rsplit('/').next().unwrap_or_default().trim_end_matches(".toml");
            if !named_as(actual, position, &id) {
                let message = format!(
                    "this file must be named {stem}.toml: exercise {} in lesson order, id `{id}` \
                     (the learner's file is named after it)",
                    position + 1
                );
                self.problems.push(source.error(file.value.id.span(), message));
            }
            if let Some(exercise) = self.exercise(&source, &file.value, id, index) {
                exercises.push(exercise);
            }
        }
        exercises
    }

    fn exercise(
        &mut self,
        source: &SourceFile<'_>,
        raw: &raw::ExerciseFile,
        id: String,
        index: &Index,
    ) -> Option<Exercise> {
        let before = self.problems.len();
        let title = self.text(source, &raw.title, "title");
        let page = self.page_ref(source, &raw.page, index);
        let task = self.text(source, &raw.task, "task");
        if task
            .lines()
            .zip(task.lines().skip(1))
            .any(|(before, line)| !before.trim().is_empty() && line.starts_with("- "))
        {
            // the practice screen joins the lines of a paragraph, as the reader does
            let message = "a `- ` item in a task needs a blank line before it, or it is joined to the line above";
            self.problems.push(source.warning(raw.task.span(), message));
        }
        let starter = raw.starter.get_ref().trim_start_matches('\n').to_string();
        let solution = raw.solution.get_ref().trim_start_matches('\n').to_string();
        self.text(source, &raw.starter, "starter");
        self.text(source, &raw.solution, "solution");
        if !starter.contains("TODO") {
            let message = "the starter needs a `TODO` comment where the learner's work goes";
            self.problems.push(source.error(raw.starter.span(), message));
        }
        if solution.contains("TODO") {
            self.problems.push(source.error(raw.solution.span(), "the solution still has a `TODO`"));
        }
        if starter.trim() == solution.trim() {
            self.problems.push(source.error(raw.solution.span(), "the solution is the same as the starter"));
        }
        let hints = raw.hints.get_ref();
        if !HINTS.contains(&hints.len()) {
            let message = format!("an exercise has 2 or 3 hints, each more concrete; this one has {}", hints.len());
            self.problems.push(source.error(raw.hints.span(), message));
        }
        let hints: Vec<String> = hints.iter().map(|h| self.text(source, h, "hint")).collect();
        let models = self.models(source, &raw.models);
        let kind = self.exercise_kind(source, raw);
        // The views the routes name: the learner's (starter and solution) for a view
        // exercise, the exercise's own (right and wrong) for a test-writing one.
        let mut defined = Vec::new();
        match &kind {
            ExerciseKind::View => {
                defined.push(("starter".to_string(), starter.as_str(), raw.starter.span()));
                defined.push(("solution".to_string(), solution.as_str(), raw.solution.span()));
            }
            ExerciseKind::Tests { right_view, wrong_views } => {
                let span = raw.view.as_ref().map_or(raw.id.span(), |v| v.span());
                if raw.view.is_some() {
                    // a missing view is reported once, by exercise_kind
                    defined.push(("view".to_string(), right_view.as_str(), span.clone()));
                }
                for (n, wrong) in wrong_views.iter().enumerate() {
                    defined.push((format!("wrong view {}", n + 1), wrong.source.as_str(), span.clone()));
                }
                if !solution.contains("def test") {
                    let message = "a test-writing exercise's solution is a test module: a TestCase with test_ methods";
                    self.problems.push(source.error(raw.solution.span(), message));
                }
            }
        }
        let urls = self.exercise_urls(source, raw, &defined);
        let settings = self.exercise_settings(source, raw);
        let mut checks = Vec::new();
        let raw_checks = raw.checks.as_ref().map(|c| c.get_ref().as_slice()).unwrap_or_default();
        match (&kind, &raw.checks) {
            (ExerciseKind::View, None) => {
                self.problems.push(source.error(raw.id.span(), "an exercise needs at least one [[checks]]"));
            }
            (ExerciseKind::View, Some(c)) if c.get_ref().is_empty() => {
                self.problems.push(source.error(c.span(), "an exercise needs at least one [[checks]]"));
            }
            (ExerciseKind::Tests { .. }, Some(c)) => {
                let message = "a test-writing exercise has no [[checks]]: the learner's tests are run against `view` and `wrong_views`";
                self.problems.push(source.error(c.span(), message));
            }
            _ => {}
        }
        for check in raw_checks {
            if !check.path.get_ref().starts_with('/') {
                let message = format!("a request path starts with '/': `{}`", check.path.get_ref());
                self.problems.push(source.error(check.path.span(), message));
            }
            if !check.expect_logs.is_empty() || check.expect_mails.is_some() {
                let message = "the practice checker does not read logs or mails: use expect_signal or expect_exception";
                self.problems.push(source.error(check.path.span(), message));
            }
            checks.extend(self.exchange(source, check));
        }
        // Every status a check accepts: with several, naming any of them gives one away.
        let statuses: Vec<u16> = checks
            .iter()
            .flat_map(|c| std::iter::once(c.expect.status).chain(c.expect.accepted.iter().map(|a| a.status)))
            .collect();
        let asks = self.exercise_asks(source, raw, &kind, &checks, raw_checks.len());
        self.hint_giveaways(source, raw, &statuses, &index.http_status);
        if asks.hides_status() {
            self.choice_giveaways(source, raw, &statuses, &index.http_status);
        }
        if kind == ExerciseKind::View && says_it_writes(&task) && raw_checks.iter().all(|c| c.expect_db.is_none()) {
            // a task that promises a write is checked on the database, or a view that only
            // answers the right status would pass without doing it
            let message =
                "the task says the view creates, saves or deletes, but no check states the database (expect_db)";
            self.problems.push(source.warning(raw.task.span(), message));
        }
        if self.problems.iter().skip(before).any(|p| p.is_error()) {
            return None;
        }
        let difficulty = *raw.difficulty.get_ref();
        Some(Exercise {
            id,
            title,
            page: page?,
            task,
            starter,
            solution,
            hints,
            difficulty,
            models,
            urls,
            checks,
            settings,
            kind,
            asks,
        })
    }

    /// The routes the checker mounts: a Django route (no leading '/') and a view that each
    /// of `defined` (what, Python source, where) defines.
    fn exercise_urls(
        &mut self,
        source: &SourceFile<'_>,
        raw: &raw::ExerciseFile,
        defined: &[(String, &str, std::ops::Range<usize>)],
    ) -> Vec<(String, String)> {
        if raw.urls.get_ref().is_empty() {
            self.problems.push(source.error(raw.urls.span(), "an exercise needs at least one [[urls]]"));
        }
        let mut urls = Vec::new();
        for url in raw.urls.get_ref() {
            let route = url.path.get_ref();
            if route.starts_with('/') {
                let message = format!("a Django route has no leading '/': write `{}`", route.trim_start_matches('/'));
                self.problems.push(source.error(url.path.span(), message));
            }
            let view = self.view_name(source, &url.view);
            for (what, code, span) in defined {
                if !view.is_empty() && !defines(code, &view) {
                    let message =
                        format!("the {what} does not define `{view}` (def {view}(request...) or class {view})");
                    self.problems.push(source.error(span.clone(), message));
                }
            }
            urls.push((route.clone(), view));
        }
        urls
    }

    fn view_name(&mut self, source: &SourceFile<'_>, name: &Spanned<String>) -> String {
        let text = self.text(source, name, "view name");
        let identifier = text.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !text.is_empty() && !identifier {
            let message = format!("`{text}` is not a Python name (letters, digits and `_`)");
            self.problems.push(source.error(name.span(), message));
            return String::new();
        }
        text
    }
}

/// Whether a task promises a write: "creates", "saves nothing", "deletes"...
fn says_it_writes(task: &str) -> bool {
    let lower = task.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).any(|word| {
        ["create", "save", "delete"].iter().any(|verb| word.starts_with(verb) && word.len() <= verb.len() + 2)
    })
}

/// Whether a file stem names exercise `index` with `id`: its number (any width, so a course
/// may pass 99) and its id with underscores.
fn named_as(stem: &str, index: usize, id: &str) -> bool {
    let Some((number, rest)) = stem.split_once('_') else { return false };
    let digits = number.trim_start_matches('0');
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && digits == (index + 1).to_string()
        && rest == module_name(id)
}

/// Whether Python `code` defines `name` at the top level (a function or a class).
fn defines(code: &str, name: &str) -> bool {
    code.lines().any(|line| {
        let rest = line
            .strip_prefix("def ")
            .or_else(|| line.strip_prefix("async def "))
            .or_else(|| line.strip_prefix("class "));
        rest.and_then(|r| r.strip_prefix(name)).is_some_and(|r| r.starts_with('(') || r.starts_with(':'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_stems_number_from_one_and_use_underscores() {
        assert_eq!(exercise_stem(6, "created-with-location"), "07_created_with_location");
        assert_eq!(exercise_stem(17, "rest"), "18_rest");
    }

    #[test]
    fn a_task_that_promises_a_write_is_recognised() {
        for task in ["It creates an article.", "Saves nothing.", "`DELETE` deletes it", "nothing is created", "SAVED"] {
            assert!(says_it_writes(task), "{task}");
        }
        for task in ["Answer 200 with the list.", "createsuperuser is elsewhere", "a safe method"] {
            assert!(!says_it_writes(task), "{task}");
        }
    }

    #[test]
    fn a_file_is_named_by_its_number_in_any_width() {
        for stem in ["07_created_with_location", "7_created_with_location", "007_created_with_location"] {
            assert!(named_as(stem, 6, "created-with-location"), "{stem}");
        }
        assert!(named_as("100_rest", 99, "rest"));
        for stem in ["08_rest", "_rest", "x7_rest", "07-rest", "07_other", "70_rest"] {
            assert!(!named_as(stem, 6, "rest"), "{stem}");
        }
    }

    #[test]
    fn defines_finds_top_level_functions_and_classes_only() {
        let code = "@require_safe\ndef article_list(request):\n    pass\nclass Detail(View):\n    def get(self): ...\n";
        assert!(defines(code, "article_list"));
        assert!(defines(code, "Detail"));
        assert!(!defines(code, "article"));
        assert!(!defines(code, "get"));
    }
}
