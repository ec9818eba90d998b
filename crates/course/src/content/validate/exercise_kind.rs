//! What an exercise asks for beyond its checks: its kind (a view, or tests run against the
//! exercise's own right and wrong views) and the settings the checker overrides.
use super::Checker;
use crate::content::model::{ExerciseKind, WrongView};
use crate::content::problem::SourceFile;
use crate::content::raw::{self, ExerciseKindEntry};

/// The settings an exercise may override (the checker refuses others too).
pub const SETTINGS: &[&str] = &["REST_FRAMEWORK"];
/// A test-writing exercise needs wrong views to catch, each a different mistake.
const WRONG_VIEWS: std::ops::RangeInclusive<usize> = 2..=8;

impl Checker<'_> {
    /// `kind = "tests"` with its `view` and `wrong_views`, or a view exercise without them.
    pub(super) fn exercise_kind(&mut self, source: &SourceFile<'_>, raw: &raw::ExerciseFile) -> ExerciseKind {
        let tests = raw.kind.as_ref().is_some_and(|k| *k.get_ref() == ExerciseKindEntry::Tests);
        if !tests {
            if let Some(view) = &raw.view {
                let message = "`view` belongs to a test-writing exercise (kind = \"tests\")";
                self.problems.push(source.error(view.span(), message));
            }
            if let Some(wrong) = &raw.wrong_views {
                let message = "`wrong_views` belong to a test-writing exercise (kind = \"tests\")";
                self.problems.push(source.error(wrong.span(), message));
            }
            return ExerciseKind::View;
        }
        let right_view = match &raw.view {
            Some(view) => self.code(source, view, "view"),
            None => {
                let message = "a test-writing exercise needs `view`: the right view its tests must pass against";
                self.problems.push(source.error(raw.id.span(), message));
                String::new()
            }
        };
        let mut wrong_views = Vec::new();
        let span = raw.wrong_views.as_ref().map_or(raw.id.span(), |w| w.span());
        for wrong in raw.wrong_views.as_ref().map(|w| w.get_ref().as_slice()).unwrap_or_default() {
            let description = self.text(source, &wrong.description, "wrong view's description");
            let code = self.code(source, &wrong.source, "wrong view");
            if code.trim() == right_view.trim() {
                self.problems.push(source.error(wrong.source.span(), "this wrong view is the right view"));
            }
            wrong_views.push(WrongView { description, source: code });
        }
        if !WRONG_VIEWS.contains(&wrong_views.len()) {
            let message = format!(
                "a test-writing exercise has {} to {} [[wrong_views]] for the tests to catch; this one has {}",
                WRONG_VIEWS.start(),
                WRONG_VIEWS.end(),
                wrong_views.len()
            );
            self.problems.push(source.error(span, message));
        }
        ExerciseKind::Tests { right_view, wrong_views }
    }

    /// Python source as written, without the newline after `'''`.
    fn code(&mut self, source: &SourceFile<'_>, value: &toml::Spanned<String>, what: &str) -> String {
        self.text(source, value, what);
        value.get_ref().trim_start_matches('\n').to_string()
    }

    /// `[settings.NAME]` tables: (name, value as JSON text).
    pub(super) fn exercise_settings(
        &mut self,
        source: &SourceFile<'_>,
        raw: &raw::ExerciseFile,
    ) -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (name, value) in raw.settings.as_ref().map(|s| s.get_ref().iter()).into_iter().flatten() {
            if !SETTINGS.contains(&name.as_str()) {
                let message = format!("`{name}` cannot be set by an exercise; only {}", SETTINGS.join(", "));
                self.problems.push(source.error(value.span(), message));
                continue;
            }
            if !value.get_ref().is_table() {
                let message = format!("`settings.{name}` is a table of its keys, as in settings.py");
                self.problems.push(source.error(value.span(), message));
                continue;
            }
            // Tables, arrays, strings and numbers: serialising to JSON cannot fail.
            out.push((name.clone(), serde_json::to_string(value.get_ref()).unwrap_or_default()));
        }
        out
    }
}
