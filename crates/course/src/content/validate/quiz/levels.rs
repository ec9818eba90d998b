//! Cognitive levels: course.toml's `applied_percent` asks every question for a `level`
//! and sets the least share of `apply` and `analyse` questions, so that retrieval practice
//! asks learners to use what they read, not only to repeat it.
use super::super::{Checker, Parsed};
use crate::content::model::{LevelCounts, Question};
use crate::content::raw;

impl Checker<'_> {
    /// course.toml's `applied_percent`: a percent from 1 to 100, or nothing.
    fn applied_percent(&mut self, course: &Parsed<'_, raw::CourseFile>) -> Option<usize> {
        let value = course.value.applied_percent.as_ref()?;
        match usize::try_from(*value.get_ref()) {
            Ok(n @ 1..=100) => Some(n),
            _ => {
                self.problems.push(course.source().error(value.span(), "applied_percent is a percent from 1 to 100"));
                None
            }
        }
    }

    /// With `applied_percent` set: a question without a level is an error, and so is a
    /// bank whose apply + analyse share is below it. Without it, levels are optional.
    pub(in super::super) fn levels(
        &mut self,
        course: &Parsed<'_, raw::CourseFile>,
        files: &[Parsed<'_, raw::QuizFile>],
        questions: &[Question],
    ) {
        let Some(minimum) = self.applied_percent(course) else { return };
        for file in files {
            for entry in &file.value.question {
                let q = entry.get_ref();
                if q.level.is_none() {
                    let message = format!(
                        "question `{}` has no `level` (recall, apply or analyse); course.toml sets applied_percent",
                        q.id.get_ref()
                    );
                    self.problems.push(file.source().error(q.id.span(), message));
                }
            }
        }
        let counts = LevelCounts::of(questions.iter().map(|q| q.level));
        if let Some(percent) = counts.applied_percent().filter(|p| *p < minimum) {
            let message = format!(
                "{percent}% of the quiz questions are apply or analyse (recall {}, apply {}, analyse {}); \
                 course.toml asks for at least {minimum}% (applied_percent)",
                counts.recall, counts.apply, counts.analyse
            );
            let span = course.value.applied_percent.as_ref().map(|v| v.span()).unwrap_or_default();
            self.problems.push(course.source().error(span, message));
        }
    }
}
